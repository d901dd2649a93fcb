/**
 * Reporting calendars: periods with their data cut-off (Decree 09/2019/NĐ-CP), working days and
 * public holidays, deadlines with roll-over (Civil Code 2015 Art. 148), report and task status,
 * and iCalendar export. Pure functions over plain data; local dates are `YYYY-MM-DD` strings.
 *
 * The day-number arithmetic under them (days since 1970-01-01) is internal: it is not part of
 * the public surface (benchmarks and tests import it from the source modules).
 *
 * @module
 */
export {
  FIXED_OFFSET_SINCE_MS,
  MAX_INSTANT_MS,
  MIN_INSTANT_MS,
  VIETNAM_TIME_ZONE,
  addDays,
  daysBetween,
  daysInMonth,
  formatInstant,
  formatLocalDate,
  instantMs,
  localDateOf,
  parseInstant,
  weekday,
  type InstantInput,
} from './time.js';
export {
  GREGORIAN,
  calendarOf,
  decree09Calendar,
  nextPeriod,
  parseCalendar,
  parsePeriodId,
  periodAt,
  periodById,
  periodByIdIn,
  periodContaining,
  periodIncludes,
  periodOfDate,
  previousPeriod,
  resolveCalendar,
  type CalendarArgument,
  type CalendarRules,
  type PeriodCalendarOption,
  type ResolvedCalendar,
} from './periods.js';
export {
  NO_HOLIDAYS,
  holidayCalendar,
  holidayCoverage,
  holidaysOn,
  isPublicHoliday,
  isWorkingDay,
  rollForward,
  vietnamHolidays,
  type HolidayCalendar,
  type HolidayCoverage,
  type HolidayOnDate,
  type RollForward,
  type WorkingDayOptions,
} from './holidays.js';
export {
  DEFAULT_MAX_CALENDAR_EVENTS,
  deadlineFor,
  deadlineHistory,
  deadlinesAt,
  deadlinesBetween,
  deadlinesFor,
  lastDayOf,
  obligationDeadline,
  planCalendar,
  upcomingDeadlines,
  type DeadlineContext,
  type DeadlineOptions,
  type DeadlinesBetweenOptions,
} from './deadlines.js';
export * from './status.js';
export * from './timeframes.js';
export * from './reporters.js';
export * from './term.js';
export * from './checks.js';
export * from './snapshot.js';
export * from './fast.js';
