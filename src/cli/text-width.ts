/**
 * Terminal column widths: East Asian wide and full-width characters (漢字, かな, ＡＢＣ) take two columns.
 * Ambiguous-width ones (↗ △ ① —) count as one, as Windows Terminal and most others draw them by default.
 */

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

export function displayWidth(text: string): number {
  let width = 0;
  // By index, not for…of: a report of 10,000 rows measures every cell, and the iterator made that slow.
  for (let i = 0; i < text.length; i += 1) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i += 1;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** Cut to at most `width` columns, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

export type Align = 'left' | 'right';

export function pad(text: string, width: number, align: Align = 'left'): string {
  return padMeasured(text, displayWidth(text), width, align);
}

/** pad for a text whose display width is known. */
function padMeasured(text: string, textWidth: number, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth));
  return align === 'left' ? text + fill : fill + text;
}

export interface Column {
  readonly header: string;
  readonly align?: Align;
  /** Cells wider than this are cut with `…`. */
  readonly max?: number;
}

/** Rows under a header, each column as wide as its widest cell. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => row.map((cell, i) => truncate(cell, columns[i].max ?? Infinity)));
  // Each cell measured once: the widths and the padding both need it.
  const cellWidths = cells.map((row) => row.map(displayWidth));
  const headers = columns.map((c) => c.header);
  const headerWidths = headers.map(displayWidth);
  const widths = columns.map((_, i) =>
    cellWidths.reduce((max, row) => Math.max(max, row[i] ?? 0), headerWidths[i]),
  );
  const line = (row: readonly string[], rowWidths: readonly number[]) =>
    row
      .map((cell, i) => padMeasured(cell, rowWidths[i], widths[i], columns[i].align))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers, headerWidths), rule, ...cells.map((row, r) => line(row, cellWidths[r]))].join('\n');
}
