import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, isEgovPlanError, type MeasurementRecord, type MeasurementStore } from '@egov-plan/core';
import { openSqliteStore } from '@egov-plan/store-sqlite';
import { dumpCsv, dumpEveryPlan, dumpStore, parseDump, parseDumps, restoreDump, restoreDumps } from '@egov-plan/tabular';
import { tempResources } from '@egov-plan/test-utils';

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

describe('restoreDumps: all of a backup or nothing', () => {
  /** A store with three imports and a retraction, dumped. */
  async function backup(): Promise<ReturnType<typeof parseDumps>> {
    const store = createMemoryStore();
    await store.importMeasurements({ plan: 'plan-a', file: 'q1.csv', importedBy: 'x', importId: 'a-1', importedAt: '2020-12-01T00:00:00.000Z' }, [row('u1', 1), row('u2', 2)]);
    await store.importMeasurements({ plan: 'plan-a', file: 'q2.csv', importedBy: 'x', importId: 'a-2', importedAt: '2020-12-02T00:00:00.000Z' }, [row('u1', 3)]);
    await store.retractImport('a-2', { retractedBy: 'y', retractedAt: '2020-12-03T00:00:00.000Z' });
    await store.importMeasurements({ plan: 'plan-a', file: 'q3.csv', importedBy: 'x', importId: 'a-3', importedAt: '2020-12-04T00:00:00.000Z' }, [row('u3', 4)]);
    await store.importMeasurements({ plan: 'plan-b', file: 'b.csv', importedBy: 'x', importId: 'b-1', importedAt: '2020-12-05T00:00:00.000Z' }, [row('u1', 5)]);
    return parseDumps(JSON.stringify(await dumpEveryPlan(store)));
  }

  /** The store's rows, read straight from the SQLite file (not through the store). */
  function onDisk(file: string): unknown[] {
    const db = new Database(file, { readonly: true });
    try {
      return [...db.prepare('SELECT import_id, plan, retracted_at FROM imports ORDER BY rowid').raw().all(), ...db.prepare('SELECT plan, org_unit, revision, value, import_id, retraction_of FROM measurements ORDER BY plan, org_unit, revision').raw().all()];
    } finally {
      db.close();
    }
  }

  const stores: [string, () => { store: MeasurementStore; probe: () => unknown }][] = [
    ['memory', () => {
      const store = createMemoryStore();
      return { store, probe: async () => [await values(store, 'plan-a'), await values(store, 'plan-b'), await store.imports('plan-a')] };
    }],
    ['sqlite', () => {
      const file = join(tmp.dir('egov-plan-restore-'), 'store.sqlite');
      const store = tmp.keep(openSqliteStore(file));
      return { store, probe: () => onDisk(file) };
    }],
  ];
  const tmp = tempResources();
  afterEach(() => tmp.cleanup());

  for (const [kind, open] of stores) {
    it(`${kind}: a backup whose N-th import fails leaves the store unchanged, for every N`, async () => {
      const dumps = await backup();
      const writes = dumps.flatMap((d) => d.imports).length + 1; // the retraction
      for (let n = 0; n < writes; n++) {
        const { store, probe } = open();
        await store.importMeasurements({ plan: 'plan-a', file: 'before.csv', importedBy: 'z', importId: 'before', importedAt: '2020-11-01T00:00:00.000Z' }, [row('u9', 9)]);
        // The n-th write of the backup made to fail: a record no store accepts, or an import id the store already holds (under another plan).
        const broken = structuredClone(dumps.map(({ retractedBy: _, ...d }) => d));
        const ordered = ['a-1', 'a-2', 'retract a-2', 'a-3', 'b-1'];
        const target = ordered[n] as string;
        if (target === 'retract a-2') {
          // A backup that lost the import it retracts: the retraction of an unknown import is refused.
          broken[0]!.imports = broken[0]!.imports.filter((i) => i.importId !== 'a-2');
          broken[0]!.revisions = broken[0]!.revisions.filter((m) => m.importId !== 'a-2' || m.retractionOf !== null);
        } else if (n % 2 === 0) {
          for (const d of broken) for (const m of d.revisions) if (m.importId === target && m.retractionOf === null) m.level = 'planet' as never;
        } else await store.importMeasurements({ plan: 'plan-c', file: 'c.csv', importedBy: 'z', importId: target }, [row('u1', 1)]);
        const reference = await probe();
        let caught: unknown = null;
        try {
          await restoreDumps(store, broken.map((d) => parseDump(JSON.stringify(d))), { file: 'sao-luu.json' });
        } catch (e) {
          caught = e;
        }
        expect(isEgovPlanError(caught), `write ${n} (${target})`).toBe(true);
        const issues = (caught as { issues: { code: string; message: { vi: string; en: string } }[] }).issues;
        expect(issues[0]!.code).toBe('store.restore_failed');
        expect(issues[0]!.message.en).toMatch(/^Backup sao-luu\.json: not restored — .*nothing of the backup was written/u);
        expect(issues[0]!.message.vi).toMatch(/^Bản sao lưu sao-luu\.json: không khôi phục được — .*không ghi gì của bản sao lưu/u);
        // A tampered row is refused by the restore's own check of the rows, before any write.
        expect(issues[1]!.code).toBe(target === 'retract a-2' ? 'store.unknown_import' : n % 2 === 0 ? 'measurement.invalid_level' : 'store.duplicate_import');
        expect(await probe()).toEqual(reference);
        // The same backup, unbroken, restores whole into a fresh store.
        const fresh = open();
        const done = await restoreDumps(fresh.store, dumps, { file: 'sao-luu.json' });
        expect(done.map((d) => [d.plan, d.imports, d.retractions, d.skipped, d.atomic])).toEqual([
          ['plan-a', 3, 1, 0, true],
          ['plan-b', 1, 0, 0, true],
        ]);
      }
    });
  }

  it('a store without writeAtomically restores one import at a time, says so, and names what it wrote when it fails part-way', async () => {
    const dumps = await backup();
    const { writeAtomically: _, ...plain } = createMemoryStore();
    const done = await restoreDumps(plain, dumps);
    expect(done.map((d) => d.atomic)).toEqual([false, false]);
    const { writeAtomically: __, ...partial } = createMemoryStore();
    await partial.importMeasurements({ plan: 'plan-c', file: 'c.csv', importedBy: 'z', importId: 'a-3' }, [row('u1', 1)]);
    let caught: unknown = null;
    try {
      await restoreDumps(partial, dumps, { file: 'sao-luu.json' });
    } catch (e) {
      caught = e;
    }
    const issues = (caught as { issues: { code: string; pointer: string; message: { en: string } }[] }).issues;
    expect(issues.map((i) => i.code)).toEqual(['store.restore_failed', 'store.partially_written', 'store.duplicate_import']);
    expect(issues[0]!.message.en).toBe('Backup sao-luu.json: not restored — import a-3 of plan plan-a (write 4 of 5) failed; this store writes one import at a time, so the writes before it WERE made (see the next issue).');
    expect(issues[1]!.message.en).toMatch(/3 of 5 writes were made \(import a-1, import a-2, retraction of a-2\)/u);
    expect((await partial.imports('plan-a')).map((i) => i.importId)).toEqual(['a-1', 'a-2']);
  });
});

describe('dumpStore holds submissions, task evidence and rule files; restoreDumps brings them back', () => {
  const tmp = tempResources();
  afterEach(() => tmp.cleanup());

  async function source(): Promise<MeasurementStore> {
    const store = createMemoryStore();
    await store.saveRuleFile({ id: 'plan-a', text: '{"v":1}', savedBy: 'a', savedAt: '2020-11-01T00:00:00.000Z' });
    await store.saveRuleFile({ id: 'plan-a', text: '{"v":2}', savedBy: 'b', savedAt: '2020-11-02T00:00:00.000Z' });
    await store.importMeasurements({ plan: 'plan-a', file: 'q4.csv', importedBy: 'x', importId: 'a-1', importedAt: '2020-12-01T00:00:00.000Z' }, [row('u1', 1)]);
    await store.recordSubmission({ plan: 'plan-a', obligation: 'q', period: '2020Q4', reporter: 'so-tttt', submittedAt: '2020-12-01T00:00:00.000Z', importId: 'a-1' });
    await store.recordSubmission({ plan: 'plan-a', obligation: 'q', period: '2020Q4', reporter: 'so-khac', submittedAt: '2020-12-02T00:00:00.000Z' });
    await store.recordTaskEvidence({ plan: 'plan-a', task: 't1', agency: 'so-tttt', date: '2020-11-30', done: true, reference: 'QĐ 1', recordedAt: '2020-12-01T00:00:00.000Z' });
    return store;
  }
  const held = async (s: MeasurementStore) => [await s.submissions({ plan: 'plan-a', withdrawn: true }), await s.taskEvidence({ plan: 'plan-a' }), (await s.ruleFileRevisions('plan-a')).map((r) => [r.revision, r.text, r.savedBy, r.savedAt])];

  it('into SQLite, restoring twice changing nothing', async () => {
    const original = await source();
    const dump = parseDump(JSON.stringify(await dumpStore(original, 'plan-a')));
    const copy = tmp.keep(openSqliteStore(join(tmp.dir('egov-plan-dump-records-'), 'copy.sqlite')));
    const [done] = await restoreDumps(copy, [dump]);
    expect(done).toMatchObject({ imports: 1, submissions: 2, taskEvidence: 1, ruleFiles: 2, checkedAgainst: 'format' });
    expect(await held(copy)).toEqual(await held(original));
    const [again] = await restoreDumps(copy, [dump]);
    expect(again).toMatchObject({ imports: 0, submissions: 0, taskEvidence: 0, ruleFiles: 0, skipped: 1 });
    expect(await held(copy)).toEqual(await held(original));
  });

  it('a store holding another revision 1 of the rule file refuses the backup, writing nothing', async () => {
    const dump = parseDump(JSON.stringify(await dumpStore(await source(), 'plan-a')), 'sao-luu.json');
    const other = createMemoryStore();
    await other.saveRuleFile({ id: 'plan-a', text: '{"other":true}', savedBy: 'z' });
    await expect(restoreDumps(other, [dump], { file: 'sao-luu.json' })).rejects.toSatisfy(
      (e) => isEgovPlanError(e) && e.code === 'store.restore_failed' && e.issues[0]!.message.en === 'Backup sao-luu.json: not restored — the store holds revision 1 of rule file plan-a with other text (the backup belongs to another history); nothing of the backup was written, the store is as it was.',
    );
    expect([(await other.imports('plan-a')).length, (await other.submissions({ plan: 'plan-a' })).length, (await other.ruleFileRevisions('plan-a')).length]).toEqual([0, 0, 1]);
  });
});

describe('restoreDump: a backup whose reassertion entries were edited', () => {
  /** A store where a second import restated a value in force (one reassertion), dumped as JSON. */
  async function reasserted(): Promise<Record<string, unknown>> {
    const store = createMemoryStore();
    await store.importMeasurements({ plan: 'p', file: 'a.csv', importedBy: 'x', importId: 'imp-1', importedAt: '2020-12-01T00:00:00.000Z' }, [row('u1', 10)]);
    await store.importMeasurements({ plan: 'p', file: 'b.csv', importedBy: 'x', importId: 'imp-2', importedAt: '2020-12-02T00:00:00.000Z' }, [row('u1', 10)]);
    const dump = JSON.parse(JSON.stringify(await dumpStore(store, 'p'))) as Record<string, unknown>;
    expect((dump.reassertions as unknown[]).length).toBe(1);
    return dump;
  }

  it('restores the unedited backup with its reassertion', async () => {
    const copy = createMemoryStore();
    await restoreDump(copy, parseDump(JSON.stringify(await reasserted()), 'ok.json'));
    expect(await copy.reassertions!({ plan: 'p' })).toMatchObject([{ importId: 'imp-2', orgUnit: 'u1', revision: 1 }]);
  });

  for (const [field, bad] of [['row', 'x'], ['row', -1], ['revision', 0], ['sheet', 5], ['importId', ''], ['indicator', undefined], ['period', 2020]] as const) {
    it(`refuses ${field} = ${JSON.stringify(bad) ?? 'missing'} with a typed error naming the entry, in both languages, writing nothing`, async () => {
      const dump = await reasserted();
      const entry = (dump.reassertions as Record<string, unknown>[])[0]!;
      if (bad === undefined) delete entry[field];
      else entry[field] = bad;
      const copy = createMemoryStore();
      await copy.importMeasurements({ plan: 'p', file: 'held.csv', importedBy: 'y', importId: 'held', importedAt: '2020-11-01T00:00:00.000Z' }, [row('u9', 5)]);
      const before = await values(copy, 'p');
      const error = await restoreDump(copy, parseDump(JSON.stringify(dump), 'edited.json'), { file: 'edited.json' }).then(() => null, (e: unknown) => e);
      expect(isEgovPlanError(error) && error.code).toBe('store.restore_failed');
      const issue = (error as { issues: { pointer: string; message: { vi: string; en: string } }[] }).issues[0]!;
      expect(issue.pointer).toBe(`/reassertions/0/${field}`);
      expect(issue.message.en).toContain(`Backup edited.json: not restored — entry 1 of "reassertions" has an invalid ${field}`);
      expect(issue.message.vi).toContain(`Bản sao lưu edited.json: không khôi phục được — mục thứ 1 của "reassertions" có trường ${field} không hợp lệ`);
      expect(await values(copy, 'p')).toEqual(before);
    });
  }
});
