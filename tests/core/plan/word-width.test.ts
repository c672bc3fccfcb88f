import { flagWidths, FLAG_OFFSET, FLAG_WIDTHS } from '../../../src/core/plan/flags';
import { wrappedLines } from '../../../src/core/plan/text-size';
import { longestWordUnits, unbreakableWords, widthForWords } from '../../../src/core/plan/word-width';

describe('the words a wrapped line cannot break inside', () => {
  it('a number with its signs and Latin unit stays whole; a Japanese unit may start the next line', () => {
    expect(unbreakableWords('30,239人')).toEqual(['30,239', '人']);
    expect(unbreakableWords('△15人')).toEqual(['△15', '人']);
    expect(unbreakableWords('4.4ha')).toEqual(['4.4ha']);
    expect(unbreakableWords('16%')).toEqual(['16%']);
  });

  it('breaks beside every Japanese character, but keeps closing marks with the word before them', () => {
    expect(unbreakableWords('中3まで')).toEqual(['中', '3', 'ま', 'で']);
    expect(unbreakableWords('実績、目標。')).toEqual(['実', '績、', '目', '標。']);
    expect(unbreakableWords('リーダー')).toEqual(['リー', 'ダー']);
  });

  it('keeps an opening bracket with the word after it, and breaks at spaces', () => {
    expect(unbreakableWords('14人 (R6)')).toEqual(['14', '人', '(R6)']);
    expect(unbreakableWords('「ふるさと」')).toEqual(['「ふ', 'る', 'さ', 'と」']);
  });

  it('measures the widest word in Excel character units (full-width counts two)', () => {
    expect(longestWordUnits('浅口市産農林水産物')).toBe(2);
    expect(longestWordUnits('1,234,567,890円 (R6)')).toBe(13);
    expect(longestWordUnits('https://www.city.asakuchi.lg.jp/ を参照')).toBe(32);
    expect(longestWordUnits('')).toBe(0);
  });
});

describe('a wrapped column is as wide as its longest word', () => {
  it('keeps the base width when every word fits', () => {
    expect(widthForWords(['30,239人 (R6)', '4.4ha (R6)'], 13, 24)).toBe(13);
  });

  it('widens to the longest word, which then prints on one line', () => {
    const width = widthForWords(['1,234,567,890円 (R6)'], 13, 24);
    expect(width).toBe(15);
    expect(wrappedLines('1,234,567,890', width)).toBe(1);
    expect(wrappedLines('1,234,567,890', 13)).toBe(2);
  });

  it('stops at the widest it may be: a longer word breaks as long text does', () => {
    expect(widthForWords(['https://www.city.asakuchi.lg.jp/kurashi/kpi/index.html'], 30, 48)).toBe(48);
  });

  it('counts a smaller font: a 9-point word needs less width', () => {
    expect(widthForWords(['ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ'], 30, 48, 9)).toBe(31);
    expect(widthForWords(['ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ'], 30, 48)).toBe(38);
  });
});

describe('the flag columns the plan writes', () => {
  const rows = (latest: string, notes = ''): Map<number, readonly (string | number | null)[]> =>
    new Map([[10, [latest, null, null, '', 'X', '↑', notes]]]);
  const others = (widths: readonly number[]): number[] =>
    widths.filter((_, i) => i !== FLAG_OFFSET.latest && i !== FLAG_OFFSET.notes);

  it('are FLAG_WIDTHS for short values and notes', () => {
    expect(flagWidths(rows('4.4ha (R6)', '目標値なし'))).toEqual(FLAG_WIDTHS);
  });

  it('keep 最新値 at 13 for `98,000人 (R2)`, which may wrap between its words', () => {
    expect(flagWidths(rows('98,000人 (R2)'))).toEqual(FLAG_WIDTHS);
  });

  it('widen the 最新値 and 備考 columns to their longest word, nothing else', () => {
    const widths = flagWidths(
      rows(
        '1,234,567,890円 (R6)',
        '出典: https://www.city.asakuchi.lg.jp/soshiki/kikaku/tokei/kpi-2024.html',
      ),
    );
    expect(widths[FLAG_OFFSET.latest]).toBe(15);
    // 9-point notes: 62 characters need 62 × 9 / 11 + 1.5, so 53, capped at 48.
    expect(widths[FLAG_OFFSET.notes]).toBe(48);
    expect(others(widths)).toEqual(others(FLAG_WIDTHS));
  });
});
