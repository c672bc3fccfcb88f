/**
 * Display text for a number under an Excel number format, for the formats the plan writes
 * (`0%`, `0.0%`, `#,##0`, `0.00`, `General`). Enough for the demo table; not a full formatter.
 */
export function formatNumber(value: number, format: string): string {
  const section = format.split(';')[0] ?? 'General';
  if (section === '' || section === 'General' || section === '@') return generalText(value);
  const literal = /"([^"]*)"/.exec(section)?.[1] ?? '';
  const pattern = section.replace(/"[^"]*"/g, '');
  const decimals = /\.(0+)/.exec(pattern)?.[1].length ?? 0;
  const percent = pattern.includes('%');
  const grouped = pattern.includes(',');
  const scaled = percent ? value * 100 : value;
  const digits = Math.abs(scaled).toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  const sign = scaled < 0 && Number(digits.replace(/,/g, '')) !== 0 ? '-' : '';
  return `${sign}${digits}${percent ? '%' : ''}${literal}`;
}

function generalText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(11)));
}
