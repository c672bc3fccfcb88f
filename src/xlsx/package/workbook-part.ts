/**
 * xl/workbook.xml: the sheet list and the defined names (ECMA-376 Part 1, 18.2.27 workbook). Only the
 * `sheets` and `definedNames` elements are ever rewritten; every other child keeps its bytes.
 */
import type { SheetVisibility } from '../../core/types';
import { attribute, ElementList, escapeXml, splitElement, unescapeXml, withAttribute } from './xml';

/** CT_Workbook's sequence, for inserting a `definedNames` the workbook did not have. */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

const REL_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly visibility: SheetVisibility;
  /** The element as the file has it, kept when the sheet is not changed. */
  readonly xml: string;
}

export interface DefinedName {
  readonly name: string;
  /** Index in the sheet list of the sheet the name belongs to; undefined for a workbook name. */
  readonly localSheetId: number | undefined;
  /** The formula text, unescaped: `'KPI一覧'!$P$5:$T$60`. */
  readonly formula: string;
  /** The element as the file has it; undefined for a name the add-in writes now. */
  readonly xml: string | undefined;
}

function visibilityOf(state: string | undefined): SheetVisibility {
  return state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
}

export class WorkbookPart {
  readonly sheets: SheetEntry[];
  names: DefinedName[];
  private readonly list: ElementList;
  private readonly sheetsHead: string;
  private readonly sheetsTail: string;
  private readonly namesHead: string;
  private readonly namesTail: string;
  private readonly relPrefix: string;
  private sheetsChanged = false;
  private namesChanged = false;

  constructor(xml: string) {
    this.list = ElementList.parse(xml);
    const sheets = this.list.find('sheets');
    const sheetList = ElementList.parseOpen(sheets?.xml, 'sheets');
    this.sheetsHead = sheetList.head;
    this.sheetsTail = sheetList.tail;
    const root = this.list.rootTag();
    const prefix = /\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g;
    let relPrefix = '';
    for (let m = prefix.exec(root); m; m = prefix.exec(root)) if (m[2] === REL_NAMESPACE) relPrefix = m[1];
    if (!relPrefix) {
      relPrefix = 'r';
      this.list.setRootTag(withAttribute(root, 'xmlns:r', REL_NAMESPACE));
    }
    this.relPrefix = relPrefix;
    this.sheets = sheetList.all('sheet').map((s) => ({
      name: attribute(s.xml, 'name') ?? '',
      sheetId: Number(attribute(s.xml, 'sheetId') ?? 0),
      relId: attribute(s.xml, `${relPrefix}:id`) ?? '',
      visibility: visibilityOf(attribute(s.xml, 'state')),
      xml: s.xml,
    }));
    const names = this.list.find('definedNames');
    const nameList = ElementList.parseOpen(names?.xml, 'definedNames');
    this.namesHead = nameList.head;
    this.namesTail = nameList.tail;
    this.names = nameList.all('definedName').map((n) => {
      const id = attribute(n.xml, 'localSheetId');
      return {
        name: attribute(n.xml, 'name') ?? '',
        localSheetId: id === undefined ? undefined : Number(id),
        formula: unescapeXml(splitElement(n.xml).inner),
        xml: n.xml,
      };
    });
  }

  sheetIndex(name: string): number {
    return this.sheets.findIndex((s) => s.name === name);
  }

  addSheet(name: string, relId: string, visibility: SheetVisibility): void {
    // The lowest free id: a re-run that deletes and re-adds the add-in's sheets gives them the same ids.
    const used = new Set(this.sheets.map((s) => s.sheetId));
    let sheetId = 1;
    while (used.has(sheetId)) sheetId++;
    const state = visibility === 'visible' ? '' : ` state="${visibility}"`;
    this.sheets.push({
      name,
      sheetId,
      relId,
      visibility,
      xml: `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${state} ${this.relPrefix}:id="${relId}"/>`,
    });
    this.sheetsChanged = true;
  }

  /** Removes the sheet; names local to it go, later sheets' local names follow their sheet's new index. */
  removeSheet(index: number): void {
    this.sheets.splice(index, 1);
    this.sheetsChanged = true;
    this.names = this.names.flatMap((n) => {
      if (n.localSheetId === undefined || n.localSheetId < index) return [n];
      if (n.localSheetId === index) return [];
      const localSheetId = n.localSheetId - 1;
      return [{ ...n, localSheetId, xml: n.xml && withLocalSheetId(n.xml, localSheetId) }];
    });
    this.namesChanged = true;
  }

  setNames(names: DefinedName[]): void {
    this.names = names;
    this.namesChanged = true;
  }

  toString(): string {
    if (this.sheetsChanged) {
      this.list.put(
        'sheets',
        this.sheetsHead + this.sheets.map((s) => s.xml).join('') + this.sheetsTail,
        WORKBOOK_ORDER,
      );
    }
    if (this.namesChanged) {
      const xml = this.names.map((n) => n.xml ?? definedNameXml(n)).join('');
      this.list.put(
        'definedNames',
        this.names.length === 0 ? undefined : this.namesHead + xml + this.namesTail,
        WORKBOOK_ORDER,
      );
    }
    return this.list.toString();
  }
}

function withLocalSheetId(xml: string, id: number): string {
  const { start, inner, end } = splitElement(xml);
  return withAttribute(start, 'localSheetId', String(id)) + inner + end;
}

export function definedNameXml(name: DefinedName): string {
  const local = name.localSheetId === undefined ? '' : ` localSheetId="${name.localSheetId}"`;
  return `<definedName name="${escapeXml(name.name)}"${local}>${escapeXml(name.formula)}</definedName>`;
}
