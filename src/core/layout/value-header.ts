/**
 * What a value column's header says: its role (基準値, 実績, 目標値, 中間目標) and its year, in the many ways
 * cities write them: `基準値/現状値(H27)`, `策定時の値(2016年度)`, `初期値(計画策定時)`, `平成14年実績`,
 * `R5見込`, `9月30日現在`, `5か年目標`, `最終目標`, `中間目標(2020年度)`, `KPI(令和7年3月まで)` (a target by a
 * date), `KPI(令和2年度)` (that year's actual), `16年度` (an era left out). Headers that say more than a role
 * and a year are not value headers.
 */
import { parseYearHeader } from '../read';
import { ERA_START } from '../read/fiscal-year';
import { nfkcProtected } from '../read/normalize';
import type { FiscalYear } from '../types';

/** `forecast`: a 見込 column, the year's expected value, never an actual. */
export type ValueRole = 'baseline' | 'actual' | 'target' | 'interim' | 'forecast';

export interface ValueHeader {
  readonly role: ValueRole;
  /** null when the header names no year (the year is written in the cells, or nowhere). */
  readonly year: FiscalYear | null;
  /** The year had no era (`16年度`): 平成 or 令和 was chosen by its number. */
  readonly eraGuessed?: boolean;
}

const INTERIM = /中間目標|中間値|中間年度/u;
const TARGET = /目標値|目標|まで/u;
const BASELINE =
  /現状値|現状|現況値?|当初|基準値|基準年度|基準年|基準|策定時|当初値|初期値|事業開始前|開始前/u;
const ACTUAL = /実績値|実績|現在|時点|速報値?/u;
const FORECAST = /見込/u;
/** Every word a value header may hold besides its year; removed before checking that nothing else is left. */
const FILLER =
  /中間目標|中間値|中間年度|目標値|最終目標|最終|目標|まで|現状値|現状|現況値?|当初|基準値|基準年度|基準年|基準|計画策定時|策定時|当初値|初期値|事業開始前|開始前|実績値|実績|見込み?値?|現在|時点|速報値?|の値|の|値|KPI|指標|末|[0-9]+[かヵヶカケ]年|[0-9]+月[0-9]+日|[0-9]+月|年度|年|度|[()[\]【】〔〕「」<>＜＞{}:：・/／~〜\-－]/gu;

/** `平成28年3月`, and the dotted date a form writes (`H28.3`, `R2.10`). */
const ERA =
  /(平成|令和|昭和|H|R|S)([0-9]{1,2}|元)(?:[.．/]([0-9]{1,2})(?![0-9])|(?:年度|年)?(?:([0-9]{1,2})月)?)/iu;
const GREGORIAN = /(?:FY)?((?:19|20|21)[0-9]{2})(?:年度|年)?(?:([0-9]{1,2})月)?/iu;
const ERALESS = /(?:^|[^0-9])([0-9]{1,2}|元)(年度|年)(?:([0-9]{1,2})月)?/u;

/** A month of Jan–Mar belongs to the fiscal year that started the April before (`令和7年3月` → FY2024). */
function fiscal(year: number, month: string | undefined): number {
  const m = month === undefined ? null : Number(month);
  return m !== null && m >= 1 && m <= 3 ? year - 1 : year;
}

interface FoundYear {
  readonly year: FiscalYear;
  readonly eraGuessed: boolean;
}

/** The first year the header names, anywhere in it. */
export function findYear(compact: string): FoundYear | null {
  const era = ERA.exec(compact);
  if (era) {
    const key = era[1].length === 1 ? era[1].toUpperCase() : era[1];
    const n = era[2] === '元' ? 1 : Number(era[2]);
    if (n >= 1) return { year: fiscal(ERA_START[key] + n, era[3] ?? era[4]), eraGuessed: false };
  }
  const gregorian = GREGORIAN.exec(compact);
  if (gregorian) return { year: fiscal(Number(gregorian[1]), gregorian[2]), eraGuessed: false };
  const bare = ERALESS.exec(compact);
  if (bare) {
    const n = bare[1] === '元' ? 1 : Number(bare[1]);
    // 平成 ran to 31 and 令和 started in 2019: a two-digit year past 11 is 平成, a small one 令和.
    const start = n >= 12 ? 1988 : 2018;
    if (n >= 1) return { year: fiscal(start + n, bare[3]), eraGuessed: true };
  }
  return null;
}

function roleOf(compact: string): ValueRole | null {
  if (INTERIM.test(compact)) return 'interim';
  if (TARGET.test(compact)) return 'target';
  if (BASELINE.test(compact)) return 'baseline';
  if (FORECAST.test(compact)) return 'forecast';
  if (ACTUAL.test(compact)) return 'actual';
  return null;
}

function compactOf(text: string): string {
  return nfkcProtected(text).replace(/\s+/gu, '');
}

/** Whether the header names a year (a `KPI(令和2年度)` header is a value column, not the KPI name). */
export function namesYear(text: string): boolean {
  return findYear(compactOf(text)) !== null;
}

/** The value header a text states, or null when it is not one. */
export function valueHeader(text: string): ValueHeader | null {
  if (text.length > 40) return null;
  const strict = parseYearHeader(text);
  const compact = compactOf(text);
  if (strict) {
    if (INTERIM.test(compact)) return { role: 'interim', year: strict.year };
    return strict.role === 'actual' && FORECAST.test(compact)
      ? { role: 'forecast', year: strict.year }
      : strict;
  }
  const rest = compact.replace(FILLER, '').replace(ERA, '');
  const found = findYear(compact);
  const leftover = found ? rest.replace(/[0-9]/gu, '').replace(/平成|令和|昭和|FY|[HRS]/giu, '') : rest;
  if (leftover.length > 4 || (!found && /[0-9]/u.test(rest))) return null;
  const role = roleOf(compact);
  if (role === null && found === null) return null;
  if (role === null && leftover !== '') return null;
  return {
    role: role ?? 'actual',
    year: found ? found.year : null,
    ...(found?.eraGuessed ? { eraGuessed: true } : {}),
  };
}
