import type { AdministrativeLevel, Awaitable, MeasurementStore, Plan } from '@egov-plan/core';
import { bundledPlan, evaluate, evaluateFromStore, prepareMeasurements, toMeasurementRecord, type Evaluation, type MeasurementInput, type Observation } from '@egov-plan/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from './collect.js';

/** What {@link runStoreEvaluationTests} needs. */
export interface StoreEvaluationTestOptions {
  /** Shown in the suite's name. */
  name: string;
  /** Opens a fresh, empty store; called once per generated case. */
  store: () => Awaitable<MeasurementStore>;
  /** Generated cases (default 12). */
  runs?: number;
  /** Set to skip the suite visibly, with this reason. */
  skip?: string;
}

const PERIODS = ['2019Q2', '2019Q4', '2020Q1', '2020Q2', '2020Q4', '2021Q1', '2021Q3'];
const AT = ['2019-09-30', '2020-06-30', '2020-12-14', '2021-03-31', '2022-01-10'];

interface GeneratedRow {
  indicator: string;
  unit: [string, AdministrativeLevel];
  period: string;
  value: number;
  counts: boolean;
  evidence: boolean;
}

/** The verdicts of an evaluation, in order, as comparable tuples (with what each roll-up summed, left out and covered). */
function verdicts(e: Evaluation): unknown[] {
  return e.results.map((r) => [r.indicator, r.target, r.orgUnit, r.level, r.status, r.value, r.period, r.basis, r.numerator, r.denominator, r.contributors, r.headline, r.rollUp]);
}

/**
 * Registers a differential test for vitest: for generated measurements of the bundled Kon Tum
 * plan (several imports with corrections, some retracted), `evaluateFromStore` on the store gives
 * exactly the verdicts `evaluate` gives on the same values held in memory.
 */
export function runStoreEvaluationTests(options: StoreEvaluationTestOptions): void {
  const plan = bundledPlan('kontum-1102-2019') as Plan;
  const indicators = plan.indicators.map((i) => i.id);
  const percent = new Set(plan.indicators.filter((i) => i.unit === 'percent').map((i) => i.id));
  const units: [string, AdministrativeLevel][] = [
    ['62', 'province'],
    ['so-tttt', 'province'],
    ['so-noi-vu', 'province'],
    ['608', 'district'],
    ['610', 'district'],
    ['xa-a', 'commune'],
    ['xa-b', 'commune'],
  ];
  const row: fc.Arbitrary<GeneratedRow> = fc.record({
    indicator: fc.constantFrom(...indicators), // spread-ok: a short fixed list
    unit: fc.constantFrom(...units), // spread-ok: a short fixed list
    period: fc.constantFrom(...PERIODS), // spread-ok: a short fixed list
    value: fc.integer({ min: 0, max: 100 }),
    counts: fc.boolean(),
    evidence: fc.boolean(),
  });
  const toInput = (r: GeneratedRow): MeasurementInput => {
    const [orgUnit, level] = r.unit;
    if (!percent.has(r.indicator)) return r.evidence ? { indicator: r.indicator, orgUnit, level, evidenceDate: `${r.period.slice(0, 4)}-0${(r.value % 9) + 1}-15`, value: true } : { indicator: r.indicator, orgUnit, level, period: r.period, value: r.value % 2 === 0 };
    const denominator = 50 + r.value;
    const numerator = Math.round((denominator * r.value) / 100);
    return r.counts ? { indicator: r.indicator, orgUnit, level, period: r.period, value: (numerator / denominator) * 100, numerator, denominator } : { indicator: r.indicator, orgUnit, level, period: r.period, value: r.value };
  };
  const scenario = fc.record({
    batches: fc.array(fc.uniqueArray(row, { minLength: 1, maxLength: 25, selector: (r) => { const x = toInput(r); return `${x.indicator}|${String(x.orgUnit)}|${String(x.period ?? x.evidenceDate)}`; } }), { minLength: 1, maxLength: 4 }),
    retract: fc.option(fc.nat(3), { nil: null }),
    at: fc.option(fc.constantFrom(...AT), { nil: undefined }), // spread-ok: a short fixed list
  });

  describe(`evaluation from a store: ${options.name}`, () => {
    if (options.skip !== undefined) {
      it.skip(`same verdicts as evaluating the same rows in memory — skipped for ${options.name}: ${options.skip}`, () => {});
      return;
    }
    it('gives the same verdicts as evaluating the values in force in memory', async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ batches, retract, at }) => {
          const store = await options.store();
          try {
            const ids: string[] = [];
            for (const [i, batch] of batches.entries()) {
              const set = prepareMeasurements(plan, batch.map(toInput));
              expect(set.issues).toEqual([]);
              ids.push((await store.importMeasurements({ plan: plan.id, file: `batch-${i}.csv`, importedBy: 'test' }, set.observations.map((o) => toMeasurementRecord(o)))).importId);
            }
            if (retract !== null && retract < ids.length) await store.retractImport(ids[retract] as string, { retractedBy: 'test' });
            const inForce = await collect(store.currentValues({ plan: plan.id }));
            const observations: Observation[] = inForce.map((m) => ({ ...m, value: m.value as number | boolean, numerator: m.numerator ?? undefined, denominator: m.denominator ?? undefined, source: m.file }));
            const when = at === undefined ? {} : { at };
            const inMemory = evaluate(plan, { observations, issues: [], rows: observations.length }, when);
            const fromStore = await evaluateFromStore(plan, store, when);
            expect(fromStore.at).toBe(inMemory.at);
            expect(verdicts(fromStore)).toEqual(verdicts(inMemory));
            expect(fromStore.summary).toEqual(inMemory.summary);
            expect(fromStore.phases).toEqual(inMemory.phases);
          } finally {
            await store.close();
          }
        }),
        { numRuns: options.runs ?? 12 },
      );
    });
  });
}
