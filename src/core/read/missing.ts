/**
 * Missing-value marks (EVALUATION.md section 1): `—` `－` `-` `―` `‐` `−` a lone `ー`, `…`, and empty.
 * Tested on normalized text (so `－` has become `-` and `…` has become `...`); the reading keeps the mark
 * as the city wrote it.
 */

/** One or more dashes of any width, or an ellipsis (`...`, `‥`, `・・・`). */
const MISSING_MARK = /^(?:[-‐‑‒–—―−─━ー]+|\.{2,}|[…‥]+|・{2,})$/u;

/** True when the normalized text is a missing-value mark or empty. */
export function isMissingMark(normalized: string): boolean {
  return normalized === '' || MISSING_MARK.test(normalized);
}
