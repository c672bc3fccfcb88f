/** How inspect and compare stop on an error: the user's file said as it is, a bug said without Node's text. */
import { commandError } from '../../src/cli/command-error';
import { WorkbookError } from '../../src/xlsx/workbook-error';
import { runCli } from './run-cli';

describe('commandError', () => {
  test('a file the user must fix: its message, exit 2', async () => {
    const error = new WorkbookError('notFound', 'ファイルが見つかりません: a.xlsx');
    const { code, stdout, stderr } = await runCli(
      async () => commandError('inspect', error, '読み取り', false),
      [],
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('kpi-sheet inspect: ファイルが見つかりません: a.xlsx\n');
  });

  test('a bug: a Japanese sentence with the error kind, not its text, exit 1', async () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'row')");
    const compare = await runCli(async () => commandError('compare', error, '比較', true), []);
    expect(compare.code).toBe(1);
    expect(compare.stderr).toBe(
      'kpi-sheet compare: 予期しないエラーで比較を中止しました (TypeError)。ファイルは変更していません。' +
        'お手数ですが、ファイルを添えて開発者に報告してください。\n',
    );
    const inspect = await runCli(async () => commandError('inspect', 'thrown text', '読み取り', false), []);
    expect(inspect.code).toBe(1);
    expect(inspect.stderr).toBe(
      'kpi-sheet inspect: 予期しないエラーで読み取りを中止しました (Error)。' +
        'お手数ですが、ファイルを添えて開発者に報告してください。\n',
    );
  });
});
