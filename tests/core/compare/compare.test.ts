/**
 * The rules of comparing a strategy table (策定時) with its progress table (進捗): which KPIs are the same
 * KPI, which pairs are only offered to the user, and the mark each KPI gets. Rows are seed KPIs, their
 * cells read by the reader's own cell reading.
 */
import { compareSheets, nameSimilarity, type Comparison } from '../../../src/core/compare';
import { readRow, readText } from '../../../src/core/read';
import type { Kpi } from '../../../src/core/types';
import { block, kpi, sheet, sheetOf } from '../evaluate/build';

let nextRow = 5;
/** A KPI row read as the reader reads one: each cell, then the row's unit applied (0.16 in a 割合 row is 16%). */
function row(name: string, baseline: string, target: string, unit?: string): Kpi {
  nextRow += 1;
  const cells = [baseline, target].map((raw) => readText(raw));
  const read = readRow(cells, { name });
  const [b, t] = read.readings;
  return kpi({
    row: nextRow,
    name,
    unit: unit ?? read.unit,
    baseline: baseline === '' ? null : b,
    target: target === '' ? null : t,
  });
}

function marksByName(comparison: Comparison): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of comparison.rows) out[(r.after ?? r.before)?.name ?? ''] = r.marks.join('・');
  return out;
}

describe('a KPI is matched by its name, tolerant of small wording changes', () => {
  it('matches names that differ in brackets, width and spacing', () => {
    const before = sheetOf(row('就職相談（面接）会開催回数 (年間)', '4回', '4回'));
    const after = sheetOf(row('就職相談(面接)会開催回数(年間)', '4回', '4回'));
    const result = compareSheets(before, after);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0].marks).toEqual(['変更なし']);
    expect(result.rows[0].score).toBe(1);
  });

  it('matches a name with a word added or a character dropped, and shows how alike the names are', () => {
    const before = sheetOf(
      row('優遇制度活用件数 (累計)', '2件', '6件'),
      row('あさくち土産品開発品数 (累計)', '4個', '10個'),
    );
    const after = sheetOf(
      row('企業立地優遇制度活用件数 (累計)', '2件', '6件'),
      row('あさくち土産開発品数(累計)', '4個', '10個'),
    );
    const result = compareSheets(before, after);
    expect(result.rows.map((r) => [r.before?.name, r.after?.name])).toEqual([
      ['優遇制度活用件数 (累計)', '企業立地優遇制度活用件数 (累計)'],
      ['あさくち土産品開発品数 (累計)', 'あさくち土産開発品数(累計)'],
    ]);
    for (const r of result.rows) expect(r.score).toBeGreaterThan(0.75);
    for (const r of result.rows) expect(r.score).toBeLessThan(1);
  });

  it('drops a footnote marker from the name before comparing', () => {
    expect(nameSimilarity('市内民営事業所従業者数※1', '市内民営事業所従業者数')).toBe(1);
  });

  it('pairs each KPI once, the closest names first', () => {
    const before = sheetOf(row('消防団員数', '919人', '940人'), row('地域おこし協力隊員数', '4人', '8人'));
    const after = sheetOf(row('地域おこし協力隊員数', '4人', '8人'), row('消防団員数', '919人', '940人'));
    const result = compareSheets(before, after);
    expect(result.rows.map((r) => [r.before?.name, r.after?.name])).toEqual([
      ['地域おこし協力隊員数', '地域おこし協力隊員数'],
      ['消防団員数', '消防団員数'],
    ]);
  });
});

describe('an uncertain match is listed for the user to confirm, never merged', () => {
  it('lists a pair whose names are only partly alike, and keeps both KPIs as 削除 and 追加', () => {
    const before = sheetOf(row('商談数 (年間)', '40社', '50社'));
    const after = sheetOf(row('旅行事業者等との商談数(年間)', '40社', '50社'));
    const result = compareSheets(before, after);
    expect(result.uncertain).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ name: '商談数 (年間)' }),
        after: expect.objectContaining({ name: '旅行事業者等との商談数(年間)' }),
      }),
    ]);
    expect(result.uncertain[0].score).toBeGreaterThanOrEqual(0.45);
    expect(result.uncertain[0].score).toBeLessThan(0.75);
    expect(marksByName(result)).toEqual({ '商談数 (年間)': '削除', '旅行事業者等との商談数(年間)': '追加' });
  });

  it('lists a renamed KPI of the same 基本目標 that kept its unit, baseline and target', () => {
    const before = sheetOf(row('助成対象者数 (年間)', '1人', '2人'));
    const after = sheetOf(row('雇用奨励助成を活用した就業者数 (年間)', '1人', '2人'));
    expect(compareSheets(before, after).uncertain).toHaveLength(1);
  });

  it('does not ask about unlike names whose figures merely agree, nor across 基本目標', () => {
    const before = sheetOf(row('学校運営協議会の回数 (年間)', '5回', '5回'));
    const unlike = sheetOf(row('夏GAKUサプリ実施公民館数', '5回', '5回'));
    expect(compareSheets(before, unlike).uncertain).toEqual([]);
    const otherGoal = sheet([
      block('2 テスト', [], [row('雇用奨励助成を活用した就業者数 (年間)', '1人', '2人')]),
    ]);
    expect(compareSheets(sheetOf(row('助成対象者数 (年間)', '1人', '2人')), otherGoal).uncertain).toEqual([]);
  });

  it('does not offer a KPI that already has a sure match', () => {
    const before = sheetOf(row('出展イベント数 (累計)', '0件', '10件'));
    const after = sheetOf(
      row('出展イベント数 (累計)', '0件', '10件'),
      row('都市部での出展イベント数(累計)', '1件', '10件'),
    );
    const result = compareSheets(before, after);
    expect(result.uncertain).toEqual([]);
    expect(marksByName(result)).toEqual({
      '出展イベント数 (累計)': '変更なし',
      '都市部での出展イベント数(累計)': '追加',
    });
  });
});

describe('変更なし: a matched KPI whose target, baseline and unit agree', () => {
  it('reads 0.16 and 16% as the same value', () => {
    const before = sheetOf(row('マタニティクラス参加割合(年間)', '0.16', '0.2', '%'));
    const after = sheetOf(row('マタニティクラス参加割合 (年間)', '16%', '20%', '%'));
    expect(compareSheets(before, after).rows[0].marks).toEqual(['変更なし']);
  });

  it('reads 30,239人 and ３０２３９人 as the same value', () => {
    const before = sheetOf(row('浅口ふれあい号の利用者数', '30,239人', '35,000人'));
    const after = sheetOf(row('浅口ふれあい号の利用者数', '３０２３９人', '35000人'));
    expect(compareSheets(before, after).rows[0].marks).toEqual(['変更なし']);
  });

  it('keeps 変更なし when one table leaves the target empty, and says which one', () => {
    const before = sheetOf(row('設備資金利子補給件数 (年間)', '12件', '20件'));
    const after = sheetOf(row('設備資金利子補給件数 (年間)', '12件', ''));
    const [r] = compareSheets(before, after).rows;
    expect(r.marks).toEqual(['変更なし']);
    expect(r.notes).toEqual(['目標値: 進捗の表で未記入 (策定時 20件)']);
  });

  it('keeps 変更なし when the strategy table had — for the baseline', () => {
    const before = sheetOf(row('市内民営事業所従業者数', '—', '9,518人', '人'));
    const after = sheetOf(row('市内民営事業所従業者数', '9,174人 (H28年)', '9,518人', '人'));
    const [r] = compareSheets(before, after).rows;
    expect(r.marks).toEqual(['変更なし']);
    expect(r.notes).toEqual(['基準値: 策定時の表で未記入 (進捗 9,174人 (H28年))']);
  });
});

describe('目標変更: the target of a matched KPI differs', () => {
  it('marks 7,000件 → 3,000件', () => {
    const before = sheetOf(row('ふるさと寄附金件数 (年間)', '2,016件', '7,000件'));
    const after = sheetOf(row('ふるさと寄附金件数(年間)', '2,016件', '3,000件'));
    const [r] = compareSheets(before, after).rows;
    expect(r.marks).toEqual(['目標変更']);
    expect([r.before?.target, r.after?.target]).toEqual(['7,000件', '3,000件']);
  });

  it('marks a changed target and a changed baseline together', () => {
    const before = sheetOf(row('地域おこし協力隊員数', '4人', '8人'));
    const after = sheetOf(row('地域おこし協力隊員数', '5人', '6人'));
    expect(compareSheets(before, after).rows[0].marks).toEqual(['目標変更', '基準値変更']);
  });
});

describe('基準値変更: the baseline of a matched KPI differs', () => {
  it('marks 0件 → 1件 under a slightly reworded name', () => {
    const before = sheetOf(row('出展イベント数 (累計)', '0件', '10件'));
    const after = sheetOf(row('都市部での出展イベント数(累計)', '1件', '10件'));
    expect(compareSheets(before, after).rows[0].marks).toEqual(['基準値変更']);
  });
});

describe('単位変更: the unit of a matched KPI differs', () => {
  it('marks 件 → 回 with the same figures', () => {
    const before = sheetOf(row('情報発信回数 (年間)', '0件', '10件'));
    const after = sheetOf(row('情報発信回数 (年間)', '0回', '10回'));
    const [r] = compareSheets(before, after).rows;
    expect(r.marks).toEqual(['単位変更']);
    expect([r.before?.unit, r.after?.unit]).toEqual(['件', '回']);
  });

  it('does not call a unit left out on one side a change', () => {
    const before = sheetOf(row('合計特殊出生率', '1.27人', '1.8人'));
    const after = sheetOf(row('合計特殊出生率', '1.27', '1.8'));
    const [r] = compareSheets(before, after).rows;
    expect(r.marks).toEqual(['変更なし']);
    expect(r.notes).toEqual(['単位: 進捗の表で未記入 (策定時 人)']);
  });
});

describe('追加 and 削除: a KPI in one table only', () => {
  it('marks a KPI only the progress table has as 追加 and one only the strategy table has as 削除', () => {
    const before = sheetOf(
      row('消防団員数', '919人', '940人'),
      row('設備設置', '設置済み', ''),
      row('地域おこし協力隊員数', '4人', '8人'),
    );
    const after = sheetOf(
      row('消防団員数', '919人', '940人'),
      row('地域おこし協力隊員数', '4人', '8人'),
      row('放課後児童クラブの待機児童数 (年間最大数)', '0人', '0人'),
    );
    const result = compareSheets(before, after);
    // A 削除 stands where it stood in the strategy table, after the KPI before it.
    expect(result.rows.map((r) => [r.marks.join('・'), (r.after ?? r.before)?.name])).toEqual([
      ['変更なし', '消防団員数'],
      ['削除', '設備設置'],
      ['変更なし', '地域おこし協力隊員数'],
      ['追加', '放課後児童クラブの待機児童数 (年間最大数)'],
    ]);
    expect(result.rows.find((r) => r.marks[0] === '削除')?.after).toBeNull();
    expect(result.rows.find((r) => r.marks[0] === '追加')?.before).toBeNull();
  });
});
