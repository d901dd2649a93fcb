import type { Awaitable } from './awaitable.js';
import { EgovPlanError, isEgovPlanError, issue } from './errors.js';
import { issueFrom, type IssueMessage, type IssueParams } from './issue-messages.js';
import type { Issue } from './outputs.js';
import type { IssueCode } from './issue-codes.js';
import type { AdministrativeLevel } from './plan.js';
import * as MSG from './store-messages.js';

// The contract every measurement store implements (in memory, SQLite, PostgreSQL, …), in the
// manner of next-auth's adapters: one documented interface, results that may or may not be
// promises, capability flags where backends differ, and one conformance suite
// (`@egov-plan/testkit`) that every store passes.


/** Rows read from a store: an array, an iterable or an async iterable (a database cursor). */
export type RowStream<T> = Iterable<T> | AsyncIterable<T>;

/**
 * One checked measurement as written to a store: what it says (indicator, org unit, period and
 * its dates, value) and where it sits in the file it came from (sheet, row).
 */
export interface MeasurementRecord {
  indicator: string;
  orgUnit: string;
  level: AdministrativeLevel;
  /** Reporting-period id, or the evidence date for dated evidence. */
  period: string;
  /** First day of the period (`YYYY-MM-DD`). */
  start: string;
  /** Last day of the period (`YYYY-MM-DD`). */
  end: string;
  /** Number in the indicator's unit (percent as written: 20 for 20%), or yes/no. */
  value: number | boolean;
  numerator: number | null;
  denominator: number | null;
  /** True for qualitative evidence given as a date. */
  evidence: boolean;
  /** Sheet of a workbook the row came from (null for CSV and JSON). */
  sheet: string | null;
  /** Row number in the file (CSV: the header is row 1). */
  row: number;
}

/** Where a batch of measurements comes from: recorded with every revision it creates. */
export interface ImportProvenance {
  /** The plan the rows were checked against. */
  plan: string;
  /** File name as given (a name, not a path of the importing machine, is best). */
  file: string;
  /** Who imported (a user or agency id). */
  importedBy: string;
  /** When, as an ISO 8601 instant. Default: now. */
  importedAt?: string;
  /** Id of the import. Default: one the store generates. */
  importId?: string;
  /**
   * The counts of the import as first made, recorded with it instead of the counts of the rows
   * given: what a restore of a backup passes (its rows are only those that made a revision, so
   * an import whose rows were all unchanged would otherwise come back as 0 rows). `revisions` is
   * recorded as `rows − unchanged`. Throws `store.invalid_provenance` unless whole numbers with
   * `0 ≤ unchanged ≤ rows`.
   */
  counts?: { rows: number; unchanged: number };
}

/** What writing a batch did. Every row is counted once in exactly one of the counts. */
export interface ImportSummary {
  importId: string;
  /** Rows received. */
  rows: number;
  /** Rows that created a revision (a new value, or a changed one). */
  revisions: number;
  /** Rows identical to the revision already in force (nothing written). */
  unchanged: number;
}

/** One revision of one measurement (plan × indicator × org unit × period) with its provenance. */
export interface StoredMeasurement extends Omit<MeasurementRecord, 'value'> {
  plan: string;
  /** 1 for the first value received, then 2, 3, … */
  revision: number;
  /** Null for a retraction that left no earlier value in force. */
  value: number | boolean | null;
  importId: string;
  file: string;
  importedBy: string;
  importedAt: string;
  /** When this revision was written (the import's time, or the retraction's). */
  recordedAt: string;
  /**
   * Set when this revision was made by retracting that import: it restores the value of
   * `importId` (or, with `value: null`, leaves no value in force).
   */
  retractionOf: string | null;
}

/**
 * A row of an import that restated the value in force (identical to it: no revision written,
 * counted as `unchanged`). The import stands behind that value too: retracting the import that
 * wrote the revision leaves the value in force while an import that restated it is not retracted
 * ({@link MeasurementStore.retractImport}). From {@link MeasurementStore.reassertions}.
 */
export interface StoredReassertion {
  plan: string;
  indicator: string;
  orgUnit: string;
  period: string;
  /** The revision in force that the row restated. */
  revision: number;
  /** The import whose row it was. */
  importId: string;
  /** Sheet of the row (null for CSV and JSON). */
  sheet: string | null;
  /** Row number in the import's file. */
  row: number;
}

/** Which measurements to read; every field narrows the selection. */
export interface MeasurementQuery {
  plan: string;
  indicator?: string;
  orgUnit?: string;
  period?: string;
  level?: AdministrativeLevel;
  /** Only rows whose period ends on or after this date (dated evidence passes regardless). */
  endFrom?: string;
  /** Only rows whose period ends on or before this date. */
  endTo?: string;
}

/**
 * The summed counts of the values in force of one indicator, period and level: the roll-up a
 * whole-province percentage is judged on (summed numerators over summed denominators).
 */
export interface CountSum {
  indicator: string;
  period: string;
  start: string;
  end: string;
  level: AdministrativeLevel;
  numerator: number;
  denominator: number;
  /** How many org units were summed. */
  contributors: number;
}

/** Which counts to sum: as {@link MeasurementQuery}, and org units to leave out (the province's own). */
export interface CountQuery extends Omit<MeasurementQuery, 'orgUnit'> {
  excludeOrgUnits?: readonly string[];
}

/** A window of period ends (a phase's, up to the evaluation date): as `endFrom`/`endTo` of {@link MeasurementQuery}. */
export interface PeriodEndWindow {
  /** Only values whose period ends on or after this date (dated evidence passes regardless). */
  endFrom: string;
  /** Only values whose period ends on or before this date. */
  endTo: string;
}

/** Which values that count to read: a plan, and the windows of the phases evaluated. */
export interface ValuesThatCountQuery {
  plan: string;
  windows: readonly PeriodEndWindow[];
}

/** The values that count in one window (see {@link ValuesThatCount}). */
export interface WindowValues {
  /** Equals `latestValues({ plan, ...window })`. */
  latest: StoredMeasurement[];
  /** Equals `latestValues({ plan, ...window, withCounts: true })`. */
  latestWithCounts: StoredMeasurement[];
}

/**
 * Every value evaluating a plan needs, read at once: per indicator × org unit, the latest value
 * overall, and in each window the latest value and the latest value with counts. A value chosen
 * by several selections may be one object shared by their arrays. Order within an array is the
 * store's own.
 */
export interface ValuesThatCount {
  /** Equals `latestValues({ plan })`. */
  latest: StoredMeasurement[];
  /** One entry per window asked, in the order asked. */
  windows: WindowValues[];
}

/** One import as recorded. */
export interface ImportRecord extends Required<Omit<ImportProvenance, 'counts'>> {
  rows: number;
  revisions: number;
  unchanged: number;
  /** When it was retracted (ISO instant), or null. */
  retractedAt: string | null;
  /** Who retracted it, or null. */
  retractedBy: string | null;
}

/**
 * One submission of a report (for the calendar's on-time rate). A submission recorded with an
 * import (`egov-plan import --reporter`) names it: retracting that import withdraws the
 * submission (it no longer counts; it stays recorded, with `withdrawnAt`).
 */
export interface ReportSubmission {
  plan: string;
  /** The reporting obligation. */
  obligation: string;
  /** Reporting-period id. */
  period: string;
  /** Agency or administrative unit id. */
  reporter: string;
  /** ISO 8601 instant. */
  submittedAt: string;
  /** The import whose file was the report, when recorded with one (absent otherwise). */
  importId?: string;
  /**
   * When the submission was withdrawn (its import retracted, ISO instant); absent while it counts.
   * Set only in what `submissions({ …, withdrawn: true })` returns; ignored by `recordSubmission`.
   */
  withdrawnAt?: string;
}

/** Which submissions to read ({@link MeasurementStore.submissions}). */
export interface SubmissionQuery {
  plan: string;
  obligation?: string;
  period?: string;
  /** Also the withdrawn ones (their import retracted), with `withdrawnAt` set: the whole history, as a backup reads it. */
  withdrawn?: boolean;
}

/** Evidence that a task of the plan was completed (or progressed). */
export interface TaskEvidence {
  plan: string;
  task: string;
  /** Agency that reports it. */
  agency: string;
  /** Date the evidence refers to (`YYYY-MM-DD`). */
  date: string;
  /** True when the task is done, false for progress. */
  done: boolean;
  /** What proves it: a decision number, a URL, a short note. */
  reference: string;
  /** When it was recorded (ISO instant). */
  recordedAt: string;
}

/** One revision of a stored rule file (a province's own plan lives in its database). */
export interface StoredRuleFile {
  /** Id of the rule file (usually its plan id). */
  id: string;
  revision: number;
  /** The rule file as JSON text, exactly as saved. */
  text: string;
  savedBy: string;
  savedAt: string;
}

/** An import as one write of a batch ({@link MeasurementStore.writeAtomically}): what `importMeasurements` takes. */
export interface ImportWrite {
  kind: 'import';
  provenance: ImportProvenance;
  rows: RowStream<MeasurementRecord>;
}

/** A retraction as one write of a batch ({@link MeasurementStore.writeAtomically}): what `retractImport` takes. */
export interface RetractWrite {
  kind: 'retract';
  importId: string;
  retractedBy: string;
  /** ISO 8601 instant. Default: now. */
  retractedAt?: string;
}

/** A report submission as one write of a batch: what `recordSubmission` takes. */
export interface SubmissionWrite {
  kind: 'submission';
  submission: ReportSubmission;
}

/** Task evidence as one write of a batch: what `recordTaskEvidence` takes. */
export interface TaskEvidenceWrite {
  kind: 'taskEvidence';
  evidence: TaskEvidence;
}

/** A rule file revision as one write of a batch: what `saveRuleFile` takes. */
export interface RuleFileWrite {
  kind: 'ruleFile';
  file: { id: string; text: string; savedBy: string; savedAt?: string };
}

/**
 * One write of a batch made as one transaction ({@link MeasurementStore.writeAtomically}): an
 * import, a retraction, or one record (a submission, task evidence, a rule file revision) — what
 * a restore of a backup writes.
 */
export type StoreWrite = ImportWrite | RetractWrite | SubmissionWrite | TaskEvidenceWrite | RuleFileWrite;

/** What a store can do beyond the contract's common ground. */
export interface StoreCapabilities {
  /** Survives the process (a file or a server). */
  persistent: boolean;
  /** Values in force and summed counts are computed by the backend (SQL `GROUP BY`), not in Node. */
  aggregatesInBackend: boolean;
  /** Several processes may write at the same time (they wait for each other). */
  concurrentWriters: boolean;
}

/**
 * A measurement store. Every method may return a promise ({@link Awaitable}); callers `await`
 * each result. Nothing is ever overwritten or deleted: a changed value is a new revision, an
 * identical row changes nothing, a retraction is a new revision.
 *
 * Implementations: `createMemoryStore` (this package, the reference), `@egov-plan/store-sqlite`,
 * `@egov-plan/store-postgres`. Every implementation passes `runStoreTests` of `@egov-plan/testkit`.
 */
/**
 * The keys of one file's rows, for its duplicate check, kept outside the JavaScript heap (the
 * SQLite store keeps them in a private temporary database on disk, deleted when closed), so that
 * the memory of a large import does not grow with its rows or distinct org units. From
 * {@link MeasurementStore.fileKeys}; the checks of `@egov-plan/rules` use it when given one.
 */
export interface FileKeySet {
  /**
   * Records the key (an indicator as the small number the caller gives it, an org unit and a
   * period as their text) as first seen at `at` (a number ≥ 0 the caller chooses: a row) and
   * returns −1, or, when the key was recorded before, returns the `at` of its first occurrence
   * (nothing recorded).
   */
  firstSeen(indicator: number, orgUnit: string, period: string, at: number): number;
  /** Frees the keys (the temporary database is deleted). */
  close(): void;
}

/**
 * The keys of one file's rows staged in a store's backend (the PostgreSQL store: a temporary
 * table on a connection of its own), for its duplicate check: nothing of them stays in the
 * JavaScript heap, and the repeats are found by the backend once the file is read. From
 * {@link MeasurementStore.stagedFileKeys}; `@egov-plan/tabular` uses it (a file with repeats is
 * then read a second time, with {@link StagedFileKeys.repeats} as its answers, for the issues).
 */
export interface StagedFileKeys {
  /** Stages a key (as in {@link FileKeySet.firstSeen}) seen at `at`, a number that grows in reading order. */
  add(indicator: number, orgUnit: string, period: string, at: number): void;
  /** Sends the keys staged so far to the backend; call between batches of rows. */
  flush(): Promise<void>;
  /** Every repeated key, the `at` of each repeat mapped to the `at` of its first occurrence (empty: no repeats). */
  repeats(): Promise<Map<number, number>>;
  /** Frees the keys (drops the table, releases the connection). */
  close(): Promise<void>;
}

export interface MeasurementStore {
  /** Name of the backend, for messages (`memory`, `sqlite`, `postgres`). */
  readonly kind: string;
  readonly capabilities: StoreCapabilities;
  /**
   * Writes a batch atomically: every row lands, or (when the batch fails or the process dies)
   * none. Rows identical to the revision in force are counted as `unchanged`.
   */
  importMeasurements(provenance: ImportProvenance, rows: RowStream<MeasurementRecord>): Awaitable<ImportSummary>;
  /**
   * A new, empty {@link FileKeySet} for the duplicate check of one file, held outside the
   * JavaScript heap; close it when the file is read. Optional (the SQLite store has it): without
   * it the check keeps its keys in memory.
   */
  fileKeys?(): FileKeySet;
  /**
   * A new, empty {@link StagedFileKeys} for the duplicate check of one file, in the store's
   * backend; close it when the file is read. Optional (the PostgreSQL store has it): without it
   * (and without {@link fileKeys}) the check keeps its keys in memory.
   */
  stagedFileKeys?(): Promise<StagedFileKeys>;
  /** Every revision of the matching measurements, oldest first within each measurement. */
  history(query: MeasurementQuery): Awaitable<RowStream<StoredMeasurement>>;
  /** The values in force: the latest revision of each plan × indicator × org unit × period (retracted-away values left out). */
  currentValues(query: MeasurementQuery): Awaitable<RowStream<StoredMeasurement>>;
  /**
   * The value that counts for each indicator × org unit in a window: of the values in force
   * matching `query` (typically `endFrom`/`endTo`), the one with the latest period (by end, then
   * start). With `withCounts`, only values that have a numerator and a denominator are considered.
   */
  latestValues(query: MeasurementQuery & { withCounts?: boolean }): Awaitable<RowStream<StoredMeasurement>>;
  /**
   * The values that count for an evaluation in one read (one query in the SQL stores): what
   * `latestValues({ plan })` and, for each window, `latestValues({ plan, ...window })` and
   * `latestValues({ plan, ...window, withCounts: true })` return. Optional: without it, callers
   * make those calls ({@link readValuesThatCount} does either).
   */
  valuesThatCount?(query: ValuesThatCountQuery): Awaitable<ValuesThatCount>;
  /** Summed numerators and denominators of the values in force, grouped by indicator, period and level. */
  sumCounts(query: CountQuery): Awaitable<CountSum[]>;
  /** Every import of a plan, oldest first. */
  imports(plan: string): Awaitable<ImportRecord[]>;
  /**
   * The rows of a plan's imports that restated the value in force ({@link StoredReassertion}), by
   * measurement, then in the order written: what a backup carries so that a restored store retracts alike. Optional;
   * every bundled store has it (without it a backup holds the revisions only, and a retraction
   * after a restore withdraws values a re-import stood behind).
   */
  reassertions?(query: { plan: string }): Awaitable<StoredReassertion[]>;
  /**
   * The ids of the plans the store holds imports, report submissions or task evidence for,
   * sorted: what a backup of the whole store (`egov-plan dump` without `--plan`) walks. Optional;
   * every bundled store has it.
   */
  plans?(): Awaitable<string[]>;
  /**
   * A token that changes whenever the plan's stored data changes (an import or a retraction, by
   * this process or another), cheap to compute: caches of evaluations key on it. It equals
   * {@link revisionFromImports} of `imports(plan)`; optional, and computed from `imports(plan)`
   * when a store does not have it.
   */
  revision?(plan: string): Awaitable<string>;
  /**
   * Makes several writes — imports and retractions, in the order given — as one transaction:
   * every write lands, or (when any of them fails, or the process dies) none does, and the store
   * is left as it was. Returns one summary per write, in order. A failure is thrown as the failing
   * write's own error, with that write's index set on it ({@link failedWriteOf});
   * {@link applyWrites} makes the writes so. What a restore of a backup uses
   * (`restoreDump` of `@egov-plan/tabular`). Optional: a store without it is written one write at
   * a time by {@link writeAll}, which says so (`atomic: false`) and, when a write fails part-way,
   * names the writes already made (`store.partially_written`). Every bundled store has it.
   */
  writeAtomically?(writes: readonly StoreWrite[]): Awaitable<ImportSummary[]>;
  /**
   * Withdraws an import: only the values no other standing (not retracted) import asserts. Each
   * import asserts every row it held, also a row identical to the value in force (a re-import of
   * the same file: no revision then, but a {@link StoredReassertion}). After the retraction the
   * value in force of each measurement is the latest value asserted by a standing import, or none.
   * So each measurement whose revision in force came from the import gets a new revision
   * (`retractionOf` set): the value of the latest standing import that asserted one, with that
   * import as its provenance (the same value again when a re-import stood behind it, now under the
   * re-import's id), or no value (`value: null`) when no standing import asserted it. The report
   * submissions recorded with the import are withdrawn (no longer counted by `submissions`, kept
   * with `withdrawnAt`); those of other imports still count. Nothing is deleted. Retracting an
   * import already retracted is refused: throws `EgovPlanError` (`store.already_retracted`;
   * `store.unknown_import` for an import the store does not hold), and nothing is written.
   */
  retractImport(importId: string, by: { retractedBy: string; retractedAt?: string }): Awaitable<ImportSummary>;
  /**
   * Records a report submission; with `importId`, as made by that import (then retracting the
   * import withdraws it). Throws `store.unknown_import` for an import the store does not hold.
   */
  recordSubmission(submission: ReportSubmission): Awaitable<void>;
  /**
   * Submissions of an obligation (and period, when given), in the order recorded: those that
   * count (not withdrawn), or with `withdrawn: true` every one, the withdrawn with `withdrawnAt`.
   */
  submissions(query: SubmissionQuery): Awaitable<ReportSubmission[]>;
  /** Records task completion evidence. */
  recordTaskEvidence(evidence: TaskEvidence): Awaitable<void>;
  /** Evidence recorded for a plan's tasks (one task, when given), in the order recorded. */
  taskEvidence(query: { plan: string; task?: string }): Awaitable<TaskEvidence[]>;
  /** Saves a rule file as a new revision (saving identical text again changes nothing) and returns the revision in force. */
  saveRuleFile(file: { id: string; text: string; savedBy: string; savedAt?: string }): Awaitable<StoredRuleFile>;
  /** The latest revision of a rule file (or a given revision), or null. */
  ruleFile(id: string, revision?: number): Awaitable<StoredRuleFile | null>;
  /** Every revision of a rule file, oldest first. */
  ruleFileRevisions(id: string): Awaitable<StoredRuleFile[]>;
  /** Releases connections and file handles. */
  close(): Awaitable<void>;
}

/**
 * A {@link MeasurementStore} kept in an SQL database (the SQLite and PostgreSQL adapters): a
 * versioned schema, reads answered as arrays, counts summed by the database.
 */
export interface SqlMeasurementStore extends MeasurementStore {
  /** The schema version of the open store (the adapter's current version once open). */
  readonly schemaVersion: number;
  /** The schema version the store had when it was opened (0 for a new one): shows a migration. */
  readonly openedAtVersion: number;
  /** Every revision of the matching measurements, as an array. */
  history(query: MeasurementQuery): Promise<StoredMeasurement[]>;
  /** The values in force, as an array. */
  currentValues(query: MeasurementQuery): Promise<StoredMeasurement[]>;
  /** The value that counts per indicator × org unit, as an array. */
  latestValues(query: MeasurementQuery & { withCounts?: boolean }): Promise<StoredMeasurement[]>;
  /** The values that count for an evaluation, in one query. */
  valuesThatCount(query: ValuesThatCountQuery): Promise<ValuesThatCount>;
  /** The rows of a plan's imports that restated the value in force, as an array (by measurement, then in the order written). */
  reassertions(query: { plan: string }): Promise<StoredReassertion[]>;
}

/** Reads a row stream into an array (an array is returned as it is). */
async function toArray<T>(rows: RowStream<T>): Promise<T[]> {
  if (Array.isArray(rows)) return rows;
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/**
 * The values that count for an evaluation ({@link ValuesThatCount}): the store's own
 * `valuesThatCount` when it has one, otherwise the same from its `latestValues` (one call
 * overall and two per window).
 *
 * @example
 * ```ts
 * const read = await readValuesThatCount(store, { plan: 'kontum-1102-2019', windows: [{ endFrom: '2019-01-01', endTo: '2020-12-31' }] });
 * console.log(read.latest.length, read.windows[0]?.latestWithCounts.length);
 * ```
 */
export async function readValuesThatCount(store: MeasurementStore, query: ValuesThatCountQuery): Promise<ValuesThatCount> {
  if (store.valuesThatCount) return store.valuesThatCount(query);
  const latest = await toArray(await store.latestValues({ plan: query.plan }));
  const windows: WindowValues[] = [];
  for (const w of query.windows) {
    const q = { plan: query.plan, endFrom: w.endFrom, endTo: w.endTo };
    windows.push({ latest: await toArray(await store.latestValues(q)), latestWithCounts: await toArray(await store.latestValues({ ...q, withCounts: true })) });
  }
  return { latest, windows };
}

/** True when two records state the same measurement value (a re-import of such a row changes nothing). */
export function sameMeasurementValue(
  a: Pick<StoredMeasurement, 'value' | 'numerator' | 'denominator' | 'level' | 'start' | 'end' | 'evidence'>,
  b: Pick<MeasurementRecord, 'value' | 'numerator' | 'denominator' | 'level' | 'start' | 'end' | 'evidence'>,
): boolean {
  return a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator && a.level === b.level && a.start === b.start && a.end === b.end && a.evidence === b.evidence;
}

/**
 * The revision number a record gets when `latest` is the measurement's latest revision (or
 * undefined for a new measurement), or null when the record changes nothing. Every store decides
 * alike through this function.
 */
export function nextRevision(latest: Pick<StoredMeasurement, 'revision' | 'value' | 'numerator' | 'denominator' | 'level' | 'start' | 'end' | 'evidence'> | undefined, r: MeasurementRecord): number | null {
  if (!latest) return 1;
  return latest.value !== null && sameMeasurementValue(latest, r) ? null : latest.revision + 1;
}

/** The key of one measurement across its revisions. */
export function measurementKey(m: { indicator: string; orgUnit: string; period: string }): string {
  return `${m.indicator}\u0000${m.orgUnit}\u0000${m.period}`;
}

/** Orders two values by their period: end, then start (the later period last). */
export function comparePeriodEnds(a: { start: string; end: string }, b: { start: string; end: string }): number {
  return a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/** True when a value in force matches a query (the in-memory meaning of every store's filter). */
export function matchesQuery(m: Pick<StoredMeasurement, 'plan' | 'indicator' | 'orgUnit' | 'period' | 'level' | 'evidence' | 'end'>, q: MeasurementQuery): boolean {
  return (
    m.plan === q.plan &&
    (q.indicator === undefined || m.indicator === q.indicator) &&
    (q.orgUnit === undefined || m.orgUnit === q.orgUnit) &&
    (q.period === undefined || m.period === q.period) &&
    (q.level === undefined || m.level === q.level) &&
    (q.endFrom === undefined || m.evidence || m.end >= q.endFrom) &&
    (q.endTo === undefined || m.end <= q.endTo)
  );
}

const LEVELS = new Set(['province', 'district', 'commune']);
const DAY = /^\d{4}-\d{2}-\d{2}$/u;

function storeError<const M extends IssueMessage>(message: M, pointer: string, params: IssueParams<M>): EgovPlanError {
  return new EgovPlanError([issueFrom(message, pointer, params)]);
}

/**
 * Checks a record before a store writes it; throws `EgovPlanError` (`store.invalid_record`) naming
 * the row and the field. Stores call it so that a bad value never reaches a backend.
 */
export function checkMeasurementRecord(r: MeasurementRecord, index: number): void {
  // Every store.invalid_record message names the row, some the field too (the cast: extra
  // parameters are ignored).
  const bad = <const M extends IssueMessage>(field: string, message: M): never => {
    throw storeError(message, `/${index}/${field}`, { row: String(r?.row ?? index + 1), field } as unknown as IssueParams<M>);
  };
  if (r === null || typeof r !== 'object') bad('', MSG.storeInvalidRecordNotObject);
  for (const f of ['indicator', 'orgUnit', 'period'] as const) if (typeof r[f] !== 'string' || r[f] === '') bad(f, MSG.storeInvalidRecordEmpty);
  if (!LEVELS.has(r.level)) bad('level', MSG.storeInvalidRecordLevel);
  for (const f of ['start', 'end'] as const) if (typeof r[f] !== 'string' || !DAY.test(r[f])) bad(f, MSG.storeInvalidRecordDate);
  if (typeof r.value !== 'boolean' && !(typeof r.value === 'number' && Number.isFinite(r.value))) bad('value', MSG.storeInvalidRecordValue);
  for (const f of ['numerator', 'denominator'] as const) if (r[f] !== null && !(typeof r[f] === 'number' && Number.isFinite(r[f]))) bad(f, MSG.storeInvalidRecordNumber);
  if (typeof r.evidence !== 'boolean') bad('evidence', MSG.storeInvalidRecordEvidence);
  if (r.sheet !== null && typeof r.sheet !== 'string') bad('sheet', MSG.storeInvalidRecordSheet);
  if (!Number.isInteger(r.row) || r.row < 1) bad('row', MSG.storeInvalidRecordRow);
}

/**
 * The counts an import records: `counts` of its provenance when given (a restore), else those of
 * the rows written (`rows` read, `unchanged` of them).
 */
export function recordedCounts(p: Pick<ImportProvenance, 'counts'>, rows: number, unchanged: number): { rows: number; revisions: number; unchanged: number } {
  const c = p.counts ?? { rows, unchanged };
  return { rows: c.rows, revisions: c.rows - c.unchanged, unchanged: c.unchanged };
}

/** Completes and checks the provenance of an import; throws `EgovPlanError` (`store.invalid_provenance`). */
export function completeProvenance(p: ImportProvenance, newId: () => string): Required<Omit<ImportProvenance, 'counts'>> & Pick<ImportProvenance, 'counts'> {
  for (const f of ['plan', 'file', 'importedBy'] as const) {
    if (typeof p?.[f] !== 'string' || p[f] === '') {
      throw storeError(MSG.storeInvalidProvenance, `/${f}`, { field: f });
    }
  }
  const importedAt = p.importedAt ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(importedAt))) {
    throw storeError(MSG.storeInvalidProvenanceImportedAt, '/importedAt', { importedAt });
  }
  const c = p.counts;
  if (c !== undefined && !(Number.isInteger(c?.rows) && Number.isInteger(c?.unchanged) && c.unchanged >= 0 && c.unchanged <= c.rows)) {
    throw storeError(MSG.storeInvalidProvenanceCounts, '/counts', {});
  }
  const done = { plan: p.plan, file: p.file, importedBy: p.importedBy, importedAt, importId: p.importId ?? newId() };
  return c === undefined ? done : { ...done, counts: { rows: c.rows, unchanged: c.unchanged } };
}

/** The error for retracting an import the store does not hold. */
export function unknownImportError(importId: string): EgovPlanError {
  return storeError(MSG.storeUnknownImport, '', { importId });
}

/** The error for retracting an import twice. */
export function alreadyRetractedError(importId: string, at: string): EgovPlanError {
  return storeError(MSG.storeAlreadyRetracted, '', { importId, at });
}

/** The error for an import id used twice. */
export function duplicateImportError(importId: string): EgovPlanError {
  return storeError(MSG.storeDuplicateImport, '/importId', { importId });
}

/**
 * Makes one write of a batch through the store's own method: `importMeasurements` for an
 * import, `retractImport` for a retraction.
 */
export async function applyWrite(store: MeasurementStore, write: StoreWrite): Promise<ImportSummary> {
  if (write.kind === 'import') return store.importMeasurements(write.provenance, write.rows);
  // A record (submission, evidence, rule file): one row, no revision of a measurement.
  const one = (importId = ''): ImportSummary => ({ importId, rows: 1, revisions: 0, unchanged: 0 });
  if (write.kind === 'submission') return await store.recordSubmission(write.submission), one(write.submission.importId);
  if (write.kind === 'taskEvidence') return await store.recordTaskEvidence(write.evidence), one();
  if (write.kind === 'ruleFile') return await store.saveRuleFile(write.file), one();
  return store.retractImport(write.importId, write.retractedAt === undefined ? { retractedBy: write.retractedBy } : { retractedBy: write.retractedBy, retractedAt: write.retractedAt });
}

/** The index (from 0) of the write a batch's error came from, or undefined ({@link applyWrites} sets it). */
export function failedWriteOf(error: unknown): number | undefined {
  const i = (error as { failedWrite?: unknown } | null)?.failedWrite;
  return typeof i === 'number' ? i : undefined;
}

function markFailedWrite(error: unknown, index: number): void {
  if (error !== null && typeof error === 'object' && failedWriteOf(error) === undefined) Object.defineProperty(error, 'failedWrite', { value: index, enumerable: false, configurable: true });
}

/**
 * Makes the writes one after the other through {@link applyWrite} and returns their summaries
 * (pushed onto `summaries` as each write is made); a failure is rethrown as it is, with the failing
 * write's index set on it ({@link failedWriteOf}). What a store's `writeAtomically` runs inside
 * its transaction.
 */
export async function applyWrites(store: MeasurementStore, writes: readonly StoreWrite[], summaries: ImportSummary[] = []): Promise<ImportSummary[]> {
  for (const [i, w] of writes.entries()) {
    try {
      summaries.push(await applyWrite(store, w));
    } catch (e) {
      markFailedWrite(e, i);
      throw e;
    }
  }
  return summaries;
}

/** What {@link writeAll} did. */
export interface WriteAllResult {
  /** One summary per write, in order. */
  summaries: ImportSummary[];
  /**
   * True when the writes were made as one transaction (the store's `writeAtomically`); false when
   * the store lacks it and they were made one at a time.
   */
  atomic: boolean;
}

/** How a write is named in messages: `import <id>` / `retraction of <id>`. */
function writeName(w: StoreWrite, summary: ImportSummary | undefined): { vi: string; en: string } {
  if (w.kind === 'retract') return { vi: `rút lại ${w.importId}`, en: `retraction of ${w.importId}` };
  if (w.kind === 'submission') return { vi: `lần nộp báo cáo ${w.submission.obligation} ${w.submission.period} của ${w.submission.reporter}`, en: `submission of ${w.submission.obligation} ${w.submission.period} by ${w.submission.reporter}` };
  if (w.kind === 'taskEvidence') return { vi: `minh chứng nhiệm vụ ${w.evidence.task}`, en: `evidence of task ${w.evidence.task}` };
  if (w.kind === 'ruleFile') return { vi: `tệp quy tắc ${w.file.id}`, en: `rule file ${w.file.id}` };
  const id = summary?.importId ?? w.provenance.importId ?? '?';
  return { vi: `lần nhập ${id}`, en: `import ${id}` };
}

/**
 * The error of a store without `writeAtomically` whose write `failed` (from 0) failed after the
 * writes before it were made: `store.partially_written` naming them, then the failure's own
 * issues.
 */
export function partiallyWrittenError(store: Pick<MeasurementStore, 'kind'>, writes: readonly StoreWrite[], summaries: readonly ImportSummary[], failed: number, cause: unknown): EgovPlanError {
  const names = summaries.slice(0, 20).map((s, i) => writeName(writes[i] as StoreWrite, s));
  const more = summaries.length > names.length ? `, … (+${summaries.length - names.length})` : '';
  const why = isEgovPlanError(cause) ? null : cause instanceof Error ? cause.message : String(cause);
  const first = issue(
    'store.partially_written',
    `/${failed}`,
    `Kho "${store.kind}" không ghi được nhiều thao tác trong một giao dịch (không có writeAtomically): đã ghi ${failed} trong ${writes.length} thao tác (${names.map((n) => n.vi).join(', ')}${more}) trước khi thao tác thứ ${failed + 1} thất bại${why === null ? '' : ` (${why})`}; các thao tác sau không được ghi.`,
    `The "${store.kind}" store cannot make several writes in one transaction (no writeAtomically): ${failed} of ${writes.length} writes were made (${names.map((n) => n.en).join(', ')}${more}) before write ${failed + 1} failed${why === null ? '' : ` (${why})`}; the later ones were not made.`,
  );
  return new EgovPlanError([first, ...(isEgovPlanError(cause) ? cause.issues : [])]);
}

/**
 * Makes several writes (imports and retractions, in order): as one transaction through the
 * store's `writeAtomically` when it has one (then all land or none), otherwise one at a time —
 * `atomic: false` in the result, and a failure after the first write is `store.partially_written`
 * naming the writes made, never a silent partial write. A failure of the first write (or of an
 * atomic batch) is thrown as it is. Either way the error tells which write failed
 * ({@link failedWriteOf}).
 *
 * @example
 * ```ts
 * const { summaries, atomic } = await writeAll(store, [
 *   { kind: 'import', provenance: { plan: 'kontum-1102-2019', file: 'q1.csv', importedBy: 'so-tttt', importId: 'q1' }, rows },
 *   { kind: 'retract', importId: 'q1', retractedBy: 'so-tttt' },
 * ]);
 * ```
 */
export async function writeAll(store: MeasurementStore, writes: readonly StoreWrite[]): Promise<WriteAllResult> {
  if (store.writeAtomically) return { summaries: await store.writeAtomically(writes), atomic: true };
  const summaries: ImportSummary[] = [];
  try {
    await applyWrites(store, writes, summaries);
  } catch (e) {
    const failed = summaries.length;
    if (failed === 0) throw e;
    const partial = partiallyWrittenError(store, writes, summaries, failed, e);
    markFailedWrite(partial, failed);
    throw partial;
  }
  return { summaries, atomic: false };
}
