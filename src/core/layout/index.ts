/** The layout reader: a Grid read into the KpiSheet model (blocks, headlines, KPIs, diagnostics). */
export { readKpiSheet } from './read-sheet';
export { periodOf } from './labels';
export {
  bindMappings,
  formatMapping,
  parseMapping,
  proposeMapping,
  ROLE_LABELS_JA,
  roleLabel,
} from './mapping';
export type { ParsedMapping } from './mapping';
export type { ReadOptions } from './read-sheet';
