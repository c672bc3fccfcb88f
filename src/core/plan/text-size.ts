/** Rough size of text in a cell, for row heights: neither Excel nor LibreOffice fits them on open. */

/** Width in Excel's character units (a full-width character counts two). */
export function textUnits(text: string): number {
  let units = 0;
  // By index, not for…of: the summary sheet sizes thousands of texts, and the iterator made that slow.
  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i += 1;
    const halfWidthKana = code >= 0xff61 && code <= 0xff9f;
    units += code > 0xff && !halfWidthKana ? 2 : 1;
  }
  return units;
}

/** Lines the text takes when wrapped in a column `width` characters wide at `fontSize` points. */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(1, width - 1.5);
  const linesOf = (line: string): number =>
    Math.max(1, Math.ceil((textUnits(line) * fontSize) / 11 / usable));
  if (!text.includes('\n')) return linesOf(text);
  return text.split('\n').reduce((sum, line) => sum + linesOf(line), 0);
}

/** Row height in points for that many lines. */
export function rowHeightFor(lines: number, fontSize = 11): number {
  return Math.ceil(lines * fontSize * 1.4 + 3);
}
