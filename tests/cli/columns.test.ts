/**
 * `--columns`: a sheet the reader cannot place is read and evaluated once the user says which column is what,
 * `inspect` prints the mapping it used in the form `--columns` takes, and `evaluate -o` saves the mapping in the
 * workbook so that the next run (command line or Excel) uses it without being told again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { InspectJson } from '../../src/cli/json';
import { runCli, type Captured } from './run-cli';

const LAYOUTS = join(__dirname, '..', 'fixtures', 'layouts');
const UNPLACEABLE = join(LAYOUTS, 'unplaceable.xlsx');
const GOKANEN = join(LAYOUTS, 'words-jisseki-gokanen.xlsx');
const COLUMNS = 'row=3,A=name,B=department,C=baseline:R1,D=actual:2022,E=target:R6';

function run(argv: readonly string[]): Promise<Captured> {
  return runCli(main, argv);
}

interface EvaluatedJson {
  readonly blocks: readonly {
    readonly kpis: readonly { readonly name: string; readonly evaluation: { readonly grade: string } }[];
  }[];
}

describe('a sheet the reader cannot place', () => {
  test('inspect refuses it with exit code 2 and proposes a --columns line to start from', async () => {
    const { code, stdout, stderr } = await run(['inspect', UNPLACEABLE]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('KPI 表が見つかりません');
    expect(stderr).toContain(`--columns 'row=3,A=name,B=department,C=baseline,D=actual:2022,E=target'`);
  });

  test('inspect --columns reads it, and prints the mapping it used', async () => {
    const { code, stdout, stderr } = await run(['inspect', UNPLACEABLE, '--columns', COLUMNS]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('図書館の来館者数');
    expect(stdout).toContain(
      `--columns 'row=3,A=name,B=department,C=baseline:2019,D=actual:2022,E=target:2024'`,
    );
  });

  test('evaluate --columns judges every KPI', async () => {
    const { code, stdout } = await run(['evaluate', UNPLACEABLE, '--json', '--columns', COLUMNS]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as EvaluatedJson;
    expect(report.blocks[0].kpis.map((k) => [k.name, k.evaluation.grade])).toEqual([
      ['図書館の来館者数', 'B'],
      ['公園愛護団体の数', 'B'],
      ['市民農園の区画利用率', 'B'],
    ]);
  });

  test('evaluate -o saves the mapping; inspect and evaluate of the written workbook use it unasked', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kpi-columns-')), 'out.xlsx');
    const written = await run(['evaluate', UNPLACEABLE, '-o', out, '--columns', COLUMNS]);
    expect(written.code).toBe(0);
    const inspected = await run(['inspect', out]);
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toContain('指定・保存されたもの');
    expect(inspected.stdout).toContain('市民農園の区画利用率');
    const again = await run(['evaluate', out, '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as EvaluatedJson).blocks[0].kpis).toHaveLength(3);
  });

  test('a --columns value that is not a mapping is refused with a Japanese message and exit code 2', async () => {
    const { code, stderr } = await run(['evaluate', UNPLACEABLE, '--columns', 'row=3,C=target']);
    expect(code).toBe(2);
    expect(stderr).toContain('--columns の値が不正です');
    expect(stderr).toContain('KPI 名の列');
  });
});

describe('inspect prints the mapping of a sheet it did place, so one column can be fixed from the terminal', () => {
  test('the printed line, with one column changed, is taken by evaluate', async () => {
    const inspected = await run(['inspect', GOKANEN, '--json']);
    const columns = (JSON.parse(inspected.stdout) as { columns: string[] }).columns;
    // 「5ヵ年目標」 is read as five years after the 2013 baseline; the user moves it to R5 by hand.
    expect(columns).toEqual(['row=2,A=name,B=actual:2002,C=baseline:2013,D=target:2018,E=department']);
    const fixed = columns[0].replace('D=target:2018', 'D=target:R5');
    const { code, stdout } = await run(['inspect', GOKANEN, '--json', '--columns', fixed]);
    expect(code).toBe(0);
    const model = JSON.parse(stdout) as InspectJson & { columns: string[] };
    expect(model.blocks[0].kpis[0].target).toMatchObject({ year: 2023 });
    expect(model.columns).toEqual(['row=2,A=name,B=actual:2002,C=baseline:2013,D=target:2023,E=department']);
  });
});
