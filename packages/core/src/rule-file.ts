import * as z from 'zod';
import { RuleConditions } from './conditions.js';
import type { Plan } from './plan.js';
import { BilingualText, Id, LocalDate, SourceRef } from './text.js';

// Fields a rule file adds to a plan so that provinces extend plans by data, not code: `extends`
// names the plans it builds on; `addTargets`, `overrides` and `withdrawals` change their targets,
// each change effective from a date (like OpenFisca's dated parameters, but declared as data).
// The schemas are built by `ruleFileFields`, which `plan.ts` calls with its own target schemas,
// so that this module never imports `plan.ts` at run time (no import cycle).

/** Most plans one rule file may name in `extends`. */
export const MAX_EXTENDS = 8;
/** Most entries of each of `addTargets`, `overrides` and `withdrawals`. */
export const MAX_RULE_FILE_CHANGES = 2000;

/** A plan a rule file builds on: a bundled plan id, or a path relative to the extending file. */
export const PlanReference = z
  .string()
  .min(1)
  .max(1000)
  .describe('A bundled plan id (e.g. "vn-nq17-2019") or a path relative to this file (e.g. "./base.json").');
/** A plan a rule file builds on. */
export type PlanReference = z.infer<typeof PlanReference>;

/**
 * Where an item was written before the plan was resolved: the file (a bundled plan id or a path)
 * and the JSON pointer into it. `egov-plan export` records it so provenance survives export.
 */
export const ProvenanceOrigin = z
  .strictObject({
    file: z.string().min(1).max(1000).describe('Bundled plan id or file path.'),
    pointer: z.string().max(1000).describe('RFC 6901 JSON pointer into that file.'),
  })
  .describe('The file and position an item comes from.');
/** Where an item was written. */
export type ProvenanceOrigin = z.infer<typeof ProvenanceOrigin>;

/** Where a target was defined, recorded when a plan with `extends` is exported as one file. */
export const TargetOrigin = z
  .strictObject({ target: Id, file: ProvenanceOrigin.shape.file, pointer: ProvenanceOrigin.shape.pointer })
  .describe('The file that defined a target.');
/** Where a target was defined. */
export type TargetOrigin = z.infer<typeof TargetOrigin>;

/** One plan that went into a resolved plan, base first. */
export const ResolvedFrom = z
  .strictObject({ file: z.string().min(1).max(1000), plan: Id, number: z.string() })
  .describe('A plan that went into this resolved file.');
/** One plan that went into a resolved plan. */
export type ResolvedFrom = z.infer<typeof ResolvedFrom>;

/** The target schemas of `plan.ts` that the rule-file fields are built from. */
export interface RuleFileDependencies<T extends z.ZodType, C extends z.ZodType, L extends z.ZodType, S extends z.ZodType> {
  Target: T;
  Comparator: C;
  AdministrativeLevel: L;
  TargetScope: S;
}

/**
 * The optional top-level fields of a rule file, as zod schemas. Called once by `plan.ts`, which
 * spreads them into the `Plan` schema; use `Plan.shape.overrides` etc. to reach a single schema.
 */
export function ruleFileFields<T extends z.ZodType, C extends z.ZodType, L extends z.ZodType, S extends z.ZodType>(deps: RuleFileDependencies<T, C, L, S>) {
  const TargetChanges = z
    .strictObject({
      comparator: deps.Comparator.optional(),
      value: z.union([z.number().finite().min(0), z.literal(true)]).optional().describe("New value in the indicator's unit (percent as written: 50 for 50%)."),
      level: deps.AdministrativeLevel.nullable().optional(),
      scope: deps.TargetScope.optional(),
      conditions: RuleConditions.nullable().optional().describe('New json-rules-engine conditions; null goes back to conditions derived from comparator and value.'),
      wording: z.string().optional(),
      requirement: BilingualText.optional(),
      note: BilingualText.optional(),
    })
    .describe('The fields an override changes; every other field keeps its value.');
  const TargetOverride = z
    .strictObject({
      target: Id.describe('Id of the target changed (inherited or declared in this file).'),
      effectiveFrom: LocalDate.nullable().describe('First day the change applies (the evaluation date decides); null: from the start.'),
      set: TargetChanges,
      source: SourceRef.describe('The decision that makes the change: section and verbatim quote.'),
      reason: BilingualText.optional(),
      origin: ProvenanceOrigin.optional().describe('Written by export: where the override was declared.'),
    })
    .describe('A dated change to a target.');
  const TargetWithdrawal = z
    .strictObject({
      target: Id,
      effectiveFrom: LocalDate.nullable().describe('First day the target no longer applies; null: never applies.'),
      source: SourceRef,
      reason: BilingualText.optional(),
      origin: ProvenanceOrigin.optional(),
    })
    .describe('A target withdrawn from a date.');
  const TargetAddition = z
    .strictObject({
      indicator: Id.describe('Id of the indicator (inherited or declared here) the target is added to.'),
      target: deps.Target,
    })
    .describe('A target added to an inherited indicator.');
  return {
    extends: z.array(PlanReference).min(1).max(MAX_EXTENDS).optional().describe('Plans this file builds on, base first.'),
    addTargets: z.array(TargetAddition).max(MAX_RULE_FILE_CHANGES).optional(),
    overrides: z.array(TargetOverride).max(MAX_RULE_FILE_CHANGES).optional(),
    withdrawals: z.array(TargetWithdrawal).max(MAX_RULE_FILE_CHANGES).optional(),
    origins: z.array(TargetOrigin).optional().describe('Written by export: the file that defined each target.'),
    resolvedFrom: z.array(ResolvedFrom).optional().describe('Written by export: the plans resolved into this file, base first.'),
  };
}

/** A dated change to a target. */
export type TargetOverride = NonNullable<Plan['overrides']>[number];
/** The fields an override changes. */
export type TargetChanges = TargetOverride['set'];
/** A target withdrawn from a date. */
export type TargetWithdrawal = NonNullable<Plan['withdrawals']>[number];
/** A target added to an inherited indicator. */
export type TargetAddition = NonNullable<Plan['addTargets']>[number];
