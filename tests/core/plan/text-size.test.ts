import { TextMeasure, wrappedLines } from '../../../src/core/plan/text-size';

describe('TextMeasure: the lines wrapped text takes, each text counted once', () => {
  const texts = [
    '',
    '—',
    '14人 (R6)',
    '30,239人',
    '−999%未満',
    'ﾊﾝｶｸｶﾅ',
    '雇用奨励助成を活用した就業者数 (年間)',
    '浅口市産農林水産物を原材料とした「あさくちブランド」商品数 (累計)',
    'R5の値で評価 / 按分目標 R6: 118 / 目標値が基準値を下回るため、方向 (↑/↓) を確認してください',
    '二行の\n備考',
    'abc𠮷def',
  ];
  it.each([4, 8, 8.43, 11, 16, 24, 44])('agrees with wrappedLines at width %s, at 11 and 9 pt', (width) => {
    const measure = new TextMeasure();
    for (const fontSize of [11, 9]) {
      for (const text of [...texts, ...texts]) {
        expect([text, measure.lines(text, width, fontSize)]).toEqual([
          text,
          wrappedLines(text, width, fontSize),
        ]);
      }
    }
  });
});
