// The synthetic national quarter of the benchmarks (made-up figures): 2020Q4 for 63 provinces ×
// (1 province + 20 departments + 11 districts + 150 communes), every indicator of the Kon Tum
// plan's 2019–2020 phase at each unit's level — 336,546 measurement records.
import type { AdministrativeLevel, MeasurementRecord, Plan } from '../../packages/core/src/index.js';

/** The quarter's reporting period. */
export const QUARTER = { period: '2020Q4', start: '2020-09-15', end: '2020-12-14' } as const;

/** The seed every benchmark's national quarter starts from, so they all draw the same figures. */
export const QUARTER_SEED = 0x2020_0004;

/** A xorshift32 generator of numbers in [0, 1): the same sequence for the same seed. */
export function xorshift(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** The records of the national quarter for `plan` (the Kon Tum plan), in a fixed pseudo-random order of values. */
export function* nationalQuarter(plan: Plan): Generator<MeasurementRecord> {
  const rnd = xorshift(QUARTER_SEED);
  const byLevel = new Map<AdministrativeLevel, { id: string; unit: string }[]>();
  for (const level of ['province', 'district', 'commune'] as const) {
    byLevel.set(level, plan.indicators.filter((i) => i.targets.some((t) => t.phase === '2019-2020' && (t.level === null || t.level === level))).map((i) => ({ id: i.id, unit: i.unit })));
  }
  let row = 2;
  for (let p = 0; p < 63; p++) {
    const units: [string, AdministrativeLevel][] = [[`${p}`, 'province']];
    for (let i = 0; i < 20; i++) units.push([`${p}-so-${i}`, 'province']);
    for (let i = 0; i < 11; i++) units.push([`${p}-h-${i}`, 'district']);
    for (let i = 0; i < 150; i++) units.push([`${p}-x-${i}`, 'commune']);
    for (const [orgUnit, level] of units) {
      for (const ind of byLevel.get(level) ?? []) {
        let value: number | boolean;
        let numerator: number | null = null;
        let denominator: number | null = null;
        if (ind.unit === 'boolean') value = rnd() < 0.6;
        else if (ind.unit === 'percent') {
          denominator = 50 + Math.floor(rnd() * 950);
          numerator = Math.floor(rnd() * (denominator + 1));
          value = Math.round((numerator / denominator) * 1e6) / 1e4;
        } else value = Math.floor(rnd() * 40);
        yield { indicator: ind.id, orgUnit, level, ...QUARTER, value, numerator, denominator, evidence: false, sheet: null, row: row++ };
      }
    }
  }
}
