// Time-zone arithmetic through Intl.DateTimeFormat, as date-fns-tz 3 computes it for an IANA
// zone or a `±hh`, `±hh:mm`, `±hhmm` or `Z` offset (the same formatter, offsets and correction
// steps; `test/calendar/zone.test.ts` checks the same answers), without its ISO parser and
// helpers, so that a browser bundle that computes local dates does not carry them. The calendar
// reaches it only off the fast path: zones other than Asia/Ho_Chi_Minh, and dates before 1975.

const HOUR = 3_600_000;
const MINUTE = 60_000;
const OFFSET_HH = /^([+-]\d{2})$/u;
const OFFSET_HHMM = /^([+-])(\d{2}):?(\d{2})$/u;

const formats = new Map<string, Intl.DateTimeFormat>();
const valid = new Set<string>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { hourCycle: 'h23', timeZone, year: 'numeric', month: 'numeric', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, f);
  }
  return f;
}

function isIanaZone(timeZone: string): boolean {
  if (valid.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    valid.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `Date.UTC` that also reads years below 100 as written. */
function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

const PART: Record<string, number> = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 };

/** Offset of an IANA zone at an instant (wall clock minus instant, whole seconds), or NaN. */
function ianaOffset(ms: number, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatOf(timeZone).formatToParts(ms);
  } catch (e) {
    if (e instanceof RangeError) return Number.NaN;
    throw e;
  }
  const t: number[] = [];
  for (const p of parts) {
    const i = PART[p.type];
    if (i !== undefined) t[i] = parseInt(p.value, 10);
  }
  const asUtc = utcMs(t[0] as number, (t[1] as number) - 1, t[2] as number, (t[3] as number) % 24, t[4] as number, t[5] as number);
  const over = ms % 1000;
  return asUtc - (ms - (over >= 0 ? over : 1000 + over));
}

/** The offset (east of UTC, ms) of an offset-form zone; NaN for a malformed one; undefined for a zone name. */
function fixedOffset(timeZone: string): number | undefined {
  if (!timeZone || timeZone === 'Z') return 0;
  const hh = OFFSET_HH.exec(timeZone);
  if (hh) {
    const h = parseInt(hh[1] as string, 10);
    return h >= -23 && h <= 23 ? h * HOUR : Number.NaN;
  }
  const hhmm = OFFSET_HHMM.exec(timeZone);
  if (hhmm) {
    const h = parseInt(hhmm[2] as string, 10);
    const m = parseInt(hhmm[3] as string, 10);
    if (!(h <= 23 && m <= 59)) return Number.NaN;
    const abs = h * HOUR + m * MINUTE;
    return hhmm[1] === '+' ? abs : -abs;
  }
  return undefined;
}

/**
 * The offset of `timeZone` (east of UTC, ms) at the instant `ms` (`toZonedTime`'s), or NaN for
 * what is not a time zone.
 *
 * @internal
 */
export function zoneOffsetAt(ms: number, timeZone: string): number {
  const fixed = fixedOffset(timeZone);
  if (fixed !== undefined) return fixed;
  if (!isIanaZone(timeZone)) return Number.NaN;
  return ianaOffset(Math.trunc(ms), timeZone);
}

/**
 * The instant of a wall-clock time in `timeZone`, given as milliseconds since the epoch of that
 * wall clock read as UTC (`fromZonedTime`'s answer for text without an offset: in a gap the
 * later offset applies). NaN for what is not a time zone.
 *
 * @internal
 */
export function instantOfWallClock(wall: number, timeZone: string): number {
  const fixed = fixedOffset(timeZone);
  if (fixed !== undefined) return Number.isNaN(fixed) ? Number.NaN : Math.trunc(wall - fixed);
  if (!isIanaZone(timeZone)) return Number.NaN;
  const local = Math.trunc(wall);
  const offset = ianaOffset(local, timeZone);
  // The offset at the wall clock read as UTC is a guess; correct it as date-fns-tz does.
  let guess = local - offset;
  const o2 = ianaOffset(guess, timeZone);
  let chosen = offset;
  if (o2 !== offset) {
    guess -= o2 - offset;
    const o3 = ianaOffset(guess, timeZone);
    chosen = o2 === o3 ? o2 : Math.max(o2, o3);
  }
  return Math.trunc(wall - chosen);
}
