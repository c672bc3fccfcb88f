/**
 * A workbook that keeps one sheet per 基本目標: the seed city's progress table split into
 * 基本目標1 … 基本目標4 is evaluated in one run, every sheet gets its flags, and one summary counts them all,
 * exactly as the same table on one sheet is judged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { markName } from '../../src/core/plan/marks';
import { SUMMARY_SHEET } from '../../src/core/plan';
import { FIXTURES, scratchDir } from '../xlsx/evaluated';
import { runCli } from './run-cli';

const SPLIT = join(FIXTURES, 'asakuchi-progress-sheet-per-goal.xlsx');
const ONE_SHEET = join(FIXTURES, 'asakuchi-progress.xlsx');
const GOAL_SHEETS = ['基本目標1', '基本目標2', '基本目標3', '基本目標4'];

process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2026, 10, 21, 0, 0) / 1000);

interface KpiOut {
  readonly id: string;
  readonly name: string;
  readonly evaluation: { readonly grade: string; readonly achievementRate: number | null } | null;
}
interface BlockOut {
  readonly goal: string;
  readonly sheet?: string;
  readonly headline: readonly KpiOut[];
  readonly kpis: readonly KpiOut[];
}
interface ReportOut {
  readonly sheets: readonly string[];
  readonly year: number;
  readonly blocks: readonly BlockOut[];
  readonly summary: {
    readonly overall: unknown;
    readonly headlines: unknown;
    readonly byGoal: unknown;
    readonly byDepartment: unknown;
    readonly followUps: readonly { readonly name: string; readonly grade: string; readonly sheet?: string }[];
    readonly dataIssues: readonly { readonly cell: string }[];
  };
}

async function report(...argv: string[]): Promise<{ json: ReportOut; stderr: string }> {
  const { code, stdout, stderr } = await runCli(main, ['evaluate', ...argv, '--json']);
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  return { json: JSON.parse(stdout) as ReportOut, stderr };
}

/** Every KPI and headline as `name grade rate`, block by block. */
function grades(json: ReportOut): string[][] {
  return json.blocks.map((b) =>
    [...b.headline, ...b.kpis].map(
      (k) => `${k.name} ${k.evaluation?.grade ?? '-'} ${k.evaluation?.achievementRate ?? '-'}`,
    ),
  );
}

async function evaluateTo(input: string, output: string): Promise<string> {
  const { code, stderr } = await runCli(main, ['evaluate', input, '-o', output]);
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  return stderr;
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text))));
  return out;
}

describe('one sheet per 基本目標: every KPI sheet judged in one run, as one table would be', () => {
  it('reads all four sheets and judges every KPI exactly as the one-sheet table', async () => {
    const split = (await report(SPLIT)).json;
    const one = (await report(ONE_SHEET)).json;
    expect(split.sheets).toEqual(GOAL_SHEETS);
    expect(split.blocks.map((b) => b.sheet)).toEqual(GOAL_SHEETS);
    expect(split.year).toBe(one.year);
    expect(grades(split)).toEqual(grades(one));
    // 50 KPIs and headlines, none lost between the sheets.
    expect(grades(split).flat()).toHaveLength(grades(one).flat().length);
  });

  it('counts them in one summary: overall, per 基本目標 and per 担当課 as for the one sheet', async () => {
    const split = (await report(SPLIT)).json.summary;
    const one = (await report(ONE_SHEET)).json.summary;
    expect(split.overall).toEqual(one.overall);
    expect(split.headlines).toEqual(one.headlines);
    expect(split.byGoal).toEqual(one.byGoal);
    expect(split.byDepartment).toEqual(one.byDepartment);
    expect(split.followUps.map((f) => [f.name, f.grade])).toEqual(
      one.followUps.map((f) => [f.name, f.grade]),
    );
    // Each follow-up and each data issue says which sheet it is on.
    expect(new Set(split.followUps.map((f) => f.sheet))).toEqual(new Set(GOAL_SHEETS));
    for (const issue of split.dataIssues) expect(issue.cell).toMatch(/^基本目標[1-4]!\$?[A-Z]+\$?\d+$/);
  });

  it('gives a sheet evaluated alone (--sheet) the grades it has in the whole run', async () => {
    const whole = (await report(SPLIT)).json;
    const alone = (await report(SPLIT, '--sheet', '基本目標2')).json;
    expect(alone.sheets).toEqual(['基本目標2']);
    const block2 = whole.blocks
      .filter((b) => b.sheet === '基本目標2')
      .map((b) => ({ ...b, sheet: undefined }));
    expect(grades(alone)).toEqual(grades({ ...whole, blocks: block2 }));
  });

  describe('evaluate -o', () => {
    const dir = scratchDir();
    const once = join(dir, 'once.xlsx');
    const rerun = join(dir, 'rerun.xlsx');
    let progress = '';
    let book: ExcelJS.Workbook;

    beforeAll(async () => {
      progress = await evaluateTo(SPLIT, once);
      await evaluateTo(once, rerun);
      book = await readBook(once);
    }, 60_000);

    it('says it evaluates the four sheets into one summary', () => {
      expect(progress).toContain(
        'シート「基本目標1」「基本目標2」「基本目標3」「基本目標4」を評価しています',
      );
    });

    it('writes the flag columns on every sheet, each marked for the next run', () => {
      for (const name of GOAL_SHEETS) {
        const ws = book.getWorksheet(name);
        expect(ws && texts(ws)).toEqual(expect.arrayContaining(['判定', '達成率', '備考']));
      }
      const marked = new Set(
        book.definedNames.model
          .filter((n) => n.name.startsWith(markName('flags')))
          .map((n) => /^'?([^'!]+)'?!/.exec(n.ranges[0])?.[1]),
      );
      expect(marked).toEqual(new Set(GOAL_SHEETS));
    });

    it('writes one summary naming all four sheets, its lists with the sheet of each row', () => {
      const summaries = book.worksheets.filter((ws) => ws.name.startsWith(SUMMARY_SHEET));
      expect(summaries.map((ws) => ws.name)).toEqual([SUMMARY_SHEET]);
      const all = texts(summaries[0]);
      expect(all.some((t) => t.startsWith(`対象シート: ${GOAL_SHEETS.join('、')} (`))).toBe(true);
      // The 行 column of 要フォローアップ: `基本目標1!12`, never a bare row number that names no sheet.
      expect(all.filter((t) => /^基本目標[1-4]!\d+$/.test(t)).length).toBeGreaterThan(5);
    });

    it('leaves the workbook exactly as one run does when run again over its output', () => {
      expect(readFileSync(rerun).equals(readFileSync(once))).toBe(true);
    });
  });
});
