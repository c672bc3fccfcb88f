/**
 * The width a wrapped column needs so that no word in it is broken across lines: a column of sentences is
 * sized from the longest word it holds, not from its longest text (which would only wrap less). A line may
 * break at a space and beside a Japanese character (UAX #14's ideographic class), but not inside a run of
 * Latin letters, digits and their signs (`30,239`, `4.4ha`, `△15`), nor before a closing mark (`、` `)`
 * `%`) or after an opening one (`(` `「`), which stay with their word, as both Excel and LibreOffice keep them.
 */
import { textUnits } from './text-size';

/** Ideographs, kana and full-width letters: a line may break before and after each. */
const BREAKS_AROUND = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u;

/** Marks a line never starts with: they join the word before them. */
const CLOSING =
  /[、。，．・ー）」』】〕〉》’”!?！？%％:;：；,.)\]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々]/u;

/** Marks a line never ends with: they join the word after them. */
const OPENING = /[（「『【〔〈《‘“([{]/u;

/** The words of `text` a line cannot break inside, in order. */
export function unbreakableWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let previous = '';
  for (const char of text) {
    if (/\s/u.test(char)) {
      if (word !== '') words.push(word);
      word = '';
      previous = '';
      continue;
    }
    const joins =
      word === '' ||
      CLOSING.test(char) ||
      OPENING.test(previous) ||
      (!BREAKS_AROUND.test(char) && !BREAKS_AROUND.test(previous));
    if (!joins) {
      words.push(word);
      word = '';
    }
    word += char;
    previous = char;
  }
  if (word !== '') words.push(word);
  return words;
}

/** The widest unbreakable word of `text`, in Excel's character units (a full-width character counts two). */
export function longestWordUnits(text: string): number {
  let widest = 0;
  for (const word of unbreakableWords(text)) widest = Math.max(widest, textUnits(word));
  return widest;
}

/**
 * A wrapped column's width: `base`, widened (to at most `max`) until its longest word fits on one line at
 * `fontSize`, by the same measure as the row heights (wrappedLines keeps 1.5 characters for the padding).
 */
export function widthForWords(texts: Iterable<string>, base: number, max: number, fontSize = 11): number {
  let widest = 0;
  for (const text of texts) widest = Math.max(widest, longestWordUnits(text));
  const needed = Math.ceil((widest * fontSize) / 11 + 1.5);
  return Math.min(max, Math.max(base, needed));
}
