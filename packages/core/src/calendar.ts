import * as z from 'zod';
import { schemaCheck } from './schema-checks.js';
import * as MSG from './validate-messages.js';
import { BilingualText, Confidence, Id, LocalDate, SourceRef } from './text.js';

// Reporting calendars as data: period types and their data cut-off, deadline rules. Pure
// schemas; the arithmetic lives in @egov-plan/rules (`calendar/`). What the calendar functions
// compute (periods, deadlines, statuses, parsed timeframes) is in outputs.ts and the public
// holidays are in holidays.ts, so that a bundle that only validates plans does not carry them.

/**
 * Kinds of reporting period under Decree 09/2019/NĐ-CP (month, quarter, half-year, year), plus
 * the 9-month period some provinces declare (cumulative: 15 Dec of the previous year – 14 Sep).
 */
export const PeriodType = z.enum(['month', 'quarter', 'half-year', 'nine-month', 'year']);
// #region generated type PeriodType (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Kinds of reporting period under Decree 09/2019/NĐ-CP (month, quarter, half-year, year), plus
 * the 9-month period some provinces declare (cumulative: 15 Dec of the previous year – 14 Sep).
 */
export type PeriodType = 'month' | 'quarter' | 'half-year' | 'nine-month' | 'year';
// #endregion

/**
 * Period types that tile time: every day lies in exactly one period of the type. The 9-month
 * period does not (15 Sep – 14 Dec lies in none).
 */
export type TilingPeriodType = Exclude<PeriodType, 'nine-month'>;

/**
 * Which calendar a period belongs to.
 * - `reporting`: periods with a data cut-off (Decree 09/2019: 15th of one month to the 14th of
 *   the period's last month). Ids: `2020Q1`, `2020M03`, `2020S1`, `2020N9`, `2020`.
 * - `calendar`: plain Gregorian months, quarters, halves and years, used for statistics and for
 *   task timeframes ("Quý II/2019" = April–June 2019). Ids carry a `C` prefix: `C2019Q2`,
 *   `C2019M05`, `C2019S1`, `C2019N9`, `C2019`.
 */
export const PeriodSystem = /* @__PURE__ */ z.enum(['reporting', 'calendar']);
// #region generated type PeriodSystem (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Which calendar a period belongs to.
 * - `reporting`: periods with a data cut-off (Decree 09/2019: 15th of one month to the 14th of
 *   the period's last month). Ids: `2020Q1`, `2020M03`, `2020S1`, `2020N9`, `2020`.
 * - `calendar`: plain Gregorian months, quarters, halves and years, used for statistics and for
 *   task timeframes ("Quý II/2019" = April–June 2019). Ids carry a `C` prefix: `C2019Q2`,
 *   `C2019M05`, `C2019S1`, `C2019N9`, `C2019`.
 */
export type PeriodSystem = 'reporting' | 'calendar';
// #endregion

/**
 * The day of the period's last month on which its data closes: 14 under Decree 09/2019 (the
 * period then starts on the 15th of the month before its first month). At most 28, so the day
 * exists in every month. Plain calendar periods (system `calendar`) close at the end of the month.
 */
export const CutOffDay = z.number().int().min(1).max(28);
// #region generated type CutOffDay (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * The day of the period's last month on which its data closes: 14 under Decree 09/2019 (the
 * period then starts on the 15th of the month before its first month). At most 28, so the day
 * exists in every month. Plain calendar periods (system `calendar`) close at the end of the month.
 */
export type CutOffDay = number;
// #endregion

/** One period type a calendar uses, with its data cut-off and where the rule comes from. */
export const PeriodTypeDeclaration = z
  .strictObject({
    type: PeriodType,
    cutOffDay: CutOffDay.clone(),
    basis: BilingualText.clone(),
    source: SourceRef.optional().clone(),
    confidence: Confidence.default('confirmed'),
  });
// #region generated type PeriodTypeDeclaration (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** One period type a calendar uses, with its data cut-off and where the rule comes from. */
export type PeriodTypeDeclaration = {
  type: PeriodType;
  /**
   * Last day of data in the last month of a period (14: "đến ngày 14 của tháng cuối kỳ").
   */
  cutOffDay: CutOffDay;
  /**
   * The legal text or plan section that sets the rule.
   */
  basis: BilingualText;
  /**
   * Where the plan itself states the rule, verbatim.
   */
  source?: SourceRef;
  confidence: Confidence;
};
// #endregion

/** Ids of the calendars bundled with @egov-plan/rules that a plan's calendar may extend. */
export const BaseCalendarId = z.enum(['decree-09-2019']);
// #region generated type BaseCalendarId (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Ids of the calendars bundled with @egov-plan/rules that a plan's calendar may extend. */
export type BaseCalendarId = 'decree-09-2019';
// #endregion

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * A plan's reporting calendar, as data: the time zone, the period types with their data cut-off,
 * the period shown by default, the weekly rest days of the reporting agencies. A plan that
 * declares none uses the bundled Decree 09/2019 calendar; `extends` takes the period types the
 * plan does not declare from it.
 */
export const ReportingCalendar = z
  .strictObject({
    id: Id.optional(),
    name: BilingualText.optional(),
    extends: BaseCalendarId.optional().clone(),
    timeZone: z
      .string()
      .refine(isTimeZone, { message: MSG.schemaUnknownTimeZone.en })
      .default('Asia/Ho_Chi_Minh'),
    primaryPeriodType: PeriodType.default('quarter').clone(),
    periodTypes: z.array(PeriodTypeDeclaration),
    weeklyRestDays: z
      .array(z.number().int().min(0).max(6))
      .default([0, 6]),
    holidays: z.enum(['vn', 'none']).default('vn'),
    note: BilingualText.optional(),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.periodTypes.forEach((p, i) => {
      if (seen.has(p.type)) ctx.addIssue({ code: 'custom', path: ['periodTypes', i, 'type'], input: p.type, ...schemaCheck(MSG.schemaDuplicatePeriodType, { type: p.type }) });
      seen.add(p.type);
    });
    if (!c.extends && !seen.has(c.primaryPeriodType)) {
      ctx.addIssue({ code: 'custom', path: ['primaryPeriodType'], input: c.primaryPeriodType, ...schemaCheck(MSG.schemaUndeclaredPrimaryPeriodType, { type: c.primaryPeriodType }) });
    }
  });
// #region generated type ReportingCalendar (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A plan's reporting calendar, as data: the time zone, the period types with their data cut-off,
 * the period shown by default, the weekly rest days of the reporting agencies. A plan that
 * declares none uses the bundled Decree 09/2019 calendar; `extends` takes the period types the
 * plan does not declare from it.
 */
export type ReportingCalendar = {
  id?: Id;
  name?: BilingualText;
  /**
   * A bundled calendar whose period types apply unless declared here.
   */
  extends?: BaseCalendarId;
  /**
   * IANA time zone in which instants become local dates. Vietnam: Asia/Ho_Chi_Minh.
   */
  timeZone: string;
  /**
   * The period type shown by default ("the quarter").
   */
  primaryPeriodType: PeriodType;
  /**
   * The period types the calendar uses.
   */
  periodTypes: PeriodTypeDeclaration[];
  /**
   * Weekly rest days, 0 = Sunday … 6 = Saturday. State agencies: Saturday and Sunday.
   */
  weeklyRestDays: number[];
  /**
   * "vn": the bundled Vietnamese public holidays; "none": weekly rest days only.
   */
  holidays: 'vn' | 'none';
  note?: BilingualText;
};
// #endregion
/** A reporting calendar as written in a file (before defaults are applied). */
export type ReportingCalendarInput = z.input<typeof ReportingCalendar>;

/**
 * Which month of the period a day-of-month deadline falls in.
 * - `last-of-period`: the month the period's data closes in ("tháng cuối quý": March for 2020Q1);
 * - `after-period`: the month after it ("ngày 20 tháng sau").
 */
export const DeadlineMonth = z.enum(['last-of-period', 'after-period']);
// #region generated type DeadlineMonth (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Which month of the period a day-of-month deadline falls in.
 * - `last-of-period`: the month the period's data closes in ("tháng cuối quý": March for 2020Q1);
 * - `after-period`: the month after it ("ngày 20 tháng sau").
 */
export type DeadlineMonth = 'last-of-period' | 'after-period';
// #endregion

/**
 * How the due date of a report is computed from its period, as data.
 * - `day-of-month`: a day of a month of the period ("trước ngày 17 của tháng cuối quý");
 * - `fixed-date`: one date ("hoàn thành trước 20/5/2019");
 * - `window`: the source names a span but no day ("phiên họp thường kỳ … vào tháng cuối quý"): no due date.
 *
 * `inclusive: false` ("trước ngày N", before day N) makes day N−1 the last on-time day;
 * `inclusive: true` ("chậm nhất vào ngày N", no later than day N) makes it day N. With
 * `rollOver` (default), a last day on a weekly rest day or public holiday moves to the next
 * working day (Civil Code 2015, Art. 148).
 */
export const DeadlineRule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('day-of-month'),
    month: DeadlineMonth.clone(),
    day: z.number().int().min(1).max(31),
    inclusive: z.boolean(),
    rollOver: z.boolean().default(true),
  }),
  z.strictObject({
    kind: z.literal('fixed-date'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, MSG.schemaFormatDate.en),
    inclusive: z.boolean(),
    rollOver: z.boolean().default(true),
  }),
  z.strictObject({
    kind: z.literal('window'),
    month: DeadlineMonth,
  }),
]);
// #region generated type DeadlineRule (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * How the due date of a report is computed from its period, as data.
 * - `day-of-month`: a day of a month of the period ("trước ngày 17 của tháng cuối quý");
 * - `fixed-date`: one date ("hoàn thành trước 20/5/2019");
 * - `window`: the source names a span but no day ("phiên họp thường kỳ … vào tháng cuối quý"): no due date.
 *
 * `inclusive: false` ("trước ngày N", before day N) makes day N−1 the last on-time day;
 * `inclusive: true` ("chậm nhất vào ngày N", no later than day N) makes it day N. With
 * `rollOver` (default), a last day on a weekly rest day or public holiday moves to the next
 * working day (Civil Code 2015, Art. 148).
 */
export type DeadlineRule =
  | {
      kind: 'day-of-month';
      /**
       * Which month of the period the day falls in.
       */
      month: DeadlineMonth;
      day: number;
      /**
       * true: "chậm nhất vào ngày N" (day N is on time); false: "trước ngày N" (the last on-time day is N-1).
       */
      inclusive: boolean;
      /**
       * Civil Code 2015 Art. 148: a last day on a rest day or holiday moves to the next working day.
       */
      rollOver: boolean;
    }
  | {
      kind: 'fixed-date';
      date: string;
      inclusive: boolean;
      rollOver: boolean;
    }
  | {
      kind: 'window';
      month: DeadlineMonth;
    };
// #endregion

