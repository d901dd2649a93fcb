import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirWith } from '@egov-plan/test-utils';
import { DEFAULT_DATABASE, databaseLabel, openDatabase, withDatabase } from '../src/database.js';
import type { CliContext } from '../src/io.js';

async function collect<T>(rows: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const r of rows) all.push(r);
  return all;
}

function context(cwd: string): CliContext {
  return { io: { stdout: () => undefined, stderr: () => undefined, cwd, now: () => new Date(), readStdin: async () => '' }, lang: 'en', json: false, exitCode: 0 };
}

const record = { indicator: 'online-dossier-rate', orgUnit: 'so-tttt', level: 'province' as const, period: '2020Q1', start: '2020-01-01', end: '2020-03-31', value: 42, numerator: null, denominator: null, evidence: false, sheet: null, row: 2 };

describe('--database: which store a command opens', () => {
  it('reading a database that does not exist gives an empty store and leaves no file behind', async () => {
    const dir = tempDirWith();
    const db = await openDatabase(context(dir), undefined, 'read');
    expect(db.kind).toBe('empty');
    expect(await collect(await db.store.currentValues({ plan: 'kontum-1102-2019' }))).toEqual([]);
    await db.close();
    expect(existsSync(join(dir, DEFAULT_DATABASE))).toBe(false);
  });

  it('writing creates egov-plan.sqlite in the working directory, and a later read sees what was written', async () => {
    const dir = tempDirWith();
    await withDatabase(context(dir), undefined, 'write', (db) => db.store.importMeasurements({ plan: 'kontum-1102-2019', file: 'q1.csv', importedBy: 'so-tttt' }, [record]));
    expect(existsSync(join(dir, DEFAULT_DATABASE))).toBe(true);
    const values = await withDatabase(context(dir), undefined, 'read', async (db) => {
      expect(db.kind).toBe('sqlite');
      return collect(await db.store.currentValues({ plan: 'kontum-1102-2019' }));
    });
    expect(values.map((v) => [v.orgUnit, v.value])).toEqual([['so-tttt', 42]]);
  });

  it('a relative --database path is taken from the working directory', async () => {
    const dir = tempDirWith();
    await withDatabase(context(dir), 'data/../q.sqlite', 'write', () => undefined);
    expect(existsSync(join(dir, 'q.sqlite'))).toBe(true);
  });

  it('a file that is not a SQLite database is a typed error, not a crash', async () => {
    const dir = tempDirWith({ 'notes.sqlite': 'these are notes, not a database '.repeat(200) });
    await expect(openDatabase(context(dir), 'notes.sqlite', 'read')).rejects.toMatchObject({ name: 'EgovPlanError', issues: [{ code: 'store.open_failed' }] });
  });

  it('closes the store also when the work throws', async () => {
    const dir = tempDirWith();
    await expect(withDatabase(context(dir), undefined, 'write', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    // The file is closed: opening it again for writing works.
    await withDatabase(context(dir), undefined, 'write', (db) => expect(db.kind).toBe('sqlite'));
  });
});

describe('databaseLabel: a connection string never shows its password', () => {
  it.each([
    ['postgres://officer:s3cret@db.example:5432/egov', 'postgres://officer:***@db.example:5432/egov'],
    ['postgresql://officer:p%40ss@/egov?host=/var/run/postgresql', 'postgresql://officer:***@/egov?host=/var/run/postgresql'],
    ['postgres://db.example/egov?user=officer&password=s3cret', 'postgres://db.example/egov?user=officer&password=***'],
    ['postgres://officer@db.example/egov', 'postgres://officer@db.example/egov'],
    ['data/egov.sqlite', 'data/egov.sqlite'],
  ])('%s', (spec, label) => {
    expect(databaseLabel(spec)).toBe(label);
  });

  it('an unreachable server is named without its password', async () => {
    const spec = 'postgres://officer:s3cret-value@127.0.0.1:1/egov';
    const e = await openDatabase(context(tempDirWith()), spec, 'read').then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toMatchObject({ name: 'EgovPlanError', issues: [{ code: 'store.connection_failed' }] });
    expect(JSON.stringify(e) + String((e as Error).message)).not.toContain('s3cret-value');
  });
});
