import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasurementInput, Plan, TargetResult } from '@egov-plan/core';
import { bundledPlan, compilePlan, evaluate } from '../../src/index.js';
import { loadPlanSync } from '../../src/node.js';
import { emptyRuleFile, tempDirWith } from '@egov-plan/test-utils';

// Dated changes to administrative units and agencies reach evaluation: the coverage of a level's
// roll-up and the units judged one by one take the plan's units in force on the evaluation date,
// not the resolved plan's list. Kon Tum's district codes are read from its bundled file.

const quote = (q: string) => ({ section: 'QĐ 5/QĐ-UBND', quote: q });
const DISTRICT_TARGET = 'online-work-files.2021-2025.district';
const EACH_AGENCY_TARGET = 'online-dossier-rate.2019-2020';

/** Kon Tum's plan with district 610 withdrawn (merged) and a new district 699 from 2024-07-01, and Sở Y tế withdrawn from 2020-07-01. */
function mergedPlan(): Plan {
  const file = emptyRuleFile({
    extends: ['kontum-1102-2019'],
    administrativeUnits: [
      { code: '699', name: { vi: 'Huyện Mới', en: 'New District' }, level: 'district', parent: '62', validFrom: '2024-07-01', validTo: null, successors: [], confidence: 'unconfirmed', source: 'QĐ 5/QĐ-UBND' },
    ],
    itemWithdrawals: [
      { kind: 'administrativeUnits', id: '610', effectiveFrom: '2024-07-01', source: quote('nhập huyện 610 vào huyện 699 từ ngày 01/7/2024') },
      { kind: 'agencies', id: 'so-y-te', effectiveFrom: '2020-07-01', source: quote('Sở Y tế thôi tham gia từ ngày 01/7/2020') },
    ],
  });
  return compilePlan(loadPlanSync('p.json', { cwd: tempDirWith({ 'p.json': file }) }));
}

const rows: MeasurementInput[] = [
  { indicator: 'online-work-files', orgUnit: '608', period: '2024Q2', numerator: 90, denominator: 100 },
  { indicator: 'online-work-files', orgUnit: '610', period: '2024Q2', numerator: 50, denominator: 100 },
];
const headline = (results: readonly TargetResult[], target: string) => results.find((r) => r.target === target && r.headline) as TargetResult;
const unitResult = (results: readonly TargetResult[], target: string, orgUnit: string) => results.find((r) => r.target === target && r.orgUnit === orgUnit && (r.scope !== 'whole-province' || !r.headline));

describe('dated unit changes reach the roll-up and the units judged', () => {
  const plan = mergedPlan();

  it('before the merger (2024-06-30) district 610 is a known unit and its counts are summed; 699 is not yet known', () => {
    const ev = evaluate(plan, rows, { at: '2024-06-30' });
    const r = headline(ev.results, DISTRICT_TARGET);
    expect(r.rollUp?.coverage).toMatchObject({ level: 'district', known: 10, reported: 2 });
    expect(r.rollUp?.coverage?.missing).toContain('611');
    expect(r.rollUp?.coverage?.missing).not.toContain('699');
    expect(r.rollUp?.summed.map((s) => s.orgUnit)).toEqual(['608', '610']);
    expect(r).toMatchObject({ status: 'not-met', value: 70 });
    expect(unitResult(ev.results, DISTRICT_TARGET, '610')).toMatchObject({ status: 'not-met', value: 50 });
  });

  it('after it (2024-09-30) 610 is neither known nor summed, its value is named as left out, and 699 is known and missing', () => {
    const ev = evaluate(plan, rows, { at: '2024-09-30' });
    const r = headline(ev.results, DISTRICT_TARGET);
    expect(r.rollUp?.coverage).toMatchObject({ level: 'district', known: 10, reported: 1 });
    expect(r.rollUp?.coverage?.missing).toContain('699');
    expect(r.rollUp?.coverage?.missing).not.toContain('610');
    expect(r.rollUp?.summed.map((s) => s.orgUnit)).toEqual(['608']);
    expect(r.rollUp?.leftOut).toEqual([{ orgUnit: '610', period: '2024Q2', value: 50, numerator: 50, denominator: 100, reason: 'not-in-force' }]);
    expect(r).toMatchObject({ status: 'met', value: 90 });
    expect(r.explanation.vi).toContain('đơn vị không có hiệu lực vào ngày đánh giá');
    // 610's own result says why it is not judged, with the date, the withdrawal's section and the value received.
    const own = unitResult(ev.results, DISTRICT_TARGET, '610') as TargetResult;
    expect(own).toMatchObject({ status: 'not-applicable', value: null, headline: false });
    expect(own.explanation.vi).toBe(
      'Không áp dụng: 610 (Huyện Đắk Glei) không có hiệu lực vào ngày 2024-09-30 (bãi bỏ khỏi kế hoạch từ ngày 2024-07-01 (QĐ 5/QĐ-UBND)), nên không xét chỉ tiêu ≥ 80% (toàn tỉnh, cấp huyện, giai đoạn 2021-2025). Giá trị đã nhận (kỳ 2024Q2: 50%) không được xét.',
    );
    expect(own.explanation.en).toContain('is not in force on 2024-09-30 (withdrawn from the plan from 2024-07-01 (QĐ 5/QĐ-UBND))');
  });

  it('after the end of the district level (2025-07-01) the coverage knows only the unit still in force', () => {
    const ev = evaluate(plan, [], { at: '2025-09-30' });
    expect(headline(ev.results, DISTRICT_TARGET).rollUp?.coverage).toMatchObject({ known: 1, missing: ['699'] });
  });

  it('an agency withdrawn from a date is judged on an each-agency target before it, and not after', () => {
    const agencyRows: MeasurementInput[] = [{ indicator: 'online-dossier-rate', orgUnit: 'so-y-te', period: '2020Q1', value: 10 }];
    const before = evaluate(plan, agencyRows, { at: '2020-06-30' });
    expect(unitResult(before.results, EACH_AGENCY_TARGET, 'so-y-te')).toMatchObject({ status: 'not-met', value: 10 });
    const after = evaluate(plan, agencyRows, { at: '2020-09-30' });
    const r = unitResult(after.results, EACH_AGENCY_TARGET, 'so-y-te') as TargetResult;
    expect(r).toMatchObject({ status: 'not-applicable', value: null });
    expect(r.explanation.en).toContain('withdrawn from the plan from 2020-07-01');
    expect(r.explanation.en).toContain('The value received (period 2020Q1: 10%) is not judged.');
  });
});

describe('law: the coverage never knows a unit the plan does not have in force on the evaluation date', () => {
  const plan = mergedPlan();
  const districts = ['608', '610', '611', '612', '699'];
  it('for any evaluation date and any reports', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2021, 3, 1), max: Date.UTC(2025, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10)),
        fc.subarray(districts),
        (at, reporting) => {
          const ms: MeasurementInput[] = reporting.map((orgUnit) => ({ indicator: 'online-work-files', orgUnit, period: '2021Q1', numerator: 1, denominator: 2 }));
          const r = headline(evaluate(plan, ms, { at }).results, DISTRICT_TARGET);
          const c = r.rollUp?.coverage;
          if (!c) return;
          const known = new Set(c.missing);
          // Units in force on `at`, read from the rule file and Kon Tum's data: 610 until 2024-06-30, 699 from 2024-07-01, the others until 2025-06-30.
          const inForce = (u: string) => (u === '610' ? at < '2024-07-01' : u === '699' ? at >= '2024-07-01' : at <= '2025-06-30');
          for (const u of known) expect(inForce(u)).toBe(true);
          for (const s of r.rollUp?.summed ?? []) expect(inForce(s.orgUnit)).toBe(true);
          // Every report (all in the window: 2021Q1 ended before `at`) of a unit not in force is named as left out.
          for (const u of reporting) if (!inForce(u)) expect(r.rollUp?.leftOut.map((x) => x.orgUnit)).toContain(u);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a level whose units have all ceased', () => {
  it("Kon Tum's district roll-up after 2025-06-30 says none of its ten district units is in force, not that the plan lists none", () => {
    const plan = compilePlan(bundledPlan('kontum-1102-2019') as Plan);
    const r = headline(evaluate(plan, [], { at: '2025-09-30' }).results, DISTRICT_TARGET);
    expect(r.rollUp?.coverage).toMatchObject({ level: 'district', known: 0, reported: 0 });
    expect(r.explanation.en).toContain('Coverage: none of the 10 district-level units the plan lists is in force on 2025-09-30 (');
    expect(r.explanation.en).toContain('ceased on 2025-06-30');
    expect(r.explanation.en).not.toContain('the plan lists no district-level units');
    expect(r.explanation.vi).toContain('không đơn vị cấp huyện nào trong 10 đơn vị kế hoạch liệt kê có hiệu lực vào ngày 2025-09-30');
  });
});
