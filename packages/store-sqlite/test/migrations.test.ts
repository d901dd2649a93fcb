import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { isEgovPlanError } from '@egov-plan/core';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION, openSqliteStore } from '@egov-plan/store-sqlite';
import { collect } from '@egov-plan/testkit';

const dir = mkdtempSync(join(tmpdir(), 'egov-plan-sqlite-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function codeOf(f: () => unknown): string | null {
  try {
    f();
  } catch (e) {
    return isEgovPlanError(e) ? e.code : `untyped: ${String(e)}`;
  }
  return null;
}

/** A database as version 1 of the store wrote it: the v1 DDL kept in the migrations list, then v1-shaped rows. */
function writeVersion1(file: string): void {
  const db = new Database(file);
  db.exec(SQLITE_MIGRATIONS[0]!.sql);
  db.pragma('user_version = 1');
  const imp = db.prepare('INSERT INTO imports (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  imp.run('old-1', 'kontum-1102-2019', 'q1.csv', 'so-tttt', '2020-03-20T01:00:00.000Z', 1, 1, 0);
  imp.run('old-2', 'kontum-1102-2019', 'q1-fix.csv', 'so-tttt', '2020-03-25T01:00:00.000Z', 1, 1, 0);
  const m = db.prepare(
    'INSERT INTO measurements (plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  m.run('kontum-1102-2019', 'online-dossier-rate', 'huyen-dak-ha', '2020Q1', 1, 'district', '2019-12-15', '2020-03-14', 18, 0, 18, 100, 0, 'old-1', null, 2);
  m.run('kontum-1102-2019', 'online-dossier-rate', 'huyen-dak-ha', '2020Q1', 2, 'district', '2019-12-15', '2020-03-14', 21, 0, 21, 100, 0, 'old-2', null, 2);
  db.prepare('INSERT INTO submissions (plan, obligation, period, reporter, submitted_at) VALUES (?, ?, ?, ?, ?)').run('kontum-1102-2019', 'quarterly-report', '2020Q1', 'huyen-dak-ha', '2020-03-13T09:00:00+07:00');
  db.close();
}

describe('SQLite schema versions', () => {
  it('opens a database written by schema version 1 and migrates it forward, keeping every revision', async () => {
    const file = join(dir, 'v1.sqlite');
    writeVersion1(file);
    const store = openSqliteStore(file);
    expect([store.openedAtVersion, store.schemaVersion]).toEqual([1, SQLITE_SCHEMA_VERSION]);
    const history = await collect(store.history({ plan: 'kontum-1102-2019' }));
    expect(history.map((h) => [h.revision, h.value, h.file, h.recordedAt])).toEqual([
      [1, 18, 'q1.csv', '2020-03-20T01:00:00.000Z'],
      [2, 21, 'q1-fix.csv', '2020-03-25T01:00:00.000Z'],
    ]);
    expect((await collect(store.currentValues({ plan: 'kontum-1102-2019' }))).map((m) => m.value)).toEqual([21]);
    // What version 2 added works on the migrated file: retraction and task evidence.
    await store.retractImport('old-2', { retractedBy: 'so-tttt' });
    expect((await collect(store.currentValues({ plan: 'kontum-1102-2019' }))).map((m) => m.value)).toEqual([18]);
    await store.recordTaskEvidence({ plan: 'kontum-1102-2019', task: 't1', agency: 'so-tttt', date: '2020-01-01', done: true, reference: 'QĐ 1', recordedAt: '2020-01-02T00:00:00Z' });
    expect((await store.submissions({ plan: 'kontum-1102-2019' })).map((s) => s.reporter)).toEqual(['huyen-dak-ha']);
    // What version 3 added: a submission recorded with an import is withdrawn by its retraction;
    // the submission of version 1, recorded with no import, still counts after old-1 is retracted.
    await store.recordSubmission({ plan: 'kontum-1102-2019', obligation: 'quarterly-report', period: '2020Q1', reporter: 'so-tttt', submittedAt: '2020-03-20T01:00:00.000Z', importId: 'old-1' });
    await store.retractImport('old-1', { retractedBy: 'so-tttt' });
    expect((await store.submissions({ plan: 'kontum-1102-2019' })).map((s) => s.reporter)).toEqual(['huyen-dak-ha']);
    expect((await store.submissions({ plan: 'kontum-1102-2019', withdrawn: true })).map((s) => [s.reporter, s.withdrawnAt !== undefined])).toEqual([['huyen-dak-ha', false], ['so-tttt', true]]);
    await store.close();
    const again = openSqliteStore(file);
    expect(again.openedAtVersion).toBe(SQLITE_SCHEMA_VERSION);
    await again.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('opens a database written by schema version 3 and migrates it: revisions kept, and from then on a re-import stands behind the values when the first import is retracted', async () => {
    const file = join(dir, 'v3.sqlite');
    const db = new Database(file);
    for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 3)) db.exec(m.sql);
    db.pragma('user_version = 3');
    const imp = db.prepare('INSERT INTO imports (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    imp.run('v3-a', 'kontum-1102-2019', 'q1.csv', 'so-tttt', '2020-03-20T01:00:00.000Z', 1, 1, 0);
    // v3-b re-imported the same file: counted unchanged, which rows version 3 did not record.
    imp.run('v3-b', 'kontum-1102-2019', 'q1.csv', 'so-tttt', '2020-03-21T01:00:00.000Z', 1, 0, 1);
    db.prepare(
      `INSERT INTO measurements (plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, retraction_of, superseded)
       VALUES ('kontum-1102-2019', 'online-dossier-rate', 'huyen-dak-ha', '2020Q1', 1, 'district', '2019-12-15', '2020-03-14', 18, 0, 18, 100, 0, 'v3-a', NULL, 2, '2020-03-20T01:00:00.000Z', NULL, 0)`,
    ).run();
    db.close();
    const store = openSqliteStore(file);
    expect([store.openedAtVersion, store.schemaVersion]).toEqual([3, SQLITE_SCHEMA_VERSION]);
    expect((await collect(store.history({ plan: 'kontum-1102-2019' }))).map((h) => [h.revision, h.value, h.importId])).toEqual([[1, 18, 'v3-a']]);
    // Nothing was recorded of v3-b's rows before version 4: the table starts empty.
    expect(await store.reassertions({ plan: 'kontum-1102-2019' })).toEqual([]);
    // A re-import after the migration is recorded, and retracting the first import keeps the value under it.
    const row = { indicator: 'online-dossier-rate', orgUnit: 'huyen-dak-ha', level: 'district', period: '2020Q1', start: '2019-12-15', end: '2020-03-14', value: 18, numerator: 18, denominator: 100, evidence: false, sheet: null, row: 2 } as const;
    expect((await store.importMeasurements({ plan: 'kontum-1102-2019', file: 'q1.csv', importedBy: 'so-tttt', importId: 'v4-c' }, [row])).unchanged).toBe(1);
    expect((await store.reassertions({ plan: 'kontum-1102-2019' })).map((x) => [x.importId, x.revision])).toEqual([['v4-c', 1]]);
    await store.retractImport('v3-a', { retractedBy: 'so-tttt' });
    expect((await collect(store.currentValues({ plan: 'kontum-1102-2019' }))).map((m) => [m.value, m.importId, m.revision])).toEqual([[18, 'v4-c', 2]]);
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    expect(raw.prepare('SELECT import_id, revision FROM reassertions').raw().all()).toEqual([['v4-c', 1]]);
    raw.close();
  });

  it('every migration step raises the version by one', () => {
    expect(SQLITE_MIGRATIONS.map((m) => m.version)).toEqual(SQLITE_MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database from a newer version of the package with a typed error, leaving it untouched', () => {
    const file = join(dir, 'future.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(codeOf(() => openSqliteStore(file))).toBe('store.schema_too_new');
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    check.close();
  });

  it('a file that is not a database is a typed error', () => {
    const file = join(dir, 'not-a-db.sqlite');
    writeFileSync(file, 'indicator,orgUnit\n'.repeat(200));
    expect(codeOf(() => openSqliteStore(file))).toBe('store.open_failed');
  });

  it('with create: false a missing file is a typed error and no file is created', () => {
    const file = join(dir, 'absent.sqlite');
    expect(codeOf(() => openSqliteStore(file, { create: false }))).toBe('store.not_found');
    expect(codeOf(() => new Database(file, { fileMustExist: true }))).toMatch(/^untyped/);
  });
});
