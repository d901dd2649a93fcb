import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasurementInput, Plan, PlanInput } from '@egov-plan/core';
import { bundledPlan, compilePlan, evaluate, prepareMeasurements, progress, type Observation, type TargetResult } from '../../src/index.js';
import { evaluateWithReference } from '../../src/reference.js';
import { validatePlanValue } from '../../src/node.js';
import { kontumMeasurements, testPlan } from '@egov-plan/test-utils';

// A whole-province target with a level ("60% hồ sơ công việc tại cấp huyện") is judged twice: the
// level as a whole (the province's result, rolled up from summed counts: the headline verdict)
// and each unit of the level on its own value. Nothing a unit reported is silently dropped.

const TARGET = 'online-rate.districts';
const district = (code: string, vi: string, en: string) => ({ code, name: { vi, en }, level: 'district' as const, parent: '98', validFrom: null, validTo: '2025-06-30', successors: [], confidence: 'unconfirmed' as const, source: 'test' });

/** The test plan with a 60% district-level target for the province as a whole, and five districts. */
function levelPlan(): Plan {
  const input: PlanInput = testPlan();
  const online = input.indicators.find((i) => i.id === 'online-rate');
  online?.targets.push({ id: TARGET, kind: 'quantitative', phase: '2019-2020', level: 'district', scope: 'whole-province', comparator: 'gte', value: 60, unit: 'percent', source: { section: 'I.2.a', quote: '60% hồ sơ tại cấp huyện' } });
  input.administrativeUnits.push(district('982', 'Huyện Ba', 'District Three'), district('983', 'Huyện Bốn', 'District Four'), district('984', 'Huyện Năm', 'District Five'));
  const r = validatePlanValue(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return compilePlan(r.value);
}

const ofTarget = (results: readonly TargetResult[], target = TARGET) => results.filter((r) => r.target === target);
const rollUpOf = (results: readonly TargetResult[], target = TARGET) => {
  const heads = ofTarget(results, target).filter((r) => r.headline);
  expect(heads).toHaveLength(1);
  return heads[0] as TargetResult;
};

describe('a whole-province target with a level: each unit, and the level as a whole', () => {
  const plan = levelPlan();
  const rows: MeasurementInput[] = [
    { indicator: 'online-rate', orgUnit: '980', period: '2020Q4', numerator: 45, denominator: 100 },
    { indicator: 'online-rate', orgUnit: '981', period: '2020Q4', numerator: 150, denominator: 200 },
    // A district that reports 64% without counts.
    { indicator: 'online-rate', orgUnit: '982', period: '2020Q4', value: 64 },
    // A district whose latest counts are of the quarter before.
    { indicator: 'online-rate', orgUnit: '983', period: '2020Q3', numerator: 30, denominator: 100 },
    // 984 does not report.
  ];
  const ev = evaluate(plan, rows, { at: '2020-12-14', phase: '2019-2020' });

  it('a district at 64% without counts gets its own verdict, and the roll-up is Σn/Σd of the others, naming it', () => {
    const mine = ofTarget(ev.results);
    // The roll-up first, then each district of the level that reported, in order of their codes.
    expect(mine.map((r) => [r.orgUnit, r.headline])).toEqual([
      ['98', true],
      ['980', false],
      ['981', false],
      ['982', false],
      ['983', false],
    ]);
    const byUnit = Object.fromEntries(mine.map((r) => [r.orgUnit, r]));
    expect(byUnit['982']).toMatchObject({ status: 'met', value: 64, gap: 4, basis: 'measurement', targetLevel: 'district', level: 'district', rollUp: null });
    expect(byUnit['980']).toMatchObject({ status: 'not-met', value: 45, gap: -15, numerator: 45, denominator: 100 });
    expect(byUnit['981']).toMatchObject({ status: 'met', value: 75, gap: 15 });
    expect(byUnit['983']).toMatchObject({ status: 'not-met', value: 30, gap: -30, period: '2020Q3' });
    // (45 + 150) / (100 + 200) = 195 / 300 = 65% ≥ 60%: met, gap +5.
    const whole = rollUpOf(ev.results);
    expect(whole).toMatchObject({ orgUnit: '98', status: 'met', value: 65, gap: 5, numerator: 195, denominator: 300, contributors: 2, basis: 'summed-counts', period: '2020Q4', targetLevel: 'district' });
    expect(whole.rollUp).toEqual({
      summed: [
        { orgUnit: '980', numerator: 45, denominator: 100 },
        { orgUnit: '981', numerator: 150, denominator: 200 },
      ],
      leftOut: [
        { orgUnit: '982', period: '2020Q4', value: 64, numerator: null, denominator: null, reason: 'no-counts' },
        { orgUnit: '983', period: '2020Q3', value: 30, numerator: 30, denominator: 100, reason: 'other-period' },
      ],
      coverage: { level: 'district', known: 5, reported: 4, missing: ['984'] },
    });
  });

  it("the roll-up's explanation names the summed units, the values left out and the units that did not report, by name beside id", () => {
    const whole = rollUpOf(ev.results);
    expect(whole.explanation.vi).toContain('Đã cộng (kỳ 2020Q4): 980 (Huyện Một) 45/100; 981 (Huyện Hai) 150/200.');
    expect(whole.explanation.vi).toContain('982 (Huyện Ba) 64% (kỳ 2020Q4; không có tử số/mẫu số)');
    expect(whole.explanation.en).toContain('983 (District Four) 30% (period 2020Q3; counts for another period than the one summed)');
    expect(whole.explanation.en).toContain('Coverage: 4 of the 5 district-level units the plan knows reported; not reported: 984 (District Five).');
    const unit = ofTarget(ev.results).find((r) => r.orgUnit === '982') as TargetResult;
    expect(unit.explanation.en).toMatch(/^Met: 982 \(District Three\) has 64% .*the target's verdict is the province's roll-up\./u);
  });

  it('per-unit results are not extra verdicts: the summary and progress count the headline results only', () => {
    const heads = ev.results.filter((r) => r.headline);
    expect(ev.results.length - heads.length).toBe(4);
    const counted = ev.summary.met + ev.summary['not-met'] + ev.summary['no-data'] + ev.summary['not-applicable'];
    expect(counted).toBe(heads.length);
    const p = progress(plan, rows, { at: '2020-12-14', phase: '2019-2020' });
    expect(p.results.filter((r) => r.target === TARGET).map((r) => r.orgUnit)).toEqual(['98']);
  });

  it('each-agency and each-unit targets keep one headline result per org unit and no roll-up', () => {
    for (const r of ev.results.filter((x) => x.scope !== 'whole-province')) expect([r.headline, r.rollUp]).toEqual([true, null]);
  });

  it('when no district has counts the level has no data, and every value received is named', () => {
    const only = evaluate(plan, [{ indicator: 'online-rate', orgUnit: '982', period: '2020Q4', value: 64 }, { indicator: 'online-rate', orgUnit: '980', period: '2020Q4', value: 58 }], { at: '2020-12-14', phase: '2019-2020' });
    const whole = rollUpOf(only.results);
    expect(whole.status).toBe('no-data');
    expect(whole.rollUp?.leftOut.map((x) => [x.orgUnit, x.value, x.reason])).toEqual([
      ['980', 58, 'no-counts'],
      ['982', 64, 'no-counts'],
    ]);
    expect(whole.explanation.en).toContain('Left out of the sum, 2 values received: 980 (District One) 58%');
    expect(ofTarget(only.results).filter((r) => !r.headline).map((r) => [r.orgUnit, r.status])).toEqual([
      ['980', 'not-met'],
      ['982', 'met'],
    ]);
  });

  it('json-rules-engine gives the same verdicts, per unit and for the level', async () => {
    const ref = await evaluateWithReference(plan, rows, { at: '2020-12-14', phase: '2019-2020' });
    expect(ofTarget(ref.results).map((r) => [r.orgUnit, r.status, r.headline])).toEqual(ofTarget(ev.results).map((r) => [r.orgUnit, r.status, r.headline]));
  });

  it('Kon Tum: 60% of work files at district level, with a district reporting 64% without counts', () => {
    const kontum = compilePlan(bundledPlan('kontum-1102-2019'));
    const k = evaluate(kontum, [...kontumMeasurements(), { indicator: 'online-work-files', orgUnit: '611', period: '2020Q4', value: 64 }], { at: '2020-12-14' });
    const target = 'online-work-files.2019-2020.district';
    // 608: 41/100 (2020Q4, its 2020Q3 counts are older), 610: 94/200 → 135/300 = 45% < 60%: gap −15.
    expect(rollUpOf(k.results, target)).toMatchObject({ orgUnit: '62', status: 'not-met', value: 45, gap: -15, numerator: 135, denominator: 300, contributors: 2 });
    expect(rollUpOf(k.results, target).rollUp).toMatchObject({
      leftOut: [{ orgUnit: '611', value: 64, reason: 'no-counts' }],
      coverage: { level: 'district', known: 10, reported: 3, missing: ['612', '613', '614', '615', '616', '617', '618'] },
    });
    expect(rollUpOf(k.results, target).explanation.vi).toContain('611 (Huyện Ngọc Hồi) 64% (kỳ 2020Q4; không có tử số/mẫu số)');
    // 94/200 = 47%.
    expect(ofTarget(k.results, target).filter((r) => !r.headline).map((r) => [r.orgUnit, r.value, r.status])).toEqual([
      ['608', 41, 'not-met'],
      ['610', 47, 'not-met'],
      ['611', 64, 'met'],
    ]);
    // The province level target counts the province's own 83%: no roll-up, no per-unit result for the province.
    expect(ofTarget(k.results, 'online-work-files.2019-2020.province').map((r) => [r.orgUnit, r.basis, r.rollUp])).toEqual([['62', 'province-value', null]]);
  });
});

describe('the law of level roll-ups, for any observations of the units', () => {
  const plan = levelPlan();
  const phase = plan.phases.find((p) => p.id === '2019-2020') as Plan['phases'][number];
  const UNITS = ['980', '981', '982', '983', '984', 'x-7'];
  const PERIODS = ['2019Q4', '2020Q1', '2020Q3', '2020Q4', '2021Q1'];
  const row = fc.record({ orgUnit: fc.constantFrom(...UNITS), period: fc.constantFrom(...PERIODS), den: fc.integer({ min: 1, max: 500 }), share: fc.integer({ min: 0, max: 100 }), counted: fc.boolean() }).map(
    ({ orgUnit, period, den, share, counted }): MeasurementInput => {
      const base = { indicator: 'online-rate', orgUnit, level: 'district' as const, period };
      return counted ? { ...base, numerator: Math.floor((share * den) / 100), denominator: den } : { ...base, value: share };
    },
  );
  const inWindow = (o: Observation, at: string) => o.end <= at && o.end <= phase.end && o.end >= phase.start;

  it('every unit with a value in the phase has its own result and is either summed or left out; the roll-up is 100·Σn/Σd', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom('2020-12-14', '2020-06-30', '2019-12-31'), (input, at) => {
        const set = prepareMeasurements(plan, input);
        const ev = evaluate(plan, set, { at, phase: '2019-2020' });
        const whole = rollUpOf(ev.results);
        const own = new Map(ofTarget(ev.results).filter((r) => !r.headline).map((r) => [r.orgUnit, r]));
        const summed = new Set(whole.rollUp?.summed.map((s) => s.orgUnit));
        const leftOut = new Set(whole.rollUp?.leftOut.map((s) => s.orgUnit));
        const reporting = new Set(set.observations.filter((o) => inWindow(o, at)).map((o) => o.orgUnit));
        for (const unit of reporting) {
          expect(own.get(unit)?.status).toMatch(/^(met|not-met)$/u);
          expect(summed.has(unit) !== leftOut.has(unit)).toBe(true);
        }
        for (const unit of [...summed, ...leftOut]) expect(reporting.has(unit)).toBe(true);
        expect(whole.rollUp?.coverage?.reported).toBe([...reporting].filter((u) => u !== 'x-7').length);
        if (whole.status === 'no-data') expect(whole.rollUp?.summed.reduce((d, s) => d + s.denominator, 0) ?? 0).toBe(0);
        else {
          const n = whole.rollUp?.summed.reduce((x, s) => x + s.numerator, 0) as number;
          const d = whole.rollUp?.summed.reduce((x, s) => x + s.denominator, 0) as number;
          expect([whole.numerator, whole.denominator, whole.contributors]).toEqual([n, d, summed.size]);
          expect(whole.value).toBeCloseTo((100 * n) / d, 6);
          // Each summed unit's counts are its latest counts in the window, of the period summed.
          for (const s of whole.rollUp?.summed ?? []) {
            const latest = set.observations.filter((o) => o.orgUnit === s.orgUnit && o.numerator !== undefined && inWindow(o, at)).sort((a, b) => (a.end < b.end ? 1 : -1))[0];
            expect([latest?.period, latest?.numerator, latest?.denominator]).toEqual([whole.period, s.numerator, s.denominator]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
