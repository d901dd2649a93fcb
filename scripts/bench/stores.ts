// Import throughput of the SQL measurement stores: ROWS checked records written through
// `importMeasurements` (validation, revision lookup, provenance, one transaction), then the same
// file again (every row unchanged), against a ceiling measured in the same run — the same rows
// inserted bare into the same table (same indexes) in one transaction: better-sqlite3 prepared
// statements for SQLite, batched `INSERT … SELECT FROM unnest` for PostgreSQL. Then the summed
// counts of a level (`sumCounts`, GROUP BY in the backend) against summing `currentValues` in
// Node; the two must agree. PostgreSQL is measured when EGOV_PLAN_PG_URL (or libpq's PG*
// variables) reaches a server; otherwise its figures are null with the reason.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CountSum, MeasurementQuery, MeasurementRecord, MeasurementStore, StoredMeasurement } from '../../packages/core/src/index.js';
import { openPostgresStore, type PostgresStore } from '../../packages/store-postgres/src/index.js';
import { openSqliteStore } from '../../packages/store-sqlite/src/index.js';

const ROWS = Number(process.env.EGOV_BENCH_STORE_ROWS ?? 100_000);
const PLAN = 'bench-plan';
const INDICATORS = 10;
const sqliteRequire = createRequire(new URL('../../packages/store-sqlite/package.json', import.meta.url));
const pgRequire = createRequire(new URL('../../packages/store-postgres/package.json', import.meta.url));

/** ROWS records: INDICATORS indicators × org units (district and commune), one quarter. */
function* records(): Generator<MeasurementRecord> {
  for (let i = 0; i < ROWS; i++) {
    const unit = Math.floor(i / INDICATORS);
    const denominator = 50 + (unit % 50);
    const numerator = (unit * 7) % denominator;
    yield {
      indicator: `ind-${i % INDICATORS}`,
      orgUnit: `ou-${unit}`,
      level: unit % 10 === 0 ? 'district' : 'commune',
      period: '2020Q4',
      start: '2020-09-15',
      end: '2020-12-14',
      value: (numerator / denominator) * 100,
      numerator,
      denominator,
      evidence: false,
      sheet: null,
      row: i + 2,
    };
  }
}

// The drivers, loaded from the store packages (the repository root does not depend on them).
type BareSqlite = new (file: string) => { exec(sql: string): void; prepare(sql: string): { run(...params: unknown[]): unknown }; close(): void };
type BarePg = { Client: new (config: object) => { connect(): Promise<void>; query(sql: string, params?: unknown[]): Promise<unknown>; end(): Promise<void> }; escapeIdentifier(name: string): string };

const perSec = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function sumInNode(values: Iterable<{ indicator: string; level: string; numerator: number | null; denominator: number | null }>): Map<string, [number, number]> {
  const sums = new Map<string, [number, number]>();
  for (const m of values) {
    if (m.numerator === null || m.denominator === null) continue;
    const k = `${m.indicator}|${m.level}`;
    const s = sums.get(k) ?? [0, 0];
    s[0] += m.numerator;
    s[1] += m.denominator;
    sums.set(k, s);
  }
  return sums;
}

/** Times the store's own paths on an empty store; the ceiling is timed by the caller. */
async function throughStore(store: Omit<MeasurementStore, 'currentValues'> & { currentValues(q: MeasurementQuery): Promise<StoredMeasurement[]> }): Promise<Record<string, number | boolean>> {
  let t0 = performance.now();
  const first = await store.importMeasurements({ plan: PLAN, file: 'bench.csv', importedBy: 'bench' }, records());
  const importMs = performance.now() - t0;
  if (first.revisions !== ROWS) throw new Error(`stores benchmark: ${first.revisions} revisions written, expected ${ROWS}`);
  t0 = performance.now();
  const again = await store.importMeasurements({ plan: PLAN, file: 'bench.csv', importedBy: 'bench' }, records());
  const reimportMs = performance.now() - t0;
  if (again.unchanged !== ROWS) throw new Error(`stores benchmark: re-import left ${again.unchanged} rows unchanged, expected ${ROWS}`);
  t0 = performance.now();
  const sums: CountSum[] = await store.sumCounts({ plan: PLAN });
  const sumCountsMs = performance.now() - t0;
  t0 = performance.now();
  const inNode = sumInNode(await store.currentValues({ plan: PLAN }));
  const sumInNodeMs = performance.now() - t0;
  const same = sums.length === inNode.size && sums.every((s) => {
    const n = inNode.get(`${s.indicator}|${s.level}`);
    return n !== undefined && n[0] === s.numerator && n[1] === s.denominator;
  });
  if (!same) throw new Error('stores benchmark: sumCounts differs from summing the values in force in Node');
  return { importMs: round(importMs), rowsPerSec: perSec(ROWS, importMs), reimportMs: round(reimportMs), reimportRowsPerSec: perSec(ROWS, reimportMs), sumCountsMs: round(sumCountsMs), sumInNodeMs: round(sumInNodeMs), sumsAgree: same };
}

async function sqlite(dir: string): Promise<Record<string, unknown>> {
  const store = openSqliteStore(join(dir, 'store.sqlite'));
  const figures = await throughStore(store);
  await store.close();
  // The ceiling: an empty database of the same schema, the same rows inserted bare.
  const ceilingStore = openSqliteStore(join(dir, 'ceiling.sqlite'));
  await ceilingStore.close();
  const Database = sqliteRequire('better-sqlite3') as BareSqlite;
  const db = new Database(join(dir, 'ceiling.sqlite'));
  const t0 = performance.now();
  db.exec('BEGIN');
  db.prepare("INSERT INTO imports (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES ('c', ?, 'c.csv', 'bench', '2020-12-15T00:00:00Z', 0, 0, 0)").run(PLAN);
  const insert = db.prepare(
    'INSERT INTO measurements (plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, retraction_of, superseded) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, 0, ?, ?, 0, ?, ?, ?, ?, NULL, 0)',
  );
  for (const r of records()) insert.run(PLAN, r.indicator, r.orgUnit, r.period, r.level, r.start, r.end, r.value, r.numerator, r.denominator, 'c', r.sheet, r.row, '2020-12-15T00:00:00Z');
  db.exec('COMMIT');
  const ceilingMs = performance.now() - t0;
  db.close();
  return { ...figures, ceilingMs: round(ceilingMs), ceilingRowsPerSec: perSec(ROWS, ceilingMs), ceilingRatio: round((figures.rowsPerSec as number) / perSec(ROWS, ceilingMs), 3) };
}

async function postgres(): Promise<Record<string, unknown>> {
  const connection = process.env.EGOV_PLAN_PG_URL || undefined;
  const schema = `egov_bench_${process.pid}`;
  let store: PostgresStore;
  try {
    store = await openPostgresStore({ connection, schema, connectTimeoutMs: 3000 });
  } catch (e) {
    return { skipped: true, reason: `no PostgreSQL server reachable (${(e as Error).message}); set EGOV_PLAN_PG_URL`, rowsPerSec: null, ceilingRatio: null };
  }
  const pg = pgRequire('pg') as BarePg;
  const s = pg.escapeIdentifier(schema);
  const c = pg.escapeIdentifier(`${schema}_ceiling`);
  const client = new pg.Client(typeof connection === 'string' ? { connectionString: connection } : {});
  await client.connect();
  try {
    const figures = await throughStore(store);
    await client.query(`CREATE SCHEMA ${c}`);
    await client.query(`CREATE TABLE ${c}.imports (LIKE ${s}.imports INCLUDING ALL)`);
    await client.query(`CREATE TABLE ${c}.measurements (LIKE ${s}.measurements INCLUDING ALL)`);
    await client.query(`ALTER TABLE ${c}.measurements ADD FOREIGN KEY (import_id) REFERENCES ${c}.imports (import_id)`);
    const t0 = performance.now();
    await client.query('BEGIN');
    await client.query(`INSERT INTO ${c}.imports (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES ('c', $1, 'c.csv', 'bench', '2020-12-15T00:00:00Z', 0, 0, 0)`, [PLAN]);
    let batch: MeasurementRecord[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const col = <T>(f: (r: MeasurementRecord) => T) => batch.map(f);
      await client.query(
        `INSERT INTO ${c}.measurements (plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, superseded)
         SELECT $1, i, o, p, 1, l, st, en, v, false, n, d, false, 'c', NULL, rw, '2020-12-15T00:00:00Z', false FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::int[]) AS x(i, o, p, l, st, en, v, n, d, rw)`,
        [PLAN, col((r) => r.indicator), col((r) => r.orgUnit), col((r) => r.period), col((r) => r.level), col((r) => r.start), col((r) => r.end), col((r) => r.value), col((r) => r.numerator), col((r) => r.denominator), col((r) => r.row)],
      );
      batch = [];
    };
    for (const r of records()) {
      batch.push(r);
      if (batch.length === 1000) await flush();
    }
    await flush();
    await client.query('COMMIT');
    const ceilingMs = performance.now() - t0;
    return { ...figures, ceilingMs: round(ceilingMs), ceilingRowsPerSec: perSec(ROWS, ceilingMs), ceilingRatio: round((figures.rowsPerSec as number) / perSec(ROWS, ceilingMs), 3), ceiling: 'batched INSERT … SELECT FROM unnest (1000 rows), same table and indexes' };
  } finally {
    await store.close();
    await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${c} CASCADE`);
    await client.end();
  }
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-bench-stores-'));
  try {
    const result = { rows: ROWS, sqlite: await sqlite(dir), postgres: await postgres() };
    process.stderr.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
