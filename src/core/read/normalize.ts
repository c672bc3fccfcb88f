/**
 * Text normalization before any rule reads a cell (EVALUATION.md section 1): NFKC for full-width digits,
 * letters, `％`, `，`, `（）` and spaces, except circled numbers (labels, not digits) and `㎡` (a unit that
 * NFKC would turn into `m2`). `※` footnote markers are stripped from the value and returned separately.
 */

/** Characters NFKC must not touch: ①…⑳, ㉑…㉟, ㊱…㊿, ㎡. */
const PROTECTED = /[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF\u33A1]/u;
const PROTECTED_GLOBAL = new RegExp(PROTECTED.source, 'gu');

/** C0/C1 controls become spaces; zero-width characters and BOM vanish. */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** `※`, `※1`, `※１`, `※①`, `※ 2`. */
const FOOTNOTE = /※\s*(?:[0-9０-９]+|[\u2460-\u2473])?/gu;

export interface NormalizedText {
  /** The value text: normalized, footnote markers removed, whitespace collapsed and trimmed. */
  readonly text: string;
  /** The footnote markers found (`※1`; full-width digits normalized), joined by a space. */
  readonly footnote?: string;
}

/** NFKC everywhere except on protected characters. */
export function nfkcProtected(text: string): string {
  // Most texts hold no protected character: skip the match loop.
  if (!PROTECTED.test(text)) return text.normalize('NFKC');
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PROTECTED_GLOBAL)) {
    const at = match.index ?? 0;
    out += text.slice(last, at).normalize('NFKC') + match[0];
    last = at + match[0].length;
  }
  return out + text.slice(last).normalize('NFKC');
}

/** Whitespace of any kind collapsed to one ASCII space, ends trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Strips `※` footnote markers, returning the rest and the markers. */
export function stripFootnotes(text: string): { readonly rest: string; readonly markers: readonly string[] } {
  const markers: string[] = [];
  const rest = text.replace(FOOTNOTE, (marker) => {
    markers.push(nfkcProtected(marker).replace(/\s+/gu, ''));
    return ' ';
  });
  return { rest, markers };
}

/** The normalized value text of a cell and the footnote markers it carried. */
export function normalizeCellText(raw: string): NormalizedText {
  const cleaned = raw.replace(ZERO_WIDTH, '').replace(CONTROL, ' ');
  const { rest, markers } = stripFootnotes(cleaned);
  const text = collapseSpaces(nfkcProtected(rest));
  return markers.length > 0 ? { text, footnote: markers.join(' ') } : { text };
}
