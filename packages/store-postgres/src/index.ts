/**
 * The egov-plan measurement store on PostgreSQL, through node-postgres (`pg` 8, a peer
 * dependency): every import one transaction (all of a file or none of it), concurrent writers
 * waiting for each other on a table lock, the values that count and summed counts computed in SQL
 * (window functions, `GROUP BY`), the schema versioned in a `schema_version` table and migrated
 * forward when a store opens. A connection failure is a typed issue that never shows a password.
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
  measurementKey,
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
  type CountSum,
  type ImportProvenance,
  type ImportSummary,
  type IssueMessage,
  type IssueParams,
  type MeasurementQuery,
  type MeasurementRecord,
  type MeasurementStore,
  type SqlMeasurementStore,
  type ReportSubmission,
  type RowStream,
  type StagedFileKeys,
  type StoredMeasurement,
  type StoredReassertion,
  type StoredRuleFile,
  type StoreWrite,
  type TaskEvidence,
  type ValuesThatCount,
  type ValuesThatCountQuery,
  } from '@egov-plan/core';
import pg from 'pg';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION, type PostgresMigration } from './migrations.js';
import * as MSG from './messages.js';

export { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION, type PostgresMigration };

/** Where the server is, as separate fields (any field left out comes from `PGHOST`, `PGUSER`, … as in libpq). */
export interface PostgresConnectionConfig {
  /** Host name, IP address, or the directory of a Unix socket (`/var/run/postgresql`). */
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
}

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /**
   * A connection string (`postgres://user:password@host:5432/database`,
   * `postgresql:///database?host=/var/run/postgresql` for a Unix socket) or separate fields.
   * Default: libpq's environment variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`).
   */
  connection?: string | PostgresConnectionConfig;
  /**
   * The schema holding the store's tables (created when missing). Default: the schema a
   * connection string names in its `options` parameter ({@link schemaFromConnection}), else
   * `egov_plan`. Several stores may share one database.
   */
  schema?: string;
  /** Create the schema and its tables when missing (default true). With false, a missing store is `store.not_found`. */
  create?: boolean;
  /**
   * Most connections the store opens at once (default 4). With fewer than 2 the duplicate check of
   * a file imported by `@egov-plan/tabular` keeps its keys in memory (it needs a connection besides the import's).
   */
  maxConnections?: number;
  /** How long to wait for a connection, in milliseconds (default 10 000); then `store.connection_failed`. */
  connectTimeoutMs?: number;
  /** Rows written per statement during an import (default 1000). */
  batchSize?: number;
}

/** A {@link SqlMeasurementStore} on a PostgreSQL schema (schema version {@link POSTGRES_SCHEMA_VERSION}). */
export interface PostgresStore extends SqlMeasurementStore {
  readonly kind: 'postgres';
  /** The schema holding the tables. */
  readonly schema: string;
  /** The server, database and user, without the password (for messages). */
  readonly target: string;
  /** Summed counts, computed by the server. */
  sumCounts(query: CountQuery): Promise<CountSum[]>;
}

type Row = Record<string, unknown>;
/** What the store's statements run on: one connection (inside a transaction). */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
}

function storeError<const M extends IssueMessage>(message: M, params: IssueParams<M>): EgovPlanError {
  return new EgovPlanError([issueFrom(message, '', params)]);
}

/** The server, database and user a connection setting names, never its password. */
export function describeConnection(connection: string | PostgresConnectionConfig | undefined): string {
  const env = process.env;
  if (typeof connection === 'string') {
    try {
      const u = new URL(connection);
      const socket = u.searchParams.get('host');
      const host = socket ?? (u.hostname || env.PGHOST || 'localhost');
      const user = decodeURIComponent(u.username) || env.PGUSER || env.USER || '(no user)';
      return `${user}@${host}${u.port ? `:${u.port}` : ''}/${decodeURIComponent(u.pathname.replace(/^\//u, '')) || env.PGDATABASE || user}`;
    } catch {
      // Not a WHATWG URL (`postgresql://user@/db?host=/socket`): show it with any password masked.
      return connection.replace(/^([a-z]+:\/\/[^:/@?]*):[^@]*@/iu, '$1:***@');
    }
  }
  const c = connection ?? {};
  const user = c.user ?? env.PGUSER ?? env.USER ?? '(no user)';
  return `${user}@${c.host ?? env.PGHOST ?? 'localhost'}:${c.port ?? env.PGPORT ?? 5432}/${c.database ?? env.PGDATABASE ?? user}`;
}

/** A schema name the store takes from a connection string: one plain, unquoted PostgreSQL identifier. */
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/u;

/**
 * The schema a connection string names the libpq way, in its `options` parameter
 * (`postgresql://host/db?options=-csearch_path%3Dkontum`; also `-c search_path=kontum` and
 * `--search_path=kontum`), or undefined when it names none. So that one string names the store
 * for every tool: `psql` given the same string lands in the same schema. The name must be one
 * plain identifier (lower-case letters a-z, digits and `_`, not starting with a digit, at most 63
 * characters): a list (`kontum,public`), a quoted or mixed-case name is `store.invalid_schema`
 * (`EgovPlanError`; the message shows the name, never the rest of the string).
 *
 * @example
 * ```ts
 * schemaFromConnection('postgresql:///egov?host=/var/run/postgresql&options=-csearch_path%3Dkontum'); // 'kontum'
 * schemaFromConnection('postgres://egov:secret@db.example/egov'); // undefined
 * ```
 */
export function schemaFromConnection(connection: string | PostgresConnectionConfig | undefined): string | undefined {
  if (typeof connection !== 'string') return undefined;
  const q = connection.indexOf('?');
  if (q < 0) return undefined;
  let found: string | undefined;
  for (const options of new URLSearchParams(connection.slice(q + 1).replace(/#.*$/su, '')).getAll('options')) {
    const words = options.trim().split(/\s+/u);
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const setting = w === '-c' ? words[++i] ?? '' : w.startsWith('--') ? w.slice(2) : w.startsWith('-c') ? w.slice(2) : '';
      const eq = setting.indexOf('=');
      if (eq > 0 && setting.slice(0, eq).replaceAll('-', '_').toLowerCase() === 'search_path') found = setting.slice(eq + 1);
    }
  }
  if (found !== undefined && !PLAIN_IDENTIFIER.test(found)) {
    throw storeError(MSG.storeInvalidSchema, { schema: JSON.stringify(found.slice(0, 80)) });
  }
  return found;
}

/** Error codes of Node's sockets and PostgreSQL's SQLSTATE classes that mean "no usable connection". */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EACCES', '3D000', '57P01', '57P02', '57P03']);

function isConnectionFailure(e: Error): boolean {
  const code = (e as { code?: string }).code ?? '';
  return CONNECTION_CODES.has(code) || code.startsWith('08') || code.startsWith('28') || /timeout expired|Connection terminated/iu.test(e.message);
}

/** Why a connection or a statement failed, in Vietnamese, by the socket's error code or the SQLSTATE (class). */
const POSTGRES_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'máy chủ từ chối kết nối (máy chủ chưa chạy, hoặc sai địa chỉ hay cổng)',
  ENOENT: 'không thấy socket của máy chủ (máy chủ chưa chạy, hoặc sai thư mục host)',
  ETIMEDOUT: 'hết thời gian chờ kết nối',
  ENOTFOUND: 'không tìm thấy tên máy chủ',
  EAI_AGAIN: 'không tra được tên máy chủ (lỗi DNS tạm thời)',
  EHOSTUNREACH: 'không tới được máy chủ qua mạng',
  ECONNRESET: 'máy chủ đã ngắt kết nối',
  EACCES: 'không có quyền mở socket của máy chủ',
  '3D000': 'cơ sở dữ liệu này không tồn tại trên máy chủ',
  '28P01': 'xác thực bị từ chối (sai người dùng hoặc mật khẩu)',
  '28000': 'máy chủ không cho người dùng này đăng nhập',
  '57P01': 'máy chủ đang tắt',
  '57P02': 'máy chủ đang tắt',
  '57P03': 'máy chủ chưa sẵn sàng nhận kết nối',
  '08': 'lỗi kết nối với máy chủ',
  '23': 'dữ liệu vi phạm ràng buộc của cơ sở dữ liệu',
  '42': 'câu lệnh hoặc quyền truy cập không hợp lệ (lược đồ bị sửa ngoài egov-plan?)',
  '53': 'máy chủ thiếu tài nguyên (đĩa, bộ nhớ hoặc số kết nối)',
};

/** The `{detail}` of a PostgreSQL error: a Vietnamese explanation, the driver's (password-free) text in English only. */
function postgresDetail(e: Error, text: string): { vi: string; en: string } {
  const code = (e as { code?: string }).code ?? '';
  const reason = POSTGRES_REASONS[code] ?? POSTGRES_REASONS[code.slice(0, 2)] ?? (/timeout/iu.test(e.message) ? 'hết thời gian chờ kết nối' : /terminated/iu.test(e.message) ? 'kết nối bị ngắt' : 'lỗi của máy chủ PostgreSQL');
  return { vi: code ? `${reason} (${code})` : reason, en: text };
}

/** Removes a password from a message, should a driver ever echo it. */
function scrub(message: string, password: string | undefined): string {
  return password ? message.split(password).join('***') : message;
}

function passwordOf(connection: string | PostgresConnectionConfig | undefined): string | undefined {
  if (typeof connection !== 'string') return connection?.password ?? process.env.PGPASSWORD;
  try {
    return decodeURIComponent(new URL(connection).password) || process.env.PGPASSWORD;
  } catch {
    return undefined;
  }
}

/**
 * Opens a PostgreSQL measurement store: connects, creates the schema when needed and migrates it
 * forward to {@link POSTGRES_SCHEMA_VERSION} (one transaction, serialised between processes by an
 * advisory lock). Throws `EgovPlanError`: `store.connection_failed` (server unreachable,
 * authentication refused, database missing — the message names server, database and user, never
 * the password), `store.schema_too_new`, `store.not_found` (with `create: false`).
 *
 * @example
 * ```ts
 * const store = await openPostgresStore({ connection: 'postgresql:///egov?host=/var/run/postgresql', schema: 'kontum' });
 * await store.importMeasurements({ plan: 'kontum-1102-2019', file: 'q1.csv', importedBy: 'so-tttt' }, records);
 * for (const m of await store.currentValues({ plan: 'kontum-1102-2019', period: '2020Q1' })) console.log(m);
 * await store.close();
 * ```
 */
export async function openPostgresStore(options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const schemaName = options.schema ?? schemaFromConnection(options.connection) ?? 'egov_plan';
  const target = describeConnection(options.connection);
  const password = passwordOf(options.connection);
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  const base: pg.PoolConfig = typeof options.connection === 'string' ? { connectionString: options.connection } : { ...options.connection };
  const maxConnections = options.maxConnections ?? 4;
  const pool = new pg.Pool({ ...base, max: maxConnections, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000, application_name: 'egov-plan' });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const s = pg.escapeIdentifier(schemaName);
  const t = (name: string) => `${s}.${name}`;

  /** Turns a driver error into a typed one; typed errors and the caller's own errors pass through. */
  const typed = (e: unknown): unknown => {
    if (isEgovPlanError(e) || !(e instanceof Error)) return e;
    if (isConnectionFailure(e)) {
      return storeError(MSG.storeConnectionFailed, { server: target, detail: postgresDetail(e, scrub(e.message, password)) });
    }
    if (e instanceof pg.DatabaseError) return storeError(MSG.storeBackendError, { server: target, detail: postgresDetail(e, scrub(e.message, password)) });
    return e;
  };

  /** A connection of the pool, and its queries with the driver's errors turned into typed ones. */
  const connect = async (): Promise<{ client: pg.PoolClient; c: Queryable }> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw typed(e);
    }
    return { client, c: { query: (sql: string, params?: unknown[]) => client.query(sql, params).catch((e: unknown) => Promise.reject(typed(e))) } };
  };

  /** The connection of the batch being written (writeAtomically), for the writes inside it. */
  const batch = new AsyncLocalStorage<Queryable>();
  /**
   * Runs `work` in one transaction on one connection: committed when it returns, rolled back when
   * it throws. Only the driver's errors are turned into typed ones: an error of the caller's rows
   * (a file that cannot be read, whatever its code) passes through as it is.
   */
  const transaction = async <T>(work: (c: Queryable) => Promise<T>): Promise<T> => {
    // Inside a batch (writeAtomically): a savepoint of the batch's transaction, on its connection.
    const outer = batch.getStore();
    if (outer) {
      await outer.query('SAVEPOINT egov_write');
      try {
        const result = await work(outer);
        await outer.query('RELEASE SAVEPOINT egov_write');
        return result;
      } catch (e) {
        await outer.query('ROLLBACK TO SAVEPOINT egov_write').catch(() => undefined);
        throw e;
      }
    }
    const { client, c } = await connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  };
  const query = async (sql: string, params: unknown[] = []): Promise<Row[]> => {
    try {
      return (await pool.query(sql, params)).rows as Row[];
    } catch (e) {
      throw typed(e);
    }
  };

  let openedAtVersion: number;
  try {
    openedAtVersion = await transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`egov-plan:${schemaName}`]);
      const exists = (await c.query('SELECT to_regclass($1) AS t', [`${s}.schema_version`])).rows[0]?.t !== null;
      if (!exists && options.create === false) {
        throw storeError(MSG.storeNotFound, { schema: schemaName, server: target });
      }
      if (!exists) {
        await c.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
        await c.query(`CREATE TABLE ${t('schema_version')} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      }
      const from = Number((await c.query(`SELECT coalesce(max(version), 0) AS v FROM ${t('schema_version')}`)).rows[0]?.v ?? 0);
      if (from > POSTGRES_SCHEMA_VERSION) {
        throw storeError(MSG.storeSchemaTooNew, { schema: schemaName, version: from, supported: POSTGRES_SCHEMA_VERSION });
      }
      for (const m of POSTGRES_MIGRATIONS) {
        if (m.version <= from) continue;
        await c.query(m.sql.replaceAll('{{schema}}', s));
        await c.query(`INSERT INTO ${t('schema_version')} (version, description) VALUES ($1, $2)`, [m.version, m.description]);
      }
      return from;
    });
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }

  const WITH_IMPORT = `SELECT m.*, i.file, i.imported_by, i.imported_at FROM ${t('measurements')} m JOIN ${t('imports')} i ON i.import_id = m.import_id`;

  /** Writes revisions (several of one measurement allowed, in order); the revision each replaces stops being in force. */
  async function writeRevisions(c: Queryable, plan: string, items: { r: MeasurementRecord | StoredMeasurement; revision: number; importId: string; recordedAt: string; retractionOf: string | null }[]): Promise<void> {
    if (items.length === 0) return;
    const last = new Map<string, number>();
    // Measurements that already have a revision in the table: their first revision here is not 1.
    const stored = new Set<string>();
    const seen = new Set<string>();
    items.forEach((it, i) => {
      const k = measurementKey(it.r);
      if (!seen.has(k) && it.revision > 1) stored.add(k);
      seen.add(k);
      last.set(k, i);
    });
    const col = <T>(f: (it: (typeof items)[number], i: number) => T) => items.map(f);
    const keys = [...stored].map((k) => k.split('\u0000'));
    if (keys.length) await c.query(
      `UPDATE ${t('measurements')} m SET superseded = true FROM unnest($2::text[], $3::text[], $4::text[]) AS k(indicator, org_unit, period)
       WHERE m.plan = $1 AND NOT m.superseded AND m.indicator = k.indicator AND m.org_unit = k.org_unit AND m.period = k.period`,
      [plan, keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2])],
    );
    await c.query(
      `INSERT INTO ${t('measurements')} (plan, indicator, org_unit, period, revision, level, period_start, period_end, value, value_is_boolean, numerator, denominator, evidence, import_id, sheet, row, recorded_at, retraction_of, superseded)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::bool[], $11::float8[], $12::float8[], $13::bool[], $14::text[], $15::text[], $16::int[], $17::text[], $18::text[], $19::bool[])`,
      [
        plan,
        col((it) => it.r.indicator),
        col((it) => it.r.orgUnit),
        col((it) => it.r.period),
        col((it) => it.revision),
        col((it) => it.r.level),
        col((it) => it.r.start),
        col((it) => it.r.end),
        col((it) => (it.r.value === null ? null : typeof it.r.value === 'boolean' ? (it.r.value ? 1 : 0) : it.r.value)),
        col((it) => typeof it.r.value === 'boolean'),
        col((it) => it.r.numerator),
        col((it) => it.r.denominator),
        col((it) => it.r.evidence),
        col((it) => it.importId),
        col((it) => it.r.sheet),
        col((it) => it.r.row),
        col((it) => it.recordedAt),
        col((it) => it.retractionOf),
        col((it, i) => last.get(measurementKey(it.r)) !== i),
      ],
    );
  }

  /** Checks and writes one batch of an import; returns how many rows changed nothing. */
  async function importBatch(c: Queryable, p: Required<Omit<ImportProvenance, 'counts'>>, batch: MeasurementRecord[]): Promise<number> {
    const distinct = new Map<string, MeasurementRecord>();
    for (const r of batch) distinct.set(measurementKey(r), r);
    const rs = [...distinct.values()];
    const found = await c.query(
      `SELECT m.* FROM ${t('measurements')} m JOIN unnest($2::text[], $3::text[], $4::text[]) AS k(indicator, org_unit, period)
       ON m.indicator = k.indicator AND m.org_unit = k.org_unit AND m.period = k.period WHERE m.plan = $1 AND NOT m.superseded`,
      [p.plan, rs.map((r) => r.indicator), rs.map((r) => r.orgUnit), rs.map((r) => r.period)],
    );
    const latest = new Map<string, Pick<StoredMeasurement, 'revision' | 'value' | 'numerator' | 'denominator' | 'level' | 'start' | 'end' | 'evidence'>>();
    for (const row of found.rows as Row[]) {
      const m = measurementFromRow({ ...row, file: '', imported_by: '', imported_at: '' });
      latest.set(measurementKey(m), m);
    }
    const writes: Parameters<typeof writeRevisions>[2] = [];
    const restated: { r: MeasurementRecord; revision: number }[] = [];
    let unchanged = 0;
    for (const r of batch) {
      const key = measurementKey(r);
      const l = latest.get(key);
      const revision = nextRevision(l, r);
      if (revision === null) {
        unchanged++;
        // The import stands behind the value in force too (retracting its writer keeps it).
        restated.push({ r, revision: (l as { revision: number }).revision });
        continue;
      }
      writes.push({ r, revision, importId: p.importId, recordedAt: p.importedAt, retractionOf: null });
      latest.set(key, { ...r, revision });
    }
    await writeRevisions(c, p.plan, writes);
    if (restated.length) await c.query(
      `INSERT INTO ${t('reassertions')} (plan, indicator, org_unit, period, revision, import_id, sheet, row)
       SELECT $1, indicator, org_unit, period, revision, $6, sheet, row FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $7::text[], $8::int[]) AS k(indicator, org_unit, period, revision, sheet, row)
       ON CONFLICT DO NOTHING`,
      [p.plan, restated.map((x) => x.r.indicator), restated.map((x) => x.r.orgUnit), restated.map((x) => x.r.period), restated.map((x) => x.revision), p.importId, restated.map((x) => x.r.sheet), restated.map((x) => x.r.row)],
    );
    return unchanged;
  }

  /** SQL and parameters of a measurement filter (parameters numbered from `$first`). */
  function where(q: MeasurementQuery, inForce: boolean, alias = 'm.', params: unknown[] = []): { sql: string; params: unknown[] } {
    const a = alias;
    const p = (v: unknown) => `$${params.push(v)}`;
    const parts = [`${a}plan = ${p(q.plan)}`];
    if (inForce) parts.push(`NOT ${a}superseded AND ${a}value IS NOT NULL`);
    const eq: [keyof MeasurementQuery, string][] = [
      ['indicator', 'indicator'],
      ['orgUnit', 'org_unit'],
      ['period', 'period'],
      ['level', 'level'],
    ];
    for (const [k, column] of eq) if (q[k] !== undefined) parts.push(`${a}${column} = ${p(q[k])}`);
    if (q.endFrom !== undefined) parts.push(`(${a}evidence OR ${a}period_end >= ${p(q.endFrom)})`);
    if (q.endTo !== undefined) parts.push(`${a}period_end <= ${p(q.endTo)}`);
    return { sql: parts.join(' AND '), params };
  }

  /** Writers wait for each other (readers do not): revision numbers are decided one import at a time. */
  const lockWriters = (c: Queryable) => c.query(`LOCK TABLE ${t('measurements')} IN EXCLUSIVE MODE`);
  /**
   * Refreshes the planner's statistics of the measurements table inside the open transaction
   * (ANALYZE counts the rows this transaction wrote), so that the batch statements look keys up
   * through the index instead of scanning the plan's rows once per batch.
   */
  const analyze = (c: Queryable) => c.query(`ANALYZE ${t('measurements')}`);
  /**
   * True when the statistics of the measurements table are missing (never analyzed) or more than
   * a tenth of its rows were written since (the server's own counts, `n_mod_since_analyze`): then
   * an import refreshes them before it starts. An ANALYZE samples up to 30,000 rows whatever the
   * import's size (about a second on a table of 100,000), too much to pay for every small import.
   */
  const staleStatistics = async (c: Queryable): Promise<boolean> => {
    const r = (
      await c.query(`SELECT c.reltuples::float8 AS tuples, coalesce(s.n_mod_since_analyze, 0)::float8 AS modified FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = $1::regclass`, [t('measurements')])
    ).rows[0] as { tuples: number; modified: number } | undefined;
    return r === undefined || r.tuples < 0 || r.modified > 0.1 * r.tuples;
  };

  /**
   * A file's keys in a temporary table on a connection of its own (held until closed): staged in
   * batches of {@link batchSize}, one `INSERT … SELECT FROM unnest(…)` each, sent while the next
   * batch is read; the repeats found by one `GROUP BY` and a window over the groups that repeat.
   */
  async function stagedFileKeys(): Promise<StagedFileKeys> {
    const { client, c } = await connect();
    const table = pg.escapeIdentifier(`egov_file_keys_${randomUUID().replaceAll('-', '')}`);
    try {
      await c.query(`CREATE TEMP TABLE ${table} (indicator integer NOT NULL, org_unit text COLLATE "C" NOT NULL, period text COLLATE "C" NOT NULL, at bigint NOT NULL)`);
    } catch (e) {
      client.release();
      throw e;
    }
    let indicators: number[] = [];
    let units: string[] = [];
    let periods: string[] = [];
    let ats: number[] = [];
    // The batch being sent: the next one is gathered meanwhile, and waits for it.
    let sending: Promise<unknown> = Promise.resolve();
    let closed = false;
    const send = () => {
      if (ats.length === 0) return;
      const params = [indicators, units, periods, ats];
      indicators = [];
      units = [];
      periods = [];
      ats = [];
      sending = sending.then(() => c.query(`INSERT INTO ${table} SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[])`, params));
      // Handled here so that a failure while nobody waits is no unhandled rejection; flush and repeats still see it.
      sending.catch(() => undefined);
    };
    return {
      add(indicator, orgUnit, period, at) {
        indicators.push(indicator);
        units.push(orgUnit);
        periods.push(period);
        ats.push(at);
        if (ats.length >= batchSize) send();
      },
      async flush() {
        const before = sending;
        send();
        // At most one batch in flight while the caller reads on.
        await before;
      },
      async repeats() {
        send();
        await sending;
        const rows = (
          await c.query(
            `SELECT at, first FROM (
               SELECT k.at, min(k.at) OVER (PARTITION BY k.indicator, k.org_unit, k.period) AS first
               FROM ${table} k JOIN (SELECT indicator, org_unit, period FROM ${table} GROUP BY indicator, org_unit, period HAVING count(*) > 1) r
                 ON r.indicator = k.indicator AND r.org_unit = k.org_unit AND r.period = k.period
             ) x WHERE at <> first ORDER BY at`,
          )
        ).rows as { at: string; first: string }[];
        return new Map(rows.map((r) => [Number(r.at), Number(r.first)]));
      },
      async close() {
        if (closed) return;
        closed = true;
        await sending.catch(() => undefined);
        await client.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
        client.release();
      },
    };
  }

  const store: PostgresStore = {
    kind: 'postgres',
    schema: schemaName,
    target,
    schemaVersion: POSTGRES_SCHEMA_VERSION,
    openedAtVersion,
    capabilities: { persistent: true, aggregatesInBackend: true, concurrentWriters: true },
    // The staged keys hold a connection while the import holds another: with one connection only, the check stays in memory.
    ...(maxConnections >= 2 ? { stagedFileKeys } : {}),

    importMeasurements(provenance: ImportProvenance, rows: RowStream<MeasurementRecord>): Promise<ImportSummary> {
      return transaction(async (c) => {
        const p = completeProvenance(provenance, randomUUID);
        await lockWriters(c);
        if ((await c.query(`SELECT 1 FROM ${t('imports')} WHERE import_id = $1`, [p.importId])).rowCount) throw duplicateImportError(p.importId);
        await c.query(`INSERT INTO ${t('imports')} (import_id, plan, file, imported_by, imported_at, rows, revisions, unchanged) VALUES ($1, $2, $3, $4, $5, 0, 0, 0)`, [p.importId, p.plan, p.file, p.importedBy, p.importedAt]);
        if (await staleStatistics(c)) await analyze(c);
        let n = 0;
        let unchanged = 0;
        let analyzedAt = 10_000;
        let batch: MeasurementRecord[] = [];
        const one = async (r: MeasurementRecord) => {
          checkMeasurementRecord(r, n++);
          batch.push(r);
          if (batch.length >= batchSize) {
            unchanged += await importBatch(c, p, batch);
            batch = [];
            if (n - unchanged >= analyzedAt) {
              await analyze(c);
              analyzedAt *= 2;
            }
          }
        };
        if (Symbol.asyncIterator in rows) for await (const r of rows) await one(r);
        else for (const r of rows) await one(r);
        unchanged += await importBatch(c, p, batch);
        const counts = recordedCounts(p, n, unchanged);
        await c.query(`UPDATE ${t('imports')} SET rows = $1, revisions = $2, unchanged = $3 WHERE import_id = $4`, [counts.rows, counts.revisions, counts.unchanged, p.importId]);
        return { importId: p.importId, rows: n, revisions: n - unchanged, unchanged };
      });
    },

    async history(q) {
      const w = where(q, false);
      return (await query(`${WITH_IMPORT} WHERE ${w.sql} ORDER BY m.indicator, m.org_unit, m.period, m.revision`, w.params)).map(measurementFromRow);
    },

    async currentValues(q) {
      const w = where(q, true);
      return (await query(`${WITH_IMPORT} WHERE ${w.sql} ORDER BY m.indicator, m.org_unit, m.period`, w.params)).map(measurementFromRow);
    },

    async latestValues(q) {
      const w = where(q, true);
      const counts = q.withCounts ? ' AND m.numerator IS NOT NULL AND m.denominator IS NOT NULL' : '';
      const sql = `SELECT DISTINCT ON (m.indicator, m.org_unit) m.*, i.file, i.imported_by, i.imported_at
        FROM ${t('measurements')} m JOIN ${t('imports')} i ON i.import_id = m.import_id
        WHERE ${w.sql}${counts}
        ORDER BY m.indicator, m.org_unit, m.period_end DESC, m.period_start DESC, m.period DESC`;
      return (await query(sql, w.params)).map(measurementFromRow);
    },

    async valuesThatCount(q: ValuesThatCountQuery): Promise<ValuesThatCount> {
      // One statement: the values in force of the plan, ranked per indicator × org unit from the
      // latest period (end, start, id) down by one window; a running count of the rows in each
      // phase window (with counts, for the second selection) is 1 at the latest row there.
      const params: unknown[] = [q.plan];
      const p = (v: unknown) => `$${params.push(v)}`;
      const counts = 'm.numerator IS NOT NULL AND m.denominator IS NOT NULL';
      const flags = ['row_number() OVER w = 1'];
      for (const w of q.windows) {
        const inside = `(m.evidence OR m.period_end >= ${p(w.endFrom)}) AND m.period_end <= ${p(w.endTo)}`;
        flags.push(`${inside} AND count(*) FILTER (WHERE ${inside}) OVER w = 1`, `${inside} AND ${counts} AND count(*) FILTER (WHERE ${inside} AND ${counts}) OVER w = 1`);
      }
      const names = flags.map((_, i) => `f${i}`);
      const sql = `SELECT * FROM (
          SELECT m.indicator, m.org_unit, m.period, m.revision, m.level, m.period_start, m.period_end, m.value, m.value_is_boolean, m.numerator, m.denominator, m.evidence,
            m.import_id, i.file, i.imported_by, i.imported_at, m.recorded_at, m.retraction_of, m.sheet, m.row, ${flags.map((f, i) => `${f} AS ${names[i]}`).join(', ')}
          FROM ${t('measurements')} m JOIN ${t('imports')} i ON i.import_id = m.import_id
          WHERE m.plan = $1 AND NOT m.superseded AND m.value IS NOT NULL
          WINDOW w AS (PARTITION BY m.indicator, m.org_unit ORDER BY m.period_end DESC, m.period_start DESC, m.period DESC ROWS UNBOUNDED PRECEDING)
        ) v WHERE ${names.join(' OR ')} ORDER BY indicator, org_unit`;
      let rows: unknown[][];
      try {
        rows = (await pool.query({ text: sql, values: params, rowMode: 'array' })).rows as unknown[][];
      } catch (e) {
        throw typed(e);
      }
      const out: ValuesThatCount = { latest: [], windows: q.windows.map(() => ({ latest: [], latestWithCounts: [] })) };
      for (const r of rows) {
        const m: StoredMeasurement = {
          plan: q.plan, indicator: r[0] as string, orgUnit: r[1] as string, period: r[2] as string, revision: r[3] as number, level: r[4] as AdministrativeLevel,
          start: r[5] as string, end: r[6] as string, value: r[8] === true ? r[7] === 1 : (r[7] as number), numerator: r[9] as number | null, denominator: r[10] as number | null,
          evidence: r[11] === true, importId: r[12] as string, file: r[13] as string, importedBy: r[14] as string, importedAt: r[15] as string,
          recordedAt: r[16] as string, retractionOf: r[17] as string | null, sheet: r[18] as string | null, row: r[19] as number,
        };
        if (r[20] === true) out.latest.push(m);
        out.windows.forEach((w, i) => {
          if (r[21 + 2 * i] === true) w.latest.push(m);
          if (r[22 + 2 * i] === true) w.latestWithCounts.push(m);
        });
      }
      return out;
    },

    async sumCounts(q: CountQuery) {
      const w = where(q, true, '');
      const exclude = q.excludeOrgUnits ?? [];
      const sql = `SELECT indicator, period, period_start, period_end, level, sum(numerator) AS n, sum(denominator) AS d, count(*)::int AS k
        FROM ${t('measurements')} WHERE ${w.sql} AND numerator IS NOT NULL AND denominator IS NOT NULL
        ${exclude.length ? `AND NOT (org_unit = ANY($${w.params.push(exclude)}::text[]))` : ''}
        GROUP BY indicator, period, level, period_start, period_end ORDER BY indicator, period_end, period_start, period, level`;
      return (await query(sql, w.params)).map(countSumFromRow);
    },

    async imports(plan) {
      return (await query(`SELECT * FROM ${t('imports')} WHERE plan = $1 ORDER BY imported_at, seq`, [plan])).map(importFromRow);
    },

    async reassertions(q) {
      return (await query(`SELECT a.* FROM ${t('reassertions')} a JOIN ${t('imports')} i ON i.import_id = a.import_id WHERE a.plan = $1 ORDER BY a.indicator, a.org_unit, a.period, a.revision, i.seq`, [q.plan])).map(reassertionFromRow);
    },

    async plans() {
      // COLLATE "C": byte order whatever the database's locale, as the other stores sort.
      return (await query(`SELECT plan FROM (SELECT plan FROM ${t('imports')} UNION SELECT plan FROM ${t('submissions')} UNION SELECT plan FROM ${t('task_evidence')}) p ORDER BY plan COLLATE "C"`, [])).map((r) => String(r.plan));
    },

    async revision(plan) {
      const [r] = await query(`SELECT COUNT(*)::int AS n, COUNT(retracted_at)::int AS r, (SELECT import_id FROM ${t('imports')} WHERE plan = $1 ORDER BY imported_at DESC, seq DESC LIMIT 1) AS last FROM ${t('imports')} WHERE plan = $1`, [plan]);
      return revisionToken(Number(r?.n ?? 0), (r?.last as string | null | undefined) ?? null, Number(r?.r ?? 0));
    },

    retractImport(importId, by) {
      return transaction(async (c): Promise<ImportSummary> => {
        await lockWriters(c);
        const record = (await c.query(`SELECT * FROM ${t('imports')} WHERE import_id = $1 FOR UPDATE`, [importId])).rows[0] as Row | undefined;
        if (!record) throw unknownImportError(importId);
        if (record.retracted_at !== null) throw alreadyRetractedError(importId, record.retracted_at as string);
        const at = by.retractedAt ?? new Date().toISOString();
        const retracted = new Set(((await c.query(`SELECT import_id FROM ${t('imports')} WHERE retracted_at IS NOT NULL`)).rows as Row[]).map((r) => r.import_id as string).concat(importId));
        // Every revision of each measurement whose value in force came from the import, oldest first.
        const revisions = (
          await c.query(
            `${WITH_IMPORT} WHERE (m.plan, m.indicator, m.org_unit, m.period) IN (
               SELECT plan, indicator, org_unit, period FROM ${t('measurements')} WHERE import_id = $1 AND NOT superseded AND value IS NOT NULL)
             ORDER BY m.plan, m.indicator, m.org_unit, m.period, m.revision`,
            [importId],
          )
        ).rows.map((r) => measurementFromRow(r as Row));
        // The rows that restated those values (a re-import), per measurement in the order written.
        const restated = new Map<string, StoredReassertion[]>();
        for (const row of (
          await c.query(
            `SELECT a.* FROM ${t('reassertions')} a JOIN ${t('imports')} i ON i.import_id = a.import_id WHERE (a.plan, a.indicator, a.org_unit, a.period) IN (
               SELECT plan, indicator, org_unit, period FROM ${t('measurements')} WHERE import_id = $1 AND NOT superseded AND value IS NOT NULL)
             ORDER BY a.revision, i.seq`,
            [importId],
          )
        ).rows as Row[]) {
          const x = reassertionFromRow(row);
          const k = `${x.plan}\u0000${measurementKey(x)}`;
          const list = restated.get(k) ?? [];
          list.push(x);
          restated.set(k, list);
        }
        const byPlan = new Map<string, Parameters<typeof writeRevisions>[2]>();
        let n = 0;
        for (let i = 0; i < revisions.length; ) {
          let j = i;
          const key = `${revisions[i]!.plan}\u0000${measurementKey(revisions[i]!)}`;
          while (j < revisions.length && `${revisions[j]!.plan}\u0000${measurementKey(revisions[j]!)}` === key) j++;
          const r = retractionRevision(revisions.slice(i, j), importId, retracted, at, restated.get(key));
          i = j;
          if (!r) continue;
          const list = byPlan.get(r.plan) ?? [];
          list.push({ r, revision: r.revision, importId: r.importId, recordedAt: at, retractionOf: importId });
          byPlan.set(r.plan, list);
          n++;
        }
        for (const [plan, items] of byPlan) await writeRevisions(c, plan, items);
        await c.query(`UPDATE ${t('imports')} SET retracted_at = $1, retracted_by = $2 WHERE import_id = $3`, [at, by.retractedBy, importId]);
        return { importId, rows: n, revisions: n, unchanged: 0 };
      });
    },

    writeAtomically(writes: readonly StoreWrite[]) {
      // One transaction on one connection; each write runs in a savepoint of it (see transaction).
      return transaction((c) =>
        batch.run(c, () => applyWrites(store, writes)),
      );
    },

    recordSubmission(x: ReportSubmission) {
      return transaction(async (c) => {
        if (x.importId !== undefined && !(await c.query(`SELECT 1 FROM ${t('imports')} WHERE import_id = $1`, [x.importId])).rowCount) throw unknownImportError(x.importId);
        await c.query(`INSERT INTO ${t('submissions')} (plan, obligation, period, reporter, submitted_at, import_id) VALUES ($1, $2, $3, $4, $5, $6)`, [x.plan, x.obligation, x.period, x.reporter, x.submittedAt, x.importId ?? null]);
      });
    },
    async submissions(q) {
      const params: unknown[] = [q.plan];
      const parts = ['s.plan = $1'];
      if (q.obligation !== undefined) parts.push(`s.obligation = $${params.push(q.obligation)}`);
      if (q.period !== undefined) parts.push(`s.period = $${params.push(q.period)}`);
      // Withdrawn: its import was retracted (the retraction is the history; nothing deleted).
      if (!q.withdrawn) parts.push('i.retracted_at IS NULL');
      return (await query(`SELECT s.*, i.retracted_at AS withdrawn_at FROM ${t('submissions')} s LEFT JOIN ${t('imports')} i ON i.import_id = s.import_id WHERE ${parts.join(' AND ')} ORDER BY s.seq`, params)).map(submissionFromRow);
    },
    recordTaskEvidence(e: TaskEvidence) {
      // In a transaction: inside a batch (writeAtomically), on the batch's connection.
      return transaction(async (c) => {
        await c.query(`INSERT INTO ${t('task_evidence')} (plan, task, agency, date, done, reference, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [e.plan, e.task, e.agency, e.date, e.done, e.reference, e.recordedAt]);
      });
    },
    async taskEvidence(q) {
      const rows = await query(`SELECT * FROM ${t('task_evidence')} WHERE plan = $1${q.task === undefined ? '' : ' AND task = $2'} ORDER BY seq`, q.task === undefined ? [q.plan] : [q.plan, q.task]);
      return rows.map(taskEvidenceFromRow);
    },

    saveRuleFile(f) {
      return transaction(async (c): Promise<StoredRuleFile> => {
        await c.query(`LOCK TABLE ${t('rule_files')} IN EXCLUSIVE MODE`);
        const latest = (await c.query(`SELECT * FROM ${t('rule_files')} WHERE id = $1 ORDER BY revision DESC LIMIT 1`, [f.id])).rows[0] as Row | undefined;
        if (latest && latest.text === f.text) return ruleFileFromRow(latest);
        const saved: StoredRuleFile = { id: f.id, revision: ((latest?.revision as number | undefined) ?? 0) + 1, text: f.text, savedBy: f.savedBy, savedAt: f.savedAt ?? new Date().toISOString() };
        await c.query(`INSERT INTO ${t('rule_files')} (id, revision, text, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)`, [saved.id, saved.revision, saved.text, saved.savedBy, saved.savedAt]);
        return saved;
      });
    },
    async ruleFile(id, revision) {
      const rows = revision === undefined ? await query(`SELECT * FROM ${t('rule_files')} WHERE id = $1 ORDER BY revision DESC LIMIT 1`, [id]) : await query(`SELECT * FROM ${t('rule_files')} WHERE id = $1 AND revision = $2`, [id, revision]);
      return rows[0] ? ruleFileFromRow(rows[0]) : null;
    },
    async ruleFileRevisions(id) {
      return (await query(`SELECT * FROM ${t('rule_files')} WHERE id = $1 ORDER BY revision`, [id])).map(ruleFileFromRow);
    },

    async close() {
      if (!pool.ended) await pool.end();
    },
  };
  return store;
}
