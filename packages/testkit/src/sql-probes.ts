import { isPromiseLike, type Awaitable } from '@egov-plan/core';
import type { RawProbes } from './index.js';

/** How to read a SQL store's tables directly, bypassing the store, for {@link sqlRawProbes}. */
export interface SqlProbeReader {
  /** Runs one query on a separate connection and returns its rows. */
  read(sql: string, params: readonly unknown[]): Awaitable<Record<string, unknown>[]>;
  /** The name of a table as the query must write it (`measurements`, `"my_schema".measurements`). */
  table(name: string): string;
  /** The placeholder of the n-th parameter, from 1 (`?` for SQLite, `$1` for PostgreSQL). */
  param(n: number): string;
  /** The column that orders imports as they were made (`rowid`, `seq`). */
  importOrder: string;
}

/** True in any of the spellings SQL drivers give a boolean column: `true` or `1`. */
const truthy = (v: unknown): boolean => v === true || v === 1;

/**
 * The {@link RawProbes} of a store that keeps the shared SQL table layout (`measurements`,
 * `imports`, `submissions`, `task_evidence`, `rule_files`, snake_case columns, as the SQLite and
 * PostgreSQL adapters do): each probe is one query through `reader`, never through the store, so
 * the suite sees what the database really holds.
 */
export function sqlRawProbes(reader: SqlProbeReader): RawProbes {
  const { table: t, param: p } = reader;
  const rows = <T>(sql: string, key: string, map: (r: Record<string, unknown>) => T): Awaitable<T[]> => {
    const got = reader.read(sql, [key]);
    return isPromiseLike(got) ? got.then((rs) => rs.map(map)) : got.map(map);
  };
  return {
    revisions: (plan) =>
      rows(`SELECT m.*, i.file, i.imported_by FROM ${t('measurements')} m JOIN ${t('imports')} i USING (import_id) WHERE m.plan = ${p(1)}`, plan, (r) => ({
        plan: r.plan as string,
        indicator: r.indicator as string,
        orgUnit: r.org_unit as string,
        period: r.period as string,
        revision: r.revision as number,
        value: r.value === null ? null : truthy(r.value_is_boolean) ? r.value === 1 : (r.value as number),
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
      rows(`SELECT * FROM ${t('imports')} WHERE plan = ${p(1)} ORDER BY ${reader.importOrder}`, plan, (r) => ({
        importId: r.import_id as string,
        plan: r.plan as string,
        file: r.file as string,
        importedBy: r.imported_by as string,
        retractedAt: r.retracted_at as string | null,
      })),
    submissions: (plan) =>
      rows(`SELECT * FROM ${t('submissions')} WHERE plan = ${p(1)}`, plan, (r) => ({ obligation: r.obligation as string, period: r.period as string, reporter: r.reporter as string, submittedAt: r.submitted_at as string })),
    taskEvidence: (plan) =>
      rows(`SELECT * FROM ${t('task_evidence')} WHERE plan = ${p(1)}`, plan, (r) => ({ task: r.task as string, agency: r.agency as string, done: truthy(r.done), reference: r.reference as string })),
    ruleFiles: (id) =>
      rows(`SELECT * FROM ${t('rule_files')} WHERE id = ${p(1)} ORDER BY revision`, id, (r) => ({ revision: r.revision as number, text: r.text as string, savedBy: r.saved_by as string })),
  };
}
