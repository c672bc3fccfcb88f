/**
 * The zip container of an OOXML package, read and written with Node's own zlib: an entry the editor does not
 * change is copied as its compressed bytes, CRC and timestamps unchanged; an entry it writes gets a fixed
 * timestamp so two runs give the same bytes. APPNOTE.TXT (PKWARE) sections 4.3.7, 4.3.12, 4.3.16.
 */
import { deflateRawSync, inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose bit 11: the name is UTF-8. */
const UTF8_FLAG = 0x0800;
/** 1980-01-01 00:00, the earliest DOS date: what every entry the editor writes carries. */
const FIXED_DOS_TIME = 0;
const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Why a file is not a zip this reader takes; the caller turns it into a Japanese message. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** One entry as it is stored: its compressed bytes and what the central directory says of them. */
export interface StoredEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly compressed: Buffer;
}

function findEndOfCentral(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= stop; i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL) return i;
  }
  throw new ZipFormatError('no end of central directory');
}

/** Every entry of the archive, in central-directory order, without inflating any. */
export function readZip(buffer: Buffer): StoredEntry[] {
  if (buffer.length < 22) throw new ZipFormatError('too short');
  const end = findEndOfCentral(buffer);
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipFormatError('zip64 is not supported');
  const entries: StoredEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_HEADER)
      throw new ZipFormatError('bad central directory');
    const flags = buffer.readUInt16LE(offset + 8);
    const method = buffer.readUInt16LE(offset + 10);
    const time = buffer.readUInt16LE(offset + 12);
    const date = buffer.readUInt16LE(offset + 14);
    const crc = buffer.readUInt32LE(offset + 16);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw new ZipFormatError('zip64 is not supported');
    if (flags & 1) throw new ZipFormatError('encrypted entry');
    const name = buffer.toString(
      flags & UTF8_FLAG ? 'utf8' : 'latin1',
      offset + 46,
      offset + 46 + nameLength,
    );
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw new ZipFormatError(`bad local header: ${name}`);
    const dataStart =
      localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buffer.length) throw new ZipFormatError(`truncated entry: ${name}`);
    if (method !== STORED && method !== DEFLATED)
      throw new ZipFormatError(`compression method ${method}: ${name}`);
    entries.push({
      name,
      method,
      crc,
      size,
      flags,
      time,
      date,
      compressed: buffer.subarray(dataStart, dataStart + compressedSize),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes, inflated. */
export function entryData(entry: StoredEntry): Buffer {
  const data = entry.method === STORED ? entry.compressed : inflateRawSync(entry.compressed);
  if (data.length !== entry.size) throw new ZipFormatError(`size mismatch: ${entry.name}`);
  return data;
}

function crc32(data: Buffer): number {
  return zlibCrc32(data) >>> 0;
}

/** A new entry for `data`, deflated, with the fixed timestamp. */
export function newEntry(name: string, data: Buffer): StoredEntry {
  return {
    name,
    method: DEFLATED,
    crc: crc32(data),
    size: data.length,
    flags: UTF8_FLAG,
    time: FIXED_DOS_TIME,
    date: FIXED_DOS_DATE,
    compressed: deflateRawSync(data),
  };
}

/**
 * The fields a local header and a central directory header share, in the same order from `at` (6 in the
 * local header, 8 in the central one): flags, method, time, date, CRC, both sizes, name length.
 */
function writeEntryFields(
  header: Buffer,
  at: number,
  flags: number,
  entry: StoredEntry,
  nameLength: number,
): void {
  header.writeUInt16LE(flags, at);
  header.writeUInt16LE(entry.method, at + 2);
  header.writeUInt16LE(entry.time, at + 4);
  header.writeUInt16LE(entry.date, at + 6);
  header.writeUInt32LE(entry.crc, at + 8);
  header.writeUInt32LE(entry.compressed.length, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

/** The archive of these entries in this order; no data descriptors, no extra fields, no comment. */
export function writeZip(entries: readonly StoredEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    // Bit 3 (sizes after the data) is cleared: the sizes are in this header. Bit 11: names are UTF-8.
    const flags = (entry.flags & ~0x0008) | UTF8_FLAG;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    writeEntryFields(local, 6, flags, entry, name.length);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    writeEntryFields(header, 8, flags, entry, name.length);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, entry.compressed);
    central.push(header, name);
    offset += 30 + name.length + entry.compressed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
