import { issueFrom, type Issue, type Plan } from '@egov-plan/core';
import { DEFAULT_MAX_CALENDAR_EVENTS, deadlineFor, planCalendar } from './deadlines.js';
import { NO_HOLIDAYS, isWorkingDayNumber, vietnamHolidays } from './holidays.js';
import { periodAt, periodIndexOfDay } from './periods.js';
import { planTerm } from './term.js';
import { addDays, dayNumber } from './time.js';
import * as MSG from '../messages.js';

// Checks of a plan's calendar that are advice, not errors: the plan is valid, but a reader
// should know. Each issue has `severity: "warning"`.

/**
 * Warnings about a plan's reporting calendar (each with `severity: "warning"`; a plan with only
 * warnings is valid):
 *
 * - `calendar.no_working_day_after_cut_off`: a recurring deadline that, in some period of the
 *   plan's term, leaves no working day after the data cut-off up to the last on-time day (after
 *   roll-over). Decree 09/2019/NĐ-CP wants at least one working day between the end of the data
 *   cut-off and the submission deadline. "trước ngày 15" with a cut-off on the 14th leaves none;
 *   so can a rule with `rollOver: false` whose days after the cut-off are a weekend.
 *
 * The periods checked are those of the plan's term (its date to the end of its last phase or of
 * its issuer; five years when it declares neither), at most {@link DEFAULT_MAX_CALENDAR_EVENTS}
 * per obligation.
 */
export function checkPlanCalendar(plan: Plan): Issue[] {
  const r = planCalendar(plan);
  const holidays = r.holidays === 'none' ? NO_HOLIDAYS : vietnamHolidays();
  const term = planTerm(plan);
  const first = dayNumber(plan.date);
  const last = dayNumber(term.lastDay ?? addDays(plan.date, 5 * 365));
  const issues: Issue[] = [];
  plan.reportingObligations.forEach((o, i) => {
    if (o.periodType === null || o.deadline.kind !== 'day-of-month') return;
    const type = o.periodType;
    const from = periodIndexOfDay(r, type, first) ?? null;
    const to = periodIndexOfDay(r, type, last) ?? null;
    if (from === null || to === null) return;
    let failing = 0;
    let example: { period: string; cutOff: string; due: string } | null = null;
    for (let index = from; index <= Math.min(to, from + DEFAULT_MAX_CALENDAR_EVENTS - 1); index++) {
      const period = periodAt(r, type, index);
      const d = deadlineFor(o, period, { holidays, restDayMask: r.restDayMask, opensOn: plan.date });
      if (d.due === null) continue;
      let working = 0;
      for (let day = dayNumber(period.end) + 1; day <= dayNumber(d.due) && working === 0; day++) {
        if (isWorkingDayNumber(day, holidays, r.restDayMask)) working++;
      }
      if (working === 0) {
        failing++;
        example ??= { period: period.id, cutOff: period.end, due: d.due };
      }
    }
    if (example === null) return;
    issues.push(
      issueFrom(MSG.calendarNoWorkingDayAfterCutOff, `/reportingObligations/${i}/deadline`,
        { deadline: o.deadlineAsWritten, obligation: o.id, failing, period: example.period, cutOff: example.cutOff, due: example.due },
        { severity: 'warning' },
      ),
    );
  });
  return issues;
}
