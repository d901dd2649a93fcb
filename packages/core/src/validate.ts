import type * as z from 'zod';
import { EgovPlanError, issue, toPointer } from './errors.js';
import type { Issue } from './outputs.js';
import { FORMAT_VERSION, Plan, type Indicator } from './plan.js';
import { describeSuspiciousCharacter, findSuspiciousCharacter } from './text.js';

type ZodIssue = z.core.$ZodIssue;

const typeNamesVi: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'mảng',
  null: 'null',
  undefined: 'không có giá trị',
};

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

/** Turns one zod issue into one or more {@link Issue}s with bilingual messages; `root` is the validated input. */
export function fromZodIssue(z: ZodIssue, root: unknown, basePath: readonly (string | number)[] = []): Issue[] {
  const path = [...basePath, ...z.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const pointer = toPointer(path);
  switch (z.code) {
    case 'invalid_type': {
      const found = lookup(root, path);
      if (!found.exists) {
        const key = String(path[path.length - 1] ?? '');
        return [issue('schema.missing_key', pointer, `Thiếu khóa bắt buộc "${key}".`, `Required key "${key}" is missing.`)];
      }
      const got = describeInput(found.value);
      return [
        issue(
          'schema.invalid_type',
          pointer,
          `Sai kiểu: cần ${typeNamesVi[z.expected] ?? z.expected}, nhận được ${typeNamesVi[got] ?? got}.`,
          `Wrong type: expected ${z.expected}, got ${got}.`,
        ),
      ];
    }
    case 'unrecognized_keys':
      return z.keys.map((k) =>
        issue('schema.unknown_key', toPointer([...path, k]), `Khóa "${k}" không có trong định dạng.`, `Unknown key "${k}".`),
      );
    case 'too_big': {
      const max = String(z.maximum);
      const what = z.origin === 'number' ? '' : ' (độ dài/số phần tử)';
      return [
        issue(
          'schema.out_of_range',
          pointer,
          `Giá trị vượt quá mức tối đa ${max}${what}.`,
          `Value is above the maximum ${max}${z.origin === 'number' ? '' : ` (${z.origin} length)`}.`,
        ),
      ];
    }
    case 'too_small': {
      const min = String(z.minimum);
      return [
        issue(
          'schema.out_of_range',
          pointer,
          z.origin === 'number' ? `Giá trị nhỏ hơn mức tối thiểu ${min}.` : `Cần ít nhất ${min} ký tự/phần tử.`,
          z.origin === 'number' ? `Value is below the minimum ${min}.` : `At least ${min} ${z.origin === 'string' ? 'characters' : 'items'} required.`,
        ),
      ];
    }
    case 'invalid_value': {
      const allowed = z.values.map((v) => JSON.stringify(v)).join(', ');
      return [issue('schema.invalid_value', pointer, `Giá trị không hợp lệ; cho phép: ${allowed}.`, `Invalid value; allowed: ${allowed}.`)];
    }
    case 'invalid_format': {
      const found = lookup(root, path);
      const odd = typeof found.value === 'string' ? findSuspiciousCharacter(found.value) : null;
      if (odd) {
        const d = describeSuspiciousCharacter(odd);
        return [issue(odd.kind === 'invisible' ? 'schema.invisible_character' : 'schema.mixed_script', pointer, `Mã ${d.vi}.`, `The id ${d.en}.`)];
      }
      return [issue('schema.invalid_format', pointer, `Sai định dạng: ${z.message}.`, `Invalid format: ${z.message}.`)];
    }
    case 'invalid_union': {
      // A discriminated union with a bad discriminator reports no sub-errors: say what is allowed.
      const nested = z.errors.flat();
      if (nested.length > 0 && z.errors.length === 1) return nested.flatMap((n) => fromZodIssue(n, root, path));
      return [issue('schema.invalid', pointer, 'Giá trị không khớp với bất kỳ dạng cho phép nào.', 'Value matches none of the allowed shapes.')];
    }
    default:
      return [issue('schema.invalid', pointer, `Không hợp lệ: ${z.message}.`, `Invalid: ${z.message}.`)];
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

const consistencyChecks: ConsistencyCheck[] = [
  function uniqueIds(plan, issues) {
    const dup = (kind: string, items: readonly { id: string }[], at: string) => {
      const seen = new Map<string, number>();
      items.forEach((item, i) => {
        if (typeof item?.id !== 'string') return; // a missing id is a schema issue, not a duplicate
        const first = seen.get(item.id);
        if (first !== undefined) {
          issues.push(
            issue('plan.duplicate_id', `/${at}/${i}/id`, `Id "${item.id}" trùng với ${kind} thứ ${first + 1}.`, `Id "${item.id}" duplicates ${kind} #${first + 1}.`),
          );
        } else seen.set(item.id, i);
      });
    };
    dup('giai đoạn/phase', plan.phases, 'phases');
    dup('chỉ tiêu/indicator', plan.indicators, 'indicators');
    dup('cơ quan/agency', plan.agencies, 'agencies');
    dup('nhiệm vụ/task', plan.tasks, 'tasks');
    dup('nhiệm vụ/body task', plan.bodyTasks, 'bodyTasks');
    dup('trách nhiệm/duty', plan.duties, 'duties');
    dup('nghĩa vụ báo cáo/obligation', plan.reportingObligations, 'reportingObligations');
    dup('ghi chú/note', plan.notes, 'notes');
  },
  function uniqueTargetIds(plan, issues) {
    const targetIds = new Map<string, string>();
    plan.indicators.forEach((ind, i) =>
      ind.targets.forEach((t, j) => {
        const at = `/indicators/${i}/targets/${j}`;
        if (targetIds.has(t.id)) {
          issues.push(issue('plan.duplicate_id', `${at}/id`, `Id chỉ tiêu "${t.id}" bị trùng (đã có tại ${targetIds.get(t.id)}).`, `Target id "${t.id}" is a duplicate (first at ${targetIds.get(t.id)}).`));
        } else targetIds.set(t.id, at);
      }),
    );
  },
  function uniqueUnitCodes(plan, issues) {
    const units = new Set<string>();
    plan.administrativeUnits.forEach((u, i) => {
      if (units.has(u.code)) issues.push(issue('plan.duplicate_id', `/administrativeUnits/${i}/code`, `Mã đơn vị hành chính "${u.code}" bị trùng.`, `Administrative unit code "${u.code}" is a duplicate.`));
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
      if (!agencies.has(id)) issues.push(issue('plan.unknown_agency', pointer, `Cơ quan "${id}" chưa được khai báo trong "agencies".`, `Agency "${id}" is not declared in "agencies".`));
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
        issues.push(
          issue(
            'plan.obligation_period',
            at,
            `Hạn "${kind}" là hạn một lần: "periodType" phải là null (đang là "${o.periodType}").`,
            `A "${kind}" deadline is one-off: "periodType" must be null (it is "${o.periodType}").`,
          ),
        );
      } else if (kind !== undefined && kind !== 'fixed-date' && o.periodType === null) {
        issues.push(
          issue(
            'plan.obligation_period',
            at,
            `Hạn "${kind}" tính theo kỳ: cần "periodType" (ví dụ "quarter").`,
            `A "${kind}" deadline recurs by period: "periodType" is required (e.g. "quarter").`,
          ),
        );
      } else if (declared && typeof o.periodType === 'string' && !declared.has(o.periodType)) {
        issues.push(
          issue(
            'calendar.undeclared_period_type',
            at,
            `Lịch báo cáo của kế hoạch không khai báo loại kỳ "${o.periodType}" (đã khai báo: ${[...declared].join(', ')}; hoặc dùng "extends": "decree-09-2019").`,
            `The plan's reporting calendar does not declare the period type "${o.periodType}" (declared: ${[...declared].join(', ')}; or use "extends": "decree-09-2019").`,
          ),
        );
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
      issues.push(issue('plan.unknown_phase', `${at}/phase`, `Giai đoạn "${t.phase}" không được khai báo trong "phases".`, `Phase "${t.phase}" is not declared in "phases".`));
    }
    if (t.unit !== ind.unit) {
      issues.push(issue('plan.unit_mismatch', `${at}/unit`, `Đơn vị "${t.unit}" khác đơn vị của chỉ số ("${ind.unit}").`, `Unit "${t.unit}" differs from the indicator's unit ("${ind.unit}").`));
    }
  });
}

function endBeforeStart(pointer: string, start: string, end: string): Issue {
  return issue('plan.end_before_start', pointer, `Ngày kết thúc ${end} trước ngày bắt đầu ${start}.`, `End ${end} is before start ${start}.`);
}

function unknownRef(pointer: string, id: string): Issue {
  return issue('plan.unknown_reference', pointer, `Không tìm thấy mục "${id}".`, `No item with id "${id}".`);
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
  return issue(
    'plan.unsupported_format_version',
    '/formatVersion',
    `Phiên bản định dạng ${v} không được hỗ trợ; thư viện này đọc phiên bản ${FORMAT_VERSION}.`,
    `Format version ${v} is not supported; this library reads version ${FORMAT_VERSION}.`,
  );
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
    issue(
      'plan.unresolved_rule_file',
      `/${k}`,
      `Đây là tệp quy tắc chưa được giải ("${k}"), chưa phải kế hoạch: hãy giải nó bằng resolvePlan (hoặc loadPlan) trước.`,
      `This is a rule file that is not resolved ("${k}"), not a plan: resolve it with resolvePlan (or loadPlan) first.`,
    ),
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
