// Importing a CSV file into SQLite through `importTabularFile` (read, parse, check against the
// plan, revisions, provenance, one transaction) against a ceiling measured in the same run: the
// same rows inserted bare by better-sqlite3 prepared statements in one transaction, into a table
// with the store's primary key. Peak memory (max RSS of a fresh process) importing 100,000 rows
// and 1,000,000 rows. EGOV_BENCH_IMPORT_ROWS sets the large size (default 1,000,000).
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledPlan } from '../../packages/rules/src/index.js';
import { openSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { importTabularStream } from '../../packages/tabular/src/index.js';

const LARGE = Number(process.env.EGOV_BENCH_IMPORT_ROWS ?? 1_000_000);
const SMALL = 100_000;
const sqliteRequire = createRequire(new URL('../../packages/store-sqlite/package.json', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** `rows` commune values of one indicator and quarter (org units the plan does not know, so with their level). */
function csv(rows: number): string {
  const lines = ['indicator,orgUnit,level,period,value,numerator,denominator'];
  for (let i = 0; i < rows; i++) {
    const d = 50 + (i % 50);
    const n = (i * 7) % d;
    lines.push(`online-dossier-rate,xa-${i},commune,2020Q4,${Math.round((n / d) * 1000) / 10},${n},${d}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Imports `file` into a new SQLite store; the seconds it took. */
async function storeImport(file: string, database: string): Promise<number> {
  const plan = bundledPlan('kontum-1102-2019');
  const store = openSqliteStore(database);
  const t = process.hrtime.bigint();
  const done = await importTabularStream(store, plan, { name: 'bench.csv', stream: createReadStream(file) }, { importedBy: 'bench', maxBytes: 512 * 1024 * 1024 });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  await store.close();
  if (!done.imported || done.revisions !== done.rows) throw new Error(`bench import failed: ${JSON.stringify(done.issues.slice(0, 3))}`);
  return s;
}

/** The same rows inserted bare by prepared statements in one transaction: the seconds it took. */
function ceiling(rows: number, database: string): number {
  const Database = sqliteRequire('better-sqlite3') as new (f: string) => { exec(s: string): void; prepare(s: string): { run(...a: unknown[]): void }; transaction(f: () => void): () => void; pragma(s: string): void; close(): void };
  const db = new Database(database);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE m (plan TEXT NOT NULL, indicator TEXT NOT NULL, org_unit TEXT NOT NULL, period TEXT NOT NULL, revision INTEGER NOT NULL, level TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL, value REAL, value_is_boolean INTEGER NOT NULL, numerator REAL, denominator REAL, evidence INTEGER NOT NULL, import_id TEXT NOT NULL, sheet TEXT, row INTEGER NOT NULL, PRIMARY KEY (plan, indicator, org_unit, period, revision)) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO m VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, 0, ?, ?, 0, ?, NULL, ?)');
  const t = process.hrtime.bigint();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const d = 50 + (i % 50);
      const n = (i * 7) % d;
      insert.run('kontum-1102-2019', 'online-dossier-rate', `xa-${i}`, '2020Q4', 'commune', '2019-12-15', '2020-03-14', Math.round((n / d) * 1000) / 10, n, d, 'bench', i + 2);
    }
  })();
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  db.close();
  return s;
}

/** Peak memory (max RSS, MiB) of a fresh process importing a file of `rows` rows. */
function peakMiB(rows: number, dir: string): number {
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, '--conditions=@egov-plan/source', fileURLToPath(import.meta.url)], {
    env: { ...process.env, EGOV_BENCH_IMPORT_CHILD: String(rows), EGOV_BENCH_IMPORT_DIR: dir },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`child import failed: ${r.stderr}`);
  return Number(r.stdout.trim().split('\n').pop());
}

if (process.env.EGOV_BENCH_IMPORT_CHILD) {
  const rows = Number(process.env.EGOV_BENCH_IMPORT_CHILD);
  const dir = process.env.EGOV_BENCH_IMPORT_DIR as string;
  await storeImport(join(dir, `rows-${rows}.csv`), join(dir, `child-${rows}.sqlite`));
  process.stdout.write(`${Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10}\n`);
}

/** Runs the benchmark: rows per second into SQLite, the ratio to the bare ceiling, peak memory at 100k and 1M rows. */
export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-plan-bench-import-'));
  try {
    for (const n of [SMALL, LARGE]) writeFileSync(join(dir, `rows-${n}.csv`), csv(n));
    const bare = ceiling(LARGE, join(dir, 'ceiling.sqlite'));
    const seconds = await storeImport(join(dir, `rows-${LARGE}.csv`), join(dir, 'store.sqlite'));
    const sqliteRowsPerSec = Math.round(LARGE / seconds);
    const ceilingRowsPerSec = Math.round(LARGE / bare);
    const peakMiB100k = peakMiB(SMALL, dir);
    const peakMiB1M = peakMiB(LARGE, dir);
    const result = { rows: LARGE, sqliteRowsPerSec, ceilingRowsPerSec, ceilingRatio: Math.round((sqliteRowsPerSec / ceilingRowsPerSec) * 1000) / 1000, peakMiB100k, peakMiB1M, postgresCeilingRatio: null, postgresReason: 'not measured by this benchmark (see "stores")' };
    process.stderr.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
