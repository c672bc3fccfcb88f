/** Options of `kpi-sheet evaluate` that write the evaluated workbook: `-o`, `--in-place`, `--pdf`. */
import { resolve } from 'node:path';
import type { OptionSpec, Parsed, ParsedCommandLine } from './option-spec';

export const OUTPUT_OPTIONS: readonly OptionSpec[] = [
  {
    name: '--output',
    aliases: ['-o'],
    kind: 'value',
    valueName: 'out.xlsx',
    help: '判定列・条件付き書式・サマリー・印刷設定を書いたブックをこのファイルに保存します',
  },
  { name: '--in-place', kind: 'flag', help: '元のファイルに上書き保存します (-o の代わり)' },
  { name: '--pdf', kind: 'flag', help: '保存したブックを LibreOffice で PDF にもします (out.pdf)' },
];

/** Where the evaluated workbook goes, if anywhere. */
export type OutputRequest =
  { readonly to: 'none' } | { readonly to: 'file'; readonly path: string; readonly pdf: boolean };

export function outputRequestOf(file: string, parsed: ParsedCommandLine): Parsed<OutputRequest> {
  const output = parsed.options.get('--output');
  const inPlace = parsed.options.has('--in-place');
  const pdf = parsed.options.has('--pdf');
  if (typeof output === 'string') {
    if (inPlace) return { ok: false, message: '-o と --in-place は一緒に使えません' };
    if (resolve(output) === resolve(file)) {
      return {
        ok: false,
        message: `-o が元のファイルと同じです: ${output}\n元のファイルに上書きするときは -o の代わりに --in-place を付けてください`,
      };
    }
    // A macro-enabled workbook stays one: its content type and vbaProject.bin are kept, so only .xlsm fits.
    const extension = /\.xlsm$/i.test(file) ? '.xlsm' : '.xlsx';
    if (!output.toLowerCase().endsWith(extension))
      return { ok: false, message: `-o には ${extension} ファイルを指定してください: ${output}` };
    return { ok: true, value: { to: 'file', path: output, pdf } };
  }
  if (inPlace) return { ok: true, value: { to: 'file', path: file, pdf } };
  if (pdf) return { ok: false, message: '--pdf は -o out.xlsx か --in-place と一緒に指定してください' };
  return { ok: true, value: { to: 'none' } };
}

/**
 * Why a `--json` file path cannot be used, or null: never the input or output workbook (`--json=in.xlsx`
 * once overwrote the workbook with JSON), never a workbook name at all.
 */
export function jsonPathProblem(
  jsonPath: string,
  file: string,
  output: OutputRequest,
  option: '--json' | '--csv' = '--json',
): string | null {
  const target = resolve(jsonPath);
  if (target === resolve(file)) return `${option} の保存先が元のブックと同じです: ${jsonPath}`;
  if (output.to === 'file' && target === resolve(output.path))
    return `${option} の保存先が -o の保存先と同じです: ${jsonPath}`;
  const example = option === '--json' ? 'report.json のように .json' : 'report.csv のように .csv';
  if (/\.xls[xmb]?$/i.test(jsonPath))
    return `${option} の保存先に Excel ブックの名前 (${jsonPath}) は使えません。${example} で指定してください`;
  return null;
}
