/**
 * The evaluated progress workbook as a reviewer holds it: printed whole by LibreOffice Calc on A4 (the
 * default) and on A3, then read back with `pdftotext -bbox-layout`. Every page must be legible
 * (median word box ≥ 8 pt), nothing printed over other text, every KPI name and 備考 whole inside its
 * column, and every row under a header of its own table on the same page. One conversion per paper
 * (LibreOffice takes 10–30 s). The default print's page PNGs go to out/ so a person can look at them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf } from '../../src/cli/render-pdf';
import { flagValuesFor, FLAG_OFFSET } from '../../src/core/plan';
import type { Evaluation, KpiSheet } from '../../src/core/types';
import { FIXTURES, readBook, runOnce, scratchDir } from '../xlsx/evaluated';
import { boxTexts, readRules, wordsAcrossEdges, wordsOverOthers, type Rule } from './pdf-cells';
import {
  centreX,
  linesReading,
  printedWhole,
  medianWordHeight,
  normalized,
  overlappingLines,
  readPdfLayout,
  type Line,
  type Page,
} from './pdf-layout';

// Never skipped: `npm test` installs LibreOffice first (scripts/system-packages.sh) or stops before jest.
const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;

const OUT = join(__dirname, '..', '..', 'out');
const PAGE_PREFIX = 'render-test-page';
const INPUT = join(FIXTURES, 'asakuchi-progress.xlsx');
const GRADE_LINE = /^(A 達成|B 概ね順調|C 要努力|D 遅れ|X 評価不能)$/;

interface Printed {
  readonly pdf: string;
  readonly pages: Page[];
  /** Each page's cell borders, as LibreOffice drew them. */
  readonly rules: Rule[][];
  /** Every text cell of the printed sheets, by sheet: what the pages must show whole. */
  readonly texts: ReadonlyMap<string, { cell: string; text: string }[]>;
  readonly sheet: KpiSheet;
  readonly evaluation: Evaluation;
}

/** `kpi-sheet evaluate` with the command line's options, then LibreOffice's PDF of the whole workbook. */
async function printWith(paperArgs: readonly string[]): Promise<Printed> {
  const dir = scratchDir();
  const xlsx = join(dir, 'asakuchi-progress-評価.xlsx');
  const { analysis } = await runOnce(INPUT, xlsx, ...paperArgs);
  const result = await renderPdf(xlsx, dir);
  if (!result.ok) throw new Error(result.message);
  return {
    pdf: result.pdf,
    pages: readPdfLayout(result.pdf),
    rules: readRules(result.pdf),
    texts: await textCells(xlsx, ['KPI一覧', 'KPI評価サマリー']),
    sheet: analysis.sheet,
    evaluation: analysis.evaluation,
  };
}

/** The texts of the sheets' cells (numbers and dates print in their formats: left out), merges once. */
async function textCells(
  xlsx: string,
  sheets: readonly string[],
): Promise<Map<string, { cell: string; text: string }[]>> {
  const book = await readBook(xlsx);
  const out = new Map<string, { cell: string; text: string }[]>();
  for (const name of sheets) {
    const ws = book.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name} in ${xlsx}`);
    const texts: { cell: string; text: string }[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        const isText =
          typeof value === 'string' || (typeof value === 'object' && value !== null && 'richText' in value);
        if (isText && normalized(cell.text) !== '') texts.push({ cell: cell.address, text: cell.text });
      }),
    );
    out.set(name, texts);
  }
  return out;
}

/** The sheet a page belongs to: its header prints the sheet's name (`&A`) at the top. */
function sheetOf(page: Page): string {
  const top = page.lines.filter((l) => l.yMax < 40).map((l) => l.text);
  return top.join(' ');
}

/**
 * Whether `text` prints whole inside the column headed `column`, located on the page from its header and
 * a neighbouring header (`neighbour`, either side): the distance of their centres gives
 * the points per character of column width. A little slack for the cell's padding.
 */
function inColumn(
  page: Page,
  text: string,
  [label, width]: readonly [string, number],
  [neighbourLabel, neighbourWidth]: readonly [string, number],
): boolean {
  const header = linesReading(page, label)[0];
  const neighbour =
    header && linesReading(page, neighbourLabel).find((l) => Math.abs(l.yMin - header.yMin) < 3);
  if (!header || !neighbour) return false;
  const k = Math.abs(centreX(neighbour) - centreX(header)) / ((width + neighbourWidth) / 2);
  const slack = 2 + 0.02 * width * k;
  return printedWhole(
    page,
    text,
    centreX(header) - (width / 2) * k - slack,
    centreX(header) + (width / 2) * k + slack,
  );
}

/** The header line nearest above `line` among `headers`. */
/** The header of the nearest header row above the line: of that row's headers, the one over its column. */
function headerAbove(line: Line, headers: readonly Line[]): Line | null {
  const above = headers.filter((h) => h.yMax <= line.yMin + 0.5);
  const row = above.reduce<Line | null>((best, h) => (best === null || h.yMin > best.yMin ? h : best), null);
  if (row === null) return null;
  const band = above.filter((h) => Math.abs(h.yMin - row.yMin) < 3);
  const distance = (h: Line): number => Math.abs(centreX(h) - centreX(line));
  return band.reduce((best, h) => (distance(h) < distance(best) ? h : best));
}

function describeFigures(printed: Printed): string {
  return printed.pages.map((p) => `p${p.number} ${medianWordHeight(p).toFixed(1)} pt`).join(', ');
}

describe.each([
  ['A4 (the default print)', [] as string[], { width: 842, height: 595 }],
  ['A3 (--paper A3)', ['--paper', 'A3'], { width: 1191, height: 842 }],
])('the evaluated progress workbook printed on %s', (_name, paperArgs, size) => {
  let printed: Printed;

  beforeAll(async () => {
    if (!hasSoffice) {
      throw new Error(
        'LibreOffice (soffice) がありません: sudo apt-get install libreoffice-calc fonts-noto-cjk poppler-utils',
      );
    }
    printed = await printWith(paperArgs);
    if (paperArgs.length === 0) {
      mkdirSync(OUT, { recursive: true });
      for (const old of readdirSync(OUT)) if (old.startsWith(PAGE_PREFIX)) rmSync(join(OUT, old));
      execFileSync('pdftoppm', ['-r', '80', '-png', printed.pdf, join(OUT, PAGE_PREFIX)]);
    }
  }, 300_000);

  const kpiPages = (): Page[] => printed.pages.filter((p) => sheetOf(p).includes('KPI一覧'));
  const summaryPages = (): Page[] => printed.pages.filter((p) => sheetOf(p).includes('KPI評価サマリー'));

  it('prints every page landscape on that paper, the KPI sheet and the summary', () => {
    expect(printed.pages.length).toBeGreaterThanOrEqual(3);
    for (const page of printed.pages) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([size.width, size.height]);
    }
    expect(kpiPages().length).toBeGreaterThan(0);
    expect(summaryPages().length).toBeGreaterThan(0);
    expect(kpiPages().length + summaryPages().length).toBe(printed.pages.length);
  });

  describe('every page is legible', () => {
    it('median word height is at least 8 pt on every page', () => {
      const small = printed.pages.filter((p) => !(medianWordHeight(p) >= 8));
      expect({ small: small.map((p) => p.number), figures: describeFigures(printed) }).toMatchObject({
        small: [],
      });
    });

    it('no two text lines overlap on any page', () => {
      const overprinted = printed.pages.flatMap((p) =>
        overlappingLines(p).map(([a, b]) => `p${p.number}: 「${a.text}」/「${b.text}」`),
      );
      expect(overprinted).toEqual([]);
    });
  });

  describe('every KPI name and 備考 prints whole, inside its column', () => {
    it('every KPI and 数値目標 name', () => {
      const kpis = printed.sheet.blocks.flatMap((b) => b.kpis);
      const headlines = printed.sheet.blocks.flatMap((b) => b.headlines).map((k) => k.name);
      expect(kpis.length + headlines.length).toBe(50);
      // Rows the city wrote one column to the right (read back by the layout's realignment): their name
      // stands in the 担当課 column, as the city typed it.
      const shifted = new Set(
        printed.sheet.diagnostics
          .filter((d) => d.kind === 'realigned')
          .map((d) => Number(/\d+/.exec(d.cell)?.[0])),
      );
      // The city's columns: KPI 44 characters wide beside 担当課 16; 数値目標 28 beside H30 (現状値) 44.
      const kpiColumn = (page: Page, name: string, row: number): boolean =>
        shifted.has(row)
          ? inColumn(page, name, ['担当課', 16], ['KPI(重要業績評価指標)', 44])
          : inColumn(page, name, ['KPI(重要業績評価指標)', 44], ['担当課', 16]);
      const missing = [
        ...kpis
          .filter((kpi) => !kpiPages().some((p) => kpiColumn(p, kpi.name, kpi.row)))
          .map((kpi) => kpi.name),
        ...headlines.filter(
          (name) => !kpiPages().some((p) => inColumn(p, name, ['数値目標', 28], ['H30 (現状値)', 44])),
        ),
      ];
      expect(shifted.size).toBe(3); // rows 16–18
      expect(missing).toEqual([]);
    });

    it('every 備考, wrapped inside the 備考 column', () => {
      const notes = printed.evaluation.kpis
        .map((k) => String(flagValuesFor(k, printed.evaluation.settings)[FLAG_OFFSET.notes]))
        .filter((note) => note !== '');
      expect(notes.length).toBeGreaterThan(5);
      // 方向 is 5 characters wide, 備考 30; 備考 comes right after 方向.
      const cut = notes.filter(
        (note) => !kpiPages().some((p) => inColumn(p, note, ['備考', 30], ['方向', 5])),
      );
      expect(cut).toEqual([]);
    });
  });

  describe("each page's header row names the columns below it", () => {
    it('KPI sheet: every graded row has its own table’s 判定 header above it on the page', () => {
      const wrong: string[] = [];
      for (const page of kpiPages()) {
        const headers = linesReading(page, '判定');
        for (const line of page.lines.filter((l) => GRADE_LINE.test(l.text))) {
          const header = headerAbove(line, headers);
          if (!header || Math.abs(centreX(header) - centreX(line)) > 6) {
            wrong.push(`p${page.number}: 「${line.text}」`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });

    it('KPI sheet: no header printed over another table’s header (each header row has rows under it)', () => {
      const stacked: string[] = [];
      for (const page of kpiPages()) {
        const headers = linesReading(page, '判定').sort((a, b) => a.yMin - b.yMin);
        const graded = page.lines.filter((l) => GRADE_LINE.test(l.text));
        headers.forEach((header, i) => {
          const next = headers[i + 1]?.yMin ?? Infinity;
          if (!graded.some((l) => l.yMin > header.yMax && l.yMin < next)) stacked.push(`p${page.number}`);
        });
      }
      expect(stacked).toEqual([]);
    });

    it('summary: every table row has its table’s heading row above it on the page, wherever it breaks', () => {
      const wrong: string[] = [];
      for (const page of summaryPages()) {
        const checks: [RegExp, string[]][] = [
          // Grades sit under 判定, the legend's 記号・色, or the year-before list's 前年度 / 今年度.
          [GRADE_LINE, ['判定', '記号・色', '前年度', '今年度']],
          [/^\d+\.\d%$/, ['達成割合']],
          [/^[A-Z]{1,3}\d+$/, ['セル']],
        ];
        for (const [anchor, labels] of checks) {
          const headers = labels.flatMap((label) => linesReading(page, label));
          // The grade labels in the count tables' header row are headers themselves.
          const headerBands = linesReading(page, '判定数').map((l) => l.yMin);
          // The bar chart under the 基本目標別 table (16 rows of 15 pt) has its own legend: no table row.
          const charts = linesReading(page, '基本目標別の判定数').map((l) => [l.yMin, l.yMin + 16 * 15]);
          for (const line of page.lines.filter((l) => anchor.test(l.text))) {
            if (headerBands.some((y) => Math.abs(y - line.yMin) < 3)) continue;
            if (charts.some(([top, bottom]) => line.yMin >= top && line.yMin <= bottom)) continue;
            const header = headerAbove(line, headers);
            if (!header || Math.abs(centreX(header) - centreX(line)) > 40) {
              wrong.push(`p${page.number}: 「${line.text}」`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('every cell prints whole inside its own box', () => {
    it('the pages draw the cells’ borders (what the checks below measure against)', () => {
      // Every page prints a table: its header row and at least one row under it, boxed (the shortest
      // page, a table's last three rows under its repeated heading, draws 10 lines).
      for (const page of [...kpiPages(), ...summaryPages()]) {
        expect(printed.rules[page.number - 1]?.length ?? 0).toBeGreaterThanOrEqual(8);
      }
    });

    it('no word crosses its column’s edge', () => {
      expect(wordsAcrossEdges(printed, 'column')).toEqual([]);
    });

    it('no word crosses its row’s top or bottom edge (every row as tall as its text)', () => {
      expect(wordsAcrossEdges(printed, 'row')).toEqual([]);
    });

    it('no word prints over another', () => {
      expect(wordsOverOthers(printed)).toEqual([]);
    });

    it('every character of every text cell prints inside the cell’s box', () => {
      const clipped: string[] = [];
      for (const [sheet, cells] of printed.texts) {
        const boxes = printed.pages
          .filter((p) => sheetOf(p).includes(sheet))
          .flatMap((p) => boxTexts(p, printed.rules[p.number - 1] ?? []));
        for (const { cell, text } of cells) {
          if (!boxes.some((box) => box.includes(normalized(text))))
            clipped.push(`${sheet}!${cell}「${text}」`);
        }
      }
      expect(clipped).toEqual([]);
    });
  });

  it('explains every mark and colour on paper: a legend on the summary and in the KPI sheet’s footer', () => {
    const summary = summaryPages()
      .map((p) => p.lines.map((l) => l.text).join('\n'))
      .join('\n');
    for (const mark of [
      '傾向 ↗ → ↘',
      '方向 ↑ ↓',
      '最新値 (R5)',
      '達成割合',
      '按分目標',
      'X 評価不能',
      '廃止',
    ]) {
      expect(summary).toContain(mark);
    }
    for (const page of kpiPages()) {
      const footer = page.lines
        .filter((l) => l.yMin > page.height - 60)
        .map((l) => l.text)
        .join('');
      expect(footer).toContain('凡例');
      expect(footer).toContain('↗');
    }
  });
});
