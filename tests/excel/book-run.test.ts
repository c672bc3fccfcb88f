/**
 * One sheet per 基本目標 in Excel: 「評価を更新」 on any one of the sheets judges every visible KPI
 * sheet of the workbook, writes each one's flags and one summary over all of them, as the command line does.
 */
import path from 'node:path';
import type { Grid } from '../../src/core/types';
import { otherSheetsToRead } from '../../src/excel/book-read';
import { evaluateActiveSheet } from '../../src/excel/evaluate-command';
import { readGrid } from '../../src/xlsx/read-grid';
import { loadWorkbook } from '../../src/xlsx/workbook';
import type { FakeSheet } from './fake-excel';
import { Session } from '../../src/taskpane/session';
import { statusMessage } from '../../src/taskpane/ui/status';
import { FIXTURES } from './fixture-grids';
import { NOW, seeded } from './harness';

const GOAL_SHEETS = ['基本目標1', '基本目標2', '基本目標3', '基本目標4'];

/** Every sheet of a fixture, as the Excel host would read it (no column widths). */
async function fixtureGrids(file: string): Promise<Grid[]> {
  const workbook = await loadWorkbook(path.join(FIXTURES, file));
  return workbook.worksheets.map((ws) => {
    const { columnWidths, ...grid } = readGrid(ws);
    void columnWidths;
    return grid;
  });
}

function cellTexts(sheet: FakeSheet | undefined): string[] {
  return sheet ? [...sheet.cells.values()].map((c) => String(c.value)) : [];
}

/** The 判定 column's values on a sheet, top to bottom: the grades the run wrote there. */
function gradesOn(sheet: FakeSheet | undefined): string[] {
  if (!sheet) return [];
  const header = [...sheet.cells.entries()].filter(([, c]) => c.value === '判定').map(([k]) => k.split(','));
  const cols = new Set(header.map(([, col]) => col));
  return [...sheet.cells.entries()]
    .filter(([k, c]) => cols.has(k.split(',')[1]) && c.value !== '判定' && c.value !== '')
    .sort(([a], [b]) => Number(a.split(',')[0]) - Number(b.split(',')[0]))
    .map(([, c]) => String(c.value));
}

async function seededBook(active: string) {
  const grids = await fixtureGrids('asakuchi-progress-sheet-per-goal.xlsx');
  const harness = seeded(grids[0]);
  for (const grid of grids.slice(1)) harness.fake.state.seed(grid);
  harness.fake.state.activeSheet = active;
  return harness;
}

describe('評価を更新 on a workbook with one sheet per 基本目標', () => {
  it('judges all four sheets from whichever is active, with one summary over them', async () => {
    const { fake, host } = await seededBook('基本目標2');
    const outcome = await evaluateActiveSheet(host, NOW);
    expect(outcome.ok).toBe(true);
    // The counts of the same table on one sheet: 46 KPIs, 44 judged (廃止 2 not counted).
    const [one] = await fixtureGrids('asakuchi-progress.xlsx');
    const single = await evaluateActiveSheet(seeded(one).host, NOW);
    expect(single.message).toMatch(/^評価を更新しました: KPI 44 件 /);
    expect(outcome.message).toBe(single.message.replace('KPI 44 件', '4 シートの KPI 44 件'));
    for (const name of GOAL_SHEETS) expect(cellTexts(fake.state.sheet(name))).toContain('判定');
    const summaries = fake.state.sheets.filter((s) => s.name.startsWith('KPI評価サマリー'));
    expect(summaries).toHaveLength(1);
    expect(cellTexts(summaries[0]).some((t) => t.startsWith(`対象シート: ${GOAL_SHEETS.join('、')}`))).toBe(
      true,
    );
  });

  it('writes on each sheet the grades that sheet has in the one-sheet table', async () => {
    const { fake, host } = await seededBook('基本目標1');
    await evaluateActiveSheet(host, NOW);
    const split = GOAL_SHEETS.flatMap((name) => gradesOn(fake.state.sheet(name)));

    const [one] = await fixtureGrids('asakuchi-progress.xlsx');
    const single = seeded(one);
    await evaluateActiveSheet(single.host, NOW);
    expect(split).toEqual(gradesOn(single.fake.state.sheet(one.sheet)));
    expect(split).toHaveLength(50);
  });

  it('reads no hidden sheet and none of its own sheets; a re-run reads the same sheets again', async () => {
    const { fake, host } = await seededBook('基本目標3');
    const hidden = fake.state.addSheet('旧様式');
    hidden.visibility = 'Hidden';
    const read: string[] = [];
    const readOne = host.readGrid.bind(host);
    host.readGrid = async (sheet, cellEdit) => {
      const grid = await readOne(sheet, cellEdit);
      read.push(grid.sheet);
      return grid;
    };
    await evaluateActiveSheet(host, NOW);
    expect(read).toEqual(['基本目標3', '基本目標1', '基本目標2', '基本目標4']);
    read.length = 0;
    // The summary sheet is active after a run: the KPI sheet its marks name is read, then the others.
    await evaluateActiveSheet(host, NOW);
    expect(read.slice(1).sort()).toEqual([...GOAL_SHEETS].sort());
    expect(fake.state.sheets.filter((s) => s.name.startsWith('KPI評価サマリー'))).toHaveLength(1);
  });

  it('reads the active sheet alone where the host does not say which sheets are hidden', async () => {
    const [grid] = await fixtureGrids('asakuchi-progress-sheet-per-goal.xlsx');
    const { hiddenSheets, ...unknown } = grid;
    void hiddenSheets;
    expect(otherSheetsToRead(unknown)).toEqual([]);
    expect(otherSheetsToRead(grid)).toEqual(GOAL_SHEETS.slice(1));
  });

  it('評価する in the pane does the same, and says which sheets it judged', async () => {
    const { fake, host } = await seededBook('基本目標4');
    const session = new Session(host, { now: () => NOW, liveDelayMs: 0 });
    await session.load();
    await session.evaluate();
    const { state } = session;
    expect(state.error).toBeNull();
    expect(state.lastRun).toMatchObject({ kind: 'evaluated', sheets: GOAL_SHEETS });
    expect(statusMessage(state)).toMatch(
      /^評価しました: R6 の 4 シート \(基本目標1、基本目標2、基本目標3、基本目標4\) の KPI 44 件/,
    );
    expect(state.notices[0]).toBe(
      'シート「基本目標1」「基本目標2」「基本目標3」「基本目標4」をまとめて評価し、サマリーは 1 つにしました',
    );
    // The pane shows the active sheet, judged as the run judged it.
    expect(state.analysis?.grid.sheet).toBe('基本目標4');
    for (const name of GOAL_SHEETS) expect(cellTexts(fake.state.sheet(name))).toContain('判定');
  });
});
