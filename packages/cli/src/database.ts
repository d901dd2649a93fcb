import type { Command } from 'commander';
import type { BilingualText, IssueCode, MeasurementStore } from '@egov-plan/core';
import { UsageError, type CliContext } from './io.js';
import * as MSG from './messages.js';

// Where the CLI's measurements live: `--database <file.sqlite|postgres://…>`, by default the file
// `egov-plan.sqlite` in the working directory. A PostgreSQL store's schema travels in the
// connection string, as libpq's `options=-csearch_path%3D<schema>` (one value names the store,
// as a file path does for SQLite, for every command and for psql alike). The store packages load
// only when a command opens one, so commands without `--database` never load better-sqlite3 or pg.

/** The SQLite file commands use when `--database` is not given (in the working directory). */
export const DEFAULT_DATABASE = 'egov-plan.sqlite';

/**
 * How a command uses its store: `write` creates the database when it is missing; `read` never
 * creates it. In `read` mode a missing default file ({@link DEFAULT_DATABASE}, `--database` not
 * given) is an empty store (a read-only command does not fail, and leaves no file behind, when
 * nothing has been imported yet); a missing SQLite file named by `--database` is
 * `store.not_found` (exit 1): a mistyped path is never read as an empty store.
 */
export type DatabaseMode = 'read' | 'write';

/** A store a command opened, and how to name it in messages (never with a password). */
export interface CliDatabase {
  readonly store: MeasurementStore;
  /** `sqlite`, `postgres`, or `empty` (read mode, the database does not exist yet). */
  readonly kind: 'sqlite' | 'postgres' | 'empty';
  /** The file path or the server, database and user, for messages; never the password. */
  readonly label: string;
  /** Closes the connection (a no-op for an empty store). */
  close(): Promise<void>;
}

/** The help text of `--database`. */
export function databaseHelp(ctx: CliContext): string {
  return ctx.lang === 'en'
    ? `the measurement store: a SQLite file or a postgres:// connection string, its schema chosen the libpq way with ?options=-csearch_path%3D<schema> (default schema egov_plan; default store: ${DEFAULT_DATABASE} in the working directory)`
    : `kho số liệu: tệp SQLite hoặc chuỗi kết nối postgres://, chọn lược đồ theo cách của libpq bằng ?options=-csearch_path%3D<lược-đồ> (lược đồ mặc định egov_plan; kho mặc định: ${DEFAULT_DATABASE} trong thư mục hiện hành)`;
}

/** Adds the `--database <file|url>` option. */
export function databaseOption(cmd: Command, ctx: CliContext): Command {
  return cmd.option('--database <database>', databaseHelp(ctx));
}

/** True for a PostgreSQL connection string (`postgres://…`, `postgresql://…`). */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//iu.test(spec);
}

/**
 * Names a `--database` value for messages and JSON output: a file as given, a connection string
 * with its password replaced by `***` (also when the string is not a valid URL).
 */
export function databaseLabel(spec: string): string {
  if (!isPostgresUrl(spec)) return spec;
  return spec.replace(/^([a-z]+:\/\/[^:/@?#]*):[^@/?#]*@/iu, '$1:***@').replace(/([?&]password=)[^&#]*/giu, '$1***');
}

async function emptyStore(label: string): Promise<CliDatabase> {
  const { createMemoryStore } = await import('@egov-plan/core');
  return { store: createMemoryStore(), kind: 'empty', label, close: async () => undefined };
}

/**
 * Opens the store a command names with `--database` (default {@link DEFAULT_DATABASE}, relative
 * to the run's directory); a PostgreSQL store in the schema the connection string's
 * `options=-csearch_path%3D<schema>` names, else `egov_plan`. Throws `EgovPlanError` with the
 * store's codes (`store.open_failed`, `store.connection_failed`, `store.schema_too_new`, …), and a
 * `UsageError` (`store.invalid_schema`, exit 2) for a schema name that is not one plain
 * identifier; messages never show a password.
 *
 * @example
 * ```ts
 * const db = await openDatabase(ctx, options.database, 'read');
 * try { console.log(await db.store.currentValues({ plan: 'kontum-1102-2019' })); } finally { await db.close(); }
 * ```
 */
export async function openDatabase(ctx: CliContext, spec: string | undefined, mode: DatabaseMode): Promise<CliDatabase> {
  const given = spec ?? DEFAULT_DATABASE;
  const create = mode === 'write';
  if (isPostgresUrl(given)) {
    const label = databaseLabel(given);
    const { openPostgresStore, schemaFromConnection } = await import('@egov-plan/store-postgres');
    let schema: string | undefined;
    try {
      schema = schemaFromConnection(given);
    } catch (e) {
      // A schema name that cannot be used is a bad value of --database: a usage error (exit 2), the store's code kept.
      const issue = (e as { issues?: { code: IssueCode; message: BilingualText }[] }).issues?.[0];
      if (issue) throw new UsageError(issue.message, issue.code);
      throw e;
    }
    try {
      const store = await openPostgresStore({ connection: given, create, ...(schema ? { schema } : {}) });
      return { store, kind: 'postgres', label: schema ? `${store.target} (schema ${schema})` : store.target, close: async () => { await store.close(); } };
    } catch (e) {
      if (!create && isNotFound(e)) return emptyStore(label);
      throw e;
    }
  }
  const [{ resolve }, { existsSync }] = await Promise.all([import('node:path'), import('node:fs')]);
  const file = resolve(ctx.io.cwd, given);
  if (!create && !existsSync(file)) {
    if (spec === undefined) return emptyStore(given);
    throw await notFound(given, file);
  }
  await checkDatabasePath(file, given);
  const { openSqliteStore } = await import('@egov-plan/store-sqlite');
  let store: import('@egov-plan/store-sqlite').SqliteStore;
  try {
    store = openSqliteStore(file, { create });
  } catch (e) {
    if (e instanceof Error && e.name === 'EgovPlanError') throw e;
    throw await openFailed(given, e);
  }
  return { store, kind: 'sqlite', label: given, close: async () => { await store.close(); } };
}

/** `store.not_found` for a SQLite file `--database` names that a reading command cannot find (it never creates it). */
async function notFound(label: string, file: string): Promise<Error> {
  const { EgovPlanError, issueFrom } = await import('@egov-plan/core');
  return new EgovPlanError([issueFrom(MSG.storeNotFoundPath, '', { file: label, path: file }, { file: label })]);
}

/** `store.open_failed` for a SQLite path the file system refuses, with the reason in both languages. */
async function openFailed(label: string, e: unknown): Promise<Error> {
  const [{ EgovPlanError, issueFrom }, { pathFailureReason }] = await Promise.all([import('@egov-plan/core'), import('./files.js')]);
  return new EgovPlanError([issueFrom(MSG.storeOpenFailedPath, '', { file: label, reason: pathFailureReason(e) }, { file: label })]);
}

/**
 * Refuses, before SQLite opens it, a database path that cannot be a file: a folder, or a path
 * whose folder is missing or is a file (SQLite's own errors say only "unable to open", in English).
 */
async function checkDatabasePath(file: string, label: string): Promise<void> {
  const [{ statSync }, { dirname }] = await Promise.all([import('node:fs'), import('node:path')]);
  let folder = false;
  try {
    const here = statSync(file, { throwIfNoEntry: false });
    if (here?.isDirectory()) folder = true;
    else if (here) return;
    else if (!statSync(dirname(file)).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, open '${file}'`), { code: 'ENOTDIR' });
  } catch (e) {
    throw await openFailed(label, e);
  }
  if (folder) throw await openFailed(label, Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${file}'`), { code: 'EISDIR' }));
}

function isNotFound(e: unknown): boolean {
  return e instanceof Error && e.name === 'EgovPlanError' && ((e as { issues?: { code?: string }[] }).issues ?? []).some((i) => i.code === 'store.not_found');
}

/**
 * Opens the database, runs `work` with it and closes it, also when `work` throws.
 *
 * @example
 * ```ts
 * const rows = await withDatabase(ctx, options.database, 'read', (db) => db.store.currentValues({ plan }));
 * ```
 */
export async function withDatabase<T>(ctx: CliContext, spec: string | undefined, mode: DatabaseMode, work: (db: CliDatabase) => T | PromiseLike<T>): Promise<T> {
  const db = await openDatabase(ctx, spec, mode);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
