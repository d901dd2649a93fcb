import * as z from 'zod';
import { Plan, Target, MAX_RULE_FILE_CHANGES } from './plan.js';
import { Id } from './text.js';
import { isUnresolvedRuleFile, validateWith, type ValidationResult } from './validate.js';
// Named by the generated types below (scripts/generate-types.ts).
import type { AdministrativeUnit, Agency, BilingualText, BodyTask, Duty, Indicator, IndicatorOrigin, ItemOrigin, ItemOverride, ItemWithdrawal, LegalBasis, LocalDate, Objective, Phase, ReportingCalendar, ReportingObligation, ResolvedFrom, SourceNote, TargetOrigin, TargetOverride, TargetWithdrawal, Task, TaskGroup } from './index.js';

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
  .enum(['phases', 'indicators', 'agencies', 'administrativeUnits', 'tasks', 'bodyTasks', 'taskGroups', 'duties', 'reportingObligations', 'calendar', 'legalBases', 'notes', 'objective'])
  .describe('A part of a base plan an `extends` entry can include or omit.');
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
    include: z.array(InheritedPart).min(1).max(InheritedPart.options.length).optional().describe('Only these parts of the base are inherited.'),
    omit: z.array(InheritedPart).min(1).max(InheritedPart.options.length).optional().describe('These parts of the base are not inherited.'),
  })
  .describe('A base plan taken in part, e.g. {"plan": "kontum-1102-2019", "omit": ["agencies", "administrativeUnits"]}.');
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
export const ExtendsEntry = z.union([PlanReference, PartialBase]).describe('A base plan: its reference, or {plan, include?, omit?} to take only part of it.');
// #region generated type ExtendsEntry (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** An `extends` entry: a whole base (its reference), or a base taken in part ({@link PartialBase}). */
export type ExtendsEntry = PlanReference | PartialBase;
// #endregion

/** A target added to an inherited indicator. */
export const TargetAddition = z
  .strictObject({
    indicator: Id.describe('Id of the indicator (inherited or declared here) the target is added to.'),
    target: Target,
  })
  .describe('A target added to an inherited indicator.');
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
  extends: z.array(ExtendsEntry).min(1).max(MAX_EXTENDS).optional().describe('Plans this file builds on, base first.'),
  addTargets: z.array(TargetAddition).max(MAX_RULE_FILE_CHANGES).optional().describe('Targets added to inherited indicators.'),
}).describe('A rule file: an e-government action plan as data, possibly building on others (extends).');
// #region generated type RuleFile (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A rule file as a province writes it: a {@link Plan} that may also build on other plans
 * (`extends`) and add targets to their indicators (`addTargets`). A rule file is not evaluated
 * as it is: `resolvePlan` (in `@egov-plan/rules`) reads its bases and returns the resolved
 * {@link Plan}. Every resolved plan is also a valid rule file.
 */
export type RuleFile = {
  $schema?: string;
  /**
   * Version of the file format.
   */
  formatVersion: 1;
  /**
   * Stable id of the plan, e.g. "kontum-1102-2019" (what `--plan` and `bundledPlan` take).
   */
  id: Id;
  /**
   * Document number as printed, e.g. "1102/KH-UBND".
   */
  number: string;
  /**
   * Title of the document, verbatim in Vietnamese, with an English rendering.
   */
  title: BilingualText;
  issuer: {
    name: BilingualText;
    /**
     * Administrative unit code of the issuer.
     */
    unit: string | null;
  };
  /**
   * Date of issue.
   */
  date: LocalDate;
  /**
   * The legal documents the plan cites as its bases ("Căn cứ …").
   */
  legalBases: LegalBasis[];
  /**
   * The general objective (Kon Tum: section I.1), verbatim.
   */
  objective?: Objective;
  /**
   * The phases targets belong to (Kon Tum: 2019–2020 and 2021–2025).
   */
  phases: Phase[];
  /**
   * What is measured, each with its targets by phase, level and scope.
   */
  indicators: Indicator[];
  /**
   * Every body the plan names: lead and coordinating agencies, collectives, central bodies.
   */
  agencies: Agency[];
  /**
   * The province, its districts and communes, with when each existed.
   */
  administrativeUnits: AdministrativeUnit[];
  /**
   * The tasks of the appendix table, with lead and coordinating agencies and completion times.
   */
  tasks: Task[];
  /**
   * The tasks as stated in section II, linked to the appendix tasks they correspond to.
   */
  bodyTasks: BodyTask[];
  /**
   * Headings of the groups of section II and of the appendix, verbatim.
   */
  taskGroups?: TaskGroup[];
  /**
   * Duties assigned to bodies in section III (organisation of implementation).
   */
  duties: Duty[];
  /**
   * Reports owed, to whom and by when (the reporting calendar computes their deadlines).
   */
  reportingObligations: ReportingObligation[];
  /**
   * The reporting calendar: period types and data cut-off; the Decree 09/2019 calendar when absent.
   */
  calendar?: ReportingCalendar;
  /**
   * Notes about the source: quirks, interpretations and what was inferred.
   */
  notes: SourceNote[];
  /**
   * Path of the verbatim source text shipped with the plan, relative to the plan file.
   */
  sourceText?: string | null;
  /**
   * Dated changes to targets, applied by evaluation date.
   */
  overrides?: TargetOverride[];
  /**
   * Targets withdrawn from a date.
   */
  withdrawals?: TargetWithdrawal[];
  /**
   * Dated changes to items that are not targets (obligations, agencies, units, tasks, duties, legal bases, notes).
   */
  itemOverrides?: ItemOverride[];
  /**
   * Items (not targets) withdrawn from a date.
   */
  itemWithdrawals?: ItemWithdrawal[];
  /**
   * Written by the resolver and export: the plan and file each item came from.
   */
  itemOrigins?: ItemOrigin[];
  /**
   * Written by the resolver and export: the file that defined each target.
   */
  origins?: TargetOrigin[];
  /**
   * Written by the resolver and export: the plan and file each indicator came from, and the bases that declare it in agreeing words.
   */
  indicatorOrigins?: IndicatorOrigin[];
  /**
   * Written by the resolver and export: the plans resolved into this file, base first.
   */
  resolvedFrom?: ResolvedFrom[];
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
