import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import { deadlineFor, deadlinesBetween, deadlinesFor, obligationDeadline, periodById, reportStatus, upcomingDeadlines } from '../../src/index.js';
import { kontum, kontumWithoutTerm, obligation } from './fixtures.js';

// Due dates from the plan's wording and a printed calendar:
// "trước ngày 17 của tháng cuối quý" → last on-time day the 16th; "chậm nhất vào ngày 20" → the 20th;
// a last day on Saturday, Sunday or a holiday moves to the next working day.

const AGENCIES = 'quarterly-report-agencies';
const PROVINCE = 'quarterly-report-province-to-government';
const MEETING = 'quarterly-report-office-at-meeting';
const OWN_PLAN = 'own-action-plan-2019';

function due(plan: Plan, period: string, id: string) {
  const d = deadlinesFor(plan, period).find((x) => x.obligation === id);
  if (!d) throw new Error(`no deadline ${id} for ${period}`);
  return d;
}

describe('deadlines of plan 1102/KH-UBND', () => {
  const plan = kontum();

  it('2020Q1: departments before the 17th → Monday 16 March; the province no later than Friday 20 March', () => {
    expect(due(plan, '2020Q1', AGENCIES)).toMatchObject({ period: '2020Q1', due: '2020-03-16', nominalDue: '2020-03-16', rolledOver: false, inclusive: false, window: { start: '2020-03-15', end: '2020-03-16' } });
    expect(due(plan, '2020Q1', PROVINCE)).toMatchObject({ due: '2020-03-20', inclusive: true, rolledOver: false });
  });

  it('2019Q1: the 16th is a Saturday, so the departments’ reports are due Monday 18 March', () => {
    expect(due(plan, '2019Q1', AGENCIES)).toMatchObject({ nominalDue: '2019-03-16', due: '2019-03-18', rolledOver: true });
  });

  it('2021Q2: Wednesday 16 June stays', () => {
    expect(due(plan, '2021Q2', AGENCIES)).toMatchObject({ due: '2021-06-16', rolledOver: false });
  });

  it('2020Q3: Sunday 20 September moves to Monday 21 September', () => {
    expect(due(plan, '2020Q3', PROVINCE)).toMatchObject({ nominalDue: '2020-09-20', due: '2020-09-21', rolledOver: true });
  });

  it('the regular meeting has no day: due is null and the window is the quarter’s last month', () => {
    expect(due(plan, '2020Q1', MEETING)).toMatchObject({ due: null, nominalDue: null, inclusive: null, window: { start: '2020-03-01', end: '2020-03-31' } });
    expect(due(plan, '2020Q4', MEETING).window).toEqual({ start: '2020-12-01', end: '2020-12-31' });
  });

  it('every deadline carries the wording, the parties and the source', () => {
    const d = due(plan, '2020Q1', AGENCIES);
    expect(d.wording).toBe('trước ngày 17 của tháng cuối quý');
    expect(d.reporters.length).toBeGreaterThan(0);
    expect(d.recipients).toContain('so-tttt');
    expect(d.source.section).toBe('III.12.e');
  });

  it('“trước 20/5/2019”: the 19th is a Sunday, so the agencies’ own plans are due Monday 20 May', () => {
    const [d] = upcomingDeadlines(plan, '2019-05-11T08:00').filter((x) => x.obligation === OWN_PLAN);
    expect(d).toMatchObject({ period: null, nominalDue: '2019-05-19', due: '2019-05-20', rolledOver: true, window: { start: '2019-05-10', end: '2019-05-20' } });
  });

  it('on 2020-03-16 the quarter is 2020Q2 while 2020Q1’s reports are due', () => {
    const up = upcomingDeadlines(plan, '2020-03-16T10:00');
    expect(up.find((d) => d.obligation === AGENCIES)).toMatchObject({ period: '2020Q1', due: '2020-03-16' });
    expect(up.find((d) => d.obligation === PROVINCE)).toMatchObject({ period: '2020Q1', due: '2020-03-20' });
    expect(up.find((d) => d.obligation === MEETING)).toMatchObject({ period: '2020Q1', due: null });
    expect(up.some((d) => d.obligation === OWN_PLAN)).toBe(false); // passed in 2019
  });

  it('the day after, the departments’ next deadline is 2020Q2’s while the province still has 2020Q1’s', () => {
    const up = upcomingDeadlines(plan, '2020-03-17T10:00');
    expect(up.find((d) => d.obligation === AGENCIES)).toMatchObject({ period: '2020Q2', due: '2020-06-16' });
    expect(up.find((d) => d.obligation === PROVINCE)).toMatchObject({ period: '2020Q1', due: '2020-03-20' });
  });

  it('lists every deadline of a year in date order', () => {
    const list = deadlinesBetween(plan, '2021-01-01', '2021-12-31');
    expect(list.filter((d) => d.obligation === AGENCIES).map((d) => d.due)).toEqual(['2021-03-16', '2021-06-16', '2021-09-16', '2021-12-16']);
    // 20 March and 20 June 2021 are Saturday and Sunday.
    expect(list.filter((d) => d.obligation === PROVINCE).map((d) => d.due)).toEqual(['2021-03-22', '2021-06-21', '2021-09-20', '2021-12-20']);
  });

  it('a deadline in a year without complete holiday data says so', () => {
    expect(due(plan, '2030Q3', AGENCIES).holidayData).toEqual({ complete: false, years: [2030] });
    expect(due(plan, '2021Q3', AGENCIES).holidayData).toEqual({ complete: true, years: [2021] });
  });

  it('rejects an unknown period id with a code', () => {
    expect(() => deadlinesFor(plan, '2020Q9')).toThrowError(expect.objectContaining({ code: 'calendar.invalid_period_id' }));
  });
});

describe('deadline rules as data', () => {
  it('roll-over can be turned off', () => {
    const o = obligation('no-roll', 'quarter', { kind: 'day-of-month', month: 'last-of-period', day: 17, inclusive: false, rollOver: false });
    expect(deadlineFor(o, periodById('2019Q1'))).toMatchObject({ due: '2019-03-16', rolledOver: false });
  });

  it('a day in the month after the period ("ngày 20 tháng sau")', () => {
    const o = obligation('after', 'month', { kind: 'day-of-month', month: 'after-period', day: 20, inclusive: true, rollOver: true });
    // 2021M01 closes on 14 January; 20 February 2021 is a Saturday → Monday 22 February.
    expect(deadlineFor(o, periodById('2021M01'))).toMatchObject({ nominalDue: '2021-02-20', due: '2021-02-22' });
  });

  it('rolls over the two National Day holidays of 2021 but only one in 2020', () => {
    const o = obligation('sept-2', 'month', { kind: 'day-of-month', month: 'last-of-period', day: 2, inclusive: true, rollOver: true });
    expect(deadlineFor(o, periodById('2021M09')).due).toBe('2021-09-06'); // Thu 2, Fri 3, weekend → Monday 6
    expect(deadlineFor(o, periodById('2020M09')).due).toBe('2020-09-03'); // Wed 2 → Thursday 3
  });

  it('a day past the end of the month means its last day', () => {
    const o = obligation('31st', 'month', { kind: 'day-of-month', month: 'last-of-period', day: 31, inclusive: true, rollOver: false });
    expect(deadlineFor(o, periodById('2021M02')).due).toBe('2021-02-28');
  });

  it('a periodic rule needs a period', () => {
    const o = obligation('q', 'quarter', { kind: 'window', month: 'last-of-period' });
    expect(() => deadlineFor(o, null)).toThrowError(expect.objectContaining({ code: 'calendar.period_required' }));
  });
});

// Expected values below were computed outside the library (Python `datetime` for weekdays, with
// the days off of 2019–2026 listed by hand from the annual notices; from 2027 weekends and the
// Labour Code 2019 solar holidays only), not by the code under test.
describe('deadlines of plan 1102/KH-UBND for every quarter 2019–2031 (independent table)', () => {
  const plan = kontum();
  // [period, departments "trước ngày 17" (16th, rolled), province "chậm nhất vào ngày 20" (20th, rolled)]
  it.each([
    ['2019Q1', '2019-03-18', '2019-03-20'],
    ['2019Q2', '2019-06-17', '2019-06-20'],
    ['2019Q3', '2019-09-16', '2019-09-20'],
    ['2019Q4', '2019-12-16', '2019-12-20'],
    ['2020Q1', '2020-03-16', '2020-03-20'],
    ['2020Q2', '2020-06-16', '2020-06-22'],
    ['2020Q3', '2020-09-16', '2020-09-21'],
    ['2020Q4', '2020-12-16', '2020-12-21'],
    ['2021Q1', '2021-03-16', '2021-03-22'],
    ['2021Q2', '2021-06-16', '2021-06-21'],
    ['2021Q3', '2021-09-16', '2021-09-20'],
    ['2021Q4', '2021-12-16', '2021-12-20'],
    ['2022Q1', '2022-03-16', '2022-03-21'],
    ['2022Q2', '2022-06-16', '2022-06-20'],
    ['2022Q3', '2022-09-16', '2022-09-20'],
    ['2022Q4', '2022-12-16', '2022-12-20'],
    ['2023Q1', '2023-03-16', '2023-03-20'],
    ['2023Q2', '2023-06-16', '2023-06-20'],
    ['2023Q3', '2023-09-18', '2023-09-20'],
    ['2023Q4', '2023-12-18', '2023-12-20'],
    ['2024Q1', '2024-03-18', '2024-03-20'],
    ['2024Q2', '2024-06-17', '2024-06-20'],
    ['2024Q3', '2024-09-16', '2024-09-20'],
    ['2024Q4', '2024-12-16', '2024-12-20'],
    ['2025Q1', '2025-03-17', '2025-03-20'],
    ['2025Q2', '2025-06-16', '2025-06-20'],
    ['2025Q3', '2025-09-16', '2025-09-22'],
    ['2025Q4', '2025-12-16', '2025-12-22'],
    ['2026Q1', '2026-03-16', '2026-03-20'],
    ['2026Q2', '2026-06-16', '2026-06-22'],
    ['2026Q3', '2026-09-16', '2026-09-21'],
    ['2026Q4', '2026-12-16', '2026-12-21'],
    ['2027Q1', '2027-03-16', '2027-03-22'],
    ['2027Q2', '2027-06-16', '2027-06-21'],
    ['2027Q3', '2027-09-16', '2027-09-20'],
    ['2027Q4', '2027-12-16', '2027-12-20'],
    ['2028Q1', '2028-03-16', '2028-03-20'],
    ['2028Q2', '2028-06-16', '2028-06-20'],
    ['2028Q3', '2028-09-18', '2028-09-20'],
    ['2028Q4', '2028-12-18', '2028-12-20'],
    ['2029Q1', '2029-03-16', '2029-03-20'],
    ['2029Q2', '2029-06-18', '2029-06-20'],
    ['2029Q3', '2029-09-17', '2029-09-20'],
    ['2029Q4', '2029-12-17', '2029-12-20'],
    ['2030Q1', '2030-03-18', '2030-03-20'],
    ['2030Q2', '2030-06-17', '2030-06-20'],
    ['2030Q3', '2030-09-16', '2030-09-20'],
    ['2030Q4', '2030-12-16', '2030-12-20'],
    ['2031Q1', '2031-03-17', '2031-03-20'],
    ['2031Q2', '2031-06-16', '2031-06-20'],
    ['2031Q3', '2031-09-16', '2031-09-22'],
    ['2031Q4', '2031-12-16', '2031-12-22'],
  ])('%s: departments %s, province %s', (period, agencies, province) => {
    expect(due(plan, period, AGENCIES).due).toBe(agencies);
    expect(due(plan, period, PROVINCE).due).toBe(province);
    const complete = Number(period.slice(0, 4)) <= 2025;
    expect(due(plan, period, AGENCIES).holidayData.complete).toBe(complete);
  });

  // [local date, departments' next (period, due), province's next (period, due)]
  it.each([
    ['2019-03-16', '2019Q1', '2019-03-18', '2019Q1', '2019-03-20'],
    ['2019-03-18', '2019Q1', '2019-03-18', '2019Q1', '2019-03-20'],
    ['2019-03-19', '2019Q2', '2019-06-17', '2019Q1', '2019-03-20'],
    ['2019-06-17', '2019Q2', '2019-06-17', '2019Q2', '2019-06-20'],
    ['2019-06-18', '2019Q3', '2019-09-16', '2019Q2', '2019-06-20'],
    ['2019-12-16', '2019Q4', '2019-12-16', '2019Q4', '2019-12-20'],
    ['2019-12-17', '2020Q1', '2020-03-16', '2019Q4', '2019-12-20'],
    ['2019-12-20', '2020Q1', '2020-03-16', '2019Q4', '2019-12-20'],
    ['2019-12-21', '2020Q1', '2020-03-16', '2020Q1', '2020-03-20'],
    ['2020-03-16', '2020Q1', '2020-03-16', '2020Q1', '2020-03-20'],
    ['2020-03-17', '2020Q2', '2020-06-16', '2020Q1', '2020-03-20'],
    ['2020-03-20', '2020Q2', '2020-06-16', '2020Q1', '2020-03-20'],
    ['2020-03-21', '2020Q2', '2020-06-16', '2020Q2', '2020-06-22'],
    ['2020-06-16', '2020Q2', '2020-06-16', '2020Q2', '2020-06-22'],
    ['2020-06-17', '2020Q3', '2020-09-16', '2020Q2', '2020-06-22'],
    ['2020-06-22', '2020Q3', '2020-09-16', '2020Q2', '2020-06-22'],
    ['2020-06-23', '2020Q3', '2020-09-16', '2020Q3', '2020-09-21'],
    ['2020-09-21', '2020Q4', '2020-12-16', '2020Q3', '2020-09-21'],
    ['2020-09-22', '2020Q4', '2020-12-16', '2020Q4', '2020-12-21'],
    ['2021-03-16', '2021Q1', '2021-03-16', '2021Q1', '2021-03-22'],
    ['2021-03-17', '2021Q2', '2021-06-16', '2021Q1', '2021-03-22'],
    ['2021-03-22', '2021Q2', '2021-06-16', '2021Q1', '2021-03-22'],
    ['2022-09-16', '2022Q3', '2022-09-16', '2022Q3', '2022-09-20'],
    ['2022-09-19', '2022Q4', '2022-12-16', '2022Q3', '2022-09-20'],
    ['2022-09-20', '2022Q4', '2022-12-16', '2022Q3', '2022-09-20'],
    ['2022-09-21', '2022Q4', '2022-12-16', '2022Q4', '2022-12-20'],
    ['2023-12-18', '2023Q4', '2023-12-18', '2023Q4', '2023-12-20'],
    ['2023-12-19', '2024Q1', '2024-03-18', '2023Q4', '2023-12-20'],
    ['2024-03-18', '2024Q1', '2024-03-18', '2024Q1', '2024-03-20'],
    ['2024-03-19', '2024Q2', '2024-06-17', '2024Q1', '2024-03-20'],
    ['2026-06-16', '2026Q2', '2026-06-16', '2026Q2', '2026-06-22'],
    ['2026-06-17', '2026Q3', '2026-09-16', '2026Q2', '2026-06-22'],
    ['2026-12-21', '2027Q1', '2027-03-16', '2026Q4', '2026-12-21'],
    ['2026-12-22', '2027Q1', '2027-03-16', '2027Q1', '2027-03-22'],
  ])('upcoming on %s: departments %s due %s, province %s due %s', (date, aPeriod, aDue, pPeriod, pDue) => {
    // The arithmetic beyond 2025: Kon Tum's own term ends when the province ceased (2025-06-30).
    const up = Object.fromEntries(upcomingDeadlines(kontumWithoutTerm(), `${date}T12:00`).map((d) => [d.obligation, d]));
    expect([up[AGENCIES]?.period, up[AGENCIES]?.due]).toEqual([aPeriod, aDue]);
    expect([up[PROVINCE]?.period, up[PROVINCE]?.due]).toEqual([pPeriod, pDue]);
  });
});

describe('a deadline is only computed for a period of the obligation\'s own type', () => {
  const plan = kontum();

  it('a month, half-year or plain calendar quarter is refused for a quarterly obligation', () => {
    // Before the fix, 2020M03 and 2020S1 silently gave the 16 March / 16 June dates of another
    // period type, and C2020Q1 a window opening after its own due date.
    for (const id of ['2020M03', '2020S1', 'C2020Q1', '2020']) {
      expect(() => obligationDeadline(plan, AGENCIES, id)).toThrowError(expect.objectContaining({ code: 'calendar.period_type_mismatch' }));
      expect(() => reportStatus({ plan, obligation: AGENCIES, period: id, at: '2020-03-10' })).toThrowError(expect.objectContaining({ code: 'calendar.period_type_mismatch' }));
    }
    expect(obligationDeadline(plan, AGENCIES, '2020Q1').due).toBe('2020-03-16');
  });

  it('deadlineFor refuses a period of another type', () => {
    const o = obligation('monthly', 'month', { kind: 'day-of-month', month: 'after-period', day: 5, inclusive: true, rollOver: true });
    expect(() => deadlineFor(o, periodById('2020Q1'))).toThrowError(expect.objectContaining({ code: 'calendar.period_type_mismatch' }));
    expect(deadlineFor(o, periodById('2020M03')).due).toBe('2020-04-06'); // Sun 5 April → Mon 6
  });

  it('an obligation object that is not the plan\'s own is not answered from the plan\'s cache', () => {
    const own = plan.reportingObligations.find((o) => o.id === AGENCIES)!;
    expect(obligationDeadline(plan, AGENCIES, '2019Q1').due).toBe('2019-03-18');
    const noRoll = { ...own, deadline: { ...own.deadline, rollOver: false } } as typeof own;
    expect(obligationDeadline(plan, noRoll, '2019Q1').due).toBe('2019-03-16');
  });
});

describe('a plan whose calendar declares no holidays', () => {
  it('rolls over weekends only and does not call its data incomplete', () => {
    const plan = structuredClone(kontum());
    plan.calendar = { ...plan.calendar!, holidays: 'none' };
    const o = obligation('sept-2', 'month', { kind: 'day-of-month', month: 'last-of-period', day: 2, inclusive: true, rollOver: true });
    plan.reportingObligations.push(o);
    // Thursday 2 September 2021 is a working day when no holiday applies.
    expect(obligationDeadline(plan, o.id, '2021M09')).toMatchObject({ due: '2021-09-02', holidayData: { complete: true } });
    expect(obligationDeadline(plan, AGENCIES, '2030Q1')).toMatchObject({ due: '2030-03-18', holidayData: { complete: true } });
  });
});
