import { describe, expect, it } from 'vitest';
import { validatePlan, type Issue, type PeriodType, type PlanInput } from '../src/index.js';
import { smallPlan } from '@egov-plan/test-utils';

// A reporting obligation's period type must fit its deadline rule and the plan's calendar; before
// this check such a plan validated and the calendar commands failed later without a pointer.

const codes = (issues: Issue[]) => issues.map((i) => `${i.code} ${i.pointer}`);

function withObligations(periodTypes: (PeriodType | null)[], kinds: ('day-of-month' | 'fixed-date' | 'window')[], calendar?: unknown): unknown {
  const p: Record<string, any> = smallPlan() as PlanInput;
  p.reportingObligations = periodTypes.map((periodType, i) => ({
    id: `o-${i}`,
    reporters: ['cac-so-nganh'],
    recipients: ['so-tttt'],
    subject: { vi: 'Báo cáo', en: 'Report' },
    periodType,
    cutOffAsWritten: null,
    deadlineAsWritten: 'trước ngày 17 của tháng cuối quý',
    deadline:
      kinds[i] === 'fixed-date'
        ? { kind: 'fixed-date', date: '2019-05-20', inclusive: false }
        : kinds[i] === 'window'
          ? { kind: 'window', month: 'last-of-period' }
          : { kind: 'day-of-month', month: 'last-of-period', day: 17, inclusive: false },
    source: { section: 'III', quote: 'trước ngày 17 của tháng cuối quý' },
  }));
  if (calendar) p.calendar = calendar;
  return p;
}

const quarterOnly = {
  periodTypes: [{ type: 'quarter', cutOffDay: 14, basis: { vi: 'Nghị định 09/2019/NĐ-CP', en: 'Decree 09/2019/NĐ-CP' } }],
};

describe('reporting obligations and their periods', () => {
  it('accepts periodic rules with a period type and a one-off date without one', () => {
    expect(validatePlan(withObligations(['quarter', 'quarter', null], ['day-of-month', 'window', 'fixed-date'])).issues).toEqual([]);
    expect(validatePlan(withObligations(['month'], ['day-of-month'], { ...quarterOnly, extends: 'decree-09-2019' })).issues).toEqual([]);
  });

  it('a periodic rule needs a period type; a fixed date has none', () => {
    const r = validatePlan(withObligations([null, 'quarter'], ['day-of-month', 'fixed-date']));
    expect(codes(r.issues)).toEqual(['plan.obligation_period /reportingObligations/0/periodType', 'plan.obligation_period /reportingObligations/1/periodType']);
  });

  it("a period type the plan's own calendar does not declare (without extends) is reported where it is used", () => {
    const r = validatePlan(withObligations(['quarter', 'month'], ['day-of-month', 'day-of-month'], quarterOnly));
    expect(codes(r.issues)).toEqual(['calendar.undeclared_period_type /reportingObligations/1/periodType']);
  });
});
