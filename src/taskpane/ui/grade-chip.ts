/**
 * Grade colours and chips. The colours are the sheet's own (core/plan/palette.ts: the 判定 cell's fill and
 * text colour for the scale in force), so a D chip in the pane is the D cell's pink in the sheet, and a
 * city's own scale (◎○△×, S/A/B/C) colours the pane as it colours the sheet.
 */
import { gradeFill } from '../../core/plan/palette';
import type { Grade, GradeScale } from '../../core/types';
import { gradeCode, gradeName } from '../i18n';
import { h } from './dom';

/** Inline colours of a grade on the scale, as its 判定 cell shows them. */
export function gradeStyle(scale: GradeScale, grade: Grade): string {
  const { fill, fontColor } = gradeFill(scale, grade);
  return `background:${fill ?? 'transparent'};color:${fontColor ?? 'inherit'}`;
}

/**
 * A grade chip: shows the symbol, speaks the symbol and its label (`D 遅れ`) — a bare "D" tells a
 * screen-reader user nothing.
 */
export function gradeChip(grade: Grade, scale: GradeScale): HTMLElement {
  return h(
    'span',
    { className: 'badge', 'data-grade': grade, style: gradeStyle(scale, grade) },
    h('span', { 'aria-hidden': 'true' }, gradeCode(grade)),
    h('span', { className: 'sr-only' }, gradeName(grade, scale)),
  );
}
