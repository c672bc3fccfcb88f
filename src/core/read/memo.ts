/**
 * A cache in front of readCell for one sheet read. A KPI sheet repeats its cell texts a great deal (units,
 * 廃止, －, the same counts year after year) and reading one costs microseconds (NFKC, a dozen patterns), so
 * each distinct input is read once. Readings are immutable, so cells with equal inputs share one.
 * The caller keeps the reader for one sheet read: the cache lives and dies with it.
 */
import type { Reading } from '../types/reading';
import { readCell, type CellInput } from './cell';

export interface CellReader {
  /** readCell, cached. */
  readonly cell: (input: CellInput) => Reading;
  /** readCell of a text cell (`{ value: text }`), cached; no input object is built for a known text. */
  readonly text: (text: string) => Reading;
}

/** readCell's result for a number or boolean depends on all three inputs (a text cell's on its value alone). */
function cacheKey(input: CellInput): string {
  return [typeof input.value, String(input.value), optional(input.text), optional(input.numberFormat)].join(
    '\u0000',
  );
}

function optional(text: string | undefined): string {
  return text === undefined ? '\u0001' : `=${text}`;
}

/** A readCell that reads each distinct input once. */
export function cachedCellReader(): CellReader {
  // Text cells, the most, are keyed by their text as it is (no key string to build).
  const byText = new Map<string, Reading>();
  const byKey = new Map<string, Reading>();
  const text = (value: string): Reading => {
    let reading = byText.get(value);
    if (reading === undefined) {
      reading = readCell({ value });
      byText.set(value, reading);
    }
    return reading;
  };
  const cell = (input: CellInput): Reading => {
    if (typeof input.value === 'string') return text(input.value);
    const key = cacheKey(input);
    let reading = byKey.get(key);
    if (reading === undefined) {
      reading = readCell(input);
      byKey.set(key, reading);
    }
    return reading;
  };
  return { cell, text };
}
