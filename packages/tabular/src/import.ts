import { EgovPlanError, issueFrom, type FileKeySet, type ImportSummary, type Issue, type MeasurementRecord, type MeasurementStore, type Plan, type StagedFileKeys } from '@egov-plan/core';
import { DEFAULT_MAX_MEASUREMENT_BYTES, decodeUtf8, parseMeasurementsText, readMeasurementsCsvStream, toMeasurementRecord, type MeasurementBatch, type MeasurementSet, type Observation } from '@egov-plan/rules';
import { looksLikeZip } from './zip.js';
import { readMeasurementsWorkbook, type WorkbookOptions } from './xlsx.js';
import * as MSG from './messages.js';
import { readMeasurementsWorkbookStream } from './xlsx-stream.js';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

// One file → one import: every row of the file lands in one store transaction, or none does.
// A file with a row the plan refuses is not imported at all; the report names every bad row.
// CSV is read as a stream: each piece of the file is checked and its good rows go straight into
// the store's open transaction, so a large file is never held as text, rows or records. At the
// first refused row the transaction is abandoned (rolled back), and the rest of the file is
// still read to name every bad row.

/** The formats a measurements file may have. */
export type TabularFormat = 'csv' | 'json' | 'xlsx';

/** A file to import whole: its name (recorded as provenance) and its bytes. */
export interface TabularFile {
  /** File name as shown and recorded (a name, not a path of the importing machine, is best). */
  name: string;
  bytes: Uint8Array;
  /** Default: by the name's extension, else by content (`PK` → XLSX, `[`/`{` → JSON, CSV otherwise). */
  format?: TabularFormat;
}

/** Who imports, and the limits on what is read. */
export interface TabularImportOptions extends Omit<WorkbookOptions, 'file'> {
  /** Who imports (a user or agency id). */
  importedBy: string;
  /** When (ISO instant). Default: now. */
  importedAt?: string;
  /** Id of the import. Default: one the store generates. */
  importId?: string;
  /** Largest CSV or JSON file, in bytes (default: the rules package's 64 MiB; also the most bytes of a JSON or XLSX stream held to be read). */
  maxBytes?: number;
  /** Called as the file is read (for a progress bar): rows read so far and bytes read so far. */
  onProgress?: (progress: TabularProgress) => void;
}

/** How far the reading of a file is. */
export interface TabularProgress {
  /** Rows read so far, good and bad (the header not counted). */
  rows: number;
  /** Bytes of the file read so far (0 while a workbook is unpacked). */
  bytes: number;
}

/** A file to import as it is read: its name (recorded as provenance) and its bytes as a stream (`createReadStream(path)`). */
export interface TabularStream {
  /** File name as shown and recorded. */
  name: string;
  /** The bytes, piece by piece (a Node readable stream, a web `ReadableStream`, any async iterable of bytes). */
  stream: AsyncIterable<Uint8Array>;
  /** Default: by the name's extension, else by the first bytes (as {@link tabularFormat}). */
  format?: TabularFormat;
}

/** What importing one file did. */
export interface TabularImport {
  file: string;
  format: TabularFormat;
  /**
   * False when nothing of the file was written: a row was refused (`workbook.rejected`,
   * `file.rejected`), or it has no data rows (`workbook.no_data_rows`, `measurement.no_data_rows`,
   * first of its issues; no import is recorded).
   */
  imported: boolean;
  /** The import's id, null when nothing was written. */
  importId: string | null;
  /** Rows read (good and bad). */
  rows: number;
  /** Rows that made a new revision. */
  revisions: number;
  /** Rows identical to the revision in force (importing the same file again: every row). */
  unchanged: number;
  /** Rows the plan refused. */
  rejected: number;
  /** The sheets read, with their row counts (XLSX); one entry named after the file otherwise. */
  sheets: { sheet: string | null; rows: number }[];
  /** The distinct reporting periods of the file's rows (dated evidence left out), in first-seen order. */
  periods: string[];
  /** Every issue: the refused rows' errors (sheet, row, column, reason in vi and en) and warnings. */
  issues: Issue[];
}

/** The format of a file, from its name, else from its first bytes. */
export function tabularFormat(file: Pick<TabularFile, 'name' | 'bytes' | 'format'>): TabularFormat {
  if (file.format) return file.format;
  const ext = /\.([a-z]+)$/iu.exec(file.name)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'csv' || ext === 'json') return ext;
  if (looksLikeZip(file.bytes)) return 'xlsx';
  let i = 0;
  const b = file.bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return b[i] === 0x5b || b[i] === 0x7b ? 'json' : 'csv';
}

/**
 * Reads a measurements file (CSV, JSON or XLSX) against a plan and writes it to a store as one
 * import, with its provenance (plan, file, importer, time; each row's sheet and row number).
 * All or nothing: when any row is refused, nothing is written and `imported` is false; the issues
 * name each bad row. A file without data rows (an unfilled template) writes nothing either and
 * records no import: `imported` is false, its first issue `workbook.no_data_rows` (XLSX) or
 * `measurement.no_data_rows` (CSV, JSON). Importing the same file again writes no revision
 * (`unchanged` counts every row); a corrected value becomes a new revision. Throws `EgovPlanError` for a file that cannot
 * be read at all (`workbook.*`, `file.*`, `measurement.missing_column`, …). For a large CSV file
 * on disk, {@link importTabularStream} reads it without holding it.
 *
 * @example
 * ```ts
 * const done = await importTabularFile(store, plan, { name: 'q4.xlsx', bytes: await readFile('q4.xlsx') }, { importedBy: 'so-tttt' });
 * if (!done.imported) for (const i of done.issues) console.error(i.message.vi);
 * ```
 */
export async function importTabularFile(store: MeasurementStore, plan: Plan, file: TabularFile, options: TabularImportOptions): Promise<TabularImport> {
  const format = tabularFormat(file);
  if (format === 'csv') {
    tooLarge(file.bytes.length, options.maxBytes, file.name);
    return importCsv(store, plan, file.name, once(file.bytes), options, () => once(file.bytes));
  }
  return importWhole(store, plan, file.name, format, file.bytes, options);
}

/**
 * {@link importTabularFile} for a file read as a stream. A CSV file is checked piece by piece and
 * its good rows written into the store's open transaction as they come, so memory stays flat
 * however large the file (with a store that has {@link MeasurementStore.fileKeys}, as SQLite,
 * the duplicate check keeps its keys on disk; with {@link MeasurementStore.stagedFileKeys}, as
 * PostgreSQL, in the server, and a file with repeats is read a second time, from a temporary
 * copy, for its issues; otherwise they grow with the distinct measurements, not with the rows);
 * the first refused row abandons the transaction (nothing is written) and the rest of the file
 * is still read so that every bad row is named. An XLSX file is written to a
 * temporary file (up to `maxBytes`), its archive checked there piece by piece, then read as a
 * stream (exceljs's streaming reader): its rows go into the store's open transaction as they are
 * unpacked, a sheet may hold up to 1,048,576 rows (`maxRows`), an entry unpack to 2 GiB
 * (`maxEntryBytes`), the shared strings (held in memory) to 64 MiB. A JSON file is gathered
 * whole first (up to `maxBytes`), then read as {@link importTabularFile} reads it.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * const done = await importTabularStream(store, plan, { name: 'q4.csv', stream: createReadStream('q4.csv') }, { importedBy: 'so-tttt', maxBytes: 1 << 30 });
 * console.log(done.rows, done.revisions, done.unchanged, done.rejected);
 * ```
 */
export async function importTabularStream(store: MeasurementStore, plan: Plan, file: TabularStream, options: TabularImportOptions): Promise<TabularImport> {
  const { head, rest } = await peek(file.stream, 512);
  const format = tabularFormat({ name: file.name, bytes: head, format: file.format });
  if (format === 'csv') return importCsv(store, plan, file.name, rest, options);
  const max = options.maxBytes ?? DEFAULT_MAX_MEASUREMENT_BYTES;
  if (format === 'xlsx') return importWorkbookStream(store, plan, file.name, rest, max, options);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of rest) {
    size += chunk.byteLength;
    tooLarge(size, max, file.name);
    parts.push(chunk);
    options.onProgress?.({ rows: 0, bytes: size });
  }
  return importWhole(store, plan, file.name, format, Buffer.concat(parts, size), options);
}

function tooLarge(size: number, max: number | undefined, file: string): void {
  if (max !== undefined && size > max) {
    throw new EgovPlanError([issueFrom(MSG.fileTooLargeMeasurements, '', { max }, { file })]);
  }
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** The first `n` bytes of a stream (or all of a shorter one) and the whole stream again, from its start. */
async function peek(stream: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const it = stream[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.byteLength;
  }
  const head = seen.length === 1 ? (seen[0] as Uint8Array) : Buffer.concat(seen, size);
  async function* rest(): AsyncGenerator<Uint8Array> {
    try {
      for (const s of seen.splice(0)) yield s;
      if (done) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
      done = true;
    } finally {
      if (!done) await it.return?.();
    }
  }
  return { head, rest: rest() };
}

/** Thrown into a store's import to abandon it (a row was refused); never leaves this module. */
const REFUSED = new Error('egov-plan: the file has refused rows; the import is abandoned');

/** What reading a file found besides its good rows. */
interface Read {
  rows: number;
  issues: Issue[];
  sheets: { sheet: string | null; rows: number }[];
  /**
   * The store's backend found rows repeating a key of the file (its {@link StagedFileKeys}): the
   * file is refused, and read again with the answers for its issues.
   */
  repeated?: boolean;
}

/**
 * The duplicate check's keys of one file, where the store keeps them: its own {@link FileKeySet}
 * (SQLite: a temporary database on disk), else staged in its backend ({@link StagedFileKeys},
 * PostgreSQL), else none (the check keeps them in memory). `keys` is what the reading is given;
 * `staged` flushes its keys between batches and, once the file is read, says whether any repeat;
 * `again` is the key set of the second reading, answering from the repeats the backend found.
 */
interface FileKeys {
  keys?: FileKeySet;
  staged?: StagedFileKeys;
  repeats?: Map<number, number>;
  again(): FileKeySet;
  close(): Promise<void>;
}

async function fileKeys(store: MeasurementStore): Promise<FileKeys> {
  const own = store.fileKeys?.();
  const staged = own ? undefined : await store.stagedFileKeys?.();
  const k: FileKeys = {
    ...(own ? { keys: own } : {}),
    ...(staged ? { staged, keys: { firstSeen: (indicator, orgUnit, period, at) => (staged.add(indicator, orgUnit, period, at), -1), close() {} } } : {}),
    again: () => ({ firstSeen: (_i, _u, _p, at) => k.repeats?.get(at) ?? -1, close() {} }),
    async close() {
      own?.close();
      await staged?.close();
    },
  };
  return k;
}

/**
 * The batches of a reading, its staged keys flushed to the store's backend after each; at its end,
 * whether the backend found repeats.
 */
async function* staging(read: AsyncGenerator<MeasurementBatch, Read>, keys: FileKeys): AsyncGenerator<MeasurementBatch, Read> {
  const staged = keys.staged;
  if (!staged) return yield* read;
  try {
    for (let next = await read.next(); ; next = await read.next()) {
      await staged.flush();
      if (next.done) {
        keys.repeats = await staged.repeats();
        return keys.repeats.size > 0 ? { ...next.value, repeated: true } : next.value;
      }
      yield next.value;
    }
  } finally {
    await read.return(undefined as never).catch(() => undefined);
  }
}

/**
 * Writes the good rows of a file, as they are checked, into one store import; the first batch
 * with a refused row abandons the import, and the reading goes on (writing nothing) to name
 * every bad row.
 */
async function importChecked(
  store: MeasurementStore,
  plan: Plan,
  name: string,
  format: TabularFormat,
  read: AsyncGenerator<MeasurementBatch, Read>,
  options: TabularImportOptions,
  again?: () => AsyncGenerator<MeasurementBatch, Read>,
): Promise<TabularImport> {
  const periods = new Set<string>();
  let kept = 0;
  let rows = 0;
  let refused = false;
  /** Set when the reading ended without a data row (the import abandoned, as for a refusal). */
  let empty = false;
  let end: Read | undefined;
  let progress = options.onProgress;
  const count = (b: MeasurementBatch) => {
    rows = b.rows;
    kept += b.observations.length;
    for (const o of b.observations) if (!o.evidence) periods.add(o.period);
    progress?.({ rows: b.rows, bytes: b.bytes });
  };
  async function* records(): AsyncGenerator<MeasurementRecord> {
    let any = false;
    for (let next = await read.next(); ; next = await read.next()) {
      if (next.done) {
        end = next.value;
        break;
      }
      count(next.value);
      if (kept < rows) {
        refused = true;
        throw REFUSED;
      }
      for (const o of next.value.observations) {
        any = true;
        yield toMeasurementRecord(o, (o as Observation & { sheet?: string }).sheet ?? null);
      }
    }
    if (end.rows > kept || end.repeated) {
      refused = true;
      throw REFUSED;
    }
    if (!any) {
      // No data rows: the import is abandoned (the store writes nothing of it, not even its
      // record — an import id for nothing would be counted by the dump and be retractable).
      empty = true;
      throw REFUSED;
    }
  }
  let summary: ImportSummary | undefined;
  try {
    summary = await store.importMeasurements(
      { plan: plan.id, file: name, importedBy: options.importedBy, ...(options.importedAt ? { importedAt: options.importedAt } : {}), ...(options.importId ? { importId: options.importId } : {}) },
      records(),
    );
  } catch (e) {
    // Whatever the store made of it, an abandoned import is a refused (or empty) file; anything else ends the reading.
    if (!refused && !empty) {
      await read.return(undefined as never).catch(() => undefined);
      throw e;
    }
  }
  if (end === undefined) {
    for (let next = await read.next(); ; next = await read.next()) {
      if (next.done) {
        end = next.value;
        break;
      }
      count(next.value);
    }
  }
  if (end.repeated && again) {
    // Rows repeat a key (found by the store's backend): read the file again, the repeats as the
    // duplicate check's answers, for the very issues and counts of a check held in memory.
    periods.clear();
    kept = 0;
    progress = undefined;
    const second = again();
    for (let next = await second.next(); ; next = await second.next()) {
      if (next.done) {
        end = next.value;
        break;
      }
      count(next.value);
    }
  }
  const base = { file: name, format, rows: end.rows, sheets: end.sheets, periods: [...periods] };
  const rejected = end.rows - kept;
  if (empty && !refused) {
    const where = { file: name.slice(0, 80) };
    const none = format === 'xlsx' ? issueFrom(MSG.workbookNoDataRows, '', where, { file: name }) : issueFrom(MSG.fileNoDataRows, '', { ...where, format: format.toUpperCase() }, { file: name });
    return { ...base, imported: false, importId: null, revisions: 0, unchanged: 0, rejected: 0, issues: [none, ...end.issues] };
  }
  if (refused || !summary) {
    const counts = { file: name.slice(0, 80), rejected, rows: end.rows };
    const refusal = format === 'xlsx' ? issueFrom(MSG.workbookRejected, '', counts, { file: name }) : issueFrom(MSG.fileRejected, '', { ...counts, format: format.toUpperCase() }, { file: name });
    return { ...base, imported: false, importId: null, revisions: 0, unchanged: 0, rejected, issues: [refusal, ...end.issues] };
  }
  return { ...base, imported: true, importId: summary.importId, revisions: summary.revisions, unchanged: summary.unchanged, rejected: 0, issues: end.issues };
}

/** A CSV file, streamed: checked piece by piece into the store's open transaction. */
async function importCsv(store: MeasurementStore, plan: Plan, name: string, bytes: AsyncIterable<Uint8Array>, options: TabularImportOptions, replay?: () => AsyncIterable<Uint8Array>): Promise<TabularImport> {
  // The duplicate check's keys where the store keeps them (SQLite: a temporary database; PostgreSQL: a temporary table): memory stays flat.
  const keys = await fileKeys(store);
  // Keys staged in the backend: the file may have to be read again (its issues), so a stream is kept in a temporary file as it is read.
  const spool = keys.staged && !replay ? await mkdtemp(join(tmpdir(), 'egov-plan-csv-')) : undefined;
  async function* read(source: AsyncIterable<Uint8Array>, k: FileKeySet | undefined): AsyncGenerator<MeasurementBatch, Read> {
    const set = yield* readMeasurementsCsvStream(plan, source, { file: name, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}), ...(k ? { keys: k } : {}) });
    // A quote left open: the rest of the file could not be read, which refuses the file (one row).
    const open = set.issues.some((i) => i.code === 'measurement.unterminated_quote') ? 1 : 0;
    return { rows: set.rows + open, issues: set.issues, sheets: [{ sheet: null, rows: set.rows + open }] };
  }
  async function* spooled(path: string): AsyncGenerator<Uint8Array> {
    const f = await open(path, 'w');
    try {
      for await (const chunk of bytes) {
        await f.write(chunk);
        yield chunk;
      }
    } finally {
      await f.close();
    }
  }
  const path = spool && join(spool, 'upload.csv');
  const again = keys.staged ? () => read(replay ? replay() : createReadStream(path as string), keys.again()) : undefined;
  try {
    return await importChecked(store, plan, name, 'csv', staging(read(path ? spooled(path) : bytes, keys.keys), keys), options, again);
  } finally {
    await keys.close();
    if (spool) await rm(spool, { recursive: true, force: true });
  }
}

/** A JSON or XLSX file, read whole, then written as one import. */
async function importWhole(store: MeasurementStore, plan: Plan, name: string, format: 'json' | 'xlsx', bytes: Uint8Array, options: TabularImportOptions): Promise<TabularImport> {
  let set: MeasurementSet;
  let sheets: Read['sheets'];
  if (format === 'xlsx') {
    const wb = await readMeasurementsWorkbook(plan, bytes, { ...options, file: name });
    set = wb;
    sheets = wb.sheets;
  } else {
    tooLarge(bytes.length, options.maxBytes, name);
    set = parseMeasurementsText(plan, decodeUtf8(bytes, name), { file: name, format, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) });
    sheets = [{ sheet: null, rows: set.rows }];
  }
  async function* read(): AsyncGenerator<MeasurementBatch, Read> {
    yield { observations: set.observations, rows: set.rows, bytes: bytes.length };
    return { rows: set.rows, issues: set.issues, sheets };
  }
  return importChecked(store, plan, name, format, read(), options);
}

/**
 * An XLSX stream: written to a temporary file (the zip directory is at its end), checked there,
 * then read as a stream into the store's open transaction; the temporary file is removed.
 */
async function importWorkbookStream(store: MeasurementStore, plan: Plan, name: string, bytes: AsyncIterable<Uint8Array>, max: number, options: TabularImportOptions): Promise<TabularImport> {
  const dir = await mkdtemp(join(tmpdir(), 'egov-plan-xlsx-'));
  const keys = await fileKeys(store).catch(async (e: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw e;
  });
  try {
    const path = join(dir, 'upload.xlsx');
    let size = 0;
    const progress = options.onProgress;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of bytes) {
        size += chunk.byteLength;
        tooLarge(size, max, name);
        progress?.({ rows: 0, bytes: size });
        yield chunk;
      }
    }
    await pipeline(Readable.from(counted()), createWriteStream(path));
    const { onProgress: _, ...rest } = options;
    async function* withBytes(k: FileKeySet | undefined): AsyncGenerator<MeasurementBatch, Read> {
      const read = readMeasurementsWorkbookStream(plan, path, { ...rest, file: name, ...(k ? { keys: k } : {}) });
      try {
        for (let next = await read.next(); ; next = await read.next()) {
          if (next.done) return next.value;
          yield { ...next.value, bytes: size };
        }
      } finally {
        // Closed early (the store failed mid-import, or the caller stopped): close the reader too,
        // so it removes its temporary copy and releases the file.
        await read.return(undefined as never).catch(() => undefined);
      }
    }
    return await importChecked(store, plan, name, 'xlsx', staging(withBytes(keys.keys), keys), options, () => withBytes(keys.again()));
  } finally {
    await keys.close();
    await rm(dir, { recursive: true, force: true });
  }
}
