import type { Deadline, Plan, Target } from '@egov-plan/core';
import type { CalendarRules } from '../calendar/periods.js';
import type { CompiledPredicate } from './compile.js';
import type { OrgUnitDirectory } from './measurements.js';
import type { PeriodLookup } from './periods.js';
import type { TargetTimeline } from './timeline.js';

// The key under which a compiled plan carries what was derived from it, and the accessor every
// module uses (a leaf module, so that the calendar and the timelines can read it without cycles).

/** @internal */
export const ARTIFACTS: unique symbol = Symbol('egov-plan.compiled-plan');

/**
 * What a compiled plan carries; shared by evaluation, progress and the calendar.
 *
 * @internal
 */
export interface PlanArtifacts {
  readonly plan: Plan;
  readonly timelines: ReadonlyMap<string, TargetTimeline>;
  readonly directory: OrgUnitDirectory;
  /** The ids of {@link OrgUnitDirectory.provinceIds}, as a set. */
  readonly province: ReadonlySet<string>;
  readonly periods: PeriodLookup;
  readonly calendar: CalendarRules;
  /** Deadlines computed so far, by obligation and period (the plan is frozen: they cannot go stale). */
  readonly deadlines: Map<string, Deadline>;
  /** The compiled predicate of a target version. */
  predicate(target: Target): CompiledPredicate;
}

/**
 * The artifacts of a compiled plan, or null for a plain plan.
 *
 * @internal
 */
export function compiledArtifacts(plan: object): PlanArtifacts | null {
  return Object.prototype.hasOwnProperty.call(plan, ARTIFACTS) ? (plan as Record<typeof ARTIFACTS, PlanArtifacts>)[ARTIFACTS] : null;
}
