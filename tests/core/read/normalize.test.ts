/** normalizeCellText: the first step of every cell rule (EVALUATION.md section 1). */
import { normalizeCellText } from '../../../src/core/read';

describe('NFKC for full-width forms', () => {
  it.each([
    ['１２件', '12件'],
    ['３０，２３９人', '30,239人'],
    ['１６％', '16%'],
    ['（H28年）', '(H28年)'],
    ['　延べ　６　', '延べ 6'],
    ['ｶ所', 'カ所'],
  ])('%j → %j', (raw, text) => expect(normalizeCellText(raw)).toEqual({ text }));
});

describe('protected characters', () => {
  it('keeps circled numbers, which are labels', () => {
    expect(normalizeCellText('① 産業の担い手育成').text).toBe('① 産業の担い手育成');
    expect(normalizeCellText('⑳').text).toBe('⑳');
  });

  it('keeps ㎡ rather than writing m2', () => {
    expect(normalizeCellText('12㎡').text).toBe('12㎡');
  });
});

describe('footnote markers are stripped from the value and kept', () => {
  it.each([
    ['8,935人※2', '8,935人', '※2'],
    ['市内民営事業所従業者数※1', '市内民営事業所従業者数', '※1'],
    ['10人※１', '10人', '※1'],
    ['※ 3 12件', '12件', '※3'],
    ['5件※1※2', '5件', '※1 ※2'],
  ])('%j', (raw, text, footnote) => expect(normalizeCellText(raw)).toEqual({ text, footnote }));
});

describe('control and zero-width characters', () => {
  it('turns controls into spaces and drops zero-width characters', () => {
    expect(normalizeCellText('5\u0000人').text).toBe('5 人');
    expect(normalizeCellText('5\u200b人\ufeff').text).toBe('5人');
    expect(normalizeCellText('\t30,239人\r\n').text).toBe('30,239人');
  });
});
