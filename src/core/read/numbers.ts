/**
 * Numbers with units as the city writes them (EVALUATION.md section 1): `30,239人`, `4.4ha`, `△15人`,
 * `16%`, `希望者の100%`, `30%以上`, `延べ 6`, `1.4人/年`, `1.2万人`, `2億396万円`, `9,174人 (H28年)`.
 * Works on normalized text (normalize.ts). Anything that does not fit the whole grammar is not a number:
 * `383件 52回` (two values) or `第3次` are text, never a guessed number.
 */
import type { FiscalYear } from '../types/reading';
import { parseFiscalYear } from './fiscal-year';
import { LARGE_SCALES, SMALL_SCALES, unitAt } from './units';

export interface Quantity {
  readonly value: number;
  /** Base unit from the catalogue ('' for a bare number, '%' for a percent). */
  readonly unit: string;
  readonly qualifier?: string;
  readonly year?: FiscalYear;
}

/** Words that may stand before a number without a separator: `約5人`, `延べ6人`. */
const PREFIX_WORDS: ReadonlySet<string> = new Set([
  '約',
  'およそ',
  '概ね',
  'おおむね',
  '延べ',
  '延',
  'のべ',
  '計',
  '合計',
  '累計',
  '年間',
  '月平均',
  '平均',
  '最大',
  '最小',
  '全',
]);

/** Words that may follow a number or its unit: `30%以上`, `5人程度`. */
const SUFFIX_WORDS: ReadonlySet<string> = new Set([
  '以上',
  '以下',
  '未満',
  '超',
  '以内',
  '程度',
  '前後',
  '強',
  '弱',
  '増',
  '減',
  '増加',
  '減少',
  '見込み',
  '見込',
  '速報値',
  '暫定値',
  '推計',
  '概数',
]);

/** Letters a qualifier may hold: Japanese words, spaces and a few marks. No digits, no ASCII letters. */
const QUALIFIER_CHARS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆 ・/()「」、]+$/u;

/** A qualifier after the number: a known word, `/年` per-period, or a digit-free parenthesised remark. */
function isSuffixQualifier(suffix: string): boolean {
  const word = suffix.trim();
  if (word === '') return true;
  if (word.length > 20 || !QUALIFIER_CHARS.test(word)) return false;
  if (SUFFIX_WORDS.has(word)) return true;
  if (/^\/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,4}$/u.test(word)) return true;
  return /^\([^()]{1,18}\)$/u.test(word);
}

/** A qualifier before the number: a known word, or words ending in `の`, a space or `:` (`希望者の`). */
function isPrefixQualifier(prefix: string): boolean {
  if (prefix === '') return true;
  const word = prefix.trim();
  if (word.length > 20) return false;
  if (PREFIX_WORDS.has(word)) return true;
  if (!QUALIFIER_CHARS.test(word.replace(/:$/u, ''))) return false;
  return /(?:の|:| )$/u.test(prefix);
}

/** `(H28年)`, `(2016年度)`, `(R5年度末時点)` at the end: the year the value belongs to. */
const YEAR_NOTE = /\s*\(([^()]{2,16})\)\s*$/u;

/** Splits off a trailing year note, when there is one. */
export function splitYearNote(text: string): { readonly rest: string; readonly year?: FiscalYear } {
  const match = YEAR_NOTE.exec(text);
  if (!match) return { rest: text };
  const year = parseFiscalYear(match[1]);
  return year === null ? { rest: text } : { rest: text.slice(0, match.index), year };
}

/** A decimal with optional thousands separators: `30,239`, `4.4`, `.5`. */
const DECIMAL = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/u;

/** Minus signs: ASCII, U+2212, and △/▲ (only directly before a digit, the caller checks). */
const SIGN = /^([-+−△▲])\s?(?=[\d.])/u;

/** Rounds away binary noise from scaling (0.873 × 100 → 87.3), keeping 15 significant digits. */
export function roundScaled(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  return Number(value.toPrecision(15));
}

interface ScaledNumber {
  readonly value: number;
  readonly end: number;
}

/** A number, maybe in parts with scale words: `1.2万`, `2億396万`, `2万5000`, `500千`, `3百万`. */
function readScaledNumber(text: string, from: number): ScaledNumber | null {
  let position = from;
  let total = 0;
  let scaled = false;
  let lastLarge = Infinity;
  for (;;) {
    const digits = DECIMAL.exec(text.slice(position));
    if (!digits) return null;
    const part = Number(digits[0].replace(/,/gu, ''));
    position += digits[0].length;
    // `1,930 千人`, `12.6 万人`: a space may stand between the number and its scale word.
    if (text.charAt(position) === ' ') {
      const after = text.charAt(position + 1);
      if (SMALL_SCALES[after] !== undefined || LARGE_SCALES[after] !== undefined) position += 1;
    }
    const small = SMALL_SCALES[text.charAt(position)];
    const smallFactor = small ?? 1;
    const afterSmall = position + (small === undefined ? 0 : 1);
    const large = LARGE_SCALES[text.charAt(afterSmall)];
    if (large !== undefined && large < lastLarge) {
      total += part * smallFactor * large;
      scaled = true;
      lastLarge = large;
      position = afterSmall + 1;
      // `2億396万円`: another part follows a large scale word only when a digit comes next.
      if (/\d/u.test(text.charAt(position))) continue;
      break;
    }
    if (small !== undefined && !(lastLarge < Infinity && /\d/u.test(text.charAt(afterSmall)))) {
      total += part * smallFactor;
      scaled = true;
      position = afterSmall;
      break;
    }
    total += part;
    break;
  }
  return { value: scaled ? roundScaled(total) : total, end: position };
}

/** The quantity a normalized text states, or null when it is not exactly a number with unit and words. */
export function parseQuantity(normalized: string): Quantity | null {
  const { rest, year } = splitYearNote(normalized);
  const text = rest.trim();
  const start = text.search(/[-+−△▲]\s?[\d.]|[\d.]/u);
  if (start < 0) return null;
  const prefix = text.slice(0, start);
  if (!isPrefixQualifier(prefix)) return null;

  let position = start;
  let sign = 1;
  const signMatch = SIGN.exec(text.slice(position));
  if (signMatch) {
    sign = signMatch[1] === '+' ? 1 : -1;
    position += signMatch[0].length;
  }
  const number = readScaledNumber(text, position);
  if (number === null) return null;
  position = number.end;

  while (text.charAt(position) === ' ') position += 1;
  const unit = unitAt(text, position);
  if (unit !== null) position += unit.word.length;
  const suffix = text.slice(position);
  if (!isSuffixQualifier(suffix)) return null;

  const value = sign * number.value;
  if (!Number.isFinite(value)) return null;
  const qualifier = [prefix.trim(), suffix.trim()].filter((word) => word !== '').join(' ');
  return {
    value: value === 0 ? 0 : value,
    unit: unit === null ? '' : unit.base,
    ...(qualifier === '' ? {} : { qualifier }),
    ...(year === undefined ? {} : { year }),
  };
}
