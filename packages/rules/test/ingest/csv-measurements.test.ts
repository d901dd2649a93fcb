import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Issue, Plan } from '@egov-plan/core';
import { testPlan } from '@egov-plan/test-utils';
import { parseMeasurementsCsv, parseMeasurementTable, prepareMeasurements, type MeasurementInput } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';

// Laws of the CSV measurement reader on random files: the fast path (plain lines split at the
// delimiter, one row object filled in place per record, looked-up values reused from the row
// before) reads exactly what Papa Parse's records say, whatever the delimiter, the quoting, the
// line breaks and the decimal separator, and a row never sees a cell of the row before (short
// records included).

const resolved = validatePlanValue(testPlan());
if (!resolved.ok) throw new Error('test plan invalid');
const plan: Plan = resolved.value;

const OPTIONAL = ['level', 'numerator', 'denominator', 'source'] as const;

/** A decimal number as written with a dot: integers, and one to four decimals (never three after a 1–3 digit integer, which a `;` file may read as thousands). */
const decimal = fc.oneof(fc.integer({ min: 0, max: 120 }).map(String), fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom(1, 2, 4), fc.nat()).map(([i, d, f]) => `${i}.${String(f).padStart(d, '0').slice(0, d)}`));

/** One measurement row's cells (as text), valid or not. */
const row = fc.record({
  indicator: fc.constantFrom('online-rate', 'complaints', 'system-built', 'signed-rate', 'no-such', ''),
  orgUnit: fc.constantFrom('so-a', 'so-b', '98', '980', '981', '98001', 'new-unit', ''),
  level: fc.constantFrom('', 'province', 'District', ' commune ', 'huyện', 'ward'),
  period: fc.constantFrom('2020Q4', '2020Q3', '2020', '2020M12', '2021Q1', 'Q9', ''),
  value: fc.oneof(decimal, fc.constantFrom('', 'yes', 'no', 'có', '2020-06-30', 'abc', '-1', '150')),
  numerator: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 300 }).map(String), decimal),
  denominator: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 300 }).map(String)),
  source: fc.constantFrom('', 'Báo cáo số 1', 'a "quoted" note', 'x;y,z'),
});
type Row = { [K in keyof typeof row extends fc.Arbitrary<infer R> ? keyof R : never]: string };

const file = fc.record({
  rows: fc.array(row, { maxLength: 25 }),
  // The columns of the header: the required ones and some optional ones, in any order.
  columns: fc.subarray([...OPTIONAL]).chain((extra) => fc.shuffledSubarray(['indicator', 'orgUnit', 'period', 'value', ...extra], { minLength: 4 + extra.length })),
  quote: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
  // Per row, how many of its last cells are left out (a short record: those columns read as absent).
  short: fc.array(fc.constantFrom(0, 0, 0, 1, 3), { minLength: 1, maxLength: 25 }),
  newline: fc.constantFrom('\n', '\r\n'),
  trailing: fc.boolean(),
});

/** Writes the rows as CSV with `delimiter`, numbers with `,` as decimal separator when asked, some cells quoted. */
function write(f: { rows: Row[]; columns: string[]; quote: boolean[]; short: number[]; newline: string; trailing: boolean }, delimiter: ',' | ';', decimalComma: boolean): string {
  let k = 0;
  const cell = (v: string) => {
    const quoted = f.quote[k++ % f.quote.length] || v.includes(delimiter) || v.includes('"');
    return quoted ? `"${v.replace(/"/gu, '""')}"` : v;
  };
  const numeric = new Set(['value', 'numerator', 'denominator']);
  const lines = [f.columns.map(cell).join(delimiter)];
  for (const [n, r] of f.rows.entries()) lines.push(f.columns.slice(0, Math.max(1, f.columns.length - (f.short[n % f.short.length] as number))).map((c) => cell(decimalComma && numeric.has(c) ? (r[c as keyof Row] as string).replace('.', ',') : (r[c as keyof Row] as string))).join(delimiter));
  return lines.join(f.newline) + (f.trailing ? f.newline : '');
}

/** What a reading says of each row: the rows kept and, per row, its issue codes and fields. */
const issuesByRow = (issues: readonly Issue[]) => issues.map((i) => `${i.pointer} ${i.code}`);

describe('the CSV measurement reader', () => {
  it('reads a ";" file with decimal commas exactly as the "," file with decimal points, quoted or not', () => {
    fc.assert(
      fc.property(file, (f) => {
        const comma = parseMeasurementsCsv(plan, write(f, ',', false));
        const semicolon = parseMeasurementsCsv(plan, write(f, ';', true));
        expect(semicolon.observations).toEqual(comma.observations);
        expect(issuesByRow(semicolon.issues)).toEqual(issuesByRow(comma.issues));
        expect(semicolon.rows).toBe(comma.rows);
      }),
      { numRuns: 300 },
    );
  });

  it("gives exactly the rows of Papa Parse's records checked one by one, each row on its own", () => {
    fc.assert(
      fc.property(file, fc.constantFrom<',' | ';'>(',', ';'), (f, delimiter) => {
        const text = write(f, delimiter, delimiter === ';');
        const got = parseMeasurementsCsv(plan, text);
        // Papa Parse's records, each checked as rows from code (a fresh object per row, only the header's columns).
        // Each record with its line in the file (the header is row 1); a blank line is no record but keeps its number.
        const records = (Papa.parse<string[]>(text, { delimiter, newline: f.newline as '\n' | '\r\n' }).data as string[][])
          .map((cells, i) => ({ row: i + 1, cells }))
          .filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
        const [header, ...body] = records as [(typeof records)[number], ...typeof records];
        const objects = body.map(({ cells: c }) => Object.fromEntries(header.cells.map((name, i) => [name, delimiter === ';' && ['value', 'numerator', 'denominator'].includes(name) && /^\s*[+-]?\d+,\d+\s*$/u.test(c[i] as string) ? (c[i] as string).replace(',', '.') : c[i]])));
        const fromCode = prepareMeasurements(plan, objects as Iterable<MeasurementInput>);
        // Rows from code are numbered from 1 in the order given; in the file, each row is its line.
        expect(got.observations).toEqual(fromCode.observations.map((o) => ({ ...o, row: (body[o.row - 1] as (typeof body)[number]).row })));
        expect(got.issues.map((i) => i.code)).toEqual(fromCode.issues.map((i) => i.code));
        // And as a table (a workbook's sheet) of those records.
        const table = parseMeasurementTable(plan, records);
        if (delimiter === ',') expect(table.observations).toEqual(got.observations);
      }),
      { numRuns: 300 },
    );
  });
});
