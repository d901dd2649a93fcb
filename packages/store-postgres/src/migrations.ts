/** One step of the PostgreSQL schema: applied once, in order, inside the migrating transaction. */
export interface PostgresMigration {
  /** The schema version this step produces (the highest `version` in `schema_version` afterwards). */
  version: number;
  /** What the step changes. */
  description: string;
  /**
   * The SQL of the step. `{{schema}}` stands for the store's schema (quoted), so one database can
   * hold several stores side by side.
   */
  sql: string;
}

/**
 * Every schema version of the PostgreSQL store, oldest first. A schema is brought forward from
 * the highest version recorded in its `schema_version` table by the steps after it; a step is
 * never edited once released (add a new one). Text columns that are compared or sorted use the
 * `"C"` collation, so that rows come back in the same order as from the SQLite store.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'imports, measurement revisions with provenance, report submissions, task evidence, rule files',
    sql: `
      CREATE TABLE {{schema}}.imports (
        seq bigserial NOT NULL UNIQUE,
        import_id text COLLATE "C" PRIMARY KEY,
        plan text COLLATE "C" NOT NULL,
        file text NOT NULL,
        imported_by text NOT NULL,
        imported_at text COLLATE "C" NOT NULL,
        rows integer NOT NULL,
        revisions integer NOT NULL,
        unchanged integer NOT NULL,
        retracted_at text,
        retracted_by text
      );
      CREATE INDEX imports_plan ON {{schema}}.imports (plan, imported_at, seq);
      CREATE TABLE {{schema}}.measurements (
        plan text COLLATE "C" NOT NULL,
        indicator text COLLATE "C" NOT NULL,
        org_unit text COLLATE "C" NOT NULL,
        period text COLLATE "C" NOT NULL,
        revision integer NOT NULL,
        level text COLLATE "C" NOT NULL CHECK (level IN ('province', 'district', 'commune')),
        period_start text COLLATE "C" NOT NULL,
        period_end text COLLATE "C" NOT NULL,
        value double precision,
        value_is_boolean boolean NOT NULL,
        numerator double precision,
        denominator double precision,
        evidence boolean NOT NULL,
        import_id text COLLATE "C" NOT NULL REFERENCES {{schema}}.imports (import_id),
        sheet text,
        row integer NOT NULL,
        recorded_at text NOT NULL,
        retraction_of text COLLATE "C",
        superseded boolean NOT NULL,
        PRIMARY KEY (plan, indicator, org_unit, period, revision)
      );
      CREATE INDEX measurements_in_force ON {{schema}}.measurements (plan, indicator, org_unit, period_end) WHERE NOT superseded;
      CREATE INDEX measurements_import ON {{schema}}.measurements (import_id) WHERE NOT superseded;
      CREATE TABLE {{schema}}.submissions (
        seq bigserial PRIMARY KEY,
        plan text COLLATE "C" NOT NULL,
        obligation text COLLATE "C" NOT NULL,
        period text COLLATE "C" NOT NULL,
        reporter text NOT NULL,
        submitted_at text NOT NULL
      );
      CREATE INDEX submissions_plan ON {{schema}}.submissions (plan, obligation, period);
      CREATE TABLE {{schema}}.task_evidence (
        seq bigserial PRIMARY KEY,
        plan text COLLATE "C" NOT NULL,
        task text COLLATE "C" NOT NULL,
        agency text NOT NULL,
        date text NOT NULL,
        done boolean NOT NULL,
        reference text NOT NULL,
        recorded_at text NOT NULL
      );
      CREATE INDEX task_evidence_plan ON {{schema}}.task_evidence (plan, task);
      CREATE TABLE {{schema}}.rule_files (
        id text COLLATE "C" NOT NULL,
        revision integer NOT NULL,
        text text NOT NULL,
        saved_by text NOT NULL,
        saved_at text NOT NULL,
        PRIMARY KEY (id, revision)
      );
    `,
  },
  {
    version: 2,
    description: 'a report submission names the import it was recorded with (retracting that import withdraws it)',
    sql: `
      ALTER TABLE {{schema}}.submissions ADD COLUMN import_id text COLLATE "C";
      CREATE INDEX submissions_import ON {{schema}}.submissions (import_id);
    `,
  },
  {
    version: 3,
    description: 'the rows of an import that restated the value in force (a re-import): retracting the import that wrote the value keeps it while they stand',
    // Nothing to bring over: every revision already names its import, and the rows an import
    // restated before this version were counted (imports.unchanged) but not recorded.
    sql: `
      CREATE TABLE {{schema}}.reassertions (
        plan text COLLATE "C" NOT NULL,
        indicator text COLLATE "C" NOT NULL,
        org_unit text COLLATE "C" NOT NULL,
        period text COLLATE "C" NOT NULL,
        revision integer NOT NULL,
        import_id text COLLATE "C" NOT NULL REFERENCES {{schema}}.imports (import_id),
        sheet text,
        row integer NOT NULL,
        PRIMARY KEY (plan, indicator, org_unit, period, revision, import_id)
      );
    `,
  },
];

/** The schema version this package writes. */
export const POSTGRES_SCHEMA_VERSION: number = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1]!.version;
