/**
 * A workbook saved before the grade scale was data (settings format 1: `thresholds` and `labels` in the
 * veryHidden KPI評価_設定 sheet) still opens with its old settings and gives the grades it gave then.
 * The two fixtures were written by that version (commit 8287a87) with
 * `kpi-sheet evaluate tests/fixtures/asakuchi-progress.xlsx --thresholds 100,70,40 --no-path -o …` and
 * `… --preset 進捗率 -o …`; the grades below are what that version's `--json` printed for those settings.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateWorkbook, savedSettings } from '../../../src/cli/write-output';
import { parseEvaluateArgs } from '../../../src/cli/options';
import {
  PRESETS,
  gradeLabelOf,
  parseSettings,
  rateThresholds,
  serializeSettings,
} from '../../../src/core/settings';
import { openBook, pickBookSheet } from '../../../src/xlsx/open-book';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

const V1_CUSTOM_GRADES =
  'R4:B R9:廃止 R10:D R11:A R12:B R13:廃止 R14:A R15:B R16:X R17:X R18:X R21:D R26:A R27:C R28:B R29:A R30:B R31:A R32:A R33:A R34:D R35:D R36:C R37:A R38:D R39:A R40:A R41:A R42:D R43:A R44:C R45:B R48:B R53:D R54:A R55:C R56:B R57:A R58:A R59:D R60:A R61:A R62:A R65:B R68:A R69:B R70:D R71:B R72:B R73:A';
const V1_PROGRESS_GRADES =
  'R4:D R9:廃止 R10:D R11:A R12:D R13:廃止 R14:A R15:B R16:X R17:X R18:X R21:D R26:A R27:D R28:B R29:A R30:D R31:A R32:A R33:A R34:D R35:D R36:D R37:A R38:D R39:A R40:A R41:A R42:D R43:A R44:D R45:C R48:C R53:D R54:A R55:C R56:D R57:A R58:A R59:D R60:A R61:A R62:A R65:B R68:A R69:D R70:D R71:D R72:B R73:A';

async function saved(file: string) {
  const book = await openBook(join(FIXTURES, file));
  return savedSettings(book, pickBookSheet(book, undefined).grid);
}

async function gradesOnRerun(file: string): Promise<string> {
  const args = parseEvaluateArgs([join(FIXTURES, file), '-o', join(tmpdir(), 'kpi-sheet-unused.xlsx')]);
  if (!args.ok || args.value.help) throw new Error('bad arguments');
  const outcome = await evaluateWorkbook(args.value, new Date('2026-11-21T00:00:00Z'));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result.analysis.evaluation.kpis.map((e) => `${e.kpiId}:${e.grade}`).join(' ');
}

describe('a workbook saved by the version before grade scales', () => {
  it('custom thresholds 100/70/40 and the path off come back as a four-level scale, without problems', async () => {
    const found = await saved('saved-by-v1-custom.xlsx');
    expect(found?.problems).toEqual([]);
    const settings = found!.settings;
    expect(settings).toMatchObject({ preset: 'カスタム', basis: 'achievement', interimPath: false });
    expect(rateThresholds(settings.scale)).toEqual([100, 70, 40]);
    expect(settings.scale.levels.map((l) => `${l.symbol} ${l.label}`)).toEqual([
      'A 達成',
      'B 概ね順調',
      'C 要努力',
      'D 遅れ',
    ]);
  });

  it('re-evaluated with its saved settings, it gives the grades that version gave', async () => {
    expect(await gradesOnRerun('saved-by-v1-custom.xlsx')).toBe(V1_CUSTOM_GRADES);
  });

  it('a saved 進捗率 is today’s 進捗率 preset, and gives the same grades', async () => {
    const found = await saved('saved-by-v1-progress.xlsx');
    expect({ settings: found?.settings, problems: found?.problems }).toEqual({
      settings: PRESETS['進捗率'],
      problems: [],
    });
    expect(await gradesOnRerun('saved-by-v1-progress.xlsx')).toBe(V1_PROGRESS_GRADES);
  });

  it('labels a city renamed in format 1 land on the levels in order', () => {
    const { settings, problems } = parseSettings(
      '{"version":1,"preset":"標準","thresholds":{"a":100,"b":80,"c":60},"labels":{"A":"順調","D":"要改善","X":"判定不可"}}',
    );
    expect(problems).toEqual([]);
    expect(['A', 'B', 'C', 'D', 'X'].map((g) => gradeLabelOf(settings.scale, g))).toEqual([
      '順調',
      '概ね順調',
      '要努力',
      '要改善',
      '判定不可',
    ]);
  });

  it('what is saved now is format 2 with the scale, and reads back the same', () => {
    const json = serializeSettings(PRESETS['S/A/B/C']);
    expect(JSON.parse(json)).toMatchObject({
      version: 2,
      preset: 'S/A/B/C',
      scale: { levels: expect.any(Array) },
    });
    expect(parseSettings(json)).toEqual({ settings: PRESETS['S/A/B/C'], problems: [] });
  });

  it('a stored scale that fails validation falls back to the preset’s, and says why', () => {
    const broken = {
      ...PRESETS['標準'],
      scale: {
        ...PRESETS['標準'].scale,
        levels: PRESETS['標準'].scale.levels.map((l, i) => (i === 1 ? { ...l, symbol: '' } : l)),
      },
    };
    const { settings, problems } = parseSettings(serializeSettings(broken));
    expect(settings.scale).toEqual(PRESETS['標準'].scale);
    expect(problems).toEqual([
      '設定「scale」が不正なため既定値 (標準の評価段階) を使います: 2段目: 記号が空です',
    ]);
  });
});

describe('the seed fixtures under 標準 give the grades the version before scales gave', () => {
  // tests/fixtures/v1-standard-grades.json: `kpi-sheet evaluate <fixture> --json` of commit 8287a87, per KPI id.
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'v1-standard-grades.json'), 'utf8')) as Record<
    string,
    string
  >;

  it.each(Object.keys(expected))('%s', async (file) => {
    const args = parseEvaluateArgs([join(FIXTURES, file), '--preset', '標準']);
    if (!args.ok || args.value.help) throw new Error('bad arguments');
    const outcome = await evaluateWorkbook(args.value, new Date('2026-11-21T00:00:00Z'));
    if (!outcome.ok) throw new Error(outcome.message);
    const grades = outcome.result.analysis.evaluation.kpis.map((e) => `${e.kpiId}:${e.grade}`).join(' ');
    expect(grades).toBe(expected[file]);
  });
});
