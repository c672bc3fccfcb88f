/**
 * Done when: the compare of the repository's two seed tables (the fixture workbooks built from them by
 * scripts/build-fixtures.ts) lists every KPI of both with its mark, as the hand-made expectation in
 * tests/fixtures/compare/asakuchi-strategy-vs-progress.tsv says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSheets, normalizeName, type Comparison } from '../../../src/core/compare';
import type { KpiSheet } from '../../../src/core/types';
import { openBook, pickBookSheet } from '../../../src/xlsx/open-book';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

interface Expected {
  readonly marks: string;
  readonly before: string;
  readonly after: string;
  readonly notes: readonly string[];
}

function expectation(): { rows: Expected[]; uncertain: [string, string][] } {
  const text = readFileSync(join(FIXTURES, 'compare', 'asakuchi-strategy-vs-progress.tsv'), 'utf8');
  const rows: Expected[] = [];
  const uncertain: [string, string][] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [marks, before = '', after = '', notes = ''] = line.split('\t');
    if (marks === '?') uncertain.push([normalizeName(before), normalizeName(after)]);
    else
      rows.push({
        marks,
        before: normalizeName(before),
        after: normalizeName(after),
        notes: notes === '' ? [] : notes.split('|'),
      });
  }
  return { rows, uncertain };
}

async function read(file: string): Promise<KpiSheet> {
  const picked = pickBookSheet(await openBook(join(FIXTURES, file)), undefined);
  if (!picked.layout.ok) throw new Error(picked.layout.failure.message);
  return picked.layout.sheet;
}

function allNames(sheet: KpiSheet): string[] {
  return sheet.blocks.flatMap((b) => [...b.headlines, ...b.kpis].map((k) => normalizeName(k.name)));
}

let strategy: KpiSheet;
let progress: KpiSheet;
let comparison: Comparison;
beforeAll(async () => {
  strategy = await read('asakuchi-strategy.xlsx');
  progress = await read('asakuchi-progress.xlsx');
  comparison = compareSheets(strategy, progress);
});

describe('the compare of the two seed tables', () => {
  it('lists every KPI of both tables once', () => {
    const before = comparison.rows.flatMap((r) => (r.before ? [normalizeName(r.before.name)] : []));
    const after = comparison.rows.flatMap((r) => (r.after ? [normalizeName(r.after.name)] : []));
    expect(before.sort()).toEqual(allNames(strategy).sort());
    expect(after.sort()).toEqual(allNames(progress).sort());
    // KPIs and 数値目標 by 基本目標: 11 + 23 + 13 + 9 in the strategy table, 11 + 21 + 11 + 7 in the progress table.
    expect(before).toHaveLength(56);
    expect(after).toHaveLength(50);
  });

  it('gives each KPI the mark of the hand-made expectation', () => {
    const { rows } = expectation();
    const key = (marks: string, before: string, after: string): string => `${marks}\t${before}\t${after}`;
    const got = comparison.rows.map((r) =>
      key(r.marks.join('・'), normalizeName(r.before?.name ?? ''), normalizeName(r.after?.name ?? '')),
    );
    expect(got.sort()).toEqual(rows.map((r) => key(r.marks, r.before, r.after)).sort());
  });

  it('notes each value one table leaves empty, which the expectation names', () => {
    const { rows } = expectation();
    for (const expected of rows) {
      const found = comparison.rows.find(
        (r) =>
          normalizeName(r.before?.name ?? '') === expected.before &&
          normalizeName(r.after?.name ?? '') === expected.after,
      );
      expect(found?.notes.length).toBe(expected.notes.length);
      expected.notes.forEach((note, i) => expect(found?.notes[i].startsWith(note)).toBe(true));
    }
  });

  it('lists the pairs to confirm that the expectation lists, and merges none of them', () => {
    const got = comparison.uncertain.map((u) => [normalizeName(u.before.name), normalizeName(u.after.name)]);
    expect(got.sort()).toEqual(expectation().uncertain.sort());
  });
});
