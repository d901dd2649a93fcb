import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEgovPlanError, type Plan, type PlanInput } from '@egov-plan/core';
import { DEFAULT_MAX_RESULTS, evaluate, parseMeasurementsCsv, progress } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { csv, testPlan } from '@egov-plan/test-utils';

// The work budget: an evaluation judges at most `maxResults` target × org unit results, and a plan
// whose each-unit targets times its units alone exceed it is refused when it is read.

function plan(input: PlanInput = testPlan()): Plan {
  const r = validatePlanValue(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value;
}

const codesOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (isEgovPlanError(e)) return e.issues.map((i) => i.code);
    throw e;
  }
  return [];
};

const rows = csv('online-rate,so-a,,2020Q4,19,190,1000', 'online-rate,so-b,,2020Q4,40,400,1000');

describe('the evaluation work budget (maxResults)', () => {
  it('an evaluation of exactly maxResults results runs; one more is rules.too_many_results', () => {
    const p = plan();
    const set = parseMeasurementsCsv(p, rows);
    const all = evaluate(p, set, { at: '2020-12-31' });
    const n = all.results.length;
    expect(n).toBeGreaterThan(3);
    expect(evaluate(p, set, { at: '2020-12-31', maxResults: n }).results).toHaveLength(n);
    expect(codesOf(() => evaluate(p, set, { at: '2020-12-31', maxResults: n - 1 }))).toEqual(['rules.too_many_results']);
    expect(codesOf(() => progress(p, set, { at: '2020-12-31', maxResults: 1 }))).toEqual(['rules.too_many_results']);
  });

  it('the message names the limit and how to raise it, in both languages', () => {
    const p = plan();
    try {
      evaluate(p, parseMeasurementsCsv(p, rows), { at: '2020-12-31', maxResults: 2 });
      expect.unreachable();
    } catch (e) {
      if (!isEgovPlanError(e)) throw e;
      expect(e.issues[0]?.message.en).toMatch(/over the limit of 2: .*--max-results/u);
      expect(e.issues[0]?.message.vi).toMatch(/quá giới hạn 2/u);
    }
  });

  it('maxResults that is not a positive integer is usage.invalid_option', () => {
    const p = plan();
    for (const bad of [0, -1, 1.5, '10']) expect(codesOf(() => evaluate(p, [], { maxResults: bad as number }))).toEqual(['usage.invalid_option']);
  });

  it('the default admits the national quarter of the benchmarks (336,546 verdicts)', () => {
    expect(DEFAULT_MAX_RESULTS).toBeGreaterThanOrEqual(336_546);
  });

  it('a plan whose each-unit targets times its units exceed the budget is refused when read, before any measurement', () => {
    const input = testPlan();
    const districts = Array.from({ length: 50 }, (_, i) => ({
      code: String(9900 + i),
      name: { vi: `Huyện ${i}`, en: `District ${i}` },
      level: 'district' as const,
      parent: '98',
      validFrom: null,
      validTo: null,
      successors: [],
      confidence: 'unconfirmed' as const,
      source: 'test',
    }));
    input.administrativeUnits = [...input.administrativeUnits, ...districts];
    // One each-unit district target × 52 districts.
    const at = (maxResults: number) => validatePlanValue(input, { limits: { maxResults } });
    expect(at(52).ok).toBe(true);
    const r = at(51);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([['rules.too_many_results', '/indicators']]);
    expect(r.issues[0]?.message.en).toContain('give 52 results, over the limit of 51');
  });

  it('a district that ceases mid-phase and the one that replaces it are not counted together', () => {
    // 980 and 981 throughout; 982 until 2020-06-30, 983 from 2020-07-01 (as a merger would): on
    // every date three districts are owed a result of the each-unit district target, never four.
    const input = testPlan();
    const district = (code: string, validFrom: string | null, validTo: string | null) => ({
      code, name: { vi: `Huyện ${code}`, en: `District ${code}` }, level: 'district' as const, parent: '98', validFrom, validTo, successors: [], confidence: 'unconfirmed' as const, source: 'test',
    });
    input.administrativeUnits = [...input.administrativeUnits, district('982', null, '2020-06-30'), district('983', '2020-07-01', null)];
    const p = plan(input);
    for (const at of ['2019-06-30', '2020-06-30', '2020-07-01', '2020-12-31']) {
      expect(evaluate(p, [], { at, phase: ['2019-2020', '2021-2025'] }).results.filter((r) => r.target === 'online-rate.district')).toHaveLength(3);
    }
    expect(validatePlanValue(input, { limits: { maxResults: 3 } }).ok).toBe(true);
    const r = validatePlanValue(input, { limits: { maxResults: 2 } });
    expect(r.issues[0]?.message.en).toContain('give 3 results, over the limit of 2');
  });

  it('a dated withdrawal of a unit counts, as in evaluation: the unit is not owed a result after it', () => {
    const input = testPlan();
    input.administrativeUnits = [
      ...input.administrativeUnits,
      { code: '983', name: { vi: 'Huyện Mới', en: 'New district' }, level: 'district', parent: '98', validFrom: '2020-07-01', validTo: null, successors: [], confidence: 'unconfirmed', source: 'test' },
    ];
    (input as { itemWithdrawals?: unknown }).itemWithdrawals = [{ kind: 'administrativeUnits', id: '981', effectiveFrom: '2020-07-01', source: { section: 'NQ 1', quote: 'nhập huyện Hai vào huyện Mới' } }];
    expect(validatePlanValue(input, { limits: { maxResults: 2 } }).ok).toBe(true);
    expect(validatePlanValue(input, { limits: { maxResults: 1 } }).issues[0]?.message.en).toContain('give 2 results');
  });

  it('property: a plan is refused when read exactly when some evaluation date owes more each-unit results than the limit', () => {
    // Month starts and month ends of 2018-12 … 2021-01: every date on which a generated unit starts, ends or is withdrawn.
    const months = Array.from({ length: 26 }, (_, i) => {
      const y = 2018 + Math.floor((i + 11) / 12);
      const m = ((i + 11) % 12) + 1;
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return { start: `${y}-${String(m).padStart(2, '0')}-01`, end: `${y}-${String(m).padStart(2, '0')}-${last}` };
    });
    const unit = fc.record({
      from: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
      to: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
      withdrawn: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }), (units) => {
        const input = testPlan();
        const withdrawals: unknown[] = [];
        units.forEach((u, i) => {
          const code = String(9900 + i);
          const validFrom = u.from === null ? null : months[u.from]!.start;
          const validTo = u.to === null || (u.from !== null && u.to < u.from) ? null : months[u.to]!.end;
          input.administrativeUnits.push({ code, name: { vi: `Huyện ${i}`, en: `District ${i}` }, level: 'district', parent: '98', validFrom, validTo, successors: [], confidence: 'unconfirmed', source: 'test' });
          if (u.withdrawn !== null) withdrawals.push({ kind: 'administrativeUnits', id: code, effectiveFrom: months[u.withdrawn]!.start, source: { section: 'NQ', quote: 'bãi bỏ' } });
        });
        if (withdrawals.length) (input as { itemWithdrawals?: unknown }).itemWithdrawals = withdrawals;
        const p = plan(input);
        // The oracle: evaluation itself, with no measurements, of both phases, on every date that matters.
        let most = 0;
        // A date before every generated one too: an evaluation of both phases at any date counts.
        for (const m of [{ start: '2018-11-30', end: '2018-11-30' }, ...months]) {
          for (const at of [m.start, m.end]) {
            const n = evaluate(p, [], { at, phase: ['2019-2020', '2021-2025'] }).results.filter((r) => r.target === 'online-rate.district').length;
            if (n > most) most = n;
          }
        }
        expect(validatePlanValue(input, { limits: { maxResults: Math.max(most, 1) } }).ok).toBe(true);
        if (most > 1) expect(validatePlanValue(input, { limits: { maxResults: most - 1 } }).issues[0]?.message.en).toContain(`give ${most} results`);
      }),
      { numRuns: 60 },
    );
  });

  it('many distinct org units × many indicators (a table past the dense limit) give the same verdicts', () => {
    // 4,100 indicators × 4,100 org units: 16.8 M cells, held sparsely; 4,100 rows.
    const input = testPlan();
    const n = 4100;
    input.indicators = Array.from({ length: n }, (_, i) => ({
      id: `ind-${i}`,
      statement: { vi: `Chỉ số ${i}`, en: `Indicator ${i}` },
      kind: 'quantitative' as const,
      unit: 'percent' as const,
      direction: 'increase' as const,
      source: { section: 'I.2.a', quote: `chỉ số ${i}` },
      targets: [{ id: `ind-${i}.province`, kind: 'quantitative' as const, phase: '2019-2020', level: null, scope: 'whole-province' as const, comparator: 'gte' as const, value: 50, unit: 'percent' as const, source: { section: 'I.2.a', quote: `chỉ số ${i}` } }],
    }));
    const p = plan(input);
    const lines = Array.from({ length: n }, (_, i) => `ind-${i},u-${i},district,2020Q4,${i % 100},${i % 100},100`);
    const set = parseMeasurementsCsv(p, csv(...lines));
    // Every row is kept; the districts the plan does not list are named in 20 warnings and the rest counted in one.
    expect(set.observations).toHaveLength(n);
    expect(set.issues.map((i) => [i.code, i.severity])).toEqual(Array(21).fill(['measurement.unknown_org_unit', 'warning']));
    expect(set.issues[20]?.message.en).toMatch(/^… and 4080 more row\(s\) name org units/u);
    const ev = evaluate(p, set, { at: '2020-12-31' });
    expect(ev.results).toHaveLength(n);
    const wrong = ev.results.filter((r) => r.status !== (Number(r.indicator.slice(4)) % 100 >= 50 ? 'met' : 'not-met'));
    expect(wrong).toEqual([]);
    expect(ev.summary).toEqual({ met: 2050, 'not-met': 2050, 'no-data': 0, 'not-applicable': 0 });
  });
});
