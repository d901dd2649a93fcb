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
  .max(1000)
  .describe('A bundled plan id (e.g. "vn-nq17-2019") or a path relative to this file (e.g. "./base.json").');
/** A plan a rule file builds on. */
export type PlanReference = z.infer<typeof PlanReference>;

/** A target added to an inherited indicator. */
export const TargetAddition = z
  .strictObject({
    indicator: Id.describe('Id of the indicator (inherited or declared here) the target is added to.'),
    target: Target,
  })
  .describe('A target added to an inherited indicator.');
/** A target added to an inherited indicator. */
export type TargetAddition = z.infer<typeof TargetAddition>;

/**
 * A rule file as a province writes it: a {@link Plan} that may also build on other plans
 * (`extends`) and add targets to their indicators (`addTargets`). A rule file is not evaluated
 * as it is: `resolvePlan` (in `@egov-plan/rules`) reads its bases and returns the resolved
 * {@link Plan}. Every resolved plan is also a valid rule file.
 */
export const RuleFile = Plan.extend({
  extends: z.array(PlanReference).min(1).max(MAX_EXTENDS).optional().describe('Plans this file builds on, base first.'),
  addTargets: z.array(TargetAddition).max(MAX_RULE_FILE_CHANGES).optional().describe('Targets added to inherited indicators.'),
}).describe('A rule file: an e-government action plan as data, possibly building on others (extends).');
/** A rule file as a province writes it. */
export type RuleFile = z.infer<typeof RuleFile>;
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
