/**
 * The demo page's workbook: sheets of cells held in memory, with WritePlan operations applied to
 * them as Excel would (values, styles, merges, conditional formats, validation (lists and input messages), page layout,
 * defined-name marks). No rule of its own: it only carries out what the plan says.
 */
import { rangeContains, rangesOverlap } from '../../core/a1';
import type {
  CellRange,
  CellStyle,
  CellValue,
  ConditionalRule,
  Grid,
  InputPrompt,
  OutputMark,
  PageLayout,
  SheetVisibility,
  ValidationRule,
  WriteOp,
} from '../../core/types';
import { formatNumber } from '../../core/number-text';

export interface DemoCell {
  readonly value: CellValue;
  readonly text: string;
  readonly format: string;
  readonly style: CellStyle;
}

export interface DemoConditionalFormat {
  readonly range: CellRange;
  readonly rule: ConditionalRule;
}

export interface DemoValidation {
  readonly range: CellRange;
  readonly rule: ValidationRule;
  readonly prompt?: InputPrompt;
}

export interface DemoSheet {
  readonly name: string;
  visibility: SheetVisibility;
  /** Keyed by `row,col`. */
  readonly cells: Map<string, DemoCell>;
  merges: CellRange[];
  conditionalFormats: DemoConditionalFormat[];
  validations: DemoValidation[];
  pageLayout: PageLayout | null;
  readonly columnWidths: Map<number, number>;
}

const EMPTY_CELL: DemoCell = { value: '', text: '', format: 'General', style: {} };

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

function newSheet(name: string, visibility: SheetVisibility): DemoSheet {
  return {
    name,
    visibility,
    cells: new Map(),
    merges: [],
    conditionalFormats: [],
    validations: [],
    pageLayout: null,
    columnWidths: new Map(),
  };
}

/** What Excel shows for a value: numbers through their format, text as typed. */
export function displayText(value: CellValue, format: string): string {
  if (typeof value === 'number') return formatNumber(value, format);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/** Excel's reading of typed text: a plain number becomes a number, anything else stays text. */
export function typedValue(text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed !== '' && /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  return text;
}

export class DemoWorkbook {
  private readonly sheetList: DemoSheet[] = [];
  readonly marks = new Map<string, OutputMark>();

  /** A workbook holding one sheet read from a Grid (the bundled sample). */
  static fromGrid(grid: Grid): DemoWorkbook {
    const book = new DemoWorkbook();
    book.addGrid(grid);
    return book;
  }

  /** Adds a sheet read from a Grid, with the grid's marks. */
  addGrid(grid: Grid): void {
    const sheet = this.addSheet(grid.sheet, 'visible');
    grid.values.forEach((rowValues, i) => {
      rowValues.forEach((value, j) => {
        const text = grid.texts[i]?.[j] ?? String(value);
        if (value === '' && text === '') return;
        const row = grid.top + i;
        const col = grid.left + j;
        sheet.cells.set(cellKey(row, col), {
          value,
          text,
          format: grid.formats[i]?.[j] ?? 'General',
          style: {},
        });
      });
    });
    sheet.merges = [...grid.merges];
    for (const mark of grid.marks) this.marks.set(mark.name, mark);
  }

  get sheets(): readonly DemoSheet[] {
    return this.sheetList;
  }

  sheet(name: string): DemoSheet | undefined {
    return this.sheetList.find((s) => s.name === name);
  }

  private requireSheet(name: string): DemoSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`シート「${name}」がありません。`);
    return sheet;
  }

  addSheet(name: string, visibility: SheetVisibility): DemoSheet {
    if (this.sheet(name)) throw new Error(`シート「${name}」は既にあります。`);
    const sheet = newSheet(name, visibility);
    this.sheetList.push(sheet);
    return sheet;
  }

  cell(sheetName: string, row: number, col: number): DemoCell {
    return this.sheet(sheetName)?.cells.get(cellKey(row, col)) ?? EMPTY_CELL;
  }

  /** What a user typing into a cell does: the value changes, the format and style stay. */
  typeInto(sheetName: string, row: number, col: number, text: string): void {
    const sheet = this.requireSheet(sheetName);
    const old = sheet.cells.get(cellKey(row, col)) ?? EMPTY_CELL;
    const value = typedValue(text);
    sheet.cells.set(cellKey(row, col), { ...old, value, text: displayText(value, old.format) });
  }

  /** The used rectangle of a sheet, 1-based; null for an empty sheet. */
  usedRange(sheetName: string): CellRange | null {
    const sheet = this.requireSheet(sheetName);
    let range: CellRange | null = null;
    const widen = (row: number, col: number): void => {
      range = range
        ? {
            top: Math.min(range.top, row),
            left: Math.min(range.left, col),
            bottom: Math.max(range.bottom, row),
            right: Math.max(range.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    };
    for (const [key, cell] of sheet.cells) {
      if (cell.value === '' && cell.text === '') continue;
      const [row, col] = key.split(',').map(Number);
      widen(row, col);
    }
    for (const merge of sheet.merges) {
      widen(merge.top, merge.left);
      widen(merge.bottom, merge.right);
    }
    return range;
  }

  /** The sheet as a Grid, the way the Excel host reads a used range. */
  toGrid(sheetName: string): Grid {
    const sheet = this.requireSheet(sheetName);
    const used = this.usedRange(sheetName) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    const values: CellValue[][] = [];
    const texts: string[][] = [];
    const formats: string[][] = [];
    for (let row = used.top; row <= used.bottom; row++) {
      const v: CellValue[] = [];
      const t: string[] = [];
      const f: string[] = [];
      for (let col = used.left; col <= used.right; col++) {
        const cell = sheet.cells.get(cellKey(row, col)) ?? EMPTY_CELL;
        v.push(cell.value);
        t.push(cell.text);
        f.push(cell.format);
      }
      values.push(v);
      texts.push(t);
      formats.push(f);
    }
    return {
      sheet: sheetName,
      top: used.top,
      left: used.left,
      values,
      texts,
      formats,
      merges: sheet.merges.filter((m) => rangesOverlap(m, used)),
      marks: [...this.marks.values()],
      sheetNames: this.sheetList.map((s) => s.name),
      hiddenSheets: this.sheetList.filter((s) => s.visibility !== 'visible').map((s) => s.name),
    };
  }

  /** Carries out one plan operation. */
  apply(op: WriteOp): void {
    switch (op.op) {
      case 'clearRange': {
        const sheet = this.requireSheet(op.sheet);
        for (const key of [...sheet.cells.keys()]) {
          const [row, col] = key.split(',').map(Number);
          if (rangeContains(op.range, row, col)) sheet.cells.delete(key);
        }
        sheet.merges = sheet.merges.filter((m) => !rangesOverlap(m, op.range));
        return;
      }
      case 'removeConditionalFormats': {
        const sheet = this.requireSheet(op.sheet);
        sheet.conditionalFormats = sheet.conditionalFormats.filter(
          (cf) => !rangesOverlap(cf.range, op.range),
        );
        return;
      }
      case 'removeDataValidation': {
        const sheet = this.requireSheet(op.sheet);
        sheet.validations = sheet.validations.filter((v) => !rangesOverlap(v.range, op.range));
        return;
      }
      case 'deleteSheet': {
        const index = this.sheetList.findIndex((s) => s.name === op.sheet);
        if (index >= 0) this.sheetList.splice(index, 1);
        return;
      }
      case 'removeMark':
        this.marks.delete(op.name);
        return;
      case 'addSheet':
        this.addSheet(op.sheet, op.visibility);
        return;
      case 'setValues': {
        const sheet = this.requireSheet(op.sheet);
        op.values.forEach((rowValues, i) => {
          rowValues.forEach((planValue, j) => {
            const key = cellKey(op.row + i, op.col + j);
            const old = sheet.cells.get(key) ?? EMPTY_CELL;
            const value: CellValue = planValue ?? '';
            sheet.cells.set(key, { ...old, value, text: displayText(value, old.format) });
          });
        });
        return;
      }
      case 'setStyle': {
        const sheet = this.requireSheet(op.sheet);
        for (let row = op.range.top; row <= op.range.bottom; row++) {
          for (let col = op.range.left; col <= op.range.right; col++) {
            const key = cellKey(row, col);
            const old = sheet.cells.get(key) ?? EMPTY_CELL;
            const format = op.style.numberFormat ?? old.format;
            sheet.cells.set(key, {
              ...old,
              format,
              text: displayText(old.value, format),
              style: { ...old.style, ...op.style },
            });
          }
        }
        return;
      }
      case 'mergeCells': {
        const sheet = this.requireSheet(op.sheet);
        sheet.merges = [...sheet.merges.filter((m) => !rangesOverlap(m, op.range)), op.range];
        return;
      }
      case 'setColumnWidths': {
        const sheet = this.requireSheet(op.sheet);
        op.widths.forEach((width, i) => sheet.columnWidths.set(op.firstCol + i, width));
        return;
      }
      case 'addConditionalFormat':
        this.requireSheet(op.sheet).conditionalFormats.push({ range: op.range, rule: op.rule });
        return;
      case 'setDataValidation': {
        // As Excel: the range's validation becomes this one.
        const sheet = this.requireSheet(op.sheet);
        sheet.validations = sheet.validations.filter((v) => !rangesOverlap(v.range, op.range));
        sheet.validations.push({
          range: op.range,
          rule: op.rule,
          ...(op.prompt === undefined ? {} : { prompt: op.prompt }),
        });
        return;
      }
      case 'setPageLayout':
        this.requireSheet(op.sheet).pageLayout = op.layout;
        return;
      case 'addChart':
        // The demo host asks for no chart (it has no `charts`); a plan that does is refused, not dropped.
        throw new Error('デモのブックにはグラフを書けません');
      case 'addMark':
        this.marks.set(op.mark.name, op.mark);
        return;
    }
  }
}
