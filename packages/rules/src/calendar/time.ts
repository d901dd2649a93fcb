import { EgovPlanError, issueFrom } from '@egov-plan/core';
import { instantOfWallClock, zoneOffsetAt } from './zone.js';
import * as MSG from '../messages.js';

// Local dates are `YYYY-MM-DD` strings; arithmetic runs on day numbers (days since 1970-01-01)
// with Howard Hinnant's civil-calendar algorithms, so no Date object and no system time zone is
// involved. Instants become local dates either through the time-zone database of `Intl` (the
// reference path, `zone.ts`: what date-fns-tz computes) or, for Asia/Ho_Chi_Minh after 13 June
// 1975, through fixed +07:00 arithmetic (the fast path); the property tests prove both agree.

/** The time zone of Vietnam. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * First instant from which Asia/Ho_Chi_Minh is a fixed UTC+07:00 (1975-06-13T00:00+08:00, when
 * the South switched from +08:00). Before it the fast path hands over to the time-zone database.
 */
export const FIXED_OFFSET_SINCE_MS = Date.UTC(1975, 5, 12, 16, 0, 0);

const MS_PER_DAY = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** Day number (days since 1970-01-01) of a proleptic Gregorian date. @internal */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of a day number. @internal */
export function civilFromDays(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Writes a date as `YYYY-MM-DD` (years 0–9999). */
export function formatLocalDate(y: number, m: number, d: number): string {
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
}

/** The `YYYY-MM-DD` string of a day number. @internal */
export function dateOfDayNumber(n: number): string {
  const [y, m, d] = civilFromDays(n);
  return formatLocalDate(y, m, d);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * The day number of a `YYYY-MM-DD` local date. Throws {@link EgovPlanError} `calendar.invalid_date`
 * for text that is not a real calendar date.
 *
 * @internal
 */
export function dayNumber(date: string): number {
  const m = LOCAL_DATE.exec(date);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return daysFromCivil(y, mo, d);
  }
  throw new EgovPlanError([
    issueFrom(MSG.calendarInvalidDate, '', { date: String(date) }),
  ]);
}

/** The local date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day of the week of a local date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return weekdayOfDayNumber(dayNumber(date));
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). @internal */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** An instant: a `Date`, epoch milliseconds, or ISO 8601 text (see {@link parseInstant}). */
export type InstantInput = Date | number | string;

/**
 * The local day number of an instant in `timeZone`, through the time-zone database of `Intl`
 * (date-fns-tz's `toZonedTime` arithmetic). This is the reference path: correct for every zone
 * and every date the tz database knows.
 *
 * @internal
 */
export function localDayNumberReference(ms: number, timeZone: string = VIETNAM_TIME_ZONE): number {
  return Math.floor((Math.trunc(ms) + zoneOffsetAt(ms, timeZone)) / MS_PER_DAY);
}

/**
 * The local day number of an instant. For Asia/Ho_Chi_Minh from 13 June 1975 on, fixed +07:00
 * arithmetic (the fast path, about 40× faster); otherwise {@link localDayNumberReference}.
 *
 * @internal
 */
export function localDayNumber(ms: number, timeZone: string = VIETNAM_TIME_ZONE): number {
  if (timeZone === VIETNAM_TIME_ZONE && ms >= FIXED_OFFSET_SINCE_MS) return Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY);
  return localDayNumberReference(ms, timeZone);
}

/** The local date (`YYYY-MM-DD`) of an instant in `timeZone` (default Asia/Ho_Chi_Minh). */
export function localDateOf(instant: InstantInput, timeZone: string = VIETNAM_TIME_ZONE): string {
  return dateOfDayNumber(localDayNumber(instantMs(instant, timeZone), timeZone));
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/iu;

function invalidInstant(text: string): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.calendarInvalidInstant, '', { text }),
  ]);
}

/**
 * Parses an ISO 8601 instant. Without an offset the text is a wall-clock time in `timeZone`
 * (for Asia/Ho_Chi_Minh since 1975: +07:00); a bare date is the start of that local day.
 * Throws {@link EgovPlanError} `calendar.invalid_instant` for anything else, and
 * `calendar.out_of_range` for a year before 1000 (or an instant outside {@link MIN_INSTANT_MS} …
 * {@link MAX_INSTANT_MS}).
 *
 * @example parseInstant('2020-03-16').toISOString() // '2020-03-15T17:00:00.000Z'
 */
export function parseInstant(text: string, timeZone: string = VIETNAM_TIME_ZONE): Date {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) throw invalidInstant(text);
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = hs === undefined ? 0 : Number(hs);
  const mi = mis === undefined ? 0 : Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  const msPart = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) throw invalidInstant(text);
  // Years before 1000 are refused before any conversion: below 100, JavaScript dates and the tz
  // database read the year wrongly ("0000-01-01" became 0013-12-31).
  if (y < 1000) throw instantOutOfRange(text);
  const wall = daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + msPart;
  if (zone !== undefined) {
    if (zone.toUpperCase() === 'Z') return new Date(inRange(wall, text));
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) throw invalidInstant(text);
    return new Date(inRange(wall - sign * (oh * 60 + om) * 60_000, text));
  }
  if (timeZone === VIETNAM_TIME_ZONE && wall - VN_OFFSET_MS >= FIXED_OFFSET_SINCE_MS) return new Date(inRange(wall - VN_OFFSET_MS, text));
  // The wall clock read as UTC, summed as date-fns-tz's parser sums "HH:mm:ss.SSS" (seconds with
  // their fraction), then placed in the zone.
  const clock = daysFromCivil(y, mo, d) * MS_PER_DAY + ((h % 24) * 3_600_000 + mi * 60_000 + parseFloat(`${pad2(s)}.${String(msPart).padStart(3, '0')}`) * 1000);
  return checkedDate(new Date(instantOfWallClock(clock, timeZone)), text);
}

function checkedDate(d: Date, text: string): Date {
  inRange(d.getTime(), text);
  return d;
}

/**
 * Earliest instant the calendar functions accept: 0999-12-31T00:00Z, so that every local day of
 * the year 1000 in Vietnam is accepted (periods exist for the years 1000–9998). Far earlier,
 * JavaScript dates and the tz database misread the year (`0000-01-01` became 0013-12-31).
 */
export const MIN_INSTANT_MS = Date.UTC(999, 11, 31);
/** Latest instant the calendar functions accept: 9999-12-31T00:00Z (a local date in 9999 everywhere). */
export const MAX_INSTANT_MS = Date.UTC(9999, 11, 31);

function instantOutOfRange(text: string): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.calendarOutOfRange, '', { text }),
  ]);
}

function inRange(ms: number, text: string): number {
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) throw instantOutOfRange(text);
  return ms;
}

/**
 * Epoch milliseconds of an instant given as a `Date`, a number or ISO text. Throws
 * {@link EgovPlanError} `calendar.invalid_instant` for what is not an instant and
 * `calendar.out_of_range` outside {@link MIN_INSTANT_MS} … {@link MAX_INSTANT_MS}.
 */
export function instantMs(instant: InstantInput, timeZone: string = VIETNAM_TIME_ZONE): number {
  if (typeof instant === 'number') {
    if (!Number.isFinite(instant)) throw invalidInstant(String(instant));
    return inRange(instant, String(instant));
  }
  if (typeof instant === 'string') return parseInstant(instant, timeZone).getTime();
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw invalidInstant('Invalid Date');
  return inRange(ms, Number.isNaN(ms) ? 'Invalid Date' : instant.toISOString());
}

/** Writes an instant as ISO 8601 with the local offset of `timeZone` (e.g. `2020-03-16T09:30:00+07:00`). */
export function formatInstant(instant: InstantInput, timeZone: string = VIETNAM_TIME_ZONE): string {
  const ms = instantMs(instant, timeZone);
  const zoned = new Date(Math.trunc(ms) + zoneOffsetAt(ms, timeZone));
  const localMs = Date.UTC(zoned.getUTCFullYear(), zoned.getUTCMonth(), zoned.getUTCDate(), zoned.getUTCHours(), zoned.getUTCMinutes(), zoned.getUTCSeconds());
  const offsetMin = Math.round((localMs - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const date = formatLocalDate(zoned.getUTCFullYear(), zoned.getUTCMonth() + 1, zoned.getUTCDate());
  return `${date}T${pad2(zoned.getUTCHours())}:${pad2(zoned.getUTCMinutes())}:${pad2(zoned.getUTCSeconds())}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
