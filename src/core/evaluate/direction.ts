/**
 * Which way is better for a KPI (EVALUATION.md section 2), first source that speaks: the city's own
 * direction column (`方向性`), the user's 方向 cell, `以上` / `以下` on the target, a word in the name that
 * counts something the city wants fewer of; else up. Never inferred from baseline vs target: 移動数 goes
 * from 10 to a target of 0 and more is still better.
 */
import type { Direction, DirectionSource, Kpi, Reading } from '../types';

/** Words naming something the city wants less of. */
export const LOWER_IS_BETTER_WORDS: readonly string[] = [
  '待機児童',
  '待機',
  '事故',
  '死傷',
  '犯罪',
  '火災',
  '死亡',
  '被害',
  '被害額',
  '不登校',
  '離職',
  '転出',
  '社会減',
  '放棄',
  '排出',
  'ごみ',
  '孤立',
  '困っている',
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

/**
 * `以上` on a target means at least (higher is better), `以下` at most (lower is better): the city said so
 * in the cell itself (`30%以上`, `5件以下`).
 */
export function directionFromTarget(target: Reading | null | undefined): Direction | null {
  const qualifier = target?.qualifier;
  if (!qualifier) return null;
  const atLeast = qualifier.includes('以上');
  const atMost = qualifier.includes('以下');
  if (atLeast === atMost) return null;
  return atLeast ? 'up' : 'down';
}

/** Every answer resolveDirection can give, built once: it runs for every KPI. */
const RESOLVED = {
  declared: { up: { direction: 'up', source: 'declared' }, down: { direction: 'down', source: 'declared' } },
  user: { up: { direction: 'up', source: 'user' }, down: { direction: 'down', source: 'user' } },
  target: { up: { direction: 'up', source: 'target' }, down: { direction: 'down', source: 'target' } },
  name: { up: { direction: 'up', source: 'name' }, down: { direction: 'down', source: 'name' } },
  default: { direction: 'up', source: 'default' },
} as const satisfies Record<DirectionSource, unknown>;

export function resolveDirection(
  kpi: Pick<Kpi, 'name' | 'directionChoice'> & Partial<Pick<Kpi, 'declaredDirection' | 'target'>>,
): ResolvedDirection {
  if (kpi.declaredDirection) return RESOLVED.declared[kpi.declaredDirection.direction];
  if (kpi.directionChoice) return RESOLVED.user[kpi.directionChoice];
  const fromTarget = directionFromTarget(kpi.target?.reading);
  if (fromTarget) return RESOLVED.target[fromTarget];
  const fromName = directionFromName(kpi.name);
  if (fromName) return RESOLVED.name[fromName];
  return RESOLVED.default;
}

/** +1 when higher is better, −1 when lower is. */
export function sign(direction: Direction): 1 | -1 {
  return direction === 'up' ? 1 : -1;
}
