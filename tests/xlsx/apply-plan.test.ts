/**
 * The xlsx host applies the write plan to the city's workbooks: read the result back with ExcelJS and
 * check what a reviewer would check, that nothing of the city's changed, and that a second run is a no-op.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { EvaluatedWorkbook } from '../../src/cli/write-output';
import { FIXTURES, internals, readBook, runOnce, scratchDir, sheetXml, snapshot } from './evaluated';

const PROGRESS = join(FIXTURES, 'asakuchi-progress.xlsx');
const SHEET = 'KPI一覧';
const FLAG_HEADERS = ['最新値', '達成率', '進捗率', '傾向', '判定', '方向', '備考'];

function text(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const value = ws.getCell(row, col).value;
  return value === null || value === undefined ? '' : String(value);
}

/** The sheet row whose KPI (or 数値目標) name cell starts with `name`. */
function rowOf(ws: ExcelJS.Worksheet, name: string): number {
  for (let row = 1; row <= ws.rowCount; row++) {
    for (const col of [2, 3]) if (text(ws, row, col).startsWith(name)) return row;
  }
  throw new Error(`no row for ${name}`);
}

function headerCol(ws: ExcelJS.Worksheet, row: number, header: string): number {
  for (let col = 12; col <= 40; col++) if (text(ws, row, col) === header) return col;
  throw new Error(`no ${header} header in row ${row}`);
}

describe('one run over the progress fixture', () => {
  const dir = scratchDir();
  const output = join(dir, 'out.xlsx');
  let result: EvaluatedWorkbook;
  let original: ExcelJS.Workbook;
  let book: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    result = await runOnce(PROGRESS, output);
    original = await readBook(PROGRESS);
    book = await readBook(output);
    ws = book.getWorksheet(SHEET)!;
  });

  it('writes the flag headers right of the table (L:R) in every table header row', () => {
    for (const block of result.analysis.sheet.blocks) {
      for (const table of [block.headlineTable!, block.kpiTable!]) {
        expect(FLAG_HEADERS.map((_, i) => text(ws, table.headerRow, 12 + i))).toEqual(FLAG_HEADERS);
      }
    }
  });

  it.each([
    ['創業支援事業による創業者数', '14人 (R6)', 'D 遅れ'],
    ['空き家情報バンク登録物件数', '147件 (R6)', 'B 概ね順調'],
    ['消防団員数', '804人 (R6)', 'B 概ね順調'],
    ['放課後児童クラブの待機児童数', '23人 (R6)', 'D 遅れ'],
    ['子ども医療費給付対象年齢', '満18歳まで (R6)', 'A 達成'],
    ['工業団地整備面積', '廃止 (R6)', '廃止'],
    ['移動数', '△59人 (R6)', 'D 遅れ'],
  ])('%s: 最新値 %s, 判定 %s (EVALUATION.md section 4)', (name, latest, grade) => {
    const row = rowOf(ws, name);
    expect(text(ws, row, 12)).toBe(latest);
    expect(text(ws, row, 16)).toBe(grade);
  });

  it('writes rates as fractions shown as 0.0 %, the trend arrow and the direction with its dropdown and message', () => {
    const row = rowOf(ws, '消防団員数');
    expect(ws.getCell(row, 13).value).toBeCloseTo(804 / 940, 6);
    expect(ws.getCell(row, 13).numFmt).toBe('0.0%');
    expect(text(ws, row, 15)).toBe('↘');
    expect(text(ws, row, 17)).toBe('↑');
    expect(text(ws, rowOf(ws, '放課後児童クラブの待機児童数'), 17)).toBe('↓');
    expect(internals(ws).dataValidations.model[`Q${row}`]).toMatchObject({
      type: 'list',
      formulae: ['"↑,↓"'],
      // Its input message (入力時メッセージ), written as the package editor writes attributes.
      showInputMessage: true,
      promptTitle: '方向 (↑ / ↓)',
      prompt: expect.stringMatching(/^↑ 増えるほど良い \/ ↓ 減るほど良い。\n一覧から選び直すと/u),
    });
  });

  it('has 13 rules per table (6 判定 fills, 1 data bar, 6 row tints): 8 tables, 104 rules', () => {
    const cfs = internals(ws).conditionalFormattings;
    expect(cfs).toHaveLength(104);
    const kpiTable = result.analysis.sheet.blocks[1].kpiTable!;
    const refs = cfs.map((cf) => cf.ref);
    expect(refs.filter((ref) => ref === `P${kpiTable.firstRow}:P${kpiTable.lastRow}`)).toHaveLength(6);
    expect(refs.filter((ref) => ref === `M${kpiTable.firstRow}:M${kpiTable.lastRow}`)).toHaveLength(1);
    expect(refs.filter((ref) => ref === `A${kpiTable.firstRow}:K${kpiTable.lastRow}`)).toHaveLength(6);
    const fill = cfs.find((cf) => cf.ref === `P${kpiTable.firstRow}:P${kpiTable.lastRow}`)!;
    expect(fill.rules[0]).toMatchObject({
      type: 'expression',
      formulae: [`LEFT($P${kpiTable.firstRow},1)="A"`],
    });
  });

  // Two pages wide on A4 with the KPI names repeated beside the flags, no title
  // rows (they printed over the other tables' headers), breaks only where a block does not fit.
  it('prints the KPI sheet on A4 landscape, two pages wide with the names repeated, breaks packed by page', async () => {
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 2,
      fitToHeight: 0,
      pageOrder: 'overThenDown',
      printArea: 'A1:R73',
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.9, header: 0.3, footer: 0.3 },
    });
    expect(ws.headerFooter.oddHeader).toBe('&C&A');
    expect(ws.headerFooter.oddFooter).toContain('&R&9&P / &N  R6年度評価 (2026-11-21)');
    expect(ws.headerFooter.oddFooter).toMatch(/^&L&9凡例: /);
    const xml = await sheetXml(output, 1);
    const rowBreaks = /<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(xml)?.[0] ?? '';
    const breaks = [...rowBreaks.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
    const starts = result.analysis.sheet.blocks.flatMap((b) => [b.firstRow, b.kpiTable!.headerTop]);
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.length).toBeLessThan(result.analysis.sheet.blocks.length * 2);
    for (const row of breaks) expect(starts).toContain(row);
    const { readFile } = await import('node:fs/promises');
    const JSZip = (await import('jszip')).default;
    const workbookXml = await (
      await JSZip.loadAsync(await readFile(output))
    )
      .file('xl/workbook.xml')!
      .async('string');
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;KPI一覧&apos;!$A:$C</definedName>',
    );
  });

  it('keeps the print area rows absolute in the file', async () => {
    const { readFile } = await import('node:fs/promises');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(output));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;KPI一覧&apos;!$A$1:$R$73</definedName>',
    );
  });

  it('writes the summary sheet with the evaluation numbers per goal and overall', () => {
    const summary = book.getWorksheet('KPI評価サマリー')!;
    expect(text(summary, 1, 1)).toBe('KPI評価サマリー');
    expect(text(summary, 2, 1)).toContain('KPI一覧');
    expect(text(summary, 3, 1)).toBe('評価年度: R6 (2024年度)');
    const { byGoal, overall } = result.analysis.evaluation.summary;
    let headerRow = 1;
    while (text(summary, headerRow, 1) !== '基本目標') headerRow++;
    const rows = [...byGoal, overall].map((_, i) =>
      Array.from({ length: 9 }, (__, c) => summary.getCell(headerRow + 1 + i, c + 1).value),
    );
    expect(rows).toEqual(
      [...byGoal, overall].map((g) => [
        g.key,
        g.judged,
        g.counts.A,
        g.counts.B,
        g.counts.C,
        g.counts.D,
        g.counts.X,
        g.counts['廃止'],
        g.achievedShare,
      ]),
    );
    expect(rows.at(-1)?.[0]).toBe('全体');
    expect(summary.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    const cells = new Set<string>();
    summary.eachRow((row) => row.eachCell((cell) => cells.add(String(cell.value))));
    for (const issue of result.analysis.evaluation.summary.dataIssues) expect(cells).toContain(issue.cell);
    for (const followUp of result.analysis.evaluation.summary.followUps)
      expect(cells).toContain(followUp.name);
  });

  it('saves the settings in a very hidden sheet and marks every output', () => {
    expect(book.getWorksheet('KPI評価_設定')!.state).toBe('veryHidden');
    const names = (book.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'KPISHEET_FLAGS_1',
        'KPISHEET_FLAGS_8',
        'KPISHEET_TINT_8',
        'KPISHEET_SUMMARY',
        'KPISHEET_SETTINGS',
      ]),
    );
  });

  it("leaves every one of the city's cells with its value, formula and style", () => {
    const before = original.getWorksheet(SHEET)!;
    let compared = 0;
    before.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const after = ws.getCell(r, c);
        if (cell.value === null && c >= 12) return; // the flag columns were empty: ours now
        expect({ at: cell.address, value: after.value, style: after.style }).toEqual({
          at: cell.address,
          value: cell.value,
          style: cell.style,
        });
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(500);
    expect(ws.getColumn(3).width).toBe(before.getColumn(3).width);
  });
});

async function secondRunMatchesFirst(fixture: string): Promise<void> {
  const dir = scratchDir();
  const once = join(dir, 'once.xlsx');
  const twice = join(dir, 'twice.xlsx');
  const first = await runOnce(join(FIXTURES, fixture), once);
  const second = await runOnce(once, twice);
  expect(second.plan.notices).toEqual(first.plan.notices);
  expect(snapshot(await readBook(twice))).toEqual(snapshot(await readBook(once)));
}

describe('a second run over the output gives the same workbook', () => {
  it.each([
    'asakuchi-progress.xlsx',
    'asakuchi-progress-number-formats.xlsx',
    'asakuchi-progress-two-row-header.xlsx',
    'asakuchi-strategy.xlsx',
  ])('%s', (fixture) => secondRunMatchesFirst(fixture));
});

describe("the user's own cells and sheets are never overwritten", () => {
  async function withUserContent(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const dir = scratchDir();
    const input = join(dir, 'input.xlsx');
    copyFileSync(PROGRESS, input);
    const wb = await readBook(input);
    edit(wb);
    await wb.xlsx.writeFile(input);
    return input;
  }

  it('writes the summary to 「KPI評価サマリー (2)」 when the user has a sheet of that name, run after run', async () => {
    const input = await withUserContent((wb) => {
      wb.addWorksheet('KPI評価サマリー').getCell('A1').value = '課内メモ: 消さないでください';
    });
    const dir = scratchDir();
    const once = join(dir, 'once.xlsx');
    const first = await runOnce(input, once);
    expect(first.plan.notices).toEqual([expect.stringContaining('「KPI評価サマリー (2)」')]);
    const twice = join(dir, 'twice.xlsx');
    await runOnce(once, twice);
    const book = await readBook(twice);
    expect(book.getWorksheet('KPI評価サマリー')!.getCell('A1').value).toBe('課内メモ: 消さないでください');
    expect(book.getWorksheet('KPI評価サマリー (2)')!.getCell('A1').value).toBe('KPI評価サマリー');
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'KPI一覧',
      'KPI評価サマリー',
      'KPI評価サマリー (2)',
      'KPI評価_設定',
    ]);
  });

  it("keeps the city's own conditional formats in its table through two runs", async () => {
    const input = await withUserContent((wb) => {
      const sheet = wb.getWorksheet(SHEET)!;
      sheet.addConditionalFormatting({
        ref: 'K9:K18',
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: ['K9=""'],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFFF00' } } },
          },
        ],
      });
      // Inside the range our row tint takes (A9:K18): only rules on exactly that range are ours.
      sheet.addConditionalFormatting({
        ref: 'A9:J18',
        rules: [
          { type: 'expression', priority: 2, formulae: ['$D9="市民課"'], style: { font: { bold: true } } },
        ],
      });
    });
    const dir = scratchDir();
    await runOnce(input, join(dir, 'once.xlsx'));
    await runOnce(join(dir, 'once.xlsx'), join(dir, 'twice.xlsx'));
    const cfs = internals(
      (await readBook(join(dir, 'twice.xlsx'))).getWorksheet(SHEET)!,
    ).conditionalFormattings;
    expect(cfs.filter((cf) => cf.ref === 'K9:K18')).toHaveLength(1);
    expect(cfs.filter((cf) => cf.ref === 'A9:J18')).toHaveLength(1);
    expect(cfs.filter((cf) => cf.ref === 'A9:K18')).toHaveLength(6);
  });

  it('moves the flags to the next free columns when L holds a note of the user, and keeps the note', async () => {
    const input = await withUserContent((wb) => {
      wb.getWorksheet(SHEET)!.getCell('L10').value = '要確認';
    });
    const output = join(scratchDir(), 'out.xlsx');
    const result = await runOnce(input, output);
    expect(result.plan.notices).toEqual(['判定の列は M 列から書きました (表の右の L 列に別の値があるため)']);
    const ws = (await readBook(output)).getWorksheet(SHEET)!;
    expect(ws.getCell('L10').value).toBe('要確認');
    expect(headerCol(ws, 8, '最新値')).toBe(13);
    expect(text(ws, rowOf(ws, '創業支援事業による創業者数'), 17)).toBe('D 遅れ');
  });
});

describe('an operation the host cannot carry out is skipped with a Japanese reason, the rest go on', () => {
  it('skips values for a sheet that is not there', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { applyPlan } = await import('../../src/xlsx/apply-plan');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('KPI一覧');
    const result = applyPlan(wb, {
      ops: [
        { op: 'setValues', sheet: 'ない', row: 1, col: 1, values: [['x']] },
        { op: 'setValues', sheet: 'KPI一覧', row: 2, col: 3, values: [['判定']] },
      ],
      notices: [],
    });
    expect(result).toEqual({
      applied: 1,
      skipped: [{ op: 'setValues', reason: 'シート「ない」が見つかりません' }],
      syncs: 0,
    });
    expect(wb.getWorksheet('KPI一覧')!.getCell('C2').value).toBe('判定');
  });
});
