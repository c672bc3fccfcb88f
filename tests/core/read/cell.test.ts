/** readCell: one cell → one Reading (EVALUATION.md section 1). */
import { readCell } from '../../../src/core/read';
import type { Reading } from '../../../src/core/types';
import { SEED_VALUES, abolished, age, missing, num, pct, presence, text, type Expected } from './seed-values';

const read = (value: string): Reading => readCell({ value });

/** The fields a reading must match; optional fields absent from `expected` must be absent. */
function expectReading(reading: Reading, expected: Expected): void {
  expect(reading).toMatchObject(expected);
  if (expected.qualifier === undefined) expect(reading.qualifier).toBeUndefined();
  if (expected.year === undefined) expect('year' in reading ? reading.year : undefined).toBeUndefined();
}

describe('every distinct value text of both seeds', () => {
  it.each(SEED_VALUES)('%j', (cellText, expected) => {
    const reading = read(cellText);
    expectReading(reading, expected);
    expect(reading.raw).toBe(cellText);
  });

  it('lists each text once', () => {
    const texts = SEED_VALUES.map(([cellText]) => cellText);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('normalization: NFKC, but circled numbers and ※ footnotes are protected', () => {
  it.each([
    ['１２件', num(12, '件')],
    ['３０，２３９人', num(30239, '人')],
    ['１６％', pct(16)],
    ['　30,239人　', num(30239, '人')],
    ['4.4ｈａ', num(4.4, 'ha')],
  ])('%j', (cellText, expected) => expectReading(read(cellText), expected));

  it('strips a footnote marker from the value and keeps it', () => {
    expect(read('8,935人※2')).toMatchObject({ kind: 'number', value: 8935, unit: '人', footnote: '※2' });
    expect(read('8,935人※２')).toMatchObject({ value: 8935, footnote: '※2' });
    expect(read('—※1')).toMatchObject({ kind: 'missing', mark: '—', footnote: '※1' });
  });

  it('does not read a circled number as a digit', () => {
    expect(read('①')).toMatchObject(text());
    expect(read('②5人')).toMatchObject(text());
  });

  it('keeps ㎡ a unit rather than NFKC m2', () => {
    expect(read('1,200㎡')).toMatchObject(num(1200, '㎡'));
    expect(read('1,200m2')).toMatchObject(num(1200, '㎡'));
  });
});

describe('negative numbers: △ ▲ - − are minus only when a digit follows', () => {
  it.each([
    ['△15人', num(-15, '人')],
    ['▲15人', num(-15, '人')],
    ['-15人', num(-15, '人')],
    ['−15人', num(-15, '人')],
    ['－15人', num(-15, '人')],
    ['△ 15人', num(-15, '人')],
    ['+5人', num(5, '人')],
  ])('%j', (cellText, expected) => expectReading(read(cellText), expected));

  it('reads a △ with no digit after it as text', () => {
    expect(read('△')).toMatchObject(text());
    expect(read('△人')).toMatchObject(text());
  });
});

describe('percents and qualifiers', () => {
  it.each([
    ['16%', pct(16)],
    ['希望者の100%', pct(100, { qualifier: '希望者の' })],
    ['30%以上', pct(30, { qualifier: '以上' })],
    ['延べ 6', num(6, '', { qualifier: '延べ' })],
    ['延べ6人', num(6, '人', { qualifier: '延べ' })],
    ['約5人', num(5, '人', { qualifier: '約' })],
    ['1.4人/年', num(1.4, '人', { qualifier: '/年' })],
    ['5人 (見込み)', num(5, '人', { qualifier: '(見込み)' })],
  ])('%j', (cellText, expected) => expectReading(read(cellText), expected));

  it('reads ‰ as a number in ‰, not a percent', () => {
    expect(read('2.5‰')).toMatchObject(num(2.5, '‰'));
  });
});

describe('a year written in the cell overrides its column', () => {
  it.each([
    ['9,174人 (H28年)', num(9174, '人', { year: 2016 })],
    ['9,174人（H28年）', num(9174, '人', { year: 2016 })],
    ['120件 (R5年度)', num(120, '件', { year: 2023 })],
    ['16% (2021年度)', pct(16, { year: 2021 })],
  ])('%j', (cellText, expected) => expectReading(read(cellText), expected));
});

describe('scale words 千 / 万 / 億 scale to the base unit', () => {
  it.each([
    ['1.2万人', num(12000, '人')],
    ['2億396万円', num(203960000, '円')],
    ['2万5000人', num(25000, '人')],
    ['500千円', num(500000, '円')],
    ['3百万円', num(3000000, '円')],
    ['1.5千人', num(1500, '人')],
  ])('%j', (cellText, expected) => expectReading(read(cellText), expected));
});

describe('thousands separators', () => {
  it('reads only well-formed groups as one number', () => {
    expect(read('1,159m')).toMatchObject(num(1159, 'm'));
    expect(read('1,234,567円')).toMatchObject(num(1234567, '円'));
    expect(read('1,2件')).toMatchObject(text());
  });
});

describe('units: spellings of one unit read as its base', () => {
  it.each([
    ['2箇所', num(2, '箇所')],
    ['2か所', num(2, '箇所')],
    ['2カ所', num(2, '箇所')],
    ['2ヶ所', num(2, '箇所')],
    ['5名', num(5, '人')],
    ['3事業所', num(3, '事業所')],
    ['12km', num(12, 'km')],
  ])('%j', (cellText, expected) => expectReading(read(cellText), expected));
});

describe('age limits, ordered by age', () => {
  it.each([
    ['小6まで', age(12)],
    ['中3まで', age(15)],
    ['高3まで', age(18)],
    ['満18歳まで', age(18)],
    ['18歳年度末まで', age(18)],
    ['中学3年生まで', age(15)],
    ['中学校3年生まで', age(15)],
    ['小学6年生まで', age(12)],
    ['18歳到達年度末まで', age(18)],
  ])('%j', (cellText, expected) => expectReading(read(cellText), expected));

  it('does not read an impossible grade', () => {
    expect(read('中7まで')).toMatchObject(text());
  });
});

describe('presence words', () => {
  it.each([
    ['有', presence('present', 2)],
    ['あり', presence('present', 2)],
    ['実施', presence('present', 2)],
    ['設置', presence('present', 2)],
    ['設置済み', presence('present', 2)],
    ['策定済み', presence('present', 2)],
    ['継続', presence('present', 2)],
    ['拡充', presence('expanded', 3)],
    ['不育のみ有', presence('partial', 1)],
    ['一部', presence('partial', 1)],
    ['無', presence('none', 0)],
    ['なし', presence('none', 0)],
    ['未実施', presence('none', 0)],
  ])('%j', (cellText, expected) => expectReading(read(cellText), expected));
});

describe('missing marks keep which mark it was', () => {
  it.each(['—', '－', '-', '―', '‐', '−', 'ー', '…', '', '  ', '--', '―――'])('%j', (mark) => {
    expect(read(mark)).toMatchObject(missing(mark.trim()));
  });
});

describe('abolished', () => {
  it.each(['廃止', '事業終了', '中止', ' 廃止 '])('%j', (cellText) => {
    expect(read(cellText)).toMatchObject(abolished());
  });
});

describe('anything else is text, never a guessed number', () => {
  it.each([
    '383件 52回',
    'R6',
    'H28年',
    'FY2020',
    '第3次',
    '小6',
    '2020年度',
    '<b>5人</b>',
    '5 apples',
    '集計中',
    '👍',
    'a'.repeat(5000),
    '1'.repeat(2000),
  ])('%j', (cellText) => {
    const reading = read(cellText);
    expect(reading.kind).toBe('text');
    expect(reading.raw).toBe(cellText);
  });

  it('reads control characters as spaces, not as part of a value', () => {
    expect(read('5人\u0007')).toMatchObject(num(5, '人'));
  });
});

describe('numeric cells keep their number; the unit comes from the number format', () => {
  it.each([
    [30239, '#,##0"人"', num(30239, '人')],
    [0.16, '0%', pct(16)],
    [0.873, '0.0%', pct(87.3)],
    [1.27, 'General', num(1.27, '')],
    [1.27, undefined, num(1.27, '')],
    [-15, '#,##0"人";"△"#,##0"人"', num(-15, '人')],
    [12, '0"か所"', num(12, '箇所')],
    [1234567, '#,##0,"千円"', num(1234567, '円')],
    [1234, '#,##0"千円"', num(1234000, '円')],
    [16, '0"%"', pct(16)],
    [3, '[$-411]0"件"', num(3, '件')],
    [5, '0"個"_);[Red](0"個")', num(5, '個')],
  ])('%j with %j', (value, numberFormat, expected) => {
    expectReading(readCell({ value, numberFormat }), expected);
  });

  it('takes the unit from the display text when the format names none', () => {
    expect(readCell({ value: 30239, text: '30,239人' })).toMatchObject(num(30239, '人'));
    expect(readCell({ value: 0.16, text: '16%' })).toMatchObject(pct(16));
  });

  it('reads NaN and Infinity as text, never as a number', () => {
    expect(readCell({ value: Number.NaN })).toMatchObject(text());
    expect(readCell({ value: Number.POSITIVE_INFINITY })).toMatchObject(text());
  });

  it('reads a TRUE / FALSE cell as presence', () => {
    expect(readCell({ value: true })).toMatchObject(presence('present', 2));
    expect(readCell({ value: false })).toMatchObject(presence('none', 0));
  });
});
