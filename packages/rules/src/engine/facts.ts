import type { AdministrativeLevel, ConditionFact, ConditionOperator } from '@egov-plan/core';
import { isSafePath } from './safety.js';

/**
 * The facts every evaluation defines for a condition tree (see `CONDITION_FACTS` in core). A fact
 * without a value is `undefined`.
 */
export interface ConditionFacts {
  /** The value that counts: a number, or a boolean for qualitative targets. */
  value: number | boolean | undefined;
  /** Numerator behind a percentage, when given (or summed). */
  numerator: number | undefined;
  /** Denominator behind a percentage, when given (or summed). */
  denominator: number | undefined;
  /** The target's value in force. */
  targetValue: number | boolean;
  /** The org unit's administrative level. */
  level: AdministrativeLevel | null | undefined;
  /** The org unit, as named in the measurements. */
  orgUnit: string;
  /** The indicator id. */
  indicator: string;
  /** Reporting-period id of the value that counts. */
  period: string | undefined;
  /** First day of that period. */
  periodStart: string | undefined;
  /** Last day of that period. */
  periodEnd: string | undefined;
  /** The evaluation date. */
  at: string;
  /** The fields above as one object, for conditions with `path`. */
  measurement: Record<string, unknown>;
}

/** What facts are built from: the value that counts and where it comes from. */
export interface FactSource {
  value: number | boolean;
  numerator: number | undefined;
  denominator: number | undefined;
  level: AdministrativeLevel | null;
  orgUnit: string;
  period: string;
  start: string;
  end: string;
}

/**
 * The facts of one org unit, indicator and target, as a class so that building them is cheap;
 * `measurement` (the object for `path` conditions) is only built when a condition reads it.
 * `targetValue` may be changed between targets of the same indicator.
 *
 * @internal
 */
export class FactSet implements ConditionFacts {
  value!: number | boolean;
  numerator!: number | undefined;
  denominator!: number | undefined;
  targetValue!: number | boolean;
  level!: AdministrativeLevel | null;
  orgUnit!: string;
  indicator!: string;
  period!: string;
  periodStart!: string;
  periodEnd!: string;
  at!: string;
  #measurement: Record<string, unknown> | undefined;

  constructor(o: FactSource, indicator: string, targetValue: number | boolean, at: string) {
    this.reset(o, indicator, targetValue, at);
  }

  /**
   * Points the set at another value (the compiled evaluator is synchronous, so one set can serve
   * every org unit in turn without copying).
   */
  reset(o: FactSource, indicator: string, targetValue: number | boolean, at: string): this {
    this.value = o.value;
    this.numerator = o.numerator;
    this.denominator = o.denominator;
    this.targetValue = targetValue;
    this.level = o.level;
    this.orgUnit = o.orgUnit;
    this.indicator = indicator;
    this.period = o.period;
    this.periodStart = o.start;
    this.periodEnd = o.end;
    this.at = at;
    this.#measurement = undefined;
    return this;
  }

  /** The fields above as one plain object (built on first use). */
  get measurement(): Record<string, unknown> {
    this.#measurement ??= {
      indicator: this.indicator,
      orgUnit: this.orgUnit,
      level: this.level,
      period: this.period,
      periodStart: this.periodStart,
      periodEnd: this.periodEnd,
      value: this.value,
      numerator: this.numerator,
      denominator: this.denominator,
    };
    return this.#measurement;
  }
}

/** Splits a safe `$.a.b` path into its property names. Callers check {@link isSafePath} first. */
export function pathSegments(path: string): string[] {
  return path.slice(2).split('.');
}

/** Follows property names over own properties only; anything missing gives `undefined`. */
export function resolveSegments(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, s)) return undefined;
    current = (current as Record<string, unknown>)[s];
  }
  return current;
}

/**
 * The `pathResolver` both evaluators use (json-rules-engine's is replaced by it): plain dotted
 * paths over own properties, `undefined` for anything else. Never evaluates anything, so a
 * crafted path cannot reach jsonpath-plus and its script evaluation.
 *
 * @internal
 */
export function resolveSafePath(value: unknown, path: string): unknown {
  if (typeof path !== 'string' || !isSafePath(path)) return undefined;
  return resolveSegments(value, pathSegments(path));
}

// json-rules-engine 7.3.1's built-in operators, written the same way (engine-default-operators.js)
// so that both evaluators give the same answer for every input, odd ones included (strings that
// parseFloat accepts, undefined facts, booleans).

/** json-rules-engine's check before a numeric comparison, verbatim. */
export function numberValidator(factValue: unknown): boolean {
  // For numbers, parseFloat(String(n)).toString() is 'NaN' exactly when n is NaN.
  if (typeof factValue === 'number') return factValue === factValue;
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

/** The operator functions: `(factValue, conditionValue) => boolean`. */
export const OPERATOR_FUNCTIONS: Readonly<Record<ConditionOperator, (a: any, b: any) => boolean>> = Object.freeze({
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numberValidator(a) && a < b,
  lessThanInclusive: (a, b) => numberValidator(a) && a <= b,
  greaterThan: (a, b) => numberValidator(a) && a > b,
  greaterThanInclusive: (a, b) => numberValidator(a) && a >= b,
});

/** Reads a fact, then applies `path` when the fact is an object (json-rules-engine's almanac rule). */
export function factValue(facts: ConditionFacts, fact: ConditionFact, segments: readonly string[] | null): unknown {
  const v = facts[fact];
  if (segments === null) return v;
  return v !== null && typeof v === 'object' ? resolveSegments(v, segments) : v;
}
