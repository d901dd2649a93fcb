import { EgovPlanError, issue, type Issue, type MeasurementStore, type Plan } from '@egov-plan/core';
import { decodeUtf8, parseMeasurementsText, toMeasurementRecord } from '@egov-plan/rules';
import { looksLikeZip } from './zip.js';
import { readMeasurementsWorkbook, type WorkbookOptions } from './xlsx.js';

// One file → one import: every row of the file lands in one store transaction, or none does.
// A file with a row the plan refuses is not imported at all; the report names every bad row.

/** The formats a measurements file may have. */
export type TabularFormat = 'csv' | 'json' | 'xlsx';

/** A file to import: its name (recorded as provenance) and its bytes. */
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
  /** Largest CSV or JSON file, in bytes (default: the rules package's 64 MiB). */
  maxBytes?: number;
}

/** What importing one file did. */
export interface TabularImport {
  file: string;
  format: TabularFormat;
  /** False when the file was refused (a bad row): nothing of it was written. */
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
 * name each bad row. Importing the same file again writes nothing (`unchanged` counts every
 * row); a corrected value becomes a new revision. Throws `EgovPlanError` for a file that cannot
 * be read at all (`workbook.*`, `file.*`, `measurement.missing_column`, …).
 *
 * @example
 * ```ts
 * const done = await importTabularFile(store, plan, { name: 'q4.xlsx', bytes: await readFile('q4.xlsx') }, { importedBy: 'so-tttt' });
 * if (!done.imported) for (const i of done.issues) console.error(i.message.vi);
 * ```
 */
export async function importTabularFile(store: MeasurementStore, plan: Plan, file: TabularFile, options: TabularImportOptions): Promise<TabularImport> {
  const format = tabularFormat(file);
  const read = await readTabularFile(plan, file, options);
  const base = { file: file.name, format, rows: read.rows, sheets: read.sheets, periods: [...new Set(read.records.filter((r) => !r.evidence).map((r) => r.period))] };
  const rejected = read.rows - read.records.length;
  if (rejected > 0) {
    const refused = issue(
      'workbook.rejected',
      '',
      `Tệp ${file.name.slice(0, 80)}: ${rejected} trong ${read.rows} dòng bị từ chối; không nhập gì của tệp. Sửa các dòng dưới đây rồi nhập lại.`,
      `File ${file.name.slice(0, 80)}: ${rejected} of ${read.rows} rows refused; nothing of the file is imported. Correct the rows below and import it again.`,
      { file: file.name },
    );
    return { ...base, imported: false, importId: null, revisions: 0, unchanged: 0, rejected, issues: [refused, ...read.issues] };
  }
  const summary = await store.importMeasurements(
    { plan: plan.id, file: file.name, importedBy: options.importedBy, ...(options.importedAt ? { importedAt: options.importedAt } : {}), ...(options.importId ? { importId: options.importId } : {}) },
    read.records,
  );
  return { ...base, imported: true, importId: summary.importId, revisions: summary.revisions, unchanged: summary.unchanged, rejected: 0, issues: read.issues };
}

/** The checked records of a file, ready for a store, and what was refused. @internal */
async function readTabularFile(plan: Plan, file: TabularFile, options: TabularImportOptions) {
  const format = tabularFormat(file);
  if (format === 'xlsx') {
    const wb = await readMeasurementsWorkbook(plan, file.bytes, { ...options, file: file.name });
    return { rows: wb.rows, issues: wb.issues, sheets: wb.sheets as { sheet: string | null; rows: number }[], records: wb.observations.map((o) => toMeasurementRecord(o, o.sheet)) };
  }
  if (options.maxBytes !== undefined && file.bytes.length > options.maxBytes) {
    throw new EgovPlanError([issue('file.too_large', '', `Tệp số liệu quá lớn (tối đa ${options.maxBytes} byte).`, `The measurements file is too large (at most ${options.maxBytes} bytes).`, { file: file.name })]);
  }
  const text = decodeUtf8(file.bytes, file.name);
  const set = parseMeasurementsText(plan, text, { file: file.name, format, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) });
  return { rows: set.rows, issues: set.issues, sheets: [{ sheet: null, rows: set.rows }], records: set.observations.map((o) => toMeasurementRecord(o)) };
}

