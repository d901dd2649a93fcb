import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { MeasurementRecord } from '@egov-plan/core';
import { openSqliteStore } from '@egov-plan/store-sqlite';

// The statements evaluation pushes down to SQLite, after one large import into an empty store,
// use the indexes they were written for (the primary key or measurements_in_force, never a scan
// or the import index). The store runs no ANALYZE: without sqlite_stat1 the planner's estimates
// do not depend on how many rows a table holds, so no import, large or small, changes a plan.
// (Statistics left by one large import — every row under one import id — made SQLite skip-scan
// measurements_import for in-force queries in a measurement, 2–5 times slower: docs/store.md.)

const dir = mkdtempSync(join(tmpdir(), 'egov-plan-plans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 100_000;
/** Row `i`: 5,000 communes × 20 months, as a province's monthly commune figures. */
function record(i: number): MeasurementRecord {
  const month = Math.floor(i / 5000);
  const period = `${2019 + Math.floor(month / 12)}M${String((month % 12) + 1).padStart(2, '0')}`;
  const start = `${period.slice(0, 4)}-${period.slice(5)}-01`;
  return { indicator: 'online-dossier-rate', orgUnit: `xa-${i % 5000}`, level: 'commune', period, start, end: start.replace(/01$/u, '28'), value: i % 100, numerator: i % 100, denominator: 100, evidence: false, sheet: null, row: i + 2 };
}

describe('query plans after a large import into an empty store', () => {
  it('each evaluation statement uses its index, and no statistics were written', async () => {
    const file = join(dir, 'plans.sqlite');
    const store = openSqliteStore(file);
    await store.importMeasurements({ plan: 'p', file: 'big.csv', importedBy: 'x' }, Array.from({ length: ROWS }, (_, i) => record(i)));
    // The statements the store prepares while evaluation reads, recorded as prepared.
    const seen: string[] = [];
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, sql: string) {
      seen.push(sql);
      return prepare.call(this, sql);
    } as typeof prepare;
    try {
      await store.latestValues({ plan: 'p', indicator: 'online-dossier-rate', orgUnit: 'xa-7' });
      await store.latestValues({ plan: 'p', endFrom: '2019-01-01', endTo: '2019-12-31', withCounts: true });
      await store.currentValues({ plan: 'p', orgUnit: 'xa-7' });
      await store.sumCounts({ plan: 'p', period: '2019M03' });
    } finally {
      Database.prototype.prepare = prepare;
    }
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'").all()).toEqual([]);
      // Unbound values as null: the plan does not depend on them (no sqlite_stat4).
      const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(Array.from(sql.matchAll(/\?/gu), () => null)) as { detail: string }[]).map((r) => r.detail).join(' | ');
      const [oneUnit, window, current, sum] = seen.map(plan);
      if (process.env.EGOV_PLAN_SHOW_PLANS) console.log([oneUnit, window, current, sum].join('\n'));
      expect(oneUnit).toMatch(/SEARCH m USING (PRIMARY KEY|INDEX measurements_in_force) \(plan=\? AND (superseded=\? AND )?indicator=\? AND org_unit=\?/u);
      expect(window).toMatch(/SEARCH m USING (PRIMARY KEY|INDEX measurements_in_force) \(plan=\?/u);
      expect(current).toMatch(/SEARCH m USING (PRIMARY KEY|INDEX measurements_in_force) \(plan=\?/u);
      expect(sum).toMatch(/SEARCH measurements USING (PRIMARY KEY|INDEX measurements_in_force) \(plan=\?/u);
      // Never the import index, nor a scan of the table.
      for (const p of [oneUnit, window, current, sum]) {
        expect(p).not.toContain('measurements_import');
        expect(p).not.toMatch(/SCAN m\b|SCAN measurements\b/u);
      }
      // The value in force that evaluation reads in one pass (valuesThatCount), and the import's
      // lookup of a measurement's latest revision: in primary-key order, no sort.
      expect(plan('SELECT indicator FROM measurements WHERE plan = ? AND superseded = 0 AND value IS NOT NULL ORDER BY indicator, org_unit, period')).toBe('SEARCH measurements USING PRIMARY KEY (plan=?)');
      expect(plan('SELECT revision FROM measurements WHERE plan = ? AND indicator = ? AND org_unit = ? AND period = ? ORDER BY revision DESC LIMIT 1')).toBe('SEARCH measurements USING PRIMARY KEY (plan=? AND indicator=? AND org_unit=? AND period=?)');
    } finally {
      db.close();
    }
  }, 120_000);
});
