import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import { PROGRESS_THRESHOLDS, parseMeasurementsCsv, progress, type ProgressResult } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { csv, testPlan } from '@egov-plan/test-utils';

// Expected figures are worked out by hand from the Open SDG formulas:
// t = (2020-06-14 − 2019-12-14) = 183 days = 0.50103 years; T = (2020-12-31 − 2019-12-14) = 383 days
// = 1.04860 years; required CAGR to go from 10 to 20 = 2^(1/1.04860) − 1 = 0.93677.

const plan = (): Plan => {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error('fixture');
  return r.value;
};
const one = (rows: string[], target: string, options: { method?: 'cagr' | 'linear'; at?: string; phase?: string } = {}): ProgressResult => {
  const p = plan();
  const report = progress(p, parseMeasurementsCsv(p, csv(...rows)), { at: '2020-06-14', ...options });
  const found = report.results.filter((r) => r.target === target && r.orgUnit === 'so-a');
  expect(found).toHaveLength(1);
  return found[0] as ProgressResult;
};
const series = (now: number) => ['online-rate,so-a,,2019Q4,10,,', `online-rate,so-a,,2020Q2,${now},,`];

describe('progress: Open SDG compound annual growth', () => {
  it('uses the thresholds of open-sdg/sdg-build: 0.95, 0.6 and 0', () => {
    expect(PROGRESS_THRESHOLDS).toEqual({ substantial: 0.95, moderate: 0.6, limited: 0 });
  });

  it('10 → 14.4 in half a year, 20 needed by the end of 2020: R = 1.07052 / 0.93677 = 1.143, on track', () => {
    const r = one(series(14.4), 'online-rate.each');
    expect(r).toMatchObject({ method: 'cagr', category: 'substantial', status: 'on-track', baseline: { period: '2019Q4', value: 10 }, current: { period: '2020Q2', value: 14.4 }, deadline: '2020-12-31' });
    expect(r.ratio).toBeCloseTo(1.1428, 3);
    expect(r.required).toBeCloseTo(0.93677, 4);
  });

  it('10 → 13: R = 0.68818 / 0.93677 = 0.735, at risk (moderate)', () => {
    const r = one(series(13), 'online-rate.each');
    expect(r).toMatchObject({ category: 'moderate', status: 'at-risk' });
    expect(r.ratio).toBeCloseTo(0.7346, 3);
  });

  it('10 → 12: R = 0.43891 / 0.93677 = 0.469, off track (limited); 10 → 9, deterioration', () => {
    expect(one(series(12), 'online-rate.each')).toMatchObject({ category: 'limited', status: 'off-track' });
    expect(one(series(9), 'online-rate.each')).toMatchObject({ category: 'deterioration', status: 'off-track' });
  });

  it('a value already meeting the target is "target achieved"', () => {
    expect(one(series(21), 'online-rate.each')).toMatchObject({ category: 'target-achieved', status: 'on-track' });
  });

  it('a "not more than" target progresses downwards: 20 → 15 towards 10 gives R = 0.4368 / 0.4837 = 0.903', () => {
    const r = one(['complaints,so-a,,2019Q4,20,,', 'complaints,so-a,,2020Q2,15,,'], 'complaints.max');
    expect(r).toMatchObject({ category: 'moderate', status: 'at-risk' });
    expect(r.ratio).toBeCloseTo(0.9031, 3);
  });

  it('compound growth from 0 is undefined: the linear method is used and named', () => {
    const r = one(['online-rate,so-a,,2019Q4,0,,', 'online-rate,so-a,,2020Q2,8,,'], 'online-rate.each');
    expect(r.method).toBe('linear');
    expect(r.explanation.en).toContain('the linear method was used');
  });

  it('one measurement is not a series: not available', () => {
    expect(one(['online-rate,so-a,,2020Q2,12,,'], 'online-rate.each')).toMatchObject({ category: 'not-available', status: 'not-available', ratio: null });
  });
});

describe('progress: linear alternative', () => {
  it('10 → 13: 5.988 a year observed against 9.537 needed, R = 0.628, projected 16.28 at the deadline', () => {
    const r = one(series(13), 'online-rate.each', { method: 'linear' });
    expect(r).toMatchObject({ method: 'linear', category: 'moderate', status: 'at-risk' });
    expect(r.ratio).toBeCloseTo(0.6279, 3);
    expect(r.projected).toBeCloseTo(16.279, 2);
    expect(r.explanation.en).toContain('linear method');
  });
});

describe('progress at and after the deadline', () => {
  it('a phase that ended without the target is off track', () => {
    const r = one([...series(14), 'online-rate,so-a,,2020Q4,16,,'], 'online-rate.each', { at: '2021-01-10', phase: '2019-2020' });
    expect(r).toMatchObject({ category: 'not-achieved', status: 'off-track' });
  });

  it('qualitative targets are achieved or not yet assessable', () => {
    const p = plan();
    const achieved = progress(p, parseMeasurementsCsv(p, csv('system-built,98,,,2020-03-01,,')), { at: '2020-06-14' }).results.find((r) => r.target === 'system-built.2019-2020');
    expect(achieved).toMatchObject({ category: 'target-achieved', status: 'on-track' });
    const notYet = progress(p, parseMeasurementsCsv(p, csv('system-built,98,,2020Q2,không,,')), { at: '2020-06-14' }).results.find((r) => r.target === 'system-built.2019-2020');
    expect(notYet).toMatchObject({ category: 'not-available' });
  });
});
