import * as z from 'zod';
import { DeadlineRule, PeriodType, ReportingCalendar } from './calendar.js';
import { RuleConditions } from './conditions.js';
import { BilingualText, Confidence, Id, LocalDate, SourceRef } from './text.js';

/** The version of the plan / rule file format this library writes. */
export const FORMAT_VERSION = 1 as const;

/** Administrative levels of Vietnamese local government. */
export const AdministrativeLevel = z
  .enum(['province', 'district', 'commune'])
  .describe('province = cấp tỉnh, district = cấp huyện, commune = cấp xã.');
/** Administrative level: `province` (cấp tỉnh), `district` (cấp huyện), `commune` (cấp xã). */
export type AdministrativeLevel = z.infer<typeof AdministrativeLevel>;

/**
 * Whom a target binds.
 * - `each-agency`: every agency on its own ("của từng cơ quan, đơn vị đạt từ 20% trở lên");
 * - `each-unit`: every administrative unit of the target's level on its own;
 * - `whole-province`: the province as a whole (one figure for the province).
 */
export const TargetScope = z.enum(['each-agency', 'each-unit', 'whole-province']);
/** Whom a target binds. */
export type TargetScope = z.infer<typeof TargetScope>;

/**
 * Comparison a measured value must satisfy, with inclusiveness explicit. "tối thiểu", "từ … trở lên",
 * "đạt" and a bare "90% …" all mean at least: `gte`.
 */
export const Comparator = z.enum(['gte', 'gt', 'lte', 'lt', 'eq']);
/** Comparison a measured value must satisfy. */
export type Comparator = z.infer<typeof Comparator>;

/** Unit of an indicator's values. Percent values are written as in the plan: 20 for 20%. */
export const Unit = z.enum(['percent', 'count', 'boolean']);
/** Unit of an indicator's values. */
export type Unit = z.infer<typeof Unit>;

/** A phase of the plan ("giai đoạn 2019 - 2020"), with inclusive local start and end dates. */
export const Phase = z
  .strictObject({
    id: Id.describe('For example "2019-2020".'),
    name: BilingualText,
    start: LocalDate,
    end: LocalDate,
    source: SourceRef,
  })
  .describe('A phase of the plan with inclusive start and end dates.');
/** A phase of the plan. */
export type Phase = z.infer<typeof Phase>;

const targetCommon = {
  id: Id,
  phase: Id.describe('Id of the phase the target belongs to.'),
  level: AdministrativeLevel.nullable().describe('Administrative level, or null for all levels.'),
  scope: TargetScope,
  source: SourceRef,
  note: BilingualText.optional(),
  conditions: RuleConditions.optional().describe('json-rules-engine conditions; derived from comparator and value when absent.'),
};

/** A numeric target: a comparator and a value in the indicator's unit. */
export const QuantitativeTarget = z
  .strictObject({
    ...targetCommon,
    kind: z.literal('quantitative'),
    comparator: Comparator,
    value: z.number().finite().min(0),
    unit: z.enum(['percent', 'count']),
    wording: z.string().optional().describe('The Vietnamese words that fix the comparator, e.g. "tối thiểu", "từ … trở lên".'),
  })
  .superRefine((t, ctx) => {
    if (t.unit === 'percent' && t.value > 100) {
      ctx.addIssue({ code: 'too_big', maximum: 100, origin: 'number', inclusive: true, input: t.value, path: ['value'], message: 'a percentage cannot exceed 100' });
    }
  });
/** A numeric target. */
export type QuantitativeTarget = z.infer<typeof QuantitativeTarget>;

/**
 * A qualitative target: something exists, is issued or is in operation. It is met by yes/no or
 * dated evidence; `value` is always `true` and `comparator` always `eq`.
 */
export const QualitativeTarget = z.strictObject({
  ...targetCommon,
  kind: z.literal('qualitative'),
  comparator: z.literal('eq'),
  value: z.literal(true),
  unit: z.literal('boolean'),
  requirement: BilingualText.describe('What must be true.'),
});
/** A qualitative target. */
export type QualitativeTarget = z.infer<typeof QualitativeTarget>;

/** A target of an indicator for one phase, level and scope. */
export const Target = z.discriminatedUnion('kind', [QuantitativeTarget, QualitativeTarget]);
/** A target of an indicator for one phase, level and scope. */
export type Target = z.infer<typeof Target>;

/**
 * Whose words a text is.
 * - `source`: the words of the source document (`vi` verbatim, whitespace normalised);
 * - `editorial`: this encoding's summary or rewording; the source's words are in `source.quote`.
 */
export const TextOrigin = z.enum(['source', 'editorial']);
/** Whose words a text is: the source's (`source`) or this encoding's (`editorial`). */
export type TextOrigin = z.infer<typeof TextOrigin>;

/** Something the plan measures, with its targets. */
export const Indicator = z
  .strictObject({
    id: Id,
    statement: BilingualText,
    statementOrigin: TextOrigin.optional().describe('"editorial" when statement.vi is a rewording, not the words of the source (read source.quote for those); "source" or absent: the source\'s words.'),
    kind: z.enum(['quantitative', 'qualitative']),
    unit: Unit,
    direction: z.enum(['increase', 'decrease', 'none']).describe('Which way is better; "none" for qualitative indicators.'),
    source: SourceRef,
    targets: z.array(Target),
    note: BilingualText.optional(),
  })
  .describe('Something the plan measures, with its targets.');
/** Something the plan measures, with its targets. */
export type Indicator = z.infer<typeof Indicator>;

/** An electronic identifier code of an agency (Decision 20/2020/QĐ-TTg), with its confidence. */
export const AgencyCode = z.strictObject({
  value: z.string().regex(/^[0-9A-Z.]{1,35}$/u, 'codes use digits, capital letters and dots, at most 35 characters'),
  confidence: Confidence,
  basis: BilingualText.describe('Why the code is believed: where it was read or how it was inferred.'),
});
/** An electronic identifier code of an agency. */
export type AgencyCode = z.infer<typeof AgencyCode>;

/** Kinds of body that appear as lead, coordinating, reporting or receiving agencies. */
export const AgencyKind = z.enum([
  'people-committee',
  'provincial-office',
  'department',
  'sector-agency',
  'district-committee',
  'commune-committee',
  'central-body',
  'enterprise',
  'steering-committee',
  'group',
]);
/** Kinds of agency. */
export type AgencyKind = z.infer<typeof AgencyKind>;

/**
 * Which agencies a collective (`kind: "group"`) comprises, as data: every agency whose `kind` is
 * one of `kinds` and, when `level` is given, whose `level` is that level. Membership is decided
 * by these two fields alone, never guessed from names.
 */
export const GroupMembership = z.strictObject({
  kinds: z.array(AgencyKind.exclude(['group'])).min(1).describe('Agency kinds that belong to the collective.'),
  level: AdministrativeLevel.nullable().describe('Level the members must have; null for any level.'),
  confidence: Confidence,
  basis: BilingualText.describe('Why these kinds make up the collective (the legal or plan text read).'),
});
/** Which agencies a collective comprises. */
export type GroupMembership = z.infer<typeof GroupMembership>;

/**
 * A body named by the plan. `kind: "group"` is a collective the plan names without listing it
 * ("Các sở, ban, ngành, UBND các huyện, thành phố"; "Các đơn vị có liên quan").
 */
export const Agency = z.strictObject({
  id: Id,
  name: BilingualText,
  kind: AgencyKind,
  level: AdministrativeLevel.nullable().optional().describe('Level of government, null for central or non-state bodies.'),
  code: AgencyCode.nullable().describe('Electronic identifier code where known, otherwise null.'),
  members: GroupMembership.optional().describe('For a collective: which declared agencies belong to it; absent when the plan does not say.'),
  note: BilingualText.optional(),
});
/** A body named by the plan. */
export type Agency = z.infer<typeof Agency>;

/** An administrative unit with its period of existence, so units that disappear keep their history. */
export const AdministrativeUnit = z.strictObject({
  code: z.string().regex(/^\d{2,5}$/u).describe('Statistical code (Decision 124/2004/QĐ-TTg list).'),
  name: BilingualText,
  level: AdministrativeLevel,
  parent: z.string().nullable().describe('Code of the parent unit, null for a province.'),
  validFrom: LocalDate.nullable().describe('First day of existence, null where not known.'),
  validTo: LocalDate.nullable().describe('Last day of existence, null while it exists.'),
  successors: z.array(z.string()).describe('Codes of the units that took over on validTo.'),
  confidence: Confidence,
  source: z.string().describe('Where the facts about this unit come from.'),
});
/** An administrative unit with its period of existence. */
export type AdministrativeUnit = z.infer<typeof AdministrativeUnit>;

/** A task of the appendix table ("Phụ lục"), one per printed row. */
export const Task = z.strictObject({
  id: Id.describe('Unique id, e.g. "appendix-v-2b" for the second row printed "2" in group V.'),
  group: z.enum(['I', 'II', 'III', 'IV', 'V', 'VI']),
  label: z.string().min(1).describe('The row number as printed (group V prints "2" twice).'),
  title: BilingualText,
  lead: z.array(Id).min(1).describe('Ids of the lead agencies (cơ quan chủ trì).'),
  leadAsWritten: z.string().describe('The lead-agency cell as printed.'),
  coordinating: z.array(Id).describe('Ids of the coordinating agencies (cơ quan phối hợp).'),
  coordinatingAsWritten: z.string().describe('The coordinating-agency cell as printed.'),
  completion: z.string().nullable().describe('"Thời gian hoàn thành" as written, null when blank.'),
  continuing: z.string().nullable().describe('"Tiếp tục cập nhật, hoàn thiện" as written, null when blank.'),
  note: z.string().nullable().describe('"Ghi chú" as written, null when blank.'),
  bodyTasks: z.array(Id).describe('Ids of the section II items this row restates.'),
  source: SourceRef,
});
/** A task of the appendix table. */
export type Task = z.infer<typeof Task>;

/** A task or solution as stated in section II of the body ("Nhiệm vụ và giải pháp chủ yếu"). */
export const BodyTask = z.strictObject({
  id: Id,
  group: z.string().describe('Section II group number, "1" to "6".'),
  label: z.string().describe('The letter as printed (a, b, c, d, đ, e …).'),
  text: BilingualText,
  appendixTasks: z.array(Id).describe('Ids of the appendix rows that restate this item.'),
  source: SourceRef,
});
/** A task as stated in section II. */
export type BodyTask = z.infer<typeof BodyTask>;

/**
 * The heading of a group of tasks, verbatim: a numbered group of section II (`part: "body"`,
 * `group` "1" to "6") or a Roman-numbered group of the appendix (`part: "appendix"`, `group`
 * "I" to "VI").
 */
export const TaskGroup = z.strictObject({
  part: z.enum(['body', 'appendix']),
  group: z.string().min(1).describe('The group number as printed: "1" … in section II, "I" … in the appendix.'),
  heading: BilingualText.describe('The heading; `vi` verbatim.'),
  source: SourceRef,
});
/** The heading of a group of tasks. */
export type TaskGroup = z.infer<typeof TaskGroup>;

/** The plan's general objective ("Mục tiêu"), verbatim. */
export const Objective = z.strictObject({
  text: BilingualText.describe('The objective; `vi` verbatim.'),
  source: SourceRef,
});
/** The plan's general objective. */
export type Objective = z.infer<typeof Objective>;

/** A duty assigned to a body in section III ("Tổ chức thực hiện"). */
export const Duty = z.strictObject({
  id: Id,
  agencies: z.array(Id).min(1).describe('Ids of the bodies the duty is assigned to.'),
  text: BilingualText,
  source: SourceRef,
  note: BilingualText.optional(),
});
/** A duty assigned to a body in section III. */
export type Duty = z.infer<typeof Duty>;

/**
 * The last on-time day of an obligation two ways: as the words give it, and after the roll-over
 * of Civil Code 2015 Art. 148 (a last day on a rest day or holiday moves to the next working
 * day). "trước 20/5/2019" gives 2019-05-19 as written, a Sunday, so 2019-05-20 after roll-over.
 * Dates for a one-off obligation; for a recurring one both are null (they differ per period:
 * see `Deadline.nominalDue` and `Deadline.due`) and `reading` states the rule.
 */
export const LastOnTimeDay = z.strictObject({
  asWritten: LocalDate.nullable().describe('The last on-time day the words give, before roll-over; null for a recurring obligation.'),
  afterRollOver: LocalDate.nullable().describe('The same day after Art. 148 roll-over; null for a recurring obligation.'),
  reading: BilingualText.describe('Both readings in words, and which one the deadline rule applies.'),
});
/** The last on-time day as written and after roll-over. */
export type LastOnTimeDay = z.infer<typeof LastOnTimeDay>;

/** Who reports what to whom, over which data cut-off, by when — as written and as a computable rule. */
export const ReportingObligation = z.strictObject({
  id: Id,
  reporters: z.array(Id).min(1),
  recipients: z.array(Id).min(1),
  subject: BilingualText,
  periodType: PeriodType.nullable().describe('The reporting period the obligation recurs over; null for a one-off.'),
  cutOffAsWritten: z.string().nullable().describe('The data cut-off wording, verbatim.'),
  deadlineAsWritten: z.string().describe('The deadline wording, verbatim.'),
  deadline: DeadlineRule,
  lastOnTimeDay: LastOnTimeDay.optional().describe('The last on-time day as written and after roll-over.'),
  source: SourceRef,
  note: BilingualText.optional(),
});
/** A reporting obligation. */
export type ReportingObligation = z.infer<typeof ReportingObligation>;

/** A note about the source: a quirk kept as printed, and the interpretation this encoding chose. */
export const SourceNote = z.strictObject({
  id: Id,
  section: z.string(),
  text: BilingualText.describe('What the source says or does.'),
  interpretation: BilingualText.describe('How this encoding reads it, and why.'),
  source: SourceRef.optional(),
});
/** A note about the source. */
export type SourceNote = z.infer<typeof SourceNote>;

/** A legal document the plan rests on. */
export const LegalBasis = z.strictObject({
  number: z.string(),
  date: LocalDate,
  title: BilingualText,
});
/** A legal document the plan rests on. */
export type LegalBasis = z.infer<typeof LegalBasis>;

/** Most entries of each of `addTargets`, `overrides` and `withdrawals`. */
export const MAX_RULE_FILE_CHANGES = 2000;

/**
 * Where an item was written before the plan was resolved: the file (a bundled plan id or a path)
 * and the JSON pointer into it. The resolver records it; `egov-plan export` keeps it.
 */
export const ProvenanceOrigin = z
  .strictObject({
    file: z.string().min(1).max(1000).describe('Bundled plan id or file path.'),
    pointer: z.string().max(1000).describe('RFC 6901 JSON pointer into that file.'),
    claimed: z.literal(true).optional().describe('Set by the resolver: the file states this provenance and it could not be checked (it names no bundled plan); shown as the file\'s claim, never as fact. Whatever a file writes here is replaced.'),
  })
  .describe('The file and position an item comes from.');
/** Where an item was written. */
export type ProvenanceOrigin = z.infer<typeof ProvenanceOrigin>;

/** Where a target was defined, recorded when a plan with `extends` is resolved or exported. */
export const TargetOrigin = z
  .strictObject({ target: Id, file: ProvenanceOrigin.shape.file, pointer: ProvenanceOrigin.shape.pointer, claimed: ProvenanceOrigin.shape.claimed })
  .describe('The file that defined a target.');
/** Where a target was defined. */
export type TargetOrigin = z.infer<typeof TargetOrigin>;

/** One plan that went into a resolved plan, base first. */
export const ResolvedFrom = z
  .strictObject({ file: z.string().min(1).max(1000), plan: Id, number: z.string(), claimed: ProvenanceOrigin.shape.claimed })
  .describe('A plan that went into this resolved file.');
/** One plan that went into a resolved plan. */
export type ResolvedFrom = z.infer<typeof ResolvedFrom>;

/** The fields an override changes; every other field keeps its value. */
export const TargetChanges = z
  .strictObject({
    comparator: Comparator.optional(),
    value: z.union([z.number().finite().min(0), z.literal(true)]).optional().describe("New value in the indicator's unit (percent as written: 50 for 50%)."),
    level: AdministrativeLevel.nullable().optional(),
    scope: TargetScope.optional(),
    conditions: RuleConditions.nullable().optional().describe('New json-rules-engine conditions; null goes back to conditions derived from comparator and value.'),
    wording: z.string().optional(),
    requirement: BilingualText.optional(),
    note: BilingualText.optional(),
  })
  .describe('The fields an override changes; every other field keeps its value.');
/** The fields an override changes. */
export type TargetChanges = z.infer<typeof TargetChanges>;

/** A dated change to a target, effective from a date (like OpenFisca's dated parameters, as data). */
export const TargetOverride = z
  .strictObject({
    target: Id.describe('Id of the target changed (inherited or declared in this file).'),
    effectiveFrom: LocalDate.nullable().describe('First day the change applies (the evaluation date decides); null: from the start.'),
    set: TargetChanges,
    source: SourceRef.describe('The decision that makes the change: section and verbatim quote.'),
    reason: BilingualText.optional(),
    origin: ProvenanceOrigin.optional().describe('Written by the resolver and export: where the override was declared.'),
  })
  .describe('A dated change to a target.');
/** A dated change to a target. */
export type TargetOverride = z.infer<typeof TargetOverride>;

/** A target withdrawn from a date. */
export const TargetWithdrawal = z
  .strictObject({
    target: Id,
    effectiveFrom: LocalDate.nullable().describe('First day the target no longer applies; null: never applies.'),
    source: SourceRef,
    reason: BilingualText.optional(),
    origin: ProvenanceOrigin.optional(),
  })
  .describe('A target withdrawn from a date.');
/** A target withdrawn from a date. */
export type TargetWithdrawal = z.infer<typeof TargetWithdrawal>;

/**
 * A resolved plan: the whole plan and its targets, self-contained (no `extends`), versioned.
 * This is what evaluation, progress and the calendar take. The dated `overrides` and
 * `withdrawals` stay, because a target's version depends on the evaluation date; `origins` and
 * `resolvedFrom` record provenance. A rule file a province writes is a {@link RuleFile}; turn it
 * into a `Plan` with `resolvePlan` from `@egov-plan/rules`.
 */
export const Plan = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION).describe('Version of the file format.'),
    id: Id,
    number: z.string().describe('Document number as printed, e.g. "1102/KH-UBND".'),
    title: BilingualText,
    issuer: z.strictObject({ name: BilingualText, unit: z.string().nullable().describe('Administrative unit code of the issuer.') }),
    date: LocalDate.describe('Date of issue.'),
    legalBases: z.array(LegalBasis),
    objective: Objective.optional().describe('The general objective (Kon Tum: section I.1), verbatim.'),
    phases: z.array(Phase),
    indicators: z.array(Indicator),
    agencies: z.array(Agency),
    administrativeUnits: z.array(AdministrativeUnit),
    tasks: z.array(Task),
    bodyTasks: z.array(BodyTask),
    taskGroups: z.array(TaskGroup).optional().describe('Headings of the groups of section II and of the appendix, verbatim.'),
    duties: z.array(Duty),
    reportingObligations: z.array(ReportingObligation),
    calendar: ReportingCalendar.optional().describe('The reporting calendar: period types and data cut-off; the Decree 09/2019 calendar when absent.'),
    notes: z.array(SourceNote),
    sourceText: z.string().nullable().optional().describe('Path of the verbatim source text shipped with the plan, relative to the plan file.'),
    overrides: z.array(TargetOverride).max(MAX_RULE_FILE_CHANGES).optional().describe('Dated changes to targets, applied by evaluation date.'),
    withdrawals: z.array(TargetWithdrawal).max(MAX_RULE_FILE_CHANGES).optional().describe('Targets withdrawn from a date.'),
    origins: z.array(TargetOrigin).optional().describe('Written by the resolver and export: the file that defined each target.'),
    resolvedFrom: z.array(ResolvedFrom).optional().describe('Written by the resolver and export: the plans resolved into this file, base first.'),
    // A resolved plan never has the rule-file fields: typed `undefined`, so that passing an
    // unresolved RuleFile where a Plan is expected is a compile-time error.
    extends: z.never().optional().describe('Never present in a resolved plan (see RuleFile).'),
    addTargets: z.never().optional().describe('Never present in a resolved plan (see RuleFile).'),
  })
  .describe('An e-government action plan as data, resolved (no extends).');
/** A resolved e-government action plan: what evaluation, progress and the calendar take. */
export type Plan = z.infer<typeof Plan>;
/** A resolved plan as written in a file (before defaults are applied). */
export type PlanInput = z.input<typeof Plan>;

// Measurements: see measurement.ts.
