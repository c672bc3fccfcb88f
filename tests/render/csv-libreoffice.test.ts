/**
 * `kpi-sheet evaluate --csv` opens as Japanese text: LibreOffice Calc reads every KPI's name, department,
 * grade, change mark and comments (quotes and a line break included) as written, and the byte-order mark
 * does not end up in the first header. Skipped where LibreOffice is not installed
 * (scripts/system-packages.sh installs it).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { saveWorkbook } from '../../src/cli/write-output';
import { openBook } from '../../src/xlsx/open-book';
import { applyBookPlan } from '../../src/xlsx/package/apply-book';
import { readBookCell } from '../../src/xlsx/package/read-book';
import { runCli } from '../cli/run-cli';
import { convertWithLibreOffice, sofficeOrSkip, withLibreOffice } from './libreoffice';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const FACTOR = '創業相談は増えたが、物価高で開業を見送る例が多かった。「R5は25人」';
const OUTLOOK = '商工会と連携し、創業塾の受講者に\n開業資金の相談窓口を案内する。';

describe('the CSV opens in LibreOffice with its Japanese text intact', () => {
  const lo = withLibreOffice('kpi-csv-');

  test('names, departments, grades, change marks and a two-line comment survive the conversion', async () => {
    const soffice = sofficeOrSkip(lo, 'the CSV conversion test');
    if (soffice === null) return;
    const { dir } = lo;
    // A workbook with the comment columns and one KPI's comments typed in.
    const first = path.join(dir, 'first.xlsx');
    const book = path.join(dir, 'book.xlsx');
    const source = path.join(FIXTURES, 'asakuchi-progress.xlsx');
    expect((await runCli(main, ['evaluate', source, '--comments', '-o', first])).code).toBe(0);
    const typed = await openBook(first);
    const sheet = 'KPI一覧';
    let row = 0;
    let col = 0;
    for (let r = 1; r < 40 && row === 0; r++)
      if (String(readBookCell(typed, sheet, r, 3) ?? '').startsWith('創業支援事業による創業者数')) row = r;
    for (let c = 1; c < 40 && col === 0; c++)
      if (readBookCell(typed, sheet, row - 2, c) === '要因・分析') col = c;
    applyBookPlan(typed, {
      ops: [{ op: 'setValues', sheet, row, col, values: [[FACTOR, OUTLOOK]] }],
      notices: [],
    });
    await saveWorkbook(typed, book);

    const csv = path.join(dir, 'report.csv');
    const run = await runCli(main, ['evaluate', book, '--previous-year', 'auto', '--csv', csv]);
    expect(run.code).toBe(0);
    const bytes = await readFile(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // What Calc's text import dialog picks for a file with the UTF-8 byte-order mark: comma separated, double
    // quotes, Unicode (UTF-8) (character set 76); headless, there is no dialog to detect it.
    await convertWithLibreOffice(soffice, csv, 'xlsx', dir, 'CSV:44,34,76,1');
    const opened = await openBook(path.join(dir, 'report.xlsx'));
    const name = opened.sheets()[0].name;
    const cell = (r: number, c: number): string => String(readBookCell(opened, name, r, c) ?? '');
    const headers = Array.from({ length: 17 }, (_, i) => cell(1, i + 1));
    expect(headers).toEqual([
      'シート',
      '行',
      '基本目標',
      '区分',
      'KPI',
      '担当課',
      '判定',
      '率',
      '按分目標',
      '前年度判定',
      '前年比',
      '要因・分析',
      '今後の方向性',
      '現状値セル',
      '実績セル',
      '目標値セル',
      '読み取りの注意',
    ]);
    const rows = Array.from({ length: 60 }, (_, i) =>
      Array.from({ length: 17 }, (_, c) => cell(i + 2, c + 1)),
    );
    const kpi = rows.find((r) => r[4].startsWith('創業支援事業による創業者数'));
    expect(kpi).toBeDefined();
    expect(kpi!.slice(0, 7)).toEqual([
      'KPI一覧',
      String(row),
      '1 浅口市における安定した雇用を創出する',
      'KPI',
      '創業支援事業による創業者数 (年間)',
      '産業振興課',
      'D',
    ]);
    expect(kpi!.slice(9, 13)).toEqual(['C', '低下', FACTOR, OUTLOOK]);
    expect(rows.filter((r) => r[0] === 'KPI一覧').length).toBeGreaterThan(40);
    expect(new Set(rows.map((r) => r[10]))).toEqual(new Set(['上昇', '維持', '低下', '']));
  }, 240_000);
});
