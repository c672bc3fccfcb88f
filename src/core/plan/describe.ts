/** Japanese descriptions of the run for the summary sheet and the footer. */
import type { GradeLevel, Settings } from '../types';

const BASIS_LABEL: Readonly<Record<Settings['basis'], string>> = {
  achievement: '達成率',
  progress: '進捗率',
};

/** One level as the description lists it: `A 100%以上`, `○ 達成`, `D それ未満`. */
function levelText(level: GradeLevel): string {
  const { condition } = level;
  if (condition.kind === 'rate') return `${level.symbol} ${condition.min}%以上`;
  if (condition.kind === 'achieved') return `${level.symbol} 達成`;
  return `${level.symbol} それ以外`;
}

/** `標準 — 達成率で判定 (A 100%以上 / B 80%以上 / C 60%以上 / D それ以外)、按分目標: 使う`. */
export function describeSettings(settings: Settings): string {
  const basis = BASIS_LABEL[settings.basis];
  const path = settings.interimPath ? '使う' : '使わない';
  const levels = settings.scale.levels.map(levelText).join(' / ');
  return `${settings.preset} — ${basis}で判定 (${levels})、按分目標: ${path}`;
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
