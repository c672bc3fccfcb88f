/** The unit catalogue and number formats (EVALUATION.md section 1). */
import {
  BASE_UNITS,
  baseUnit,
  isDateTimeFormat,
  lookupUnit,
  readCell,
  sameUnitKind,
  unitFromNumberFormat,
} from '../../../src/core/read';

describe('the catalogue holds every unit the city writes', () => {
  it.each([
    '人',
    '件',
    '社',
    '個',
    '回',
    '区画',
    '組織',
    '事業',
    '施設',
    '部',
    '館',
    '校区',
    '箇所',
    '組',
    '台',
    '棟',
    '本',
    '点',
    '団体',
    '日',
    'ha',
    'm',
    '㎡',
    '%',
    '‰',
    '円',
    '地区',
  ])('%j is a base unit', (unit) => {
    expect(BASE_UNITS).toContain(unit);
    expect(lookupUnit(unit)).toEqual({ word: unit, base: unit });
  });

  it('does not know words that are not units', () => {
    expect(lookupUnit('年度')).toBeNull();
    expect(lookupUnit('apples')).toBeNull();
  });
});

describe('spellings of one unit are the same kind', () => {
  it.each([
    ['箇所', 'か所'],
    ['箇所', 'カ所'],
    ['か所', 'ヶ所'],
    ['人', '名'],
    ['㎡', 'm2'],
  ])('%j = %j', (a, b) => expect(sameUnitKind(a, b)).toBe(true));

  it.each([
    ['件', '回'],
    ['m', '㎡'],
    ['事業', '事業所'],
    ['%', '‰'],
  ])('%j ≠ %j', (a, b) => expect(sameUnitKind(a, b)).toBe(false));

  it('maps a spelling to its base', () => {
    expect(baseUnit('か所')).toBe('箇所');
    expect(baseUnit('')).toBe('');
  });
});

describe('the unit of a number format', () => {
  it.each([
    ['#,##0"人"', { unit: '人', percent: false, scale: 1 }],
    ['0.0%', { unit: '%', percent: true, scale: 1 }],
    ['0%', { unit: '%', percent: true, scale: 1 }],
    ['0"%"', { unit: '%', percent: false, scale: 1 }],
    ['#,##0"か所"', { unit: '箇所', percent: false, scale: 1 }],
    ['#,##0,"千円"', { unit: '円', percent: false, scale: 1 }],
    ['#,##0"千円"', { unit: '円', percent: false, scale: 1000 }],
    ['0.0"万人"', { unit: '人', percent: false, scale: 10000 }],
    ['#,##0\\人', { unit: '人', percent: false, scale: 1 }],
    ['#,##0人', { unit: '人', percent: false, scale: 1 }],
    ['#,##0_ "件"', { unit: '件', percent: false, scale: 1 }],
    ['General', { unit: '', percent: false, scale: 1 }],
    ['0.00', { unit: '', percent: false, scale: 1 }],
    ['#,##0"apples"', { unit: '', percent: false, scale: 1 }],
  ])('%j', (format, expected) => expect(unitFromNumberFormat(format)).toEqual(expected));
});

describe('date formats hold serial dates, not values', () => {
  it.each(['yyyy/m/d', 'ge.m.d', 'h:mm', '[$-ja-JP]ggge"年"m"月"d"日"'])('%j', (format) => {
    expect(isDateTimeFormat(format)).toBe(true);
    expect(readCell({ value: 45000, numberFormat: format, text: '2023/3/15' })).toMatchObject({
      kind: 'text',
      raw: '2023/3/15',
    });
  });

  it.each(['General', '0.00E+00', '#,##0"人"', '0.0%'])('%j is not a date', (format) => {
    expect(isDateTimeFormat(format)).toBe(false);
  });
});
