import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempResources, testPlan } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// `import` of a backup written by `dump`: all of it or nothing, and without --plan when every
// file is a backup (a backup carries its plans).

const temp = tempResources();
afterEach(() => temp.cleanup());
const json = (s: string) => JSON.parse(s);

/** A store with three imports of Kon Tum's plan (one retracted) and one of a province's own plan, and its dump as `all.json`. */
async function storeWithBackup(): Promise<string> {
  const dir = temp.dir('egov-plan-restore-cli-', {
    'tinh-thu.json': testPlan(),
    'a.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\nonline-dossier-rate,so-noi-vu,2020Q4,15\n',
    'b.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,29\n',
    'c.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-noi-vu,2020Q4,16\n',
    'tt.csv': 'indicator,orgUnit,period,value\nonline-rate,so-a,2020Q4,41\n',
  });
  for (const [file, now] of [['a.csv', '2020-12-10T01:00:00Z'], ['b.csv', '2020-12-11T01:00:00Z'], ['c.csv', '2020-12-12T01:00:00Z']] as const) {
    expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', '--database', 'source.sqlite', file], { cwd: dir, now })).code).toBe(0);
  }
  expect((await runCli(['import', '--plan', 'tinh-thu.json', '--by', 'so-a', '--database', 'source.sqlite', 'tt.csv'], { cwd: dir, now: '2020-12-13T01:00:00Z' })).code).toBe(0);
  const c = (json((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--json'], { cwd: dir })).stdout).imports as { importId: string; file: string }[]).find((i) => i.file === 'c.csv')!;
  expect((await runCli(['retract', c.importId, '--by', 'so-tttt', '--database', 'source.sqlite'], { cwd: dir, now: '2020-12-14T01:00:00Z' })).code).toBe(0);
  const dump = await runCli(['dump', '--database', 'source.sqlite', '--format', 'json'], { cwd: dir });
  expect(dump.code).toBe(0);
  writeFileSync(join(dir, 'all.json'), dump.stdout);
  return dir;
}

/** Every row of the store's tables, read from the file directly (not through the store). */
function onDisk(file: string): string[][] {
  const db = new Database(file, { readonly: true });
  try {
    return ['imports', 'measurements', 'rule_files', 'submissions'].map((t) => db.prepare(`SELECT * FROM ${t}`).raw().all().map((r) => JSON.stringify(r)).sort());
  } finally {
    db.close();
  }
}

describe('import of a backup: all or nothing', () => {
  it('a backup whose second import fails exits 1 with a typed bilingual error and leaves the store as it was', async () => {
    const dir = await storeWithBackup();
    // A store that already holds something, so that "unchanged" is not "empty".
    expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'x', '--database', 'target.sqlite', 'b.csv'], { cwd: dir, now: '2020-11-01T00:00:00Z' })).code).toBe(0);
    const before = onDisk(join(dir, 'target.sqlite'));
    // The backup's second import (b.csv) holds a level no store accepts.
    const set = json(readFileSync(join(dir, 'all.json'), 'utf8'));
    const kontum = set.plans.find((p: { plan: string }) => p.plan === 'kontum-1102-2019');
    const second = kontum.imports.find((i: { file: string }) => i.file === 'b.csv').importId;
    for (const m of kontum.revisions) if (m.importId === second && m.retractionOf === null) m.level = 'planet';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(set));

    for (const lang of ['vi', 'en'] as const) {
      const r = await runCli(['import', '--database', 'target.sqlite', 'broken.json', ...(lang === 'en' ? ['--lang', 'en'] : [])], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('[store.restore_failed]');
      // The tampered row is refused by the restore's check of every row, named where it stands in the backup.
      expect(r.stderr).toContain('[measurement.invalid_level]');
      expect(r.stdout).toBe(lang === 'en' ? 'broken.json: backup NOT restored; nothing of it written (store.restore_failed).\n' : 'broken.json: KHÔNG khôi phục được bản sao lưu; không ghi gì của nó (store.restore_failed).\n');
      const at = kontum.revisions.findIndex((m: { importId: string; retractionOf: string | null }) => m.importId === second && m.retractionOf === null);
      if (lang === 'en') {
        expect(r.stderr).toContain('Backup broken.json: not restored — 1 revisions of plan kontum-1102-2019 refused as an import would refuse them (checked against the plan); nothing of the backup was written, the store is as it was.');
        expect(r.stderr).toContain(`Backup broken.json, /plans/0/revisions/${at}: level "planet" is not province, district or commune.`);
      } else {
        expect(r.stderr).toContain('Bản sao lưu broken.json: không khôi phục được — 1 phiên bản của kế hoạch kontum-1102-2019 bị từ chối như một lần nhập sẽ từ chối (kiểm tra theo kế hoạch); không ghi gì của bản sao lưu, kho giữ nguyên như trước.');
        expect(r.stderr).toContain(`Bản sao lưu broken.json, /plans/0/revisions/${at}: cấp "planet" không phải province, district hay commune.`);
      }
      expect(onDisk(join(dir, 'target.sqlite'))).toEqual(before);
    }
    const j = await runCli(['import', '--database', 'target.sqlite', 'broken.json', '--json'], { cwd: dir });
    expect(j.code).toBe(1);
    const out = json(j.stdout);
    expect(out.ok).toBe(false);
    expect(out.files[0].error.map((i: { code: string }) => i.code)).toEqual(['store.restore_failed', 'measurement.invalid_level']);
    expect(out.files[0].error[0].message.vi).toMatch(/^Bản sao lưu broken\.json: không khôi phục được/u);
    expect(onDisk(join(dir, 'target.sqlite'))).toEqual(before);
    // The intact backup restores whole (both plans), into the same store.
    const ok = await runCli(['import', '--database', 'target.sqlite', 'all.json', '--json'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(json(ok.stdout).files.map((f: { restored: { plan: string; imports: number; retractions: number; atomic: boolean } }) => [f.restored.plan, f.restored.imports, f.restored.retractions, f.restored.atomic])).toEqual([
      ['kontum-1102-2019', 3, 1, true],
      ['tinh-thu-98-2019', 1, 0, true],
    ]);
  });
});

describe('import without --plan', () => {
  it('restores files that are all backups, each under its own plans; vi by default, --lang en, --json', async () => {
    const dir = await storeWithBackup();
    writeFileSync(join(dir, 'kontum.csv'), (await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'csv'], { cwd: dir })).stdout);
    const vi = await runCli(['import', '--database', 'vi.sqlite', 'all.json'], { cwd: dir });
    expect(vi.stderr).toBe('');
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('all.json: đã khôi phục bản sao lưu của kế hoạch kontum-1102-2019 — 3 lần nhập, 1 lần rút lại');
    expect(vi.stdout).toContain('all.json: đã khôi phục bản sao lưu của kế hoạch tinh-thu-98-2019 — 1 lần nhập, 0 lần rút lại');
    const en = await runCli(['import', '--database', 'en.sqlite', 'kontum.csv', 'all.json', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('kontum.csv: backup of plan kontum-1102-2019 restored — 3 imports, 1 retractions');
    // The second file's Kon Tum imports are already there: skipped.
    expect(en.stdout).toContain('all.json: backup of plan kontum-1102-2019 restored — 0 imports, 0 retractions, 0 revisions, 0 report submissions, 0 task evidence, 0 rule file revisions (3 imports already stored).');
    const j = await runCli(['import', '--database', 'json.sqlite', 'all.json', '--json'], { cwd: dir });
    expect(j.code).toBe(0);
    const out = json(j.stdout);
    expect([out.ok, out.plan, out.files.length, out.files[0].restored.plan]).toEqual([true, null, 2, 'kontum-1102-2019']);
    const rows = (database: string, plan: string) => runCli(['dump', '--plan', plan, '--database', database, '--json'], { cwd: dir }).then((r) => json(r.stdout).revisions.map((m: Record<string, unknown>) => [m.orgUnit, m.revision, m.value, m.importId, m.retractionOf]));
    for (const db of ['vi.sqlite', 'en.sqlite', 'json.sqlite']) for (const plan of ['kontum-1102-2019', 'tinh-thu-98-2019']) expect(await rows(db, plan)).toEqual(await rows('source.sqlite', plan));
  });

  it('with measurements files among the backups: a usage error (exit 2) naming the files that need --plan, nothing written', async () => {
    const dir = await storeWithBackup();
    const vi = await runCli(['import', '--database', 'mixed.sqlite', 'all.json', 'a.csv', 'b.csv'], { cwd: dir });
    expect(vi.code).toBe(2);
    expect(vi.stdout).toBe('');
    expect(vi.stderr).toBe('Lỗi cách dùng: Thiếu kế hoạch: --plan <id|tệp> cho các tệp số liệu a.csv, b.csv (không phải bản sao lưu của dump, vốn tự mang kế hoạch).\n');
    const en = await runCli(['import', '--database', 'mixed.sqlite', 'all.json', 'a.csv', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('Usage error: Missing the plan: --plan <id|file> for the measurements files a.csv (they are not dump backups, which carry their plans).\n');
    const j = await runCli(['import', '--database', 'mixed.sqlite', 'a.csv', 'all.json', '--json'], { cwd: dir });
    expect(j.code).toBe(2);
    expect(json(j.stdout)).toEqual({
      ok: false,
      error: { code: 'usage.missing_option', issues: [{ code: 'usage.missing_option', pointer: '', message: { vi: 'Thiếu kế hoạch: --plan <id|tệp> cho các tệp số liệu a.csv (không phải bản sao lưu của dump, vốn tự mang kế hoạch).', en: 'Missing the plan: --plan <id|file> for the measurements files a.csv (they are not dump backups, which carry their plans).' } }] },
    });
    // Only measurements files: the same usage error as before, naming them.
    const none = await runCli(['import', '--database', 'mixed.sqlite', 'a.csv', '--lang', 'en'], { cwd: dir });
    expect([none.code, none.stderr]).toEqual([2, 'Usage error: Missing the plan: --plan <id|file> (needed for a.csv; only dump backups carry their plans).\n']);
    const withReporter = await runCli(['import', '--database', 'mixed.sqlite', 'all.json', '--reporter', 'so-tttt', '--obligation', 'quarterly-report-province-to-government', '--lang', 'en'], { cwd: dir });
    expect([withReporter.code, withReporter.stderr]).toEqual([2, 'Usage error: Missing the plan: --reporter and --obligation need --plan <id|file>.\n']);
    expect(readFileSync(join(dir, 'all.json'), 'utf8').length).toBeGreaterThan(0);
    expect(() => onDisk(join(dir, 'mixed.sqlite'))).toThrow();
  });
});
