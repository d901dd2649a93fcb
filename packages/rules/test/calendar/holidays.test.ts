import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HolidayData } from '@egov-plan/core';
import { isWorkingDayNumber } from '../../src/calendar/holidays.js';
import { daysFromCivil } from '../../src/calendar/time.js';
import { vietnamWorkingDays } from '../../src/calendar/working-days.js';
import { addDays, holidayCalendar, holidayCoverage, holidaysOn, isPublicHoliday, isWorkingDay, NO_HOLIDAYS, rollForward, vietnamHolidays, weekday } from '../../src/index.js';

// Weekdays checked against a printed calendar; holidays from the Labour Codes and the annual notices.

describe('working days of state agencies', () => {
  it('Saturday and Sunday are weekly rest days', () => {
    expect(isWorkingDay('2019-03-16')).toBe(false); // Saturday
    expect(isWorkingDay('2019-03-17')).toBe(false); // Sunday
    expect(isWorkingDay('2019-03-18')).toBe(true); // Monday
  });

  it('2 September is one day under Labour Code 2012 and two under Labour Code 2019', () => {
    expect(isWorkingDay('2020-09-02')).toBe(false); // Wednesday, National Day
    expect(isWorkingDay('2020-09-03')).toBe(true); // Thursday: Labour Code 2012 gives one day
    expect(isWorkingDay('2021-09-02')).toBe(false); // Thursday
    expect(isWorkingDay('2021-09-03')).toBe(false); // Friday, the adjacent day (Labour Code 2019 Art. 112)
    expect(holidaysOn('2021-09-03').map((h) => h.kind)).toEqual(['national-day-adjacent']);
  });

  it('the solar rules name the law in force on the date', () => {
    expect(holidaysOn('2020-09-02')[0]?.basis).toMatch(/2012/u);
    expect(holidaysOn('2021-09-02')[0]?.basis).toMatch(/2019/u);
  });

  it('a make-up Saturday is a working day and the swapped Monday is not', () => {
    expect(isWorkingDay('2019-05-04')).toBe(true); // Saturday worked for Monday 29 April 2019
    expect(isWorkingDay('2019-04-29')).toBe(false);
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(isWorkingDay('2024-04-29')).toBe(false);
  });

  it('the first day of Tết of every year 2019–2026 is in the data', () => {
    for (const d of ['2019-02-05', '2020-01-25', '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17']) {
      expect(holidaysOn(d).map((h) => h.kind), d).toContain('lunar-new-year');
    }
  });

  it('Hùng Kings’ day (10th day of the 3rd lunar month) and its compensatory day', () => {
    expect(isPublicHoliday('2020-04-02')).toBe(true); // Thursday
    expect(isPublicHoliday('2022-04-10')).toBe(true); // Sunday …
    expect(isWorkingDay('2022-04-11')).toBe(false); // … so Monday is off
  });

  it('a holiday on a weekday is a public holiday; an ordinary day is not', () => {
    expect(isPublicHoliday('2019-04-30')).toBe(true);
    expect(isPublicHoliday('2019-04-25')).toBe(false);
  });
});

describe('rollForward (Civil Code 2015 Art. 148)', () => {
  it('moves a Saturday to Monday', () => {
    expect(rollForward('2019-03-16')).toEqual({ date: '2019-03-18', rolled: true, skipped: ['2019-03-16', '2019-03-17'] });
  });

  it('leaves a working day alone', () => {
    expect(rollForward('2021-06-16')).toEqual({ date: '2021-06-16', rolled: false, skipped: [] });
  });

  it('skips the National Day holidays of 2021 and the weekend after them', () => {
    expect(rollForward('2021-09-02').date).toBe('2021-09-06');
  });

  it('skips the whole Tết break of 2024 (Thursday 8 – Wednesday 14 February)', () => {
    expect(rollForward('2024-02-08').date).toBe('2024-02-15');
  });

  it('with no holidays, only weekends count', () => {
    const none = holidayCalendar({ id: 'none', name: { vi: 'x', en: 'x' }, appliesTo: { vi: 'x', en: 'x' }, solar: [], years: [], notes: [] });
    expect(rollForward('2021-09-02', { holidays: none }).date).toBe('2021-09-02');
  });
});

describe('coverage of the holiday data', () => {
  it('2019–2025 are covered by the annual notices', () => {
    for (let y = 2019; y <= 2025; y++) expect(holidayCoverage(y).covered, String(y)).toBe(true);
  });

  it('2026 is incomplete (the day next to 2 September is not known) and says so', () => {
    const c = holidayCoverage(2026);
    expect(c).toMatchObject({ covered: false, basis: 'partial' });
    expect(c.note.en).toMatch(/National Day/u);
  });

  it('a year without data is answered with weekends and solar holidays only, and flagged', () => {
    const c = holidayCoverage(2030);
    expect(c).toMatchObject({ covered: false, basis: 'weekends-and-solar-rules', sources: [] });
    expect(isWorkingDay('2030-09-02')).toBe(false); // Monday: the solar rule still applies
    expect(isWorkingDay('2030-09-03')).toBe(true); // the adjacent day is yearly data, unknown for 2030
  });

  it('unconfirmed dates are listed, not passed off as fact', () => {
    expect(holidayCoverage(2023).unconfirmed).toEqual(['2023-09-01', '2023-09-04']);
    const entries = vietnamHolidays().data.years.flatMap((y) => y.daysOff);
    expect(entries.every((e) => e.confidence === 'confirmed' || e.confidence === 'unconfirmed')).toBe(true);
    expect(vietnamHolidays().data.years.every((y) => y.sources.length > 0)).toBe(true);
  });

  it('bad holiday data is rejected with issues', () => {
    expect(() => holidayCalendar({ id: 'x', name: { vi: 'x', en: 'x' }, appliesTo: { vi: 'x', en: 'x' }, solar: [], years: [{ year: 2020, complete: true, daysOff: [{ date: '2020-02-30', kind: 'compensatory', name: { vi: 'x', en: 'x' }, confidence: 'confirmed' }], workingDays: [], sources: ['x'] }], notes: [] })).toThrowError(
      expect.objectContaining({ name: 'EgovPlanError' }),
    );
  });
});

// Listed by hand from the annual notices (Tết break, Hùng Kings' day, 30/4–1/5, 2/9 and the
// compensatory and swapped days), not read from data/holidays-vn.json; weekdays checked with
// Python datetime. Labour Code 2012 gives 10 days a year, Labour Code 2019 11: each non-working
// weekday is one of them, or a swapped day.
describe('every non-working weekday of 2019–2025 (independent list)', () => {
  const expected: Record<number, string[]> = {
    2019: ['2019-01-01', '2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08', '2019-04-15', '2019-04-29', '2019-04-30', '2019-05-01', '2019-09-02'],
    2020: ['2020-01-01', '2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29', '2020-04-02', '2020-04-30', '2020-05-01', '2020-09-02'],
    2021: ['2021-01-01', '2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16', '2021-04-21', '2021-04-30', '2021-05-03', '2021-09-02', '2021-09-03'],
    2022: ['2022-01-03', '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-04-11', '2022-05-02', '2022-05-03', '2022-09-01', '2022-09-02'],
    2023: ['2023-01-02', '2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-05-01', '2023-05-02', '2023-05-03', '2023-09-01', '2023-09-04'],
    2024: ['2024-01-01', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03'],
    2025: ['2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02'],
  };
  const workedSaturdays: Record<number, string[]> = {
    2019: ['2019-01-05', '2019-05-04'],
    2020: [],
    2021: [],
    2022: [],
    2023: [],
    2024: ['2024-05-04'],
    2025: ['2025-02-08', '2025-04-26'],
  };

  it.each(Object.keys(expected).map(Number))('%i', (year) => {
    const off: string[] = [];
    const worked: string[] = [];
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
      const wd = weekday(d);
      if (wd >= 1 && wd <= 5 && !isWorkingDay(d)) off.push(d);
      if ((wd === 0 || wd === 6) && isWorkingDay(d)) worked.push(d);
    }
    expect(off).toEqual(expected[year]);
    expect(worked).toEqual(workedSaturdays[year]);
  });

  it("Hùng Kings' day (lunar 10/3, for UTC+7) of every year 2019–2026", () => {
    for (const d of ['2019-04-14', '2020-04-02', '2021-04-21', '2022-04-10', '2023-04-29', '2024-04-18', '2025-04-07', '2026-04-26']) {
      expect(holidaysOn(d).map((h) => h.kind), d).toContain('hung-kings');
    }
    // On a Sunday the Monday is off (2019, 2022, 2026); on Saturday 29 April 2023 the Tuesday after 1 May.
    for (const d of ['2019-04-15', '2022-04-11', '2026-04-27', '2023-05-02']) expect(isWorkingDay(d), d).toBe(false);
  });
});

describe('a calendar that declares no holidays', () => {
  it('is complete by declaration and says only weekly rest days apply', () => {
    const c = holidayCoverage(2020, NO_HOLIDAYS);
    expect(c).toMatchObject({ covered: true, basis: 'weekly-rest-days-only' });
    // Before the fix: "only weekly rest days and solar-date holidays are applied" — but no solar rule applies here.
    expect(c.note.en).not.toMatch(/solar/u);
    expect(isWorkingDay('2020-09-02', { holidays: NO_HOLIDAYS })).toBe(true);
  });
});

// vietnamHolidays() does not validate the bundled data at run time (that would bring the schema
// into every browser bundle that computes a deadline): what makes that safe is this check.
describe('bundled holiday data', () => {
  const text = readFileSync(new URL('../../data/holidays-vn.json', import.meta.url), 'utf8');

  it('the data file is exactly what HolidayData yields from it (valid, same keys in the same order)', () => {
    expect(`${JSON.stringify(HolidayData.parse(JSON.parse(text)), null, 2)}\n`).toBe(text);
  });

  it('vietnamHolidays() holds that data, and holidayCalendar() of it gives the same look-ups', () => {
    const parsed: unknown = JSON.parse(text);
    expect(vietnamHolidays().data).toStrictEqual(parsed);
    const checked = holidayCalendar(parsed);
    expect([...vietnamHolidays().daysOff]).toStrictEqual([...checked.daysOff]);
    expect([...vietnamHolidays().workingDays]).toStrictEqual([...checked.workingDays]);
    expect([...vietnamHolidays().solar]).toStrictEqual([...checked.solar]);
    expect([...vietnamHolidays().years.keys()]).toStrictEqual([...checked.years.keys()]);
  });
});

// Deadlines read the bundled holidays through vietnamWorkingDays() (generated from the data file,
// without its texts): every working-day answer must be vietnamHolidays()'s.
describe('working-day look-ups of the bundled holidays', () => {
  it('answer like vietnamHolidays() on every day from 2010 to 2030, for every weekly-rest mask', () => {
    const full = vietnamHolidays();
    const lean = vietnamWorkingDays();
    const from = daysFromCivil(2010, 1, 1);
    const to = daysFromCivil(2030, 12, 31);
    let differ = 0;
    let off = 0;
    for (const mask of [0b1000001, 0b0000001, 0]) {
      for (let day = from; day <= to; day++) {
        const a = isWorkingDayNumber(day, full, mask);
        if (a !== isWorkingDayNumber(day, lean, mask)) differ++;
        if (!a && mask === 0) off++;
      }
    }
    expect(differ).toBe(0);
    expect(off).toBeGreaterThan(100); // holidays were really looked at, not only weekends
    for (let y = 2010; y <= 2030; y++) expect(lean.years.get(y)?.complete).toBe(full.years.get(y)?.complete);
  });
});
