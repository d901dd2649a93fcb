import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EgovPlanError, issueFrom, isEgovPlanError, type FileKeySet, type Issue, type Plan } from '@egov-plan/core';
import { IssueList, readMeasurementTableStream, type MeasurementBatch, type MeasurementTableRow } from '@egov-plan/rules';
import { TEMPLATE_SHEETS } from './headers.js';
import { cellIssuer, crossSheetDuplicate, hiddenSheet, mergeBounds, mergedCells, noMeasurements, percentCells, rowCells, sheetHeader, skippedSheet, tooManyRows, unreadableWorkbook, type SheetObservation, type SheetRow, type WorkbookOptions } from './xlsx.js';
import * as MSG from './messages.js';
import { checkZipFile, copySheetsLast, sheetsBeforeWorkbook } from './zip.js';
import { keepWrittenNumberFormats } from './numfmt.js';

// An XLSX file on disk read as a stream (exceljs's WorkbookReader): its rows are checked as they
// are unpacked and handed on in batches, never held as a workbook. The archive is checked first,
// piece by piece, as ./zip.ts checks one in memory (declared sizes, every entry unpacked and
// counted, no bytes outside the listed entries), and the same pass finds each sheet's merged
// cells (exceljs's streaming reader does not report them; they sit after the rows of a sheet).

/** Most rows a sheet of a workbook read as a stream may have by default: the most Excel holds. */
export const DEFAULT_MAX_STREAMED_SHEET_ROWS = 1_048_576;

/** What one entry of a workbook read as a stream may unpack to by default (the sheets are not held): 2 GiB; all entries together, twice that. */
export const DEFAULT_MAX_STREAMED_ENTRY_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * What the shared strings of a workbook read as a stream (`xl/sharedStrings.xml`, the distinct
 * texts of its cells, which the reader keeps in memory) may unpack to: 64 MiB, the limit of a
 * workbook read whole. Over it, `workbook.too_large`.
 */
export const DEFAULT_MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024;

/** Most merge ranges of one sheet kept to be named (a file with any is refused anyway). */
const MAX_MERGES = 1000;
/** Rows of a sheet numbered apart, so that one number says the sheet and the row of a key's first occurrence. */
const SHEET_SPAN = 2 ** 21;
const SHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/u;
const MERGE = /<mergeCell\s[^>]*?ref="([^"]*)"/gu;

/** A cell of exceljs's streaming reader, whose value hides a formula's error result (it reads `#DIV/0!` as the number NaN). */
type StreamedCell = { value: ExcelJS.CellValue; numFmt?: string; model?: { result?: unknown } };

/** A streamed row whose formula cells with an error result read as errors, as in a workbook read whole. */
function streamedRow(row: { cellCount: number; getCell(c: number): StreamedCell }): SheetRow {
  return {
    cellCount: row.cellCount,
    getCell(c) {
      const cell = row.getCell(c);
      const v = cell.value;
      if (v !== null && typeof v === 'object' && 'formula' in v && v.result === undefined && typeof cell.model?.result === 'number' && Number.isNaN(cell.model.result)) return { value: { error: '#…' } as unknown as ExcelJS.CellErrorValue };
      return cell;
    },
  };
}

const where = (file: string | undefined) => (file === undefined ? {} : { file });

/** The end of reading a workbook as a stream: rows read, issues, sheets read. */
export interface StreamedWorkbook {
  rows: number;
  issues: Issue[];
  sheets: { sheet: string; rows: number }[];
}

/** Keys of a file in memory (a store without a {@link FileKeySet} of its own). */
function memoryKeys(): FileKeySet {
  const seen = new Map<string, number>();
  return {
    firstSeen(indicator, orgUnit, period, at) {
      const key = `${indicator}\u0000${orgUnit}\u0000${period}`;
      const first = seen.get(key);
      if (first !== undefined) return first;
      seen.set(key, at);
      return -1;
    },
    close() {
      seen.clear();
    },
  };
}

/**
 * Reads the measurements of an XLSX file on disk against a plan as a stream, with the rules of
 * `readMeasurementsWorkbook` (visible sheets with a measurements header, formulas never
 * evaluated, merged cells, hidden sheets, duplicates also across sheets), yielding the good rows
 * in batches (each observation with its `sheet`) and returning the rows read and the issues.
 * A workbook storing its sheets before `xl/workbook.xml` is read from a temporary copy with the
 * sheets stored last (`copySheetsLast`; removed at the end).
 * Memory does not grow with the rows: the duplicate check keeps its keys in `keys` (a store's,
 * on disk) when given; the shared strings of the workbook are held (up to
 * {@link DEFAULT_MAX_SHARED_STRINGS_BYTES} unpacked). Throws `EgovPlanError` (`workbook.*`).
 * Limits by default: {@link DEFAULT_MAX_STREAMED_SHEET_ROWS} rows a sheet,
 * {@link DEFAULT_MAX_STREAMED_ENTRY_BYTES} an entry. `importTabularStream` reads an XLSX file so.
 *
 * @example
 * ```ts
 * const read = readMeasurementsWorkbookStream(plan, 'q4.xlsx', { file: 'q4.xlsx' });
 * let next = await read.next();
 * for (; !next.done; next = await read.next()) for (const o of next.value.observations) write(o);
 * console.log(next.value.rows, next.value.issues);
 * ```
 */
export async function* readMeasurementsWorkbookStream(plan: Plan, path: string, options: WorkbookOptions & { keys?: FileKeySet } = {}): AsyncGenerator<MeasurementBatch, StreamedWorkbook, undefined> {
  const file = options.file;
  const maxEntry = options.maxEntryBytes ?? DEFAULT_MAX_STREAMED_ENTRY_BYTES;
  const merges = new Map<string, string[]>();
  const carry = new Map<string, string>();
  const entries = await checkZipFile(
    path,
    file,
    { maxEntryBytes: maxEntry, maxTotalBytes: options.maxTotalBytes ?? 2 * maxEntry, ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }) },
    {
      wants: (name) => SHEET_ENTRY.test(name),
      text(name, piece) {
        const before = carry.get(name) ?? '';
        const text = before + piece;
        let list = merges.get(name);
        for (const m of text.matchAll(MERGE)) {
          // A match that ended in the carried text was found with the piece before.
          if ((m.index as number) + m[0].length <= before.length) continue;
          if (!list) merges.set(name, (list = []));
          if (list.length < MAX_MERGES) list.push(m[1] as string);
        }
        carry.set(name, text.slice(-256));
      },
    },
  );
  const shared = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (shared && shared.size > DEFAULT_MAX_SHARED_STRINGS_BYTES) {
    throw new EgovPlanError([
      issueFrom(MSG.workbookTooLargeSharedStrings, `/${shared.name}`, { entry: shared.name, size: shared.size, max: DEFAULT_MAX_SHARED_STRINGS_BYTES }, where(file)),
    ]);
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_STREAMED_SHEET_ROWS;
  const keys = options.keys ?? memoryKeys();
  const issues = new IssueList();
  const warnings: Issue[] = [];
  const sheets: { sheet: string; rows: number }[] = [];
  const sheetNames: string[] = [];
  let rowsBefore = 0;
  // The entry of the sheet exceljs reads next: it announces it just before handing the sheet.
  let sheetEntry = '';
  // A workbook storing its sheets before xl/workbook.xml (exceljs's own writer, some other
  // programs) is read from a copy with the sheets stored last: exceljs's streaming reader then
  // knows the sheet names, cell texts and formats at each sheet and reads it as it comes, instead
  // of parking it in a temporary file (what failed at random, `workbookSheets`).
  let copy: string | undefined;
  let source = path;
  try {
    if (sheetsBeforeWorkbook(entries)) {
      copy = await mkdtemp(join(tmpdir(), 'egov-plan-xlsx-order-'));
      if (await copySheetsLast(path, join(copy, 'sheets-last.xlsx'), entries)) source = join(copy, 'sheets-last.xlsx');
    }
    for await (const ws of workbookSheets(source, file, shared !== undefined, (id) => (sheetEntry = `xl/worksheets/sheet${id}.xml`))) {
      const sheet = ws as unknown as { name: string; state?: string; [Symbol.asyncIterator](): AsyncIterator<{ cellCount: number; number: number; getCell(c: number): StreamedCell }> };
      const name = sheet.name;
      const index = sheetNames.push(name) - 1;
      const rows = sheet[Symbol.asyncIterator]();
      const drain = async () => {
        for (let n = await rows.next(); !n.done; n = await rows.next());
      };
      const first = await rows.next();
      const { cells: headerCells, headings, isMeasurements } = sheetHeader(!first.done && first.value.number === 1 ? streamedRow(first.value) : undefined);
      if (!isMeasurements) {
        if (!first.done && name !== TEMPLATE_SHEETS.instructions && name !== TEMPLATE_SHEETS.lists) warnings.push(skippedSheet(name, file));
        await drain();
        continue;
      }
      if (sheet.state !== 'visible' && sheet.state !== undefined) {
        warnings.push(hiddenSheet(name, file));
        await drain();
        continue;
      }
      const width = headerCells.length;
      const cellIssue = cellIssuer(name, headerCells, file, headings);
      // The sheet's issues are kept in row order under the cap (cell issues arrive as rows are
      // read, row issues when the sheet ends).
      issues.beginSection();
      // Merged cells among the measurement rows (found when the archive was checked).
      const sheetIssues: Issue[] = [];
      const merged: { top: number; bottom: number }[] = [];
      for (const range of merges.get(sheetEntry) ?? []) {
        const b = mergeBounds(range);
        if (!b || b.bottom < 2 || b.left > width) continue;
        sheetIssues.push(mergedCells(range, b, cellIssue));
        merged.push({ top: Math.max(2, b.top), bottom: b.bottom });
      }
      for (const i of sheetIssues) issues.add(i);
      let badRows = 0;
      const percent = percentCells(plan, name, headerCells, file, headings);
      async function* table(): AsyncGenerator<MeasurementTableRow> {
        yield { row: 1, cells: headerCells };
        for (let n = await rows.next(); !n.done; n = await rows.next()) {
          const number = n.value.number;
          if (number > maxRows) throw tooManyRows(name, number, maxRows, file, true);
          const row = streamedRow(n.value);
          const r = rowCells(row, number, width, cellIssue, (i) => issues.add(i));
          if (r === null) continue;
          percent(row, number, r, (i) => issues.add(i));
          if (r.bad || merged.some((m) => number >= m.top && number <= m.bottom)) badRows++;
          else yield r.textCells ? { row: number, cells: r.cells, textCells: r.textCells } : { row: number, cells: r.cells };
        }
      }
      // Keys across sheets: a row repeating one of an earlier sheet is named here, with that sheet.
      const repeats = new Map<number, number>();
      const sheetKeys: FileKeySet = {
        firstSeen(indicator, orgUnit, period, row) {
          const earlier = keys.firstSeen(indicator, orgUnit, period, index * SHEET_SPAN + row);
          if (earlier < 0) return -1;
          if (Math.floor(earlier / SHEET_SPAN) === index) return earlier % SHEET_SPAN;
          repeats.set(row, earlier);
          return -1;
        },
        close() {},
      };
      const crossSheet: Issue[] = [];
      const read = readMeasurementTableStream(plan, table(), { sheet: name, headings, keys: sheetKeys, ...where(file) });
      for (let next = await read.next(); ; next = await read.next()) {
        if (next.done) {
          for (const i of next.value.issues) issues.add(i);
          for (const i of crossSheet) issues.add(i);
          issues.endSection();
          const sheetRows = next.value.rows + badRows;
          rowsBefore += sheetRows;
          sheets.push({ sheet: name, rows: sheetRows });
          break;
        }
        const kept: SheetObservation[] = [];
        for (const o of next.value.observations) {
          const earlier = repeats.get(o.row);
          if (earlier !== undefined) {
            crossSheet.push(crossSheetDuplicate(name, o.row, sheetNames[Math.floor(earlier / SHEET_SPAN)] as string, earlier % SHEET_SPAN, file));
            continue;
          }
          (o as SheetObservation).sheet = name;
          kept.push(o as SheetObservation);
        }
        repeats.clear();
        yield { observations: kept, rows: rowsBefore + next.value.rows + badRows, bytes: 0 };
      }
    }
  } catch (e) {
    if (isEgovPlanError(e)) throw e;
    throw unreadableWorkbook(e, file);
  } finally {
    if (!options.keys) keys.close();
    if (copy !== undefined) await rm(copy, { recursive: true, force: true });
  }
  if (sheets.length === 0) throw noMeasurements(file, warnings);
  for (const w of warnings) issues.add(w);
  return { rows: rowsBefore, issues: issues.finish(file), sheets };
}

/** Times a workbook is read again when exceljs hands its sheets before it has read the workbook entry. */
const WORKBOOK_READ_ATTEMPTS = 4;

/**
 * The sheets of an XLSX file on disk from exceljs's streaming reader, only once it has read the
 * workbook entry (sheet names, hidden state) and the shared strings (cell texts). Its entry loop
 * sometimes ends before the entries stored after the sheets (our template and exceljs's writer
 * store `xl/sharedStrings.xml` and `xl/workbook.xml` last) and then hands the waiting sheets
 * without names and with cell texts as bare indexes — measured 2026-12-03 on one filled template:
 * 6 readings in 60 (a file in that order is now read from a copy with its sheets last, where
 * this is not met; it stays for an archive too large to copy so, over 4 GiB). Nothing of a sheet has been read then, so the file is read again from the
 * start; after {@link WORKBOOK_READ_ATTEMPTS} such readings, `workbook.invalid`.
 */
async function* workbookSheets(path: string, file: string | undefined, hasSharedStrings: boolean, onSheetEntry: (id: string) => void): AsyncGenerator<unknown> {
  for (let attempt = 1; ; attempt++) {
    keepWrittenNumberFormats();
    const input = createReadStream(path);
    // Styles are cached for the cells' number formats: dates, and percentages (`percentCells`).
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
    holdSheetsUntilWorkbook(reader);
    (reader as unknown as NodeJS.EventEmitter).on('entry', (e: { type: string; id?: string }) => {
      if (e.type === 'worksheet' && e.id !== undefined) onSheetEntry(e.id);
    });
    const sheets = reader[Symbol.asyncIterator]();
    let next = await sheets.next();
    const state = reader as unknown as { model?: unknown; sharedStrings?: unknown };
    if (!next.done && (state.model === undefined || (hasSharedStrings && state.sharedStrings === undefined))) {
      input.destroy();
      if (attempt < WORKBOOK_READ_ATTEMPTS) continue;
      throw new EgovPlanError([issueFrom(MSG.workbookInvalidReread, '/xl/workbook.xml', { attempts: attempt }, where(file))]);
    }
    for (; !next.done; next = await sheets.next()) yield next.value;
    return;
  }
}

/**
 * exceljs's streaming reader parses a worksheet met before `xl/workbook.xml` (exceljs's own writer
 * stores that entry last, as does our template) as soon as the relationships and shared strings
 * are read, and then fails at random with "Cannot read properties of undefined (reading
 * 'sheets')" (exceljs issue #3064, open). Its own fallback for a sheet met too early is to keep it
 * in a temporary file and read it after the last entry; this makes it take that fallback until
 * the workbook entry has been read, by handing it the relationships only then. Memory stays
 * bounded (the sheets wait on disk). Without those two internal methods (another exceljs), the
 * reader is left as it is.
 */
function holdSheetsUntilWorkbook(reader: unknown): void {
  const r = reader as { _parseRels?: (entry: unknown) => Promise<void>; _parseWorkbook?: (entry: unknown) => Promise<void>; workbookRels?: unknown };
  const parseRels = r._parseRels;
  const parseWorkbook = r._parseWorkbook;
  if (typeof parseRels !== 'function' || typeof parseWorkbook !== 'function') return;
  let rels: unknown;
  let workbookRead = false;
  r._parseRels = async (entry) => {
    await parseRels.call(r, entry);
    rels = r.workbookRels;
    if (!workbookRead) r.workbookRels = undefined;
  };
  r._parseWorkbook = async (entry) => {
    await parseWorkbook.call(r, entry);
    workbookRead = true;
    if (rels !== undefined) r.workbookRels = rels;
  };
}
