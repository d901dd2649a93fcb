import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONDITION_FACTS, CONDITION_OPERATORS, RuleConditions, type RuleCondition } from '@egov-plan/core';
import { compileConditions, evaluate, prepareMeasurements, type ConditionFacts, type MeasurementInput } from '../../src/index.js';
import { createReferenceRuleSet, evaluateWithReference, runReferenceRuleSet } from '../../src/reference.js';
import { validatePlanValue } from '../../src/node.js';
import { testPlan } from '@egov-plan/test-utils';

// Two evaluators, one meaning: json-rules-engine 7.3.1 (with the safe path resolver) and the
// compiled closures must give the same verdict for every rule within the format and every input.

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 120 }),
  fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('20', '2020Q4', '2020-12-14', '2021-01-01', 'district', 'province', '', '1e3', ' 7', 'so-a'),
  fc.constantFrom('2019-12-15', '2020-03-14', '2020Q1', '2020'),
  fc.boolean(),
  fc.constant(null),
);
const fact = fc.constantFrom(...CONDITION_FACTS);
const path = fc.constantFrom('$.value', '$.numerator', '$.denominator', '$.level', '$.period', '$.missing', '$.value.deeper', '$.length');
const factRef = fc.record({ fact, path: path }, { requiredKeys: ['fact'], noNullPrototype: true });

const leaf: fc.Arbitrary<RuleCondition> = fc.oneof(
  fc.record({ fact, operator: fc.constantFrom(...NUMERIC), value: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double({ min: -100, max: 200, noNaN: true, noDefaultInfinity: true }), factRef), path }, { requiredKeys: ['fact', 'operator', 'value'], noNullPrototype: true }),
  fc.record({ fact, operator: fc.constantFrom('in', 'notIn'), value: fc.array(scalar, { maxLength: 5 }), path }, { requiredKeys: ['fact', 'operator', 'value'], noNullPrototype: true }),
  fc.record({ fact, operator: fc.constantFrom('equal', 'notEqual', 'contains', 'doesNotContain'), value: fc.oneof(scalar, factRef), path }, { requiredKeys: ['fact', 'operator', 'value'], noNullPrototype: true }),
) as fc.Arbitrary<RuleCondition>;

const { tree } = fc.letrec<{ tree: RuleCondition; node: RuleCondition }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('tree')),
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }, { noNullPrototype: true }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }, { noNullPrototype: true }),
    fc.record({ not: tie('node') }, { noNullPrototype: true }),
  ),
}));
const rootTree = tree.filter((c) => RuleConditions.safeParse(c).success);

const factValue = fc.oneof(scalar, fc.constant(undefined), fc.array(scalar, { maxLength: 3 }));
const facts: fc.Arbitrary<ConditionFacts> = fc
  .record({
    value: factValue,
    numerator: factValue,
    denominator: factValue,
    targetValue: factValue,
    level: factValue,
    orgUnit: factValue,
    indicator: factValue,
    period: factValue,
    periodStart: factValue,
    periodEnd: factValue,
    at: factValue,
    measurement: fc.dictionary(fc.constantFrom('value', 'numerator', 'denominator', 'level', 'period'), fc.oneof(scalar, fc.record({ deeper: scalar }, { noNullPrototype: true })), { maxKeys: 5, noNullPrototype: true }),
  }, { noNullPrototype: true })
  .map((f) => f as unknown as ConditionFacts);

async function reference(conditions: RuleCondition, f: ConditionFacts): Promise<boolean> {
  const set = createReferenceRuleSet([{ key: 'rule', conditions }]);
  const out = await runReferenceRuleSet(set, new Map([['rule', f]]));
  return out.get('rule') as boolean;
}

describe('the compiled evaluator agrees with json-rules-engine', () => {
  it('generated condition trees are within the format', () => {
    fc.assert(
      fc.property(tree, (c) => {
        expect(RuleConditions.safeParse(c).success).toBe(true);
      }),
      { numRuns: 300, seed: 20190510 },
    );
  });

  it('on every condition tree within the format and every set of facts', async () => {
    await fc.assert(
      fc.asyncProperty(rootTree, facts, async (c, f) => {
        expect(compileConditions(c)(f)).toBe(await reference(c, f));
      }),
      { numRuns: 1500, seed: 20190307 },
    );
  });

  it('on the edge cases of json-rules-engine: empty all/any, strings parseFloat accepts, undefined facts', async () => {
    const f = { value: '2020Q4', numerator: undefined, denominator: '20', periodEnd: '2020-12-14', at: '2021-01-01', measurement: { value: 5 } } as unknown as ConditionFacts;
    const cases: RuleCondition[] = [
      { all: [] },
      { any: [] },
      { not: { any: [] } },
      { all: [{ fact: 'value', operator: 'greaterThan', value: 2000 }] },
      { all: [{ fact: 'value', operator: 'lessThan', value: 3000 }] },
      { all: [{ fact: 'denominator', operator: 'greaterThanInclusive', value: 20 }] },
      { all: [{ fact: 'numerator', operator: 'lessThan', value: 1 }] },
      { all: [{ fact: 'numerator', operator: 'notEqual', value: null }] },
      { all: [{ fact: 'value', operator: 'contains', value: 'Q' }] },
      { all: [{ fact: 'value', path: '$.x', operator: 'equal', value: '2020Q4' }] },
      { all: [{ fact: 'measurement', path: '$.value', operator: 'in', value: [5, '5'] }] },
      // parseFloat accepts a date, then "<" compares two strings: dates compare as text.
      { all: [{ fact: 'periodEnd', operator: 'lessThan', value: { fact: 'at' } }] },
      { all: [{ fact: 'value', operator: 'lessThan', value: { fact: 'periodEnd' } }] },
    ];
    for (const c of cases) expect([JSON.stringify(c), compileConditions(c)(f)]).toEqual([JSON.stringify(c), await reference(c, f)]);
  });
});

describe('evaluate and evaluateWithReference give identical results', () => {
  const indicators = ['online-rate', 'complaints', 'signed-rate', 'system-built'];
  const orgUnits = ['so-a', 'so-b', '98', '980', '981', '98001'];
  const periods = ['2019', '2019Q4', '2020Q1', '2020Q2', '2020Q3', '2020Q4', '2020M11', '2021Q1', '2023'];
  // Text values too: rows from code are read with the same coercions as CSV cells.
  const row = fc.record({
    indicator: fc.constantFrom(...indicators),
    orgUnit: fc.constantFrom(...orgUnits),
    period: fc.constantFrom(...periods),
    value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom('có', 'không', '2020-05-01')),
    numerator: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
    denominator: fc.option(fc.integer({ min: 50, max: 200 }), { nil: undefined }),
  }, { noNullPrototype: true });

  it('on random rule files within the format × random measurements', async () => {
    await fc.assert(
      fc.asyncProperty(
        rootTree,
        fc.constantFrom('gte', 'gt', 'lte', 'lt', 'eq'),
        fc.integer({ min: 0, max: 100 }),
        fc.array(row as fc.Arbitrary<MeasurementInput>, { maxLength: 30 }),
        fc.constantFrom('2020-06-14', '2020-12-14', '2021-03-14', '2026-01-01'),
        async (conditions, comparator, value, rows, at) => {
          const input = testPlan();
          const [online, , complaints, signed] = input.indicators as any[];
          signed.targets[0].conditions = conditions;
          online.targets[0].comparator = comparator;
          online.targets[0].value = value;
          complaints.targets[0].comparator = comparator;
          const r = validatePlanValue(input);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const set = prepareMeasurements(r.value, rows);
          const a = evaluate(r.value, set, { at });
          const b = await evaluateWithReference(r.value, set, { at });
          const view = (e: typeof a) => e.results.map((x) => [x.target, x.orgUnit, x.status, x.value, x.gap]);
          expect(view(b)).toEqual(view(a));
        },
      ),
      { numRuns: 150, seed: 62 },
    );
  });
});
