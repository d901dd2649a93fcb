import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '@egov-plan/store-postgres';
import { STORE_TESTS, runStoreEvaluationTests, runStoreTests, sqlRawProbes, type RawProbes } from '@egov-plan/testkit';
import { connection, dropSchemas, freshSchema, required, skipMessage, sql, unreachable } from './server.js';

const down = await unreachable();
if (down !== null) {
  console.warn(skipMessage(down));
  if (required) {
    describe('PostgreSQL server', () => {
      it('is reachable (EGOV_PLAN_REQUIRE_PG=1)', () => {
        throw new Error(skipMessage(down));
      });
    });
  }
} else afterAll(dropSchemas);
const skipAll = down !== null && !required ? Object.fromEntries(STORE_TESTS.map((name) => [name, down])) : undefined;

/** Reads the store's tables through a separate connection: what the server really holds. */
function probes(store: PostgresStore): RawProbes {
  return sqlRawProbes({
    read: (query, params) => sql<Record<string, unknown>>(query, [...params]),
    table: (name) => `${pg.escapeIdentifier(store.schema)}.${name}`,
    param: (n) => `$${n}`,
    importOrder: 'seq',
  });
}

runStoreTests({
  name: 'postgres',
  store: () => openPostgresStore({ connection, schema: freshSchema('store') }),
  raw: (store) => probes(store as PostgresStore),
  ...(skipAll ? { skip: skipAll } : {}),
});

runStoreEvaluationTests({
  name: 'postgres',
  store: () => openPostgresStore({ connection, schema: freshSchema('evaluate') }),
  ...(down !== null && !required ? { skip: down } : {}),
});
