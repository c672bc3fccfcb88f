/**
 * The unit catalogue, in one place (EVALUATION.md section 1): every counter word and unit the city writes,
 * the spellings that mean the same unit (箇所 / か所 / カ所), and the scale words (千 / 万 / 億).
 * Readings carry the catalogue's base unit, so two cells compare without knowing how each was spelled.
 */
import { splitSections } from '../number-text';

export interface UnitEntry {
  /** The unit as it is written after normalization. */
  readonly word: string;
  /** The base unit readings carry. Spellings of the same unit share it. */
  readonly base: string;
}

/** Base units; each with the other spellings that mean it. */
const UNITS: readonly (readonly [base: string, ...aliases: string[]])[] = [
  ['人', '名'],
  ['件'],
  ['社'],
  ['個'],
  ['回'],
  ['区画'],
  ['組織'],
  ['事業'],
  ['事業所'],
  ['施設'],
  ['部'],
  ['館'],
  ['校区'],
  ['校'],
  ['園'],
  ['箇所', 'か所', 'カ所', 'ヶ所', 'ケ所', 'ヵ所', '個所', 'かしょ'],
  ['組'],
  ['台'],
  ['棟'],
  ['本'],
  ['点'],
  ['団体'],
  ['地区'],
  ['地域'],
  ['世帯'],
  ['戸'],
  ['冊'],
  ['枚'],
  ['頭'],
  ['匹'],
  ['店舗', '店'],
  ['企業'],
  ['品目'],
  ['品'],
  ['種類', '種'],
  ['講座'],
  ['教室'],
  ['路線'],
  ['便'],
  ['日'],
  ['時間'],
  ['ha', 'ヘクタール'],
  ['km', 'キロメートル'],
  ['m', 'メートル'],
  ['㎡', 'm2', 'm²', '平方メートル'],
  ['t', 'トン'],
  ['kg'],
  ['kWh'],
  ['%', 'パーセント'],
  ['‰', 'パーミル'],
  ['ポイント', 'pt'],
  ['円'],
];

const ENTRIES: readonly UnitEntry[] = UNITS.flatMap(([base, ...aliases]) =>
  [base, ...aliases].map((word) => ({ word, base })),
);

/** Longest spelling first, so `事業所` wins over `事業` and `km` over `m`. */
const BY_LENGTH: readonly UnitEntry[] = [...ENTRIES].sort((a, b) => b.word.length - a.word.length);

const BASE_OF_WORD: ReadonlyMap<string, string> = new Map(ENTRIES.map((entry) => [entry.word, entry.base]));

/** Every base unit of the catalogue. */
export const BASE_UNITS: readonly string[] = UNITS.map(([base]) => base);

/** The catalogue entry for a whole word, or null when the word is not a unit. */
export function lookupUnit(word: string): UnitEntry | null {
  const base = BASE_OF_WORD.get(word);
  return base === undefined ? null : { word, base };
}

/** The longest catalogue unit that `text` starts with at `from`, or null. */
export function unitAt(text: string, from: number): UnitEntry | null {
  for (const entry of BY_LENGTH) {
    if (text.startsWith(entry.word, from)) {
      // An ASCII unit must not run into more letters: `m` in `min` is not metres.
      const next = text.charAt(from + entry.word.length);
      if (/^[A-Za-z]/u.test(entry.word) && /[A-Za-z]/u.test(next)) continue;
      return entry;
    }
  }
  return null;
}

/**
 * Catalogue spellings that read as themselves whole (no NFKC change, no protected character): a text of
 * digits followed by one of them is read by readText's fast path. Built with unitAt, so both paths agree.
 */
const PLAIN_UNIT_BASES: ReadonlyMap<string, string> = new Map(
  ENTRIES.filter(
    ({ word }) =>
      word.normalize('NFKC') === word && /^[^\u2460-\u2473\u3251-\u325F\u32B1-\u32BF\u33A1]+$/u.test(word),
  )
    .map(({ word }) => [word, unitAt(word, 0)] as const)
    .filter((pair): pair is readonly [string, UnitEntry] => pair[1]?.word === pair[0])
    .map(([word, entry]) => [word, entry.base]),
);

/** The base unit of a spelling that readText's fast path may read, or undefined. */
export function plainUnitBase(word: string): string | undefined {
  return PLAIN_UNIT_BASES.get(word);
}

/** The base unit of any spelling ('' stays ''; an unknown word is its own base). */
export function baseUnit(unit: string): string {
  return BASE_OF_WORD.get(unit) ?? unit;
}

/** True when two units are the same kind: spellings of one catalogue unit. */
export function sameUnitKind(a: string, b: string): boolean {
  return baseUnit(a) === baseUnit(b);
}

/** Scale words written after a number: `1.2万人`, `2億396万円`, `500千円`, `3百万円`. */
export const LARGE_SCALES: Readonly<Record<string, number>> = { 万: 1e4, 億: 1e8, 兆: 1e12 };
export const SMALL_SCALES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export interface FormatUnit {
  /** Base unit ('' when the format names none). */
  readonly unit: string;
  /** True for a `%` format: the cell value is a fraction to show in percent points. */
  readonly percent: boolean;
  /** Multiply the cell value by this to get the base unit (a `千円` literal without a `,` scaling). */
  readonly scale: number;
}

/** Literal text of the first section of a number format: quoted strings, `\x` escapes and bare CJK. */
function formatLiterals(section: string): { readonly literal: string; readonly code: string } {
  let literal = '';
  let code = '';
  for (let i = 0; i < section.length; i += 1) {
    const c = section[i];
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal += section.slice(i + 1, stop);
      i = stop;
    } else if (c === '\\') {
      literal += section.charAt(i + 1);
      i += 1;
    } else if (c === '[') {
      const end = section.indexOf(']', i + 1);
      i = end < 0 ? section.length : end;
    } else if (c === '_' || c === '*') {
      i += 1;
    } else if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c)) {
      literal += c;
    } else {
      code += c;
    }
  }
  return { literal: literal.trim(), code };
}

/**
 * The unit a number format shows: `#,##0"人"` → 人, `0.0%` → %, `#,##0,"千円"` → 円 (the `,` already
 * divides the shown value by 1000, so the cell holds yen), `0.0"万人"` → 人 × 10000. 'General' and
 * formats without a unit give ''.
 */
export function unitFromNumberFormat(format: string | undefined): FormatUnit {
  const none: FormatUnit = { unit: '', percent: false, scale: 1 };
  if (format === undefined || format === '' || /^general$/iu.test(format) || format === '@') return none;
  const section = splitSections(format)[0] ?? '';
  const { literal, code } = formatLiterals(section);
  if (code.includes('%')) return { unit: '%', percent: true, scale: 1 };
  // Trailing commas after the last digit placeholder divide the shown value by 1000 each.
  const trailing = /[0#?]((?:,)+)(?:[^0#?]*)$/u.exec(code);
  const divided = trailing ? 1000 ** trailing[1].length : 1;
  const word = literal.replace(/\s+/gu, '');
  if (word === '') return none;
  const scaled = /^([十百千]?)([万億兆]?)(.*)$/u.exec(word);
  const small = scaled && scaled[1] !== '' ? SMALL_SCALES[scaled[1]] : 1;
  const large = scaled && scaled[2] !== '' ? LARGE_SCALES[scaled[2]] : 1;
  const rest = scaled ? scaled[3] : word;
  const entry = lookupUnit(rest);
  if (entry === null) return none;
  if (entry.base === '%') return { unit: '%', percent: false, scale: 1 };
  return { unit: entry.base, percent: false, scale: (small * large) / divided };
}

/** True for a date or time format (`yyyy/m/d`, `ge.m.d`, `h:mm`): its numbers are serial dates, not values. */
export function isDateTimeFormat(format: string | undefined): boolean {
  if (format === undefined || /^general$/iu.test(format)) return false;
  const { code } = formatLiterals(splitSections(format)[0] ?? '');
  return /[yYdDhHsSgGe]|m/u.test(code.replace(/E[+-]/gu, ''));
}
