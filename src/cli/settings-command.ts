/**
 * `kpi-sheet settings <file.xlsx> [setting options]`: the settings a run on the workbook would use, and
 * where each comes from: 既定 (the default), ブック (saved in the workbook by the pane or an earlier run) or
 * コマンドライン (given here, as evaluate would take it). Reads only; writes nothing.
 */
import { SETTING_DEFINITIONS } from '../core/settings/registry';
import { settingText, SOURCE_LABELS } from '../core/settings/setting-text';
import { openBook } from '../xlsx/open-book';
import { WorkbookError } from '../xlsx/workbook-error';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { optionHelp, parseCommandLine, parseEvaluateArgs, settingOptions, type OptionSpec } from './options';
import { renderTable } from './text-width';
import { runSettings, savedSettings } from './write-output';

export const SETTINGS_OPTIONS: readonly OptionSpec[] = [
  { name: '--json', kind: 'flag', help: 'JSON で出力します (設定ごとに value と source)' },
  ...SETTING_DEFINITIONS.flatMap(settingOptions),
  { name: '--help', aliases: ['-h'], kind: 'flag', help: 'この説明を表示します' },
];

export const SETTINGS_HELP = `使い方: kpi-sheet settings <file.xlsx> [--json] [オプション]
  ブックに保存された設定と、evaluate がそのブックで使う設定を表示します。出どころは
  既定・ブック・コマンドライン (ここに付けたオプション) のどれかです。ファイルには何も書き込みません。

${optionHelp(SETTINGS_OPTIONS)}
`;

function usage(message: string): number {
  process.stderr.write(`kpi-sheet settings: ${message}\n\n${SETTINGS_HELP}`);
  return EXIT_USAGE;
}

export async function runSettingsCommand(argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, SETTINGS_OPTIONS);
  if (!line.ok) return usage(line.message);
  if (line.value.options.has('--help')) {
    process.stdout.write(SETTINGS_HELP);
    return EXIT_OK;
  }
  // The setting options mean what they mean to evaluate: the same parser turns them into settings.
  const args = parseEvaluateArgs(argv.filter((a) => a !== '--json'));
  if (!args.ok) return usage(args.message);
  if (args.value.help) return usage('');
  const command = args.value;
  let saved;
  try {
    saved = savedSettings(await openBook(command.file));
  } catch (error) {
    if (error instanceof WorkbookError) {
      process.stderr.write(`kpi-sheet settings: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const { settings, sources } = runSettings(command, saved);
  const rows = SETTING_DEFINITIONS.map((d) => ({
    key: d.key,
    label: d.label.ja,
    flag: d.cli.flag,
    value: settingText(d, settings, 'ja', command.department),
    source: sources[d.key],
  }));
  if (line.value.options.has('--json')) {
    const json = {
      file: command.file,
      saved: saved !== null,
      settings: Object.fromEntries(rows.map((r) => [r.key, { value: r.value, source: r.source }])),
      problems: saved?.problems ?? [],
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }
  const labels = SOURCE_LABELS.ja;
  process.stdout.write(
    `${command.file}: ${saved ? 'ブックに保存された設定があります' : 'ブックに保存された設定はありません'}\n\n`,
  );
  process.stdout.write(
    renderTable(
      [{ header: '設定' }, { header: 'オプション' }, { header: '値', max: 60 }, { header: '出どころ' }],
      rows.map((r) => [r.label, r.flag, r.value, labels[r.source]]),
    ) + '\n',
  );
  for (const problem of saved?.problems ?? []) process.stderr.write(`注意: ${problem}\n`);
  return EXIT_OK;
}
