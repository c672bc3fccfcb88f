/** `kpi-sheet inspect`: placeholder until its issue lands. */
import { EXIT_USAGE } from './exit-codes';

export async function runInspect(_argv: readonly string[]): Promise<number> {
  process.stderr.write('kpi-sheet inspect: まだ実装されていません\n');
  return EXIT_USAGE;
}
