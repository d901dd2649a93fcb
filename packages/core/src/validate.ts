import type * as z from 'zod';
import { EgovPlanError, toPointer } from './errors.js';
import type { IssueCode } from './issue-codes.js';
import { issueFrom, type IssueMessage } from './issue-messages.js';
import type { Issue } from './outputs.js';
import { FORMAT_VERSION, Plan, type Indicator } from './plan.js';
import type { SchemaCheck } from './schema-checks.js';
import { describeSuspiciousCharacter, findSuspiciousCharacter } from './text.js';
import * as MSG from './validate-messages.js';

type ZodIssue = z.core.$ZodIssue;

const typeNamesVi: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'mảng',
  null: 'null',
  undefined: 'không có giá trị',
  int: 'số nguyên',
  record: 'đối tượng',
  tuple: 'mảng',
};

/** A type name in both languages: Vietnamese from {@link typeNamesVi}, English as zod names it (`int` as `integer`). */
const typeName = (name: string) => ({ vi: typeNamesVi[name] ?? name, en: name === 'int' ? 'integer' : name });

/** zod's origins of a number's bound (an unsafe integer is `int`); any other is a length or size. */
const NUMERIC_ORIGINS = new Set(['number', 'int', 'bigint']);

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function lookup(root: unknown, path: readonly (string | number)[]): { exists: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return { exists: false };
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return { exists: cur !== undefined, value: cur };
}

/**
 * The messages of core's own schema checks that name no value, found by the English text the
 * schema gives zod (a check that names a value carries its message: `schemaCheck`).
 */
const SCHEMA_CHECKS: readonly IssueMessage[] = [
  MSG.schemaFormatId,
  MSG.schemaFormatDate,
  MSG.schemaFormatAgencyCode,
  MSG.schemaFormatUnitCode,
  MSG.schemaFormatConditionPath,
  MSG.schemaForbiddenPath,
  MSG.schemaUnrealDate,
  MSG.schemaUnnormalisedQuote,
  MSG.schemaUnknownTimeZone,
];

/** A schema check's own message, if `z` is one of core's; `undefined` otherwise. */
function ownCheck(z: ZodIssue, pointer: string): Issue | undefined {
  const params = (z as { params?: { check?: SchemaCheck; code?: unknown; vi?: unknown; en?: unknown } }).params;
  if (params?.check) return issueFrom(params.check.message, pointer, params.check.values as never);
  // The condition checks (conditions.ts) carry their registered code and both languages (the
  // registry itself is not looked up: it would bring every code's description into a bundle).
  if (typeof params?.code === 'string' && typeof params.vi === 'string' && typeof params.en === 'string') {
    return { code: params.code as IssueCode, pointer, message: { vi: params.vi, en: params.en } };
  }
  const message = SCHEMA_CHECKS.find((m) => m.en === z.message);
  return message && issueFrom(message, pointer, {} as never);
}

/** The message of a too_small issue: by what is bounded (a number, a length) and how. */
function minMessage(z: z.core.$ZodIssueTooSmall) {
  if (NUMERIC_ORIGINS.has(z.origin)) return z.inclusive === false ? MSG.schemaOutOfRangeAbove : MSG.schemaOutOfRangeMin;
  // Sets, maps and files (never JSON) count their items as an array does.
  return z.origin === 'string' ? MSG.schemaOutOfRangeMinString : MSG.schemaOutOfRangeMinArray;
}

/** The message of a too_big issue (as {@link minMessage}). */
function maxMessage(z: z.core.$ZodIssueTooBig) {
  if (NUMERIC_ORIGINS.has(z.origin)) return z.inclusive === false ? MSG.schemaOutOfRangeBelow : MSG.schemaOutOfRangeMax;
  return z.origin === 'string' ? MSG.schemaOutOfRangeMaxString : MSG.schemaOutOfRangeMaxArray;
}

/** A string without its format, worded from zod's fields (never its English message). */
function formatIssue(z: z.core.$ZodIssueInvalidStringFormat, pointer: string): Issue {
  const f = z as z.core.$ZodIssueInvalidStringFormat & { prefix?: string; suffix?: string; includes?: string; pattern?: string };
  if (f.format === 'starts_with' && f.prefix !== undefined) return issueFrom(MSG.schemaFormatPrefix, pointer, { prefix: f.prefix });
  if (f.format === 'ends_with' && f.suffix !== undefined) return issueFrom(MSG.schemaFormatSuffix, pointer, { suffix: f.suffix });
  if (f.format === 'includes' && f.includes !== undefined) return issueFrom(MSG.schemaFormatIncludes, pointer, { includes: f.includes });
  if (f.format === 'regex' && f.pattern !== undefined) return issueFrom(MSG.schemaFormatPattern, pointer, { pattern: f.pattern });
  return issueFrom(MSG.schemaInvalidFormat, pointer, { format: f.format });
}

/**
 * Turns one zod issue into one or more {@link Issue}s with bilingual messages; `root` is the
 * validated input. Each is worded from the issue's fields (`expected`, `minimum`, `format`, …)
 * through core's templates, never from zod's English message; a check of core's own schemas
 * keeps its own message in both languages.
 */
export function fromZodIssue(z: ZodIssue, root: unknown, basePath: readonly (string | number)[] = []): Issue[] {
  const path = [...basePath, ...z.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const pointer = toPointer(path);
  switch (z.code) {
    case 'invalid_type': {
      const found = lookup(root, path);
      if (!found.exists) {
        const key = String(path[path.length - 1] ?? '');
        return [issueFrom(MSG.schemaMissingKey, pointer, { key })];
      }
      return [issueFrom(MSG.schemaInvalidType, pointer, { expected: typeName(z.expected), got: typeName(describeInput(found.value)) })];
    }
    case 'unrecognized_keys':
      return z.keys.map((k) => issueFrom(MSG.schemaUnknownKey, toPointer([...path, k]), { key: k }));
    case 'too_big':
    case 'too_small': {
      const own = ownCheck(z, pointer);
      if (own) return [own];
      const bound = String(z.code === 'too_small' ? z.minimum : z.maximum);
      if (z.exact && !NUMERIC_ORIGINS.has(z.origin)) return [issueFrom(MSG.schemaOutOfRangeExact, pointer, { length: bound })];
      return [z.code === 'too_small' ? issueFrom(minMessage(z), pointer, { min: bound }) : issueFrom(maxMessage(z), pointer, { max: bound })];
    }
    case 'not_multiple_of':
      return [issueFrom(MSG.schemaNotMultipleOf, pointer, { divisor: String(z.divisor) })];
    case 'invalid_value':
      return [issueFrom(MSG.schemaInvalidValue, pointer, { allowed: z.values.map((v) => JSON.stringify(v)).join(', ') })];
    case 'invalid_format': {
      const found = lookup(root, path);
      const odd = typeof found.value === 'string' ? findSuspiciousCharacter(found.value) : null;
      if (odd) {
        return [issueFrom(odd.kind === 'invisible' ? MSG.schemaInvisibleCharacter : MSG.schemaMixedScript, pointer, { character: describeSuspiciousCharacter(odd) })];
      }
      return [ownCheck(z, pointer) ?? formatIssue(z, pointer)];
    }
    case 'invalid_union': {
      // A discriminated union with a bad discriminator reports no sub-errors: say what is allowed.
      const nested = z.errors.flat();
      if (nested.length > 0 && z.errors.length === 1) return nested.flatMap((n) => fromZodIssue(n, root, path));
      return [issueFrom(MSG.schemaInvalidUnion, pointer, {})];
    }
    case 'invalid_key':
      return [issueFrom(MSG.schemaInvalidKey, pointer, { key: String(path[path.length - 1] ?? '') })];
    case 'invalid_element':
      // A map's or set's element (never JSON): its own issues, at the element.
      return z.issues.flatMap((n) => fromZodIssue(n, root, path));
    default:
      // `custom`: core's checks carry their message; another schema's check, its own words.
      return [ownCheck(z, pointer) ?? issueFrom(MSG.schemaInvalid, pointer, { detail: z.message.replace(/\.$/u, '') })];
  }
}

/**
 * Checks what a schema cannot: unique ids, declared agencies and phases, intervals that end
 * after they start, units that agree. Pure; returns every issue found.
 */
export function checkPlanConsistency(plan: Plan): Issue[] {
  const issues: Issue[] = [];
  for (const check of consistencyChecks) check(plan, issues);
  return issues;
}

/**
 * The same checks over input that failed the schema: each check runs on its own and is skipped
 * where the input's shape makes it meaningless, so one bad field does not hide the rest.
 */
function checkUnvalidated(input: unknown): Issue[] {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return [];
  const issues: Issue[] = [];
  for (const check of consistencyChecks) {
    const found: Issue[] = [];
    try {
      check(input as Plan, found);
      for (const f of found) issues.push(f);
    } catch {
      // The schema issues already describe why this part could not be checked.
    }
  }
  return issues;
}

type ConsistencyCheck = (plan: Plan, issues: Issue[]) => void;

/** A message of two items of one kind sharing an id (`{id}`, and `{first}`: the first one's number). */
type DuplicateIdMessage = IssueMessage & { readonly vi: `Id "{id}" trùng với ${string} thứ {first}.`; readonly en: `Id "{id}" duplicates ${string} #{first}.` };

const consistencyChecks: ConsistencyCheck[] = [
  function uniqueIds(plan, issues) {
    const dup = (message: DuplicateIdMessage, items: readonly { id: string }[], at: string) => {
      const seen = new Map<string, number>();
      items.forEach((item, i) => {
        if (typeof item?.id !== 'string') return; // a missing id is a schema issue, not a duplicate
        const first = seen.get(item.id);
        if (first !== undefined) {
          issues.push(issueFrom(message, `/${at}/${i}/id`, { id: item.id, first: first + 1 }));
        } else seen.set(item.id, i);
      });
    };
    dup(MSG.planDuplicateIdPhase, plan.phases, 'phases');
    dup(MSG.planDuplicateIdIndicator, plan.indicators, 'indicators');
    dup(MSG.planDuplicateIdAgency, plan.agencies, 'agencies');
    dup(MSG.planDuplicateIdTask, plan.tasks, 'tasks');
    dup(MSG.planDuplicateIdBodyTask, plan.bodyTasks, 'bodyTasks');
    dup(MSG.planDuplicateIdDuty, plan.duties, 'duties');
    dup(MSG.planDuplicateIdObligation, plan.reportingObligations, 'reportingObligations');
    dup(MSG.planDuplicateIdNote, plan.notes, 'notes');
  },
  function uniqueTargetIds(plan, issues) {
    const targetIds = new Map<string, string>();
    plan.indicators.forEach((ind, i) =>
      ind.targets.forEach((t, j) => {
        const at = `/indicators/${i}/targets/${j}`;
        if (targetIds.has(t.id)) {
          issues.push(issueFrom(MSG.planDuplicateIdTarget, `${at}/id`, { id: t.id, first: targetIds.get(t.id) as string }));
        } else targetIds.set(t.id, at);
      }),
    );
  },
  function uniqueUnitCodes(plan, issues) {
    const units = new Set<string>();
    plan.administrativeUnits.forEach((u, i) => {
      if (units.has(u.code)) issues.push(issueFrom(MSG.planDuplicateIdUnit, `/administrativeUnits/${i}/code`, { code: u.code }));
      units.add(u.code);
    });
  },
  function phasesInOrder(plan, issues) {
    plan.phases.forEach((p, i) => {
      if (typeof p.start === 'string' && typeof p.end === 'string' && p.end < p.start) issues.push(endBeforeStart(`/phases/${i}/end`, p.start, p.end));
    });
  },
  function unitsInOrder(plan, issues) {
    plan.administrativeUnits.forEach((u, i) => {
      if (typeof u.validFrom === 'string' && typeof u.validTo === 'string' && u.validTo < u.validFrom) issues.push(endBeforeStart(`/administrativeUnits/${i}/validTo`, u.validFrom, u.validTo));
    });
  },
  function declaredAgencies(plan, issues) {
    const agencies = new Set(plan.agencies.map((a) => a.id));
    const needAgency = (id: string, pointer: string) => {
      if (!agencies.has(id)) issues.push(issueFrom(MSG.planUnknownAgency, pointer, { agency: id }));
    };
    const each = (list: unknown, at: string) => {
      if (Array.isArray(list)) list.forEach((a, j) => typeof a === 'string' && needAgency(a, `${at}/${j}`));
    };
    plan.tasks.forEach((t, i) => {
      each(t.lead, `/tasks/${i}/lead`);
      each(t.coordinating, `/tasks/${i}/coordinating`);
    });
    plan.duties.forEach((d, i) => each(d.agencies, `/duties/${i}/agencies`));
    plan.reportingObligations.forEach((o, i) => {
      each(o.reporters, `/reportingObligations/${i}/reporters`);
      each(o.recipients, `/reportingObligations/${i}/recipients`);
    });
  },
  function declaredPhasesAndUnits(plan, issues) {
    const phases = new Set(plan.phases.map((p) => p.id));
    plan.indicators.forEach((ind, i) => checkIndicator(ind, i, phases, issues));
  },
  function obligationPeriods(plan, issues) {
    // Without a calendar the plan uses the bundled Decree 09/2019 calendar, which declares every
    // period type; so does a calendar that extends it. Otherwise only the types it declares exist.
    const own = plan.calendar;
    const declared = own && !own.extends && Array.isArray(own.periodTypes) ? new Set(own.periodTypes.map((p) => p.type)) : null;
    plan.reportingObligations.forEach((o, i) => {
      const at = `/reportingObligations/${i}/periodType`;
      const kind = o.deadline?.kind;
      if (kind === 'fixed-date' && o.periodType !== null) {
        issues.push(issueFrom(MSG.planObligationPeriodOneOff, at, { kind, periodType: String(o.periodType) }));
      } else if (kind !== undefined && kind !== 'fixed-date' && o.periodType === null) {
        issues.push(issueFrom(MSG.planObligationPeriodRecurring, at, { kind }));
      } else if (declared && typeof o.periodType === 'string' && !declared.has(o.periodType)) {
        issues.push(issueFrom(MSG.calendarUndeclaredPeriodType, at, { periodType: o.periodType, declared: [...declared].join(', ') }));
      }
    });
  },
  function linkedTasks(plan, issues) {
    const taskIds = new Set(plan.tasks.map((t) => t.id));
    const bodyIds = new Set(plan.bodyTasks.map((t) => t.id));
    plan.tasks.forEach((t, i) =>
      t.bodyTasks.forEach((b, j) => {
        if (!bodyIds.has(b)) issues.push(unknownRef(`/tasks/${i}/bodyTasks/${j}`, b));
      }),
    );
    plan.bodyTasks.forEach((b, i) =>
      b.appendixTasks.forEach((t, j) => {
        if (!taskIds.has(t)) issues.push(unknownRef(`/bodyTasks/${i}/appendixTasks/${j}`, t));
      }),
    );
  },
];

function checkIndicator(ind: Indicator, i: number, phases: Set<string>, issues: Issue[]) {
  ind.targets.forEach((t, j) => {
    const at = `/indicators/${i}/targets/${j}`;
    if (!phases.has(t.phase)) {
      issues.push(issueFrom(MSG.planUnknownPhase, `${at}/phase`, { phase: t.phase }));
    }
    if (t.unit !== ind.unit) {
      issues.push(issueFrom(MSG.planUnitMismatch, `${at}/unit`, { unit: t.unit, indicatorUnit: ind.unit }));
    }
  });
}

function endBeforeStart(pointer: string, start: string, end: string): Issue {
  return issueFrom(MSG.planEndBeforeStart, pointer, { start, end });
}

function unknownRef(pointer: string, id: string): Issue {
  return issueFrom(MSG.planUnknownReference, pointer, { id });
}

/**
 * The result of {@link validatePlan}: the typed plan, or every issue found. When `ok`, `issues`
 * holds only warnings (`severity: "warning"`, e.g. a deadline that leaves no working day after
 * the data cut-off), usually none.
 */
export type ValidationResult<T> = { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] };

/**
 * The issue for a file written for another format version, or `undefined`. Checked before the
 * schema, so a newer file is refused as a whole rather than misread field by field.
 */
export function checkFormatVersion(input: unknown): Issue | undefined {
  if (!input || typeof input !== 'object' || Array.isArray(input) || !Object.prototype.hasOwnProperty.call(input, 'formatVersion')) return undefined;
  const v = (input as { formatVersion: unknown }).formatVersion;
  if (typeof v !== 'number' || v === FORMAT_VERSION) return undefined;
  return issueFrom(MSG.planUnsupportedFormatVersion, '/formatVersion', { version: v, supported: FORMAT_VERSION });
}

/** Fields only a rule file has; a value with one of them is a rule file still to be resolved. */
export const RULE_FILE_ONLY_FIELDS = ['extends', 'addTargets'] as const;

/** True when `value` is an object with `extends` or `addTargets`: a rule file still to be resolved. */
export function isUnresolvedRuleFile(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    RULE_FILE_ONLY_FIELDS.some((k) => Object.prototype.hasOwnProperty.call(value, k) && (value as Record<string, unknown>)[k] !== undefined)
  );
}

/**
 * The issues that say a value is a rule file, not a resolved plan: one `plan.unresolved_rule_file`
 * per `extends` / `addTargets` field present. Empty for anything else.
 */
export function unresolvedRuleFileIssues(value: unknown): Issue[] {
  if (!isUnresolvedRuleFile(value)) return [];
  return RULE_FILE_ONLY_FIELDS.filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) =>
    issueFrom(MSG.planUnresolvedRuleFile, `/${k}`, { field: k }),
  );
}

/**
 * Throws {@link EgovPlanError} (`plan.unresolved_rule_file`) when `value` is a rule file still to be
 * resolved: what evaluation calls first, so that JavaScript callers get a typed error, not silence.
 */
export function assertResolvedPlan(value: unknown): void {
  const issues = unresolvedRuleFileIssues(value);
  if (issues.length) throw new EgovPlanError(issues);
}

/** Format version, then `schema`, then (when `consistency`) the consistency checks. */
export function validateWith<T>(schema: z.ZodType<T>, input: unknown, consistency: boolean): ValidationResult<T> {
  const version = checkFormatVersion(input);
  if (version) return { ok: false, issues: [version] };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const schemaIssues = parsed.error.issues.flatMap((z) => fromZodIssue(z, input));
    if (!consistency) return { ok: false, issues: schemaIssues };
    const seen = new Set(schemaIssues.map((i) => i.pointer));
    // Report consistency problems too, except where the schema already flagged the same spot.
    const more = checkUnvalidated(input).filter((i) => !seen.has(i.pointer));
    return { ok: false, issues: [...schemaIssues, ...more] };
  }
  const issues = consistency ? checkPlanConsistency(parsed.data as Plan) : [];
  return issues.length ? { ok: false, issues } : { ok: true, value: parsed.data, issues: [] };
}

/**
 * Validates an unknown value (e.g. parsed JSON) as a resolved {@link Plan}: format version, schema,
 * then consistency. A rule file with `extends` or `addTargets` is refused with
 * `plan.unresolved_rule_file` (resolve it first). Never throws for bad input; returns every issue found.
 */
export function validatePlan(input: unknown): ValidationResult<Plan> {
  const unresolved = unresolvedRuleFileIssues(input);
  if (unresolved.length) return { ok: false, issues: unresolved };
  return validateWith(Plan, input, true);
}

/** Like {@link validatePlan} but throws an {@link EgovPlanError} carrying every issue. */
export function parsePlan(input: unknown): Plan {
  const r = validatePlan(input);
  if (!r.ok) throw new EgovPlanError(r.issues);
  return r.value;
}
