import type { AdministrativeLevel, BilingualText, Deadline, Indicator, LeftOutValue, Plan, ReportStatus, Target, TaskStatus } from '@egov-plan/core';
import {
  deadlinesFor,
  expectedReporters,
  deadlineStatus,
  periodByIdIn,
  planCalendar,
  reportingCalendarAt,
  timelinessRate,
  type DeadlineAt,
  type Evaluation,
  type InstantInput,
  type MeasurementSet,
  type ProgressReport,
  type ProgressResult,
  type ReportingCalendarSnapshot,
  type TargetResult,
  type TaskReport,
} from '@egov-plan/rules';

/** One report submission: who sent which obligation's report for which period, and when. */
export interface ReportSubmission {
  /** Obligation id (`reportingObligations[].id`). */
  obligation: string;
  /** Period id, or null for a one-off obligation. */
  period: string | null;
  /** Who submitted (agency or administrative unit id). */
  reporter: string;
  /** When. */
  submittedAt: InstantInput;
}

/**
 * What a quarterly report is made from: plain data the library's functions return. Only `plan`
 * and `evaluation` are required; a part left out is named as unknown in the report, never
 * silently skipped.
 */
export interface QuarterlyReportInput {
  plan: Plan;
  /** `evaluate(plan, measurements, { at })`. */
  evaluation: Evaluation;
  /** `progress(plan, measurements, { at })`: on track / at risk per target and unit. */
  progress?: ProgressReport | null;
  /** The measurements evaluated; gives each progress chart its full series. */
  measurements?: MeasurementSet | null;
  /**
   * The period reported on and its deadlines with their status: {@link periodCalendar} for a
   * named quarter, or `reportingCalendarAt(plan, at)` for the quarter containing an instant.
   */
  calendar?: ReportCalendar | null;
  /** `planTaskStatuses(plan, at)`. */
  tasks?: readonly TaskReport[] | null;
  /**
   * Report submissions (from a store). `null` or absent: submissions are unknown, and the report
   * says so instead of calling everyone late.
   */
  submissions?: readonly ReportSubmission[] | null;
  /**
   * Who is expected to report for an obligation: obligation id → reporter ids. Default: the
   * deadline's reporters with each collective expanded into its members as `expectedReporters`
   * of `@egov-plan/rules` does (the same reporters `egov-plan calendar --period` counts).
   */
  expectedReporters?: Readonly<Record<string, readonly string[]>>;
  /** Shown as the time the report was made (ISO 8601); default: the evaluation date. */
  generatedAt?: string;
}

/** The part of a calendar snapshot the report reads (a `ReportingCalendarSnapshot` is one). */
export type ReportCalendar = Pick<ReportingCalendarSnapshot, 'at' | 'timeZone' | 'period' | 'deadlines'> & { holidays?: { covered: boolean } };

/**
 * The deadlines of one reporting period (`2020Q4`) with the status each would have at `at` if
 * nothing was submitted: the calendar of a report on that period written at that instant (after
 * the quarter, when its reports fall due).
 */
export function periodCalendar(plan: Plan, periodId: string, at: InstantInput): ReportCalendar {
  const snapshot = reportingCalendarAt(plan, at);
  const timeZone = planCalendar(plan).timeZone;
  const deadlines: DeadlineAt[] = deadlinesFor(plan, periodId).map((d) => ({ ...d, status: deadlineStatus(d, { at, timeZone }) }));
  const period = periodByIdIn(planCalendar(plan), periodId);
  return { at: snapshot.at, timeZone, period, deadlines, holidays: snapshot.holidays };
}

/** One org unit's row of a target: its value and verdict, with its name. */
export interface ReportRow {
  orgUnit: string;
  name: BilingualText;
  level: AdministrativeLevel | null;
  status: TargetResult['status'];
  value: number | boolean | null;
  gap: number | null;
  period: string | null;
}

/** One target of an indicator with its rows, units below target first. */
export interface ReportTarget {
  target: Target;
  /** The target value in force at the evaluation date (an override may have changed it). */
  targetValue: number | boolean;
  comparator: TargetResult['comparator'];
  rows: ReportRow[];
  counts: Record<TargetResult['status'], number>;
  /**
   * For a whole-province target: the org units behind the province's figure, each with its own
   * value against the target line (informative: the target binds the total), units below it
   * first. For a target with a level, the evaluation's own per-unit results (every unit of the
   * level that reported, summed or not: see `rollUp`); otherwise, when the measurements are given
   * and the figure was summed, the units whose counts were summed. Empty otherwise.
   */
  contributors: ReportRow[];
  /** What the province's figure summed, left out and covered (see `TargetResult.rollUp`), with names; null when not computed from the units. */
  rollUp: ReportRollUp | null;
}

/** What a whole-province figure computed from the units summed, left out and covered, with names. */
export interface ReportRollUp {
  /** How many units' counts were summed. */
  summed: number;
  /** Every value received and not summed, with the unit's name and why. */
  leftOut: (LeftOutValue & { name: BilingualText })[];
  /** How many of the level's known units reported, and which did not (with names); null for a target without a level. */
  coverage: { level: AdministrativeLevel; known: number; reported: number; missing: { orgUnit: string; name: BilingualText }[] } | null;
}

/** One indicator of the report: its targets in force, most missed first. */
export interface ReportIndicator {
  indicator: Indicator;
  targets: ReportTarget[];
  /** Rows below target over all its targets. */
  below: number;
  /** False when no row of any of its targets has a value yet. */
  hasData: boolean;
}

/** One progress verdict with the series of values behind it, most at risk first. */
export interface ReportProgress {
  result: ProgressResult;
  name: BilingualText;
  indicator: Indicator | null;
  /** Measured values, oldest first (the full series when measurements were given). */
  series: { period: string; end: string; value: number }[];
}

/** Task counts of one lead agency. */
export interface AgencyTasks {
  agency: string;
  name: BilingualText;
  counts: Record<TaskStatus, number>;
  total: number;
}

/** The tasks part: counts by status and by lead agency, overdue tasks listed. */
export interface ReportTasks {
  counts: Record<TaskStatus, number>;
  byAgency: AgencyTasks[];
  overdue: TaskReport[];
  total: number;
}

/** One reporter's status for a deadline. */
export interface ReporterStatus {
  reporter: string;
  name: BilingualText;
  status: ReportStatus;
}

/** One deadline of the period: who is late, when submissions are known. */
export interface ReportDeadline {
  deadline: Deadline & { status: ReportStatus };
  subject: BilingualText;
  reporters: BilingualText[];
  /** Null when submissions are unknown. */
  reporterStatus: ReporterStatus[] | null;
  /** On-time rate in percent, when submissions are known and someone is expected. */
  onTimeRate: number | null;
  /** Submissions for this deadline from reporters not expected (named, not dropped). */
  unexpected: string[];
}

/** The report as data, language-neutral: what {@link renderReportHtml} and {@link renderReportMarkdown} draw. */
export interface QuarterlyReport {
  plan: { id: string; number: string; title: BilingualText; issuer: BilingualText };
  at: string;
  generatedAt: string;
  phases: BilingualText[];
  /** The reporting period (from the calendar), or null when no calendar was given. */
  period: { id: string; start: string; end: string } | null;
  /** True when no measurement counted for any target. */
  empty: boolean;
  /** Every row below target, across indicators, furthest behind first. */
  below: (ReportRow & { indicator: Indicator; target: Target; targetValue: number | boolean; comparator: TargetResult['comparator'] })[];
  indicators: ReportIndicator[];
  summary: Evaluation['summary'];
  /** Measurement rows left out, with their issues (from the evaluation). */
  issues: Evaluation['issues'];
  progress: ReportProgress[] | null;
  tasks: ReportTasks | null;
  deadlines: ReportDeadline[] | null;
  submissionsKnown: boolean;
  holidaysComplete: boolean | null;
}

const STATUS_ORDER: Record<TargetResult['status'], number> = { 'not-met': 0, 'no-data': 1, met: 2, 'not-applicable': 3 };
const PROGRESS_ORDER: Record<ProgressResult['status'], number> = { 'off-track': 0, 'at-risk': 1, 'on-track': 2, 'not-available': 3 };
const TASK_STATUSES: TaskStatus[] = ['overdue', 'in-progress', 'not-started', 'ongoing', 'done'];
const zeroTasks = (): Record<TaskStatus, number> => ({ overdue: 0, 'in-progress': 0, 'not-started': 0, ongoing: 0, done: 0 });

/** Names of org units and agencies: agencies by id, administrative units by code, else the id itself. */
function namer(plan: Plan): (id: string) => BilingualText {
  const names = new Map<string, BilingualText>();
  for (const u of plan.administrativeUnits) names.set(u.code, u.name);
  for (const a of plan.agencies) names.set(a.id, a.name);
  return (id) => names.get(id) ?? { vi: id, en: id };
}

/** How far behind a row is, for ordering: the shortfall relative to the target (larger first). */
function shortfall(row: ReportRow, targetValue: number | boolean): number {
  if (row.gap === null || typeof targetValue !== 'number' || targetValue === 0) return row.status === 'not-met' ? 1 : 0;
  return -row.gap / targetValue;
}

function compareRows(targetValue: number | boolean) {
  return (a: ReportRow, b: ReportRow) =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || shortfall(b, targetValue) - shortfall(a, targetValue) || (a.orgUnit < b.orgUnit ? -1 : a.orgUnit > b.orgUnit ? 1 : 0);
}

/**
 * Builds the report's content from plain data: each indicator's targets with their org units
 * (units below target first), progress (most at risk first), tasks by status and lead agency,
 * and the period's deadlines with who is late. Pure: the same input gives the same report.
 */
export function buildQuarterlyReport(input: QuarterlyReportInput): QuarterlyReport {
  const { plan, evaluation } = input;
  const name = namer(plan);
  const indicatorById = new Map(plan.indicators.map((i) => [i.id, i]));
  // The verdicts (headline results); the per-unit results of whole-province targets are shown
  // beside their target's figure, not as verdicts of their own.
  const judged = evaluation.results.filter((r) => r.status !== 'not-applicable');
  const results = judged.filter((r) => r.headline !== false);
  const perUnit = new Map<string, TargetResult[]>();
  for (const r of judged) {
    if (r.headline !== false) continue;
    const list = perUnit.get(`${r.indicator}\u0000${r.target}`);
    if (list) list.push(r);
    else perUnit.set(`${r.indicator}\u0000${r.target}`, [r]);
  }

  // Indicators → targets → rows, in the plan's order.
  const byTarget = new Map<string, TargetResult[]>();
  for (const r of results) {
    const list = byTarget.get(`${r.indicator}\u0000${r.target}`);
    if (list) list.push(r);
    else byTarget.set(`${r.indicator}\u0000${r.target}`, [r]);
  }
  const indicators: ReportIndicator[] = [];
  const below: QuarterlyReport['below'] = [];
  for (const indicator of plan.indicators) {
    const targets: ReportTarget[] = [];
    for (const target of indicator.targets) {
      const list = byTarget.get(`${indicator.id}\u0000${target.id}`);
      if (!list) continue;
      const first = list[0] as TargetResult;
      const toRow = (r: TargetResult): ReportRow => ({ orgUnit: r.orgUnit, name: name(r.orgUnit), level: r.level, status: r.status, value: r.value, gap: r.gap, period: r.period });
      const rows: ReportRow[] = list.map(toRow).sort(compareRows(first.targetValue));
      const counts = { met: 0, 'not-met': 0, 'no-data': 0, 'not-applicable': 0 };
      for (const row of rows) counts[row.status]++;
      const units = perUnit.get(`${indicator.id}\u0000${target.id}`);
      const contributors = units
        ? units
            .filter((r) => typeof r.value === 'number')
            .map(toRow)
            .sort(compareRows(first.targetValue))
        : contributorRows(first, input.measurements ?? null, name);
      const r = first.rollUp ?? null;
      const rollUp: ReportRollUp | null = r && {
        summed: r.summed.length,
        leftOut: r.leftOut.map((x) => ({ ...x, name: name(x.orgUnit) })),
        coverage: r.coverage && { ...r.coverage, missing: r.coverage.missing.map((orgUnit) => ({ orgUnit, name: name(orgUnit) })) },
      };
      targets.push({ target, targetValue: first.targetValue, comparator: first.comparator, rows, counts, contributors, rollUp });
      for (const row of rows) if (row.status === 'not-met') below.push({ ...row, indicator, target, targetValue: first.targetValue, comparator: first.comparator });
    }
    if (targets.length) {
      indicators.push({ indicator, targets, below: targets.reduce((n, t) => n + t.counts['not-met'], 0), hasData: targets.some((t) => t.rows.some((row) => row.status !== 'no-data')) });
    }
  }
  // Indicators with units below target first, those without data last; otherwise the plan's order.
  const order = new Map(indicators.map((i, n) => [i, n]));
  indicators.sort((a, b) => (b.below > 0 ? 1 : 0) - (a.below > 0 ? 1 : 0) || Number(b.hasData) - Number(a.hasData) || (order.get(a) as number) - (order.get(b) as number));
  below.sort((a, b) => shortfall(b, b.targetValue) - shortfall(a, a.targetValue) || (a.indicator.id < b.indicator.id ? -1 : a.indicator.id > b.indicator.id ? 1 : 0));

  const calendar = input.calendar ?? null;
  const phaseNames = evaluation.phases.map((id) => plan.phases.find((p) => p.id === id)?.name ?? { vi: id, en: id });
  return {
    plan: { id: plan.id, number: plan.number, title: plan.title, issuer: plan.issuer.name },
    at: evaluation.at,
    generatedAt: input.generatedAt ?? evaluation.at,
    phases: phaseNames,
    period: calendar ? { id: calendar.period.id, start: calendar.period.start, end: calendar.period.end } : null,
    empty: results.every((r) => r.status === 'no-data'),
    below,
    indicators,
    summary: evaluation.summary,
    issues: evaluation.issues,
    progress: input.progress ? progressPart(input.progress, input.measurements ?? null, name, indicatorById) : null,
    tasks: input.tasks ? tasksPart(input.tasks) : null,
    deadlines: calendar ? deadlinesPart(plan, calendar, input, name) : null,
    submissionsKnown: input.submissions !== undefined && input.submissions !== null,
    holidaysComplete: calendar ? (calendar.holidays?.covered ?? null) : null,
  };
}

const MEETS: Record<TargetResult['comparator'], (v: number, t: number) => boolean> = {
  gte: (v, t) => v >= t,
  gt: (v, t) => v > t,
  lte: (v, t) => v <= t,
  lt: (v, t) => v < t,
  eq: (v, t) => v === t,
};

/** The org units behind a summed whole-province figure: those with counts in the period that counted. */
function contributorRows(result: TargetResult, measurements: MeasurementSet | null, name: (id: string) => BilingualText): ReportRow[] {
  if (!measurements || result.basis !== 'summed-counts' || result.period === null || typeof result.targetValue !== 'number') return [];
  const targetValue = result.targetValue;
  const rows: ReportRow[] = [];
  for (const o of measurements.observations) {
    if (o.indicator !== result.indicator || o.period !== result.period || o.orgUnit === result.orgUnit) continue;
    if (o.numerator === undefined || o.denominator === undefined || typeof o.value !== 'number') continue;
    if (result.targetLevel !== null && o.level !== result.targetLevel) continue;
    const gap = Math.round((o.value - targetValue) * 1e6) / 1e6;
    rows.push({ orgUnit: o.orgUnit, name: name(o.orgUnit), level: o.level, status: MEETS[result.comparator](o.value, targetValue) ? 'met' : 'not-met', value: o.value, gap, period: o.period });
  }
  return rows.sort(compareRows(targetValue));
}

function progressPart(report: ProgressReport, measurements: MeasurementSet | null, name: (id: string) => BilingualText, indicators: Map<string, Indicator>): ReportProgress[] {
  const series = new Map<string, { period: string; end: string; value: number }[]>();
  for (const o of measurements?.observations ?? []) {
    if (typeof o.value !== 'number' || o.end > report.at) continue;
    const k = `${o.indicator}\u0000${o.orgUnit}`;
    const list = series.get(k) ?? [];
    list.push({ period: o.period, end: o.end, value: o.value });
    series.set(k, list);
  }
  return report.results
    .map((result) => {
      let points = [...(series.get(`${result.indicator}\u0000${result.orgUnit}`) ?? [])].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
      // Without measurements (or for summed province figures), the points progress judged on.
      if (points.length === 0) points = [result.baseline, result.current].filter((p): p is NonNullable<typeof p> => p !== null);
      return { result, name: name(result.orgUnit), indicator: indicators.get(result.indicator) ?? null, series: points };
    })
    .sort((a, b) => PROGRESS_ORDER[a.result.status] - PROGRESS_ORDER[b.result.status] || (a.result.ratio ?? 0) - (b.result.ratio ?? 0));
}

function tasksPart(tasks: readonly TaskReport[]): ReportTasks {
  const counts = zeroTasks();
  const agencies = new Map<string, AgencyTasks>();
  for (const t of tasks) {
    counts[t.status]++;
    for (const lead of t.lead) {
      const a = agencies.get(lead.id) ?? { agency: lead.id, name: lead.name, counts: zeroTasks(), total: 0 };
      a.counts[t.status]++;
      a.total++;
      agencies.set(lead.id, a);
    }
  }
  const byAgency = [...agencies.values()].sort((a, b) => b.counts.overdue - a.counts.overdue || b.total - a.total || (a.agency < b.agency ? -1 : 1));
  return { counts, byAgency, overdue: tasks.filter((t) => t.status === 'overdue'), total: tasks.length };
}

function deadlinesPart(plan: Plan, calendar: ReportCalendar, input: QuarterlyReportInput, name: (id: string) => BilingualText): ReportDeadline[] {
  const obligations = new Map(plan.reportingObligations.map((o) => [o.id, o]));
  const submissions = input.submissions ?? null;
  return calendar.deadlines.map((deadline) => {
    const subject = obligations.get(deadline.obligation)?.subject ?? { vi: deadline.obligation, en: deadline.obligation };
    const base = { deadline, subject, reporters: deadline.reporters.map(name) };
    if (!submissions) return { ...base, reporterStatus: null, onTimeRate: null, unexpected: [] };
    const expected = input.expectedReporters?.[deadline.obligation] ?? expectedReporters(plan, deadline).reporters.map((r) => r.reporter);
    const mine = submissions.filter((s) => s.obligation === deadline.obligation && s.period === deadline.period);
    const rate = timelinessRate({ deadline, submissions: mine, reporters: expected, at: calendar.at, timeZone: calendar.timeZone });
    const reporterStatus = expected
      .map((r) => ({ reporter: r, name: name(r), status: rate.byReporter[r] as ReportStatus }))
      .sort((a, b) => LATE_ORDER[a.status] - LATE_ORDER[b.status] || (a.reporter < b.reporter ? -1 : 1));
    const unexpected = [...new Set(mine.map((s) => s.reporter).filter((r) => !expected.includes(r)))];
    return { ...base, reporterStatus, onTimeRate: rate.onTimeRate, unexpected };
  });
}

// Who is late first: overdue (missing), late, then the rest.
const LATE_ORDER: Record<ReportStatus, number> = { overdue: 0, late: 1, 'due-soon': 2, open: 3, 'not-open': 4, 'on-time': 5 };

export { TASK_STATUSES };
