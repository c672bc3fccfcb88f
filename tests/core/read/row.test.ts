/** readRow: the row's unit, fractions read as percents, unit mismatches noted (EVALUATION.md section 1). */
import { readCell, readRow } from '../../../src/core/read';
import type { CellValue } from '../../../src/core/types';

const cells = (...values: CellValue[]) => values.map((value) => readCell({ value }));

describe("the row's unit is the one most cells carry", () => {
  it('浅口ふれあい号の利用者数: 人', () => {
    const row = readRow(
      cells('30,239人', '27,928人', '28,150人', '30,990人', '29,708人', '27,684人', '35,000人'),
      {
        name: '浅口ふれあい号の利用者数(年間)',
      },
    );
    expect(row.unit).toBe('人');
    expect(row.notes).toEqual([]);
  });

  it('合計特殊出生率 (1.27 … 1.76, no unit anywhere): unit "" and plain numbers', () => {
    const row = readRow(cells('1.27', '1.47', '1.32', '1.64', '—', '—', '1.76'), {
      name: '合計特殊出生率※3',
    });
    expect(row.unit).toBe('');
    expect(row.readings.map((reading) => [reading.kind, reading.value])).toEqual([
      ['number', 1.27],
      ['number', 1.47],
      ['number', 1.32],
      ['number', 1.64],
      ['missing', null],
      ['missing', null],
      ['number', 1.76],
    ]);
    expect(row.notes).toEqual([]);
  });

  it('a row of missing, abolished and presence cells has no unit', () => {
    expect(readRow(cells('有', '拡充', '—', '廃止'), { name: '不妊・不育治療費助成制度の有無' }).unit).toBe(
      '',
    );
  });

  it('on a tie, the unit the row shows first', () => {
    expect(readRow(cells('1件', '2回'), { name: '回数' }).unit).toBe('件');
  });
});

describe('spellings of one unit count together', () => {
  it('地域子育て支援拠点事業実施箇所数: 2箇所 and 2か所 are the same unit, no mismatch', () => {
    const row = readRow(cells('2箇所', '2か所', '2カ所', '2箇所'), {
      name: '地域子育て支援拠点事業実施箇所数',
    });
    expect(row.unit).toBe('箇所');
    expect(row.notes).toEqual([]);
  });
});

describe('a cell with another unit keeps it and the row gets a note', () => {
  it('特別区全国連携プロジェクトに関する情報発信回数: the strategy target in 件 among the progress table 回', () => {
    // Progress table H30 … R6 in 回; the strategy table writes the same KPI's target as 10件.
    const row = readRow(cells('0回', '2回', '2回', '2回', '1回', '1回', '10件'), {
      name: '特別区全国連携プロジェクトに関する情報発信回数(年間)',
    });
    expect(row.unit).toBe('回');
    expect(row.readings[6]).toMatchObject({ kind: 'number', value: 10, unit: '件' });
    expect(row.notes).toEqual([{ kind: 'unitMismatch', index: 6, text: '単位不一致: 件 / 回' }]);
  });

  it('each table alone is consistent', () => {
    expect(readRow(cells('0件', '10件'), { name: '情報発信回数 (年間)' }).notes).toEqual([]);
    expect(readRow(cells('0回', '2回', '10回'), { name: '情報発信回数(年間)' }).notes).toEqual([]);
  });
});

describe('a fraction in a percent row is read as a percent, with a note', () => {
  it('あかちゃん訪問の割合: 0.873 next to 希望者の100% is 87.3 %', () => {
    const row = readRow(cells('0.873', '希望者の100%'), { name: 'あかちゃん訪問の割合(年間)' });
    expect(row.unit).toBe('%');
    expect(row.readings[0]).toEqual({
      kind: 'percent',
      value: 87.3,
      unit: '%',
      raw: '0.873',
      fromFraction: true,
    });
    expect(row.readings[1]).toMatchObject({ kind: 'percent', value: 100, qualifier: '希望者の' });
    expect(row.readings[1]).not.toHaveProperty('fromFraction');
    expect(row.notes).toEqual([
      { kind: 'fractionAsPercent', index: 0, text: '小数を百分率として読み取り: 0.873 → 87.3%' },
    ]);
  });

  it('マタニティクラス参加割合: 0.16 and 0.2, no % in the row, but the name says 割合 and every number is a fraction', () => {
    const row = readRow(cells('0.16', '0.2'), { name: 'マタニティクラス参加割合(年間)' });
    expect(row.unit).toBe('%');
    expect(row.readings.map((reading) => [reading.kind, reading.value])).toEqual([
      ['percent', 16],
      ['percent', 20],
    ]);
    expect(row.notes.map((note) => [note.kind, note.index])).toEqual([
      ['fractionAsPercent', 0],
      ['fractionAsPercent', 1],
    ]);
  });

  it('マタニティクラス参加割合 in the progress table (16% … 20%) needs no note', () => {
    const row = readRow(cells('16%', '11%', '8%', '19%', '20%', '14%', '20%'), {
      name: 'マタニティクラス参加割合 (年間)',
    });
    expect(row.unit).toBe('%');
    expect(row.notes).toEqual([]);
  });

  it('自主防災組織率: a General-format 0.706 among % cells is 70.6 %', () => {
    const readings = [
      readCell({ value: '68.5%' }),
      readCell({ value: 0.706, numberFormat: 'General' }),
      readCell({ value: '48%' }),
    ];
    const row = readRow(readings, { name: '自主防災組織率' });
    expect(row.readings[1]).toMatchObject({ kind: 'percent', value: 70.6, fromFraction: true });
  });

  it('a bare number above 1 in a percent row is already in percent points', () => {
    const row = readRow(cells('16%', '11%', '8'), { name: '参加割合' });
    expect(row.readings[2]).toMatchObject({ kind: 'percent', value: 8 });
    expect(row.readings[2]).not.toHaveProperty('fromFraction');
  });

  it('率 in the name without any % cell does not make fractions percents (合計特殊出生率 0.9 stays 0.9)', () => {
    const row = readRow(cells('0.9', '1.2'), { name: '合計特殊出生率' });
    expect(row.readings.map((reading) => [reading.kind, reading.value])).toEqual([
      ['number', 0.9],
      ['number', 1.2],
    ]);
    expect(row.notes).toEqual([]);
  });

  it('a row that mostly carries 人 keeps 人 even when its name says 率 and one cell carries %', () => {
    const row = readRow(cells('10人', '12人', '5%', '0.5'), { name: '就業率' });
    expect(row.unit).toBe('人');
    expect(row.readings[3]).toMatchObject({ kind: 'number', value: 0.5, unit: '人' });
    expect(row.notes).toEqual([{ kind: 'unitMismatch', index: 2, text: '単位不一致: % / 人' }]);
  });

  it('割合 with a number above 1 and no % is left alone (not every cell is a fraction)', () => {
    const row = readRow(cells('0.5', '3'), { name: '割合' });
    expect(row.readings.map((reading) => reading.kind)).toEqual(['number', 'number']);
  });
});

describe("a number without a unit takes the row's unit", () => {
  it('numeric cells with a General format in a 人 row', () => {
    const readings = [
      readCell({ value: 30239, numberFormat: 'General' }),
      readCell({ value: '27,928人' }),
      readCell({ value: '35,000人' }),
    ];
    const row = readRow(readings, { name: '浅口ふれあい号の利用者数' });
    expect(row.readings[0]).toMatchObject({ kind: 'number', value: 30239, unit: '人' });
    expect(row.notes).toEqual([]);
  });

  it('keeps the order and the length of the cells', () => {
    const input = cells('—', '1人', '', '廃止', '2人');
    const row = readRow(input, { name: '雇用奨励助成を活用した就業者数' });
    expect(row.readings).toHaveLength(input.length);
    expect(row.readings.map((reading) => reading.kind)).toEqual([
      'missing',
      'number',
      'missing',
      'abolished',
      'number',
    ]);
  });
});
