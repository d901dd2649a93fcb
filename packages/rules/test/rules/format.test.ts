import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CONDITION_FACTS, CONDITION_OPERATORS, MAX_CONDITION_DEPTH, Plan, RuleConditions } from '@egov-plan/core';
import { compileConditions, targetConditions, type ConditionFacts } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { testPlan } from '@egov-plan/test-utils';

describe('the rule-file format', () => {
  it('converts to JSON Schema, conditions included, with the depth limit stated and no recursion', () => {
    const schema = z.toJSONSchema(Plan, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as { $defs: Record<string, any>; properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['extends', 'addTargets', 'overrides', 'withdrawals', 'origins', 'resolvedFrom']));
    const leaf = schema.$defs.RuleConditionLeaf;
    expect(leaf.additionalProperties).toBe(false);
    expect(leaf.properties.operator.enum).toEqual([...CONDITION_OPERATORS]);
    expect(leaf.properties.fact.enum).toEqual([...CONDITION_FACTS]);
    expect(leaf.properties.all).toBeUndefined();
    // Levels 1 … 7 below the root, each referring to the one below: depth 8 in all.
    expect(Object.keys(schema.$defs).filter((k) => /^RuleCondition\d$/u.test(k))).toHaveLength(MAX_CONDITION_DEPTH - 1);
    expect(JSON.stringify(schema.$defs.RuleCondition1)).toContain('#/$defs/RuleConditionLeaf');
  });

  it('the root of a condition tree is all, any or not', () => {
    expect(RuleConditions.safeParse({ fact: 'value', operator: 'equal', value: 1 }).error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code)).toContain('rules.condition_root');
    expect(RuleConditions.safeParse({ all: [], any: [] }).success).toBe(false);
    expect(RuleConditions.safeParse({ not: { fact: 'value', operator: 'equal', value: 1 } }).success).toBe(true);
  });

  it('a target without conditions is judged by its comparator and value', () => {
    const t = testPlan().indicators[2]?.targets[0] as never;
    expect(targetConditions(t)).toEqual({ all: [{ fact: 'value', operator: 'lessThanInclusive', value: 10 }] });
    const test = compileConditions(targetConditions(t));
    expect(test({ value: 10 } as ConditionFacts)).toBe(true);
    expect(test({ value: 10.5 } as ConditionFacts)).toBe(false);
  });

  it('every fact and operator of the format is usable, and the fixture plan is valid', () => {
    const p = testPlan() as any;
    p.indicators[3].targets[0].conditions = {
      any: CONDITION_FACTS.map((fact, i) => ({ fact, operator: CONDITION_OPERATORS[i % 6] === 'in' ? 'in' : 'equal', value: i === 0 ? 1 : 'x' })),
    };
    expect(validatePlanValue(p).ok).toBe(true);
    expect(validatePlanValue(testPlan()).ok).toBe(true);
  });
});
