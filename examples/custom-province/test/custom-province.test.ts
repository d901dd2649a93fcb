import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledPlan, evaluate, parseMeasurementsCsv, targetTimelines, type TargetResult } from '@egov-plan/rules';
import { loadPlanSync } from '@egov-plan/rules/node';

// Tỉnh Mẫu (a fictitious province) extends Resolution 17/NQ-CP: it raises the each-agency
// online-dossier target from 20% to 25%, raises e-identification to 50% from 2023-01-01, and adds
// a district-level target for 2021–2025. Expected values below come from tinh-mau.json and
// measurements.csv.

const here = fileURLToPath(new URL('../', import.meta.url));
const plan = loadPlanSync('tinh-mau.json', { cwd: here });
const measurements = parseMeasurementsCsv(plan, readFileSync(`${here}measurements.csv`, 'utf8'), { file: 'measurements.csv' });
const result = (at: string, target: string, orgUnit?: string): TargetResult => {
  const found = evaluate(plan, measurements, { at }).results.filter((r) => r.target === target && (orgUnit === undefined || r.orgUnit === orgUnit));
  expect(found).toHaveLength(1);
  return found[0] as TargetResult;
};

describe('Tỉnh Mẫu extends Resolution 17/NQ-CP', () => {
  it('inherits every target of the resolution and adds one', () => {
    const base = (bundledPlan('vn-nq17-2019')?.indicators ?? []).flatMap((i) => i.targets.map((t) => t.id));
    const mine = plan.indicators.flatMap((i) => i.targets.map((t) => t.id));
    expect(mine).toEqual(expect.arrayContaining(base));
    expect(mine.filter((id) => !base.includes(id))).toEqual(['online-dossier-rate.2021-2025.district']);
  });

  it('its measurements file has no bad rows', () => {
    expect(measurements.issues).toEqual([]);
    expect(measurements.observations).toHaveLength(12);
  });

  it('an agency at 22% fails the province’s 25% target, although it meets the resolution’s 20%', () => {
    const r = result('2020-12-14', 'online-dossier-rate.2019-2020', 'so-tu-phap-mau');
    expect(r).toMatchObject({ status: 'not-met', value: 22, targetValue: 25, gap: -3 });
    // The quote given is the province's, which set the 25%.
    expect(r.source.quote).toBe('tỷ lệ hồ sơ được giải quyết trực tuyến của từng cơ quan, đơn vị đạt từ 25% trở lên');
    expect(result('2020-12-14', 'online-dossier-rate.2019-2020', 'so-tttt-mau')).toMatchObject({ status: 'met', value: 27, period: '2020Q4' });
    // Đồi district gave only counts: 120 / 400 = 30%.
    expect(result('2020-12-14', 'online-dossier-rate.2019-2020', '991')).toMatchObject({ status: 'met', value: 30 });
  });

  it('from 2023-01-01 e-identification must reach 50% instead of 40%', () => {
    expect(result('2022-12-14', 'e-identification.2021-2025')).toMatchObject({ status: 'met', value: 45, targetValue: 40, orgUnit: '99' });
    expect(result('2023-03-14', 'e-identification.2021-2025')).toMatchObject({ status: 'not-met', value: 47, targetValue: 50, effectiveFrom: '2023-01-01' });
  });

  it('the added district target judges each district, and no other level', () => {
    const byUnit = Object.fromEntries(
      evaluate(plan, measurements, { at: '2022-12-14' })
        .results.filter((r) => r.target === 'online-dossier-rate.2021-2025.district')
        .map((r) => [r.orgUnit, r.status]),
    );
    expect(byUnit).toEqual({ '990': 'met', '991': 'not-met', '992': 'no-data', 'so-tttt-mau': 'not-applicable', 'so-tu-phap-mau': 'not-applicable' });
  });

  it('a whole-province percentage is summed counts over summed counts', () => {
    // (3 + 2) / (5 + 5) = 50% against "≥ 50%".
    expect(result('2020-12-14', 'portals-mobile-interface.2019-2020')).toMatchObject({ status: 'met', value: 50, numerator: 5, denominator: 10, basis: 'summed-counts' });
  });

  it('each overridden value knows where it came from and what it replaced', () => {
    expect(targetTimelines(plan).get('online-dossier-rate.2019-2020')?.steps.map((s) => [s.action, s.file, s.effectiveFrom, s.changes])).toEqual([
      ['defined', 'vn-nq17-2019', null, []],
      [
        'overridden',
        'tinh-mau.json',
        null,
        [
          { field: 'value', from: 20, to: 25 },
          { field: 'wording', from: null, to: 'từ … trở lên' },
        ],
      ],
    ]);
  });
});
