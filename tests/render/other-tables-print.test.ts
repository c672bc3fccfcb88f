/**
 * Other cities' tables printed by LibreOffice (A4, the default), beside the seed's (pdf.test.ts): a
 * workbook of one sheet per 基本目標, whose summary lists rows on other sheets (`基本目標1!10`) and the
 * labels of a scale wider than their columns, and a small table that prints at 100 %, where the KPI
 * sheet's footer is not shrunk with the sheet. On every page: no word across a cell's edge, none over
 * another.
 */
import { join } from 'node:path';
import { renderPdf } from '../../src/cli/render-pdf';
import { FIXTURES, runOnce, scratchDir } from '../xlsx/evaluated';
import { readRules, wordsAcrossEdges, wordsOverOthers, type PrintedPages } from './pdf-cells';
import { readPdfLayout } from './pdf-layout';

async function print(fixture: string): Promise<PrintedPages> {
  const dir = scratchDir();
  const xlsx = join(dir, fixture);
  await runOnce(join(FIXTURES, fixture), xlsx);
  const result = await renderPdf(xlsx, dir);
  if (!result.ok) throw new Error(result.message);
  return { pages: readPdfLayout(result.pdf), rules: readRules(result.pdf) };
}

describe.each([
  ['one sheet per 基本目標', 'asakuchi-progress-sheet-per-goal.xlsx'],
  ['a small table printed at 100 %', 'published-achieved.xlsx'],
])('%s (%s) printed on A4', (_name, fixture) => {
  let printed: PrintedPages;
  beforeAll(async () => {
    printed = await print(fixture);
  }, 300_000);

  it('prints the KPI sheet and the summary, with their cell borders', () => {
    expect(printed.pages.length).toBeGreaterThanOrEqual(3);
    expect(printed.rules.filter((r) => r.length > 10).length).toBeGreaterThanOrEqual(3);
  });

  it('no word crosses its column’s edge', () => {
    expect(wordsAcrossEdges(printed, 'column')).toEqual([]);
  });

  it('no word crosses its row’s top or bottom edge', () => {
    expect(wordsAcrossEdges(printed, 'row')).toEqual([]);
  });

  it('no word prints over another (the footer’s legend clear of the page number)', () => {
    expect(wordsOverOthers(printed)).toEqual([]);
  });
});
