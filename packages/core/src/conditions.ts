import * as z from 'zod';
import * as MSG from './validate-messages.js';
import type { IssueCode } from './issue-codes.js';

// The subset of json-rules-engine conditions a rule file may contain. It is deliberately narrow:
// rule files come from other organisations and must never be able to run code (json-rules-engine
// hands `path` to jsonpath-plus, whose filter expressions reach the Function constructor). Only the
// forms listed here are accepted; everything else is an unknown key or an invalid value.

/**
 * The operators a condition may use: json-rules-engine's built-in operators, nothing else
 * (no custom operators, no decorators such as `not:equal` or `someFact:`).
 */
export const CONDITION_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
/** An allowed condition operator. */
export const ConditionOperator = z.enum(CONDITION_OPERATORS);
// #region generated type ConditionOperator (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** An allowed condition operator. */
export type ConditionOperator =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain';
// #endregion

/** Operators that compare numbers (json-rules-engine checks the fact with `parseFloat` first). */
export const NUMERIC_OPERATORS: readonly ConditionOperator[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/**
 * The facts a condition may read. Every evaluation defines all of them (a fact without a value is
 * `undefined`, never an error):
 * - `value`: the value that counts (number, or boolean for qualitative targets);
 * - `numerator`, `denominator`: the counts behind a percentage, when given;
 * - `targetValue`: the target's value in force (number, or `true`);
 * - `level`: the org unit's administrative level; `orgUnit`: its id as given in the measurements;
 * - `indicator`: the indicator id; `period`: the reporting-period id of the value that counts;
 * - `periodStart`, `periodEnd`: that period's first and last day (`YYYY-MM-DD`);
 * - `at`: the date the evaluation is for (`YYYY-MM-DD`);
 * - `measurement`: an object with the fields above, for conditions that use `path`.
 */
export const CONDITION_FACTS = [
  'value',
  'numerator',
  'denominator',
  'targetValue',
  'level',
  'orgUnit',
  'indicator',
  'period',
  'periodStart',
  'periodEnd',
  'at',
  'measurement',
] as const;
/** A fact a condition may read. */
export const ConditionFact = z.enum(CONDITION_FACTS);
// #region generated type ConditionFact (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A fact a condition may read. */
export type ConditionFact =
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'targetValue'
  | 'level'
  | 'orgUnit'
  | 'indicator'
  | 'period'
  | 'periodStart'
  | 'periodEnd'
  | 'at'
  | 'measurement';
// #endregion

/** Property names a `path` may never name, whatever the object. */
export const FORBIDDEN_PROPERTY_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Most boolean levels (`all` / `any` / `not`) a condition tree may nest, the root included. */
export const MAX_CONDITION_DEPTH = 8;
/** Most conditions an `all` or `any` may list. */
export const MAX_CONDITION_CHILDREN = 50;
/** Most items of an `in` / `notIn` list. */
export const MAX_CONDITION_LIST = 200;
/** Longest string value of a condition, in characters. */
export const MAX_CONDITION_STRING = 200;

/**
 * A plain property path over own properties: `$.a` or `$.a.b` (at most 8 names, each a letter
 * followed by letters, digits or `_`). No brackets, wildcards, filters, recursive descent or
 * script: json-rules-engine's default resolver would evaluate those with jsonpath-plus.
 */
export const PATH_PATTERN = /^\$(?:\.[A-Za-z][A-Za-z0-9_]{0,63}){1,8}$/u;

/** A `path` into an object fact: `$.name` or `$.name.name`, plain own properties only. */
export const ConditionPath = z
  .string()
  .max(600)
  .regex(PATH_PATTERN, MSG.schemaFormatConditionPath.en)
  .refine((p) => !p.split('.').some((s) => FORBIDDEN_PROPERTY_NAMES.includes(s)), { message: MSG.schemaForbiddenPath.en });
// #region generated type ConditionPath (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A `path` into an object fact: `$.name` or `$.name.name`, plain own properties only. */
export type ConditionPath = string;
// #endregion

/** A scalar a condition compares with. */
export const ConditionScalar = z.union([z.number(), z.string().max(MAX_CONDITION_STRING), z.boolean(), z.null()]);
// #region generated type ConditionScalar (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A scalar a condition compares with. */
export type ConditionScalar = number | string | boolean | null;
// #endregion

/** A right-hand side read from a fact instead of written literally: `{ "fact": "targetValue" }`. */
export const ConditionFactReference = z
  .strictObject({ fact: ConditionFact, path: ConditionPath.optional() });
// #region generated type ConditionFactReference (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** A right-hand side read from a fact instead of written literally: `{ "fact": "targetValue" }`. */
export type ConditionFactReference = {
  fact: ConditionFact;
  path?: ConditionPath;
};
// #endregion

/** The right-hand side of a condition: a scalar, a list (for `in` / `notIn`) or a fact reference. */
export const ConditionValue = z.union([ConditionScalar, z.array(ConditionScalar).max(MAX_CONDITION_LIST), ConditionFactReference]);
// #region generated type ConditionValue (output)
// (written by scripts/generate-types.ts from the schema above: change the schema, then `pnpm generate`)
/** The right-hand side of a condition: a scalar, a list (for `in` / `notIn`) or a fact reference. */
export type ConditionValue = ConditionScalar | ConditionScalar[] | ConditionFactReference;
// #endregion

/** One condition of the allowed subset, at any depth (a leaf or `all` / `any` / `not`). */
export interface RuleCondition {
  all?: RuleCondition[];
  any?: RuleCondition[];
  not?: RuleCondition;
  fact?: ConditionFact;
  operator?: ConditionOperator;
  value?: ConditionValue;
  path?: ConditionPath;
  name?: string;
  priority?: number;
}

/** The part of zod's refinement context the checks use. */
interface RefineCtx {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string; params: Record<string, string> }): void;
}

/** Adds a custom issue whose `params` carry a stable code and both languages. */
function fail(ctx: RefineCtx, path: (string | number)[], code: IssueCode, vi: string, en: string): void {
  ctx.addIssue({ code: 'custom', path, message: en, params: { code, vi, en } });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// What a strictObject cannot say: exactly one shape per node, and operators that fit their value.
// (Values may still have the wrong type here: zod runs refinements after non-fatal issues.)
function checkShape(c: RuleCondition, ctx: RefineCtx, root: boolean): void {
  const own = (k: string) => Object.prototype.hasOwnProperty.call(c, k);
  const kinds = (['all', 'any', 'not', 'fact'] as const).filter((k) => own(k));
  if (own('condition')) return; // reported as an unknown key: named condition references are not part of the format
  if (root && kinds.length === 0) {
    fail(ctx, [], 'rules.condition_root', 'Gốc của "conditions" phải là "all", "any" hoặc "not".', 'The root of "conditions" must be "all", "any" or "not".');
    return;
  }
  if (kinds.length !== 1) {
    fail(
      ctx,
      [],
      'rules.condition_shape',
      'Mỗi điều kiện phải có đúng một trong "all", "any", "not" hoặc "fact".',
      'A condition must have exactly one of "all", "any", "not" or "fact".',
    );
    return;
  }
  const kind = kinds[0];
  if (kind !== 'fact') {
    for (const k of ['operator', 'value', 'path'] as const) {
      if (own(k)) fail(ctx, [k], 'rules.condition_shape', `Điều kiện "${kind}" không được có "${k}".`, `An "${kind}" condition may not have "${k}".`);
    }
    return;
  }
  if (root) {
    fail(ctx, [], 'rules.condition_root', 'Gốc của "conditions" phải là "all", "any" hoặc "not".', 'The root of "conditions" must be "all", "any" or "not".');
  }
  if (!own('operator')) fail(ctx, ['operator'], 'rules.condition_shape', 'Điều kiện thiếu "operator".', 'The condition has no "operator".');
  if (!own('value')) {
    fail(ctx, ['value'], 'rules.condition_shape', 'Điều kiện thiếu "value".', 'The condition has no "value".');
    return;
  }
  const op = c.operator;
  const v = c.value as unknown;
  if (typeof op !== 'string') return;
  const isRef = isObject(v);
  if ((NUMERIC_OPERATORS as readonly string[]).includes(op)) {
    if (!(typeof v === 'number' || isRef)) {
      fail(ctx, ['value'], 'rules.operator_value', `Toán tử "${op}" cần một số (hoặc {"fact": …}).`, `Operator "${op}" needs a number (or {"fact": …}).`);
    }
  } else if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(v)) fail(ctx, ['value'], 'rules.operator_value', `Toán tử "${op}" cần một danh sách.`, `Operator "${op}" needs a list.`);
  } else if (Array.isArray(v)) {
    fail(ctx, ['value'], 'rules.operator_value', `Toán tử "${op}" không nhận danh sách.`, `Operator "${op}" does not take a list.`);
  }
}

// Conditions nest to a bounded depth by construction: level k may only contain level k-1, and
// level 0 is a leaf. The JSON Schema then states the limit too, and no input, however deep,
// makes validation recurse further than MAX_CONDITION_DEPTH.
function level(inner: z.ZodType<RuleCondition> | null, depth: number, root: boolean): z.ZodType<RuleCondition> {
  const leaf = {
    fact: ConditionFact.optional(),
    operator: ConditionOperator.optional(),
    value: ConditionValue.optional(),
    path: ConditionPath.optional(),
  };
  const common = {
    name: z.string().min(1).max(MAX_CONDITION_STRING).optional(),
    priority: z.number().int().min(1).max(100).optional(),
  };
  const shape = inner
    ? {
        all: z.array(inner).max(MAX_CONDITION_CHILDREN).optional(),
        any: z.array(inner).max(MAX_CONDITION_CHILDREN).optional(),
        not: inner.optional().clone(),
        ...(root ? {} : leaf),
        ...common,
      }
    : { ...leaf, ...common };
  const id = root ? 'RuleConditions' : inner ? `RuleCondition${depth}` : 'RuleConditionLeaf';
  return z
    .strictObject(shape)
    .superRefine((c, ctx) => checkShape(c as RuleCondition, ctx, root))
    .meta({ id, description: root ? 'json-rules-engine conditions (allowed subset); the root is all, any or not.' : `A condition (at most ${depth} more boolean levels).` }) as unknown as z.ZodType<RuleCondition>;
}

function build(): z.ZodType<RuleCondition> {
  let node = level(null, 0, false);
  for (let d = 1; d < MAX_CONDITION_DEPTH; d++) node = level(node, d, false);
  return level(node, MAX_CONDITION_DEPTH, true);
}

/**
 * A json-rules-engine condition tree, restricted to a safe subset: the root is `all`, `any` or
 * `not`; leaves are `{fact, operator, value}` with optional `path`, `name` and `priority`;
 * facts from {@link CONDITION_FACTS}; operators from {@link CONDITION_OPERATORS}; `path` a plain
 * property path ({@link PATH_PATTERN}); at most {@link MAX_CONDITION_DEPTH} boolean levels. No
 * named-condition references (`condition`), no `params`, no custom operators, no unknown keys.
 */
export const RuleConditions: z.ZodType<RuleCondition> = build();
/** A json-rules-engine condition tree (the allowed subset). */
export type RuleConditions = RuleCondition;
