import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import { deadlineHistory, deadlinesAt, deadlinesBetween, planTerm, planTermAt, reportingCalendarAt, upcomingDeadlines } from '../../src/index.js';
import { planCalendarEvents } from '../../src/ics.js';
import { kontum, obligation } from './fixtures.js';

const plan = kontum();
const ONE_OFF = 'own-action-plan-2019';

describe('a one-off obligation belongs to its own date', () => {
  it('in its own quarter it is a current deadline: "hoàn thành trước 20/5/2019" on 15 May 2019', () => {
    const snap = reportingCalendarAt(plan, '2019-05-15T09:00');
    expect(snap.period.id).toBe('2019Q2');
    expect(snap.deadlines.find((d) => d.obligation === ONE_OFF)).toMatchObject({ due: '2019-05-20', status: 'due-soon' });
    expect(snap.history).toEqual([]);
  });

  it('in 2024 it is history only, never among the current deadlines, and no status is claimed for it', () => {
    const snap = reportingCalendarAt(plan, '2024-03-10T09:00');
    expect(snap.deadlines.map((d) => d.obligation)).not.toContain(ONE_OFF);
    expect(snap.upcoming.map((d) => d.obligation)).not.toContain(ONE_OFF);
    expect(snap.history.map((d) => [d.obligation, d.due])).toEqual([[ONE_OFF, '2019-05-20']]);
    expect(snap.history[0]).not.toHaveProperty('status');
    // The recurring obligations are still there, one each for 2024Q1.
    expect(snap.deadlines.map((d) => d.period)).toEqual(['2024Q1', '2024Q1', '2024Q1']);
  });

  it('the quarter after its date already shows it as history (2019Q3 starts 15 June 2019)', () => {
    expect(deadlinesAt(plan, '2019-06-15').map((d) => d.obligation)).not.toContain(ONE_OFF);
    expect(deadlineHistory(plan, '2019-06-15').map((d) => d.obligation)).toEqual([ONE_OFF]);
    expect(deadlineHistory(plan, '2019-06-14')).toEqual([]);
  });
});

describe('after the issuer ceased or the last phase ended, nothing is owed', () => {
  it("Kon Tum's term: issued 2019-05-10, phases to 2025-12-31, the province to 2025-06-30, succeeded by Quảng Ngãi (51)", () => {
    expect(planTerm(plan)).toEqual({
      issued: '2019-05-10',
      lastPhaseEnd: '2025-12-31',
      issuerLastDay: '2025-06-30',
      successors: [{ code: '51', name: { vi: 'Tỉnh Quảng Ngãi', en: 'Quảng Ngãi province' } }],
      lastDay: '2025-06-30',
    });
  });

  it('on 30 June 2025 the plan is in force; on 1 July 2025 the calendar says the issuer ceased and names Quảng Ngãi', () => {
    expect(planTermAt(plan, '2025-06-30').status).toBe('in-force');
    const after = reportingCalendarAt(plan, '2025-07-01T09:00');
    expect(after.term.status).toBe('issuer-ceased');
    expect(after.term.message.vi).toContain('Tỉnh Quảng Ngãi (mã 51)');
    expect(after.term.message.en).toContain('Quảng Ngãi province (code 51)');
    expect(after.term.message.en).toContain('from 2025-07-01');
    expect(after.deadlines).toEqual([]);
    expect(after.upcoming).toEqual([]);
  });

  it('before the end, only deadlines owed by then are upcoming: 2025Q2 (due 16 and 20 June), never 2025Q3', () => {
    const up = upcomingDeadlines(plan, '2025-06-10T09:00');
    expect(up.map((d) => [d.obligation, d.period, d.due])).toEqual([
      ['quarterly-report-agencies', '2025Q2', '2025-06-16'],
      ['quarterly-report-province-to-government', '2025Q2', '2025-06-20'],
      ['quarterly-report-office-at-meeting', '2025Q2', null],
    ]);
    expect(upcomingDeadlines(plan, '2025-06-21T09:00').map((d) => d.period)).toEqual(['2025Q2']); // the meeting month, June
  });

  it('the export stops with the 2025Q2 deadlines: no event in 2025Q3 or 2025Q4', () => {
    const between = deadlinesBetween(plan, '2019-05-10', '2025-12-31');
    expect(between.every((d) => (d.due ?? d.window.end) <= '2025-06-30')).toBe(true);
    expect(between.filter((d) => d.period === '2025Q2')).toHaveLength(3);
    expect(between.filter((d) => d.period === '2025Q3')).toEqual([]);
  });

  it('a plan whose issuer is not known ends with its last phase: "ended" after 31 Dec 2020', () => {
    const short: Plan = { ...plan, issuer: { ...plan.issuer, unit: null }, phases: plan.phases.slice(0, 1) };
    expect(planTermAt(short, '2020-12-31').status).toBe('in-force');
    const at = planTermAt(short, '2021-01-01');
    expect(at.status).toBe('ended');
    expect(at.message.en).toContain('ended on 2020-12-31');
    expect(reportingCalendarAt(short, '2021-01-05').deadlines).toEqual([]);
    // The last quarter whose data closed within the phase (2020Q4, closing 14 Dec) is still owed.
    expect(deadlinesBetween(short, '2020-12-01', '2021-12-31').map((d) => d.period)).toEqual(['2020Q4', '2020Q4', '2020Q4']);
  });
});

describe('calendar events are bounded', () => {
  const absurd = (): Plan => ({
    ...plan,
    date: '1001-01-01',
    issuer: { ...plan.issuer, unit: null },
    phases: [{ ...plan.phases[0]!, start: '1001-01-01', end: '9997-12-31' }],
    reportingObligations: [obligation('monthly', 'month', { kind: 'day-of-month', month: 'after-period', day: 5, inclusive: true, rollOver: true })],
    tasks: [],
  });

  it('a monthly obligation over a plan dated 1001–9997 is refused with calendar.too_many_events, not 107,964 events', () => {
    expect(() => planCalendarEvents(absurd())).toThrowError(expect.objectContaining({ code: 'calendar.too_many_events' }));
    try {
      planCalendarEvents(absurd());
    } catch (e: any) {
      expect(e.issues[0].message.en).toContain('more than 50000');
      expect(e.issues[0].message.vi).toContain('hơn 50000');
    }
  });

  it('a lower limit is honoured, and a range within it is listed', () => {
    expect(() => planCalendarEvents(absurd(), { from: '2020-01-01', to: '2020-12-31', maxEvents: 11 })).toThrowError(expect.objectContaining({ code: 'calendar.too_many_events' }));
    expect(planCalendarEvents(absurd(), { from: '2020-01-01', to: '2020-12-31', maxEvents: 12 })).toHaveLength(12);
  });

  it("the real plan's whole export fits the default budget many times over", () => {
    const events = planCalendarEvents(plan);
    expect(events.length).toBeGreaterThan(50);
    expect(events.length).toBeLessThan(200);
  });
});
