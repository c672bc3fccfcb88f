/**
 * Request and response size estimates, to keep each `context.sync()` under Excel on the web's 5 MB
 * payload limit. Office.js sends JSON; characters outside ASCII are counted as `\uXXXX` escapes (6
 * bytes), the most they can cost, so an estimate never undercounts Japanese text.
 */

/** Excel on the web rejects requests and responses above 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** What one batch may carry: half the limit, leaving room for Office.js's own envelope per call. */
export const DEFAULT_PAYLOAD_BUDGET = Math.floor(PAYLOAD_LIMIT_BYTES / 2);

export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) bytes += json.charCodeAt(i) < 0x80 ? 1 : 6;
  return bytes;
}
