/**
 * Command-line options: a small declarative parser, and the options of `kpi-sheet evaluate`.
 * A command lists its options as data (EVALUATE_OPTIONS); adding an option is one entry there and one
 * field where the parsed values are turned into the command (parseEvaluateArgs).
 */
import { parseMapping } from '../core/layout';
import { parseFiscalYear } from '../core/read';
import {
  CUSTOM_PRESET,
  DEFAULT_SETTINGS,
  PRESETS,
  rateThresholds,
  validateScale,
  validThresholds,
  validYear,
  withRateThresholds,
} from '../core/settings';
import { SETTING_DEFINITIONS, settingDefinition, type SettingDefinition } from '../core/settings/registry';
import type { DirectionOverride, GradeBasis, PaperSize, Settings, Thresholds } from '../core/types';
import type { OptionSpec, Parsed, ParsedCommandLine } from './option-spec';
import { OUTPUT_OPTIONS } from './output-options';

export type { OptionKind, OptionSpec, Parsed, ParsedCommandLine } from './option-spec';

function fail<T>(message: string): Parsed<T> {
  return { ok: false, message };
}

export function parseCommandLine(
  argv: readonly string[],
  specs: readonly OptionSpec[],
): Parsed<ParsedCommandLine> {
  const byName = new Map<string, OptionSpec>();
  for (const spec of specs) for (const name of [spec.name, ...(spec.aliases ?? [])]) byName.set(name, spec);
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  const values = new Map<string, string[]>();
  const set = (name: string, value: string | true): void => {
    options.set(name, value);
    if (value !== true && byName.get(name)?.repeatable)
      values.set(name, [...(values.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const spec = byName.get(name);
    if (!spec) return fail(`不明なオプションです: ${name}`);
    if (spec.kind === 'flag') {
      if (inline !== undefined) return fail(`${spec.name} は値を取りません: ${arg}`);
      set(spec.name, true);
      continue;
    }
    if (inline !== undefined) {
      if (inline === '') return fail(`${spec.name} の値が空です`);
      set(spec.name, inline);
      continue;
    }
    const next = argv[i + 1];
    if (spec.kind === 'optionalValue') {
      if (next !== undefined && spec.acceptsValue?.(next)) {
        set(spec.name, next);
        i++;
      } else {
        set(spec.name, true);
      }
      continue;
    }
    if (next === undefined || (next.startsWith('-') && !/^-\d/.test(next))) {
      return fail(`${spec.name} には値が必要です (例: ${spec.name} ${spec.valueName ?? '値'})`);
    }
    set(spec.name, next);
    i++;
  }
  return { ok: true, value: { positionals, options, ...(values.size > 0 ? { values } : {}) } };
}

/** Help lines for a command's options, aligned. */
export function optionHelp(specs: readonly OptionSpec[]): string {
  const heads = specs.map((s) => {
    const names = [s.name, ...(s.aliases ?? [])].join(', ');
    if (s.kind === 'value') return `${names} ${s.valueName ?? 'VALUE'}`;
    if (s.kind === 'optionalValue') return `${names} [${s.valueName ?? 'VALUE'}]`;
    return names;
  });
  const width = Math.max(...heads.map((h) => h.length));
  return specs.map((s, i) => `  ${heads[i].padEnd(width)}  ${s.help}`).join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// kpi-sheet evaluate

/** A setting's options (its flag, and its off flag where it has one), as the settings list describes them. */
export function settingOptions(definition: SettingDefinition): OptionSpec[] {
  const { offFlag } = definition.cli;
  const off: OptionSpec[] =
    offFlag === undefined ? [] : [{ name: offFlag, kind: 'flag', help: `${definition.label.ja}: しない` }];
  return [settingOption(definition), ...off];
}

/** A setting's option, as the settings list (core/settings/registry) describes it. */
export function settingOption(definition: SettingDefinition): OptionSpec {
  const { cli } = definition;
  const help =
    definition.key === 'preset'
      ? `${definition.help.ja} (${Object.keys(PRESETS).join('、')})`
      : definition.help.ja;
  return cli.valueName === undefined
    ? { name: cli.flag, kind: 'flag', help }
    : { name: cli.flag, kind: 'value', valueName: cli.valueName, help, repeatable: cli.repeatable === true };
}

/** `--columns 'row=3,A=name,C=baseline:2019,E=target:2024'`: the column mapping, as `kpi-sheet inspect` prints it. */
export const COLUMNS_OPTION: OptionSpec = settingOption(settingDefinition('columnMappings'));

/** Options that are not settings: what to report and where, which sheet. */
const REPORT_OPTIONS: readonly OptionSpec[] = [
  {
    name: '--json',
    kind: 'optionalValue',
    valueName: 'report.json',
    help: 'JSON で出力します (ファイル名を続けるとそのファイルに書きます)',
    acceptsValue: (next) => /\.json$/i.test(next),
  },
  {
    name: '--csv',
    kind: 'optionalValue',
    valueName: 'report.csv',
    help: 'KPI ごとに 1 行の CSV (UTF-8、BOM 付き) で出力します (ファイル名を続けるとそのファイルに書きます)',
    acceptsValue: (next) => /\.csv$/i.test(next),
  },
  {
    name: '--sheet',
    kind: 'value',
    valueName: 'NAME',
    help: '読み取るシート (既定: KPI 表のある最初のシート)',
  },
];

export const EVALUATE_OPTIONS: readonly OptionSpec[] = [
  ...REPORT_OPTIONS,
  ...SETTING_DEFINITIONS.flatMap(settingOptions),
  ...OUTPUT_OPTIONS,
  { name: '--help', aliases: ['-h'], kind: 'flag', help: 'この説明を表示します' },
];

/** The mappings `--columns` gives (for whatever sheet is read), or a Japanese message. */
export function columnsOption(parsed: ParsedCommandLine): Parsed<Settings['columnMappings']> {
  const text = stringOption(parsed, '--columns');
  if (text === undefined) return { ok: true, value: undefined };
  const mappings = [];
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const one = parseMapping(part);
    if (!one.ok) return fail(`--columns の値が不正です: ${one.message}`);
    mappings.push(one.mapping);
  }
  return { ok: true, value: mappings };
}

export type JsonOutput =
  { readonly to: 'none' } | { readonly to: 'stdout' } | { readonly to: 'file'; readonly path: string };

export interface EvaluateCommand {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly json: JsonOutput;
  /** `--csv`: where the CSV goes (the same choices as the JSON). Absent: none. */
  readonly csv?: JsonOutput;
  /** `--department`: only this 担当課's KPIs in the report. */
  readonly department?: string;
  readonly settings: Settings;
  /** Everything the command line said, for options a later step reads (`-o`, `--pdf`). */
  readonly parsed: ParsedCommandLine;
}

export type EvaluateArgs = { readonly help: true } | ({ readonly help: false } & EvaluateCommand);

function stringOption(parsed: ParsedCommandLine, name: string): string | undefined {
  const value = parsed.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function parseBasis(text: string): GradeBasis | null {
  switch (text.trim()) {
    case 'achievement':
    case '達成率':
      return 'achievement';
    case 'progress':
    case '進捗率':
      return 'progress';
    default:
      return null;
  }
}

/** `100,80,60` (or `100/80/60%`): numbers, as many as the scale has rate levels; order is checked by the scale. */
export function parseThresholdList(text: string): number[] | null {
  const parts = text
    .normalize('NFKC')
    .split(/[,/、]/)
    .map((p) => p.trim().replace(/%$/, ''));
  if (parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  return parts.map(Number);
}

export function parseThresholds(text: string): Thresholds | null {
  const parts = text
    .normalize('NFKC')
    .split(/[,/、]/)
    .map((p) => p.trim().replace(/%$/, ''));
  if (parts.length !== 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  const [a, b, c] = parts.map(Number);
  return validThresholds({ a, b, c });
}

/** `A4` / `a3` / `Ａ３` → the paper; null for anything else. */
export function parsePaper(text: string): PaperSize | null {
  const paper = text.normalize('NFKC').trim().toUpperCase();
  return paper === 'A4' || paper === 'A3' ? paper : null;
}

/** `0.05` or `5%`, as a fraction in [0, 1). */
export function parseTolerance(text: string): number | null {
  const normalized = text.normalize('NFKC').trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(normalized);
  const value = percent
    ? Number(percent[1]) / 100
    : /^\d+(\.\d+)?$/.test(normalized)
      ? Number(normalized)
      : NaN;
  return Number.isFinite(value) && value >= 0 && value < 1 ? value : null;
}

/** The settings (registry keys) the command line gave. */
export function settingsGiven(parsed: ParsedCommandLine): ReadonlySet<string> {
  const given = (d: SettingDefinition): boolean =>
    parsed.options.has(d.cli.flag) || (d.cli.offFlag !== undefined && parsed.options.has(d.cli.offFlag));
  return new Set(SETTING_DEFINITIONS.filter(given).map((d) => d.key));
}

function reportOutput(option: string | true | undefined): JsonOutput {
  if (option === undefined) return { to: 'none' };
  return option === true ? { to: 'stdout' } : { to: 'file', path: option };
}

/** `auto`, or a fiscal year (`R5`, `2023`, `令和5年度`). */
export function parsePreviousYear(text: string): 'auto' | number | null {
  if (text.normalize('NFKC').trim().toLowerCase() === 'auto') return 'auto';
  return validYear(parseFiscalYear(text));
}

/**
 * `12=down` (or `R12=down`), repeatable: the last word for a row wins; `keep` leaves the row's direction to
 * the sheet (its 方向 cell or the table), undoing an earlier `--direction` for that row.
 */
export function directionOverrides(texts: readonly string[]): Parsed<readonly DirectionOverride[]> {
  const byRow = new Map<number, DirectionOverride['direction'] | 'keep'>();
  for (const text of texts) {
    const match = /^R?(\d+)\s*=\s*(up|down|keep)$/i.exec(text.normalize('NFKC').trim());
    const row = match ? Number(match[1]) : 0;
    if (!match || row < 1 || row > 1_048_576)
      return fail(`--direction の値が不正です: ${text} (行番号=up|down|keep、例: --direction 12=down)`);
    byRow.set(row, match[2].toLowerCase() as DirectionOverride['direction'] | 'keep');
  }
  const overrides: DirectionOverride[] = [];
  for (const [row, direction] of byRow) if (direction !== 'keep') overrides.push({ row, direction });
  return { ok: true, value: overrides.sort((a, b) => a.row - b.row) };
}

export function parseEvaluateArgs(argv: readonly string[]): Parsed<EvaluateArgs> {
  const line = parseCommandLine(argv, EVALUATE_OPTIONS);
  if (!line.ok) return line;
  const parsed = line.value;
  if (parsed.options.has('--help')) return { ok: true, value: { help: true } };

  if (parsed.positionals.length === 0) return fail('評価する .xlsx ファイルを指定してください');
  if (parsed.positionals.length > 1)
    return fail(`ファイルは 1 つだけ指定してください: ${parsed.positionals.join(' ')}`);

  const presetName = stringOption(parsed, '--preset');
  let settings: Settings = DEFAULT_SETTINGS;
  if (presetName !== undefined) {
    const preset = PRESETS[presetName];
    if (!preset)
      return fail(`不明なプリセットです: ${presetName} (使えるもの: ${Object.keys(PRESETS).join('、')})`);
    settings = preset;
  }

  let customized = false;
  const basisText = stringOption(parsed, '--basis');
  if (basisText !== undefined) {
    const basis = parseBasis(basisText);
    if (!basis) return fail(`--basis の値が不正です: ${basisText} (achievement か progress)`);
    settings = { ...settings, basis };
    customized = true;
  }
  const thresholdsText = stringOption(parsed, '--thresholds');
  if (thresholdsText !== undefined) {
    const thresholds = parseThresholdList(thresholdsText);
    const count = rateThresholds(settings.scale).length;
    const scale = thresholds ? withRateThresholds(settings.scale, thresholds) : null;
    if (!scale || validateScale(scale).length > 0) {
      const example = rateThresholds(settings.scale).join(',');
      return fail(
        `--thresholds の値が不正です: ${thresholdsText} (大きい順に ${count} つ、例: ${example || 'この評価段階にはしきい値がありません'})`,
      );
    }
    settings = { ...settings, scale };
    customized = true;
  }
  if (parsed.options.has('--no-path')) {
    settings = { ...settings, interimPath: false };
    customized = true;
  }
  const toleranceText = stringOption(parsed, '--tolerance');
  if (toleranceText !== undefined) {
    const trendTolerance = parseTolerance(toleranceText);
    if (trendTolerance === null)
      return fail(`--tolerance の値が不正です: ${toleranceText} (0 以上 1 未満、例: 0.05 または 5%)`);
    settings = { ...settings, trendTolerance };
    customized = true;
  }
  if (customized) settings = { ...settings, preset: CUSTOM_PRESET };
  // The paper is a print choice, not a judging one: the preset's name stays.
  const paperText = stringOption(parsed, '--paper');
  if (paperText !== undefined) {
    const paperSize = parsePaper(paperText);
    if (paperSize === null) return fail(`--paper の値が不正です: ${paperText} (A4 か A3)`);
    settings = { ...settings, paperSize };
  }

  const yearText = stringOption(parsed, '--year');
  if (yearText !== undefined) {
    const year = validYear(parseFiscalYear(yearText));
    if (year === null) return fail(`--year の値が不正です: ${yearText} (例: R5, 2023, 令和5年度)`);
    settings = { ...settings, evaluationYear: year };
  }

  const columns = columnsOption(parsed);
  if (!columns.ok) return columns;
  if (columns.value) settings = { ...settings, columnMappings: columns.value };

  if (parsed.options.has('--no-tint')) settings = { ...settings, rowTint: false };
  if (parsed.options.has('--comments')) settings = { ...settings, commentColumns: true };
  if (parsed.options.has('--no-comments')) settings = { ...settings, commentColumns: false };
  const previousText = stringOption(parsed, '--previous-year');
  if (previousText !== undefined) {
    const previous = parsePreviousYear(previousText);
    if (previous === null)
      return fail(`--previous-year の値が不正です: ${previousText} (auto または R5, 2023, 令和5年度)`);
    settings = {
      ...settings,
      previousYearColumns: true,
      ...(previous === 'auto' ? {} : { previousYear: previous }),
    };
  }
  const directions = directionOverrides(parsed.values?.get('--direction') ?? []);
  if (!directions.ok) return directions;
  if (directions.value.length > 0) settings = { ...settings, directionOverrides: directions.value };
  const department = stringOption(parsed, '--department')?.normalize('NFKC').trim();
  if (department === '') return fail('--department の値が空です');

  const json = reportOutput(parsed.options.get('--json'));
  const csv = reportOutput(parsed.options.get('--csv'));

  return {
    ok: true,
    value: {
      help: false,
      file: parsed.positionals[0],
      sheet: stringOption(parsed, '--sheet'),
      json,
      ...(csv.to === 'none' ? {} : { csv }),
      ...(department === undefined ? {} : { department }),
      settings,
      parsed,
    },
  };
}
