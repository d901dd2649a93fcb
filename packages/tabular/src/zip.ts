import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { EgovPlanError, issueFrom, type IssueMessage, type IssueParams } from '@egov-plan/core';
import * as MSG from './messages.js';

// An XLSX file is a zip archive. exceljs (through JSZip) unpacks whatever it is given, so the
// archive is checked here first, from its central directory and by unpacking each entry with a
// ceiling: an entry larger than the limit, entries larger together than the limit, or an entry
// that unpacks to more than it declares (a zip bomb) end the reading before exceljs sees a byte.

/** Limits on what a workbook may unpack to. */
export interface ZipLimits {
  /** Largest unpacked size of one entry, in bytes (default {@link DEFAULT_MAX_UNPACKED_BYTES}). */
  maxEntryBytes?: number;
  /** Largest unpacked size of all entries together (default {@link DEFAULT_MAX_UNPACKED_BYTES}). */
  maxTotalBytes?: number;
  /** Most entries in the archive (default 10,000). */
  maxEntries?: number;
}

/** What an XLSX archive may unpack to by default: 64 MiB (one entry, and all together). */
export const DEFAULT_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** One entry of a zip archive's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The size the archive declares for the unpacked entry. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const where = (file: string | undefined) => (file === undefined ? {} : { file });

function invalid<const M extends IssueMessage>(file: string | undefined, message: M, params: IssueParams<M>): EgovPlanError {
  return new EgovPlanError([issueFrom(message, '', params, where(file))]);
}

/** True when the bytes start like a zip archive (`PK\3\4`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of a zip archive, read from its central directory; throws `workbook.invalid` for anything else. */
export function zipEntries(bytes: Uint8Array, file?: string, maxEntries = 10_000): ZipEntry[] {
  return entriesAt(bytes, 0, file, maxEntries);
}

/** Where the central directory of an archive starts, from bytes that end where the archive ends and start at offset `base` of it. */
function directory(bytes: Uint8Array, base: number, file: string | undefined): { count: number; dirOffset: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = base + bytes.length;
  const u16 = (o: number) => view.getUint16(o - base, true);
  const u32 = (o: number) => view.getUint32(o - base, true);
  const u64 = (o: number) => Number(view.getBigUint64(o - base, true));
  let eocd = -1;
  for (let o = end - 22; o >= base && o >= end - 22 - 0xffff; o--) {
    if (u32(o) === SIG_EOCD) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw invalid(file, MSG.workbookInvalidNoDirectory, {});
  let count = u16(eocd + 10);
  let dirOffset = u32(eocd + 16);
  if ((count === 0xffff || dirOffset === MAX32) && eocd >= base + 20 && u32(eocd - 20) === SIG_EOCD64_LOCATOR) {
    const at = u64(eocd - 12);
    if (at < base || at + 56 > end || u32(at) !== SIG_EOCD64) throw invalid(file, MSG.workbookInvalidZip64, {});
    count = u64(at + 32);
    dirOffset = u64(at + 48);
  }
  return { count, dirOffset };
}

/** {@link zipEntries} of bytes that end where the archive ends and start at offset `base` of it (the directory must lie in them). */
function entriesAt(bytes: Uint8Array, base: number, file: string | undefined, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = base + bytes.length;
  const u16 = (o: number) => view.getUint16(o - base, true);
  const u32 = (o: number) => view.getUint32(o - base, true);
  const u64 = (o: number) => Number(view.getBigUint64(o - base, true));
  const { count, dirOffset } = directory(bytes, base, file);
  if (dirOffset < base) throw invalid(file, MSG.workbookInvalidDirectory, {});
  if (count > maxEntries) throw invalid(file, MSG.workbookInvalidTooManyEntries, { count, max: maxEntries });
  const entries: ZipEntry[] = [];
  let o = dirOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (o + 46 > end || u32(o) !== SIG_CENTRAL) throw invalid(file, MSG.workbookInvalidDirectory, {});
    const method = u16(o + 10);
    let compressedSize = u32(o + 20);
    let size = u32(o + 24);
    const nameLength = u16(o + 28);
    const extraLength = u16(o + 30);
    const commentLength = u16(o + 32);
    let offset = u32(o + 42);
    if (o + 46 + nameLength + extraLength > end) throw invalid(file, MSG.workbookInvalidDirectory, {});
    const name = decoder.decode(bytes.subarray(o - base + 46, o - base + 46 + nameLength));
    // ZIP64: the real sizes and offset sit in extra field 0x0001, in this order, when 0xFFFFFFFF.
    for (let e = o + 46 + nameLength; e + 4 <= o + 46 + nameLength + extraLength; ) {
      const id = u16(e);
      const len = u16(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        if (size === MAX32 && f + 8 <= e + 4 + len) (size = u64(f)), (f += 8);
        if (compressedSize === MAX32 && f + 8 <= e + 4 + len) (compressedSize = u64(f)), (f += 8);
        if (offset === MAX32 && f + 8 <= e + 4 + len) offset = u64(f);
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, offset });
    o += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipBomb(e: ZipEntry, file: string | undefined): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.workbookZipBomb, `/${e.name}`, { entry: e.name.slice(0, 80), size: e.size }, where(file)),
  ]);
}

/** The sizes the central directory declares, against the limits (`workbook.too_large`). */
function declaredSizes(entries: ZipEntry[], file: string | undefined, limits: ZipLimits): void {
  const maxEntry = limits.maxEntryBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  const maxTotal = limits.maxTotalBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  const tooLarge = (name: string, size: number, max: number, all: boolean) =>
    new EgovPlanError([
      all ? issueFrom(MSG.workbookTooLarge, `/${name}`, { size, max }, where(file)) : issueFrom(MSG.workbookTooLargeEntry, `/${name}`, { entry: name.slice(0, 80), size, max }, where(file)),
    ]);
  let total = 0;
  for (const e of entries) {
    if (e.size > maxEntry) throw tooLarge(e.name, e.size, maxEntry, false);
    total += e.size;
    if (total > maxTotal) throw tooLarge('', total, maxTotal, true);
  }
}

/**
 * Checks that a zip archive unpacks within the limits, before anything else reads it: first the
 * sizes its central directory declares, then each entry unpacked with a ceiling of its declared
 * size (an entry that would unpack to more is a zip bomb, `workbook.zip_bomb`). Throws
 * `EgovPlanError` (`workbook.invalid`, `workbook.too_large`, `workbook.zip_bomb`); returns the
 * entries otherwise.
 */
export function checkZipArchive(bytes: Uint8Array, file?: string, limits: ZipLimits = {}): ZipEntry[] {
  const entries = zipEntries(bytes, file, limits.maxEntries);
  declaredSizes(entries, file, limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== SIG_LOCAL) throw invalid(file, MSG.workbookInvalidEntry, { entry: e.name.slice(0, 80) });
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (start + e.compressedSize > bytes.length) throw invalid(file, MSG.workbookInvalidTruncated, { entry: e.name.slice(0, 80) });
    const data = bytes.subarray(start, start + e.compressedSize);
    let unpacked: number;
    if (e.method === 0) unpacked = data.length;
    else if (e.method === 8) {
      try {
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw zipBomb(e, file);
        }
        throw invalid(file, MSG.workbookInvalidInflate, { entry: e.name.slice(0, 80) });
      }
    } else throw invalid(file, MSG.workbookInvalidMethod, { entry: e.name.slice(0, 80), method: e.method });
    if (unpacked !== e.size) throw invalid(file, MSG.workbookInvalidSize, { entry: e.name.slice(0, 80) });
  }
  return entries;
}

/** Most bytes of a central directory read from a file (10,000 entries with long names fit). */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
/** Most bytes between one entry's data and the next local header: a data descriptor (ZIP64, with its signature). */
const MAX_ENTRY_GAP = 24;

/** What {@link checkZipFile} hands the unpacked text of the entries it is asked for. */
export interface ZipEntryScan {
  /** Whether the text of this entry is wanted. */
  wants(name: string): boolean;
  /** A piece of the entry's unpacked text, in order (UTF-8 decoded). */
  text(name: string, piece: string): void;
}

/**
 * {@link checkZipArchive} of an archive on disk, read piece by piece (nothing of it held whole):
 * the central directory's declared sizes against the limits, then every entry unpacked as a
 * stream and counted (more than its declared size is `workbook.zip_bomb`). Also refuses bytes
 * outside the entries the directory lists (a reader of local headers, as a streaming unzip,
 * would see an entry no check saw). `scan` is handed the unpacked text of the entries it wants.
 * Throws `EgovPlanError` (`workbook.invalid`, `workbook.too_large`, `workbook.zip_bomb`).
 *
 * @example
 * ```ts
 * const entries = await checkZipFile('q4.xlsx', 'q4.xlsx', { maxEntryBytes: 1 << 30 });
 * ```
 */
export async function checkZipFile(path: string, file?: string, limits: ZipLimits = {}, scan?: ZipEntryScan): Promise<ZipEntry[]> {
  const fh = await open(path, 'r');
  let entries: ZipEntry[];
  let dirOffset: number;
  try {
    const size = (await fh.stat()).size;
    const read = async (at: number, n: number): Promise<Buffer> => {
      const b = Buffer.alloc(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await fh.read(b, got, n - got, at + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return b.subarray(0, got);
    };
    const tailLength = Math.min(size, 0xffff + 22 + 20);
    const tailBase = size - tailLength;
    const tail = await read(tailBase, tailLength);
    dirOffset = directory(tail, tailBase, file).dirOffset;
    if (dirOffset > size || size - dirOffset > MAX_DIRECTORY_BYTES) throw invalid(file, MSG.workbookInvalidDirectory, {});
    const dir = dirOffset >= tailBase ? tail.subarray(dirOffset - tailBase) : await read(dirOffset, size - dirOffset);
    entries = entriesAt(dir, dirOffset, file, limits.maxEntries ?? 10_000);
    declaredSizes(entries, file, limits);
    let expected = 0;
    const starts = new Map<ZipEntry, number>();
    for (const e of [...entries].sort((a, b) => a.offset - b.offset)) {
      const local = await read(e.offset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== SIG_LOCAL) throw invalid(file, MSG.workbookInvalidEntry, { entry: e.name.slice(0, 80) });
      if (e.offset < expected || e.offset - expected > MAX_ENTRY_GAP) throw invalid(file, MSG.workbookInvalidOutside, {});
      const start = e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (start + e.compressedSize > dirOffset) throw invalid(file, MSG.workbookInvalidTruncated, { entry: e.name.slice(0, 80) });
      starts.set(e, start);
      expected = start + e.compressedSize;
    }
    if (dirOffset - expected > MAX_ENTRY_GAP) throw invalid(file, MSG.workbookInvalidOutside, {});
    for (const e of entries) {
      if (e.method !== 0 && e.method !== 8) throw invalid(file, MSG.workbookInvalidMethod, { entry: e.name.slice(0, 80), method: e.method });
      const start = starts.get(e) as number;
      const decoder = scan?.wants(e.name) ? new TextDecoder() : undefined;
      let unpacked = 0;
      let bomb = false;
      const count = async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          unpacked += chunk.length;
          if (unpacked > e.size) {
            bomb = true;
            throw new Error('zip bomb');
          }
          if (decoder) scan?.text(e.name, decoder.decode(chunk, { stream: true }));
        }
      };
      if (e.compressedSize > 0) {
        const from = createReadStream(path, { start, end: start + e.compressedSize - 1 });
        try {
          if (e.method === 8) await pipeline(from, createInflateRaw(), count);
          else await pipeline(from, count);
        } catch (error) {
          if (bomb) throw zipBomb(e, file);
          throw invalid(file, MSG.workbookInvalidInflate, { entry: e.name.slice(0, 80) });
        }
      }
      if (unpacked !== e.size) throw invalid(file, MSG.workbookInvalidSize, { entry: e.name.slice(0, 80) });
    }
  } finally {
    await fh.close();
  }
  return entries;
}

/** The entries exceljs's streaming reader must have read before a worksheet: sheet names, relationships, cell texts, number formats. */
const READ_BEFORE_SHEETS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/u;

/**
 * True when an archive stores a worksheet before one of the entries a streaming reader needs
 * first (`xl/workbook.xml`, its relationships, the shared strings, the styles), as exceljs's own
 * writer and some other programs do; from the directory's offsets ({@link zipEntries}). @internal
 */
export function sheetsBeforeWorkbook(entries: readonly ZipEntry[]): boolean {
  // A loop, not Math.min(...offsets): a workbook may hold more sheets than a call takes arguments.
  let firstSheet = Infinity;
  for (const e of entries) if (WORKSHEET.test(e.name) && e.offset < firstSheet) firstSheet = e.offset;
  return entries.some((e) => READ_BEFORE_SHEETS.has(e.name) && e.offset > firstSheet);
}

/**
 * Copies an archive on disk (checked by {@link checkZipFile}, whose `entries` are given) to `out`
 * with its worksheets stored after every other entry, piece by piece (nothing held whole): the
 * bytes of each entry (local header, data, data descriptor) copied unchanged, in the new order,
 * the central directory with each entry's new offset. The directory stays where it was. Returns
 * false, writing nothing, for an archive whose offsets do not fit 32 bits (ZIP64, over 4 GiB).
 * @internal
 */
export async function copySheetsLast(path: string, out: string, entries: readonly ZipEntry[]): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const tailLength = Math.min(size, 0xffff + 22 + 20);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    const { dirOffset } = directory(tail, size - tailLength, undefined);
    if (dirOffset >= MAX32 || entries.some((e) => e.offset >= MAX32)) return false;
    const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
    const blocks = byOffset.map((e, i) => ({ e, start: e.offset, end: byOffset[i + 1]?.offset ?? dirOffset }));
    const order = [...blocks.filter((b) => !WORKSHEET.test(b.e.name)), ...blocks.filter((b) => WORKSHEET.test(b.e.name))];
    const moved = new Map<ZipEntry, number>();
    let at = byOffset[0]?.offset ?? 0;
    for (const b of order) moved.set(b.e, at), (at += b.end - b.start);
    const dir = Buffer.alloc(size - dirOffset);
    await fh.read(dir, 0, dir.length, dirOffset);
    // The directory lists the entries in `entries` order (zipEntries read them so).
    for (let o = 0, i = 0; i < entries.length; i++) {
      dir.writeUInt32LE(moved.get(entries[i] as ZipEntry) as number, o + 42);
      o += 46 + dir.readUInt16LE(o + 28) + dir.readUInt16LE(o + 30) + dir.readUInt16LE(o + 32);
    }
    const target = await open(out, 'wx');
    try {
      const write = async (start: number, end: number) => {
        const piece = Buffer.alloc(Math.min(1 << 20, Math.max(1, end - start)));
        for (let p = start; p < end; ) {
          const { bytesRead } = await fh.read(piece, 0, Math.min(piece.length, end - p), p);
          if (bytesRead === 0) throw new Error('egov-plan: the archive changed while it was copied');
          await target.write(piece.subarray(0, bytesRead));
          p += bytesRead;
        }
      };
      await write(0, byOffset[0]?.offset ?? 0);
      for (const b of order) await write(b.start, b.end);
      await target.write(dir);
    } finally {
      await target.close();
    }
    return true;
  } finally {
    await fh.close();
  }
}
