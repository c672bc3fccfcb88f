/**
 * The vocabulary of the command-line parser: how a command declares an option, and what parsing gives back.
 * Its own module so that a command's option lists (options.ts, output-options.ts) can share it without
 * importing each other.
 */
export type OptionKind =
  /** `--no-path`: present or not. */
  | 'flag'
  /** `--year R5` or `--year=R5`. */
  | 'value'
  /** `--json` or `--json report.json`: takes the next argument only when `acceptsValue` says it is its value. */
  | 'optionalValue';

export interface OptionSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly kind: OptionKind;
  /** Shown in the help: `R5`, `NAME`. */
  readonly valueName?: string;
  readonly help: string;
  readonly acceptsValue?: (next: string) => boolean;
  /** Every occurrence counts (ParsedCommandLine.values), not only the last. */
  readonly repeatable?: boolean;
}

export interface ParsedCommandLine {
  readonly positionals: readonly string[];
  /** By option name; `true` for a flag or an optional value left out. The last occurrence wins. */
  readonly options: ReadonlyMap<string, string | true>;
  /** Every value given, in order, by option name: for an option that may be repeated (`--direction`). */
  readonly values?: ReadonlyMap<string, readonly string[]>;
}

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
