/**
 * Grade colours and chips. The colours are the sheet's own (core/plan/palette.ts), set as CSS custom
 * properties on the pane, so a D chip in the pane is the D cell's pink in the sheet.
 */
import { GRADE_FILL } from '../../core/plan/palette';
import type { Grade } from '../../core/types';
import { gradeCode, gradeName } from '../i18n';
import { GRADES } from '../model';
import { h } from './dom';

export function gradeClass(grade: Grade): string {
  return grade === '廃止' ? 'abolished' : grade.toLowerCase();
}

/** `--grade-d: #FFC7CE; --grade-d-fg: #9C0006` and so on for every grade, on the pane's root. */
export function applyGradePalette(root: HTMLElement): void {
  for (const grade of GRADES) {
    root.style.setProperty(`--grade-${gradeClass(grade)}`, GRADE_FILL[grade].fill ?? 'transparent');
    root.style.setProperty(`--grade-${gradeClass(grade)}-fg`, GRADE_FILL[grade].fontColor ?? 'inherit');
  }
}

/**
 * A grade chip: shows the code, speaks the code and its label (`D 遅れ`) — a bare "D" tells a
 * screen-reader user nothing.
 */
export function gradeChip(grade: Grade, labels: Readonly<Record<Grade, string>>): HTMLElement {
  return h(
    'span',
    { className: `badge grade--${gradeClass(grade)}`, 'data-grade': grade },
    h('span', { 'aria-hidden': 'true' }, gradeCode(grade)),
    h('span', { className: 'sr-only' }, gradeName(grade, labels)),
  );
}
