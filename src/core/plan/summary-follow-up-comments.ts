/**
 * The summary sheet's 要フォローアップ comments: for each C/D KPI of the follow-up list, what its
 * department wrote in 「要因・分析」 and 「今後の方向性」, so the evaluation meeting reads grade and reason
 * together. Unwritten comments say so: the meeting asks the department for them.
 */
import type { FollowUp, PlanValue } from '../types';
import type { CommentLookup } from './comments';
import { BORDER, HEADER_STYLE } from './palette';
import { merge, tallerRows, type SummaryTable } from './summary-cursor';
import { ONE_LINE_HEIGHT, rowHeightFor, wrappedLines } from './text-size';

export const NOT_WRITTEN = '(未記入)';

/**
 * Columns of the summary sheet: the KPI in A, 要因・分析 across B–E, 今後の方向性 across F–I; `widths` are the
 * summary's column widths, for the row heights.
 */
export function followUpCommentsTable(
  followUps: readonly FollowUp[],
  comments: CommentLookup,
  widths: readonly number[],
): SummaryTable {
  const span = (from: number, to: number) => widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  const factorWidth = span(2, 5);
  const outlookWidth = span(6, 9);
  const entries = followUps.map((f) => {
    const comment = comments(f);
    return { name: f.name, factor: comment?.factor || NOT_WRITTEN, outlook: comment?.outlook || NOT_WRITTEN };
  });
  const heights = entries.map((e) => {
    const lines = Math.max(
      wrappedLines(e.name, widths[0]),
      wrappedLines(e.factor, factorWidth),
      wrappedLines(e.outlook, outlookWidth),
    );
    return rowHeightFor(lines);
  });
  const cell = { border: BORDER, vertical: 'top', wrap: true } as const;
  const mergeRow = (w: Parameters<SummaryTable['styleHeader']>[0], row: number): void => {
    merge(w, row, 2, row, 5);
    merge(w, row, 6, row, 9);
  };
  return {
    heading: '要フォローアップの要因・分析と今後の方向性',
    header: ['KPI', '要因・分析', null, null, null, '今後の方向性'],
    styleHeader: (w, row, height) => {
      mergeRow(w, row);
      w.style(row, 1, row, 9, { ...HEADER_STYLE, rowHeight: height });
    },
    rows: entries.map((e): PlanValue[] => [e.name, e.factor, null, null, null, e.outlook]),
    heights,
    styleRows: (w, first, from, to) => {
      for (let i = from; i <= to; i++) mergeRow(w, first + i - from);
      w.style(first, 1, first + to - from, 9, { ...cell, rowHeight: ONE_LINE_HEIGHT });
      tallerRows(w, first, heights, from, to, ONE_LINE_HEIGHT);
    },
    empty: '該当なし',
  };
}
