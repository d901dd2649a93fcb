import * as z from 'zod';
import { PeriodSystem, PeriodType } from './calendar.js';
import { ISSUE_CODE_LIST } from './issue-codes.js';
import { ProgressMethod } from './progress-method.js';
import { AdministrativeLevel, AgreeingDeclaration, Comparator, TargetScope, Task, Unit } from './plan.js';
import { BilingualText, Id, LocalDate, SourceRef } from './text.js';

// What the library returns, as schemas: the verdicts of `evaluate`, the report of `progress`, the
// calendar snapshot of `reportingCalendarAt` and the task statuses of `planTaskStatuses` (all in
// @egov-plan/rules). The TypeScript types @egov-plan/rules returns are inferred from these, the
// published JSON Schemas (`schema/*.schema.json`, io "output") are generated from them, and the
// HTTP package builds its OpenAPI responses from them. Every object is strict: a field that is not
// documented here is not part of the output. A module of its own, so a bundle that only validates
// plans never carries it.

// --- issues ---------------------------------------------------------------------------------

/** How serious an issue is: an `error` makes the input invalid, a `warning` does not. */
export const IssueSeverity = z.enum(['error', 'warning']);
// #region generated type IssueSeverity (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** How serious an issue is: an `error` makes the input invalid, a `warning` does not. */
export type IssueSeverity = 'error' | 'warning';
// #endregion

/**
 * Every problem the library reports, as a value a program can branch on.
 *
 * - `code`: stable, machine-readable (see {@link IssueCode});
 * - `pointer`: RFC 6901 JSON pointer into the offending document ("" for the whole document);
 * - `message`: Vietnamese and English;
 * - `line` / `column`: 1-based position in the file, when the issue came from file text;
 * - `file`: the file, when known;
 * - `severity`: `warning` for something worth a reader's attention that does not make the input
 *   invalid (a check reporting only warnings passes); absent or `error` otherwise.
 */
export const Issue = z
  .strictObject({
    code: z.enum(ISSUE_CODE_LIST),
    pointer: z.string(),
    message: BilingualText.clone(),
    line: z.number().int().min(1).optional(),
    column: z.number().int().min(1).optional(),
    file: z.string().optional(),
    severity: IssueSeverity.optional(),
  });
// #region generated type Issue (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Every problem the library reports, as a value a program can branch on.
 *
 * - `code`: stable, machine-readable (see {@link IssueCode});
 * - `pointer`: RFC 6901 JSON pointer into the offending document ("" for the whole document);
 * - `message`: Vietnamese and English;
 * - `line` / `column`: 1-based position in the file, when the issue came from file text;
 * - `file`: the file, when known;
 * - `severity`: `warning` for something worth a reader's attention that does not make the input
 *   invalid (a check reporting only warnings passes); absent or `error` otherwise.
 */
export type Issue = {
  /**
   * Stable machine-readable code, one of the registry (docs/errors.md).
   */
  code:
    | 'json.syntax'
    | 'json.too_many_issues'
    | 'json.duplicate_key'
    | 'file.not_found'
    | 'file.too_large'
    | 'file.rejected'
    | 'file.encoding'
    | 'schema.invalid_type'
    | 'schema.missing_key'
    | 'schema.unknown_key'
    | 'schema.out_of_range'
    | 'schema.invalid_value'
    | 'schema.invalid_format'
    | 'schema.invisible_character'
    | 'schema.mixed_script'
    | 'schema.invalid'
    | 'plan.unsupported_format_version'
    | 'plan.duplicate_id'
    | 'plan.unknown_agency'
    | 'plan.unknown_phase'
    | 'plan.unknown_reference'
    | 'plan.end_before_start'
    | 'plan.unit_mismatch'
    | 'plan.unknown_plan'
    | 'plan.unresolved_rule_file'
    | 'plan.obligation_period'
    | 'calendar.invalid_date'
    | 'calendar.invalid_instant'
    | 'calendar.invalid_period_id'
    | 'calendar.out_of_range'
    | 'calendar.undeclared_period_type'
    | 'calendar.too_many_events'
    | 'calendar.no_working_day_after_cut_off'
    | 'calendar.period_type_mismatch'
    | 'calendar.period_required'
    | 'calendar.plan_required'
    | 'calendar.unknown_obligation'
    | 'calendar.invalid_due_soon_days'
    | 'calendar.invalid_timeframe'
    | 'calendar.unknown_task'
    | 'calendar.unknown_agency'
    | 'calendar.invalid_progress'
    | 'calendar.duplicate_progress'
    | 'calendar.invalid_range'
    | 'calendar.ics_failed'
    | 'rules.forbidden_key'
    | 'rules.not_data'
    | 'rules.too_deep'
    | 'rules.too_long'
    | 'rules.too_many_items'
    | 'rules.too_many_values'
    | 'rules.too_many_conditions'
    | 'rules.too_many_targets'
    | 'rules.too_many_files'
    | 'rules.too_many_results'
    | 'rules.unverified_provenance'
    | 'rules.too_many_issues'
    | 'rules.unknown_operator'
    | 'rules.unknown_fact'
    | 'rules.unsafe_path'
    | 'rules.condition_reference'
    | 'rules.condition_params'
    | 'rules.condition_root'
    | 'rules.condition_shape'
    | 'rules.operator_value'
    | 'rules.extends_cycle'
    | 'rules.unknown_base'
    | 'rules.path_not_allowed'
    | 'rules.invalid_base'
    | 'rules.unknown_target'
    | 'rules.unknown_item'
    | 'rules.unknown_indicator'
    | 'rules.conflicting_definition'
    | 'rules.conflicting_override'
    | 'rules.conflicting_withdrawal'
    | 'rules.override_after_withdrawal'
    | 'measurement.missing_header'
    | 'measurement.missing_column'
    | 'measurement.no_data_rows'
    | 'measurement.unknown_column'
    | 'measurement.duplicate_column'
    | 'measurement.extra_cells'
    | 'measurement.unterminated_quote'
    | 'measurement.invalid_document'
    | 'measurement.too_deep'
    | 'measurement.unknown_key'
    | 'measurement.invisible_character'
    | 'measurement.mixed_script'
    | 'measurement.unknown_indicator'
    | 'measurement.missing_value'
    | 'measurement.invalid_value'
    | 'measurement.invalid_number'
    | 'measurement.out_of_range'
    | 'measurement.invalid_level'
    | 'measurement.missing_level'
    | 'measurement.unknown_org_unit'
    | 'measurement.level_mismatch'
    | 'measurement.invalid_period'
    | 'measurement.duplicate'
    | 'measurement.after_at'
    | 'measurement.too_many_issues'
    | 'measurement.inconsistent_counts'
    | 'usage.invalid_date'
    | 'usage.async_source'
    | 'usage.unknown_phase'
    | 'usage.unknown_option'
    | 'usage.invalid_option'
    | 'usage.invalid_plan'
    | 'usage.invalid_measurements'
    | 'usage.chromium_not_found'
    | 'usage.missing_dependency'
    | 'usage.missing_command'
    | 'usage.unknown_command'
    | 'usage.missing_argument'
    | 'usage.missing_option'
    | 'usage.missing_option_value'
    | 'usage.too_many_arguments'
    | 'usage.invalid_value'
    | 'usage.conflicting_options'
    | 'usage.internal_error'
    | 'file.output_failed'
    | 'file.workbook_not_read'
    | 'store.invalid_record'
    | 'store.invalid_provenance'
    | 'store.duplicate_import'
    | 'store.unknown_import'
    | 'store.already_retracted'
    | 'store.not_found'
    | 'store.open_failed'
    | 'store.schema_too_new'
    | 'store.busy'
    | 'store.connection_failed'
    | 'store.backend_error'
    | 'store.invalid_schema'
    | 'store.partially_written'
    | 'store.restore_failed'
    | 'store.backup_partial'
    | 'store.restore_not_atomic'
    | 'workbook.invalid'
    | 'workbook.too_large'
    | 'workbook.zip_bomb'
    | 'workbook.too_many_rows'
    | 'workbook.formula_without_result'
    | 'workbook.cell_error'
    | 'workbook.percent_shown_rounded'
    | 'workbook.percent_format'
    | 'workbook.merged_cells'
    | 'workbook.hidden_sheet'
    | 'workbook.no_measurements'
    | 'workbook.skipped_sheet'
    | 'workbook.no_data_rows'
    | 'workbook.rejected'
    | 'http.not_found'
    | 'http.unauthorized'
    | 'http.forbidden'
    | 'http.payload_too_large'
    | 'http.unsupported_media_type'
    | 'http.request_timeout'
    | 'http.invalid_parameter'
    | 'http.internal_error';
  /**
   * RFC 6901 JSON pointer into the offending document ("" for the whole document; "/3" for CSV row 3).
   */
  pointer: string;
  /**
   * This issue's own message, naming the values at fault, in Vietnamese and English.
   */
  message: BilingualText;
  /**
   * 1-based line in the file, when the issue came from file text.
   */
  line?: number;
  /**
   * 1-based column in the file, when the issue came from file text.
   */
  column?: number;
  /**
   * The file, when known.
   */
  file?: string;
  severity?: IssueSeverity;
};
// #endregion

// --- evaluation -----------------------------------------------------------------------------

/** The verdict on one target for one org unit. */
export const TargetStatus = z
  .enum(['met', 'not-met', 'no-data', 'not-applicable']);
// #region generated type TargetStatus (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** The verdict on one target for one org unit. */
export type TargetStatus = 'met' | 'not-met' | 'no-data' | 'not-applicable';
// #endregion

/** Where the value that counts came from. */
export const ValueBasis = z
  .enum(['measurement', 'evidence', 'province-value', 'summed-counts']);
// #region generated type ValueBasis (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Where the value that counts came from. */
export type ValueBasis = 'measurement' | 'evidence' | 'province-value' | 'summed-counts';
// #endregion

/** One change of a target field by an override. */
export const FieldChange = z
  .strictObject({
    field: z.string().min(1),
    from: z.unknown().optional(),
    to: z.unknown().optional(),
  });
// #region generated type FieldChange (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** One change of a target field by an override. */
export type FieldChange = {
  /**
   * The target field changed ("value", "comparator", "conditions", …).
   */
  field: string;
  /**
   * The value it replaced (absent when the field was not set).
   */
  from?: unknown;
  /**
   * The value it was given (absent when the field was removed).
   */
  to?: unknown;
};
// #endregion

/** What a provenance step did to a target. */
export const ProvenanceAction = z.enum(['defined', 'overridden', 'withdrawn']);
// #region generated type ProvenanceAction (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** What a provenance step did to a target. */
export type ProvenanceAction = 'defined' | 'overridden' | 'withdrawn';
// #endregion

/**
 * One step of a target's provenance: who defined, changed or withdrew it, where (file and JSON
 * pointer), from when, what it replaced, and the source text that justifies it.
 */
export const ProvenanceStep = z
  .strictObject({
    action: ProvenanceAction,
    file: z.string().min(1),
    pointer: z.string(),
    effectiveFrom: LocalDate.nullable().clone(),
    changes: z.array(FieldChange),
    source: SourceRef.clone(),
    reason: BilingualText.optional().clone(),
    claimed: z
      .literal(true)
      .optional(),
    agreeing: z.array(AgreeingDeclaration).optional(),
  });
// #region generated type ProvenanceStep (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * One step of a target's provenance: who defined, changed or withdrew it, where (file and JSON
 * pointer), from when, what it replaced, and the source text that justifies it.
 */
export type ProvenanceStep = {
  action: ProvenanceAction;
  /**
   * The bundled plan id or file path that made the step (the plan id when the file is unknown).
   */
  file: string;
  /**
   * JSON pointer into that file.
   */
  pointer: string;
  /**
   * First day of effect; null: from the start.
   */
  effectiveFrom: LocalDate | null;
  /**
   * For overrides: each field changed, with the value it replaced; empty otherwise.
   */
  changes: FieldChange[];
  /**
   * The section and verbatim quote the step rests on.
   */
  source: SourceRef;
  /**
   * Why the step was made, when the rule file says.
   */
  reason?: BilingualText;
  /**
   * True when `file` and `pointer` are only what the plan file claims (a provenance field naming a file that could not be checked); absent when the resolver read that file itself or verified the claim against a bundled plan.
   */
  claimed?: true;
  /**
   * For a definition: the other bases that define the same target in agreeing words (plan, number, section), merged into it by the resolver; absent when only one did.
   */
  agreeing?: AgreeingDeclaration[];
};
// #endregion

/** Why a unit's value is not in a roll-up's sum. */
export const LeftOutReason = z
  .enum(['no-counts', 'other-period', 'not-summable', 'not-in-force']);
// #region generated type LeftOutReason (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Why a unit's value is not in a roll-up's sum. */
export type LeftOutReason = 'no-counts' | 'other-period' | 'not-summable' | 'not-in-force';
// #endregion

/** A unit's value that a roll-up received but did not sum, and why. */
export const LeftOutValue = z
  .strictObject({
    orgUnit: z.string().min(1),
    period: z.string().min(1),
    value: z.union([z.number(), z.boolean()]),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    reason: LeftOutReason,
  });
// #region generated type LeftOutValue (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A unit's value that a roll-up received but did not sum, and why. */
export type LeftOutValue = {
  /**
   * The org unit as named in the measurements.
   */
  orgUnit: string;
  /**
   * Reporting period of the value left out (for "other-period": of its latest counts).
   */
  period: string;
  /**
   * The value left out.
   */
  value: number | boolean;
  /**
   * Its numerator, when known.
   */
  numerator: number | null;
  /**
   * Its denominator, when known.
   */
  denominator: number | null;
  reason: LeftOutReason;
};
// #endregion

/** One unit's counts in a roll-up's sum. */
export const SummedCounts = z
  .strictObject({
    orgUnit: z.string().min(1),
    numerator: z.number(),
    denominator: z.number(),
  });
// #region generated type SummedCounts (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** One unit's counts in a roll-up's sum. */
export type SummedCounts = {
  /**
   * The org unit as named in the measurements.
   */
  orgUnit: string;
  /**
   * Its numerator for the period summed.
   */
  numerator: number;
  /**
   * Its denominator for the period summed.
   */
  denominator: number;
};
// #endregion

/** How many of a level's known units reported (completeness, as DHIS2 reports it). */
export const RollUpCoverage = z
  .strictObject({
    level: AdministrativeLevel.clone(),
    known: z.number().int().min(0),
    reported: z.number().int().min(0),
    missing: z.array(z.string().min(1)),
  });
// #region generated type RollUpCoverage (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** How many of a level's known units reported (completeness, as DHIS2 reports it). */
export type RollUpCoverage = {
  /**
   * The level rolled up.
   */
  level: AdministrativeLevel;
  /**
   * Org units the plan declares at that level and in force on the evaluation date — `at`, or the phase's last day when the phase ended before — with the rule file's dated unit and agency changes applied (administrative units, and agencies that are not groups), the province itself excepted.
   */
  known: number;
  /**
   * How many of those have a value in the window (with or without counts).
   */
  reported: number;
  /**
   * The known units without a value in the window, in numeric-aware order of their ids.
   */
  missing: string[];
};
// #endregion

/** What went into a whole-province figure computed from the org units' values. */
export const RollUp = z
  .strictObject({
    summed: z.array(SummedCounts),
    leftOut: z.array(LeftOutValue),
    coverage: RollUpCoverage.nullable().clone(),
  });
// #region generated type RollUp (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** What went into a whole-province figure computed from the org units' values. */
export type RollUp = {
  /**
   * The units whose counts were summed, in numeric-aware order of their ids; empty when nothing could be summed.
   */
  summed: SummedCounts[];
  /**
   * Every unit (of the level, or any unit below the province for a target without a level) with a value in the window that is not in the sum, and why; nothing received is dropped silently.
   */
  leftOut: LeftOutValue[];
  /**
   * For a target with a level: how many of the level's known units reported; null for a target without a level.
   */
  coverage: RollUpCoverage | null;
};
// #endregion

/** One target judged for one org unit (or for the province as a whole): an element of `Evaluation.results`. */
export const TargetResult = z
  .strictObject({
    indicator: Id.clone(),
    target: Id.clone(),
    orgUnit: z.string().min(1),
    level: AdministrativeLevel.nullable().clone(),
    scope: TargetScope.clone(),
    targetLevel: AdministrativeLevel.nullable().clone(),
    phase: Id.clone(),
    status: TargetStatus,
    value: z.union([z.number(), z.boolean()]).nullable(),
    targetValue: z.union([z.number(), z.boolean()]),
    comparator: Comparator.clone(),
    unit: Unit.clone(),
    gap: z.number().nullable(),
    period: z.string().min(1).nullable(),
    periodEnd: LocalDate.nullable().clone(),
    basis: ValueBasis.nullable().clone(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    contributors: z.number().int().min(0).nullable(),
    effectiveFrom: LocalDate.nullable().clone(),
    provenance: z.array(ProvenanceStep).min(1),
    source: SourceRef.clone(),
    headline: z
      .boolean(),
    rollUp: RollUp.nullable().clone(),
    explanation: BilingualText.clone(),
  });
// #region generated type TargetResult (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** One target judged for one org unit (or for the province as a whole): an element of `Evaluation.results`. */
export type TargetResult = {
  /**
   * Indicator id.
   */
  indicator: Id;
  /**
   * Target id.
   */
  target: Id;
  /**
   * The org unit as named in the measurements (for whole-province targets: the province).
   */
  orgUnit: string;
  /**
   * The org unit's level, when known.
   */
  level: AdministrativeLevel | null;
  /**
   * Whom the target binds.
   */
  scope: TargetScope;
  /**
   * The level the target applies to, or null for every level.
   */
  targetLevel: AdministrativeLevel | null;
  /**
   * Id of the phase the target belongs to.
   */
  phase: Id;
  status: TargetStatus;
  /**
   * The value that counts, or null when there is none.
   */
  value: number | boolean | null;
  /**
   * The target's value in force at the evaluation date.
   */
  targetValue: number | boolean;
  /**
   * The comparison the value must satisfy.
   */
  comparator: Comparator;
  /**
   * The indicator's unit (percent values as written: 20 for 20%).
   */
  unit: Unit;
  /**
   * Value minus target value, in the indicator's unit (rounded to 6 decimals); null when either is not a number.
   */
  gap: number | null;
  /**
   * Reporting period of the value that counts (the date, for dated evidence); null without a value.
   */
  period: string | null;
  /**
   * Last day of that period.
   */
  periodEnd: LocalDate | null;
  /**
   * Where the value came from; null without a value.
   */
  basis: ValueBasis | null;
  /**
   * Numerator behind the value, when known (summed for "summed-counts").
   */
  numerator: number | null;
  /**
   * Denominator behind the value, when known (summed for "summed-counts").
   */
  denominator: number | null;
  /**
   * For "summed-counts": how many org units were summed; null otherwise.
   */
  contributors: number | null;
  /**
   * First day of the target version in force (null: from the start).
   */
  effectiveFrom: LocalDate | null;
  /**
   * How the target version in force came to be, definition first.
   */
  provenance: ProvenanceStep[];
  /**
   * The section and verbatim quote behind the value in force (the override's, when one set it).
   */
  source: SourceRef;
  /**
   * True for the verdict the target asks for: every result of an each-agency or each-unit target, and the province's result (the roll-up) of a whole-province target. False for the per-unit results of a whole-province target with a level (each org unit of that level with measurements, the province itself excepted), which say how each unit of the level stands against the same bar. `results.filter((r) => r.headline)` gives one verdict per target (per org unit for each-agency and each-unit targets); the summary counts only these.
   */
  headline: boolean;
  /**
   * For the province's result of a whole-province target when its figure was computed from the org units (summed counts, or no data after trying): what was summed, what was left out, and the coverage; null otherwise.
   */
  rollUp: RollUp | null;
  /**
   * Why the verdict came out as it did, in Vietnamese and English.
   */
  explanation: BilingualText;
};
// #endregion

const count = () => z.number().int().min(0);

/** How many results have each status. */
export const EvaluationSummary = z
  .strictObject({ met: count(), 'not-met': count(), 'no-data': count(), 'not-applicable': count() });
// #region generated type EvaluationSummary (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** How many results have each status. */
export type EvaluationSummary = {
  /**
   * Number of headline results with status "met".
   */
  met: number;
  /**
   * Number of headline results with status "not-met".
   */
  'not-met': number;
  /**
   * Number of headline results with status "no-data".
   */
  'no-data': number;
  /**
   * Number of headline results with status "not-applicable".
   */
  'not-applicable': number;
};
// #endregion

/** Which evaluator judged the targets. */
export const Evaluator = z.enum(['compiled', 'reference']);
// #region generated type Evaluator (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Which evaluator judged the targets. */
export type Evaluator = 'compiled' | 'reference';
// #endregion

/** What `evaluate` and `evaluateAsync` of @egov-plan/rules return. */
export const Evaluation = z
  .strictObject({
    plan: Id.clone(),
    at: LocalDate.clone(),
    phases: z.array(Id),
    evaluator: Evaluator,
    results: z.array(TargetResult),
    summary: EvaluationSummary,
    issues: z.array(Issue),
    rows: z.number().int().min(0),
  });
// #region generated type Evaluation (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** What `evaluate` and `evaluateAsync` of @egov-plan/rules return. */
export type Evaluation = {
  /**
   * Id of the plan evaluated.
   */
  plan: Id;
  /**
   * The local date evaluated at.
   */
  at: LocalDate;
  /**
   * The phases whose targets were evaluated.
   */
  phases: Id[];
  evaluator: Evaluator;
  /**
   * One verdict per target × org unit, in plan order (indicators, then targets, then org units; for a whole-province target, the province's result first, then the per-unit results of its level).
   */
  results: TargetResult[];
  summary: EvaluationSummary;
  /**
   * Issues of the measurement rows left out (each names its row); nothing is dropped silently.
   */
  issues: Issue[];
  /**
   * Measurement rows read, good and bad.
   */
  rows: number;
};
// #endregion

// --- progress -------------------------------------------------------------------------------

/** Progress category (Open SDG's, plus `not-achieved` for a phase over without the target). */
export const ProgressCategory = z
  .enum(['target-achieved', 'substantial', 'moderate', 'limited', 'deterioration', 'not-achieved', 'not-available']);
// #region generated type ProgressCategory (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Progress category (Open SDG's, plus `not-achieved` for a phase over without the target). */
export type ProgressCategory =
  'target-achieved' | 'substantial' | 'moderate' | 'limited' | 'deterioration' | 'not-achieved' | 'not-available';
// #endregion

/** Progress status for the phase end. */
export const ProgressStatus = z.enum(['on-track', 'at-risk', 'off-track', 'not-available']);
// #region generated type ProgressStatus (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Progress status for the phase end. */
export type ProgressStatus = 'on-track' | 'at-risk' | 'off-track' | 'not-available';
// #endregion

/** One point of a series. */
export const ProgressPoint = z
  .strictObject({
    period: z.string().min(1),
    end: LocalDate.clone(),
    value: z.number(),
  });
// #region generated type ProgressPoint (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** One point of a series. */
export type ProgressPoint = {
  /**
   * Reporting period of the value.
   */
  period: string;
  /**
   * Last day of that period.
   */
  end: LocalDate;
  /**
   * The value.
   */
  value: number;
};
// #endregion

/** Progress of one target for one org unit (or the province). */
export const ProgressResult = z
  .strictObject({
    indicator: Id.clone(),
    target: Id.clone(),
    orgUnit: z.string().min(1),
    phase: Id.clone(),
    method: ProgressMethod.clone(),
    status: ProgressStatus,
    category: ProgressCategory,
    ratio: z.number().nullable(),
    observed: z.number().nullable(),
    required: z.number().nullable(),
    baseline: ProgressPoint.nullable().clone(),
    current: ProgressPoint.nullable().clone(),
    targetValue: z.union([z.number(), z.boolean()]),
    deadline: LocalDate.clone(),
    projected: z.number().nullable(),
    explanation: BilingualText.clone(),
  });
// #region generated type ProgressResult (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Progress of one target for one org unit (or the province). */
export type ProgressResult = {
  /**
   * Indicator id.
   */
  indicator: Id;
  /**
   * Target id.
   */
  target: Id;
  /**
   * The org unit (for whole-province targets: the province).
   */
  orgUnit: string;
  /**
   * Id of the phase.
   */
  phase: Id;
  /**
   * The method that produced the verdict (linear when compound growth is undefined; the explanation says so).
   */
  method: ProgressMethod;
  status: ProgressStatus;
  category: ProgressCategory;
  /**
   * R, observed over required growth (or slope); null when not computed.
   */
  ratio: number | null;
  /**
   * Observed growth rate (cagr) or slope per year (linear).
   */
  observed: number | null;
  /**
   * Growth rate or slope per year needed to reach the target by the deadline.
   */
  required: number | null;
  /**
   * The earlier point the growth is measured from.
   */
  baseline: ProgressPoint | null;
  /**
   * The latest point up to the date.
   */
  current: ProgressPoint | null;
  /**
   * The target's value in force.
   */
  targetValue: number | boolean;
  /**
   * Last day of the phase: the deadline.
   */
  deadline: LocalDate;
  /**
   * Linear method: the value projected at the deadline; null otherwise.
   */
  projected: number | null;
  /**
   * The verdict and its figures, in Vietnamese and English.
   */
  explanation: BilingualText;
};
// #endregion

/** Thresholds on R (observed over required growth), from open-sdg/sdg-build `ProgressMeasure`. */
export const ProgressThresholds = z
  .strictObject({
    substantial: z.number(),
    moderate: z.number(),
    limited: z.number(),
  });
// #region generated type ProgressThresholds (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Thresholds on R (observed over required growth), from open-sdg/sdg-build `ProgressMeasure`. */
export type ProgressThresholds = {
  /**
   * R from which progress is substantial (on track).
   */
  substantial: number;
  /**
   * R from which progress is moderate (at risk).
   */
  moderate: number;
  /**
   * R from which progress is limited; below it, deterioration.
   */
  limited: number;
};
// #endregion

/** What `progress` of @egov-plan/rules returns. */
export const ProgressReport = z
  .strictObject({
    plan: Id.clone(),
    at: LocalDate.clone(),
    phases: z.array(Id),
    method: ProgressMethod.clone(),
    thresholds: ProgressThresholds,
    results: z.array(ProgressResult),
  });
// #region generated type ProgressReport (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** What `progress` of @egov-plan/rules returns. */
export type ProgressReport = {
  /**
   * Id of the plan.
   */
  plan: Id;
  /**
   * The local date assessed at.
   */
  at: LocalDate;
  /**
   * The phases whose targets were assessed.
   */
  phases: Id[];
  /**
   * The method asked for.
   */
  method: ProgressMethod;
  thresholds: ProgressThresholds;
  /**
   * One assessment per target × org unit that evaluation judges (not-applicable ones left out).
   */
  results: ProgressResult[];
};
// #endregion

// --- calendar: periods, deadlines, statuses, the snapshot -----------------------------------

/** A period: its id, type, calendar and inclusive local start and end dates (Asia/Ho_Chi_Minh). */
export const Period = z
  .strictObject({
    id: z.string().min(4),
    type: PeriodType.clone(),
    system: PeriodSystem.clone(),
    start: LocalDate.clone(),
    end: LocalDate.clone(),
  });
// #region generated type Period (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A period: its id, type, calendar and inclusive local start and end dates (Asia/Ho_Chi_Minh). */
export type Period = {
  /**
   * Period id, e.g. "2020Q1" (reporting) or "C2020Q1" (calendar).
   */
  id: string;
  /**
   * Kind of period: month, quarter, half-year, nine-month or year.
   */
  type: PeriodType;
  /**
   * "reporting": with the data cut-off of Decree 09/2019; "calendar": plain Gregorian.
   */
  system: PeriodSystem;
  /**
   * First local date of the period (inclusive).
   */
  start: LocalDate;
  /**
   * Last local date of the period (inclusive).
   */
  end: LocalDate;
};
// #endregion

/** An inclusive interval of local dates. */
export const DateInterval = z.strictObject({ start: LocalDate.clone(), end: LocalDate.clone() });
// #region generated type DateInterval (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** An inclusive interval of local dates. */
export type DateInterval = {
  /**
   * First day (inclusive).
   */
  start: LocalDate;
  /**
   * Last day (inclusive).
   */
  end: LocalDate;
};
// #endregion

/**
 * A computed deadline of one obligation for one period.
 * - `due`: the last local date on which submission is on time, after roll-over; null when the
 *   source gives no day (a window);
 * - `nominalDue`: the same before roll-over;
 * - `window`: from the day after the data cut-off (or the plan's date for a one-off) to the last
 *   on-time day;
 * - `holidayData`: whether the holiday data covering the roll-over is complete.
 */
export const Deadline = z
  .strictObject({
    obligation: Id.clone(),
    period: z.string().nullable(),
    due: LocalDate.nullable().clone(),
    nominalDue: LocalDate.nullable().clone(),
    window: DateInterval.clone(),
    inclusive: z.boolean().nullable(),
    rollOver: z.boolean(),
    rolledOver: z.boolean(),
    wording: z.string(),
    reporters: z.array(Id),
    recipients: z.array(Id),
    source: SourceRef.clone(),
    holidayData: z
      .strictObject({
        complete: z.boolean(),
        years: z.array(z.number().int()),
      }),
  });
// #region generated type Deadline (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A computed deadline of one obligation for one period.
 * - `due`: the last local date on which submission is on time, after roll-over; null when the
 *   source gives no day (a window);
 * - `nominalDue`: the same before roll-over;
 * - `window`: from the day after the data cut-off (or the plan's date for a one-off) to the last
 *   on-time day;
 * - `holidayData`: whether the holiday data covering the roll-over is complete.
 */
export type Deadline = {
  /**
   * Id of the reporting obligation.
   */
  obligation: Id;
  /**
   * Period id, null for a one-off obligation.
   */
  period: string | null;
  /**
   * The last local date on which submission is on time, after roll-over; null when the source gives no day (a window).
   */
  due: LocalDate | null;
  /**
   * The same before roll-over.
   */
  nominalDue: LocalDate | null;
  /**
   * From the day after the data cut-off (or the plan's date for a one-off) to the last on-time day.
   */
  window: DateInterval;
  /**
   * Whether the named day itself is on time; null for a window.
   */
  inclusive: boolean | null;
  /**
   * Whether the rule rolls a last day off a rest day or holiday.
   */
  rollOver: boolean;
  /**
   * Whether roll-over moved the due date.
   */
  rolledOver: boolean;
  /**
   * The deadline as written in the source.
   */
  wording: string;
  /**
   * Who reports (agency or administrative unit ids).
   */
  reporters: Id[];
  /**
   * To whom.
   */
  recipients: Id[];
  /**
   * Where the plan states the obligation, verbatim.
   */
  source: SourceRef;
  /**
   * Whether the holiday data covering the roll-over is complete.
   */
  holidayData: {
    /**
     * true when the holiday data of every year the roll-over looked at is complete.
     */
    complete: boolean;
    /**
     * The years whose holiday data the deadline depends on.
     */
    years: number[];
  };
};
// #endregion

/**
 * Status of one report for one period at an instant.
 * - `not-open`: its data has not closed yet (before the window);
 * - `open`: the window is open, the due date more than `dueSoonDays` away;
 * - `due-soon`: not submitted, due within `dueSoonDays` days (7 by default);
 * - `overdue`: not submitted and the last on-time day has passed;
 * - `on-time`: submitted on or before the last on-time day;
 * - `late`: submitted after it.
 */
export const ReportStatus = z.enum(['not-open', 'open', 'due-soon', 'overdue', 'on-time', 'late']);
// #region generated type ReportStatus (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Status of one report for one period at an instant.
 * - `not-open`: its data has not closed yet (before the window);
 * - `open`: the window is open, the due date more than `dueSoonDays` away;
 * - `due-soon`: not submitted, due within `dueSoonDays` days (7 by default);
 * - `overdue`: not submitted and the last on-time day has passed;
 * - `on-time`: submitted on or before the last on-time day;
 * - `late`: submitted after it.
 */
export type ReportStatus = 'not-open' | 'open' | 'due-soon' | 'overdue' | 'on-time' | 'late';
// #endregion

/**
 * Status of an appendix task at a date.
 * - `not-started`: before the task is owed — before the plan's date, or before the start of a
 *   span such as "2019-2020" — and no completion is recorded;
 * - `in-progress`: owed and not done: from the plan's date up to a completion time that is a
 *   month, quarter or year (the date *by which* it is due), within a span, or with no completion
 *   date at all;
 * - `overdue`: its completion time has ended without recorded completion;
 * - `done`: completion recorded on or before the date;
 * - `ongoing`: a standing duty ("Thường xuyên"), never overdue.
 */
export const TaskStatus = z.enum(['not-started', 'in-progress', 'overdue', 'done', 'ongoing']);
// #region generated type TaskStatus (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Status of an appendix task at a date.
 * - `not-started`: before the task is owed — before the plan's date, or before the start of a
 *   span such as "2019-2020" — and no completion is recorded;
 * - `in-progress`: owed and not done: from the plan's date up to a completion time that is a
 *   month, quarter or year (the date *by which* it is due), within a span, or with no completion
 *   date at all;
 * - `overdue`: its completion time has ended without recorded completion;
 * - `done`: completion recorded on or before the date;
 * - `ongoing`: a standing duty ("Thường xuyên"), never overdue.
 */
export type TaskStatus = 'not-started' | 'in-progress' | 'overdue' | 'done' | 'ongoing';
// #endregion

/**
 * A time expression of the appendix, parsed. A month or quarter is the calendar month or quarter
 * ("Quý II/2019" = 2019-04-01 … 2019-06-30); "Thường xuyên" is `ongoing`; a blank cell is `none`.
 * A span of years, months or quarters ("2019-2020") carries `span: true`.
 */
export const Timeframe = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('interval'),
    start: LocalDate.clone(),
    end: LocalDate.clone(),
    text: z.string(),
    span: z.literal(true).optional(),
  }),
  z.strictObject({ kind: z.literal('ongoing'), text: z.string() }),
  z.strictObject({ kind: z.literal('none') }),
]);
// #region generated type Timeframe (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A time expression of the appendix, parsed. A month or quarter is the calendar month or quarter
 * ("Quý II/2019" = 2019-04-01 … 2019-06-30); "Thường xuyên" is `ongoing`; a blank cell is `none`.
 * A span of years, months or quarters ("2019-2020") carries `span: true`.
 */
export type Timeframe =
  | {
      /**
       * A span of local dates.
       */
      kind: 'interval';
      /**
       * First day (inclusive).
       */
      start: LocalDate;
      /**
       * Last day (inclusive).
       */
      end: LocalDate;
      /**
       * The expression as written, normalised.
       */
      text: string;
      /**
       * Present when the expression spans several years, months or quarters ("2019-2020"): work runs through it. Absent for one month, quarter, half-year or year: a date by which work is due.
       */
      span?: true;
    }
  | {
      /**
       * "Thường xuyên" (a standing duty) or "Hằng năm".
       */
      kind: 'ongoing';
      /**
       * The expression as written, normalised.
       */
      text: string;
    }
  | {
      /**
       * A blank cell.
       */
      kind: 'none';
    };
// #endregion


/** A deadline with the status an unsubmitted report would have at the instant asked about. */
export const DeadlineAt = Deadline.extend({ status: ReportStatus.clone() }).clone();
// #region generated type DeadlineAt (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A deadline with the status an unsubmitted report would have at the instant asked about. */
export type DeadlineAt = Deadline & {
  /**
   * Status of a report not yet submitted, at the instant.
   */
  status: ReportStatus;
};
// #endregion

/**
 * Whether a plan's obligations run at a date.
 * - `in-force`: they do;
 * - `issuer-ceased`: the administrative unit that issued the plan no longer exists (its `validTo`
 *   has passed); its successors are named;
 * - `ended`: the plan's last phase has ended.
 */
export const PlanTermStatus = z.enum(['in-force', 'issuer-ceased', 'ended']);
// #region generated type PlanTermStatus (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Whether a plan's obligations run at a date.
 * - `in-force`: they do;
 * - `issuer-ceased`: the administrative unit that issued the plan no longer exists (its `validTo`
 *   has passed); its successors are named;
 * - `ended`: the plan's last phase has ended.
 */
export type PlanTermStatus = 'in-force' | 'issuer-ceased' | 'ended';
// #endregion

/** A unit that took over from a plan's issuer. */
export const SuccessorUnit = z
  .strictObject({
    code: z.string().min(1),
    name: BilingualText.nullable().clone(),
  });
// #region generated type SuccessorUnit (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A unit that took over from a plan's issuer. */
export type SuccessorUnit = {
  /**
   * Statistical code.
   */
  code: string;
  /**
   * Name, when the plan declares the unit; null when only its code is known.
   */
  name: BilingualText | null;
};
// #endregion

/** The span in which a plan's obligations run, from the plan's own data. */
export const PlanTerm = z
  .strictObject({
    issued: LocalDate.clone(),
    lastPhaseEnd: LocalDate.nullable().clone(),
    issuerLastDay: LocalDate.nullable().clone(),
    successors: z.array(SuccessorUnit),
    lastDay: LocalDate.nullable().clone(),
  });
// #region generated type PlanTerm (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** The span in which a plan's obligations run, from the plan's own data. */
export type PlanTerm = {
  /**
   * The plan's date of issue.
   */
  issued: LocalDate;
  /**
   * Last day of the plan's last phase; null when it declares no phase.
   */
  lastPhaseEnd: LocalDate | null;
  /**
   * Last day the issuing unit existed (its validTo); null while it exists or when the plan does not say.
   */
  issuerLastDay: LocalDate | null;
  /**
   * Units that took over from the issuer on issuerLastDay (empty when none is declared).
   */
  successors: SuccessorUnit[];
  /**
   * The last day obligations run: the earlier of lastPhaseEnd and issuerLastDay; null when neither is known.
   */
  lastDay: LocalDate | null;
};
// #endregion

/** A plan's term seen from one date: its status and, when it no longer runs, why, in both languages. */
export const PlanTermAt = PlanTerm.extend({
  status: PlanTermStatus,
  message: BilingualText.clone(),
}).clone();
// #region generated type PlanTermAt (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A plan's term seen from one date: its status and, when it no longer runs, why, in both languages. */
export type PlanTermAt = PlanTerm & {
  status: PlanTermStatus;
  /**
   * What the status means for the reader, naming the successors when the issuer ceased.
   */
  message: BilingualText;
};
// #endregion

/** Whether the holiday data of a year is complete. */
export const HolidayCoverage = z
  .strictObject({
    year: z.number().int(),
    covered: z.boolean(),
    basis: z
      .enum(['annual-notices', 'partial', 'weekends-and-solar-rules', 'weekly-rest-days-only']),
    sources: z.array(z.string().min(1)),
    unconfirmed: z.array(LocalDate),
    note: BilingualText.clone(),
  });
// #region generated type HolidayCoverage (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Whether the holiday data of a year is complete. */
export type HolidayCoverage = {
  /**
   * The year.
   */
  year: number;
  /**
   * true when every day off of the year is in the data (from the annual notices).
   */
  covered: boolean;
  /**
   * "annual-notices": yearly data complete; "partial": some yearly data, incomplete; "weekends-and-solar-rules": no yearly data, only weekly rest days and solar holidays apply; "weekly-rest-days-only": the calendar declares no public holidays.
   */
  basis: 'annual-notices' | 'partial' | 'weekends-and-solar-rules' | 'weekly-rest-days-only';
  /**
   * Where the year's data comes from.
   */
  sources: string[];
  /**
   * Dates of the year whose data is marked unconfirmed.
   */
  unconfirmed: LocalDate[];
  /**
   * What is missing or uncertain, in both languages.
   */
  note: BilingualText;
};
// #endregion

/** What `reportingCalendarAt` of @egov-plan/rules answers: which period it is, what is due, and how sure the holiday data is. */
export const ReportingCalendarSnapshot = z
  .strictObject({
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/u),
    localDate: LocalDate.clone(),
    timeZone: z.string().min(1),
    period: Period.clone(),
    deadlines: z
      .array(DeadlineAt),
    upcoming: z.array(DeadlineAt),
    history: z.array(Deadline),
    term: PlanTermAt.clone(),
    holidays: HolidayCoverage.clone(),
  });
// #region generated type ReportingCalendarSnapshot (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** What `reportingCalendarAt` of @egov-plan/rules answers: which period it is, what is due, and how sure the holiday data is. */
export type ReportingCalendarSnapshot = {
  /**
   * The instant, ISO 8601 with the local offset (2020-03-16T09:00:00+07:00).
   */
  at: string;
  /**
   * Its local date.
   */
  localDate: LocalDate;
  /**
   * The plan calendar's IANA time zone.
   */
  timeZone: string;
  /**
   * The period of the calendar's primary type (the quarter) containing the instant.
   */
  period: Period;
  /**
   * The deadlines of the current period: for each recurring obligation, its deadline for the period of its type containing the instant; a one-off obligation only when its last day lies in period. Empty once the plan's term is over.
   */
  deadlines: DeadlineAt[];
  /**
   * For each obligation, the next deadline on or after the local date (may belong to an earlier period).
   */
  upcoming: DeadlineAt[];
  /**
   * One-off deadlines of earlier periods: history, never current deadlines; no status is claimed for them.
   */
  history: Deadline[];
  /**
   * Whether the plan's obligations still run at the instant, and why not, naming the successor.
   */
  term: PlanTermAt;
  /**
   * Holiday data coverage of the instant's year.
   */
  holidays: HolidayCoverage;
};
// #endregion

// --- task statuses --------------------------------------------------------------------------

/**
 * Status of a task's continuing work ("Tiếp tục cập nhật, hoàn thiện"), which never makes the task
 * overdue: `not-started` before its period, `in-progress` within it, `ended` after it, `ongoing`
 * for "Thường xuyên".
 */
export const ContinuingStatus = z.enum(['not-started', 'in-progress', 'ended', 'ongoing']);
// #region generated type ContinuingStatus (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Status of a task's continuing work ("Tiếp tục cập nhật, hoàn thiện"), which never makes the task
 * overdue: `not-started` before its period, `in-progress` within it, `ended` after it, `ongoing`
 * for "Thường xuyên".
 */
export type ContinuingStatus = 'not-started' | 'in-progress' | 'ended' | 'ongoing';
// #endregion

/** The status of one task at a date, with what it was judged on (what `taskStatus` returns). */
export const TaskStatusReport = z
  .strictObject({
    task: Id.clone(),
    status: TaskStatus.clone(),
    due: LocalDate.nullable().clone(),
    activeFrom: LocalDate.nullable().clone(),
    completion: Timeframe.clone(),
    continuing: Timeframe.clone(),
    continuingStatus: ContinuingStatus.nullable().clone(),
    doneOn: LocalDate.nullable().clone(),
    onTime: z.boolean().nullable(),
  });
// #region generated type TaskStatusReport (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** The status of one task at a date, with what it was judged on (what `taskStatus` returns). */
export type TaskStatusReport = {
  /**
   * Task id.
   */
  task: Id;
  /**
   * "not-started", "in-progress", "overdue", "done" or "ongoing" (a standing duty, never overdue).
   */
  status: TaskStatus;
  /**
   * The due date: the last day of the completion timeframe; null for "Thường xuyên" or a blank completion cell.
   */
  due: LocalDate | null;
  /**
   * The first day the task is in progress: the plan's date for a one-month, quarter, half-year or year completion time (or a blank one); the start of a span, never before the plan's date. Null for "Thường xuyên".
   */
  activeFrom: LocalDate | null;
  /**
   * The completion time ("Thời gian hoàn thành"), parsed.
   */
  completion: Timeframe;
  /**
   * The continuing period ("Tiếp tục cập nhật, hoàn thiện"), parsed.
   */
  continuing: Timeframe;
  /**
   * Status of the continuing work; null when the continuing cell is blank.
   */
  continuingStatus: ContinuingStatus | null;
  /**
   * Recorded completion date on or before the date asked, else null.
   */
  doneOn: LocalDate | null;
  /**
   * For a done task with a due date: whether it was done by then; null otherwise.
   */
  onTime: boolean | null;
};
// #endregion

/** An agency as shown with a task: its id and name. */
export const NamedAgency = z
  .strictObject({ id: Id.clone(), name: BilingualText.clone() });
// #region generated type NamedAgency (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** An agency as shown with a task: its id and name. */
export type NamedAgency = {
  /**
   * Agency id.
   */
  id: Id;
  /**
   * The agency's name.
   */
  name: BilingualText;
};
// #endregion

/** A task with its status and the names of its agencies: an element of what `planTaskStatuses` returns. */
export const TaskReport = TaskStatusReport.extend({
  id: Id.clone(),
  label: Task.shape.label.clone(),
  group: Task.shape.group.clone(),
  title: BilingualText.clone(),
  lead: z.array(NamedAgency),
  coordinating: z.array(NamedAgency),
  leadThrough: z
    .array(Id),
  source: SourceRef.clone(),
  completionAsWritten: z.string().nullable(),
  continuingAsWritten: z.string().nullable(),
}).clone();
// #region generated type TaskReport (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A task with its status and the names of its agencies: an element of what `planTaskStatuses` returns. */
export type TaskReport = TaskStatusReport & {
  /**
   * Task id (the same as task).
   */
  id: Id;
  /**
   * The row number as printed in the appendix.
   */
  label: string;
  /**
   * The appendix group (I–VI) the task belongs to.
   */
  group: 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI';
  /**
   * The task's title.
   */
  title: BilingualText;
  /**
   * Lead agencies.
   */
  lead: NamedAgency[];
  /**
   * Coordinating agencies.
   */
  coordinating: NamedAgency[];
  /**
   * With the agency option: the collectives among the lead agencies through which that agency leads the task; empty when it is named itself.
   */
  leadThrough: Id[];
  /**
   * Where the task is in the plan.
   */
  source: SourceRef;
  /**
   * The completion cell as written.
   */
  completionAsWritten: string | null;
  /**
   * The continuing cell as written.
   */
  continuingAsWritten: string | null;
};
// #endregion

/** What `planTaskStatuses` of @egov-plan/rules returns: every task (or those an agency leads) with its status. */
export const PlanTaskStatuses = z.array(TaskReport);
// #region generated type PlanTaskStatuses (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** What `planTaskStatuses` of @egov-plan/rules returns: every task (or those an agency leads) with its status. */
export type PlanTaskStatuses = TaskReport[];
// #endregion
