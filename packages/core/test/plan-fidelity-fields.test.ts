import { describe, expect, it } from 'vitest';
import { isWarning, validatePlan, type PlanInput } from '../src/index.js';
import { smallPlan } from '@egov-plan/test-utils';

const withFields = (f: (p: PlanInput & Record<string, any>) => void) => {
  const p = smallPlan() as PlanInput & Record<string, any>;
  f(p);
  return validatePlan(JSON.parse(JSON.stringify(p)));
};

describe('objective, group headings, editorial marker, last on-time day, group membership', () => {
  it('a plan with an objective and group headings validates and keeps them', () => {
    const r = withFields((p) => {
      p.objective = { text: { vi: 'Hoàn thiện nền tảng Chính quyền điện tử tỉnh', en: 'Complete the platform' }, source: { section: 'I.1', quote: 'Hoàn thiện nền tảng Chính quyền điện tử tỉnh' } };
      p.taskGroups = [{ part: 'appendix', group: 'I', heading: { vi: 'Xây dựng', en: 'Build' }, source: { section: 'Phụ lục I', quote: 'Xây dựng' } }];
    });
    expect(r.issues).toEqual([]);
    expect(r.ok && r.value.objective?.source.section).toBe('I.1');
    expect(r.ok && r.value.taskGroups?.[0]?.group).toBe('I');
  });

  it('a task group of an unknown part is refused', () => {
    const r = withFields((p) => {
      (p as any).taskGroups = [{ part: 'annex', group: 'I', heading: { vi: 'x', en: 'x' }, source: { section: 'x', quote: 'x' } }];
    });
    expect(r.issues.map((i) => `${i.code} ${i.pointer}`)).toContain('schema.invalid_value /taskGroups/0/part');
  });

  it('an indicator statement can be marked editorial; any other origin is refused', () => {
    expect(withFields((p) => (p.indicators[0]!.statementOrigin = 'editorial')).issues).toEqual([]);
    const bad = withFields((p) => ((p.indicators[0] as any).statementOrigin = 'paraphrase'));
    expect(bad.issues.map((i) => i.pointer)).toContain('/indicators/0/statementOrigin');
  });

  it('an obligation states its last on-time day as written and after roll-over', () => {
    const r = withFields((p) => {
      p.reportingObligations = [
        {
          id: 'own-plan',
          reporters: ['so-tttt'],
          recipients: ['so-tttt'],
          subject: { vi: 'Kế hoạch', en: 'Plan' },
          periodType: null,
          cutOffAsWritten: null,
          deadlineAsWritten: 'hoàn thành trước 20/5/2019',
          deadline: { kind: 'fixed-date', date: '2019-05-20', inclusive: false },
          lastOnTimeDay: { asWritten: '2019-05-19', afterRollOver: '2019-05-20', reading: { vi: 'x', en: 'x' } },
          source: { section: 'III.12.d', quote: 'hoàn thành trước 20/5/2019' },
        },
      ];
    });
    expect(r.issues).toEqual([]);
    const bad = withFields((p) => {
      p.reportingObligations = [{ ...(p.reportingObligations[0] ?? {}), id: 'x', reporters: ['so-tttt'], recipients: ['so-tttt'], subject: { vi: 'x', en: 'x' }, periodType: null, cutOffAsWritten: null, deadlineAsWritten: 'x', deadline: { kind: 'fixed-date', date: '2019-05-20', inclusive: false }, lastOnTimeDay: { asWritten: '2019-02-30', afterRollOver: null, reading: { vi: 'x', en: 'x' } }, source: { section: 'x', quote: 'x' } } as any];
    });
    expect(bad.issues.map((i) => i.pointer)).toContain('/reportingObligations/0/lastOnTimeDay/asWritten');
  });

  it('a collective declares its members by kind and level, and cannot list "group" as a member kind', () => {
    const ok = withFields((p) => {
      p.agencies.push({ id: 'cac-so', name: { vi: 'Các sở, ban, ngành', en: 'Departments' }, kind: 'group', level: 'province', code: null, members: { kinds: ['department'], level: 'province', confidence: 'confirmed', basis: { vi: 'x', en: 'x' } } });
    });
    expect(ok.issues).toEqual([]);
    const bad = withFields((p) => {
      p.agencies.push({ id: 'cac-so', name: { vi: 'x', en: 'x' }, kind: 'group', code: null, members: { kinds: ['group'], level: null, confidence: 'confirmed', basis: { vi: 'x', en: 'x' } } } as any);
    });
    expect(bad.ok).toBe(false);
  });

  it('an issue without a severity is an error; only severity "warning" is a warning', () => {
    expect(isWarning({})).toBe(false);
    expect(isWarning({ severity: 'error' })).toBe(false);
    expect(isWarning({ severity: 'warning' })).toBe(true);
  });
});
