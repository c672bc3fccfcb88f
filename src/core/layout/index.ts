/** The layout reader: a Grid read into the KpiSheet model (blocks, headlines, KPIs, diagnostics). */
export { readKpiSheet } from './read-sheet';
export { periodOf } from './labels';
