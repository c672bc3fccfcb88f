import { analyze } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/types';
import { missingComments } from '../../src/taskpane/comments-model';
import { fixtureGrid } from '../excel/fixture-grids';
import { fullRun, seeded } from '../excel/harness';

const SHEET = 'KPI一覧';
const ON: Settings = { ...DEFAULT_SETTINGS, commentColumns: true };

async function analysisAfter(settings: Settings, typed: readonly [number, number, string][]) {
  const { fake, host } = seeded(await fixtureGrid('asakuchi-progress.xlsx'));
  await fullRun(host, settings);
  for (const [row, col, text] of typed) {
    const cell = fake.state.cell(fake.state.sheet(SHEET)!, row, col);
    cell.value = text;
    cell.text = text;
  }
  const result = analyze(await host.readGrid(), settings);
  if (!result.ok) throw new Error(result.failure.message);
  return result.analysis;
}

describe('the 担当課 view’s comment check: which KPIs still lack a comment, and where to type it', () => {
  it('lists the department’s KPIs without both comments, each with its empty cell', async () => {
    // Row 10 創業支援事業による創業者数 (産業振興課): both written; row 11 農業参入企業数: 要因・分析 only.
    const analysis = await analysisAfter(ON, [
      [10, 19, '物価高で開業の見送りが続いた'],
      [10, 20, '創業塾の受講者に資金相談を案内'],
      [11, 19, '参入の相談はあったが実現せず'],
    ]);
    const items = missingComments(analysis, '産業振興課')!;
    expect(items.some((i) => i.name.startsWith('創業支援事業による創業者数'))).toBe(false);
    const farming = items.find((i) => i.name.startsWith('農業参入企業数'));
    expect(farming).toMatchObject({ missing: 'outlook', cell: 'T11' });
    const brand = items.find((i) => i.name.startsWith('浅口市産農林水産物'));
    expect(brand).toMatchObject({ missing: 'both', cell: 'S12' });
    const all = analysis.sheet.blocks.flatMap((b) => b.kpis).filter((k) => k.department === '産業振興課');
    expect(items.length).toBe(all.length - 1);
  });

  it('asks nothing of an abolished KPI (工業団地整備面積: 廃止)', async () => {
    const analysis = await analysisAfter(ON, []);
    expect(
      missingComments(analysis, 'まちづくり課')!.some((i) => i.name.startsWith('工業団地整備面積')),
    ).toBe(false);
  });

  it('is null where the sheet has no comment columns', async () => {
    expect(missingComments(await analysisAfter(DEFAULT_SETTINGS, []), null)).toBeNull();
  });
});
