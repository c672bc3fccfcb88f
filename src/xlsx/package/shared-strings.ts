/**
 * xl/sharedStrings.xml, read only: each `si` as the text Office.js gives for it, runs joined and phonetic
 * guides (`rPh`, the furigana of a Japanese workbook) left out. The add-in writes its own text as inline
 * strings, so this part is never rewritten and the city's string table keeps its bytes.
 */
import { decodeXstring, unescapeXml } from './xml';

/** The text of an `si` or `is` element: its `t` elements outside `rPh`, joined. */
export function stringItemText(xml: string): string {
  const withoutPhonetic = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(withoutPhonetic); m; m = re.exec(withoutPhonetic)) out += m[1];
  return decodeXstring(unescapeXml(out));
}

export function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml))
    strings.push(m[1] === undefined ? '' : stringItemText(m[1]));
  return strings;
}
