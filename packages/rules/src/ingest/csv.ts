import Papa from 'papaparse';

// The one CSV reader of the library. Papa Parse (papaparse) decides what a record is; plain
// lines (no `"` in them) take a shortcut of our own that splits them at the delimiter, which is
// what Papa Parse does for such lines too — a property test (test/ingest/csv.test.ts) checks that
// both give exactly the same records on random CSV, quoted or not. Text can be given whole
// (`readCsv`) or in pieces as it arrives (`CsvRecordReader`, used by the stream readers).

/** One record of a CSV text. */
export interface CsvRecord {
  /** 1-based record number, the first line being 1; blank records are counted but not handed out. */
  row: number;
  /** 1-based line on which the record starts (differs from `row` after a quoted line break). */
  line: number;
  /** The cells as written (quotes removed, `""` read as `"`), not trimmed. */
  fields: string[];
}

/** A field separator the reader recognises. */
export type CsvDelimiter = ',' | ';' | '\t';

/** A record separator: the first line break of the text decides which. */
export type CsvNewline = '\n' | '\r\n' | '\r';

/** How a CSV text was read. */
export interface CsvSummary {
  /** The field separator, chosen from the first line. */
  delimiter: CsvDelimiter;
  /** The record separator, the first line break of the text. */
  newline: CsvNewline;
  /** A quote left open at the end of the text: the row and line of the record it opens. */
  unterminated: { row: number; line: number } | null;
  /** True when `onRecord` stopped the reading. */
  stopped: boolean;
}

/** Options of {@link readCsv} and {@link CsvRecordReader}. */
export interface CsvReadOptions {
  /**
   * Separators to choose from (default `,`, `;` and tab): the first line's decides — `;` when it
   * has semicolons and no commas (spreadsheets set to Vietnamese write `;`, since `,` is their
   * decimal separator), tab when it has tabs and neither, `,` otherwise.
   */
  delimiters?: readonly CsvDelimiter[];
}

/** Called with each non-blank record; returning `false` stops the reading. */
export type CsvRecordHandler = (record: CsvRecord) => boolean | void;

const QUOTE = '"';

/** The delimiter the first line of a CSV text asks for. */
export function detectCsvDelimiter(firstLine: string, allowed: readonly CsvDelimiter[] = [',', ';', '\t']): CsvDelimiter {
  const has = (d: CsvDelimiter) => allowed.includes(d) && firstLine.includes(d);
  if (has(';') && !firstLine.includes(',')) return ';';
  if (has('\t') && !firstLine.includes(',') && !firstLine.includes(';')) return '\t';
  return ',';
}

/**
 * Reads CSV text from pieces as they arrive: {@link CsvRecordReader.push} each piece, then
 * {@link CsvRecordReader.end}. Records are handed to `onRecord` as soon as they are complete, so
 * a large file is never held as records. A byte-order mark is ignored; records end at the text's
 * first kind of line break (LF, CRLF or CR); line breaks inside quotes stay in the cell.
 */
export class CsvRecordReader {
  private buf = '';
  private started = false;
  private delimiter: CsvDelimiter | undefined;
  private newline: CsvNewline | undefined;
  private row = 1;
  private line = 1;
  private unterminated: CsvSummary['unterminated'] = null;
  private stopped = false;
  /** A quoted record is not retried before the text has grown to this length. */
  private retryAt = 0;
  private readonly allowed: readonly CsvDelimiter[];

  /** A reader handing records to `onRecord`. */
  constructor(
    private readonly onRecord: CsvRecordHandler,
    options: CsvReadOptions = {},
  ) {
    this.allowed = options.delimiters ?? [',', ';', '\t'];
  }

  /** The field separator, once the first line has been read. */
  get delimiterInUse(): CsvDelimiter | undefined {
    return this.delimiter;
  }

  /** Adds the next piece of the text and reads the records it completes. */
  push(text: string): void {
    if (this.stopped || this.unterminated) return;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    if (this.buf.length >= this.retryAt) this.read(false);
  }

  /** Reads what is left and tells how the text was read. */
  end(): CsvSummary {
    if (!this.stopped && !this.unterminated) this.read(true);
    this.buf = '';
    return { delimiter: this.delimiter ?? ',', newline: this.newline ?? '\n', unterminated: this.unterminated, stopped: this.stopped };
  }

  /** Finds the delimiter and the line break once the first line is complete. */
  private detect(final: boolean): boolean {
    if (this.newline !== undefined) return true;
    const buf = this.buf;
    const cr = buf.indexOf('\r');
    const lf = buf.indexOf('\n');
    const at = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
    if (at < 0 && !final) return false;
    if (at === cr && at === buf.length - 1 && !final) return false; // a CR that may be half of a CRLF
    this.newline = at < 0 ? '\n' : at === lf ? '\n' : buf.charCodeAt(at + 1) === 10 ? '\r\n' : '\r';
    this.delimiter = detectCsvDelimiter(at < 0 ? buf : buf.slice(0, at), this.allowed);
    return true;
  }

  private emit(fields: string[]): boolean {
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank && this.onRecord({ row: this.row, line: this.line, fields }) === false) {
      this.stopped = true;
      return false;
    }
    return true;
  }

  private read(final: boolean): void {
    if (!this.detect(final)) return;
    const buf = this.buf;
    const d = this.delimiter as CsvDelimiter;
    const nl = this.newline as CsvNewline;
    const n = buf.length;
    let p = 0;
    let quote = buf.indexOf(QUOTE);
    // The next delimiter at or after `p`, found once and kept across lines (as `quote` is), so
    // that a text with few delimiters is still scanned once.
    let delim = buf.indexOf(d);
    while (p < n) {
      if (quote >= 0 && quote < p) quote = buf.indexOf(QUOTE, p);
      const e = buf.indexOf(nl, p);
      if (quote < 0 || (e >= 0 && quote > e)) {
        // A plain line: the fast path, the split Papa Parse itself does for lines without quotes
        // (`line.split(d)`, cut here from the text without copying the line first).
        const x = e < 0 ? n : e;
        if (e < 0 && !final) break;
        const fields: string[] = [];
        let s = p;
        if (delim >= 0 && delim < p) delim = buf.indexOf(d, p);
        while (delim >= 0 && delim < x) {
          fields.push(buf.slice(s, delim));
          s = delim + 1;
          delim = buf.indexOf(d, s);
        }
        fields.push(buf.slice(s, x));
        if (e < 0) {
          this.emit(fields);
          this.row++;
          p = n;
          break;
        }
        const ok = this.emit(fields);
        this.row++;
        this.line++;
        p = e + nl.length;
        if (!ok) break;
        continue;
      }
      const r = this.quoted(buf, p, d, nl, final);
      if (r < 0) {
        p = -r - 1;
        break;
      }
      if (r === p) break; // no progress: cannot happen on non-empty text, but never loop
      p = r;
      if (this.stopped || this.unterminated) break;
    }
    this.buf = p >= n ? '' : buf.slice(p);
    // A record still open is read again only once the text has doubled: linear in total.
    if (!final) this.retryAt = 2 * this.buf.length;
  }

  /**
   * Reads records from `p` with Papa Parse until the next line is plain again. Returns the offset
   * after the last complete record, or `-(offset + 1)` when it must wait for more text.
   */
  private quoted(buf: string, p: number, d: CsvDelimiter, nl: CsvNewline, final: boolean): number {
    const input = buf.slice(p);
    let at = 0;
    let wait = false;
    const parser = new Papa.Parser({
      delimiter: d,
      newline: nl,
      quoteChar: QUOTE,
      fastMode: false,
      step: (results: Papa.ParseStepResult<string[][]>) => {
        const end = results.meta.cursor;
        const open = results.errors.some((x) => x.code === 'MissingQuotes');
        const complete = !open && end > at && input.endsWith(nl, end);
        if (!final && !complete) {
          wait = true;
          parser.abort();
          return;
        }
        if (open) {
          this.unterminated = { row: this.row, line: this.line };
          parser.abort();
          return;
        }
        const ok = this.emit(results.data[0] as string[]);
        let lines = 0;
        for (let k = input.indexOf(nl, at); k >= 0 && k < end; k = input.indexOf(nl, k + nl.length)) lines++;
        this.row++;
        this.line += lines;
        at = Math.max(end, at);
        if (!ok) {
          parser.abort();
          return;
        }
        // Back to the fast path as soon as the next line holds no quote.
        const nextLine = input.indexOf(nl, at);
        const nextQuote = input.indexOf(QUOTE, at);
        if (nextQuote < 0 || (nextLine >= 0 && nextQuote > nextLine)) parser.abort();
      },
    });
    parser.parse(input, 0, false);
    if (wait) return -(p + at) - 1;
    return p + at;
  }
}

/**
 * Reads a whole CSV text (see {@link CsvRecordReader}), handing each non-blank record to
 * `onRecord`. Never throws for bad input: a quote left open is reported in the summary.
 */
export function readCsv(text: string, onRecord: CsvRecordHandler, options: CsvReadOptions = {}): CsvSummary {
  const reader = new CsvRecordReader(onRecord, options);
  reader.push(text);
  return reader.end();
}
