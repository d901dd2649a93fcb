import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import {
  calendarOf,
  decree09Calendar,
  periodByIdIn,
  planCalendar,
  resolveCalendar,
  GREGORIAN,
  nextPeriod,
  periodById,
  periodContaining,
  periodOfDate,
  previousPeriod,
  type CalendarArgument,
} from '../../src/index.js';
import { DECREE_09_PERIOD_TYPES, planCalendarRules } from '../../src/calendar/periods.js';
import { kontum } from './fixtures.js';

// Expected intervals are read from Decree 09/2019/NĐ-CP and plan 1102/KH-UBND section III.1
// (15th of one month to the 14th of the period's last month), never produced by the code.

describe('reporting period ids and intervals (Decree 09/2019 cut-off, 15th → 14th)', () => {
  it.each([
    ['2020Q1', 'quarter', '2019-12-15', '2020-03-14'],
    ['2020Q2', 'quarter', '2020-03-15', '2020-06-14'],
    ['2020Q3', 'quarter', '2020-06-15', '2020-09-14'],
    ['2020Q4', 'quarter', '2020-09-15', '2020-12-14'],
    ['2020M03', 'month', '2020-02-15', '2020-03-14'],
    ['2020M01', 'month', '2019-12-15', '2020-01-14'],
    ['2020S1', 'half-year', '2019-12-15', '2020-06-14'],
    ['2020S2', 'half-year', '2020-06-15', '2020-12-14'],
    ['2020', 'year', '2019-12-15', '2020-12-14'],
    ['2020N9', 'nine-month', '2019-12-15', '2020-09-14'],
  ])('%s is %s from %s to %s', (id, type, start, end) => {
    expect(periodById(id)).toEqual({ id, type, system: 'reporting', start, end });
  });

  it('calendar periods (prefix C) are plain months, quarters and years', () => {
    expect(periodById('C2019Q2')).toMatchObject({ type: 'quarter', system: 'calendar', start: '2019-04-01', end: '2019-06-30' });
    expect(periodById('C2020M02')).toMatchObject({ start: '2020-02-01', end: '2020-02-29' });
    expect(periodById('C2019')).toMatchObject({ start: '2019-01-01', end: '2019-12-31' });
    expect(periodOfDate('2019-05-20', 'quarter', GREGORIAN).id).toBe('C2019Q2');
  });

  it('on 16 March 2020 the quarter is already 2020Q2 (data of 2020Q1 closed on the 14th)', () => {
    expect(periodContaining('2020-03-16T09:00', 'quarter').id).toBe('2020Q2');
    expect(periodContaining('2020-03-14T23:59:59', 'quarter').id).toBe('2020Q1');
    expect(periodContaining('2020-03-15T00:00:00', 'quarter').id).toBe('2020Q2');
  });

  it('reads an instant without offset as +07:00 and honours an explicit offset', () => {
    // 17:00 UTC on the 14th is midnight of the 15th in Vietnam.
    expect(periodContaining('2020-03-14T17:00:00Z', 'quarter').id).toBe('2020Q2');
    expect(periodContaining('2020-03-14T16:59:59Z', 'quarter').id).toBe('2020Q1');
    expect(periodContaining('2020-03-15T00:30:00+08:00', 'quarter').id).toBe('2020Q1');
    expect(periodContaining(new Date('2019-12-14T17:00:00Z'), 'year').id).toBe('2020');
  });

  it('a 9-month period covers 15 Dec – 14 Sep and nothing in between', () => {
    expect(periodContaining('2019-12-15T00:00', 'nine-month')?.id).toBe('2020N9');
    expect(periodContaining('2020-09-14T23:00', 'nine-month')?.id).toBe('2020N9');
    expect(periodContaining('2020-09-15T00:00', 'nine-month')).toBeNull();
    expect(periodContaining('2020-12-14T12:00', 'nine-month')).toBeNull();
    expect(nextPeriod('2020N9').id).toBe('2021N9');
  });

  it('next and previous cross year boundaries', () => {
    expect(nextPeriod('2020Q4')).toMatchObject({ id: '2021Q1', start: '2020-12-15', end: '2021-03-14' });
    expect(previousPeriod('2020Q1')).toMatchObject({ id: '2019Q4', start: '2019-09-15', end: '2019-12-14' });
    expect(nextPeriod('2020M12').id).toBe('2021M01');
    expect(previousPeriod('2021S1').id).toBe('2020S2');
    expect(nextPeriod('C2019Q4').id).toBe('C2020Q1');
  });

  it('rejects malformed ids with calendar.invalid_period_id', () => {
    for (const id of ['2020Q5', '2020M13', '2020M00', '20Q1', '2020q1', 'Q1-2020', '2020N8']) {
      expect(() => periodById(id), id).toThrowError(expect.objectContaining({ code: 'calendar.invalid_period_id' }));
    }
  });

  it('a calendar that does not declare a type refuses it', () => {
    const onlyQuarters: CalendarArgument = { periodTypes: [{ type: 'quarter', cutOffDay: 14, basis: { vi: 'thử', en: 'test' } }] };
    expect(periodById('2020Q1', onlyQuarters).start).toBe('2019-12-15');
    expect(() => periodById('2020M03', onlyQuarters)).toThrowError(expect.objectContaining({ code: 'calendar.undeclared_period_type' }));
  });

  it('the cut-off day is data: a calendar closing on the 20th shifts every period', () => {
    const cal: CalendarArgument = { periodTypes: [{ type: 'quarter', cutOffDay: 20, basis: { vi: 'thử', en: 'test' } }] };
    expect(periodById('2021Q2', cal)).toMatchObject({ start: '2021-03-21', end: '2021-06-20' });
  });

  it('an invalid calendar is reported with pointers, not thrown as a bare error', () => {
    expect(() => periodById('2020Q1', { periodTypes: [{ type: 'quarter', cutOffDay: 31, basis: { vi: 'x', en: 'x' } }] } as CalendarArgument)).toThrowError(
      expect.objectContaining({ name: 'EgovPlanError', code: 'schema.out_of_range' }),
    );
  });

  it("Kon Tum's calendar declares the quarter from section III.1 and takes the other types from Decree 09", () => {
    const cal = calendarOf(kontum());
    const quarter = cal.periodTypes.find((p) => p.type === 'quarter');
    expect(quarter?.source?.section).toBe('III.1');
    expect(quarter?.cutOffDay).toBe(14);
    expect(cal.periodTypes.map((p) => p.type)).toEqual(expect.arrayContaining(['quarter', 'month', 'half-year', 'year']));
    expect(periodById('2020Q1', cal)).toMatchObject({ start: '2019-12-15', end: '2020-03-14' });
  });
});

// Expected values computed outside the library (Python datetime with a fixed +07:00 zone and the
// 15th → 14th rule), across year boundaries and leap February.
describe('periods across year boundaries (independent table)', () => {
  it.each([
    ['2021M01', 'month', '2020-12-15', '2021-01-14'],
    ['2024M03', 'month', '2024-02-15', '2024-03-14'],
    ['2024M02', 'month', '2024-01-15', '2024-02-14'],
    ['2023M03', 'month', '2023-02-15', '2023-03-14'],
    ['2020M12', 'month', '2020-11-15', '2020-12-14'],
    ['2020Q4', 'quarter', '2020-09-15', '2020-12-14'],
    ['2021Q1', 'quarter', '2020-12-15', '2021-03-14'],
    ['2024Q1', 'quarter', '2023-12-15', '2024-03-14'],
    ['2025Q3', 'quarter', '2025-06-15', '2025-09-14'],
    ['2021S1', 'half-year', '2020-12-15', '2021-06-14'],
    ['2020S2', 'half-year', '2020-06-15', '2020-12-14'],
    ['2021N9', 'nine-month', '2020-12-15', '2021-09-14'],
    ['2021', 'year', '2020-12-15', '2021-12-14'],
    ['2019', 'year', '2018-12-15', '2019-12-14'],
  ])('%s is %s from %s to %s', (id, type, start, end) => {
    expect(periodById(id)).toEqual({ id, type, system: 'reporting', start, end });
  });

  // [instant, quarter, month, year, half-year, nine-month (null from 15 Sep to 14 Dec)]
  it.each([
    ['2020-12-15T00:00+07:00', '2021Q1', '2021M01', '2021', '2021S1', '2021N9'],
    ['2020-12-14T23:59:59+07:00', '2020Q4', '2020M12', '2020', '2020S2', null],
    ['2020-12-14T17:00:00Z', '2021Q1', '2021M01', '2021', '2021S1', '2021N9'],
    ['2020-12-14T16:59:59.999Z', '2020Q4', '2020M12', '2020', '2020S2', null],
    ['2020-12-15T00:00', '2021Q1', '2021M01', '2021', '2021S1', '2021N9'],
    ['2020-12-14T23:59:59', '2020Q4', '2020M12', '2020', '2020S2', null],
    ['2020-12-14T12:00:00-05:00', '2021Q1', '2021M01', '2021', '2021S1', '2021N9'],
    ['2020-12-14T11:59:59-05:00', '2020Q4', '2020M12', '2020', '2020S2', null],
    ['2021-01-14T23:59:59+07:00', '2021Q1', '2021M01', '2021', '2021S1', '2021N9'],
    ['2021-01-14T17:00:00Z', '2021Q1', '2021M02', '2021', '2021S1', '2021N9'],
    ['2024-02-29T12:00', '2024Q1', '2024M03', '2024', '2024S1', '2024N9'],
    ['2024-03-14T16:59:59Z', '2024Q1', '2024M03', '2024', '2024S1', '2024N9'],
    ['2024-03-14T17:00:00Z', '2024Q2', '2024M04', '2024', '2024S1', '2024N9'],
    ['2019-09-14T23:59:59+07:00', '2019Q3', '2019M09', '2019', '2019S2', '2019N9'],
    ['2019-09-15T00:00:00+07:00', '2019Q4', '2019M10', '2019', '2019S2', null],
    ['2019-06-14T17:00:00Z', '2019Q3', '2019M07', '2019', '2019S2', '2019N9'],
    ['2030-12-31T23:59:59+07:00', '2031Q1', '2031M01', '2031', '2031S1', '2031N9'],
  ])('%s lies in %s, %s, %s, %s, %s', (instant, q, m, y, s, n9) => {
    expect(periodContaining(instant, 'quarter').id).toBe(q);
    expect(periodContaining(instant, 'month').id).toBe(m);
    expect(periodContaining(instant, 'year').id).toBe(y);
    expect(periodContaining(instant, 'half-year').id).toBe(s);
    expect(periodContaining(instant, 'nine-month')?.id ?? null).toBe(n9);
  });

  it('next and previous of every type cross the year', () => {
    expect([nextPeriod('2020M12').id, previousPeriod('2021M01').id]).toEqual(['2021M01', '2020M12']);
    expect([nextPeriod('2020S2').id, previousPeriod('2021S1').id]).toEqual(['2021S1', '2020S2']);
    expect([nextPeriod('2020').id, previousPeriod('2021').id]).toEqual(['2021', '2020']);
    expect([nextPeriod('2020N9').id, previousPeriod('2021N9').id]).toEqual(['2021N9', '2020N9']);
    expect(nextPeriod('2020Q4')).toMatchObject({ id: '2021Q1', start: '2020-12-15', end: '2021-03-14' });
  });

  it.each(['2020Q5', '2020M13', '2020S3', '2020M00', '2020Q0', '2020M3', '2020q1', '20Q1', '2020N8'])('"%s" is a typed error', (id) => {
    expect(() => periodById(id)).toThrowError(expect.objectContaining({ code: 'calendar.invalid_period_id' }));
  });
});

// Evaluation and deadlines read the Decree 09/2019 calendar's period types from a table without
// the Decree's texts (so that a browser bundle of them does not carry the quotes): the table must
// say what the data file says, and the answers must be those of the calendar as declared.
describe('the Decree 09/2019 arithmetic without its texts', () => {
  it('the table of period types is the data file calendar-decree-09-2019.json, and so are the defaults', () => {
    const file = decree09Calendar();
    expect(DECREE_09_PERIOD_TYPES.map(([type, cutOffDay]) => ({ type, cutOffDay }))).toEqual(file.periodTypes.map((p) => ({ type: p.type, cutOffDay: p.cutOffDay })));
    const { calendar, cache: _cache, ...declared } = resolveCalendar();
    const { cache: _rulesCache, ...rules } = planCalendarRules({});
    expect(rules).toEqual(declared);
    expect(calendar).toEqual(file);
  });

  it('a plan without a calendar, and Kon Tum extending the Decree, get the calendar with its texts from planCalendar and the same periods as resolveCalendar', () => {
    const plain = planCalendar({});
    expect(plain.calendar?.periodTypes.find((p) => p.type === 'quarter')?.basis.vi).toMatch(/Nghị định 09\/2019\/NĐ-CP/u);
    const k = kontum();
    const declared = resolveCalendar(calendarOf(k));
    const viaPlan = planCalendar(k);
    expect(viaPlan.calendar).toEqual(declared.calendar);
    // The base's month and year come with the Decree's own texts, not a placeholder.
    expect(viaPlan.calendar?.periodTypes.find((p) => p.type === 'year')).toEqual(decree09Calendar().periodTypes.find((p) => p.type === 'year'));
    const { calendar: _c, cache: _a, ...expected } = declared;
    const { cache: _b, ...got } = planCalendarRules(k);
    expect(got).toEqual(expected);
    for (const id of ['2020Q1', '2020M03', '2020S2', '2020N9', '2020', 'C2020Q1']) expect(periodByIdIn(planCalendarRules(k), id)).toEqual(periodById(id, calendarOf(k)));
  });

  it.each([
    ['a cut-off past the 28th', [{ type: 'quarter', cutOffDay: 31, basis: { vi: 'x', en: 'x' }, confidence: 'confirmed' }]],
    ['a type declared twice', [{ type: 'month', cutOffDay: 10, basis: { vi: 'x', en: 'x' } }, { type: 'month', cutOffDay: 12, basis: { vi: 'y', en: 'y' } }]],
    ['an unknown period type and a missing basis', [{ type: 'week', cutOffDay: 10 }]],
  ])('a calendar extending the Decree is refused with the same issues as before (%s)', (_, periodTypes) => {
    const bad = { calendar: { extends: 'decree-09-2019', timeZone: 'Asia/Ho_Chi_Minh', primaryPeriodType: 'year', periodTypes, weeklyRestDays: [0, 6], holidays: 'vn' } } as unknown as Pick<Plan, 'calendar'>;
    const issuesOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { issues: unknown[] }).issues;
      }
      return [];
    };
    const before = issuesOf(() => resolveCalendar(calendarOf(bad)));
    expect(before.length).toBeGreaterThan(0);
    expect(issuesOf(() => planCalendarRules(bad))).toEqual(before);
  });
});
