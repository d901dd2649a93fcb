import type { AdministrativeLevel } from './plan.js';
import type { CountSum, ImportRecord, MeasurementStore, ReportSubmission, StoredMeasurement, StoredReassertion, StoredRuleFile, TaskEvidence } from './store.js';

// The table layout the SQL stores share (`@egov-plan/store-sqlite`, `@egov-plan/store-postgres`):
// one row of a table, by column name, to the contract's types. Flags may be booleans
// (PostgreSQL) or 0/1 (SQLite).

/** One row of a SQL store's table, by column name. */
export type StoreRow = Record<string, unknown>;

const flag = (v: unknown): boolean => v === true || v === 1;

/** The plan and measurement key of a row of `measurements` or `reassertions`. */
function keyFromRow(r: StoreRow): Pick<StoredMeasurement, 'plan' | 'indicator' | 'orgUnit' | 'period'> {
  return { plan: r.plan as string, indicator: r.indicator as string, orgUnit: r.org_unit as string, period: r.period as string };
}

/** A row of the `reassertions` table as a {@link StoredReassertion}. */
export function reassertionFromRow(r: StoreRow): StoredReassertion {
  return {
    ...keyFromRow(r),
    revision: Number(r.revision),
    importId: r.import_id as string,
    sheet: (r.sheet as string | null) ?? null,
    row: Number(r.row),
  };
}

/**
 * A row of the `measurements` table joined with its import (`file`, `imported_by`,
 * `imported_at`) as a {@link StoredMeasurement}.
 */
export function measurementFromRow(r: StoreRow): StoredMeasurement {
  return {
    ...keyFromRow(r),
    revision: r.revision as number,
    level: r.level as AdministrativeLevel,
    start: r.period_start as string,
    end: r.period_end as string,
    value: r.value === null ? null : flag(r.value_is_boolean) ? r.value === 1 : (r.value as number),
    numerator: r.numerator as number | null,
    denominator: r.denominator as number | null,
    evidence: flag(r.evidence),
    importId: r.import_id as string,
    file: r.file as string,
    importedBy: r.imported_by as string,
    importedAt: r.imported_at as string,
    recordedAt: r.recorded_at as string,
    retractionOf: (r.retraction_of as string | null) ?? null,
    sheet: (r.sheet as string | null) ?? null,
    row: r.row as number,
  };
}

/** A row of the `imports` table as an {@link ImportRecord}. */
export function importFromRow(r: StoreRow): ImportRecord {
  return {
    importId: r.import_id as string,
    plan: r.plan as string,
    file: r.file as string,
    importedBy: r.imported_by as string,
    importedAt: r.imported_at as string,
    rows: r.rows as number,
    revisions: r.revisions as number,
    unchanged: r.unchanged as number,
    retractedAt: (r.retracted_at as string | null) ?? null,
    retractedBy: (r.retracted_by as string | null) ?? null,
  };
}

/** A row of the `rule_files` table as a {@link StoredRuleFile}. */
export function ruleFileFromRow(r: StoreRow): StoredRuleFile {
  return { id: r.id as string, revision: r.revision as number, text: r.text as string, savedBy: r.saved_by as string, savedAt: r.saved_at as string };
}

/**
 * A row of the `submissions` table as a {@link ReportSubmission} (`import_id`, and `withdrawn_at`:
 * the retraction time of its import joined in, each left out when null).
 */
export function submissionFromRow(r: StoreRow): ReportSubmission {
  const s: ReportSubmission = { plan: r.plan as string, obligation: r.obligation as string, period: r.period as string, reporter: r.reporter as string, submittedAt: r.submitted_at as string };
  if (typeof r.import_id === 'string') s.importId = r.import_id;
  if (typeof r.withdrawn_at === 'string') s.withdrawnAt = r.withdrawn_at;
  return s;
}

/** A row of the `task_evidence` table as {@link TaskEvidence}. */
export function taskEvidenceFromRow(r: StoreRow): TaskEvidence {
  return { plan: r.plan as string, task: r.task as string, agency: r.agency as string, date: r.date as string, done: flag(r.done), reference: r.reference as string, recordedAt: r.recorded_at as string };
}

/** A row of a `sumCounts` query (`n`, `d`, `k` the sums and the count) as a {@link CountSum}. */
export function countSumFromRow(r: StoreRow): CountSum {
  return { indicator: r.indicator as string, period: r.period as string, start: r.period_start as string, end: r.period_end as string, level: r.level as AdministrativeLevel, numerator: r.n as number, denominator: r.d as number, contributors: r.k as number };
}

/**
 * The revision token of a plan's imports (oldest first): their number, the last one's id and the
 * number retracted, as `"<count>:<last id>:<retracted>"`. Any import or retraction changes it;
 * what {@link MeasurementStore.revision} returns.
 */
export function revisionFromImports(imports: readonly Pick<ImportRecord, 'importId' | 'retractedAt'>[]): string {
  let retracted = 0;
  for (const i of imports) if (i.retractedAt !== null) retracted++;
  return revisionToken(imports.length, imports[imports.length - 1]?.importId ?? null, retracted);
}

/** The revision token from its three parts (for stores that count in SQL). */
export function revisionToken(count: number, lastImportId: string | null, retracted: number): string {
  return `${count}:${lastImportId ?? ''}:${retracted}`;
}
