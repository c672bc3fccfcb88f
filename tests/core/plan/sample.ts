/**
 * A hand-built KPI sheet in the progress table's shape, for plan tests that must not wait for the
 * layout reader: the grid as cells, and the KpiSheet a reader would make of it.
 */
import { readCell } from '../../../src/core/read';
import type {
  Block,
  CellValue,
  Grid,
  Kpi,
  KpiSheet,
  OutputMark,
  TableRegion,
  YearCell,
} from '../../../src/core/types';

const YEARS = [2020, 2021, 2022, 2023, 2024];
const HEADLINE_HEADER = ['基本目標', '数値目標', 'H30 (現状値)', 'R2', 'R3', 'R4', 'R5', 'R6', 'R6 (目標値)'];
const KPI_HEADER = [
  '施策の枠組み',
  '具体的な施策',
  'KPI(重要業績評価指標)',
  '担当課',
  'H30 (現状値)',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R6 (目標値)',
];

export interface SampleOptions {
  /** KPI rows per block. */
  readonly kpiRows?: number;
  readonly blocks?: number;
  readonly marks?: readonly OutputMark[];
  readonly sheetNames?: readonly string[];
  /** Extra cells the user wrote: `[row, col, value]`. */
  readonly extra?: readonly (readonly [number, number, CellValue])[];
  /** Columns the grid spans at least (a reader reads up to the last used column). */
  readonly width?: number;
}

export interface Sample {
  readonly grid: Grid;
  readonly sheet: KpiSheet;
}

function yearCell(year: number, text: string, row: number, col: number): YearCell {
  return { year, reading: readCell({ value: text }), cell: { row, col } };
}

export const SHEET = 'KPI一覧';

/** Latest (R6) value of KPI i: 14人 for i = 0 (創業者数: D), 39人 for i = 1 (achieved), … */
export function latestOf(i: number): number {
  return [14, 39, 33, 25][i % 4];
}

export function buildSample(options: SampleOptions = {}): Sample {
  const kpiRows = options.kpiRows ?? 3;
  const blockCount = options.blocks ?? 2;
  const rows: CellValue[][] = [['II 基本目標と具体的な施策のKPI一覧'], []];
  const blocks: Block[] = [];
  for (let b = 0; b < blockCount; b++) {
    const firstRow = rows.length + 1;
    const goal = `${b + 1} 浅口市の目標その${b + 1}`;
    rows.push([...HEADLINE_HEADER]);
    const headRow = rows.length + 1;
    rows.push([goal, '移動数(転入一転出)', '10人', '△15人', '△36人', '122人', '△51人', '△59人', '0人']);
    const headline: Kpi = {
      id: `R${headRow}`,
      role: 'headline',
      row: headRow,
      name: '移動数(転入一転出)',
      framework: '',
      measure: '',
      period: null,
      department: '',
      unit: '人',
      baseline: yearCell(2018, '10人', headRow, 3),
      actuals: [
        yearCell(2020, '△15人', headRow, 4),
        yearCell(2021, '△36人', headRow, 5),
        yearCell(2022, '122人', headRow, 6),
        yearCell(2023, '△51人', headRow, 7),
        yearCell(2024, '△59人', headRow, 8),
      ],
      target: yearCell(2024, '0人', headRow, 9),
      directionChoice: null,
      notes: [],
    };
    const headlineTable: TableRegion = {
      headerTop: headRow - 1,
      headerRow: headRow - 1,
      firstRow: headRow,
      lastRow: headRow,
      firstCol: 1,
      lastCol: 9,
    };
    rows.push([]);
    const kpiHeader = rows.length + 1;
    rows.push([...KPI_HEADER]);
    const kpis: Kpi[] = [];
    for (let i = 0; i < kpiRows; i++) {
      const row = rows.length + 1;
      const values = ['15人', '8人', '18人', '25人', '25人', `${latestOf(i)}人`];
      rows.push([
        i === 0 ? '1 就業の場の拡大' : '',
        i === 0 ? '① 産業の担い手育成' : '',
        `創業者数 ${i + 1} (年間)`,
        '産業振興課',
        ...values,
        '39人',
      ]);
      kpis.push({
        id: `R${row}`,
        role: 'kpi',
        row,
        name: `創業者数 ${i + 1} (年間)`,
        framework: '1 就業の場の拡大',
        measure: '① 産業の担い手育成',
        period: 'annual',
        department: '産業振興課',
        unit: '人',
        baseline: yearCell(2018, '15人', row, 5),
        actuals: YEARS.map((year, k) => yearCell(year, values[k + 1], row, 6 + k)),
        target: yearCell(2024, '39人', row, 11),
        directionChoice: null,
        notes: [],
      });
    }
    const kpiTable: TableRegion = {
      headerTop: kpiHeader,
      headerRow: kpiHeader,
      firstRow: kpiHeader + 1,
      lastRow: kpiHeader + kpiRows,
      firstCol: 1,
      lastCol: 11,
    };
    rows.push([]);
    blocks.push({ goal, goalNumber: b + 1, firstRow, headlines: [headline], kpis, headlineTable, kpiTable });
  }
  for (const [row, col, value] of options.extra ?? []) {
    while (rows.length < row) rows.push([]);
    rows[row - 1][col - 1] = value;
  }
  const width = Math.max(options.width ?? 11, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
  const grid: Grid = {
    sheet: SHEET,
    top: 1,
    left: 1,
    values,
    texts: values.map((r) => r.map(String)),
    formats: values.map((r) => r.map(() => 'General')),
    merges: [],
    marks: options.marks ?? [],
    sheetNames: options.sheetNames ?? [SHEET],
  };
  return {
    grid,
    sheet: { sheet: SHEET, title: 'II 基本目標と具体的な施策のKPI一覧', blocks, diagnostics: [] },
  };
}
