/** What a header or label cell says: column roles, hierarchy labels, periods, goals, departments. */
import { parseYearHeader } from '../read';
import type { Direction, Period, YearHeader } from '../types';
import { cacheByText } from './text-cache';

export type ColumnRole =
  | { readonly kind: 'framework' }
  | { readonly kind: 'measure' }
  | { readonly kind: 'name' }
  | { readonly kind: 'department' }
  | { readonly kind: 'unit' }
  | { readonly kind: 'goal' }
  | { readonly kind: 'headlineName' }
  | { readonly kind: 'direction' }
  | { readonly kind: 'year'; readonly header: YearHeader }
  /** 現状値 / 実績 / 目標値 without a year: the upper row of a two-row header. */
  | { readonly kind: 'yearGroup' }
  /** Not values: 達成率, 評価, 備考, 主な取組, 取組の概要, and the add-in's flag columns. */
  | { readonly kind: 'ignored'; readonly label: string; readonly ownFlag: boolean };

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

const NAME = /KPI|重要業績評価指標|指標名|成果指標/iu;
const DEPARTMENT = /担当課|所管課|担当部署|担当部局|所管部署|担当部/u;
const YEAR_GROUP = /^(現状値|基準値|策定時|実績|実績値|目標値|目標)$/u;
/**
 * The add-in's own flag columns from an earlier run (方向 is read, the others skipped), its year-before columns
 * and its comment columns (a clerk's sentences, never values: issue 19).
 */
const OWN_FLAGS = /^(最新値|達成率|進捗率|傾向|判定|方向|備考|前年度判定|前年比|要因・分析|今後の方向性)$/u;
const NOT_VALUES = /達成率|評価|備考|主な取組|取組の概要|施策の基本的方向|進捗状況/u;

/** The role a compacted header's words give it, before any year is looked for. */
function roleByWords(t: string): ColumnRole | null {
  if (t === '方向') return { kind: 'direction' };
  if (t.includes('施策の枠組み')) return { kind: 'framework' };
  if (t.includes('具体的な施策')) return { kind: 'measure' };
  if (NAME.test(t)) return { kind: 'name' };
  if (DEPARTMENT.test(t)) return { kind: 'department' };
  if (t === '単位') return { kind: 'unit' };
  if (t === '基本目標') return { kind: 'goal' };
  if (t === '数値目標') return { kind: 'headlineName' };
  if (OWN_FLAGS.test(t) && t !== '達成率' && t !== '備考')
    return { kind: 'ignored', label: t, ownFlag: true };
  if (NOT_VALUES.test(t)) return { kind: 'ignored', label: t, ownFlag: false };
  return null;
}

/**
 * The role a header cell's words give its column, without the costlier year-header test: a row is a header
 * row only when one of its cells names the KPI (or the 基本目標 and 数値目標), which words alone decide.
 */
export function wordRole(text: string): ColumnRole | null {
  const t = compact(text);
  return t === '' ? null : roleByWords(t);
}

export function columnRole(text: string): ColumnRole | null {
  const t = compact(text);
  if (t === '') return null;
  const byWords = roleByWords(t);
  if (byWords) return byWords;
  const header = parseYearHeader(text);
  if (header) return { kind: 'year', header };
  if (YEAR_GROUP.test(t)) return { kind: 'yearGroup' };
  return null;
}

/** Edit marks a clerk leaves in a label (`① I・J・Uターンに向けた… 削除 追加`). */
const EDIT_MARKS = /^((削除|追加)\s*)+|(\s*(削除|追加))+$/gu;

export function withoutEditMarks(text: string): string {
  return text.replace(EDIT_MARKS, '').trim();
}

export type LabelLevel = 'framework' | 'measure';

const MEASURE_LABEL = /^[①-⑳㉑-㉟]/u;
const FRAMEWORK_LABEL = /^(\(\d+\)|（[0-9０-９]+）|[0-9０-９]+[\s\u3000.．、]|[IVX]+[\s\u3000.．])/u;

/** The hierarchy level a label's numbering says: `①…` measure, `1 …` / `(1) …` framework. */
export function labelLevel(text: string): LabelLevel | null {
  const t = withoutEditMarks(text);
  if (MEASURE_LABEL.test(t)) return 'measure';
  if (FRAMEWORK_LABEL.test(t)) return 'framework';
  return null;
}

const DEPARTMENT_NAME = /(課|室|センター|係|局|部|所|館|委員会|グループ|班)$/u;

export function looksLikeDepartment(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 20 && !/[0-9０-９]/u.test(t) && DEPARTMENT_NAME.test(t);
}

/** Period from the KPI name; none when the name does not say. */
export function periodOf(name: string): Period | null {
  const t = compact(name);
  if (/[(（]年間最大数?[)）]/u.test(t)) return 'annualMax';
  if (/[(（]年間[)）]/u.test(t)) return 'annual';
  if (/[(（]累計[)）]/u.test(t)) return 'cumulative';
  if (/[(（]月平均[)）]/u.test(t)) return 'monthlyAverage';
  if (/延べ/u.test(t)) return 'total';
  return null;
}

export function directionOf(text: string): Direction | null {
  const t = text.trim();
  if (t === '↑' || t === '上' || t === '⬆') return 'up';
  if (t === '↓' || t === '下' || t === '⬇') return 'down';
  return null;
}

/** `1 浅口市における…` → 1; `基本目標3 若い世代の…` handled by goalMarker. */
export function goalNumberOf(goal: string): number | null {
  const m = /^[(（]?([0-9０-９]+)/u.exec(goal.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/** A strategy-style goal cell: `基本目標 1` (title in the next cell) or `基本目標3 若い世代の…`. */
export function goalMarker(text: string): { readonly number: number; readonly title: string } | null {
  const m = /^基本目標\s*([0-9]+)\s*(.*)$/su.exec(text.normalize('NFKC').trim());
  return m ? { number: Number(m[1]), title: m[2].trim() } : null;
}

/** Footnote markers in a headline name: `市内民営事業所従業者数※1`. */
export function splitFootnote(name: string): { readonly name: string; readonly footnote: string | null } {
  const m = /\s*(※\s*[0-9０-９]*)\s*$/u.exec(name);
  return m ? { name: name.slice(0, m.index).trim(), footnote: m[1] } : { name: name.trim(), footnote: null };
}

/** The label tests a sheet read asks of many cells, each cached by text for that read. */
export interface LabelReader {
  readonly labelLevel: (text: string) => LabelLevel | null;
  readonly withoutEditMarks: (text: string) => string;
  readonly looksLikeDepartment: (text: string) => boolean;
  readonly periodOf: (name: string) => Period | null;
  readonly goalMarker: (text: string) => ReturnType<typeof goalMarker>;
}

export function labelReader(): LabelReader {
  return {
    labelLevel: cacheByText(labelLevel),
    withoutEditMarks: cacheByText(withoutEditMarks),
    looksLikeDepartment: cacheByText(looksLikeDepartment),
    periodOf: cacheByText(periodOf),
    goalMarker: cacheByText(goalMarker),
  };
}
