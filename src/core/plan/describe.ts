/** Japanese descriptions of the run for the summary sheet and the footer. */
import type { Settings } from '../types';

const BASIS_LABEL: Readonly<Record<Settings['basis'], string>> = {
  achievement: '達成率',
  progress: '進捗率',
};

/** `標準 — 達成率で判定 (A 100%以上 / B 80%以上 / C 60%以上、それ未満は D)、按分目標: 使う`. */
export function describeSettings(settings: Settings): string {
  const { a, b, c } = settings.thresholds;
  const basis = BASIS_LABEL[settings.basis];
  const path = settings.interimPath ? '使う' : '使わない';
  return `${settings.preset} — ${basis}で判定 (A ${a}%以上 / B ${b}%以上 / C ${c}%以上、それ未満は D)、按分目標: ${path}`;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Japan time, whatever the machine's zone: the city reads it as its own clock. */
export function formatJstDate(now: Date): string {
  const t = new Date(now.getTime() + JST_OFFSET_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function formatJst(now: Date): string {
  const t = new Date(now.getTime() + JST_OFFSET_MS);
  return `${formatJstDate(now)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} (日本時間)`;
}
