/** Print setup of the KPI sheet and of the summary sheet. */
import type { Block, CellRange, Evaluation, PageLayout, TableRegion, WriteOp } from '../types';
import { formatJstDate } from './describe';
import { fiscalYearText } from './reading-text';

export interface KpiPrintInput {
  readonly sheet: string;
  readonly blocks: readonly Block[];
  /** Table and flags together. */
  readonly area: CellRange;
  readonly evaluation: Evaluation;
  readonly now: Date;
}

/**
 * Print titles can be a single row range: the first KPI table's header, which names the columns of
 * the rows that fill most pages (each block also starts a new page with its own headers).
 */
function titleRows(blocks: readonly Block[]): PageLayout['titleRows'] {
  const table: TableRegion | null = blocks.find((block) => block.kpiTable)?.kpiTable ?? null;
  return table ? { first: table.headerTop, last: table.headerRow } : null;
}

export function kpiSheetPrintOp(input: KpiPrintInput): WriteOp {
  const { sheet, blocks, area, evaluation, now } = input;
  const breaks = blocks
    .slice(1)
    .map((block) => block.firstRow)
    .filter((row) => row > area.top && row <= area.bottom);
  const year = fiscalYearText(evaluation.year);
  const layout: PageLayout = {
    orientation: 'landscape',
    paperSize: evaluation.settings.paperSize,
    fitToWidth: true,
    printArea: area,
    titleRows: titleRows(blocks),
    header: '&C&A',
    footer: `&C&P / &N&R${year}年度評価 (${formatJstDate(now)})`,
    rowBreaks: breaks,
    centerHorizontally: true,
  };
  return { op: 'setPageLayout', sheet, layout };
}

export function summaryPrintOp(sheet: string, area: CellRange, evaluation: Evaluation): WriteOp {
  return {
    op: 'setPageLayout',
    sheet,
    layout: {
      orientation: 'landscape',
      paperSize: evaluation.settings.paperSize,
      fitToWidth: true,
      printArea: area,
      titleRows: null,
      header: '&C&A',
      footer: '&C&P / &N',
      rowBreaks: [],
      centerHorizontally: true,
    },
  };
}
