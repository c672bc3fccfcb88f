/**
 * Applies a WritePlan through Office.js. Holds no rule: every operation becomes the matching API
 * calls. Round trips, whatever the number of rows:
 *   sync 1 — check: which sheets and names exist, which are protected, which conditional formats
 *            touch the row tint's cells (the city's own; nothing written);
 *   sync 2 — only on a re-run that removes a tint: the ranges of each of those formats, so that only
 *            the add-in's are deleted (the city's own rules on its table stay);
 *   sync 3 — write, with the add-in's events off: removal (the add-in's columns lose their rules by
 *            clearAll), sheets, marks, then values, styles, rules (below the city's) and print setup,
 *            with the fit-to-width zoom read back;
 *   one more sync per payload block when a plan exceeds the per-request budget.
 * Marks are written right after removal so that output left by a write that fails part-way is found
 * and removed by the next run.
 */
import { absoluteAddress, columnLetters, quoteSheet } from '../core/a1';
import type { WriteOp, WritePlan } from '../core/types';
import type { ApplyResult, SkippedOperation } from '../core/host';
import { queueConditionalFormat } from './conditional-formats';
import { queueDataValidation } from './data-validation';
import { describePartialWrite, ExcelHostError, officeErrorCode, traceMessages } from './errors';
import type { Language } from './errors';
import type { Features } from './features';
import { queueChart } from './native-chart';
import { describeOp, REMOVAL, targetSheet, writePhase } from './op-order';
import { queuePageLayout } from './page-layout';
import { DEFAULT_PAYLOAD_BUDGET, jsonBytes } from './payload';
import { REASONS } from './skip-reasons';
import { checkWorkbook, nameKey, type WorkbookState } from './workbook-check';
import { batches, Batch, type Unit } from './write-batch';
import { columnWidthPoints, formatMatrixBytes, queueStyle, styleBytes } from './write-style';
import { valueUnits } from './write-values';

export { columnWidthPoints } from './write-style';
export { headerSections } from './page-layout';
export { needsTextFormat } from './write-values';
export { describeOp } from './op-order';
export { coversExactly } from './workbook-check';

export interface ApplyOptions {
  readonly features: Features;
  /** Bytes one write sync may carry (default: half of Excel on the web's 5 MB). */
  readonly payloadBudget?: number;
  readonly language?: Language;
}

function unitsFor(
  op: WriteOp,
  opIndex: number,
  names: Set<string>,
  rules: WorkbookState['rules'],
  budget: number,
  language: Language,
): Unit[] {
  const one = (queue: (batch: Batch) => void, bytes = jsonBytes(op)): Unit[] => [
    { opIndex, last: true, bytes, queue },
  ];
  switch (op.op) {
    case 'clearRange':
      return one((b) => b.range(op.sheet, op.range).clear('All'));
    case 'removeConditionalFormats': {
      if (op.match !== 'sameRange') {
        // The add-in's own columns: every rule there is ours, found by what it covers, split ones too.
        return one((b) => b.range(op.sheet, op.range).conditionalFormats.clearAll());
      }
      // Over the city's cells: delete only the rules the check matched (the city's own stay).
      const formats = rules.get(op) ?? [];
      return one(() => {
        for (const format of formats) format.delete();
      });
    }
    case 'removeDataValidation':
      return one((b) => b.range(op.sheet, op.range).dataValidation.clear());
    case 'deleteSheet':
      return one((b) => {
        const ws = b.sheet(op.sheet);
        // Office.js cannot delete a veryHidden sheet (InvalidOperation).
        ws.visibility = 'Hidden';
        ws.delete();
      });
    case 'removeMark':
      names.delete(nameKey(op.name));
      return one((b) => b.context.workbook.names.getItem(op.name).delete());
    case 'addSheet':
      return one((b) => {
        const ws = b.addSheet(op.sheet);
        if (op.visibility !== 'visible') ws.visibility = op.visibility === 'hidden' ? 'Hidden' : 'VeryHidden';
      });
    case 'addMark': {
      const stale = names.has(nameKey(op.mark.name));
      names.add(nameKey(op.mark.name));
      return one((b) => {
        // A mark the plan did not remove (its sheet was deleted: #REF!) would block the new one.
        if (stale) b.context.workbook.names.getItem(op.mark.name).delete();
        const reference = `=${quoteSheet(op.mark.sheet)}!${absoluteAddress(op.mark.range)}`;
        b.context.workbook.names.add(op.mark.name, reference);
      });
    }
    case 'setValues':
      return valueUnits(op, opIndex, budget);
    case 'setStyle': {
      const matrix =
        op.style.numberFormat !== undefined ? formatMatrixBytes(op.range, op.style.numberFormat) : 0;
      return one((b) => queueStyle(b.range(op.sheet, op.range), op.range, op.style), styleBytes(op) + matrix);
    }
    case 'mergeCells':
      return one((b) => b.range(op.sheet, op.range).merge(false));
    case 'setColumnWidths':
      return one((b) => {
        const ws = b.sheet(op.sheet);
        op.widths.forEach((width, i) => {
          const col = columnLetters(op.firstCol + i);
          ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(width);
        });
      });
    case 'addConditionalFormat':
      return one((b) => queueConditionalFormat(b.range(op.sheet, op.range), op.rule));
    case 'setDataValidation':
      return one((b) => queueDataValidation(b.range(op.sheet, op.range).dataValidation, op));
    case 'setPageLayout':
      return one((b) => queuePageLayout(b.sheet(op.sheet), op.layout, b, language));
    case 'fitRowHeights':
      // Excel fits a row that has no height of its own to its wrapped text as it writes; autofit would
      // also shrink rows the city made tall, so the Excel host writes nothing for this op.
      return one(() => undefined);
    case 'addChart':
      return one((b) => queueChart(b.sheet(op.sheet), op.chart));
  }
}

function fail(
  error: unknown,
  stage: 'check' | 'write',
  applied: readonly string[],
  notApplied: readonly string[],
  syncs: number,
  language: Language,
): ExcelHostError {
  const message = describePartialWrite(error, applied, notApplied, language);
  return new ExcelHostError(message, { stage, code: officeErrorCode(error), applied, notApplied, syncs });
}

async function eventsBackOn(context: Excel.RequestContext): Promise<void> {
  context.runtime.enableEvents = true;
  await context.sync().catch(() => undefined);
}

/** Excel's own error shape, for refusals found by the check before anything is written. */
function refusal(code: string, message: string): { code: string; message: string } {
  return { code, message };
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const language = options.language ?? 'ja';
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const { features } = options;
  let syncs = 0;

  let state: WorkbookState;
  try {
    state = await checkWorkbook(context, plan.ops, features);
    syncs += state.syncs;
  } catch (error) {
    throw fail(error, 'check', [], plan.ops.map(describeOp), syncs + 1, language);
  }

  // Order: removal, new sheets, marks, then everything else (stable within each phase).
  const ordered = plan.ops
    .map((op, index) => ({ op, index }))
    .sort((a, b) => writePhase(a.op) - writePhase(b.op) || a.index - b.index);

  // A refusal found by the check: nothing is written yet.
  const refused = (code: string, what: string): ExcelHostError =>
    fail(refusal(code, what), 'check', [], plan.ops.map(describeOp), syncs, language);
  const skipped: SkippedOperation[] = [];
  const sheetsAfter = new Set(state.sheets.keys());
  const names = new Set(state.names);
  const units: Unit[] = [];
  const kept: WriteOp[] = [];
  for (const { op } of ordered) {
    const sheet = targetSheet(op);
    if (op.op === 'setPageLayout' && !features.pageLayout) {
      skipped.push({ op: op.op, reason: REASONS.pageLayout[language] });
      continue;
    }
    if ((op.op === 'setDataValidation' || op.op === 'removeDataValidation') && !features.dataValidation) {
      skipped.push({ op: op.op, reason: REASONS.dataValidation[language] });
      continue;
    }
    // Removing output that is already gone (the user deleted its sheet or name) is done already.
    if (REMOVAL.has(op.op) && op.op !== 'removeMark' && sheet !== null && !sheetsAfter.has(sheet)) continue;
    if (op.op === 'removeMark' && !names.has(nameKey(op.name))) continue;
    if (op.op === 'deleteSheet') sheetsAfter.delete(op.sheet);
    if (op.op === 'addSheet') sheetsAfter.add(op.sheet);
    if (sheet !== null && op.op !== 'deleteSheet' && !sheetsAfter.has(sheet)) {
      throw refused('ItemNotFound', `sheet ${sheet}`);
    }
    if (sheet !== null && op.op !== 'deleteSheet' && state.sheets.get(sheet)?.protected) {
      throw refused('AccessDenied', `sheet ${sheet}`);
    }
    if ((op.op === 'addSheet' || op.op === 'deleteSheet') && state.structureProtected) {
      throw refused('AccessDenied', 'workbook structure');
    }
    units.push(...unitsFor(op, kept.length, names, state.rules, budget, language));
    kept.push(op);
  }

  let finished = 0;
  for (const batch of batches(units, budget)) {
    if (features.suspendScreenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    // The add-in's own writes raise no change events for it, inside this batch only: Excel carries a
    // batch out in one go, so a user's edit cannot fall inside it and be lost.
    // https://learn.microsoft.com/javascript/api/excel/excel.runtime#excel-excel-runtime-enableevents-member
    if (features.runtimeEvents) context.runtime.enableEvents = false;
    const proxies = new Batch(context);
    for (const unit of batch) {
      unit.queue(proxies);
      if (unit.last) context.trace(String(unit.opIndex));
    }
    if (features.runtimeEvents) context.runtime.enableEvents = true;
    try {
      syncs++;
      await context.sync();
    } catch (error) {
      // The calls after the failing one did not run: turn events back on, or the pane stays deaf.
      if (features.runtimeEvents) await eventsBackOn(context);
      // Office.js returns the traces queued before the failing call: those operations were carried out.
      const traced = traceMessages(error)
        .map(Number)
        .filter((n) => Number.isInteger(n));
      const done = traced.length > 0 ? Math.max(finished - 1, ...traced) + 1 : finished;
      const applied = kept.slice(0, done).map(describeOp);
      const notApplied = kept.slice(done).map(describeOp);
      throw fail(error, 'write', applied, notApplied, syncs, language);
    }
    for (const check of proxies.checks) {
      const notTaken = check();
      if (notTaken) skipped.push(notTaken);
    }
    const lastDone = batch.filter((u) => u.last).map((u) => u.opIndex);
    if (lastDone.length > 0) finished = Math.max(finished, ...lastDone) + 1;
  }
  return { applied: kept.length, skipped, syncs };
}
