/**
 * Fiscal years (EVALUATION.md section 2). A fiscal year is the Gregorian year it starts in:
 * 平成 n = 1988 + n, 令和 n = 2018 + n (H31 and later H-years run on into 令和), 昭和 n = 1925 + n.
 */
import type { FiscalYear, YearHeader, YearRole } from '../types/reading';
import { nfkcProtected } from './normalize';

/** The year before each era's first: 平成 n is 1988 + n. */
export const ERA_START: Readonly<Record<string, number>> = {
  H: 1988,
  平成: 1988,
  R: 2018,
  令和: 2018,
  S: 1925,
  昭和: 1925,
};

/** `H30`, `平成30年度`, `R元`, `令和2年`, `2020年度`, `FY2020`, `R5年度末`, with nothing else around it. */
const YEAR_EXPRESSION =
  /^(?:(H|R|S|平成|令和|昭和)(\d{1,2}|元)|FY(\d{4})|(\d{4}))(?:年度|年|度)?(?:末|当初)?(?:時点)?$/iu;

/** The fiscal year a compact year expression names (spaces allowed), or null. */
export function parseFiscalYear(text: string): FiscalYear | null {
  const compact = nfkcProtected(text).replace(/\s+/gu, '');
  const match = YEAR_EXPRESSION.exec(compact);
  if (!match) return null;
  if (match[1] !== undefined) {
    const era = match[1].length === 1 ? match[1].toUpperCase() : match[1];
    const n = match[2] === '元' ? 1 : Number(match[2]);
    if (n < 1) return null;
    return ERA_START[era] + n;
  }
  const year = Number(match[3] ?? match[4]);
  return year >= 1900 && year <= 2199 ? year : null;
}

/** Words that make a year column the baseline or the target. */
const TARGET_WORDS = /目標値|目標/gu;
const BASELINE_WORDS = /現状値|現状|基準値|基準年度|基準年|基準|策定時|計画策定時|当初値/gu;
const ACTUAL_WORDS = /実績値|実績|見込み値|見込値|見込み|見込/gu;
const BRACKETS = /[()[\]【】〔〕「」<>＜＞{}:：・]/gu;

/** `令和2年度(2020年度)` (brackets already removed): two forms of one year, which must agree. */
function parseDoubleYear(text: string): FiscalYear | null {
  if (text.length > 30) return null;
  for (let cut = 2; cut < text.length - 1; cut += 1) {
    const first = parseFiscalYear(text.slice(0, cut));
    if (first !== null && first === parseFiscalYear(text.slice(cut))) return first;
  }
  return null;
}

/** The role a header's words give its column. */
export function yearRoleOf(header: string): YearRole {
  if (new RegExp(TARGET_WORDS.source, 'u').test(header)) return 'target';
  if (new RegExp(BASELINE_WORDS.source, 'u').test(header)) return 'baseline';
  return 'actual';
}

/**
 * A year column header: `H30 (現状値)` → {2018, baseline}, `R6 (目標値)` / `目標値 (R6年度)` → target,
 * `R2` → actual. Null when the header names no year or says more than a year and its role.
 */
export function parseYearHeader(text: string): YearHeader | null {
  if (typeof text !== 'string' || text.length > 200) return null;
  const normalized = nfkcProtected(text).replace(/\s+/gu, '');
  const role = yearRoleOf(normalized);
  const rest = normalized
    .replace(TARGET_WORDS, '')
    .replace(BASELINE_WORDS, '')
    .replace(ACTUAL_WORDS, '')
    .replace(BRACKETS, '');
  const year = parseFiscalYear(rest) ?? parseDoubleYear(rest);
  return year === null ? null : { year, role };
}

/** The year as the sheet writes it: 2020 → `R2`, 2019 → `R元`, 2018 → `H30`, 1988 → `S63`. */
/**
 * The year of a reading no header or cell dates (`現状値 → 目標値` with bare values), and the evaluation
 * year of a table that names no year anywhere.
 */
export const UNKNOWN_YEAR: FiscalYear = 0;

export function formatFiscalYear(year: FiscalYear): string {
  if (year === UNKNOWN_YEAR) return '年度不明';
  if (!Number.isInteger(year)) return String(year);
  if (year >= 2019) return year === 2019 ? 'R元' : `R${year - 2018}`;
  if (year >= 1989) return year === 1989 ? 'H元' : `H${year - 1988}`;
  if (year >= 1926) return year === 1926 ? 'S元' : `S${year - 1925}`;
  return String(year);
}
