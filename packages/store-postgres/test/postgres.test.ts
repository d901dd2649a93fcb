import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isEgovPlanError } from '@egov-plan/core';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION, openPostgresStore, schemaFromConnection } from '@egov-plan/store-postgres';
import { collect, record } from '@egov-plan/testkit';
import { connection, dropSchemas, freshSchema, required, skipMessage, sql, unreachable } from './server.js';

const down = await unreachable();
const server = down === null || required ? describe : describe.skip;
if (down === null) afterAll(dropSchemas);

async function failure(p: () => Promise<unknown>): Promise<{ code: string; vi: string; en: string }> {
  try {
    await p();
  } catch (e) {
    if (!isEgovPlanError(e)) throw e;
    const i = e.issues[0]!;
    return { code: e.code, vi: i.message.vi, en: i.message.en };
  }
  throw new Error('expected a typed error');
}

const schemaVersions = async (schema: string) => (await sql<{ version: number }>(`SELECT version FROM ${pg.escapeIdentifier(schema)}.schema_version ORDER BY version`)).map((r) => r.version);

describe('connection failures (no server needed)', () => {
  it('a server that does not answer is store.connection_failed, naming the server but never the password', async () => {
    const f = await failure(() => openPostgresStore({ connection: 'postgres://egov:s3cr3t-Pw%21@127.0.0.1:1/egov', connectTimeoutMs: 3000 }));
    expect(f.code).toBe('store.connection_failed');
    expect(f.en).toContain('egov@127.0.0.1:1/egov');
    expect(f.vi).toContain('127.0.0.1:1');
    for (const text of [f.en, f.vi]) expect(text).not.toMatch(/s3cr3t/u);
  });

  it('a Unix socket directory without a server is store.connection_failed', async () => {
    const f = await failure(() => openPostgresStore({ connection: { host: '/nonexistent/egov-plan-socket', user: 'egov', password: 'hunter2-secret', database: 'egov' }, connectTimeoutMs: 3000 }));
    expect(f.code).toBe('store.connection_failed');
    expect(f.en).toContain('/nonexistent/egov-plan-socket');
    expect(`${f.en}${f.vi}`).not.toContain('hunter2-secret');
    // A socket URL that is no WHATWG URL is shown masked.
    const g = await failure(() => openPostgresStore({ connection: 'postgresql://egov:hunter2-secret@/egov?host=/nonexistent/egov-plan-socket', connectTimeoutMs: 3000 }));
    expect(g.code).toBe('store.connection_failed');
    expect(g.en).toContain('postgresql://egov:***@/egov');
    expect(`${g.en}${g.vi}`).not.toContain('hunter2-secret');
  });
});

describe('the schema a connection string names (libpq options=-csearch_path=…)', () => {
  it('reads -csearch_path=, -c search_path= and --search_path=, and none is undefined', () => {
    expect(schemaFromConnection('postgresql://egov@/egov?host=/var/run/postgresql&options=-csearch_path%3Dkontum')).toBe('kontum');
    expect(schemaFromConnection('postgres://egov@db.example/egov?options=-c%20statement_timeout%3D5000%20-c%20search_path%3Dso_tttt_2')).toBe('so_tttt_2');
    expect(schemaFromConnection('postgres://egov@db.example/egov?options=--search_path%3D_kontum')).toBe('_kontum');
    expect(schemaFromConnection('postgres://egov@db.example/egov?options=-c%20statement_timeout%3D5000')).toBeUndefined();
    expect(schemaFromConnection('postgres://egov:s3cret@db.example/egov')).toBeUndefined();
    expect(schemaFromConnection({ host: 'db.example' })).toBeUndefined();
  });

  it('a list, a quoted, mixed-case, too long or empty name is store.invalid_schema in vi and en, never showing the password', async () => {
    for (const bad of ['kontum%2Cpublic', '%22Kontum%22', 'Kontum', '1kontum', 'a'.repeat(64), '', 'kon-tum', '%24user']) {
      const f = await failure(async () => schemaFromConnection(`postgres://egov:s3cr3t-Pw@db.example/egov?options=-csearch_path%3D${bad}`));
      expect(f.code).toBe('store.invalid_schema');
      expect(f.en).toContain('options=-csearch_path%3Dkontum');
      expect(f.vi).toContain('chữ thường');
      expect(`${f.en}${f.vi}`).not.toContain('s3cr3t');
    }
    // openPostgresStore refuses it before connecting (this server does not exist).
    const f = await failure(() => openPostgresStore({ connection: 'postgres://egov:s3cr3t-Pw@127.0.0.1:1/egov?options=-csearch_path%3DKontum', connectTimeoutMs: 1000 }));
    expect(f.code).toBe('store.invalid_schema');
  });
});

server(`PostgreSQL schema versions${down === null ? '' : ` — ${skipMessage(down)}`}`, () => {
  it("the schema of the connection string's options is the store's schema; another schema of the same database stays apart", async (ctx) => {
    const url = connection;
    if (typeof url !== 'string') return ctx.skip('needs EGOV_PLAN_PG_URL (a connection string to add options to)');
    const [a, b] = [freshSchema('conn_a'), freshSchema('conn_b')];
    const withSchema = (schema: string) => `${url}${url.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`;
    const store = await openPostgresStore({ connection: withSchema(a) });
    expect(store.schema).toBe(a);
    await store.importMeasurements({ plan: 'p', file: 'a.csv', importedBy: 'x' }, [record({ value: 7 })]);
    await store.close();
    expect((await sql<{ value: number }>(`SELECT value FROM ${pg.escapeIdentifier(a)}.measurements`)).map((r) => r.value)).toEqual([7]);
    const other = await openPostgresStore({ connection: withSchema(b) });
    expect(await other.currentValues({ plan: 'p' })).toEqual([]);
    await other.close();
    // An explicit schema option wins over the connection string's.
    const explicit = await openPostgresStore({ connection: withSchema(b), schema: a });
    expect((await explicit.currentValues({ plan: 'p' })).map((m) => m.value)).toEqual([7]);
    await explicit.close();
  });

  it('every migration step raises the version by one', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => m.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
  });

  it('creates and versions a new schema, and reopening it migrates nothing', async () => {
    const schema = freshSchema('version');
    const store = await openPostgresStore({ connection, schema });
    expect([store.openedAtVersion, store.schemaVersion]).toEqual([0, POSTGRES_SCHEMA_VERSION]);
    await store.importMeasurements({ plan: 'p', file: 'a.csv', importedBy: 'x' }, [record({ value: 7 })]);
    await store.close();
    expect(await schemaVersions(schema)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    const again = await openPostgresStore({ connection, schema });
    expect(again.openedAtVersion).toBe(POSTGRES_SCHEMA_VERSION);
    expect((await again.currentValues({ plan: 'p' })).map((m) => m.value)).toEqual([7]);
    await again.close();
  });

  it('migrates a schema of version 1 forward: its submissions still count, and new ones recorded with an import are withdrawn by its retraction', async () => {
    const schema = freshSchema('v1');
    const s = pg.escapeIdentifier(schema);
    await sql(`CREATE SCHEMA ${s}`);
    await sql(`CREATE TABLE ${s}.schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    await sql(POSTGRES_MIGRATIONS[0]!.sql.replaceAll('{{schema}}', s));
    await sql(`INSERT INTO ${s}.schema_version (version, description) VALUES (1, 'v1')`);
    await sql(`INSERT INTO ${s}.submissions (plan, obligation, period, reporter, submitted_at) VALUES ('p', 'q', '2020Q1', 'huyen-dak-ha', '2020-03-13T02:00:00.000Z')`);
    const store = await openPostgresStore({ connection, schema });
    expect([store.openedAtVersion, store.schemaVersion]).toEqual([1, POSTGRES_SCHEMA_VERSION]);
    await store.importMeasurements({ plan: 'p', file: 'a.csv', importedBy: 'x', importId: 'v1-a' }, [record()]);
    await store.recordSubmission({ plan: 'p', obligation: 'q', period: '2020Q1', reporter: 'so-tttt', submittedAt: '2020-03-14T02:00:00.000Z', importId: 'v1-a' });
    await store.retractImport('v1-a', { retractedBy: 'x' });
    expect((await store.submissions({ plan: 'p' })).map((x) => x.reporter)).toEqual(['huyen-dak-ha']);
    expect((await store.submissions({ plan: 'p', withdrawn: true })).map((x) => [x.reporter, x.withdrawnAt !== undefined])).toEqual([['huyen-dak-ha', false], ['so-tttt', true]]);
    await store.close();
    expect(await schemaVersions(schema)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
  });

  it('migrates a schema of version 2 forward: revisions kept, and from then on a re-import stands behind the values when the first import is retracted', async () => {
    const schema = freshSchema('v2');
    const s = pg.escapeIdentifier(schema);
    await sql(`CREATE SCHEMA ${s}`);
    await sql(`CREATE TABLE ${s}.schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const m of POSTGRES_MIGRATIONS.filter((x) => x.version <= 2)) {
      await sql(m.sql.replaceAll('{{schema}}', s));
      await sql(`INSERT INTO ${s}.schema_version (version, description) VALUES (${m.version}, 'v${m.version}')`);
    }
    await sql(`INSERT INTO ${s}.imports (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES ('v2-a', 'p', 'a.csv', 'x', '2020-03-20T01:00:00.000Z', 1, 1, 0)`);
    await sql(
      `INSERT INTO ${s}.measurements (plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, retraction_of, superseded)
       VALUES ('p', 'ind', 'u1', '2020Q1', 1, 'province', '2019-12-15', '2020-03-14', 50, false, NULL, NULL, false, 'v2-a', NULL, 2, '2020-03-20T01:00:00.000Z', NULL, false)`,
    );
    const store = await openPostgresStore({ connection, schema });
    expect([store.openedAtVersion, store.schemaVersion]).toEqual([2, POSTGRES_SCHEMA_VERSION]);
    expect((await store.history({ plan: 'p' })).map((h) => [h.revision, h.value, h.importId])).toEqual([[1, 50, 'v2-a']]);
    expect(await store.reassertions({ plan: 'p' })).toEqual([]);
    expect((await store.importMeasurements({ plan: 'p', file: 'a.csv', importedBy: 'x', importId: 'v3-b' }, [record({ row: 4 })])).unchanged).toBe(1);
    expect((await store.reassertions({ plan: 'p' })).map((x) => [x.importId, x.revision, x.row])).toEqual([['v3-b', 1, 4]]);
    await store.retractImport('v2-a', { retractedBy: 'x' });
    expect((await store.currentValues({ plan: 'p' })).map((m) => [m.value, m.importId, m.revision, m.row])).toEqual([[50, 'v3-b', 2, 4]]);
    await store.close();
    expect(await schemaVersions(schema)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
  });

  it('two processes opening a new schema at once migrate it once', async () => {
    const schema = freshSchema('race');
    const stores = await Promise.all([openPostgresStore({ connection, schema }), openPostgresStore({ connection, schema })]);
    expect(stores.map((s) => s.openedAtVersion).sort()).toEqual([0, POSTGRES_SCHEMA_VERSION]);
    for (const s of stores) await s.close();
    expect(await schemaVersions(schema)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
  });

  it('refuses a schema written by a newer package with a typed error, leaving it untouched', async () => {
    const schema = freshSchema('future');
    const s = pg.escapeIdentifier(schema);
    await sql(`CREATE SCHEMA ${s}`);
    await sql(`CREATE TABLE ${s}.schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    await sql(`INSERT INTO ${s}.schema_version (version, description) VALUES (99, 'from the future')`);
    const f = await failure(() => openPostgresStore({ connection, schema }));
    expect(f.code).toBe('store.schema_too_new');
    expect(f.en).toContain('99');
    expect(await schemaVersions(schema)).toEqual([99]);
    expect(await sql('SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2', [schema, 'measurements'])).toEqual([]);
  });

  it('with create: false a missing store is store.not_found and nothing is created', async () => {
    const schema = freshSchema('absent');
    expect((await failure(() => openPostgresStore({ connection, schema, create: false }))).code).toBe('store.not_found');
    expect(await sql('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).toEqual([]);
  });
});

server(`PostgreSQL errors${down === null ? '' : ` — ${skipMessage(down)}`}`, () => {
  it("an error of the caller's rows passes through as it is, even with a socket-like code, and nothing is written", async () => {
    const store = await openPostgresStore({ connection, schema: freshSchema('passthrough') });
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'q1.csv'"), { code: 'ENOENT', syscall: 'open' });
    async function* rows() {
      yield record();
      throw missing;
    }
    let caught: unknown = null;
    await Promise.resolve(store.importMeasurements({ plan: 'p', file: 'q1.csv', importedBy: 'x' }, rows())).catch((e: unknown) => (caught = e));
    expect(caught).toBe(missing);
    expect(await store.imports('p')).toEqual([]);
    await store.close();
  });
});

server(`PostgreSQL concurrency${down === null ? '' : ` — ${skipMessage(down)}`}`, () => {
  it('concurrent imports of different files into the same measurements both land, one revision after the other', async () => {
    const schema = freshSchema('concurrent');
    const [a, b] = await Promise.all([openPostgresStore({ connection, schema }), openPostgresStore({ connection, schema })]);
    async function* rows(value: number) {
      for (let i = 0; i < 2000; i++) yield record({ orgUnit: `u${i}`, row: i + 2, value });
    }
    const [sa, sb] = await Promise.all([a!.importMeasurements({ plan: 'p', file: 'a.csv', importedBy: 'x', importId: 'a' }, rows(1)), b!.importMeasurements({ plan: 'p', file: 'b.csv', importedBy: 'y', importId: 'b' }, rows(2))]);
    expect([sa.revisions, sb.revisions]).toEqual([2000, 2000]);
    const history = await collect(a!.history({ plan: 'p', orgUnit: 'u7' }));
    expect(history.map((m) => m.revision)).toEqual([1, 2]);
    expect(new Set(history.map((m) => m.importId))).toEqual(new Set(['a', 'b']));
    const inForce = await collect(b!.currentValues({ plan: 'p' }));
    expect(inForce.length).toBe(2000);
    // Every value in force comes from the import that committed last.
    expect(new Set(inForce.map((m) => m.importId)).size).toBe(1);
    await a!.close();
    await b!.close();
  });
});

server(`PostgreSQL crash safety${down === null ? '' : ` — ${skipMessage(down)}`}`, () => {
  it('a process killed (SIGKILL) in the middle of an import leaves none of that file, and the store usable', async () => {
    const schema = freshSchema('kill');
    const store = await openPostgresStore({ connection, schema });
    await store.importMeasurements({ plan: 'p', file: 'before.csv', importedBy: 'x', importId: 'before' }, [record({ orgUnit: 'k1', value: 1 })]);
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@egov-plan/source', fileURLToPath(new URL('./fixtures/endless-import.ts', import.meta.url)), typeof connection === 'string' ? connection : '', schema], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('written') && resolve());
      child.on('exit', () => reject(new Error(`the importing process ended before writing: ${stderr}`)));
    });
    // Five batches are in the open transaction now: the server holds them, uncommitted.
    const t = `${pg.escapeIdentifier(schema)}.measurements`;
    expect(Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n)).toBe(1);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect((await store.imports('p')).map((i) => i.importId)).toEqual(['before']);
    expect((await sql(`SELECT import_id FROM ${t}`)).map((r) => r.import_id)).toEqual(['before']);
    // The killed import's lock is gone and its id is free: the same file imports now.
    const s = await store.importMeasurements({ plan: 'p', file: 'endless.csv', importedBy: 'x', importId: 'killed' }, [record({ orgUnit: 'k1', value: 2 })]);
    expect(s.revisions).toBe(1);
    expect((await store.currentValues({ plan: 'p' })).map((m) => [m.value, m.revision])).toEqual([[2, 2]]);
    await store.close();
  });
});
