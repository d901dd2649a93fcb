import { EgovPlanError, issueFrom, type Deadline, type Period, type Plan, type ReportingObligation } from '@egov-plan/core';
import { NO_HOLIDAYS, isWorkingDayNumber, type HolidayCalendar } from './holidays.js';
import { vietnamWorkingDays, type WorkingDayCalendar } from './working-days.js';
import { compiledArtifacts } from '../engine/plan-artifacts.js';
import { itemVersion } from '../engine/items.js';
import { calendarOf, periodAt, periodByIdIn, periodIndexOfDay, planCalendarRules, resolveCalendar, type CalendarRules, type ResolvedCalendar } from './periods.js';
import { planTerm, type PlanTerm } from './term.js';
import { civilFromDays, dateOfDayNumber, dayNumber, daysFromCivil, daysInMonth, instantMs, localDayNumber, type InstantInput } from './time.js';
import * as MSG from '../messages.js';

// A deadline is computed from an obligation's rule and a period: the nominal last on-time day
// (day N, or N−1 for "trước ngày N"), then, unless the rule turns it off, the next working day
// when that day is a weekly rest day or a holiday (Civil Code 2015 Art. 148).

/** Options of the deadline functions. */
export interface DeadlineOptions {
  /** Holiday data (default: the bundled Vietnamese holidays, or none when the calendar says `holidays: "none"`). */
  holidays?: HolidayCalendar;
}

/** A plan prepared for deadline arithmetic: its resolved calendar and the deadlines computed so far. */
interface PreparedPlan {
  calendar: CalendarRules;
  deadlines: Map<string, Deadline>;
}

// The resolved calendars planCalendar handed out, by the arithmetic they share (for a compiled
// plan or an unchanged calendar object: the same answer every time).
const declaredCalendars = new WeakMap<CalendarRules, ResolvedCalendar>();

/** The resolved calendar of a plan (its own, extended, or the Decree 09/2019 default). */
export function planCalendar(plan: Pick<Plan, 'calendar'>): ResolvedCalendar {
  const rules = prepare(plan).calendar;
  let resolved = declaredCalendars.get(rules);
  if (!resolved) {
    // The declared calendar, with its texts, beside the arithmetic the deadline functions use.
    resolved = plan.calendar ? { ...rules, calendar: resolveCalendar(calendarOf(plan)).calendar } : resolveCalendar();
    declaredCalendars.set(rules, resolved);
  }
  return resolved;
}

// A compiled plan (see `compilePlan`) carries its calendar and a memo of its deadlines; a plain
// plan is prepared again by every call, so that a plan changed between calls is read afresh.
function prepare(plan: Pick<Plan, 'calendar'>): PreparedPlan {
  return compiledArtifacts(plan) ?? { calendar: planCalendarRules(plan), deadlines: new Map() };
}

// The bundled holidays as working-day look-ups only (`vietnamWorkingDays`: the same answers as
// `vietnamHolidays()`), so that computing a deadline does not load the holiday data's texts.
function holidaysFor(r: CalendarRules, options: DeadlineOptions): WorkingDayCalendar {
  return options.holidays ?? (r.holidays === 'none' ? NO_HOLIDAYS : vietnamWorkingDays());
}

/** Absolute month (12·year + month − 1) of a local date. */
function absMonthOf(date: string): number {
  const [y, m] = civilFromDays(dayNumber(date));
  return y * 12 + m - 1;
}

function monthBounds(absMonth: number): [number, number] {
  const y = Math.floor(absMonth / 12);
  const m = absMonth - y * 12 + 1;
  const first = daysFromCivil(y, m, 1);
  return [first, first + daysInMonth(y, m) - 1];
}

/** Context of one deadline computation. */
export interface DeadlineContext extends DeadlineOptions {
  /** Weekly rest days bit mask (bit 0 = Sunday); default Saturday and Sunday. */
  restDayMask?: number;
  /** First day of the window of a one-off obligation (the plan's date); default: its due date. */
  opensOn?: string;
}

/**
 * The deadline of one obligation for one period (null for a one-off obligation). Pure.
 *
 * - `day-of-month`: day N of the period's last month (or of the month after it); `inclusive: false`
 *   makes N−1 the last on-time day; a day past the month's end is its last day.
 * - `fixed-date`: the date, or the day before it when exclusive.
 * - `window`: `due: null`, and the window is the whole month.
 *
 * With `rollOver`, a last day that is not a working day moves to the next working day.
 */
export function deadlineFor(obligation: ReportingObligation, period: Period | null, context: DeadlineContext = {}): Deadline {
  return deadlineWith(obligation, period, context.holidays ?? vietnamWorkingDays(), context);
}

/** {@link deadlineFor} with the working-day look-ups to use. */
function deadlineWith(obligation: ReportingObligation, period: Period | null, holidays: WorkingDayCalendar, context: Omit<DeadlineContext, 'holidays'>): Deadline {
  const rule = obligation.deadline;
  const mask = context.restDayMask ?? 0b1000001;
  if (rule.kind !== 'fixed-date' && period === null) {
    throw new EgovPlanError([
      issueFrom(MSG.calendarPeriodRequired, '', { obligation: obligation.id }),
    ]);
  }
  if (period !== null && obligation.periodType !== null && rule.kind !== 'fixed-date' && period.type !== obligation.periodType) throw periodMismatch(obligation, period);
  const base = {
    obligation: obligation.id,
    period: period?.id ?? null,
    wording: obligation.deadlineAsWritten,
    reporters: obligation.reporters,
    recipients: obligation.recipients,
    source: obligation.source,
  };
  if (rule.kind === 'window') {
    const month = absMonthOf((period as Period).end) + (rule.month === 'after-period' ? 1 : 0);
    const [first, last] = monthBounds(month);
    return {
      ...base,
      due: null,
      nominalDue: null,
      window: { start: dateOfDayNumber(first), end: dateOfDayNumber(last) },
      inclusive: null,
      rollOver: false,
      rolledOver: false,
      holidayData: coverageOf(holidays, first, last),
    };
  }
  let nominal: number;
  let opens: number;
  if (rule.kind === 'day-of-month') {
    const p = period as Period;
    const month = absMonthOf(p.end) + (rule.month === 'after-period' ? 1 : 0);
    const [first, last] = monthBounds(month);
    nominal = Math.min(first + rule.day - 1, last) - (rule.inclusive ? 0 : 1);
    opens = dayNumber(p.end) + 1;
  } else {
    nominal = dayNumber(rule.date) - (rule.inclusive ? 0 : 1);
    opens = context.opensOn ? dayNumber(context.opensOn) : nominal;
  }
  let due = nominal;
  if (rule.rollOver) {
    for (let i = 0; i < 60 && !isWorkingDayNumber(due, holidays, mask); i++) due++;
  }
  return {
    ...base,
    due: dateOfDayNumber(due),
    nominalDue: dateOfDayNumber(nominal),
    window: { start: dateOfDayNumber(Math.min(opens, due)), end: dateOfDayNumber(due) },
    inclusive: rule.inclusive,
    rollOver: rule.rollOver,
    rolledOver: due !== nominal,
    holidayData: coverageOf(holidays, nominal, due),
  };
}

function periodMismatch(obligation: ReportingObligation, period: Period): EgovPlanError {
  const expected = obligation.periodType === null ? 'một lần / one-off' : obligation.periodType;
  return new EgovPlanError([
    issueFrom(MSG.calendarPeriodTypeMismatch, '', {
      obligation: obligation.id,
      expected,
      period: period.id,
      type: period.type,
      system: period.system === 'calendar' ? { vi: ', kỳ theo lịch', en: ' of the plain calendar' } : '',
    }),
  ]);
}

function coverageOf(holidays: WorkingDayCalendar, from: number, to: number): Deadline['holidayData'] {
  const first = civilFromDays(from)[0];
  const last = civilFromDays(to)[0];
  const years: number[] = [];
  // A calendar declaring no holidays (`holidays: "none"`) lacks nothing: weekly rest days are all there is.
  let complete = true;
  for (let y = first; y <= last; y++) {
    years.push(y);
    if (holidays !== NO_HOLIDAYS && !holidays.years.get(y)?.complete) complete = false;
  }
  return { complete, years };
}

function unknownObligation(plan: Plan, id: string): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.calendarUnknownObligation, '', { plan: plan.id, obligation: id }),
  ]);
}

/**
 * The deadline of one obligation of a plan for a period id (ignored for one-off obligations).
 * A compiled plan (see `compilePlan`) remembers the deadlines it computed with its own holiday
 * data; a plain plan is read afresh by every call.
 */
export function obligationDeadline(plan: Plan, obligation: ReportingObligation | string, periodId: string | null, options: DeadlineOptions = {}): Deadline {
  const d = deadlineIn(prepare(plan), plan, obligation, periodId, options);
  if (d === null) {
    const id = typeof obligation === 'string' ? obligation : obligation.id;
    throw new EgovPlanError([
      issueFrom(MSG.calendarUnknownObligationWithdrawn, '', { obligation: id, plan: plan.id, period: periodId ?? { vi: 'này', en: 'this one' } }),
    ]);
  }
  return d;
}

// The deadline of one obligation for one period, with the obligation in the version in force at
// the period's end (a one-off: its last version); null when the obligation is withdrawn by then.
function deadlineIn(p: PreparedPlan, plan: Plan, obligation: ReportingObligation | string, periodId: string | null, options: DeadlineOptions): Deadline | null {
  const o = typeof obligation === 'string' ? plan.reportingObligations.find((x) => x.id === obligation) : obligation;
  if (!o) throw unknownObligation(plan, String(obligation));
  return deadlineOf(p, plan, o, periodId, options);
}

// {@link deadlineIn} for an obligation given as itself (the listings walk the plan's own), so
// that they do not carry the look-up by id and its message.
function deadlineOf(p: PreparedPlan, plan: Plan, o: ReportingObligation, periodId: string | null, options: DeadlineOptions): Deadline | null {
  const key = `${o.id}|${o.periodType === null ? '' : (periodId ?? '')}`;
  // Cache only the plan's own obligations under their id (an object passed in may differ).
  const useCache = options.holidays === undefined && plan.reportingObligations.includes(o);
  const hit = useCache ? p.deadlines.get(key) : undefined;
  if (hit) return hit;
  const period = o.periodType === null || periodId === null ? null : periodByIdIn(p.calendar, periodId);
  // A plan's recurring obligations run over the plan's reporting periods of their own type.
  if (period !== null && (period.system !== 'reporting' || period.type !== o.periodType)) throw periodMismatch(o, period);
  const version = plan.reportingObligations.includes(o) ? itemVersion(plan, 'reportingObligations', o, period?.end ?? null) : o;
  if (version === undefined) return null;
  const d = deadlineWith(version, period, holidaysFor(p.calendar, options), { restDayMask: p.calendar.restDayMask, opensOn: plan.date });
  if (useCache) p.deadlines.set(key, d);
  return d;
}

const owedOnly = (d: Deadline | null): d is Deadline => d !== null;

/**
 * The deadlines of a plan for one period: one per obligation whose period type is the period's
 * type, in the order of the plan.
 *
 * @example deadlinesFor(plan, '2020Q1').map((d) => d.due) // ['2020-03-16', '2020-03-20', null]
 */
export function deadlinesFor(plan: Plan, periodId: string, options: DeadlineOptions = {}): Deadline[] {
  const p = prepare(plan);
  const period = periodByIdIn(p.calendar, periodId);
  return plan.reportingObligations
    .filter((o) => o.periodType === period.type)
    .map((o) => deadlineOf(p, plan, o, period.id, options))
    .filter(owedOnly);
}

/**
 * Whether a deadline is owed within the plan's term: its period ended by the end of the plan's
 * last phase (a one-off: its last day did), and its last day is not after the issuer's last day.
 * A report nobody owes — Kon Tum's 2025Q3 report after Kon Tum province ceased on 2025-06-30 —
 * is not listed.
 */
function owed(term: PlanTerm, d: Deadline, periodEnd: string | null): boolean {
  const last = lastDayOf(d);
  if (term.issuerLastDay !== null && last > term.issuerLastDay) return false;
  return term.lastPhaseEnd === null || (periodEnd ?? last) <= term.lastPhaseEnd;
}

/** The period of the calendar's primary type containing a local day (for a 9-month type outside its span, the next one). */
function primaryPeriodOf(r: CalendarRules, day: number): Period {
  return periodAt(r, r.primaryPeriodType, periodIndexOfDay(r, r.primaryPeriodType, day) ?? nextNineMonthIndex(day));
}

/**
 * The deadlines of a plan at an instant, those of the current period: for a recurring
 * obligation, the one of the period of its type containing the instant (or, for a 9-month
 * obligation outside its span, the next one); a one-off obligation only when its last day lies
 * in the period of the calendar's primary type (the quarter) containing the instant — in a later
 * period it is history ({@link deadlineHistory}), never a current deadline. Deadlines nobody owes
 * (after the plan's last phase or after its issuer ceased, see {@link planTerm}) are left out.
 */
export function deadlinesAt(plan: Plan, instant: InstantInput, options: DeadlineOptions = {}): Deadline[] {
  const p = prepare(plan);
  const day = localDayNumber(instantMs(instant, p.calendar.timeZone), p.calendar.timeZone);
  const term = planTerm(plan);
  const current = primaryPeriodOf(p.calendar, day);
  return plan.reportingObligations.flatMap((o) => {
    if (o.periodType === null) {
      const d = deadlineOf(p, plan, o, null, options);
      if (d === null) return [];
      const last = lastDayOf(d);
      return last >= current.start && last <= current.end && owed(term, d, null) ? [d] : [];
    }
    const period = periodAt(p.calendar, o.periodType, periodIndexOfDay(p.calendar, o.periodType, day) ?? nextNineMonthIndex(day));
    const d = deadlineOf(p, plan, o, period.id, options);
    return d !== null && owed(term, d, period.end) ? [d] : [];
  });
}

/**
 * The one-off deadlines of a plan that belong to a period before the one (of the calendar's
 * primary type) containing the instant: "hoàn thành trước 20/5/2019" seen from 2024 is history,
 * listed here and never among the current deadlines.
 */
export function deadlineHistory(plan: Plan, instant: InstantInput, options: DeadlineOptions = {}): Deadline[] {
  const p = prepare(plan);
  const day = localDayNumber(instantMs(instant, p.calendar.timeZone), p.calendar.timeZone);
  const term = planTerm(plan);
  const current = primaryPeriodOf(p.calendar, day);
  return plan.reportingObligations
    .filter((o) => o.periodType === null)
    .map((o) => deadlineOf(p, plan, o, null, options))
    .filter(owedOnly)
    .filter((d) => lastDayOf(d) < current.start && owed(term, d, null))
    .sort((a, b) => (lastDayOf(a) < lastDayOf(b) ? -1 : lastDayOf(a) > lastDayOf(b) ? 1 : 0));
}

function nextNineMonthIndex(day: number): number {
  return civilFromDays(day)[0] + 1;
}

/** Last day a deadline can be met on: its due date, or the end of its window when it has none. */
export function lastDayOf(deadline: Deadline): string {
  return deadline.due ?? deadline.window.end;
}

/**
 * For each obligation of a plan, the next deadline whose last day (due date, or window end when
 * the source gives no day) is on or after the instant's local date. It may belong to an earlier
 * period than the one containing the instant: on 2020-03-16 the quarter is 2020Q2 while 2020Q1's
 * reports are due. A one-off obligation whose date has passed has none and is left out; so is a
 * deadline nobody owes (after the plan's term, see {@link planTerm}).
 *
 * @example
 * // What the reporters of the Kon Tum plan must send next, seen on 16 March 2020 at 09:00 (+07:00):
 * for (const d of upcomingDeadlines(bundledPlan('kontum-1102-2019'), '2020-03-16T09:00')) {
 *   console.log(d.obligation, d.period, d.due ?? `${d.window.start} … ${d.window.end}`, d.wording);
 * }
 */
export function upcomingDeadlines(plan: Plan, instant: InstantInput, options: DeadlineOptions = {}): Deadline[] {
  const p = prepare(plan);
  const day = localDayNumber(instantMs(instant, p.calendar.timeZone), p.calendar.timeZone);
  const today = dateOfDayNumber(day);
  const term = planTerm(plan);
  const out: Deadline[] = [];
  for (const o of plan.reportingObligations) {
    if (o.periodType === null) {
      const d = deadlineOf(p, plan, o, null, options);
      if (d !== null && lastDayOf(d) >= today && owed(term, d, null)) out.push(d);
      continue;
    }
    // Start three periods back: a deadline in the month after a period can fall after the next period began.
    let index = (periodIndexOfDay(p.calendar, o.periodType, day) ?? nextNineMonthIndex(day)) - 3;
    for (let i = 0; i < 12; i++, index++) {
      const period = periodAt(p.calendar, o.periodType, index);
      const d = deadlineOf(p, plan, o, period.id, options);
      // A period whose report is withdrawn owes nothing: look at the next one.
      if (d === null) continue;
      if (lastDayOf(d) >= today) {
        // Later periods end later still: once one is not owed, none is.
        if (owed(term, d, period.end)) out.push(d);
        break;
      }
    }
  }
  return out.sort((a, b) => (lastDayOf(a) < lastDayOf(b) ? -1 : lastDayOf(a) > lastDayOf(b) ? 1 : 0));
}

/**
 * Most deadlines {@link deadlinesBetween} lists (and calendar events `planCalendarEvents` of `@egov-plan/rules/ics`
 * exports) by default: far above any real plan (Kon Tum 2019–2025: 76 deadlines; 50 monthly
 * obligations over 80 years: 48,000), far below what exhausts memory. A range that holds more is
 * refused with `calendar.too_many_events` instead of being produced.
 */
export const DEFAULT_MAX_CALENDAR_EVENTS = 50_000;

/** Options of {@link deadlinesBetween}. */
export interface DeadlinesBetweenOptions extends DeadlineOptions {
  /** Most deadlines listed (default {@link DEFAULT_MAX_CALENDAR_EVENTS}); more is `calendar.too_many_events`. */
  maxDeadlines?: number;
}

/** The error for a range holding more calendar events than allowed. @internal */
export function tooManyEvents(max: number, from: string, to: string): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.calendarTooManyEvents, '', { from, to, max }),
  ]);
}

/**
 * Every deadline of a plan whose last day lies in `[from, to]` (local dates, inclusive), in date
 * order: the recurring obligations period by period, and the one-off ones; deadlines nobody owes
 * (after the plan's term) are left out. Throws {@link EgovPlanError} `calendar.too_many_events`
 * past `maxDeadlines` (default {@link DEFAULT_MAX_CALENDAR_EVENTS}), so an absurd range costs
 * bounded work.
 */
export function deadlinesBetween(plan: Plan, from: string, to: string, options: DeadlinesBetweenOptions = {}): Deadline[] {
  const p = prepare(plan);
  const max = options.maxDeadlines ?? DEFAULT_MAX_CALENDAR_EVENTS;
  const start = dayNumber(from);
  const term = planTerm(plan);
  // No deadline is owed past the term: periods after its last day need not be visited.
  const end = term.lastDay === null ? dayNumber(to) : Math.min(dayNumber(to), dayNumber(term.lastDay));
  const out: Deadline[] = [];
  const add = (d: Deadline) => {
    if (out.length >= max) throw tooManyEvents(max, from, to);
    out.push(d);
  };
  for (const o of plan.reportingObligations) {
    if (o.periodType === null) {
      const d = deadlineOf(p, plan, o, null, options);
      if (d === null) continue;
      const last = dayNumber(lastDayOf(d));
      if (last >= start && last <= end && owed(term, d, null)) add(d);
      continue;
    }
    if (end < start) continue;
    const first = (periodIndexOfDay(p.calendar, o.periodType, start) ?? nextNineMonthIndex(start)) - 3;
    const lastIndex = (periodIndexOfDay(p.calendar, o.periodType, end) ?? nextNineMonthIndex(end)) + 1;
    for (let index = first; index <= lastIndex; index++) {
      const period = periodAt(p.calendar, o.periodType, index);
      const d = deadlineOf(p, plan, o, period.id, options);
      if (d === null) continue;
      const last = dayNumber(lastDayOf(d));
      if (last >= start && last <= dayNumber(to) && owed(term, d, period.end)) add(d);
    }
  }
  return out.sort((a, b) => (lastDayOf(a) < lastDayOf(b) ? -1 : lastDayOf(a) > lastDayOf(b) ? 1 : a.obligation < b.obligation ? -1 : 1));
}
