import type { Comparator, ConditionFact, ConditionOperator, ConditionValue, RuleCondition, Target } from '@egov-plan/core';
import { OPERATOR_FUNCTIONS, factValue, numberValidator, pathSegments, type ConditionFacts } from './facts.js';

// The compiled evaluator: a condition tree becomes nested closures once; evaluating is then a
// synchronous call with no cloning, no promises and no code generation (no eval, no Function).

/** A compiled condition tree: `(facts) => verdict`. */
export type CompiledPredicate = (facts: ConditionFacts) => boolean;

/** The outcome of one leaf condition, for explanations. */
export interface LeafTrace {
  kind: 'leaf';
  fact: ConditionFact;
  path: string | undefined;
  operator: ConditionOperator;
  /** The condition's right-hand side after resolving `{fact}` references. */
  expected: unknown;
  /** The fact's value (after `path`). */
  actual: unknown;
  result: boolean;
  name: string | undefined;
}

/** The outcome of a boolean node, for explanations. */
export interface BooleanTrace {
  kind: 'all' | 'any' | 'not';
  result: boolean;
  children: ConditionTrace[];
  name: string | undefined;
}

/** Every condition's outcome, evaluated without short-circuit. */
export type ConditionTrace = LeafTrace | BooleanTrace;

const isFactRef = (v: unknown): v is { fact: ConditionFact; path?: string } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, 'fact');

function rhsReader(value: ConditionValue | undefined): (facts: ConditionFacts) => unknown {
  if (isFactRef(value)) {
    const fact = value.fact;
    const segs = value.path === undefined ? null : pathSegments(value.path);
    return (f) => factValue(f, fact, segs);
  }
  return () => value;
}

function compileNode(c: RuleCondition): CompiledPredicate {
  if (c.all !== undefined) {
    const kids = c.all.map(compileNode);
    if (kids.length === 0) return () => true;
    if (kids.length === 1) return kids[0] as CompiledPredicate;
    return (f) => {
      for (let i = 0; i < kids.length; i++) if (!(kids[i] as CompiledPredicate)(f)) return false;
      return true;
    };
  }
  if (c.any !== undefined) {
    const kids = c.any.map(compileNode);
    // json-rules-engine: an empty "any" is true (prioritizeAndRun resolves true for no conditions).
    if (kids.length === 0) return () => true;
    if (kids.length === 1) return kids[0] as CompiledPredicate;
    return (f) => {
      for (let i = 0; i < kids.length; i++) if ((kids[i] as CompiledPredicate)(f)) return true;
      return false;
    };
  }
  if (c.not !== undefined) {
    const kid = compileNode(c.not);
    return (f) => !kid(f);
  }
  const op = OPERATOR_FUNCTIONS[c.operator as ConditionOperator];
  const fact = c.fact as ConditionFact;
  const segs = c.path === undefined ? null : pathSegments(c.path);
  const value = c.value;
  if (isFactRef(value)) {
    const rhs = rhsReader(value);
    return (f) => op(factValue(f, fact, segs), rhs(f));
  }
  if (segs === null) return literalLeaf(c.operator as ConditionOperator, fact, value);
  return (f) => op(factValue(f, fact, segs), value);
}

// The common leaf — a fact without path against a literal — gets a closure of its own per
// operator, so each call site stays monomorphic. Same meaning as OPERATOR_FUNCTIONS.
function literalLeaf(operator: ConditionOperator, fact: ConditionFact, b: any): CompiledPredicate {
  switch (operator) {
    case 'equal':
      return (f) => f[fact] === b;
    case 'notEqual':
      return (f) => f[fact] !== b;
    case 'greaterThanInclusive':
      return (f) => {
        const a = f[fact] as any;
        return (typeof a === 'number' ? a === a : numberValidator(a)) && a >= b;
      };
    case 'greaterThan':
      return (f) => {
        const a = f[fact] as any;
        return (typeof a === 'number' ? a === a : numberValidator(a)) && a > b;
      };
    case 'lessThanInclusive':
      return (f) => {
        const a = f[fact] as any;
        return (typeof a === 'number' ? a === a : numberValidator(a)) && a <= b;
      };
    case 'lessThan':
      return (f) => {
        const a = f[fact] as any;
        return (typeof a === 'number' ? a === a : numberValidator(a)) && a < b;
      };
    default: {
      const op = OPERATOR_FUNCTIONS[operator];
      return (f) => op(f[fact], b);
    }
  }
}

function traceNode(c: RuleCondition, f: ConditionFacts): ConditionTrace {
  const name = c.name;
  if (c.all !== undefined || c.any !== undefined) {
    const kind = c.all !== undefined ? 'all' : 'any';
    const children = ((c.all ?? c.any) as RuleCondition[]).map((k) => traceNode(k, f));
    const result = children.length === 0 ? true : kind === 'all' ? children.every((k) => k.result) : children.some((k) => k.result);
    return { kind, result, children, name };
  }
  if (c.not !== undefined) {
    const child = traceNode(c.not, f);
    return { kind: 'not', result: !child.result, children: [child], name };
  }
  const fact = c.fact as ConditionFact;
  const operator = c.operator as ConditionOperator;
  const actual = factValue(f, fact, c.path === undefined ? null : pathSegments(c.path));
  const expected = rhsReader(c.value)(f);
  return { kind: 'leaf', fact, path: c.path, operator, expected, actual, result: OPERATOR_FUNCTIONS[operator](actual, expected), name };
}

/**
 * Compiles a validated condition tree (see `RuleConditions` in core) into a synchronous
 * predicate with json-rules-engine's meaning: same operators, same `path` rule, an empty `all`
 * or `any` is true.
 */
export function compileConditions(conditions: RuleCondition): CompiledPredicate {
  return compileNode(conditions);
}

/** Evaluates every condition of a tree (no short-circuit) and returns each outcome. */
export function traceConditions(conditions: RuleCondition, facts: ConditionFacts): ConditionTrace {
  return traceNode(conditions, facts);
}

const OPERATOR_OF: Record<Comparator, 'greaterThanInclusive' | 'greaterThan' | 'lessThanInclusive' | 'lessThan' | 'equal'> = {
  gte: 'greaterThanInclusive',
  gt: 'greaterThan',
  lte: 'lessThanInclusive',
  lt: 'lessThan',
  eq: 'equal',
};

/** The conditions a target is judged by: its own, or derived from its comparator and value. */
export function targetConditions(target: Target): RuleCondition {
  if (target.conditions) return target.conditions;
  return { all: [{ fact: 'value', operator: OPERATOR_OF[target.comparator], value: target.value }] };
}
