// A small RFC 4180 reader that keeps row numbers: fields separated by the delimiter, optionally
// quoted with `"` (a doubled `""` inside quotes is one quote), records ending in LF or CRLF, line
// breaks allowed inside quotes. Row numbers count records from 1 (the header), blank lines
// included, so they match a spreadsheet's row numbers as long as no cell holds a line break.
// Fields are cut out of the text with `slice` (never built character by character), so a large
// file stays fast and light on memory.

/** One record of a CSV text. */
export interface CsvRecord {
  /** 1-based record number; the header is row 1. */
  row: number;
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

/** The records of a CSV text, or where it stopped making sense. */
export interface CsvParse {
  records: CsvRecord[];
  /** A quote left open at the end of the text: the row and line where it was opened. */
  unterminated: { row: number; line: number } | null;
  delimiter: ',' | ';';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Reads CSV text. The delimiter is `,`, or `;` when the first line has semicolons and no commas
 * (spreadsheets set to Vietnamese write `;`, since `,` is their decimal separator). A byte-order
 * mark is ignored. Blank records are skipped but counted.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const end = forEachCsvRecord(text, (r) => {
    records.push(r);
  });
  return { records, ...end };
}

/**
 * Reads CSV text record by record (see {@link parseCsv}), handing each to `onRecord` as soon as it
 * is read, so that a large file is never held as records. Returning `false` stops the reading.
 */
export function forEachCsvRecord(text: string, onRecord: (record: CsvRecord) => boolean | void): Omit<CsvParse, 'records'> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLineEnd = body.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? body : body.slice(0, firstLineEnd);
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const d = delimiter.charCodeAt(0);
  const n = body.length;
  let i = 0;
  let row = 1;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let blank = true;
    // One record: fields until an unquoted line break or the end.
    for (;;) {
      let value: string;
      if (body.charCodeAt(i) === QUOTE) {
        blank = false;
        const openedAt = line;
        let parts = '';
        let from = i + 1;
        let j = from;
        for (;;) {
          const q = body.indexOf('"', j);
          if (q < 0) {
            // Count the line breaks inside the open quote for the report, then stop.
            return { unterminated: { row, line: openedAt }, delimiter };
          }
          for (let k = j; k < q; k++) if (body.charCodeAt(k) === LF) line++;
          if (body.charCodeAt(q + 1) === QUOTE) {
            parts += body.slice(from, q + 1);
            from = j = q + 2;
            continue;
          }
          value = parts + body.slice(from, q);
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the next delimiter is kept as written.
        let k = i;
        while (k < n) {
          const c = body.charCodeAt(k);
          if (c === d || c === LF || (c === CR && body.charCodeAt(k + 1) === LF)) break;
          k++;
        }
        if (k > i) value += body.slice(i, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = body.charCodeAt(k);
          if (c === d || c === LF || (c === CR && body.charCodeAt(k + 1) === LF)) break;
          k++;
        }
        value = body.slice(i, k);
        if (k > i) blank = false;
        i = k;
      }
      fields.push(value);
      const c = body.charCodeAt(i);
      if (c === d) {
        blank = false;
        i++;
        continue;
      }
      // A line break or the end of the text ends the record.
      if (c === CR) i += 2;
      else if (c === LF) i += 1;
      if (c === CR || c === LF) line++;
      break;
    }
    if (!blank && onRecord({ row, line: startLine, fields }) === false) return { unterminated: null, delimiter };
    row++;
  }
  return { unterminated: null, delimiter };
}
