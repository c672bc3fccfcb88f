/**
 * The summary's bar chart of grade counts per 基本目標 as the package editor writes it through
 * `kpi-sheet evaluate -o`: a chart part, a drawing part, the summary sheet's `drawing` element, their
 * relationships and content types, read back with JSZip and parsed with xml2js (not with the editor's own
 * code). A re-run over the output gives the bytes of one run; a city's own charts on other sheets keep
 * their bytes, and the new parts take names none of theirs has. The ExcelJS oracle still refuses charts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parseStringPromise } from 'xml2js';
import { main } from '../../src/cli/main';
import { analyzeRead, plan } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { ChartSpec, WriteOp } from '../../src/core/types';
import { applyPlan as applyExcelJs } from '../../src/xlsx/apply-plan';
import { openBook, pickBookSheet } from '../../src/xlsx/open-book';
import { applyBookPlan, PACKAGE_CHARTS } from '../../src/xlsx/package/apply-book';
import { XlsxBook } from '../../src/xlsx/package/book';
import { REL_DRAWING } from '../../src/xlsx/package/drawing-part';
import { WORKSHEET_ORDER } from '../../src/xlsx/package/worksheet-part';
import { attribute, ElementList } from '../../src/xlsx/package/xml';
import { loadWorkbook } from '../../src/xlsx/workbook';
import { runCli } from '../cli/run-cli';
import { FIXTURES, NOW, readBook, scratchDir } from './evaluated';

const SUMMARY = 'KPI評価サマリー';
const CORPUS = join(FIXTURES, 'corpus');
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2026, 10, 21, 0, 0) / 1000);

type Parts = Map<string, Buffer>;

async function partsOf(file: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts: Parts = new Map();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) parts.set(name, await zip.files[name].async('nodebuffer'));
  return parts;
}

function text(parts: Parts, name: string): string {
  const buffer = parts.get(name);
  if (!buffer) throw new Error(`no part ${name}`);
  return buffer.toString('utf8');
}

async function evaluate(...argv: string[]): Promise<void> {
  const { code, stderr } = await runCli(main, ['evaluate', ...argv]);
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  expect(stderr).not.toContain('書けなかった操作');
}

function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g'))].map((m) => m[0]);
}

function relsOf(parts: Parts, part: string): { id: string; type: string; target: string }[] {
  const slash = part.lastIndexOf('/');
  const rels = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  if (!parts.has(rels)) return [];
  return elements(text(parts, rels), 'Relationship').map((r) => ({
    id: attribute(r, 'Id') ?? '',
    type: attribute(r, 'Type') ?? '',
    target: attribute(r, 'Target') ?? '',
  }));
}

/** A relative target against its source part's folder (`../charts/chart1.xml` from xl/drawings). */
function resolve(source: string, target: string): string {
  const dir = source.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') dir.pop();
    else if (piece !== '.') dir.push(piece);
  }
  return dir.join('/');
}

interface ChartParts {
  readonly sheet: string;
  readonly sheetXml: string;
  readonly drawing: string;
  readonly drawingXml: string;
  readonly chart: string;
  readonly chartXml: string;
}

/** The summary sheet's drawing and chart, followed from xl/workbook.xml by relationships. */
function summaryChart(parts: Parts): ChartParts {
  const workbook = text(parts, 'xl/workbook.xml');
  const entry = elements(workbook, 'sheet').find((s) => attribute(s, 'name') === SUMMARY);
  const relId = attribute(entry ?? '', 'r:id');
  const sheetRel = relsOf(parts, 'xl/workbook.xml').find((r) => r.id === relId);
  if (!sheetRel) throw new Error('no summary sheet');
  const sheet = resolve('xl/workbook.xml', sheetRel.target);
  const sheetXml = text(parts, sheet);
  const [drawingElement] = elements(sheetXml, 'drawing');
  const drawingRel = relsOf(parts, sheet).find((r) => r.id === attribute(drawingElement ?? '', 'r:id'));
  expect(drawingRel?.type).toBe(`${REL}/drawing`);
  const drawing = resolve(sheet, drawingRel!.target);
  const drawingXml = text(parts, drawing);
  const [frameChart] = elements(drawingXml, 'c:chart');
  const chartRel = relsOf(parts, drawing).find((r) => r.id === attribute(frameChart ?? '', 'r:id'));
  expect(chartRel?.type).toBe(`${REL}/chart`);
  const chart = resolve(drawing, chartRel!.target);
  return { sheet, sheetXml, drawing, drawingXml, chart, chartXml: text(parts, chart) };
}

function contentTypeOf(parts: Parts, part: string): string | undefined {
  const override = elements(text(parts, '[Content_Types].xml'), 'Override').find(
    (o) => attribute(o, 'PartName') === `/${part}`,
  );
  return override && attribute(override, 'ContentType');
}

/** The `c:v` texts of an element's cache points, in order. */
function cached(xml: string): string[] {
  return [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
}

function formula(xml: string): string {
  return (/<c:f>([^<]*)<\/c:f>/.exec(xml)?.[1] ?? '').replace(/&apos;/g, "'");
}

describe('the summary chart written by evaluate -o', () => {
  const dir = scratchDir();
  const once = join(dir, 'once.xlsx');
  const rerun = join(dir, 'rerun.xlsx');
  let parts: Parts;
  let found: ChartParts;
  let spec: ChartSpec;
  let summaryBreaks: readonly number[];

  beforeAll(async () => {
    await evaluate(join(FIXTURES, 'asakuchi-progress.xlsx'), '-o', once);
    await evaluate(once, '-o', rerun);
    parts = await partsOf(once);
    found = summaryChart(parts);
    // The plan's own chart, for the colours and the place.
    const book = await openBook(join(FIXTURES, 'asakuchi-progress.xlsx'));
    const picked = pickBookSheet(book, undefined);
    const analyzed = analyzeRead(picked.grid, picked.layout, DEFAULT_SETTINGS);
    if (!analyzed.ok) throw new Error(analyzed.failure.message);
    const { ops } = plan(analyzed.analysis, { now: NOW, charts: PACKAGE_CHARTS });
    const op = ops.find((o): o is Extract<WriteOp, { op: 'addChart' }> => o.op === 'addChart');
    if (!op) throw new Error('the plan asks for no chart');
    spec = op.chart;
    const layout = ops.find(
      (o): o is Extract<WriteOp, { op: 'setPageLayout' }> => o.op === 'setPageLayout' && o.sheet === op.sheet,
    );
    summaryBreaks = layout?.layout.rowBreaks ?? [];
  }, 60_000);

  it('writes a chart part and a drawing part that parse, each with its content type', async () => {
    expect(found.drawing).toMatch(/^xl\/drawings\/drawing\d+\.xml$/);
    expect(found.chart).toMatch(/^xl\/charts\/chart\d+\.xml$/);
    for (const part of [found.chart, found.drawing, found.sheet])
      await expect(parseStringPromise(text(parts, part), { strict: true })).resolves.toBeDefined();
    expect(contentTypeOf(parts, found.chart)).toBe(
      'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
    );
    expect(contentTypeOf(parts, found.drawing)).toBe(
      'application/vnd.openxmlformats-officedocument.drawing+xml',
    );
  });

  it('puts the sheet’s drawing element where CT_Worksheet’s sequence has it', () => {
    const names = ElementList.parse(found.sheetXml)
      .children.filter((c) => c.name !== '')
      .map((c) => c.name);
    expect(names).toContain('drawing');
    const ranks = names.map((name) => WORKSHEET_ORDER.indexOf(name));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('is a stacked horizontal bar chart with the plan’s title, one series per grade in its colour', () => {
    const xml = found.chartXml;
    expect(elements(xml, 'c:barChart')).toHaveLength(1);
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('<c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(elements(elements(xml, 'c:title')[0], 'a:t').map((t) => t.replace(/<[^>]+>/g, ''))).toEqual([
      '基本目標別の判定数',
    ]);
    expect(spec.title).toBe('基本目標別の判定数');
    const series = elements(xml, 'c:ser');
    expect(series).toHaveLength(5);
    expect(series.map((s) => /<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(s)?.[1])).toEqual(
      spec.colors.map((c) => c.slice(1).toUpperCase()),
    );
    expect(spec.colors).toEqual(['#006100', '#1F4E78', '#7F6000', '#9C0006', '#595959']);
    // Two axes, each crossing the other, and a legend.
    const ids = elements(xml, 'c:barChart')[0].match(/<c:axId val="(\d+)"\/>/g);
    expect(ids).toHaveLength(2);
    expect(elements(xml, 'c:catAx')).toHaveLength(1);
    expect(elements(xml, 'c:valAx')).toHaveLength(1);
    expect(elements(xml, 'c:legend')).toHaveLength(1);
  });

  it('reads each series from the 基本目標別 table’s cells (sheet name quoted), with caches of their values', async () => {
    const series = elements(found.chartXml, 'c:ser');
    const columns = ['C', 'D', 'E', 'F', 'G'];
    expect(series.map((s) => formula(elements(s, 'c:tx')[0]))).toEqual(
      columns.map((c) => `'${SUMMARY}'!$${c}$10`),
    );
    expect(series.map((s) => formula(elements(s, 'c:val')[0]))).toEqual(
      columns.map((c) => `'${SUMMARY}'!$${c}$11:$${c}$14`),
    );
    for (const s of series) expect(formula(elements(s, 'c:cat')[0])).toBe(`'${SUMMARY}'!$A$11:$A$14`);
    // The caches hold what the cells hold, read back with ExcelJS.
    const ws = (await readBook(once)).getWorksheet(SUMMARY)!;
    expect(ws.getCell('A9').value).toBe('基本目標別');
    series.forEach((s, i) => {
      const col = columns[i];
      expect(cached(elements(s, 'c:tx')[0])).toEqual([String(ws.getCell(`${col}10`).value)]);
      expect(cached(elements(s, 'c:val')[0])).toEqual(
        [11, 12, 13, 14].map((row) => String(ws.getCell(`${col}${row}`).value)),
      );
      expect(cached(elements(s, 'c:cat')[0])).toEqual(
        [11, 12, 13, 14].map((row) => String(ws.getCell(`A${row}`).value)),
      );
    });
    expect(cached(elements(series[0], 'c:tx')[0])).toEqual(['A 達成']);
    // Goal 1's counts, A–X, as the progress table has them.
    expect(series.map((s) => cached(elements(s, 'c:val')[0])[0])).toEqual(['2', '2', '0', '1', '3']);
    expect(cached(elements(series[0], 'c:cat')[0])[0]).toMatch(/^1 浅口市における安定した雇用を創出する/);
  });

  it('anchors the chart over the plan’s cells (A16:I31), under the 基本目標別 table, inside the print area', () => {
    // The table: heading 9, header 10, goals 11–14, 全体 15. The chart's 16 rows do not fit on the rest of the
    // A4 page: a page break before row 16 (no empty row), then the chart across A–I at the top of page 2.
    expect(spec.position).toEqual({ top: 16, left: 1, bottom: 31, right: 9 });
    expect(summaryBreaks).toContain(16);
    const [anchor] = elements(found.drawingXml, 'xdr:twoCellAnchor');
    const marker = (tag: string) => {
      const xml = elements(anchor, `xdr:${tag}`)[0];
      return [/<xdr:col>(\d+)</.exec(xml)?.[1], /<xdr:row>(\d+)</.exec(xml)?.[1]].map(Number);
    };
    // 0-based markers: from the top-left of A16 to the top-left of the cell after I31 (J32).
    expect(marker('from')).toEqual([0, 15]);
    expect(marker('to')).toEqual([9, 31]);
    expect(anchor).toContain('name="基本目標別の判定数"');
  });

  it('gives the bytes of one run on a re-run over its output', () => {
    expect(readFileSync(rerun).equals(readFileSync(once))).toBe(true);
  });
});

describe.each(['libreoffice-city.xlsx', 'openpyxl-city.xlsx'])(
  '%s, which has charts of its own on other sheets',
  (book) => {
    const input = join(CORPUS, book);
    const out = join(scratchDir(), 'out.xlsx');
    let before: Parts;
    let after: Parts;

    beforeAll(async () => {
      await evaluate(input, '-o', out);
      before = await partsOf(input);
      after = await partsOf(out);
    }, 60_000);

    it('keeps every drawing and chart of the city’s byte for byte', () => {
      const own = [...before.keys()].filter((name) => /^xl\/(drawings|charts)\//.test(name));
      expect(own.filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name)).length).toBeGreaterThan(0);
      for (const name of own)
        expect({ name, same: after.get(name)?.equals(before.get(name)!) }).toEqual({ name, same: true });
    });

    it('gives the summary’s drawing and chart part names the city’s parts do not have', () => {
      const found = summaryChart(after);
      expect(before.has(found.drawing)).toBe(false);
      expect(before.has(found.chart)).toBe(false);
      // The lowest free numbers: one past the city's.
      const highest = (pattern: RegExp) =>
        Math.max(...[...before.keys()].map((n) => Number(pattern.exec(n)?.[1] ?? 0)));
      expect(found.drawing).toBe(
        `xl/drawings/drawing${highest(/^xl\/drawings\/drawing(\d+)\.xml$/) + 1}.xml`,
      );
      expect(found.chart).toBe(`xl/charts/chart${highest(/^xl\/charts\/chart(\d+)\.xml$/) + 1}.xml`);
      expect(found.chartXml).toContain(`<c:f>&apos;${SUMMARY}&apos;!$C$11:$C$14</c:f>`);
    });
  },
);

describe('the package editor’s drawings on sheets that have their own', () => {
  it('adds a chart to a drawing the sheet already has, after its anchors, their bytes kept', async () => {
    const book = XlsxBook.fromBuffer(readFileSync(join(CORPUS, 'libreoffice-city.xlsx')));
    const sheet = book.sheets()[0].name;
    const sheetPart = book.sheetPart(sheet)!;
    const drawingRel = book.opc.relationships(sheetPart).find((r) => r.type === REL_DRAWING)!;
    const drawing = `xl/drawings/${drawingRel.target.split('/').pop()!}`;
    const before = book.opc.text(drawing)!;
    const result = applyBookPlan(book, {
      ops: [
        {
          op: 'addChart',
          sheet,
          chart: {
            type: 'barStacked',
            title: '追加のグラフ',
            series: { top: 8, left: 6, bottom: 12, right: 7 },
            categories: { top: 9, left: 3, bottom: 12, right: 3 },
            colors: ['#006100', '#9C0006'],
            position: { top: 2, left: 20, bottom: 15, right: 26 },
          },
        },
      ],
      notices: [],
    });
    expect(result.skipped).toEqual([]);
    const parts = await partsOf(await writeScratch(book));
    const xml = text(parts, drawing);
    const anchors = elements(xml, 'xdr:twoCellAnchor');
    expect(anchors).toHaveLength(elements(before, 'xdr:twoCellAnchor').length + 1);
    expect(xml.startsWith(before.slice(0, before.lastIndexOf('</xdr:wsDr>')))).toBe(true);
    await expect(parseStringPromise(xml, { strict: true })).resolves.toBeDefined();
    // One drawing element still, the chart a new part the drawing's relationships point at.
    expect(elements(text(parts, sheetPart), 'drawing')).toHaveLength(1);
    const added = relsOf(parts, drawing).find(
      (r) => r.id === attribute(elements(anchors[anchors.length - 1], 'c:chart')[0], 'r:id'),
    );
    expect(added?.target).toBe('../charts/chart3.xml');
    expect(text(parts, 'xl/charts/chart3.xml')).toContain('<a:t>追加のグラフ</a:t>');
  });

  it('keeps a drawing the deleted sheet shares with another sheet', async () => {
    const out = join(scratchDir(), 'out.xlsx');
    await evaluate(join(FIXTURES, 'asakuchi-progress.xlsx'), '-o', out);
    const book = XlsxBook.fromBuffer(readFileSync(out));
    const found = summaryChart(await partsOf(out));
    // The KPI sheet refers to the summary's drawing too: it is no longer the summary's alone.
    book.opc.addRelationship(
      book.sheetPart(book.sheets()[0].name)!,
      REL_DRAWING,
      `../drawings/${found.drawing.split('/').pop()!}`,
    );
    book.deleteSheet(SUMMARY);
    expect(book.opc.has(found.drawing)).toBe(true);
    expect(book.opc.has(found.chart)).toBe(true);
    expect(book.opc.has(found.sheet)).toBe(false);
    // Alone, the deleted sheet takes its drawing, the drawing's chart and their relationship parts.
    const alone = XlsxBook.fromBuffer(readFileSync(out));
    alone.deleteSheet(SUMMARY);
    const left = alone.opc.partNames();
    for (const part of [found.sheet, found.drawing, found.chart])
      expect({ part, left: left.includes(part) }).toEqual({ part, left: false });
    expect(left.filter((p) => /^xl\/(drawings|charts)\//.test(p) || /worksheets\/_rels/.test(p))).toEqual([]);
    expect(alone.opc.text('[Content_Types].xml')).not.toMatch(/drawing\+xml|chart\+xml/);
  });
});

async function writeScratch(book: XlsxBook): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const file = join(scratchDir(), 'book.xlsx');
  await writeFile(file, book.toBuffer());
  return file;
}

describe('the ExcelJS oracle (src/xlsx/apply-plan.ts)', () => {
  it('still refuses a chart with a Japanese reason, and applies every other op', async () => {
    const workbook = await loadWorkbook(join(FIXTURES, 'asakuchi-progress.xlsx'));
    const book = await openBook(join(FIXTURES, 'asakuchi-progress.xlsx'));
    const picked = pickBookSheet(book, undefined);
    const analyzed = analyzeRead(picked.grid, picked.layout, DEFAULT_SETTINGS);
    if (!analyzed.ok) throw new Error(analyzed.failure.message);
    const writePlan = plan(analyzed.analysis, { now: NOW, charts: 'native' });
    expect(writePlan.ops.filter((op) => op.op === 'addChart')).toHaveLength(1);
    const result = applyExcelJs(workbook, writePlan);
    expect(result.skipped).toEqual([
      {
        op: 'addChart',
        reason: 'ExcelJS ではグラフを書けません (kpi-sheet コマンドと Excel アドインでは書けます)',
      },
    ]);
    expect(result.applied).toBe(writePlan.ops.length - 1);
  });
});
