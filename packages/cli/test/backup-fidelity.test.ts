import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempResources } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// A backup (`dump`) holds everything a user relies on, and restoring it (`import` of the dump)
// brings it back as it was — report submissions, import counts — while refusing what a normal
// import refuses. A retracted import's submission no longer counts.

const temp = tempResources();
afterEach(() => temp.cleanup());
const json = (s: string) => JSON.parse(s);
const OBLIGATION = 'quarterly-report-province-to-government';

/** The calendar's count of 2020Q4 submissions of the obligation, as `submitted/expected`. */
async function submitted(cwd: string, database: string): Promise<string> {
  const r = await runCli(['calendar', '--period', '2020Q4', '--at', '2021-01-20', '--database', database, '--json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  const ob = json(r.stdout).obligations.find((o: { obligation: string }) => o.obligation === OBLIGATION);
  return `${ob.submitted}/${ob.expected}`;
}

/** Every row of the store's tables, read from the file directly (not through the store). */
function onDisk(file: string): string[][] {
  const db = new Database(file, { readonly: true });
  try {
    return ['imports', 'measurements', 'rule_files', 'submissions', 'task_evidence', 'reassertions'].map((t) => db.prepare(`SELECT * FROM ${t}`).raw().all().map((r) => JSON.stringify(r)).sort());
  } finally {
    db.close();
  }
}

const SIX = 'indicator,orgUnit,period,value\n' + ['so-tttt', 'so-noi-vu', 'so-y-te', 'so-tai-chinh', 'so-xay-dung', 'so-khcn'].map((u, i) => `online-dossier-rate,${u},2020Q4,${20 + i}`).join('\n') + '\n';

/** A store with a report submitted by so-tttt (with an import), the same file imported again (all rows unchanged), and two more imports. */
async function source(): Promise<string> {
  const dir = temp.dir('egov-plan-backup-', { 'six.csv': SIX, 'b.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,29\n' });
  const run = async (args: string[], now: string) => {
    const r = await runCli([...args, '--database', 'source.sqlite'], { cwd: dir, now });
    expect(r.code, r.stderr).toBe(0);
  };
  await run(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', '--reporter', 'so-tttt', '--obligation', OBLIGATION, 'six.csv'], '2020-12-10T01:00:00Z');
  await run(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'six.csv'], '2020-12-11T01:00:00Z');
  await run(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'b.csv'], '2020-12-12T01:00:00Z');
  await run(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'six.csv'], '2020-12-13T01:00:00Z');
  return dir;
}

const counts = (dumpText: string) => (json(dumpText).imports as { file: string; rows: number; revisions: number; unchanged: number }[]).map((i) => [i.file, i.rows, i.revisions, i.unchanged]);

describe('a JSON backup holds everything and restores it as it was', () => {
  it('report submissions come back (the calendar counts them), import counts are kept, and restoring twice changes nothing', async () => {
    const dir = await source();
    expect(await submitted(dir, 'source.sqlite')).toBe('1/2');
    const dump = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'json'], { cwd: dir });
    expect(dump.code).toBe(0);
    expect(json(dump.stdout).submissions).toMatchObject([{ obligation: OBLIGATION, period: '2020Q4', reporter: 'so-tttt' }]);
    writeFileSync(join(dir, 'backup.json'), dump.stdout);
    const restored = await runCli(['import', '--database', 'copy.sqlite', 'backup.json', '--json'], { cwd: dir });
    expect(restored.code, restored.stderr).toBe(0);
    expect(json(restored.stdout).files[0].restored).toMatchObject({ imports: 4, submissions: 1, checkedAgainst: 'plan' });
    expect(await submitted(dir, 'copy.sqlite')).toBe('1/2');
    // 6 rows, 6 unchanged stays 6/6 (not 0/0), and the import that made no revision is there.
    const copy = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'copy.sqlite', '--format', 'json'], { cwd: dir });
    expect(counts(copy.stdout)).toEqual(counts(dump.stdout));
    expect(counts(copy.stdout)).toEqual([['six.csv', 6, 6, 0], ['six.csv', 6, 0, 6], ['b.csv', 1, 1, 0], ['six.csv', 6, 1, 5]]);
    const before = onDisk(join(dir, 'copy.sqlite'));
    const twice = await runCli(['import', '--database', 'copy.sqlite', 'backup.json', '--json'], { cwd: dir });
    expect(twice.code).toBe(0);
    expect(json(twice.stdout).files[0].restored).toMatchObject({ imports: 0, submissions: 0, skipped: 4 });
    expect(onDisk(join(dir, 'copy.sqlite'))).toEqual(before);
  });

  it('a CSV backup says on standard error what only the JSON backup holds, counted', async () => {
    const dir = await source();
    const vi = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'csv'], { cwd: dir });
    expect(vi.code).toBe(0);
    expect(vi.stderr).toBe('cảnh báo [store.backup_partial] Bản sao lưu CSV chỉ gồm các phiên bản; bị bỏ qua: 1 lần nhập không tạo phiên bản, 1 lần nhập có dòng không đổi (số dòng của chúng), 0 lần rút lại không tạo phiên bản, 1 lần nộp báo cáo, 0 minh chứng nhiệm vụ, 0 phiên bản tệp quy tắc, 11 dòng nhắc lại giá trị đang có hiệu lực (nên sau khi khôi phục, việc rút lại một lần nhập có thể rút cả giá trị mà một lần nhập lại vẫn xác nhận). Dùng --format json để sao lưu đầy đủ.\n');
    const en = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toBe('warning [store.backup_partial] A CSV backup holds the revisions only; left out: 1 imports that made no revision, 1 imports with unchanged rows (their row counts), 0 retractions that made no revision, 1 report submissions, 0 task evidence, 0 rule file revisions, 11 rows that restated a value in force (so a retraction after restoring it may withdraw values a re-import stood behind). Use --format json for a full backup.\n');
  });

  it('a CSV backup that loses only import row counts says so; restoring a CSV backup says what it could not carry (also in --json)', async () => {
    // Two imports, the second changing one row of six: no submission, no import without a
    // revision — only the second import's counts (6 rows, 5 unchanged) cannot be in the CSV.
    const dir = temp.dir('egov-plan-backup-', { 'six.csv': SIX, 'b.csv': 'indicator,orgUnit,period,value\n' + SIX.split('\n').slice(1, 7).map((l, i) => (i === 0 ? l.replace(/,20$/u, ',29') : l)).join('\n') + '\n' });
    for (const [f, now] of [['six.csv', '2020-12-10T01:00:00Z'], ['b.csv', '2020-12-11T01:00:00Z']] as const) {
      expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', '--database', 'source.sqlite', f], { cwd: dir, now })).code).toBe(0);
    }
    expect(counts((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--json'], { cwd: dir })).stdout)).toEqual([['six.csv', 6, 6, 0], ['b.csv', 6, 1, 5]]);
    const dump = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'csv', '--lang', 'en'], { cwd: dir });
    expect(dump.code).toBe(0);
    expect(dump.stderr).toContain('left out: 0 imports that made no revision, 1 imports with unchanged rows (their row counts), 0 retractions');
    writeFileSync(join(dir, 'backup.csv'), dump.stdout);
    const restored = await runCli(['import', '--database', 'copy.sqlite', 'backup.csv', '--json', '--lang', 'en'], { cwd: dir });
    expect(restored.code, restored.stderr).toBe(0);
    const issues = json(restored.stdout).files[0].issues as { code: string; severity: string; message: { vi: string; en: string } }[];
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['store.backup_partial', 'warning']]);
    expect(issues[0]!.message.en).toMatch(/^Backup backup\.csv is a CSV backup: it holds the revisions only — the imports' row counts/u);
    expect(issues[0]!.message.vi).toMatch(/^Bản sao lưu backup\.csv là bản CSV: chỉ gồm các phiên bản/u);
    expect(restored.stderr).toContain('warning [store.backup_partial]');
    // What was said to be lost is lost (and only that): the second import's counts.
    expect(counts((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'copy.sqlite', '--json'], { cwd: dir })).stdout)).toEqual([['six.csv', 6, 6, 0], ['b.csv', 1, 1, 0]]);
    // A JSON backup restores no such warning.
    writeFileSync(join(dir, 'backup.json'), (await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--json'], { cwd: dir })).stdout);
    const full = await runCli(['import', '--database', 'full.sqlite', 'backup.json', '--json'], { cwd: dir });
    expect(json(full.stdout).files[0].issues).toEqual([]);
  });

  it('a CSV backup of a store it holds completely warns of nothing', async () => {
    const dir = temp.dir('egov-plan-backup-', { 'six.csv': SIX });
    expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', '--database', 'source.sqlite', 'six.csv'], { cwd: dir })).code).toBe(0);
    const dump = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'csv'], { cwd: dir });
    expect(dump.code).toBe(0);
    expect(dump.stderr).toBe('');
    expect(dump.stdout.split('\n').filter(Boolean)).toHaveLength(7);
  });

  it('a retraction that made no revision is counted as left out of a CSV backup', async () => {
    // so-tttt's second import replaces every row of the first, then the first is retracted: the
    // retraction changes no value in force, so no CSV line tells of it.
    const dir = temp.dir('egov-plan-backup-', { 'a.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,20\n', 'b.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,29\n' });
    for (const [f, now] of [['a.csv', '2020-12-10T01:00:00Z'], ['b.csv', '2020-12-11T01:00:00Z']] as const) {
      expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', '--database', 'source.sqlite', f], { cwd: dir, now })).code).toBe(0);
    }
    const first = (json((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--json'], { cwd: dir })).stdout).imports as { importId: string }[])[0]!.importId;
    expect((await runCli(['retract', first, '--by', 'so-tttt', '--database', 'source.sqlite'], { cwd: dir, now: '2020-12-20T01:00:00Z' })).code).toBe(0);
    const set = json((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--json'], { cwd: dir })).stdout);
    expect(set.revisions.filter((m: { retractionOf: string | null }) => m.retractionOf !== null)).toEqual([]);
    const dump = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'csv', '--lang', 'en'], { cwd: dir });
    expect(dump.stderr).toContain('left out: 0 imports that made no revision, 0 imports with unchanged rows (their row counts), 1 retractions that made no revision, 0 report submissions');
  });
});

describe('a restore refuses what an import refuses', () => {
  it('an edited CSV backup (counts not matching the value, period 2020Q5, a negative percentage) fails with each row named, nothing written', async () => {
    const dir = await source();
    const csv = (await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'csv'], { cwd: dir })).stdout;
    const lines = csv.split('\n');
    const header = lines[0]!.split(',');
    const edit = (line: number, changes: Record<string, string>) => {
      const f = lines[line - 1]!.split(',');
      for (const [k, v] of Object.entries(changes)) f[header.indexOf(k)] = v;
      lines[line - 1] = f.join(',');
    };
    edit(2, { value: '99', numerator: '63', denominator: '200' });
    edit(3, { period: '2020Q5' });
    edit(4, { value: '-5' });
    writeFileSync(join(dir, 'edited.csv'), lines.join('\n'));
    // A store that already holds something, so that "unchanged" is not "empty".
    expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'x', '--database', 'target.sqlite', 'b.csv'], { cwd: dir })).code).toBe(0);
    const before = onDisk(join(dir, 'target.sqlite'));
    for (const lang of ['vi', 'en'] as const) {
      const r = await runCli(['import', '--database', 'target.sqlite', 'edited.csv', '--lang', lang, '--json'], { cwd: dir });
      expect(r.code).toBe(1);
      const issues = json(r.stdout).files[0].error as { code: string; line?: number; message: { vi: string; en: string } }[];
      expect(issues.map((i) => [i.code, i.line ?? null])).toEqual([
        ['store.restore_failed', null],
        ['measurement.inconsistent_counts', 2],
        ['measurement.invalid_period', 3],
        ['measurement.out_of_range', 4],
      ]);
      expect(issues[0]!.message.en).toBe('Backup edited.csv: not restored — 3 revisions of plan kontum-1102-2019 refused as an import would refuse them (checked against the plan); nothing of the backup was written, the store is as it was. The bad rows follow.');
      expect(issues[1]!.message.en).toBe('Backup edited.csv, line 2: value 99% does not match numerator/denominator 63/200 = 31.5% (more than the 0.5 percentage points rounding explains).');
      expect(issues[1]!.message.vi).toBe('Bản sao lưu edited.csv, dòng 2: giá trị 99% không khớp với tử số/mẫu số 63/200 = 31,5% (lệch quá 0,5 điểm phần trăm do làm tròn).');
      expect(issues[2]!.message.en).toMatch(/^Backup edited\.csv, line 3: "2020Q5" is not a reporting-period id/u);
      expect(issues[3]!.message.en).toBe('Backup edited.csv, line 4: the value cannot be negative.');
      expect(onDisk(join(dir, 'target.sqlite'))).toEqual(before);
    }
  });

  it('without a plan it can resolve, the rules of every plan still hold (and the output says which checks were made)', async () => {
    const dir = await source();
    const set = json((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'json'], { cwd: dir })).stdout);
    // The same backup under a plan id nothing resolves.
    set.plan = 'tinh-khac-2019';
    for (const m of set.revisions) m.plan = 'tinh-khac-2019';
    set.submissions = [];
    writeFileSync(join(dir, 'other.json'), JSON.stringify(set));
    const ok = await runCli(['import', '--database', 'other.sqlite', 'other.json', '--lang', 'en'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('rows checked against the rules of every plan only (plan not found: give --plan for every check)');
    set.revisions[0].numerator = 63;
    set.revisions[0].denominator = 200;
    set.revisions[0].value = 99;
    writeFileSync(join(dir, 'other-bad.json'), JSON.stringify(set));
    const bad = await runCli(['import', '--database', 'other-bad.sqlite', 'other-bad.json', '--json'], { cwd: dir });
    expect(bad.code).toBe(1);
    const issues = json(bad.stdout).files[0].error as { code: string; message: { en: string } }[];
    expect(issues.map((i) => i.code)).toEqual(['store.restore_failed', 'measurement.inconsistent_counts']);
    expect(issues[0]!.message.en).toContain('plan tinh-khac-2019 could not be resolved');
    expect(issues[1]!.message.en).toMatch(/^Backup other-bad\.json, \/revisions\/0: value 99% does not match/u);
  });
});

describe('retracting an import withdraws the report submitted with it', () => {
  it('the calendar no longer counts it; it stays recorded (withdrawn) and a backup keeps it so', async () => {
    const dir = await source();
    const first = (json((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--json'], { cwd: dir })).stdout).imports as { importId: string }[])[0]!.importId;
    expect((await runCli(['retract', first, '--by', 'so-tttt', '--database', 'source.sqlite'], { cwd: dir, now: '2020-12-20T01:00:00Z' })).code).toBe(0);
    expect(await submitted(dir, 'source.sqlite')).toBe('0/2');
    const dump = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--json'], { cwd: dir });
    expect(json(dump.stdout).submissions).toMatchObject([{ reporter: 'so-tttt', importId: first, withdrawnAt: '2020-12-20T01:00:00.000Z' }]);
    // Nothing deleted: the submission's row is still in the file.
    expect(onDisk(join(dir, 'source.sqlite'))[3]).toHaveLength(1);
    writeFileSync(join(dir, 'backup.json'), dump.stdout);
    expect((await runCli(['import', '--database', 'copy.sqlite', 'backup.json'], { cwd: dir })).code).toBe(0);
    expect(await submitted(dir, 'copy.sqlite')).toBe('0/2');
    expect(json((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'copy.sqlite', '--json'], { cwd: dir })).stdout).submissions).toEqual(json(dump.stdout).submissions);
    expect(readFileSync(join(dir, 'backup.json'), 'utf8').length).toBeGreaterThan(0);
  });
});

describe('a backup keeps which imports restated a value (the same file imported again), so a restored store retracts alike', () => {
  it('after a restore, retracting the first import keeps the values the re-import stands behind, as in the original', async () => {
    const dir = await source();
    const dump = await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', 'source.sqlite', '--format', 'json'], { cwd: dir });
    const ids = (json(dump.stdout).imports as { importId: string }[]).map((i) => i.importId);
    // The second import (six.csv again) restated all six values; the fourth restated five.
    expect((json(dump.stdout).reassertions as { importId: string }[]).map((x) => ids.indexOf(x.importId)).sort()).toEqual([1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3]);
    writeFileSync(join(dir, 'backup.json'), dump.stdout);
    expect((await runCli(['import', '--database', 'copy.sqlite', 'backup.json'], { cwd: dir })).code).toBe(0);
    const after: unknown[] = [];
    for (const db of ['source.sqlite', 'copy.sqlite']) {
      const r = await runCli(['retract', ids[0]!, '--by', 'so-tttt', '--database', db], { cwd: dir, now: '2020-12-20T01:00:00Z' });
      expect(r.code, r.stderr).toBe(0);
      const d = json((await runCli(['dump', '--plan', 'kontum-1102-2019', '--database', db, '--json'], { cwd: dir })).stdout);
      after.push({ revisions: d.revisions, reassertions: d.reassertions });
      // Six values still in force, all under the latest import of six.csv (it wrote so-tttt's 20 back and restated the rest).
      const values = d.revisions.filter((m: { orgUnit: string; revision: number }) => !d.revisions.some((n: { orgUnit: string; revision: number }) => n.orgUnit === m.orgUnit && n.revision > m.revision));
      expect(values.map((m: { orgUnit: string; value: number; importId: string }) => [m.orgUnit, m.value, ids.indexOf(m.importId)]).sort()).toEqual([
        ['so-khcn', 25, 3], ['so-noi-vu', 21, 3], ['so-tai-chinh', 23, 3], ['so-tttt', 20, 3], ['so-xay-dung', 24, 3], ['so-y-te', 22, 3],
      ]);
    }
    expect(after[1]).toEqual(after[0]);
    // An edited backup whose reassertion names an import it does not hold is refused, nothing written.
    const edited = json(dump.stdout);
    edited.reassertions[0].importId = 'no-such-import';
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
    const refused = await runCli(['import', '--database', 'other.sqlite', 'edited.json', '--json', '--lang', 'en'], { cwd: dir });
    expect(refused.code).toBe(1);
    const issues = json(refused.stdout).files[0].error as { code: string; message: { en: string } }[];
    expect(issues.map((i) => i.code)).toEqual(['store.restore_failed']);
    expect(issues[0]!.message.en).toMatch(/^Backup edited\.json: not restored — a row of import no-such-import restates the value of online-dossier-rate so-\S+ 2020Q4 \(revision \d+\) but the backup holds no such import or revision/u);
    expect(onDisk(join(dir, 'copy.sqlite'))[5]).toEqual(onDisk(join(dir, 'source.sqlite'))[5]);
  });
});
