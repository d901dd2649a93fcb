import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fromZodIssue, normaliseText, parsePlan, validatePlan, type Issue, type PlanInput } from '../src/index.js';
import { smallPlan } from '@egov-plan/test-utils';

const codes = (issues: Issue[]) => issues.map((i) => `${i.code} ${i.pointer}`);

function mutate(f: (p: PlanInput & Record<string, any>) => void): unknown {
  const p = smallPlan() as PlanInput & Record<string, any>;
  f(p);
  return p;
}

describe('plan schema', () => {
  it('a valid plan survives JSON → validate unchanged', () => {
    const plan = smallPlan();
    const r = validatePlan(JSON.parse(JSON.stringify(plan)));
    expect(r.issues).toEqual([]);
    expect(r.ok && r.value).toEqual(plan);
  });

  it('rejects a percentage of 120 at the value it came from', () => {
    const r = validatePlan(mutate((p) => ((p.indicators[0]!.targets[0] as any).value = 120)));
    expect(r.ok).toBe(false);
    expect(codes(r.issues)).toContain('schema.out_of_range /indicators/0/targets/0/value');
  });

  it('a count target above 100 is fine: only percentages are capped', () => {
    const r = validatePlan(
      mutate((p) => {
        p.indicators[0]!.unit = 'count';
        for (const t of p.indicators[0]!.targets as any[]) t.unit = 'count';
        (p.indicators[0]!.targets[0] as any).value = 500;
      }),
    );
    expect(r.issues).toEqual([]);
  });

  it('names unknown keys, wrong types and missing keys with pointers', () => {
    const r = validatePlan(
      mutate((p) => {
        (p.tasks[0] as any).owner = 'x';
        (p as any).date = 20190510;
        delete (p as any).number;
      }),
    );
    expect(codes(r.issues)).toEqual(
      expect.arrayContaining(['schema.unknown_key /tasks/0/owner', 'schema.invalid_type /date', 'schema.missing_key /number']),
    );
    for (const i of r.issues) {
      expect(i.message.vi.length).toBeGreaterThan(0);
      expect(i.message.en.length).toBeGreaterThan(0);
      expect(i.message.vi).not.toEqual(i.message.en);
    }
  });

  it('a schema error does not hide consistency errors elsewhere in the file', () => {
    const r = validatePlan(
      mutate((p) => {
        (p as any).date = 5;
        p.tasks[0]!.lead = ['so-khong-co'];
        p.agencies.push({ ...p.agencies[0]! });
      }),
    );
    expect(codes(r.issues)).toEqual(['schema.invalid_type /date', 'plan.duplicate_id /agencies/2/id', 'plan.unknown_agency /tasks/0/lead/0']);
  });

  it('rejects a phase that ends before it starts', () => {
    const r = validatePlan(mutate((p) => (p.phases[0]!.end = '2018-12-31')));
    expect(codes(r.issues)).toEqual(['plan.end_before_start /phases/0/end']);
  });

  it('rejects duplicate ids, pointing at the second one', () => {
    const r = validatePlan(mutate((p) => p.agencies.push({ ...p.agencies[0]! })));
    expect(codes(r.issues)).toEqual(['plan.duplicate_id /agencies/2/id']);
  });

  it('names the kind of a duplicate id in each language, not both in each', () => {
    const r = validatePlan(mutate((p) => p.phases.push({ ...p.phases[0]! })));
    const [i] = r.issues;
    expect(i?.message.en).toBe(`Id "${(smallPlan().phases[0] as { id: string }).id}" duplicates phase #1.`);
    expect(i?.message.vi).toBe(`Id "${(smallPlan().phases[0] as { id: string }).id}" trùng với giai đoạn thứ 1.`);
  });

  it('words a whole number beyond the safe range as a number out of range, not as a length', () => {
    // A year typed with too many digits: zod reports it with the origin "int".
    const year = z.number().int().min(1976).max(2200);
    const messages = [99999999999999999, -99999999999999999].flatMap((v) => (year.safeParse(v).error?.issues ?? []).flatMap((zi) => fromZodIssue(zi, v)));
    expect(messages.map((i) => i.message.en)).toEqual(['Value is above the maximum 9007199254740991.', 'Value is above the maximum 2200.', 'Value is below the minimum -9007199254740991.', 'Value is below the minimum 1976.']);
    expect(messages.map((i) => i.message.vi)).toContain('Giá trị vượt quá mức tối đa 9007199254740991.');
  });

  it('rejects a lead agency that is not declared', () => {
    const r = validatePlan(mutate((p) => (p.tasks[0]!.lead = ['so-khong-co'])));
    expect(codes(r.issues)).toEqual(['plan.unknown_agency /tasks/0/lead/0']);
  });

  it('rejects a target in an undeclared phase', () => {
    const r = validatePlan(mutate((p) => ((p.indicators[0]!.targets[1] as any).phase = '2026-2030')));
    expect(codes(r.issues)).toEqual(['plan.unknown_phase /indicators/0/targets/1/phase']);
  });

  it('rejects quotes that are not normalised, and impossible dates', () => {
    const r = validatePlan(
      mutate((p) => {
        p.indicators[0]!.source.quote = 'tối  thiểu\n80%';
        p.date = '2019-02-30';
      }),
    );
    expect(codes(r.issues)).toEqual(expect.arrayContaining(['schema.invalid /indicators/0/source/quote', 'schema.invalid /date']));
  });

  it('refuses files of a future format version instead of misreading them', () => {
    const r = validatePlan(mutate((p) => ((p as any).formatVersion = 2)));
    expect(codes(r.issues)).toEqual(['plan.unsupported_format_version /formatVersion']);
  });

  it('parsePlan throws an EgovPlanError carrying every issue', () => {
    const bad = mutate((p) => {
      p.tasks[0]!.lead = ['x'];
      p.phases[0]!.end = '2018-01-01';
    });
    expect(() => parsePlan(bad)).toThrowError(expect.objectContaining({ name: 'EgovPlanError', issues: expect.arrayContaining([expect.objectContaining({ code: 'plan.unknown_agency' })]) }));
  });

  it('normaliseText gives NFC with single spaces', () => {
    const decomposed = 'Ho\u0302\u0300 so\u031b'; // "Hồ sơ" typed with combining marks
    expect(normaliseText(`  ${decomposed}\n\t  công   việc `)).toBe('Hồ sơ công việc'.normalize('NFC'));
    expect(normaliseText('Hồ sơ công việc')).toBe('Hồ sơ công việc'.normalize('NFC'));
  });
});

// Generated plans: consistent by construction (unique ids, declared agencies and phases).
const idArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const textArb = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
const quoteArb = textArb.map(normaliseText).filter((s) => s.length > 0);
const bilingual = fc.record({ vi: textArb, en: textArb });
const dateArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const planArb = fc
  .record({
    phaseIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }),
    agencyIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 4 }),
    indicatorIds: fc.uniqueArray(idArb, { minLength: 0, maxLength: 4 }),
    dates: fc.array(fc.tuple(dateArb, dateArb), { minLength: 3, maxLength: 3 }),
    title: bilingual,
    quote: quoteArb,
    values: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }),
    levels: fc.array(fc.constantFrom('province', 'district', 'commune', null), { minLength: 12, maxLength: 12 }),
    scope: fc.constantFrom('each-agency', 'each-unit', 'whole-province'),
    comparator: fc.constantFrom('gte', 'gt', 'lte', 'lt', 'eq'),
    taskCount: fc.integer({ min: 0, max: 3 }),
  })
  .map((g): PlanInput => {
    const plan = smallPlan();
    plan.title = g.title;
    plan.phases = g.phaseIds.map((id, i) => {
      const [a, b] = g.dates[i] as [string, string];
      return { id, name: g.title, start: a < b ? a : b, end: a < b ? b : a, source: { section: 'I', quote: g.quote } };
    });
    plan.agencies = g.agencyIds.map((id) => ({ id, name: g.title, kind: 'department', code: null }));
    plan.indicators = g.indicatorIds.map((id, i) => ({
      id,
      statement: g.title,
      kind: 'quantitative',
      unit: 'percent',
      direction: 'increase',
      source: { section: 'I.2', quote: g.quote },
      targets: g.phaseIds.map((phase, j) => ({
        id: `${id}.${phase}`,
        kind: 'quantitative' as const,
        phase,
        level: g.levels[(i * 3 + j) % 12] as 'province' | null,
        scope: g.scope,
        comparator: g.comparator,
        value: g.values[(i * 3 + j) % 12] as number,
        unit: 'percent' as const,
        source: { section: 'I.2', quote: g.quote },
      })),
    }));
    plan.tasks = Array.from({ length: g.taskCount }, (_, i) => ({
      ...smallPlan().tasks[0]!,
      id: `task-${i}`,
      lead: [g.agencyIds[i % g.agencyIds.length] as string],
      coordinating: g.agencyIds.slice(0, i),
    }));
    return plan;
  });

describe('plan schema (properties)', () => {
  it('any generated plan survives JSON → validate → deep-equal', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const r = validatePlan(JSON.parse(JSON.stringify(plan)));
        expect(r.issues).toEqual([]);
        expect(r.ok && r.value).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

});
