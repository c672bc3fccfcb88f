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

function linesOf(line: string, usable: number, fontSize: number): number {
  return Math.max(1, Math.ceil((textUnits(line) * fontSize) / 11 / usable));
}

/** Lines the text takes when wrapped in a column `width` characters wide at `fontSize` points. */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  // No closure per call: the KPI sheet's row heights size every cell of every table row.
  const usable = Math.max(1, width - 1.5);
  if (text === '') return 1;
  if (!text.includes('\n')) return linesOf(text, usable, fontSize);
  let sum = 0;
  for (const line of text.split('\n')) sum += linesOf(line, usable, fontSize);
  return sum;
}

/**
 * Row height in points for a row holding that many lines of text, one line included: Excel's default row
 * (15 points, sized for Calibri) is lower than a line of LibreOffice's Japanese font (Noto Sans CJK at
 * 11 points needs about 17.5), so a row of text left at the default prints with its words cut at the
 * bottom edge.
 */
export function rowHeightFor(lines: number, fontSize = 11): number {
  return Math.ceil(Math.max(1, lines) * fontSize * 1.4 + 3);
}

/** The height of a row of one line of 11-point text (19 points). */
export const ONE_LINE_HEIGHT = rowHeightFor(1);

/**
 * wrappedLines with each text's width counted once per plan: a KPI sheet repeats its units, departments,
 * dashes and section names in thousands of cells, and the row heights size every one of them.
 */
export class TextMeasure {
  private readonly units = new Map<string, number>();

  lines(text: string, width: number, fontSize = 11): number {
    if (text.includes('\n')) return wrappedLines(text, width, fontSize);
    const usable = Math.max(1, width - 1.5);
    // No character is wider than two units: text that fits at that width is one line, counted or not.
    if (text.length * 2 * fontSize <= usable * 11) return 1;
    let units = this.units.get(text);
    if (units === undefined) {
      units = textUnits(text);
      this.units.set(text, units);
    }
    return Math.max(1, Math.ceil((units * fontSize) / 11 / usable));
  }
}
