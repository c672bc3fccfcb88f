/**
 * The ribbon command 「評価を更新」 as Office runs it: office.js calls the associated function, the
 * command evaluates the active sheet through Excel.run and shows its message in a dialog, in Office's
 * display language.
 */
import { FakeExcel } from '../excel/fake-excel';
import { fixtureGrid } from '../excel/fixture-grids';

interface Dialog {
  readonly url: string;
}

async function runCommand(displayLanguage: string): Promise<{ dialog: Dialog; completed: boolean }> {
  const grid = await fixtureGrid('asakuchi-progress.xlsx');
  const fake = new FakeExcel();
  fake.state.seed(grid);
  fake.state.activeSheet = grid.sheet;
  let ready: (() => void) | null = null;
  let action: ((event: { completed: () => void }) => Promise<void>) | null = null;
  let dialog: Dialog | null = null;
  const g = globalThis as Record<string, unknown>;
  g.window = { location: { href: 'https://localhost:3000/commands.html', search: '' } };
  g.Excel = { run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => fake.run(batch) };
  g.Office = {
    onReady: (callback: () => void) => (ready = callback),
    actions: { associate: (_name: string, fn: typeof action) => (action = fn) },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
    context: {
      displayLanguage,
      requirements: { isSetSupported: () => true },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
          dialog = { url };
          callback({ status: 'failed' });
        },
      },
    },
  };
  await jest.isolateModulesAsync(async () => {
    await import('../../src/commands/commands');
  });
  (ready as unknown as () => void)();
  let completed = false;
  await (action as unknown as (event: { completed: () => void }) => Promise<void>)({
    completed: () => (completed = true),
  });
  return { dialog: dialog as unknown as Dialog, completed };
}

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.window;
  delete g.Excel;
  delete g.Office;
});

describe('the ribbon command speaks Office’s display language', () => {
  test('English Office: the message is English', async () => {
    const { dialog, completed } = await runCommand('en-US');
    const message = new URL(dialog.url).searchParams.get('message');
    expect(message).toMatch(/^Evaluation updated: \d+ KPIs/);
    expect(completed).toBe(true);
  });

  test('Japanese Office: the message is Japanese', async () => {
    const { dialog } = await runCommand('ja-JP');
    expect(new URL(dialog.url).searchParams.get('message')).toMatch(/^評価を更新しました/);
  });
});
