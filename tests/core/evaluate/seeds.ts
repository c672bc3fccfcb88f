/** Seed rows of the progress table (seeds/kpi-progress-table.txt), as typed readings. */
import type { KpiSheet } from '../../../src/core/types';
import { abolished, age, block, kpi, missing, num, pct, presence, sheet } from './build';

const n = (unit: string) => (value: number) => num(value, unit);
const 人 = n('人');
const 件 = n('件');
const 回 = n('回');

export const 市内民営事業所従業者数 = kpi({
  row: 5,
  role: 'headline',
  name: '市内民営事業所従業者数※1',
  baseline: num(9174, '人', '9,174人 (H28年)', 2016),
  actuals: [missing(), 人(8935), missing(), missing(), missing()],
  target: 人(9518),
});
export const 雇用奨励 = kpi({
  row: 10,
  name: '雇用奨励助成を活用した就業者数 (年間)',
  department: '市民課',
  baseline: 人(1),
  actuals: [人(2), 人(3), 人(3), abolished(), abolished()],
  target: 人(2),
});
export const 創業者数 = kpi({
  row: 11,
  name: '創業支援事業による創業者数 (年間)',
  baseline: 人(15),
  actuals: [人(8), 人(18), 人(25), 人(25), 人(14)],
  target: 人(39),
});
export const 工業団地 = kpi({
  row: 14,
  name: '工業団地整備面積 (累計)',
  department: 'まちづくり課',
  baseline: num(4.4, 'ha'),
  actuals: [4.4, 4.4, 4.4, 4.4].map(n('ha')).concat(abolished()),
  target: num(13.4, 'ha'),
});
export const 移動数 = kpi({
  row: 22,
  role: 'headline',
  name: '移動数(転入一転出)※2',
  baseline: 人(10),
  actuals: [人(-15), 人(-36), 人(122), 人(-51), 人(-59)],
  target: 人(0),
});
export const 空き家バンク = kpi({
  row: 29,
  name: '空き家情報バンク登録物件数(累計)',
  department: 'まちづくり課',
  baseline: 件(63),
  actuals: [件(103), 件(112), 件(123), 件(137), 件(147)],
  target: 件(150),
});
export const 学校運営協議会 = kpi({
  row: 34,
  name: '学校運営協議会の回数(年間)',
  department: '学校教育課',
  baseline: 回(5),
  actuals: [回(5), 回(5), 回(5), 回(5), 回(5)],
  target: 回(5),
});
export const 合計特殊出生率 = kpi({
  row: 52,
  role: 'headline',
  name: '合計特殊出生率※3',
  baseline: num(1.27, ''),
  actuals: [num(1.47, ''), num(1.32, ''), num(1.64, ''), missing(), missing()],
  target: num(1.76, ''),
});
export const 子ども医療費 = kpi({
  row: 58,
  name: '子ども医療費給付対象年齢',
  department: '健康こども福祉課',
  baseline: age(15, '中3まで'),
  actuals: [
    age(15, '中3まで'),
    age(15, '中3まで'),
    age(18, '満18歳まで'),
    age(18, '満18歳まで'),
    age(18, '満18歳まで'),
  ],
  target: age(15, '中3まで'),
});
export const 不妊不育 = kpi({
  row: 59,
  name: '不妊・不育治療費助成制度の有無',
  department: '健康こども福祉課',
  baseline: presence('present', '有'),
  actuals: [
    presence('expanded', '拡充'),
    presence('present', '有'),
    presence('present', '有'),
    presence('partial', '不育のみ有'),
    presence('partial', '不育のみ有'),
  ],
  target: presence('present', '有'),
});
export const あかちゃん訪問 = kpi({
  row: 61,
  name: 'あかちゃん訪問割合 (年間)',
  department: '健康こども福祉課',
  baseline: pct(87),
  actuals: [pct(90), pct(92), pct(98), pct(100), pct(100)],
  target: { ...pct(100, '希望者の100%'), qualifier: '希望者の' },
});
export const 待機児童 = kpi({
  row: 63,
  name: '放課後児童クラブの待機児童数 (年間最大数)',
  department: '保育未来課',
  baseline: 人(0),
  actuals: [人(0), 人(0), 人(0), 人(24), 人(23)],
  target: 人(0),
});
export const 消防団員数 = kpi({
  row: 74,
  name: '消防団員数',
  department: 'くらし安全課',
  baseline: 人(919),
  actuals: [人(896), 人(881), 人(835), 人(823), 人(804)],
  target: 人(940),
});

/** The section-4 rows and their neighbours, in their blocks as on the progress table. */
export function progressSheet(): KpiSheet {
  return sheet([
    block('1 浅口市における安定した雇用を創出する', [市内民営事業所従業者数], [雇用奨励, 創業者数, 工業団地]),
    block('2 浅口市への新しいひとの流れをつくる', [移動数], [空き家バンク, 学校運営協議会]),
    block(
      '3 結婚・出産・子育ての希望をかなえる',
      [合計特殊出生率],
      [子ども医療費, 不妊不育, あかちゃん訪問, 待機児童],
    ),
    block(
      '4 時代に合った地域をつくり、安心・安全な暮らしを守るとともに、地域と地域を連携する',
      [],
      [消防団員数],
    ),
  ]);
}
