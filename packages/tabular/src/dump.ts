import { EgovPlanError, failedWriteOf, isEgovPlanError, issueFrom, writeAll, type Issue, type IssueMessage, type IssueParams, type ImportRecord, type ImportSummary, type MeasurementStore, type StoredMeasurement, type StoreWrite, type WriteAllResult } from '@egov-plan/core';
import { readCsv } from '@egov-plan/rules';
import * as MSG from './messages.js';

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

/** Every revision and import of a plan in a store, in the order they were recorded. */
export async function dumpStore(store: MeasurementStore, plan: string): Promise<StoreDump> {
  const revisions: StoredMeasurement[] = [];
  for await (const m of await store.history({ plan })) revisions.push(m);
  revisions.sort(order);
  return { format: DUMP_FORMAT, version: 1, plan, imports: await store.imports(plan), revisions };
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
 * {@link StoreDumpSet}, plan by plan; the `plan` column tells them apart).
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

/** One plan's dump read from JSON, checked for the parts a restore reads. */
function jsonDump(d: unknown, file: string, where: string): ParsedDump {
  const x = d as Partial<StoreDump> | null;
  if (!x || typeof x !== 'object' || x.format !== DUMP_FORMAT || x.version !== 1 || typeof x.plan !== 'string' || !Array.isArray(x.revisions) || !Array.isArray(x.imports)) {
    throw badDump(file, MSG.measurementInvalidDocumentNotDump, { file, where });
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
      return set.plans.map((p, i) => jsonDump(p, file, ` (plans[${i}])`));
    }
    return [jsonDump(d, file, '')];
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
    dump.revisions.push({
      plan: f.plan, indicator: f.indicator, orgUnit: f.orgUnit, level: f.level as StoredMeasurement['level'], period: f.period, start: f.start, end: f.end, value,
      numerator: num(f.numerator), denominator: num(f.denominator), evidence: f.evidence === 'true', revision: Number(f.revision), importId: f.importId, file: f.file,
      sheet: f.sheet === '' ? null : f.sheet, row: Number(f.row), importedBy: f.importedBy, importedAt: f.importedAt, recordedAt: f.recordedAt, retractionOf: f.retractionOf === '' ? null : f.retractionOf,
    });
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
}

/** One plan's writes of a restore, and what they are. */
interface RestorePlan {
  done: DumpRestore;
  writes: StoreWrite[];
}

/** The imports and retractions that replay a dump into a store holding the imports `known`. */
function restorePlan(dump: StoreDump & { retractedBy?: Map<string, string> }, known: ReadonlySet<string>): RestorePlan {
  const done: DumpRestore = { plan: dump.plan, imports: 0, retractions: 0, revisions: 0, skipped: 0, atomic: true };
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
  for (const i of dump.imports) if (!byKey.has(`import\u0000${i.importId}`)) steps.push({ kind: 'import', id: i.importId, rows: [], at: i.importedAt });
  steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : Number(a.kind === 'retract') - Number(b.kind === 'retract')));
  const imports = new Map(dump.imports.map((i) => [i.importId, i]));
  const writes: StoreWrite[] = [];
  for (const step of steps) {
    if (step.kind === 'import') {
      if (known.has(step.id)) {
        done.skipped++;
        continue;
      }
      const first = step.rows[0];
      const record = imports.get(step.id);
      const provenance = { plan: dump.plan, importId: step.id, file: record?.file ?? first?.file ?? 'dump', importedBy: record?.importedBy ?? first?.importedBy ?? 'dump', importedAt: record?.importedAt ?? first?.importedAt ?? step.at };
      const rows = step.rows.map(({ indicator, orgUnit, level, period, start, end, value, numerator, denominator, evidence, sheet, row }) => ({ indicator, orgUnit, level, period, start, end, value: value as number | boolean, numerator, denominator, evidence, sheet, row }));
      writes.push({ kind: 'import', provenance, rows });
    } else {
      if (known.has(step.id)) continue;
      writes.push({ kind: 'retract', importId: step.id, retractedBy: dump.retractedBy?.get(step.id) ?? imports.get(step.id)?.retractedBy ?? 'dump', retractedAt: step.at });
    }
  }
  return { done, writes };
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
    else first = issueFrom(partly ? MSG.storeRestoreFailedRetractionPartly : MSG.storeRestoreFailedRetraction, pointer, { ...write, importId: at.w.importId }, { file });
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
  for (const dump of dumps) plans.push(restorePlan(dump, new Set((await store.imports(dump.plan)).map((i) => i.importId))));
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
      else done.retractions++;
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
