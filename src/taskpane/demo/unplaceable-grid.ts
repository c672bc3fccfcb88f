/**
 * A demo sheet the reader cannot place on its own (taskpane.html?sample=unplaceable): a city's own progress
 * sheet whose headers name no KPI or value column (the same table as tests/fixtures/layouts/unplaceable.xlsx).
 * The user maps its columns in 「列の割り当て」 and evaluates it.
 */
import type { Grid } from '../../core/types';

const ROWS: readonly (readonly string[])[] = [
  ['若葉市 施策の進行管理表 (令和5年度)', '', '', '', '', ''],
  ['', '', '', '', '', ''],
  ['ものさし', '担当', '出発点', '令和4年度の姿', 'ゴール', '課の所見'],
  ['図書館の来館者数', '生涯学習課', '52,000人', '55,400人', '60,000人', '順調'],
  ['公園愛護団体の数', '公園緑地課', '18団体', '21団体', '25団体', 'やや遅れ'],
  ['市民農園の区画利用率', '農政課', '71%', '80%', '90%', '順調'],
];

export function unplaceableGrid(): Grid {
  return {
    sheet: '進行管理',
    top: 1,
    left: 1,
    values: ROWS.map((r) => [...r]),
    texts: ROWS.map((r) => [...r]),
    formats: ROWS.map((r) => r.map(() => 'General')),
    merges: [],
    marks: [],
    sheetNames: ['進行管理'],
  };
}
