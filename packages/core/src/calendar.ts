import { z } from 'zod';

// Reporting-calendar types. First draft: the calendar work (periods, holidays, deadlines) refines it.

/** Kinds of reporting period under Decree 09/2019/NĐ-CP, plus a province's optional 9-month period. */
export const PeriodType = z.enum(['month', 'quarter', 'half-year', 'nine-month', 'year']);
/** Kinds of reporting period. */
export type PeriodType = z.infer<typeof PeriodType>;

/**
 * How the due date of a report is computed from its period, as data.
 * - `day-of-month`: a day of a month of the period ("trước ngày 17 của tháng cuối quý");
 * - `fixed-date`: one date ("hoàn thành trước 20/5/2019");
 * - `window`: the source names a span but no day ("phiên họp thường kỳ … vào tháng cuối quý"): no due date.
 */
export const DeadlineRule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('day-of-month'),
    month: z.literal('last-of-period').describe('Which month of the period the day falls in.'),
    day: z.number().int().min(1).max(31),
    inclusive: z.boolean().describe('true: "chậm nhất vào ngày N" (day N is on time); false: "trước ngày N" (the last on-time day is N-1).'),
    rollOver: z.boolean().default(true).describe('Civil Code 2015 Art. 148: a last day on a rest day or holiday moves to the next working day.'),
  }),
  z.strictObject({
    kind: z.literal('fixed-date'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
    inclusive: z.boolean(),
    rollOver: z.boolean().default(true),
  }),
  z.strictObject({
    kind: z.literal('window'),
    month: z.literal('last-of-period'),
  }),
]);
/** How the due date of a report is computed. */
export type DeadlineRule = z.infer<typeof DeadlineRule>;
