/**
 * `kpi-sheet settings book.xlsx`: the settings a run on the workbook uses and where each value comes
 * from (既定 / ブック / コマンドライン), without writing anything.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** `設定 → [値, 出どころ]` from the printed table. */
function table(stdout: string): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>();
  for (const line of stdout.split('\n')) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length === 4 && /^--[a-z]/.test(cells[1])) rows.set(cells[1], [cells[2], cells[3]]);
  }
  return rows;
}

describe('kpi-sheet settings shows each setting’s value and where it comes from', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-settings-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a workbook nothing was saved in: every value is the default', async () => {
    const run = await runCli(main, ['settings', path.join(FIXTURES, 'asakuchi-progress.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ブックに保存された設定はありません');
    const rows = table(run.stdout);
    expect(rows.size).toBe(13);
    expect([...rows.values()].every(([, source]) => source === '既定')).toBe(true);
    expect(rows.get('--comments')).toEqual(['いいえ', '既定']);
  });

  test('saved by an earlier run, one value given again here: ブック and コマンドライン apart', async () => {
    const book = path.join(dir, 'saved.xlsx');
    const before = await runCli(main, [
      'evaluate',
      path.join(FIXTURES, 'asakuchi-progress.xlsx'),
      '--comments',
      '--paper',
      'A3',
      '-o',
      book,
    ]);
    expect(before.code).toBe(0);
    const bytes = await readFile(book);
    const run = await runCli(main, ['settings', book, '--previous-year', 'R5', '--department', '産業振興課']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ブックに保存された設定があります');
    const rows = table(run.stdout);
    expect(rows.get('--comments')).toEqual(['はい', 'ブック']);
    expect(rows.get('--paper')).toEqual(['A3', 'ブック']);
    expect(rows.get('--previous-year')).toEqual(['はい (R5)', 'コマンドライン']);
    expect(rows.get('--department')).toEqual(['産業振興課', 'コマンドライン']);
    expect(rows.get('--year')).toEqual(['実績のある最新年度', 'ブック']);
    expect(rows.get('--columns')).toEqual(['なし', '既定']);
    // Read only.
    expect((await readFile(book)).equals(bytes)).toBe(true);

    const json = await runCli(main, ['settings', book, '--json']);
    const parsed = JSON.parse(json.stdout) as {
      saved: boolean;
      settings: Record<string, { source: string }>;
    };
    expect(parsed.saved).toBe(true);
    expect(parsed.settings.commentColumns).toEqual({ value: 'はい', source: 'workbook' });
    expect(parsed.settings.previousYearColumns).toEqual({ value: 'いいえ', source: 'default' });
  });

  test('a bad option value: the Japanese reason and the usage, exit 2', async () => {
    const run = await runCli(main, [
      'settings',
      path.join(FIXTURES, 'asakuchi-progress.xlsx'),
      '--previous-year',
      'kyonen',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--previous-year の値が不正です');
    expect(run.stderr).toContain('使い方: kpi-sheet settings');
  });
});
