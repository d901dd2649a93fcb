import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '@egov-plan/core';
import { bundledPlan, compilePlan, evaluate, evaluateAsync, type MeasurementInput } from '../../src/index.js';
import { evaluateWithReference } from '../../src/reference.js';

// A row for a quarter that had not ended on the evaluation date used to be left out of every
// verdict without a word: "Nothing received is silently dropped".
const plan = compilePlan(bundledPlan('kontum-1102-2019'));
const row = (period: string, value = 30): MeasurementInput => ({ indicator: 'online-dossier-rate', orgUnit: 'so-tttt', level: 'province', period, value });
const lateOf = (issues: readonly Issue[]) => issues.filter((i) => i.code === 'measurement.after_at');

describe('rows that end after the evaluation date', () => {
  it('are counted in one warning naming the first such row, in both languages', () => {
    const ev = evaluate(plan, [row('2020Q3'), row('2021Q1'), row('2021Q2')], { at: '2020-12-14', phase: '2019-2020' });
    const late = lateOf(ev.issues);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ severity: 'warning', pointer: '' });
    // Decree 09/2019: the first quarter's data runs to 14 March.
    expect(late[0]!.message.vi).toBe('2 dòng số liệu kết thúc sau ngày đánh giá 2020-12-14 nên chưa được tính; dòng đầu tiên là số 2: chỉ số online-dossier-rate, đơn vị so-tttt, kỳ 2021Q1 (kết thúc 2021-03-14). Để tính các dòng này, hãy đánh giá với ngày từ 2021-03-14 trở đi (--at).');
    expect(late[0]!.message.en).toBe('2 measurement row(s) end after the evaluation date 2020-12-14 and do not count yet; the first is number 2: indicator online-dossier-rate, org unit so-tttt, period 2021Q1 (ending 2021-03-14). To count them, evaluate at 2021-03-14 or later (--at).');
    // The row that counts is the one that had ended.
    const r = ev.results.find((x) => x.target === 'online-dossier-rate.2019-2020' && x.orgUnit === 'so-tttt');
    expect(r?.period).toBe('2020Q3');
  });

  it('no warning when every row had ended (a row ending on the date itself counts)', () => {
    const ev = evaluate(plan, [row('2020Q3'), row('2020Q4')], { at: '2020-12-14' });
    expect(lateOf(ev.issues)).toEqual([]);
  });

  it('the same warning from evaluateAsync and from the reference evaluator', async () => {
    const rows = [row('2020Q2'), row('2020Q4')];
    const options = { at: '2020-10-01' };
    const sync = lateOf(evaluate(plan, rows, options).issues);
    expect(sync).toHaveLength(1);
    expect(lateOf((await evaluateAsync(plan, rows, options)).issues)).toEqual(sync);
    expect(lateOf((await evaluateWithReference(plan, rows, options)).issues)).toEqual(sync);
  });

  // Kon Tum reports under Decree 09/2019/NĐ-CP: a quarter's data ends on the 14th of its last month.
  const quarterEnd = (year: number, q: number) => `${year}-${String(q * 3).padStart(2, '0')}-14`;
  it('law: the warning counts exactly the rows whose quarter ends after `at`, and names the first of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ year: fc.integer({ min: 2019, max: 2021 }), q: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 12 }),
        fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2022-01-01T00:00:00Z'), noInvalidDate: true }),
        (quarters, date) => {
          const at = date.toISOString().slice(0, 10);
          const rows = quarters.map(({ year, q }, i) => ({ ...row(`${year}Q${q}`), orgUnit: `so-${i}` }));
          const ev = evaluate(plan, rows, { at });
          const late = lateOf(ev.issues);
          const expected = quarters.map(({ year, q }, i) => ({ i, end: quarterEnd(year, q) })).filter((x) => x.end > at);
          if (expected.length === 0) return late.length === 0;
          return late.length === 1 && late[0]!.message.en.startsWith(`${expected.length} measurement row(s)`) && late[0]!.message.en.includes(`the first is number ${expected[0]!.i + 1}:`);
        },
      ),
      { numRuns: 150 },
    );
  });
});
