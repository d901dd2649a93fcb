import * as z from 'zod';
import * as MSG from './validate-messages.js';
import { DeadlineRule, PeriodType, ReportingCalendar } from './calendar.js';
import { RuleConditions } from './conditions.js';
import { BilingualText, Confidence, Id, LocalDate, SourceRef } from './text.js';

/** The version of the plan / rule file format this library writes. */
export const FORMAT_VERSION = 1 as const;

/** Administrative levels of Vietnamese local government. */
export const AdministrativeLevel = z
  .enum(['province', 'district', 'commune']);
// #region generated type AdministrativeLevel (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Administrative levels of Vietnamese local government. */
export type AdministrativeLevel = 'province' | 'district' | 'commune';
// #endregion

/** Each administrative level as messages name it: `cấp tỉnh` / `province` (never the code in Vietnamese text). */
export const ADMINISTRATIVE_LEVEL_NAMES: Readonly<Record<AdministrativeLevel, { readonly vi: string; readonly en: string }>> = /* @__PURE__ */ Object.freeze({
  province: { vi: 'cấp tỉnh', en: 'province' },
  district: { vi: 'cấp huyện', en: 'district' },
  commune: { vi: 'cấp xã', en: 'commune' },
});

/**
 * Whom a target binds.
 * - `each-agency`: every agency on its own ("của từng cơ quan, đơn vị đạt từ 20% trở lên");
 * - `each-unit`: every administrative unit of the target's level on its own;
 * - `whole-province`: the province as a whole (one figure for the province).
 */
export const TargetScope = z.enum(['each-agency', 'each-unit', 'whole-province']);
// #region generated type TargetScope (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Whom a target binds.
 * - `each-agency`: every agency on its own ("của từng cơ quan, đơn vị đạt từ 20% trở lên");
 * - `each-unit`: every administrative unit of the target's level on its own;
 * - `whole-province`: the province as a whole (one figure for the province).
 */
export type TargetScope = 'each-agency' | 'each-unit' | 'whole-province';
// #endregion

/**
 * Comparison a measured value must satisfy, with inclusiveness explicit. "tối thiểu", "từ … trở lên",
 * "đạt" and a bare "90% …" all mean at least: `gte`.
 */
export const Comparator = z.enum(['gte', 'gt', 'lte', 'lt', 'eq']);
// #region generated type Comparator (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Comparison a measured value must satisfy, with inclusiveness explicit. "tối thiểu", "từ … trở lên",
 * "đạt" and a bare "90% …" all mean at least: `gte`.
 */
export type Comparator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
// #endregion

/** Unit of an indicator's values. Percent values are written as in the plan: 20 for 20%. */
export const Unit = z.enum(['percent', 'count', 'boolean']);
// #region generated type Unit (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Unit of an indicator's values. Percent values are written as in the plan: 20 for 20%. */
export type Unit = 'percent' | 'count' | 'boolean';
// #endregion

/** A phase of the plan ("giai đoạn 2019 - 2020"), with inclusive local start and end dates. */
export const Phase = z
  .strictObject({
    id: Id.clone(),
    name: BilingualText,
    start: LocalDate,
    end: LocalDate,
    source: SourceRef,
  });
// #region generated type Phase (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A phase of the plan ("giai đoạn 2019 - 2020"), with inclusive local start and end dates. */
export type Phase = {
  /**
   * For example "2019-2020".
   */
  id: Id;
  name: BilingualText;
  start: LocalDate;
  end: LocalDate;
  source: SourceRef;
};
// #endregion

const targetCommon = {
  id: Id,
  phase: Id.clone(),
  level: AdministrativeLevel.nullable().clone(),
  scope: TargetScope,
  source: SourceRef,
  note: BilingualText.optional(),
  conditions: RuleConditions.optional().clone(),
};

/** A numeric target: a comparator and a value in the indicator's unit. */
export const QuantitativeTarget = z
  .strictObject({
    ...targetCommon,
    kind: z.literal('quantitative'),
    comparator: Comparator,
    value: z.number().finite().min(0),
    unit: z.enum(['percent', 'count']),
    wording: z.string().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.unit === 'percent' && t.value > 100) {
      ctx.addIssue({ code: 'too_big', maximum: 100, origin: 'number', inclusive: true, input: t.value, path: ['value'], message: 'a percentage cannot exceed 100' });
    }
  });
// #region generated type QuantitativeTarget (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A numeric target: a comparator and a value in the indicator's unit. */
export type QuantitativeTarget = {
  id: Id;
  /**
   * Id of the phase the target belongs to.
   */
  phase: Id;
  /**
   * Administrative level, or null for all levels.
   */
  level: AdministrativeLevel | null;
  scope: TargetScope;
  source: SourceRef;
  note?: BilingualText;
  /**
   * json-rules-engine conditions; derived from comparator and value when absent.
   */
  conditions?: RuleConditions;
  kind: 'quantitative';
  comparator: Comparator;
  value: number;
  unit: 'percent' | 'count';
  /**
   * The Vietnamese words that fix the comparator, e.g. "tối thiểu", "từ … trở lên".
   */
  wording?: string;
};
// #endregion

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
  requirement: BilingualText.clone(),
});
// #region generated type QualitativeTarget (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A qualitative target: something exists, is issued or is in operation. It is met by yes/no or
 * dated evidence; `value` is always `true` and `comparator` always `eq`.
 */
export type QualitativeTarget = {
  id: Id;
  /**
   * Id of the phase the target belongs to.
   */
  phase: Id;
  /**
   * Administrative level, or null for all levels.
   */
  level: AdministrativeLevel | null;
  scope: TargetScope;
  source: SourceRef;
  note?: BilingualText;
  /**
   * json-rules-engine conditions; derived from comparator and value when absent.
   */
  conditions?: RuleConditions;
  kind: 'qualitative';
  comparator: 'eq';
  value: true;
  unit: 'boolean';
  /**
   * What must be true.
   */
  requirement: BilingualText;
};
// #endregion

/** A target of an indicator for one phase, level and scope. */
export const Target = z.discriminatedUnion('kind', [QuantitativeTarget, QualitativeTarget]);
// #region generated type Target (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A target of an indicator for one phase, level and scope. */
export type Target = QuantitativeTarget | QualitativeTarget;
// #endregion

/**
 * Whose words a text is.
 * - `source`: the words of the source document (`vi` verbatim, whitespace normalised);
 * - `editorial`: this encoding's summary or rewording; the source's words are in `source.quote`.
 */
export const TextOrigin = z.enum(['source', 'editorial']);
// #region generated type TextOrigin (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Whose words a text is.
 * - `source`: the words of the source document (`vi` verbatim, whitespace normalised);
 * - `editorial`: this encoding's summary or rewording; the source's words are in `source.quote`.
 */
export type TextOrigin = 'source' | 'editorial';
// #endregion

/** Something the plan measures, with its targets. */
export const Indicator = z
  .strictObject({
    id: Id,
    statement: BilingualText,
    statementOrigin: TextOrigin.optional().clone(),
    kind: z.enum(['quantitative', 'qualitative']),
    unit: Unit,
    direction: z.enum(['increase', 'decrease', 'none']),
    source: SourceRef,
    targets: z.array(Target),
    note: BilingualText.optional(),
  });
// #region generated type Indicator (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Something the plan measures, with its targets. */
export type Indicator = {
  id: Id;
  statement: BilingualText;
  /**
   * "editorial" when statement.vi is a rewording, not the words of the source (read source.quote for those); "source" or absent: the source's words.
   */
  statementOrigin?: TextOrigin;
  kind: 'quantitative' | 'qualitative';
  unit: Unit;
  /**
   * Which way is better; "none" for qualitative indicators.
   */
  direction: 'increase' | 'decrease' | 'none';
  source: SourceRef;
  targets: Target[];
  note?: BilingualText;
};
// #endregion

/** An electronic identifier code of an agency (Decision 20/2020/QĐ-TTg), with its confidence. */
export const AgencyCode = z.strictObject({
  value: z.string().regex(/^[0-9A-Z.]{1,35}$/u, MSG.schemaFormatAgencyCode.en),
  confidence: Confidence,
  basis: BilingualText.clone(),
});
// #region generated type AgencyCode (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** An electronic identifier code of an agency (Decision 20/2020/QĐ-TTg), with its confidence. */
export type AgencyCode = {
  value: string;
  confidence: Confidence;
  /**
   * Why the code is believed: where it was read or how it was inferred.
   */
  basis: BilingualText;
};
// #endregion

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
// #region generated type AgencyKind (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Kinds of body that appear as lead, coordinating, reporting or receiving agencies. */
export type AgencyKind =
  | 'people-committee'
  | 'provincial-office'
  | 'department'
  | 'sector-agency'
  | 'district-committee'
  | 'commune-committee'
  | 'central-body'
  | 'enterprise'
  | 'steering-committee'
  | 'group';
// #endregion

/**
 * Which agencies a collective (`kind: "group"`) comprises, as data: every agency whose `kind` is
 * one of `kinds` and, when `level` is given, whose `level` is that level. Membership is decided
 * by these two fields alone, never guessed from names.
 */
export const GroupMembership = z.strictObject({
  kinds: z.array(AgencyKind.exclude(['group'])).min(1),
  level: AdministrativeLevel.nullable().clone(),
  confidence: Confidence,
  basis: BilingualText.clone(),
});
// #region generated type GroupMembership (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Which agencies a collective (`kind: "group"`) comprises, as data: every agency whose `kind` is
 * one of `kinds` and, when `level` is given, whose `level` is that level. Membership is decided
 * by these two fields alone, never guessed from names.
 */
export type GroupMembership = {
  /**
   * Agency kinds that belong to the collective.
   */
  kinds: (
    | 'people-committee'
    | 'provincial-office'
    | 'department'
    | 'sector-agency'
    | 'district-committee'
    | 'commune-committee'
    | 'central-body'
    | 'enterprise'
    | 'steering-committee'
  )[];
  /**
   * Level the members must have; null for any level.
   */
  level: AdministrativeLevel | null;
  confidence: Confidence;
  /**
   * Why these kinds make up the collective (the legal or plan text read).
   */
  basis: BilingualText;
};
// #endregion

/**
 * A body named by the plan. `kind: "group"` is a collective the plan names without listing it
 * ("Các sở, ban, ngành, UBND các huyện, thành phố"; "Các đơn vị có liên quan").
 */
export const Agency = z.strictObject({
  id: Id,
  name: BilingualText,
  kind: AgencyKind,
  level: AdministrativeLevel.nullable().optional().clone(),
  code: AgencyCode.nullable().clone(),
  members: GroupMembership.optional().clone(),
  note: BilingualText.optional(),
});
// #region generated type Agency (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A body named by the plan. `kind: "group"` is a collective the plan names without listing it
 * ("Các sở, ban, ngành, UBND các huyện, thành phố"; "Các đơn vị có liên quan").
 */
export type Agency = {
  id: Id;
  name: BilingualText;
  kind: AgencyKind;
  /**
   * Level of government, null for central or non-state bodies.
   */
  level?: AdministrativeLevel | null;
  /**
   * Electronic identifier code where known, otherwise null.
   */
  code: AgencyCode | null;
  /**
   * For a collective: which declared agencies belong to it; absent when the plan does not say.
   */
  members?: GroupMembership;
  note?: BilingualText;
};
// #endregion

/** An administrative unit with its period of existence, so units that disappear keep their history. */
export const AdministrativeUnit = z.strictObject({
  code: z.string().regex(/^\d{2,5}$/u, MSG.schemaFormatUnitCode.en),
  name: BilingualText,
  level: AdministrativeLevel,
  parent: z.string().nullable(),
  validFrom: LocalDate.nullable().clone(),
  validTo: LocalDate.nullable().clone(),
  successors: z.array(z.string()),
  confidence: Confidence,
  source: z.string(),
});
// #region generated type AdministrativeUnit (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** An administrative unit with its period of existence, so units that disappear keep their history. */
export type AdministrativeUnit = {
  /**
   * Statistical code (Decision 124/2004/QĐ-TTg list).
   */
  code: string;
  name: BilingualText;
  level: AdministrativeLevel;
  /**
   * Code of the parent unit, null for a province.
   */
  parent: string | null;
  /**
   * First day of existence, null where not known.
   */
  validFrom: LocalDate | null;
  /**
   * Last day of existence, null while it exists.
   */
  validTo: LocalDate | null;
  /**
   * Codes of the units that took over on validTo.
   */
  successors: string[];
  confidence: Confidence;
  /**
   * Where the facts about this unit come from.
   */
  source: string;
};
// #endregion

/** A task of the appendix table ("Phụ lục"), one per printed row. */
export const Task = z.strictObject({
  id: Id.clone(),
  group: z.enum(['I', 'II', 'III', 'IV', 'V', 'VI']),
  label: z.string().min(1),
  title: BilingualText,
  lead: z.array(Id).min(1),
  leadAsWritten: z.string(),
  coordinating: z.array(Id),
  coordinatingAsWritten: z.string(),
  completion: z.string().nullable(),
  continuing: z.string().nullable(),
  note: z.string().nullable(),
  bodyTasks: z.array(Id),
  source: SourceRef,
});
// #region generated type Task (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A task of the appendix table ("Phụ lục"), one per printed row. */
export type Task = {
  /**
   * Unique id, e.g. "appendix-v-2b" for the second row printed "2" in group V.
   */
  id: Id;
  group: 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI';
  /**
   * The row number as printed (group V prints "2" twice).
   */
  label: string;
  title: BilingualText;
  /**
   * Ids of the lead agencies (cơ quan chủ trì).
   */
  lead: Id[];
  /**
   * The lead-agency cell as printed.
   */
  leadAsWritten: string;
  /**
   * Ids of the coordinating agencies (cơ quan phối hợp).
   */
  coordinating: Id[];
  /**
   * The coordinating-agency cell as printed.
   */
  coordinatingAsWritten: string;
  /**
   * "Thời gian hoàn thành" as written, null when blank.
   */
  completion: string | null;
  /**
   * "Tiếp tục cập nhật, hoàn thiện" as written, null when blank.
   */
  continuing: string | null;
  /**
   * "Ghi chú" as written, null when blank.
   */
  note: string | null;
  /**
   * Ids of the section II items this row restates.
   */
  bodyTasks: Id[];
  source: SourceRef;
};
// #endregion

/** A task or solution as stated in section II of the body ("Nhiệm vụ và giải pháp chủ yếu"). */
export const BodyTask = z.strictObject({
  id: Id,
  group: z.string(),
  label: z.string(),
  text: BilingualText,
  appendixTasks: z.array(Id),
  source: SourceRef,
});
// #region generated type BodyTask (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A task or solution as stated in section II of the body ("Nhiệm vụ và giải pháp chủ yếu"). */
export type BodyTask = {
  id: Id;
  /**
   * Section II group number, "1" to "6".
   */
  group: string;
  /**
   * The letter as printed (a, b, c, d, đ, e …).
   */
  label: string;
  text: BilingualText;
  /**
   * Ids of the appendix rows that restate this item.
   */
  appendixTasks: Id[];
  source: SourceRef;
};
// #endregion

/**
 * The heading of a group of tasks, verbatim: a numbered group of section II (`part: "body"`,
 * `group` "1" to "6") or a Roman-numbered group of the appendix (`part: "appendix"`, `group`
 * "I" to "VI").
 */
export const TaskGroup = z.strictObject({
  part: z.enum(['body', 'appendix']),
  group: z.string().min(1),
  heading: BilingualText.clone(),
  source: SourceRef,
});
// #region generated type TaskGroup (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * The heading of a group of tasks, verbatim: a numbered group of section II (`part: "body"`,
 * `group` "1" to "6") or a Roman-numbered group of the appendix (`part: "appendix"`, `group`
 * "I" to "VI").
 */
export type TaskGroup = {
  part: 'body' | 'appendix';
  /**
   * The group number as printed: "1" … in section II, "I" … in the appendix.
   */
  group: string;
  /**
   * The heading; `vi` verbatim.
   */
  heading: BilingualText;
  source: SourceRef;
};
// #endregion

/** The plan's general objective ("Mục tiêu"), verbatim. */
export const Objective = z.strictObject({
  text: BilingualText.clone(),
  source: SourceRef,
});
// #region generated type Objective (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** The plan's general objective ("Mục tiêu"), verbatim. */
export type Objective = {
  /**
   * The objective; `vi` verbatim.
   */
  text: BilingualText;
  source: SourceRef;
};
// #endregion

/** A duty assigned to a body in section III ("Tổ chức thực hiện"). */
export const Duty = z.strictObject({
  id: Id,
  agencies: z.array(Id).min(1),
  text: BilingualText,
  source: SourceRef,
  note: BilingualText.optional(),
});
// #region generated type Duty (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A duty assigned to a body in section III ("Tổ chức thực hiện"). */
export type Duty = {
  id: Id;
  /**
   * Ids of the bodies the duty is assigned to.
   */
  agencies: Id[];
  text: BilingualText;
  source: SourceRef;
  note?: BilingualText;
};
// #endregion

/**
 * The last on-time day of an obligation two ways: as the words give it, and after the roll-over
 * of Civil Code 2015 Art. 148 (a last day on a rest day or holiday moves to the next working
 * day). "trước 20/5/2019" gives 2019-05-19 as written, a Sunday, so 2019-05-20 after roll-over.
 * Dates for a one-off obligation; for a recurring one both are null (they differ per period:
 * see `Deadline.nominalDue` and `Deadline.due`) and `reading` states the rule.
 */
export const LastOnTimeDay = z.strictObject({
  asWritten: LocalDate.nullable().clone(),
  afterRollOver: LocalDate.nullable().clone(),
  reading: BilingualText.clone(),
});
// #region generated type LastOnTimeDay (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * The last on-time day of an obligation two ways: as the words give it, and after the roll-over
 * of Civil Code 2015 Art. 148 (a last day on a rest day or holiday moves to the next working
 * day). "trước 20/5/2019" gives 2019-05-19 as written, a Sunday, so 2019-05-20 after roll-over.
 * Dates for a one-off obligation; for a recurring one both are null (they differ per period:
 * see `Deadline.nominalDue` and `Deadline.due`) and `reading` states the rule.
 */
export type LastOnTimeDay = {
  /**
   * The last on-time day the words give, before roll-over; null for a recurring obligation.
   */
  asWritten: LocalDate | null;
  /**
   * The same day after Art. 148 roll-over; null for a recurring obligation.
   */
  afterRollOver: LocalDate | null;
  /**
   * Both readings in words, and which one the deadline rule applies.
   */
  reading: BilingualText;
};
// #endregion

/** Who reports what to whom, over which data cut-off, by when — as written and as a computable rule. */
export const ReportingObligation = z.strictObject({
  id: Id,
  reporters: z.array(Id).min(1),
  recipients: z.array(Id).min(1),
  subject: BilingualText,
  periodType: PeriodType.nullable().clone(),
  cutOffAsWritten: z.string().nullable(),
  deadlineAsWritten: z.string(),
  deadline: DeadlineRule,
  lastOnTimeDay: LastOnTimeDay.optional().clone(),
  source: SourceRef,
  note: BilingualText.optional(),
});
// #region generated type ReportingObligation (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Who reports what to whom, over which data cut-off, by when — as written and as a computable rule. */
export type ReportingObligation = {
  id: Id;
  reporters: Id[];
  recipients: Id[];
  subject: BilingualText;
  /**
   * The reporting period the obligation recurs over; null for a one-off.
   */
  periodType: PeriodType | null;
  /**
   * The data cut-off wording, verbatim.
   */
  cutOffAsWritten: string | null;
  /**
   * The deadline wording, verbatim.
   */
  deadlineAsWritten: string;
  deadline: DeadlineRule;
  /**
   * The last on-time day as written and after roll-over.
   */
  lastOnTimeDay?: LastOnTimeDay;
  source: SourceRef;
  note?: BilingualText;
};
// #endregion

/** A note about the source: a quirk kept as printed, and the interpretation this encoding chose. */
export const SourceNote = z.strictObject({
  id: Id,
  section: z.string(),
  text: BilingualText.clone(),
  interpretation: BilingualText.clone(),
  source: SourceRef.optional(),
});
// #region generated type SourceNote (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A note about the source: a quirk kept as printed, and the interpretation this encoding chose. */
export type SourceNote = {
  id: Id;
  section: string;
  /**
   * What the source says or does.
   */
  text: BilingualText;
  /**
   * How this encoding reads it, and why.
   */
  interpretation: BilingualText;
  source?: SourceRef;
};
// #endregion

/** A legal document the plan rests on. */
export const LegalBasis = z.strictObject({
  number: z.string(),
  date: LocalDate,
  title: BilingualText,
});
// #region generated type LegalBasis (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A legal document the plan rests on. */
export type LegalBasis = {
  number: string;
  date: LocalDate;
  title: BilingualText;
};
// #endregion

/** Most entries of each of `addTargets`, `overrides` and `withdrawals`. */
export const MAX_RULE_FILE_CHANGES = 2000;

/**
 * Where an item was written before the plan was resolved: the file (a bundled plan id or a path)
 * and the JSON pointer into it. The resolver records it; `egov-plan export` keeps it.
 */
export const ProvenanceOrigin = z
  .strictObject({
    file: z.string().min(1).max(1000),
    pointer: z.string().max(1000),
    claimed: z.literal(true).optional(),
  });
// #region generated type ProvenanceOrigin (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Where an item was written before the plan was resolved: the file (a bundled plan id or a path)
 * and the JSON pointer into it. The resolver records it; `egov-plan export` keeps it.
 */
export type ProvenanceOrigin = {
  /**
   * Bundled plan id or file path.
   */
  file: string;
  /**
   * RFC 6901 JSON pointer into that file.
   */
  pointer: string;
  /**
   * Set by the resolver: the file states this provenance and it could not be checked (it names no bundled plan); shown as the file's claim, never as fact. Whatever a file writes here is replaced.
   */
  claimed?: true;
};
// #endregion

/**
 * Another base that declares the same indicator, target or item in agreeing words (the same
 * definition, other wording or source): the resolver merges the two and names both, the kept
 * declaration in the origin itself and this one here.
 */
export const AgreeingDeclaration = z
  .strictObject({
    plan: Id.clone(),
    number: z.string(),
    section: z.string().nullable(),
    file: ProvenanceOrigin.shape.file,
    pointer: ProvenanceOrigin.shape.pointer,
    claimed: ProvenanceOrigin.shape.claimed,
  });
// #region generated type AgreeingDeclaration (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Another base that declares the same indicator, target or item in agreeing words (the same
 * definition, other wording or source): the resolver merges the two and names both, the kept
 * declaration in the origin itself and this one here.
 */
export type AgreeingDeclaration = ProvenanceOrigin & {
  /**
   * Id of the plan that also declares it.
   */
  plan: Id;
  /**
   * That plan's document number, e.g. "1102/KH-UBND".
   */
  number: string;
  /**
   * The section that plan cites for it (its `source.section`); null when it cites none.
   */
  section: string | null;
};
// #endregion

const agreeingList = z
  .array(AgreeingDeclaration)
  .optional();

/** Where a target was defined, recorded when a plan with `extends` is resolved or exported. */
export const TargetOrigin = z
  .strictObject({ target: Id, file: ProvenanceOrigin.shape.file, pointer: ProvenanceOrigin.shape.pointer, claimed: ProvenanceOrigin.shape.claimed, agreeing: agreeingList });
// #region generated type TargetOrigin (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** Where a target was defined, recorded when a plan with `extends` is resolved or exported. */
export type TargetOrigin = ProvenanceOrigin & {
  target: Id;
  /**
   * Written by the resolver: the other bases that declare it in agreeing words (merged into this one), in the order they were read.
   */
  agreeing?: AgreeingDeclaration[];
};
// #endregion

/** One plan that went into a resolved plan, base first. */
export const ResolvedFrom = z
  .strictObject({ file: z.string().min(1).max(1000), plan: Id, number: z.string(), claimed: ProvenanceOrigin.shape.claimed });
// #region generated type ResolvedFrom (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** One plan that went into a resolved plan, base first. */
export type ResolvedFrom = {
  file: string;
  plan: Id;
  number: string;
  /**
   * Set by the resolver: the file states this provenance and it could not be checked (it names no bundled plan); shown as the file's claim, never as fact. Whatever a file writes here is replaced.
   */
  claimed?: true;
};
// #endregion

/** The fields an override changes; every other field keeps its value. */
export const TargetChanges = z
  .strictObject({
    comparator: Comparator.optional(),
    value: z.union([z.number().finite().min(0), z.literal(true)]).optional(),
    level: AdministrativeLevel.nullable().optional(),
    scope: TargetScope.optional(),
    conditions: RuleConditions.nullable().optional().clone(),
    wording: z.string().optional(),
    requirement: BilingualText.optional(),
    note: BilingualText.optional(),
  });
// #region generated type TargetChanges (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** The fields an override changes; every other field keeps its value. */
export type TargetChanges = {
  comparator?: Comparator;
  /**
   * New value in the indicator's unit (percent as written: 50 for 50%).
   */
  value?: number | true;
  level?: AdministrativeLevel | null;
  scope?: TargetScope;
  /**
   * New json-rules-engine conditions; null goes back to conditions derived from comparator and value.
   */
  conditions?: RuleConditions | null;
  wording?: string;
  requirement?: BilingualText;
  note?: BilingualText;
};
// #endregion

/** A dated change to a target, effective from a date (like OpenFisca's dated parameters, as data). */
export const TargetOverride = z
  .strictObject({
    target: Id.clone(),
    effectiveFrom: LocalDate.nullable().clone(),
    set: TargetChanges,
    source: SourceRef.clone(),
    reason: BilingualText.optional(),
    origin: ProvenanceOrigin.optional().clone(),
  });
// #region generated type TargetOverride (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A dated change to a target, effective from a date (like OpenFisca's dated parameters, as data). */
export type TargetOverride = {
  /**
   * Id of the target changed (inherited or declared in this file).
   */
  target: Id;
  /**
   * First day the change applies (the evaluation date decides); null: from the start.
   */
  effectiveFrom: LocalDate | null;
  set: TargetChanges;
  /**
   * The decision that makes the change: section and verbatim quote.
   */
  source: SourceRef;
  reason?: BilingualText;
  /**
   * Written by the resolver and export: where the override was declared.
   */
  origin?: ProvenanceOrigin;
};
// #endregion

/** A target withdrawn from a date. */
export const TargetWithdrawal = z
  .strictObject({
    target: Id,
    effectiveFrom: LocalDate.nullable().clone(),
    source: SourceRef,
    reason: BilingualText.optional(),
    origin: ProvenanceOrigin.optional(),
  });
// #region generated type TargetWithdrawal (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A target withdrawn from a date. */
export type TargetWithdrawal = {
  target: Id;
  /**
   * First day the target no longer applies; null: never applies.
   */
  effectiveFrom: LocalDate | null;
  source: SourceRef;
  reason?: BilingualText;
  origin?: ProvenanceOrigin;
};
// #endregion

/**
 * The kinds of plan item, other than targets, that a rule file can change or withdraw from a date
 * (`itemOverrides`, `itemWithdrawals`). Each is named by its collection; an item is found by its
 * `id` — an administrative unit by its `code`, a legal basis by its `number`.
 */
export const ChangeableItemKind = z
  .enum(['reportingObligations', 'agencies', 'administrativeUnits', 'tasks', 'bodyTasks', 'duties', 'legalBases', 'notes']);
// #region generated type ChangeableItemKind (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * The kinds of plan item, other than targets, that a rule file can change or withdraw from a date
 * (`itemOverrides`, `itemWithdrawals`). Each is named by its collection; an item is found by its
 * `id` — an administrative unit by its `code`, a legal basis by its `number`.
 */
export type ChangeableItemKind =
  | 'reportingObligations'
  | 'agencies'
  | 'administrativeUnits'
  | 'tasks'
  | 'bodyTasks'
  | 'duties'
  | 'legalBases'
  | 'notes';
// #endregion

const ItemRef = z.string().min(1).max(200);
const itemChangeCommon = {
  id: ItemRef,
  effectiveFrom: LocalDate.nullable().clone(),
  source: SourceRef.clone(),
  reason: BilingualText.optional(),
  origin: ProvenanceOrigin.optional().clone(),
};

/** One kind's override; `set` is the item's schema without the field that names it, every field optional. */
function itemOverrideOf<K extends ChangeableItemKind, S extends z.ZodType>(kind: K, set: S) {
  return z.strictObject({
    kind: z.literal(kind),
    ...itemChangeCommon,
    set: set.clone(),
  });
}

/** The schema of an item of each {@link ChangeableItemKind}, against which every dated version is checked. */
export const ITEM_SCHEMAS = /* @__PURE__ */ Object.freeze({
  reportingObligations: ReportingObligation,
  agencies: Agency,
  administrativeUnits: AdministrativeUnit,
  tasks: Task,
  bodyTasks: BodyTask,
  duties: Duty,
  legalBases: LegalBasis,
  notes: SourceNote,
} as const satisfies Record<ChangeableItemKind, z.ZodObject>);

/**
 * A dated change to an inherited (or own) item that is not a target: a reporting obligation's
 * deadline rule, recipients or wording, an agency's name, a unit's period of existence, a task's
 * completion time, a duty, a legal basis, a note. `set` names the fields changed; the version of
 * the item in force on a date is the item with every override effective on or before it applied.
 */
export const ItemOverride = z
  .discriminatedUnion('kind', [
    itemOverrideOf('reportingObligations', ReportingObligation.omit({ id: true }).partial()),
    itemOverrideOf('agencies', Agency.omit({ id: true }).partial()),
    itemOverrideOf('administrativeUnits', AdministrativeUnit.omit({ code: true }).partial()),
    itemOverrideOf('tasks', Task.omit({ id: true }).partial()),
    itemOverrideOf('bodyTasks', BodyTask.omit({ id: true }).partial()),
    itemOverrideOf('duties', Duty.omit({ id: true }).partial()),
    itemOverrideOf('legalBases', LegalBasis.omit({ number: true }).partial()),
    itemOverrideOf('notes', SourceNote.omit({ id: true }).partial()),
  ]);
// #region generated type ItemOverride (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A dated change to an inherited (or own) item that is not a target: a reporting obligation's
 * deadline rule, recipients or wording, an agency's name, a unit's period of existence, a task's
 * completion time, a duty, a legal basis, a note. `set` names the fields changed; the version of
 * the item in force on a date is the item with every override effective on or before it applied.
 */
export type ItemOverride =
  | {
      kind: 'reportingObligations';
      /**
       * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
       */
      id: string;
      /**
       * First day the change applies (the date of the question decides: a period's end for its deadline, `--at` otherwise); null: from the start.
       */
      effectiveFrom: LocalDate | null;
      /**
       * The decision that makes the change: section and verbatim quote.
       */
      source: SourceRef;
      reason?: BilingualText;
      /**
       * Written by the resolver and export: where the change was declared.
       */
      origin?: ProvenanceOrigin;
      /**
       * The fields changed (any field of the item except the one that names it); every other field keeps its value.
       */
      set: {
        reporters?: Id[];
        recipients?: Id[];
        subject?: BilingualText;
        /**
         * The reporting period the obligation recurs over; null for a one-off.
         */
        periodType?: PeriodType | null;
        /**
         * The data cut-off wording, verbatim.
         */
        cutOffAsWritten?: string | null;
        /**
         * The deadline wording, verbatim.
         */
        deadlineAsWritten?: string;
        deadline?: DeadlineRule;
        /**
         * The last on-time day as written and after roll-over.
         */
        lastOnTimeDay?: LastOnTimeDay;
        source?: SourceRef;
        note?: BilingualText;
      };
    }
  | {
      kind: 'agencies';
      /**
       * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
       */
      id: string;
      /**
       * First day the change applies (the date of the question decides: a period's end for its deadline, `--at` otherwise); null: from the start.
       */
      effectiveFrom: LocalDate | null;
      /**
       * The decision that makes the change: section and verbatim quote.
       */
      source: SourceRef;
      reason?: BilingualText;
      /**
       * Written by the resolver and export: where the change was declared.
       */
      origin?: ProvenanceOrigin;
      /**
       * The fields changed (any field of the item except the one that names it); every other field keeps its value.
       */
      set: {
        name?: BilingualText;
        kind?: AgencyKind;
        /**
         * Level of government, null for central or non-state bodies.
         */
        level?: AdministrativeLevel | null;
        /**
         * Electronic identifier code where known, otherwise null.
         */
        code?: AgencyCode | null;
        /**
         * For a collective: which declared agencies belong to it; absent when the plan does not say.
         */
        members?: GroupMembership;
        note?: BilingualText;
      };
    }
  | {
      kind: 'administrativeUnits';
      /**
       * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
       */
      id: string;
      /**
       * First day the change applies (the date of the question decides: a period's end for its deadline, `--at` otherwise); null: from the start.
       */
      effectiveFrom: LocalDate | null;
      /**
       * The decision that makes the change: section and verbatim quote.
       */
      source: SourceRef;
      reason?: BilingualText;
      /**
       * Written by the resolver and export: where the change was declared.
       */
      origin?: ProvenanceOrigin;
      /**
       * The fields changed (any field of the item except the one that names it); every other field keeps its value.
       */
      set: {
        name?: BilingualText;
        level?: AdministrativeLevel;
        /**
         * Code of the parent unit, null for a province.
         */
        parent?: string | null;
        /**
         * First day of existence, null where not known.
         */
        validFrom?: LocalDate | null;
        /**
         * Last day of existence, null while it exists.
         */
        validTo?: LocalDate | null;
        /**
         * Codes of the units that took over on validTo.
         */
        successors?: string[];
        confidence?: Confidence;
        /**
         * Where the facts about this unit come from.
         */
        source?: string;
      };
    }
  | {
      kind: 'tasks';
      /**
       * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
       */
      id: string;
      /**
       * First day the change applies (the date of the question decides: a period's end for its deadline, `--at` otherwise); null: from the start.
       */
      effectiveFrom: LocalDate | null;
      /**
       * The decision that makes the change: section and verbatim quote.
       */
      source: SourceRef;
      reason?: BilingualText;
      /**
       * Written by the resolver and export: where the change was declared.
       */
      origin?: ProvenanceOrigin;
      /**
       * The fields changed (any field of the item except the one that names it); every other field keeps its value.
       */
      set: {
        group?: 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI';
        /**
         * The row number as printed (group V prints "2" twice).
         */
        label?: string;
        title?: BilingualText;
        /**
         * Ids of the lead agencies (cơ quan chủ trì).
         */
        lead?: Id[];
        /**
         * The lead-agency cell as printed.
         */
        leadAsWritten?: string;
        /**
         * Ids of the coordinating agencies (cơ quan phối hợp).
         */
        coordinating?: Id[];
        /**
         * The coordinating-agency cell as printed.
         */
        coordinatingAsWritten?: string;
        /**
         * "Thời gian hoàn thành" as written, null when blank.
         */
        completion?: string | null;
        /**
         * "Tiếp tục cập nhật, hoàn thiện" as written, null when blank.
         */
        continuing?: string | null;
        /**
         * "Ghi chú" as written, null when blank.
         */
        note?: string | null;
        /**
         * Ids of the section II items this row restates.
         */
        bodyTasks?: Id[];
        source?: SourceRef;
      };
    }
  | {
      kind: 'bodyTasks';
      /**
       * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
       */
      id: string;
      /**
       * First day the change applies (the date of the question decides: a period's end for its deadline, `--at` otherwise); null: from the start.
       */
      effectiveFrom: LocalDate | null;
      /**
       * The decision that makes the change: section and verbatim quote.
       */
      source: SourceRef;
      reason?: BilingualText;
      /**
       * Written by the resolver and export: where the change was declared.
       */
      origin?: ProvenanceOrigin;
      /**
       * The fields changed (any field of the item except the one that names it); every other field keeps its value.
       */
      set: {
        /**
         * Section II group number, "1" to "6".
         */
        group?: string;
        /**
         * The letter as printed (a, b, c, d, đ, e …).
         */
        label?: string;
        text?: BilingualText;
        /**
         * Ids of the appendix rows that restate this item.
         */
        appendixTasks?: Id[];
        source?: SourceRef;
      };
    }
  | {
      kind: 'duties';
      /**
       * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
       */
      id: string;
      /**
       * First day the change applies (the date of the question decides: a period's end for its deadline, `--at` otherwise); null: from the start.
       */
      effectiveFrom: LocalDate | null;
      /**
       * The decision that makes the change: section and verbatim quote.
       */
      source: SourceRef;
      reason?: BilingualText;
      /**
       * Written by the resolver and export: where the change was declared.
       */
      origin?: ProvenanceOrigin;
      /**
       * The fields changed (any field of the item except the one that names it); every other field keeps its value.
       */
      set: {
        /**
         * Ids of the bodies the duty is assigned to.
         */
        agencies?: Id[];
        text?: BilingualText;
        source?: SourceRef;
        note?: BilingualText;
      };
    }
  | {
      kind: 'legalBases';
      /**
       * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
       */
      id: string;
      /**
       * First day the change applies (the date of the question decides: a period's end for its deadline, `--at` otherwise); null: from the start.
       */
      effectiveFrom: LocalDate | null;
      /**
       * The decision that makes the change: section and verbatim quote.
       */
      source: SourceRef;
      reason?: BilingualText;
      /**
       * Written by the resolver and export: where the change was declared.
       */
      origin?: ProvenanceOrigin;
      /**
       * The fields changed (any field of the item except the one that names it); every other field keeps its value.
       */
      set: {
        date?: LocalDate;
        title?: BilingualText;
      };
    }
  | {
      kind: 'notes';
      /**
       * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
       */
      id: string;
      /**
       * First day the change applies (the date of the question decides: a period's end for its deadline, `--at` otherwise); null: from the start.
       */
      effectiveFrom: LocalDate | null;
      /**
       * The decision that makes the change: section and verbatim quote.
       */
      source: SourceRef;
      reason?: BilingualText;
      /**
       * Written by the resolver and export: where the change was declared.
       */
      origin?: ProvenanceOrigin;
      /**
       * The fields changed (any field of the item except the one that names it); every other field keeps its value.
       */
      set: {
        section?: string;
        /**
         * What the source says or does.
         */
        text?: BilingualText;
        /**
         * How this encoding reads it, and why.
         */
        interpretation?: BilingualText;
        source?: SourceRef;
      };
    };
// #endregion

/** An item that no longer applies from a date (`null`: never applied, so it is left out of the resolved plan). */
export const ItemWithdrawal = z
  .strictObject({
    kind: ChangeableItemKind,
    ...itemChangeCommon,
    effectiveFrom: LocalDate.nullable().clone(),
  });
// #region generated type ItemWithdrawal (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** An item that no longer applies from a date (`null`: never applied, so it is left out of the resolved plan). */
export type ItemWithdrawal = {
  kind: ChangeableItemKind;
  /**
   * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
   */
  id: string;
  /**
   * First day the item no longer applies; null: it never applies (the resolver leaves it out).
   */
  effectiveFrom: LocalDate | null;
  /**
   * The decision that makes the change: section and verbatim quote.
   */
  source: SourceRef;
  reason?: BilingualText;
  /**
   * Written by the resolver and export: where the change was declared.
   */
  origin?: ProvenanceOrigin;
};
// #endregion

/**
 * Where an item of a resolved plan came from: the file and pointer, and the plan (id, number) it
 * belongs to — so an inherited obligation is cited with its own plan's number, not the extending
 * plan's. Written by the resolver for plans with `extends`, kept by `export`.
 */
export const ItemOrigin = z
  .strictObject({
    kind: z.enum([...ChangeableItemKind.options, 'phases']),
    id: ItemRef,
    plan: Id.clone(),
    number: z.string(),
    file: ProvenanceOrigin.shape.file,
    pointer: ProvenanceOrigin.shape.pointer,
    claimed: ProvenanceOrigin.shape.claimed,
    agreeing: agreeingList,
  });
// #region generated type ItemOrigin (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Where an item of a resolved plan came from: the file and pointer, and the plan (id, number) it
 * belongs to — so an inherited obligation is cited with its own plan's number, not the extending
 * plan's. Written by the resolver for plans with `extends`, kept by `export`.
 */
export type ItemOrigin = ProvenanceOrigin & {
  kind:
    | 'reportingObligations'
    | 'agencies'
    | 'administrativeUnits'
    | 'tasks'
    | 'bodyTasks'
    | 'duties'
    | 'legalBases'
    | 'notes'
    | 'phases';
  /**
   * The changed item: its `id` (an administrative unit: its `code`; a legal basis: its `number`).
   */
  id: string;
  /**
   * Id of the plan the item was declared in.
   */
  plan: Id;
  /**
   * That plan's document number, e.g. "1102/KH-UBND".
   */
  number: string;
  /**
   * Written by the resolver: the other bases that declare it in agreeing words (merged into this one), in the order they were read.
   */
  agreeing?: AgreeingDeclaration[];
};
// #endregion

/**
 * Where an indicator's definition in a resolved plan came from: the plan (id, number) and file
 * of the declaration kept, and the other bases that declare it in agreeing words. Written by the
 * resolver for plans with `extends`, kept by `export`.
 */
export const IndicatorOrigin = z
  .strictObject({
    indicator: Id,
    plan: Id.clone(),
    number: z.string(),
    file: ProvenanceOrigin.shape.file,
    pointer: ProvenanceOrigin.shape.pointer,
    claimed: ProvenanceOrigin.shape.claimed,
    agreeing: agreeingList,
  });
// #region generated type IndicatorOrigin (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * Where an indicator's definition in a resolved plan came from: the plan (id, number) and file
 * of the declaration kept, and the other bases that declare it in agreeing words. Written by the
 * resolver for plans with `extends`, kept by `export`.
 */
export type IndicatorOrigin = ProvenanceOrigin & {
  indicator: Id;
  /**
   * Id of the plan whose declaration was kept.
   */
  plan: Id;
  /**
   * That plan's document number.
   */
  number: string;
  /**
   * Written by the resolver: the other bases that declare it in agreeing words (merged into this one), in the order they were read.
   */
  agreeing?: AgreeingDeclaration[];
};
// #endregion

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
    formatVersion: z.literal(FORMAT_VERSION),
    id: Id.clone(),
    number: z.string(),
    title: BilingualText.clone(),
    issuer: z.strictObject({ name: BilingualText, unit: z.string().nullable() }),
    date: LocalDate.clone(),
    legalBases: z.array(LegalBasis),
    objective: Objective.optional().clone(),
    phases: z.array(Phase),
    indicators: z.array(Indicator),
    agencies: z.array(Agency),
    administrativeUnits: z.array(AdministrativeUnit),
    tasks: z.array(Task),
    bodyTasks: z.array(BodyTask),
    taskGroups: z.array(TaskGroup).optional(),
    duties: z.array(Duty),
    reportingObligations: z.array(ReportingObligation),
    calendar: ReportingCalendar.optional().clone(),
    notes: z.array(SourceNote),
    sourceText: z.string().nullable().optional(),
    overrides: z.array(TargetOverride).max(MAX_RULE_FILE_CHANGES).optional(),
    withdrawals: z.array(TargetWithdrawal).max(MAX_RULE_FILE_CHANGES).optional(),
    itemOverrides: z.array(ItemOverride).max(MAX_RULE_FILE_CHANGES).optional(),
    itemWithdrawals: z.array(ItemWithdrawal).max(MAX_RULE_FILE_CHANGES).optional(),
    itemOrigins: z.array(ItemOrigin).optional(),
    origins: z.array(TargetOrigin).optional(),
    indicatorOrigins: z.array(IndicatorOrigin).optional(),
    resolvedFrom: z.array(ResolvedFrom).optional(),
    // A resolved plan never has the rule-file fields: typed `undefined`, so that passing an
    // unresolved RuleFile where a Plan is expected is a compile-time error.
    extends: z.never().optional(),
    addTargets: z.never().optional(),
  });
// #region generated type Plan (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/**
 * A resolved plan: the whole plan and its targets, self-contained (no `extends`), versioned.
 * This is what evaluation, progress and the calendar take. The dated `overrides` and
 * `withdrawals` stay, because a target's version depends on the evaluation date; `origins` and
 * `resolvedFrom` record provenance. A rule file a province writes is a {@link RuleFile}; turn it
 * into a `Plan` with `resolvePlan` from `@egov-plan/rules`.
 */
export type Plan = {
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
   * Never present in a resolved plan (see RuleFile).
   */
  extends?: never;
  /**
   * Never present in a resolved plan (see RuleFile).
   */
  addTargets?: never;
};
// #endregion
/** A resolved plan as written in a file (before defaults are applied). */
export type PlanInput = z.input<typeof Plan>;

// Measurements: see measurement.ts.
