/** How a command answers a command line it cannot run, or one that asks for its help. */
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { parseCommandLine, type OptionSpec, type ParsedCommandLine } from './options';

/** `kpi-sheet <command>: <message>`, then the command's help, on stderr; the exit code to return. */
export function usageError(command: string, help: string, message: string): number {
  process.stderr.write(`kpi-sheet ${command}: ${message}\n\n${help}`);
  return EXIT_USAGE;
}

/**
 * `argv` read against the command's options; a number where the command is done: a usage error for a wrong
 * line, the help on stdout for `--help`.
 */
export function readCommandLine(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  command: string,
  help: string,
): ParsedCommandLine | number {
  const line = parseCommandLine(argv, specs);
  if (!line.ok) return usageError(command, help, line.message);
  if (line.value.options.has('--help')) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  return line.value;
}
