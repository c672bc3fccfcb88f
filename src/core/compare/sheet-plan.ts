/**
 * The 比較 sheet: every KPI of both tables with its mark, then the pairs the user is to confirm. Written
 * as a WritePlan, so the command line (into a copy of the progress workbook) and the pane (into the open
 * workbook) write the same sheet. A re-run deletes the sheet its mark points at and writes it again.
 */
import type { CellRange, CellStyle, OutputMark, PlanValue, WriteOp, WritePlan } from '../types';
import { BORDER, HEADER_STYLE } from '../plan/palette';
import { freeSheetName } from '../plan/sheet-names';
import type { ChangeMark } from './changes';
import { COMPARE_MARK } from './mark';

export { COMPARE_MARK, compareOutputSheets } from './mark';
import type { ComparedKpi, Comparison } from './comparison';

export const COMPARE_SHEET = '比較';

export const MARK_ORDER: readonly ChangeMark[] = [
  '変更なし',
  '目標変更',
  '基準値変更',
  '単位変更',
  '追加',
  '削除',
];

/** Marks a reviewer looks for, tinted; 変更なし is left plain. */
const MARK_FILL: Readonly<Partial<Record<ChangeMark, CellStyle>>> = {
  目標変更: { fill: '#FFC7CE', fontColor: '#9C0006' },
  基準値変更: { fill: '#FFEB9C', fontColor: '#7F6000' },
  単位変更: { fill: '#FFEB9C', fontColor: '#7F6000' },
  追加: { fill: '#DDEBF7', fontColor: '#1F4E78' },
  削除: { fill: '#E7E6E6', fontColor: '#595959' },
};

export interface CompareSheetInput {
  readonly comparison: Comparison;
  /** `strategy.xlsx のシート「総合戦略KPI」`: where each table was read. */
  readonly strategyLabel: string;
  readonly progressLabel: string;
  /** Every sheet of the workbook written into, and its KPISHEET_ marks. */
  readonly sheetNames: readonly string[];
  readonly marks: readonly OutputMark[];
}

/** How many KPIs carry each mark (a pair with two changes counts under both). */
export function markCounts(comparison: Comparison): Record<ChangeMark, number> {
  const counts = Object.fromEntries(MARK_ORDER.map((m) => [m, 0])) as Record<ChangeMark, number>;
  for (const row of comparison.rows) for (const mark of row.marks) counts[mark] += 1;
  return counts;
}

export const ROW_HEADER = [
  '比較',
  '基本目標',
  '策定時の KPI',
  '進捗の KPI',
  '名前の一致度',
  '単位 (策定時)',
  '単位 (進捗)',
  '基準値 (策定時)',
  '基準値 (進捗)',
  '目標値 (策定時)',
  '目標値 (進捗)',
  '備考',
] as const;

const WIDTHS = [12, 16, 32, 32, 7, 6, 6, 11, 11, 11, 11, 28];

const UNCERTAIN_HEADER = ['確認', '基本目標', '策定時の KPI', '進捗の KPI', '名前の一致度'] as const;

function kpiCells(k: ComparedKpi | null, field: 'unit' | 'baseline' | 'target'): PlanValue {
  return k === null ? null : k[field] === '' ? null : k[field];
}

/** Removal of an earlier run's 比較 sheet, then the sheet and its mark. */
export function compareSheetPlan(input: CompareSheetInput): WritePlan {
  const { comparison } = input;
  const ops: WriteOp[] = [];
  const previous = input.marks.find((m) => m.name === COMPARE_MARK);
  let taken = input.sheetNames;
  if (previous) {
    if (input.sheetNames.includes(previous.sheet)) {
      ops.push({ op: 'deleteSheet', sheet: previous.sheet });
      taken = taken.filter((s) => s !== previous.sheet);
    }
    ops.push({ op: 'removeMark', name: COMPARE_MARK });
  }
  const sheet = freeSheetName(COMPARE_SHEET, taken);
  ops.push({ op: 'addSheet', sheet, visibility: 'visible' });

  const counts = markCounts(comparison);
  const values: PlanValue[][] = [
    ['策定時の表との比較', ...Array<PlanValue>(ROW_HEADER.length - 1).fill(null)],
    [`策定時: ${input.strategyLabel}`],
    [`進捗: ${input.progressLabel}`],
    [MARK_ORDER.map((m) => `${m} ${counts[m]}`).join('　')],
    [],
    [...ROW_HEADER],
  ];
  const headerRow = values.length;
  for (const r of comparison.rows) {
    const either = r.after ?? r.before;
    values.push([
      r.marks.join('・'),
      either?.goal ?? null,
      r.before?.name ?? null,
      r.after?.name ?? null,
      r.score,
      kpiCells(r.before, 'unit'),
      kpiCells(r.after, 'unit'),
      kpiCells(r.before, 'baseline'),
      kpiCells(r.after, 'baseline'),
      kpiCells(r.before, 'target'),
      kpiCells(r.after, 'target'),
      r.notes.length === 0 ? null : r.notes.join('\n'),
    ]);
  }
  const lastRow = values.length;
  values.push([]);
  values.push([
    comparison.uncertain.length === 0
      ? '確認が必要な組はありません。'
      : `確認が必要な組 ${comparison.uncertain.length} 件: 名前が似ていますが、同じ KPI とは決めていません (上の表では 削除 と 追加 のままです)。同じ KPI かどうかを確かめてください。`,
  ]);
  const noticeRow = values.length;
  let uncertainHeader = 0;
  if (comparison.uncertain.length > 0) {
    values.push([...UNCERTAIN_HEADER]);
    uncertainHeader = values.length;
    for (const u of comparison.uncertain)
      values.push(['要確認', u.after.goal, u.before.name, u.after.name, u.score]);
  }
  const width = ROW_HEADER.length;
  const rect = values.map((row) => [...row, ...Array<PlanValue>(width - row.length).fill(null)]);
  ops.push({ op: 'setValues', sheet, row: 1, col: 1, values: rect });
  ops.push({ op: 'setColumnWidths', sheet, firstCol: 1, widths: WIDTHS });
  ops.push({ op: 'setStyle', sheet, range: cells(1, 1, 1, 1), style: { bold: true, fontSize: 14 } });
  ops.push({ op: 'setStyle', sheet, range: cells(headerRow, 1, headerRow, width), style: HEADER_STYLE });
  if (lastRow > headerRow) {
    ops.push({
      op: 'setStyle',
      sheet,
      range: cells(headerRow + 1, 1, lastRow, width),
      style: { border: BORDER, vertical: 'top', wrap: true },
    });
    comparison.rows.forEach((r, i) => {
      const style = MARK_FILL[r.marks.find((m) => MARK_FILL[m] !== undefined) ?? '変更なし'];
      if (style) {
        const row = headerRow + 1 + i;
        ops.push({
          op: 'setStyle',
          sheet,
          range: cells(row, 1, row, 1),
          style: { ...style, border: BORDER, vertical: 'top', wrap: true },
        });
      }
    });
  }
  ops.push({ op: 'setStyle', sheet, range: cells(noticeRow, 1, noticeRow, 1), style: { bold: true } });
  if (uncertainHeader > 0) {
    const header = cells(uncertainHeader, 1, uncertainHeader, UNCERTAIN_HEADER.length);
    ops.push({ op: 'setStyle', sheet, range: header, style: HEADER_STYLE });
    ops.push({
      op: 'setStyle',
      sheet,
      range: cells(uncertainHeader + 1, 1, rect.length, UNCERTAIN_HEADER.length),
      style: { ...MARK_FILL.基準値変更, border: BORDER, vertical: 'top', wrap: true },
    });
  }
  // Neither Excel nor LibreOffice fits a wrapped row's height when it opens a file.
  ops.push({ op: 'fitRowHeights', sheet, range: cells(headerRow, 1, rect.length, width) });
  ops.push({
    op: 'setPageLayout',
    sheet,
    layout: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      printArea: cells(1, 1, rect.length, width),
      titleRows: { first: headerRow, last: headerRow },
      header: '',
      footer: '&P / &N',
      rowBreaks: [],
      centerHorizontally: false,
    },
  });
  ops.push({
    op: 'addMark',
    mark: { name: COMPARE_MARK, sheet, range: cells(1, 1, rect.length, width) },
  });
  return { ops, notices: [] };
}

function cells(top: number, left: number, bottom: number, right: number): CellRange {
  return { top, left, bottom, right };
}
