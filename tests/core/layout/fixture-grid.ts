/** Test helpers: a fixture workbook's first sheet as a Grid, and small Grids written inline. */
import { join } from 'node:path';
import type { CellValue, Grid, OutputMark, CellRange } from '../../../src/core/types';
import { readGrid } from '../../../src/xlsx/read-grid';
import { loadWorkbook } from '../../../src/xlsx/workbook';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export async function fixtureGrid(file: string, sheet?: string): Promise<Grid> {
  const workbook = await loadWorkbook(join(FIXTURES, file));
  const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`no sheet ${sheet} in ${file}`);
  return readGrid(worksheet);
}

/** A Grid from rows of cells as the user sees them (strings) or numeric cells ({ value, format, text }). */
export type InlineCell = string | { readonly value: number; readonly format?: string; readonly text: string };

export function inlineGrid(
  rows: readonly (readonly InlineCell[])[],
  extras: { readonly merges?: readonly CellRange[]; readonly marks?: readonly OutputMark[] } = {},
): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (r: readonly InlineCell[], c: number): InlineCell => r[c] ?? '';
  const values: CellValue[][] = rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const x = cell(r, c);
      return typeof x === 'string' ? x : x.value;
    }),
  );
  const texts = rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const x = cell(r, c);
      return typeof x === 'string' ? x : x.text;
    }),
  );
  const formats = rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const x = cell(r, c);
      return typeof x === 'string' ? 'General' : (x.format ?? 'General');
    }),
  );
  return {
    sheet: 'KPI',
    top: 1,
    left: 1,
    values,
    texts,
    formats,
    merges: extras.merges ?? [],
    marks: extras.marks ?? [],
    sheetNames: ['KPI'],
  };
}
