/**
 * The input messages (Excel's 入力時メッセージ) of the 方向 drop-down and the comment columns in a saved
 * workbook: the package editor's `dataValidation` elements carry `showInputMessage`, `promptTitle`
 * and `prompt` on the right cells, escaped as ECMA-376 wants; they follow the comment columns when those move
 * and leave no validation behind; the clerk's text stays; a re-run gives the same bytes; and the ExcelJS
 * oracle writes the same validations from the same plan; LibreOffice, as a second reader, shows them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { COMMENT_PROMPTS } from '../../src/core/plan/comments';
import { DIRECTION_PROMPT } from '../../src/core/plan/flags';
import { analyzeRead, plan } from '../../src/core/pipeline';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/types';
import { applyPlan as applyExcelJs } from '../../src/xlsx/apply-plan';
import { openBook, pickBookSheet } from '../../src/xlsx/open-book';
import { applyBookPlan } from '../../src/xlsx/package/apply-book';
import { attribute, childrenOf } from '../../src/xlsx/package/xml';
import { FIXTURES, NOW, internals, readBook, runOnce, scratchDir, sheetXml } from './evaluated';
import { runWith } from './run-with';

const PROGRESS = join(FIXTURES, 'asakuchi-progress.xlsx');
const SHEET = 'KPI一覧';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, commentColumns: true };
const FACTOR = '創業相談は増えたが、物価高で開業を見送る例が多かった。';

interface Validation {
  readonly sqref: string;
  readonly type: string | undefined;
  readonly showInputMessage: string | undefined;
  readonly promptTitle: string | undefined;
  readonly prompt: string | undefined;
  /** The start tag as written, to check the escaping. */
  readonly tag: string;
}

/** The KPI sheet's `dataValidation` elements (the fixture's KPI sheet is its first worksheet part). */
async function validationsOf(file: string): Promise<Validation[]> {
  const xml = await sheetXml(file, 1);
  const list = childrenOf(xml).children.find((c) => c.name === 'dataValidations');
  if (!list) return [];
  return childrenOf(list.xml)
    .children.filter((c) => c.name === 'dataValidation')
    .map((c) => {
      const tag = c.xml.slice(0, c.xml.indexOf('>') + 1);
      return {
        sqref: attribute(tag, 'sqref') ?? '',
        type: attribute(tag, 'type'),
        showInputMessage: attribute(tag, 'showInputMessage'),
        promptTitle: attribute(tag, 'promptTitle'),
        prompt: attribute(tag, 'prompt'),
        tag,
      };
    });
}

/** The column letters a validation covers (`S9:S12` → `S`). */
function columnOf(v: Validation): string {
  const letters = new Set(v.sqref.split(/[\s:]/).map((ref) => ref.replace(/\d+$/, '')));
  if (letters.size !== 1) throw new Error(`validation over several columns: ${v.sqref}`);
  return [...letters][0];
}

function inColumn(validations: readonly Validation[], col: string): Validation[] {
  return validations.filter((v) => columnOf(v) === col);
}

/** The first and last row of each `S9:S12` range. */
function rowsOf(v: Validation): [number, number] {
  const [top, bottom = top] = v.sqref.split(':').map((ref) => Number(ref.replace(/^[A-Z]+/, '')));
  return [top, bottom];
}

describe('a run with the comment columns writes the input messages', () => {
  const dir = scratchDir();
  const file = join(dir, 'first.xlsx');
  let validations: Validation[];

  beforeAll(async () => {
    await runWith(PROGRESS, file, SETTINGS);
    validations = await validationsOf(file);
  });

  it('on 要因・分析 (S) and 今後の方向性 (T): any value, the prompt shown, over the same rows', () => {
    const factor = inColumn(validations, 'S');
    const outlook = inColumn(validations, 'T');
    expect(factor.length).toBe(8); // one per table
    expect(outlook.map(rowsOf)).toEqual(factor.map(rowsOf));
    for (const [list, prompt] of [
      [factor, COMMENT_PROMPTS[0]],
      [outlook, COMMENT_PROMPTS[1]],
    ] as const) {
      for (const v of list) {
        expect(v.type).toBeUndefined();
        expect(v.showInputMessage).toBe('1');
        expect(v.promptTitle).toBe(prompt.title);
        expect(v.prompt).toBe(prompt.message);
        // A line feed in an attribute is a character reference: a raw one would be read as a space.
        expect(v.tag).toContain('&#10;');
        expect(v.tag).not.toContain('\n');
        // No formula: the element closes itself.
        expect(v.tag.endsWith('/>')).toBe(true);
      }
    }
    // Row 10 (創業支援事業による創業者数) is in one of them; the header row 8 in none.
    expect(factor.some((v) => rowsOf(v)[0] <= 10 && 10 <= rowsOf(v)[1])).toBe(true);
    expect(factor.some((v) => rowsOf(v)[0] <= 8 && 8 <= rowsOf(v)[1])).toBe(false);
  });

  it('on 方向 (Q): the ↑/↓ list with its own prompt', () => {
    const direction = inColumn(validations, 'Q');
    expect(direction.map(rowsOf)).toEqual(inColumn(validations, 'S').map(rowsOf));
    for (const v of direction) {
      expect(v.type).toBe('list');
      expect(v.showInputMessage).toBe('1');
      expect(v.promptTitle).toBe(DIRECTION_PROMPT.title);
      expect(v.prompt).toBe(DIRECTION_PROMPT.message);
    }
  });

  it('reads back through ExcelJS as Excel’s model has it', async () => {
    const ws = (await readBook(file)).getWorksheet(SHEET)!;
    expect(internals(ws).dataValidations.model.S10).toEqual({
      type: 'any',
      showInputMessage: true,
      promptTitle: '要因・分析',
      prompt: COMMENT_PROMPTS[0].message,
    });
  });
});

describe('the input messages follow the comment columns and leave nothing behind', () => {
  it('S:T → U:V (前年度判定・前年比 turned on) and back; the clerk’s text stays; re-runs give the same bytes', async () => {
    const dir = scratchDir();
    await runWith(PROGRESS, join(dir, 'first.xlsx'), SETTINGS);
    const commented = join(dir, 'commented.xlsx');
    const wb = await readBook(join(dir, 'first.xlsx'));
    wb.getWorksheet(SHEET)!.getCell('S10').value = FACTOR;
    await wb.xlsx.writeFile(commented);

    await runWith(commented, join(dir, 'wider.xlsx'), { ...SETTINGS, previousYearColumns: true });
    const wider = await validationsOf(join(dir, 'wider.xlsx'));
    expect(inColumn(wider, 'S')).toEqual([]);
    expect(inColumn(wider, 'T')).toEqual([]);
    expect(inColumn(wider, 'U').map((v) => v.promptTitle)).toEqual(Array(8).fill('要因・分析'));
    expect(inColumn(wider, 'V').map((v) => v.promptTitle)).toEqual(Array(8).fill('今後の方向性'));
    const ws = (await readBook(join(dir, 'wider.xlsx'))).getWorksheet(SHEET)!;
    expect(ws.getCell('U10').value).toBe(FACTOR);

    await runWith(join(dir, 'wider.xlsx'), join(dir, 'back.xlsx'), SETTINGS);
    const back = await validationsOf(join(dir, 'back.xlsx'));
    expect(inColumn(back, 'U')).toEqual([]);
    expect(inColumn(back, 'V')).toEqual([]);
    expect(inColumn(back, 'S').map((v) => v.promptTitle)).toEqual(Array(8).fill('要因・分析'));
    expect((await readBook(join(dir, 'back.xlsx'))).getWorksheet(SHEET)!.getCell('S10').value).toBe(FACTOR);
    // Every validation is Excel's one per cell: none overlaps another.
    const cells = back.flatMap((v) => {
      const [top, bottom] = rowsOf(v);
      return Array.from({ length: bottom - top + 1 }, (_, i) => `${columnOf(v)}${top + i}`);
    });
    expect(new Set(cells).size).toBe(cells.length);

    // The command line over it, twice: the same bytes.
    await runOnce(join(dir, 'back.xlsx'), join(dir, 'once.xlsx'));
    await runOnce(join(dir, 'once.xlsx'), join(dir, 'twice.xlsx'));
    expect(readFileSync(join(dir, 'twice.xlsx')).equals(readFileSync(join(dir, 'once.xlsx')))).toBe(true);
    expect(await validationsOf(join(dir, 'once.xlsx'))).toEqual(back);
  });

  it('with the setting off and nothing typed, the columns go with their messages', async () => {
    const dir = scratchDir();
    await runWith(PROGRESS, join(dir, 'first.xlsx'), SETTINGS);
    await runWith(join(dir, 'first.xlsx'), join(dir, 'off.xlsx'), DEFAULT_SETTINGS);
    const off = await validationsOf(join(dir, 'off.xlsx'));
    expect(off.filter((v) => v.promptTitle !== DIRECTION_PROMPT.title)).toEqual([]);
    expect(inColumn(off, 'Q')).toHaveLength(8);
  });
});

describe('the ExcelJS oracle writes the same validations from the same plan', () => {
  it('same ranges, types and prompts as the package editor', async () => {
    const book = await openBook(PROGRESS);
    const picked = pickBookSheet(book, undefined);
    const analyzed = analyzeRead(picked.grid, picked.layout, SETTINGS);
    if (!analyzed.ok) throw new Error(analyzed.failure.message);
    const writePlan = plan(analyzed.analysis, { now: NOW });
    expect(applyBookPlan(book, writePlan).skipped).toEqual([]);
    const dir = scratchDir();
    const packageFile = join(dir, 'package.xlsx');
    const { saveWorkbook } = await import('../../src/cli/write-output');
    await saveWorkbook(book, packageFile);

    const oracle = new ExcelJS.Workbook();
    await oracle.xlsx.readFile(PROGRESS);
    const result = applyExcelJs(oracle, writePlan);
    expect(result.skipped.filter((s) => s.op !== 'addChart')).toEqual([]);
    const oracleFile = join(dir, 'oracle.xlsx');
    await oracle.xlsx.writeFile(oracleFile);

    const norm = (list: Validation[]) =>
      list
        .map((v) => [
          // The oracle writes a one-cell range as `T4:T4`, the package editor as `T4`.
          v.sqref.replace(/^([A-Z]+\d+):\1$/, '$1'),
          v.type ?? 'none',
          v.showInputMessage,
          v.promptTitle,
          v.prompt,
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(norm(await validationsOf(oracleFile))).toEqual(norm(await validationsOf(packageFile)));
  });
});

const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;

(hasSoffice ? describe : describe.skip)('LibreOffice Calc, a second reader, keeps the input messages', () => {
  it('converted to .ods, each comment column’s cells have a help message with the title and both lines', async () => {
    const dir = scratchDir();
    const file = join(dir, 'prompts.xlsx');
    await runWith(PROGRESS, file, SETTINGS);
    const profile = mkdtempSync(join(tmpdir(), 'kpi-sheet-lo-prompts-'));
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'ods', '--outdir', dir, file],
      { timeout: 240_000, encoding: 'utf8' },
    );
    rmSync(profile, { recursive: true, force: true });
    expect(result.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'prompts.ods')));
    const content = await zip.file('content.xml')!.async('string');
    const validations = [
      ...content.matchAll(
        /<table:content-validation [^>]*table:name="([^"]+)"[^>]*>([\s\S]*?)<\/table:content-validation>/g,
      ),
    ].map((m) => ({ name: m[1], xml: m[0] }));
    for (const prompt of [...COMMENT_PROMPTS, DIRECTION_PROMPT]) {
      const found = validations.filter((v) => v.xml.includes(`table:title="${prompt.title}"`));
      expect({ title: prompt.title, found: found.length > 0 }).toEqual({ title: prompt.title, found: true });
      // The line feed came through as two paragraphs.
      const lines = prompt.message.split('\n').map((line) => `<text:p>${line}</text:p>`);
      for (const v of found) expect(v.xml).toContain(lines.join(''));
      // The comment columns accept any value: no condition.
      if (prompt !== DIRECTION_PROMPT) for (const v of found) expect(v.xml).not.toContain('table:condition=');
    }
    // As many cells as the 方向 list covers (each table's data rows), in each comment column.
    const cellsWith = (title: string) => {
      const names = new Set(
        validations.filter((v) => v.xml.includes(`table:title="${title}"`)).map((v) => v.name),
      );
      let count = 0;
      for (const m of content.matchAll(
        /<table:table-cell [^>]*table:content-validation-name="([^"]+)"[^>]*?(?:table:number-columns-repeated="(\d+)")?[^>]*>/g,
      ))
        if (names.has(m[1])) count += Number(m[2] ?? 1);
      return count;
    };
    expect(cellsWith('要因・分析')).toBe(cellsWith(DIRECTION_PROMPT.title));
    expect(cellsWith('今後の方向性')).toBe(cellsWith(DIRECTION_PROMPT.title));
    expect(cellsWith('要因・分析')).toBe(50);
  }, 300_000);
});
