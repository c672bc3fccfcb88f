/**
 * `kpi-sheet compare strategy.xlsx progress.xlsx [-o out.xlsx] [--json] [--sheet NAME] [--progress-sheet NAME]`:
 * matches the KPIs of the strategy table as adopted (策定時) with the progress table's and marks what
 * changed. With -o, a copy of the progress workbook gets a 比較 sheet and nothing else changes.
 */
import { basename } from 'node:path';
import { bindMappings, readKpiSheet } from '../core/layout';
import { compareSheetPlan, compareSheets, type Comparison } from '../core/compare';
import type { ColumnMapping, KpiSheet } from '../core/types';
import { openBook, pickBookSheet } from '../xlsx/open-book';
import type { XlsxBook } from '../xlsx/package/book';
import { applyBookPlan } from '../xlsx/package/apply-book';
import { readBookMarks } from '../xlsx/package/read-book';
import { compareToJson } from './compare-json';
import { renderCompare } from './compare-table';
import { commandError } from './command-error';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { optionHelp, parseCommandLine, type OptionSpec } from './options';
import { checkSavePath, saveTarget } from './safe-save';
import { saveWorkbook, savedSettings, sheetToRead } from './write-output';

const COMPARE_OPTIONS: readonly OptionSpec[] = [
  {
    name: '-o',
    aliases: ['--output'],
    kind: 'value',
    valueName: 'out.xlsx',
    help: '比較シートを加えた進捗ブックの写しを保存します',
  },
  { name: '--json', kind: 'flag', help: '比較の結果を JSON で出力します (schema/compare-v1.schema.json)' },
  {
    name: '--sheet',
    kind: 'value',
    valueName: 'NAME',
    help: '策定時のブックで読むシート (既定: KPI 表のある最初のシート)',
  },
  {
    name: '--progress-sheet',
    kind: 'value',
    valueName: 'NAME',
    help: '進捗のブックで読むシート (既定: KPI 表のある最初のシート)',
  },
  { name: '--help', aliases: ['-h'], kind: 'flag', help: 'この説明を表示します' },
];

const USAGE = `使い方: kpi-sheet compare <策定時.xlsx> <進捗.xlsx> [-o out.xlsx] [--json] [--sheet NAME] [--progress-sheet NAME]
策定時の KPI 表と進捗の KPI 表を KPI の名前で突き合わせ、KPI ごとに 変更なし / 目標変更 / 基準値変更 /
単位変更 / 追加 / 削除 を表示します。名前が似ているだけの組は結び付けず、確認が必要な組として示します。
同じブックの 2 つのシートを比べるときは、同じファイルを 2 度指定して --sheet と --progress-sheet で選びます。
-o を付けると、進捗のブックの写しに「比較」シートを加えて保存します (元のファイルは変更しません)。

${optionHelp(COMPARE_OPTIONS)}
`;

function usageError(message: string): number {
  process.stderr.write(`kpi-sheet compare: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

function option(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

interface ReadTable {
  readonly book: XlsxBook;
  readonly sheet: KpiSheet;
}

type TableOutcome =
  { readonly ok: true; readonly table: ReadTable } | { readonly ok: false; readonly message: string };

async function readTable(file: string, sheetName: string | undefined): Promise<TableOutcome> {
  const book = await openBook(file);
  const picked = pickBookSheet(book, sheetToRead(book, sheetName));
  const mappings: readonly ColumnMapping[] = bindMappings(
    savedSettings(book, picked.grid)?.settings.columnMappings ?? [],
    picked.name,
  ).filter((m) => m.sheet === picked.name);
  const layout = mappings.length > 0 ? readKpiSheet(picked.grid, { mappings }) : picked.layout;
  if (!layout.ok)
    return { ok: false, message: `${file} のシート「${picked.name}」: ${layout.failure.message}` };
  return { ok: true, table: { book, sheet: layout.sheet } };
}

function label(file: string, sheet: KpiSheet): string {
  return `${file} のシート「${sheet.sheet}」`;
}

export async function runCompare(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandLine(argv, COMPARE_OPTIONS);
  if (!parsed.ok) return usageError(parsed.message);
  const { positionals, options } = parsed.value;
  if (options.has('--help')) {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 2)
    return usageError('策定時の .xlsx と進捗の .xlsx の 2 つのファイルを指定してください。');
  const [strategyFile, progressFile] = positionals;
  const output = option(options.get('-o'));
  try {
    if (output !== undefined) {
      const [target, input] = await Promise.all([saveTarget(output), saveTarget(progressFile)]);
      if (target === input || target === (await saveTarget(strategyFile)))
        return usageError(`-o には読み込むファイルとは別のファイルを指定してください: ${output}`);
      const check = await checkSavePath(output);
      if (!check.ok) {
        process.stderr.write(`kpi-sheet compare: ${check.message}\n`);
        return EXIT_USAGE;
      }
    }
    const strategy = await readTable(strategyFile, option(options.get('--sheet')));
    if (!strategy.ok) return failRead(strategy.message);
    const progress = await readTable(progressFile, option(options.get('--progress-sheet')));
    if (!progress.ok) return failRead(progress.message);
    const comparison = compareSheets(strategy.table.sheet, progress.table.sheet);
    // The sheet names the files without their folders: a folder path is the user's, not the workbook's.
    const written =
      output === undefined
        ? null
        : await writeCompareSheet(progress.table.book, comparison, {
            output,
            strategyLabel: label(basename(strategyFile), strategy.table.sheet),
            progressLabel: label(basename(progressFile), progress.table.sheet),
          });
    if (options.has('--json')) {
      const json = compareToJson(
        comparison,
        { file: strategyFile, sheet: strategy.table.sheet.sheet },
        { file: progressFile, sheet: progress.table.sheet.sheet },
        written === null || output === undefined ? null : { file: output, sheet: written },
      );
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      process.stdout.write(
        renderCompare(
          comparison,
          label(strategyFile, strategy.table.sheet),
          label(progressFile, progress.table.sheet),
        ),
      );
      if (written !== null) process.stdout.write(`\n「${written}」シートを加えて保存しました: ${output}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    return commandError('compare', error, '比較', true);
  }
}

function failRead(message: string): number {
  process.stderr.write(`kpi-sheet compare: ${message}\n`);
  return EXIT_USAGE;
}

/** Writes the 比較 sheet into the progress workbook as read and saves it to `output`; the sheet's name. */
async function writeCompareSheet(
  book: XlsxBook,
  comparison: Comparison,
  where: { readonly output: string; readonly strategyLabel: string; readonly progressLabel: string },
): Promise<string> {
  const plan = compareSheetPlan({
    comparison,
    strategyLabel: where.strategyLabel,
    progressLabel: where.progressLabel,
    sheetNames: book.sheets().map((s) => s.name),
    marks: readBookMarks(book),
  });
  const result = applyBookPlan(book, plan);
  if (result.skipped.length > 0) throw new Error(result.skipped.map((s) => s.reason).join('; '));
  await saveWorkbook(book, where.output);
  const added = plan.ops.find((op) => op.op === 'addSheet');
  return added?.op === 'addSheet' ? added.sheet : '';
}
