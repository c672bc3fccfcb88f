/**
 * Display text of a number under an Excel number format: the one formatter of the add-in, used by the xlsx
 * host (ExcelJS's `cell.text` does not apply number formats, while Office.js's `range.text` does), the demo
 * host and the Office.js fake in the tests.
 *
 * It renders the formats a KPI sheet uses: General, digit placeholders (`0`, `#`, `0.0`, `00`), thousands
 * separators and scaling (`#,##0`, `#,##0,`), percent (`0.0%`), literals (`#,##0"人"`, `"△"#,##0`,
 * `\円`), colours and locales (`[Red]`, `[$-411]`), and up to three sections (`#,##0;"△"#,##0;"-"`).
 * `renderNumber` says null for what it cannot render exactly (dates and times, fractions, exponents,
 * conditions, DBNum numerals, `?` alignment, `_` padding and `*` fills, whose width Excel decides);
 * `formatNumber` never fails: it drops padding and fills and shows what it cannot render as General.
 * Number formats: https://support.microsoft.com/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5
 */
import { splitOutsideQuotes } from './split-outside-quotes';

/** Excel's General format: up to 11 significant digits, no trailing zeros. */
export function generalText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(11)));
}

/** Sections of a number format split at `;` outside quotes. */
export function splitSections(format: string): string[] {
  return splitOutsideQuotes(format, ';', '"');
}

/** Quoted literals are masked as private-use characters so their digits are not placeholders. */
const LITERAL_BASE = 0xe000;

/** Digit placeholders with separators and a decimal part; trailing commas scale by 1,000 each. */
const PLACEHOLDER = /[#0?][#0?,]*(?:\.[#0?]*)?/;

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A section rendered: its text, and whether anything of it was left out or approximated. */
interface Rendered {
  readonly text: string;
  readonly exact: boolean;
}

/** Formats `shown` (non-negative when a negative section applies) with one section. */
function applySection(section: string, shown: number, minus: boolean): Rendered | null {
  // Conditions ([<0], [>=100]) and Japanese numerals ([DBNum1]) are beyond this formatter.
  if (/\[(?:[<>=]|dbnum)/i.test(section)) return null;
  // Mask quoted and escaped literals so that a 0 or # inside them is not a placeholder.
  const literals: string[] = [];
  const masked = section.replace(
    /"([^"]*)"|\\(.)/g,
    (_m, quoted: string | undefined, escaped: string | undefined) => {
      literals.push(quoted ?? escaped ?? '');
      return String.fromCharCode(LITERAL_BASE + literals.length - 1);
    },
  );
  // Colours and locales ([Red], [赤], [$-411]) show nothing; a currency ([$¥-411]) shows its symbol.
  const bracketless = masked.replace(
    /\[\$([^\]-]*)[^\]]*\]|\[[^\]]*\]/g,
    (_m, symbol: string | undefined) => symbol ?? '',
  );
  // Padding (_x) and fills (*x) take a width Excel decides at display time.
  const padded = /[_*]./.test(bracketless);
  const cleaned = bracketless.replace(/[_*]./g, '');
  if (/[ymdhsgebn]|AM\/PM|A\/P/i.test(cleaned)) return null; // dates, times, eras
  if (/[eE][+-]/.test(cleaned) || /[#0?]\s*\/\s*[#0?\d]/.test(cleaned)) return null; // exponents, fractions
  const match = PLACEHOLDER.exec(cleaned);
  const restore = (text: string) =>
    text.replace(/[\uE000-\uF8FF]/g, (ch) => literals[ch.charCodeAt(0) - LITERAL_BASE] ?? ch);
  if (!match) return { text: restore(`${minus ? '-' : ''}${cleaned}`), exact: !padded };
  const placeholder = match[0];
  const [intPattern, fracPattern = ''] = placeholder.split('.');
  const scaleCommas = /,+$/.exec(intPattern)?.[0].length ?? 0;
  const digits = intPattern.slice(0, intPattern.length - scaleCommas);
  const percent = (cleaned.match(/%/g) ?? []).length;
  const scaled = (shown * 100 ** percent) / 1000 ** scaleCommas;
  const fixed = Math.abs(scaled).toFixed(fracPattern.length);
  const [intDigits, fracDigits = ''] = fixed.split('.');
  // `0`s set the least number of digits (`00` shows 07); with only `#`s a zero integer part shows nothing.
  const minDigits = (digits.match(/0/g) ?? []).length;
  const integer = intDigits === '0' && minDigits === 0 ? '' : intDigits.padStart(minDigits, '0');
  const grouped = digits.includes(',') ? withThousands(integer) : integer;
  const numberText = `${grouped}${fracPattern.length > 0 ? `.${fracDigits}` : ''}`;
  const body = cleaned.slice(0, match.index) + numberText + cleaned.slice(match.index + placeholder.length);
  // The minus sign of a section that is not the negative one goes before everything, literals too.
  const sign = minus && Number(fixed) !== 0 ? '-' : '';
  return { text: restore(sign + body), exact: !padded && !placeholder.includes('?') };
}

function render(value: number, format: string): Rendered | null {
  if (format === '' || /^general$/i.test(format) || format === '@')
    return { text: generalText(value), exact: true };
  const sections = splitSections(format);
  if (value < 0 && sections.length >= 2) return applySection(sections[1], -value, false);
  if (value === 0 && sections.length >= 3) return applySection(sections[2], 0, false);
  if (/^general$/i.test(sections[0].trim())) return { text: generalText(value), exact: true };
  return applySection(sections[0], Math.abs(value), value < 0);
}

/** Excel's display text of `value` under `format`, or null when this formatter cannot render it exactly. */
export function renderNumber(value: number, format: string): string | null {
  const rendered = render(value, format);
  return rendered && rendered.exact ? rendered.text : null;
}

/** Display text of `value` under `format`: padding and fills left out, General where it cannot render (dates). */
export function formatNumber(value: number, format: string): string {
  return render(value, format)?.text ?? generalText(value);
}
