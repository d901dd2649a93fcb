// Importing a CSV file end to end — read as a stream, parsed, checked against the plan, revisions
// and provenance, one transaction (`importTabularStream`) — against ceilings measured in the same
// run:
// - SQLite: the same rows inserted bare by better-sqlite3 prepared statements in one transaction,
//   into a database the store created (same schema and indexes, 16 KiB pages) on a connection
//   with the store's pragmas (16 MiB page cache, WAL, synchronous NORMAL, foreign keys). The
//   ceiling runs before and after the import and the faster run counts (the ratio errs low).
//   The old ceiling (SQLite's defaults, a table with the primary key only) is reported beside it.
// - Peak memory: the max RSS of a fresh child process importing 100,000 and 1,000,000 rows.
// - PostgreSQL (EGOV_PLAN_PG_URL or libpq's PG* variables): the store's import of the same file
//   against bare `COPY … FROM STDIN` of the same rows into tables made by the store's own
//   migrations (same indexes, same foreign key), in one transaction. No server: null figures with
//   the reason, and the benchmark still succeeds.
// - XLSX: the max RSS of a fresh child process importing a workbook of 200,000 and 1,000,000 rows
//   (EGOV_BENCH_IMPORT_XLSX_ROWS, comma-separated; written by exceljs's streaming writer with
//   shared strings, as Excel writes them) through `importTabularStream`, which reads it as a
//   stream, and its rows per second end to end.
// EGOV_BENCH_IMPORT_ROWS sets the large size (default 1,000,000), EGOV_BENCH_IMPORT_PG_ROWS the
// PostgreSQL size (default 100,000: the store writes ~10⁴ rows/s there, and the machine is shared).
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { from as copyFrom } from 'pg-copy-streams';
import type { MeasurementRecord } from '../../packages/core/src/index.js';
import { bundledPlan } from '../../packages/rules/src/index.js';
import { POSTGRES_MIGRATIONS, openPostgresStore, type PostgresStore } from '../../packages/store-postgres/src/index.js';
import { openSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { importTabularStream } from '../../packages/tabular/src/index.js';

const LARGE = Number(process.env.EGOV_BENCH_IMPORT_ROWS ?? 1_000_000);
const SMALL = 100_000;
const PG_ROWS = Number(process.env.EGOV_BENCH_IMPORT_PG_ROWS ?? 100_000);
const XLSX_ROWS = (process.env.EGOV_BENCH_IMPORT_XLSX_ROWS ?? '200000,1000000').split(',').filter(Boolean).map(Number);
const PLAN = 'kontum-1102-2019';
const AT = '2020-12-15T00:00:00.000Z';
const sqliteRequire = createRequire(new URL('../../packages/store-sqlite/package.json', import.meta.url));
const pgRequire = createRequire(new URL('../../packages/store-postgres/package.json', import.meta.url));
const tabularRequire = createRequire(new URL('../../packages/tabular/package.json', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Row `i` of the file: a commune value of one indicator and quarter (an org unit the plan does not know, so with its level). */
function row(i: number): { orgUnit: string; value: number; numerator: number; denominator: number } {
  const denominator = 50 + (i % 50);
  const numerator = (i * 7) % denominator;
  return { orgUnit: `xa-${i}`, value: Math.round((numerator / denominator) * 1000) / 10, numerator, denominator };
}

/** The record the import writes for row `i` (Decree 09/2019 quarter 2020Q4: 2020-09-15 … 2020-12-14). */
function record(i: number): MeasurementRecord {
  return { indicator: 'online-dossier-rate', level: 'commune', period: '2020Q4', start: '2020-09-15', end: '2020-12-14', evidence: false, sheet: null, row: i + 2, ...row(i) };
}

function csv(rows: number): string {
  const lines = ['indicator,orgUnit,level,period,value,numerator,denominator'];
  for (let i = 0; i < rows; i++) {
    const r = row(i);
    lines.push(`online-dossier-rate,${r.orgUnit},commune,2020Q4,${r.value},${r.numerator},${r.denominator}`);
  }
  return `${lines.join('\n')}\n`;
}

/** 100 reporting periods: the months of 2019–2026 and the quarters of 2020. */
const PERIODS = [...Array.from({ length: 96 }, (_, k) => `${2019 + Math.floor(k / 12)}M${String((k % 12) + 1).padStart(2, '0')}`), '2020Q1', '2020Q2', '2020Q3', '2020Q4'];

/** `rows` values of `units` communes over as many of {@link PERIODS} as it takes (distinct measurements, repeated org units). */
function csvUnits(rows: number, units: number): string {
  const lines = ['indicator,orgUnit,level,period,value,numerator,denominator'];
  for (let i = 0; i < rows; i++) {
    const r = row(i);
    lines.push(`online-dossier-rate,xa-${i % units},commune,${PERIODS[Math.floor(i / units)]},${r.value},${r.numerator},${r.denominator}`);
  }
  return `${lines.join('\n')}\n`;
}

type Writer = { addWorksheet(name: string): { addRow(values: unknown[]): { commit(): void }; commit(): void }; commit(): Promise<void> };
type ExcelStream = { stream: { xlsx: { WorkbookWriter: new (o: object) => Writer } } };

/** Writes a workbook of `rows` rows ({@link row}: every row a distinct commune) with exceljs's streaming writer, shared strings as Excel writes them. */
async function xlsx(rows: number, path: string): Promise<void> {
  const ExcelJS = tabularRequire('exceljs') as ExcelStream;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Cấp xã');
  ws.addRow(['indicator', 'orgUnit', 'level', 'period', 'value', 'numerator', 'denominator']).commit();
  for (let i = 0; i < rows; i++) {
    const r = row(i);
    ws.addRow(['online-dossier-rate', r.orgUnit, 'commune', '2020Q4', r.value, r.numerator, r.denominator]).commit();
  }
  ws.commit();
  await wb.commit();
}

const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Imports `file` (of `rows` rows) end to end into `store`: the seconds it took. */
async function streamImport(store: Parameters<typeof importTabularStream>[0], file: string, rows: number): Promise<number> {
  const t = process.hrtime.bigint();
  const done = await importTabularStream(store, bundledPlan(PLAN), { name: file.endsWith('.xlsx') ? 'bench.xlsx' : 'bench.csv', stream: createReadStream(file) }, { importedBy: 'bench', importedAt: AT, maxBytes: 1 << 30 });
  const s = seconds(t);
  if (!done.imported || done.revisions !== rows) throw new Error(`bench import failed: ${JSON.stringify(done.issues.slice(0, 3))}`);
  return s;
}

/** The same records written through the store alone (no file, no parsing, no plan checks): the seconds it took. */
async function storeOnly(database: string, rows: number): Promise<number> {
  const store = openSqliteStore(database);
  function* records(): Generator<MeasurementRecord> {
    for (let i = 0; i < rows; i++) yield record(i);
  }
  const t = process.hrtime.bigint();
  await store.importMeasurements({ plan: PLAN, file: 'bench.csv', importedBy: 'bench', importedAt: AT }, records());
  const s = seconds(t);
  await store.close();
  return s;
}

type BareSqlite = new (f: string) => { exec(s: string): void; prepare(s: string): { run(...a: unknown[]): void }; pragma(s: string): void; close(): void };

/**
 * The same rows inserted bare by prepared statements in one transaction: the seconds it took.
 * `like`: into a database the store created, with the store's connection pragmas; otherwise a
 * table with the primary key only, on SQLite's defaults (the ceiling of the first measurements).
 */
async function ceiling(rows: number, database: string, like: boolean): Promise<number> {
  if (like) await openSqliteStore(database).close();
  const Database = sqliteRequire('better-sqlite3') as BareSqlite;
  const db = new Database(database);
  if (like) {
    db.pragma('cache_size = -16384');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } else {
    db.pragma('journal_mode = WAL');
    db.exec(
      'CREATE TABLE measurements (plan TEXT NOT NULL, indicator TEXT NOT NULL, org_unit TEXT NOT NULL, period TEXT NOT NULL, revision INTEGER NOT NULL, level TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL, value REAL, value_is_boolean INTEGER NOT NULL, numerator REAL, denominator REAL, evidence INTEGER NOT NULL, import_id TEXT NOT NULL, sheet TEXT, row INTEGER NOT NULL, recorded_at TEXT NOT NULL, retraction_of TEXT, superseded INTEGER NOT NULL, PRIMARY KEY (plan, indicator, org_unit, period, revision)) WITHOUT ROWID',
    );
  }
  const insert = db.prepare(
    'INSERT INTO measurements (plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, retraction_of, superseded) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, 0, ?, ?, 0, ?, NULL, ?, ?, NULL, 0)',
  );
  const t = process.hrtime.bigint();
  db.exec('BEGIN IMMEDIATE');
  if (like) db.prepare("INSERT INTO imports (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES ('c', ?, 'bench.csv', 'bench', ?, 0, 0, 0)").run(PLAN, AT);
  for (let i = 0; i < rows; i++) {
    const r = record(i);
    insert.run(PLAN, r.indicator, r.orgUnit, r.period, r.level, r.start, r.end, r.value, r.numerator, r.denominator, 'c', r.row, AT);
  }
  db.exec('COMMIT');
  const s = seconds(t);
  db.close();
  return s;
}

/** Peak memory (max RSS, MiB) of a fresh process importing the file `rows-<rows><suffix>.csv` (`.xlsx` for suffix `.xlsx`) of `rows` rows. */
function peakMiB(rows: number, dir: string, suffix = ''): number {
  return child(rows, dir, suffix)[0] as number;
}

/** A fresh process importing the file: its max RSS (MiB) and the seconds the import took. */
function child(rows: number, dir: string, suffix = ''): number[] {
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, '--conditions=@egov-plan/source', fileURLToPath(import.meta.url)], {
    env: { ...process.env, EGOV_BENCH_IMPORT_CHILD: String(rows), EGOV_BENCH_IMPORT_DIR: dir, EGOV_BENCH_IMPORT_SUFFIX: suffix },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`child import failed: ${r.stderr}`);
  return (r.stdout.trim().split('\n').pop() as string).split(' ').map(Number);
}

if (process.env.EGOV_BENCH_IMPORT_CHILD) {
  const rows = Number(process.env.EGOV_BENCH_IMPORT_CHILD);
  const dir = process.env.EGOV_BENCH_IMPORT_DIR as string;
  const suffix = process.env.EGOV_BENCH_IMPORT_SUFFIX ?? '';
  const store = openSqliteStore(join(dir, `child-${rows}${suffix}.sqlite`));
  const s = await streamImport(store, join(dir, suffix === '.xlsx' ? `rows-${rows}.xlsx` : `rows-${rows}${suffix}.csv`), rows);
  await store.close();
  process.stdout.write(`${Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10} ${s}\n`);
}

type BarePg = { Client: new (config: object) => { connect(): Promise<void>; query(sql: string | object, params?: unknown[]): unknown; end(): Promise<void> }; escapeIdentifier(name: string): string };

/** The store's import of the PostgreSQL file against bare COPY of the same rows into the store's own tables. */
async function postgres(dir: string): Promise<Record<string, unknown>> {
  const connection = process.env.EGOV_PLAN_PG_URL || undefined;
  const schema = `egov_bench_import_${process.pid}`;
  let store: PostgresStore;
  try {
    store = await openPostgresStore({ connection, schema, connectTimeoutMs: 3000 });
  } catch (e) {
    return { postgresRowsPerSec: null, postgresCeilingRowsPerSec: null, postgresCeilingRatio: null, postgresReason: `no PostgreSQL server reachable (${(e as Error).message}); set EGOV_PLAN_PG_URL` };
  }
  const pg = pgRequire('pg') as BarePg;
  const ceilingSchema = `${schema}_ceiling`;
  const c = pg.escapeIdentifier(ceilingSchema);
  const client = new pg.Client(typeof connection === 'string' ? { connectionString: connection } : {});
  await client.connect();
  try {
    const file = join(dir, `rows-${PG_ROWS}.csv`);
    if (PG_ROWS !== SMALL && PG_ROWS !== LARGE) writeFileSync(file, csv(PG_ROWS));
    const storeS = await streamImport(store, file, PG_ROWS);
    // The ceiling's tables: the store's migrations in a schema of their own (same indexes, same foreign key).
    await client.query(`CREATE SCHEMA ${c}`);
    for (const m of POSTGRES_MIGRATIONS) await client.query(m.sql.replaceAll('{{schema}}', c));
    const lines: string[] = [];
    for (let i = 0; i < PG_ROWS; i++) {
      const r = record(i);
      lines.push(`${PLAN},${r.indicator},${r.orgUnit},${r.period},1,${r.level},${r.start},${r.end},${r.value},f,${r.numerator},${r.denominator},f,c,,${r.row},${AT},,f\n`);
    }
    const t = process.hrtime.bigint();
    await client.query('BEGIN');
    await client.query(`INSERT INTO ${c}.imports (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES ('c', $1, 'bench.csv', 'bench', $2, 0, 0, 0)`, [PLAN, AT]);
    const copy = client.query(
      copyFrom(
        `COPY ${c}.measurements (plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, retraction_of, superseded) FROM STDIN (FORMAT csv)`,
      ),
    ) as NodeJS.WritableStream;
    await pipeline(Readable.from(chunks(lines, 1000)), copy);
    await client.query('COMMIT');
    const ceilingS = seconds(t);
    const postgresRowsPerSec = Math.round(PG_ROWS / storeS);
    const postgresCeilingRowsPerSec = Math.round(PG_ROWS / ceilingS);
    return { postgresRows: PG_ROWS, postgresRowsPerSec, postgresCeilingRowsPerSec, postgresCeilingRatio: round(postgresRowsPerSec / postgresCeilingRowsPerSec), postgresCeiling: 'COPY FROM STDIN (csv) into the store’s own tables and indexes, one transaction' };
  } finally {
    await store.close();
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${c} CASCADE`);
    await client.end();
  }
}

function* chunks(lines: string[], n: number): Generator<string> {
  for (let i = 0; i < lines.length; i += n) yield lines.slice(i, i + n).join('');
}

/** Runs the benchmark: rows per second into SQLite and PostgreSQL, the ratios to the bare ceilings, peak memory at 100k and 1M rows (CSV) and of workbooks read as a stream. */
export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-plan-bench-import-'));
  try {
    for (const n of [SMALL, LARGE]) writeFileSync(join(dir, `rows-${n}.csv`), csv(n));
    const bare1 = await ceiling(LARGE, join(dir, 'ceiling-1.sqlite'), true);
    const store = openSqliteStore(join(dir, 'store.sqlite'));
    const endToEnd = await streamImport(store, join(dir, `rows-${LARGE}.csv`), LARGE);
    await store.close();
    const bare2 = await ceiling(LARGE, join(dir, 'ceiling-2.sqlite'), true);
    const alone = await storeOnly(join(dir, 'store-only.sqlite'), LARGE);
    const defaults = await ceiling(LARGE, join(dir, 'ceiling-defaults.sqlite'), false);
    const sqliteRowsPerSec = Math.round(LARGE / endToEnd);
    const ceilingRowsPerSec = Math.round(LARGE / Math.min(bare1, bare2));
    const peakMiB100k = peakMiB(SMALL, dir);
    const peakMiB1M = peakMiB(LARGE, dir);
    // The same number of rows from 10,000 communes over 100 periods: what grows is the distinct org units, not the rows.
    writeFileSync(join(dir, `rows-${LARGE}-units.csv`), csvUnits(LARGE, Math.ceil(LARGE / PERIODS.length)));
    const peakMiB1MRepeatedUnits = peakMiB(LARGE, dir, '-units');
    // Workbooks, read as a stream: peak memory and rows per second end to end, by size.
    const xlsxFigures: Record<string, unknown> = { xlsxRows: XLSX_ROWS };
    for (const n of XLSX_ROWS) {
      await xlsx(n, join(dir, `rows-${n}.xlsx`));
      const [rss, s] = child(n, dir, '.xlsx') as [number, number];
      const label = n % 1_000_000 === 0 ? `${n / 1_000_000}M` : `${Math.round(n / 1000)}k`;
      xlsxFigures[`xlsxPeakMiB${label}`] = rss;
      xlsxFigures[`xlsxRowsPerSec${label}`] = Math.round(n / s);
    }
    const result = {
      rows: LARGE,
      sqliteRowsPerSec,
      ceilingRowsPerSec,
      ceilingRatio: round(sqliteRowsPerSec / ceilingRowsPerSec),
      ceilingRunsRowsPerSec: [Math.round(LARGE / bare1), Math.round(LARGE / bare2)],
      storeOnlyRowsPerSec: Math.round(LARGE / alone),
      storeOnlyCeilingRatio: round(LARGE / alone / ceilingRowsPerSec),
      ceilingDefaultsRowsPerSec: Math.round(LARGE / defaults),
      peakMiB100k,
      peakMiB1M,
      peakRows: [SMALL, LARGE],
      peakMiB1MRepeatedUnits,
      peakRepeatedUnits: Math.ceil(LARGE / PERIODS.length),
      ...xlsxFigures,
      ...(await postgres(dir)),
    };
    process.stderr.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
