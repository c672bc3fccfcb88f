/**
 * The legend: every mark and colour the add-in writes, in words, for the reader of the printout. In full
 * on the summary sheet (with the grade colours as swatches), and short in the KPI sheet's footer so that
 * every printed page of it explains its own marks.
 */
import type { Grade, Settings } from '../types';
import { gradeText } from './flags';
import { GRADES } from './palette';

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

function gradeMeaning(grade: Grade, settings: Settings): string {
  const basis = BASIS_LABEL[settings.basis];
  const { a, b, c } = settings.thresholds;
  switch (grade) {
    case 'A':
      return `${basis} ${a}% 以上 (緑)`;
    case 'B':
      return `${basis} ${b}% 以上 ${a}% 未満 (青)`;
    case 'C':
      return `${basis} ${c}% 以上 ${b}% 未満 (黄)`;
    case 'D':
      return `${basis} ${c}% 未満 (赤)`;
    case 'X':
      return '目標値や実績値がなく判定できない (灰)。備考に理由';
    case '廃止':
      return '事業の廃止などで判定しない (灰)。判定数・達成割合に数えない';
  }
}

/** Every entry of the summary sheet's legend, in the order a reader meets the marks. */
export function legendEntries(settings: Settings): LegendEntry[] {
  const grades = GRADES.map((grade): LegendEntry => ({
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
    { mark: '達成割合', meaning: '判定数 (廃止を除く) のうち A の割合。青い帯の長さが割合 (右端で 100%)' },
    { mark: '差', meaning: '目標値 − 最新値 (要フォローアップの表)' },
  ];
  if (!settings.rowTint) return entries.filter((entry) => entry.mark !== '行の淡い色');
  return entries;
}

/**
 * The KPI sheet's left footer: its marks in one short paragraph (Excel allows 255 characters for a whole
 * header or footer; ECMA-376 Part 1, 18.3.1.37 oddFooter). `&9` is the font size in points.
 */
export function kpiSheetLegendFooter(): string {
  return (
    '&L&9凡例: 判定の色 A 緑・B 青・C 黄・D 赤・X 評価不能と廃止 灰 (行は淡色)。' +
    '傾向 ↗良くなった →変わらない ↘悪くなった (基準値比)。方向 ↑増えるほど良い ↓減るほど良い。' +
    '(R5) 値の年度。詳しくはサマリーの凡例'
  );
}
