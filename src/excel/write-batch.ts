/** Queued work packed into batches under the per-request budget, with the proxies one batch shares. */
import { compactRangeAddress } from '../core/a1';
import type { CellRange } from '../core/types';
import type { SkippedOperation } from '../core/host';

/** One unit of queued work: an operation, or one row block of a large setValues. */
export interface Unit {
  readonly opIndex: number;
  /** True on the unit that finishes its operation. */
  readonly last: boolean;
  readonly bytes: number;
  readonly queue: (batch: Batch) => void;
}

/** Proxies shared by the calls of one batch (one `worksheets.getItem` per sheet). */
export class Batch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  /** Read-backs to check once the batch is synced: each says what did not take, or null. */
  readonly checks: (() => SkippedOperation | null)[] = [];

  constructor(readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  addSheet(name: string): Excel.Worksheet {
    const ws = this.context.workbook.worksheets.add(name);
    this.sheets.set(name, ws);
    return ws;
  }

  range(sheet: string, range: CellRange): Excel.Range {
    return this.sheet(sheet).getRange(compactRangeAddress(range));
  }
}

/** Units packed into batches that each stay under the budget. */
export function batches(units: readonly Unit[], budget: number): Unit[][] {
  const result: Unit[][] = [];
  let current: Unit[] = [];
  let bytes = 0;
  for (const unit of units) {
    if (current.length > 0 && bytes + unit.bytes > budget) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(unit);
    bytes += unit.bytes;
  }
  if (current.length > 0) result.push(current);
  return result;
}
