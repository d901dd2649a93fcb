// Evaluating a national quarter from each store (issue 9): the synthetic quarter of
// scripts/lib/national-quarter.ts (336,546 values, 11,466 org units) imported into SQLite and
// PostgreSQL, then `evaluateFromStore` (one `valuesThatCount` read, then `evaluate`) against
// `evaluate` on the same rows already in memory, in the same run; the verdicts must agree. With
// EGOV_BENCH_STORE_EVALUATE_FALLBACK=1 also the read through three `latestValues` calls (the
// path of a store without `valuesThatCount`; tens of seconds on SQLite). PostgreSQL is measured
// when EGOV_PLAN_PG_URL (or libpq's PG* variables) reaches a server; otherwise its figures are
// null with the reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeasurementStore } from '../../packages/core/src/index.js';
import { bundledPlan, evaluate, evaluateFromStore, storedMeasurementSet, type Evaluation } from '../../packages/rules/src/index.js';
import { openPostgresStore } from '../../packages/store-postgres/src/index.js';
import { openSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { nationalQuarter } from '../lib/national-quarter.js';

/** node-postgres, loaded from the store package (the repository root does not depend on it). */
type BarePg = { Client: new (config: object) => { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> }; escapeIdentifier(name: string): string };

const plan = bundledPlan('kontum-1102-2019');
const FALLBACK = process.env.EGOV_BENCH_STORE_EVALUATE_FALLBACK === '1';
const round = (x: number) => Math.round(x);

/** Wall time of `work`, in ms, and its result. */
async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await work();
  return [r, performance.now() - t0];
}

const digest = (e: Evaluation) => JSON.stringify([e.at, e.summary, e.results.length, e.results.map((r) => r.status).join('')]);

async function measure(store: MeasurementStore): Promise<Record<string, unknown>> {
  const [imported, importMs] = await time(async () => store.importMeasurements({ plan: plan.id, file: 'national-2020Q4.csv', importedBy: 'bench' }, nationalQuarter(plan)));
  // The same rows in memory: the values in force as checked measurements, evaluated in the same run.
  const set = await storedMeasurementSet(plan, store);
  evaluate(plan, set); // warm-up (JIT), not counted
  const [inMemory, memoryMs] = await time(async () => evaluate(plan, set));
  const [, readMs] = await time(async () => store.valuesThatCount?.({ plan: plan.id, windows: plan.phases.map((p) => ({ endFrom: p.start, endTo: p.end })) }));
  const [fromStore, storeMs] = await time(() => evaluateFromStore(plan, store));
  const [again, againMs] = await time(() => evaluateFromStore(plan, store));
  if (digest(fromStore) !== digest(inMemory) || digest(again) !== digest(inMemory)) throw new Error(`storeEvaluate: ${store.kind} verdicts differ from the in-memory evaluation`);
  const figures: Record<string, unknown> = {
    values: imported.revisions,
    importMs: round(importMs),
    valuesThatCountMs: round(readMs),
    evaluateFromStoreMs: round(Math.min(storeMs, againMs)),
    evaluateInMemoryMs: round(memoryMs),
    ratio: Math.round((Math.min(storeMs, againMs) / memoryMs) * 10) / 10,
    results: fromStore.results.length,
  };
  if (FALLBACK) {
    const { valuesThatCount: _, ...withoutRead } = store;
    const [viaLatest, fallbackMs] = await time(() => evaluateFromStore(plan, withoutRead as MeasurementStore));
    if (digest(viaLatest) !== digest(inMemory)) throw new Error(`storeEvaluate: ${store.kind} verdicts through latestValues differ`);
    figures.latestValuesFallbackMs = round(fallbackMs);
  }
  process.stderr.write(`storeEvaluate ${store.kind}: ${JSON.stringify(figures)}\n`);
  return figures;
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-bench-store-evaluate-'));
  try {
    const sqliteStore = openSqliteStore(join(dir, 'store.sqlite'));
    const sqlite = await measure(sqliteStore).finally(() => sqliteStore.close());
    let postgres: Record<string, unknown>;
    const schema = `egov_bench_evaluate_${process.pid}`;
    let pgStore: Awaited<ReturnType<typeof openPostgresStore>> | null = null;
    try {
      pgStore = await openPostgresStore({ connection: process.env.EGOV_PLAN_PG_URL || undefined, schema, connectTimeoutMs: 3000 });
    } catch (e) {
      postgres = { skipped: true, reason: `no PostgreSQL server reachable (${(e as Error).message}); set EGOV_PLAN_PG_URL`, evaluateFromStoreMs: null, ratio: null };
    }
    if (pgStore) {
      const s = pgStore;
      try {
        postgres = await measure(s);
      } finally {
        await s.close();
        // The schema is the bench's own: dropped through a store-independent client.
        const pg = createRequire(new URL('../../packages/store-postgres/package.json', import.meta.url))('pg') as BarePg;
        const client = new pg.Client(process.env.EGOV_PLAN_PG_URL ? { connectionString: process.env.EGOV_PLAN_PG_URL } : {});
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
        await client.end();
      }
    }
    return { sqlite, postgres: postgres! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
