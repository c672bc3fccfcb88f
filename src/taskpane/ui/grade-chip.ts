/** Grade colours and chips: one class per grade, the colours themselves from the sheet's palette. */
import type { Grade } from '../../core/types';

export function gradeClass(grade: Grade): string {
  return grade === '廃止' ? 'abolished' : grade.toLowerCase();
}
