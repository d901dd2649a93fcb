import { VN_WORKING_DAY_TABLE } from './working-days-vn.js';
import { dayNumber } from './time.js';

// What the working-day arithmetic of deadlines reads of holiday data, nothing more: which days
// are off, which Saturdays are worked, which solar rules hold when, which years are complete. A
// full `HolidayCalendar` has all of it; the bundled Vietnamese holidays are also kept in this
// form (`working-days-vn.ts`, generated from `data/holidays-vn.json`), so that computing a
// deadline does not load the names, notes and sources of the holiday data.

/** The working-day facts of holiday data, as generated. @internal */
export interface WorkingDayTable {
  /** The days off of the yearly data: a date, or a date and how many days follow it (`2019-02-03+5`: 3–8 Feb). */
  daysOff: readonly string[];
  /** Dates of the make-up working Saturdays. */
  workingDays: readonly string[];
  /** Each year of the yearly data and whether it is complete. */
  years: readonly (readonly [number, boolean])[];
  /** Solar rules: month, day, valid from, valid to (null: still in force). */
  solar: readonly (readonly [number, number, string, string | null])[];
}

/** The look-ups working days need; a `HolidayCalendar` is one. @internal */
export interface WorkingDayCalendar {
  readonly daysOff: { has(day: number): boolean };
  readonly workingDays: { has(day: number): boolean };
  readonly years: { get(year: number): { readonly complete: boolean } | undefined };
  /** Solar rules by month·100 + day. */
  readonly solar: { get(key: number): readonly { readonly validFrom: string; readonly validTo: string | null }[] | undefined };
}

let vn: WorkingDayCalendar | undefined;

/**
 * The bundled Vietnamese holidays as working-day look-ups: the same answers as
 * `vietnamHolidays()` for every working-day question (a test checks it), without the data's texts.
 *
 * @internal
 */
export function vietnamWorkingDays(): WorkingDayCalendar {
  if (vn) return vn;
  const t = VN_WORKING_DAY_TABLE;
  const solar = new Map<number, { validFrom: string; validTo: string | null }[]>();
  for (const [month, day, validFrom, validTo] of t.solar) {
    const key = month * 100 + day;
    solar.set(key, [...(solar.get(key) ?? []), { validFrom, validTo }]);
  }
  vn = {
    daysOff: new Set(
      t.daysOff.flatMap((run) => {
        const [date, extra] = run.split('+');
        const first = dayNumber(date as string);
        return Array.from({ length: Number(extra ?? 0) + 1 }, (_, i) => first + i);
      }),
    ),
    workingDays: new Set(t.workingDays.map(dayNumber)),
    years: new Map(t.years.map(([year, complete]) => [year, { complete }])),
    solar,
  };
  return vn;
}
