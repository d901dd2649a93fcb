import { ProgressMethod as ProgressMethodSchema } from '@egov-plan/core';
import * as z from 'zod';

// The published schemas of the options of evaluate and progress, in a module of their own:
// `evaluate` checks its options with the same checks written without them (options.ts), so that
// a browser bundle of `evaluate` does not carry them.

/**
 * When to evaluate: a `Date`, epoch milliseconds, a local date `YYYY-MM-DD`, or an ISO 8601
 * instant (`2020-12-14T09:30:00+07:00`; without an offset, in the plan calendar's time zone).
 * An instant stands for its local date in that time zone.
 */
export const EvaluationInstant = z.union([z.date(), z.number(), z.string()]);
/** See {@link EvaluationInstant}. */
export type EvaluationInstant = z.infer<typeof EvaluationInstant>;

/**
 * Options of {@link evaluate} and {@link evaluateAsync}:
 * - `at`: the date to evaluate at (see {@link EvaluationInstant}). Default: the end of the latest
 *   period in the measurements, or today in Vietnam when there are none.
 * - `phase`: evaluate the targets of these phases instead of the phase(s) `at` selects.
 * - `maxResults`: most results (target × org unit pairs) one evaluation may judge; more is
 *   `rules.too_many_results`. Default: {@link DEFAULT_MAX_RESULTS} (1,000,000).
 *
 * (Written here rather than as the fields' zod descriptions, which a browser bundle would carry.)
 */
export const EvaluateOptions = z.strictObject({
  at: EvaluationInstant.optional(),
  phase: z.union([z.string(), z.array(z.string()).readonly()]).optional(),
  maxResults: z.number().int().positive().optional(),
});
/** Options of {@link evaluate} and {@link evaluateAsync}. */
export type EvaluateOptions = z.input<typeof EvaluateOptions>;

/** A progress method (see {@link progress}): the `ProgressMethod` schema of @egov-plan/core, also an output field. */
export const ProgressMethod = ProgressMethodSchema;
/** A progress method. */
export type ProgressMethod = z.infer<typeof ProgressMethod>;

/** Options of {@link progress}: those of {@link EvaluateOptions}, and `method` (default `cagr`). */
export const ProgressOptions = EvaluateOptions.extend({
  method: ProgressMethod.optional(),
});
/** Options of {@link progress}. */
export type ProgressOptions = z.input<typeof ProgressOptions>;

