import { EgovPlanError, HolidayData, fromZodIssue, type BilingualText, type Confidence, type HolidayCoverage as HolidayCoverageOutput, type HolidayKind, type HolidayYear, type SolarHolidayRule } from '@egov-plan/core';
import bundledHolidays from '../../data/holidays-vn.json';
import { civilFromDays, dateOfDayNumber, dayNumber, weekdayOfDayNumber } from './time.js';
import type { WorkingDayCalendar } from './working-days.js';

// Working days for state agencies: not a weekly rest day (Saturday, Sunday), not a public
// holiday by a solar rule in force that day, not a day off set by the year's notices
// (Tết, Hùng Kings, compensatory, swapped), or else a make-up Saturday (làm bù).

/** Holiday data prepared for look-ups. Build one with {@link holidayCalendar}. */
export interface HolidayCalendar {
  /** The validated data. */
  readonly data: HolidayData;
  /** Day numbers of days off from the yearly data. */
  readonly daysOff: ReadonlyMap<number, HolidayYear['daysOff'][number]>;
  /** Day numbers of make-up working Saturdays. */
  readonly workingDays: ReadonlyMap<number, HolidayYear['workingDays'][number]>;
  /** Yearly data by year. */
  readonly years: ReadonlyMap<number, HolidayYear>;
  /** Solar rules by month·100 + day. */
  readonly solar: ReadonlyMap<number, readonly SolarHolidayRule[]>;
}

/**
 * Validates holiday data (e.g. a parsed JSON file of the shape of `data/holidays-vn.json`) and
 * prepares it for look-ups. Throws {@link EgovPlanError} with every issue.
 */
export function holidayCalendar(input: unknown): HolidayCalendar {
  const r = HolidayData.safeParse(input);
  if (!r.success) throw new EgovPlanError(r.error.issues.flatMap((z) => fromZodIssue(z, input)));
  return prepared(r.data);
}

/** The look-ups of holiday data that is already valid. */
function prepared(data: HolidayData): HolidayCalendar {
  const daysOff = new Map<number, HolidayYear['daysOff'][number]>();
  const workingDays = new Map<number, HolidayYear['workingDays'][number]>();
  for (const y of data.years) {
    for (const d of y.daysOff) daysOff.set(dayNumber(d.date), d);
    for (const w of y.workingDays) workingDays.set(dayNumber(w.date), w);
  }
  const solar = new Map<number, SolarHolidayRule[]>();
  for (const rule of data.solar) {
    const key = rule.month * 100 + rule.day;
    solar.set(key, [...(solar.get(key) ?? []), rule]);
  }
  return { data, daysOff, workingDays, years: new Map(data.years.map((y) => [y.year, y])), solar };
}

let vn: HolidayCalendar | undefined;

/**
 * The bundled public holidays of Vietnamese state agencies (`data/holidays-vn.json`): solar
 * holidays as rules valid from–to (Labour Codes 2012 and 2019), and Lunar New Year, Hùng Kings'
 * day, compensatory and swapped days as yearly data for 2019–2026.
 */
export function vietnamHolidays(): HolidayCalendar {
  // Not validated again at run time (the schema would come into every browser bundle that
  // computes a deadline): the package's tests check that the file is exactly what `HolidayData`
  // yields from it.
  vn ??= prepared(bundledHolidays as HolidayData);
  return vn;
}

/** A holiday calendar with no holidays (weekly rest days only). */
export const NO_HOLIDAYS: HolidayCalendar = Object.freeze({
  data: { id: 'none', name: { vi: 'Không có ngày lễ', en: 'No holidays' }, appliesTo: { vi: '—', en: '—' }, solar: [], years: [], notes: [] },
  daysOff: new Map(),
  workingDays: new Map(),
  years: new Map(),
  solar: new Map(),
});

/** Options for working-day functions. */
export interface WorkingDayOptions {
  /** Holiday data (default: the bundled Vietnamese holidays). */
  holidays?: HolidayCalendar;
  /** Weekly rest days, 0 = Sunday … 6 = Saturday (default Saturday and Sunday). */
  weeklyRestDays?: readonly number[];
}

/** One holiday or day off on a date, with where it comes from. */
export interface HolidayOnDate {
  date: string;
  kind: HolidayKind | 'solar';
  name: BilingualText;
  confidence: Confidence;
  /** The law (solar rules) or `yearly data`. */
  basis: string;
}

function solarRuleOn<R extends { readonly validFrom: string; readonly validTo: string | null }>(h: { readonly solar: { get(key: number): readonly R[] | undefined } }, day: number): R | undefined {
  const [, m, d] = civilFromDays(day);
  const rules = h.solar.get(m * 100 + d);
  if (!rules) return undefined;
  const date = dateOfDayNumber(day);
  return rules.find((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo));
}

/** The holidays and days off on a local date (empty on an ordinary day or a plain weekend). */
export function holidaysOn(date: string, holidays: HolidayCalendar = vietnamHolidays()): HolidayOnDate[] {
  const day = dayNumber(date);
  const out: HolidayOnDate[] = [];
  const rule = solarRuleOn(holidays, day);
  if (rule) out.push({ date, kind: 'solar', name: rule.name, confidence: 'confirmed', basis: rule.basis });
  const off = holidays.daysOff.get(day);
  if (off) out.push({ date, kind: off.kind, name: off.name, confidence: off.confidence, basis: 'yearly data' });
  return out;
}

/** True when a local date is a public holiday or a day off set by the year's notices. */
export function isPublicHoliday(date: string, holidays: HolidayCalendar = vietnamHolidays()): boolean {
  const day = dayNumber(date);
  return holidays.daysOff.has(day) || solarRuleOn(holidays, day) !== undefined;
}

function restMask(days: readonly number[] | undefined): number {
  return (days ?? [0, 6]).reduce((m, d) => m | (1 << d), 0);
}

/** {@link isWorkingDay} on a day number with a weekly-rest bit mask (bit 0 = Sunday). @internal */
export function isWorkingDayNumber(day: number, holidays: WorkingDayCalendar, restDayMask: number): boolean {
  if (holidays.workingDays.has(day)) return true;
  if (restDayMask & (1 << weekdayOfDayNumber(day))) return false;
  if (holidays.daysOff.has(day)) return false;
  return solarRuleOn(holidays, day) === undefined;
}

/**
 * True when state agencies work on a local date: not a weekly rest day (unless a make-up
 * Saturday), not a public holiday, not a day off of the year's notices.
 *
 * For a year the holiday data does not cover (see {@link holidayCoverage}) only the weekly rest
 * days and the solar holidays apply.
 */
export function isWorkingDay(date: string, options: WorkingDayOptions = {}): boolean {
  return isWorkingDayNumber(dayNumber(date), options.holidays ?? vietnamHolidays(), restMask(options.weeklyRestDays));
}

/** The result of {@link rollForward}. */
export interface RollForward {
  /** The first working day on or after the date. */
  date: string;
  /** Whether it differs from the given date. */
  rolled: boolean;
  /** The non-working days skipped, in order. */
  skipped: string[];
}

/**
 * The first working day on or after `date`: Civil Code 2015 Art. 148(5) — a time limit whose last
 * day is a weekly rest day or public holiday ends at the close of the next working day.
 *
 * @example rollForward('2019-03-16').date // '2019-03-18' (Saturday → Monday)
 */
export function rollForward(date: string, options: WorkingDayOptions = {}): RollForward {
  const holidays = options.holidays ?? vietnamHolidays();
  const mask = restMask(options.weeklyRestDays);
  let day = dayNumber(date);
  const skipped: string[] = [];
  // A run of non-working days is at most a few weeks; 60 guards against a mask of all seven days.
  for (let i = 0; i < 60 && !isWorkingDayNumber(day, holidays, mask); i++) {
    skipped.push(dateOfDayNumber(day));
    day++;
  }
  return { date: dateOfDayNumber(day), rolled: skipped.length > 0, skipped };
}

/** Whether the holiday data of a year is complete (the `HolidayCoverage` schema of @egov-plan/core). */
export type HolidayCoverage = HolidayCoverageOutput;

/**
 * Says whether the holiday data covers a year. A year without complete data is answered with
 * weekly rest days and solar holidays only, and this says so rather than pretending.
 */
export function holidayCoverage(year: number, holidays: HolidayCalendar = vietnamHolidays()): HolidayCoverage {
  if (holidays === NO_HOLIDAYS) {
    // Nothing is missing: the calendar itself says there are no public holidays.
    return {
      year,
      covered: true,
      basis: 'weekly-rest-days-only',
      sources: [],
      unconfirmed: [],
      note: { vi: 'Lịch báo cáo không áp dụng ngày lễ (holidays: "none"): chỉ tính ngày nghỉ hằng tuần.', en: 'The reporting calendar declares no public holidays (holidays: "none"): only weekly rest days apply.' },
    };
  }
  const y = holidays.years.get(year);
  if (!y) {
    return {
      year,
      covered: false,
      basis: 'weekends-and-solar-rules',
      sources: [],
      unconfirmed: [],
      note: {
        vi: `Không có dữ liệu ngày nghỉ năm ${year} (Tết Âm lịch, Giỗ Tổ, nghỉ bù, hoán đổi): chỉ tính ngày nghỉ hằng tuần và ngày lễ dương lịch.`,
        en: `No holiday data for ${year} (Lunar New Year, Hùng Kings, compensatory and swapped days): only weekly rest days and solar-date holidays are applied.`,
      },
    };
  }
  const unconfirmed = [...y.daysOff, ...y.workingDays].filter((d) => d.confidence === 'unconfirmed' && d.date.startsWith(String(year))).map((d) => d.date).sort();
  return {
    year,
    covered: y.complete,
    basis: y.complete ? 'annual-notices' : 'partial',
    sources: y.sources,
    unconfirmed,
    note: y.note ?? (y.complete
      ? { vi: `Dữ liệu ngày nghỉ năm ${year} đầy đủ theo thông báo hằng năm.`, en: `Holiday data for ${year} is complete per the annual notices.` }
      : { vi: `Dữ liệu ngày nghỉ năm ${year} chưa đầy đủ.`, en: `Holiday data for ${year} is incomplete.` }),
  };
}
