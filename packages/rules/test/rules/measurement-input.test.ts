import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { MeasurementInput as MeasurementInputSchema, isEgovPlanError, type MeasurementInput, type Plan } from '@egov-plan/core';
import { compilePlan, evaluate, evaluateAsync, formatNumber, parseMeasurementsJson, prepareMeasurements, prepareMeasurementsAsync, progress, type EvaluateOptions, type Evaluation } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import schema from '../../schema/measurement.schema.json';
import { testPlan } from '@egov-plan/test-utils';

const plan = (): Plan => {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error('fixture');
  return r.value;
};
const rows: MeasurementInput[] = [
  { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19 },
  { indicator: 'online-rate', orgUnit: 'so-b', period: '2020Q4', value: 40, numerator: 40, denominator: 100 },
  { indicator: 'system-built', orgUnit: '98', value: true, evidenceDate: '2020-06-30' },
];
const verdicts = (ev: Evaluation) => ev.results.map((r) => `${r.target}|${r.orgUnit}|${r.status}|${String(r.value)}`);
const thrown = (f: () => unknown): { code: string; issues: readonly { code: string; pointer: string }[] } => {
  try {
    f();
  } catch (e) {
    if (isEgovPlanError(e)) return e;
    throw e;
  }
  throw new Error('did not throw');
};
const rejected = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (isEgovPlanError(e)) return e;
    throw e;
  }
  throw new Error('did not reject');
};

describe('the measurement input type', () => {
  it('is precise: ids are strings, the value a number or a boolean, optional fields may be null', () => {
    expectTypeOf<MeasurementInput['indicator']>().toEqualTypeOf<string>();
    expectTypeOf<MeasurementInput['orgUnit']>().toEqualTypeOf<string>();
    expectTypeOf<MeasurementInput['value']>().toEqualTypeOf<number | boolean | null | undefined>();
    expectTypeOf<MeasurementInput['numerator']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<MeasurementInput['level']>().toEqualTypeOf<'province' | 'district' | 'commune' | null | undefined>();
    expectTypeOf<EvaluateOptions['at']>().toEqualTypeOf<Date | number | string | undefined>();
    expectTypeOf(evaluate).returns.toEqualTypeOf<Evaluation>();
    expectTypeOf(evaluateAsync).returns.toEqualTypeOf<Promise<Evaluation>>();
    // @ts-expect-error: the value is not a string from code
    const bad: MeasurementInput = { indicator: 'x', orgUnit: 'y', period: '2020Q4', value: '20' };
    void bad;
  });

  it('the published JSON Schema is generated from the same schema (same fields, same required ones)', () => {
    expect(Object.keys(schema.properties)).toEqual(Object.keys(MeasurementInputSchema.shape));
    expect(schema.required).toEqual(['indicator', 'orgUnit']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('rows from a database (null in empty columns) are accepted', () => {
    const set = prepareMeasurements(plan(), [{ indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19, numerator: null, denominator: null, level: null, source: null, evidenceDate: null }]);
    expect(set.issues).toEqual([]);
    expect(set.observations).toHaveLength(1);
  });
});

describe('the same rules for code and JSON', () => {
  it('an unknown key leaves the row out with measurement.unknown_key, from code as from JSON', () => {
    const row = { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19, valeu: 20 };
    const fromCode = prepareMeasurements(plan(), [row as MeasurementInput]);
    const fromJson = parseMeasurementsJson(plan(), JSON.stringify([row]));
    expect(fromCode.issues.map((i) => [i.code, i.pointer])).toEqual([['measurement.unknown_key', '/0/valeu']]);
    expect(fromJson.issues.map((i) => [i.code, i.pointer])).toEqual([['measurement.unknown_key', '/0/valeu']]);
    expect(fromCode.observations).toEqual([]);
  });

  it('any row gives the same observations and issue codes from code and from JSON', () => {
    const cell = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -2, max: 120 }), fc.double({ min: -1, max: 101, noNaN: true }), fc.boolean(), fc.constantFrom('20', '2020Q4', '2020-06-30', 'yes', 'district', '', 'x'));
    const row = fc.record(
      { indicator: fc.constantFrom('online-rate', 'system-built', 'complaints', 'nope'), orgUnit: fc.constantFrom('so-a', '98', '980', 'moi'), period: cell, value: cell, numerator: cell, denominator: cell, level: cell, evidenceDate: cell },
      { requiredKeys: ['indicator', 'orgUnit'] },
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (list) => {
        const clean = list.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
        const a = prepareMeasurements(plan(), clean as MeasurementInput[]);
        const b = parseMeasurementsJson(plan(), JSON.stringify(clean));
        expect(b.observations.map((o) => ({ ...o }))).toEqual(a.observations.map((o) => ({ ...o })));
        expect(b.issues.map((i) => [i.code, i.pointer])).toEqual(a.issues.map((i) => [i.code, i.pointer]));
      }),
      { numRuns: 200 },
    );
  });

  it('counts must be whole numbers, and agree with the value within rounding', () => {
    const set = prepareMeasurements(plan(), [
      { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 25, numerator: 1, denominator: 3 },
      { indicator: 'online-rate', orgUnit: 'so-b', period: '2020Q4', value: 33, numerator: 1, denominator: 3 },
      { indicator: 'online-rate', orgUnit: 'so-c', level: 'province', period: '2020Q4', value: 50, numerator: 1.5, denominator: 3 },
    ]);
    expect(set.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['measurement.inconsistent_counts', '/0/value'],
      ['measurement.invalid_number', '/2/numerator'],
    ]);
    expect(set.issues[0]?.message.en).toContain('1/3 = 33.333333%');
    expect(set.observations.map((o) => o.orgUnit)).toEqual(['so-b']);
  });

  it('dated evidence given as evidenceDate counts from its date', () => {
    const ev = evaluate(plan(), rows, { at: '2020-12-14' });
    expect(ev.results.find((r) => r.target === 'system-built.2019-2020')).toMatchObject({ status: 'met', basis: 'evidence', period: '2020-06-30' });
    const wrong = prepareMeasurements(plan(), [{ indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 20, evidenceDate: '2020-06-30' }]);
    expect(wrong.issues.map((i) => i.code)).toEqual(['measurement.invalid_value']);
  });
});

describe('measurements as iterables', () => {
  it('a generator, a Set and an array give the same evaluation', () => {
    const p = compilePlan(plan());
    function* gen() {
      yield* rows;
    }
    const expected = verdicts(evaluate(p, rows, { at: '2020-12-14' }));
    expect(verdicts(evaluate(p, gen(), { at: '2020-12-14' }))).toEqual(expected);
    expect(verdicts(evaluate(p, new Set(rows), { at: '2020-12-14' }))).toEqual(expected);
    expect(progress(p, gen(), { at: '2020-12-14' }).results).toHaveLength(progress(p, rows, { at: '2020-12-14' }).results.length);
  });

  it('an async iterable (a database cursor) is evaluated by evaluateAsync with the same verdicts', async () => {
    const p = compilePlan(plan());
    async function* cursor() {
      for (const r of rows) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield r;
      }
    }
    const ev = await evaluateAsync(p, cursor(), { at: '2020-12-14' });
    expect(verdicts(ev)).toEqual(verdicts(evaluate(p, rows, { at: '2020-12-14' })));
    expect(ev.rows).toBe(3);
    expect((await prepareMeasurementsAsync(p, cursor())).observations).toHaveLength(3);
  });

  it('a string, an async iterable, a number or null given to evaluate is a typed error, never a TypeError', () => {
    async function* cursor() {
      yield rows[0] as MeasurementInput;
    }
    for (const bad of ['indicator,orgUnit\n', cursor(), 42, null, { observations: 1 }]) {
      const e = thrown(() => evaluate(plan(), bad as never, { at: '2020-12-14' }));
      expect(e.code).toBe('usage.invalid_measurements');
    }
    expect(thrown(() => evaluate(plan(), cursor() as never)).issues[0]).toMatchObject({ code: 'usage.invalid_measurements' });
  });

  it('an item that is not an object is a row issue, the other rows still count', () => {
    const set = prepareMeasurements(plan(), ['x', rows[0]] as never);
    expect(set.issues.map((i) => [i.code, i.pointer])).toEqual([['measurement.invalid_value', '/0']]);
    expect(set.observations).toHaveLength(1);
    expect(set.rows).toBe(2);
  });
});

describe('the evaluation date and options', () => {
  it('a Date, epoch milliseconds, an ISO instant and a local date name the same day in Vietnam', () => {
    const p = compilePlan(plan());
    const day = (at: Date | number | string) => evaluate(p, rows, { at }).at;
    expect(day('2020-12-14')).toBe('2020-12-14');
    expect(day('2020-12-14T09:30')).toBe('2020-12-14');
    expect(day(new Date('2020-12-14T16:59:59Z'))).toBe('2020-12-14');
    expect(day(Date.parse('2020-12-14T17:00:00Z'))).toBe('2020-12-15');
    expect(day('2020-12-14T17:00:00Z')).toBe('2020-12-15');
    expect(progress(p, rows, { at: new Date('2020-12-14T05:00:00Z') }).at).toBe('2020-12-14');
  });

  it('bad options are typed errors, the same for evaluate and progress', () => {
    const p = plan();
    for (const run of [(o: unknown) => evaluate(p, rows, o as EvaluateOptions), (o: unknown) => progress(p, rows, o as EvaluateOptions)]) {
      expect(thrown(() => run({ at: '2020-02-30' })).code).toBe('usage.invalid_date');
      expect(thrown(() => run({ at: 'soon' })).code).toBe('usage.invalid_date');
      expect(thrown(() => run({ at: new Date('x') })).code).toBe('usage.invalid_date');
      expect(thrown(() => run({ at: Number.NaN })).code).toBe('usage.invalid_date');
      expect(thrown(() => run({ at: {} })).code).toBe('usage.invalid_date');
      expect(thrown(() => run({ date: '2020-12-14' })).code).toBe('usage.unknown_option');
      expect(thrown(() => run({ phase: 'nope' })).code).toBe('usage.unknown_phase');
      expect(thrown(() => run({ phase: 7 })).code).toBe('usage.invalid_option');
      expect(thrown(() => run('2020-12-14')).code).toBe('usage.invalid_option');
    }
    expect(thrown(() => progress(p, rows, { method: 'mean' as never })).code).toBe('usage.invalid_option');
    expect(thrown(() => evaluate(p, rows, { method: 'cagr' } as never)).code).toBe('usage.unknown_option');
  });

  it('options are checked before any row of an async source is read', async () => {
    let read = 0;
    async function* cursor() {
      read++;
      yield rows[0] as MeasurementInput;
    }
    const e = await rejected(evaluateAsync(plan(), cursor(), { at: 'tomorrow' }));
    expect(e.code).toBe('usage.invalid_date');
    expect(read).toBe(0);
  });
});

describe('numbers in explanations', () => {
  it('a number near the float limit is written as it is, never as Infinity', () => {
    expect(formatNumber(1.7976931348623157e308, 'en')).toBe('1.7976931348623157e+308');
    expect(formatNumber(-1e300, 'vi')).toBe('-1e+300');
    expect(formatNumber(19.123456, 'vi')).toBe('19,1235');
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      expect(formatNumber(n, 'en')).not.toContain('Infinity');
    }));
  });
});

describe('results as JSON', () => {
  it('include the explanation, after the other fields, as the field names have always been', () => {
    const r = evaluate(plan(), rows, { at: '2020-12-14' }).results.find((x) => x.target === 'online-rate.each' && x.orgUnit === 'so-a')!;
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['indicator', 'target', 'orgUnit', 'level', 'scope', 'targetLevel', 'phase', 'status', 'value', 'targetValue', 'comparator', 'unit', 'gap', 'period', 'periodEnd', 'basis', 'numerator', 'denominator', 'contributors', 'effectiveFrom', 'provenance', 'source', 'headline', 'rollUp', 'explanation']);
    expect(json.explanation).toEqual(r.explanation);
    expect(r.explanation.en).toMatch(/^Not met: so-a \(Department A\) has 19%/u);
  });
});
