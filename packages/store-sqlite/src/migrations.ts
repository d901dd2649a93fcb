/** One step of the schema: applied once, in order, inside a transaction. */
export interface Migration {
  /** The schema version this step produces (`PRAGMA user_version` afterwards). */
  version: number;
  /** What the step changes. */
  description: string;
  /** The SQL of the step. */
  sql: string;
}

/**
 * Every schema version of the SQLite store, oldest first. A database is brought forward from its
 * `user_version` by the steps after it; a step is never edited once released (add a new one).
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'imports, measurement revisions with provenance, report submissions',
    sql: `
      CREATE TABLE imports (
        import_id TEXT PRIMARY KEY,
        plan TEXT NOT NULL,
        file TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        rows INTEGER NOT NULL,
        revisions INTEGER NOT NULL,
        unchanged INTEGER NOT NULL,
        retracted_at TEXT,
        retracted_by TEXT
      );
      CREATE INDEX imports_plan ON imports (plan);
      CREATE TABLE measurements (
        plan TEXT NOT NULL,
        indicator TEXT NOT NULL,
        org_unit TEXT NOT NULL,
        period TEXT NOT NULL,
        revision INTEGER NOT NULL,
        level TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        value REAL,
        value_is_boolean INTEGER NOT NULL,
        numerator REAL,
        denominator REAL,
        evidence INTEGER NOT NULL,
        import_id TEXT NOT NULL REFERENCES imports (import_id),
        sheet TEXT,
        row INTEGER NOT NULL,
        PRIMARY KEY (plan, indicator, org_unit, period, revision)
      ) WITHOUT ROWID;
      CREATE TABLE submissions (
        seq INTEGER PRIMARY KEY,
        plan TEXT NOT NULL,
        obligation TEXT NOT NULL,
        period TEXT NOT NULL,
        reporter TEXT NOT NULL,
        submitted_at TEXT NOT NULL
      );
      CREATE INDEX submissions_plan ON submissions (plan, obligation, period);
    `,
  },
  {
    version: 2,
    description: 'revisions know whether they are in force and whether a retraction wrote them; task evidence; rule files',
    sql: `
      ALTER TABLE measurements ADD COLUMN recorded_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE measurements ADD COLUMN retraction_of TEXT;
      ALTER TABLE measurements ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0;
      UPDATE measurements SET recorded_at = (SELECT imported_at FROM imports i WHERE i.import_id = measurements.import_id);
      UPDATE measurements SET superseded = 1 WHERE revision < (
        SELECT MAX(revision) FROM measurements l
        WHERE l.plan = measurements.plan AND l.indicator = measurements.indicator AND l.org_unit = measurements.org_unit AND l.period = measurements.period
      );
      CREATE INDEX measurements_in_force ON measurements (plan, superseded, indicator, org_unit, period_end);
      CREATE INDEX measurements_import ON measurements (import_id, superseded);
      CREATE TABLE task_evidence (
        seq INTEGER PRIMARY KEY,
        plan TEXT NOT NULL,
        task TEXT NOT NULL,
        agency TEXT NOT NULL,
        date TEXT NOT NULL,
        done INTEGER NOT NULL,
        reference TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX task_evidence_plan ON task_evidence (plan, task);
      CREATE TABLE rule_files (
        id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        text TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (id, revision)
      );
    `,
  },
  {
    version: 3,
    description: 'a report submission names the import it was recorded with (retracting that import withdraws it)',
    sql: `
      ALTER TABLE submissions ADD COLUMN import_id TEXT REFERENCES imports (import_id);
      CREATE INDEX submissions_import ON submissions (import_id);
    `,
  },
  {
    version: 4,
    description: 'the rows of an import that restated the value in force (a re-import): retracting the import that wrote the value keeps it while they stand',
    // Nothing to bring over: every revision already names its import, and the rows an import
    // restated before this version were counted (imports.unchanged) but not recorded.
    sql: `
      CREATE TABLE reassertions (
        plan TEXT NOT NULL,
        indicator TEXT NOT NULL,
        org_unit TEXT NOT NULL,
        period TEXT NOT NULL,
        revision INTEGER NOT NULL,
        import_id TEXT NOT NULL REFERENCES imports (import_id),
        sheet TEXT,
        row INTEGER NOT NULL,
        PRIMARY KEY (plan, indicator, org_unit, period, revision, import_id)
      ) WITHOUT ROWID;
    `,
  },
];

/** The schema version this package writes. */
export const SQLITE_SCHEMA_VERSION: number = SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1]!.version;
