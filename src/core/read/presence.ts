/**
 * Presence words (EVALUATION.md section 1): whether a system or facility exists, ranked
 * none 0 < partial 1 < present 2 < expanded 3 so a target of 有 is met by 拡充.
 */
import type { PresenceLevel } from '../types/reading';

const LEVEL_OF_WORD: ReadonlyMap<string, PresenceLevel> = new Map<string, PresenceLevel>([
  ['有', 'present'],
  ['有り', 'present'],
  ['あり', 'present'],
  ['アリ', 'present'],
  ['実施', 'present'],
  ['実施中', 'present'],
  ['実施済み', 'present'],
  ['実施済', 'present'],
  ['設置', 'present'],
  ['設置済み', 'present'],
  ['設置済', 'present'],
  ['策定', 'present'],
  ['策定済み', 'present'],
  ['策定済', 'present'],
  ['整備済み', 'present'],
  ['整備済', 'present'],
  ['導入済み', 'present'],
  ['導入済', 'present'],
  ['済', 'present'],
  ['済み', 'present'],
  ['継続', 'present'],
  ['継続実施', 'present'],
  ['拡充', 'expanded'],
  ['拡大', 'expanded'],
  ['一部', 'partial'],
  ['一部実施', 'partial'],
  ['一部有', 'partial'],
  ['無', 'none'],
  ['無し', 'none'],
  ['なし', 'none'],
  ['ナシ', 'none'],
  ['未実施', 'none'],
  ['未設置', 'none'],
  ['未策定', 'none'],
  ['未整備', 'none'],
  ['未導入', 'none'],
]);

/** `不育のみ有`: present for part of the scope only. */
const ONLY_PART = /^\S{1,20}のみ(?:有|有り|あり|実施|設置)$/u;

export const PRESENCE_RANK: Readonly<Record<PresenceLevel, number>> = {
  none: 0,
  partial: 1,
  present: 2,
  expanded: 3,
};

/** The presence level a normalized text states, or null when it is not a presence word. */
export function readPresenceLevel(normalized: string): PresenceLevel | null {
  const word = normalized.replace(/\s+/gu, '');
  const level = LEVEL_OF_WORD.get(word);
  if (level !== undefined) return level;
  return ONLY_PART.test(word) ? 'partial' : null;
}
