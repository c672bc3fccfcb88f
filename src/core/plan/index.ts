/**
 * The write plan: remove an earlier run's output (found by its marks), then write the flag columns,
 * their rules, the summary sheet, the saved settings and the print setup, each marked for the next run.
 */
import type {
  ChartSupport,
  Evaluation,
  Grid,
  KpiEvaluation,
  KpiSheet,
  TableRegion,
  WriteOp,
  WritePlan,
} from '../types';
import { rangeOf } from '../a1';
import { previousYear, type PreviousYear } from '../evaluate/previous-year';
import { COMMENT_COUNT, commentPlan, readComments, type CommentLookup, type RowComment } from './comments';
import { YEAR_BEFORE_COUNT, yearBeforeOps } from './year-before-columns';
import { flagRuleOps, tintRuleOps } from './conditional';
import { FLAG_COUNT, FLAG_OFFSET, flagOps, flagValuesByRow, flagWidths } from './flags';
import { bookRemovalOps, mark, markKind, marksOf, ownSheets, sheetRemovalOps } from './marks';
import { cityRight, placeFlags } from './placement';
import { kpiSheetPrintOp, summaryPrintOp } from './print';
import { DEFAULT_ROW_HEIGHT, nameColumn, printWidths, printedRowHeights } from './print-rows';
import { SETTINGS_CELL, SETTINGS_SHEET, settingsSheetOps } from './settings-sheet';
import { freeSheetName } from './sheet-names';
import { SUMMARY_SHEET, summarySheetOps } from './summary-sheet';

export { flagValuesFor, gradeText, gradeFromText, FLAG_HEADERS, FLAG_OFFSET } from './flags';
export { MARK_PREFIX } from './marks';
export { COMMENT_HEADERS, commentColumnsByRow, readComments } from './comments';
export type { CommentsByRow, RowComment } from './comments';
export { SUMMARY_SHEET, SUMMARY_TITLE } from './summary-sheet';
export { SETTINGS_SHEET } from './settings-sheet';

/** One KPI sheet of a plan, read and judged. */
export interface SheetInput {
  readonly grid: Grid;
  readonly sheet: KpiSheet;
  readonly evaluation: Evaluation;
}

export interface PlanInput extends SheetInput {
  /** When the run happens: printed on the summary sheet and in the footer. */
  readonly now: Date;
  /** Whether the host draws native charts (the summary's bar chart); absent: none. */
  readonly charts?: ChartSupport;
}

/**
 * Several KPI sheets of one workbook in one run (one sheet per 基本目標): each gets its flags and
 * print setup, and one summary counts them all.
 */
export interface BookPlanInput {
  /** In workbook order, each judged at the same evaluation year with the same settings. */
  readonly sheets: readonly SheetInput[];
  /** All of them as one (combineSheets) and its evaluation: what the summary counts. */
  readonly combined: { readonly sheet: KpiSheet; readonly evaluation: Evaluation };
  readonly now: Date;
  readonly charts?: ChartSupport;
}

function tablesOf(sheet: KpiSheet): TableRegion[] {
  return sheet.blocks.flatMap((block) =>
    [block.headlineTable, block.kpiTable].filter((t): t is TableRegion => t !== null),
  );
}

/** Last row of the grid with any content: footnotes under the last table print too. */
function lastContentRow(grid: Grid): number {
  for (let i = grid.values.length - 1; i >= 0; i--) {
    if (grid.values[i].some((v) => v !== '')) return grid.top + i;
  }
  return grid.top;
}

/** Numbers for new FLAGS/TINT marks that do not clash with the marks of KPI sheets outside this plan. */
function firstFreeMarkIndex(grid: Grid, planned: ReadonlySet<string>): number {
  let max = 0;
  for (const m of grid.marks) {
    const kind = markKind(m.name);
    if ((kind === 'flags' || kind === 'tint') && !planned.has(m.sheet)) {
      const n = Number(/_(\d+)$/.exec(m.name)?.[1] ?? 0);
      if (n > max) max = n;
    }
  }
  return max + 1;
}

/** What one KPI sheet's part of a plan writes, and the marks it leaves (written after every removal). */
interface SheetPart {
  readonly ops: readonly WriteOp[];
  readonly marks: readonly WriteOp[];
  readonly notices: readonly string[];
  /** The next free mark number after this sheet's. */
  readonly nextIndex: number;
  /** The clerks' comments by row, when the sheet has comment columns. */
  readonly comments: ReadonlyMap<number, RowComment> | null;
}

/** The flags, year-before and comment columns, their rules and the print setup of one KPI sheet. */
/** `previous`: the sheet's year before when the caller has it already (one sheet: the summary's). */
function sheetPart(input: SheetInput, firstIndex: number, now: Date, previous?: PreviousYear): SheetPart {
  const { grid, sheet, evaluation } = input;
  const settings = evaluation.settings;
  const notices: string[] = [];
  const tables = tablesOf(sheet);
  const ops: WriteOp[] = [];

  const ourMarks = grid.marks.filter((m) => m.sheet === grid.sheet);
  // The comment columns count as free for the flags: the comments are carried right of them (comments.ts).
  const ours = ourMarks.filter((m) => markKind(m.name) === 'flags' || markKind(m.name) === 'comments');
  // The flags, then the year-before columns when the setting asks for them: the add-in's computed columns.
  const yearBeforeCount = settings.previousYearColumns === true ? YEAR_BEFORE_COUNT : 0;
  const placement = placeFlags(grid, tables, ours, FLAG_COUNT + yearBeforeCount);
  if (placement.notice) notices.push(placement.notice);
  const { startCol } = placement;
  const lastFlagCol = startCol + FLAG_COUNT - 1;
  const lastComputedCol = lastFlagCol + yearBeforeCount;
  const byRow = new Map<number, KpiEvaluation>(evaluation.kpis.map((k) => [k.row, k]));
  const flagValues = flagValuesByRow(evaluation.kpis, settings);
  const previousByRow = new Map(
    yearBeforeCount > 0 ? (previous ?? previousYear(sheet, evaluation)).grades.map((g) => [g.row, g]) : [],
  );

  const comments = commentPlan({
    grid,
    tables,
    enabled: settings.commentColumns === true,
    fromCol: lastComputedCol + 1,
    computed: tables.map((t) => rangeOf(t.headerTop, startCol, t.lastRow, lastComputedCol)),
    markIndex: (table) => firstIndex + tables.indexOf(table),
  });
  notices.push(...comments.notices);
  // Comment columns that move leave their old cells first, before anything is written where they were.
  ops.push(...comments.before);

  const ownWidths = flagWidths(flagValues);
  ops.push({ op: 'setColumnWidths', sheet: grid.sheet, firstCol: startCol, widths: ownWidths });
  const markOps: WriteOp[] = [];
  let index = firstIndex;
  for (const table of tables) {
    const target = {
      sheet: grid.sheet,
      table,
      startCol,
      cityRight: cityRight(grid, table, ourMarks),
      scale: settings.scale,
    };
    ops.push(...flagOps(target, flagValues), ...flagRuleOps(target));
    if (yearBeforeCount > 0)
      ops.push(...yearBeforeOps({ ...target, startCol: lastFlagCol + 1 }, previousByRow, byRow, settings));
    markOps.push(
      mark('flags', grid.sheet, rangeOf(table.headerTop, startCol, table.lastRow, lastComputedCol), index),
    );
    if (settings.rowTint && table.lastRow >= table.firstRow) {
      ops.push(...tintRuleOps(target));
      const gradeCol = startCol + FLAG_OFFSET.grade;
      markOps.push(
        mark('tint', grid.sheet, rangeOf(table.firstRow, gradeCol, table.lastRow, gradeCol), index),
      );
    }
    index++;
  }
  ops.push(...comments.ops);
  markOps.push(...comments.marks);
  const lastOwnCol = comments.startCol === null ? lastComputedCol : comments.startCol + COMMENT_COUNT - 1;

  const top = Math.min(grid.top, ...tables.map((t) => t.headerTop));
  const left = Math.min(...tables.map((t) => t.firstCol));
  const bottom = Math.max(lastContentRow(grid), ...tables.map((t) => t.lastRow));
  // Wrapped text grows its rows (the city's and the flags'), so nothing prints over the next row.
  for (const table of tables) {
    ops.push({
      op: 'fitRowHeights',
      sheet: grid.sheet,
      range: rangeOf(table.headerTop, table.firstCol, table.lastRow, lastFlagCol),
    });
  }
  const widths = printWidths(grid, startCol, ownWidths);
  const rowHeights = printedRowHeights(grid, tables, widths, flagValues, startCol);
  ops.push(
    kpiSheetPrintOp({
      sheet: grid.sheet,
      blocks: sheet.blocks,
      area: rangeOf(top, left, bottom, lastOwnCol),
      flagCol: startCol,
      nameCol: nameColumn(grid, sheet),
      columnWidth: widths,
      rowHeight: (row) => rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT,
      evaluation,
      now,
    }),
  );
  return {
    ops,
    marks: markOps,
    notices,
    nextIndex: index,
    comments: comments.startCol === null ? null : readComments(grid, tables),
  };
}

export function planWrite(input: PlanInput): WritePlan {
  if (tablesOf(input.sheet).length === 0) {
    return {
      ops: [...sheetRemovalOps(input.grid, []), ...bookRemovalOps(input.grid)],
      notices: ['KPI の表が見つからないため、何も書きませんでした'],
    };
  }
  return planBookWrite({
    sheets: [input],
    combined: input,
    now: input.now,
    ...(input.charts === undefined ? {} : { charts: input.charts }),
  });
}

/**
 * The plan for one or several KPI sheets: every removal of an earlier run's output first (so no new mark
 * is removed by another sheet's removal), then each sheet's part, then the summary over all of them and
 * the settings, then the marks.
 */
export function planBookWrite(input: BookPlanInput): WritePlan {
  const { sheets, combined, now } = input;
  // Marks and sheet names are the workbook's: every grid of the plan carries the same ones.
  const book = sheets[0].grid;
  const settings = combined.evaluation.settings;
  // The summary's year before; one sheet's year-before columns use the same one (computed once).
  const previous = previousYear(combined.sheet, combined.evaluation);
  const notices: string[] = [];
  const ops: WriteOp[] = [];
  for (const { grid, sheet } of sheets) ops.push(...sheetRemovalOps(grid, tablesOf(sheet)));
  ops.push(...bookRemovalOps(book));

  const markOps: WriteOp[] = [];
  const comments = new Map<string, ReadonlyMap<number, RowComment>>();
  let index = firstFreeMarkIndex(book, new Set(sheets.map((s) => s.grid.sheet)));
  for (const sheetInput of sheets) {
    const part = sheetPart(sheetInput, index, now, sheets.length === 1 ? previous : undefined);
    ops.push(...part.ops);
    markOps.push(...part.marks);
    notices.push(...part.notices);
    index = part.nextIndex;
    if (part.comments) comments.set(sheetInput.grid.sheet, part.comments);
  }
  const single = sheets.length === 1 ? sheets[0].grid.sheet : undefined;
  const commentOf: CommentLookup = (kpi) => comments.get(kpi.sheet ?? single ?? '')?.get(kpi.row);

  // The summary and settings sheets: our earlier ones are deleted above, so their names are free again.
  const reusable = new Set(ownSheets(book));
  const taken = book.sheetNames.filter((name) => !reusable.has(name));
  const summaryName = freeSheetName(SUMMARY_SHEET, taken);
  if (summaryName !== SUMMARY_SHEET) {
    notices.push(`「${SUMMARY_SHEET}」というシートが既にあるため、サマリーは「${summaryName}」に書きました`);
  }
  const summary = summarySheetOps({
    sheetName: summaryName,
    kpiSheet: combined.sheet,
    evaluation: combined.evaluation,
    now,
    ...(comments.size === 0 ? {} : { comments: commentOf }),
    previous,
    charts: input.charts,
  });
  const summaryArea = rangeOf(1, 1, summary.lastRow, summary.lastCol);
  ops.push({ op: 'addSheet', sheet: summaryName, visibility: 'visible' }, ...summary.ops);
  ops.push(summaryPrintOp(summaryName, summaryArea, combined.evaluation, summary.rowBreaks));
  markOps.push(mark('summary', summaryName, summaryArea));

  const settingsName = freeSheetName(SETTINGS_SHEET, [...taken, summaryName]);
  ops.push(...settingsSheetOps(settingsName, settings));
  markOps.push(mark('settings', settingsName, SETTINGS_CELL));
  ops.push(...markOps);
  return { ops, notices };
}

/** Marks of this plan's kinds: for tests and hosts that list what a run left. */
export { marksOf };
