/** `kpi-sheet evaluate`: placeholder until its issue lands. */
import { EXIT_USAGE } from './exit-codes';

export async function runEvaluate(_argv: readonly string[]): Promise<number> {
  process.stderr.write('kpi-sheet evaluate: まだ実装されていません\n');
  return EXIT_USAGE;
}
