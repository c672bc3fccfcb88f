/**
 * The legend: every mark and colour the add-in writes, in words, for the reader of the printout. In full
 * on the summary sheet (with the grade colours as swatches), and short in the KPI sheet's footer so that
 * every printed page of it explains its own marks.
 */
import type { Grade, GradeLevel, Settings } from '../types';
import { ABOLISHED_GRADE, UNJUDGEABLE_GRADE } from '../types';
import { gradeText } from './flags';
import { gradesOf } from './palette';

const BASIS_LABEL: Readonly<Record<Settings['basis'], string>> = {
  achievement: '達成率',
  progress: '進捗率',
};

export interface LegendEntry {
  /** The mark as printed: `↗ → ↘`, `A 達成`. */
  readonly mark: string;
  readonly meaning: string;
  /** For a grade: its colour is shown on the mark's cell. */
  readonly grade?: Grade;
}

/**
 * A level's condition in words, on the scale in force: `達成率 80% 以上 100% 未満`. The bound above is the
 * nearest rate level above it; the colour is the swatch on the mark's own cell.
 */
function levelMeaning(levels: readonly GradeLevel[], index: number, settings: Settings): string {
  const basis = BASIS_LABEL[settings.basis];
  const level = levels[index];
  const above = levels
    .slice(0, index)
    .map((l) => l.condition)
    .filter((c) => c.kind === 'rate')
    .pop();
  const below = above?.kind === 'rate' ? ` ${above.min}% 未満` : '';
  switch (level.condition.kind) {
    case 'achieved':
      return '目標値を達成した';
    case 'rate':
      return `${basis} ${level.condition.min}% 以上${below}`;
    case 'otherwise':
      return below === '' ? '上のどれにも当たらない' : `${basis}${below}`;
  }
}

function gradeMeaning(grade: Grade, settings: Settings): string {
  if (grade === UNJUDGEABLE_GRADE) return '目標値や実績値がなく判定できない。備考に理由';
  if (grade === ABOLISHED_GRADE) return '事業の廃止などで判定しない。判定数・達成割合に数えない';
  const levels = settings.scale.levels;
  return levelMeaning(
    levels,
    levels.findIndex((l) => l.symbol === grade),
    settings,
  );
}

/** Every entry of the summary sheet's legend, in the order a reader meets the marks. */
export function legendEntries(settings: Settings): LegendEntry[] {
  const grades = gradesOf(settings.scale).map((grade): LegendEntry => ({
    mark: gradeText(grade, settings),
    meaning: gradeMeaning(grade, settings),
    grade,
  }));
  const entries: LegendEntry[] = [
    ...grades,
    {
      mark: '行の淡い色',
      meaning: 'KPI の表の行は、その行の判定の色を淡くした色で塗ります',
    },
    {
      mark: '最新値 (R5)',
      meaning: '括弧内はその値の年度。評価年度の値がないときは、それより前の最新の値で評価します',
    },
    { mark: '達成率', meaning: '最新値 ÷ 目標値 (方向 ↓ のときは 目標値 ÷ 最新値)' },
    {
      mark: '進捗率',
      meaning: '(最新値 − 基準値) ÷ (目標値 − 基準値): 基準値から目標値までの道のりの何割か',
    },
    {
      mark: '按分目標',
      meaning:
        '目標年度より前の評価では、基準値から目標値までを年数で按分した値と比べます (備考に「按分目標 R4: 118」など)',
    },
    {
      mark: '傾向 ↗ → ↘',
      meaning: '基準値と比べて最新値が ↗ 良くなった / → 変わらない / ↘ 悪くなった (方向を考慮)',
    },
    { mark: '方向 ↑ ↓', meaning: '↑ 増えるほど良い / ↓ 減るほど良い。KPI 一覧の方向欄で選び直せます' },
    {
      mark: '達成割合',
      meaning: `判定数 (廃止を除く) のうち ${settings.scale.levels[0]?.symbol ?? 'A'} の割合。青い帯の長さが割合 (右端で 100%)`,
    },
    { mark: '差', meaning: '目標値 − 最新値 (要フォローアップの表)' },
  ];
  if (!settings.rowTint) return entries.filter((entry) => entry.mark !== '行の淡い色');
  return entries;
}

/** Names of the presets' fills, for a black-and-white printout's reader; a city's own colour has none. */
const COLOUR_NAMES: Readonly<Record<string, string>> = {
  '#C6EFCE': '緑',
  '#A9D08E': '濃い緑',
  '#DDEBF7': '青',
  '#FFEB9C': '黄',
  '#FFC7CE': '赤',
  '#E7E6E6': '灰',
  '#D9D9D9': '灰',
};

/** Excel's limit for a whole header or footer (ECMA-376 Part 1, 18.3.1.37 oddFooter). */
const FOOTER_LIMIT = 255;

/**
 * The KPI sheet's left footer: its marks in three short lines, so every printed page explains its own
 * marks. `&9` is the font size in points. The grades are the scale's; their colours are the 判定 cells'.
 * Lines, not one paragraph: the footer scales with the sheet, and a small table printed at 100 % would run
 * one long line under the page number on the right.
 */
export function kpiSheetLegendFooter(settings: Settings): string {
  const levels = settings.scale.levels;
  const rest =
    '\n傾向 ↗良くなった →変わらない ↘悪くなった (基準値比)。方向 ↑増えるほど良い ↓減るほど良い。' +
    '\n(R5) 値の年度。詳しくはサマリーの凡例';
  const named = levels.map((l) => `${l.symbol} ${COLOUR_NAMES[l.color.toUpperCase()] ?? l.label}`).join('・');
  const fixed = COLOUR_NAMES[settings.scale.unjudgeable.color.toUpperCase()];
  const withLabels = `&L&9凡例: 判定の色 ${named}・X 評価不能と廃止${fixed ? ` ${fixed}` : ''} (行は淡色)。${rest}`;
  if (withLabels.length <= FOOTER_LIMIT) return withLabels;
  return `&L&9凡例: 判定 ${levels.map((l) => l.symbol).join('・')}・X・廃止。${rest}`.slice(0, FOOTER_LIMIT);
}
