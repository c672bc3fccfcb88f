/** Names for the sheets the add-in adds, never taking a sheet of the user's. */

/** `base`, else `base (2)`, `base (3)` …: the first one not in `taken`. */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
