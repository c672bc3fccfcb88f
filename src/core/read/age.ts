/**
 * Age limits (EVALUATION.md section 1): `小6まで` 12, `中3まで` 15, `高3まで` 18, `満18歳まで` 18,
 * `18歳年度末まで` 18. The value is the age at the end of the school year named, so they order by age.
 */

/** Age at the end of grade n: 小 n → 6 + n, 中 n → 12 + n, 高 n → 15 + n. */
const SCHOOL_START_AGE: Readonly<Record<string, number>> = { 小: 6, 中: 12, 高: 15 };

const SCHOOL_GRADE = /^(小|中|高)(?:学校?|校)?(\d)(?:年生?)?(?:の?年度末)?まで$/u;
const AGE_YEARS = /^満?(\d{1,3})歳(?:に達する日以後の最初の3月31日|到達後?の?年度末|の?年度末)?まで$/u;

/** The age limit a normalized text states, or null. */
export function readAgeLimit(normalized: string): number | null {
  const text = normalized.replace(/\s+/gu, '');
  const grade = SCHOOL_GRADE.exec(text);
  if (grade) {
    const level = grade[1];
    const year = Number(grade[2]);
    const maxGrade = level === '小' ? 6 : 3;
    if (year < 1 || year > maxGrade) return null;
    return SCHOOL_START_AGE[level] + year;
  }
  const years = AGE_YEARS.exec(text);
  if (years) {
    const age = Number(years[1]);
    return age <= 150 ? age : null;
  }
  return null;
}

/** The way the city writes an age limit: 12 → `小6まで`, 15 → `中3まで`, 18 → `満18歳まで`. */
export function formatAgeLimit(age: number): string {
  if (age >= 7 && age <= 12) return `小${age - 6}まで`;
  if (age >= 13 && age <= 15) return `中${age - 12}まで`;
  return `満${age}歳まで`;
}
