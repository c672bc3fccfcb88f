/** Abolished KPIs (EVALUATION.md section 1): the city stopped the measure, so the row leaves every total. */

const ABOLISHED_WORDS: ReadonlySet<string> = new Set([
  '廃止',
  '事業廃止',
  '事業終了',
  '終了',
  '中止',
  '事業中止',
]);

/** True when the normalized text says the measure was abolished. */
export function isAbolished(normalized: string): boolean {
  return ABOLISHED_WORDS.has(normalized.replace(/\s+/gu, ''));
}
