import { inflateRawSync } from 'node:zlib';
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

function invalid<const M extends IssueMessage & { code: 'workbook.invalid' }>(file: string | undefined, message: M, params: IssueParams<M>): EgovPlanError {
  return new EgovPlanError([issueFrom(message, '', params, where(file))]);
}

/** True when the bytes start like a zip archive (`PK\3\4`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of a zip archive, read from its central directory; throws `workbook.invalid` for anything else. */
export function zipEntries(bytes: Uint8Array, file?: string, maxEntries = 10_000): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => Number(view.getBigUint64(o, true));
  let eocd = -1;
  for (let o = bytes.length - 22; o >= 0 && o >= bytes.length - 22 - 0xffff; o--) {
    if (u32(o) === SIG_EOCD) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw invalid(file, MSG.workbookInvalidNoDirectory, {});
  let count = u16(eocd + 10);
  let dirOffset = u32(eocd + 16);
  if ((count === 0xffff || dirOffset === MAX32) && eocd >= 20 && u32(eocd - 20) === SIG_EOCD64_LOCATOR) {
    const at = u64(eocd - 12);
    if (at + 56 > bytes.length || u32(at) !== SIG_EOCD64) throw invalid(file, MSG.workbookInvalidZip64, {});
    count = u64(at + 32);
    dirOffset = u64(at + 48);
  }
  if (count > maxEntries) throw invalid(file, MSG.workbookInvalidTooManyEntries, { count, max: maxEntries });
  const entries: ZipEntry[] = [];
  let o = dirOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(o) !== SIG_CENTRAL) throw invalid(file, MSG.workbookInvalidDirectory, {});
    const method = u16(o + 10);
    let compressedSize = u32(o + 20);
    let size = u32(o + 24);
    const nameLength = u16(o + 28);
    const extraLength = u16(o + 30);
    const commentLength = u16(o + 32);
    let offset = u32(o + 42);
    if (o + 46 + nameLength + extraLength > bytes.length) throw invalid(file, MSG.workbookInvalidDirectory, {});
    const name = decoder.decode(bytes.subarray(o + 46, o + 46 + nameLength));
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

/**
 * Checks that a zip archive unpacks within the limits, before anything else reads it: first the
 * sizes its central directory declares, then each entry unpacked with a ceiling of its declared
 * size (an entry that would unpack to more is a zip bomb, `workbook.zip_bomb`). Throws
 * `EgovPlanError` (`workbook.invalid`, `workbook.too_large`, `workbook.zip_bomb`); returns the
 * entries otherwise.
 */
export function checkZipArchive(bytes: Uint8Array, file?: string, limits: ZipLimits = {}): ZipEntry[] {
  const maxEntry = limits.maxEntryBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  const maxTotal = limits.maxTotalBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  const entries = zipEntries(bytes, file, limits.maxEntries);
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
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== SIG_LOCAL) throw invalid(file, MSG.workbookInvalidBrokenEntry, { entry: e.name.slice(0, 80) });
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (start + e.compressedSize > bytes.length) throw invalid(file, MSG.workbookInvalidTruncatedEntry, { entry: e.name.slice(0, 80) });
    const data = bytes.subarray(start, start + e.compressedSize);
    let unpacked: number;
    if (e.method === 0) unpacked = data.length;
    else if (e.method === 8) {
      try {
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new EgovPlanError([
            issueFrom(MSG.workbookZipBomb, `/${e.name}`, { entry: e.name.slice(0, 80), size: e.size }, where(file)),
          ]);
        }
        throw invalid(file, MSG.workbookInvalidInflate, { entry: e.name.slice(0, 80) });
      }
    } else throw invalid(file, MSG.workbookInvalidMethod, { entry: e.name.slice(0, 80), method: e.method });
    if (unpacked !== e.size) throw invalid(file, MSG.workbookInvalidSize, { entry: e.name.slice(0, 80) });
  }
  return entries;
}
