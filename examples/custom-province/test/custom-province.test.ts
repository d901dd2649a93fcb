import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledPlan, deadlinesFor, evaluate, itemPlan, parseMeasurementsCsv, targetTimelines, upcomingDeadlines, type TargetResult } from '@egov-plan/rules';
import { loadPlanSync } from '@egov-plan/rules/node';

// Tỉnh Mẫu (a fictitious province) extends Resolution 17/NQ-CP and, without its agencies and
// units, Kon Tum's plan 1102/KH-UBND: it raises the each-agency online-dossier target from 20% to
// 25%, raises e-identification to 50% from 2023-01-01, adds a district-level and a commune-level
// target for 2021–2025, withdraws one target from 2024, has its own bodies report Kon Tum's
// quarterly reports and gives them until the 18th from 2024. Expected values below come from
// tinh-mau.json, measurements.csv and the two bundled data files.

const here = fileURLToPath(new URL('../', import.meta.url));
const plan = loadPlanSync('tinh-mau.json', { cwd: here });
const measurements = parseMeasurementsCsv(plan, readFileSync(`${here}measurements.csv`, 'utf8'), { file: 'measurements.csv' });
const result = (at: string, target: string, orgUnit?: string): TargetResult => {
  const found = evaluate(plan, measurements, { at }).results.filter((r) => r.target === target && (orgUnit === undefined || r.orgUnit === orgUnit));
  expect(found).toHaveLength(1);
  return found[0] as TargetResult;
};

describe('Tỉnh Mẫu extends Resolution 17/NQ-CP', () => {
  it('inherits every target of both plans and adds two', () => {
    const ids = (p: { indicators: { targets: { id: string }[] }[] }) => p.indicators.flatMap((i) => i.targets.map((t) => t.id));
    const base = [...new Set([...ids(bundledPlan('vn-nq17-2019')), ...ids(bundledPlan('kontum-1102-2019'))])];
    const mine = ids(plan);
    expect(mine).toEqual(expect.arrayContaining(base));
    expect(mine.filter((id) => !base.includes(id))).toEqual(['online-dossier-rate.2021-2025.district', 'data-not-requested-again.2021-2025.commune']);
  });

  it('has its own agencies and units, none of Kon Tum’s', () => {
    expect(plan.administrativeUnits.map((u) => u.code)).toEqual(['99', '990', '991', '992', '99001', '99101']);
    expect(plan.agencies.map((a) => a.id)).not.toContain('so-tttt');
    expect(plan.tasks).toEqual([]);
  });

  it('its measurements file has no bad rows', () => {
    expect(measurements.issues).toEqual([]);
    expect(measurements.observations).toHaveLength(14);
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
      // Both plans define it alike; the later base, Kon Tum's, gives the words.
      ['defined', 'kontum-1102-2019', null, []],
      [
        'overridden',
        'tinh-mau.json',
        null,
        [
          { field: 'value', from: 20, to: 25 },
          { field: 'wording', from: 'đạt từ … trở lên', to: 'từ … trở lên' },
        ],
      ],
    ]);
  });

  it('judges the commune target for each commune, qualitatively', () => {
    expect(result('2024-12-14', 'data-not-requested-again.2021-2025.commune', '99001')).toMatchObject({ status: 'met', value: true });
    expect(result('2024-12-14', 'data-not-requested-again.2021-2025.commune', '99101')).toMatchObject({ status: 'not-met', value: false });
  });

  it('a withdrawn target is judged before its date and not after', () => {
    const judged = (at: string) => evaluate(plan, measurements, { at }).results.some((r) => r.target === 'periodic-reports-online.2021-2025');
    expect(judged('2023-12-14')).toBe(true);
    expect(judged('2024-03-14')).toBe(false);
  });

  it('Kon Tum’s quarterly report is sent by Mẫu’s bodies, due before the 17th until 2023 and by the 18th from 2024', () => {
    const report = (period: string) => deadlinesFor(plan, period).find((d) => d.obligation === 'quarterly-report-agencies');
    // 2023Q4: "trước ngày 17": Saturday 16 Dec 2023, rolled over to Monday 18 Dec. 2024Q1: "chậm nhất vào ngày 18": Monday 18 Mar 2024.
    expect(report('2023Q4')).toMatchObject({ due: '2023-12-18', nominalDue: '2023-12-16', wording: 'trước ngày 17 của tháng cuối quý', reporters: ['cac-so-ban-nganh-mau', 'ubnd-cac-huyen-mau'], recipients: ['so-tttt-mau'] });
    expect(report('2024Q1')).toMatchObject({ due: '2024-03-18', wording: 'chậm nhất vào ngày 18 của tháng cuối quý' });
    // Cited with the plan each version comes from.
    const d23 = report('2023Q4');
    const d24 = report('2024Q1');
    expect(d23 && itemPlan(plan, 'reportingObligations', d23.obligation, d23.source).number).toBe('1102/KH-UBND');
    expect(d24 && itemPlan(plan, 'reportingObligations', d24.obligation, d24.source).number).toBe('99/KH-UBND');
  });

  it('owes none of the Kon Tum reports it withdrew', () => {
    expect(plan.reportingObligations.map((o) => o.id)).toEqual(['quarterly-report-agencies', 'quarterly-report-province-to-government']);
    expect(upcomingDeadlines(plan, '2024-03-01').map((d) => [d.obligation, d.due])).toEqual([
      ['quarterly-report-agencies', '2024-03-18'],
      ['quarterly-report-province-to-government', '2024-03-20'],
    ]);
  });
});
