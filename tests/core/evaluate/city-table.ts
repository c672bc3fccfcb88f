/**
 * The city tables of scripts/fixtures/published-verdicts.ts as Kpi objects, built here the way the reader
 * is to build them: 方向性 → declaredDirection, 中間目標(H28年度) → interimTargets, 達成率H28 /
 * 評価H28 / 評価 → published. Lets the judging rules be checked on the very rows of the workbook before the
 * reader reads those columns.
 */
import { parseYearHeader, readText } from '../../../src/core/read';
import type { DeclaredDirection, Kpi, KpiSheet, PublishedVerdict, YearCell } from '../../../src/core/types';
import { cellAddress } from '../../../src/core/a1';
import { HEADER_ROW, type CityTable } from '../../../scripts/fixtures/published-verdicts';
import { block, sheet } from './build';

const UP = ['増加を目指す', '↑', 'アップ'];
const DOWN = ['減少を目指す', '↓', 'ダウン'];

function declared(text: string, cell: string): DeclaredDirection | null {
  if (UP.includes(text)) return { direction: 'up', cell, raw: text };
  if (DOWN.includes(text)) return { direction: 'down', cell, raw: text };
  return null;
}

function yearIn(header: string): number | null {
  const match = /(H|R)(\d+|元)/.exec(header);
  if (!match) return null;
  const n = match[2] === '元' ? 1 : Number(match[2]);
  return match[1] === 'H' ? 1988 + n : 2018 + n;
}

export function kpiOf(table: CityTable, index: number): Kpi {
  const cells = table.rows[index];
  const row = HEADER_ROW + 1 + index;
  const at = (col: number, year: number): YearCell => ({
    year,
    reading: readText(cells[col]),
    cell: { row, col: col + 1 },
  });
  let baseline: YearCell | null = null;
  let target: YearCell | null = null;
  let declaredDirection: DeclaredDirection | null = null;
  const actuals: YearCell[] = [];
  const interimTargets: YearCell[] = [];
  const published: PublishedVerdict[] = [];
  table.header.forEach((header, col) => {
    const address = cellAddress(row, col + 1);
    const raw = cells[col];
    if (header === '方向性') declaredDirection = declared(raw, address);
    else if (header.startsWith('中間目標')) interimTargets.push(at(col, yearIn(header) ?? 0));
    else if (header.startsWith('達成率') || header.startsWith('評価')) {
      const kind = header.startsWith('達成率') ? 'rate' : 'grade';
      const reading = readText(raw);
      published.push({
        kind,
        year: yearIn(header),
        cell: address,
        raw,
        rate: kind === 'rate' && reading.kind === 'percent' ? reading.value : null,
      });
    } else {
      const parsed = parseYearHeader(header);
      if (!parsed) return;
      if (parsed.role === 'baseline') baseline = at(col, parsed.year);
      else if (parsed.role === 'target') target = at(col, parsed.year);
      else actuals.push(at(col, parsed.year));
    }
  });
  return {
    id: `R${row}`,
    role: 'kpi',
    row,
    name: cells[1],
    framework: cells[0],
    measure: '',
    period: null,
    department: cells[2],
    unit: '',
    baseline,
    actuals,
    target,
    directionChoice: null,
    interimTargets,
    declaredDirection,
    published,
    notes: [],
  };
}

export function sheetOfTable(table: CityTable): KpiSheet {
  return sheet([
    block(
      table.goal,
      [],
      table.rows.map((_, i) => kpiOf(table, i)),
    ),
  ]);
}
