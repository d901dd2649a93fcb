import { EgovPlanError, MEASUREMENT_FIELD_HEADINGS, issueFrom, pointerSegment, utf8ByteLength, type FileKeySet, type Issue, type Plan } from '@egov-plan/core';
import { parseJsonDocument, type JsonDocument } from '../json-document.js';
import { COLUMNS, REQUIRED, rowChecker, rowIssue, rowIssueFrom, shapeProblem, type MeasurementSet, type Observation, type RawRow, type RowContext, type RowNaming } from '../engine/measurements.js';
import * as MSG from '../messages.js';
import { periodLookup } from '../engine/periods.js';
import { CsvRecordReader, type CsvRecord, type CsvSummary } from './csv.js';
import { columnNameIn, headerStyle, measurementColumn, type HeaderStyle } from './headers.js';
import { echo, encodingProblem } from './text.js';
import { csvRowPlace, itemPlace, sheetRowPlace } from '../words.js';

// Measurement text → rows for the engine's checks. CSV is read by the one CSV reader
// (./csv.ts), JSON by the one JSON reader (../json-document.ts); both hand rows to the engine
// through `rowChecker`, so CSV, JSON and rows from code obey the same rules.

/** Options for reading measurements. */
export interface MeasurementOptions {
  /** File name shown in issues. */
  file?: string;
  /** Largest text accepted, in bytes (default {@link DEFAULT_MAX_MEASUREMENT_BYTES}). */
  maxBytes?: number;
  /** Most issues listed (default {@link MAX_MEASUREMENT_ISSUES}); the rest are counted in one last issue. */
  maxIssues?: number;
  /**
   * Where the duplicate check of CSV and table rows keeps its keys (a store's
   * {@link FileKeySet}: outside the heap); default in memory. The caller closes it.
   */
  keys?: FileKeySet;
}

/** Options of {@link parseMeasurementTable}. */
export interface MeasurementTableOptions extends MeasurementOptions {
  /** The workbook sheet the rows come from: issues name it (`Trang "Số liệu", dòng 5, cột E`) and their pointer starts with it. */
  sheet?: string;
  /**
   * The header cells as the file wrote them (`indicator` or `Mã chỉ số`), when the rows' header
   * names fields (a workbook's header read through the template's headings): issues name each
   * column so, as the file names it. Default: the header row's cells.
   */
  headings?: readonly string[];
}

/** One row of a table (a spreadsheet's sheet): its 1-based row number and its cells as text, from column A on. */
export interface MeasurementTableRow {
  row: number;
  cells: readonly string[];
  /**
   * Per cell, true when the spreadsheet holds it as text rather than as a number: a number typed
   * into such a cell is read as in a `;` CSV file, with a decimal comma (`85,5` is 85.5, `1.234`
   * is refused as ambiguous). Absent: every cell is read as in a `,` CSV file.
   */
  textCells?: readonly boolean[];
}

/** Largest measurements text accepted by default. */
export const DEFAULT_MAX_MEASUREMENT_BYTES = 64 * 1024 * 1024;

/**
 * Most issues a measurements file reports by default: past it, one `measurement.too_many_issues`
 * issue counts the others (the rows are still checked and the good ones kept).
 */
export const MAX_MEASUREMENT_ISSUES = 1000;

/** Most unknown-column issues reported for one header. */
const MAX_HEADER_ISSUES = 20;

const NUMERIC = new Set(['value', 'numerator', 'denominator']);
const DECIMAL_COMMA = /^\s*[+-]?\d+,\d+\s*$/u;
const GROUPED = /^\s*[+-]?\d{1,3}(?:\.\d{3})+\s*$/u;

/**
 * A number field where the comma is the decimal mark (a `;` CSV file, a spreadsheet's text
 * cell), as the checks read it: `85,5` → `85.5`; `null` for `1.234` or `1.234.567`, ambiguous
 * there (the dot may separate thousands); any other text as it is (the checks then judge it).
 */
function decimalCommaField(v: string): string | null {
  if (DECIMAL_COMMA.test(v)) return v.replace(',', '.');
  return GROUPED.test(v) ? null : v;
}

const THOUSANDS_COMMA = /^\s*[+-]?[1-9]\d{0,2},\d{3}\s*$/u;

/**
 * A number field holding a comma in a `,` CSV file (so written in quotes, `"85,5"`): the comma
 * there is a decimal comma, `85,5` → `85.5`, except in `1,234` or `100,000` — one comma, three
 * digits after it, one to three before, no leading zero — where it may separate thousands
 * (`null`: ambiguous). Any other text as it is (the checks then judge it).
 */
function quotedCommaField(v: string): string | null {
  if (!DECIMAL_COMMA.test(v)) return v;
  return THOUSANDS_COMMA.test(v) ? null : v.replace(',', '.');
}

/** Whether a number field of a record (`at`: the cells of {@link CELL_ORDER}) holds a comma. */
const commaIn = (fields: readonly string[], at: readonly number[]): boolean => hasComma(cellAt(fields, at[3] as number)) || hasComma(cellAt(fields, at[4] as number)) || hasComma(cellAt(fields, at[5] as number));
const hasComma = (v: string | undefined): boolean => v !== undefined && v.includes(',');

/** The fields of a measurement in the order {@link CsvMeasurements} fills them (every one of {@link COLUMNS}). */
const CELL_ORDER = ['indicator', 'orgUnit', 'period', 'value', 'numerator', 'denominator', 'level', 'evidenceDate', 'source'] as const;

/** Whether {@link CELL_ORDER} is the format's list of fields (else every record takes the general loop). */
const BY_NAME = COLUMNS.length === CELL_ORDER.length && COLUMNS.every((c) => (CELL_ORDER as readonly string[]).includes(c));

/** The cell at `i` of a record, undefined for −1 (a column the header lacks) or past its end. */
const cellAt = (fields: readonly string[], i: number): string | undefined => (i >= 0 && i < fields.length ? fields[i] : undefined);

const withFile = (file: string | undefined) => (file === undefined ? {} : { file });

/**
 * The issues of one file, capped: the first `max` are kept, the rest only counted, and
 * {@link IssueList.finish} ends the list with one `measurement.too_many_issues` issue that says
 * how many more there were (so memory stays bounded however bad the file, and nothing is silently
 * dropped). The readers of this package and `@egov-plan/tabular`'s workbook reader share it.
 */
export class IssueList {
  /** The issues kept, in order. */
  readonly list: Issue[] = [];
  /** How many issues were counted past `max`. */
  more = 0;
  /** @param max most issues kept (default {@link MAX_MEASUREMENT_ISSUES}) */
  constructor(private readonly max: number = MAX_MEASUREMENT_ISSUES) {}
  /** The issues of the open section ({@link IssueList.beginSection}), or null. */
  private section: Issue[] | null = null;
  /** Keeps `i`, or counts it once `max` are kept. */
  add(i: Issue): void {
    if (this.section) {
      this.section.push(i);
      // Bounded: past twice the room left, the section is cut to its first issues by row.
      if (this.section.length > 2 * (this.max - this.list.length) + 64) this.trimSection();
      return;
    }
    if (this.list.length < this.max) this.list.push(i);
    else this.more++;
  }
  /**
   * Opens a section (one sheet of a workbook) whose issues may arrive out of row order (a cell's
   * as its row is read, a row's when the sheet ends): until {@link IssueList.endSection}, the cap
   * keeps the section's first issues by line and column, not the first to arrive, so the issues
   * listed are always those of the first rows. Issues without a line (about the whole sheet) are
   * never cut.
   * @internal
   */
  beginSection(): void {
    this.endSection();
    this.section = [];
  }
  /** Closes the open section: its issues join the list in line order (those without a line last). @internal */
  endSection(): void {
    if (!this.section) return;
    this.trimSection();
    for (const i of this.section) this.list.push(i);
    this.section = null;
  }
  private trimSection(): void {
    const section = this.section as Issue[];
    const lined = section.filter((i) => i.line !== undefined);
    const unlined = section.filter((i) => i.line === undefined);
    lined.sort((a, b) => (a.line as number) - (b.line as number) || (a.column ?? 0) - (b.column ?? 0));
    const room = Math.max(0, this.max - this.list.length - unlined.length);
    if (lined.length > room) {
      this.more += lined.length - room;
      lined.length = room;
    }
    this.section = [...lined, ...unlined];
  }
  /**
   * Moves the issues the checker added to `out.issues` into the list (in order).
   * @internal
   */
  take(out: MeasurementSet): void {
    if (out.issues.length === 0) return;
    for (const i of out.issues) this.add(i);
    out.issues.length = 0;
  }
  /** The issues kept, then, when some were counted past `max`, the issue that counts them (of `file`). */
  finish(file: string | undefined): Issue[] {
    if (this.more === 0) return this.list;
    return [
      ...this.list,
      issueFrom(MSG.measurementTooManyIssues, '', { more: this.more, max: this.max }, withFile(file)),
    ];
  }
}

function sizeCheck(text: string, options: MeasurementOptions): void {
  const max = options.maxBytes ?? DEFAULT_MAX_MEASUREMENT_BYTES;
  // A UTF-16 code unit is at most 3 bytes in UTF-8: the bytes are counted only when they may be too many.
  if (text.length > max || (text.length * 3 > max && utf8ByteLength(text) > max)) {
    throw new EgovPlanError([issueFrom(MSG.measurementFileTooLarge, '', { max }, withFile(options.file))]);
  }
  const bad = encodingProblem(text, options.file);
  if (bad) throw new EgovPlanError([bad]);
}

const missingHeader = (file: string | undefined) =>
  new EgovPlanError([
    issueFrom(MSG.measurementMissingHeader, '/1', {}, { line: 1, ...withFile(file) }),
  ]);

/** The style most of a header's known columns are written in (the first of a tie). */
function mostUsed(styles: readonly HeaderStyle[]): HeaderStyle {
  const count = new Map<HeaderStyle, number>();
  for (const s of styles) count.set(s, (count.get(s) ?? 0) + 1);
  let best: HeaderStyle = styles[0] ?? 'field';
  for (const [s, n] of count) if (n > (count.get(best) ?? 0)) best = s;
  return best;
}

/**
 * Reads CSV measurements record by record: the state of one file between its records, used for
 * text given whole and for text that arrives in pieces (a stream).
 */
class CsvMeasurements {
  private cols: [string, number][] | null = null;
  /** The header's columns as two lists (name, cell index), read in that order for every record. */
  private colNames: string[] = [];
  private colCells: number[] = [];
  /** Whether each column of `colNames` is a number field (a decimal comma is read in a `;` file). */
  private colNumeric: boolean[] = [];
  /**
   * The row handed to the checks: one object for every record, its fields overwritten in place
   * (every column of the format is a field, those the header lacks stay undefined), since the
   * checks read it and keep nothing of it.
   */
  private readonly input: Record<string, string | undefined> = { indicator: undefined, orgUnit: undefined, period: undefined, value: undefined, numerator: undefined, denominator: undefined, level: undefined, evidenceDate: undefined, source: undefined };
  /** The header's cell index of each field of {@link CELL_ORDER}, −1 when it lacks the column. */
  private cellOf: number[] = [];
  private width = 0;
  private decimalComma = false;
  private readonly header: Issue[] = [];
  /** Each field's column name as the header wrote it (`Giá trị`, `value`), for the messages. */
  private readonly written = new Map<string, string>();
  private readonly issues: IssueList;
  private readonly out: MeasurementSet = { observations: [], issues: [], rows: 0 };
  private readonly check: ReturnType<typeof rowChecker>;
  private current: CsvRecord = { row: 0, line: 0, fields: [] };
  private readonly naming: RowNaming;
  readonly reader: CsvRecordReader;

  constructor(plan: Plan, private readonly options: MeasurementTableOptions) {
    this.issues = new IssueList(options.maxIssues ?? MAX_MEASUREMENT_ISSUES);
    this.check = rowChecker(plan, periodLookup(plan), this.out, options.keys);
    this.naming = { rowOf: () => this.current.row, contextOf: () => this.contextOf(this.current) };
    this.reader = new CsvRecordReader((rec) => this.record(rec), { delimiters: [',', ';', '\t'] });
  }

  private contextOf(rec: { row: number; line: number }): RowContext {
    const sheet = this.options.sheet;
    if (sheet === undefined) return { row: rec.row, pointer: `/${rec.row}`, label: csvRowPlace(rec.row), line: rec.line, ...withFile(this.options.file) };
    const at = this.columnAt;
    return {
      row: rec.row,
      pointer: `/${pointerSegment(sheet)}/${rec.row}`,
      label: sheetRowPlace(echo(sheet, 40), rec.row),
      line: rec.line,
      columnOf: (field) => at.get(field),
      ...withFile(this.options.file),
    };
  }

  /** Spreadsheet column of each field, for issues naming a sheet. */
  private columnAt = new Map<string, { column: number; letter: string; heading: string }>();

  private readHeader(rec: CsvRecord, delimiter: string): void {
    const file = this.options.file;
    if (rec.row !== 1) throw missingHeader(file);
    const names = rec.fields.map((f) => f.normalize('NFC').trim());
    const columns = new Map<string, number>();
    const styles: HeaderStyle[] = [];
    let unknown = 0;
    names.forEach((n, i) => {
      const known = measurementColumn(n);
      if (!known) {
        if (n === '') return;
        if (++unknown <= MAX_HEADER_ISSUES) {
          this.header.push(issueFrom(MSG.measurementUnknownColumn, `/1/${i}`, { column: echo(n, 40) }, { line: 1, ...withFile(file) }));
        }
      } else if (columns.has(known)) {
        this.header.push(issueFrom(MSG.measurementDuplicateColumn, `/1/${i}`, { column: echo(n, 40) }, { line: 1, ...withFile(file) }));
      } else {
        columns.set(known, i);
        this.written.set(known, n);
        styles.push(headerStyle(this.options.headings?.[i] ?? n) ?? 'field');
      }
    });
    if (unknown > MAX_HEADER_ISSUES) {
      const more = unknown - MAX_HEADER_ISSUES;
      this.header.push(issueFrom(MSG.measurementUnknownColumnsMore, '/1', { more }, { line: 1, ...withFile(file) }));
    }
    if (columns.size === 0) {
      // Not a measurements CSV at all (another kind of file): nothing of it is echoed.
      throw new EgovPlanError([
        issueFrom(MSG.measurementNotAHeader, '/1', { columns: COLUMNS.join(', ') }, { line: 1, ...withFile(file) }),
      ]);
    }
    const missing = REQUIRED.filter((c) => !columns.has(c));
    if (missing.length) {
      const style = mostUsed(styles);
      throw new EgovPlanError([
        issueFrom(MSG.measurementMissingColumn, '/1', { columns: missing.map((c) => columnNameIn(style, c)).join(', ') }, { line: 1, ...withFile(file) }),
        ...this.header,
      ]);
    }
    this.cols = [...columns];
    this.colNames = this.cols.map(([name]) => name);
    this.colCells = this.cols.map(([, i]) => i);
    this.colNumeric = this.colNames.map((name) => NUMERIC.has(name));
    this.cellOf = CELL_ORDER.map((name) => columns.get(name) ?? -1);
    // Columns named in issues as the file names them (`value` or `Giá trị`), never translated.
    const headings = this.options.headings;
    for (const [name, i] of columns) this.columnAt.set(name, { column: i + 1, letter: columnLetter(i + 1), heading: (headings?.[i] ?? rec.fields[i] ?? name).normalize('NFC').trim().slice(0, 40) || name });
    this.width = names.length;
    this.decimalComma = delimiter === ';';
  }

  /** Checks one record given directly (a table's row), as the CSV reader hands them; `textCells` as {@link MeasurementTableRow.textCells}. */
  push(rec: CsvRecord, textCells?: readonly boolean[]): void {
    this.record(rec, textCells);
  }

  private record(rec: CsvRecord, textCells?: readonly boolean[]): void {
    if (this.cols === null) {
      this.readHeader(rec, this.reader.delimiterInUse ?? ',');
      return;
    }
    const out = this.out;
    if (rec.fields.length > this.width) {
      out.rows++;
      this.issues.add(rowIssueFrom(this.contextOf(rec), null, MSG.measurementExtraCells, { cells: rec.fields.length, columns: this.width }));
      return;
    }
    const input = this.input;
    const fields = rec.fields;
    if (!this.decimalComma && textCells === undefined && BY_NAME && !commaIn(fields, this.cellOf)) {
      // Every field by name (one shape of store per field, not a keyed store per column): the
      // cell of the header's column, undefined when the header lacks it or the record is short.
      const at = this.cellOf;
      input.indicator = cellAt(fields, at[0] as number);
      input.orgUnit = cellAt(fields, at[1] as number);
      input.period = cellAt(fields, at[2] as number);
      input.value = cellAt(fields, at[3] as number);
      input.numerator = cellAt(fields, at[4] as number);
      input.denominator = cellAt(fields, at[5] as number);
      input.level = cellAt(fields, at[6] as number);
      input.evidenceDate = cellAt(fields, at[7] as number);
      input.source = cellAt(fields, at[8] as number);
      this.current = rec;
      this.check(input, rec.row, this.naming);
      this.issues.take(out);
      return;
    }
    const names = this.colNames;
    const cells = this.colCells;
    for (let k = 0; k < names.length; k++) {
      const name = names[k] as string;
      let v = fields[cells[k] as number];
      // The decimal comma: every number field of a `;` file, a number typed into a spreadsheet's text cell.
      if (v !== undefined && this.colNumeric[k] === true) {
        // The decimal comma: every number field of a `;` file, a number typed into a spreadsheet's
        // text cell, and a quoted `"85,5"` of a `,` file (there a comma can only be in quotes).
        const commaMark = this.decimalComma || textCells?.[cells[k] as number] === true;
        const read = commaMark ? decimalCommaField(v) : v.includes(',') ? quotedCommaField(v) : v;
        if (read === null) {
          // "1.234" where the comma is the decimal mark: a Vietnamese spreadsheet may mean 1234 (dot as thousands separator);
          // "1,234" in a `,` file: an English one may mean 1234 (comma as thousands separator).
          out.rows++;
          // The field as the template heads it in Vietnamese (or as the file wrote it), as the file wrote it in English.
          const written = this.written.get(name) ?? name;
          const heading = (MEASUREMENT_FIELD_HEADINGS as Readonly<Record<string, { vi: string } | undefined>>)[name]?.vi ?? name;
          const field = { vi: written.toLowerCase() === name.toLowerCase() ? heading : written, en: written };
          const t = v.trim();
          const params = { field, text: echo(t, 40), plain: t.replace(/[.,]/gu, '') };
          const ctx = this.contextOf(rec);
          this.issues.add(
            !commaMark
              ? rowIssueFrom(ctx, name, MSG.measurementGroupedNumberComma, { ...params, decimal: t.replace(',', '.') })
              : rowIssueFrom(ctx, name, this.decimalComma ? MSG.measurementGroupedNumberSemicolon : MSG.measurementGroupedNumberTextCell, params),
          );
          return;
        }
        v = read;
      }
      input[name] = v;
    }
    this.current = rec;
    this.check(input, rec.row, this.naming);
    this.issues.take(out);
  }

  /** The good rows checked since the last call, handed out (a stream keeps none of them). */
  take(): Observation[] {
    const list = this.out.observations;
    if (list.length > 0) this.out.observations = [];
    return list;
  }

  /** Rows read so far (good and bad). */
  get rows(): number {
    return this.out.rows;
  }

  finish(end: CsvSummary): MeasurementSet {
    if (this.cols === null) throw missingHeader(this.options.file);
    const file = this.options.file;
    if (end.unterminated) {
      const u = end.unterminated;
      this.issues.add(
        issueFrom(MSG.measurementUnterminatedQuote, `/${u.row}`, { row: u.row }, { line: u.line, ...withFile(file) }),
      );
    }
    return { observations: this.out.observations, rows: this.out.rows, issues: [...this.header, ...this.issues.finish(file), ...this.check.warnings()] };
  }
}

/** The spreadsheet letter of a 1-based column number (1 → A, 27 → AA). */
function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Checks the rows of a table — a spreadsheet's sheet read by `@egov-plan/tabular`, cells as
 * text — with the rules of {@link parseMeasurementsCsv}: row 1 is the header (the same column
 * names), each later row one measurement; a number in a cell marked in `textCells` takes a
 * decimal comma, as in a `;` file. With `sheet`, issues name the sheet, row and column.
 */
export function parseMeasurementTable(plan: Plan, rows: Iterable<MeasurementTableRow>, options: MeasurementTableOptions = {}): MeasurementSet {
  const m = new CsvMeasurements(plan, options);
  for (const r of rows) m.push({ row: r.row, line: r.row, fields: r.cells as string[] }, r.textCells);
  return m.finish({ delimiter: ',', newline: '\n', unterminated: null, stopped: false });
}

/**
 * Reads measurements in CSV: a header naming the columns (`indicator`, `orgUnit`, `period`,
 * `value`, optionally `level`, `numerator`, `denominator`, `source`; any order), then one row per
 * measurement. Fields are separated by `,`, or `;` or a tab when the header uses them; in a `;`
 * file numbers take a decimal comma (`19,5`). Line breaks LF, CRLF or CR; a byte-order mark is
 * ignored. Row numbers count the header as row 1. A header without the required columns throws
 * {@link EgovPlanError}; unknown columns and bad rows are issues, the good rows are kept.
 */
export function parseMeasurementsCsv(plan: Plan, csv: string, options: MeasurementOptions = {}): MeasurementSet {
  sizeCheck(csv, options);
  const m = new CsvMeasurements(plan, options);
  m.reader.push(csv);
  return m.finish(m.reader.end());
}

/**
 * {@link parseMeasurementsCsv} over text that arrives in pieces — a file or network stream
 * (anything async-iterable yielding strings or UTF-8 bytes) — without holding the text: each
 * record is checked as soon as it is complete. Bytes that are not UTF-8 are a `file.encoding` error.
 */
export async function parseMeasurementsCsvStream(plan: Plan, source: AsyncIterable<string | Uint8Array>, options: MeasurementOptions = {}): Promise<MeasurementSet> {
  const observations: Observation[] = [];
  const read = readMeasurementsCsvStream(plan, source, options);
  for (let next = await read.next(); ; next = await read.next()) {
    if (next.done) return { ...next.value, observations };
    for (const o of next.value.observations) observations.push(o);
  }
}

/** The good rows checked from one piece of a stream, and how far the reading is. */
export interface MeasurementBatch {
  /** The good rows completed by this piece, in file order. */
  observations: Observation[];
  /** Rows read so far, good and bad (the header not counted). */
  rows: number;
  /** Bytes read so far (UTF-8 bytes for text pieces). */
  bytes: number;
}

/**
 * Reads CSV measurements from a stream as {@link parseMeasurementsCsvStream} does, but hands the
 * good rows on as they are checked instead of keeping them: yields one {@link MeasurementBatch}
 * per piece read and returns the rows counted and the issues (with `observations` empty). Memory
 * grows with the distinct measurements (the duplicate check), not with the rows kept; with
 * `keys` (a store's {@link FileKeySet}) it does not grow at all.
 *
 * @example
 * ```ts
 * const read = readMeasurementsCsvStream(plan, createReadStream('q4.csv'), { file: 'q4.csv' });
 * let next = await read.next();
 * for (; !next.done; next = await read.next()) for (const o of next.value.observations) write(o);
 * console.log(next.value.rows, next.value.issues);
 * ```
 */
export async function* readMeasurementsCsvStream(plan: Plan, source: AsyncIterable<string | Uint8Array>, options: MeasurementOptions = {}): AsyncGenerator<MeasurementBatch, MeasurementSet, undefined> {
  const max = options.maxBytes ?? DEFAULT_MAX_MEASUREMENT_BYTES;
  const m = new CsvMeasurements(plan, options);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let bytes = 0;
  let first = true;
  const push = (text: string) => {
    const bad = encodingProblem(text, options.file);
    if (bad) throw new EgovPlanError([bad]);
    m.reader.push(text);
  };
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      bytes += utf8ByteLength(chunk);
    } else {
      bytes += chunk.byteLength;
      if (first && chunk.length >= 2 && ((chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0xff && chunk[1] === 0xfe))) {
        throw new EgovPlanError([encodingProblem('\u0000', options.file) as Issue]);
      }
    }
    if (bytes > max) throw new EgovPlanError([issueFrom(MSG.measurementFileTooLarge, '', { max }, withFile(options.file))]);
    first = false;
    try {
      push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    } catch (e) {
      if (e instanceof EgovPlanError) throw e;
      throw new EgovPlanError([encodingProblem('\uFFFD', options.file) as Issue]);
    }
    yield { observations: m.take(), rows: m.rows, bytes };
  }
  try {
    push(decoder.decode());
  } catch (e) {
    if (e instanceof EgovPlanError) throw e;
    throw new EgovPlanError([encodingProblem('\uFFFD', options.file) as Issue]);
  }
  const end = m.reader.end();
  const last = m.take();
  if (last.length > 0) yield { observations: last, rows: m.rows, bytes };
  return m.finish(end);
}

/**
 * Checks the rows of a table as {@link parseMeasurementTable} does, from rows that arrive one by
 * one (a workbook read as a stream), handing the good rows on in batches of up to `batchRows`
 * (default 1000) instead of keeping them; returns the rows counted and the issues (with
 * `observations` empty).
 */
export async function* readMeasurementTableStream(
  plan: Plan,
  rows: Iterable<MeasurementTableRow> | AsyncIterable<MeasurementTableRow>,
  options: MeasurementTableOptions & { batchRows?: number } = {},
): AsyncGenerator<MeasurementBatch, MeasurementSet, undefined> {
  const m = new CsvMeasurements(plan, options);
  const size = Math.max(1, options.batchRows ?? 1000);
  let pending = 0;
  for await (const r of rows) {
    m.push({ row: r.row, line: r.row, fields: r.cells as string[] }, r.textCells);
    if (++pending >= size) {
      pending = 0;
      yield { observations: m.take(), rows: m.rows, bytes: 0 };
    }
  }
  const last = m.take();
  if (last.length > 0) yield { observations: last, rows: m.rows, bytes: 0 };
  return m.finish({ delimiter: ',', newline: '\n', unterminated: null, stopped: false });
}

/**
 * Reads measurements in JSON: an array of objects, or `{"measurements": [...]}`, each with
 * `indicator`, `orgUnit`, `period`, `value` and optionally `level`, `numerator`, `denominator`,
 * `source`. Issues carry the JSON pointer, line and column of the bad item; a key written twice
 * in an object is an error (`json.duplicate_key`).
 */
export function parseMeasurementsJson(plan: Plan, json: string, options: MeasurementOptions = {}): MeasurementSet {
  sizeCheck(json, options);
  const file = options.file;
  const parsed = parseJsonDocument(json, { ...withFile(file), maxBytes: options.maxBytes ?? DEFAULT_MAX_MEASUREMENT_BYTES, maxDepth: 8, depthCode: 'measurement.too_deep' });
  if (!parsed.ok) throw new EgovPlanError(parsed.issues);
  const doc: JsonDocument = parsed.document;
  const root = doc.value;
  let list: unknown;
  let base = '';
  if (Array.isArray(root)) list = root;
  else if (root && typeof root === 'object' && Object.prototype.hasOwnProperty.call(root, 'measurements') && Object.keys(root).length === 1) {
    list = (root as { measurements: unknown }).measurements;
    base = '/measurements';
  }
  if (!Array.isArray(list)) {
    throw new EgovPlanError([
      issueFrom(MSG.measurementInvalidDocument, base, { wrapped: '{"measurements": [...]}' }, { ...doc.locate(base), ...withFile(file) }),
    ]);
  }
  const issues = new IssueList(options.maxIssues ?? MAX_MEASUREMENT_ISSUES);
  const out: MeasurementSet = { observations: [], issues: [], rows: 0 };
  const contextOf = (i: number): RowContext => ({
    row: i + 1,
    pointer: `${base}/${i}`,
    label: itemPlace(i + 1),
    locate: (p) => doc.locate(p),
    ...withFile(file),
  });
  const check = rowChecker(plan, periodLookup(plan), out);
  const naming: RowNaming = { rowOf: (r) => r + 1, contextOf };
  const items = list as unknown[];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    // The same shape rules as rows from code.
    const problem = shapeProblem(item);
    if (problem) {
      out.rows++;
      issues.add(rowIssue(contextOf(i), problem.field, problem));
      continue;
    }
    check(item as RawRow, i, naming);
    issues.take(out);
  }
  return { observations: out.observations, rows: out.rows, issues: [...issues.finish(file), ...check.warnings()] };
}

/** Reads measurements text by its format: JSON when it starts with `[` or `{`, CSV otherwise. */
export function parseMeasurementsText(plan: Plan, body: string, options: MeasurementOptions & { format?: 'csv' | 'json' } = {}): MeasurementSet {
  const format = options.format ?? (/^\uFEFF?\s*[[{]/u.test(body) ? 'json' : 'csv');
  return format === 'json' ? parseMeasurementsJson(plan, body, options) : parseMeasurementsCsv(plan, body, options);
}
