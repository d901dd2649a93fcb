import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempResources } from '@egov-plan/test-utils';
import { runCli, type CliRun } from './run-cli.js';

// The CLI on PostgreSQL (`--database postgres://…`): import, evaluate, history, calendar,
// retract and a dump round trip, each database made for this run and dropped afterwards (the
// CLI writes into the store's default schema, so a database of its own keeps parallel runs
// apart). The connection string carries a password — over the Unix socket the server does not ask
// for it — and no output of any command may show it. Without a server: skipped, saying why; with
// EGOV_PLAN_REQUIRE_PG=1: failed.

const required = process.env.EGOV_PLAN_REQUIRE_PG === '1';
const given = process.env.EGOV_PLAN_PG_URL;

/** The parts of a connection string (WHATWG URL refuses `postgresql://user@/db?host=/socket`). */
function parts(url: string): { user: string; password: string; host: string; database: string; query: string } {
  const m = /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]*)(?:\/([^?]*))?(\?.*)?$/u.exec(url);
  if (!m) throw new Error('EGOV_PLAN_PG_URL is not a postgres:// connection string');
  return { user: decodeURIComponent(m[1] ?? ''), password: decodeURIComponent(m[2] ?? ''), host: m[3] ?? '', database: decodeURIComponent(m[4] ?? ''), query: m[5] ?? '' };
}

const server = given ? parts(given) : { user: process.env.PGUSER ?? '', password: '', host: process.env.PGHOST && !process.env.PGHOST.startsWith('/') ? process.env.PGHOST : '', database: process.env.PGDATABASE ?? '', query: `?host=${encodeURIComponent(process.env.PGHOST?.startsWith('/') ? process.env.PGHOST : '/var/run/postgresql')}` };
/** A password no output may show (the server's own, when the URL has one). */
const PASSWORD = server.password || 'cli-test-s3cret-never-shown';
const user = server.user || userInfo().username;

/** The server's URL for database `name`, always with a user and a password. */
function urlFor(name: string): string {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(PASSWORD)}@${server.host}/${encodeURIComponent(name)}${server.query}`;
}

const run = `egov_cli_${process.pid}_${Date.now().toString(36)}`;
const databases = [`${run}_a`, `${run}_b`];
const admin = () => new pg.Client({ connectionString: urlFor(server.database || 'postgres'), connectionTimeoutMillis: 5000 });

/** Null when the server answers and this run could create its databases, else why not. */
async function setUp(): Promise<string | null> {
  const c = admin();
  try {
    await c.connect();
    for (const d of databases) await c.query(`CREATE DATABASE ${pg.escapeIdentifier(d)}`);
    return null;
  } catch (e) {
    return `no PostgreSQL server at ${urlFor(server.database).replace(`:${encodeURIComponent(PASSWORD)}@`, ':***@')} where this run may create databases (${(e as Error).message.replaceAll(PASSWORD, '***')})`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const down = await setUp();
const message = `PostgreSQL CLI tests skipped: ${down}. Point them at a server with EGOV_PLAN_PG_URL=postgresql://user@host/database (a role that may CREATE DATABASE); with EGOV_PLAN_REQUIRE_PG=1 a missing server fails the run.`;
if (down !== null) console.warn(message);

afterAll(async () => {
  if (down !== null) return;
  const c = admin();
  await c.connect();
  try {
    for (const d of databases) await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(d)} WITH (FORCE)`);
  } finally {
    await c.end();
  }
});

const temp = tempResources();
afterEach(() => temp.cleanup());
const json = (s: string) => JSON.parse(s);

/** Every row of the store's tables in database `name`, read by a client of its own (not the store). */
async function tables(name: string): Promise<string[][]> {
  const c = new pg.Client({ connectionString: urlFor(name) });
  await c.connect();
  try {
    const out: string[][] = [];
    for (const t of ['imports', 'measurements', 'submissions', 'rule_files']) out.push((await c.query(`SELECT * FROM egov_plan.${t}`)).rows.map((r) => JSON.stringify(r)).sort());
    return out;
  } finally {
    await c.end();
  }
}

describe.skipIf(down !== null && !required)('the CLI on PostgreSQL (--database postgres://…)', () => {
  beforeAll(() => {
    if (down !== null) throw new Error(message);
  });
  const outputs: CliRun[] = [];
  /** Runs the CLI and keeps what it printed, to check that no output shows the password. */
  const cli = async (args: string[], options: { cwd: string; now?: string }) => {
    const r = await runCli(args, options);
    outputs.push(r);
    return r;
  };
  afterEach(() => {
    for (const r of outputs.splice(0)) {
      expect(r.stdout).not.toContain(PASSWORD);
      expect(r.stderr).not.toContain(PASSWORD);
    }
  });

  it('imports, evaluates, lists history and the calendar, retracts, and dumps a backup that restores whole', async () => {
    const [db, copy] = databases.map(urlFor) as [string, string];
    const dir = temp.dir('egov-plan-pg-cli-', {
      'q4.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\nonline-dossier-rate,so-noi-vu,2020Q4,15\ne-identification,62,2020Q4,15\n',
      'fix.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,31\n',
    });
    const imported = await cli(['import', '--plan', 'kontum-1102-2019', '--database', db, '--by', 'so-tttt', '--reporter', 'so-tttt', '--obligation', 'quarterly-report-province-to-government', 'q4.csv', '--json'], { cwd: dir, now: '2020-12-18T09:00:00+07:00' });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(json(imported.stdout)).toMatchObject({ ok: true, rows: 3, revisions: 3 });
    const fix = await cli(['import', '--plan', 'kontum-1102-2019', '--database', db, '--by', 'so-tttt', 'fix.csv', '--json'], { cwd: dir, now: '2020-12-19T09:00:00+07:00' });
    const fixId = json(fix.stdout).files[0].importId as string;

    // Evaluating from the server gives the verdicts of evaluating the same values from a file.
    writeFileSync(join(dir, 'in-force.csv'), 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,31\nonline-dossier-rate,so-noi-vu,2020Q4,15\ne-identification,62,2020Q4,15\n');
    const fromStore = await cli(['evaluate', '--plan', 'kontum-1102-2019', '--database', db, '--at', '2020-12-21', '--json'], { cwd: dir });
    const fromFile = await cli(['evaluate', '--plan', 'kontum-1102-2019', '--measurements', 'in-force.csv', '--at', '2020-12-21', '--json'], { cwd: dir });
    expect(fromStore.code).toBe(0);
    const verdicts = (s: string) => json(s).results.map((r: { target: string; orgUnit: string; status: string; value: unknown }) => [r.target, r.orgUnit, r.status, r.value]);
    expect(verdicts(fromStore.stdout)).toEqual(verdicts(fromFile.stdout));
    expect(verdicts(fromStore.stdout).some((v: unknown[]) => v[1] === 'so-tttt' && v[3] === 31)).toBe(true);

    const history = await cli(['history', '--database', db, '--indicator', 'online-dossier-rate', '--org-unit', 'so-tttt', '--json'], { cwd: dir });
    expect(json(history.stdout).revisions.map((r: { revision: number; value: number; file: string }) => [r.revision, r.value, r.file])).toEqual([
      [1, 27, 'q4.csv'],
      [2, 31, 'fix.csv'],
    ]);
    const cal = await cli(['calendar', '--database', db, '--period', '2020Q4', '--at', '2021-01-20', '--json'], { cwd: dir });
    expect(cal.code).toBe(0);
    const ob = json(cal.stdout).obligations.find((o: { obligation: string }) => o.obligation === 'quarterly-report-province-to-government');
    expect(ob.byReporter).toEqual({ 'so-tttt': 'on-time', 'ubnd-tinh': 'overdue' });

    const retract = await cli(['retract', fixId, '--database', db, '--by', 'so-tttt', '--json'], { cwd: dir, now: '2020-12-20T09:00:00+07:00' });
    expect(retract.code).toBe(0);
    expect(json(retract.stdout)).toMatchObject({ retracted: fixId, revisions: 1 });
    const after = await cli(['history', '--database', db, '--indicator', 'online-dossier-rate', '--org-unit', 'so-tttt', '--lang', 'en'], { cwd: dir });
    expect(after.code).toBe(0);
    const lines = after.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Revision\s+Indicator\s/u);
    expect(lines.slice(2)).toHaveLength(3);

    // The backup restores into another database, the same revisions; restoring again changes nothing.
    const dump = await cli(['dump', '--database', db, '--format', 'json'], { cwd: dir });
    expect(dump.code).toBe(0);
    writeFileSync(join(dir, 'sao-luu.json'), dump.stdout);
    const restored = await cli(['import', '--database', copy, 'sao-luu.json', '--json'], { cwd: dir });
    expect(restored.code).toBe(0);
    expect(json(restored.stdout).files[0].restored).toEqual({ plan: 'kontum-1102-2019', imports: 2, retractions: 1, revisions: 5, skipped: 0, submissions: 1, taskEvidence: 0, ruleFiles: 0, checkedAgainst: 'plan', atomic: true });
    // The report submission came back with the backup: the calendar of the copy counts it.
    const copyCal = await cli(['calendar', '--database', copy, '--period', '2020Q4', '--at', '2021-01-20', '--json'], { cwd: dir });
    expect(json(copyCal.stdout).obligations.find((o: { obligation: string }) => o.obligation === 'quarterly-report-province-to-government').byReporter).toEqual({ 'so-tttt': 'on-time', 'ubnd-tinh': 'overdue' });
    const strip = (s: string) => json(s).plans.flatMap((p: { revisions: Record<string, unknown>[] }) => p.revisions.map((r) => [r.plan, r.indicator, r.orgUnit, r.period, r.revision, r.value, r.importId, r.file, r.row, r.importedBy, r.importedAt, r.recordedAt, r.retractionOf]));
    const again = await cli(['dump', '--database', copy, '--format', 'json'], { cwd: dir });
    expect(strip(again.stdout)).toEqual(strip(dump.stdout));
    expect(strip(again.stdout)).toHaveLength(5);
    const twice = await cli(['import', '--database', copy, 'sao-luu.json', '--json'], { cwd: dir });
    expect(json(twice.stdout).files[0].restored).toMatchObject({ imports: 0, retractions: 0, skipped: 2, submissions: 0 });

    // A backup whose last write fails (after its imports and retraction are made in the
    // transaction): its submission names an import the store does not hold. Exit 1, typed and
    // bilingual, the server's tables unchanged.
    const before = await tables(databases[1] as string);
    const broken = json(readFileSync(join(dir, 'sao-luu.json'), 'utf8'));
    for (const p of broken.plans) {
      p.imports = p.imports.map((i: { importId: string }) => ({ ...i, importId: `${i.importId}-b` }));
      p.revisions = p.revisions.map((m: { importId: string; retractionOf: string | null }) => ({ ...m, importId: `${m.importId}-b`, retractionOf: m.retractionOf && `${m.retractionOf}-b` }));
      p.submissions = p.submissions.map((x: Record<string, unknown>) => ({ ...x, importId: 'no-such-import' }));
    }
    writeFileSync(join(dir, 'hong.json'), JSON.stringify(broken));
    for (const lang of ['vi', 'en']) {
      const r = await cli(['import', '--database', copy, 'hong.json', '--lang', lang], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('[store.restore_failed]');
      expect(r.stderr).toContain('[store.unknown_import]');
      expect(r.stderr).toContain(lang === 'en' ? '(write 4 of 4) failed; nothing of the backup was written' : '(thao tác 4 trong 4) thất bại; không ghi gì của bản sao lưu');
    }
    // A tampered row is refused before anything is written, named where it stands in the backup.
    const tampered = json(readFileSync(join(dir, 'sao-luu.json'), 'utf8'));
    tampered.plans[0].imports = tampered.plans[0].imports.map((i: { importId: string }) => ({ ...i, importId: `${i.importId}-t` }));
    tampered.plans[0].revisions = tampered.plans[0].revisions.map((m: { importId: string; retractionOf: string | null }) => ({ ...m, importId: `${m.importId}-t`, retractionOf: m.retractionOf && `${m.retractionOf}-t` }));
    tampered.plans[0].submissions = [];
    tampered.plans[0].revisions[0].period = '2020Q5';
    writeFileSync(join(dir, 'sua.json'), JSON.stringify(tampered));
    const refused = await cli(['import', '--database', copy, 'sua.json', '--lang', 'en'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Backup sua.json, /plans/0/revisions/0: "2020Q5" is not a reporting-period id');
    expect(await tables(databases[1] as string)).toEqual(before);
  });

  it("the connection string's options=-csearch_path%3D<schema> chooses the schema for every command; another schema stays empty", async () => {
    const inSchema = (schema: string) => `${urlFor(databases[0] as string)}${server.query ? '&' : '?'}options=-csearch_path%3D${schema}`;
    const [a, b] = [inSchema('kontum_a'), inSchema('kontum_b')];
    const dir = temp.dir('egov-plan-pg-cli-', { 'q4.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\ne-identification,62,2020Q4,15\n' });
    const imported = await cli(['import', '--plan', 'kontum-1102-2019', '--database', a, '--by', 'so-tttt', 'q4.csv', '--json'], { cwd: dir, now: '2020-12-18T09:00:00+07:00' });
    expect(imported.code).toBe(0);
    expect(json(imported.stdout)).toMatchObject({ ok: true, rows: 2, revisions: 2 });
    // The rows are in schema kontum_a of the server, read by a client of its own; there is no schema kontum_b.
    const onServer = async (text: string) => {
      const c = new pg.Client({ connectionString: urlFor(databases[0] as string) });
      await c.connect();
      try {
        return (await c.query(text)).rows;
      } finally {
        await c.end();
      }
    };
    const schemaB = "SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'kontum_b'";
    expect(await onServer('SELECT org_unit, value FROM kontum_a.measurements ORDER BY org_unit')).toEqual([{ org_unit: '62', value: 15 }, { org_unit: 'so-tttt', value: 27 }]);
    expect(await onServer(schemaB)).toEqual([{ n: 0 }]);
    const values = (s: string) => json(s).results.filter((r: { value: unknown }) => r.value !== null).map((r: { orgUnit: string; value: unknown }) => [r.orgUnit, r.value]);
    const evalA = await cli(['evaluate', '--plan', 'kontum-1102-2019', '--database', a, '--at', '2020-12-21', '--json'], { cwd: dir });
    const evalB = await cli(['evaluate', '--plan', 'kontum-1102-2019', '--database', b, '--at', '2020-12-21', '--json'], { cwd: dir });
    expect([evalA.code, evalB.code]).toEqual([0, 0]);
    expect(values(evalA.stdout)).toContainEqual(['so-tttt', 27]);
    expect(values(evalB.stdout)).toEqual([]);
    const historyA = await cli(['history', '--database', a, '--json'], { cwd: dir });
    const historyB = await cli(['history', '--database', b, '--json'], { cwd: dir });
    expect(json(historyA.stdout).revisions.map((r: { orgUnit: string; value: number; file: string }) => [r.orgUnit, r.value, r.file])).toEqual([['62', 15, 'q4.csv'], ['so-tttt', 27, 'q4.csv']]);
    expect(json(historyB.stdout).revisions).toEqual([]);
    const dumpA = await cli(['dump', '--database', a, '--format', 'json'], { cwd: dir });
    const dumpB = await cli(['dump', '--database', b, '--format', 'json'], { cwd: dir });
    expect(json(dumpA.stdout).plans.flatMap((p: { revisions: unknown[] }) => p.revisions)).toHaveLength(2);
    expect(json(dumpB.stdout).plans).toEqual([]);
    // Reading schema kontum_b created nothing there.
    expect(await onServer(schemaB)).toEqual([{ n: 0 }]);
  });

  it('a schema name that is not one plain identifier is a usage error (exit 2), store.invalid_schema in vi and en, no password shown', async () => {
    const dir = temp.dir('egov-plan-pg-cli-', { 'q4.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\n' });
    const bad = `${urlFor(databases[0] as string)}${server.query ? '&' : '?'}options=-csearch_path%3DKon%2Dtum`;
    for (const [lang, text] of [['vi', 'chữ thường a-z'], ['en', 'lower-case letters a-z']] as const) {
      for (const args of [['import', '--plan', 'kontum-1102-2019', '--database', bad, 'q4.csv'], ['history', '--database', bad], ['dump', '--database', bad]]) {
        const r = await cli([...args, '--lang', lang], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(lang === 'en' ? 'Usage error: Schema "Kon-tum"' : 'Lỗi cách dùng: Lược đồ "Kon-tum"');
        expect(r.stderr).toContain(text);
      }
    }
    // --json: the store's code, for scripts.
    const j = await cli(['history', '--database', bad, '--json'], { cwd: dir });
    expect(j.code).toBe(2);
    expect(json(j.stdout)).toMatchObject({ ok: false, error: { code: 'store.invalid_schema' } });
  });

  it('a refused password is store.connection_failed, and no output shows it', async () => {
    const dir = temp.dir('egov-plan-pg-cli-');
    // Over TCP the server asks for the password, and this one is wrong (where it does not ask, the database does not exist).
    const port = /:(\d+)$/u.exec(server.host)?.[1] ?? process.env.PGPORT ?? '5432';
    const wrong = `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(`${PASSWORD}-wrong`)}@127.0.0.1:${port}/${run}_missing`;
    for (const args of [['history', '--database', wrong], ['import', '--plan', 'kontum-1102-2019', '--database', wrong, 'none.csv', '--json']]) {
      const r = await cli(args, { cwd: dir });
      expect(r.code).toBe(1);
      expect(`${r.stdout}${r.stderr}`).toContain('store.connection_failed');
      expect(`${r.stdout}${r.stderr}`).toContain(`127.0.0.1:${port}`);
    }
  });
});
