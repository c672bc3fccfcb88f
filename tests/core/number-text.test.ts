/**
 * The one display-number formatter (xlsx host, demo host, Office.js fake): the number formats found in
 * cities' KPI tables, with the text Excel shows for them; formats it cannot render exactly are refused
 * by renderNumber (the fake then fails) and shown as General by formatNumber.
 */
import { formatNumber, renderNumber } from '../../src/core/number-text';

describe('the cities’ number formats render as Excel shows them', () => {
  test.each([
    [1159, 'General', '1159'],
    [1.27, 'General', '1.27'],
    [0.1 + 0.2, 'General', '0.3'],
    [30239, '#,##0"人"', '30,239人'],
    [2016, '#,##0"件"', '2,016件'],
    [3, '0"館"', '3館'],
    [4.4, '#,##0.0"ha"', '4.4ha'],
    [1234, '"約"#,##0"人"', '約1,234人'],
    [59, '"△"#,##0', '△59'],
    [-59, '"△"#,##0', '-△59'],
    [-59, '#,##0"人";"△"#,##0"人"', '△59人'],
    [-1200, '#,##0;"△"#,##0', '△1,200'],
    [0, '#,##0;"△"#,##0;"-"', '-'],
    [-5, '#,##0;[Red]-#,##0', '-5'],
    [-5, '#,##0;[赤]\\-#,##0', '-5'],
    [1234.5, '[Red]#,##0.0', '1,234.5'],
    [0.359, '0.0%', '35.9%'],
    [0.873, '0.0%', '87.3%'],
    [-0.05, '0.0%', '-5.0%'],
    [1, '0%', '100%'],
    [0.16, '0%', '16%'],
    [12.5, '0.0"%"', '12.5%'],
    [12000, '#,##0', '12,000'],
    [1234.567, '#,##0.00', '1,234.57'],
    [30239, '#,##0,"千人"', '30千人'],
    [7, '00', '07'],
    [0.5, '#.0', '.5'],
    [1500, '[$¥-411]#,##0', '¥1,500'],
    [1500, '\\¥#,##0', '¥1,500'],
  ])('%p as %s is %s', (value, format, text) => {
    expect(renderNumber(value, format)).toBe(text);
    expect(formatNumber(value, format)).toBe(text);
  });
});

describe('what the formatter cannot render exactly it refuses; the hosts show General or leave padding out', () => {
  test.each([
    [45383, 'yyyy/m/d', '45383'],
    [45383, '[$-ja-JP]ggge"年"m"月"d"日"', '45383'],
    [0.5, 'h:mm', '0.5'],
    [0.5, '# ?/?', '0.5'],
    [12345, '0.00E+00', '12345'],
    [5, '[<0]"△"0;0', '5'],
    [5, '[DBNum1]0', '5'],
    [5, '#,##0_);(#,##0)', '5'],
    [1234, '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ', ' 1,234 '.trim()],
  ])('%p as %s', (value, format, lenient) => {
    expect(renderNumber(value, format)).toBeNull();
    expect(formatNumber(value, format).trim()).toBe(lenient);
  });
});
