/** What a header or label cell says: column roles, hierarchy labels, periods, goals, departments. */
import type { Direction, FiscalYear, Period, PublishedVerdict } from '../types';
import { cacheByText } from './text-cache';
import { findYear, namesYear, valueHeader, type ValueHeader, type ValueRole } from './value-header';

export type ColumnRole =
  | { readonly kind: 'framework' }
  | { readonly kind: 'measure' }
  | { readonly kind: 'name' }
  | { readonly kind: 'department' }
  | { readonly kind: 'unit' }
  | { readonly kind: 'goal' }
  | { readonly kind: 'headlineName' }
  /** The add-in's own 方向 column (a user's choice, kept across re-runs). */
  | { readonly kind: 'direction' }
  /** The city's 方向性 column (`増加を目指す`, `↓`, `ダウン`). */
  | { readonly kind: 'declaredDirection' }
  /** The city's own 達成率 / 評価 / 達成度 / 改善・悪化, maybe per year (`評価H28`): read, never a value. */
  | {
      readonly kind: 'published';
      readonly verdict: PublishedVerdict['kind'] | null;
      readonly year: FiscalYear | null;
    }
  /** 目標月 (the national 交付金 form): when the row's target is due. */
  | { readonly kind: 'targetDate' }
  | { readonly kind: 'year'; readonly header: ValueHeader }
  /** 現状値 / 実績 / 目標値 without a year: the upper row of a two-row header, or a column whose cells hold the year. */
  | { readonly kind: 'yearGroup'; readonly role: ValueRole }
  /** Not values: 備考, 主な取組, 取組の概要, 説明, コード, and the add-in's flag columns. */
  | { readonly kind: 'ignored'; readonly label: string; readonly ownFlag: boolean };

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

const NAME = /KPI|重要業績評価指標|指標名|成果指標/iu;
/** Name headers written as a whole word (`指標`, `評価指標`, `指標(目標)名`, `数値目標` is handled by the table). */
const NAME_WORD =
  /^(?:指標|指標名称?|指標項目|評価指標名?|成果指標名?|めざす成果指標名?|目指す成果指標名?|指標\(目標\)名?|目標\(指標\)名?|目標名|目標指標名?|KPI名?|KPI項目|KPI指標|項目名?|数値目標名)$/iu;
const DEPARTMENT = /担当課|所管課|担当部署|担当部局|所管部署|担当部|所管部局|担当所属|所管$|担当$|^課名$/u;
const YEAR_GROUP = /^(現状値|現況値?|当初値?|基準値|策定時|実績|実績値|目標値|目標)$/u;
/**
 * The add-in's own flag columns from an earlier run (方向 is read, the others skipped), its year-before columns
 * and its comment columns (a clerk's sentences, never values).
 */
const OWN_FLAGS = /^(最新値|達成率|進捗率|傾向|判定|方向|備考|前年度判定|前年比|要因・分析|今後の方向性)$/u;
const PUBLISHED = /達成率|達成度|評価|改善・?悪化|進捗状況|達成状況|進捗度|^判定/u;
const NOT_VALUES =
  /備考|主な取組|取組の概要|施策の基本的方向|説明|定義|算出方法|出典|コード|^No\.?$|^NO\.?$|^番号$|^区分$|^種別$|^分類$|概要|^内容$|考え方|設定理由|根拠|データ/u;
const DECLARED_DIRECTION =
  /^(方向性|目指す方向|めざす方向|目標の方向|方向性\(.*\)|増減の方向|目標の方向性)$/u;
const FRAMEWORK_WORD =
  /施策の枠組み|^(基本施策|政策|施策分野|分野|基本方針|施策の方向|政策分野|基本的方向)$/u;
const MEASURE_WORD =
  /具体的な施策|^(施策|施策名|具体的施策|事業|事業名|主な事業|事業名称|主要事業|取組|取組名|個別施策)$/u;
const TARGET_DATE = /^(目標月|目標年月|目標時期|達成時期|目標期限|期限)$/u;

/** The role a compacted header's words give it, before any year is looked for. */
function roleByWords(t: string): ColumnRole | null {
  // Most texts a sheet holds are values (`15人`, `△3件`): no header word starts with a digit or a minus mark.
  if (/^[0-9△▲]/u.test(t)) return null;
  if (t === '方向') return { kind: 'direction' };
  if (DECLARED_DIRECTION.test(t)) return { kind: 'declaredDirection' };
  if (FRAMEWORK_WORD.test(t)) return { kind: 'framework' };
  if (MEASURE_WORD.test(t)) return { kind: 'measure' };
  if (t === '指標値') return { kind: 'year', header: { role: 'target', year: null } };
  if ((NAME.test(t) || NAME_WORD.test(t)) && !/の定義|算出|説明|区分/u.test(t) && !namesYear(t))
    return { kind: 'name' };
  if (DEPARTMENT.test(t)) return { kind: 'department' };
  if (t === '単位' || t === '単位等') return { kind: 'unit' };
  if (t === '基本目標') return { kind: 'goal' };
  if (t === '数値目標') return { kind: 'headlineName' };
  if (OWN_FLAGS.test(t) && t !== '達成率' && t !== '備考')
    return { kind: 'ignored', label: t, ownFlag: true };
  if (TARGET_DATE.test(t)) return { kind: 'targetDate' };
  if (PUBLISHED.test(t) && !/施策の基本的方向/u.test(t) && t.length <= 16) {
    const verdict = /率/u.test(t) ? 'rate' : /評価|判定|改善|悪化/u.test(t) ? 'grade' : null;
    return { kind: 'published', verdict, year: findYear(t)?.year ?? null };
  }
  if (NOT_VALUES.test(t) || PUBLISHED.test(t)) return { kind: 'ignored', label: t, ownFlag: false };
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
  const header = valueHeader(text);
  if (header && header.year !== null) return { kind: 'year', header };
  if (header) return { kind: 'yearGroup', role: header.role };
  if (YEAR_GROUP.test(t)) return { kind: 'yearGroup', role: 'baseline' };
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

const ROMAN: Readonly<Record<string, number>> = {
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  V: 5,
  VI: 6,
  VII: 7,
  VIII: 8,
  IX: 9,
  X: 10,
};

/**
 * A goal cell: `基本目標 1` (title in the next cell), `基本目標3 若い世代の…`, `【基本目標2】…`, `基本目標Ⅱ`,
 * `基本目標２：…`.
 */
export function goalMarker(text: string): { readonly number: number; readonly title: string } | null {
  const m = /^[【[(<]?基本目標\s*([0-9]+|[IVX]+)\s*[】\])>]?[\s:.、]*(.*)$/su.exec(
    text.normalize('NFKC').trim(),
  );
  if (!m) return null;
  const number = /^[0-9]+$/u.test(m[1]) ? Number(m[1]) : ROMAN[m[1]];
  return number === undefined ? null : { number, title: m[2].trim() };
}

/** The city's own direction words (`方向性`: `増加を目指す`, `↓`, `ダウン`, `減少`); null for anything else. */
export function declaredDirectionOf(text: string): Direction | null {
  const t = text.normalize('NFKC').replace(/\s+/gu, '');
  if (t === '') return null;
  if (
    /^(↑|⬆|↗|上|UP|アップ|増|増加|上昇|向上|拡大|増加を目指す|上昇を目指す|向上を目指す|増やす|高める)/iu.test(
      t,
    )
  )
    return 'up';
  if (/^(↓|⬇|↘|下|DOWN|ダウン|減|減少|低下|縮小|抑制|削減|減少を目指す|低下を目指す|減らす|下げる)/iu.test(t))
    return 'down';
  return null;
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
  readonly declaredDirectionOf: (text: string) => Direction | null;
}

export function labelReader(): LabelReader {
  return {
    labelLevel: cacheByText(labelLevel),
    withoutEditMarks: cacheByText(withoutEditMarks),
    looksLikeDepartment: cacheByText(looksLikeDepartment),
    periodOf: cacheByText(periodOf),
    goalMarker: cacheByText(goalMarker),
    declaredDirectionOf: cacheByText(declaredDirectionOf),
  };
}

/** One header column: where it is, what it is, and its header text as written. */
export interface Column {
  readonly col: number;
  readonly role: ColumnRole;
  /** The header text as written (both rows of a two-row header). */
  readonly label: string;
}
