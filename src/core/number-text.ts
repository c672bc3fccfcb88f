/**
 * Display text of a number under an Excel number format, for the formats a KPI sheet uses
 * (`General`, `0`, `0.0`, `#,##0`, `#,##0"人"`, `0%`, `0.0%`, `#,##0"人";"△"#,##0"人"`).
 * ExcelJS's `cell.text` does not apply number formats, while Office.js's `range.text` does: the xlsx
 * host shows numbers through this, as Excel would.
 */

/** Excel's General format: up to 11 significant digits, no trailing zeros. */
export function generalText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(11)));
}

/** Sections of a number format split at `;` outside quotes. */
export function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Quoted literals are masked as private-use characters so their digits are not placeholders. */
const LITERAL_BASE = 0xe000;

const PLACEHOLDER = /[#0?][#0?,]*(?:\.[#0?]+)?/;

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats `value` (already made non-negative where a negative section applies) with one section. */
function applySection(section: string, value: number): string | null {
  // Drop colours, locales and conditions ([Red], [$-411]), padding (_x) and fills (*x).
  const cleaned = section
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  // Mask quoted literals so a 0 or # inside them is not a placeholder.
  const literals: string[] = [];
  const masked = cleaned.replace(
    /"([^"]*)"|\\(.)/g,
    (_m, quoted: string | undefined, escaped: string | undefined) => {
      literals.push(quoted ?? escaped ?? '');
      return String.fromCharCode(LITERAL_BASE + literals.length - 1);
    },
  );
  const match = PLACEHOLDER.exec(masked);
  const percent = masked.includes('%');
  let body: string;
  if (match) {
    const placeholder = match[0];
    const decimals = placeholder.includes('.') ? placeholder.split('.')[1].length : 0;
    const scaled = percent ? value * 100 : value;
    const fixed = Math.abs(scaled).toFixed(decimals);
    const [intPart, fracPart] = fixed.split('.');
    const intText = placeholder.split('.')[0].includes(',') ? withThousands(intPart) : intPart;
    const numberText = `${scaled < 0 && Number(fixed) !== 0 ? '-' : ''}${intText}${fracPart ? `.${fracPart}` : ''}`;
    body = masked.slice(0, match.index) + numberText + masked.slice(match.index + placeholder.length);
  } else if (/[ymdhs]/i.test(masked)) {
    return null;
  } else {
    body = masked;
  }
  return body.replace(/[\uE000-\uF8FF]/g, (ch) => literals[ch.charCodeAt(0) - LITERAL_BASE] ?? ch);
}

/** Display text of `value` under `format`; falls back to General for formats it does not know (dates). */
export function formatNumber(value: number, format: string): string {
  if (format === '' || /^general$/i.test(format) || format === '@') return generalText(value);
  const sections = splitSections(format);
  let section = sections[0];
  let shown = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    shown = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  return applySection(section, shown) ?? generalText(value);
}
