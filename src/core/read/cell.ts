/**
 * One cell → one Reading (EVALUATION.md section 1). The rules run in a fixed order: missing marks,
 * abolished, presence words, age limits, numbers with units; anything else is text, kept verbatim.
 * Never throws, never yields NaN or Infinity.
 */
import type { CellValue } from '../types/grid';
import type { FiscalYear, Reading, TextReading } from '../types/reading';
import { isAbolished } from './abolished';
import { readAgeLimit } from './age';
import { isMissingMark } from './missing';
import { normalizeCellText, stripFootnotes } from './normalize';
import { parseQuantity, roundScaled } from './numbers';
import { PRESENCE_RANK, readPresenceLevel } from './presence';
import { isDateTimeFormat, plainUnitBase, unitFromNumberFormat } from './units';

export interface CellInput {
  /** The cell's value as the host gives it: a number for a numeric cell, '' for an empty one. */
  readonly value: CellValue;
  /** The display text, when the host has it (used for a numeric cell without a number format). */
  readonly text?: string;
  /** The number format ('General' where none). */
  readonly numberFormat?: string;
}

/** Longer texts are never a single value; reading them as text keeps every rule's cost bounded. */
const MAX_VALUE_LENGTH = 1000;

function textReading(raw: string, footnote?: string): TextReading {
  return { kind: 'text', value: null, unit: '', raw, ...(footnote === undefined ? {} : { footnote }) };
}

function withExtras<T extends object>(
  reading: T,
  extras: { readonly footnote?: string; readonly qualifier?: string; readonly year?: FiscalYear },
): T {
  return {
    ...reading,
    ...(extras.qualifier === undefined ? {} : { qualifier: extras.qualifier }),
    ...(extras.footnote === undefined ? {} : { footnote: extras.footnote }),
    ...(extras.year === undefined ? {} : { year: extras.year }),
  };
}

/** `30,239人`, `4.4ha`, `16%`, `12`: digits (thousands separators, a decimal part) and maybe one unit word. */
const PLAIN_QUANTITY = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\D*)$/u;

/**
 * Most value cells are a plain number with a unit, and the general rules (NFKC, a dozen patterns) cost
 * microseconds a cell: this reads them directly, with the same result, and leaves anything else to the rules.
 */
function readPlainQuantity(raw: string): Reading | null {
  const match = PLAIN_QUANTITY.exec(raw);
  if (!match) return null;
  const unit = match[3] === '' ? '' : plainUnitBase(match[3]);
  if (unit === undefined) return null;
  const value = Number(`${match[1].replace(/,/gu, '')}${match[2] ?? ''}`);
  if (!Number.isFinite(value)) return null;
  if (unit === '%') return { kind: 'percent', value, unit, raw };
  return { kind: 'number', value, unit, raw };
}

/** Reads a cell's text by the rules of EVALUATION.md section 1. */
export function readText(raw: string): Reading {
  if (raw.length > MAX_VALUE_LENGTH) return textReading(raw);
  const plain = readPlainQuantity(raw);
  if (plain) return plain;
  const { text, footnote } = normalizeCellText(raw);
  const extras = { footnote };

  if (isMissingMark(text)) {
    const mark = stripFootnotes(raw).rest.trim();
    return withExtras({ kind: 'missing', value: null, unit: '', raw, mark } as const, extras);
  }
  if (isAbolished(text))
    return withExtras({ kind: 'abolished', value: null, unit: '', raw } as const, extras);

  const level = readPresenceLevel(text);
  if (level !== null) {
    return withExtras(
      { kind: 'presence', value: PRESENCE_RANK[level], level, unit: '', raw } as const,
      extras,
    );
  }

  const age = readAgeLimit(text);
  if (age !== null) return withExtras({ kind: 'age', value: age, unit: '歳', raw } as const, extras);

  const quantity = parseQuantity(text);
  if (quantity !== null) {
    const all = { ...extras, qualifier: quantity.qualifier, year: quantity.year };
    if (quantity.unit === '%') {
      return withExtras({ kind: 'percent', value: quantity.value, unit: '%', raw } as const, all);
    }
    return withExtras({ kind: 'number', value: quantity.value, unit: quantity.unit, raw }, all);
  }
  return textReading(raw, footnote);
}

/**
 * A numeric cell keeps its number; its unit comes from the number format (`#,##0"人"`, `0.0%`), or,
 * when the format names none, from the display text's unit.
 */
export function readNumber(
  value: number,
  numberFormat: string | undefined,
  text: string | undefined,
): Reading {
  const raw = text !== undefined && text !== '' ? text : String(value);
  if (!Number.isFinite(value)) return textReading(raw);
  // A date in a value column is not a quantity: keep it as the text the user sees.
  if (isDateTimeFormat(numberFormat)) return textReading(raw);
  const format = unitFromNumberFormat(numberFormat);
  if (format.percent) {
    return { kind: 'percent', value: roundScaled(value * 100), unit: '%', raw };
  }
  if (format.unit === '%') return { kind: 'percent', value: value === 0 ? 0 : value, unit: '%', raw };
  if (format.unit !== '') {
    const scaled = format.scale === 1 ? value : roundScaled(value * format.scale);
    return { kind: 'number', value: scaled === 0 ? 0 : scaled, unit: format.unit, raw };
  }
  if (text !== undefined && text !== '') {
    const shown = readText(text);
    if (shown.kind === 'percent') {
      // Excel shows 0.16 as `16%`; a value already in points (format `0"%"`) shows as itself.
      const points = shown.value === value ? value : roundScaled(value * 100);
      return { kind: 'percent', value: points === 0 ? 0 : points, unit: '%', raw };
    }
    if (shown.kind === 'number' && shown.unit !== '') {
      return { kind: 'number', value: value === 0 ? 0 : value, unit: shown.unit, raw };
    }
  }
  return { kind: 'number', value: value === 0 ? 0 : value, unit: '', raw };
}

/** A TRUE/FALSE cell (a checkbox) states presence: TRUE → 有, FALSE → 無. */
function readBoolean(value: boolean, text: string | undefined): Reading {
  const raw = text !== undefined && text !== '' ? text : value ? 'TRUE' : 'FALSE';
  const level = value ? 'present' : 'none';
  return { kind: 'presence', value: PRESENCE_RANK[level], level, unit: '', raw };
}

/** Reads one cell. Never throws: anything unexpected becomes a text reading. */
export function readCell(input: CellInput): Reading {
  try {
    const { value } = input;
    if (typeof value === 'number') return readNumber(value, input.numberFormat, input.text);
    if (typeof value === 'boolean') return readBoolean(value, input.text);
    if (typeof value === 'string') return readText(value);
    return textReading(String(value));
  } catch {
    return textReading(safeString(input));
  }
}

function safeString(input: CellInput): string {
  try {
    return String(input.value);
  } catch {
    return '';
  }
}
