// The CLI edges today's acceptance test found, on the built binary and real files: a mistyped
// --database read as an empty store (F0), a workbook given to evaluate --measurements (F2), the
// success JSON's `ok` (F6) and an import of a file with no data rows (F7).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const PLAN = 'kontum-1102-2019';

/** Runs the built `egov-plan` in `cwd`. */
function egov(args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, EGOV_PLAN_LANG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'egov-accept-edges-'));
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run the build first`);
});

describe.concurrent('F0: a command that works on an existing store (a reading one, or retract) refuses a --database file that does not exist', () => {
  const readers: { name: string; args: string[] }[] = [
    { name: 'evaluate', args: ['evaluate', '--plan', PLAN, '--at', '2020-12-14'] },
    { name: 'calendar --period', args: ['calendar', '--plan', PLAN, '--period', '2020Q4'] },
    { name: 'history', args: ['history'] },
    { name: 'dump', args: ['dump', '--format', 'json'] },
    { name: 'report', args: ['report', '--plan', PLAN, '--at', '2021-01-20', '--out', 'r.html'] },
    // retract writes, but only into a store that exists: the message must not say it only reads.
    { name: 'retract', args: ['retract', '6082cdf6-a685-4a3a-aebf-fa56fbd72ac9', '--by', 'so-tttt'] },
  ];
  for (const r of readers) {
    for (const path of ['egov-plan.sqlit', 'khong-co/x.sqlite']) {
      it(`${r.name} --database ${path}: store.not_found, exit 1, nothing created`, async () => {
        const dir = workdir();
        const vi = await egov([...r.args, '--database', path], dir);
        expect(vi.code).toBe(1);
        expect(vi.stderr).toContain('[store.not_found]');
        expect(vi.stderr).toContain(`Không có cơ sở dữ liệu "${path}"`);
        const en = await egov([...r.args, '--database', path, '--lang', 'en', '--json'], dir);
        expect(en.code).toBe(1);
        const j = JSON.parse(en.stdout) as { ok: boolean; error: { code: string; issues: { message: { en: string } }[] } };
        expect(j.ok).toBe(false);
        expect(j.error.code).toBe('store.not_found');
        expect(j.error.issues[0]?.message.en).toContain(`There is no database "${path}"`);
        expect(j.error.issues[0]?.message.en).toContain('this command works on an existing database only, so it does not create one');
        expect(existsSync(join(dir, path))).toBe(false);
      });
    }
  }

  it('without --database, a folder with no egov-plan.sqlite is still an empty store for history and dump, and no file is created', async () => {
    const dir = workdir();
    const h = await egov(['history', '--json'], dir);
    expect(h.code).toBe(0);
    const d = await egov(['dump', '--format', 'json'], dir);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ plans: [] });
    expect(existsSync(join(dir, 'egov-plan.sqlite'))).toBe(false);
  });

  it('a command that writes still creates the file --database names', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'm.csv'), 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,28.5\n');
    const r = await egov(['import', '--plan', PLAN, '--database', 'moi.sqlite', 'm.csv'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'moi.sqlite'))).toBe(true);
    const e = await egov(['evaluate', '--plan', PLAN, '--database', 'moi.sqlite', '--at', '2020-12-31', '--json'], dir);
    expect(e.code).toBe(0);
  });
});

describe.concurrent('F2: evaluate --measurements given a workbook says so and points to import', () => {
  for (const [name, bytes] of [
    ['q4.xlsx', Buffer.from('PK\x03\x04 not really a workbook', 'latin1')],
    ['q4.dat', Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1')],
  ] as const) {
    it(name, async () => {
      const dir = workdir();
      writeFileSync(join(dir, name), bytes);
      const vi = await egov(['evaluate', '--plan', PLAN, '--measurements', name, '--at', '2020-12-21'], dir);
      expect(vi.code).toBe(1);
      expect(vi.stderr).toContain('[file.workbook_not_read]');
      expect(vi.stderr).toContain(`egov-plan import --plan ${PLAN} ${name}`);
      expect(vi.stderr).not.toContain('UTF-8: ');
      const en = await egov(['evaluate', '--plan', PLAN, '--measurements', name, '--at', '2020-12-21', '--json', '--lang', 'en'], dir);
      expect(en.code).toBe(1);
      const j = JSON.parse(en.stdout) as { ok: boolean; error: { code: string; issues: { message: { en: string } }[] } };
      expect(j.error.code).toBe('file.workbook_not_read');
      expect(j.error.issues[0]?.message.en).toContain('reads CSV or JSON only');
    });
  }
  it('a mistyped workbook path is file.not_found, not a workbook to import', async () => {
    const dir = workdir();
    const r = await egov(['evaluate', '--plan', PLAN, '--measurements', 'q4-typo.xlsx', '--at', '2020-12-21'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[file.not_found]');
    expect(r.stderr).not.toContain('file.workbook_not_read');
  });
});

describe('F6: every --json result says ok', () => {
  it('ok: true on success for every command that prints a result, none on the documents (show, export, dump)', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'm.csv'), 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,28.5\n');
    const imported = await egov(['import', '--plan', PLAN, '--json', 'm.csv'], dir);
    const importId = (JSON.parse(imported.stdout) as { files: { importId: string }[] }).files[0]?.importId ?? '';
    const plan = await egov(['export', '--plan', PLAN], dir);
    writeFileSync(join(dir, 'plan.json'), plan.stdout);
    const table: { args: string[]; ok: boolean | undefined }[] = [
      { args: ['plans'], ok: true },
      { args: ['calendar', '--plan', PLAN, '--at', '2020-12-14'], ok: true },
      { args: ['calendar', '--plan', PLAN, '--period', '2020Q4'], ok: true },
      { args: ['tasks', '--plan', PLAN, '--at', '2020-12-14'], ok: true },
      { args: ['ics', '--plan', PLAN], ok: true },
      { args: ['template', '--plan', PLAN, '--out', 'mau.xlsx'], ok: true },
      { args: ['validate', 'plan.json'], ok: true },
      { args: ['evaluate', '--plan', PLAN, '--measurements', 'm.csv', '--at', '2020-12-31'], ok: true },
      { args: ['evaluate', '--plan', PLAN, '--at', '2020-12-31'], ok: true },
      { args: ['history'], ok: true },
      { args: ['retract', importId], ok: true },
      { args: ['import', '--plan', PLAN, 'm.csv'], ok: true },
      { args: ['show', '--plan', PLAN], ok: undefined },
      { args: ['export', '--plan', PLAN], ok: undefined },
      { args: ['dump', '--format', 'json'], ok: undefined },
    ];
    for (const row of table) {
      const r = await egov([...row.args, '--json'], dir);
      expect(r.code, `${row.args.join(' ')}: ${r.stderr}`).toBe(0);
      expect((JSON.parse(r.stdout) as { ok?: boolean }).ok, row.args.join(' ')).toBe(row.ok);
    }
  }, 120_000);

  it('ok: false where the result carries the errors (validate, evaluate with bad rows)', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'bad.csv'), 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q5,28.5\n');
    writeFileSync(join(dir, 'bad.json'), '{"id": 1}');
    const e = await egov(['evaluate', '--plan', PLAN, '--measurements', 'bad.csv', '--at', '2020-12-31', '--json'], dir);
    expect(e.code).toBe(1);
    expect((JSON.parse(e.stdout) as { ok?: boolean }).ok).toBe(false);
    const v = await egov(['validate', 'bad.json', '--json'], dir);
    expect(v.code).toBe(1);
    expect((JSON.parse(v.stdout) as { ok?: boolean; valid?: boolean })).toMatchObject({ ok: false, valid: false });
  });
});

describe.concurrent('F7: a file with no data rows is not imported, and records no import and no submission', () => {
  it('with --reporter/--obligation: measurement.no_data_rows on stderr and in --json, exit 1, no import, calendar shows no submission', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'empty.csv'), 'indicator,orgUnit,period,value\n');
    const r = await egov(['import', '--plan', PLAN, '--reporter', 'so-tttt', '--obligation', 'quarterly-report-province-to-government', 'empty.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('empty.csv: KHÔNG NHẬP — không có dòng số liệu nào');
    expect(r.stderr).toContain('[measurement.no_data_rows]');
    expect(r.stderr).toContain('Không ghi nhận lần nộp của so-tttt');
    const j = await egov(['import', '--plan', PLAN, '--json', '--lang', 'en', 'empty.csv'], dir);
    expect(j.code).toBe(1);
    const files = (JSON.parse(j.stdout) as { files: { imported: boolean; importId: string | null; issues: { code: string; severity?: string }[] }[] }).files;
    expect(files[0]).toMatchObject({ imported: false, importId: null });
    expect(files[0]?.issues[0]).toMatchObject({ code: 'measurement.no_data_rows' });
    expect(files[0]?.issues[0]?.severity).toBeUndefined();
    const c = await egov(['calendar', '--plan', PLAN, '--period', '2020Q4', '--json'], dir);
    expect(c.code).toBe(0);
    expect(c.stdout).not.toContain('submittedAt');
    // The acceptance finding: the dump counted an import id for nothing.
    const d = JSON.parse((await egov(['dump', '--format', 'json'], dir)).stdout) as { plans: { imports: unknown[] }[] };
    expect(d.plans.flatMap((p) => p.imports)).toEqual([]);
  });
});
