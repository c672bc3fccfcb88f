/**
 * Writing a reading back as the sheet writes it: `30,239人`, `△15人`, `16%`, `希望者の100%`, `中3まで`.
 * Used for 最新値 cells and notes; `readText(formatReading(r))` gives back r's value and unit.
 */
import type { Reading } from '../types/reading';
import { formatAgeLimit } from './age';

/** Qualifiers that the city writes after the value (`30%以上`, `1.4人/年`); others go before it. */
const TRAILING_QUALIFIER =
  /^(?:以上|以下|未満|超|以内|程度|前後|強|弱|増|減|増加|減少|見込み|見込|速報値|暫定値|推計|概数|\/.*|\(.*\))$/u;

/** A finite number's digits without exponent notation: 1e21 → `1000000000000000000000`. */
export function plainDigits(value: number): string {
  const text = String(Math.abs(value));
  const exponent = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/u.exec(text);
  if (!exponent) return text;
  const whole = exponent[1];
  const fraction = exponent[2] ?? '';
  const shift = Number(exponent[3]);
  const digits = whole + fraction;
  const point = whole.length + shift;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`.replace(/\.?0+$/u, '');
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** `1234567` → `1,234,567` (digits only); a loop, as this runs for every value the add-in writes. */
function groupThousands(whole: string): string {
  const head = whole.length % 3 || 3;
  let grouped = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) grouped += `,${whole.slice(i, i + 3)}`;
  return grouped;
}

/** A number as the city writes it: thousands separators, `△` for minus. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const [whole, fraction] = plainDigits(value).split('.');
  const grouped = groupThousands(whole);
  const body = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return value < 0 ? `△${body}` : body;
}

function withQualifier(body: string, qualifier: string | undefined): string {
  if (qualifier === undefined || qualifier === '') return body;
  const words = qualifier.split(' ');
  const before = words.filter((word) => !TRAILING_QUALIFIER.test(word));
  const after = words.filter((word) => TRAILING_QUALIFIER.test(word));
  const lead = before.join(' ');
  const separator = lead !== '' && !/の$/u.test(lead) ? ' ' : '';
  return `${lead}${separator}${body}${after.join('')}`;
}

/** The reading as the sheet would write it. Text, missing and presence readings keep what was written. */
export function formatReading(reading: Reading): string {
  switch (reading.kind) {
    case 'number':
    case 'percent':
      return withQualifier(`${formatNumber(reading.value)}${reading.unit}`, reading.qualifier);
    case 'age':
      return formatAgeLimit(reading.value);
    case 'missing':
      return reading.mark;
    case 'abolished':
    case 'presence':
    case 'text':
      return reading.raw.trim();
  }
}
