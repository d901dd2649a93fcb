import { EgovPlanError, validatePlan, type Plan, type Target } from '@egov-plan/core';
import { planCalendarRules } from '../calendar/periods.js';
import { compileConditions, targetConditions, type CompiledPredicate } from './compile.js';
import { DEFAULT_RULE_LIMITS } from './limits.js';
import { orgUnitDirectory } from './measurements.js';
import { periodLookup } from './periods.js';
import { forgedProvenance } from './bundled-lookup.js';
import { FATAL_SAFETY_CODES, checkRuleFileValue } from './safety.js';
import { ARTIFACTS, compiledArtifacts, type PlanArtifacts } from './plan-artifacts.js';
import { buildTargetTimelines } from './timeline.js';

// A compiled plan is a deep-frozen, validated copy of a plan that carries everything evaluation,
// progress and the calendar derive from it (target timelines, compiled predicates, the org-unit
// directory, period and calendar look-ups). Nothing is cached on objects a caller can change: a
// plain plan is compiled afresh by every call that takes it, and a compiled plan cannot change.

/**
 * A plan prepared once for many evaluations by {@link compilePlan}: a validated, deep-frozen copy
 * of the plan (every field of {@link Plan} reads as before) that carries its compiled form.
 * Changing the original afterwards does not change it; compile again to see the change.
 */
export type CompiledPlan = Plan & { readonly [ARTIFACTS]: unknown };

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}

/** Builds the artifacts of a plan that is already validated (and, for a compiled plan, frozen). */
function buildArtifacts(plan: Plan): PlanArtifacts {
  const timelines = buildTargetTimelines(plan);
  const predicates = new Map<Target, CompiledPredicate>();
  for (const t of timelines.values()) for (const v of t.versions) predicates.set(v.target, compileConditions(targetConditions(v.target)));
  const directory = orgUnitDirectory(plan);
  const calendar = planCalendarRules(plan);
  return {
    plan,
    timelines,
    directory,
    province: new Set(directory.provinceIds),
    periods: periodLookup(plan),
    calendar,
    deadlines: new Map(),
    predicate(target) {
      let p = predicates.get(target);
      if (!p) {
        // A target version built outside this plan (e.g. by a caller): compiled, not kept.
        p = compileConditions(targetConditions(target));
      }
      return p;
    },
  };
}

/**
 * Validates a plan (as a plan file is validated: safety limits, schema, consistency) and
 * compiles it once for many evaluations: target timelines, compiled predicates, the org-unit
 * directory, period and calendar look-ups. The result is a deep-frozen copy that
 * {@link evaluate}, {@link progress} and the calendar functions accept wherever they take a plan;
 * given a plain plan they compile it on every call.
 *
 * Throws {@link EgovPlanError} with every issue when the plan is not valid (e.g. a condition
 * operator `"constructor"`).
 *
 * @example
 * const compiled = compilePlan(bundledPlan('kontum-1102-2019'));
 * const a = evaluate(compiled, rowsOfMay, { at: '2020-06-14' });
 * const b = evaluate(compiled, rowsOfJune, { at: '2020-09-14' });
 */
export function compilePlan(plan: Plan): CompiledPlan {
  if (isCompiledPlan(plan)) return plan;
  const copy = checkedCopy(plan);
  const artifacts = buildArtifacts(copy);
  Object.defineProperty(copy, ARTIFACTS, { value: artifacts, enumerable: false });
  deepFreeze(copy);
  deepFreeze(artifacts.timelines);
  for (const t of artifacts.timelines.values()) deepFreeze(t);
  return copy as CompiledPlan;
}

/** A validated copy of a plan given from code; throws {@link EgovPlanError} when it is not valid. */
function checkedCopy(plan: unknown): Plan {
  const safety = checkRuleFileValue(plan, DEFAULT_RULE_LIMITS);
  const fatal = safety.filter((i) => FATAL_SAFETY_CODES.has(i.code));
  if (fatal.length) throw new EgovPlanError(fatal);
  const r = validatePlan(plan);
  if (!r.ok) throw new EgovPlanError([...safety, ...r.issues]);
  if (safety.length) throw new EgovPlanError(safety);
  // Provenance that names a bundled plan must hold there; from code, a forged claim is refused
  // (checked when the bundled plans are loaded: without them none can be checked, see bundled-lookup.ts).
  const forged = forgedProvenance(r.value);
  if (forged.length) throw new EgovPlanError(forged.map(({ severity: _warning, ...i }) => i));
  return r.value;
}

/** True when `plan` came from {@link compilePlan}. */
export function isCompiledPlan(plan: unknown): plan is CompiledPlan {
  return plan !== null && typeof plan === 'object' && Object.prototype.hasOwnProperty.call(plan, ARTIFACTS);
}

/**
 * The artifacts of a plan: those it carries when compiled, otherwise built now (after validating
 * it) for one call only.
 *
 * @internal
 */
export function planArtifacts(plan: Plan): PlanArtifacts {
  return compiledArtifacts(plan) ?? buildArtifacts(checkedCopy(plan));
}
