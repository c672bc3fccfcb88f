/**
 * The streaming pass over a worksheet's sheetData reads every cell the way Excel, LibreOffice and openpyxl
 * write them, and the sheet written back after an edit keeps every row the edit did not touch byte for byte.
 */
import { SheetData } from '../../src/xlsx/package/sheet-data';
import { scanRowSpans, scanSheetData } from '../../src/xlsx/package/sheet-scan';

interface Seen {
  readonly at: string;
  readonly s: number;
  readonly type: string;
  readonly value: string | undefined;
}

function cellsOf(xml: string): Seen[] {
  const seen: Seen[] = [];
  scanSheetData(xml, {
    cell: (row, col, s, type, value) => seen.push({ at: `${row},${col}`, s, type, value }),
  });
  return seen;
}

describe('the sheet scan reads each cell with its row, column, style, type and value', () => {
  it('reads Excel’s cells: shared strings, numbers, styles, formulas with their cached value', () => {
    const xml =
      '<sheetData><row r="3" spans="1:4" ht="30" customHeight="1">' +
      '<c r="A3" s="5" t="s"><v>12</v></c><c r="B3" s="7"><v>1159.5</v></c>' +
      '<c r="C3" s="7"><f>B3*2</f><v>2319</v></c><c r="D3" s="2"/></row></sheetData>';
    expect(cellsOf(xml)).toEqual([
      { at: '3,1', s: 5, type: 's', value: '12' },
      { at: '3,2', s: 7, type: 'n', value: '1159.5' },
      { at: '3,3', s: 7, type: 'n', value: '2319' },
      { at: '3,4', s: 2, type: 'n', value: undefined },
    ]);
  });

  it('places rows and cells without `r` after the ones before them, as openpyxl may write them', () => {
    const xml =
      '<sheetData>\n  <row r="2"><c r="B2" t="inlineStr"><is><t>R2</t></is></c><c><v>7</v></c></row>\n' +
      '  <row><c r="A3" t="b"><v>1</v></c></row>\n</sheetData>';
    expect(cellsOf(xml)).toEqual([
      { at: '2,2', s: 0, type: 'inlineStr', value: '<t>R2</t>' },
      { at: '2,3', s: 0, type: 'n', value: '7' },
      { at: '3,1', s: 0, type: 'b', value: '1' },
    ]);
  });

  it('reads single-quoted attributes, comments between rows, formula strings and rich inline text', () => {
    const xml =
      "<sheetData><!-- written by hand --><row r='9'><c r='AA9' t='str'><f>\"a\"&amp;\"b\"</f><v>a&amp;b</v></c>" +
      '<c r="AB9" t="inlineStr"><is><r><rPr><b/></rPr><t>KPI</t></r><r><t xml:space="preserve"> 一覧</t></r></is></c>' +
      '<c r="AC9" t="e"><v>#DIV/0!</v></c></row></sheetData>';
    expect(cellsOf(xml)).toEqual([
      { at: '9,27', s: 0, type: 'str', value: 'a&amp;b' },
      {
        at: '9,28',
        s: 0,
        type: 'inlineStr',
        value: '<r><rPr><b/></rPr><t>KPI</t></r><r><t xml:space="preserve"> 一覧</t></r>',
      },
      { at: '9,29', s: 0, type: 'e', value: '#DIV/0!' },
    ]);
  });

  it('gives each row’s span in the XML, empty rows included', () => {
    const inner =
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="4" ht="20" customHeight="1"/><row><c><v>2</v></c></row>';
    const spans: string[] = [];
    scanRowSpans(inner, (num, start, end, explicit) =>
      spans.push(`${num}${explicit ? '' : '*'}:${inner.slice(start, end)}`),
    );
    expect(spans).toEqual([
      '1:<row r="1"><c r="A1"><v>1</v></c></row>',
      '4:<row r="4" ht="20" customHeight="1"/>',
      '5*:<row><c><v>2</v></c></row>',
    ]);
  });
});

describe('a sheet written back after an edit keeps the rows it did not touch as they were', () => {
  const sheet =
    '<sheetData>\n' +
    '  <row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c></row>\n' +
    '  <row r="2" spans="1:2"><c r="A2" s="3"><v>5</v></c><c r="B2" s="3"><v>6</v></c></row>\n' +
    '  <row r="3" spans="1:2"><c r="A3"  t="s" ><v>1</v></c></row>\n' +
    '</sheetData>';

  it('gives back the same text when nothing changed', () => {
    expect(new SheetData(sheet).toString()).toBe(sheet);
  });

  it('rewrites only the edited row; the rows around it, spacing included, keep their bytes', () => {
    const data = new SheetData(sheet);
    data.setStyle(2, 2, 4);
    data.setValue(2, 3, '達成');
    const out = data.toString();
    expect(out).toBe(
      '<sheetData>\n' +
        '  <row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c></row>\n' +
        '  <row r="2" spans="1:3"><c r="A2" s="3"><v>5</v></c><c r="B2" s="4"><v>6</v></c>' +
        '<c r="C2" t="inlineStr"><is><t>達成</t></is></c></row>\n' +
        '  <row r="3" spans="1:2"><c r="A3"  t="s" ><v>1</v></c></row>\n' +
        '</sheetData>',
    );
  });
});
