import { applyWrite, failedWriteOf, isEgovPlanError, revisionFromImports, writeAll, type MeasurementRecord, type MeasurementStore, type StoreWrite } from '@egov-plan/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { collect } from './collect.js';
import type { RawProbes } from './index.js';

// The conformance tests of `writeAtomically` (several imports and retractions as one
// transaction, what a restore of a backup writes): a batch whose N-th write fails leaves the
// store — read through the contract and, with raw probes, the backend itself — exactly as it was;
// a batch that succeeds leaves what the same writes made one at a time leave.

/** What the atomic-write tests need of the suite ({@link runStoreTests}'s own helpers). */
export interface AtomicTestContext {
  test: (name: 'write-atomically' | 'law-write-atomically', title: string, body: (store: MeasurementStore, skip: (reason: string) => void) => Promise<void>) => void;
  rawOf: (store: MeasurementStore) => RawProbes | null;
  /** Opens another fresh store (closed after the test). */
  open: () => Promise<MeasurementStore>;
  record: (over?: Partial<MeasurementRecord>) => MeasurementRecord;
  propertyRuns: number;
}

const quarters = [
  { period: '2020Q1', start: '2019-12-15', end: '2020-03-14' },
  { period: '2020Q2', start: '2020-03-15', end: '2020-06-14' },
] as const;

/** Everything a plan holds, through the contract and (when given) the backend directly. */
async function state(store: MeasurementStore, raw: RawProbes | null, plan: string): Promise<unknown> {
  const history = (await collect(store.history({ plan }))).map((m) => JSON.stringify(m)).sort();
  const imports = await store.imports(plan);
  const revision = store.revision ? await store.revision(plan) : revisionFromImports(imports);
  const backend = raw ? { revisions: (await raw.revisions(plan)).map((r) => JSON.stringify(r)).sort(), imports: await raw.imports(plan) } : null;
  return { history, imports, revision, backend, plans: store.plans ? await store.plans() : null };
}

/** A write that fails, of each kind a store refuses (or a file that breaks while it is read). */
type Failure = 'invalid-record' | 'duplicate-id' | 'unknown-retraction' | 'retracted-twice' | 'stream-error';
const FAILURES: readonly Failure[] = ['invalid-record', 'duplicate-id', 'unknown-retraction', 'retracted-twice', 'stream-error'];

function failing(kind: Failure, plan: string, ids: { imported: string; retracted: string }, record: AtomicTestContext['record']): StoreWrite {
  const provenance = { plan, file: 'bad.csv', importedBy: 'x', importedAt: '2020-05-01T00:00:00.000Z' };
  switch (kind) {
    case 'invalid-record':
      return { kind: 'import', provenance: { ...provenance, importId: `${plan}-bad` }, rows: [record({ orgUnit: 'u9' }), record({ orgUnit: 'u8', value: Number.NaN, row: 3 })] };
    case 'duplicate-id':
      return { kind: 'import', provenance: { ...provenance, importId: ids.imported }, rows: [record({ orgUnit: 'u9' })] };
    case 'unknown-retraction':
      return { kind: 'retract', importId: `${plan}-never-imported`, retractedBy: 'x' };
    case 'retracted-twice':
      return { kind: 'retract', importId: ids.retracted, retractedBy: 'x' };
    case 'stream-error':
      return {
        kind: 'import',
        provenance: { ...provenance, importId: `${plan}-broken` },
        rows: (async function* () {
          for (let i = 0; i < 50; i++) yield record({ orgUnit: `s${i}`, row: i + 2 });
          throw new Error('the file could not be read to the end');
        })(),
      };
  }
}

const CODES: Record<Failure, string | null> = {
  'invalid-record': 'store.invalid_record',
  'duplicate-id': 'store.duplicate_import',
  'unknown-retraction': 'store.unknown_import',
  'retracted-twice': 'store.already_retracted',
  'stream-error': null,
};

/** Registers the atomic-write tests of the suite. */
export function atomicWriteTests(t: AtomicTestContext): void {
  const { record } = t;

  t.test('write-atomically', 'writeAtomically: a batch whose N-th write fails leaves the store as it was (backend included); one that succeeds lands whole', async (store) => {
    const plan = 'kontum-1102-2019';
    const raw = t.rawOf(store);
    await store.importMeasurements({ plan, file: 'base.csv', importedBy: 'x', importId: 'wa-base', importedAt: '2020-01-01T00:00:00.000Z' }, [record({ orgUnit: 'u0', value: 1 }), record({ orgUnit: 'u1', value: 5 })]);
    const writes: StoreWrite[] = [
      { kind: 'import', provenance: { plan, file: 'a.csv', importedBy: 'x', importId: 'wa-a', importedAt: '2020-02-01T00:00:00.000Z' }, rows: [record({ orgUnit: 'u1', value: 6 }), record({ orgUnit: 'u2', value: 7 })] },
      { kind: 'retract', importId: 'wa-base', retractedBy: 'y', retractedAt: '2020-02-02T00:00:00.000Z' },
      { kind: 'import', provenance: { plan, file: 'b.csv', importedBy: 'x', importId: 'wa-b', importedAt: '2020-02-03T00:00:00.000Z' }, rows: [record({ orgUnit: 'u2', value: 8 }), record({ orgUnit: 'u3', ...quarters[1], value: true })] },
      { kind: 'import', provenance: { plan: 'another-plan', file: 'c.csv', importedBy: 'x', importId: 'wa-c', importedAt: '2020-02-04T00:00:00.000Z' }, rows: [record({ orgUnit: 'u1', value: 3 })] },
    ];
    const before = await state(store, raw, plan);
    const otherBefore = await state(store, raw, 'another-plan');
    // The fourth write fails (its second row is not a number): nothing of the first three stays.
    const bad: StoreWrite = { kind: 'import', provenance: { plan, file: 'bad.csv', importedBy: 'x', importId: 'wa-bad' }, rows: [record({ orgUnit: 'u5' }), record({ orgUnit: 'u6', value: Number.NaN, row: 3 })] };
    const batch = [...writes.slice(0, 3), bad, writes[3] as StoreWrite];
    let caught: unknown = null;
    try {
      await writeAll(store, batch);
    } catch (e) {
      caught = e;
    }
    expect(isEgovPlanError(caught), `expected a typed error, got ${String(caught)}`).toBe(true);
    expect(failedWriteOf(caught)).toBe(3);
    if (!store.writeAtomically) {
      // The fallback for a store without it: one write at a time, and the partial write is said.
      expect((caught as { code: string }).code).toBe('store.partially_written');
      expect((caught as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual(['store.partially_written', 'store.invalid_record']);
      expect(await state(store, raw, plan)).not.toEqual(before);
      return;
    }
    expect((caught as { code: string }).code).toBe('store.invalid_record');
    expect(await state(store, raw, plan)).toEqual(before);
    expect(await state(store, raw, 'another-plan')).toEqual(otherBefore);
    if (raw) expect((await raw.imports(plan)).map((i) => [i.importId, i.retractedAt])).toEqual([['wa-base', null]]);
    // The store is still usable; the same writes without the bad one land whole.
    const summaries = await store.writeAtomically(writes);
    expect(summaries.map((s) => [s.importId, s.rows, s.revisions, s.unchanged])).toEqual([
      ['wa-a', 2, 2, 0],
      ['wa-base', 1, 1, 0],
      ['wa-b', 2, 2, 0],
      ['wa-c', 1, 1, 0],
    ]);
    const inForce = (await collect(store.currentValues({ plan }))).map((m) => `${m.orgUnit}=${String(m.value)}`).sort();
    expect(inForce).toEqual(['u1=6', 'u2=8', 'u3=true']);
    if (raw) {
      expect((await raw.imports(plan)).map((i) => [i.importId, i.retractedAt !== null])).toEqual([
        ['wa-base', true],
        ['wa-a', false],
        ['wa-b', false],
      ]);
      expect((await raw.revisions(plan)).length).toBe(2 + 2 + 1 + 2);
      expect((await raw.revisions('another-plan')).map((r) => r.importId)).toEqual(['wa-c']);
    }
  });

  t.test('law-write-atomically', 'for any batch of imports and retractions: with a failing N-th write nothing changes; without one, the same as writing them one by one', async (store, skip) => {
    if (!store.writeAtomically) {
      skip('the store has no writeAtomically (writeAll writes one at a time; see write-atomically)');
      return;
    }
    const atomic = store.writeAtomically.bind(store);
    const raw = t.rawOf(store);
    // The oracle: another store of the same kind, written one write at a time.
    const oracle = await t.open();
    let run = 0;
    const step = fc.oneof(
      fc.record({ kind: fc.constant('import' as const), rows: fc.uniqueArray(fc.record({ orgUnit: fc.constantFrom('u1', 'u2', 'u3'), q: fc.constantFrom(0, 1), value: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.boolean()) }), { maxLength: 5, selector: (r) => `${r.orgUnit}${r.q}` }) }),
      fc.record({ kind: fc.constant('retract' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), fc.nat(), fc.constantFrom(...FAILURES), async (steps, at, kind) => { // spread-ok: five failure kinds
        const plan = `law-wa-${run++}`;
        // A first import outside the batch, which the batch may retract.
        const base = { plan, file: 'base.csv', importedBy: 'x', importId: `${plan}-base`, importedAt: '2020-01-01T00:00:00.000Z' };
        const baseRows = [record({ orgUnit: 'u1', value: 1 }), record({ orgUnit: 'u2', value: 2 })];
        // And one retracted before the batch.
        const old = { plan, file: 'old.csv', importedBy: 'x', importId: `${plan}-old`, importedAt: '2020-01-02T00:00:00.000Z' };
        for (const s of [store, oracle]) {
          await s.importMeasurements(base, baseRows);
          await s.importMeasurements(old, [record({ orgUnit: 'u3', value: 3 })]);
          await s.retractImport(old.importId, { retractedBy: 'y', retractedAt: '2020-01-03T00:00:00.000Z' });
        }
        const writes: StoreWrite[] = [];
        const importable = [base.importId];
        steps.forEach((s, i) => {
          const when = `2020-02-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`;
          if (s.kind === 'import') {
            const importId = `${plan}-${i}`;
            importable.push(importId);
            writes.push({ kind: 'import', provenance: { plan, file: `${i}.csv`, importedBy: 'x', importId, importedAt: when }, rows: s.rows.map((r, k) => record({ orgUnit: r.orgUnit, ...quarters[r.q], value: r.value, row: k + 2 })) });
          } else {
            const open = importable.filter((id) => !writes.some((w) => w.kind === 'retract' && w.importId === id));
            const id = open[s.pick % Math.max(open.length, 1)];
            if (id === undefined) return;
            writes.push({ kind: 'retract', importId: id, retractedBy: 'y', retractedAt: when });
          }
        });
        const all = writes;
        const n = at % (writes.length + 1);
        // The failing write names an import made (or retracted) earlier in the batch when there is one: the batch sees its own writes.
        const earlier = all.slice(0, n);
        const ids = {
          imported: earlier.flatMap((w) => (w.kind === 'import' ? [w.provenance.importId as string] : [])).at(-1) ?? base.importId,
          retracted: earlier.flatMap((w) => (w.kind === 'retract' ? [w.importId] : [])).at(-1) ?? old.importId,
        };
        const bad = [...all.slice(0, n), failing(kind, plan, ids, record), ...all.slice(n)];
        const before = await state(store, raw, plan);
        let caught: unknown = null;
        try {
          await atomic(bad);
        } catch (e) {
          caught = e;
        }
        expect(caught, `the batch with a ${kind} at write ${n} was accepted`).not.toBeNull();
        expect(failedWriteOf(caught)).toBe(n);
        const code = CODES[kind];
        if (code !== null) expect((caught as { code?: string }).code).toBe(code);
        expect(await state(store, raw, plan)).toEqual(before);
        // Without the failing write: what writing them one by one gives.
        const summaries = await atomic(all);
        const oracleSummaries = [];
        for (const w of all) oracleSummaries.push(await applyWrite(oracle, w));
        expect(summaries).toEqual(oracleSummaries);
        const seen = (await state(store, raw, plan)) as { history: string[]; imports: unknown[] };
        const expected = (await state(oracle, t.rawOf(oracle), plan)) as { history: string[]; imports: unknown[] };
        expect(seen.history).toEqual(expected.history);
        expect(seen.imports).toEqual(expected.imports);
      }),
      { numRuns: t.propertyRuns },
    );
  });
}
