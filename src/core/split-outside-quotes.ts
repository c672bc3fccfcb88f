/**
 * `text` split at each `separator` that stands outside quotes: a number format's sections (`;` outside
 * `"…"`), a list of sheet references (`,` outside a quoted sheet name `'…'`). A doubled quote (`''`)
 * closes and opens again, so it stays inside.
 */
export function splitOutsideQuotes(text: string, separator: string, quote: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === quote) quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
