import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, readCsv, type CsvDelimiter, type CsvNewline, type CsvRecord } from '../../src/ingest/csv.js';

const NEWLINES: CsvNewline[] = ['\n', '\r\n', '\r'];
const DELIMITERS: CsvDelimiter[] = [',', ';', '\t'];

/** Every non-blank record with its row number, as Papa Parse alone reads the text. */
function papaRecords(text: string, delimiter: string, newline: string): { row: number; fields: string[] }[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: { row: number; fields: string[] }[] = [];
  const data = Papa.parse<string[]>(body, { delimiter, newline: newline as CsvNewline }).data;
  data.forEach((fields, i) => {
    if (!(fields.length === 1 && fields[0] === '')) out.push({ row: i + 1, fields });
  });
  return out;
}

function ours(text: string, chunks?: number[]): { records: CsvRecord[]; summary: ReturnType<CsvRecordReader['end']> } {
  const records: CsvRecord[] = [];
  if (!chunks) {
    const summary = readCsv(text, (r) => {
      records.push(r);
    });
    return { records, summary };
  }
  const reader = new CsvRecordReader((r) => {
    records.push(r);
  });
  let at = 0;
  for (const c of chunks) {
    reader.push(text.slice(at, at + c));
    at += c;
  }
  reader.push(text.slice(at));
  return { records, summary: reader.end() };
}

/** A cell that needs no quotes, or a quoted one holding any of the special characters. */
const cell = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .\-ễữ]{0,6}$/u),
  fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '\t', '"', '\n', '\r', ' ', 'ữ'), maxLength: 8 }).map((s) => `"${s.replace(/"/gu, '""')}"`),
);

/** Well-formed CSV: records of cells, the header first, with blank lines here and there. */
const wellFormed = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  newline: fc.constantFrom(...NEWLINES),
  header: fc.array(fc.stringMatching(/^[a-z]{1,5}$/u), { minLength: 1, maxLength: 5 }),
  records: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: fc.array(cell, { minLength: 1, maxLength: 6 }) }), { maxLength: 30 }),
  trailing: fc.boolean(),
  bom: fc.boolean(),
});

describe('the CSV reader', () => {
  it('reads exactly the records Papa Parse reads, on random CSV quoted or not, with the line each starts on', () => {
    fc.assert(
      fc.property(wellFormed, ({ delimiter: asked, newline, header, records, trailing, bom }) => {
        // The header decides the delimiter: a one-column header means `,`.
        const delimiter = header.length > 1 ? asked : ',';
        const lines = [header.join(delimiter), ...records.map((r) => (r === null ? '' : r.join(delimiter)))];
        const text = (bom ? '\uFEFF' : '') + lines.join(newline) + (trailing ? newline : '');
        const { records: got, summary } = ours(text);
        if (lines.length > 1 || trailing) expect(summary.newline).toBe(newline);
        expect(summary.delimiter).toBe(delimiter);
        expect(got.map((r) => ({ row: r.row, fields: r.fields }))).toEqual(papaRecords(text, summary.delimiter, summary.newline));
        // The line of each record: one more than the line breaks written before it.
        let line = 1;
        const lineOf: number[] = [];
        for (const l of lines) {
          lineOf.push(line);
          line += 1 + (l.split(newline).length - 1);
        }
        expect(got.map((r) => r.line)).toEqual(got.map((r) => lineOf[r.row - 1]));
      }),
      { numRuns: 400 },
    );
  });

  it('reads exactly the records Papa Parse reads on arbitrary text, also malformed quotes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', ' '), maxLength: 60 }), (text) => {
        const { records, summary } = ours(text);
        const expected = papaRecords(text, summary.delimiter, summary.newline);
        if (summary.unterminated) {
          // Papa Parse hands the rest of the text out as one cell; the reader stops and says where.
          const before = expected.filter((r) => r.row < (summary.unterminated as { row: number }).row);
          expect(records.map((r) => ({ row: r.row, fields: r.fields }))).toEqual(before);
        } else expect(records.map((r) => ({ row: r.row, fields: r.fields }))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same records whatever pieces the text arrives in', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r', '\r\n'), maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 12 }),
        (text, chunks) => {
          const whole = ours(text);
          const pieces = ours(text, chunks);
          expect(pieces.records).toEqual(whole.records);
          expect(pieces.summary).toEqual(whole.summary);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads CR-only files (old spreadsheets on a Mac) as one record per line', () => {
    const { records, summary } = ours('indicator,value\rx,1\ry,2\r');
    expect(summary.newline).toBe('\r');
    expect(records.map((r) => [r.row, r.line, r.fields])).toEqual([
      [1, 1, ['indicator', 'value']],
      [2, 2, ['x', '1']],
      [3, 3, ['y', '2']],
    ]);
  });

  it('chooses ";" from a header with semicolons, so that "19,5" stays one cell', () => {
    const { records, summary } = ours('\uFEFFindicator;value\r\nx;19,5\r\n');
    expect(summary.delimiter).toBe(';');
    expect(records[1]?.fields).toEqual(['x', '19,5']);
  });

  it('a quote left open stops the reading and names the row and line that opened it', () => {
    const { records, summary } = ours('a,b\n1,2\n\n3,"4\n5,6\n');
    expect(records).toHaveLength(2);
    expect(summary.unterminated).toEqual({ row: 4, line: 4 });
  });

  it('stops when the handler says so', () => {
    const seen: number[] = [];
    const summary = readCsv('a\nb\n"c"\nd\n', (r) => {
      seen.push(r.row);
      return r.row < 3 ? undefined : false;
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(summary.stopped).toBe(true);
  });
});
