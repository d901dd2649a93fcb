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

describe.concurrent('F0: a command that only reads refuses a --database file that does not exist', () => {
  const readers: { name: string; args: string[] }[] = [
    { name: 'evaluate', args: ['evaluate', '--plan', PLAN, '--at', '2020-12-14'] },
    { name: 'calendar --period', args: ['calendar', '--plan', PLAN, '--period', '2020Q4'] },
    { name: 'history', args: ['history'] },
    { name: 'dump', args: ['dump', '--format', 'json'] },
    { name: 'report', args: ['report', '--plan', PLAN, '--at', '2021-01-20', '--out', 'r.html'] },
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
