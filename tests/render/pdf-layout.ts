/**
 * What is printed where on each page of a PDF, from `pdftotext -bbox-layout` (poppler): the word and line
 * boxes in points, and the measures a reader's eye checks (text size, overprinted lines).
 */
import { execFileSync } from 'node:child_process';

export interface Box {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface Word extends Box {
  readonly text: string;
}

export interface Line extends Box {
  readonly words: readonly Word[];
  readonly text: string;
}

export interface Page {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly Line[];
  readonly words: readonly Word[];
}

function attr(tag: string, name: string): number {
  return Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)?.[1] ?? NaN);
}

function boxOf(tag: string): Box {
  return {
    xMin: attr(tag, 'xMin'),
    yMin: attr(tag, 'yMin'),
    xMax: attr(tag, 'xMax'),
    yMax: attr(tag, 'yMax'),
  };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every page's lines and words. */
export function readPdfLayout(pdf: string): Page[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages: Page[] = [];
  for (const pageMatch of xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: Line[] = [];
    for (const lineMatch of pageMatch[2].matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...lineMatch[2].matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w): Word => ({
        ...boxOf(w[1]),
        text: unescapeXml(w[2]),
      }));
      lines.push({ ...boxOf(lineMatch[1]), words, text: words.map((w) => w.text).join(' ') });
    }
    pages.push({
      number: pages.length + 1,
      width: attr(pageMatch[1], 'width'),
      height: attr(pageMatch[1], 'height'),
      lines,
      words: lines.flatMap((l) => l.words),
    });
  }
  return pages;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median height of the page's word boxes, in points. */
export function medianWordHeight(page: Page): number {
  return median(page.words.map((w) => w.yMax - w.yMin));
}

/**
 * Pairs of boxes that overlap: text printed over other text. Two boxes overlap when they share more than
 * `slack` points across and more than `share` of the lower box's height down: the boxes of a wrapped cell's
 * consecutive lines share a few percent (the glyph box is taller than the line pitch), text printed over the
 * next row shares most of it.
 */
export function overlappingBoxes<T extends Box>(boxes: readonly T[], slack = 0.5, share = 0.25): [T, T][] {
  const out: [T, T][] = [];
  const sorted = [...boxes].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i];
      const b = sorted[j];
      if (b.yMin >= a.yMax - slack) break;
      const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const height = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (across > slack && down > Math.max(slack, share * height)) out.push([a, b]);
    }
  }
  return out;
}

/** Pairs of the page's lines printed over each other (overlappingBoxes). */
export function overlappingLines(page: Page, slack = 0.5, share = 0.25): [Line, Line][] {
  return overlappingBoxes(page.lines, slack, share);
}

/** The share of the page's height between its first and last line of body text (header and footer left out). */
export function usedHeightShare(page: Page, margin = 45): number {
  const body = page.lines.filter((l) => l.yMin > margin && l.yMax < page.height - margin);
  if (body.length === 0) return 0;
  const top = Math.min(...body.map((l) => l.yMin));
  const bottom = Math.max(...body.map((l) => l.yMax));
  return (bottom - top) / page.height;
}

/** The page's text with every space and line break removed: a wrapped cell reads as one string again. */
export function joinedText(page: Page): string {
  return page.lines
    .map((l) => l.text)
    .join('')
    .replace(/\s+/g, '');
}

/** `text` with widths normalised (NFKC) and every space and line break removed. */
export function normalized(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * The words' text as a reader reads it, top to bottom and left to right (words less than half a word's
 * height apart read as one line), normalised: a wrapped cell's lines read as one text again.
 */
export function wordsText(words: readonly Word[]): string {
  const rows: Word[][] = [];
  for (const word of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].yMin - word.yMin) < (word.yMax - word.yMin) / 2) row.push(word);
    else rows.push([word]);
  }
  return normalized(
    rows
      .map((row) =>
        [...row]
          .sort((a, b) => a.xMin - b.xMin)
          .map((w) => w.text)
          .join(''),
      )
      .join(''),
  );
}

/**
 * The text printed wholly inside a column band `left`..`right` (points), top to bottom: a wrapped cell's
 * lines read as one text again, and a word that runs over the band's edge (cut off or spilling into the
 * next column) is left out, so a text found here is whole and inside its column.
 */
export function columnText(page: Page, left: number, right: number): string {
  return wordsText(page.words.filter((w) => w.xMin >= left && w.xMax <= right));
}

/** Whether `text` prints whole inside the column band (spaces and widths normalised). */
export function printedWhole(page: Page, text: string, left: number, right: number): boolean {
  return columnText(page, left, right).includes(normalized(text));
}

/** Lines whose text is exactly `text` (spaces and widths normalised). */
export function linesReading(page: Page, text: string): Line[] {
  const wanted = normalized(text);
  return page.lines.filter((l) => normalized(l.text) === wanted);
}

export function centreX(box: Box): number {
  return (box.xMin + box.xMax) / 2;
}
