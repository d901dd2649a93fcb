import { describe, expect, it } from 'vitest';
import { createMemoryStore, isEgovPlanError, type MeasurementRecord, type MeasurementStore } from '@egov-plan/core';
import { dumpCsv, dumpEveryPlan, parseDump, parseDumps, restoreDump } from '@egov-plan/tabular';

// A backup of a whole store: every plan it holds, read back plan by plan.

const row = (orgUnit: string, value: number): MeasurementRecord => ({ indicator: 'ind', orgUnit, level: 'province', period: '2020Q4', start: '2020-09-15', end: '2020-12-14', value, numerator: null, denominator: null, evidence: false, sheet: null, row: 2 });

async function twoPlans(): Promise<MeasurementStore> {
  const store = createMemoryStore();
  await store.importMeasurements({ plan: 'plan-b', file: 'b.csv', importedBy: 'x', importId: 'imp-b', importedAt: '2020-12-01T00:00:00.000Z' }, [row('u1', 1), row('u2', 2)]);
  await store.importMeasurements({ plan: 'plan-a', file: 'a.csv', importedBy: 'y', importId: 'imp-a', importedAt: '2020-12-02T00:00:00.000Z' }, [row('u1', 10)]);
  return store;
}

async function values(store: MeasurementStore, plan: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const m of await store.history({ plan })) out.push([m.plan, m.orgUnit, m.value, m.importId, m.importedBy]);
  return out.sort();
}

describe('dumpEveryPlan', () => {
  it('holds every plan, sorted, and each restores under its own plan from JSON and from CSV', async () => {
    const store = await twoPlans();
    const set = await dumpEveryPlan(store);
    expect(set.plans.map((d) => [d.plan, d.revisions.length, d.imports.length])).toEqual([
      ['plan-a', 1, 1],
      ['plan-b', 2, 1],
    ]);
    for (const text of [JSON.stringify(set), dumpCsv(set)]) {
      const dumps = parseDumps(text);
      expect(dumps.map((d) => d.plan).sort()).toEqual(['plan-a', 'plan-b']);
      const copy = createMemoryStore();
      for (const d of dumps) await restoreDump(copy, d);
      for (const plan of ['plan-a', 'plan-b']) expect(await values(copy, plan)).toEqual(await values(store, plan));
    }
  });

  it('refuses a store that cannot list its plans instead of leaving plans out', async () => {
    const store = await twoPlans();
    const blind: MeasurementStore = { ...store, plans: undefined };
    await expect(dumpEveryPlan(blind)).rejects.toSatisfy((e) => isEgovPlanError(e) && e.code === 'usage.invalid_value' && /plans\(\)/u.test(e.issues[0]!.message.en));
  });
});

describe('parseDump', () => {
  it('refuses a dump of several plans rather than reading it as the first', async () => {
    const csv = dumpCsv(await dumpEveryPlan(await twoPlans()));
    expect(() => parseDump(csv, 'all.csv')).toThrowError(/holds 2 plans \(plan-a, plan-b\)/u);
  });

  it('gives a typed error, in both languages, for malformed JSON', () => {
    try {
      parseDump('{"format": "egov-plan-dump", ', 'broken.json');
      expect.unreachable();
    } catch (e) {
      expect(isEgovPlanError(e) && e.code).toBe('measurement.invalid_document');
      const issue = (e as { issues: { message: { vi: string; en: string } }[] }).issues[0]!;
      expect(issue.message.en).toMatch(/^Backup broken\.json: malformed JSON/u);
      expect(issue.message.vi).toMatch(/^Bản sao lưu broken\.json: JSON hỏng/u);
    }
  });
});
