import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeasurementsCsv } from '../../src/index.js';
import { loadPlanSync } from '../../src/node.js';
import { decimalOrNaN } from '../../src/engine/measurements.js';

// Laws of the measurement reader's shortcuts: numbers read from their character codes are the
// numbers `Number` reads for text of the decimal grammar (and NaN for any other text), and the
// duplicate check finds every repeated (indicator, org unit, period) whether its key sits in the
// direct table (the first period's first 2^20 org unit × indicator pairs) or in the hash table.

/** The reading the shortcut replaced: the grammar's regular expression, then `Number`. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;
const byRegex = (s: string): number => {
  if (!NUMBER.test(s)) return Number.NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
};

describe('numbers read from character codes', () => {
  it('are the numbers Number reads, on decimal-looking and other text', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '7', '9'), maxLength: 20 });
    const decimalText = fc.tuple(fc.constantFrom('', '+', '-'), digits, fc.constantFrom('', '.'), digits).map(([sign, a, dot, b]) => `${sign}${a}${dot}${b}`);
    const anyText = fc.string({ unit: fc.constantFrom('0', '3', '9', '.', '+', '-', 'e', 'E', ' ', 'x', ',', '_', '٣'), maxLength: 12 });
    const printed = fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(d));
    fc.assert(
      fc.property(fc.oneof(decimalText, anyText, printed), (s) => {
        expect(Object.is(decimalOrNaN(s), byRegex(s))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('keep the sign of zero and read the boundary cases', () => {
    for (const s of ['0', '-0', '+0', '-0.0', '.5', '5.', '-.5', '+5.', '.', '+', '-', '', '1.2.3', '007', '123456789012345', '1234567890123456', '0.1234567890123456789', '9007199254740993', '1e5', ' 1', '1 ', '0x10', 'Infinity']) {
      expect(Object.is(decimalOrNaN(s), byRegex(s)), s).toBe(true);
    }
  });
});

describe('the duplicate check', () => {
  const plan = loadPlanSync('kontum-1102-2019');
  // 30,000 org units × the plan's 39 indicators is past the direct table's 2^20 pairs.
  const UNITS = 30_000;
  const indicator = 'paper-use-reduced';
  const base = Array.from({ length: UNITS }, (_, u) => `${indicator},u${u},commune,2020Q4,yes`);

  it('names the first row of every repeat, in the direct table, past it, and in other periods', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: UNITS - 1 }), fc.constantFrom('2020Q4', '2020Q3', '2021Q1')), { minLength: 1, maxLength: 40 }), (extra) => {
        const lines = ['indicator,orgUnit,level,period,value', ...base, ...extra.map(([u, period]) => `${indicator},u${u},commune,${period},yes`)];
        // The oracle: the first row of each key, by a Map of joined strings.
        const firstRow = new Map<string, number>();
        const expected: string[] = [];
        lines.slice(1).forEach((line, i) => {
          const [, unit, , period] = line.split(',');
          const key = `${unit}|${period}`;
          const row = i + 2;
          const first = firstRow.get(key);
          if (first === undefined) firstRow.set(key, row);
          else expected.push(`Row ${row}: duplicates row ${first} (same indicator, org unit and period).`);
        });
        const set = parseMeasurementsCsv(plan, lines.join('\n'));
        expect(set.issues.map((i) => i.message.en)).toEqual(expected);
        expect(set.observations.length).toBe(firstRow.size);
        expect(set.rows).toBe(lines.length - 1);
      }),
      { numRuns: 5 },
    );
  });
});
