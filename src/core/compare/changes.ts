/**
 * What changed between two readings of one KPI. A value present on one side only is not a change: a
 * progress table that leaves a target cell empty has not moved the target, so the pair keeps 変更なし
 * (or its real marks) and says which side left the value out.
 */
import { nfkcProtected } from '../read/normalize';
import type { Kpi, Reading, YearCell } from '../types';

export type ChangeMark = '変更なし' | '目標変更' | '基準値変更' | '単位変更' | '追加' | '削除';

export interface Changes {
  readonly marks: readonly ChangeMark[];
  /** Japanese notes: a value left out on one side (`目標値: 進捗の表で未記入 (策定時 20件)`). */
  readonly notes: readonly string[];
}

const NOISE = /[\s\p{P}\p{S}]/gu;

/** A reading's meaning as compared: the quantity where there is one, else the normalized text; '' for none. */
export function readingMeaning(reading: Reading | undefined): string {
  if (reading === undefined) return '';
  switch (reading.kind) {
    case 'number':
    case 'percent':
    case 'age':
    case 'presence':
      return `${reading.value}`;
    case 'missing':
      return '';
    default:
      return nfkcProtected(reading.raw).replace(NOISE, '').toLowerCase();
  }
}

type Side = 'before' | 'after';

const SIDE_NAME: Readonly<Record<Side, string>> = { before: '策定時', after: '進捗' };

function absentNote(what: string, missing: Side, shown: string): string {
  const other: Side = missing === 'before' ? 'after' : 'before';
  return `${what}: ${SIDE_NAME[missing]}の表で未記入 (${SIDE_NAME[other]} ${shown})`;
}

/** 'same', 'changed', or the side that has no value. */
function compareValues(a: string, b: string): 'same' | 'changed' | Side {
  if (a === b) return 'same';
  if (a === '') return 'before';
  if (b === '') return 'after';
  return 'changed';
}

function cellText(cell: YearCell | null): string {
  return cell?.reading.raw.trim() ?? '';
}

/** The marks of a matched pair (several can apply; 変更なし alone when none does) and its notes. */
export function changesBetween(before: Kpi, after: Kpi): Changes {
  const marks: ChangeMark[] = [];
  const notes: string[] = [];
  const check = (
    mark: ChangeMark,
    what: string,
    a: string,
    b: string,
    shownA: string,
    shownB: string,
  ): void => {
    const result = compareValues(a, b);
    if (result === 'changed') marks.push(mark);
    else if (result !== 'same') notes.push(absentNote(what, result, result === 'before' ? shownB : shownA));
  };
  // Targets and baselines are compared by meaning (0.16 = 16%) and shown as the cell was written.
  const checkCell = (mark: ChangeMark, what: string, cellOf: (kpi: Kpi) => YearCell | null): void =>
    check(
      mark,
      what,
      readingMeaning(cellOf(before)?.reading),
      readingMeaning(cellOf(after)?.reading),
      cellText(cellOf(before)),
      cellText(cellOf(after)),
    );
  checkCell('目標変更', '目標値', (kpi) => kpi.target);
  checkCell('基準値変更', '基準値', (kpi) => kpi.baseline);
  check('単位変更', '単位', before.unit, after.unit, before.unit, after.unit);
  return { marks: marks.length === 0 ? ['変更なし'] : marks, notes };
}
