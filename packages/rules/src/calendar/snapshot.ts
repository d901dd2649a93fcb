import type { Deadline, DeadlineAt as DeadlineAtOutput, Plan, ReportingCalendarSnapshot as ReportingCalendarSnapshotOutput } from '@egov-plan/core';
import { deadlineHistory, deadlinesAt, planCalendar, upcomingDeadlines, type DeadlineOptions } from './deadlines.js';
import { holidayCoverage, NO_HOLIDAYS, vietnamHolidays } from './holidays.js';
import { periodAt, periodIndexOfDay } from './periods.js';
import { deadlineStatus, DEFAULT_DUE_SOON_DAYS } from './status.js';
import { planTermAt } from './term.js';
import { civilFromDays, dateOfDayNumber, formatInstant, instantMs, localDayNumber, type InstantInput } from './time.js';

/** A deadline with the status an unsubmitted report would have at the instant asked about (the `DeadlineAt` schema of @egov-plan/core). */
export type DeadlineAt = DeadlineAtOutput;

/**
 * What {@link reportingCalendarAt} answers: which period it is, what is due, and how sure the
 * holiday data is; fields documented in the `ReportingCalendarSnapshot` schema of @egov-plan/core.
 */
export type ReportingCalendarSnapshot = ReportingCalendarSnapshotOutput;

/**
 * "What is due, by whom, when" for a plan at an instant: the period (of the calendar's primary
 * type) containing it, each obligation's deadline for that period, the upcoming deadline of each
 * obligation, the one-off deadlines of earlier periods as history, whether the plan still runs
 * (after its issuer ceased or its last phase ended it produces no deadlines and `term` says why,
 * naming the successor), and whether the holiday data of the year is complete. Status fields
 * assume nothing was submitted yet.
 */
export function reportingCalendarAt(plan: Plan, instant: InstantInput, options: DeadlineOptions & { dueSoonDays?: number } = {}): ReportingCalendarSnapshot {
  const r = planCalendar(plan);
  const ms = instantMs(instant, r.timeZone);
  const day = localDayNumber(ms, r.timeZone);
  const type = r.primaryPeriodType;
  const index = periodIndexOfDay(r, type, day) ?? civilFromDays(day)[0] + 1;
  const withStatus = (d: Deadline): DeadlineAt => ({ ...d, status: deadlineStatus(d, { at: ms, timeZone: r.timeZone, dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS }) });
  const holidays = options.holidays ?? (r.holidays === 'none' ? NO_HOLIDAYS : vietnamHolidays());
  return {
    at: formatInstant(ms, r.timeZone),
    localDate: dateOfDayNumber(day),
    timeZone: r.timeZone,
    period: periodAt(r, type, index),
    deadlines: deadlinesAt(plan, ms, options).map(withStatus),
    upcoming: upcomingDeadlines(plan, ms, options).map(withStatus),
    history: deadlineHistory(plan, ms, options),
    term: planTermAt(plan, dateOfDayNumber(day)),
    holidays: holidayCoverage(civilFromDays(day)[0], holidays),
  };
}
