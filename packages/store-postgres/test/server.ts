// How the PostgreSQL tests find a server, and the fresh schemas each run writes into.
import pg from 'pg';
import { describeConnection, type PostgresConnectionConfig } from '@egov-plan/store-postgres';

/** The server the tests use: `EGOV_PLAN_PG_URL`, else libpq's `PGHOST`, `PGUSER`, … defaults. */
export const connection: string | PostgresConnectionConfig | undefined = process.env.EGOV_PLAN_PG_URL || undefined;

/** Under `EGOV_PLAN_REQUIRE_PG=1` (CI) a missing server fails the run instead of skipping. */
export const required = process.env.EGOV_PLAN_REQUIRE_PG === '1';

const run = `egov_test_${process.pid}_${Date.now().toString(36)}`;
let n = 0;

/** A schema name no other run or test uses. */
export function freshSchema(tag: string): string {
  return `${run}_${tag}_${n++}`;
}

/** A plain client of the test server (the tests' independent view of the backend). */
export function client(): pg.Client {
  return new pg.Client(typeof connection === 'string' ? { connectionString: connection, connectionTimeoutMillis: 5000 } : { ...connection, connectionTimeoutMillis: 5000 });
}

/**
 * The tests' own connections to the server, apart from every store's: opened once and reused
 * (a new connection per statement cost ~35 ms, most of the time of the property tests, which
 * read the backend several times per run), ended by {@link dropSchemas}.
 */
let probes: pg.Pool | undefined;

/** Runs one statement on a connection of the tests' own (never one of a store's). */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  if (!probes) {
    probes = new pg.Pool({ ...(typeof connection === 'string' ? { connectionString: connection } : connection), connectionTimeoutMillis: 5000, max: 2 });
    probes.on('error', () => undefined);
  }
  return (await probes.query(text, params)).rows as T[];
}

/** Null when the server answers, else why not (shown in the skip message). */
export async function unreachable(): Promise<string | null> {
  try {
    await sql('SELECT 1');
    return null;
  } catch (e) {
    return `no PostgreSQL server reachable at ${describeConnection(connection)} (${(e as Error).message})`;
  }
}

/** Drops every schema this run created. */
export async function dropSchemas(): Promise<void> {
  const rows = await sql<{ name: string }>('SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)', [`${run}_`]);
  for (const r of rows) await sql(`DROP SCHEMA ${pg.escapeIdentifier(r.name)} CASCADE`);
  await probes?.end();
  probes = undefined;
}

/** The message printed (and the reason given to every skipped test) when no server is reachable. */
export function skipMessage(reason: string): string {
  return `PostgreSQL store tests skipped: ${reason}. Point them at a server with EGOV_PLAN_PG_URL=postgresql://user@host/database (or PGHOST, PGUSER, PGDATABASE); with EGOV_PLAN_REQUIRE_PG=1 a missing server fails the run.`;
}
