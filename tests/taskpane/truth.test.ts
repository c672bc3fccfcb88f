/**
 * The pane never shows a state that differs from the workbook without saying so, and counts what
 * users count. The Session and the pane's model on the bundled sample, through the demo host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRESETS } from '../../src/core/settings';
import type { Grid } from '../../src/core/types';
import { DemoWorkbookHost } from '../../src/taskpane/demo/demo-host';
import { DemoWorkbook } from '../../src/taskpane/demo/demo-workbook';
import { clerkItems, lookAlikeDepartments } from '../../src/taskpane/model';
import { Session } from '../../src/taskpane/session';

const SAMPLE: Grid = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'demo', 'sample-grid.json'), 'utf8'),
);
const NOW = new Date(Date.UTC(2025, 5, 30));
const SOGYO = '創業支援事業による創業者数';

function demo(): { host: DemoWorkbookHost; session: Session } {
  const host = new DemoWorkbookHost(DemoWorkbook.fromGrid(SAMPLE));
  return { host, session: new Session(host, { now: () => NOW, liveDelayMs: 0 }) };
}

async function settle(session: Session): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await session.idle();
}

describe('settings on hold block 評価する', () => {
  it('writes nothing while held, and evaluates once the hold is lifted', async () => {
    const { host, session } = demo();
    await session.load();
    session.holdSettings('C 以上 (90) が B 以上 (80) より大きい');
    await session.evaluate();
    expect(session.state.written).toBe(false);
    expect(host.book.sheets.map((s) => s.name)).toEqual([SAMPLE.sheet]);
    session.changeSettings(PRESETS['進捗率']);
    expect(session.state.heldSettings).toBeNull();
    await session.evaluate();
    expect(session.state.written).toBe(true);
  });
});

describe('messages count KPIs judged, as the summary sheet does', () => {
  it('reports KPIs judged (廃止 apart) after 評価する, the same on a re-run', async () => {
    const { session } = demo();
    await session.load();
    await session.evaluate();
    const first = session.state.lastRun;
    const overall = session.state.analysis!.evaluation.summary.overall;
    expect(first).toMatchObject({ kind: 'evaluated', year: 2024, judged: overall.judged });
    expect(first?.kind === 'evaluated' && first.judged + first.abolished).toBe(46);
    await session.evaluate();
    expect(session.state.lastRun).toEqual(first);
  });

  it('reports sheets laid out after 印刷用に整える, and 読み直す clears the message', async () => {
    const { session } = demo();
    await session.load();
    await session.preparePrint();
    expect(session.state.lastRun).toMatchObject({ kind: 'printed', sheets: [SAMPLE.sheet] });
    await session.load();
    expect(session.state.lastRun).toBeNull();
    expect(session.state.print).toBeNull();
    expect(session.state.notices).toEqual([]);
  });

  it('knows after 評価する which sheets are ready to print, the summary among them', async () => {
    const { session } = demo();
    await session.load();
    await session.evaluate();
    expect(session.state.print?.ready.map((r) => r.sheet)).toEqual(
      expect.arrayContaining([SAMPLE.sheet, 'KPI評価サマリー']),
    );
    expect(session.state.print?.notYet).toEqual([]);
  });
});

describe('live edits leave the summary sheet behind until 評価する', () => {
  it('counts the rows edited since the last 評価する, once per row', async () => {
    const { host, session } = demo();
    await session.load();
    await session.evaluate();
    expect(session.state.editedRows).toBe(0);
    const item = clerkItems(session.state.analysis!, '産業振興課').find((i) => i.name.startsWith(SOGYO))!;
    await host.selectCell(SAMPLE.sheet, item.cell!);
    const { row, col } = host.selection!;
    host.typeInto(SAMPLE.sheet, row, col, '40人');
    await settle(session);
    host.typeInto(SAMPLE.sheet, row, col, '41人');
    await settle(session);
    expect(session.state.editedRows).toBe(1);
    await session.evaluate();
    expect(session.state.editedRows).toBe(0);
  });
});

describe("a clerk's list shows each KPI with value, target and rate", () => {
  it('gives 創業者数 its value 14人, target 39人, achievement 35.9 % and a cell to go to', async () => {
    const { session } = demo();
    await session.load();
    const items = clerkItems(session.state.analysis!, '産業振興課');
    const sogyo = items.find((i) => i.name.startsWith(SOGYO))!;
    expect(sogyo).toMatchObject({ latest: '14人', target: '39人', basis: 'achievement', grade: 'D' });
    expect(sogyo.rate).toBeCloseTo(14 / 39, 3);
    expect(sogyo.jumpCell).toBe(sogyo.cell);
    expect(items.every((i) => /^[A-Z]+\d+$/.test(i.jumpCell))).toBe(true);
  });
});

describe('look-alike department names are pointed out', () => {
  it('finds ひとつづくり推進課 beside ひとづくり推進課 on the sample, and nothing else', async () => {
    const { session } = demo();
    await session.load();
    const found = lookAlikeDepartments(session.state.analysis!);
    expect(found).toHaveLength(1);
    expect(new Set([found[0].odd, found[0].like])).toEqual(
      new Set(['ひとつづくり推進課', 'ひとづくり推進課']),
    );
  });
});
