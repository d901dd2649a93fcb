import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, type Issue, type MeasurementStore } from '@egov-plan/core';
import { bundledPlan } from '@egov-plan/rules';
import { openSqliteStore, sqliteFileKeys } from '@egov-plan/store-sqlite';
import { importTabularFile, importTabularStream, type TabularProgress } from '@egov-plan/tabular';
import { tempResources } from '@egov-plan/test-utils';

// A CSV file read as a stream goes into the store's open transaction piece by piece: these tests
// write real files, read them through fs streams in small pieces, and look at what the store holds.

const plan = bundledPlan('kontum-1102-2019')!;
const temp = tempResources();
afterEach(() => temp.cleanup());

/** A temporary directory with a SQLite store in it. */
function setup(): { dir: string; store: MeasurementStore } {
  const dir = temp.dir('egov-plan-stream-');
  return { dir, store: temp.keep(openSqliteStore(join(dir, 'egov-plan.sqlite'))) };
}

/** `n` commune rows; `bad` maps a row index to a value written instead of the good one. */
function csv(n: number, bad: Record<number, string> = {}): string {
  const lines = ['indicator,orgUnit,level,period,value'];
  for (let i = 0; i < n; i++) lines.push(`online-dossier-rate,xa-${i},commune,2020Q4,${bad[i] ?? String(i % 100)}`);
  return `${lines.join('\n')}\n`;
}

/** The file read in pieces of `highWaterMark` bytes, so that pieces cut rows. */
const stream = (path: string) => createReadStream(path, { highWaterMark: 4096 });
const codes = (issues: Issue[]) => issues.map((i) => i.code);

describe('importTabularStream', () => {
  it('imports a CSV file read in small pieces exactly as the same bytes given whole', async () => {
    const a = setup();
    const text = csv(5000);
    writeFileSync(join(a.dir, 'q4.csv'), text);
    const streamed = await importTabularStream(a.store, plan, { name: 'q4.csv', stream: stream(join(a.dir, 'q4.csv')) }, { importedBy: 'x', importId: 'i1', importedAt: '2020-03-20T00:00:00Z' });
    const whole = createMemoryStore();
    const given = await importTabularFile(whole, plan, { name: 'q4.csv', bytes: new TextEncoder().encode(text) }, { importedBy: 'x', importId: 'i1', importedAt: '2020-03-20T00:00:00Z' });
    expect(streamed).toEqual(given);
    expect(streamed).toMatchObject({ imported: true, rows: 5000, revisions: 5000, unchanged: 0, rejected: 0, periods: ['2020Q4'] });
    expect((await a.store.currentValues({ plan: plan.id })) as unknown[]).toHaveLength(5000);
  });

  it('refuses the whole file for bad rows anywhere, names every one of them, and writes nothing', async () => {
    const { dir, store } = setup();
    // The first bad row comes after many good ones have gone into the open transaction.
    writeFileSync(join(dir, 'q4.csv'), csv(6000, { 4000: '120', 4500: 'abc', 5999: '-1' }));
    const done = await importTabularStream(store, plan, { name: 'q4.csv', stream: stream(join(dir, 'q4.csv')) }, { importedBy: 'x' });
    expect(done).toMatchObject({ imported: false, importId: null, rows: 6000, revisions: 0, unchanged: 0, rejected: 3 });
    expect(codes(done.issues)[0]).toBe('file.rejected');
    expect(done.issues.slice(1).map((i) => i.pointer)).toEqual(['/4002/value', '/4502/value', '/6001/value']);
    expect(await store.imports(plan.id)).toEqual([]);
    expect((await store.currentValues({ plan: plan.id })) as unknown[]).toEqual([]);
  });

  it('imports the same file again without a new revision, and a corrected value as one', async () => {
    const { dir, store } = setup();
    writeFileSync(join(dir, 'a.csv'), csv(3000));
    writeFileSync(join(dir, 'b.csv'), csv(3000, { 10: '55.5' }));
    await importTabularStream(store, plan, { name: 'a.csv', stream: stream(join(dir, 'a.csv')) }, { importedBy: 'x' });
    const again = await importTabularStream(store, plan, { name: 'a.csv', stream: stream(join(dir, 'a.csv')) }, { importedBy: 'x' });
    expect(again).toMatchObject({ imported: true, rows: 3000, revisions: 0, unchanged: 3000 });
    const corrected = await importTabularStream(store, plan, { name: 'b.csv', stream: stream(join(dir, 'b.csv')) }, { importedBy: 'x' });
    expect(corrected).toMatchObject({ imported: true, revisions: 1, unchanged: 2999 });
    const history = (await store.history({ plan: plan.id, orgUnit: 'xa-10' })) as { revision: number; value: unknown }[];
    expect(history.map((m) => [m.revision, m.value])).toEqual([
      [1, 10],
      [2, 55.5],
    ]);
  });

  it('refuses a file whose duplicate rows are far apart, naming the first row', async () => {
    const { dir, store } = setup();
    const text = `${csv(5000).trimEnd()}\nonline-dossier-rate,xa-7,commune,2020Q4,1\n`;
    writeFileSync(join(dir, 'q4.csv'), text);
    const done = await importTabularStream(store, plan, { name: 'q4.csv', stream: stream(join(dir, 'q4.csv')) }, { importedBy: 'x' });
    expect(done).toMatchObject({ imported: false, rows: 5001, rejected: 1 });
    expect(done.issues[1]).toMatchObject({ code: 'measurement.duplicate', pointer: '/5002' });
    expect(done.issues[1]!.message.en).toMatch(/duplicates row 9 /u);
    expect(await store.imports(plan.id)).toEqual([]);
  });

  it('refuses a file whose last quote is never closed (the rest of it could not be read)', async () => {
    const { dir, store } = setup();
    writeFileSync(join(dir, 'q4.csv'), `${csv(100).trimEnd()}\nonline-dossier-rate,"xa-x,commune,2020Q4,1\n`);
    const done = await importTabularStream(store, plan, { name: 'q4.csv', stream: stream(join(dir, 'q4.csv')) }, { importedBy: 'x' });
    expect(done).toMatchObject({ imported: false, rows: 101, rejected: 1 });
    expect(codes(done.issues)).toEqual(['file.rejected', 'measurement.unterminated_quote']);
    expect(await store.imports(plan.id)).toEqual([]);
  });

  it('caps the issues of a file full of bad rows and counts the rest', async () => {
    const { dir, store } = setup();
    const bad: Record<number, string> = {};
    for (let i = 0; i < 1500; i++) bad[i] = 'x';
    writeFileSync(join(dir, 'q4.csv'), csv(1500, bad));
    const done = await importTabularStream(store, plan, { name: 'q4.csv', stream: stream(join(dir, 'q4.csv')) }, { importedBy: 'x' });
    expect(done).toMatchObject({ imported: false, rows: 1500, rejected: 1500 });
    expect(done.issues).toHaveLength(1 + 1000 + 1);
    expect(done.issues.at(-1)).toMatchObject({ code: 'measurement.too_many_issues' });
    expect(done.issues.at(-1)!.message.en).toContain('500 more issues');
  });

  it('reports progress as rows and bytes read, up to the whole file', async () => {
    const { dir, store } = setup();
    const text = csv(4000);
    writeFileSync(join(dir, 'q4.csv'), text);
    const seen: TabularProgress[] = [];
    await importTabularStream(store, plan, { name: 'q4.csv', stream: stream(join(dir, 'q4.csv')) }, { importedBy: 'x', onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
    expect(seen.at(-1)).toEqual({ rows: 4000, bytes: Buffer.byteLength(text) });
  });

  it('gathers an XLSX or JSON stream whole and reads it as importTabularFile does', async () => {
    const { dir, store } = setup();
    writeFileSync(join(dir, 'q4.json'), JSON.stringify([{ indicator: 'online-dossier-rate', orgUnit: 'so-tttt', period: '2020Q4', value: 27 }]));
    const done = await importTabularStream(store, plan, { name: 'q4.json', stream: stream(join(dir, 'q4.json')) }, { importedBy: 'x' });
    expect(done).toMatchObject({ format: 'json', imported: true, rows: 1, revisions: 1 });
  });
  it('finds duplicates with the keys on disk (SQLite) exactly as with the keys in memory, every one named', async () => {
    // Law: for any file, the SQLite store (its duplicate check in a temporary database) and the
    // memory store (the check in memory) report the same rows, issues and outcome.
    const row = fc.record({ unit: fc.integer({ min: 0, max: 6 }), period: fc.constantFrom('2020Q3', '2020Q4', '2021Q1'), indicator: fc.constantFrom('online-dossier-rate', 'electronic-documents-exchanged'), value: fc.integer({ min: 0, max: 100 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        const { dir, store } = setup();
        const text = `indicator,orgUnit,level,period,value\n${rows.map((r) => `${r.indicator},xa-${r.unit},commune,${r.period},${r.value}`).join('\n')}\n`;
        writeFileSync(join(dir, 'q.csv'), text);
        const onDisk = await importTabularStream(store, plan, { name: 'q.csv', stream: stream(join(dir, 'q.csv')) }, { importedBy: 'x', importId: 'i1', importedAt: '2020-03-20T00:00:00Z' });
        const inMemory = await importTabularFile(createMemoryStore(), plan, { name: 'q.csv', bytes: new TextEncoder().encode(text) }, { importedBy: 'x', importId: 'i1', importedAt: '2020-03-20T00:00:00Z' });
        expect(onDisk).toEqual(inMemory);
        // Every repeat of a key is named, with the row of its first occurrence (the header is row 1).
        const first = new Map<string, number>();
        const expected: string[] = [];
        rows.forEach((r, i) => {
          const key = `${r.indicator} ${r.unit} ${r.period}`;
          const at = first.get(key);
          if (at === undefined) first.set(key, i + 2);
          else expected.push(`/${i + 2} duplicates row ${at} `);
        });
        const found = onDisk.issues.filter((i) => i.code === 'measurement.duplicate').map((i) => `${i.pointer} ${/duplicates row \d+ /u.exec(i.message.en)?.[0]}`);
        expect(found).toEqual(expected);
        expect(onDisk.imported).toBe(expected.length === 0);
        await store.close();
      }),
      { numRuns: 25 },
    );
  });

  it('keeps the keys of a file in a temporary database: the first row of each key, nothing else', () => {
    const keys = sqliteFileKeys();
    expect(keys.firstSeen(0, 'xa-1', '2020Q4', 2)).toBe(-1);
    expect(keys.firstSeen(0, 'xa-1', '2020Q3', 3)).toBe(-1);
    expect(keys.firstSeen(1, 'xa-1', '2020Q4', 4)).toBe(-1);
    expect(keys.firstSeen(0, 'xa-2', '2020Q4', 5)).toBe(-1);
    expect(keys.firstSeen(0, 'xa-1', '2020Q4', 9)).toBe(2);
    expect(keys.firstSeen(0, 'xa-1', '2020Q4', 10)).toBe(2);
    expect(keys.firstSeen(1, 'xa-1', '2020Q4', 11)).toBe(4);
    keys.close();
    keys.close();
  });
});
