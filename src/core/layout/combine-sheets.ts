/**
 * A workbook that keeps one sheet per 基本目標: its KPI sheets judged in one run, with one summary
 * over all of them. Which sheets belong together (bookSheets), and the one KpiSheet that stands for them
 * (combineSheets), every KPI and cell address of which says its sheet.
 */
import type { Block, Kpi, KpiSheet } from '../types';

/** A sheet read as a KPI table, in workbook order. */
export interface ReadKpiSheet {
  readonly name: string;
  readonly sheet: KpiSheet;
}

/** A KPI sheet left out of the run: it repeats the KPIs of `like` (the same table for another year, say). */
export interface RepeatedSheet {
  readonly name: string;
  readonly like: string;
}

export interface BookSheets<T extends ReadKpiSheet> {
  /** The sheets judged together, in workbook order; the first is the one a single-sheet run would read. */
  readonly included: readonly T[];
  readonly repeated: readonly RepeatedSheet[];
}

function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

function kpiNames(sheet: KpiSheet): Set<string> {
  const names = new Set<string>();
  for (const block of sheet.blocks) for (const kpi of block.kpis) names.add(nameKey(kpi.name));
  names.delete('');
  return names;
}

/**
 * Sheets that split one table between them (one per 基本目標) hold different KPIs; a sheet whose KPIs are
 * mostly (half or more) those of an earlier sheet is a copy of it (last year's table, a draft) and would
 * count every KPI twice, so it is left out and reported. `first`: the sheet the user is on, never left out
 * for another (it is weighed first); the included sheets stay in workbook order.
 */
export function bookSheets<T extends ReadKpiSheet>(sheets: readonly T[], first?: string): BookSheets<T> {
  const included: { read: T; names: Set<string> }[] = [];
  const repeated: RepeatedSheet[] = [];
  const weighed = [...sheets.filter((s) => s.name === first), ...sheets.filter((s) => s.name !== first)];
  for (const read of weighed) {
    const names = kpiNames(read.sheet);
    const like = included.find((earlier) => {
      let shared = 0;
      for (const name of names) if (earlier.names.has(name)) shared++;
      return names.size > 0 && shared * 2 >= names.size;
    });
    if (like) repeated.push({ name: read.name, like: like.read.name });
    else included.push({ read, names });
  }
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const inOrder = included
    .map((i) => i.read)
    .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return { included: inOrder, repeated };
}

function onSheet(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

function kpiOn(sheet: string, kpi: Kpi): Kpi {
  return {
    ...kpi,
    id: onSheet(sheet, kpi.id),
    ...(kpi.published
      ? { published: kpi.published.map((p) => ({ ...p, cell: onSheet(sheet, p.cell) })) }
      : {}),
    ...(kpi.declaredDirection
      ? { declaredDirection: { ...kpi.declaredDirection, cell: onSheet(sheet, kpi.declaredDirection.cell) } }
      : {}),
  };
}

function blockOn(sheet: string, block: Block): Block {
  return {
    ...block,
    sheet,
    headlines: block.headlines.map((k) => kpiOn(sheet, k)),
    kpis: block.kpis.map((k) => kpiOn(sheet, k)),
  };
}

/**
 * The sheets as one KpiSheet, for judging and summing them together: blocks in workbook order, each with
 * its sheet (Block.sheet); KPI ids and the A1 addresses the reader wrote (diagnostics, the city's verdict and
 * direction cells) qualified with the sheet (`基本目標2!R12`, `基本目標2!F12`), so that no two sheets' rows meet.
 * One sheet comes back as it is.
 */
export function combineSheets(sheets: readonly ReadKpiSheet[]): KpiSheet {
  if (sheets.length === 1) return sheets[0].sheet;
  return {
    sheet: sheets.map((s) => s.name).join('、'),
    title: sheets.find((s) => s.sheet.title !== null)?.sheet.title ?? null,
    blocks: sheets.flatMap(({ name, sheet }) => sheet.blocks.map((b) => blockOn(name, b))),
    diagnostics: sheets.flatMap(({ name, sheet }) =>
      sheet.diagnostics.map((d) => ({ ...d, cell: onSheet(name, d.cell) })),
    ),
    mappings: sheets.flatMap(({ sheet }) => sheet.mappings ?? []),
  };
}
