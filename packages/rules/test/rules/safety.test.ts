import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuleConditions, validatePlan, type RuleCondition } from '@egov-plan/core';
import { checkJsonTextDepth, type ConditionFacts } from '../../src/index.js';
import { createReferenceRuleSet, runReferenceRuleSet } from '../../src/reference.js';
import { validatePlanText, validatePlanValue } from '../../src/node.js';
import { testPlan } from '@egov-plan/test-utils';

// One test per attack on a rule file. Whatever a file says, no code runs: each must end as a typed
// issue, with no change to Object.prototype or globalThis.

const requireFromEngine = createRequire(createRequire(import.meta.url).resolve('json-rules-engine'));

/** The test plan with the conditions of its custom target replaced (an attacker edits only that). */
function withConditions(conditions: unknown): Record<string, unknown> {
  const p = testPlan() as any;
  p.indicators[3].targets[0].conditions = conditions;
  return p;
}
const CONDITIONS = '/indicators/3/targets/0/conditions';
const codesOf = (value: unknown) => {
  const r = validatePlanValue(value);
  expect(r.ok).toBe(false);
  return r.issues.map((i) => [i.code, i.pointer]);
};
const leaf = (extra: Record<string, unknown>) => ({ fact: 'value', operator: 'greaterThanInclusive', value: 20, ...extra });

let protoKeys: string[];
let globalKeys: string[];
beforeEach(() => {
  protoKeys = Object.getOwnPropertyNames(Object.prototype);
  globalKeys = Object.getOwnPropertyNames(globalThis);
});
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(protoKeys);
  expect(Object.getOwnPropertyNames(globalThis).filter((k) => !globalKeys.includes(k))).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('paths never reach jsonpath-plus', () => {
  const payload = "$..[?(@.constructor.constructor('globalThis.pwned = 1')())]";

  it('a jsonpath filter expression in a condition path is refused', () => {
    expect(codesOf(withConditions({ all: [leaf({ fact: 'measurement', path: payload })] }))).toEqual([['rules.unsafe_path', `${CONDITIONS}/all/0/path`]]);
  });

  it('a jsonpath filter in a {fact, path} right-hand side is refused', () => {
    expect(codesOf(withConditions({ all: [leaf({ value: { fact: 'measurement', path: payload } })] }))).toEqual([['rules.unsafe_path', `${CONDITIONS}/all/0/value/path`]]);
  });

  it('brackets, wildcards, recursive descent, prototype names and over-long paths are refused', () => {
    for (const path of ['$["value"]', '$.a[0]', '$.*', '$..value', '$.__proto__', '$.constructor', '$.a.prototype', 'value', '$', `$${'.a'.repeat(9)}`, '$.a;b', '$.a b', '$.ａ']) {
      expect([path, RuleConditions.safeParse({ all: [leaf({ fact: 'measurement', path })] }).success]).toEqual([path, false]);
    }
  });

  it('even given a bad path directly, the reference engine resolves it without jsonpath-plus', async () => {
    const jp = requireFromEngine('jsonpath-plus') as { JSONPath: (...a: unknown[]) => unknown };
    const original = jp.JSONPath;
    let calls = 0;
    jp.JSONPath = (...a: unknown[]) => {
      calls++;
      return original(...a);
    };
    try {
      const rule = { all: [{ fact: 'measurement', path: '$.a[0]', operator: 'equal', value: 1 }] } as unknown as RuleCondition;
      const facts = { measurement: { a: [1] } } as unknown as ConditionFacts;
      // json-rules-engine's own resolver would find 1 through jsonpath-plus:
      const { Engine } = requireFromEngine('json-rules-engine') as typeof import('json-rules-engine');
      const plain = new Engine([{ conditions: rule as never, event: { type: 'met' } }]);
      expect((await plain.run({ measurement: facts.measurement })).results).toHaveLength(1);
      expect(calls).toBe(1);
      // the hardened reference engine never calls it and finds nothing:
      const set = createReferenceRuleSet([{ key: 'r', conditions: rule }]);
      expect((await runReferenceRuleSet(set, new Map([['r', facts]]))).get('r')).toBe(false);
      expect(calls).toBe(1);
    } finally {
      jp.JSONPath = original;
    }
  });
});

describe('prototype keys, anywhere', () => {
  it('"__proto__" at the top, in a target and in conditions is refused and pollutes nothing', () => {
    const text = JSON.stringify(withConditions({ all: [leaf({})] })).replace('"formatVersion":1', '"formatVersion":1,"__proto__":{"polluted":true}').replace('"fact":"value"', '"__proto__":{"polluted":true},"fact":"value"');
    const r = validatePlanText(text);
    expect(r.issues.filter((i) => i.code === 'rules.forbidden_key').map((i) => i.pointer)).toEqual(['/__proto__', `${CONDITIONS}/all/0/__proto__`]);
  });

  it('JSON.parse output (own "__proto__" keys) handed over as a value is refused too', () => {
    const value = JSON.parse(JSON.stringify(testPlan()).replace('"id":"so-a"', '"__proto__":{"polluted":true},"id":"so-a"'));
    expect(codesOf(value)[0]).toEqual(['rules.forbidden_key', '/agencies/0/__proto__']);
  });

  it('"constructor" and "prototype" keys are refused', () => {
    const p = testPlan() as any;
    p.notes = [{ constructor: { prototype: 1 } }];
    expect(codesOf(p)[0]).toEqual(['rules.forbidden_key', '/notes/0/constructor']);
  });
});

describe('operators, facts and references from the allow-list only', () => {
  it('custom operators and decorators are refused', () => {
    for (const operator of ['regex', 'matches', 'not:equal', 'someFact:equal', 'everyValue:in', '__proto__', 'toString', 'constructor']) {
      expect(codesOf(withConditions({ all: [leaf({ operator })] }))).toEqual([['rules.unknown_operator', `${CONDITIONS}/all/0/operator`]]);
    }
  });

  it('facts outside the fixed set are refused', () => {
    for (const fact of ['process', 'constructor', 'globalThis', 'value ', '']) {
      expect(codesOf(withConditions({ all: [leaf({ fact })] }))).toEqual([['rules.unknown_fact', `${CONDITIONS}/all/0/fact`]]);
    }
  });

  it('references to named conditions (defined or not) are refused', () => {
    expect(codesOf(withConditions({ all: [{ condition: 'undefinedName' }] }))).toEqual([['rules.condition_reference', `${CONDITIONS}/all/0/condition`]]);
    expect(codesOf(withConditions({ condition: 'root' }))[0]?.[0]).toBe('rules.condition_reference');
  });

  it('params (on a condition or a fact reference) and events with fact placeholders are refused', () => {
    expect(codesOf(withConditions({ all: [leaf({ params: { x: 1 } })] }))).toEqual([['rules.condition_params', `${CONDITIONS}/all/0/params`]]);
    expect(codesOf(withConditions({ all: [leaf({ value: { fact: 'value', params: { x: 1 } } })] }))[0]).toEqual(['rules.condition_params', `${CONDITIONS}/all/0/value/params`]);
    const p = withConditions({ all: [leaf({})] }) as any;
    p.indicators[3].targets[0].event = { type: 'x', params: { leak: { fact: 'measurement', path: '$..[?(@)]' } } };
    expect(codesOf(p)).toEqual([['schema.unknown_key', '/indicators/3/targets/0/event']]);
  });

  it('the reference engine never fills event params from facts', () => {
    const set = createReferenceRuleSet([{ key: 'r', conditions: { all: [] } }]);
    expect((set.engine as unknown as { replaceFactsInEventParams: boolean }).replaceFactsInEventParams).toBe(false);
    expect((set.engine as unknown as { allowUndefinedConditions: boolean }).allowUndefinedConditions).toBe(false);
  });

  it('numeric strings, NaN and Infinity as strings are not numbers for numeric operators', () => {
    for (const value of ['20', 'NaN', 'Infinity', '1e309', true, null, [20]]) {
      expect(codesOf(withConditions({ all: [leaf({ value })] }))).toEqual([['rules.operator_value', `${CONDITIONS}/all/0/value`]]);
    }
    expect(codesOf(withConditions({ all: [leaf({ operator: 'in', value: 'abc' })] }))).toEqual([['rules.operator_value', `${CONDITIONS}/all/0/value`]]);
  });

  it('a key written twice is an error naming both places, never silently the last one', () => {
    const text = JSON.stringify(withConditions({ all: [leaf({})] })).replace('"operator":"greaterThanInclusive"', '"operator":"greaterThanInclusive","operator":"lessThanInclusive"');
    const r = validatePlanText(text, { file: 'dup.json' });
    expect(r.ok).toBe(false);
    const [dup] = r.issues;
    expect(r.issues.map((i) => i.code)).toEqual(['json.duplicate_key']);
    const first = text.indexOf('"operator"') + 1;
    const second = text.indexOf('"operator"', first) + 1;
    expect(dup).toMatchObject({ file: 'dup.json', line: 1, column: second });
    expect(dup?.pointer).toMatch(/\/operator$/u);
    expect(dup?.message.en).toContain(`line 1, column ${first} and line 1, column ${second}`);
  });
});

describe('limits on depth, size and counts', () => {
  it('conditions nested deeper than 8 boolean levels are refused', () => {
    let c: Record<string, unknown> = leaf({});
    for (let i = 0; i < 9; i++) c = { all: [c] };
    expect(codesOf(withConditions(c))[0]?.[0]).toBe('rules.too_deep');
    let ok: Record<string, unknown> = leaf({});
    for (let i = 0; i < 8; i++) ok = { all: [ok] };
    expect(validatePlanValue(withConditions(ok)).ok).toBe(true);
  });

  it('a file nested a million levels deep is refused from its text, without recursion', () => {
    const text = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const r = validatePlanText(text);
    expect(r.issues[0]).toMatchObject({ code: 'rules.too_deep', line: 1, column: 41 });
    expect(checkJsonTextDepth('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).toBeNull();
  });

  it('a deep object handed over as a value is refused without a stack overflow', () => {
    let v: Record<string, unknown> = {};
    const root = v;
    for (let i = 0; i < 200_000; i++) v = v.next = {} as Record<string, unknown>;
    expect(codesOf({ ...testPlan(), notes: [root] })).toEqual([['rules.too_deep', `/notes/0${'/next'.repeat(38)}`]]);
    expect(validatePlan({ ...testPlan(), notes: [root] }).ok).toBe(false);
  });

  it('huge lists are refused: an "in" list over 200 items, any array over 20,000 items', () => {
    expect(codesOf(withConditions({ all: [leaf({ operator: 'in', value: Array.from({ length: 201 }, (_, i) => i) })] }))).toEqual([['rules.too_many_values', `${CONDITIONS}/all/0/value`]]);
    expect(codesOf({ ...testPlan(), notes: Array(20_001).fill(0) })).toEqual([['rules.too_many_items', '/notes']]);
  });

  it('a condition tree of more than 500 conditions is refused', () => {
    const wide = { all: Array.from({ length: 20 }, () => ({ any: Array.from({ length: 30 }, () => leaf({})) })) };
    expect(codesOf(withConditions(wide))).toEqual([['rules.too_many_conditions', CONDITIONS]]);
  });

  it('more than 5,000 targets are refused', () => {
    const p = testPlan() as any;
    p.indicators[0].targets = Array.from({ length: 5001 }, (_, i) => ({ ...p.indicators[0].targets[1], id: `t${i}` }));
    expect(codesOf(p)).toEqual([['rules.too_many_targets', '']]);
  });

  it('a file with thousands of problems lists the first 500 and counts the rest, quickly', () => {
    const p = { ...testPlan(), agencies: Array(19_000).fill(0) };
    const r = validatePlanText(JSON.stringify(p, null, 1));
    expect(r.issues).toHaveLength(501);
    expect(r.issues[500]?.code).toBe('rules.too_many_issues');
    // At least one issue per bad agency: 19,000 − 500 more.
    expect(Number(/and (\d+) more/u.exec(r.issues[500]?.message.en ?? '')?.[1])).toBeGreaterThanOrEqual(18_500);
  });

  it('over-long strings and over-large files are refused', () => {
    expect(codesOf({ ...testPlan(), number: 'x'.repeat(20_001) })).toEqual([['rules.too_long', '/number']]);
    expect(validatePlanText(`"${'x'.repeat(6 * 1024 * 1024)}"`).issues[0]?.code).toBe('file.too_large');
  });

  it('no regex operator exists, and the format’s own patterns stay linear on hostile strings', () => {
    const p = testPlan() as any;
    p.id = `${'a'.repeat(19_000)}-`;
    p.indicators[3].targets[0].conditions = { all: [leaf({ fact: 'measurement', path: `$.${'a'.repeat(590)}!` })] };
    expect(validatePlanValue(p).ok).toBe(false);
  });
});

// Speed is measured by `pnpm bench`, never here: these tests assert the outcome that bounds the
// work (an early stop, a capped issue list, one issue for many conflicts), and the generous
// timeout below guards only against runaway work (a quadratic blow-up would not finish).
const RUNAWAY = 60_000;

describe('amplification: work stays proportional to the file', () => {
  it('2,000 conflicting overrides of one field are reported quickly', () => {
    const p = testPlan() as any;
    p.overrides = Array.from({ length: 2000 }, (_, i) => ({ target: 'online-rate.each', effectiveFrom: '2020-01-01', set: { value: i % 100 }, source: { section: 'x', quote: 'y' } }));
    const r = validatePlanValue(p);
    expect(r.issues[0]?.code).toBe('rules.conflicting_override');
    // At most one issue per override, not one per pair of the 2,000 (which would be ~2 million).
    expect(r.issues.length).toBeLessThanOrEqual(p.overrides.length);
  }, RUNAWAY);

  it('hundreds of dated overrides carrying 500-condition trees resolve in bounded time', () => {
    const p = testPlan() as any;
    const big = { all: Array.from({ length: 10 }, () => ({ any: Array.from({ length: 48 }, (_, i) => leaf({ value: i })) })) };
    const day = (i: number) => new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
    p.overrides = Array.from({ length: 300 }, (_, i) => ({ target: 'signed-rate.each', effectiveFrom: day(i), set: { conditions: big, note: { vi: `${i}`, en: `${i}` } }, source: { section: 'x', quote: 'y' } }));
    const r = validatePlanValue(p);
    expect(r.issues).toEqual([]);
  }, RUNAWAY);
});

describe('values that are not JSON data', () => {
  it('functions, getters, class instances, symbols, cycles and NaN are refused without being called', () => {
    let called = false;
    const getter = {};
    Object.defineProperty(getter, 'section', {
      enumerable: true,
      get() {
        called = true;
        return 'x';
      },
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, string][] = [
      [{ ...testPlan(), notes: [() => 1] }, '/notes/0'],
      [{ ...testPlan(), notes: [getter] }, '/notes/0/section'],
      [{ ...testPlan(), notes: [new Date(0)] }, '/notes/0'],
      [{ ...testPlan(), notes: [Symbol('x')] }, '/notes/0'],
      [{ ...testPlan(), notes: [cyclic] }, '/notes/0/self'],
      [{ ...testPlan(), notes: [Number.NaN] }, '/notes/0'],
      [{ ...testPlan(), notes: [10n] }, '/notes/0'],
    ];
    for (const [value, pointer] of cases) expect(codesOf(value)).toEqual([['rules.not_data', pointer]]);
    expect(called).toBe(false);
  });
});

describe('extends cannot be used to read or loop', () => {
  const base = { formatVersion: 1, id: 'x-2019', number: '1', title: { vi: 'x', en: 'x' }, issuer: { name: { vi: 'x', en: 'x' }, unit: null }, date: '2019-01-01', legalBases: [], phases: [], indicators: [], agencies: [], administrativeUnits: [], tasks: [], bodyTasks: [], duties: [], reportingObligations: [], notes: [] };

  it('extending a file that is not a rule file gives typed issues, never its content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egov-attack-'));
    writeFileSync(join(dir, 'secret.txt'), 'root:x:0:0:secret');
    const r = validatePlanText(JSON.stringify({ ...base, extends: ['secret.txt', '.'] }), { file: join(dir, 'c.json') });
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['rules.invalid_base', '/extends/0'],
      ['json.syntax', ''],
      ['json.syntax', ''],
      ['rules.unknown_base', '/extends/1'],
    ]);
    expect(JSON.stringify(r.issues)).not.toContain('root:x:0:0');
  });

  it('a chain longer than 16 files is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egov-attack-'));
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `f${i}.json`), JSON.stringify({ ...base, id: `f${i}`, ...(i < 19 ? { extends: [`f${i + 1}.json`] } : {}) }));
    const r = validatePlanText(JSON.stringify({ ...base, extends: ['f0.json'] }), { file: join(dir, 'c.json') });
    expect(r.issues.map((i) => i.code)).toContain('rules.too_many_files');
  });
});
