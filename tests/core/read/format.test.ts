/** formatReading writes a reading as the sheet does (for 最新値 and notes). */
import { formatReading, readCell } from '../../../src/core/read';

const written = (value: string): string => formatReading(readCell({ value }));

describe('numbers and percents as the city writes them', () => {
  it.each([
    ['30,239人', '30,239人'],
    ['30239人', '30,239人'],
    ['△15人', '△15人'],
    ['-15人', '△15人'],
    ['4.4ha', '4.4ha'],
    ['16%', '16%'],
    ['希望者の100%', '希望者の100%'],
    ['30%以上', '30%以上'],
    ['延べ 6', '延べ 6'],
    ['1.4人/年', '1.4人/年'],
    ['1.2万人', '12,000人'],
    ['１２件', '12件'],
    ['9,174人 (H28年)', '9,174人'],
    ['1.27', '1.27'],
  ])('%j → %j', (cellText, text) => expect(written(cellText)).toBe(text));

  it('writes a numeric cell with its unit', () => {
    expect(formatReading(readCell({ value: 30239, numberFormat: '#,##0"人"' }))).toBe('30,239人');
    expect(formatReading(readCell({ value: 0.873, numberFormat: '0.0%' }))).toBe('87.3%');
  });

  it('writes very large and very small numbers without exponent notation', () => {
    expect(formatReading({ kind: 'number', value: 1e21, unit: '円', raw: '' })).toBe(
      '1,000,000,000,000,000,000,000円',
    );
    expect(formatReading({ kind: 'number', value: 1e-7, unit: '', raw: '' })).toBe('0.0000001');
  });
});

describe('other readings keep what the city wrote', () => {
  it.each([
    ['中3まで', '中3まで'],
    ['小6まで', '小6まで'],
    ['満18歳まで', '満18歳まで'],
    ['不育のみ有', '不育のみ有'],
    ['廃止', '廃止'],
    ['—', '—'],
    ['', ''],
    ['383件 52回', '383件 52回'],
  ])('%j → %j', (cellText, text) => expect(written(cellText)).toBe(text));
});
