import { z } from '@hono/zod-openapi';
import { AdministrativeLevel, BilingualText, describeSchemas, Id, Issue, ISSUE_CODE_LIST, LocalDate, MeasurementInput, Target, TargetResult, TargetStatus, EvaluationSummary } from '@egov-plan/core';

// Core's schemas carry their descriptions only once asked (they are kept out of browser bundles);
// the OpenAPI document is built from them, so attach them before anything is derived from them.
describeSchemas();

// The schemas of the API that core does not already have: parameters, request envelopes, pages.
// Everything the routes answer is one of core's output schemas (or built from them), so the
// OpenAPI document describes exactly what the library returns.

/** Path parameter `{plan}`. */
export const PlanParams = z.object({ plan: z.string().min(1).max(120).openapi({ param: { name: 'plan', in: 'path' }, example: 'kontum-1102-2019' }) });

/** Query parameters of the paginated lists: `limit` and the opaque `cursor` of the previous page's `next`. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'Items per page (1–1000, default 100).', example: 100 }),
  cursor: z.string().max(100).optional().openapi({ description: 'Where the page starts: the `next` of the previous page.' }),
});

/** A page's position in its list: `next` is the cursor of the following page, or null on the last. */
export const PageInfo = z
  .strictObject({
    total: z.number().int().min(0).describe('Items in the whole list (every page).'),
    limit: z.number().int().min(1).describe('Items per page asked for.'),
    next: z.string().nullable().describe('Cursor of the next page (pass it as `cursor`), or null on the last page.'),
  })
  .openapi('PageInfo');

/** The error of every 4xx and 5xx response. */
export const ApiError = z
  .strictObject({
    ok: z.literal(false),
    error: z.strictObject({
      code: z.enum(ISSUE_CODE_LIST as [string, ...string[]]).describe('The first issue\'s code (docs/errors.md).'),
      issues: z.array(Issue).min(1).describe('Every issue found: code, JSON pointer into the request, message in Vietnamese and English.'),
    }),
  })
  .openapi('ApiError');

/** One bundled or configured plan, as listed. */
export const PlanListItem = z
  .strictObject({
    id: Id,
    number: z.string().describe('Document number as printed, e.g. "1102/KH-UBND".'),
    date: LocalDate.describe('Date of issue.'),
    title: BilingualText,
    issuer: BilingualText,
  })
  .openapi('PlanListItem');

/** `GET /api/v1/plans`. */
export const PlanList = z.strictObject({ plans: z.array(PlanListItem) }).openapi('PlanList');

/** One target of a plan, with its indicator. */
export const PlanTarget = z.strictObject({ indicator: Id.describe('Indicator id.'), target: Target }).openapi('PlanTarget');

/** `GET /api/v1/plans/{plan}/targets`. */
export const PlanTargets = z.strictObject({ plan: Id, targets: z.array(PlanTarget).describe('Every target of the plan, in plan order (indicators, then targets).') }).openapi('PlanTargets');

/** Query of `GET …/calendar` and `GET …/tasks`: the instant asked about. */
export const AtQuery = z.object({
  at: z.string().max(40).optional().openapi({ description: 'A local date YYYY-MM-DD or an ISO 8601 instant (without an offset: Vietnam time). Default: now.', example: '2020-12-14' }),
});

/** Query of `GET …/tasks`. */
export const TasksQuery = AtQuery.extend({ agency: z.string().max(200).optional().openapi({ description: 'Only the tasks this agency leads or coordinates.' }) });

/**
 * One revision of one measurement as a store keeps it (the `StoredMeasurement` interface of
 * @egov-plan/core, as a schema).
 */
export const StoredMeasurementSchema = z
  .strictObject({
    plan: Id,
    indicator: z.string(),
    orgUnit: z.string(),
    level: AdministrativeLevel,
    period: z.string().describe('Reporting-period id, or the evidence date for dated evidence.'),
    start: z.string().describe('First day of the period.'),
    end: z.string().describe('Last day of the period.'),
    revision: z.number().int().min(1),
    value: z.union([z.number(), z.boolean()]).nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    evidence: z.boolean(),
    sheet: z.string().nullable(),
    row: z.number().int(),
    importId: z.string(),
    file: z.string(),
    importedBy: z.string(),
    importedAt: z.string(),
    recordedAt: z.string(),
    retractionOf: z.string().nullable(),
  })
  .openapi('StoredMeasurement');

/** Query of `GET …/measurements`. */
export const MeasurementsQuery = PageQuery.extend({
  indicator: z.string().max(120).optional(),
  orgUnit: z.string().max(200).optional(),
  period: z.string().max(40).optional(),
});

/** `GET …/measurements`: the values in force, one page. */
export const MeasurementPage = z.strictObject({ plan: Id, measurements: z.array(StoredMeasurementSchema), page: PageInfo }).openapi('MeasurementPage');

/** Most measurements one POST may carry. */
export const MAX_POSTED_MEASUREMENTS = 10_000;

/** `POST …/measurements`: the rows of one submission (the JSON measurements format). */
export const MeasurementSubmission = z
  .strictObject({
    file: z.string().min(1).max(200).optional().describe('Name recorded as the import\'s file (default "http").'),
    measurements: z.array(MeasurementInput).min(1).max(MAX_POSTED_MEASUREMENTS),
  })
  .openapi('MeasurementSubmission');

/** What a POST of measurements wrote: every row counted once. */
export const MeasurementImportResult = z
  .strictObject({
    ok: z.literal(true),
    importId: z.string(),
    rows: z.number().int().min(0).describe('Rows received.'),
    revisions: z.number().int().min(0).describe('Rows that created a revision.'),
    unchanged: z.number().int().min(0).describe('Rows identical to the value in force (nothing written).'),
    warnings: z.array(Issue).optional().describe('What was accepted but should be looked at (`measurement.unknown_org_unit`: an org unit the plan does not list); absent when none.'),
  })
  .openapi('MeasurementImportResult');

/** Query of `GET …/evaluations`. */
export const EvaluationsQuery = PageQuery.extend({
  period: z.string().max(40).optional().openapi({ description: 'Evaluate at the last day of this reporting period ("2020Q4").', example: '2020Q4' }),
  at: z.string().max(40).optional().openapi({ description: 'Evaluate at this date instead (YYYY-MM-DD or an instant). Default: the end of the latest period stored.' }),
  orgUnit: z.string().max(200).optional().openapi({ description: 'Only the results of this org unit.' }),
  status: TargetStatus.optional().openapi({ description: 'Only results with this status.' }),
});

/** `GET …/evaluations`: the verdicts at a date, one page (summary over every page). */
export const EvaluationPage = z
  .strictObject({
    plan: Id,
    at: LocalDate,
    period: z.string().nullable().describe('The period asked for, or null.'),
    phases: z.array(Id),
    summary: EvaluationSummary.describe('Counts over every result selected (all pages).'),
    results: z.array(TargetResult),
    page: PageInfo,
  })
  .openapi('EvaluationPage');

/** `POST /api/v1/validate`: what validating a posted rule file found. */
export const ValidationReport = z
  .strictObject({
    ok: z.boolean().describe('True when the rule file resolves to a valid plan (warnings allowed).'),
    plan: Id.nullable().describe('Id of the resolved plan, or null.'),
    issues: z.array(Issue),
  })
  .openapi('ValidationReport');

/** `POST /api/v1/evaluate`: a rule file (extending bundled plans only) and measurements. */
export const EvaluateRequest = z
  .strictObject({
    ruleFile: z.record(z.string(), z.unknown()).describe('A rule file or plan; `extends` may name bundled plan ids only.'),
    measurements: z.array(MeasurementInput).max(MAX_POSTED_MEASUREMENTS),
    at: z.string().max(40).optional().describe('Evaluation date (default: the end of the latest period in the measurements).'),
  })
  .openapi('EvaluateRequest');
