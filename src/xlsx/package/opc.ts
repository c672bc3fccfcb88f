/**
 * The OPC package (ECMA-376 Part 2): parts by name, their relationships and content types. A part is read
 * (inflated) only when asked for; a part that is never set is written back as its stored, compressed bytes.
 */
import { posix } from 'node:path';
import { attribute, ElementList, escapeXml } from './xml';
import { entryData, newEntry, readZip, writeZip, type StoredEntry } from './zip';

export const REL_OFFICE_DOCUMENT =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const REL_SHARED_STRINGS =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
export const CONTENT_TYPE_WORKSHEET =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written in the .rels part. */
  readonly target: string;
  readonly external: boolean;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; '' (the package) → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  const base = posix.basename(part);
  return dir === '.' ? `_rels/${base}.rels` : `${dir}/_rels/${base}.rels`;
}

/** A relationship target resolved against its source part: `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = posix.dirname(source);
  return posix.normalize(base === '.' ? target : `${base}/${target}`);
}

/** Whether the pieces, in order, spell `text` (compared piece by piece, nothing joined). */
function sameText(text: string, pieces: readonly string[]): boolean {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  if (length !== text.length) return false;
  let at = 0;
  for (const piece of pieces) {
    if (!text.startsWith(piece, at)) return false;
    at += piece.length;
  }
  return true;
}

/** The pieces' UTF-8 bytes in one buffer, each piece encoded straight into its place. */
function utf8Pieces(pieces: readonly string[]): Buffer {
  let size = 0;
  for (const piece of pieces) size += Buffer.byteLength(piece, 'utf8');
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += out.write(piece, at, 'utf8');
  return out;
}

export class OpcPackage {
  private readonly entries: StoredEntry[];
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  /** Changed parts given as pieces (setPieces), instead of in `texts`. */
  private readonly pieces = new Map<string, readonly string[]>();

  private constructor(entries: StoredEntry[]) {
    this.entries = entries;
  }

  static fromBuffer(buffer: Buffer): OpcPackage {
    return new OpcPackage(readZip(buffer));
  }

  has(part: string): boolean {
    return this.entries.some((e) => e.name === part);
  }

  partNames(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The part's text (UTF-8), inflated once and kept; undefined when the package has no such part. */
  text(part: string): string | undefined {
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const pieces = this.pieces.get(part);
    if (pieces !== undefined) {
      const joined = pieces.join('');
      this.setText(part, joined);
      return joined;
    }
    const entry = this.entries.find((e) => e.name === part);
    if (!entry) return undefined;
    const text = entryData(entry).toString('utf8');
    this.texts.set(part, text);
    return text;
  }

  /** Replaces or adds a part; a new one goes at the end of the archive. */
  setText(part: string, text: string): void {
    if (this.texts.get(part) === text && !this.changed.has(part)) return;
    this.pieces.delete(part);
    this.texts.set(part, text);
    this.markChanged(part);
  }

  /**
   * setText for a part given as pieces in order (a large worksheet): kept as they are and encoded one by
   * one when the package is written, never joined into one string. Text equal to the part's is no change.
   */
  setPieces(part: string, pieces: readonly string[]): void {
    const current = this.texts.get(part);
    if (current !== undefined && !this.changed.has(part) && sameText(current, pieces)) return;
    this.texts.delete(part);
    this.pieces.set(part, pieces);
    this.markChanged(part);
  }

  private markChanged(part: string): void {
    this.changed.add(part);
    if (!this.entries.some((e) => e.name === part))
      this.entries.push({ ...newEntry(part, Buffer.alloc(0)), name: part });
  }

  /** A changed part's bytes (UTF-8). */
  private bytes(part: string): Buffer {
    const pieces = this.pieces.get(part);
    return pieces === undefined ? Buffer.from(this.texts.get(part) ?? '', 'utf8') : utf8Pieces(pieces);
  }

  remove(part: string): void {
    const index = this.entries.findIndex((e) => e.name === part);
    if (index >= 0) this.entries.splice(index, 1);
    this.texts.delete(part);
    this.pieces.delete(part);
    this.changed.delete(part);
  }

  /** Parts changed by name, for the tests and the report. */
  changedParts(): string[] {
    return this.entries.filter((e) => this.changed.has(e.name)).map((e) => e.name);
  }

  toBuffer(): Buffer {
    return writeZip(
      this.entries.map((entry) =>
        this.changed.has(entry.name) ? newEntry(entry.name, this.bytes(entry.name)) : entry,
      ),
    );
  }

  relationships(source: string): Relationship[] {
    const xml = this.text(relsPartOf(source));
    if (xml === undefined) return [];
    return ElementList.parse(xml)
      .all('Relationship')
      .map((r) => ({
        id: attribute(r.xml, 'Id') ?? '',
        type: attribute(r.xml, 'Type') ?? '',
        target: attribute(r.xml, 'Target') ?? '',
        external: attribute(r.xml, 'TargetMode') === 'External',
      }));
  }

  /** The part the first relationship of `type` from `source` points at. */
  relatedPart(source: string, type: string): string | undefined {
    const rel = this.relationships(source).find((r) => r.type === type && !r.external);
    return rel ? resolveTarget(source, rel.target) : undefined;
  }

  /** Adds a relationship with the lowest free `rIdN` and returns its id. */
  addRelationship(source: string, type: string, target: string): string {
    const relsPart = relsPartOf(source);
    const list = ElementList.parse(
      this.text(relsPart) ??
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    );
    const ids = new Set(list.all('Relationship').map((r) => attribute(r.xml, 'Id')));
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    list.children.push({
      name: 'Relationship',
      xml: `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`,
    });
    this.setText(relsPart, list.toString());
    return id;
  }

  removeRelationship(source: string, id: string): void {
    const relsPart = relsPartOf(source);
    const xml = this.text(relsPart);
    if (xml === undefined) return;
    const list = ElementList.parse(xml);
    list.children = list.children.filter((c) => c.name !== 'Relationship' || attribute(c.xml, 'Id') !== id);
    this.setText(relsPart, list.toString());
  }

  /** The `Override` content type of a part in [Content_Types].xml (`/xl/worksheets/sheet2.xml`). */
  setContentTypeOverride(part: string, contentType: string | undefined): void {
    const xml = this.text('[Content_Types].xml');
    if (xml === undefined) return;
    const list = ElementList.parse(xml);
    const partName = `/${part}`;
    const index = list.children.findIndex(
      (c) => c.name === 'Override' && attribute(c.xml, 'PartName')?.toLowerCase() === partName.toLowerCase(),
    );
    const element =
      contentType === undefined
        ? undefined
        : `<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`;
    if (index >= 0) {
      if (element === undefined) list.children.splice(index, 1);
      else list.children[index] = { name: 'Override', xml: element };
    } else if (element !== undefined) list.children.push({ name: 'Override', xml: element });
    this.setText('[Content_Types].xml', list.toString());
  }

  /** The content type of a part, from its Override or its extension's Default. */
  contentType(part: string): string | undefined {
    const xml = this.text('[Content_Types].xml');
    if (xml === undefined) return undefined;
    const list = ElementList.parse(xml);
    const partName = `/${part}`.toLowerCase();
    const override = list
      .all('Override')
      .find((c) => attribute(c.xml, 'PartName')?.toLowerCase() === partName);
    if (override) return attribute(override.xml, 'ContentType');
    const ext = posix.extname(part).slice(1).toLowerCase();
    const byDefault = list.all('Default').find((c) => attribute(c.xml, 'Extension')?.toLowerCase() === ext);
    return byDefault ? attribute(byDefault.xml, 'ContentType') : undefined;
  }
}
