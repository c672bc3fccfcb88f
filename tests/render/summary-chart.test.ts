/**
 * The summary's native chart as LibreOffice Calc, a second reader of the package editor's chart
 * parts, draws and keeps it. The chart stands under the 基本目標別 table, inside the summary's print area, so
 * the printed summary (the PDF as `--pdf` renders it) shows it to the meeting: `pdftotext -bbox-layout` finds
 * the chart's title under the table, its category labels and its legend below the title on that page.
 * Calc's own .xlsx of the output keeps the chart: stacked bars, the same cell ranges, the same colours.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { FIXTURES, readBook, runOnce, scratchDir } from '../xlsx/evaluated';
import { columnText, linesReading, printedWhole, readPdfLayout, type Page } from './pdf-layout';

const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;
if (!hasSoffice) {
  console.warn('tests/render/summary-chart.test.ts を飛ばします: LibreOffice (soffice) がありません。');
}

const SUMMARY = 'KPI評価サマリー';
const TITLE = '基本目標別の判定数';
const GRADES = ['A 達成', 'B 概ね順調', 'C 要努力', 'D 遅れ', 'X 評価不能'];

/** soffice --convert-to with its own profile (as renderPdf does), into `outDir`. */
function convert(file: string, to: string, outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'kpi-sheet-lo-chart-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file],
      { timeout: 180_000, stdio: 'pipe' },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

(hasSoffice ? describe : describe.skip)('the summary chart as LibreOffice Calc reads it', () => {
  const dir = scratchDir();
  const xlsx = join(dir, 'asakuchi-progress-評価.xlsx');
  let summary: Page;
  let table: Page;
  let tablePage: number;
  let chartPage: number;
  let goals: string[];

  beforeAll(async () => {
    await runOnce(join(FIXTURES, 'asakuchi-progress.xlsx'), xlsx);
    const ws = (await readBook(xlsx)).getWorksheet(SUMMARY)!;
    goals = [11, 12, 13, 14].map((row) => String(ws.getCell(`A${row}`).value));
    const pdfDir = join(dir, 'printed');
    convert(xlsx, 'pdf', pdfDir);
    const pages = readPdfLayout(join(pdfDir, 'asakuchi-progress-評価.pdf'));
    tablePage = pages.findIndex((p) => linesReading(p, '基本目標別').length > 0);
    // The chart is drawn on the page its rows print on; Calc also writes its text, clipped away, into the
    // page before when the chart starts right after that page's break: the last page with it is the drawn one.
    chartPage = pages.map((p) => linesReading(p, TITLE).length > 0).lastIndexOf(true);
    if (tablePage < 0 || chartPage < 0) throw new Error(`no table or chart among ${pages.length} pages`);
    summary = pages[chartPage];
    table = pages[tablePage];
  }, 240_000);

  it('prints the chart under the 基本目標別 table: below its 全体 row, or at the top of the next page', () => {
    expect(goals[0]).toMatch(/^1 浅口市における安定した雇用を創出する/);
    const [title] = linesReading(summary, TITLE);
    if (chartPage === tablePage) {
      // The 基本目標別 table's 全体 row: the first 全体 row on the page (担当課別 follows the chart).
      const bottom = Math.min(...linesReading(table, '全体').map((l) => l.yMax));
      expect(title.yMin).toBeGreaterThan(bottom);
    } else {
      expect(chartPage).toBe(tablePage + 1);
      // Nothing above it but the page header (the sheet name).
      const above = summary.lines.filter((l) => l.yMax < title.yMin).map((l) => l.text);
      expect(above).toEqual(['KPI評価サマリー']);
    }
    expect(title.yMax).toBeLessThan(summary.height);
  });

  it('labels a bar with each 基本目標, whole, and lists every grade in the legend', () => {
    const [title] = linesReading(summary, TITLE);
    const below = { ...summary, words: summary.words.filter((w) => w.yMin > title.yMax) };
    const band = columnText(below, 0, summary.width);
    const missing = [...goals, ...GRADES].filter((label) => !printedWhole(below, label, 0, summary.width));
    expect({ missing, band }).toMatchObject({ missing: [] });
  });

  it('keeps the chart when Calc saves the workbook as .xlsx again', async () => {
    const again = join(dir, 'calc');
    convert(xlsx, 'xlsx', again);
    const zip = await JSZip.loadAsync(readFileSync(join(again, 'asakuchi-progress-評価.xlsx')));
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
        .map((name) => zip.files[name].async('string')),
    );
    expect(charts).toHaveLength(1);
    const [xml] = charts;
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('<c:grouping val="stacked"/>');
    expect(xml).toContain(`<a:t>${TITLE}</a:t>`);
    const formulas = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/'/g, ''));
    for (const col of ['C', 'D', 'E', 'F', 'G']) {
      expect(formulas).toContain(`${SUMMARY}!$${col}$10`);
      expect(formulas).toContain(`${SUMMARY}!$${col}$11:$${col}$14`);
    }
    expect(formulas).toContain(`${SUMMARY}!$A$11:$A$14`);
    for (const color of ['006100', '1F4E78', '7F6000', '9C0006', '595959'])
      expect(xml.toUpperCase()).toContain(`<A:SRGBCLR VAL="${color}"/>`);
  }, 240_000);
});
