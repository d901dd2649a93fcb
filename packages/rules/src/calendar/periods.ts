import {
  EgovPlanError,
  ReportingCalendar,
  fromZodIssue,
  issueFrom,
  type Period,
  type PeriodType,
  type Plan,
  type ReportingCalendarInput,
  type TilingPeriodType,
} from '@egov-plan/core';
import decree09 from '../../data/calendar-decree-09-2019.json';
import { daysFromCivil, daysInMonth, formatLocalDate, instantMs, localDayNumber, civilFromDays, dayNumber, type InstantInput } from './time.js';
import * as MSG from '../messages.js';
import { valueKind } from '../words.js';

// Period arithmetic on integers. A period of a type is identified by an index: months count
// from year 0 (index = 12·year + month − 1), quarters likewise (4·year + q − 1), halves
// (2·year + h − 1), years and 9-month periods by their year. A reporting period with cut-off day
// c that is labelled month M ends on day c of M and starts on day c+1 of the month before its
// first month; so a local date (y, m, d) with d > c belongs to the period labelled month m+1.

/** The plain Gregorian calendar: months, quarters, halves and years ending at month end. */
export const GREGORIAN = 'gregorian' as const;

/** A calendar argument: a reporting calendar, or {@link GREGORIAN} for calendar periods. */
export type CalendarArgument = ReportingCalendar | ReportingCalendarInput | typeof GREGORIAN;

/** Months a period of each type spans. */
const SPAN: Record<PeriodType, number> = { month: 1, quarter: 3, 'half-year': 6, 'nine-month': 9, year: 12 };

/**
 * What period and deadline arithmetic reads of a calendar: a {@link ResolvedCalendar} without
 * the calendar as declared (so that evaluation and deadlines need none of its texts).
 */
export interface CalendarRules {
  readonly system: 'reporting' | 'calendar';
  readonly timeZone: string;
  readonly primaryPeriodType: PeriodType;
  /** Cut-off day per declared type; 0 means month end (calendar periods). */
  readonly cutOff: ReadonlyMap<PeriodType, number>;
  /** Bit i set when weekday i (0 = Sunday) is a weekly rest day. */
  readonly restDayMask: number;
  readonly holidays: 'vn' | 'none';
  /** Period objects already built, by type and index. */
  readonly cache: Map<PeriodType, Map<number, Period>>;
}

/** A calendar ready for arithmetic. */
export interface ResolvedCalendar extends CalendarRules {
  /** The calendar as declared (after defaults and `extends`); null for {@link GREGORIAN}. */
  readonly calendar: ReportingCalendar | null;
}

/**
 * The period types of the bundled Decree 09/2019 calendar (data file
 * `calendar-decree-09-2019.json`) without their legal texts: type and cut-off day. The arithmetic
 * of a plan that declares no calendar, or extends this one, reads these, so that a bundle of
 * `evaluate` or `upcomingDeadlines` does not carry the Decree's quotes (a test keeps them equal to
 * the data file).
 *
 * @internal
 */
export const DECREE_09_PERIOD_TYPES: readonly (readonly [PeriodType, number])[] = [
  ['month', 14],
  ['quarter', 14],
  ['half-year', 14],
  ['nine-month', 14],
  ['year', 14],
];

let decreeCalendar: ReportingCalendar | undefined;

/** The bundled Decree 09/2019/NĐ-CP calendar (data file `calendar-decree-09-2019.json`), used when a plan declares none. */
export function decree09Calendar(): ReportingCalendar {
  if (!decreeCalendar) decreeCalendar = parseCalendar(decree09, '/calendar');
  return structuredClone(decreeCalendar);
}

/**
 * Validates a reporting calendar (e.g. parsed JSON). Throws {@link EgovPlanError} with every
 * issue, pointers relative to `pointer`.
 */
export function parseCalendar(input: unknown, pointer = ''): ReportingCalendar {
  const r = ReportingCalendar.safeParse(input);
  if (!r.success) {
    throw new EgovPlanError(r.error.issues.flatMap((z) => fromZodIssue(z, input)).map((i) => ({ ...i, pointer: `${pointer}${i.pointer}` })));
  }
  return r.data;
}

/**
 * The calendar a plan uses: its own `calendar`, with the period types of the calendar it
 * `extends` that it does not declare itself, or the Decree 09/2019 calendar when it has none.
 */
export function calendarOf(plan: Pick<Plan, 'calendar'>): ReportingCalendar {
  const own = plan.calendar;
  if (!own) return decree09Calendar();
  if (!own.extends) return own;
  const base = decree09Calendar();
  const declared = new Set(own.periodTypes.map((p) => p.type));
  return { ...own, periodTypes: [...own.periodTypes, ...base.periodTypes.filter((p) => !declared.has(p.type))] };
}

// Resolved calendars by the calendar object they came from, with the object's JSON at the time:
// a calendar changed since is resolved again, never answered from the cache.
const resolvedCache = new WeakMap<object, { json: string; resolved: ResolvedCalendar }>();
let gregorian: ResolvedCalendar | undefined;
let defaultResolved: ResolvedCalendar | undefined;
let decreeRules: CalendarRules | undefined;

function maskOf(days: readonly number[]): number {
  return days.reduce((m, d) => m | (1 << d), 0);
}

/** The plain Gregorian calendar, resolved (no texts to load: its `calendar` is null). */
function gregorianCalendar(): ResolvedCalendar {
  gregorian ??= {
    calendar: null,
    system: 'calendar',
    timeZone: 'Asia/Ho_Chi_Minh',
    primaryPeriodType: 'quarter',
    cutOff: new Map((Object.keys(SPAN) as PeriodType[]).map((t) => [t, 0])),
    restDayMask: maskOf([0, 6]),
    holidays: 'vn',
    cache: new Map(),
  };
  return gregorian;
}

/** The arithmetic of the Decree 09/2019 calendar, from {@link DECREE_09_PERIOD_TYPES} (the data file's defaults otherwise). */
function decree09Rules(): CalendarRules {
  decreeRules ??= rulesOf({ timeZone: 'Asia/Ho_Chi_Minh', primaryPeriodType: 'quarter', periodTypes: DECREE_09_PERIOD_TYPES.map(([type, cutOffDay]) => ({ type, cutOffDay })), weeklyRestDays: [0, 6], holidays: 'vn' });
  return decreeRules;
}

/**
 * Prepares a calendar for arithmetic (validating it when it was not parsed yet). The result is
 * reused while the calendar object stays unchanged. Without an argument: the Decree 09/2019
 * calendar.
 */
export function resolveCalendar(calendar?: CalendarArgument): ResolvedCalendar {
  if (calendar === GREGORIAN) return gregorianCalendar();
  if (calendar === undefined) {
    // The same periods as the arithmetic of plans without a calendar (the cache is shared).
    defaultResolved ??= { ...decree09Rules(), calendar: decree09Calendar() };
    return defaultResolved;
  }
  const json = JSON.stringify(calendar);
  const hit = resolvedCache.get(calendar);
  if (hit && hit.json === json) return hit.resolved;
  const parsed = parseCalendar(calendar);
  const withBase = parsed.extends ? calendarOf({ calendar: parsed }) : parsed;
  const resolved = build(withBase);
  resolvedCache.set(calendar, { json, resolved });
  return resolved;
}

// The arithmetic of plans' own calendars, by the calendar object, with its JSON at the time (as
// for resolveCalendar).
const rulesCache = new WeakMap<object, { json: string; rules: CalendarRules }>();

/**
 * The arithmetic of the calendar a plan uses (see {@link calendarOf}): its own, with the period
 * types of the Decree 09/2019 calendar it `extends` and does not declare, or that calendar when
 * it has none. The same validation and answers as `resolveCalendar(calendarOf(plan))`, without
 * loading the Decree calendar's texts: the Decree's period types are valid and not declared by
 * the plan, so validating the plan's own calendar reports what validating the merged one did.
 * Reused while the plan's calendar object stays unchanged.
 *
 * @internal
 */
export function planCalendarRules(plan: Pick<Plan, 'calendar'>): CalendarRules {
  const own = plan.calendar;
  if (!own) return decree09Rules();
  const json = JSON.stringify(own);
  const hit = rulesCache.get(own);
  if (hit && hit.json === json) return hit.rules;
  const declared = own.extends ? new Set(own.periodTypes.map((p) => p.type)) : null;
  const parsed = parseCalendar(own);
  const base = declared ? DECREE_09_PERIOD_TYPES.filter(([type]) => !declared.has(type)).map(([type, cutOffDay]) => ({ type, cutOffDay })) : [];
  const rules = rulesOf({ ...parsed, periodTypes: [...parsed.periodTypes, ...base] });
  rulesCache.set(own, { json, rules });
  return rules;
}

/** The arithmetic of a (validated) calendar. */
function rulesOf(c: Pick<ReportingCalendar, 'timeZone' | 'primaryPeriodType' | 'weeklyRestDays' | 'holidays'> & { periodTypes: readonly { type: PeriodType; cutOffDay: number }[] }): CalendarRules {
  return {
    system: 'reporting',
    timeZone: c.timeZone,
    primaryPeriodType: c.primaryPeriodType,
    cutOff: new Map(c.periodTypes.map((p) => [p.type, p.cutOffDay])),
    restDayMask: maskOf(c.weeklyRestDays),
    holidays: c.holidays,
    cache: new Map(),
  };
}

function build(c: ReportingCalendar): ResolvedCalendar {
  return { calendar: c, ...rulesOf(c) };
}

function undeclared(type: PeriodType, r: CalendarRules): EgovPlanError {
  const declared = [...r.cutOff.keys()].join(', ');
  return new EgovPlanError([
    issueFrom(MSG.calendarUndeclaredPeriodType, '', { type, declared }),
  ]);
}

function cutOffFor(r: CalendarRules, type: PeriodType): number {
  const c = r.cutOff.get(type);
  if (c === undefined) throw undeclared(type, r);
  return c;
}

/** Absolute month (12·year + month − 1) in which a period of `type` with `index` ends. */
function endMonthOf(type: PeriodType, index: number): number {
  switch (type) {
    case 'month':
      return index;
    case 'quarter':
      return index * 3 + 2;
    case 'half-year':
      return index * 6 + 5;
    case 'nine-month':
      return index * 12 + 8;
    case 'year':
      return index * 12 + 11;
  }
}

function periodId(system: 'reporting' | 'calendar', type: PeriodType, index: number): string {
  const prefix = system === 'calendar' ? 'C' : '';
  const y = (n: number) => String(n).padStart(4, '0');
  switch (type) {
    case 'month': {
      const year = Math.floor(index / 12);
      const m = index - year * 12 + 1;
      return `${prefix}${y(year)}M${m < 10 ? '0' : ''}${m}`;
    }
    case 'quarter': {
      const year = Math.floor(index / 4);
      return `${prefix}${y(year)}Q${index - year * 4 + 1}`;
    }
    case 'half-year': {
      const year = Math.floor(index / 2);
      return `${prefix}${y(year)}S${index - year * 2 + 1}`;
    }
    case 'nine-month':
      return `${prefix}${y(index)}N9`;
    case 'year':
      return `${prefix}${y(index)}`;
  }
}

function monthStartDay(absMonth: number): number {
  const y = Math.floor(absMonth / 12);
  return daysFromCivil(y, absMonth - y * 12 + 1, 1);
}

function outOfRange(text: string): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.calendarOutOfRangePeriod, '', { period: text }),
  ]);
}

/** The period of `type` with integer `index` in a resolved calendar (cached). */
export function periodAt(r: CalendarRules, type: PeriodType, index: number): Period {
  let byIndex = r.cache.get(type);
  if (!byIndex) {
    byIndex = new Map();
    r.cache.set(type, byIndex);
  }
  const hit = byIndex.get(index);
  if (hit) return hit;
  const c = cutOffFor(r, type);
  const endMonth = endMonthOf(type, index);
  const startMonth = endMonth - SPAN[type] + 1;
  const endYear = Math.floor(endMonth / 12);
  if (endYear < 1000 || endYear > 9998) throw outOfRange(periodId(r.system, type, index));
  let startDay: number;
  let endDay: number;
  if (c === 0) {
    startDay = monthStartDay(startMonth);
    endDay = monthStartDay(endMonth + 1) - 1;
  } else {
    startDay = monthStartDay(startMonth - 1) + c; // day c+1 of the month before
    endDay = monthStartDay(endMonth) + c - 1; // day c of the last month
  }
  const [sy, sm, sd] = civilFromDays(startDay);
  const [ey, em, ed] = civilFromDays(endDay);
  const period: Period = Object.freeze({
    id: periodId(r.system, type, index),
    type,
    system: r.system,
    start: formatLocalDate(sy, sm, sd),
    end: formatLocalDate(ey, em, ed),
  }) as Period;
  byIndex.set(index, period);
  return period;
}

/**
 * Index of the period of `type` containing local day number `day`, or null for a 9-month period
 * when the day lies between 15 Sep and 14 Dec (or the calendar's equivalent).
 *
 * @internal
 */
export function periodIndexOfDay(r: CalendarRules, type: PeriodType, day: number): number | null {
  const c = cutOffFor(r, type);
  const [y, m, d] = civilFromDays(day);
  const effective = y * 12 + m - 1 + (c !== 0 && d > c ? 1 : 0);
  switch (type) {
    case 'month':
      return effective;
    case 'quarter':
      return Math.floor(effective / 3);
    case 'half-year':
      return Math.floor(effective / 6);
    case 'year':
      return Math.floor(effective / 12);
    case 'nine-month': {
      const year = Math.floor(effective / 12);
      return effective - year * 12 <= 8 ? year : null;
    }
  }
}

/** Options of the period functions. */
export type PeriodCalendarOption = CalendarArgument | undefined;

/**
 * The period of `type` containing an instant (a `Date`, epoch ms, or ISO text; text without an
 * offset is read in the calendar's time zone, +07:00 for Vietnam). `calendar` defaults to the
 * Decree 09/2019 calendar; pass {@link GREGORIAN} for calendar periods.
 *
 * A 9-month period does not tile the year: for an instant from 15 Sep to 14 Dec the answer is
 * `null`.
 *
 * @example periodContaining('2020-03-16T08:00', 'quarter').id // '2020Q2'
 */
export function periodContaining(instant: InstantInput, type: TilingPeriodType, calendar?: CalendarArgument): Period;
export function periodContaining(instant: InstantInput, type: PeriodType, calendar?: CalendarArgument): Period | null;
export function periodContaining(instant: InstantInput, type: PeriodType, calendar?: CalendarArgument): Period | null {
  const r = resolveCalendar(calendar);
  const day = localDayNumber(instantMs(instant, r.timeZone), r.timeZone);
  const index = periodIndexOfDay(r, type, day);
  return index === null ? null : periodAt(r, type, index);
}

/** The period of `type` containing a local date (`YYYY-MM-DD`). See {@link periodContaining}. */
export function periodOfDate(date: string, type: TilingPeriodType, calendar?: CalendarArgument): Period;
export function periodOfDate(date: string, type: PeriodType, calendar?: CalendarArgument): Period | null;
export function periodOfDate(date: string, type: PeriodType, calendar?: CalendarArgument): Period | null {
  const r = resolveCalendar(calendar);
  const index = periodIndexOfDay(r, type, dayNumber(date));
  return index === null ? null : periodAt(r, type, index);
}

const PERIOD_ID = /^(C)?(\d{4})(?:M(\d{2})|Q([1-4])|S([12])|(N9))?$/u;

/** What a period id says: its system, type and index. Throws `calendar.invalid_period_id`. */
export function parsePeriodId(id: string): { system: 'reporting' | 'calendar'; type: PeriodType; index: number } {
  if (typeof id !== 'string') {
    throw new EgovPlanError([(id as unknown) instanceof Date ? issueFrom(MSG.calendarPeriodIdDate, '', {}) : issueFrom(MSG.calendarPeriodIdNotText, '', { what: valueKind(id) })]);
  }
  const m = PERIOD_ID.exec(id);
  const month = m?.[3] === undefined ? undefined : Number(m[3]);
  if (!m || (month !== undefined && (month < 1 || month > 12))) {
    throw new EgovPlanError([
      issueFrom(MSG.calendarInvalidPeriodId, '', { id }),
    ]);
  }
  const system = m[1] ? 'calendar' : 'reporting';
  const year = Number(m[2]);
  if (month !== undefined) return { system, type: 'month', index: year * 12 + month - 1 };
  if (m[4]) return { system, type: 'quarter', index: year * 4 + Number(m[4]) - 1 };
  if (m[5]) return { system, type: 'half-year', index: year * 2 + Number(m[5]) - 1 };
  if (m[6]) return { system, type: 'nine-month', index: year };
  return { system, type: 'year', index: year };
}

/**
 * The period with this id, with its interval: `2020Q1` → 2019-12-15 … 2020-03-14 under Decree
 * 09/2019; `C2020Q1` → 2020-01-01 … 2020-03-31. Reporting ids use `calendar` (default: the Decree
 * 09/2019 calendar); calendar ids (prefix `C`) ignore it.
 *
 * Throws {@link EgovPlanError} `calendar.invalid_period_id` for a malformed id and
 * `calendar.undeclared_period_type` for a type the calendar does not declare.
 */
export function periodById(id: string, calendar?: CalendarArgument): Period {
  const p = parsePeriodId(id);
  const r = p.system === 'calendar' ? resolveCalendar(GREGORIAN) : resolveCalendar(calendar === GREGORIAN ? undefined : calendar);
  return periodAt(r, p.type, p.index);
}

/** {@link periodById} in an already resolved calendar (calendar ids still use the Gregorian one). */
export function periodByIdIn(r: CalendarRules, id: string): Period {
  const p = parsePeriodId(id);
  return periodAt(p.system === 'calendar' ? gregorianCalendar() : r, p.type, p.index);
}

function calendarFor(period: Period, calendar?: CalendarArgument): ResolvedCalendar {
  return period.system === 'calendar' ? resolveCalendar(GREGORIAN) : resolveCalendar(calendar === GREGORIAN ? undefined : calendar);
}

/** The period after `period` (same type and calendar). For 9-month periods: the next year's. */
export function nextPeriod(period: Period | string, calendar?: CalendarArgument): Period {
  const p = typeof period === 'string' ? periodById(period, calendar) : period;
  const { index } = parsePeriodId(p.id);
  return periodAt(calendarFor(p, calendar), p.type, index + 1);
}

/** The period before `period` (same type and calendar). For 9-month periods: the previous year's. */
export function previousPeriod(period: Period | string, calendar?: CalendarArgument): Period {
  const p = typeof period === 'string' ? periodById(period, calendar) : period;
  const { index } = parsePeriodId(p.id);
  return periodAt(calendarFor(p, calendar), p.type, index - 1);
}

/** True when the local date lies in the period (inclusive at both ends). */
export function periodIncludes(period: Period, date: string): boolean {
  return date >= period.start && date <= period.end;
}

/** Number of days in a month, re-exported for rule authors. */
export { daysInMonth };
