import * as z from 'zod';
import { Plan, Target, MAX_RULE_FILE_CHANGES } from './plan.js';
import { Id } from './text.js';
import { isUnresolvedRuleFile, validateWith, type ValidationResult } from './validate.js';

// What a province writes: a plan plus the fields that build it on other plans. `extends` names
// the plans it builds on; `addTargets` adds targets to their indicators; `overrides` and
// `withdrawals` (declared on the resolved plan, since evaluation needs them) change their targets
// from a date. The schema is built on the plan schema: this module imports plan.ts, never the
// other way round.

/** Most plans one rule file may name in `extends`. */
export const MAX_EXTENDS = 8;

/** A plan a rule file builds on: a bundled plan id, or a path relative to the extending file. */
export const PlanReference = z
  .string()
  .min(1)
  .max(1000);
// #region generated type PlanReference (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A plan a rule file builds on: a bundled plan id, or a path relative to the extending file. */
export type PlanReference = string;
// #endregion

/**
 * The parts of a plan an `extends` entry can take or leave: its item collections, plus
 * `indicators` (with their targets and the base's target overrides and withdrawals), `calendar`
 * and `objective`.
 */
export const InheritedPart = z
  .enum(['phases', 'indicators', 'agencies', 'administrativeUnits', 'tasks', 'bodyTasks', 'taskGroups', 'duties', 'reportingObligations', 'calendar', 'legalBases', 'notes', 'objective']);
// #region generated type InheritedPart (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * The parts of a plan an `extends` entry can take or leave: its item collections, plus
 * `indicators` (with their targets and the base's target overrides and withdrawals), `calendar`
 * and `objective`.
 */
export type InheritedPart =
  | 'phases'
  | 'indicators'
  | 'agencies'
  | 'administrativeUnits'
  | 'tasks'
  | 'bodyTasks'
  | 'taskGroups'
  | 'duties'
  | 'reportingObligations'
  | 'calendar'
  | 'legalBases'
  | 'notes'
  | 'objective';
// #endregion

/**
 * A base taken in part: `include` lists the only parts inherited, `omit` the parts left out (with
 * both, what `include` lists minus what `omit` lists). What a base leaves out, its own bases'
 * items of that part are left out too — unless another `extends` path brings them.
 */
export const PartialBase = z
  .strictObject({
    plan: PlanReference,
    include: z.array(InheritedPart).min(1).max(InheritedPart.options.length).optional(),
    omit: z.array(InheritedPart).min(1).max(InheritedPart.options.length).optional(),
  });
// #region generated type PartialBase (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A base taken in part: `include` lists the only parts inherited, `omit` the parts left out (with
 * both, what `include` lists minus what `omit` lists). What a base leaves out, its own bases'
 * items of that part are left out too — unless another `extends` path brings them.
 */
export type PartialBase = {
  plan: PlanReference;
  /**
   * Only these parts of the base are inherited.
   */
  include?: InheritedPart[];
  /**
   * These parts of the base are not inherited.
   */
  omit?: InheritedPart[];
};
// #endregion

/** An `extends` entry: a whole base (its reference), or a base taken in part ({@link PartialBase}). */
export const ExtendsEntry = z.union([PlanReference, PartialBase]);
// #region generated type ExtendsEntry (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** An `extends` entry: a whole base (its reference), or a base taken in part ({@link PartialBase}). */
export type ExtendsEntry = PlanReference | PartialBase;
// #endregion

/** A target added to an inherited indicator. */
export const TargetAddition = z
  .strictObject({
    indicator: Id.clone(),
    target: Target,
  });
// #region generated type TargetAddition (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A target added to an inherited indicator. */
export type TargetAddition = {
  /**
   * Id of the indicator (inherited or declared here) the target is added to.
   */
  indicator: Id;
  target: Target;
};
// #endregion

/**
 * A rule file as a province writes it: a {@link Plan} that may also build on other plans
 * (`extends`) and add targets to their indicators (`addTargets`). A rule file is not evaluated
 * as it is: `resolvePlan` (in `@egov-plan/rules`) reads its bases and returns the resolved
 * {@link Plan}. Every resolved plan is also a valid rule file.
 */
export const RuleFile = Plan.extend({
  extends: z.array(ExtendsEntry).min(1).max(MAX_EXTENDS).optional(),
  addTargets: z.array(TargetAddition).max(MAX_RULE_FILE_CHANGES).optional(),
}).clone();
// #region generated type RuleFile (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A rule file as a province writes it: a {@link Plan} that may also build on other plans
 * (`extends`) and add targets to their indicators (`addTargets`). A rule file is not evaluated
 * as it is: `resolvePlan` (in `@egov-plan/rules`) reads its bases and returns the resolved
 * {@link Plan}. Every resolved plan is also a valid rule file.
 */
export type RuleFile = Omit<Plan, 'extends' | 'addTargets'> & {
  /**
   * Plans this file builds on, base first.
   */
  extends?: ExtendsEntry[];
  /**
   * Targets added to inherited indicators.
   */
  addTargets?: TargetAddition[];
};
// #endregion
/** A rule file as written (before defaults are applied). */
export type RuleFileInput = z.input<typeof RuleFile>;

/**
 * Validates an unknown value (e.g. parsed JSON) as a {@link RuleFile}: format version, schema,
 * and — for a file without `extends` or `addTargets`, which is a whole plan — consistency. A file
 * that extends others can only be checked as a whole once resolved (`resolvePlan`). Never throws
 * for bad input; returns every issue found.
 */
export function validateRuleFile(input: unknown): ValidationResult<RuleFile> {
  return validateWith(RuleFile, input, !isUnresolvedRuleFile(input));
}
