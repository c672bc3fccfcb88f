/**
 * The strategy table's 数値目標 written as text in one cell:
 * `市内民営事業所従業者数 【現状値（H30年度）】— 【目標値（R1年度）】9,518人 【目標値（R6年度）】9,518人`,
 * possibly two KPIs in one cell (`協議会型住民自治組織数：【…】— 【…】5地区 自主防災組織率：【…】68.5% 【…】72%`).
 */
import { parseYearHeader } from '../read';
import type { YearHeader } from '../types';

export interface TextValue {
  readonly header: YearHeader;
  /** The value as written after its 【label】. */
  readonly text: string;
}

export interface TextHeadline {
  readonly name: string;
  readonly values: readonly TextValue[];
}

const LABEL = /【([^】]*)】/u;

/** Null when the text holds no 【現状値…】/【目標値…】 label with a year. */
export function parseHeadlineText(text: string): TextHeadline[] | null {
  const body = text.replace(/^数値目標\s*/u, '');
  const parts = body.split(new RegExp(LABEL.source, 'gu'));
  // parts: [name, label, value, label, value, ...]
  if (parts.length < 3) return null;
  const headlines: { name: string; values: TextValue[] }[] = [];
  let current = { name: cleanName(parts[0]), values: [] as TextValue[] };
  headlines.push(current);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const header = parseYearHeader(parts[i]);
    let value = parts[i + 1].trim();
    let nextName: string | null = null;
    // `5地区 自主防災組織率：` — the value, then the next KPI's name.
    const m = /^(\S*)\s+(.+?)[：:]\s*$/u.exec(value);
    if (m) {
      value = m[1];
      nextName = m[2];
    }
    if (header) current.values.push({ header, text: value });
    if (nextName !== null) {
      current = { name: cleanName(nextName), values: [] };
      headlines.push(current);
    }
  }
  const found = headlines.filter((h) => h.name !== '' && h.values.length > 0);
  return found.length > 0 ? found : null;
}

function cleanName(text: string): string {
  return text.replace(/[：:]\s*$/u, '').trim();
}
