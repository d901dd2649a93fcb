import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import { checkPlanCalendar } from '../../src/index.js';
import { validatePlanText } from '../../src/node.js';
import { kontum, obligation } from './fixtures.js';

const plan = kontum();
const withObligation = (o: Plan['reportingObligations'][number]): Plan => ({ ...plan, reportingObligations: [...plan.reportingObligations, o] });

describe('warning: a deadline that leaves no working day after the data cut-off (Decree 09/2019)', () => {
  it("Kon Tum's own deadlines (16th and 20th after a cut-off on the 14th) leave one: no warning", () => {
    expect(checkPlanCalendar(plan)).toEqual([]);
  });

  it('"trước ngày 15" with the quarter closing on the 14th leaves none: one warning, severity warning, naming the first period', () => {
    const w = checkPlanCalendar(withObligation(obligation('too-early', 'quarter', { kind: 'day-of-month', month: 'last-of-period', day: 15, inclusive: false, rollOver: true }, 'trước ngày 15 của tháng cuối quý')));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'calendar.no_working_day_after_cut_off', severity: 'warning', pointer: '/reportingObligations/4/deadline' });
    // The plan's first quarter: 2019Q2 closes Friday 14 June 2019, last on-time day the 14th itself.
    expect(w[0]!.message.en).toContain('first 2019Q2: data closes 2019-06-14, due 2019-06-14');
    expect(w[0]!.message.vi).toContain('Nghị định 09/2019/NĐ-CP');
  });

  it('without roll-over, a 15th–16th that fall on a weekend leave none in those quarters only', () => {
    // 15–16 June 2019 are Saturday and Sunday; in 2020 the 15th of March is a Sunday and the 16th a Monday.
    const w = checkPlanCalendar(withObligation(obligation('no-roll', 'quarter', { kind: 'day-of-month', month: 'last-of-period', day: 17, inclusive: false, rollOver: false })));
    expect(w).toHaveLength(1);
    expect(w[0]!.message.en).toContain('first 2019Q2: data closes 2019-06-14, due 2019-06-16');
  });

  it('the same rule with roll-over (the default) moves the day to Monday 17 June 2019: no warning', () => {
    expect(checkPlanCalendar(withObligation(obligation('roll', 'quarter', { kind: 'day-of-month', month: 'last-of-period', day: 17, inclusive: false, rollOver: true })))).toEqual([]);
  });

  it('validation keeps such a plan valid and returns the warning with line and column', () => {
    const text = JSON.stringify(withObligation(obligation('too-early', 'quarter', { kind: 'day-of-month', month: 'last-of-period', day: 15, inclusive: false, rollOver: true })), null, 2);
    const r = validatePlanText(text, { file: 'warn.json' });
    expect(r.ok).toBe(true);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'calendar.no_working_day_after_cut_off', file: 'warn.json' });
    expect(r.issues[0]!.line).toBeGreaterThan(1);
    expect(validatePlanText(JSON.stringify(plan)).issues).toEqual([]);
  });
});
