import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@egov-plan/store-sqlite';
import { run } from '../src/program.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-plan-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOKEN = 'tok-so-tttt-0123456789abcdef';
const row = { indicator: 'online-dossier-rate', orgUnit: 'so-tttt', period: '2020Q4', value: 27 };

/** Starts `egov-plan serve` in-process; resolves once it prints its URL. */
async function serve(args: string[]) {
  let stdout = '';
  let stderr = '';
  const stop = new AbortController();
  const done = run(['serve', '--port', '0', '--lang', 'en', ...args], {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd: dir,
    now: () => new Date('2020-12-20T09:00:00+07:00'),
    stop: stop.signal,
  });
  for (let i = 0; i < 600 && !/http:\/\/\S+\//u.test(stdout); i++) {
    const early = await Promise.race([done, new Promise((r) => setTimeout(() => r(null), 50))]);
    if (early !== null) throw new Error(`serve ended early (${early}): ${stderr}`);
  }
  const url = (/(http:\/\/\S+?\/) /u.exec(stdout) as RegExpExecArray)[1] as string;
  return { url, output: () => stdout + stderr, stop: async () => (stop.abort(), await done) };
}

/** Creates an empty store file, as `egov-plan import` leaves one: `serve` without `--auth` only reads, and refuses a path with no database (`store.not_found`). */
async function emptyDatabase(name: string): Promise<string> {
  const store = openSqliteStore(join(dir, name));
  await store.close();
  return name;
}

const postRow = (url: string, token?: string) =>
  fetch(`${url}api/v1/plans/kontum-1102-2019/measurements`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ measurements: [row] }),
  });

describe('egov-plan serve', () => {
  it('refuses, without --auth, a --database path that holds no database, and creates none (a typo is not an empty store)', async () => {
    await expect(serve(['--database', 'none.sqlite'])).rejects.toThrow(/\[store\.not_found\].*none\.sqlite/u);
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false);
  });

  it('serves read-only on loopback without --auth, and writes nothing to the database', async () => {
    const s = await serve(['--database', await emptyDatabase('empty.sqlite')]);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    expect(s.output()).toContain('Read-only');
    expect((await postRow(s.url, TOKEN)).status).toBe(401);
    const plans = await (await fetch(`${s.url}api/v1/plans`)).json();
    expect(plans.plans[0].id).toBe('kontum-1102-2019');
    const page = await fetch(s.url);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('1102/KH-UBND');
    expect(await s.stop()).toBe(0);
    const store = openSqliteStore(join(dir, 'empty.sqlite'), { create: false });
    expect(await store.imports('kontum-1102-2019')).toEqual([]);
    await store.close();
  });

  it('accepts measurements from a token of the auth file, for its agency, and never prints the token', async () => {
    writeFileSync(join(dir, 'auth.json'), JSON.stringify({ tokens: [{ token: TOKEN, agencies: ['so-tttt'], id: 'tttt-portal' }] }));
    const s = await serve(['--database', 'store.sqlite', '--auth', 'auth.json']);
    expect((await postRow(s.url)).status).toBe(401);
    expect((await postRow(s.url, `${TOKEN}x`)).status).toBe(401);
    const empty: string = await (await fetch(`${s.url}?period=2020Q4&lang=en`)).text();
    expect(empty).toContain('No data yet.');
    expect((await postRow(s.url, TOKEN)).status).toBe(201);
    const before: string = await (await fetch(`${s.url}?period=2020Q4&lang=en`)).text();
    expect(before).toContain('Quarterly progress report 2020Q4');
    // The posted value is in the report: fewer indicators without data than on the empty store.
    const noData = (html: string) => html.split('No data yet.').length;
    expect(noData(before)).toBeLessThan(noData(empty));
    expect(await s.stop()).toBe(0);
    expect(s.output()).not.toContain(TOKEN);
    const store = openSqliteStore(join(dir, 'store.sqlite'), { create: false });
    try {
      expect((await store.currentValues({ plan: 'kontum-1102-2019' })).map((m) => [m.orgUnit, m.value, m.importedBy])).toEqual([['so-tttt', 27, 'tttt-portal']]);
    } finally {
      store.close();
    }
  });

  it('--json prints one object with the URLs once listening; its messages go to standard error', async () => {
    let stdout = '';
    let stderr = '';
    const stop = new AbortController();
    const database = await emptyDatabase('json.sqlite');
    const done = run(['serve', '--port', '0', '--json', '--database', database], {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      cwd: dir,
      now: () => new Date('2020-12-20T09:00:00+07:00'),
      stop: stop.signal,
    });
    for (let i = 0; i < 600 && !stdout.endsWith('\n'); i++) await new Promise((r) => setTimeout(r, 50));
    const info = JSON.parse(stdout);
    expect(info.serving).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/u), api: `${info.serving.url}api/v1/`, openapi: `${info.serving.url}openapi.json`, database: expect.stringContaining('json.sqlite'), plan: 'kontum-1102-2019', readOnly: true, tokens: 0 });
    // The URLs printed are the ones that answer.
    expect((await fetch(info.serving.openapi)).status).toBe(200);
    expect((await fetch(`${info.serving.api}plans`)).status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
    // Standard output stays one JSON document; the running messages (Vietnamese by default) are diagnostics.
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toContain('Chỉ đọc');
    expect(stderr).toContain('Đã dừng.');
  });

  it('refuses an auth file with a short token, naming where, not the token', async () => {
    writeFileSync(join(dir, 'weak.json'), JSON.stringify({ tokens: [{ token: 'secret-1', agencies: ['so-tttt'] }] }));
    let out = '';
    const code = await run(['serve', '--port', '0', '--auth', 'weak.json', '--lang', 'en'], { stdout: (s) => void (out += s), stderr: (s) => void (out += s), cwd: dir });
    expect(code).toBe(1);
    expect(out).toContain('[schema.out_of_range] /tokens/0/token');
    expect(out).toMatch(/^weak\.json:1:\d+ /u);
    expect(out).not.toContain('secret-1');
  });
});
