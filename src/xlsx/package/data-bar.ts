/**
 * Solid data bars: the 2007 `dataBar` rule has no fill type, so Excel 2010's extension carries it
 * (MS-XLSX 2.6.1 CT_DataBar `gradient`, linked to the 2007 rule by `x14:id`). The id is derived from the sheet,
 * the range and the rule's priority, never random, so two runs write the same bytes.
 */
import { createHash } from 'node:crypto';
import type { ConditionalRule } from '../../core/types';
import { ElementList, attribute, splitElement } from './xml';

const X14_NAMESPACE = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM_NAMESPACE = 'http://schemas.microsoft.com/office/excel/2006/main';
/** The cfRule extension that holds the x14 id (MS-XLSX 2.3.6). */
const RULE_EXT_URI = '{B025F937-C7B1-47D3-B67F-A62EFF666E3E}';
/** The worksheet extension holding x14 conditional formattings. */
export const FORMATS_EXT_URI = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';

type DataBar = Extract<ConditionalRule, { type: 'dataBar' }>;

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

/** `{8C3A…}`: a GUID-shaped id from a hash of what identifies the rule. */
export function stableGuid(...parts: readonly string[]): string {
  const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex').toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

/** The 2007 rule, pointing at its x14 twin. */
export function dataBarRule(rule: DataBar, priority: number, id: string): string {
  return (
    `<cfRule type="dataBar" priority="${priority}"><dataBar>` +
    `<cfvo type="num" val="0"/><cfvo type="num" val="${rule.max}"/><color rgb="${argb(rule.color)}"/></dataBar>` +
    `<extLst><ext uri="${RULE_EXT_URI}" xmlns:x14="${X14_NAMESPACE}"><x14:id>${id}</x14:id></ext></extLst></cfRule>`
  );
}

/** The x14 twin: a solid bar from 0 to the rule's max. */
export function x14DataBar(rule: DataBar, id: string, sqref: string): string {
  return (
    `<x14:conditionalFormatting xmlns:xm="${XM_NAMESPACE}"><x14:cfRule type="dataBar" id="${id}">` +
    `<x14:dataBar minLength="0" maxLength="100" gradient="0">` +
    `<x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>${rule.max}</xm:f></x14:cfvo>` +
    `<x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>` +
    `<xm:sqref>${sqref}</xm:sqref></x14:conditionalFormatting>`
  );
}

/** The x14 ids a 2007 `conditionalFormatting` element links to. */
export function x14IdsOf(xml: string): string[] {
  return [...xml.matchAll(/<x14:id>([^<]*)<\/x14:id>/g)].map((m) => m[1]);
}

/**
 * The worksheet's `extLst` with x14 formattings removed (those whose rule ids are in `remove`) and added
 * (`add`); undefined when nothing is left in it. Other extensions keep their bytes and order.
 */
export function editExtList(
  extLst: string | undefined,
  remove: ReadonlySet<string>,
  add: readonly string[],
): string | undefined {
  const list = ElementList.parseOpen(extLst, 'extLst');
  const index = list.children.findIndex(
    (c) => c.name === 'ext' && attribute(c.xml, 'uri') === FORMATS_EXT_URI,
  );
  let ext =
    index >= 0
      ? list.children[index].xml
      : `<ext uri="${FORMATS_EXT_URI}" xmlns:x14="${X14_NAMESPACE}"><x14:conditionalFormattings></x14:conditionalFormattings></ext>`;
  const { start, inner, end } = splitElement(ext);
  const formattings = ElementList.parseOpen(
    inner.trim() === '' ? undefined : inner,
    'x14:conditionalFormattings',
  );
  formattings.children = formattings.children.filter((c) => {
    if (c.name !== 'x14:conditionalFormatting') return true;
    const ids = [...c.xml.matchAll(/<x14:cfRule\b[^>]*\sid="([^"]*)"/g)].map((m) => m[1]);
    return !(ids.length > 0 && ids.every((id) => remove.has(id)));
  });
  for (const xml of add) formattings.children.push({ name: 'x14:conditionalFormatting', xml });
  const left = formattings.children.filter((c) => c.name !== '').length;
  ext = `${start}${formattings.toString()}${end}`;
  if (left === 0) {
    if (index >= 0) list.children.splice(index, 1);
  } else if (index >= 0) list.children[index] = { name: 'ext', xml: ext };
  // A new x14 formattings extension goes first, where Excel writes it.
  else list.children.unshift({ name: 'ext', xml: ext });
  return list.children.some((c) => c.name !== '') ? list.toString() : undefined;
}
