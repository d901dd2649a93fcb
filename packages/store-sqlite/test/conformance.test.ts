import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { openSqliteStore, type SqliteStore } from '@egov-plan/store-sqlite';
import { runStoreEvaluationTests, runStoreTests, type RawProbes } from '@egov-plan/testkit';

const dir = mkdtempSync(join(tmpdir(), 'egov-plan-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Reads the database file through a second, independent connection: what is really on disk. */
function probes(store: SqliteStore): RawProbes {
  const read = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(store.file, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  type R = Record<string, unknown>;
  return {
    revisions: (plan) =>
      read<R>('SELECT m.*, i.file, i.imported_by FROM measurements m JOIN imports i USING (import_id) WHERE m.plan = ?', plan).map((r) => ({
        plan: r.plan as string,
        indicator: r.indicator as string,
        orgUnit: r.org_unit as string,
        period: r.period as string,
        revision: r.revision as number,
        value: r.value === null ? null : r.value_is_boolean === 1 ? r.value === 1 : (r.value as number),
        numerator: r.numerator as number | null,
        denominator: r.denominator as number | null,
        importId: r.import_id as string,
        file: r.file as string,
        sheet: r.sheet as string | null,
        row: r.row as number,
        importedBy: r.imported_by as string,
        retractionOf: r.retraction_of as string | null,
      })),
    imports: (plan) =>
      read<R>('SELECT * FROM imports WHERE plan = ? ORDER BY rowid', plan).map((r) => ({ importId: r.import_id as string, plan: r.plan as string, file: r.file as string, importedBy: r.imported_by as string, retractedAt: r.retracted_at as string | null })),
    submissions: (plan) => read<R>('SELECT * FROM submissions WHERE plan = ?', plan).map((r) => ({ obligation: r.obligation as string, period: r.period as string, reporter: r.reporter as string, submittedAt: r.submitted_at as string })),
    taskEvidence: (plan) => read<R>('SELECT * FROM task_evidence WHERE plan = ?', plan).map((r) => ({ task: r.task as string, agency: r.agency as string, done: r.done === 1, reference: r.reference as string })),
    ruleFiles: (id) => read<R>('SELECT * FROM rule_files WHERE id = ? ORDER BY revision', id).map((r) => ({ revision: r.revision as number, text: r.text as string, savedBy: r.saved_by as string })),
  };
}

runStoreTests({
  name: 'sqlite',
  store: () => openSqliteStore(join(dir, `store-${n++}.sqlite`)),
  raw: (store) => probes(store as SqliteStore),
});

runStoreEvaluationTests({ name: 'sqlite', store: () => openSqliteStore(join(dir, `evaluate-${n++}.sqlite`)) });
