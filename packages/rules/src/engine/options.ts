import { EgovPlanError, isEgovPlanError, isLocalDate, issueFrom, type Issue, type Phase, type Plan } from '@egov-plan/core';
import * as z from 'zod';
import * as MSG from '../messages.js';
import type { EvaluateOptions, EvaluationInstant, ProgressMethod, ProgressOptions } from './options-schemas.js';
import { localDateOf } from '../calendar/time.js';
import type { Observation } from './measurements.js';
import { DEFAULT_MAX_RESULTS } from './limits.js';
import type { PlanArtifacts } from './plan-artifacts.js';

export { DEFAULT_MAX_RESULTS };
export type { EvaluateOptions, EvaluationInstant, ProgressMethod, ProgressOptions };

// One validator for the options of evaluate and progress: unknown keys, wrong types and dates
// that are not dates are typed errors (`usage.*`), never a silent default or a TypeError.

/**
 * The checks behind {@link EvaluateOptions} (and {@link ProgressOptions}) as `evaluate` runs
 * them: the same keys in the same order and the same verdicts, one issue per bad key as the
 * published schemas give, built from parts a browser bundle carries anyway (no `z.date()`,
 * no `.readonly()`), so that `evaluate` does not carry the published schemas. A test holds them to
 * the published schemas.
 *
 * @internal
 */
export const EVALUATE_OPTIONS_CHECK = z.strictObject({
  at: z.unknown().refine((v) => (v instanceof Date ? !Number.isNaN(v.getTime()) : typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string')).optional(),
  phase: z.union([z.string(), z.array(z.string())]).optional(),
  maxResults: z.number().int().positive().optional(),
});

/** The shape check of one options object: {@link EVALUATE_OPTIONS_CHECK} or progress's, with `method`. @internal */
export type OptionsCheck = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** Options after validation, against a plan and its measurements. */
export interface ResolvedOptions {
  /** The local date evaluated at. */
  at: string;
  phases: Phase[];
  method: ProgressMethod;
  /** The work budget: most results one evaluation may judge. */
  maxResults: number;
}




/** Today's date in Vietnam (UTC+07:00). */
function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The local date an {@link EvaluationInstant} stands for in `timeZone`. Throws
 * {@link EgovPlanError} `usage.invalid_date`.
 */
export function evaluationDate(at: unknown, timeZone: string): string {
  const bad = () =>
    new EgovPlanError([
      issueFrom(MSG.usageInvalidDate, '/at', { at: describe(at) }),
    ]);
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(at.trim())) {
    // A local date is taken as written (no time-zone arithmetic, so any year works).
    if (!isLocalDate(at.trim())) throw bad();
    return at.trim();
  }
  if (!(typeof at === 'string' || typeof at === 'number' || at instanceof Date)) throw bad();
  try {
    const date = localDateOf(at, timeZone);
    if (!isLocalDate(date)) throw bad();
    return date;
  } catch (e) {
    if (isEgovPlanError(e) || e instanceof RangeError) throw bad();
    throw e;
  }
}

function describe(v: unknown): string {
  if (v instanceof Date) return 'Invalid Date';
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 60));
  if (typeof v === 'number') return String(v);
  return `(${v === null ? 'null' : typeof v})`;
}

/**
 * Validates the options of evaluate or progress against a plan: unknown keys, wrong types, an
 * evaluation date that is not a date, unknown phases, an unknown progress method are typed
 * errors (`usage.unknown_option`, `usage.invalid_option`, `usage.invalid_date`,
 * `usage.unknown_phase`). The default date is taken from `observations`.
 *
 * @internal
 */
export function resolveOptions(artifacts: PlanArtifacts, input: unknown, observations: readonly Observation[] | null, check: OptionsCheck): ResolvedOptions {
  const options = checkOptionsShape(input, check);
  const plan: Plan = artifacts.plan;
  let at: string;
  if (options.at !== undefined) at = evaluationDate(options.at, artifacts.calendar.timeZone);
  else {
    let latest: string | null = null;
    // Indexed: a for-of over hundreds of thousands of rows, run once, allocates an iterator result per row.
    const list = observations ?? [];
    for (let i = 0; i < list.length; i++) {
      const end = (list[i] as Observation).end;
      if (latest === null || end > latest) latest = end;
    }
    at = latest ?? todayInVietnam();
  }
  let phases: Phase[];
  if (options.phase !== undefined) {
    const ids: readonly string[] = typeof options.phase === 'string' ? [options.phase] : options.phase;
    const unknown = ids.filter((id) => !plan.phases.some((p) => p.id === id));
    if (unknown.length) {
      const list = (xs: readonly string[]) => xs.map((x) => x.slice(0, 60)).join(', ');
      throw new EgovPlanError([
        issueFrom(MSG.usageUnknownPhase, '/phase', { phases: list(unknown), known: list(plan.phases.map((p) => p.id)) }),
      ]);
    }
    phases = plan.phases.filter((p) => ids.includes(p.id));
  } else phases = phasesAt(plan, at);
  return { at, phases, method: (options as ProgressOptions).method ?? 'cagr', maxResults: options.maxResults ?? DEFAULT_MAX_RESULTS };
}

/**
 * Checks every option that does not depend on the measurements (shape, date, phases), so that an
 * asynchronous source is not read for options that will be refused.
 *
 * @internal
 */
export function checkOptionsEarly(artifacts: PlanArtifacts, input: unknown, check: OptionsCheck): void {
  const options = checkOptionsShape(input, check);
  resolveOptions(artifacts, { ...options, at: options.at ?? '2000-01-01' }, null, check);
}

/**
 * Checks the shape of an options object (before any measurement is read).
 *
 * @internal
 */
export function checkOptionsShape(input: unknown, check: OptionsCheck): ProgressOptions {
  if (input === undefined) return {};
  const r = check.safeParse(input);
  if (r.success) return r.data as ProgressOptions;
  const issues = r.error.issues.map((z): Issue => {
    const key = String(z.path[0] ?? '');
    if (z.code === 'unrecognized_keys') {
      const k = z.keys.map((x) => x.slice(0, 40)).join(', ');
      const known = Object.keys(check.shape).join(', ');
      return issueFrom(MSG.usageUnknownOption, '', { keys: k, known });
    }
    if (key === 'at') return issueFrom(MSG.usageInvalidDateType, '/at', { at: describe((input as Record<string, unknown>).at) });
    if (key === 'phase') return issueFrom(MSG.usageInvalidPhaseOption, '/phase', {});
    if (key === 'maxResults') return issueFrom(MSG.usageInvalidMaxResults, '/maxResults', {});
    if (key === 'method') return issueFrom(MSG.usageInvalidMethod, '/method', {});
    return issueFrom(MSG.usageOptionsNotObject, '', {});
  });
  throw new EgovPlanError(issues);
}

/**
 * The phases whose targets are evaluated at `at`: those containing it, or else the latest phase
 * that has begun (so a phase that has ended is still judged until the next one starts).
 */
export function phasesAt(plan: Plan, at: string): Phase[] {
  const containing = plan.phases.filter((p) => p.start <= at && at <= p.end);
  if (containing.length) return containing;
  const begun = plan.phases.filter((p) => p.start <= at);
  if (!begun.length) return [];
  const latest = begun.reduce((m, p) => (p.start > m ? p.start : m), '');
  return begun.filter((p) => p.start === latest);
}
