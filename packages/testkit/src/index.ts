/**
 * The conformance suite every egov-plan measurement store passes, for vitest.
 *
 * `runStoreTests` writes through the store's public contract (`MeasurementStore` of
 * `@egov-plan/core`) and, where the store's package gives raw probes, reads the backend directly
 * (SQL queries, not the store's own read methods) to check what was really stored. Tests a store
 * cannot pass are skipped by name with a reason, and the skip is visible in the test report.
 *
 * @module
 */
import { isEgovPlanError, revisionFromImports, type Awaitable, type MeasurementRecord, type MeasurementStore, type PeriodEndWindow, type StoredMeasurement, type StoreWrite } from '@egov-plan/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { atomicWriteTests } from './write-atomically.js';

export { collect };
export { runStoreEvaluationTests, type StoreEvaluationTestOptions } from './evaluation.js';
export { sqlRawProbes, type SqlProbeReader } from './sql-probes.js';

/** One measurement revision as the backend holds it (probes convert column types to these). */
export interface RawRevision {
  plan: string;
  indicator: string;
  orgUnit: string;
  period: string;
  revision: number;
  value: number | boolean | null;
  numerator: number | null;
  denominator: number | null;
  importId: string;
  file: string;
  sheet: string | null;
  row: number;
  importedBy: string;
  retractionOf: string | null;
}

/** One import as the backend holds it. */
export interface RawImport {
  importId: string;
  plan: string;
  file: string;
  importedBy: string;
  retractedAt: string | null;
}

/**
 * Reads a store's backend directly, bypassing the store's read methods (next-auth's `db` probes).
 * Each method returns every row of the table behind it for the plan (or rule file) asked.
 */
export interface RawProbes {
  revisions(plan: string): Awaitable<RawRevision[]>;
  imports(plan: string): Awaitable<RawImport[]>;
  submissions(plan: string): Awaitable<{ obligation: string; period: string; reporter: string; submittedAt: string }[]>;
  taskEvidence(plan: string): Awaitable<{ task: string; agency: string; done: boolean; reference: string }[]>;
  ruleFiles(id: string): Awaitable<{ revision: number; text: string; savedBy: string }[]>;
}

/** The name of every test of the suite, for {@link StoreTestOptions.skip}. */
export const STORE_TESTS = [
  'capabilities',
  'import-provenance',
  'reimport-unchanged',
  'correction-revision',
  'batch-atomic',
  'duplicate-import-id',
  'invalid-record',
  'read-filters',
  'plans-separate',
  'latest-values',
  'sum-counts',
  'retract',
  'retract-errors',
  'submissions',
  'task-evidence',
  'rule-files',
  'async-rows',
  'law-values-in-force',
  'revision',
  'plans',
  'values-that-count',
  'law-values-that-count',
  'write-atomically',
  'law-write-atomically',
  'submission-withdrawn',
  'import-counts',
  'write-atomically-records',
  'retract-reimport',
  'retract-overlap',
  'law-retract',
] as const;

/** The name of one test of the suite. */
export type StoreTestName = (typeof STORE_TESTS)[number];

/** What {@link runStoreTests} needs. */
export interface StoreTestOptions {
  /** Shown in the suite's name (`sqlite`, `postgres`, …). */
  name: string;
  /** Opens a fresh, empty store; called once per test (each test closes its store). */
  store: () => Awaitable<MeasurementStore>;
  /**
   * Raw probes of the backend of a store opened by `store`. Without them the backend checks are
   * skipped (visibly) and only the contract is tested.
   */
  raw?: (store: MeasurementStore) => RawProbes;
  /** Tests to skip, each with the reason shown in the report. */
  skip?: Partial<Record<StoreTestName, string>>;
  /** Runs of the property test (default 15). */
  propertyRuns?: number;
}

const PLAN = 'kontum-1102-2019';

/** A measurement record with defaults: indicator `ind`, org unit `u1`, quarter 2020Q1. */
export function record(over: Partial<MeasurementRecord> = {}): MeasurementRecord {
  return { indicator: 'ind', orgUnit: 'u1', level: 'province', period: '2020Q1', start: '2019-12-15', end: '2020-03-14', value: 50, numerator: null, denominator: null, evidence: false, sheet: null, row: 2, ...over };
}

const byKey = (a: { indicator: string; orgUnit: string; period: string; revision?: number }, b: typeof a) =>
  a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.orgUnit < b.orgUnit ? -1 : a.orgUnit > b.orgUnit ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : (a.revision ?? 0) - (b.revision ?? 0);
const sorted = <T extends { indicator: string; orgUnit: string; period: string; revision?: number }>(xs: T[]) => [...xs].sort(byKey);
const values = (xs: StoredMeasurement[]) => sorted(xs).map((m) => `${m.indicator}|${m.orgUnit}|${m.period}=${String(m.value)}`);

const quarters = [
  { period: '2020Q1', start: '2019-12-15', end: '2020-03-14' },
  { period: '2020Q2', start: '2020-03-15', end: '2020-06-14' },
  { period: '2020Q3', start: '2020-06-15', end: '2020-09-14' },
] as const;

async function rejectsWith(p: () => Awaitable<unknown>, code: string): Promise<void> {
  let caught: unknown = null;
  try {
    await p();
  } catch (e) {
    caught = e;
  }
  expect(isEgovPlanError(caught), `expected EgovPlanError ${code}, got ${String(caught)}`).toBe(true);
  expect((caught as { code: string }).code).toBe(code);
}

/**
 * Registers the conformance suite for one store with vitest (`describe` / `it`): call it at the
 * top level of a test file.
 *
 * @example
 * ```ts
 * import { runStoreTests } from '@egov-plan/testkit';
 * import { openSqliteStore, sqliteProbes } from '@egov-plan/store-sqlite';
 *
 * runStoreTests({ name: 'sqlite', store: () => openSqliteStore(':memory:'), raw: sqliteProbes });
 * ```
 */
export function runStoreTests(options: StoreTestOptions): void {
  const opened: MeasurementStore[] = [];
  const open = async () => {
    const s = await options.store();
    opened.push(s);
    return s;
  };

  describe(`measurement store conformance: ${options.name}`, () => {
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    const test = (name: StoreTestName, title: string, body: (store: MeasurementStore, skip: (reason: string) => void) => Promise<void>) => {
      const reason = options.skip?.[name];
      if (reason !== undefined) it.skip(`${title} — skipped for ${options.name}: ${reason}`, () => {});
      else it(title, async (ctx) => body(await open(), (why) => ctx.skip(`skipped for ${options.name}: ${why}`)));
    };
    /** The raw probes, or null (then the backend check is reported as skipped by the caller). */
    const rawOf = (store: MeasurementStore) => (options.raw ? options.raw(store) : null);

    if (!options.raw) it.skip(`backend probes — skipped for ${options.name}: no raw probes given, only the contract is checked`, () => {});

    test('revision', 'its revision token changes with every import and retraction, and equals revisionFromImports of imports()', async (store) => {
      const token = async () => {
        const r = store.revision ? await store.revision(PLAN) : revisionFromImports(await store.imports(PLAN));
        expect(r).toBe(revisionFromImports(await store.imports(PLAN)));
        return r;
      };
      const seen = [await token()];
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'rev-a', importedAt: '2020-03-01T00:00:00.000Z' }, [record({ orgUnit: 'u1', value: 10 })]);
      seen.push(await token());
      // An import that changes no value is still an import: the token moves.
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'rev-b', importedAt: '2020-03-02T00:00:00.000Z' }, [record({ orgUnit: 'u1', value: 10 })]);
      seen.push(await token());
      await store.retractImport('rev-a', { retractedBy: 'so-tttt', retractedAt: '2020-03-03T00:00:00.000Z' });
      seen.push(await token());
      expect(new Set(seen).size).toBe(seen.length);
      // Reading changes nothing; another plan's imports do not move this plan's token.
      expect(await token()).toBe(seen[seen.length - 1]);
      await store.importMeasurements({ plan: 'other-plan', file: 'o.csv', importedBy: 'x', importId: 'rev-o' }, [record({ orgUnit: 'u1', value: 1 })]);
      expect(await token()).toBe(seen[seen.length - 1]);
    });

    test('plans', 'plans() lists every plan it holds imports for, sorted, a retracted or unchanged import included', async (store) => {
      if (!store.plans) {
        // Optional in the contract: a store without it cannot be backed up whole by `dump`.
        expect(store.plans).toBeUndefined();
        return;
      }
      expect(await store.plans()).toEqual([]);
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'pl-a' }, [record({ value: 10 })]);
      await store.importMeasurements({ plan: 'a-second-plan', file: 'b.csv', importedBy: 'x', importId: 'pl-b' }, [record({ value: 1 })]);
      await store.importMeasurements({ plan: 'Z-upper', file: 'c.csv', importedBy: 'x', importId: 'pl-c' }, [record({ value: 2 })]);
      // Re-importing the same value and retracting an import keep the plan listed: its history is still there.
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'pl-a2' }, [record({ value: 10 })]);
      await store.retractImport('pl-b', { retractedBy: 'x' });
      expect(await store.plans()).toEqual(['Z-upper', 'a-second-plan', PLAN]);
      // A plan with only report submissions or task evidence is listed too (a backup must hold them).
      await store.recordSubmission({ plan: 'only-submissions', obligation: 'q', period: '2020Q1', reporter: 'so-tttt', submittedAt: '2020-03-14T02:00:00.000Z' });
      await store.recordTaskEvidence({ plan: 'only-evidence', task: 't', agency: 'so-tttt', date: '2020-01-01', done: true, reference: 'QĐ 1', recordedAt: '2020-01-02T00:00:00.000Z' });
      expect(await store.plans()).toEqual(['Z-upper', 'a-second-plan', PLAN, 'only-evidence', 'only-submissions']);
    });

    test('capabilities', 'declares its capabilities as booleans and names its kind', async (store) => {
      expect(typeof store.kind).toBe('string');
      for (const k of ['persistent', 'aggregatesInBackend', 'concurrentWriters'] as const) expect(typeof store.capabilities[k]).toBe('boolean');
    });

    test('import-provenance', 'keeps every row of an import with its file, sheet, row, importer and time', async (store) => {
      const summary = await store.importMeasurements({ plan: PLAN, file: 'q1.xlsx', importedBy: 'so-tttt', importedAt: '2020-03-20T08:00:00.000Z', importId: 'imp-1' }, [
        record({ orgUnit: 'u1', sheet: 'Huyện', row: 2, value: 40, numerator: 4, denominator: 10 }),
        record({ orgUnit: 'u2', sheet: 'Huyện', row: 3, value: true }),
      ]);
      expect(summary).toEqual({ importId: 'imp-1', rows: 2, revisions: 2, unchanged: 0 });
      const hist = sorted(await collect(store.history({ plan: PLAN })));
      expect(hist.map((m) => [m.orgUnit, m.value, m.numerator, m.denominator, m.sheet, m.row, m.file, m.importedBy, m.importedAt, m.importId, m.revision])).toEqual([
        ['u1', 40, 4, 10, 'Huyện', 2, 'q1.xlsx', 'so-tttt', '2020-03-20T08:00:00.000Z', 'imp-1', 1],
        ['u2', true, null, null, 'Huyện', 3, 'q1.xlsx', 'so-tttt', '2020-03-20T08:00:00.000Z', 'imp-1', 1],
      ]);
      const raw = rawOf(store);
      if (raw) {
        const rows = sorted(await raw.revisions(PLAN));
        expect(rows.map((r) => [r.orgUnit, r.value, r.numerator, r.denominator, r.file, r.sheet, r.row, r.importedBy, r.importId, r.revision])).toEqual([
          ['u1', 40, 4, 10, 'q1.xlsx', 'Huyện', 2, 'so-tttt', 'imp-1', 1],
          ['u2', true, null, null, 'q1.xlsx', 'Huyện', 3, 'so-tttt', 'imp-1', 1],
        ]);
        expect(await raw.imports(PLAN)).toEqual([{ importId: 'imp-1', plan: PLAN, file: 'q1.xlsx', importedBy: 'so-tttt', retractedAt: null }]);
      }
      const imports = await store.imports(PLAN);
      expect(imports.map((i) => [i.importId, i.rows, i.revisions, i.unchanged, i.retractedAt])).toEqual([['imp-1', 2, 2, 0, null]]);
      const id = (await store.importMeasurements({ plan: PLAN, file: 'q2.csv', importedBy: 'x' }, [record({ period: '2020Q2', start: '2020-03-15', end: '2020-06-14' })])).importId;
      expect(typeof id).toBe('string');
      expect(id).not.toBe('imp-1');
    });

    test('reimport-unchanged', 're-importing an identical file changes nothing', async (store) => {
      const rows = [record({ orgUnit: 'u1' }), record({ orgUnit: 'u2', value: 70 })];
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x' }, rows);
      const again = await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x' }, rows);
      expect([again.rows, again.revisions, again.unchanged]).toEqual([2, 0, 2]);
      expect((await collect(store.history({ plan: PLAN }))).length).toBe(2);
      const raw = rawOf(store);
      if (raw) expect((await raw.revisions(PLAN)).length).toBe(2);
    });

    test('correction-revision', 'a corrected value is a new revision; the old one is kept and the new one counts', async (store) => {
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'a' }, [record({ value: 18 })]);
      const fix = await store.importMeasurements({ plan: PLAN, file: 'b.csv', importedBy: 'y', importId: 'b' }, [record({ value: 21 })]);
      expect([fix.revisions, fix.unchanged]).toEqual([1, 0]);
      const hist = await collect(store.history({ plan: PLAN, indicator: 'ind', orgUnit: 'u1' }));
      expect(sorted(hist).map((m) => [m.revision, m.value, m.importId])).toEqual([
        [1, 18, 'a'],
        [2, 21, 'b'],
      ]);
      expect(values(await collect(store.currentValues({ plan: PLAN })))).toEqual(['ind|u1|2020Q1=21']);
      const raw = rawOf(store);
      if (raw) expect(sorted(await raw.revisions(PLAN)).map((r) => [r.revision, r.value])).toEqual([[1, 18], [2, 21]]);
      // Going back to the first value is a change too: a third revision.
      const back = await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x' }, [record({ value: 18 })]);
      expect(back.revisions).toBe(1);
      expect(values(await collect(store.currentValues({ plan: PLAN })))).toEqual(['ind|u1|2020Q1=18']);
    });

    test('batch-atomic', 'a batch that fails part-way leaves nothing behind', async (store) => {
      await store.importMeasurements({ plan: PLAN, file: 'ok.csv', importedBy: 'x' }, [record({ orgUnit: 'u0' })]);
      async function* failing() {
        for (let i = 0; i < 500; i++) yield record({ orgUnit: `u${i + 1}`, row: i + 2 });
        throw new Error('the file could not be read to the end');
      }
      await expect(Promise.resolve().then(() => store.importMeasurements({ plan: PLAN, file: 'broken.csv', importedBy: 'x', importId: 'broken' }, failing()))).rejects.toThrow('the file could not be read');
      expect(values(await collect(store.currentValues({ plan: PLAN })))).toEqual(['ind|u0|2020Q1=50']);
      expect((await store.imports(PLAN)).map((i) => i.file)).toEqual(['ok.csv']);
      const raw = rawOf(store);
      if (raw) {
        expect((await raw.revisions(PLAN)).length).toBe(1);
        expect((await raw.imports(PLAN)).map((i) => i.file)).toEqual(['ok.csv']);
      }
      // The store is still usable, and the failed import's id is free.
      const s = await store.importMeasurements({ plan: PLAN, file: 'broken.csv', importedBy: 'x', importId: 'broken' }, [record({ orgUnit: 'u9' })]);
      expect(s.revisions).toBe(1);
    });

    test('duplicate-import-id', 'an import id used twice is a typed error and writes nothing', async (store) => {
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'same' }, [record()]);
      await rejectsWith(() => store.importMeasurements({ plan: PLAN, file: 'b.csv', importedBy: 'x', importId: 'same' }, [record({ orgUnit: 'u2' })]), 'store.duplicate_import');
      expect((await collect(store.history({ plan: PLAN }))).length).toBe(1);
    });

    test('invalid-record', 'a record with a bad value or missing provenance is a typed error naming the row, and nothing is written', async (store) => {
      await rejectsWith(() => store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x' }, [record(), record({ orgUnit: 'u2', value: Number.NaN, row: 7 })]), 'store.invalid_record');
      await rejectsWith(() => store.importMeasurements({ plan: PLAN, file: '', importedBy: 'x' }, [record()]), 'store.invalid_provenance');
      await rejectsWith(() => store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importedAt: 'yesterday' }, [record()]), 'store.invalid_provenance');
      expect((await collect(store.history({ plan: PLAN }))).length).toBe(0);
      const raw = rawOf(store);
      if (raw) expect((await raw.revisions(PLAN)).length).toBe(0);
    });

    test('read-filters', 'reads by indicator, org unit, period, level and period-end window', async (store) => {
      const rows: MeasurementRecord[] = [];
      for (const q of quarters) {
        rows.push(record({ ...q, indicator: 'a', orgUnit: 'd1', level: 'district' }));
        rows.push(record({ ...q, indicator: 'a', orgUnit: 'c1', level: 'commune' }));
        rows.push(record({ ...q, indicator: 'b', orgUnit: 'd1', level: 'district' }));
      }
      rows.push(record({ indicator: 'a', orgUnit: 'd1', level: 'district', period: '2019-06-30', start: '2019-06-30', end: '2019-06-30', value: true, evidence: true }));
      await store.importMeasurements({ plan: PLAN, file: 'all.csv', importedBy: 'x' }, rows);
      const keys = async (q: Parameters<MeasurementStore['currentValues']>[0]) => sorted(await collect(store.currentValues(q))).map((m) => `${m.indicator}|${m.orgUnit}|${m.period}`);
      expect((await keys({ plan: PLAN })).length).toBe(10);
      expect(await keys({ plan: PLAN, indicator: 'b' })).toEqual(['b|d1|2020Q1', 'b|d1|2020Q2', 'b|d1|2020Q3']);
      expect(await keys({ plan: PLAN, orgUnit: 'c1' })).toEqual(['a|c1|2020Q1', 'a|c1|2020Q2', 'a|c1|2020Q3']);
      expect(await keys({ plan: PLAN, period: '2020Q2', level: 'district' })).toEqual(['a|d1|2020Q2', 'b|d1|2020Q2']);
      // Dated evidence counts from its date, also before the window opens.
      expect(await keys({ plan: PLAN, indicator: 'a', orgUnit: 'd1', endFrom: '2020-03-15', endTo: '2020-06-14' })).toEqual(['a|d1|2019-06-30', 'a|d1|2020Q2']);
      expect(await keys({ plan: PLAN, indicator: 'a', orgUnit: 'd1', endTo: '2020-03-14' })).toEqual(['a|d1|2019-06-30', 'a|d1|2020Q1']);
      expect(await keys({ plan: PLAN, indicator: 'nothing' })).toEqual([]);
    });

    test('plans-separate', "measurements of different plans never mix, even with the same ids", async (store) => {
      await store.importMeasurements({ plan: 'plan-a', file: 'a.csv', importedBy: 'x' }, [record({ value: 1 })]);
      await store.importMeasurements({ plan: 'plan-b', file: 'b.csv', importedBy: 'x' }, [record({ value: 2 })]);
      expect(values(await collect(store.currentValues({ plan: 'plan-a' })))).toEqual(['ind|u1|2020Q1=1']);
      expect(values(await collect(store.currentValues({ plan: 'plan-b' })))).toEqual(['ind|u1|2020Q1=2']);
      expect((await collect(store.history({ plan: 'plan-b' })))[0]?.revision).toBe(1);
      expect((await store.imports('plan-a')).map((i) => i.file)).toEqual(['a.csv']);
    });

    test('latest-values', 'the value that counts per indicator × org unit is the latest period in the window, counts required on demand', async (store) => {
      const [q1, q2, q3] = quarters;
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x' }, [
        record({ ...q1, orgUnit: 'u1', value: 10, numerator: 1, denominator: 10 }),
        record({ ...q2, orgUnit: 'u1', value: 20 }),
        record({ ...q3, orgUnit: 'u1', value: 30, numerator: 3, denominator: 10 }),
        record({ ...q1, orgUnit: 'u2', value: 11 }),
      ]);
      const latest = async (q: Parameters<MeasurementStore['latestValues']>[0]) => values(await collect(store.latestValues(q)));
      expect(await latest({ plan: PLAN })).toEqual(['ind|u1|2020Q3=30', 'ind|u2|2020Q1=11']);
      expect(await latest({ plan: PLAN, endTo: '2020-06-14' })).toEqual(['ind|u1|2020Q2=20', 'ind|u2|2020Q1=11']);
      expect(await latest({ plan: PLAN, endTo: '2020-06-14', withCounts: true })).toEqual(['ind|u1|2020Q1=10']);
      expect(await latest({ plan: PLAN, endFrom: '2020-03-15', endTo: '2020-06-14' })).toEqual(['ind|u1|2020Q2=20']);
    });

    /** Checks the store's `valuesThatCount` against `latestValues` (one call overall, two per window). */
    const sameAsLatestValues = async (store: MeasurementStore, plan: string, windows: readonly PeriodEndWindow[]) => {
      const read = await (store.valuesThatCount as NonNullable<MeasurementStore['valuesThatCount']>)({ plan, windows });
      const all = async (q: Parameters<MeasurementStore['latestValues']>[0]) => sorted(await collect(store.latestValues(q)));
      expect(sorted(read.latest)).toEqual(await all({ plan }));
      expect(read.windows.length).toBe(windows.length);
      for (const [i, w] of windows.entries()) {
        const got = read.windows[i];
        expect(sorted(got?.latest ?? [])).toEqual(await all({ plan, ...w }));
        expect(sorted(got?.latestWithCounts ?? [])).toEqual(await all({ plan, ...w, withCounts: true }));
      }
      return read;
    };
    /** Registers a test of `valuesThatCount`, skipped visibly for a store without it (callers then use `latestValues`). */
    const testValuesThatCount = (name: StoreTestName, title: string, body: (store: MeasurementStore) => Promise<void>) =>
      test(name, title, async (store, skip) => {
        if (!store.valuesThatCount) return skip('the store has no valuesThatCount (readValuesThatCount falls back to latestValues)');
        await body(store);
      });

    testValuesThatCount('values-that-count', 'valuesThatCount gives what latestValues gives overall and per window, with and without counts', async (store) => {
      const [q1, q2, q3] = quarters;
      const year = { period: '2020', start: '2019-12-15', end: '2020-09-14' };
      const q4 = { period: '2020Q4', start: '2020-09-15', end: '2020-12-14' };
      const next = { period: '2021Q1', start: '2020-12-15', end: '2021-03-14' };
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'so-tttt', importId: 'vc-a', importedAt: '2020-04-01T00:00:00.000Z' }, [
        record({ ...q1, orgUnit: 'u1', value: 10, numerator: 1, denominator: 10 }),
        record({ ...q2, orgUnit: 'u1', value: 20 }),
        // The same end as Q3: the later start counts.
        record({ ...year, orgUnit: 'u1', value: 25, numerator: 5, denominator: 20 }),
        record({ ...q3, orgUnit: 'u1', value: 30, numerator: 3, denominator: 10 }),
        record({ ...q4, orgUnit: 'u1', value: 40 }),
        // The same dates as Q4: the later period id counts. A numerator alone is not counts.
        record({ ...q4, period: '2020Q4b', orgUnit: 'u1', value: 41, numerator: 41, denominator: null }),
        record({ ...next, orgUnit: 'u1', value: 50, numerator: 5, denominator: 10 }),
        record({ ...q1, orgUnit: 'u2', level: 'district', value: 11, sheet: 'Huyện', row: 9 }),
        record({ indicator: 'ev', orgUnit: 'u2', level: 'district', period: '2019-06-30', start: '2019-06-30', end: '2019-06-30', value: true, evidence: true }),
        record({ indicator: 'ev', orgUnit: 'u3', level: 'commune', period: '2021-02-01', start: '2021-02-01', end: '2021-02-01', value: false, evidence: true }),
      ]);
      // A correction (a new revision counts), and an import retracted (its values leave).
      await store.importMeasurements({ plan: PLAN, file: 'b.xlsx', importedBy: 'so-noi-vu', importId: 'vc-b', importedAt: '2020-05-01T00:00:00.000Z' }, [record({ ...q2, orgUnit: 'u1', value: 21, numerator: 2, denominator: 10, sheet: 'Tỉnh' })]);
      await store.importMeasurements({ plan: PLAN, file: 'c.csv', importedBy: 'x', importId: 'vc-c', importedAt: '2020-06-01T00:00:00.000Z' }, [record({ ...q3, orgUnit: 'u1', value: 31 }), record({ ...q3, orgUnit: 'u2', level: 'district', value: 12 })]);
      await store.retractImport('vc-c', { retractedBy: 'so-tttt', retractedAt: '2020-06-02T00:00:00.000Z' });
      await store.importMeasurements({ plan: 'other-plan', file: 'o.csv', importedBy: 'x' }, [record({ ...next, orgUnit: 'u1', value: 99 })]);
      const windows = [
        { endFrom: '2019-01-01', endTo: '2020-12-31' },
        { endFrom: '2021-01-01', endTo: '2025-12-31' },
        { endFrom: '2019-01-01', endTo: '2020-06-14' },
        { endFrom: '2030-01-01', endTo: '2030-12-31' },
      ];
      const read = await sameAsLatestValues(store, PLAN, windows);
      // What that is, spelled out (independent of latestValues).
      const shown = (xs: StoredMeasurement[]) => values(xs);
      expect(shown(read.latest)).toEqual(['ev|u2|2019-06-30=true', 'ev|u3|2021-02-01=false', 'ind|u1|2021Q1=50', 'ind|u2|2020Q1=11']);
      expect(shown(read.windows[0]?.latest ?? [])).toEqual(['ev|u2|2019-06-30=true', 'ind|u1|2020Q4b=41', 'ind|u2|2020Q1=11']);
      expect(shown(read.windows[0]?.latestWithCounts ?? [])).toEqual(['ind|u1|2020Q3=30']);
      expect(shown(read.windows[1]?.latest ?? [])).toEqual(['ev|u2|2019-06-30=true', 'ev|u3|2021-02-01=false', 'ind|u1|2021Q1=50']);
      expect(shown(read.windows[2]?.latestWithCounts ?? [])).toEqual(['ind|u1|2020Q2=21']);
      expect(read.windows[3]?.latestWithCounts).toEqual([]);
      const u2 = read.windows[0]?.latest.find((m) => m.orgUnit === 'u2' && m.indicator === 'ind');
      expect([u2?.file, u2?.importedBy, u2?.importedAt, u2?.sheet, u2?.row, u2?.level, u2?.revision]).toEqual(['a.csv', 'so-tttt', '2020-04-01T00:00:00.000Z', 'Huyện', 9, 'district', 1]);
      // No window, and a plan without values.
      expect((await sameAsLatestValues(store, PLAN, [])).windows).toEqual([]);
      const none = await sameAsLatestValues(store, 'no-such-plan', windows);
      expect([none.latest, ...none.windows.flatMap((w) => [w.latest, w.latestWithCounts])].every((xs) => xs.length === 0)).toBe(true);
    });

    testValuesThatCount('law-values-that-count', 'for any imports, corrections and retractions, valuesThatCount equals the latestValues calls it stands for', async (store) => {
      let run = 0;
      const periods = [
        { period: '2019Q4', start: '2019-09-15', end: '2019-12-14' },
        ...quarters,
        { period: '2020', start: '2019-12-15', end: '2020-12-14' },
        { period: '2020Q4', start: '2020-09-15', end: '2020-12-14' },
        { period: '2020Q4b', start: '2020-09-15', end: '2020-12-14' },
        { period: '2021Q1', start: '2020-12-15', end: '2021-03-14' },
        { period: '2020-05-20', start: '2020-05-20', end: '2020-05-20', evidence: true },
        { period: '2022-01-10', start: '2022-01-10', end: '2022-01-10', evidence: true },
      ];
      const row = fc.record({ indicator: fc.constantFrom('a', 'b'), orgUnit: fc.constantFrom('u1', 'u2'), p: fc.nat(periods.length - 1), value: fc.integer({ min: 0, max: 3 }), counts: fc.constantFrom('both', 'none', 'numerator', 'denominator') });
      const day = fc.constantFrom('2019-01-01', '2019-12-14', '2020-03-14', '2020-06-30', '2020-12-14', '2020-12-31', '2021-01-01', '2025-12-31');
      const windows = fc.array(fc.tuple(day, day).map(([a, b]) => (a <= b ? { endFrom: a, endTo: b } : { endFrom: b, endTo: a })), { maxLength: 3 });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(row, { maxLength: 10 }), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(3), { maxLength: 2 }), windows, async (batches, retract, ws) => {
          const plan = `vtc-${run++}`;
          const ids: string[] = [];
          for (const batch of batches) {
            const rows = batch.map((r, i) => {
              const { evidence = false, ...p } = periods[r.p] as (typeof periods)[number] & { evidence?: boolean };
              const numerator = !evidence && (r.counts === 'both' || r.counts === 'numerator') ? r.value : null;
              const denominator = !evidence && (r.counts === 'both' || r.counts === 'denominator') ? 3 : null;
              return record({ indicator: r.indicator, orgUnit: r.orgUnit, ...p, evidence, value: evidence ? r.value % 2 === 0 : r.value, numerator, denominator, row: i + 2 });
            });
            ids.push((await store.importMeasurements({ plan, file: `f${ids.length}.csv`, importedBy: 'x' }, rows)).importId);
          }
          for (const i of new Set(retract)) if (i < ids.length) await store.retractImport(ids[i] as string, { retractedBy: 'x' });
          await sameAsLatestValues(store, plan, ws);
        }),
        { numRuns: options.propertyRuns ?? 15 },
      );
    });

    test('sum-counts', 'sums numerators and denominators of the values in force by indicator, period and level', async (store) => {
      const [q1, q2] = quarters;
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x' }, [
        record({ ...q1, orgUnit: 'd1', level: 'district', value: 50, numerator: 5, denominator: 10 }),
        record({ ...q1, orgUnit: 'd2', level: 'district', value: 25, numerator: 1.5, denominator: 6 }),
        record({ ...q1, orgUnit: 'c1', level: 'commune', value: 100, numerator: 2, denominator: 2 }),
        record({ ...q1, orgUnit: 'd3', level: 'district', value: 40 }),
        record({ ...q1, orgUnit: 'kt', level: 'province', value: 60, numerator: 60, denominator: 100 }),
        record({ ...q2, orgUnit: 'd1', level: 'district', value: 60, numerator: 6, denominator: 10 }),
      ]);
      // A correction replaces the old counts in the sum, it does not add to them.
      await store.importMeasurements({ plan: PLAN, file: 'fix.csv', importedBy: 'x' }, [record({ ...q1, orgUnit: 'd2', level: 'district', value: 50, numerator: 3, denominator: 6 })]);
      const sums = await store.sumCounts({ plan: PLAN, excludeOrgUnits: ['kt'], endTo: '2020-03-14' });
      const shown = sums.map((s) => [s.indicator, s.period, s.start, s.end, s.level, s.numerator, s.denominator, s.contributors]).sort((a, b) => String(a[4]).localeCompare(String(b[4])));
      expect(shown).toEqual([
        ['ind', '2020Q1', '2019-12-15', '2020-03-14', 'commune', 2, 2, 1],
        ['ind', '2020Q1', '2019-12-15', '2020-03-14', 'district', 8, 16, 2],
      ]);
      const district = await store.sumCounts({ plan: PLAN, level: 'district' });
      expect(district.map((s) => [s.period, s.numerator, s.denominator]).sort()).toEqual([
        ['2020Q1', 8, 16],
        ['2020Q2', 6, 10],
      ]);
      expect(await store.sumCounts({ plan: PLAN, indicator: 'none' })).toEqual([]);
    });

    test('retract', 'retracting an import restores the earlier values as new revisions and deletes nothing', async (store) => {
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'a' }, [record({ orgUnit: 'u1', value: 10 })]);
      await store.importMeasurements({ plan: PLAN, file: 'b.csv', importedBy: 'y', importId: 'b' }, [record({ orgUnit: 'u1', value: 99 }), record({ orgUnit: 'u2', value: 98 })]);
      const before = (await collect(store.history({ plan: PLAN }))).length;
      const r = await store.retractImport('b', { retractedBy: 'so-tttt', retractedAt: '2020-04-01T00:00:00.000Z' });
      expect([r.importId, r.revisions]).toEqual(['b', 2]);
      expect(values(await collect(store.currentValues({ plan: PLAN })))).toEqual(['ind|u1|2020Q1=10']);
      const hist = sorted(await collect(store.history({ plan: PLAN })));
      expect(hist.length).toBe(before + 2);
      expect(hist.filter((m) => m.retractionOf === 'b').map((m) => [m.orgUnit, m.revision, m.value, m.importId])).toEqual([
        ['u1', 3, 10, 'a'],
        ['u2', 2, null, 'b'],
      ]);
      expect((await store.imports(PLAN)).find((i) => i.importId === 'b')?.retractedAt).toBe('2020-04-01T00:00:00.000Z');
      const raw = rawOf(store);
      if (raw) {
        expect((await raw.revisions(PLAN)).length).toBe(before + 2);
        expect((await raw.imports(PLAN)).find((i) => i.importId === 'b')?.retractedAt).not.toBeNull();
      }
      // Retracting the first import too leaves nothing in force, and importing b's file again brings it back.
      await store.retractImport('a', { retractedBy: 'so-tttt' });
      expect(await collect(store.currentValues({ plan: PLAN }))).toEqual([]);
      const again = await store.importMeasurements({ plan: PLAN, file: 'b.csv', importedBy: 'y' }, [record({ orgUnit: 'u1', value: 99 })]);
      expect(again.revisions).toBe(1);
      expect(values(await collect(store.currentValues({ plan: PLAN })))).toEqual(['ind|u1|2020Q1=99']);
    });

    test('retract-errors', 'retracting an unknown import or one already retracted is a typed error', async (store) => {
      await rejectsWith(() => store.retractImport('nope', { retractedBy: 'x' }), 'store.unknown_import');
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'a' }, [record()]);
      await store.retractImport('a', { retractedBy: 'x' });
      await rejectsWith(() => store.retractImport('a', { retractedBy: 'x' }), 'store.already_retracted');
    });

    test('retract-reimport', 'retracting an import keeps the values a re-import of the same file still asserts, under the re-import; retracting both withdraws them', async (store) => {
      const rows = [record({ orgUnit: 'u1', value: 10, sheet: 'Huyện', row: 2 }), record({ orgUnit: 'u2', value: true, sheet: 'Huyện', row: 3 })];
      await store.importMeasurements({ plan: PLAN, file: 'q1.xlsx', importedBy: 'so-tttt', importId: 'rr-a', importedAt: '2020-03-20T00:00:00.000Z' }, rows);
      await store.recordSubmission({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1', reporter: 'so-tttt', submittedAt: '2020-03-20T00:00:00.000Z', importId: 'rr-a' });
      // The same file again (another name): nothing changes, no revision.
      const again = await store.importMeasurements({ plan: PLAN, file: 'q1-lan-2.xlsx', importedBy: 'huyen-dak-ha', importId: 'rr-b', importedAt: '2020-03-21T00:00:00.000Z' }, [{ ...rows[0]!, row: 5 }, { ...rows[1]!, row: 6 }]);
      await store.recordSubmission({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1', reporter: 'huyen-dak-ha', submittedAt: '2020-03-21T00:00:00.000Z', importId: 'rr-b' });
      expect([again.revisions, again.unchanged]).toEqual([0, 2]);
      expect((await collect(store.history({ plan: PLAN }))).length).toBe(2);
      if (store.reassertions) expect(sorted(await store.reassertions({ plan: PLAN })).map((x) => [x.orgUnit, x.revision, x.importId, x.sheet, x.row])).toEqual([['u1', 1, 'rr-b', 'Huyện', 5], ['u2', 1, 'rr-b', 'Huyện', 6]]);
      const r = await store.retractImport('rr-a', { retractedBy: 'so-tttt', retractedAt: '2020-04-01T00:00:00.000Z' });
      expect(r.revisions).toBe(2);
      // Still in force, now with the re-import as provenance; the history says what happened.
      const now = sorted(await collect(store.currentValues({ plan: PLAN })));
      expect(now.map((m) => [m.orgUnit, m.value, m.revision, m.importId, m.file, m.importedBy, m.sheet, m.row, m.retractionOf])).toEqual([
        ['u1', 10, 2, 'rr-b', 'q1-lan-2.xlsx', 'huyen-dak-ha', 'Huyện', 5, 'rr-a'],
        ['u2', true, 2, 'rr-b', 'q1-lan-2.xlsx', 'huyen-dak-ha', 'Huyện', 6, 'rr-a'],
      ]);
      expect(sorted(await collect(store.history({ plan: PLAN }))).map((m) => [m.orgUnit, m.revision, m.value, m.importId, m.retractionOf])).toEqual([
        ['u1', 1, 10, 'rr-a', null],
        ['u1', 2, 10, 'rr-b', 'rr-a'],
        ['u2', 1, true, 'rr-a', null],
        ['u2', 2, true, 'rr-b', 'rr-a'],
      ]);
      expect(values(await collect(store.latestValues({ plan: PLAN })))).toEqual(['ind|u1|2020Q1=10', 'ind|u2|2020Q1=true']);
      // The calendar counts the second submission only, as the values stand on the second import.
      expect((await store.submissions({ plan: PLAN })).map((x) => x.reporter)).toEqual(['huyen-dak-ha']);
      // Retracting the first import again is refused, and writes nothing.
      await rejectsWith(() => store.retractImport('rr-a', { retractedBy: 'so-tttt' }), 'store.already_retracted');
      expect((await collect(store.history({ plan: PLAN }))).length).toBe(4);
      // Retracting the second too withdraws the values: nothing else stands behind them.
      const both = await store.retractImport('rr-b', { retractedBy: 'so-tttt', retractedAt: '2020-04-02T00:00:00.000Z' });
      expect(both.revisions).toBe(2);
      expect(await collect(store.currentValues({ plan: PLAN }))).toEqual([]);
      expect(sorted(await collect(store.history({ plan: PLAN }))).filter((m) => m.retractionOf === 'rr-b').map((m) => [m.orgUnit, m.revision, m.value])).toEqual([['u1', 3, null], ['u2', 3, null]]);
      expect(await store.submissions({ plan: PLAN })).toEqual([]);
      const raw = rawOf(store);
      if (raw) expect((await raw.revisions(PLAN)).length).toBe(6);
    });

    test('retract-overlap', 'with a partial overlap, retracting an import withdraws only the values no standing import asserts', async (store) => {
      await store.importMeasurements({ plan: PLAN, file: 'a.csv', importedBy: 'x', importId: 'ro-a' }, [record({ orgUnit: 'x', value: 1 }), record({ orgUnit: 'y', value: 2 })]);
      // b restates y and changes nothing else; c corrects z, an import not retracted (unrelated).
      await store.importMeasurements({ plan: PLAN, file: 'b.csv', importedBy: 'x', importId: 'ro-b' }, [record({ orgUnit: 'y', value: 2 })]);
      await store.importMeasurements({ plan: PLAN, file: 'c.csv', importedBy: 'x', importId: 'ro-c' }, [record({ orgUnit: 'z', value: 3 })]);
      await store.retractImport('ro-a', { retractedBy: 'x' });
      expect(sorted(await collect(store.currentValues({ plan: PLAN }))).map((m) => [m.orgUnit, m.value, m.importId])).toEqual([['y', 2, 'ro-b'], ['z', 3, 'ro-c']]);
      // A value the re-import restated after a correction: retracting the correction restores
      // the value b stood behind, not a's.
      await store.importMeasurements({ plan: PLAN, file: 'd.csv', importedBy: 'x', importId: 'ro-d' }, [record({ orgUnit: 'y', value: 5 })]);
      await store.importMeasurements({ plan: PLAN, file: 'e.csv', importedBy: 'x', importId: 'ro-e' }, [record({ orgUnit: 'y', value: 5 })]);
      await store.retractImport('ro-b', { retractedBy: 'x' });
      expect(values(await collect(store.currentValues({ plan: PLAN, orgUnit: 'y' })))).toEqual(['ind|y|2020Q1=5']);
      await store.retractImport('ro-d', { retractedBy: 'x' });
      expect((await collect(store.currentValues({ plan: PLAN, orgUnit: 'y' }))).map((m) => [m.value, m.importId])).toEqual([[5, 'ro-e']]);
      await store.retractImport('ro-e', { retractedBy: 'x' });
      expect(await collect(store.currentValues({ plan: PLAN, orgUnit: 'y' }))).toEqual([]);
    });

    test('law-retract', 'for any imports (re-imports included) and retractions, the value in force is the latest value asserted by a standing import', async (store) => {
      let run = 0;
      const step = fc.oneof(
        fc.record({ kind: fc.constant('import' as const), rows: fc.array(fc.record({ orgUnit: fc.constantFrom('u1', 'u2', 'u3'), value: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 4 }) }),
        // `which`: an earlier import, counted back from the latest.
        fc.record({ kind: fc.constant('retract' as const), which: fc.nat(2) }),
        // The same file as an earlier import, again: rows that restate the values in force.
        fc.record({ kind: fc.constant('again' as const), which: fc.nat(2) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 10 }), async (steps) => {
          const plan = `law-retract-${run++}`;
          // The model: every import with what it asserted (its last row per key), oldest first.
          const model: { id: string; rows: { orgUnit: string; value: number }[]; asserted: Map<string, number>; standing: boolean }[] = [];
          let written = 0;
          for (const st of steps) {
            const rows = st.kind === 'import' ? st.rows : st.kind === 'again' ? model[model.length - 1 - st.which]?.rows : undefined;
            if (rows) {
              const id = `${plan}-${model.length}`;
              await store.importMeasurements({ plan, file: 'f.csv', importedBy: 'x', importId: id }, rows.map((r, i) => record({ orgUnit: r.orgUnit, value: r.value, row: i + 2 })));
              model.push({ id, rows, asserted: new Map(rows.map((r) => [`ind|${r.orgUnit}|2020Q1`, r.value])), standing: true });
            } else if (st.kind === 'retract') {
              const target = model[model.length - 1 - st.which];
              if (!target) continue;
              if (!target.standing) {
                await rejectsWith(() => store.retractImport(target.id, { retractedBy: 'x' }), 'store.already_retracted');
                continue;
              }
              await store.retractImport(target.id, { retractedBy: 'x' });
              target.standing = false;
            }
            const expected = new Map<string, { value: number; by: Set<string> }>();
            for (const i of model) {
              if (!i.standing) continue;
              for (const [k, v] of i.asserted) {
                const e = expected.get(k);
                if (e?.value === v) e.by.add(i.id);
                else expected.set(k, { value: v, by: new Set([i.id]) });
              }
            }
            const now = sorted(await collect(store.currentValues({ plan })));
            expect(values(now)).toEqual([...expected].map(([k, e]) => `${k}=${e.value}`).sort((a, b) => byKey(split(a), split(b))));
            // Its provenance is a standing import that asserted that value (the latest such, or an earlier one it restated).
            for (const m of now) expect(expected.get(`${m.indicator}|${m.orgUnit}|${m.period}`)?.by.has(m.importId), `${m.orgUnit} from ${m.importId}`).toBe(true);
            // Nothing is deleted.
            const n = (await collect(store.history({ plan }))).length;
            expect(n).toBeGreaterThanOrEqual(written);
            written = n;
          }
        }),
        // The case of issue 9 runs every time: a file imported, the same file again, the first retracted.
        { numRuns: options.propertyRuns ?? 15, examples: [[[{ kind: 'import', rows: [{ orgUnit: 'u1', value: 1 }, { orgUnit: 'u2', value: 2 }] }, { kind: 'again', which: 0 }, { kind: 'retract', which: 1 }, { kind: 'retract', which: 0 }]]] },
      );
    });

    test('submissions', 'records report submissions by reporter, obligation and period', async (store) => {
      await store.recordSubmission({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1', reporter: 'so-tttt', submittedAt: '2020-03-14T09:00:00+07:00' });
      await store.recordSubmission({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1', reporter: 'huyen-dak-ha', submittedAt: '2020-03-20T09:00:00+07:00' });
      await store.recordSubmission({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q2', reporter: 'so-tttt', submittedAt: '2020-06-10T09:00:00+07:00' });
      const q1 = await store.submissions({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1' });
      expect(q1.map((s) => [s.reporter, Date.parse(s.submittedAt)]).sort()).toEqual([
        ['huyen-dak-ha', Date.parse('2020-03-20T09:00:00+07:00')],
        ['so-tttt', Date.parse('2020-03-14T09:00:00+07:00')],
      ]);
      expect((await store.submissions({ plan: PLAN })).length).toBe(3);
      expect(await store.submissions({ plan: 'other' })).toEqual([]);
      const raw = rawOf(store);
      if (raw) expect((await raw.submissions(PLAN)).map((s) => s.reporter).sort()).toEqual(['huyen-dak-ha', 'so-tttt', 'so-tttt']);
    });

    test('submission-withdrawn', 'a submission recorded with an import is withdrawn when the import is retracted: no longer counted, still recorded', async (store) => {
      await store.importMeasurements({ plan: PLAN, file: 'q4.csv', importedBy: 'so-tttt', importId: 'sw-a' }, [record()]);
      await store.recordSubmission({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1', reporter: 'so-tttt', submittedAt: '2020-03-14T02:00:00.000Z', importId: 'sw-a' });
      await store.recordSubmission({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1', reporter: 'huyen-dak-ha', submittedAt: '2020-03-15T02:00:00.000Z' });
      await rejectsWith(() => store.recordSubmission({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1', reporter: 'x', submittedAt: '2020-03-15T02:00:00.000Z', importId: 'no-such-import' }), 'store.unknown_import');
      expect((await store.submissions({ plan: PLAN })).map((s) => [s.reporter, s.importId ?? null])).toEqual([['so-tttt', 'sw-a'], ['huyen-dak-ha', null]]);
      await store.retractImport('sw-a', { retractedBy: 'so-tttt', retractedAt: '2020-03-20T00:00:00.000Z' });
      expect((await store.submissions({ plan: PLAN, obligation: 'quarterly-report', period: '2020Q1' })).map((s) => s.reporter)).toEqual(['huyen-dak-ha']);
      const all = await store.submissions({ plan: PLAN, withdrawn: true });
      expect(all.map((s) => [s.reporter, s.importId ?? null, s.withdrawnAt === undefined ? null : Date.parse(s.withdrawnAt)])).toEqual([
        ['so-tttt', 'sw-a', Date.parse('2020-03-20T00:00:00.000Z')],
        ['huyen-dak-ha', null, null],
      ]);
      const raw = rawOf(store);
      // Nothing deleted.
      if (raw) expect((await raw.submissions(PLAN)).map((s) => s.reporter).sort()).toEqual(['huyen-dak-ha', 'so-tttt']);
    });

    test('import-counts', "an import given the counts it was first made with (a restore) records them, not those of the rows given", async (store) => {
      const s = await store.importMeasurements({ plan: PLAN, file: 'same.csv', importedBy: 'x', importId: 'ic-a', counts: { rows: 6, unchanged: 6 } }, []);
      expect([s.rows, s.revisions, s.unchanged]).toEqual([0, 0, 0]);
      await store.importMeasurements({ plan: PLAN, file: 'some.csv', importedBy: 'x', importId: 'ic-b', counts: { rows: 6, unchanged: 5 } }, [record()]);
      expect((await store.imports(PLAN)).map((i) => [i.importId, i.rows, i.revisions, i.unchanged])).toEqual([
        ['ic-a', 6, 0, 6],
        ['ic-b', 6, 1, 5],
      ]);
      await rejectsWith(() => store.importMeasurements({ plan: PLAN, file: 'bad.csv', importedBy: 'x', importId: 'ic-c', counts: { rows: 1, unchanged: 2 } }, []), 'store.invalid_provenance');
      expect((await store.imports(PLAN)).length).toBe(2);
    });

    test('write-atomically-records', 'a batch of writes holds report submissions, task evidence and rule files too: all land or none', async (store) => {
      if (!store.writeAtomically) return;
      const writes: StoreWrite[] = [
        { kind: 'ruleFile', file: { id: PLAN, text: '{"formatVersion":1}', savedBy: 'a', savedAt: '2020-01-01T00:00:00.000Z' } },
        { kind: 'import', provenance: { plan: PLAN, file: 'q1.csv', importedBy: 'x', importId: 'wr-a', importedAt: '2020-03-10T00:00:00.000Z' }, rows: [record()] },
        { kind: 'submission', submission: { plan: PLAN, obligation: 'quarterly-report', period: '2020Q1', reporter: 'so-tttt', submittedAt: '2020-03-10T00:00:00.000Z', importId: 'wr-a' } },
        { kind: 'taskEvidence', evidence: { plan: PLAN, task: 'task-1', agency: 'so-tttt', date: '2020-03-01', done: true, reference: 'QĐ 1', recordedAt: '2020-03-10T00:00:00.000Z' } },
      ];
      // The last write fails (its import id is taken): nothing of the batch stays.
      await rejectsWith(() => store.writeAtomically!([...writes, { kind: 'import', provenance: { plan: PLAN, file: 'q1.csv', importedBy: 'x', importId: 'wr-a' }, rows: [record()] }]), 'store.duplicate_import');
      expect(await store.ruleFile(PLAN)).toBeNull();
      expect(await store.imports(PLAN)).toEqual([]);
      expect(await store.submissions({ plan: PLAN, withdrawn: true })).toEqual([]);
      expect(await store.taskEvidence({ plan: PLAN })).toEqual([]);
      const raw = rawOf(store);
      if (raw) expect([(await raw.submissions(PLAN)).length, (await raw.taskEvidence(PLAN)).length, (await raw.ruleFiles(PLAN)).length]).toEqual([0, 0, 0]);
      const done = await store.writeAtomically(writes);
      expect(done.map((d) => d.rows)).toEqual([1, 1, 1, 1]);
      expect((await store.ruleFile(PLAN))?.revision).toBe(1);
      expect((await store.submissions({ plan: PLAN })).map((s) => [s.reporter, s.importId])).toEqual([['so-tttt', 'wr-a']]);
      expect((await store.taskEvidence({ plan: PLAN })).map((e) => e.task)).toEqual(['task-1']);
    });

    test('task-evidence', 'records task completion evidence', async (store) => {
      await store.recordTaskEvidence({ plan: PLAN, task: 'task-1', agency: 'so-tttt', date: '2019-12-31', done: true, reference: 'QĐ 123/QĐ-UBND', recordedAt: '2020-01-02T00:00:00.000Z' });
      await store.recordTaskEvidence({ plan: PLAN, task: 'task-2', agency: 'so-tttt', date: '2019-11-30', done: false, reference: 'draft', recordedAt: '2020-01-02T00:00:00.000Z' });
      const one = await store.taskEvidence({ plan: PLAN, task: 'task-1' });
      expect(one.map((e) => [e.task, e.agency, e.date, e.done, e.reference])).toEqual([['task-1', 'so-tttt', '2019-12-31', true, 'QĐ 123/QĐ-UBND']]);
      expect((await store.taskEvidence({ plan: PLAN })).length).toBe(2);
      const raw = rawOf(store);
      if (raw) expect((await raw.taskEvidence(PLAN)).map((e) => [e.task, e.done]).sort()).toEqual([['task-1', true], ['task-2', false]]);
    });

    test('rule-files', 'keeps every revision of a rule file; saving the same text again changes nothing', async (store) => {
      const v1 = await store.saveRuleFile({ id: 'my-province', text: '{"formatVersion":1}', savedBy: 'a' });
      const same = await store.saveRuleFile({ id: 'my-province', text: '{"formatVersion":1}', savedBy: 'b' });
      const v2 = await store.saveRuleFile({ id: 'my-province', text: '{"formatVersion":1,"id":"x"}', savedBy: 'c' });
      expect([v1.revision, same.revision, v2.revision]).toEqual([1, 1, 2]);
      expect((await store.ruleFile('my-province'))?.text).toBe('{"formatVersion":1,"id":"x"}');
      expect((await store.ruleFile('my-province', 1))?.savedBy).toBe('a');
      expect(await store.ruleFile('absent')).toBeNull();
      expect((await store.ruleFileRevisions('my-province')).map((r) => r.revision)).toEqual([1, 2]);
      const raw = rawOf(store);
      if (raw) expect((await raw.ruleFiles('my-province')).map((r) => [r.revision, r.savedBy])).toEqual([[1, 'a'], [2, 'c']]);
    });

    test('async-rows', 'takes rows from an async iterable (a cursor or a streamed file)', async (store) => {
      async function* rows() {
        for (let i = 0; i < 3000; i++) yield record({ orgUnit: `u${i}`, row: i + 2, value: i % 101 });
      }
      const s = await store.importMeasurements({ plan: PLAN, file: 'big.csv', importedBy: 'x' }, rows());
      expect([s.rows, s.revisions]).toEqual([3000, 3000]);
      expect((await collect(store.currentValues({ plan: PLAN }))).length).toBe(3000);
      const raw = rawOf(store);
      if (raw) expect((await raw.revisions(PLAN)).length).toBe(3000);
    });

    atomicWriteTests({ test, rawOf, open, record, propertyRuns: options.propertyRuns ?? 15 });

    test('law-values-in-force', 'for any sequence of imports, the values in force are the last value written for each measurement', async (store) => {
      let run = 0;
      const units = ['u1', 'u2', 'u3'];
      const row = fc.record({ orgUnit: fc.constantFrom(...units), q: fc.constantFrom(0, 1), value: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.boolean()) }); // spread-ok: a short fixed list
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(row, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), async (batches) => {
          const plan = `law-${run++}`;
          const model = new Map<string, number | boolean>();
          let written = 0;
          for (const batch of batches) {
            const rows = batch.map((r, i) => record({ orgUnit: r.orgUnit, ...quarters[r.q], value: r.value, row: i + 2 }));
            const seen = new Map(model);
            let expectedRevisions = 0;
            for (const r of rows) {
              const k = `${r.indicator}|${r.orgUnit}|${r.period}`;
              if (seen.get(k) !== r.value) expectedRevisions++;
              seen.set(k, r.value);
            }
            const s = await store.importMeasurements({ plan, file: 'f.csv', importedBy: 'x' }, rows);
            expect(s.revisions).toBe(expectedRevisions);
            written += expectedRevisions;
            for (const [k, v] of seen) model.set(k, v);
          }
          expect(values(await collect(store.currentValues({ plan })))).toEqual([...model].map(([k, v]) => `${k}=${String(v)}`).sort((a, b) => byKey(split(a), split(b))));
          expect((await collect(store.history({ plan }))).length).toBe(written);
        }),
        { numRuns: options.propertyRuns ?? 15 },
      );
    });
  });
}

function split(s: string): { indicator: string; orgUnit: string; period: string } {
  const [indicator = '', orgUnit = '', period = ''] = s.split('=')[0]!.split('|');
  return { indicator, orgUnit, period };
}
