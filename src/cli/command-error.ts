/**
 * How a command stops on an error: a file it cannot read or use (WorkbookError) is the user's to fix, said as
 * it is (exit 2); anything else is a bug, said in Japanese without Node's error text (exit 1).
 */
import { WorkbookError } from '../xlsx/workbook-error';
import { EXIT_FAILURE, EXIT_USAGE } from './exit-codes';

/**
 * Writes `kpi-sheet <command>: …` on stderr and returns the exit code. For a bug, `stopped` names what was
 * stopped (予期しないエラーで比較を中止しました), and `unchanged` says that no file was changed.
 */
export function commandError(command: string, error: unknown, stopped: string, unchanged: boolean): number {
  if (error instanceof WorkbookError) {
    process.stderr.write(`kpi-sheet ${command}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const kind = error instanceof Error ? error.name : 'Error';
  process.stderr.write(
    `kpi-sheet ${command}: 予期しないエラーで${stopped}を中止しました (${kind})。` +
      (unchanged ? 'ファイルは変更していません。' : '') +
      'お手数ですが、ファイルを添えて開発者に報告してください。\n',
  );
  return EXIT_FAILURE;
}
