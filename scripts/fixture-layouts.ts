/**
 * KPI tables as other municipalities publish them (地方創生総合戦略, 総合計画 成果指標, 交付金 事業実施結果報告),
 * one or more per class of layout difference (names, words, structure, units, two-row headers, published
 * verdicts, tables without years), with invented values. `npm run fixtures` writes each to
 * tests/fixtures/layouts/<file>; tests/core/layout/layouts.test.ts states what each must read as.
 * The tables themselves are data, in fixture-layouts.json, grouped by the class of difference.
 */
import data from './fixture-layouts.json';

/** A cell: text as typed, or a number with its number format (`{ "v": 0.412, "f": "0.0%" }`). */
export type LayoutCell = string | { readonly v: number; readonly f: string };

export interface LayoutSheet {
  readonly name: string;
  /** Rows from row 1; `null` or [] is a blank row. Column offset by `left` (1 = column A). */
  readonly rows: readonly (readonly LayoutCell[] | null)[];
  readonly left?: number;
  readonly top?: number;
  /** A1 ranges, in sheet coordinates. */
  readonly merges?: readonly string[];
  /** Rows (sheet numbers) styled as header rows. */
  readonly headerRows?: readonly number[];
}

export interface Layout {
  readonly file: string;
  readonly city: string;
  readonly sheets: readonly LayoutSheet[];
}

/** The layouts by the class of layout difference they stand for. */
export const LAYOUT_GROUPS: Readonly<Record<string, readonly Layout[]>> = data.layouts;

export const LAYOUTS: readonly Layout[] = Object.values(LAYOUT_GROUPS).flat();

/**
 * A sheet the reader cannot place on its own: none of its header words names a KPI or a value column.
 * The pane's 「列の割り当て」 and `--columns` make it readable (tests/e2e/column-mapping.test.ts, tests/cli).
 */
export const UNPLACEABLE: Layout = data.unplaceable;
