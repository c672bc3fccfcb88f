import { DEFAULT_SETTINGS, PRESETS, withPreset } from '../../../src/core/settings';
import type { Settings } from '../../../src/core/types';

describe('choosing a preset changes how KPIs are graded, and nothing the user said about the sheet', () => {
  const saved: Settings = {
    ...DEFAULT_SETTINGS,
    trendTolerance: 0.05,
    evaluationYear: 2023,
    rowTint: false,
    paperSize: 'A3',
    interimPath: false,
    columnMappings: [
      {
        sheet: 'KPI一覧',
        headerRow: 6,
        headerTop: 6,
        columns: [{ col: 3, role: 'name', year: null, header: 'KPI' }],
        source: 'user',
      },
    ],
    commentColumns: true,
    previousYearColumns: true,
    previousYear: 2022,
    directionOverrides: [{ row: 21, direction: 'down' }],
  };

  it('takes the preset’s basis, scale and trend tolerance', () => {
    const next = withPreset(saved, '進捗率')!;
    expect(next.preset).toBe('進捗率');
    expect(next.basis).toBe(PRESETS['進捗率'].basis);
    expect(next.scale).toEqual(PRESETS['進捗率'].scale);
    expect(next.trendTolerance).toBe(PRESETS['進捗率'].trendTolerance);
  });

  it('keeps the year, the look and paper, 按分目標 and the meeting columns', () => {
    expect(withPreset(saved, '◎○△×')).toMatchObject({
      evaluationYear: saved.evaluationYear,
      rowTint: false,
      paperSize: 'A3',
      interimPath: false,
      commentColumns: true,
      previousYearColumns: true,
    });
  });

  it('keeps the column mappings, the previous year and the rows’ directions', () => {
    const next = withPreset(saved, 'S/A/B/C')!;
    expect(next.columnMappings).toEqual(saved.columnMappings);
    expect(next.previousYear).toEqual(saved.previousYear);
    expect(next.directionOverrides).toEqual(saved.directionOverrides);
  });

  it('is null for a preset that does not exist', () => {
    expect(withPreset(saved, 'カスタム')).toBeNull();
  });
});
