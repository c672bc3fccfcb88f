/**
 * Which way is better for a KPI (EVALUATION.md section 2), first source that speaks: the city's own
 * direction column (`方向性`), the user's 方向 cell, `以上` / `以下` on the target, a word in the name that
 * counts something the city wants fewer of or states the aim of less (削減, 抑制, ゼロ), a target of 0 below
 * the baseline; else up. Where a lower-is-better name meets a target above the baseline, a conflict is
 * reported instead of a guess. A target below the baseline alone never decides: 移動数 goes from 10 to a
 * target of 0 and more is still better.
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
  /** Set where the cues disagree (a lower-is-better name, a target above the baseline): judged by no guess. */
  readonly conflict?: string;
}

/**
 * A name stating the aim of less (`医療費の抑制`, `ごみ排出量の削減`, `事故ゼロ`): lower is better. Followed by
 * what it counts (`ごみ削減量`, `減少率`), the KPI counts the reduction and more is better.
 */
const AIM_OF_LESS = /(?:削減|減少|抑制)(?:を目指す)?(?:\s*[(（][^()（）]*[)）])?$|ゼロ/u;

export function directionFromName(name: string): Direction | null {
  const t = name.normalize('NFKC').trim();
  return matchesLowerIsBetter(t) || AIM_OF_LESS.test(t) ? 'down' : null;
}

function quantity(reading: Reading | null | undefined): number | null {
  if (!reading || (reading.kind !== 'number' && reading.kind !== 'percent')) return null;
  return reading.value;
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

/**
 * The cues in order: the city's 方向性 column, the user's 方向 cell, 以上 / 以下 on the target, then the name
 * and the values together. A lower-is-better name with a target above the baseline is a disagreement: no
 * guess, a conflict the evaluation reports. A target of 0 below a baseline above 0 means fewer is better
 * (never for net migration, 転入−転出, where 0 is a balance). A target below the baseline alone does not
 * decide (a shrinking population's target): it stays up, to be confirmed.
 */
export function resolveDirection(
  kpi: Pick<Kpi, 'name' | 'directionChoice'> &
    Partial<Pick<Kpi, 'declaredDirection' | 'target' | 'baseline'>>,
): ResolvedDirection {
  if (kpi.declaredDirection) return RESOLVED.declared[kpi.declaredDirection.direction];
  if (kpi.directionChoice) return RESOLVED.user[kpi.directionChoice];
  const fromTarget = directionFromTarget(kpi.target?.reading);
  if (fromTarget) return RESOLVED.target[fromTarget];
  const fromName = directionFromName(kpi.name);
  const target = quantity(kpi.target?.reading);
  const baseline = quantity(kpi.baseline?.reading);
  if (fromName === 'down' && target !== null && baseline !== null && target > baseline)
    return {
      direction: 'down',
      source: 'name',
      conflict: `名前は減らす指標ですが、目標値 (${target}) が基準値 (${baseline}) を上回っています`,
    };
  if (fromName) return RESOLVED.name[fromName];
  if (target === 0 && baseline !== null && baseline > 0 && !isNetMigration(kpi.name))
    return RESOLVED.target.down;
  return RESOLVED.default;
}

/** +1 when higher is better, −1 when lower is. */
export function sign(direction: Direction): 1 | -1 {
  return direction === 'up' ? 1 : -1;
}
