import * as z from 'zod';
import { schemaCheck } from './schema-checks.js';
import * as MSG from './validate-messages.js';
import { BilingualText, Confidence, Id, LocalDate, SourceRef } from './text.js';

// Public holidays as data (the shape of `data/holidays-vn.json` of @egov-plan/rules). A module
// of its own, so that a bundle that validates plans or evaluates them with the bundled holidays
// does not carry these schemas.

/**
 * Kinds of non-working weekday in the yearly holiday data.
 * - `lunar-new-year`: a weekday of the Lunar New Year break (Tết days and the compensatory or
 *   swapped days the annual notice puts inside the break);
 * - `hung-kings`: Hùng Kings' Commemoration (10th day of the 3rd lunar month);
 * - `national-day-adjacent`: the day before or after 2 September (Labour Code 2019, Art. 112);
 * - `compensatory`: a day off for a holiday on a weekly rest day (nghỉ bù);
 * - `swapped`: a working day swapped with a Saturday for civil servants (hoán đổi).
 */
export const HolidayKind = z.enum(['lunar-new-year', 'hung-kings', 'national-day-adjacent', 'compensatory', 'swapped']);
// #region generated type HolidayKind (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Kinds of non-working weekday in the yearly holiday data.
 * - `lunar-new-year`: a weekday of the Lunar New Year break (Tết days and the compensatory or
 *   swapped days the annual notice puts inside the break);
 * - `hung-kings`: Hùng Kings' Commemoration (10th day of the 3rd lunar month);
 * - `national-day-adjacent`: the day before or after 2 September (Labour Code 2019, Art. 112);
 * - `compensatory`: a day off for a holiday on a weekly rest day (nghỉ bù);
 * - `swapped`: a working day swapped with a Saturday for civil servants (hoán đổi).
 */
export type HolidayKind = 'lunar-new-year' | 'hung-kings' | 'national-day-adjacent' | 'compensatory' | 'swapped';
// #endregion

/** A public holiday on a fixed solar date, valid over a span of dates because the law changed. */
export const SolarHolidayRule = z.strictObject({
  id: Id,
  name: BilingualText,
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  validFrom: LocalDate,
  validTo: LocalDate.nullable().clone(),
  basis: z.string().min(1),
});
// #region generated type SolarHolidayRule (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A public holiday on a fixed solar date, valid over a span of dates because the law changed. */
export type SolarHolidayRule = {
  id: Id;
  name: BilingualText;
  month: number;
  day: number;
  validFrom: LocalDate;
  /**
   * Last day the rule applies, null while in force.
   */
  validTo: LocalDate | null;
  /**
   * The law that sets the holiday.
   */
  basis: string;
};
// #endregion

/** A non-working weekday set by an annual notice (Lunar New Year, Hùng Kings, compensatory, swapped). */
export const HolidayDate = z.strictObject({
  date: LocalDate,
  kind: HolidayKind,
  name: BilingualText,
  confidence: Confidence,
});
// #region generated type HolidayDate (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A non-working weekday set by an annual notice (Lunar New Year, Hùng Kings, compensatory, swapped). */
export type HolidayDate = {
  date: LocalDate;
  kind: HolidayKind;
  name: BilingualText;
  confidence: Confidence;
};
// #endregion

/** A Saturday worked in exchange for a swapped weekday off (làm bù). */
export const MakeUpWorkingDay = z.strictObject({
  date: LocalDate,
  name: BilingualText,
  confidence: Confidence,
});
// #region generated type MakeUpWorkingDay (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A Saturday worked in exchange for a swapped weekday off (làm bù). */
export type MakeUpWorkingDay = {
  date: LocalDate;
  name: BilingualText;
  confidence: Confidence;
};
// #endregion

/** One year of holiday data as set by the annual notices, and whether it is complete. */
export const HolidayYear = z.strictObject({
  year: z.number().int().min(1976).max(2200),
  complete: z.boolean(),
  daysOff: z.array(HolidayDate),
  workingDays: z.array(MakeUpWorkingDay),
  sources: z.array(z.string().min(1)).min(1),
  note: BilingualText.optional(),
});
// #region generated type HolidayYear (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** One year of holiday data as set by the annual notices, and whether it is complete. */
export type HolidayYear = {
  year: number;
  /**
   * true when every non-working weekday of the year for state agencies is listed.
   */
  complete: boolean;
  daysOff: HolidayDate[];
  /**
   * Make-up Saturdays (làm bù), which are working days.
   */
  workingDays: MakeUpWorkingDay[];
  /**
   * The Prime Minister's decisions / notices, and where they were read.
   */
  sources: string[];
  note?: BilingualText;
};
// #endregion

/** The holiday data file: solar rules valid from–to, and yearly data. */
export const HolidayData = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    name: BilingualText,
    appliesTo: BilingualText.clone(),
    solar: z.array(SolarHolidayRule),
    years: z.array(HolidayYear),
    notes: z.array(BilingualText),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<number>();
    d.years.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], input: y.year, ...schemaCheck(MSG.schemaDuplicateHolidayYear, { year: y.year }) });
      seen.add(y.year);
    });
  });
// #region generated type HolidayData (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** The holiday data file: solar rules valid from–to, and yearly data. */
export type HolidayData = {
  $schema?: string;
  id: Id;
  name: BilingualText;
  /**
   * Whose days off these are (state agencies with a Saturday–Sunday week).
   */
  appliesTo: BilingualText;
  solar: SolarHolidayRule[];
  years: HolidayYear[];
  notes: BilingualText[];
};
// #endregion
