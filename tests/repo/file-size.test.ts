/**
 * Rooms of one size: no TypeScript source file under src is longer than 450 lines. A file past that carries
 * several jobs; it is split into modules named for each (the layout reader, the Office.js apply and the
 * summary sheet were split this way).
 */
import { typeScriptUnder } from './sources';

export const MAX_LINES = 450;

/** Lines of a text as `wc -l` counts them on a file that ends with a newline (a last line without one counts too). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}

/** The files of `sources` (path → text) longer than `limit` lines, as `path: N lines`, longest first. */
export function oversized(sources: ReadonlyMap<string, string>, limit: number): string[] {
  return [...sources]
    .map(([file, text]) => ({ file, lines: lineCount(text) }))
    .filter((f) => f.lines > limit)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file))
    .map((f) => `${f.file}: ${f.lines} lines`);
}

describe('no source file under src is longer than 450 lines', () => {
  it('finds every TypeScript file under src within the limit', () => {
    const sources = typeScriptUnder('src');
    expect(sources.size).toBeGreaterThan(100);
    expect(sources.has('src/core/layout/read-sheet.ts')).toBe(true);
    expect(oversized(sources, MAX_LINES)).toEqual([]);
  });

  it('reports a file one line over the limit and passes one at it', () => {
    const lines = (n: number): string =>
      Array.from({ length: n }, (_, i) => `const a${i} = ${i};\n`).join('');
    const sources = new Map([
      ['src/core/at-limit.ts', lines(MAX_LINES)],
      ['src/excel/over.ts', lines(MAX_LINES + 1)],
      ['src/cli/far-over.ts', lines(900)],
    ]);
    expect(oversized(sources, MAX_LINES)).toEqual([
      'src/cli/far-over.ts: 900 lines',
      'src/excel/over.ts: 451 lines',
    ]);
  });

  it('counts lines as wc -l does, and a last line without a newline too', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\n\nb\n')).toBe(3);
  });
});
