import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '@egov-plan/store-postgres';
import { STORE_TESTS, runStoreEvaluationTests, runStoreTests, type RawProbes } from '@egov-plan/testkit';
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
  const t = (name: string) => `${pg.escapeIdentifier(store.schema)}.${name}`;
  type R = Record<string, unknown>;
  return {
    revisions: async (plan) =>
      (await sql<R>(`SELECT m.*, i.file, i.imported_by FROM ${t('measurements')} m JOIN ${t('imports')} i USING (import_id) WHERE m.plan = $1`, [plan])).map((r) => ({
        plan: r.plan as string,
        indicator: r.indicator as string,
        orgUnit: r.org_unit as string,
        period: r.period as string,
        revision: r.revision as number,
        value: r.value === null ? null : r.value_is_boolean === true ? r.value === 1 : (r.value as number),
        numerator: r.numerator as number | null,
        denominator: r.denominator as number | null,
        importId: r.import_id as string,
        file: r.file as string,
        sheet: r.sheet as string | null,
        row: r.row as number,
        importedBy: r.imported_by as string,
        retractionOf: r.retraction_of as string | null,
      })),
    imports: async (plan) =>
      (await sql<R>(`SELECT * FROM ${t('imports')} WHERE plan = $1 ORDER BY seq`, [plan])).map((r) => ({ importId: r.import_id as string, plan: r.plan as string, file: r.file as string, importedBy: r.imported_by as string, retractedAt: r.retracted_at as string | null })),
    submissions: async (plan) => (await sql<R>(`SELECT * FROM ${t('submissions')} WHERE plan = $1`, [plan])).map((r) => ({ obligation: r.obligation as string, period: r.period as string, reporter: r.reporter as string, submittedAt: r.submitted_at as string })),
    taskEvidence: async (plan) => (await sql<R>(`SELECT * FROM ${t('task_evidence')} WHERE plan = $1`, [plan])).map((r) => ({ task: r.task as string, agency: r.agency as string, done: r.done as boolean, reference: r.reference as string })),
    ruleFiles: async (id) => (await sql<R>(`SELECT * FROM ${t('rule_files')} WHERE id = $1 ORDER BY revision`, [id])).map((r) => ({ revision: r.revision as number, text: r.text as string, savedBy: r.saved_by as string })),
  };
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
