/**
 * The task pane's host outside Office: the bundled sample workbook in memory. Edits typed into the
 * demo table arrive through `typeInto` and reach the pane as Excel's onChanged would.
 */
import { parseCellAddress } from '../../core/a1';
import type { WritePlan } from '../../core/types';
import type { ApplyResult, SkippedOperation, WorkbookHost } from '../../core/host';
import type { DemoWorkbook } from './demo-workbook';

export type RowsEditedListener = (sheet: string, rows: readonly number[]) => void;

export interface DemoSelection {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** Where settings live in the workbook: a mark with this name points at the cell holding the JSON. */
export const SETTINGS_MARK_PATTERN = /SETTINGS/i;

export class DemoWorkbookHost implements WorkbookHost {
  private readonly editListeners = new Set<RowsEditedListener>();
  private readonly changeListeners = new Set<() => void>();
  private readonly selectListeners = new Set<(selection: DemoSelection) => void>();
  private readonly rowListeners = new Set<(sheet: string, row: number) => void>();
  private activeSheet: string;
  selection: DemoSelection | null = null;

  constructor(readonly book: DemoWorkbook) {
    const first = book.sheets.find((s) => s.visibility === 'visible') ?? book.sheets[0];
    if (!first) throw new Error('デモのブックにシートがありません。');
    this.activeSheet = first.name;
  }

  get active(): string {
    return this.activeSheet;
  }

  activate(sheet: string): void {
    if (!this.book.sheet(sheet)) return;
    this.activeSheet = sheet;
    this.notifyChanged();
  }

  async readGrid(sheet?: string) {
    return this.book.toGrid(sheet ?? this.activeSheet);
  }

  async applyPlan(plan: WritePlan): Promise<ApplyResult> {
    let applied = 0;
    const skipped: SkippedOperation[] = [];
    try {
      for (const op of plan.ops) {
        this.book.apply(op);
        applied++;
      }
    } finally {
      this.notifyChanged();
    }
    return { applied, skipped, syncs: 0 };
  }

  async readSettings(): Promise<string | null> {
    for (const mark of this.book.marks.values()) {
      if (!SETTINGS_MARK_PATTERN.test(mark.name)) continue;
      const cell = this.book.cell(mark.sheet, mark.range.top, mark.range.left);
      if (typeof cell.value === 'string' && cell.value !== '') return cell.value;
    }
    return null;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const ref = parseCellAddress(address.trim());
    if (!ref || !this.book.sheet(sheet)) throw new Error(`セル ${sheet}!${address} が見つかりません。`);
    this.activeSheet = sheet;
    this.selection = { sheet, row: ref.row, col: ref.col };
    for (const listener of this.selectListeners) listener(this.selection);
    this.userSelected(sheet, ref.row);
  }

  /** As Excel's selection changed event: the pane hears of every selection, the user's or its own. */
  async onRowSelected(listener: (sheet: string, row: number) => void): Promise<() => void> {
    this.rowListeners.add(listener);
    return () => this.rowListeners.delete(listener);
  }

  /** The user clicked a cell of the demo table. */
  userSelected(sheet: string, row: number): void {
    for (const listener of this.rowListeners) listener(sheet, row);
  }

  async onRowsEdited(listener: RowsEditedListener): Promise<() => void> {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  /** A user typed `text` into a cell of the demo table. */
  typeInto(sheet: string, row: number, col: number, text: string): void {
    this.book.typeInto(sheet, row, col, text);
    this.notifyChanged();
    for (const listener of this.editListeners) listener(sheet, [row]);
  }

  /** For the demo table: called after anything changed the workbook. */
  onChanged(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onSelected(listener: (selection: DemoSelection) => void): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  private notifyChanged(): void {
    for (const listener of this.changeListeners) listener();
  }
}
