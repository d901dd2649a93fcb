import {
  CONDITION_FACTS,
  CONDITION_OPERATORS,
  FORBIDDEN_PROPERTY_NAMES,
  MAX_CONDITION_LIST,
  PATH_PATTERN,
  fromZodIssue,
  issue,
  issueFrom,
  toPointer,
  type Issue,
  type IssueMessage,
  type IssueParams,
} from '@egov-plan/core';
import type * as z from 'zod';
import * as MSG from '../messages.js';
import { jsonDepthIssue } from '../json-document.js';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.js';

// Checks that run on a rule file before the schema does, so that hostile input is refused with a
// precise, typed issue and no later stage (zod, the resolver, json-rules-engine) ever sees it:
// nesting depth (on the text, before parsing), prototype keys, non-data values, sizes, and the
// condition subset (operators, facts, paths, named-condition references, depth, node count).

const FORBIDDEN = new Set(FORBIDDEN_PROPERTY_NAMES);
const OPERATORS = new Set<string>(CONDITION_OPERATORS);
const FACTS = new Set<string>(CONDITION_FACTS);

/**
 * The issue of JSON text nested more than `maxDepth` levels of arrays and objects, or null. The
 * depth is measured by the JSON parser itself, which stops at the first level too deep, so it
 * agrees with the parser on what a string or a comment is and a file nested a million levels deep
 * never reaches a deep recursion.
 */
export function checkJsonTextDepth(text: string, maxDepth: number = DEFAULT_RULE_LIMITS.maxJsonDepth, file?: string): Issue | null {
  return jsonDepthIssue(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, maxDepth, file);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Where condition trees sit in a rule file: paths ending in these key sequences. */
function isConditionsPath(path: readonly (string | number)[]): boolean {
  const n = path.length;
  if (path[n - 1] !== 'conditions') return false;
  // /indicators/i/targets/j/conditions, /addTargets/i/target/conditions, /overrides/i/set/conditions
  if (n === 5 && path[0] === 'indicators' && path[2] === 'targets') return true;
  if (n === 4 && path[0] === 'addTargets' && path[2] === 'target') return true;
  if (n === 4 && path[0] === 'overrides' && path[2] === 'set') return true;
  return false;
}

/**
 * Checks a parsed rule file (or any value handed to the library as one) for what must never reach
 * the schema or an evaluator: keys `__proto__`, `constructor`, `prototype`; values that are not
 * plain JSON data (functions, class instances, accessors, symbols, non-finite numbers); arrays,
 * strings or condition trees over the {@link RuleLimits}; operators outside the allow-list, unknown
 * facts, unsafe `path`s, named-condition references, `params` and decorators. Iterative and safe on
 * cyclic input. Returns every issue found (at most a few hundred).
 */
export function checkRuleFileValue(value: unknown, limits: RuleLimits = DEFAULT_RULE_LIMITS): Issue[] {
  const issues: Issue[] = [];
  const conditionTrees: { v: Record<string, unknown>; path: (string | number)[] }[] = [];
  // Each entry links to its parent, so that no path is copied while walking (a path is only
  // built for an issue) and a cycle is a value among its own ancestors.
  interface Entry {
    v: unknown;
    key: string | number;
    parent: Entry | null;
    depth: number;
  }
  const pathOf = (e: Entry): (string | number)[] => {
    const out: (string | number)[] = [];
    for (let x: Entry | null = e; x && x.parent; x = x.parent) out.push(x.key);
    return out.reverse();
  };
  const stack: Entry[] = [{ v: value, key: '', parent: null, depth: 0 }];
  let targets = 0;
  while (stack.length > 0 && issues.length < 200) {
    const e = stack.pop() as Entry;
    const v = e.v;
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength) issues.push(tooLong(pathOf(e), limits.maxStringLength));
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) issues.push(notData(pathOf(e), MSG.rulesNotDataNumber));
      continue;
    }
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v !== 'object') {
      issues.push(issueFrom(MSG.rulesNotDataType, toPointer(pathOf(e)), { type: typeof v }));
      continue;
    }
    let cyclic = false;
    for (let x = e.parent; x; x = x.parent) if (x.v === v) cyclic = true;
    if (cyclic) {
      issues.push(notData(pathOf(e), MSG.rulesNotDataCycle));
      continue;
    }
    if (e.depth >= limits.maxJsonDepth) {
      issues.push(
        issueFrom(MSG.rulesTooDeepJson, toPointer(pathOf(e)), { max: limits.maxJsonDepth }),
      );
      continue;
    }
    const child = (k: string | number, c: unknown): Entry => ({ v: c, key: k, parent: e, depth: e.depth + 1 });
    if (Array.isArray(v)) {
      const path = pathOf(e);
      if (Object.getPrototypeOf(v) !== Array.prototype) {
        issues.push(notData(path, MSG.rulesNotDataArray));
        continue;
      }
      if (v.length > limits.maxArrayItems) {
        issues.push(
          issueFrom(MSG.rulesTooManyItems, toPointer(path), { count: v.length, max: limits.maxArrayItems }),
        );
        continue;
      }
      if (path.length === 3 && path[0] === 'indicators' && path[2] === 'targets') targets += v.length;
      if (path.length === 1 && path[0] === 'addTargets') targets += v.length;
      for (let i = v.length - 1; i >= 0; i--) {
        if (!Object.prototype.hasOwnProperty.call(v, i)) {
          issues.push(notData([...path, i], MSG.rulesNotDataHole));
          continue;
        }
        stack.push(child(i, v[i]));
      }
      continue;
    }
    if (!isPlainObject(v)) {
      issues.push(notData(pathOf(e), MSG.rulesNotDataObject));
      continue;
    }
    if (Object.getOwnPropertySymbols(v).length > 0) {
      issues.push(notData(pathOf(e), MSG.rulesNotDataSymbol));
      continue;
    }
    const keys = Object.getOwnPropertyNames(v);
    const next: Entry[] = [];
    let plain = true;
    for (const k of keys) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (!d || !('value' in d)) {
        issues.push(notData([...pathOf(e), k], MSG.rulesNotDataAccessor));
        plain = false;
      } else if (FORBIDDEN.has(k)) {
        issues.push(
          issueFrom(MSG.rulesForbiddenKey, toPointer([...pathOf(e), k]), { key: k }),
        );
      } else next.push(child(k, d.value));
    }
    if (!plain) continue;
    const path = pathOf(e);
    if (isConditionsPath(path)) conditionTrees.push({ v, path });
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as Entry);
  }
  if (targets > limits.maxTargets) {
    issues.push(issueFrom(MSG.rulesTooManyTargets, '', { count: targets, max: limits.maxTargets }));
  }
  // Condition trees are read only once the whole value is known to be plain data.
  if (issues.length === 0) for (const t of conditionTrees) checkConditionTree(t.v, t.path, limits, issues);
  return issues;
}

// The rules.not_data messages take no parameters (but the one naming the type, built in place).
function notData<const M extends IssueMessage>(path: (string | number)[], message: M): Issue {
  return issueFrom(message, toPointer(path), {} as IssueParams<M>);
}

function tooLong(path: (string | number)[], max: number): Issue {
  return issueFrom(MSG.rulesTooLong, toPointer(path), { max });
}

// Walks one condition tree (already known to hold plain data without forbidden keys at its root).
function checkConditionTree(root: Record<string, unknown>, rootPath: (string | number)[], limits: RuleLimits, issues: Issue[]): void {
  let nodes = 0;
  const stack: { v: unknown; path: (string | number)[]; depth: number }[] = [{ v: root, path: rootPath, depth: 1 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: (string | number)[]; depth: number };
    nodes++;
    if (nodes > limits.maxConditionNodes) {
      issues.push(
        issueFrom(MSG.rulesTooManyConditions, toPointer(rootPath), { max: limits.maxConditionNodes }),
      );
      return;
    }
    if (!isPlainObject(v)) continue; // the schema reports the wrong type
    const own = (k: string) => Object.prototype.hasOwnProperty.call(v, k);
    if (own('condition')) {
      issues.push(
        issueFrom(MSG.rulesConditionReference, toPointer([...path, 'condition']), {}),
      );
    }
    if (own('params')) {
      issues.push(
        issueFrom(MSG.rulesConditionParams, toPointer([...path, 'params']), {}),
      );
    }
    checkLeafParts(v, path, issues);
    for (const k of ['all', 'any'] as const) {
      const list = v[k];
      if (!own(k) || !Array.isArray(list)) continue;
      if (list.length > limits.maxConditionNodes) continue; // counted below; the schema reports the length
      for (let i = list.length - 1; i >= 0; i--) {
        const child = list[i];
        if (isPlainObject(child) && isBoolean(child)) {
          if (depth + 1 > limits.maxConditionDepth) {
            issues.push(tooDeep([...path, k, i], limits.maxConditionDepth));
            continue;
          }
          stack.push({ v: child, path: [...path, k, i], depth: depth + 1 });
        } else stack.push({ v: child, path: [...path, k, i], depth });
      }
    }
    if (own('not')) {
      const child = v.not;
      if (isPlainObject(child) && isBoolean(child)) {
        if (depth + 1 > limits.maxConditionDepth) issues.push(tooDeep([...path, 'not'], limits.maxConditionDepth));
        else stack.push({ v: child, path: [...path, 'not'], depth: depth + 1 });
      } else stack.push({ v: child, path: [...path, 'not'], depth });
    }
  }
}

const isBoolean = (v: Record<string, unknown>) => ['all', 'any', 'not'].some((k) => Object.prototype.hasOwnProperty.call(v, k));

function tooDeep(path: (string | number)[], max: number): Issue {
  return issueFrom(MSG.rulesTooDeepConditions, toPointer(path), { max });
}

function checkLeafParts(v: Record<string, unknown>, path: (string | number)[], issues: Issue[]): void {
  const op = v.operator;
  if (Object.prototype.hasOwnProperty.call(v, 'operator') && !(typeof op === 'string' && OPERATORS.has(op))) {
    const shown = typeof op === 'string' ? `"${op.slice(0, 60)}"` : JSON.stringify(op)?.slice(0, 60) ?? String(op);
    const decorated = typeof op === 'string' && op.includes(':');
    issues.push(
      issueFrom(MSG.rulesUnknownOperator, toPointer([...path, 'operator']), {
        operator: shown,
        decorators: decorated ? { vi: ' (không dùng bộ trang trí như "not:" hay "someFact:")', en: ' (no decorators such as "not:" or "someFact:")' } : '',
        operators: CONDITION_OPERATORS.join(', '),
      }),
    );
  }
  checkFactAndPath(v, path, issues);
  const value = v.value;
  if (Array.isArray(value) && value.length > MAX_CONDITION_LIST) {
    issues.push(
      issueFrom(MSG.rulesTooManyValues, toPointer([...path, 'value']), { count: value.length, max: MAX_CONDITION_LIST }),
    );
  }
  if (isPlainObject(value)) {
    if (Object.prototype.hasOwnProperty.call(value, 'params')) {
      issues.push(issueFrom(MSG.rulesConditionParamsValue, toPointer([...path, 'value', 'params']), {}));
    }
    checkFactAndPath(value, [...path, 'value'], issues);
  }
}

function checkFactAndPath(v: Record<string, unknown>, path: (string | number)[], issues: Issue[]): void {
  if (Object.prototype.hasOwnProperty.call(v, 'fact')) {
    const f = v.fact;
    if (!(typeof f === 'string' && FACTS.has(f))) {
      const shown = typeof f === 'string' ? `"${f.slice(0, 60)}"` : typeof f;
      issues.push(
        issueFrom(MSG.rulesUnknownFact, toPointer([...path, 'fact']), { fact: shown, facts: CONDITION_FACTS.join(', ') }),
      );
    }
  }
  if (Object.prototype.hasOwnProperty.call(v, 'path')) {
    const p = v.path;
    if (!(typeof p === 'string' && isSafePath(p))) {
      issues.push(
        issueFrom(MSG.rulesUnsafePath, toPointer([...path, 'path']), {}),
      );
    }
  }
}

/** True for a `path` of the allowed form: `$.a.b`, no prototype names. */
export function isSafePath(path: string): boolean {
  if (path.length > 600 || !PATH_PATTERN.test(path)) return false;
  for (const s of path.split('.')) if (FORBIDDEN.has(s)) return false;
  return true;
}

/**
 * Turns zod issues into {@link Issue}s: custom issues that carry `params.code`, `params.vi` and
 * `params.en` (the rule-file checks of core) keep their code and both languages; the others go
 * through core's `fromZodIssue` (`root` is the value that was parsed).
 */
export function issuesFromZod(zodIssues: readonly z.core.$ZodIssue[], root: unknown, basePath: readonly (string | number)[] = []): Issue[] {
  return zodIssues.flatMap((z) => {
    const params = (z as { params?: Record<string, unknown> }).params;
    if (z.code === 'custom' && params && typeof params.code === 'string' && typeof params.vi === 'string' && typeof params.en === 'string') {
      return [issue(params.code as Issue['code'], toPointer([...basePath, ...z.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]), params.vi, params.en)];
    }
    return fromZodIssue(z, root, basePath);
  });
}

/**
 * Codes of {@link checkRuleFileValue} issues after which nothing else may look at the value: the
 * value is not plain, bounded JSON data. The other codes (unknown operator, fact or path, …) are
 * reported together with the schema's issues.
 */
export const FATAL_SAFETY_CODES: ReadonlySet<string> = new Set([
  'rules.forbidden_key',
  'rules.not_data',
  'rules.too_many_items',
  'rules.too_long',
  'rules.too_many_targets',
  'rules.too_deep',
]);

/** Drops the issues whose pointer equals or lies under the pointer of an issue in `first`. */
export function withoutShadowed(first: readonly Issue[], rest: readonly Issue[]): Issue[] {
  const roots = first.map((i) => i.pointer);
  // A generic complaint about a condition ("matches no shape") is also dropped when a precise issue
  // lies inside it.
  const generic = new Set(['rules.condition_shape', 'schema.invalid']);
  return rest.filter((i) => !roots.some((r) => i.pointer === r || i.pointer.startsWith(`${r}/`) || (generic.has(i.code) && r.startsWith(`${i.pointer}/`))));
}
