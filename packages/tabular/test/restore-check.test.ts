import { describe, expect, it } from 'vitest';
import type { StoredMeasurement } from '@egov-plan/core';
import { bundledPlan } from '@egov-plan/rules';
import { checkRestoredRevisions, dumpCsv, parseDumps, type StoreDump } from '@egov-plan/tabular';

// A restore checks a revision's period dates against the plan's calendar (restore-check.ts,
// checkAgainstPlan): a backup edited, or written under another calendar, must not bring in a
// 2020Q4 that is not the plan's 2020Q4 (Decree 09/2019 cut-off: 2020-09-15 … 2020-12-14).

const plan = bundledPlan('kontum-1102-2019')!;

function revision(over: Partial<StoredMeasurement> = {}): StoredMeasurement {
  return {
    plan: 'kontum-1102-2019', indicator: 'online-dossier-rate', orgUnit: 'so-tttt', level: 'province', period: '2020Q4', start: '2020-09-15', end: '2020-12-14',
    value: 20, numerator: null, denominator: null, evidence: false, revision: 1, importId: 'i1', file: 'q4.csv', sheet: null, row: 2,
    importedBy: 'so-tttt', importedAt: '2020-12-10T01:00:00.000Z', recordedAt: '2020-12-10T01:00:00.000Z', retractionOf: null, ...over,
  };
}

describe('restore: the period dates of a revision against the plan\'s calendar', () => {
  it('accepts the dates the calendar gives (cut-off quarter, calendar quarter C2020Q4, a year)', () => {
    expect(checkRestoredRevisions([revision()], plan, 'b.json')).toEqual([]);
    expect(checkRestoredRevisions([revision({ period: 'C2020Q4', start: '2020-10-01', end: '2020-12-31' })], plan, 'b.json')).toEqual([]);
    expect(checkRestoredRevisions([revision({ period: '2020', start: '2019-12-15', end: '2020-12-14' })], plan, 'b.json')).toEqual([]);
  });

  it('refuses a 2020Q4 dated as the calendar quarter, naming the dates the plan gives, in both languages', () => {
    const issues = checkRestoredRevisions([revision({ start: '2020-10-01', end: '2020-12-31' })], plan, 'b.json');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'measurement.invalid_period', pointer: '/start', file: 'b.json' });
    expect(issues[0]!.message.en).toBe('Revision 1 of online-dossier-rate × so-tttt × 2020Q4 (import i1): period 2020Q4 is 2020-09-15 … 2020-12-14 under the plan, not 2020-10-01 … 2020-12-31.');
    expect(issues[0]!.message.vi).toBe('Phiên bản 1 của online-dossier-rate × so-tttt × 2020Q4 (lần nhập i1): kỳ 2020Q4 theo kế hoạch là 2020-09-15 … 2020-12-14, không phải 2020-10-01 … 2020-12-31.');
  });

  it('refuses a period that starts a day early or ends a day late (either date alone)', () => {
    const early = checkRestoredRevisions([revision({ start: '2020-09-14' })], plan, 'b.json');
    const late = checkRestoredRevisions([revision({ end: '2020-12-15' })], plan, 'b.json');
    expect(early.map((i) => i.message.en)).toEqual([expect.stringContaining('not 2020-09-14 … 2020-12-14.')]);
    expect(late.map((i) => i.message.en)).toEqual([expect.stringContaining('not 2020-09-15 … 2020-12-15.')]);
  });

  it('names every off-calendar revision where it stands in a CSV backup, among good ones, in file order', () => {
    const dump: StoreDump = {
      format: 'egov-plan-dump', version: 1, plan: 'kontum-1102-2019', imports: [],
      revisions: [revision(), revision({ orgUnit: 'so-noi-vu', start: '2020-10-01', end: '2020-12-31' }), revision({ orgUnit: 'so-y-te' }), revision({ orgUnit: 'so-tai-chinh', period: '2020Q3', start: '2020-06-15', end: '2020-09-30' })],
    };
    const [read] = parseDumps(dumpCsv(dump), 'sao-luu.csv');
    const issues = checkRestoredRevisions(read!.revisions, plan, 'sao-luu.csv');
    expect(issues.map((i) => [i.code, i.line, i.pointer])).toEqual([
      ['measurement.invalid_period', 3, '/3/start'],
      ['measurement.invalid_period', 5, '/5/start'],
    ]);
    expect(issues[1]!.message.en).toBe('Backup sao-luu.csv, line 5: period 2020Q3 is 2020-06-15 … 2020-09-14 under the plan, not 2020-06-15 … 2020-09-30.');
    expect(issues[1]!.message.vi).toBe('Bản sao lưu sao-luu.csv, dòng 5: kỳ 2020Q3 theo kế hoạch là 2020-06-15 … 2020-09-14, không phải 2020-06-15 … 2020-09-30.');
  });

  it('without a plan, dates in order are all that is checked (no calendar to compare with)', () => {
    expect(checkRestoredRevisions([revision({ start: '2020-10-01', end: '2020-12-31' })], null, 'b.json')).toEqual([]);
    const reversed = checkRestoredRevisions([revision({ start: '2020-12-31', end: '2020-10-01' })], null, 'b.json');
    expect(reversed.map((i) => [i.code, i.pointer])).toEqual([['measurement.invalid_period', '/start']]);
    expect(reversed[0]!.message.en).toBe('Revision 1 of online-dossier-rate × so-tttt × 2020Q4 (import i1): period start/end "2020-12-31"/"2020-10-01" are not two dates YYYY-MM-DD in order.');
  });

  it('dated evidence is its own day: accepted on that day, refused when its dates are not the day', () => {
    const day = { evidence: true, period: '2020-11-05', start: '2020-11-05', end: '2020-11-05', value: true } as const;
    expect(checkRestoredRevisions([revision({ ...day, indicator: 'online-dossier-rate' })], null, 'b.json')).toEqual([]);
    const off = checkRestoredRevisions([revision({ ...day, end: '2020-11-06' })], null, 'b.json');
    expect(off.map((i) => [i.code, i.pointer])).toEqual([['measurement.invalid_period', '/period']]);
    expect(off[0]!.message.vi).toContain('minh chứng theo ngày cần kỳ là ngày của nó (YYYY-MM-DD), không phải "2020-11-05".');
  });
});
