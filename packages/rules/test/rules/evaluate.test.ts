import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import { evaluate, parseMeasurementsCsv, phasesAt, type TargetResult } from '../../src/index.js';
import { evaluateWithReference } from '../../src/reference.js';
import { validatePlanValue } from '../../src/node.js';
import { csv, testPlan } from '@egov-plan/test-utils';

function plan(): Plan {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value;
}

const run = (p: Plan, text: string, options: { at?: string; phase?: string } = {}) => {
  const set = parseMeasurementsCsv(p, text);
  expect(set.issues).toEqual([]);
  return evaluate(p, set, options);
};
const find = (results: readonly TargetResult[], target: string, orgUnit?: string) => {
  const r = results.filter((x) => x.target === target && (orgUnit === undefined || x.orgUnit === orgUnit));
  expect(r).toHaveLength(1);
  return r[0] as TargetResult;
};

describe('each-agency and whole-province targets', () => {
  it('a 19% agency fails a 20% each-agency target even when the province total passes', () => {
    const ev = run(plan(), csv('online-rate,so-a,,2020Q4,19,190,1000', 'online-rate,so-b,,2020Q4,40,400,1000'));
    const a = find(ev.results, 'online-rate.each', 'so-a');
    expect(a).toMatchObject({ status: 'not-met', value: 19, targetValue: 20, gap: -1, period: '2020Q4', periodEnd: '2020-12-14', basis: 'measurement' });
    expect(find(ev.results, 'online-rate.each', 'so-b').status).toBe('met');
    // 590 / 2000 = 29.5%
    expect(find(ev.results, 'online-rate.province')).toMatchObject({ status: 'met', value: 29.5, numerator: 590, denominator: 2000, contributors: 2, basis: 'summed-counts', orgUnit: '98' });
  });

  it('the province ratio is summed numerators over summed denominators, never the mean of percentages', () => {
    // Mean of 90% and 5% is 47.5% (would pass 20%); 140 / 1100 = 12.727…% does not.
    const ev = run(plan(), csv('online-rate,so-a,,2020Q4,90,90,100', 'online-rate,so-b,,2020Q4,5,50,1000'));
    const p = find(ev.results, 'online-rate.province');
    expect(p.status).toBe('not-met');
    expect(p.value).toBeCloseTo((140 / 1100) * 100, 5);
    expect(p.explanation.en).toContain('summed numerators 140 / summed denominators 1100 of 2 org units');
    expect(p.explanation.vi).toContain('tổng tử số 140 / tổng mẫu số 1100');
  });

  it("the province's own value counts before the agencies' counts", () => {
    const ev = run(plan(), csv('online-rate,98,,2020Q4,15,,', 'online-rate,so-a,,2020Q4,40,400,1000'));
    expect(find(ev.results, 'online-rate.province')).toMatchObject({ status: 'not-met', value: 15, basis: 'province-value', orgUnit: '98' });
    // The province itself is not one of the agencies an each-agency target judges.
    expect(ev.results.filter((r) => r.target === 'online-rate.each').map((r) => r.orgUnit)).toEqual(['so-a']);
  });

  it('a whole-province target without the province value or counts has no data', () => {
    const ev = run(plan(), csv('online-rate,so-a,,2020Q4,40,,'));
    const p = find(ev.results, 'online-rate.province');
    expect(p).toMatchObject({ status: 'no-data', value: null, gap: null });
    expect(p.explanation.en).toContain('no numerators/denominators');
  });

  it('only the latest period with counts is summed (agencies of older periods are left out)', () => {
    const ev = run(plan(), csv('online-rate,so-a,,2020Q3,10,10,100', 'online-rate,so-b,,2020Q4,30,30,100'));
    expect(find(ev.results, 'online-rate.province')).toMatchObject({ value: 30, contributors: 1, period: '2020Q4' });
  });
});

describe('levels', () => {
  it('a district-level target is not applicable to org units of other levels, and lists every district of the plan', () => {
    const ev = run(plan(), csv('online-rate,980,,2020Q4,35,,', 'online-rate,so-a,,2020Q4,50,,', 'online-rate,98001,,2020Q4,10,,'));
    const byUnit = Object.fromEntries(ev.results.filter((r) => r.target === 'online-rate.district').map((r) => [r.orgUnit, r.status]));
    expect(byUnit).toEqual({ '980': 'met', '981': 'no-data', '98001': 'not-applicable', 'so-a': 'not-applicable' });
    const na = find(ev.results, 'online-rate.district', 'so-a');
    expect(na.explanation.en).toContain('applies to the district level only');
    expect(na.explanation.vi).toContain('chỉ dành cho cấp huyện');
  });

  it('units that ceased to exist in 2025 still evaluate for 2019–2020', () => {
    const ev = run(plan(), csv('online-rate,980,,2020Q4,35,,', 'online-rate,981,,2020Q4,25,,'), { at: '2026-03-14', phase: '2019-2020' });
    expect(find(ev.results, 'online-rate.district', '980').status).toBe('met');
    expect(find(ev.results, 'online-rate.district', '981')).toMatchObject({ status: 'not-met', gap: -5 });
  });
});

describe('which measurement counts', () => {
  const rows = csv('online-rate,so-a,,2020Q2,25,,', 'online-rate,so-a,,2020Q4,15,,', 'online-rate,so-a,,2021Q1,30,,');

  it('the latest measurement whose period ends within the phase and on or before the date', () => {
    expect(find(run(plan(), rows, { at: '2020-09-14' }).results, 'online-rate.each', 'so-a')).toMatchObject({ status: 'met', value: 25, period: '2020Q2' });
    expect(find(run(plan(), rows, { at: '2020-12-14' }).results, 'online-rate.each', 'so-a')).toMatchObject({ status: 'not-met', value: 15, period: '2020Q4' });
    // 2020Q4 ends on 2020-12-14: the day before, it does not count yet.
    expect(find(run(plan(), rows, { at: '2020-12-13' }).results, 'online-rate.each', 'so-a').period).toBe('2020Q2');
    // After the phase, a period ending outside it never counts for it.
    expect(find(run(plan(), rows, { at: '2021-03-14', phase: '2019-2020' }).results, 'online-rate.each', 'so-a').period).toBe('2020Q4');
  });

  it('without --at, the date is the end of the latest period in the measurements', () => {
    const ev = run(plan(), csv('online-rate,so-a,,2020Q3,25,,', 'online-rate,so-b,,2020M05,25,,'));
    expect(ev.at).toBe('2020-09-14');
    expect(ev.phases).toEqual(['2019-2020']);
  });

  it('the phases judged are those containing the date, else the latest that has begun', () => {
    const p = plan();
    expect(phasesAt(p, '2020-06-01').map((x) => x.id)).toEqual(['2019-2020']);
    expect(phasesAt(p, '2021-06-01').map((x) => x.id)).toEqual(['2021-2025']);
    expect(phasesAt(p, '2026-01-10').map((x) => x.id)).toEqual(['2021-2025']);
    expect(phasesAt(p, '2018-06-01')).toEqual([]);
    const ev = run(p, rows, { at: '2021-03-14' });
    expect(ev.phases).toEqual(['2021-2025']);
    expect(ev.results.every((r) => r.phase === '2021-2025')).toBe(true);
  });

  it('no data when the org unit has measurements only outside the window, and the explanation says so', () => {
    const ev = run(plan(), csv('online-rate,so-a,,2021Q1,30,,'), { at: '2021-03-14', phase: '2019-2020' });
    const r = find(ev.results, 'online-rate.each', 'so-a');
    expect(r.status).toBe('no-data');
    expect(r.explanation.en).toContain('period 2021Q1, ending 2021-03-14');
    expect(r.explanation.vi).toContain('nằm ngoài khoảng này');
  });

  it('the explanation is built once, can be replaced, and is not an own field: spread and JSON give the fields, JSON the explanation last', () => {
    const ev = run(plan(), csv('online-rate,so-a,,2020Q4,19,190,1000', 'online-rate,so-b,,2021Q1,30,,'), { at: '2021-03-14', phase: '2019-2020' });
    for (const r of [find(ev.results, 'online-rate.each', 'so-a'), find(ev.results, 'online-rate.each', 'so-b'), find(ev.results, 'online-rate.province')]) {
      const keys = Object.keys(r);
      expect(keys).not.toContain('explanation');
      expect(Object.keys({ ...r })).toEqual(keys);
      const built = r.explanation;
      expect(r.explanation).toBe(built);
      expect(Object.keys(JSON.parse(JSON.stringify(r)))).toEqual([...keys, 'explanation']);
      r.explanation = { vi: 'khác', en: 'other' };
      expect(r.explanation).toEqual({ vi: 'khác', en: 'other' });
      expect((JSON.parse(JSON.stringify(r)) as TargetResult).explanation).toEqual({ vi: 'khác', en: 'other' });
      expect(Object.keys(r)).toEqual(keys);
    }
  });
});

describe('qualitative targets take yes/no or dated evidence', () => {
  const status = (rows: string, at = '2020-12-14') => find(run(plan(), csv(rows), { at, phase: '2019-2020' }).results, 'system-built.2019-2020');

  it('dated evidence counts from its date, even before the phase began', () => {
    expect(status('system-built,98,,,2020-06-30,,')).toMatchObject({ status: 'met', value: true, basis: 'evidence', period: '2020-06-30' });
    expect(status('system-built,98,,,2018-05-01,,').status).toBe('met');
  });

  it('evidence dated after the phase, or after the evaluation date, does not count', () => {
    expect(status('system-built,98,,,2021-02-01,,', '2021-03-14').status).toBe('no-data');
    expect(status('system-built,98,,,2020-12-20,,', '2020-12-14').status).toBe('no-data');
  });

  it('yes/no per period: the latest counts', () => {
    expect(status('system-built,98,,2020Q4,không,,').status).toBe('not-met');
    expect(status(['system-built,98,,2020Q2,có,,', 'system-built,98,,2020Q4,no,,'].join('\n')).status).toBe('not-met');
    expect(status(['system-built,98,,2020Q2,no,,', 'system-built,98,,2020Q4,yes,,'].join('\n')).status).toBe('met');
  });
});

describe('comparators and conditions', () => {
  it('"not more than 10" is met by 10 and not by 12, with the gap in the unit', () => {
    const ev = run(plan(), csv('complaints,so-a,,2020Q4,12,,', 'complaints,so-b,,2020Q4,10,,'));
    expect(find(ev.results, 'complaints.max', 'so-a')).toMatchObject({ status: 'not-met', gap: 2, comparator: 'lte' });
    expect(find(ev.results, 'complaints.max', 'so-b')).toMatchObject({ status: 'met', gap: 0 });
  });

  it("a target's own conditions decide, and the explanation lists each condition's outcome", () => {
    const ev = run(plan(), csv('signed-rate,so-a,,2020Q4,70,35,50', 'signed-rate,so-b,,2020Q4,70,140,200'));
    const a = find(ev.results, 'signed-rate.each', 'so-a');
    expect(a.status).toBe('not-met');
    expect(a.explanation.en).toContain('volume: measurement $.denominator greaterThanInclusive 100 → false (50)');
    expect(find(ev.results, 'signed-rate.each', 'so-b').status).toBe('met');
  });

  it('every result carries the indicator, the target, the org unit as given, the phase, the source quote and the provenance', () => {
    const ev = run(plan(), csv('online-rate,so-a,,2020Q4,19,,'));
    const r = find(ev.results, 'online-rate.each', 'so-a');
    expect(r).toMatchObject({ indicator: 'online-rate', target: 'online-rate.each', orgUnit: 'so-a', phase: '2019-2020', unit: 'percent' });
    expect(r.source.quote).toBe('của từng cơ quan, đơn vị đạt từ 20% trở lên');
    expect(r.provenance).toEqual([expect.objectContaining({ action: 'defined', file: 'tinh-thu-98-2019', pointer: '/indicators/0/targets/0' })]);
    // The explanation is part of the JSON form.
    expect(JSON.parse(JSON.stringify(r)).explanation.vi).toMatch(/^Chưa đạt: so-a \(Sở A\) có giá trị 19%/u);
  });

  it('json-rules-engine gives the same verdicts on the same input', async () => {
    const p = plan();
    const set = parseMeasurementsCsv(
      p,
      csv('online-rate,so-a,,2020Q4,19,190,1000', 'online-rate,so-b,,2020Q4,40,400,1000', 'online-rate,980,,2020Q4,35,,', 'signed-rate,so-a,,2020Q4,70,35,50', 'complaints,so-b,,2020Q4,10,,', 'system-built,98,,,2020-06-30,,'),
    );
    const a = evaluate(p, set);
    const b = await evaluateWithReference(p, set);
    expect(b.evaluator).toBe('reference');
    expect(b.results.map((r) => [r.target, r.orgUnit, r.status])).toEqual(a.results.map((r) => [r.target, r.orgUnit, r.status]));
  });
});

describe('the evaluation date', () => {
  it('must be a real calendar date: 2021-02-29 or 2020-13-01 is usage.invalid_date, 2020-02-29 is fine', () => {
    const p = plan();
    for (const at of ['2021-02-29', '2020-13-01', '2020-04-31', '2020-1-01']) {
      let code: string | undefined;
      try {
        evaluate(p, [], { at });
      } catch (e) {
        code = (e as { issues?: { code: string }[] }).issues?.[0]?.code;
      }
      expect(code, at).toBe('usage.invalid_date');
    }
    expect(evaluate(p, [], { at: '2020-02-29' }).at).toBe('2020-02-29');
  });
});
