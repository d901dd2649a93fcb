import { EgovPlanError, issueFrom, type Deadline, type Period, type Plan, type ReportStatus, type ReportingObligation } from '@egov-plan/core';
import { deadlineFor, lastDayOf, obligationDeadline, planCalendar, type DeadlineOptions } from './deadlines.js';
import { dayNumber, instantMs, localDayNumber, VIETNAM_TIME_ZONE, type InstantInput } from './time.js';
import * as MSG from '../messages.js';

/** Days before the last on-time day from which an unsubmitted report is `due-soon`, by default. */
export const DEFAULT_DUE_SOON_DAYS = 7;

/** Arguments of {@link deadlineStatus}. */
export interface DeadlineStatusInput {
  /** The moment the status is asked for. */
  at: InstantInput;
  /** When the report was submitted, if it was (a submission after `at` is not yet known at `at`). */
  submittedAt?: InstantInput | null;
  /** Days before the last on-time day counted as `due-soon` (default 7). */
  dueSoonDays?: number;
  /** Time zone of local dates (default Asia/Ho_Chi_Minh). */
  timeZone?: string;
}

/**
 * The status of one report against its deadline at an instant. A submission is on time when its
 * local date is on or before the last on-time day (the deadline ends at 24:00 local time, Civil
 * Code 2015 Art. 148(6)); for a deadline without a day (a window), the window's last day counts.
 *
 * - submitted (at or before `at`): `on-time` or `late`;
 * - otherwise: `overdue` after the last day; `due-soon` within `dueSoonDays` days of it — also
 *   before the window opens, since the due date governs; else `not-open` before the window opens
 *   (the day after the data cut-off) and `open` within it.
 */
export function deadlineStatus(deadline: Deadline, input: DeadlineStatusInput): ReportStatus {
  const tz = input.timeZone ?? VIETNAM_TIME_ZONE;
  const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) {
    throw new EgovPlanError([
      issueFrom(MSG.calendarInvalidDueSoonDays, '', { days: String(dueSoonDays) }),
    ]);
  }
  const atMs = instantMs(input.at, tz);
  const today = localDayNumber(atMs, tz);
  const last = dayNumber(lastDayOf(deadline));
  if (input.submittedAt !== undefined && input.submittedAt !== null) {
    const subMs = instantMs(input.submittedAt, tz);
    if (subMs <= atMs) return localDayNumber(subMs, tz) <= last ? 'on-time' : 'late';
  }
  if (today > last) return 'overdue';
  // The due date governs: a report due within dueSoonDays is due-soon even while its data has not
  // closed ("trước ngày 17" opens on the 15th; on the 12th it is due in 4 days, not "not open").
  if (last - today <= dueSoonDays) return 'due-soon';
  return today < dayNumber(deadline.window.start) ? 'not-open' : 'open';
}

/** Arguments of {@link reportStatus}. */
export interface ReportStatusInput extends DeadlineStatusInput, DeadlineOptions {
  /** The obligation, or its id when `plan` is given. */
  obligation: ReportingObligation | string;
  /** The period (object or id; null for a one-off obligation). */
  period: Period | string | null;
  /** The plan (needed for ids, the plan's calendar and the opening day of one-off obligations). */
  plan?: Plan;
}

/**
 * The status of one reporter's report for one period: `not-open`, `open`, `due-soon` (within 7
 * days by default), `overdue`, `on-time` or `late`, with the deadline it was judged against.
 */
export function reportStatus(input: ReportStatusInput): { status: ReportStatus; deadline: Deadline } {
  let deadline: Deadline;
  const periodId = input.period === null ? null : typeof input.period === 'string' ? input.period : input.period.id;
  if (input.plan) {
    deadline = obligationDeadline(input.plan, input.obligation, periodId, input);
  } else {
    if (typeof input.obligation === 'string' || typeof input.period === 'string') {
      throw new EgovPlanError([
        issueFrom(MSG.calendarPlanRequired, '', {}),
      ]);
    }
    deadline = deadlineFor(input.obligation, input.period, input);
  }
  // Local dates in the plan's own time zone unless one is given.
  const timeZone = input.timeZone ?? (input.plan ? planCalendar(input.plan).timeZone : VIETNAM_TIME_ZONE);
  return { status: deadlineStatus(deadline, { ...input, timeZone }), deadline };
}

/** One submission of a report. */
export interface Submission {
  /** Who submitted (agency or administrative unit id). */
  reporter: string;
  /** When. */
  submittedAt: InstantInput;
}

/** The result of {@link timelinessRate}. */
export interface TimelinessRate {
  /** Reporters expected to report. */
  expected: number;
  /** Reports received by `at` (each reporter counted once, its first submission). */
  submitted: number;
  /** Received on or before the last on-time day. */
  onTime: number;
  /** Received after it. */
  late: number;
  /** Not received by `at`. */
  missing: number;
  /** submitted / expected × 100 (DHIS2 "reporting rate"); null when nobody is expected. */
  reportingRate: number | null;
  /** onTime / expected × 100 (DHIS2 "reporting rate on time"); null when nobody is expected. */
  onTimeRate: number | null;
  /** Status of each expected reporter. */
  byReporter: Record<string, ReportStatus>;
}

/**
 * Completeness and timeliness across reporters for one deadline, like DHIS2's reporting rate and
 * reporting rate on time: each expected reporter's first submission counts. Submissions from
 * reporters not expected are ignored.
 */
export function timelinessRate(input: {
  deadline: Deadline;
  submissions: readonly Submission[];
  /** Expected reporters (default: the deadline's reporters). */
  reporters?: readonly string[];
  at: InstantInput;
  dueSoonDays?: number;
  timeZone?: string;
}): TimelinessRate {
  const tz = input.timeZone ?? VIETNAM_TIME_ZONE;
  const expected = [...new Set(input.reporters ?? input.deadline.reporters)];
  const atMs = instantMs(input.at, tz);
  const first = new Map<string, number>();
  for (const s of input.submissions) {
    const ms = instantMs(s.submittedAt, tz);
    if (ms > atMs) continue;
    const prev = first.get(s.reporter);
    if (prev === undefined || ms < prev) first.set(s.reporter, ms);
  }
  const byReporter: Record<string, ReportStatus> = {};
  let onTime = 0;
  let late = 0;
  for (const r of expected) {
    const status = deadlineStatus(input.deadline, { at: atMs, submittedAt: first.get(r) ?? null, timeZone: tz, ...(input.dueSoonDays === undefined ? {} : { dueSoonDays: input.dueSoonDays }) });
    byReporter[r] = status;
    if (status === 'on-time') onTime++;
    if (status === 'late') late++;
  }
  const submitted = onTime + late;
  const pct = (n: number) => (expected.length === 0 ? null : Math.round((n / expected.length) * 10000) / 100);
  return { expected: expected.length, submitted, onTime, late, missing: expected.length - submitted, reportingRate: pct(submitted), onTimeRate: pct(onTime), byReporter };
}
