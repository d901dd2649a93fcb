import type { ConditionFact, RuleCondition } from '@egov-plan/core';
import { Engine } from 'json-rules-engine';
import { resolveSafePath, type ConditionFacts } from './facts.js';

// The reference evaluator: json-rules-engine 7.3.1 itself, hardened. Its `pathResolver` is
// replaced by the safe one (plain own-property paths; never jsonpath-plus), undefined facts and
// named conditions stay errors, and event params are never filled from facts.
//
// Several rules share one engine.run: each rule's facts are renamed `<fact>@<key>` so that two
// targets (or the same target for two subjects) never share a fact. Renaming a fact changes
// nothing else: runtime facts all have json-rules-engine's default priority.

/** One rule for the reference engine: a key (unique in the engine) and its conditions. */
export interface ReferenceRule {
  key: string;
  conditions: RuleCondition;
}

/** An engine holding a set of rules, and the facts each rule reads. */
export interface ReferenceRuleSet {
  readonly engine: Engine;
  /** For each rule key, the facts its conditions read, with their renamed ids (`value@key`). */
  readonly factsOf: ReadonlyMap<string, readonly (readonly [ConditionFact, string])[]>;
}

function renamed(c: RuleCondition, key: string, used: Set<ConditionFact>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (c.name !== undefined) out.name = c.name;
  if (c.priority !== undefined) out.priority = c.priority;
  if (c.all !== undefined) out.all = c.all.map((k) => renamed(k, key, used));
  else if (c.any !== undefined) out.any = c.any.map((k) => renamed(k, key, used));
  else if (c.not !== undefined) out.not = renamed(c.not, key, used);
  else {
    used.add(c.fact as ConditionFact);
    out.fact = `${c.fact as string}@${key}`;
    out.operator = c.operator;
    if (c.path !== undefined) out.path = c.path;
    const v = c.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      used.add(v.fact);
      out.value = v.path === undefined ? { fact: `${v.fact}@${key}` } : { fact: `${v.fact}@${key}`, path: v.path };
    } else out.value = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/** Builds one hardened json-rules-engine engine for a set of rules (validated conditions only). */
export function createReferenceRuleSet(rules: readonly ReferenceRule[]): ReferenceRuleSet {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    allowUndefinedConditions: false,
    replaceFactsInEventParams: false,
    pathResolver: resolveSafePath,
  });
  const factsOf = new Map<string, (readonly [ConditionFact, string])[]>();
  for (const r of rules) {
    const used = new Set<ConditionFact>();
    const conditions = renamed(r.conditions, r.key, used);
    engine.addRule({ name: r.key, conditions: conditions as never, event: { type: 'met', params: { key: r.key } } });
    factsOf.set(
      r.key,
      [...used].map((f) => [f, `${f}@${r.key}`] as const),
    );
  }
  return { engine, factsOf };
}

/**
 * Runs the engine once with each rule's own facts and resolves to the verdict of every rule
 * (true: its conditions hold). Rules of the set without facts in `factsByKey` are not expected
 * to be judged and must not be present in the set.
 */
export async function runReferenceRuleSet(set: ReferenceRuleSet, factsByKey: ReadonlyMap<string, ConditionFacts>): Promise<Map<string, boolean>> {
  const runtime: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, facts] of factsByKey) {
    const used = set.factsOf.get(key);
    if (!used) continue;
    for (const [f, id] of used) runtime[id] = facts[f];
  }
  const { results, failureResults } = await set.engine.run(runtime);
  const verdicts = new Map<string, boolean>();
  for (const r of results) verdicts.set(String(r.name), true);
  for (const r of failureResults) verdicts.set(String(r.name), false);
  return verdicts;
}
