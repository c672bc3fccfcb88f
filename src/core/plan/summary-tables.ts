/**
 * The summary's own tables: grade counts (by 基本目標, by 担当課), the follow-up list, the data issues, the
 * city's verdicts against ours and the legend, each a SummaryTable the writer lays out.
 */
import type { CellStyle, Evaluation, FollowUp, PlanValue, Settings, SummaryGroup } from '../types';
import { rangeOf } from '../a1';
import { gradeFormula } from './conditional';
import { gradeText } from './flags';
import { BORDER, DATA_BAR, gradeFill, gradesOf, HEADER_STYLE, RATE_FORMAT } from './palette';
import { fiscalYearText } from './reading-text';
import { legendEntries } from './legend';
import { ONE_LINE_HEIGHT, rowHeightFor, wrappedLines } from './text-size';
import { goalShort, rowCell, tallerRows } from './summary-cursor';
import type { SummaryCursor, SummaryTable } from './summary-cursor';
import { rowPoints, SUMMARY_WIDTHS, summaryWidths } from './summary-columns';

const CELL: CellStyle = { border: BORDER, vertical: 'middle' };

/**
 * Every row of this sheet gets its height written: rows left unsized print at each application's own
 * default (LibreOffice's is lower than Excel's 15 points), and the page layout counts on these heights.
 */
function headerStyles(w: SummaryCursor, row: number, right: number, height: number): void {
  w.style(row, 1, row, right, { ...HEADER_STYLE, rowHeight: height });
}

/** Row heights for rows whose wrapped texts need more than one line. */
function fitRows(
  w: SummaryCursor,
  first: number,
  heights: readonly number[],
  from: number,
  to: number,
  left: number,
  right: number,
  style: CellStyle,
): void {
  // One op gives the rows their look and default height, then the taller ones their height: a long list
  // stays few ops, and small ones.
  w.style(first, left, first + to - from, right, { ...style, rowHeight: ONE_LINE_HEIGHT });
  tallerRows(w, first, heights, from, to, ONE_LINE_HEIGHT);
}

/** A list whose first column is wrapped text (each row as tall as its text) and columns 2 to `right` centred. */
function textThenCentred(heights: readonly number[], right: number): SummaryTable['styleRows'] {
  return (w, first, from, to) => {
    const last = first + to - from;
    w.style(first, 1, last, 1, { ...CELL, wrap: true });
    fitRows(w, first, heights, from, to, 1, 1, { ...CELL, wrap: true });
    w.style(first, 2, last, right, { ...CELL, horizontal: 'center' });
  };
}

export function gradeCountTable(
  heading: string,
  keyHeader: string,
  groups: readonly SummaryGroup[],
  overall: SummaryGroup,
  evaluation: Evaluation,
): SummaryTable {
  const all = [...groups, overall];
  const heights = all.map((g) => rowPoints([{ col: 1, text: g.key }]));
  const { scale } = evaluation.settings;
  const grades = gradesOf(scale);
  // 達成割合 right after the grades: column 9 on a four-level scale.
  const shareCol = 3 + grades.length;
  return {
    heading,
    header: [keyHeader, '判定数', ...grades.map((g) => gradeText(g, evaluation.settings)), '達成割合'],
    styleHeader: (w, row, height) => {
      headerStyles(w, row, 2, height);
      grades.forEach((grade, i) =>
        w.style(row, 3 + i, row, 3 + i, { ...HEADER_STYLE, rowHeight: height, ...gradeFill(scale, grade) }),
      );
      w.style(row, shareCol, row, shareCol, { ...HEADER_STYLE, rowHeight: height });
    },
    rows: all.map((group): PlanValue[] => [
      group.key,
      group.judged,
      ...grades.map((grade) => group.counts[grade] ?? 0),
      group.achievedShare,
    ]),
    heights,
    styleRows: (w, first, from, to) => {
      const last = first + to - from;
      // The 全体 row, the table's last, closes it in bold.
      const hasTotal = to === all.length - 1;
      const lastPlain = hasTotal ? last - 1 : last;
      w.style(first, 1, lastPlain, 1, { ...CELL, wrap: true });
      fitRows(w, first, heights, from, hasTotal ? to - 1 : to, 1, 1, { ...CELL, wrap: true });
      w.style(first, 2, lastPlain, shareCol - 1, { ...CELL, horizontal: 'center' });
      w.style(first, shareCol, lastPlain, shareCol, { ...CELL, numberFormat: RATE_FORMAT });
      if (hasTotal) {
        w.style(last, 1, last, 1, { ...CELL, bold: true, fill: '#F2F2F2', rowHeight: heights[to] });
        w.style(last, 2, last, shareCol - 1, { ...CELL, bold: true, fill: '#F2F2F2', horizontal: 'center' });
        w.style(last, shareCol, last, shareCol, {
          ...CELL,
          bold: true,
          fill: '#F2F2F2',
          numberFormat: RATE_FORMAT,
        });
      }
    },
    rules: (w, first, last) =>
      w.ops.push({
        op: 'addConditionalFormat',
        sheet: w.sheet,
        range: rangeOf(first, shareCol, last, shareCol),
        rule: { type: 'dataBar', color: DATA_BAR, max: 1 },
      }),
    empty: '該当なし',
  };
}

export function followUpTable(followUps: readonly FollowUp[], evaluation: Evaluation): SummaryTable {
  const { scale } = evaluation.settings;
  const rows = followUps.map((f): PlanValue[] => [
    f.name,
    f.department,
    gradeText(f.grade, evaluation.settings),
    f.latest,
    f.target,
    f.gap,
    goalShort(f.goal),
    rowCell(f.sheet, f.row),
  ]);
  // Every column but 差 (a number) wraps: a grade's label (`B 概ね順調`) and a row on another sheet
  // (`基本目標1!10`) can be wider than their column, and would print across its edges.
  const heights = rows.map((row) =>
    rowPoints([1, 2, 3, 4, 5, 7, 8].map((col) => ({ col, text: String(row[col - 1] ?? '') }))),
  );
  const listed = scale.levels.filter((level) => level.followUp).map((level) => level.symbol);
  return {
    heading: `要フォローアップ (${listed.join('・')} 判定)`,
    header: ['KPI', '担当課', '判定', '最新値', '目標値', '差', '基本目標', '行'],
    styleHeader: (w, row, height) => headerStyles(w, row, 8, height),
    rows,
    heights,
    styleRows: (w, first, from, to) => {
      const last = first + to - from;
      w.style(first, 1, last, 2, { ...CELL, wrap: true });
      fitRows(w, first, heights, from, to, 1, 2, { ...CELL, wrap: true });
      w.style(first, 3, last, 3, { ...CELL, horizontal: 'center', bold: true, wrap: true });
      w.style(first, 4, last, 5, { ...CELL, horizontal: 'right', wrap: true });
      w.style(first, 6, last, 6, { ...CELL, horizontal: 'right', numberFormat: '#,##0.##;[Red]-#,##0.##' });
      w.style(first, 7, last, 8, { ...CELL, horizontal: 'center', wrap: true });
    },
    rules: (w, first, last) => {
      for (const grade of gradesOf(scale)) {
        w.ops.push({
          op: 'addConditionalFormat',
          sheet: w.sheet,
          range: rangeOf(first, 3, last, 3),
          rule: { type: 'formula', formula: gradeFormula(grade, 3, first), style: gradeFill(scale, grade) },
        });
      }
    },
    empty: '該当なし',
  };
}

export function dataIssueTable(evaluation: Evaluation): SummaryTable {
  const issues = evaluation.summary.dataIssues;
  const heights = issues.map((issue) => rowPoints([{ col: 1, text: issue.message }]));
  return {
    heading: 'データの確認事項 (元の表のセル)',
    header: ['内容', 'セル'],
    styleHeader: (w, row, height) => headerStyles(w, row, 2, height),
    rows: issues.map((issue): PlanValue[] => [issue.message, issue.cell]),
    heights,
    styleRows: textThenCentred(heights, 2),
    empty: '該当なし',
  };
}

/** Mark in A, meaning across B:I (merged), grades on their own colours. */
export function legendTable(settings: Settings): SummaryTable {
  const entries = legendEntries(settings);
  const widths = summaryWidths(settings);
  const lastCol = widths.length;
  const meaningWidth = widths.slice(1).reduce((a, b) => a + b, 0);
  const heights = entries.map((e) => {
    const lines = Math.max(wrappedLines(e.mark, SUMMARY_WIDTHS[0]), wrappedLines(e.meaning, meaningWidth));
    return rowHeightFor(lines);
  });
  return {
    heading: '凡例 (このブックの記号と色)',
    header: ['記号・色', '意味'],
    styleHeader: (w, row, height) => {
      w.ops.push({ op: 'mergeCells', sheet: w.sheet, range: rangeOf(row, 2, row, lastCol) });
      headerStyles(w, row, lastCol, height);
    },
    rows: entries.map((e): PlanValue[] => [e.mark, e.meaning]),
    heights,
    styleRows: (w, first, from, to) => {
      for (let i = from; i <= to; i++) {
        const row = first + i - from;
        const entry = entries[i];
        const colour = entry.grade !== undefined ? gradeFill(settings.scale, entry.grade) : null;
        w.style(row, 1, row, 1, {
          ...CELL,
          horizontal: 'center',
          wrap: true,
          bold: entry.grade !== undefined,
          ...(colour ? { fill: colour.fill, fontColor: colour.fontColor } : {}),
          rowHeight: heights[i],
        });
        w.ops.push({ op: 'mergeCells', sheet: w.sheet, range: rangeOf(row, 2, row, lastCol) });
        w.style(row, 2, row, lastCol, { ...CELL, wrap: true, horizontal: 'left' });
      }
    },
    empty: '',
  };
}

/** The city's own verdicts against ours; a table only when the sheet carries any. */
export function publishedTable(evaluation: Evaluation): SummaryTable | null {
  const { compared, agreed, disagreements } = evaluation.summary.published;
  if (compared === 0) return null;
  const texts = disagreements.map((d) => `${d.name}: ${d.why}`);
  const heights = texts.map((text) => rowPoints([{ col: 1, text }]));
  return {
    heading: `市の評価との照合: ${compared} 件中 ${agreed} 件一致、${disagreements.length} 件不一致`,
    header: ['KPI と理由', 'セル', '年度', '市', '当方'],
    styleHeader: (w, row, height) => headerStyles(w, row, 5, height),
    rows: disagreements.map((d, i): PlanValue[] => [
      texts[i],
      d.cell,
      fiscalYearText(d.year),
      d.theirs,
      d.ours,
    ]),
    heights,
    styleRows: textThenCentred(heights, 5),
    empty: '不一致なし',
  };
}
