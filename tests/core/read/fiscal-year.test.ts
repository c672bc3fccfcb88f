/** Fiscal-year headers (EVALUATION.md section 2): 平成 n = 1988 + n, 令和 n = 2018 + n. */
import { formatFiscalYear, parseFiscalYear, parseYearHeader } from '../../../src/core/read';

describe('year forms', () => {
  it.each([
    ['H30', 2018],
    ['平成30年度', 2018],
    ['H31', 2019],
    ['H32', 2020],
    ['R元', 2019],
    ['令和元年度', 2019],
    ['R1', 2019],
    ['R2', 2020],
    ['令和2年度', 2020],
    ['R6', 2024],
    ['2020年度', 2020],
    ['FY2020', 2020],
    ['Ｒ２', 2020],
    ['H30年度', 2018],
    ['R5年度末', 2023],
    ['h30', 2018],
    ['令和2年度(2020年度)', 2020],
    ['2020年度 (R2)', 2020],
  ])('%j → %i, an actual', (header, year) => {
    expect(parseYearHeader(header)).toEqual({ year, role: 'actual' });
  });
});

describe('roles', () => {
  it.each([
    ['H30 (現状値)', 2018, 'baseline'],
    ['H30(現状値)', 2018, 'baseline'],
    ['H30（現状値）', 2018, 'baseline'],
    ['現状値 (H30年度)', 2018, 'baseline'],
    ['基準値 (H30)', 2018, 'baseline'],
    ['策定時 (H30年度)', 2018, 'baseline'],
    ['R6 (目標値)', 2024, 'target'],
    ['R6(目標値)', 2024, 'target'],
    ['目標値 (R6年度)', 2024, 'target'],
    ['【目標値（R1年度）】', 2019, 'target'],
    ['R6目標', 2024, 'target'],
    ['R3実績', 2021, 'actual'],
    ['R2\n(実績値)', 2020, 'actual'],
  ])('%j → %i %s', (header, year, role) => {
    expect(parseYearHeader(header)).toEqual({ year, role });
  });
});

describe('anything else is not a year header', () => {
  it.each([
    '',
    '基本目標',
    'KPI(重要業績評価指標)',
    '担当課',
    '目標値',
    '現状値',
    'R',
    'H',
    'R2R3',
    'R2 (2021年度)',
    'H30 30人',
    '30人',
    '令和',
    '1850年度',
    'FY20201',
    'R0',
    '<script>R2</script>',
    '🎌R2',
    'x'.repeat(10000),
  ])('%j', (header) => {
    expect(parseYearHeader(header)).toBeNull();
  });
});

describe('years written inside a cell', () => {
  it.each([
    ['H28年', 2016],
    ['R5年度', 2023],
    ['2016年', 2016],
  ])('%j → %i', (text, year) => expect(parseFiscalYear(text)).toBe(year));
});

describe('formatFiscalYear writes the year as the sheet does', () => {
  it.each([
    [2018, 'H30'],
    [2019, 'R元'],
    [2020, 'R2'],
    [2022, 'R4'],
    [2024, 'R6'],
    [1989, 'H元'],
    [1988, 'S63'],
  ])('%i → %j', (year, text) => expect(formatFiscalYear(year)).toBe(text));

  it('reads back what it writes', () => {
    for (let year = 1926; year <= 2100; year += 1) {
      expect(parseFiscalYear(formatFiscalYear(year))).toBe(year);
    }
  });
});
