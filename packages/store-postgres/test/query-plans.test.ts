import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import type { MeasurementRecord } from '@egov-plan/core';
import { openPostgresStore } from '@egov-plan/store-postgres';
import { connection, dropSchemas, freshSchema, required, skipMessage, sql, unreachable } from './server.js';

// The statements evaluation pushes down to PostgreSQL, after one large import into an empty
// store, use the partial index of the values in force (measurements_in_force) or the primary key,
// and the planner's row estimates are the table's: the import refreshes its statistics as it grows
// (ANALYZE inside its transaction, at 10,000 rows and each doubling), so the planner does not
// take the table for empty.

const down = await unreachable();
if (down !== null && !required) console.warn(skipMessage(down));
const server = down === null || required ? it : it.skip;
afterAll(() => dropSchemas());

const ROWS = 30_000;
/** Row `i`: 5,000 communes × 20 months. */
function record(i: number): MeasurementRecord {
  const month = Math.floor(i / 5000);
  const period = `${2019 + Math.floor(month / 12)}M${String((month % 12) + 1).padStart(2, '0')}`;
  const start = `${period.slice(0, 4)}-${period.slice(5)}-01`;
  return { indicator: 'online-dossier-rate', orgUnit: `xa-${i % 5000}`, level: 'commune', period, start, end: start.replace(/01$/u, '28'), value: i % 100, numerator: i % 100, denominator: 100, evidence: false, sheet: null, row: i + 2 };
}

server('after a large import into an empty store, evaluation reads through the index, not a scan of the table', async () => {
  const schema = freshSchema('plans');
  const store = await openPostgresStore({ connection, schema });
  try {
    await store.importMeasurements({ plan: 'p', file: 'big.csv', importedBy: 'x' }, Array.from({ length: ROWS }, (_, i) => record(i)));
    const [stats] = await sql<{ reltuples: number }>(`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = $1::regclass`, [`${schema}.measurements`]);
    // The statistics know the table is large (the last ANALYZE at 20,000 rows of the 30,000).
    expect(stats!.reltuples).toBeGreaterThanOrEqual(ROWS / 2);
    const seen: { text: string; values: unknown[] }[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      // query(text, values) or query({ text, values }).
      const [a, b] = args;
      const text = typeof a === 'string' ? a : (a as { text?: unknown } | null)?.text;
      const values = typeof a === 'string' ? b : (a as { values?: unknown } | null)?.values;
      if (typeof text === 'string' && /^\s*(SELECT|WITH)\b/u.test(text) && text.includes('measurements')) seen.push({ text, values: Array.isArray(values) ? values : [] });
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      await store.latestValues({ plan: 'p', indicator: 'online-dossier-rate', orgUnit: 'xa-7' });
      await store.currentValues({ plan: 'p', indicator: 'online-dossier-rate', orgUnit: 'xa-7' });
      await store.valuesThatCount!({ plan: 'p', windows: [{ endFrom: '2019-01-01', endTo: '2019-12-31' }] });
      await store.sumCounts({ plan: 'p', period: '2019M03' });
    } finally {
      pg.Client.prototype.query = query;
    }
    if (process.env.EGOV_PLAN_SHOW_PLANS) console.log(seen.map((s) => s.text.slice(0, 60)));
    expect(seen).toHaveLength(4);
    const plans: string[] = [];
    for (const s of seen) plans.push((await sql<{ 'QUERY PLAN': string }>(`EXPLAIN ${s.text}`, s.values)).map((r) => r['QUERY PLAN']).join('\n'));
    if (process.env.EGOV_PLAN_SHOW_PLANS) console.log(plans.join('\n\n'));
    const [oneUnit, current, values, sum] = plans;
    // One org unit: looked up through an index on its keys.
    expect(oneUnit).toMatch(/Index (Only )?Scan( Backward)? using (measurements_in_force|measurements_pkey) on measurements m/u);
    expect(current).toMatch(/Index (Only )?Scan( Backward)? using (measurements_in_force|measurements_pkey) on measurements m/u);
    // Every value of the plan (valuesThatCount): the values in force through their partial index.
    expect(values).toMatch(/Index (Only )?Scan using measurements_in_force on measurements m/u);
    for (const p of [oneUnit, current, values]) expect(p).not.toMatch(/Seq Scan on measurements/u);
    // sumCounts of one period: no index leads with the period, and in a store holding one plan
    // \`plan = …\` selects every row, so a sequential scan is the planner's right choice here; it
    // must still estimate the rows from statistics, not from an empty table's defaults.
    expect(sum).toMatch(/on measurements/u);
    expect(Number(/Scan[^\n]* on measurements[^\n]*rows=(\d+)/u.exec(sum!)?.[1])).toBeGreaterThan(1000);
  } finally {
    await store.close();
  }
}, 300_000);

/** The statements `pg` clients send while `work` runs. */
async function sent(work: () => unknown): Promise<string[]> {
  const texts: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const a = args[0];
    const text = typeof a === 'string' ? a : (a as { text?: unknown } | null)?.text;
    if (typeof text === 'string') texts.push(text.trim());
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return texts;
}

server('an import refreshes the statistics before it starts only when they are missing or stale, not for every small import', async () => {
  const schema = freshSchema('analyze');
  const store = await openPostgresStore({ connection, schema });
  const analyzes = (texts: string[]) => texts.filter((x) => /^ANALYZE\b/u.test(x)).length;
  try {
    // Never analyzed: the first import refreshes them (and again at 10,000 rows written).
    expect(analyzes(await sent(() => store.importMeasurements({ plan: 'p', file: 'big.csv', importedBy: 'x' }, Array.from({ length: 12_000 }, (_, i) => record(i)))))).toBe(2);
    await sql(`ANALYZE ${pg.escapeIdentifier(schema)}.measurements`);
    // Fresh statistics: ten rows more change nothing the planner needs, no ANALYZE.
    expect(analyzes(await sent(() => store.importMeasurements({ plan: 'p', file: 'small.csv', importedBy: 'x' }, Array.from({ length: 10 }, (_, i) => record(20_000 + i)))))).toBe(0);
  } finally {
    await store.close();
  }
}, 300_000);

