/**
 * Grade scales as data: the presets cities print, the old A/B/C thresholds as a scale, and the
 * checks a scale must pass before it is saved, each saying why in Japanese and English.
 */
import {
  ABOLISHED_GRADE,
  UNJUDGEABLE_GRADE,
  type Grade,
  type GradeLevel,
  type GradeScale,
  type Thresholds,
} from '../types';

/** Excel's own good / neutral / bad fills, and the lighter blue for "on track". */
export const LEVEL_COLORS = {
  green: '#C6EFCE',
  darkGreen: '#A9D08E',
  blue: '#DDEBF7',
  yellow: '#FFEB9C',
  red: '#FFC7CE',
  grey: '#E7E6E6',
  darkGrey: '#D9D9D9',
} as const;

const FIXED = {
  unjudgeable: { label: '評価不能', color: LEVEL_COLORS.grey },
  abolished: { label: '廃止', color: LEVEL_COLORS.darkGrey },
} as const;

/** A–D on rates `a` / `b` / `c` (標準 100/80/60, 進捗率 100/80/50), with the given labels. */
export function fourLevelScale(
  symbols: readonly [string, string, string, string],
  thresholds: Thresholds,
  labels: readonly [string, string, string, string] = ['達成', '概ね順調', '要努力', '遅れ'],
): GradeScale {
  const colors = [LEVEL_COLORS.green, LEVEL_COLORS.blue, LEVEL_COLORS.yellow, LEVEL_COLORS.red];
  const mins = [thresholds.a, thresholds.b, thresholds.c];
  const levels: GradeLevel[] = symbols.map((symbol, i) => ({
    symbol,
    label: labels[i],
    color: colors[i],
    condition: i < 3 ? { kind: 'rate', min: mins[i] } : { kind: 'otherwise' },
    followUp: i >= 2,
  }));
  return { levels, ...FIXED };
}

export const STANDARD_SCALE = fourLevelScale(['A', 'B', 'C', 'D'], { a: 100, b: 80, c: 60 });
export const PROGRESS_SCALE = fourLevelScale(['A', 'B', 'C', 'D'], { a: 100, b: 80, c: 50 });
export const CIRCLE_SCALE = fourLevelScale(['◎', '○', '△', '×'], { a: 100, b: 80, c: 60 });

/** S 大きく上回る (120 % and more), A 達成, B 概ね順調 (80 %), C 遅れ. */
export const SABC_SCALE: GradeScale = {
  levels: [
    {
      symbol: 'S',
      label: '目標を大きく上回る',
      color: LEVEL_COLORS.darkGreen,
      condition: { kind: 'rate', min: 120 },
      followUp: false,
    },
    {
      symbol: 'A',
      label: '達成',
      color: LEVEL_COLORS.green,
      condition: { kind: 'rate', min: 100 },
      followUp: false,
    },
    {
      symbol: 'B',
      label: '概ね順調',
      color: LEVEL_COLORS.blue,
      condition: { kind: 'rate', min: 80 },
      followUp: false,
    },
    { symbol: 'C', label: '遅れ', color: LEVEL_COLORS.red, condition: { kind: 'otherwise' }, followUp: true },
  ],
  ...FIXED,
};

/** ○ 達成 / × 未達成: the target reached or not, whatever the rate. */
export const ACHIEVED_SCALE: GradeScale = {
  levels: [
    {
      symbol: '○',
      label: '達成',
      color: LEVEL_COLORS.green,
      condition: { kind: 'achieved' },
      followUp: false,
    },
    {
      symbol: '×',
      label: '未達成',
      color: LEVEL_COLORS.red,
      condition: { kind: 'otherwise' },
      followUp: true,
    },
  ],
  ...FIXED,
};

/** Every symbol a KPI can get on the scale, in the order tables list them: levels, then X and 廃止. */
export function gradeSymbols(scale: GradeScale): readonly Grade[] {
  return [...scale.levels.map((level) => level.symbol), UNJUDGEABLE_GRADE, ABOLISHED_GRADE];
}

/** A level that only an achieved KPI reaches: `achieved`, or a rate of 100 % or more. */
export function meansAchieved(level: GradeLevel): boolean {
  const { condition } = level;
  return condition.kind === 'achieved' || (condition.kind === 'rate' && condition.min >= 100);
}

/** The label printed for a symbol on this scale (`達成`, `評価不能`). */
export function gradeLabelOf(scale: GradeScale, grade: Grade): string {
  if (grade === UNJUDGEABLE_GRADE) return scale.unjudgeable.label;
  if (grade === ABOLISHED_GRADE) return scale.abolished.label;
  return scale.levels.find((level) => level.symbol === grade)?.label ?? '';
}

/** The fill of a symbol on this scale. */
export function gradeColorOf(scale: GradeScale, grade: Grade): string {
  if (grade === UNJUDGEABLE_GRADE) return scale.unjudgeable.color;
  if (grade === ABOLISHED_GRADE) return scale.abolished.color;
  return scale.levels.find((level) => level.symbol === grade)?.color ?? scale.unjudgeable.color;
}

/** The rate levels' thresholds, best first (100/80/60 on 標準). */
export function rateThresholds(scale: GradeScale): number[] {
  return scale.levels.flatMap((level) => (level.condition.kind === 'rate' ? [level.condition.min] : []));
}

/** The scale with its rate levels' thresholds replaced in order; null when the count differs. */
export function withRateThresholds(scale: GradeScale, mins: readonly number[]): GradeScale | null {
  if (mins.length !== rateThresholds(scale).length) return null;
  let next = 0;
  const levels = scale.levels.map((level): GradeLevel => {
    if (level.condition.kind !== 'rate') return level;
    const min = mins[next];
    next += 1;
    return { ...level, condition: { kind: 'rate', min } };
  });
  return { ...scale, levels };
}

// ---- validation ------------------------------------------------------------------------------------

export type ScaleProblemKind =
  | 'tooFewLevels'
  | 'emptySymbol'
  | 'reservedSymbol'
  | 'duplicateSymbol'
  | 'prefixSymbol'
  | 'emptyLabel'
  | 'badColor'
  | 'badThreshold'
  | 'thresholdOrder'
  | 'lastNotOtherwise'
  | 'otherwiseNotLast'
  | 'achievedAfterRate';

export interface ScaleProblem {
  readonly kind: ScaleProblemKind;
  /** 0-based level the problem is on; null for the whole scale. */
  readonly level: number | null;
  readonly ja: string;
  readonly en: string;
}

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;
export const MAX_SYMBOL_LENGTH = 4;

function levelName(i: number): { ja: string; en: string } {
  return { ja: `${i + 1}段目`, en: `Level ${i + 1}` };
}

/**
 * Why a scale cannot be saved; empty when it can. The rules keep every KPI on exactly one level and keep the
 * 判定 cell readable back to its symbol: at least two levels; each with a symbol (at most four characters,
 * not X or 廃止, none the start of another, since the cell is `symbol label`), a label and a `#RRGGBB`
 * colour; rate thresholds finite, 0 % or more and strictly falling down the scale; an `achieved` level
 * above every rate level below 100 %; and only the last level `otherwise`.
 */
export function validateScale(scale: GradeScale): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const add = (kind: ScaleProblemKind, level: number | null, ja: string, en: string): void => {
    problems.push({ kind, level, ja, en });
  };
  const { levels } = scale;
  if (levels.length < 2)
    add('tooFewLevels', null, '段階は 2 つ以上にしてください', 'A scale needs at least two levels');

  const symbols = levels.map((level) => level.symbol.trim());
  let previousMin = Infinity;
  let previousName = { ja: '', en: '' };
  levels.forEach((level, i) => {
    const name = levelName(i);
    const symbol = symbols[i];
    if (symbol === '') add('emptySymbol', i, `${name.ja}: 記号が空です`, `${name.en}: the symbol is empty`);
    else if (symbol.length > MAX_SYMBOL_LENGTH)
      add(
        'emptySymbol',
        i,
        `${name.ja}: 記号は${MAX_SYMBOL_LENGTH}文字までです`,
        `${name.en}: the symbol has more than ${MAX_SYMBOL_LENGTH} characters`,
      );
    else if (symbol.startsWith(UNJUDGEABLE_GRADE) || symbol.startsWith(ABOLISHED_GRADE))
      add(
        'reservedSymbol',
        i,
        `${name.ja}: 「${symbol}」は評価不能 (X) と廃止のための記号です`,
        `${name.en}: "${symbol}" is kept for X (not judged) and 廃止 (abolished)`,
      );
    else {
      const same = symbols.findIndex((other, j) => j < i && other === symbol);
      if (same >= 0)
        add(
          'duplicateSymbol',
          i,
          `${name.ja}: 記号「${symbol}」が${levelName(same).ja}と同じです`,
          `${name.en}: symbol "${symbol}" is the same as ${levelName(same).en}`,
        );
      const prefix = symbols.findIndex(
        (other, j) => j !== i && other !== '' && other !== symbol && symbol.startsWith(other),
      );
      if (prefix >= 0)
        add(
          'prefixSymbol',
          i,
          `${name.ja}: 記号「${symbol}」が「${symbols[prefix]}」で始まるため判定セルから区別できません`,
          `${name.en}: symbol "${symbol}" starts with "${symbols[prefix]}", so the grade cell cannot tell them apart`,
        );
    }
    if (level.label.trim() === '')
      add('emptyLabel', i, `${name.ja}: 名前が空です`, `${name.en}: the label is empty`);
    if (!HEX_COLOR.test(level.color))
      add(
        'badColor',
        i,
        `${name.ja}: 色は #RRGGBB で指定してください`,
        `${name.en}: give the colour as #RRGGBB`,
      );

    const { condition } = level;
    const last = i === levels.length - 1;
    if (last && condition.kind !== 'otherwise')
      add(
        'lastNotOtherwise',
        i,
        `${name.ja}: 最後の段階は「それ以外」にしてください (どの KPI もいずれかの段階に入るように)`,
        `${name.en}: the last level must be "otherwise", so every KPI gets a level`,
      );
    if (!last && condition.kind === 'otherwise')
      add(
        'otherwiseNotLast',
        i,
        `${name.ja}: 「それ以外」は最後の段階だけに使えます`,
        `${name.en}: only the last level can be "otherwise"`,
      );
    if (condition.kind === 'rate') {
      if (!Number.isFinite(condition.min) || condition.min < 0) {
        add(
          'badThreshold',
          i,
          `${name.ja}: しきい値は 0 以上の数にしてください`,
          `${name.en}: the threshold must be a number of 0 or more`,
        );
      } else {
        if (!(condition.min < previousMin))
          add(
            'thresholdOrder',
            i,
            `${name.ja}: しきい値 ${condition.min}% は${previousName.ja}より小さくしてください (上の段階ほど高い率)`,
            `${name.en}: threshold ${condition.min}% must be below ${previousName.en}'s (higher levels need higher rates)`,
          );
        previousMin = condition.min;
        previousName = name;
      }
    }
    if (condition.kind === 'achieved' && previousMin < 100)
      add(
        'achievedAfterRate',
        i,
        `${name.ja}: 「達成」は 100% 未満のしきい値の段階より上に置いてください`,
        `${name.en}: "achieved" must come above every level with a threshold below 100%`,
      );
    if (condition.kind === 'achieved') {
      previousMin = Math.min(previousMin, 100);
      previousName = name;
    }
  });
  for (const [kind, fixed] of [
    ['X', scale.unjudgeable],
    ['廃止', scale.abolished],
  ] as const) {
    if (fixed.label.trim() === '')
      add('emptyLabel', null, `${kind}: 名前が空です`, `${kind}: the label is empty`);
    if (!HEX_COLOR.test(fixed.color))
      add(
        'badColor',
        null,
        `${kind}: 色は #RRGGBB で指定してください`,
        `${kind}: give the colour as #RRGGBB`,
      );
  }
  return problems;
}
