import * as z from 'zod';
import { PeriodSystem, PeriodType } from './calendar.js';
import { ISSUE_CODE_LIST } from './issue-codes.js';
import { ProgressMethod } from './progress-method.js';
import { AdministrativeLevel, Comparator, TargetScope, Task, Unit } from './plan.js';
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
export const IssueSeverity = z.enum(['error', 'warning']).describe('"error" makes the input invalid (also when absent); "warning" is worth attention but does not.');
/** How serious an {@link Issue} is: an `error` makes the input invalid, a `warning` does not. */
export type IssueSeverity = z.infer<typeof IssueSeverity>;

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
    code: z.enum(ISSUE_CODE_LIST).describe('Stable machine-readable code, one of the registry (docs/errors.md).'),
    pointer: z.string().describe('RFC 6901 JSON pointer into the offending document ("" for the whole document; "/3" for CSV row 3).'),
    message: BilingualText.describe("This issue's own message, naming the values at fault, in Vietnamese and English."),
    line: z.number().int().min(1).optional().describe('1-based line in the file, when the issue came from file text.'),
    column: z.number().int().min(1).optional().describe('1-based column in the file, when the issue came from file text.'),
    file: z.string().optional().describe('The file, when known.'),
    severity: IssueSeverity.optional(),
  })
  .describe('A problem found in the input: code, JSON pointer, message in Vietnamese and English.');
/** A problem the library reports (see the {@link Issue} schema). */
export type Issue = z.output<typeof Issue>;

// --- evaluation -----------------------------------------------------------------------------

/** The verdict on one target for one org unit. */
export const TargetStatus = z
  .enum(['met', 'not-met', 'no-data', 'not-applicable'])
  .describe('"met" / "not-met": judged on a value; "no-data": no value counts at the date; "not-applicable": the org unit is not of the target\'s level.');
/** The verdict on one target for one org unit. */
export type TargetStatus = z.infer<typeof TargetStatus>;

/** Where the value that counts came from. */
export const ValueBasis = z
  .enum(['measurement', 'evidence', 'province-value', 'summed-counts'])
  .describe(
    '"measurement": the org unit\'s own value; "evidence": dated evidence of a qualitative indicator; "province-value": the province\'s own value; "summed-counts": summed numerators over summed denominators of the org units.',
  );
/** Where the value that counts came from. */
export type ValueBasis = z.infer<typeof ValueBasis>;

/** One change of a target field by an override. */
export const FieldChange = z
  .strictObject({
    field: z.string().min(1).describe('The target field changed ("value", "comparator", "conditions", …).'),
    from: z.unknown().optional().describe('The value it replaced (absent when the field was not set).'),
    to: z.unknown().optional().describe('The value it was given (absent when the field was removed).'),
  })
  .describe('One change of a target field by an override.');
/** One change of a target field by an override. */
export type FieldChange = z.output<typeof FieldChange>;

/** What a provenance step did to a target. */
export const ProvenanceAction = z.enum(['defined', 'overridden', 'withdrawn']).describe('"defined": the target\'s definition; "overridden": an override changed it; "withdrawn": it no longer applies.');
/** What a provenance step did to a target. */
export type ProvenanceAction = z.infer<typeof ProvenanceAction>;

/**
 * One step of a target's provenance: who defined, changed or withdrew it, where (file and JSON
 * pointer), from when, what it replaced, and the source text that justifies it.
 */
export const ProvenanceStep = z
  .strictObject({
    action: ProvenanceAction,
    file: z.string().min(1).describe('The bundled plan id or file path that made the step (the plan id when the file is unknown).'),
    pointer: z.string().describe('JSON pointer into that file.'),
    effectiveFrom: LocalDate.nullable().describe('First day of effect; null: from the start.'),
    changes: z.array(FieldChange).describe('For overrides: each field changed, with the value it replaced; empty otherwise.'),
    source: SourceRef.describe('The section and verbatim quote the step rests on.'),
    reason: BilingualText.optional().describe('Why the step was made, when the rule file says.'),
  })
  .describe('One step of a target\'s provenance: definition, override or withdrawal.');
/** One step of a target's provenance. */
export type ProvenanceStep = z.output<typeof ProvenanceStep>;

/** One target judged for one org unit (or for the province as a whole): an element of `Evaluation.results`. */
export const TargetResult = z
  .strictObject({
    indicator: Id.describe('Indicator id.'),
    target: Id.describe('Target id.'),
    orgUnit: z.string().min(1).describe('The org unit as named in the measurements (for whole-province targets: the province).'),
    level: AdministrativeLevel.nullable().describe("The org unit's level, when known."),
    scope: TargetScope.describe('Whom the target binds.'),
    targetLevel: AdministrativeLevel.nullable().describe('The level the target applies to, or null for every level.'),
    phase: Id.describe('Id of the phase the target belongs to.'),
    status: TargetStatus,
    value: z.union([z.number(), z.boolean()]).nullable().describe('The value that counts, or null when there is none.'),
    targetValue: z.union([z.number(), z.boolean()]).describe("The target's value in force at the evaluation date."),
    comparator: Comparator.describe('The comparison the value must satisfy.'),
    unit: Unit.describe("The indicator's unit (percent values as written: 20 for 20%)."),
    gap: z.number().nullable().describe("Value minus target value, in the indicator's unit (rounded to 6 decimals); null when either is not a number."),
    period: z.string().min(1).nullable().describe('Reporting period of the value that counts (the date, for dated evidence); null without a value.'),
    periodEnd: LocalDate.nullable().describe('Last day of that period.'),
    basis: ValueBasis.nullable().describe('Where the value came from; null without a value.'),
    numerator: z.number().nullable().describe('Numerator behind the value, when known (summed for "summed-counts").'),
    denominator: z.number().nullable().describe('Denominator behind the value, when known (summed for "summed-counts").'),
    contributors: z.number().int().min(0).nullable().describe('For "summed-counts": how many org units were summed; null otherwise.'),
    effectiveFrom: LocalDate.nullable().describe('First day of the target version in force (null: from the start).'),
    provenance: z.array(ProvenanceStep).min(1).describe('How the target version in force came to be, definition first.'),
    source: SourceRef.describe("The section and verbatim quote behind the value in force (the override's, when one set it)."),
    explanation: BilingualText.describe('Why the verdict came out as it did, in Vietnamese and English.'),
  })
  .describe('One target judged for one org unit, or for the province as a whole.');
/** One target judged for one org unit (or for the province as a whole). */
export type TargetResult = z.output<typeof TargetResult>;

const count = (what: string) => z.number().int().min(0).describe(`Number of results with status "${what}".`);

/** How many results have each status. */
export const EvaluationSummary = z
  .strictObject({ met: count('met'), 'not-met': count('not-met'), 'no-data': count('no-data'), 'not-applicable': count('not-applicable') })
  .describe('How many results have each status.');
/** How many results have each status. */
export type EvaluationSummary = z.output<typeof EvaluationSummary>;

/** Which evaluator judged the targets. */
export const Evaluator = z.enum(['compiled', 'reference']).describe('"compiled": the library\'s own evaluator; "reference": json-rules-engine (same verdicts).');
/** Which evaluator judged the targets. */
export type Evaluator = z.infer<typeof Evaluator>;

/** What `evaluate` and `evaluateAsync` of @egov-plan/rules return. */
export const Evaluation = z
  .strictObject({
    plan: Id.describe('Id of the plan evaluated.'),
    at: LocalDate.describe('The local date evaluated at.'),
    phases: z.array(Id).describe('The phases whose targets were evaluated.'),
    evaluator: Evaluator,
    results: z.array(TargetResult).describe('One verdict per target × org unit, in plan order (indicators, then targets, then org units).'),
    summary: EvaluationSummary,
    issues: z.array(Issue).describe('Issues of the measurement rows left out (each names its row); nothing is dropped silently.'),
    rows: z.number().int().min(0).describe('Measurement rows read, good and bad.'),
  })
  .describe('The verdicts on a plan\'s targets at a date, with the issues of the rows left out.');
/** What `evaluate` returns. */
export type Evaluation = z.output<typeof Evaluation>;

// --- progress -------------------------------------------------------------------------------

/** Progress category (Open SDG's, plus `not-achieved` for a phase over without the target). */
export const ProgressCategory = z
  .enum(['target-achieved', 'substantial', 'moderate', 'limited', 'deterioration', 'not-achieved', 'not-available'])
  .describe('Open SDG progress category by R (substantial R ≥ 0.95, moderate ≥ 0.6, limited ≥ 0, deterioration < 0), "target-achieved", "not-achieved" (phase over) or "not-available".');
/** Progress category. */
export type ProgressCategory = z.infer<typeof ProgressCategory>;

/** Progress status for the phase end. */
export const ProgressStatus = z.enum(['on-track', 'at-risk', 'off-track', 'not-available']).describe('Outlook for the phase end, from the category.');
/** Progress status for the phase end. */
export type ProgressStatus = z.infer<typeof ProgressStatus>;

/** One point of a series. */
export const ProgressPoint = z
  .strictObject({
    period: z.string().min(1).describe('Reporting period of the value.'),
    end: LocalDate.describe('Last day of that period.'),
    value: z.number().describe('The value.'),
  })
  .describe('One point of a series.');
/** One point of a series. */
export type ProgressPoint = z.output<typeof ProgressPoint>;

/** Progress of one target for one org unit (or the province). */
export const ProgressResult = z
  .strictObject({
    indicator: Id.describe('Indicator id.'),
    target: Id.describe('Target id.'),
    orgUnit: z.string().min(1).describe('The org unit (for whole-province targets: the province).'),
    phase: Id.describe('Id of the phase.'),
    method: ProgressMethod.describe('The method that produced the verdict (linear when compound growth is undefined; the explanation says so).'),
    status: ProgressStatus,
    category: ProgressCategory,
    ratio: z.number().nullable().describe('R, observed over required growth (or slope); null when not computed.'),
    observed: z.number().nullable().describe('Observed growth rate (cagr) or slope per year (linear).'),
    required: z.number().nullable().describe('Growth rate or slope per year needed to reach the target by the deadline.'),
    baseline: ProgressPoint.nullable().describe('The earlier point the growth is measured from.'),
    current: ProgressPoint.nullable().describe('The latest point up to the date.'),
    targetValue: z.union([z.number(), z.boolean()]).describe("The target's value in force."),
    deadline: LocalDate.describe('Last day of the phase: the deadline.'),
    projected: z.number().nullable().describe('Linear method: the value projected at the deadline; null otherwise.'),
    explanation: BilingualText.describe('The verdict and its figures, in Vietnamese and English.'),
  })
  .describe('Progress of one target for one org unit, or for the province.');
/** Progress of one target for one org unit (or the province). */
export type ProgressResult = z.output<typeof ProgressResult>;

/** Thresholds on R (observed over required growth), from open-sdg/sdg-build `ProgressMeasure`. */
export const ProgressThresholds = z
  .strictObject({
    substantial: z.number().describe('R from which progress is substantial (on track).'),
    moderate: z.number().describe('R from which progress is moderate (at risk).'),
    limited: z.number().describe('R from which progress is limited; below it, deterioration.'),
  })
  .describe('Thresholds on R, from open-sdg/sdg-build ProgressMeasure.');
/** Thresholds on R. */
export type ProgressThresholds = z.output<typeof ProgressThresholds>;

/** What `progress` of @egov-plan/rules returns. */
export const ProgressReport = z
  .strictObject({
    plan: Id.describe('Id of the plan.'),
    at: LocalDate.describe('The local date assessed at.'),
    phases: z.array(Id).describe('The phases whose targets were assessed.'),
    method: ProgressMethod.describe('The method asked for.'),
    thresholds: ProgressThresholds,
    results: z.array(ProgressResult).describe('One assessment per target × org unit that evaluation judges (not-applicable ones left out).'),
  })
  .describe('Progress towards each target before its phase ends.');
/** What `progress` returns. */
export type ProgressReport = z.output<typeof ProgressReport>;

// --- calendar: periods, deadlines, statuses, the snapshot -----------------------------------

/** A period: its id, type, calendar and inclusive local start and end dates (Asia/Ho_Chi_Minh). */
export const Period = z
  .strictObject({
    id: z.string().min(4).describe('Period id, e.g. "2020Q1" (reporting) or "C2020Q1" (calendar).'),
    type: PeriodType.describe('Kind of period: month, quarter, half-year, nine-month or year.'),
    system: PeriodSystem.describe('"reporting": with the data cut-off of Decree 09/2019; "calendar": plain Gregorian.'),
    start: LocalDate.describe('First local date of the period (inclusive).'),
    end: LocalDate.describe('Last local date of the period (inclusive).'),
  })
  .describe('A reporting or calendar period with inclusive local dates.');
/** A period with inclusive local dates. */
export type Period = z.infer<typeof Period>;

/** An inclusive interval of local dates. */
export const DateInterval = z.strictObject({ start: LocalDate.describe('First day (inclusive).'), end: LocalDate.describe('Last day (inclusive).') });
/** An inclusive interval of local dates. */
export type DateInterval = z.infer<typeof DateInterval>;

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
    obligation: Id.describe('Id of the reporting obligation.'),
    period: z.string().nullable().describe('Period id, null for a one-off obligation.'),
    due: LocalDate.nullable().describe('The last local date on which submission is on time, after roll-over; null when the source gives no day (a window).'),
    nominalDue: LocalDate.nullable().describe('The same before roll-over.'),
    window: DateInterval.describe("From the day after the data cut-off (or the plan's date for a one-off) to the last on-time day."),
    inclusive: z.boolean().nullable().describe('Whether the named day itself is on time; null for a window.'),
    rollOver: z.boolean().describe('Whether the rule rolls a last day off a rest day or holiday.'),
    rolledOver: z.boolean().describe('Whether roll-over moved the due date.'),
    wording: z.string().describe('The deadline as written in the source.'),
    reporters: z.array(Id).describe('Who reports (agency or administrative unit ids).'),
    recipients: z.array(Id).describe('To whom.'),
    source: SourceRef.describe('Where the plan states the obligation, verbatim.'),
    holidayData: z
      .strictObject({
        complete: z.boolean().describe('true when the holiday data of every year the roll-over looked at is complete.'),
        years: z.array(z.number().int()).describe('The years whose holiday data the deadline depends on.'),
      })
      .describe('Whether the holiday data covering the roll-over is complete.'),
  })
  .describe('A computed deadline of one obligation for one period.');
/** A computed deadline. */
export type Deadline = z.infer<typeof Deadline>;

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
/** Status of one report for one period. */
export type ReportStatus = z.infer<typeof ReportStatus>;

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
/** Status of a task at a date. */
export type TaskStatus = z.infer<typeof TaskStatus>;

/**
 * A time expression of the appendix, parsed. A month or quarter is the calendar month or quarter
 * ("Quý II/2019" = 2019-04-01 … 2019-06-30); "Thường xuyên" is `ongoing`; a blank cell is `none`.
 * A span of years, months or quarters ("2019-2020") carries `span: true`.
 */
export const Timeframe = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('interval').describe('A span of local dates.'),
    start: LocalDate.describe('First day (inclusive).'),
    end: LocalDate.describe('Last day (inclusive).'),
    text: z.string().describe('The expression as written, normalised.'),
    span: z.literal(true).optional().describe('Present when the expression spans several years, months or quarters ("2019-2020"): work runs through it. Absent for one month, quarter, half-year or year: a date by which work is due.'),
  }),
  z.strictObject({ kind: z.literal('ongoing').describe('"Thường xuyên" (a standing duty) or "Hằng năm".'), text: z.string().describe('The expression as written, normalised.') }),
  z.strictObject({ kind: z.literal('none').describe('A blank cell.') }),
]).describe('A time expression of the appendix, parsed: an interval, ongoing, or none.');
/** A parsed time expression. */
export type Timeframe = z.infer<typeof Timeframe>;


/** A deadline with the status an unsubmitted report would have at the instant asked about. */
export const DeadlineAt = Deadline.extend({ status: ReportStatus.describe('Status of a report not yet submitted, at the instant.') }).describe(
  'A computed deadline with the status an unsubmitted report has at the instant.',
);
/** A deadline with the status an unsubmitted report would have at the instant asked about. */
export type DeadlineAt = z.output<typeof DeadlineAt>;

/**
 * Whether a plan's obligations run at a date.
 * - `in-force`: they do;
 * - `issuer-ceased`: the administrative unit that issued the plan no longer exists (its `validTo`
 *   has passed); its successors are named;
 * - `ended`: the plan's last phase has ended.
 */
export const PlanTermStatus = z.enum(['in-force', 'issuer-ceased', 'ended']).describe('"in-force"; "issuer-ceased": the issuing unit no longer exists; "ended": the last phase is over.');
/** Whether a plan's obligations run at a date. */
export type PlanTermStatus = z.infer<typeof PlanTermStatus>;

/** A unit that took over from a plan's issuer. */
export const SuccessorUnit = z
  .strictObject({
    code: z.string().min(1).describe('Statistical code.'),
    name: BilingualText.nullable().describe('Name, when the plan declares the unit; null when only its code is known.'),
  })
  .describe("A unit that took over from the plan's issuer.");
/** A unit that took over from a plan's issuer. */
export type SuccessorUnit = z.output<typeof SuccessorUnit>;

/** The span in which a plan's obligations run, from the plan's own data. */
export const PlanTerm = z
  .strictObject({
    issued: LocalDate.describe("The plan's date of issue."),
    lastPhaseEnd: LocalDate.nullable().describe("Last day of the plan's last phase; null when it declares no phase."),
    issuerLastDay: LocalDate.nullable().describe('Last day the issuing unit existed (its validTo); null while it exists or when the plan does not say.'),
    successors: z.array(SuccessorUnit).describe('Units that took over from the issuer on issuerLastDay (empty when none is declared).'),
    lastDay: LocalDate.nullable().describe('The last day obligations run: the earlier of lastPhaseEnd and issuerLastDay; null when neither is known.'),
  })
  .describe("The span in which a plan's obligations run.");
/** The span in which a plan's obligations run. */
export type PlanTerm = z.output<typeof PlanTerm>;

/** A plan's term seen from one date: its status and, when it no longer runs, why, in both languages. */
export const PlanTermAt = PlanTerm.extend({
  status: PlanTermStatus,
  message: BilingualText.describe('What the status means for the reader, naming the successors when the issuer ceased.'),
}).describe("A plan's term seen from one date.");
/** A plan's term seen from one date. */
export type PlanTermAt = z.output<typeof PlanTermAt>;

/** Whether the holiday data of a year is complete. */
export const HolidayCoverage = z
  .strictObject({
    year: z.number().int().describe('The year.'),
    covered: z.boolean().describe('true when every day off of the year is in the data (from the annual notices).'),
    basis: z
      .enum(['annual-notices', 'partial', 'weekends-and-solar-rules', 'weekly-rest-days-only'])
      .describe(
        '"annual-notices": yearly data complete; "partial": some yearly data, incomplete; "weekends-and-solar-rules": no yearly data, only weekly rest days and solar holidays apply; "weekly-rest-days-only": the calendar declares no public holidays.',
      ),
    sources: z.array(z.string().min(1)).describe("Where the year's data comes from."),
    unconfirmed: z.array(LocalDate).describe('Dates of the year whose data is marked unconfirmed.'),
    note: BilingualText.describe('What is missing or uncertain, in both languages.'),
  })
  .describe('Whether the holiday data of a year is complete.');
/** Whether the holiday data of a year is complete. */
export type HolidayCoverage = z.output<typeof HolidayCoverage>;

/** What `reportingCalendarAt` of @egov-plan/rules answers: which period it is, what is due, and how sure the holiday data is. */
export const ReportingCalendarSnapshot = z
  .strictObject({
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/u)
      .describe('The instant, ISO 8601 with the local offset (2020-03-16T09:00:00+07:00).'),
    localDate: LocalDate.describe('Its local date.'),
    timeZone: z.string().min(1).describe("The plan calendar's IANA time zone."),
    period: Period.describe("The period of the calendar's primary type (the quarter) containing the instant."),
    deadlines: z
      .array(DeadlineAt)
      .describe(
        "The deadlines of the current period: for each recurring obligation, its deadline for the period of its type containing the instant; a one-off obligation only when its last day lies in period. Empty once the plan's term is over.",
      ),
    upcoming: z.array(DeadlineAt).describe('For each obligation, the next deadline on or after the local date (may belong to an earlier period).'),
    history: z.array(Deadline).describe('One-off deadlines of earlier periods: history, never current deadlines; no status is claimed for them.'),
    term: PlanTermAt.describe("Whether the plan's obligations still run at the instant, and why not, naming the successor."),
    holidays: HolidayCoverage.describe("Holiday data coverage of the instant's year."),
  })
  .describe('What is due, by whom, when: a plan\'s reporting calendar at an instant.');
/** What `reportingCalendarAt` answers. */
export type ReportingCalendarSnapshot = z.output<typeof ReportingCalendarSnapshot>;

// --- task statuses --------------------------------------------------------------------------

/**
 * Status of a task's continuing work ("Tiếp tục cập nhật, hoàn thiện"), which never makes the task
 * overdue: `not-started` before its period, `in-progress` within it, `ended` after it, `ongoing`
 * for "Thường xuyên".
 */
export const ContinuingStatus = z.enum(['not-started', 'in-progress', 'ended', 'ongoing']).describe('Status of the continuing work; it never makes a task overdue.');
/** Status of a task's continuing work. */
export type ContinuingStatus = z.infer<typeof ContinuingStatus>;

/** The status of one task at a date, with what it was judged on (what `taskStatus` returns). */
export const TaskStatusReport = z
  .strictObject({
    task: Id.describe('Task id.'),
    status: TaskStatus.describe('"not-started", "in-progress", "overdue", "done" or "ongoing" (a standing duty, never overdue).'),
    due: LocalDate.nullable().describe('The due date: the last day of the completion timeframe; null for "Thường xuyên" or a blank completion cell.'),
    activeFrom: LocalDate.nullable().describe(
      'The first day the task is in progress: the plan\'s date for a one-month, quarter, half-year or year completion time (or a blank one); the start of a span, never before the plan\'s date. Null for "Thường xuyên".',
    ),
    completion: Timeframe.describe('The completion time ("Thời gian hoàn thành"), parsed.'),
    continuing: Timeframe.describe('The continuing period ("Tiếp tục cập nhật, hoàn thiện"), parsed.'),
    continuingStatus: ContinuingStatus.nullable().describe('Status of the continuing work; null when the continuing cell is blank.'),
    doneOn: LocalDate.nullable().describe('Recorded completion date on or before the date asked, else null.'),
    onTime: z.boolean().nullable().describe('For a done task with a due date: whether it was done by then; null otherwise.'),
  })
  .describe('The status of one task at a date.');
/** The status of one task at a date. */
export type TaskStatusReport = z.output<typeof TaskStatusReport>;

/** An agency as shown with a task: its id and name. */
export const NamedAgency = z
  .strictObject({ id: Id.describe('Agency id.'), name: BilingualText.describe("The agency's name.") })
  .describe('An agency as shown with a task.');
/** An agency as shown with a task. */
export type NamedAgency = z.output<typeof NamedAgency>;

/** A task with its status and the names of its agencies: an element of what `planTaskStatuses` returns. */
export const TaskReport = TaskStatusReport.extend({
  id: Id.describe('Task id (the same as task).'),
  label: Task.shape.label.describe('The row number as printed in the appendix.'),
  group: Task.shape.group.describe('The appendix group (I–VI) the task belongs to.'),
  title: BilingualText.describe("The task's title."),
  lead: z.array(NamedAgency).describe('Lead agencies.'),
  coordinating: z.array(NamedAgency).describe('Coordinating agencies.'),
  leadThrough: z
    .array(Id)
    .describe('With the agency option: the collectives among the lead agencies through which that agency leads the task; empty when it is named itself.'),
  source: SourceRef.describe('Where the task is in the plan.'),
  completionAsWritten: z.string().nullable().describe('The completion cell as written.'),
  continuingAsWritten: z.string().nullable().describe('The continuing cell as written.'),
}).describe('A task with its status and the names of its agencies.');
/** A task with its status and the names of its agencies. */
export type TaskReport = z.output<typeof TaskReport>;

/** What `planTaskStatuses` of @egov-plan/rules returns: every task (or those an agency leads) with its status. */
export const PlanTaskStatuses = z.array(TaskReport).describe("The status of each of a plan's tasks at a date, in plan order.");
/** What `planTaskStatuses` returns. */
export type PlanTaskStatuses = z.output<typeof PlanTaskStatuses>;
