import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { openSqliteStore, type SqliteStore } from '@egov-plan/store-sqlite';
import { runStoreEvaluationTests, runStoreTests, sqlRawProbes, type RawProbes } from '@egov-plan/testkit';

const dir = mkdtempSync(join(tmpdir(), 'egov-plan-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Reads the database file through a second, independent connection: what is really on disk. */
function probes(store: SqliteStore): RawProbes {
  return sqlRawProbes({
    read: (query, params) => {
      const db = new Database(store.file, { readonly: true });
      try {
        return db.prepare(query).all(params) as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    table: (name) => name,
    param: () => '?',
    importOrder: 'rowid',
  });
}

runStoreTests({
  name: 'sqlite',
  store: () => openSqliteStore(join(dir, `store-${n++}.sqlite`)),
  raw: (store) => probes(store as SqliteStore),
});

runStoreEvaluationTests({ name: 'sqlite', store: () => openSqliteStore(join(dir, `evaluate-${n++}.sqlite`)) });
