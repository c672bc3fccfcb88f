/**
 * The package editor keeps the city's workbook whole: every workbook of the corpus (LibreOffice- and
 * openpyxl-written, with charts, a chart sheet, a pivot table, an external link, notes, an image, a
 * password-protected sheet, custom properties, hidden and very hidden sheets, a VBA project) goes through
 * `evaluate -o` and `--in-place`, and the output is compared with the input part by part (read with JSZip,
 * not with the editor's own zip code).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { FORMATS_EXT_URI } from '../../src/xlsx/package/data-bar';
import { ElementList, attribute, splitElement } from '../../src/xlsx/package/xml';
import { runCli } from '../cli/run-cli';
import { FIXTURES, scratchDir } from './evaluated';

const CORPUS = join(FIXTURES, 'corpus');

/** The corpus, with the parts each workbook's KPI sheet and its extras live in. */
const BOOKS = [
  'libreoffice-city.xlsx',
  'openpyxl-city.xlsx',
  'openpyxl-macro.xlsm',
  'asakuchi-progress.xlsx',
  'asakuchi-strategy.xlsx',
] as const;

type Parts = Map<string, Buffer>;

async function partsOf(file: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts: Parts = new Map();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (!entry.dir) parts.set(name, await entry.async('nodebuffer'));
  }
  return parts;
}

function text(parts: Parts, name: string): string {
  const buffer = parts.get(name);
  if (!buffer) throw new Error(`no part ${name}`);
  return buffer.toString('utf8');
}

function children(xml: string): { name: string; xml: string }[] {
  return ElementList.parse(xml).children.filter((c) => c.name !== '');
}

function items(xml: string | undefined, name: string): string[] {
  return xml === undefined
    ? []
    : children(xml)
        .filter((c) => c.name === name)
        .map((c) => c.xml);
}

// Runs minutes apart must give the same bytes: the summary's 作成日時 is fixed the way a script would fix it.
process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2026, 10, 21, 0, 0) / 1000);

async function evaluate(...argv: string[]): Promise<void> {
  const { code, stderr } = await runCli(main, ['evaluate', ...argv]);
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
}

/** The KPI sheet's part: the first worksheet of the workbook (every corpus book has its table there). */
function kpiSheetPart(parts: Parts): string {
  const workbook = text(parts, 'xl/workbook.xml');
  const [first] = items(children(workbook).find((c) => c.name === 'sheets')?.xml, 'sheet');
  const relId = attribute(first, 'r:id');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  const rel = items(rels, 'Relationship').find((r) => attribute(r, 'Id') === relId);
  return `xl/${(attribute(rel ?? '', 'Target') ?? '').replace(/^\/?xl\//, '')}`;
}

/** The parts the add-in may rewrite; everything else must come out byte for byte. */
function editedParts(parts: Parts): Set<string> {
  return new Set([
    '[Content_Types].xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    kpiSheetPart(parts),
  ]);
}

/** Top-level worksheet elements the add-in writes or edits (its own, or the print setup it sets). */
const SHEET_ELEMENTS_OURS = new Set([
  'sheetData',
  'dimension',
  'cols',
  'conditionalFormatting',
  'dataValidations',
  'sheetPr',
  'printOptions',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  // The print setup: margins for the legend footer, and the column break of a two-page-wide sheet.
  'pageMargins',
  'colBreaks',
  // Only its x14 conditional formattings (solid data bars); the other extensions are checked below.
  'extLst',
]);

/** Cells by address, from a worksheet's sheetData. */
function cellsOf(sheetXml: string): Map<string, string> {
  const cells = new Map<string, string>();
  const data = children(sheetXml).find((c) => c.name === 'sheetData');
  for (const m of (data?.xml ?? '').matchAll(/<c\b[^>]*?\sr="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g))
    cells.set(m[1], m[0]);
  return cells;
}

function expectSheetKept(before: string, after: string): void {
  const other = (xml: string) =>
    children(xml)
      .filter((c) => !SHEET_ELEMENTS_OURS.has(c.name))
      .map((c) => c.xml);
  // Sheet views, protection, merges, drawings, notes' legacy drawing, table parts, extLst …
  expect(other(after)).toEqual(other(before));
  const afterCells = cellsOf(after);
  let compared = 0;
  for (const [address, xml] of cellsOf(before)) {
    expect({ address, xml: afterCells.get(address) }).toEqual({ address, xml });
    compared++;
  }
  expect(compared).toBeGreaterThan(100);
  const cfsAfter = new Set(items(after, 'conditionalFormatting'));
  for (const cf of items(before, 'conditionalFormatting')) expect(cfsAfter).toContain(cf);
  const validationsAfter = new Set(
    items(children(after).find((c) => c.name === 'dataValidations')?.xml, 'dataValidation'),
  );
  for (const dv of items(children(before).find((c) => c.name === 'dataValidations')?.xml, 'dataValidation'))
    expect(validationsAfter).toContain(dv);
  // Every extension of the city's (x14 data validations, sparklines, …) and every x14 formatting of its own.
  const exts = (xml: string) => items(children(xml).find((c) => c.name === 'extLst')?.xml, 'ext');
  const extsAfter = exts(after);
  for (const ext of exts(before)) {
    if (!ext.includes(FORMATS_EXT_URI)) {
      expect(extsAfter).toContain(ext);
      continue;
    }
    const x14 = (xml: string | undefined) =>
      [...(xml ?? '').matchAll(/<x14:conditionalFormatting\b[\s\S]*?<\/x14:conditionalFormatting>/g)].map(
        (m) => m[0],
      );
    const now = x14(extsAfter.find((e) => e.includes(FORMATS_EXT_URI)));
    for (const formatting of x14(ext)) expect(now).toContain(formatting);
  }
  // The print setup: what the plan does not set keeps its value.
  const pageSetup = (xml: string) => children(xml).find((c) => c.name === 'pageSetup')?.xml;
  const setupBefore = pageSetup(before);
  if (setupBefore) {
    const kept = (xml: string) => {
      const attrs = new Map([...xmlAttributes(splitElement(xml).start)]);
      for (const name of ['paperSize', 'orientation', 'fitToWidth', 'fitToHeight', 'pageOrder', 'scale'])
        attrs.delete(name);
      return Object.fromEntries(attrs);
    };
    expect(kept(pageSetup(after)!)).toEqual(kept(setupBefore));
  }
}

function xmlAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=<>/]+)="([^"]*)"/g)) out.set(m[1], m[2]);
  return out;
}

function expectWorkbookKept(before: string, after: string): void {
  const other = (xml: string) =>
    children(xml)
      .filter((c) => c.name !== 'sheets' && c.name !== 'definedNames')
      .map((c) => c.xml);
  expect(other(after)).toEqual(other(before));
  const sheets = (xml: string) => items(children(xml).find((c) => c.name === 'sheets')?.xml, 'sheet');
  const sheetsBefore = sheets(before);
  expect(sheets(after).slice(0, sheetsBefore.length)).toEqual(sheetsBefore);
  const names = (xml: string) =>
    items(children(xml).find((c) => c.name === 'definedNames')?.xml, 'definedName');
  const namesAfter = new Set(names(after));
  for (const name of names(before)) expect(namesAfter).toContain(name);
}

const STYLE_COLLECTIONS = new Set(['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']);

function expectStylesKept(before: string, after: string): void {
  const afterChildren = new Map(children(after).map((c) => [c.name, c.xml]));
  for (const child of children(before)) {
    const now = afterChildren.get(child.name);
    if (!STYLE_COLLECTIONS.has(child.name)) {
      expect({ element: child.name, xml: now }).toEqual({ element: child.name, xml: child.xml });
      continue;
    }
    // The city's entries keep their place (every `s` index in its cells keeps its meaning).
    const kept = children(child.xml).map((c) => c.xml);
    expect(
      children(now!)
        .map((c) => c.xml)
        .slice(0, kept.length),
    ).toEqual(kept);
  }
}

function expectListKept(before: string, after: string): void {
  const now = new Set(children(after).map((c) => c.xml));
  for (const child of children(before)) expect(now).toContain(child.xml);
}

describe.each(BOOKS)('%s through evaluate -o and --in-place', (book) => {
  const input = join(book.startsWith('asakuchi') ? FIXTURES : CORPUS, book);
  const dir = scratchDir();
  const extension = book.endsWith('.xlsm') ? '.xlsm' : '.xlsx';
  const once = join(dir, `once${extension}`);
  const again = join(dir, `again${extension}`);
  const rerun = join(dir, `rerun${extension}`);
  const inPlace = join(dir, `in-place${extension}`);
  let before: Parts;
  let after: Parts;

  beforeAll(async () => {
    await evaluate(input, '-o', once);
    await evaluate(input, '-o', again);
    await evaluate(once, '-o', rerun);
    copyFileSync(input, inPlace);
    await evaluate(inPlace, '--in-place');
    before = await partsOf(input);
    after = await partsOf(once);
  }, 60_000);

  it('copies every part it does not edit byte for byte (charts, pivots, links, notes, images, VBA, properties)', () => {
    const edited = editedParts(before);
    let copied = 0;
    for (const [name, bytes] of before) {
      if (edited.has(name)) continue;
      expect({ part: name, same: after.get(name)?.equals(bytes) }).toEqual({ part: name, same: true });
      copied++;
    }
    expect(copied).toBeGreaterThan(book.startsWith('asakuchi') ? 1 : 5);
  });

  it('adds only its own parts: two sheets, and the summary chart with its drawing and relationships', () => {
    const added = [...after.keys()].filter((name) => !before.has(name));
    const kinds = added.map((name) =>
      name
        .replace(/^xl\/worksheets\/sheet\d+\.xml$/, 'sheet')
        .replace(/^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/, 'sheet rels')
        .replace(/^xl\/drawings\/drawing\d+\.xml$/, 'drawing')
        .replace(/^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/, 'drawing rels')
        .replace(/^xl\/charts\/chart\d+\.xml$/, 'chart'),
    );
    expect(kinds.sort()).toEqual(['chart', 'drawing', 'drawing rels', 'sheet', 'sheet', 'sheet rels']);
  });

  it('leaves no part of an earlier run behind on a re-run (the same part names as one run)', async () => {
    expect([...(await partsOf(rerun)).keys()]).toEqual([...after.keys()]);
  });

  it('keeps every element of the workbook, styles, content types and relationships that is not its own', () => {
    expectWorkbookKept(text(before, 'xl/workbook.xml'), text(after, 'xl/workbook.xml'));
    expectStylesKept(text(before, 'xl/styles.xml'), text(after, 'xl/styles.xml'));
    expectListKept(text(before, '[Content_Types].xml'), text(after, '[Content_Types].xml'));
    expectListKept(text(before, 'xl/_rels/workbook.xml.rels'), text(after, 'xl/_rels/workbook.xml.rels'));
  });

  it("keeps every one of the KPI sheet's elements and cells that is not its own, byte for byte", () => {
    const part = kpiSheetPart(before);
    expectSheetKept(text(before, part), text(after, part));
  });

  it('gives identical bytes on two runs, and a re-run over its output gives the same bytes again', () => {
    expect(readFileSync(again).equals(readFileSync(once))).toBe(true);
    expect(readFileSync(rerun).equals(readFileSync(once))).toBe(true);
  });

  it('--in-place writes what -o writes', () => {
    expect(readFileSync(inPlace).equals(readFileSync(once))).toBe(true);
  });
});

/** What each corpus workbook holds beside the KPI table, by part: all of it must survive a run. */
const EXTRAS: Readonly<Record<string, readonly RegExp[]>> = {
  'libreoffice-city.xlsx': [
    /^xl\/charts\/chart\d+\.xml$/,
    /^xl\/pivotTables\/pivotTable1\.xml$/,
    /^xl\/pivotCache\/pivotCacheDefinition1\.xml$/,
    /^xl\/pivotCache\/pivotCacheRecords1\.xml$/,
    /^xl\/externalLinks\/externalLink1\.xml$/,
    /^xl\/comments\d\.xml$/,
    /^xl\/drawings\/vmlDrawing\d\.vml$/,
    /^xl\/media\/image1\.png$/,
    /^docProps\/custom\.xml$/,
  ],
  'openpyxl-city.xlsx': [
    /^xl\/chartsheets\/sheet1\.xml$/,
    /^xl\/charts\/chart\d\.xml$/,
    /^xl\/comments\/comment\d\.xml$/,
    /^xl\/media\/image1\.png$/,
    /^docProps\/custom\.xml$/,
  ],
  'openpyxl-macro.xlsm': [/^xl\/vbaProject\.bin$/, /^xl\/comments\/comment1\.xml$/],
};

describe('what the corpus holds beside the KPI table is all still there after a run', () => {
  it.each(Object.entries(EXTRAS))('%s', async (book, patterns) => {
    const out = join(scratchDir(), `out${book.slice(book.lastIndexOf('.'))}`);
    await evaluate(join(CORPUS, book), '-o', out);
    const before = await partsOf(join(CORPUS, book));
    const after = await partsOf(out);
    for (const pattern of patterns) {
      const names = [...before.keys()].filter((name) => pattern.test(name));
      expect({ pattern: String(pattern), found: names.length > 0 }).toEqual({
        pattern: String(pattern),
        found: true,
      });
      for (const name of names)
        expect({ name, same: after.get(name)?.equals(before.get(name)!) }).toEqual({ name, same: true });
    }
    if (book === 'openpyxl-macro.xlsm') return;
    // The city's constant name, and its sheet-scoped name still scoped to its sheet (資料, index 1).
    const names = items(
      children(text(after, 'xl/workbook.xml')).find((c) => c.name === 'definedNames')?.xml,
      'definedName',
    );
    expect(names.find((n) => attribute(n, 'name') === '市名')).toMatch(/(&quot;|")浅口市(&quot;|")/);
    expect(attribute(names.find((n) => attribute(n, 'name') === '資料範囲') ?? '', 'localSheetId')).toBe('1');
  });
});

const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;

(hasSoffice ? describe : describe.skip)('LibreOffice Calc opens every output', () => {
  it('converts each evaluated corpus workbook to PDF', () => {
    const dir = scratchDir();
    const outputs = BOOKS.map((book) => {
      const out = join(dir, `evaluated-${book}`);
      return { book, out };
    });
    return (async () => {
      for (const { book, out } of outputs)
        await evaluate(join(book.startsWith('asakuchi') ? FIXTURES : CORPUS, book), '-o', out);
      const profile = mkdtempSync(join(tmpdir(), 'kpi-sheet-lo-corpus-'));
      const result = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          ...outputs.map((o) => o.out),
        ],
        { timeout: 240_000, encoding: 'utf8' },
      );
      rmSync(profile, { recursive: true, force: true });
      expect(result.status).toBe(0);
      for (const { out } of outputs) {
        const pdf = out.replace(/\.xls[xm]$/, '.pdf');
        expect({ pdf, exists: existsSync(pdf) }).toEqual({ pdf, exists: true });
        const textOf = execFileSync('pdftotext', ['-l', '1', pdf, '-'], { encoding: 'utf8' });
        expect(textOf).toContain('判定');
      }
    })();
  }, 300_000);
});

describe('data bars are solid, as the Excel host writes them (gradientFill false)', () => {
  it('each 達成率 bar has an x14 twin with gradient="0", linked by a stable id', async () => {
    const out = join(scratchDir(), 'out.xlsx');
    await evaluate(join(FIXTURES, 'asakuchi-progress.xlsx'), '-o', out);
    const sheet = text(await partsOf(out), 'xl/worksheets/sheet1.xml');
    const ids = [...sheet.matchAll(/<cfRule type="dataBar"[\s\S]*?<x14:id>([^<]+)<\/x14:id>/g)].map(
      (m) => m[1],
    );
    expect(ids).toHaveLength(8);
    for (const id of ids) {
      expect(sheet).toMatch(
        new RegExp(
          `<x14:cfRule type="dataBar" id="${id.replace(/[{}]/g, '\\$&')}"><x14:dataBar [^>]*gradient="0"`,
        ),
      );
    }
    expect(sheet).toContain('<xm:sqref>M9:M18</xm:sqref>');
  });
});
