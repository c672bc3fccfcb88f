/**
 * `kpi-sheet evaluate --json` on the city tables of scripts/fixtures/published-verdicts.ts: the
 * city's own 達成率 and grades reproduced, the JSON keeping each KPI's symbol and rank.
 *
 * The comparison goes through the reader (方向性, 中間目標(H28年度), 達成率H28 / 評価H28 / 評価
 * columns); the same rows are checked at the Kpi level in tests/core/evaluate/published.test.ts.
 */
import { join } from 'node:path';
import { runEvaluate } from '../../src/cli/evaluate';
import type { EvaluateJson } from '../../src/cli/evaluate-json';
import { PUBLISHED_ACHIEVED, PUBLISHED_VERDICTS } from '../../scripts/fixtures/published-verdicts';
import { runCli } from './run-cli';

const FIXTURES = join(__dirname, '..', 'fixtures');

async function evaluateJson(file: string, ...options: string[]): Promise<EvaluateJson> {
  const result = await runCli(runEvaluate, [join(FIXTURES, file), '--json', ...options]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as EvaluateJson;
}

function kpisOf(json: EvaluateJson) {
  return json.blocks.flatMap((b) => b.kpis);
}

describe('published-verdicts.xlsx under 標準', () => {
  it('R2 (the target year) gives the city’s R2 grades on every row that needs no 方向性 column', async () => {
    const json = await evaluateJson(PUBLISHED_VERDICTS.file);
    expect(json.year).toBe(2020);
    const kpis = kpisOf(json);
    expect(kpis.map((k) => k.name)).toEqual(PUBLISHED_VERDICTS.rows.map((r) => r[1]));
    // 市税の滞納額 (row 3) is lower-is-better only by its 方向性 cell.
    for (const i of [0, 1, 3, 4, 5]) {
      expect(kpis[i].evaluation?.grade).toBe(PUBLISHED_VERDICTS.rows[i][15]);
    }
    // The JSON keeps the symbol and its rank on the scale.
    expect(kpis[1]).toMatchObject({ direction: 'down', directionSource: 'name' });
    expect(kpis[1].evaluation).toMatchObject({ grade: 'D', rank: 4, levels: 4 });
  });

  it('every published 達成率 and grade, H28 to R2, is reproduced (36 of 36)', async () => {
    const json = await evaluateJson(PUBLISHED_VERDICTS.file);
    expect(json.summary.published).toEqual({ compared: 36, agreed: 36, disagreements: [] });
  });
});

describe('published-achieved.xlsx under 達成/未達成', () => {
  it('reproduces the ○ / × column from the values (rank 1 ○, rank 2 ×)', async () => {
    const json = await evaluateJson(PUBLISHED_ACHIEVED.file, '--preset', '達成/未達成');
    const kpis = kpisOf(json);
    expect(kpis.map((k) => k.evaluation?.grade)).toEqual(PUBLISHED_ACHIEVED.rows.map((r) => r[7]));
    expect(kpis.map((k) => k.evaluation?.rank)).toEqual([1, 1, 2, 2, 1, 2]);
  });

  it('the city’s 評価 column is compared and agrees (6 of 6)', async () => {
    const json = await evaluateJson(PUBLISHED_ACHIEVED.file, '--preset', '達成/未達成');
    expect(json.summary.published).toEqual({ compared: 6, agreed: 6, disagreements: [] });
  });
});
