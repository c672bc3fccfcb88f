/**
 * 「評価を更新」 without the pane: read → judge → plan → apply with the workbook's saved settings (or
 * the defaults), and one short message saying what happened.
 */
import { analyze, planBook } from '../core/pipeline';
import { readBook } from './book-read';
import { markKind, markName } from '../core/plan/marks';
import { DEFAULT_SETTINGS, gradeSymbols, parseSettings } from '../core/settings';
import type { WritePlan } from '../core/types';
import type { Language } from './errors';
import type { ApplyResult, WorkbookHost } from '../core/host';

export type CommandOutcome =
  | {
      readonly ok: true;
      readonly message: string;
      readonly result: ApplyResult;
      readonly summarySheet: string | null;
    }
  | { readonly ok: false; readonly message: string };

function summarySheetOf(writePlan: WritePlan): string | null {
  for (const op of writePlan.ops) {
    if (op.op === 'addMark' && op.mark.name === markName('summary')) return op.mark.sheet;
  }
  return null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function evaluateActiveSheet(
  host: WorkbookHost,
  now: Date,
  language: Language = 'ja',
): Promise<CommandOutcome> {
  try {
    const saved = await host.readSettings();
    const settings = saved === null ? DEFAULT_SETTINGS : parseSettings(saved).settings;
    let grid = await host.readGrid();
    // Run again from the summary sheet the last run left active: evaluate the KPI sheet it came from.
    const onSummary = grid.marks.some((m) => m.name === markName('summary') && m.sheet === grid.sheet);
    const kpiSheet = grid.marks.find((m) => markKind(m.name) === 'flags')?.sheet;
    if (onSummary && kpiSheet !== undefined && kpiSheet !== grid.sheet) grid = await host.readGrid(kpiSheet);
    // Every visible KPI sheet of the workbook, one summary over them (one sheet per 基本目標).
    const book = await readBook(host, grid, settings);
    if (!book) {
      // No sheet reads as a KPI table: the active sheet's own reason, which says how to fix it.
      const read = analyze(grid, settings);
      return { ok: false, message: read.ok ? 'KPI の表が見つかりません' : read.failure.message };
    }
    const writePlan = planBook(book, { now, charts: host.charts });
    const result = await host.applyPlan(writePlan);
    const summarySheet = summarySheetOf(writePlan);
    if (summarySheet !== null) await host.selectCell(summarySheet, 'A1');
    const overall = book.combined.evaluation.summary.overall;
    const sheets = book.sheets.length;
    const counts = gradeSymbols(settings.scale)
      .filter((g) => (overall.counts[g] ?? 0) > 0)
      .map((g) => `${g} ${overall.counts[g]}`)
      .join(' / ');
    const skipped = result.skipped.length;
    const message =
      language === 'ja'
        ? `評価を更新しました: ${sheets > 1 ? `${sheets} シートの ` : ''}KPI ${overall.judged} 件 (${counts})。` +
          (summarySheet !== null ? `結果は「${summarySheet}」シートにまとめました。` : '') +
          (skipped > 0
            ? `この Excel では ${skipped} 件の設定を省略しました (${result.skipped[0].reason})。`
            : '')
        : `Evaluation updated: ${overall.judged} KPIs${sheets > 1 ? ` on ${sheets} sheets` : ''} (${counts}).` +
          (summarySheet !== null ? ` Summary on sheet "${summarySheet}".` : '') +
          (skipped > 0
            ? ` ${skipped} settings were skipped in this Excel (${result.skipped[0].reason}).`
            : '');
    return { ok: true, message, result, summarySheet };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
