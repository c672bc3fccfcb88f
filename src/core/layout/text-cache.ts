/** Caching a pure function of a cell's text for one sheet read. */

/**
 * The function with a cache: a sheet repeats its labels, names and values row after row, and the tests on
 * them (NFKC, patterns) cost microseconds. The caller keeps the result for one sheet read only.
 */
export function cacheByText<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined || cache.has(text)) return known as T;
    const result = fn(text);
    cache.set(text, result);
    return result;
  };
}
