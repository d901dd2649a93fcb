import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MeasurementStore } from '@egov-plan/core';
import { bundledPlan } from '@egov-plan/rules';
import { openPostgresStore, type PostgresStore } from '@egov-plan/store-postgres';
import { openSqliteStore } from '@egov-plan/store-sqlite';
import { importTabularFile, importTabularStream, type TabularImport } from '@egov-plan/tabular';
import { tempResources } from '@egov-plan/test-utils';

// The duplicate check of a file imported into PostgreSQL runs in the server (the file's keys in a
// temporary table, the repeats found by a GROUP BY once the file is read), not in Node's memory.
// What the user sees must not depend on where it runs: the same result (issues with their sheet
// and row, counts, outcome) as the SQLite store gives, whose check keeps its keys in a temporary
// database; a refused file writes nothing. Without a server: skipped, saying why; with
// EGOV_PLAN_REQUIRE_PG=1: failed.

const connection = process.env.EGOV_PLAN_PG_URL || undefined;
const required = process.env.EGOV_PLAN_REQUIRE_PG === '1';
const run = `egov_dup_${process.pid}_${Date.now().toString(36)}`;
let n = 0;

async function onServer<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client(connection ? { connectionString: connection, connectionTimeoutMillis: 5000 } : { connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const down = await onServer('SELECT 1').then(
  () => null,
  (e: Error) => `no PostgreSQL server reachable (${e.message}); set EGOV_PLAN_PG_URL`,
);
if (down !== null) console.warn(`PostgreSQL duplicate-check tests skipped: ${down}`);
afterAll(async () => {
  if (down !== null) return;
  for (const r of await onServer<{ name: string }>('SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)', [`${run}_`])) {
    await onServer(`DROP SCHEMA ${pg.escapeIdentifier(r.name)} CASCADE`);
  }
});

const plan = bundledPlan('kontum-1102-2019')!;
const temp = tempResources();
afterEach(() => temp.cleanup());
const provenance = { importedBy: 'x', importId: 'i1', importedAt: '2020-03-20T00:00:00Z' };

/** A fresh PostgreSQL store and a fresh SQLite store. */
async function stores(): Promise<{ dir: string; postgres: PostgresStore; sqlite: MeasurementStore }> {
  const dir = temp.dir('egov-plan-pg-dup-');
  const postgres = await openPostgresStore({ connection, schema: `${run}_${n++}`, batchSize: 7 });
  return { dir, postgres, sqlite: openSqliteStore(join(dir, 'egov-plan.sqlite')) };
}

/** What the PostgreSQL store holds of the plan: its imports and every revision. */
async function held(store: MeasurementStore): Promise<[number, number]> {
  let revisions = 0;
  for await (const _ of await store.history({ plan: plan.id })) revisions++;
  return [(await store.imports(plan.id)).length, revisions];
}

async function workbook(sheets: Record<string, (string | number)[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => (ws.getRow(i + 1).values = r));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe.skipIf(down !== null && !required)('the duplicate check of a file imported into PostgreSQL runs in the server', () => {
  it('for any CSV file, streamed or whole: the same result as the SQLite store, every repeat named with its first row; a refused file writes nothing', async () => {
    if (down !== null) throw new Error(down);
    const row = fc.record({
      unit: fc.integer({ min: 0, max: 5 }),
      period: fc.constantFrom('2020Q3', '2020Q4'),
      indicator: fc.constantFrom('online-dossier-rate', 'electronic-documents-exchanged'),
      value: fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.constant('abc')),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.boolean(), async (rows, whole) => {
        const { dir, postgres, sqlite } = await stores();
        try {
          const text = `indicator,orgUnit,level,period,value\n${rows.map((r) => `${r.indicator},xa-${r.unit},commune,${r.period},${r.value}`).join('\n')}\n`;
          writeFileSync(join(dir, 'q.csv'), text);
          const read = (store: MeasurementStore): Promise<TabularImport> =>
            whole
              ? importTabularFile(store, plan, { name: 'q.csv', bytes: new TextEncoder().encode(text) }, provenance)
              : importTabularStream(store, plan, { name: 'q.csv', stream: createReadStream(join(dir, 'q.csv'), { highWaterMark: 64 }) }, provenance);
          const onServerCheck = await read(postgres);
          expect(onServerCheck).toEqual(await read(sqlite));
          const first = new Map<string, number>();
          const repeats: string[] = [];
          rows.forEach((r, i) => {
            if (r.value === 'abc') return;
            const key = `${r.indicator} ${r.unit} ${r.period}`;
            const at = first.get(key);
            if (at === undefined) first.set(key, i + 2);
            else repeats.push(`/${i + 2} Row ${i + 2}: duplicates row ${at} `);
          });
          expect(onServerCheck.issues.filter((i) => i.code === 'measurement.duplicate').map((i) => `${i.pointer} ${/^Row \d+: duplicates row \d+ /u.exec(i.message.en)?.[0]}`)).toEqual(repeats);
          const good = repeats.length === 0 && rows.every((r) => r.value !== 'abc');
          expect(onServerCheck.imported).toBe(good);
          expect(await held(postgres)).toEqual(good ? [1, rows.length] : [0, 0]);
        } finally {
          await postgres.close();
          await sqlite.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('a store of one connection (maxConnections: 1) keeps the check in memory, with the same result, instead of waiting for a second connection', async () => {
    const { dir, postgres: other, sqlite } = await stores();
    await other.close();
    const postgres = await openPostgresStore({ connection, schema: `${run}_${n++}`, maxConnections: 1, connectTimeoutMs: 3000 });
    try {
      expect(postgres.stagedFileKeys).toBeUndefined();
      writeFileSync(join(dir, 'q.csv'), 'indicator,orgUnit,level,period,value\nonline-dossier-rate,xa-1,commune,2020Q4,1\nonline-dossier-rate,xa-1,commune,2020Q4,2\n');
      const read = (store: MeasurementStore) => importTabularStream(store, plan, { name: 'q.csv', stream: createReadStream(join(dir, 'q.csv')) }, provenance);
      const done = await read(postgres);
      expect(done).toEqual(await read(sqlite));
      expect(done).toMatchObject({ imported: false, rejected: 1 });
    } finally {
      await postgres.close();
      await sqlite.close();
    }
  });

  it('an XLSX stream: a repeat within a sheet and one of an earlier sheet are named as with SQLite, with their sheets and rows, and nothing is written', async () => {
    const { dir, postgres, sqlite } = await stores();
    try {
      const header = ['indicator', 'orgUnit', 'level', 'period', 'value'];
      const bytes = await workbook({
        'Cấp huyện': [header, ['online-dossier-rate', 'xa-1', 'commune', '2020Q4', 10], ['online-dossier-rate', 'xa-2', 'commune', '2020Q4', 11]],
        'Cấp xã': [header, ['online-dossier-rate', 'xa-3', 'commune', '2020Q4', 12], ['online-dossier-rate', 'xa-1', 'commune', '2020Q4', 13], ['online-dossier-rate', 'xa-3', 'commune', '2020Q4', 14]],
      });
      writeFileSync(join(dir, 'q.xlsx'), bytes);
      const read = (store: MeasurementStore) => importTabularStream(store, plan, { name: 'q.xlsx', stream: createReadStream(join(dir, 'q.xlsx'), { highWaterMark: 1024 }) }, provenance);
      const onServerCheck = await read(postgres);
      expect(onServerCheck).toEqual(await read(sqlite));
      expect(onServerCheck).toMatchObject({ imported: false, rows: 5, rejected: 2 });
      expect(onServerCheck.issues.filter((i) => i.code === 'measurement.duplicate').map((i) => [i.pointer, i.message.en])).toEqual([
        ['/Cấp xã/3', 'Sheet "Cấp xã", row 3: repeats sheet "Cấp huyện", row 2 (same indicator, org unit and period).'],
        ['/Cấp xã/4', 'Sheet "Cấp xã", row 4: duplicates row 2 (same indicator, org unit and period).'],
      ]);
      expect(await held(postgres)).toEqual([0, 0]);
      // Without repeats the same workbook shape lands whole.
      const clean = await workbook({ 'Cấp xã': [header, ['online-dossier-rate', 'xa-3', 'commune', '2020Q4', 12], ['online-dossier-rate', 'xa-1', 'commune', '2020Q4', 13]] });
      writeFileSync(join(dir, 'q.xlsx'), clean);
      expect(await read(postgres)).toMatchObject({ imported: true, revisions: 2, rejected: 0 });
      expect(await held(postgres)).toEqual([1, 2]);
    } finally {
      await postgres.close();
      await sqlite.close();
    }
  });
});
