/**
 * Conditional formats evaluated for display in the demo table, as Excel would paint them.
 * Formula rules understand what the plan writes: comparisons of cell references with text or
 * numbers (`=$P5="A"`), combined with AND / OR / NOT. Anything else paints nothing.
 */
import { columnNumber } from '../../core/a1';
import type { CellRange, CellValue, Color, ConditionalRule } from '../../core/types';

export interface PaintedStyle {
  readonly fill?: Color;
  readonly fontColor?: Color;
  /** Length of a data bar as a fraction of the cell width (0..1). */
  readonly dataBar?: { readonly color: Color; readonly fraction: number };
}

/** Reads a cell of the sheet the rule sits on. */
export type CellLookup = (row: number, col: number) => { readonly value: CellValue; readonly text: string };

type Token =
  | {
      readonly t: 'ref';
      readonly row: number;
      readonly col: number;
      readonly absRow: boolean;
      readonly absCol: boolean;
    }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'name'; readonly v: string }
  | { readonly t: 'op'; readonly v: string }
  | { readonly t: 'punct'; readonly v: '(' | ')' | ',' };

function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  const re =
    /\s*(?:(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Z(])|"((?:[^"]|"")*)"|(\d+(?:\.\d+)?)|([A-Z][A-Z0-9.]*)|(<>|>=|<=|=|<|>)|([(),]))/gy;
  const rest = formula.replace(/^=/, '');
  while (re.lastIndex < rest.length) {
    const start = re.lastIndex;
    const m = re.exec(rest);
    if (!m || m.index !== start) {
      if (rest.slice(start).trim() === '') break;
      return null;
    }
    if (m[2] !== undefined) {
      tokens.push({
        t: 'ref',
        absCol: m[1] === '$',
        col: columnNumber(m[2]),
        absRow: m[3] === '$',
        row: Number(m[4]),
      });
    } else if (m[5] !== undefined) tokens.push({ t: 'str', v: m[5].replace(/""/g, '"') });
    else if (m[6] !== undefined) tokens.push({ t: 'num', v: Number(m[6]) });
    else if (m[7] !== undefined) tokens.push({ t: 'name', v: m[7] });
    else if (m[8] !== undefined) tokens.push({ t: 'op', v: m[8] });
    else if (m[9] !== undefined) tokens.push({ t: 'punct', v: m[9] as '(' | ')' | ',' });
  }
  return tokens;
}

type Value = string | number | boolean;

/** Evaluates a rule formula for one cell, offset from the range's top-left as Excel does. */
export function formulaHolds(
  formula: string,
  anchor: { readonly row: number; readonly col: number },
  at: { readonly row: number; readonly col: number },
  lookup: CellLookup,
): boolean {
  const tokens = tokenize(formula);
  if (!tokens) return false;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (): never => {
    throw new Error('unsupported formula');
  };

  const operand = (): Value => {
    const token = tokens[pos++] ?? fail();
    switch (token.t) {
      case 'str':
      case 'num':
        return token.v;
      case 'ref': {
        const row = token.absRow ? token.row : token.row + (at.row - anchor.row);
        const col = token.absCol ? token.col : token.col + (at.col - anchor.col);
        const cell = lookup(row, col);
        return cell.value;
      }
      case 'name': {
        if (token.v === 'TRUE' || token.v === 'FALSE') return token.v === 'TRUE';
        const open = tokens[pos++];
        if (!open || open.t !== 'punct' || open.v !== '(') return fail();
        const args: Value[] = [];
        if (!(peek()?.t === 'punct' && (peek() as { v: string }).v === ')')) {
          args.push(comparison());
          while (peek()?.t === 'punct' && (peek() as { v: string }).v === ',') {
            pos++;
            args.push(comparison());
          }
        }
        const close = tokens[pos++];
        if (!close || close.t !== 'punct' || close.v !== ')') return fail();
        if (token.v === 'AND') return args.every(truthy);
        if (token.v === 'OR') return args.some(truthy);
        if (token.v === 'NOT') return !truthy(args[0] ?? false);
        if (token.v === 'ISBLANK') return args[0] === '';
        if (token.v === 'ISNUMBER') return typeof args[0] === 'number';
        if (token.v === 'LEFT') return String(args[0] ?? '').slice(0, Number(args[1] ?? 1));
        if (token.v === 'RIGHT') return String(args[0] ?? '').slice(-Number(args[1] ?? 1));
        if (token.v === 'LEN') return String(args[0] ?? '').length;
        return fail();
      }
      case 'punct':
        if (token.v === '(') {
          const inner = comparison();
          pos++;
          return inner;
        }
        return fail();
      default:
        return fail();
    }
  };

  const comparison = (): Value => {
    const left = operand();
    const next = peek();
    if (next?.t !== 'op') return left;
    pos++;
    const right = operand();
    return compare(left, next.v, right);
  };

  try {
    const result = comparison();
    return pos === tokens.length && truthy(result);
  } catch {
    return false;
  }
}

function truthy(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return false;
}

function compare(left: Value, op: string, right: Value): boolean {
  // Excel compares text case-insensitively; a number never equals text.
  const norm = (v: Value): Value => (typeof v === 'string' ? v.toLowerCase() : v);
  const a = norm(left);
  const b = norm(right);
  if (op === '=') return a === b;
  if (op === '<>') return a !== b;
  if (typeof a !== typeof b) return false;
  if (op === '>') return a > b;
  if (op === '<') return a < b;
  if (op === '>=') return a >= b;
  if (op === '<=') return a <= b;
  return false;
}

/** The style a rule paints on one cell of its range, or null when it does not apply there. */
export function paint(
  rule: ConditionalRule,
  range: CellRange,
  at: { readonly row: number; readonly col: number },
  lookup: CellLookup,
): PaintedStyle | null {
  switch (rule.type) {
    case 'textEquals':
      return lookup(at.row, at.col).text === rule.text ? rule.style : null;
    case 'dataBar': {
      const value = lookup(at.row, at.col).value;
      if (typeof value !== 'number' || rule.max <= 0) return null;
      return { dataBar: { color: rule.color, fraction: Math.max(0, Math.min(1, value / rule.max)) } };
    }
    case 'formula':
      return formulaHolds(rule.formula, { row: range.top, col: range.left }, at, lookup) ? rule.style : null;
  }
}
