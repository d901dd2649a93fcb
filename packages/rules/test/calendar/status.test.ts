import { describe, expect, it } from 'vitest';
import { deadlineStatus, deadlinesFor, reportStatus, timelinessRate } from '../../src/index.js';
import { kontum } from './fixtures.js';

// 2020Q1, departments: data closes Saturday 14 March 2020; last on-time day Monday 16 March.
const plan = kontum();
const agencies = deadlinesFor(plan, '2020Q1').find((d) => d.obligation === 'quarterly-report-agencies')!;
const province = deadlinesFor(plan, '2020Q1').find((d) => d.obligation === 'quarterly-report-province-to-government')!;
const meeting = deadlinesFor(plan, '2020Q1').find((d) => d.obligation === 'quarterly-report-office-at-meeting')!;

describe('report status', () => {
  it('not-open before the data cut-off has passed, while the due date is more than 7 days away', () => {
    expect(deadlineStatus(agencies, { at: '2020-03-01T09:00' })).toBe('not-open');
    expect(deadlineStatus(agencies, { at: '2020-03-08T23:59' })).toBe('not-open'); // 8 days before Monday 16 March
  });

  it('the due date governs: due-soon 4 days before it even though its window (15–16 March) has not opened', () => {
    // "trước ngày 17": the window is only the 15th and 16th; on Thursday 12 March the report is due in 4 days.
    expect(agencies.window).toEqual({ start: '2020-03-15', end: '2020-03-16' });
    expect(deadlineStatus(agencies, { at: '2020-03-12T09:00' })).toBe('due-soon');
    expect(deadlineStatus(agencies, { at: '2020-03-09T00:00' })).toBe('due-soon'); // exactly 7 days
    expect(deadlineStatus(agencies, { at: '2020-03-12T09:00', dueSoonDays: 2 })).toBe('not-open');
  });

  it('due-soon within 7 days of the last on-time day (configurable), open before that', () => {
    expect(deadlineStatus(agencies, { at: '2020-03-15T08:00' })).toBe('due-soon');
    expect(deadlineStatus(province, { at: '2020-03-15T08:00' })).toBe('due-soon'); // 5 days left
    expect(deadlineStatus(province, { at: '2020-03-15T08:00', dueSoonDays: 2 })).toBe('open');
    expect(deadlineStatus(province, { at: '2020-03-18T08:00', dueSoonDays: 2 })).toBe('due-soon');
  });

  it('overdue the day after the last on-time day without a submission', () => {
    expect(deadlineStatus(agencies, { at: '2020-03-16T23:59:59' })).toBe('due-soon');
    expect(deadlineStatus(agencies, { at: '2020-03-17T00:00:00' })).toBe('overdue');
  });

  it('on-time until 24:00 local time of the last day, late after', () => {
    expect(deadlineStatus(agencies, { at: '2020-04-01', submittedAt: '2020-03-16T23:59:59+07:00' })).toBe('on-time');
    expect(deadlineStatus(agencies, { at: '2020-04-01', submittedAt: '2020-03-16T17:30:00Z' })).toBe('late'); // 00:30 on the 17th in Vietnam
    expect(deadlineStatus(agencies, { at: '2020-04-01', submittedAt: '2020-03-10T10:00' })).toBe('on-time'); // early still counts
  });

  it('a submission after the instant asked about is not known yet', () => {
    expect(deadlineStatus(agencies, { at: '2020-03-17T09:00', submittedAt: '2020-03-18T09:00' })).toBe('overdue');
  });

  it('a deadline without a day is judged on its window', () => {
    expect(deadlineStatus(meeting, { at: '2020-03-31T20:00' })).toBe('due-soon');
    expect(deadlineStatus(meeting, { at: '2020-04-01T08:00' })).toBe('overdue');
    expect(deadlineStatus(meeting, { at: '2020-04-01T08:00', submittedAt: '2020-03-27T15:00' })).toBe('on-time');
  });

  it('reportStatus takes an obligation and a period from the plan', () => {
    const r = reportStatus({ plan, obligation: 'quarterly-report-agencies', period: '2019Q1', at: '2019-03-18T10:00' });
    expect(r.deadline.due).toBe('2019-03-18');
    expect(r.status).toBe('due-soon');
  });

  it('a negative due-soon window is rejected', () => {
    expect(() => deadlineStatus(agencies, { at: '2020-03-15', dueSoonDays: -1 })).toThrowError(expect.objectContaining({ code: 'calendar.invalid_due_soon_days' }));
  });
});

describe('timeliness rate (DHIS2 reporting rate on time)', () => {
  it('counts each expected reporter once and ignores the others', () => {
    const r = timelinessRate({
      deadline: agencies,
      reporters: ['a', 'b', 'c', 'd'],
      at: '2020-04-01T00:00',
      submissions: [
        { reporter: 'a', submittedAt: '2020-03-15T09:00' },
        { reporter: 'a', submittedAt: '2020-03-20T09:00' }, // a resubmission does not count twice
        { reporter: 'b', submittedAt: '2020-03-16T16:00' },
        { reporter: 'c', submittedAt: '2020-03-18T08:00' },
        { reporter: 'x', submittedAt: '2020-03-15T08:00' }, // not expected
      ],
    });
    expect(r).toMatchObject({ expected: 4, submitted: 3, onTime: 2, late: 1, missing: 1, reportingRate: 75, onTimeRate: 50 });
    expect(r.byReporter).toEqual({ a: 'on-time', b: 'on-time', c: 'late', d: 'overdue' });
  });

  it('has no rate when nobody is expected', () => {
    expect(timelinessRate({ deadline: agencies, reporters: [], at: '2020-04-01', submissions: [] }).onTimeRate).toBeNull();
  });
});

describe('report status at the boundaries (instants converted outside the library)', () => {
  const plan = kontum();
  const agencies = (at: string, submittedAt?: string) => reportStatus({ plan, obligation: 'quarterly-report-agencies', period: '2020Q1', at, submittedAt: submittedAt ?? null }).status;

  it('2020Q1 departments (last on-time day Monday 16 March 2020)', () => {
    expect(agencies('2020-03-08T23:59:59')).toBe('not-open'); // data still open, due in 8 days
    expect(agencies('2020-03-14T23:59:59')).toBe('due-soon'); // data still open, due in 2 days
    expect(agencies('2020-03-15T00:00')).toBe('due-soon');
    expect(agencies('2020-03-16T16:59:59Z')).toBe('due-soon'); // 23:59:59 +07:00
    expect(agencies('2020-03-16T17:00:00Z')).toBe('overdue'); // 00:00 +07:00 on the 17th
    expect(agencies('2020-04-01', '2020-03-16T23:59:00+07:00')).toBe('on-time');
    expect(agencies('2020-04-01', '2020-03-16T16:59:59.999Z')).toBe('on-time');
    expect(agencies('2020-04-01', '2020-03-17T00:00:00+07:00')).toBe('late');
    expect(agencies('2020-04-01', '2020-03-16T17:00:00Z')).toBe('late');
    expect(agencies('2020-03-16T12:00', '2020-03-16T23:00')).toBe('due-soon'); // submitted later than asked about
  });

  it("judges local dates in the plan's own time zone", () => {
    // Same plan with a calendar in UTC+9: 23:30 +07:00 on the 16th is already 01:30 on the 17th there.
    const tokyo = structuredClone(plan);
    tokyo.calendar = { ...tokyo.calendar!, timeZone: 'Asia/Tokyo' };
    const s = reportStatus({ plan: tokyo, obligation: 'quarterly-report-agencies', period: '2020Q1', at: '2020-04-01T00:00:00Z', submittedAt: '2020-03-16T23:30:00+07:00' });
    expect(s.status).toBe('late');
    expect(agencies('2020-04-01', '2020-03-16T23:30:00+07:00')).toBe('on-time');
  });
});
