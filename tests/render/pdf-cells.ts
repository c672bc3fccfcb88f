/**
 * The cells of a printed sheet as the PDF draws them: the border lines LibreOffice strokes between cells
 * (read from `pdftocairo -svg`), and for each word of `pdftotext -bbox-layout` the box those lines close
 * around it. A word is cut when its box crosses a drawn line; a cell's text is clipped when its box holds
 * fewer characters than the cell.
 */
import { execFileSync } from 'node:child_process';
import { overlappingBoxes, wordsText, type Box, type Page, type Word } from './pdf-layout';

/** A stroked line of the page, in the points of pdftotext's boxes (origin top left). */
export interface Rule {
  readonly vertical: boolean;
  /** Its x (vertical) or y (horizontal). */
  readonly at: number;
  /** Where it runs: y from..to (vertical) or x from..to (horizontal). */
  readonly from: number;
  readonly to: number;
}

const STROKE =
  /<path style="fill:none;[^"]*stroke:[^"]*" d="M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) "(?: transform="matrix\(([^)]*)\)")?\s*\/>/g;

/** Every page's straight stroked lines (cell borders), in page order. */
export function readRules(pdf: string): Rule[][] {
  const svg = execFileSync('pdftocairo', ['-svg', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return [...svg.matchAll(/<page>([\s\S]*?)<\/page>/g)].map(([, page]) => {
    const rules: Rule[] = [];
    for (const m of page.matchAll(STROKE)) {
      const [a, b, c, d, e, f] = m[5] ? m[5].split(',').map(Number) : [1, 0, 0, 1, 0, 0];
      const x1 = a * Number(m[1]) + c * Number(m[2]) + e;
      const y1 = b * Number(m[1]) + d * Number(m[2]) + f;
      const x2 = a * Number(m[3]) + c * Number(m[4]) + e;
      const y2 = b * Number(m[3]) + d * Number(m[4]) + f;
      if (Math.abs(x1 - x2) < 0.5) {
        rules.push({ vertical: true, at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
      } else if (Math.abs(y1 - y2) < 0.5) {
        rules.push({ vertical: false, at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
      }
    }
    return rules;
  });
}

function centre(box: Box): { x: number; y: number } {
  return { x: (box.xMin + box.xMax) / 2, y: (box.yMin + box.yMax) / 2 };
}

/**
 * Words whose box a cell border runs through: past its column's edge (a vertical line) or over its row's
 * (a horizontal one). `slack` points of the box may touch a line: glyph boxes include a little bearing.
 */
export function wordsOverRules(page: Page, rules: readonly Rule[], slack = 0.6): Word[] {
  return page.words.filter((w) => {
    const c = centre(w);
    return rules.some((r) =>
      r.vertical
        ? r.from <= c.y && c.y <= r.to && r.at > w.xMin + slack && r.at < w.xMax - slack
        : r.from <= c.x && c.x <= r.to && r.at > w.yMin + slack && r.at < w.yMax - slack,
    );
  });
}

/** Pairs of the page's words printed over each other (overlappingBoxes). */
export function overlappingWords(page: Page, slack = 0.5, share = 0.25): [Word, Word][] {
  return overlappingBoxes(page.words, slack, share);
}

/**
 * The text of each box the page's lines close around its words, top to bottom and left to right: a
 * wrapped cell's lines read as its text again. A box without lines on a side runs to the page's edge.
 */
export function boxTexts(page: Page, rules: readonly Rule[]): string[] {
  const boxes = new Map<string, Word[]>();
  for (const w of page.words) {
    const c = centre(w);
    let left = 0;
    let right = page.width;
    let top = 0;
    let bottom = page.height;
    for (const r of rules) {
      if (r.vertical && r.from <= c.y && c.y <= r.to) {
        if (r.at <= c.x) left = Math.max(left, r.at);
        else right = Math.min(right, r.at);
      } else if (!r.vertical && r.from <= c.x && c.x <= r.to) {
        if (r.at <= c.y) top = Math.max(top, r.at);
        else bottom = Math.min(bottom, r.at);
      }
    }
    const key = [left, top, right, bottom].map((v) => v.toFixed(1)).join(',');
    boxes.set(key, [...(boxes.get(key) ?? []), w]);
  }
  return [...boxes.values()].map(wordsText);
}

/** A printed workbook's pages with each page's cell borders, as the render tests read them. */
export interface PrintedPages {
  readonly pages: readonly Page[];
  /** Each page's cell borders, in page order. */
  readonly rules: readonly (readonly Rule[])[];
}

function onPages(printed: PrintedPages, check: (page: Page, rules: readonly Rule[]) => string[]): string[] {
  return printed.pages.flatMap((page, i) =>
    check(page, printed.rules[i] ?? []).map((s) => `p${page.number}: ${s}`),
  );
}

/**
 * Every word a cell border runs through, as `p3: 「word」`: across its column's edge (`column`, the vertical
 * borders) or its row's top or bottom (`row`, the horizontal ones).
 */
export function wordsAcrossEdges(printed: PrintedPages, edge: 'column' | 'row'): string[] {
  return onPages(printed, (page, rules) =>
    wordsOverRules(
      page,
      rules.filter((r) => r.vertical === (edge === 'column')),
    ).map((w) => `「${w.text}」`),
  );
}

/** Every pair of words printed over each other, as `p3: 「a」/「b」`. */
export function wordsOverOthers(printed: PrintedPages): string[] {
  return onPages(printed, (page) => overlappingWords(page).map(([a, b]) => `「${a.text}」/「${b.text}」`));
}
