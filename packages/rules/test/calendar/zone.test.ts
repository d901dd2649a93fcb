import { fromZonedTime, toZonedTime } from 'date-fns-tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/index.js';
// Internals (not exported from the package root): imported from their modules.
import { daysFromCivil, localDayNumberReference } from '../../src/calendar/time.js';

// The calendar's time-zone arithmetic (`calendar/zone.ts`, on Intl.DateTimeFormat) replaced
// date-fns-tz in the library; date-fns-tz stays here as the reference it must agree with, on
// random instants in zones with summer time, half-hour and 45-minute offsets, a skipped day,
// midnight transitions, offset-form zones and names that are not zones. date-fns-tz reads some
// fields in the process's own time zone, so the reference is taken in UTC.
process.env.TZ = 'UTC';

const ZONES = [
  'Asia/Ho_Chi_Minh',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'America/Sao_Paulo',
  'America/Santiago',
  'Asia/Tehran',
  'UTC',
  '+05:30',
  '-0300',
  '+07',
  'Z',
  'Bogus/Zone',
  '+25',
];
const instant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9998, 11, 31) });
const recent = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2040, 0, 1) });
const zone = fc.constantFrom(...ZONES);

/** The day number date-fns-tz gives (the library's former `localDayNumberReference`). */
function referenceDay(ms: number, tz: string): number {
  const z = toZonedTime(ms, tz);
  return daysFromCivil(z.getFullYear(), z.getMonth() + 1, z.getDate());
}

/** The library's former `formatInstant`, on date-fns-tz. */
function referenceFormat(ms: number, tz: string): string {
  const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
  const z = toZonedTime(ms, tz);
  const localMs = Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds());
  const offsetMin = Math.round((localMs - Math.floor(ms / 1000) * 1000) / 60_000);
  const abs = Math.abs(offsetMin);
  const y = z.getFullYear();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(z.getMonth() + 1)}-${pad2(z.getDate())}T${pad2(z.getHours())}:${pad2(z.getMinutes())}:${pad2(z.getSeconds())}${offsetMin < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

describe('time zones without date-fns-tz: the same answers', () => {
  it('the local day of an instant, in every zone', () => {
    fc.assert(
      fc.property(fc.oneof(instant, recent), zone, (ms, tz) => {
        expect(localDayNumberReference(ms, tz)).toStrictEqual(referenceDay(ms, tz));
      }),
      { numRuns: 20_000 },
    );
  });

  it('an instant written with its local offset, in every zone', () => {
    fc.assert(
      fc.property(recent, zone.filter((tz) => tz !== 'Bogus/Zone' && tz !== '+25'), (ms, tz) => {
        expect(formatInstant(ms, tz)).toBe(referenceFormat(ms, tz));
      }),
      { numRuns: 10_000 },
    );
  });

  it('a wall-clock time placed in a zone, gaps and repeated hours included', () => {
    const wall = fc.record({
      y: fc.integer({ min: 1900, max: 2040 }),
      mo: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.constantFrom(0, 15, 30, 45, 59),
      s: fc.integer({ min: 0, max: 59 }),
      ms: fc.integer({ min: 0, max: 999 }),
    });
    const p2 = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(wall, zone, ({ y, mo, d, h, mi, s, ms }, tz) => {
        const text = `${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}.${String(ms).padStart(3, '0')}`;
        let got: number;
        try {
          got = parseInstant(text, tz).getTime();
        } catch {
          got = Number.NaN; // out of the supported span
        }
        const want = fromZonedTime(text, tz).getTime();
        if (!Number.isNaN(got)) expect(got).toStrictEqual(want);
        else expect(Number.isNaN(want) || want < Date.UTC(999, 11, 31) || want > Date.UTC(9999, 11, 31)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('known transitions', () => {
    // New York, 2021-03-14 02:30 does not exist (the later offset applies); 01:30 on 2021-11-07 is the first one.
    expect(parseInstant('2021-03-14T02:30', 'America/New_York').toISOString()).toBe(fromZonedTime('2021-03-14T02:30:00.000', 'America/New_York').toISOString());
    expect(parseInstant('2021-11-07T01:30', 'America/New_York').toISOString()).toBe('2021-11-07T05:30:00.000Z');
    // Apia skipped 30 December 2011.
    expect(formatInstant(Date.UTC(2011, 11, 30, 10), 'Pacific/Apia')).toBe('2011-12-31T00:00:00+14:00');
    expect(formatInstant(Date.UTC(2020, 0, 1), '+05:30')).toBe('2020-01-01T05:30:00+05:30');
    expect(Number.isNaN(localDayNumberReference(0, 'Bogus/Zone'))).toBe(true);
  });
});
