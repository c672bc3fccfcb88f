/**
 * An .xlsx / .xlsm package opened for editing: the workbook part, styles, shared strings and the worksheets
 * it is asked for, each parsed on first use. save() writes back only the parts that changed; every other
 * part goes out as the compressed bytes it came in (the city's charts, pivot caches, external links,
 * vbaProject.bin, docProps/custom.xml, drawings, comments …).
 */
import { posix } from 'node:path';
import type { SheetVisibility } from '../../core/types';
import {
  CONTENT_TYPE_WORKSHEET,
  OpcPackage,
  REL_OFFICE_DOCUMENT,
  REL_SHARED_STRINGS,
  REL_STYLES,
  REL_WORKSHEET,
  resolveTarget,
} from './opc';
import { ownedParts, removeParts } from './owned-parts';
import { readSharedStrings } from './shared-strings';
import { StylesPart } from './styles-part';
import { WorkbookPart } from './workbook-part';
import { EMPTY_WORKSHEET, WorksheetPart } from './worksheet-part';

export interface BookSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
}

/** What a file that opens as a zip but is not a workbook this host can edit turns out to be. */
export class NotAWorkbookError extends Error {
  constructor(readonly reason: 'noWorkbookPart' | 'openDocument') {
    super(reason);
    this.name = 'NotAWorkbookError';
  }
}

export class XlsxBook {
  readonly opc: OpcPackage;
  readonly workbookPartName: string;
  readonly workbook: WorkbookPart;
  private stylesCache: StylesPart | undefined;
  private stringsCache: string[] | undefined;
  private date1904Cache: boolean | undefined;
  private readonly worksheets = new Map<string, WorksheetPart>();

  private constructor(opc: OpcPackage) {
    this.opc = opc;
    const mimetype = opc.has('mimetype') ? opc.text('mimetype') : undefined;
    if (mimetype?.startsWith('application/vnd.oasis.opendocument'))
      throw new NotAWorkbookError('openDocument');
    const main =
      opc.relatedPart('', REL_OFFICE_DOCUMENT) ??
      (opc.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
    const xml = main === undefined ? undefined : opc.text(main);
    if (main === undefined || xml === undefined) throw new NotAWorkbookError('noWorkbookPart');
    this.workbookPartName = main;
    this.workbook = new WorkbookPart(xml);
  }

  static fromBuffer(buffer: Buffer): XlsxBook {
    return new XlsxBook(OpcPackage.fromBuffer(buffer));
  }

  sheets(): BookSheet[] {
    return this.workbook.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
  }

  /** Dates count from 1904-01-01 (a Mac workbook's `date1904`) instead of 1900. */
  date1904(): boolean {
    // Asked for every cell a row height is measured from: the workbook part is searched once.
    if (this.date1904Cache === undefined) {
      const xml = this.opc.text(this.workbookPartName) ?? '';
      this.date1904Cache = /<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(xml);
    }
    return this.date1904Cache;
  }

  styles(): StylesPart {
    if (!this.stylesCache) {
      const part = this.opc.relatedPart(this.workbookPartName, REL_STYLES);
      this.stylesCache = new StylesPart(part === undefined ? undefined : this.opc.text(part));
    }
    return this.stylesCache;
  }

  sharedStrings(): string[] {
    if (!this.stringsCache) {
      const part = this.opc.relatedPart(this.workbookPartName, REL_SHARED_STRINGS);
      this.stringsCache = readSharedStrings(part === undefined ? undefined : this.opc.text(part));
    }
    return this.stringsCache;
  }

  /** The part name of a sheet: `xl/worksheets/sheet1.xml`. */
  sheetPart(name: string): string | undefined {
    const entry = this.workbook.sheets.find((s) => s.name === name);
    if (!entry) return undefined;
    const rel = this.opc.relationships(this.workbookPartName).find((r) => r.id === entry.relId);
    return rel ? resolveTarget(this.workbookPartName, rel.target) : undefined;
  }

  /** The sheet's worksheet part, parsed once; undefined for a chart sheet or a missing sheet. */
  worksheet(name: string): WorksheetPart | undefined {
    const cached = this.worksheets.get(name);
    if (cached) return cached;
    const part = this.sheetPart(name);
    if (part === undefined) return undefined;
    const type = this.opc.contentType(part);
    if (type !== undefined && type !== CONTENT_TYPE_WORKSHEET && !type.includes('worksheet'))
      return undefined;
    const xml = this.opc.text(part);
    if (xml === undefined) return undefined;
    const sheet = new WorksheetPart(xml);
    this.worksheets.set(name, sheet);
    return sheet;
  }

  addSheet(name: string, visibility: SheetVisibility): void {
    const dir = posix.dirname(this.workbookPartName);
    const taken = new Set(this.opc.partNames().map((p) => p.toLowerCase()));
    let n = 1;
    while (taken.has(`${dir}/worksheets/sheet${n}.xml`.toLowerCase())) n++;
    const part = `${dir}/worksheets/sheet${n}.xml`;
    const relId = this.opc.addRelationship(this.workbookPartName, REL_WORKSHEET, `worksheets/sheet${n}.xml`);
    this.opc.setContentTypeOverride(part, CONTENT_TYPE_WORKSHEET);
    this.opc.setText(part, EMPTY_WORKSHEET);
    this.workbook.addSheet(name, relId, visibility);
    this.worksheets.set(name, new WorksheetPart(EMPTY_WORKSHEET));
  }

  /**
   * Removes a sheet with its part, the part's relationships and the parts only it referred to (its
   * drawing and charts, its notes: owned-parts.ts), so a re-run leaves no orphan parts behind. The
   * add-in deletes only its own sheets.
   */
  deleteSheet(name: string): void {
    const index = this.workbook.sheetIndex(name);
    if (index < 0) return;
    const entry = this.workbook.sheets[index];
    const part = this.sheetPart(name);
    this.workbook.removeSheet(index);
    this.opc.removeRelationship(this.workbookPartName, entry.relId);
    if (part !== undefined) removeParts(this.opc, [...ownedParts(this.opc, part), part]);
    this.worksheets.delete(name);
  }

  /** The package as bytes: changed parts serialized, every other part copied as stored. */
  toBuffer(): Buffer {
    for (const [name, sheet] of this.worksheets) {
      const part = this.sheetPart(name);
      if (part !== undefined) this.opc.setPieces(part, sheet.pieces());
    }
    if (this.stylesCache?.changed()) {
      const part = this.opc.relatedPart(this.workbookPartName, REL_STYLES);
      if (part !== undefined) this.opc.setText(part, this.stylesCache.toString());
    }
    this.opc.setText(this.workbookPartName, this.workbook.toString());
    return this.opc.toBuffer();
  }
}
