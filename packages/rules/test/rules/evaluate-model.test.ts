import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import { compilePlan, evaluate, prepareMeasurements, type MeasurementInput, type Observation, type TargetResult } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { testPlan } from '@egov-plan/test-utils';

// evaluate() indexes the observations once (org unit × indicator) and picks the value that counts
// from that index. Here its results are checked against a model that reads the observations
// directly, one question at a time, on random measurements in random order.

function plan(): Plan {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value;
}

const UNITS: readonly [string, 'province' | 'district' | 'commune'][] = [
  ['so-a', 'province'],
  ['so-b', 'province'],
  ['98', 'province'],
  ['980', 'district'],
  ['981', 'district'],
  ['98001', 'commune'],
  ['x-2', 'commune'],
  ['x-10', 'district'],
];
const PERIODS = ['2019Q2', '2019Q4', '2020Q1', '2020Q3', '2020Q4', '2021Q1'];
const PROVINCE = new Set(['98']);
const collator = new Intl.Collator('en', { numeric: true });

const row: fc.Arbitrary<MeasurementInput> = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    period: fc.constantFrom(...PERIODS),
    indicator: fc.constantFrom('online-rate', 'signed-rate', 'complaints', 'system-built'),
    den: fc.integer({ min: 1, max: 400 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    counted: fc.boolean(),
    count: fc.integer({ min: 0, max: 30 }),
    yes: fc.boolean(),
  })
  .map(({ unit: [orgUnit, level], period, indicator, den, share, counted, count, yes }) => {
    const base = { indicator, orgUnit, level, period };
    if (indicator === 'complaints') return { ...base, value: count };
    if (indicator === 'system-built') return { ...base, value: yes };
    const num = Math.floor(share * den);
    return counted ? { ...base, numerator: num, denominator: den } : { ...base, value: Math.round(share * 1000) / 10 };
  });

const inWindow = (o: Observation, start: string, end: string, at: string) => o.end <= at && o.end <= end && (o.evidence || o.end >= start);
const later = (a: Observation, b: Observation) => (a.end !== b.end ? a.end > b.end : a.start > b.start);

/** The value that counts for one org unit and indicator, read straight from the observations. */
function latest(obs: readonly Observation[], indicator: string, orgUnit: string, start: string, end: string, at: string, accept = (_: Observation) => true): Observation | null {
  let best: Observation | null = null;
  for (const o of obs) if (o.indicator === indicator && o.orgUnit === orgUnit && inWindow(o, start, end, at) && accept(o) && (!best || !later(best, o))) best = o;
  return best;
}

describe('evaluate() picks the value that counts as a direct reading of the observations would', () => {
  it('per org unit and for the whole province, whatever the order of the rows and with observations of other indicators mixed in', () => {
    const p = compilePlan(plan());
    const phase = p.phases.find((x) => x.id === '2019-2020')!;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.constantFrom('2020-12-14', '2020-06-30', '2019-12-31'), fc.nat(), (rows, at, where) => {
        const set = prepareMeasurements(p, rows);
        const obs = set.observations;
        // An observation of an indicator the plan does not have (a set built by hand) changes nothing.
        const foreign: Observation = { indicator: 'not-in-plan', orgUnit: 'so-a', level: 'province', period: '2020Q4', start: '2020-09-15', end: '2020-12-14', value: 1, numerator: undefined, denominator: undefined, evidence: false, row: 0, source: undefined };
        const mixed = { ...set, observations: [...obs.slice(0, where % (obs.length + 1)), foreign, ...obs.slice(where % (obs.length + 1))] };
        const ev = evaluate(p, mixed, { at, phase: '2019-2020' });
        const reversed = evaluate(p, { ...set, observations: [...obs].reverse() }, { at, phase: '2019-2020' });
        const key = (r: TargetResult) => JSON.stringify({ ...r, explanation: r.explanation });
        expect(reversed.results.map(key)).toEqual(ev.results.map(key));

        for (const indicator of p.indicators) {
          for (const t of indicator.targets.filter((x) => x.phase === '2019-2020')) {
            const mine = ev.results.filter((r) => r.target === t.id);
            if (t.scope === 'whole-province') {
              expect(mine).toHaveLength(1);
              const r = mine[0] as TargetResult;
              const own = latest(obs, indicator.id, '98', phase.start, phase.end, at);
              if (own && (t.level === null || t.level === 'province')) {
                expect([r.basis, r.value, r.period]).toEqual([own.evidence ? 'evidence' : 'province-value', own.value, own.period]);
                continue;
              }
              const units = [...new Set(obs.filter((o) => o.indicator === indicator.id && !PROVINCE.has(o.orgUnit)).map((o) => o.orgUnit))];
              const chosen = units
                .map((u) => latest(obs, indicator.id, u, phase.start, phase.end, at, (o) => o.numerator !== undefined && o.denominator !== undefined && (t.level === null || o.level === t.level)))
                .filter((o): o is Observation => o !== null);
              const top = chosen.reduce<Observation | null>((b, o) => (!b || later(o, b) ? o : b), null);
              if (indicator.unit !== 'percent' || !top) {
                expect(r.status).toBe('no-data');
                continue;
              }
              const summed = chosen.filter((o) => o.period === top.period);
              const n = summed.reduce((s, o) => s + (o.numerator as number), 0);
              const d = summed.reduce((s, o) => s + (o.denominator as number), 0);
              expect([r.basis, r.numerator, r.denominator, r.contributors, r.period]).toEqual(['summed-counts', n, d, summed.length, top.period]);
              continue;
            }
            // Per org unit: every unit with observations of the indicator (each-agency: not the
            // province), and for each-unit targets the plan's units of the level, in numeric order.
            const withData = new Set(obs.filter((o) => o.indicator === indicator.id).map((o) => o.orgUnit));
            if (t.scope === 'each-agency') for (const id of PROVINCE) withData.delete(id);
            if (t.scope === 'each-unit') for (const u of p.administrativeUnits) if ((t.level === null || u.level === t.level) && (u.validTo ?? '9999-12-31') >= phase.start) withData.add(u.code);
            expect(mine.map((r) => r.orgUnit)).toEqual([...withData].sort(collator.compare));
            for (const r of mine) {
              const level = UNITS.find(([u]) => u === r.orgUnit)?.[1] ?? null;
              if (t.level !== null && level !== t.level) {
                expect(r.status).toBe('not-applicable');
                continue;
              }
              const o = latest(obs, indicator.id, r.orgUnit, phase.start, phase.end, at);
              if (!o) expect(r.status).toBe('no-data');
              else expect([r.value, r.period, r.numerator, r.denominator]).toEqual([o.value, o.period, o.numerator ?? null, o.denominator ?? null]);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
