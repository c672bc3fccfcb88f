/**
 * Comparing two readings of one strategy (the table as adopted and the progress table): KPIs matched by
 * name, tolerant of small wording changes, each marked with what changed. Uncertain matches are reported
 * for the user to confirm and are never merged.
 */
import { nfkcProtected } from '../read/normalize';
import type { Kpi, KpiSheet } from '../types';
import { changesBetween, readingMeaning } from './changes';
import type { ComparedKpi, Comparison, ComparisonRow, UncertainMatch } from './comparison';

export { changesBetween, type ChangeMark, type Changes } from './changes';
export type { ComparedKpi, Comparison, ComparisonRow, UncertainMatch } from './comparison';

export interface CompareOptions {
  /** At or above: the same KPI. */
  readonly sure?: number;
  /** At or above (and below `sure`): listed for the user to confirm. */
  readonly unsure?: number;
  /** At or above, for a pair of one 基本目標 with the same unit, baseline and target: listed to confirm. */
  readonly sameValues?: number;
}

export const SURE_MATCH = 0.75;
export const UNSURE_MATCH = 0.45;
/** A KPI renamed outright keeps its figures: such a pair is worth asking about though the names differ. */
export const SAME_VALUES_MATCH = 0.3;

/** Brackets, punctuation and symbols that cities add or drop between editions without meaning anything. */
const NOISE = /[\s\p{P}\p{S}]/gu;
const FOOTNOTE = /※\s*[0-9①-⑳]*/gu;

/** The name as compared: NFKC (width), footnote markers, spaces and punctuation removed. */
export function normalizeName(name: string): string {
  return nfkcProtected(name).replace(FOOTNOTE, '').replace(NOISE, '').toLowerCase();
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = chars[i] + chars[i + 1];
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** Character-bigram Dice coefficient of the normalized names: 1 identical, 0 nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let total = 0;
  for (const n of bx.values()) total += n;
  for (const n of by.values()) total += n;
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, n] of bx) shared += Math.min(n, by.get(pair) ?? 0);
  return (2 * shared) / total;
}

interface Entry {
  readonly kpi: Kpi;
  readonly goalNumber: number | null;
  readonly shown: ComparedKpi;
}

function entries(sheet: KpiSheet): Entry[] {
  return sheet.blocks.flatMap((block) =>
    [...block.headlines, ...block.kpis].map((kpi) => ({
      kpi,
      goalNumber: block.goalNumber,
      shown: {
        goal: block.goal,
        name: kpi.name,
        unit: kpi.unit,
        baseline: kpi.baseline?.reading.raw ?? '',
        target: kpi.target?.reading.raw ?? '',
        row: kpi.row,
        sheet: block.sheet ?? sheet.sheet,
      },
    })),
  );
}

/** Same 基本目標, unit, baseline and target, each present: what a renamed KPI keeps. */
function sameFigures(a: Entry, b: Entry): boolean {
  const base = readingMeaning(a.kpi.baseline?.reading);
  const target = readingMeaning(a.kpi.target?.reading);
  return (
    a.goalNumber === b.goalNumber &&
    a.kpi.unit === b.kpi.unit &&
    base !== '' &&
    target !== '' &&
    base === readingMeaning(b.kpi.baseline?.reading) &&
    target === readingMeaning(b.kpi.target?.reading)
  );
}

interface Candidate {
  readonly i: number;
  readonly j: number;
  readonly score: number;
  readonly sameUnit: boolean;
  readonly sameRole: boolean;
}

/**
 * Matches the KPIs of `before` (策定時) and `after` (進捗) one to one, best pairs first, and marks each.
 * Rows follow `after`'s order, with each 削除 placed after the KPI that preceded it in `before`.
 */
export function compareSheets(before: KpiSheet, after: KpiSheet, options: CompareOptions = {}): Comparison {
  const sure = options.sure ?? SURE_MATCH;
  const unsure = options.unsure ?? UNSURE_MATCH;
  const sameValues = options.sameValues ?? SAME_VALUES_MATCH;
  const left = entries(before);
  const right = entries(after);
  const candidates: Candidate[] = [];
  left.forEach((a, i) =>
    right.forEach((b, j) => {
      const score = nameSimilarity(a.kpi.name, b.kpi.name);
      if (score >= unsure || (score >= sameValues && sameFigures(a, b)))
        candidates.push({
          i,
          j,
          score,
          sameUnit: a.kpi.unit === b.kpi.unit,
          sameRole: a.kpi.role === b.kpi.role,
        });
    }),
  );
  // Unit and role only break ties: a KPI whose unit changed is still the same KPI.
  candidates.sort(
    (x, y) =>
      y.score - x.score ||
      Number(y.sameUnit) - Number(x.sameUnit) ||
      Number(y.sameRole) - Number(x.sameRole) ||
      x.j - y.j ||
      x.i - y.i,
  );
  const leftMatch = new Map<number, Candidate>();
  const rightMatch = new Map<number, Candidate>();
  const uncertain: UncertainMatch[] = [];
  for (const c of candidates) {
    if (leftMatch.has(c.i) || rightMatch.has(c.j)) continue;
    if (c.score >= sure) {
      leftMatch.set(c.i, c);
      rightMatch.set(c.j, c);
    }
  }
  // Uncertain pairs: only between KPIs left unmatched, the best one for each.
  const leftAsked = new Set<number>();
  const rightAsked = new Set<number>();
  for (const c of candidates) {
    if (c.score >= sure || leftMatch.has(c.i) || rightMatch.has(c.j)) continue;
    if (leftAsked.has(c.i) || rightAsked.has(c.j)) continue;
    leftAsked.add(c.i);
    rightAsked.add(c.j);
    uncertain.push({ before: left[c.i].shown, after: right[c.j].shown, score: round(c.score) });
  }

  const removedAfter = new Map<number, number[]>();
  let lastMatched = -1;
  left.forEach((_, i) => {
    const m = leftMatch.get(i);
    if (m !== undefined) lastMatched = m.j;
    else removedAfter.set(lastMatched, [...(removedAfter.get(lastMatched) ?? []), i]);
  });
  const rows: ComparisonRow[] = [];
  const removed = (i: number): ComparisonRow => ({
    marks: ['削除'],
    before: left[i].shown,
    after: null,
    score: null,
    notes: [],
  });
  for (const i of removedAfter.get(-1) ?? []) rows.push(removed(i));
  right.forEach((b, j) => {
    const m = rightMatch.get(j);
    rows.push(
      m === undefined
        ? { marks: ['追加'], before: null, after: b.shown, score: null, notes: [] }
        : {
            ...changesBetween(left[m.i].kpi, b.kpi),
            before: left[m.i].shown,
            after: b.shown,
            score: round(m.score),
          },
    );
    for (const i of removedAfter.get(j) ?? []) rows.push(removed(i));
  });
  return { rows, uncertain };
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
export {
  compareOutputSheets,
  compareSheetPlan,
  markCounts,
  COMPARE_MARK,
  COMPARE_SHEET,
  MARK_ORDER,
  ROW_HEADER,
  type CompareSheetInput,
} from './sheet-plan';
