/**
 * The summary sheet's 要フォローアップ comments (issue 19): for each C/D KPI of the follow-up list, what its
 * department wrote in 「要因・分析」 and 「今後の方向性」, so the evaluation meeting reads grade and reason
 * together. Unwritten comments say so: the meeting asks the department for them.
 */
import type { FollowUp, PlanValue } from '../types';
import type { CommentsByRow } from './comments';
import { BORDER, HEADER_STYLE } from './palette';
import { merge, type SummaryCursor } from './summary-cursor';
import { rowHeightFor, wrappedLines } from './text-size';

export const NOT_WRITTEN = '(未記入)';

/**
 * Columns of the summary sheet: the KPI in A, 要因・分析 across B–E, 今後の方向性 across F–I; `widths` are the
 * summary's column widths, for the row heights.
 */
export function followUpCommentsSection(
  w: SummaryCursor,
  followUps: readonly FollowUp[],
  comments: CommentsByRow,
  widths: readonly number[],
): void {
  w.line('要フォローアップの要因・分析と今後の方向性', { bold: true, fontSize: 12 });
  const span = (from: number, to: number) => widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  const factorWidth = span(2, 5);
  const outlookWidth = span(6, 9);
  const headerRow = w.row;
  w.values([['KPI', '要因・分析']]);
  w.values([['今後の方向性']], 6);
  merge(w, headerRow, 2, headerRow, 5);
  merge(w, headerRow, 6, headerRow, 9);
  w.style(headerRow, 1, headerRow, 9, HEADER_STYLE);
  w.row++;
  if (followUps.length === 0) {
    w.line('該当なし', { horizontal: 'left' });
    return;
  }
  const first = w.row;
  const rows = followUps.map((f) => {
    const comment = comments.get(f.row);
    const factor = comment?.factor || NOT_WRITTEN;
    const outlook = comment?.outlook || NOT_WRITTEN;
    return { name: f.name, factor, outlook };
  });
  rows.forEach((r, i) => {
    const row = first + i;
    w.row = row;
    w.values([[r.name, r.factor] as PlanValue[]]);
    w.values([[r.outlook]], 6);
    merge(w, row, 2, row, 5);
    merge(w, row, 6, row, 9);
  });
  const last = first + rows.length - 1;
  const cell = { border: BORDER, vertical: 'top', wrap: true } as const;
  w.style(first, 1, last, 9, cell);
  rows.forEach((r, i) => {
    const lines = Math.max(
      wrappedLines(r.name, widths[0]),
      wrappedLines(r.factor, factorWidth),
      wrappedLines(r.outlook, outlookWidth),
    );
    if (lines > 1) w.style(first + i, 1, first + i, 9, { ...cell, rowHeight: rowHeightFor(lines) });
  });
  w.row = last + 1;
}
