/**
 * The 担当課 view's comment check: which of a department's KPIs still lack 「要因・分析」 or
 * 「今後の方向性」, with the cell to type into. Pure; no DOM, no host.
 */
import { cellAddress } from '../core/a1';
import type { Analysis } from '../core/analyze';
import { commentColumnsByRow, readComments } from '../core/plan';
import type { Grade, TableRegion } from '../core/types';

export type MissingComment = 'factor' | 'outlook' | 'both';

export interface CommentItem {
  readonly kpiId: string;
  readonly name: string;
  readonly grade: Grade | null;
  readonly missing: MissingComment;
  /** The first empty comment cell (A1). */
  readonly cell: string;
}

/**
 * The department's KPIs (all when null) whose comments are not both written; null when the sheet has no
 * comment columns. 廃止 KPIs need none.
 */
export function missingComments(
  analysis: Analysis,
  department: string | null,
): readonly CommentItem[] | null {
  const { grid, sheet, evaluation } = analysis;
  const tables = sheet.blocks.flatMap((b) =>
    [b.headlineTable, b.kpiTable].filter((t): t is TableRegion => t !== null),
  );
  const columns = commentColumnsByRow(grid, tables);
  if (columns.size === 0) return null;
  const comments = readComments(grid, tables);
  const grades = new Map(evaluation.kpis.map((k) => [k.kpiId, k.grade]));
  const items: CommentItem[] = [];
  for (const block of sheet.blocks) {
    for (const kpi of [...block.headlines, ...block.kpis]) {
      if (department !== null && kpi.department.trim() !== department) continue;
      const cols = columns.get(kpi.row);
      const grade = grades.get(kpi.id) ?? null;
      if (!cols || grade === '廃止') continue;
      const comment = comments.get(kpi.row);
      const factor = (comment?.factor ?? '') !== '';
      const outlook = (comment?.outlook ?? '') !== '';
      if (factor && outlook) continue;
      const missing: MissingComment = !factor && !outlook ? 'both' : factor ? 'outlook' : 'factor';
      const col = missing === 'outlook' ? cols[1] : cols[0];
      if (col === null) continue;
      items.push({ kpiId: kpi.id, name: kpi.name, grade, missing, cell: cellAddress(kpi.row, col) });
    }
  }
  return items;
}
