/**
 * Which way is better for a KPI (EVALUATION.md section 2): up unless the user's 方向 cell says otherwise or
 * the name counts something the city wants fewer of. Never inferred from baseline vs target: 移動数 goes
 * from 10 to a target of 0 and more is still better.
 */
import type { Direction, DirectionSource, Kpi } from '../types';

/** Words naming something the city wants less of. */
export const LOWER_IS_BETTER_WORDS: readonly string[] = [
  '待機児童',
  '事故',
  '犯罪',
  '死亡',
  '被害',
  '不登校',
  '離職',
  '転出',
  '放棄',
  '排出',
  'ごみ',
  '空き家数',
];

/**
 * Words that, after a lower-is-better word, turn the KPI into counting the city's work against it
 * (交通事故防止教室の開催回数, 耕作放棄地の再生面積, ごみ削減量): more of that is better.
 */
const COUNTER_MEASURE_WORDS: readonly string[] = [
  '防止',
  '対策',
  '予防',
  '解消',
  '削減',
  '減量',
  '支援',
  '相談',
  '啓発',
  '教室',
  '講習',
  '研修',
  '再生',
  '活用',
  '除却',
];

/**
 * Net-migration names (`移動数(転入一転出)`, `転入超過数`) mention 転出 but count 転入 minus 転出: higher is
 * better. 転出 alone (`転出者数`) is lower-is-better, so 転出 only counts when 転入 is absent from the name.
 */
function isNetMigration(name: string): boolean {
  return name.includes('転入');
}

function matchesLowerIsBetter(name: string): boolean {
  for (const word of LOWER_IS_BETTER_WORDS) {
    const at = name.indexOf(word);
    if (at < 0) continue;
    if (word === '転出' && isNetMigration(name)) continue;
    const rest = name.slice(at + word.length);
    if (COUNTER_MEASURE_WORDS.some((counter) => rest.includes(counter))) continue;
    return true;
  }
  return false;
}

export interface ResolvedDirection {
  readonly direction: Direction;
  readonly source: DirectionSource;
}

export function directionFromName(name: string): Direction | null {
  return matchesLowerIsBetter(name.normalize('NFKC')) ? 'down' : null;
}

/** Every answer resolveDirection can give, built once: it runs for every KPI. */
const RESOLVED = {
  user: { up: { direction: 'up', source: 'user' }, down: { direction: 'down', source: 'user' } },
  name: { up: { direction: 'up', source: 'name' }, down: { direction: 'down', source: 'name' } },
  default: { direction: 'up', source: 'default' },
} as const satisfies Record<DirectionSource, unknown>;

export function resolveDirection(kpi: Pick<Kpi, 'name' | 'directionChoice'>): ResolvedDirection {
  if (kpi.directionChoice) return RESOLVED.user[kpi.directionChoice];
  const fromName = directionFromName(kpi.name);
  if (fromName) return RESOLVED.name[fromName];
  return RESOLVED.default;
}

/** +1 when higher is better, −1 when lower is. */
export function sign(direction: Direction): 1 | -1 {
  return direction === 'up' ? 1 : -1;
}
