import { describe, expect, it } from 'vitest';
import { isEgovPlanError, type Plan } from '@egov-plan/core';
import { bundledPlan, compilePlan, decree09Calendar, deadlinesFor, evaluate, isCompiledPlan, periodLookup, progress, targetTimelines, upcomingDeadlines } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { testPlan } from '@egov-plan/test-utils';

function plan(): Plan {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value;
}

const rows = [{ indicator: 'online-rate', orgUnit: '98', period: '2020Q4', value: 40 }];
const provinceTarget = (p: Plan) => p.indicators[0]!.targets.find((t) => t.id === 'online-rate.province')!;

describe('a plan changed between two evaluations', () => {
  it('a target raised from 20 to 90 after one evaluation is judged against 90', () => {
    const p = plan();
    const first = evaluate(p, rows, { at: '2020-12-14' }).results.find((r) => r.target === 'online-rate.province')!;
    expect(first).toMatchObject({ status: 'met', targetValue: 20, gap: 20 });
    provinceTarget(p).value = 90;
    const second = evaluate(p, rows, { at: '2020-12-14' }).results.find((r) => r.target === 'online-rate.province')!;
    expect(second).toMatchObject({ status: 'not-met', targetValue: 90, gap: -50 });
  });

  it('progress sees the change too', () => {
    const p = plan();
    const before = progress(p, rows, { at: '2020-12-14' }).results.find((r) => r.target === 'online-rate.province')!;
    expect(before.category).toBe('target-achieved');
    provinceTarget(p).value = 90;
    const after = progress(p, rows, { at: '2020-12-14' }).results.find((r) => r.target === 'online-rate.province')!;
    expect(after.category).not.toBe('target-achieved');
    expect(after.targetValue).toBe(90);
  });

  it('a timeline asked for again reflects an override added since', () => {
    const p = plan();
    expect(targetTimelines(p).get('online-rate.province')!.versions).toHaveLength(1);
    p.overrides = [{ target: 'online-rate.province', effectiveFrom: '2020-01-01', set: { value: 25 }, source: provinceTarget(p).source }];
    expect(targetTimelines(p).get('online-rate.province')!.versions.map((v) => v.target.value)).toEqual([20, 25]);
  });

  it('a calendar changed since the last call gives the new periods', () => {
    const p = plan();
    expect(periodLookup(p)('2020Q4')).toMatchObject({ period: { start: '2020-09-15', end: '2020-12-14' } });
    p.calendar = decree09Calendar();
    expect(periodLookup(p)('2020Q4')).toMatchObject({ period: { start: '2020-09-15', end: '2020-12-14' } });
    p.calendar.periodTypes.find((t) => t.type === 'quarter')!.cutOffDay = 20;
    expect(periodLookup(p)('2020Q4')).toMatchObject({ period: { start: '2020-09-21', end: '2020-12-20' } });
  });

  it('a reporting deadline changed between two calls is computed anew', () => {
    const p = structuredClone(bundledPlan('kontum-1102-2019')!);
    const o = p.reportingObligations.find((x) => x.periodType === 'quarter' && x.deadline.kind === 'day-of-month')!;
    const before = deadlinesFor(p, '2020Q1').find((d) => d.obligation === o.id)!;
    (o.deadline as { day: number }).day = 5;
    const after = deadlinesFor(p, '2020Q1').find((d) => d.obligation === o.id)!;
    expect(after.nominalDue).not.toBe(before.nominalDue);
    expect(after.nominalDue?.endsWith('-05') || after.nominalDue?.endsWith('-04')).toBe(true);
  });
});

describe('compilePlan', () => {
  it('gives a frozen copy: changing the original leaves the compiled plan as it was, compiling again sees the change', () => {
    const p = plan();
    const compiled = compilePlan(p);
    expect(isCompiledPlan(compiled)).toBe(true);
    expect(isCompiledPlan(p)).toBe(false);
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.indicators[0]!.targets[0])).toBe(true);
    provinceTarget(p).value = 90;
    const judged = (x: Plan) => evaluate(x, rows, { at: '2020-12-14' }).results.find((r) => r.target === 'online-rate.province')!;
    expect(judged(compiled)).toMatchObject({ status: 'met', targetValue: 20 });
    expect(judged(compilePlan(p))).toMatchObject({ status: 'not-met', targetValue: 90 });
    expect(() => {
      'use strict';
      (provinceTarget(compiled) as { value: number }).value = 1;
    }).toThrow(TypeError);
  });

  it('gives the same verdicts, progress and deadlines as the plain plan', () => {
    const p = plan();
    const compiled = compilePlan(p);
    const many = [...rows, { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q3', value: 10 }, { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19, numerator: 19, denominator: 100 }];
    expect(JSON.stringify(evaluate(compiled, many, { at: '2020-12-14' }))).toBe(JSON.stringify(evaluate(p, many, { at: '2020-12-14' })));
    expect(JSON.stringify(progress(compiled, many, { at: '2020-12-14' }))).toBe(JSON.stringify(progress(p, many, { at: '2020-12-14' })));
    const kontum = bundledPlan('kontum-1102-2019')!;
    const ck = compilePlan(kontum);
    expect(upcomingDeadlines(ck, '2020-03-16')).toEqual(upcomingDeadlines(kontum, '2020-03-16'));
    expect(deadlinesFor(ck, '2021Q2')).toEqual(deadlinesFor(kontum, '2021Q2'));
    expect(JSON.parse(JSON.stringify(ck))).toEqual(JSON.parse(JSON.stringify(kontum)));
  });

  it('returns a compiled plan unchanged', () => {
    const compiled = compilePlan(plan());
    expect(compilePlan(compiled)).toBe(compiled);
  });

  it('a copy of a compiled plan with a change is a plain plan again, judged by its own values', () => {
    const compiled = compilePlan(plan());
    const copy = { ...compiled, id: 'other' };
    expect(isCompiledPlan(copy)).toBe(false);
    expect(evaluate(copy, rows, { at: '2020-12-14' }).plan).toBe('other');
  });

  it('refuses a plan object with an operator "constructor" with a typed error, from compilePlan and from evaluate', () => {
    const p = plan();
    const t = provinceTarget(p);
    t.conditions = { all: [{ fact: 'value', operator: 'constructor' as never, value: 1 }] };
    for (const call of [() => compilePlan(p), () => evaluate(p, rows, { at: '2020-12-14' })]) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(isEgovPlanError(error)).toBe(true);
      expect((error as { issues: { code: string; pointer: string }[] }).issues.some((i) => i.pointer.startsWith('/indicators/0/targets/1/conditions'))).toBe(true);
    }
  });

  it('refuses a plan object with a duplicate target id', () => {
    const p = plan();
    p.indicators[0]!.targets[1]!.id = 'online-rate.each';
    expect(() => compilePlan(p)).toThrow(expect.objectContaining({ name: 'EgovPlanError', code: 'plan.duplicate_id' }));
  });
});
