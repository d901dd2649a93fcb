import { formatInTimeZone } from 'date-fns-tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDateOf, nextPeriod, parseInstant, periodContaining, previousPeriod, GREGORIAN, type CalendarArgument } from '../../src/index.js';
// The day-number arithmetic is internal (not exported from the package root).
import { civilFromDays, dateOfDayNumber, daysFromCivil, localDayNumber, localDayNumberReference } from '../../src/calendar/time.js';

const from1976 = Date.UTC(1976, 0, 1);
const to2100 = Date.UTC(2101, 0, 1) - 1;
const instant = fc.integer({ min: from1976, max: to2100 });
const TILING = ['month', 'quarter', 'half-year', 'year'] as const;
const CALENDARS: [string, CalendarArgument | undefined][] = [
  ['Decree 09', undefined],
  ['Gregorian', GREGORIAN],
];

describe('properties over random instants 1976–2100', () => {
  it('the fast +07:00 path gives the same local date as date-fns-tz', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(dateOfDayNumber(localDayNumber(ms))).toBe(formatInTimeZone(ms, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd'));
        expect(localDayNumber(ms)).toBe(localDayNumberReference(ms));
      }),
      { numRuns: 20_000 },
    );
  });

  it('before 13 June 1975 (+08:00) the library hands over to date-fns-tz', () => {
    // 1975-06-12T16:30Z is 23:30 on the 12th (+07:00 had just begun); 1975-06-12T15:30Z is 23:30 (+08:00).
    expect(localDateOf(Date.UTC(1975, 5, 12, 15, 30))).toBe('1975-06-12');
    expect(localDateOf(Date.UTC(1975, 5, 12, 16, 30))).toBe('1975-06-12');
    expect(localDateOf(Date.UTC(1970, 0, 1, 16, 30))).toBe('1970-01-02'); // +08:00: 00:30 on the 2nd
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(1976, 0, 1) }), (ms) => {
        expect(localDateOf(ms)).toBe(formatInTimeZone(ms, 'Asia/Ho_Chi_Minh', 'yyyy-MM-dd'));
      }),
      { numRuns: 2_000 },
    );
  });

  for (const [name, cal] of CALENDARS) {
    it(`${name}: every instant lies in exactly one period of each type`, () => {
      fc.assert(
        fc.property(instant, fc.constantFrom(...TILING), (ms, type) => {
          const date = localDateOf(ms);
          const p = periodContaining(ms, type, cal);
          expect(p.start <= date && date <= p.end).toBe(true);
          // Its neighbours do not contain it, and they are the only candidates since periods tile.
          expect(nextPeriod(p, cal).start > date).toBe(true);
          expect(previousPeriod(p, cal).end < date).toBe(true);
        }),
        { numRuns: 5_000 },
      );
    });

    it(`${name}: periods tile time — next(p).start is the day after p.end`, () => {
      fc.assert(
        fc.property(instant, fc.constantFrom(...TILING), (ms, type) => {
          const p = periodContaining(ms, type, cal);
          const n = nextPeriod(p, cal);
          expect(n.start).toBe(addDays(p.end, 1));
          expect(previousPeriod(n, cal)).toEqual(p);
          expect(n.type).toBe(type);
        }),
        { numRuns: 5_000 },
      );
    });
  }

  it('a 9-month period contains an instant exactly when its local date is not in 15 Sep – 14 Dec', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const date = localDateOf(ms);
        const md = date.slice(5);
        const outside = md >= '09-15' && md <= '12-14';
        const p = periodContaining(ms, 'nine-month');
        if (outside) expect(p).toBeNull();
        else expect(p !== null && p.start <= date && date <= p.end).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('text without an offset means +07:00', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const iso = new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19);
        expect(parseInstant(iso).getTime()).toBe(Math.floor(ms / 1000) * 1000);
        expect(parseInstant(`${iso}+07:00`).getTime()).toBe(Math.floor(ms / 1000) * 1000);
      }),
      { numRuns: 2_000 },
    );
  });

  it('day numbers agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const d = new Date(n * 86_400_000);
        expect(civilFromDays(n)).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
        expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(n);
      }),
      { numRuns: 5_000 },
    );
  });
});
