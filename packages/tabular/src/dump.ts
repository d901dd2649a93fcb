import { EgovPlanError, failedWriteOf, isEgovPlanError, issue, issueFrom, writeAll, type IssueMessage, type IssueParams, type ImportRecord, type ImportSummary, type MeasurementStore, type StoredMeasurement, type StoredReassertion, type StoreWrite, type WriteAllResult } from '@egov-plan/core';
import type { BilingualText, Issue, Plan, ReportSubmission, StoredRuleFile, TaskEvidence } from '@egov-plan/core';
import { bundledPlan, isBundledPlanId, readCsv } from '@egov-plan/rules';
import * as MSG from './messages.js';
import { REASSERTION_FIELD_WORDS, backupLinePlace, backupPointerPlace } from './words.js';
import { checkRestoredRevisions, setDumpLocation } from './restore-check.js';

// A store's measurements as a backup: every revision with its provenance, and the imports, as
// JSON or CSV. `restoreDumps` replays dumps into a store — imports in the order they were
// recorded, retractions where they happened — so the revisions come out as they were, as one
// transaction where the store can (`writeAtomically`).

/** The format marker of a JSON dump. */
export const DUMP_FORMAT = 'egov-plan-dump';

/** A dump of one plan's measurements. */
export interface StoreDump {
  format: typeof DUMP_FORMAT;
  version: 1;
  plan: string;
  imports: ImportRecord[];
  /** Every revision, in the order they were recorded. */
  revisions: StoredMeasurement[];
  /**
   * The rows of imports that restated a value in force (a re-import: no revision), so that a
   * restored store retracts alike (see `retractImport` of `@egov-plan/core`). JSON only; absent
   * from older dumps and from a store without `reassertions`.
   */
  reassertions?: StoredReassertion[];
  /**
   * Every report submission of the plan, in the order recorded, the withdrawn ones (their import
   * retracted) with `withdrawnAt`. JSON only (absent from a CSV dump and from older dumps).
   */
  submissions?: ReportSubmission[];
  /** Every task completion evidence of the plan, in the order recorded. JSON only. */
  taskEvidence?: TaskEvidence[];
  /** Every revision of the rule file stored under the plan's id (a province's own plan), oldest first. JSON only. */
  ruleFiles?: StoredRuleFile[];
}

/**
 * A dump of every plan a store holds (what `egov-plan dump` writes without `--plan`): one
 * {@link StoreDump} per plan, sorted by plan id.
 */
export interface StoreDumpSet {
  format: typeof DUMP_FORMAT;
  version: 1;
  plans: StoreDump[];
}

/** The columns of a CSV dump, in order. */
export const DUMP_COLUMNS = ['plan', 'indicator', 'orgUnit', 'level', 'period', 'start', 'end', 'value', 'numerator', 'denominator', 'evidence', 'revision', 'importId', 'file', 'sheet', 'row', 'importedBy', 'importedAt', 'recordedAt', 'retractionOf', 'retractedBy'] as const;

const order = (a: StoredMeasurement, b: StoredMeasurement) =>
  a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : Number(a.retractionOf !== null) - Number(b.retractionOf !== null) || (a.importId < b.importId ? -1 : a.importId > b.importId ? 1 : 0);

/**
 * Everything a store holds for a plan, in the order it was recorded: every revision and import,
 * every report submission (withdrawn ones too), task evidence, and the revisions of the rule file
 * stored under the plan's id.
 */
export async function dumpStore(store: MeasurementStore, plan: string): Promise<StoreDump> {
  const revisions: StoredMeasurement[] = [];
  for await (const m of await store.history({ plan })) revisions.push(m);
  revisions.sort(order);
  return {
    format: DUMP_FORMAT, version: 1, plan, imports: await store.imports(plan), revisions,
    ...(store.reassertions ? { reassertions: await store.reassertions({ plan }) } : {}),
    submissions: await store.submissions({ plan, withdrawn: true }), taskEvidence: await store.taskEvidence({ plan }), ruleFiles: await store.ruleFileRevisions(plan),
  };
}

/**
 * Every plan in a store, each as {@link dumpStore} gives it: a backup of the whole store. Needs
 * the store's `plans()` (every bundled store has it); throws `EgovPlanError`
 * (`usage.invalid_value`) for a store without it rather than leave plans out.
 */
export async function dumpEveryPlan(store: MeasurementStore): Promise<StoreDumpSet> {
  if (!store.plans) {
    throw new EgovPlanError([
      issueFrom(MSG.usageInvalidValueDumpPlans, '', { store: store.kind }),
    ]);
  }
  const plans: StoreDump[] = [];
  for (const plan of await store.plans()) plans.push(await dumpStore(store, plan));
  return { format: DUMP_FORMAT, version: 1, plans };
}

const csvField = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};

/**
 * A dump as CSV: a header of {@link DUMP_COLUMNS}, one line per revision (of every plan of a
 * {@link StoreDumpSet}, plan by plan; the `plan` column tells them apart). A CSV dump holds the
 * revisions only: not the imports that made no revision, nor the imports' row counts, the rows
 * of imports that restated a value in force (`reassertions`), report submissions, task evidence
 * or rule files — {@link csvDumpLeavesOut} counts what it leaves out;
 * the JSON dump holds everything.
 */
export function dumpCsv(dump: StoreDump | StoreDumpSet): string {
  const dumps = 'plans' in dump ? dump.plans : [dump];
  const retractedBy = new Map(dumps.flatMap((d) => d.imports.map((i) => [i.importId, i.retractedBy] as const)));
  const lines = [DUMP_COLUMNS.join(',')];
  for (const m of dumps.flatMap((d) => d.revisions)) {
    const row: Record<string, unknown> = { ...m, retractedBy: m.retractionOf === null ? null : (retractedBy.get(m.retractionOf) ?? null) };
    lines.push(DUMP_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** What a CSV dump of `dump` leaves out (see {@link dumpCsv}): counts of the records only the JSON dump holds. */
export interface CsvDumpOmissions {
  /** Imports that made no revision (so have no line). */
  importsWithoutRevisions: number;
  /**
   * Imports with rows left unchanged: the CSV has a line per revision only, so their row counts
   * (rows, unchanged) cannot be read back from it.
   */
  importCounts: number;
  /** Retractions that made no revision (every row already superseded): no line tells of them. */
  retractionsWithoutRevisions: number;
  submissions: number;
  taskEvidence: number;
  ruleFiles: number;
  /** Rows of imports that restated a value in force (JSON's `reassertions`). */
  reassertions: number;
}

/** Counts what a CSV dump of `dump` leaves out ({@link dumpCsv}), for a warning. */
export function csvDumpLeavesOut(dump: StoreDump | StoreDumpSet): CsvDumpOmissions {
  const dumps = 'plans' in dump ? dump.plans : [dump];
  const out: CsvDumpOmissions = { importsWithoutRevisions: 0, importCounts: 0, retractionsWithoutRevisions: 0, submissions: 0, taskEvidence: 0, ruleFiles: 0, reassertions: 0 };
  for (const d of dumps) {
    const made = new Set(d.revisions.map((m) => m.importId));
    const retracted = new Set(d.revisions.flatMap((m) => (m.retractionOf === null ? [] : [m.retractionOf])));
    out.importsWithoutRevisions += d.imports.filter((i) => !made.has(i.importId)).length;
    out.importCounts += d.imports.filter((i) => made.has(i.importId) && i.unchanged > 0).length;
    out.retractionsWithoutRevisions += d.imports.filter((i) => i.retractedAt !== null && !retracted.has(i.importId)).length;
    out.submissions += d.submissions?.length ?? 0;
    out.taskEvidence += d.taskEvidence?.length ?? 0;
    out.ruleFiles += d.ruleFiles?.length ?? 0;
    out.reassertions += d.reassertions?.length ?? 0;
  }
  return out;
}

/** True when nothing of `dump` is left out of its CSV dump ({@link csvDumpLeavesOut} counts nothing). */
export function csvDumpIsComplete(o: CsvDumpOmissions): boolean {
  return Object.values(o).every((n) => n === 0);
}

/** True when a text is a dump (JSON with the format marker, or CSV with the dump's header). */
export function isDumpText(text: string): boolean {
  const head = text.replace(/^\uFEFF/u, '').trimStart();
  if (head.startsWith('{')) return head.slice(0, 200).includes(`"${DUMP_FORMAT}"`);
  return head.startsWith(DUMP_COLUMNS.slice(0, 4).join(','));
}

const badDump = <const M extends IssueMessage>(file: string, message: M, params: IssueParams<M>) => new EgovPlanError([issueFrom(message, '', params, { file })]);

/** A plan's dump as read back: the dump, and who retracted each retracted import (import id → who). */
export type ParsedDump = StoreDump & { retractedBy: Map<string, string> };

const retractions = (imports: ImportRecord[]) => new Map(imports.filter((i) => i.retractedBy !== null).map((i) => [i.importId, i.retractedBy as string]));

/** One plan's dump read from JSON (`pointer`: where it stands in the file), checked for the parts a restore reads. */
function jsonDump(d: unknown, file: string, where: string, pointer: string): ParsedDump {
  const x = d as Partial<StoreDump> | null;
  const list = (v: unknown) => v === undefined || Array.isArray(v);
  if (!x || typeof x !== 'object' || x.format !== DUMP_FORMAT || x.version !== 1 || typeof x.plan !== 'string' || !Array.isArray(x.revisions) || !Array.isArray(x.imports) || !list(x.submissions) || !list(x.taskEvidence) || !list(x.ruleFiles) || !list(x.reassertions)) {
    throw badDump(file, MSG.measurementInvalidDocumentNotDump, { file, where });
  }
  for (const [j, m] of x.revisions.entries()) {
    if (m && typeof m === 'object') setDumpLocation(m, { label: backupPointerPlace(file, `${pointer}/revisions/${j}`), pointer: `${pointer}/revisions/${j}` });
  }
  return { ...(x as StoreDump), retractedBy: retractions(x.imports) };
}

/**
 * Reads a dump written by {@link dumpStore} or {@link dumpEveryPlan} (JSON) or {@link dumpCsv}
 * (CSV): one entry per plan it holds, in the order written. A CSV dump holds no import records,
 * so its retractions are taken from its `retractedBy` column.
 */
export function parseDumps(text: string, file = 'dump'): ParsedDump[] {
  const body = text.replace(/^\uFEFF/u, '');
  if (body.trimStart().startsWith('{')) {
    let d: unknown;
    try {
      d = JSON.parse(body);
    } catch (e) {
      throw badDump(file, MSG.measurementInvalidDocumentJson, { file, detail: (e as Error).message });
    }
    const set = d as Partial<StoreDumpSet> | null;
    if (set && typeof set === 'object' && 'plans' in set) {
      if (set.format !== DUMP_FORMAT || set.version !== 1 || !Array.isArray(set.plans)) throw badDump(file, MSG.measurementInvalidDocumentNotDump, { file, where: '' });
      return set.plans.map((p, i) => jsonDump(p, file, ` (plans[${i}])`, `/plans/${i}`));
    }
    return [jsonDump(d, file, '', '')];
  }
  const byPlan = new Map<string, ParsedDump>();
  readCsv(body, (rec) => {
    if (rec.row === 1) {
      if (rec.fields.join(',') !== DUMP_COLUMNS.join(',')) throw badDump(file, MSG.measurementInvalidDocumentHeader, { file });
      return;
    }
    const f = Object.fromEntries(DUMP_COLUMNS.map((c, i) => [c, rec.fields[i] ?? ''])) as Record<(typeof DUMP_COLUMNS)[number], string>;
    const num = (s: string) => (s === '' ? null : Number(s));
    const value = f.value === '' ? null : f.value === 'true' ? true : f.value === 'false' ? false : Number(f.value);
    let dump = byPlan.get(f.plan);
    if (!dump) byPlan.set(f.plan, (dump = { format: DUMP_FORMAT, version: 1, plan: f.plan, imports: [], revisions: [], retractedBy: new Map() }));
    if (f.retractionOf && f.retractedBy) dump.retractedBy.set(f.retractionOf, f.retractedBy);
    const m: StoredMeasurement = {
      plan: f.plan, indicator: f.indicator, orgUnit: f.orgUnit, level: f.level as StoredMeasurement['level'], period: f.period, start: f.start, end: f.end, value,
      numerator: num(f.numerator), denominator: num(f.denominator), evidence: f.evidence === 'true', revision: Number(f.revision), importId: f.importId, file: f.file,
      sheet: f.sheet === '' ? null : f.sheet, row: Number(f.row), importedBy: f.importedBy, importedAt: f.importedAt, recordedAt: f.recordedAt, retractionOf: f.retractionOf === '' ? null : f.retractionOf,
    };
    setDumpLocation(m, { label: backupLinePlace(file, rec.line), pointer: `/${rec.row}`, line: rec.line });
    dump.revisions.push(m);
  });
  return [...byPlan.values()];
}

/**
 * Reads a dump of one plan (see {@link parseDumps} for a dump of several). A dump holding several
 * plans is refused (`measurement.invalid_document`) rather than read as one of them.
 */
export function parseDump(text: string, file = 'dump'): ParsedDump {
  const dumps = parseDumps(text, file);
  if (dumps.length > 1) {
    const names = dumps.map((d) => d.plan).join(', ');
    throw badDump(file, MSG.measurementInvalidDocumentSeveralPlans, { file, count: dumps.length, plans: names });
  }
  return dumps[0] ?? { format: DUMP_FORMAT, version: 1, plan: '', imports: [], revisions: [], retractedBy: new Map() };
}

/** What restoring a dump did. */
export interface DumpRestore {
  plan: string;
  /** Imports replayed (an import already in the store is skipped: restoring twice changes nothing). */
  imports: number;
  /** Retractions replayed. */
  retractions: number;
  /** Revisions written. */
  revisions: number;
  /** Imports skipped because the store already holds them. */
  skipped: number;
  /** Report submissions restored (those the store already holds are not written again). */
  submissions: number;
  /** Task evidence restored (idem). */
  taskEvidence: number;
  /** Rule file revisions restored (idem). */
  ruleFiles: number;
  /**
   * What the restored revisions were checked against: `plan` (the plan recorded with them,
   * resolved: every check an import makes) or `format` (no plan could be resolved: the checks
   * that hold for every plan); null when no revision was to be written.
   */
  checkedAgainst: 'plan' | 'format' | null;
  /**
   * True when the backup was written as one transaction (the store's `writeAtomically`: all of it
   * or nothing); false when the store lacks it and the imports were replayed one at a time.
   */
  atomic: boolean;
}

/** Options of {@link restoreDumps}. */
export interface RestoreOptions {
  /** The backup's file name, for messages (default `dump`). */
  file?: string;
  /**
   * The plan a dump's revisions are checked against, by plan id, or null when it cannot be
   * resolved (then only the checks that hold for every plan are made). Default: the bundled plan
   * of that id, else null. The CLI also resolves `--plan` and the rule file stored with the plan
   * (in the backup or the store); `ruleFiles` are the backup's revisions of it.
   */
  plan?: (id: string, ruleFiles: readonly StoredRuleFile[]) => Plan | null | Promise<Plan | null>;
}

/** The bundled plan of an id, or null: what a restore checks against without {@link RestoreOptions.plan}. */
export function bundledPlanOrNull(id: string): Plan | null {
  return isBundledPlanId(id) ? bundledPlan(id) : null;
}

/** What a store already holds of a plan's records, for a restore to skip them (restoring twice changes nothing). */
interface HeldRecords {
  imports: ReadonlySet<string>;
  submissions: ReportSubmission[];
  taskEvidence: TaskEvidence[];
  ruleFiles: StoredRuleFile[];
}

/** Removes one record equal to `x` (by `key`) from `held` and returns true, or returns false. */
function takeHeld<T>(held: T[], x: T, key: (t: T) => string): boolean {
  const k = key(x);
  const i = held.findIndex((h) => key(h) === k);
  if (i < 0) return false;
  held.splice(i, 1);
  return true;
}

const submissionKey = (s: ReportSubmission) => JSON.stringify([s.obligation, s.period, s.reporter, s.submittedAt, s.importId ?? null]);
const evidenceKey = (e: TaskEvidence) => JSON.stringify([e.task, e.agency, e.date, e.done, e.reference, e.recordedAt]);

/**
 * The first field of a backup's reassertion entry that is missing or of the wrong type, or null:
 * an entry is written to the store as it stands, so it is checked as a row is, before anything.
 */
function reassertionProblem(x: unknown): { field: string; expected: BilingualText } | null {
  const r = (x !== null && typeof x === 'object' ? x : {}) as Record<string, unknown>;
  for (const field of ['importId', 'indicator', 'orgUnit', 'period'] as const) {
    if (typeof r[field] !== 'string' || (r[field] as string).trim() === '') return { field, expected: REASSERTION_FIELD_WORDS.text };
  }
  if (!Number.isSafeInteger(r.revision) || (r.revision as number) < 1) return { field: 'revision', expected: REASSERTION_FIELD_WORDS.revision };
  if (!Number.isSafeInteger(r.row) || (r.row as number) < 0) return { field: 'row', expected: REASSERTION_FIELD_WORDS.row };
  if (r.sheet !== null && (typeof r.sheet !== 'string' || r.sheet === '')) return { field: 'sheet', expected: REASSERTION_FIELD_WORDS.sheet };
  return null;
}

/** One plan's writes of a restore, and what they are. */
interface RestorePlan {
  done: DumpRestore;
  writes: StoreWrite[];
}

/**
 * The writes that replay a dump into a store holding `held`: its rule file revisions, imports and
 * retractions in the order recorded, then its submissions and task evidence; what the store holds
 * already is left out.
 */
function restorePlan(dump: StoreDump & { retractedBy?: Map<string, string> }, held: HeldRecords, file: string): RestorePlan {
  const known = held.imports;
  const done: DumpRestore = { plan: dump.plan, imports: 0, retractions: 0, revisions: 0, skipped: 0, submissions: 0, taskEvidence: 0, ruleFiles: 0, checkedAgainst: null, atomic: true };
  const steps: { kind: 'import' | 'retract'; id: string; rows: StoredMeasurement[]; at: string }[] = [];
  const byKey = new Map<string, (typeof steps)[number]>();
  for (const m of [...dump.revisions].sort(order)) {
    const kind = m.retractionOf === null ? 'import' : 'retract';
    const id = m.retractionOf ?? m.importId;
    const key = `${kind}\u0000${id}`;
    let step = byKey.get(key);
    if (!step) byKey.set(key, (step = { kind, id, rows: [], at: m.recordedAt })), steps.push(step);
    step.rows.push(m);
  }
  for (const i of dump.imports) {
    const key = `import\u0000${i.importId}`;
    if (!byKey.has(key)) byKey.set(key, { kind: 'import', id: i.importId, rows: [], at: i.importedAt }), steps.push(byKey.get(key) as (typeof steps)[number]);
  }
  // A row that restated a value in force is replayed with its import: unchanged again, so recorded again.
  const revisionAt = new Map(dump.revisions.map((m) => [`${m.indicator}\u0000${m.orgUnit}\u0000${m.period}\u0000${m.revision}`, m]));
  for (const [n, x] of (dump.reassertions ?? []).entries()) {
    const bad = reassertionProblem(x);
    if (bad) throw new EgovPlanError([issueFrom(MSG.storeRestoreBadReassertion, `/reassertions/${n}/${bad.field}`, { file, entry: n + 1, field: bad.field, expected: bad.expected }, { file })]);
    const m = revisionAt.get(`${x.indicator}\u0000${x.orgUnit}\u0000${x.period}\u0000${x.revision}`);
    const step = byKey.get(`import\u0000${x.importId}`);
    if (!m || !step) throw new EgovPlanError([issueFrom(MSG.storeRestoreFailedReassertion, '', { file, importId: x.importId, indicator: x.indicator, orgUnit: x.orgUnit, period: x.period, revision: x.revision }, { file })]);
    step.rows.push({ ...m, importId: x.importId, sheet: x.sheet, row: x.row, retractionOf: null });
  }
  // Within an import, a row restating a revision came before any revision of that measurement after it.
  for (const step of steps) if (step.kind === 'import') step.rows.sort((a, b) => a.revision - b.revision);
  steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : Number(a.kind === 'retract') - Number(b.kind === 'retract')));
  const imports = new Map(dump.imports.map((i) => [i.importId, i]));
  const writes: StoreWrite[] = [];
  for (const r of [...(dump.ruleFiles ?? [])].sort((a, b) => a.revision - b.revision)) {
    const same = held.ruleFiles.find((h) => h.id === r.id && h.revision === r.revision);
    if (same?.text === r.text) continue;
    // A revision number the store holds with other text: the backup belongs to another history.
    if (same) throw new EgovPlanError([issueFrom(MSG.storeRestoreFailedRuleFile, '', { file, id: r.id, revision: r.revision }, { file })]);
    writes.push({ kind: 'ruleFile', file: { id: r.id, text: r.text, savedBy: r.savedBy, savedAt: r.savedAt } });
  }
  for (const step of steps) {
    if (step.kind === 'import') {
      if (known.has(step.id)) {
        done.skipped++;
        continue;
      }
      const first = step.rows[0];
      const record = imports.get(step.id);
      const provenance = {
        plan: dump.plan, importId: step.id, file: record?.file ?? first?.file ?? 'dump', importedBy: record?.importedBy ?? first?.importedBy ?? 'dump', importedAt: record?.importedAt ?? first?.importedAt ?? step.at,
        // The import's counts as first made (its unchanged rows have no revision to replay).
        ...(record ? { counts: { rows: record.rows, unchanged: record.unchanged } } : {}),
      };
      const rows = step.rows.map(({ indicator, orgUnit, level, period, start, end, value, numerator, denominator, evidence, sheet, row }) => ({ indicator, orgUnit, level, period, start, end, value: value as number | boolean, numerator, denominator, evidence, sheet, row }));
      writes.push({ kind: 'import', provenance, rows });
    } else {
      if (known.has(step.id)) continue;
      writes.push({ kind: 'retract', importId: step.id, retractedBy: dump.retractedBy?.get(step.id) ?? imports.get(step.id)?.retractedBy ?? 'dump', retractedAt: step.at });
    }
  }
  const submissions = [...held.submissions];
  for (const x of dump.submissions ?? []) {
    if (takeHeld(submissions, { ...x, plan: dump.plan }, submissionKey)) continue;
    const { withdrawnAt: _derived, ...kept } = x;
    writes.push({ kind: 'submission', submission: { ...kept, plan: dump.plan } });
  }
  const evidence = [...held.taskEvidence];
  for (const x of dump.taskEvidence ?? []) if (!takeHeld(evidence, x, evidenceKey)) writes.push({ kind: 'taskEvidence', evidence: { ...x, plan: dump.plan } });
  return { done, writes };
}

/** The revisions a restore writes (the rows of its imports), checked; throws `store.restore_failed` naming every bad one. */
async function checkPlanRows(dump: StoreDump, rp: RestorePlan, options: RestoreOptions, file: string): Promise<void> {
  const rows = new Set(rp.writes.flatMap((w) => (w.kind === 'import' ? [w.provenance.importId] : [])));
  const revisions = dump.revisions.filter((m) => m.retractionOf === null && rows.has(m.importId));
  if (revisions.length === 0) return;
  const plan = await (options.plan ?? bundledPlanOrNull)(dump.plan, dump.ruleFiles ?? []);
  rp.done.checkedAgainst = plan === null ? 'format' : 'plan';
  const bad = checkRestoredRevisions(revisions, plan, file);
  if (bad.length === 0) return;
  const kept = bad.slice(0, MAX_ROW_ISSUES);
  const more: Issue[] = bad.length > kept.length ? [issueFrom(MSG.storeRestoreFailedMoreRows, '', { count: bad.length - kept.length }, { file })] : [];
  const against = plan === null ? MSG.storeRestoreFailedRowsFormat : MSG.storeRestoreFailedRowsPlan;
  throw new EgovPlanError([issueFrom(against, '', { file, count: bad.length, plan: dump.plan }, { file }), ...kept, ...more]);
}

/** The most bad rows a failed restore lists one by one. */
const MAX_ROW_ISSUES = 200;

/** How a restore's write is named in its error. */
function recordOf(w: Exclude<StoreWrite, { kind: 'import' | 'retract' }>): string {
  switch (w.kind) {
    case 'submission':
      return `${w.submission.obligation} ${w.submission.period} ${w.submission.reporter}`;
    case 'taskEvidence':
      return w.evidence.task;
    case 'ruleFile':
      return w.file.id;
  }
}

/** The error of a restore whose write `failed` (of the plans' writes, in order) failed. */
function restoreFailed(file: string, plans: readonly RestorePlan[], failed: number | undefined, atomic: boolean, cause: unknown): EgovPlanError {
  const all = plans.flatMap((p) => p.writes.map((w) => ({ plan: p.done.plan, w })));
  const at = failed === undefined ? undefined : all[failed];
  const partly = !(atomic || failed === 0);
  const pointer = failed === undefined ? '' : `/${failed}`;
  let first: Issue;
  if (at === undefined || failed === undefined) first = issueFrom(partly ? MSG.storeRestoreFailedWritePartly : MSG.storeRestoreFailedWrite, pointer, { file }, { file });
  else {
    const write = { file, plan: at.plan, write: failed + 1, writes: all.length };
    if (at.w.kind === 'import') first = issueFrom(partly ? MSG.storeRestoreFailedImportPartly : MSG.storeRestoreFailedImport, pointer, { ...write, importId: at.w.provenance.importId ?? '' }, { file });
    else if (at.w.kind === 'retract') first = issueFrom(partly ? MSG.storeRestoreFailedRetractionPartly : MSG.storeRestoreFailedRetraction, pointer, { ...write, importId: at.w.importId }, { file });
    else first = issueFrom(partly ? MSG.storeRestoreFailedRecordPartly : MSG.storeRestoreFailedRecord, pointer, { ...write, record: recordOf(at.w) }, { file });
  }
  const rest = isEgovPlanError(cause) ? cause.issues.map((i) => (i.file === undefined ? { ...i, file } : i)) : [issueFrom(MSG.storeBackendErrorRestore, '', { detail: String((cause as Error)?.message ?? cause) }, { file })];
  return new EgovPlanError([first, ...rest]);
}

/**
 * Replays dumps into a store: each import with its original provenance (file, importer, time,
 * id), then each retraction where it happened, in the order they were recorded — so the store's
 * history matches the dumped one. Imports the store already holds are skipped (restoring twice
 * changes nothing). Every plan of `dumps` is written as one batch through `writeAll` of
 * `@egov-plan/core`: with a store that has `writeAtomically` (every bundled store) all of it
 * lands or none; with one that lacks it, one write at a time, said by `atomic: false`.
 *
 * Throws `EgovPlanError`: `store.restore_failed` naming the import or retraction that failed and
 * whether anything was written, followed by that write's own issues (and, for a store without
 * `writeAtomically`, `store.partially_written` naming the writes made).
 *
 * @example
 * ```ts
 * const [kontum] = await restoreDumps(store, parseDumps(text, 'sao-luu.json'), { file: 'sao-luu.json' });
 * console.log(kontum?.imports, kontum?.atomic);
 * ```
 */
export async function restoreDumps(store: MeasurementStore, dumps: readonly (StoreDump & { retractedBy?: Map<string, string> })[], options: RestoreOptions = {}): Promise<DumpRestore[]> {
  const plans: RestorePlan[] = [];
  const file = options.file ?? 'dump';
  for (const dump of dumps) {
    const held: HeldRecords = {
      imports: new Set((await store.imports(dump.plan)).map((i) => i.importId)),
      submissions: await store.submissions({ plan: dump.plan, withdrawn: true }),
      taskEvidence: await store.taskEvidence({ plan: dump.plan }),
      ruleFiles: (dump.ruleFiles ?? []).length === 0 ? [] : await store.ruleFileRevisions(dump.plan),
    };
    const rp = restorePlan(dump, held, file);
    // Every row checked before anything is written: a bad row leaves the store as it was.
    await checkPlanRows(dump, rp, options, file);
    plans.push(rp);
  }
  const writes = plans.flatMap((p) => p.writes);
  let result: WriteAllResult;
  try {
    result = await writeAll(store, writes);
  } catch (e) {
    throw restoreFailed(options.file ?? 'dump', plans, failedWriteOf(e), store.writeAtomically !== undefined, e);
  }
  let k = 0;
  for (const { done, writes: own } of plans) {
    done.atomic = result.atomic;
    for (const w of own) {
      const s = result.summaries[k++] as ImportSummary;
      if (w.kind === 'import') done.imports++;
      else if (w.kind === 'retract') done.retractions++;
      else if (w.kind === 'submission') done.submissions++;
      else if (w.kind === 'taskEvidence') done.taskEvidence++;
      else done.ruleFiles++;
      done.revisions += s.revisions;
    }
  }
  return plans.map((p) => p.done);
}

/**
 * Replays one plan's dump into a store ({@link restoreDumps} for several at once): all of it or
 * nothing with a store that has `writeAtomically`.
 */
export async function restoreDump(store: MeasurementStore, dump: StoreDump & { retractedBy?: Map<string, string> }, options: RestoreOptions = {}): Promise<DumpRestore> {
  return (await restoreDumps(store, [dump], options))[0] as DumpRestore;
}
