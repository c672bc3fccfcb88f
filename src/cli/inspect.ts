/**
 * `kpi-sheet inspect <file.xlsx> [--sheet NAME] [--json]`: reads the KPI table and prints its blocks and
 * KPIs, as a table or as JSON (README: JSON format of inspect / evaluate). Never writes anything.
 */
import { bindMappings, formatMapping, proposeMapping, readKpiSheet } from '../core/layout';
import type { ColumnMapping, KpiSheet, LayoutResult } from '../core/types';
import { openBook, pickBookSheet } from '../xlsx/open-book';
import { commandError } from './command-error';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { renderInspect } from './inspect-table';
import { kpiSheetToJson } from './json';
import { COLUMNS_OPTION, columnsOption, optionHelp, type OptionSpec } from './options';
import { readCommandLine, usageError } from './usage';
import { savedSettings, sheetToRead } from './write-output';

const INSPECT_OPTIONS: readonly OptionSpec[] = [
  {
    name: '--sheet',
    kind: 'value',
    valueName: 'NAME',
    help: '読み取るシート (既定: KPI 表のある最初のシート)',
  },
  { name: '--json', kind: 'flag', help: '読み取った内容を JSON で出力します' },
  COLUMNS_OPTION,
  { name: '--help', aliases: ['-h'], kind: 'flag', help: 'この説明を表示します' },
];

const USAGE = `使い方: kpi-sheet inspect <file.xlsx> [--sheet NAME] [--json] [--columns '…']
KPI 表を読み取り、基本目標ごとの数値目標と KPI を表示します。ファイルには何も書き込みません。
最後に、読み取りに使った列の割り当てを --columns の形で表示します (1 列だけ直して evaluate に渡せます)。

${optionHelp(INSPECT_OPTIONS)}
`;

const usage = (message: string): number => usageError('inspect', USAGE, message);

export async function runInspect(argv: readonly string[]): Promise<number> {
  const line = readCommandLine(argv, INSPECT_OPTIONS, 'inspect', USAGE);
  if (typeof line === 'number') return line;
  const { positionals, options } = line;
  if (positionals.length === 0) return usage('読み取る .xlsx ファイルを指定してください。');
  if (positionals.length > 1) return usage(`ファイルは 1 つだけ指定してください: ${positionals.join(' ')}`);
  const file = positionals[0];
  const sheetOption = options.get('--sheet');
  const sheetName = typeof sheetOption === 'string' ? sheetOption : undefined;

  const given = columnsOption(line);
  if (!given.ok) return usage(given.message);

  try {
    const book = await openBook(file);
    const picked = pickBookSheet(book, sheetToRead(book, sheetName));
    const { name: worksheetName, grid } = picked;
    // --columns wins over the mapping saved in the workbook; either is read with the sheet it was made for.
    const mappings: readonly ColumnMapping[] = bindMappings(
      given.value ?? savedSettings(book, grid)?.settings.columnMappings ?? [],
      worksheetName,
    ).filter((m) => m.sheet === worksheetName);
    const layout: LayoutResult = mappings.length > 0 ? readKpiSheet(grid, { mappings }) : picked.layout;
    if (!layout.ok) {
      const guess = layout.failure.headerGuess;
      const hint =
        guess === undefined
          ? ''
          : `\n列の割り当てを指定すると読み取れます。たとえば (${guess} 行目を見出しとして):\n  kpi-sheet inspect ${file} --columns '${formatMapping(proposeMapping(grid, guess))}'\n` +
            '役割: name (KPI名), department (担当課), unit (単位), baseline / actual / target / interim (基準値 / 実績 / 目標値 / 中間目標、:年度 を付けられます), direction (方向), published (市の評価), section (施策・区分)。書かない列は使いません。\n';
      process.stderr.write(
        `kpi-sheet inspect: ${file} のシート「${worksheetName}」: ${layout.failure.message}\n${hint}`,
      );
      return EXIT_USAGE;
    }
    const columns = columnsLines(layout.sheet);
    if (options.has('--json')) {
      const json = { ...kpiSheetToJson(layout.sheet, file), columns };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      process.stdout.write(renderInspect(layout.sheet, file));
      const from = layout.sheet.mappings?.some((m) => m.source === 'user')
        ? '指定・保存されたもの'
        : '読み取ったもの';
      process.stdout.write(
        `\n列の割り当て (${from}; 直して --columns に渡せます):\n  --columns '${columns.join(';')}'\n`,
      );
    }
    return EXIT_OK;
  } catch (error) {
    // inspect never writes: no word of an unchanged file.
    return commandError('inspect', error, '読み取り', false);
  }
}

/** The mapping each KPI table was read with, in the `--columns` form. */
function columnsLines(sheet: KpiSheet): string[] {
  return (sheet.mappings ?? []).map(formatMapping);
}
