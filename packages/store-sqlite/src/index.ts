/**
 * The embedded measurement store of egov-plan: one SQLite file through better-sqlite3 12 (a peer
 * dependency), in WAL mode; every import one transaction (all of a file or none of it, also when
 * the process is killed); concurrent writers wait for each other up to a busy timeout; the schema
 * is versioned and older databases are migrated forward when opened.
 *
 * @module
 */
import {
  EgovPlanError,
  alreadyRetractedError,
  applyWrites,
  checkMeasurementRecord,
  completeProvenance,
  countSumFromRow,
  duplicateImportError,
  importFromRow,
  isEgovPlanError,
  issueFrom,
  measurementFromRow,
  revisionToken,
  nextRevision,
  reassertionFromRow,
  recordedCounts,
  retractionRevision,
  ruleFileFromRow,
  submissionFromRow,
  taskEvidenceFromRow,
  unknownImportError,
  type AdministrativeLevel,
  type CountQuery,
  type FileKeySet,
  type ImportProvenance,
  type IssueMessage,
  type IssueParams,
  type ImportSummary,
  type MeasurementQuery,
  type MeasurementRecord,
  type MeasurementStore,
  type SqlMeasurementStore,
  type ReportSubmission,
  type RowStream,
  type StoredMeasurement,
  type StoredRuleFile,
  type StoreWrite,
  type TaskEvidence,
  type ValuesThatCount,
  type ValuesThatCountQuery,
  type WindowValues,
  } from '@egov-plan/core';
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION, type Migration } from './migrations.js';
import * as MSG from './messages.js';

export { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION, type Migration };

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /**
   * How long a write waits for another process's write to finish before failing with
   * `store.busy`, in milliseconds (default 60 000).
   */
  busyTimeoutMs?: number;
  /** Create the file when it does not exist (default true). With false, a missing file is `store.not_found`. */
  create?: boolean;
}

/** A {@link SqlMeasurementStore} on one SQLite file (schema version {@link SQLITE_SCHEMA_VERSION}). */
export interface SqliteStore extends SqlMeasurementStore {
  readonly kind: 'sqlite';
  /** The file (or `:memory:`). */
  readonly file: string;
  /** A new {@link sqliteFileKeys} set: an import's duplicate check held on disk, not in memory. */
  fileKeys(): FileKeySet;
}

type Row = Record<string, unknown>;
/** Page size of a new database file, in bytes. */
const PAGE_SIZE = 16_384;
/** The page cache of a connection, in KiB. */
const CACHE_KIB = 16_384;
/** The latest revision of a measurement as the import reads it: revision, value, value_is_boolean, numerator, denominator, level, period_start, period_end, evidence. */
type LatestRow = [number, number | null, number, number | null, number | null, AdministrativeLevel, string, string, number];

/** A value in force as the evaluation read takes it: the columns of {@link IN_FORCE_COLUMNS}, in order. */
type InForceRow = [
  indicator: string,
  orgUnit: string,
  period: string,
  revision: number,
  level: AdministrativeLevel,
  start: string,
  end: string,
  value: number,
  valueIsBoolean: number,
  numerator: number | null,
  denominator: number | null,
  evidence: number,
  importId: string,
  sheet: string | null,
  row: number,
  recordedAt: string,
  retractionOf: string | null,
];
const IN_FORCE_COLUMNS = 'indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, retraction_of';

/** True when `a`'s period is later than `b`'s: by end, then start, then id (as `latestValues` orders). */
function laterRow(a: InForceRow, b: InForceRow): boolean {
  return a[6] !== b[6] ? a[6] > b[6] : a[5] !== b[5] ? a[5] > b[5] : a[2] > b[2];
}

const COLUMNS =
  'plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, retraction_of';

function storeError<const M extends IssueMessage>(message: M, params: IssueParams<M>): EgovPlanError {
  return new EgovPlanError([issueFrom(message, '', params)]);
}

/** Turns a better-sqlite3 error into a typed one (busy, not a database, …); typed errors pass through. */
function typed(e: unknown, file: string): unknown {
  if (isEgovPlanError(e) || !(e instanceof Error)) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY')) {
    return storeError(MSG.storeBusy, { file });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return storeError(MSG.storeOpenFailed, { file, detail: sqliteDetail(code, e.message) });
  }
  if (code.startsWith('SQLITE_')) return storeError(MSG.storeBackendError, { file, detail: sqliteDetail(code, e.message) });
  return e;
}

/** SQLite's result codes explained in Vietnamese; SQLite's own English text stays in the English message only. */
const SQLITE_REASONS: Readonly<Record<string, string>> = {
  SQLITE_NOTADB: 'tệp không phải cơ sở dữ liệu SQLite',
  SQLITE_CORRUPT: 'tệp cơ sở dữ liệu bị hỏng',
  SQLITE_CANTOPEN: 'không mở hoặc tạo được tệp (thư mục không tồn tại, thiếu quyền, hoặc đường dẫn là thư mục)',
  SQLITE_READONLY: 'tệp hoặc thư mục chỉ cho đọc',
  SQLITE_FULL: 'hết chỗ trống trên đĩa',
  SQLITE_IOERR: 'lỗi đọc hoặc ghi đĩa',
  SQLITE_PERM: 'không có quyền truy cập tệp',
  SQLITE_CONSTRAINT: 'dữ liệu vi phạm ràng buộc của cơ sở dữ liệu',
};

/** The `{detail}` of a SQLite error: a Vietnamese explanation by result code, SQLite's text in English. */
function sqliteDetail(code: string, message: string): { vi: string; en: string } {
  const base = code.replace(/^(SQLITE_[A-Z]+).*$/u, '$1');
  return { vi: `${SQLITE_REASONS[code] ?? SQLITE_REASONS[base] ?? 'lỗi của SQLite'} (${code})`, en: message };
}

function migrate(db: Database.Database, file: string): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SQLITE_SCHEMA_VERSION) {
    throw storeError(MSG.storeSchemaTooNew, { file, version: from, supported: SQLITE_SCHEMA_VERSION });
  }
  for (const m of SQLITE_MIGRATIONS) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return from;
}

/** Parameters and SQL of a measurement filter over the values in force (or every revision). */
function where(q: MeasurementQuery, inForce: boolean, alias = 'm.'): { sql: string; params: unknown[] } {
  const a = alias;
  const parts = [`${a}plan = ?`];
  const params: unknown[] = [q.plan];
  if (inForce) parts.push(`${a}superseded = 0 AND ${a}value IS NOT NULL`);
  const eq: [keyof MeasurementQuery, string][] = [
    ['indicator', 'indicator'],
    ['orgUnit', 'org_unit'],
    ['period', 'period'],
    ['level', 'level'],
  ];
  for (const [k, col] of eq) {
    if (q[k] !== undefined) {
      parts.push(`${a}${col} = ?`);
      params.push(q[k]);
    }
  }
  if (q.endFrom !== undefined) {
    parts.push(`(${a}evidence = 1 OR ${a}period_end >= ?)`);
    params.push(q.endFrom);
  }
  if (q.endTo !== undefined) {
    parts.push(`${a}period_end <= ?`);
    params.push(q.endTo);
  }
  return { sql: parts.join(' AND '), params };
}

const WITH_IMPORT = `SELECT m.*, i.file, i.imported_by, i.imported_at FROM measurements m JOIN imports i ON i.import_id = m.import_id`;

/** Page cache of a {@link sqliteFileKeys} database, in KiB: what its keys cost in memory, however many. */
const FILE_KEYS_CACHE_KIB = 4096;

/**
 * A {@link FileKeySet} in a private temporary SQLite database on disk (deleted when closed, and
 * by SQLite if the process dies): one B-tree of the file's keys, with a page cache of 4 MiB,
 * so that the duplicate check of an import of any size holds no more than that in memory. No
 * journal and no sync (nothing in it outlives the file's reading). What
 * {@link SqliteStore.fileKeys} returns; usable on its own.
 *
 * @example
 * ```ts
 * const keys = sqliteFileKeys();
 * keys.firstSeen(0, 'xa-1', '2020Q4', 2); // −1: first seen at row 2
 * keys.firstSeen(0, 'xa-1', '2020Q4', 7); // 2: row 7 repeats row 2
 * keys.close();
 * ```
 */
export function sqliteFileKeys(): FileKeySet {
  // An empty name: a private temporary database on disk, pages beyond the cache spilled to it.
  const k = new Database('');
  k.pragma('journal_mode = OFF');
  k.pragma('synchronous = OFF');
  k.pragma(`cache_size = -${FILE_KEYS_CACHE_KIB}`);
  k.exec('CREATE TABLE k (indicator INTEGER NOT NULL, org_unit TEXT NOT NULL, period TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (org_unit, indicator, period)) WITHOUT ROWID');
  k.exec('BEGIN');
  const add = k.prepare('INSERT OR IGNORE INTO k (indicator, org_unit, period, at) VALUES (?, ?, ?, ?)');
  const first = k.prepare('SELECT at FROM k WHERE org_unit = ? AND indicator = ? AND period = ?').pluck();
  return {
    firstSeen(indicator, orgUnit, period, at) {
      if (add.run(indicator, orgUnit, period, at).changes === 1) return -1;
      return first.get(orgUnit, indicator, period) as number;
    },
    close() {
      if (k.open) k.close();
    },
  };
}

/**
 * Opens (creating when needed) a SQLite measurement store: WAL journal, a busy timeout so that
 * concurrent imports wait for each other, the schema migrated forward to
 * {@link SQLITE_SCHEMA_VERSION}. Throws `EgovPlanError` (`store.not_found`, `store.open_failed`,
 * `store.schema_too_new`).
 *
 * @example
 * ```ts
 * const store = openSqliteStore('egov-plan.sqlite');
 * await store.importMeasurements({ plan: 'kontum-1102-2019', file: 'q1.csv', importedBy: 'so-tttt' }, records);
 * for (const m of await store.currentValues({ plan: 'kontum-1102-2019', period: '2020Q1' })) console.log(m);
 * store.close();
 * ```
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  let db: Database.Database;
  let openedAtVersion: number;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 60_000, fileMustExist: options.create === false });
  } catch (e) {
    if (options.create === false && !(e as { code?: string }).code?.startsWith('SQLITE_NOTADB')) {
      throw storeError(MSG.storeNotFound, { file });
    }
    throw typed(e, file);
  }
  try {
    // 16 KiB pages for a new file (a revision row is about 150 bytes with its keys; an existing
    // file keeps its page size) and a 16 MiB page cache: a large import touches three B-trees
    // (the rows, the values in force, the rows of each import), and with SQLite's defaults (4 KiB,
    // 2 MiB) their pages no longer fit and are read again per row. Memory stays bounded by them.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma(`cache_size = -${CACHE_KIB}`);
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    openedAtVersion = migrate(db, file);
  } catch (e) {
    db.close();
    throw typed(e, file);
  }

  const stmt = {
    // As arrays (no object per row): revision, value, value_is_boolean, numerator, denominator, level, period_start, period_end, evidence.
    latest: db.prepare('SELECT revision, value, value_is_boolean, numerator, denominator, level, period_start, period_end, evidence FROM measurements WHERE plan = ? AND indicator = ? AND org_unit = ? AND period = ? ORDER BY revision DESC LIMIT 1').raw(),
    insert: db.prepare(`INSERT INTO measurements (${COLUMNS}, superseded) VALUES (${COLUMNS.split(',').map(() => '?').join(', ')}, 0)`),
    supersede: db.prepare('UPDATE measurements SET superseded = 1 WHERE plan = ? AND indicator = ? AND org_unit = ? AND period = ? AND revision = ?'),
    // A row restating the value in force (unchanged): the import stands behind that revision too.
    reassert: db.prepare('INSERT INTO reassertions (plan, indicator, org_unit, period, revision, import_id, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    reassertionsOf: db.prepare('SELECT a.* FROM reassertions a JOIN imports i ON i.import_id = a.import_id WHERE a.plan = ? AND a.indicator = ? AND a.org_unit = ? AND a.period = ? ORDER BY a.revision, i.rowid'),
    importById: db.prepare('SELECT * FROM imports WHERE import_id = ?'),
    newImport: db.prepare('INSERT INTO imports (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES (?, ?, ?, ?, ?, 0, 0, 0)'),
    countImport: db.prepare('UPDATE imports SET rows = ?, revisions = ?, unchanged = ? WHERE import_id = ?'),
    importsOfPlan: db.prepare('SELECT import_id, file, imported_by, imported_at FROM imports WHERE plan = ?').raw(),
    // The values in force in primary-key order (no sort): grouped by indicator × org unit.
    inForce: db.prepare(`SELECT ${IN_FORCE_COLUMNS} FROM measurements WHERE plan = ? AND superseded = 0 AND value IS NOT NULL ORDER BY indicator, org_unit, period`).raw(),
    revision: db.prepare('SELECT COUNT(*) AS n, COUNT(retracted_at) AS r, (SELECT import_id FROM imports WHERE plan = ? ORDER BY imported_at DESC, rowid DESC LIMIT 1) AS last FROM imports WHERE plan = ?'),
  };

  // better-sqlite3 is synchronous, but an import reads its rows asynchronously inside its
  // transaction: one operation at a time on this connection, in call order.
  let queue: Promise<unknown> = Promise.resolve();
  // A batch (writeAtomically) holds the queue for all its writes: inside it, they run at once.
  const batch = new AsyncLocalStorage<true>();
  const exclusive = <T>(work: () => Promise<T> | T): Promise<T> => {
    const inBatch = batch.getStore() === true;
    const run = inBatch ? Promise.resolve().then(work) : queue.then(work, work);
    if (!inBatch) queue = run.catch(() => undefined);
    return run.then(
      (x) => x,
      (e) => Promise.reject(typed(e, file)),
    );
  };
  const inForce = (q: MeasurementQuery, alias = 'm.') => where(q, true, alias);

  /**
   * Opens an import's transaction — or, inside a batch's transaction (writeAtomically), a
   * savepoint of it — and returns how to end it.
   */
  function begin(): { commit(): void; rollback(): void } {
    if (!db.inTransaction) {
      db.exec('BEGIN IMMEDIATE');
      return { commit: () => db.exec('COMMIT'), rollback: () => db.inTransaction && db.exec('ROLLBACK') };
    }
    db.exec('SAVEPOINT egov_import');
    return { commit: () => db.exec('RELEASE egov_import'), rollback: () => db.inTransaction && db.exec('ROLLBACK TO egov_import; RELEASE egov_import') };
  }

  function writeRevision(plan: string, r: MeasurementRecord | StoredMeasurement, revision: number, importId: string, recordedAt: string, retractionOf: string | null): void {
    const isBool = typeof r.value === 'boolean';
    stmt.insert.run(plan, r.indicator, r.orgUnit, r.period, revision, r.level, r.start, r.end, r.value === null ? null : isBool ? (r.value ? 1 : 0) : r.value, isBool ? 1 : 0, r.numerator, r.denominator, r.evidence ? 1 : 0, importId, r.sheet, r.row, recordedAt, retractionOf);
    if (revision > 1) stmt.supersede.run(plan, r.indicator, r.orgUnit, r.period, revision - 1);
  }

  const store: SqliteStore = {
    kind: 'sqlite',
    file,
    schemaVersion: SQLITE_SCHEMA_VERSION,
    openedAtVersion,
    capabilities: { persistent: file !== ':memory:', aggregatesInBackend: true, concurrentWriters: file !== ':memory:' },

    fileKeys: sqliteFileKeys,

    importMeasurements(provenance: ImportProvenance, rows: RowStream<MeasurementRecord>): Promise<ImportSummary> {
      return exclusive(async () => {
        const p = completeProvenance(provenance, randomUUID);
        const tx = begin();
        try {
          if (stmt.importById.get(p.importId)) throw duplicateImportError(p.importId);
          stmt.newImport.run(p.importId, p.plan, p.file, p.importedBy, p.importedAt);
          let n = 0;
          let unchanged = 0;
          const one = (r: MeasurementRecord) => {
            checkMeasurementRecord(r, n++);
            const l = stmt.latest.get(p.plan, r.indicator, r.orgUnit, r.period) as LatestRow | undefined;
            const revision = nextRevision(l && { revision: l[0], value: l[1] === null ? null : l[2] === 1 ? l[1] === 1 : l[1], numerator: l[3], denominator: l[4], level: l[5], start: l[6], end: l[7], evidence: l[8] === 1 }, r);
            if (revision === null) {
              unchanged++;
              stmt.reassert.run(p.plan, r.indicator, r.orgUnit, r.period, (l as LatestRow)[0], p.importId, r.sheet, r.row);
            } else writeRevision(p.plan, r, revision, p.importId, p.importedAt, null);
          };
          if (Symbol.asyncIterator in rows) for await (const r of rows) one(r);
          else for (const r of rows) one(r);
          const counts = recordedCounts(p, n, unchanged);
          stmt.countImport.run(counts.rows, counts.revisions, counts.unchanged, p.importId);
          tx.commit();
          return { importId: p.importId, rows: n, revisions: n - unchanged, unchanged };
        } catch (e) {
          tx.rollback();
          throw e;
        }
      });
    },

    history(q) {
      return exclusive(() => {
        const w = where(q, false);
        return (db.prepare(`${WITH_IMPORT} WHERE ${w.sql} ORDER BY indicator, org_unit, period, revision`).all(w.params) as Row[]).map(measurementFromRow);
      });
    },

    currentValues(q) {
      return exclusive(() => {
        const w = inForce(q);
        return (db.prepare(`${WITH_IMPORT} WHERE ${w.sql} ORDER BY indicator, org_unit, period`).all(w.params) as Row[]).map(measurementFromRow);
      });
    },

    latestValues(q) {
      return exclusive(() => {
        const w = inForce(q);
        const counts = q.withCounts ? ' AND numerator IS NOT NULL AND denominator IS NOT NULL' : '';
        const sql = `SELECT l.*, i.file, i.imported_by, i.imported_at FROM (
            SELECT m.*, ROW_NUMBER() OVER (PARTITION BY indicator, org_unit ORDER BY period_end DESC, period_start DESC, period DESC) AS rn
            FROM measurements m WHERE ${w.sql}${counts}
          ) l JOIN imports i ON i.import_id = l.import_id WHERE l.rn = 1 ORDER BY indicator, org_unit`;
        return (db.prepare(sql).all(w.params) as Row[]).map(measurementFromRow);
      });
    },

    valuesThatCount(q: ValuesThatCountQuery) {
      return exclusive((): ValuesThatCount => {
        // One pass over the values in force, in primary-key order (grouped by indicator × org
        // unit, no sort), each selection keeping its latest row of the group; objects are built
        // only for the rows chosen. Faster than the same selection in SQL (window functions or
        // NOT EXISTS), whose cost lies in more work per row, not in reading the rows.
        const imports = new Map<string, [file: string, importedBy: string, importedAt: string]>();
        for (const [id, f, by, at] of stmt.importsOfPlan.iterate(q.plan) as IterableIterator<[string, string, string, string]>) imports.set(id, [f, by, at]);
        const windows = q.windows.map((w) => ({ from: w.endFrom, to: w.endTo }));
        const n = windows.length;
        const out: ValuesThatCount = { latest: [], windows: windows.map(() => ({ latest: [], latestWithCounts: [] })) };
        // best[0]: the latest overall; best[1 + 2i]: the latest in window i; best[2 + 2i]: the latest with counts in it.
        const best: (InForceRow | undefined)[] = new Array<InForceRow | undefined>(1 + 2 * n).fill(undefined);
        const made = new Map<InForceRow, StoredMeasurement>();
        const toMeasurement = (r: InForceRow): StoredMeasurement => {
          let m = made.get(r);
          if (m) return m;
          const i = imports.get(r[12]);
          m = {
            plan: q.plan, indicator: r[0], orgUnit: r[1], period: r[2], revision: r[3], level: r[4], start: r[5], end: r[6],
            value: r[8] === 1 ? r[7] === 1 : r[7], numerator: r[9], denominator: r[10], evidence: r[11] === 1,
            importId: r[12], file: i?.[0] as string, importedBy: i?.[1] as string, importedAt: i?.[2] as string,
            recordedAt: r[15], retractionOf: r[16], sheet: r[13], row: r[14],
          };
          made.set(r, m);
          return m;
        };
        const flush = () => {
          if (best[0] === undefined) return;
          out.latest.push(toMeasurement(best[0]));
          for (let i = 0; i < n; i++) {
            const w = out.windows[i] as WindowValues;
            const l = best[1 + 2 * i];
            const c = best[2 + 2 * i];
            if (l) w.latest.push(toMeasurement(l));
            if (c) w.latestWithCounts.push(toMeasurement(c));
          }
          best.fill(undefined);
          made.clear();
        };
        let indicator: string | undefined;
        let orgUnit: string | undefined;
        for (const r of stmt.inForce.iterate(q.plan) as IterableIterator<InForceRow>) {
          if (r[0] !== indicator || r[1] !== orgUnit) {
            flush();
            indicator = r[0];
            orgUnit = r[1];
          }
          if (best[0] === undefined || laterRow(r, best[0])) best[0] = r;
          const counts = r[9] !== null && r[10] !== null;
          for (let i = 0; i < n; i++) {
            const w = windows[i] as { from: string; to: string };
            if (r[6] > w.to || (r[11] !== 1 && r[6] < w.from)) continue;
            const l = best[1 + 2 * i];
            if (l === undefined || laterRow(r, l)) best[1 + 2 * i] = r;
            const c = best[2 + 2 * i];
            if (counts && (c === undefined || laterRow(r, c))) best[2 + 2 * i] = r;
          }
        }
        flush();
        return out;
      });
    },

    sumCounts(q: CountQuery) {
      return exclusive(() => {
        const w = inForce(q, '');
        const exclude = q.excludeOrgUnits ?? [];
        const sql = `SELECT indicator, period, period_start, period_end, level, SUM(numerator) AS n, SUM(denominator) AS d, COUNT(*) AS k
          FROM measurements WHERE ${w.sql} AND numerator IS NOT NULL AND denominator IS NOT NULL
          ${exclude.length ? `AND org_unit NOT IN (${exclude.map(() => '?').join(', ')})` : ''}
          GROUP BY indicator, period, level, period_start, period_end ORDER BY indicator, period_end, period_start, period, level`;
        return (db.prepare(sql).all([...w.params, ...exclude]) as Row[]).map(countSumFromRow);
      });
    },

    imports(plan) {
      return exclusive(() => (db.prepare('SELECT * FROM imports WHERE plan = ? ORDER BY imported_at, rowid').all(plan) as Row[]).map(importFromRow));
    },

    reassertions(q) {
      return exclusive(() => (db.prepare('SELECT a.* FROM reassertions a JOIN imports i ON i.import_id = a.import_id WHERE a.plan = ? ORDER BY a.indicator, a.org_unit, a.period, a.revision, i.rowid').all(q.plan) as Row[]).map(reassertionFromRow));
    },

    plans() {
      // Byte order (BINARY collation), as JavaScript's default sort of ASCII ids.
      return exclusive(() => (db.prepare('SELECT plan FROM imports UNION SELECT plan FROM submissions UNION SELECT plan FROM task_evidence ORDER BY plan').all() as { plan: string }[]).map((r) => r.plan));
    },

    revision(plan) {
      return exclusive(() => {
        const r = stmt.revision.get(plan, plan) as { n: number; r: number; last: string | null };
        return revisionToken(r.n, r.last, r.r);
      });
    },

    retractImport(importId, by) {
      return exclusive(() =>
        db
          .transaction((): ImportSummary => {
            const record = stmt.importById.get(importId) as Row | undefined;
            if (!record) throw unknownImportError(importId);
            if (record.retracted_at !== null) throw alreadyRetractedError(importId, record.retracted_at as string);
            const at = by.retractedAt ?? new Date().toISOString();
            const retracted = new Set((db.prepare('SELECT import_id FROM imports WHERE retracted_at IS NOT NULL').pluck().all() as string[]).concat(importId));
            const keys = db.prepare('SELECT plan, indicator, org_unit, period FROM measurements WHERE import_id = ? AND superseded = 0 AND value IS NOT NULL').all(importId) as Row[];
            const revisionsOf = db.prepare(`${WITH_IMPORT} WHERE m.plan = ? AND m.indicator = ? AND m.org_unit = ? AND m.period = ? ORDER BY revision`);
            let n = 0;
            for (const k of keys) {
              const list = (revisionsOf.all(k.plan, k.indicator, k.org_unit, k.period) as Row[]).map(measurementFromRow);
              const restated = (stmt.reassertionsOf.all(k.plan, k.indicator, k.org_unit, k.period) as Row[]).map(reassertionFromRow);
              const r = retractionRevision(list, importId, retracted, at, restated);
              if (!r) continue;
              writeRevision(r.plan, r, r.revision, r.importId, at, importId);
              n++;
            }
            db.prepare('UPDATE imports SET retracted_at = ?, retracted_by = ? WHERE import_id = ?').run(at, by.retractedBy, importId);
            return { importId, rows: n, revisions: n, unchanged: 0 };
          })
          .immediate(),
      );
    },

    writeAtomically(writes: readonly StoreWrite[]) {
      // One BEGIN IMMEDIATE … COMMIT around every write; each write runs in a savepoint of it.
      return exclusive(() =>
        batch.run(true, async (): Promise<ImportSummary[]> => {
          db.exec('BEGIN IMMEDIATE');
          try {
            const out = await applyWrites(store, writes);
            db.exec('COMMIT');
            return out;
          } catch (e) {
            if (db.inTransaction) db.exec('ROLLBACK');
            throw e;
          }
        }),
      );
    },

    recordSubmission(s: ReportSubmission) {
      return exclusive(() => {
        if (s.importId !== undefined && !stmt.importById.get(s.importId)) throw unknownImportError(s.importId);
        db.prepare('INSERT INTO submissions (plan, obligation, period, reporter, submitted_at, import_id) VALUES (?, ?, ?, ?, ?, ?)').run(s.plan, s.obligation, s.period, s.reporter, s.submittedAt, s.importId ?? null);
      });
    },
    submissions(q) {
      return exclusive(() => {
        const parts = ['s.plan = ?'];
        const params = [q.plan];
        if (q.obligation !== undefined) parts.push('s.obligation = ?'), params.push(q.obligation);
        if (q.period !== undefined) parts.push('s.period = ?'), params.push(q.period);
        // Withdrawn: its import was retracted (the retraction is the history; nothing deleted).
        if (!q.withdrawn) parts.push('i.retracted_at IS NULL');
        return (db.prepare(`SELECT s.*, i.retracted_at AS withdrawn_at FROM submissions s LEFT JOIN imports i ON i.import_id = s.import_id WHERE ${parts.join(' AND ')} ORDER BY s.seq`).all(params) as Row[]).map(submissionFromRow);
      });
    },
    recordTaskEvidence(e: TaskEvidence) {
      return exclusive(() => {
        db.prepare('INSERT INTO task_evidence (plan, task, agency, date, done, reference, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(e.plan, e.task, e.agency, e.date, e.done ? 1 : 0, e.reference, e.recordedAt);
      });
    },
    taskEvidence(q) {
      return exclusive(() =>
        (db.prepare(`SELECT * FROM task_evidence WHERE plan = ?${q.task === undefined ? '' : ' AND task = ?'} ORDER BY seq`).all(q.task === undefined ? [q.plan] : [q.plan, q.task]) as Row[]).map(taskEvidenceFromRow),
      );
    },

    saveRuleFile(f) {
      return exclusive(() =>
        db
          .transaction((): StoredRuleFile => {
            const latest = db.prepare('SELECT * FROM rule_files WHERE id = ? ORDER BY revision DESC LIMIT 1').get(f.id) as Row | undefined;
            if (latest && latest.text === f.text) return ruleFileFromRow(latest);
            const saved: StoredRuleFile = { id: f.id, revision: ((latest?.revision as number | undefined) ?? 0) + 1, text: f.text, savedBy: f.savedBy, savedAt: f.savedAt ?? new Date().toISOString() };
            db.prepare('INSERT INTO rule_files (id, revision, text, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)').run(saved.id, saved.revision, saved.text, saved.savedBy, saved.savedAt);
            return saved;
          })
          .immediate(),
      );
    },
    ruleFile(id, revision) {
      return exclusive(() => {
        const r = (revision === undefined ? db.prepare('SELECT * FROM rule_files WHERE id = ? ORDER BY revision DESC LIMIT 1').get(id) : db.prepare('SELECT * FROM rule_files WHERE id = ? AND revision = ?').get(id, revision)) as Row | undefined;
        return r ? ruleFileFromRow(r) : null;
      });
    },
    ruleFileRevisions(id) {
      return exclusive(() => (db.prepare('SELECT * FROM rule_files WHERE id = ? ORDER BY revision').all(id) as Row[]).map(ruleFileFromRow));
    },

    close() {
      return exclusive(() => {
        if (db.open) db.close();
      });
    },
  };
  return store;
}
