/**
 * The summary's native chart (issue 19) as LibreOffice Calc, a second reader of the package editor's chart
 * parts, draws and keeps it. The chart stands right of the summary's print area (the plan places it beside
 * the 基本目標別 table, for the screen), so the printed pages leave it out in Calc as in Excel; a whole-sheet
 * PDF export (calc_pdf_Export's SinglePageSheets: each sheet on one page, every object on it) draws it, and
 * `pdftotext -bbox-layout` finds the chart's title, its category labels and its legend right of the table.
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
const WHOLE_SHEETS = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';

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
  let goals: string[];

  beforeAll(async () => {
    await runOnce(join(FIXTURES, 'asakuchi-progress.xlsx'), xlsx);
    const ws = (await readBook(xlsx)).getWorksheet(SUMMARY)!;
    goals = [11, 12, 13, 14].map((row) => String(ws.getCell(`A${row}`).value));
    const pdfDir = join(dir, 'whole');
    convert(xlsx, WHOLE_SHEETS, pdfDir);
    const pages = readPdfLayout(join(pdfDir, 'asakuchi-progress-評価.pdf'));
    const found = pages.find((p) => linesReading(p, '基本目標別').length > 0);
    if (!found) throw new Error(`no summary page among ${pages.length}`);
    summary = found;
  }, 240_000);

  /** Right of the summary's last column: past its right-aligned 達成割合 figures (column I). */
  const chartLeft = (): number =>
    Math.max(...summary.words.filter((w) => /^\d+\.\d%$/.test(w.text)).map((w) => w.xMax)) + 1;

  it('draws the chart’s title right of the 基本目標別 table', () => {
    expect(goals[0]).toMatch(/^1 浅口市における安定した雇用を創出する/);
    const [title] = linesReading(summary, TITLE);
    expect(title).toBeDefined();
    expect(title.xMin).toBeGreaterThan(chartLeft());
  });

  it('labels a bar with each 基本目標, whole, and lists every grade in the legend', () => {
    const left = chartLeft();
    const band = columnText(summary, left, summary.width);
    const missing = [...goals, ...GRADES].filter(
      (label) => !printedWhole(summary, label, left, summary.width),
    );
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
