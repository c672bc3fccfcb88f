/** Runs the command line's output step on a workbook file and reads the result back, for xlsx tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseEvaluateArgs, type EvaluateCommand } from '../../src/cli/options';
import { evaluateWorkbook, saveWorkbook, type EvaluatedWorkbook } from '../../src/cli/write-output';

export const NOW = new Date('2026-11-21T01:00:00Z');
export const FIXTURES = join(__dirname, '..', 'fixtures');

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'kpi-sheet-apply-'));
}

export function commandFor(file: string, ...options: string[]): EvaluateCommand {
  const args = parseEvaluateArgs([file, ...options]);
  if (!args.ok || args.value.help) throw new Error(`bad test arguments: ${file}`);
  return args.value;
}

/** One run: evaluate `input`, save to `output`, and return the in-memory result. */
export async function runOnce(
  input: string,
  output: string,
  ...options: string[]
): Promise<EvaluatedWorkbook> {
  const outcome = await evaluateWorkbook(commandFor(input, ...options), NOW);
  if (!outcome.ok) throw new Error(outcome.message);
  await saveWorkbook(outcome.result.workbook, output);
  return outcome.result;
}

export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A worksheet's XML part, for what ExcelJS does not read back (row breaks). */
export async function sheetXml(path: string, index: number): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const zip = await JSZip.loadAsync(await readFile(path));
  const file = zip.file(`xl/worksheets/sheet${index}.xml`);
  if (!file) throw new Error(`no sheet${index}.xml in ${path}`);
  return file.async('string');
}

interface Internals {
  conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[];
  dataValidations: { model: Record<string, unknown> };
}

export function internals(ws: ExcelJS.Worksheet): Internals {
  return ws as unknown as Internals;
}

/** Everything of a workbook a user could see or print, as plain data, for comparing two files. */
export function snapshot(wb: ExcelJS.Workbook): unknown {
  const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  return {
    names: [...names].sort((a, b) => a.name.localeCompare(b.name)),
    sheets: wb.worksheets.map((ws) => {
      const cells: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.value === null && Object.keys(cell.style ?? {}).length === 0) return;
          cells[cell.address] = { value: cell.value, style: cell.style };
        }),
      );
      const rows: Record<number, unknown> = {};
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        if (row.height !== undefined) rows[n] = row.height;
      });
      const cfs = internals(ws).conditionalFormattings.map((cf) => ({
        ref: cf.ref,
        rules: cf.rules.map((rule) => ({ ...rule, x14Id: undefined })),
      }));
      return {
        name: ws.name,
        state: ws.state,
        cells,
        rows,
        columns: (ws.columns ?? []).map((c) => c.width),
        merges: (ws.model as { merges?: string[] }).merges ?? [],
        conditionalFormats: cfs,
        validations: internals(ws).dataValidations.model,
        pageSetup: ws.pageSetup,
        headerFooter: ws.headerFooter,
      };
    }),
  };
}
