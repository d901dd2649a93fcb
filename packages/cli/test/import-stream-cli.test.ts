import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@egov-plan/store-sqlite';
import { tempDirWith } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// `egov-plan import` reads a CSV file as a stream: the file lands whole or not at all, every bad
// row is named, a progress bar is drawn on a terminal only, and the summary is the same.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const node = [process.execPath, '--import', tsx, '--conditions=@egov-plan/source', bin];
const ROWS = 20_000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A CSV of `n` commune values; `bad` maps a 0-based row index to the line that replaces it. */
function csv(n: number, bad: Record<number, string> = {}): string {
  const lines = ['indicator,orgUnit,level,period,value'];
  for (let i = 0; i < n; i++) lines.push(bad[i] ?? `online-dossier-rate,xa-${i},commune,2020Q4,${i % 100}`);
  return `${lines.join('\n')}\n`;
}

function dir(files: Record<string, string>): string {
  const d = tempDirWith(files, 'egov-plan-import-stream-');
  dirs.push(d);
  return d;
}

/** Runs the real binary with piped standard output and error. */
function piped(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(node[0] as string, [...node.slice(1), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Runs the real binary on a pseudo-terminal (util-linux `script`): what the terminal showed, escape sequences removed. */
function onTerminal(cwd: string, args: string[]): Promise<{ code: number | null; screen: string }> {
  const command = [...node, ...args].map((a) => `'${a.replace(/'/gu, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  // eslint-disable-next-line no-control-regex
  const plain = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/gu, '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen: plain(out) })));
}

async function storedImports(file: string) {
  const store = openSqliteStore(file, { create: false });
  try {
    return { imports: await store.imports('kontum-1102-2019'), current: await store.currentValues({ plan: 'kontum-1102-2019' }) };
  } finally {
    await store.close();
  }
}

describe('egov-plan import streams a CSV file', () => {
  it('a file with bad rows far apart is refused whole, each bad row named; the corrected file lands whole and again changes nothing', async () => {
    const d = dir({ 'big.csv': csv(ROWS, { 1: 'no-such-indicator,xa-1,commune,2020Q4,5', [ROWS - 2]: `online-dossier-rate,xa-${ROWS - 2},commune,2020Q4,nhiều` }) });
    const refused = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'big.csv', '--lang', 'en'], { cwd: d });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(`big.csv: REFUSED — 2 of ${ROWS} rows bad; nothing imported.\n`);
    // Line numbers count the header: row index 1 is line 3, row index ROWS - 2 is line ROWS.
    expect(refused.stderr).toMatch(/^big\.csv:3\b.*no-such-indicator/mu);
    expect(refused.stderr).toMatch(new RegExp(`^big\\.csv:${ROWS}\\b.*`, 'mu'));
    const none = await storedImports(join(d, 'egov-plan.sqlite'));
    expect(none.imports).toEqual([]);
    expect(none.current).toEqual([]);

    writeFileSync(join(d, 'big.csv'), csv(ROWS));
    const landed = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'big.csv', '--json'], { cwd: d });
    expect(landed.code, landed.stderr).toBe(0);
    expect(JSON.parse(landed.stdout)).toMatchObject({ ok: true, rows: ROWS, revisions: ROWS, unchanged: 0, rejected: 0 });
    const all = await storedImports(join(d, 'egov-plan.sqlite'));
    expect(all.imports.map((i) => [i.file, i.rows, i.revisions])).toEqual([['big.csv', ROWS, ROWS]]);
    expect(all.current.length).toBe(ROWS);
    expect(all.current.find((m) => m.orgUnit === 'xa-12345')).toMatchObject({ value: 45, row: 12_345 + 2, file: 'big.csv' });

    const again = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'big.csv', '--lang', 'en'], { cwd: d });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^big\\.csv: ${ROWS} rows — 0 new revisions, ${ROWS} unchanged, 0 rejected \\(import [0-9a-f-]+\\)\\.\\n$`, 'u'));
  });

  it('piped: standard error has no progress noise and standard output is the JSON summary', async () => {
    const d = dir({ 'a.csv': csv(ROWS), 'b.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\n' });
    const r = await piped(d, ['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'a.csv', 'b.csv', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const file = (name: string, rows: number, periods: string[]) => ({ file: name, format: 'csv', imported: true, importId: expect.any(String), rows, revisions: rows, unchanged: 0, rejected: 0, sheets: [{ sheet: null, rows }], periods, issues: [] });
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, plan: 'kontum-1102-2019', files: [file('a.csv', ROWS, ['2020Q4']), file('b.csv', 1, ['2020Q4'])], rows: ROWS + 1, revisions: ROWS + 1, unchanged: 0, rejected: 0 });
    // Without --json, piped: the summary lines only.
    const text = await piped(d, ['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'a.csv', '--lang', 'en']);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(new RegExp(`^a\\.csv: ${ROWS} rows — 0 new revisions, ${ROWS} unchanged, 0 rejected \\(import [0-9a-f-]+\\)\\.\\n$`, 'u'));
  });

  it('on a terminal: a progress bar counts the rows and bytes read, then the same summary; --json draws none', async () => {
    const d = dir({ 'big.csv': csv(ROWS) });
    const size = (Buffer.byteLength(csv(ROWS)) / (1024 * 1024)).toFixed(1);
    const r = await onTerminal(d, ['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'big.csv', '--lang', 'en']);
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain(`Importing big.csv [`);
    expect(r.screen).toContain(`] 100% · ${ROWS} rows · ${size}/${size} MiB`);
    expect(r.screen).toMatch(new RegExp(`big\\.csv: ${ROWS} rows — ${ROWS} new revisions, 0 unchanged, 0 rejected`, 'u'));
    const json = await onTerminal(d, ['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'big.csv', '--json']);
    expect(json.code).toBe(0);
    expect(json.screen).not.toContain('Đang nhập');
    expect(JSON.parse(json.screen.replace(/\r\n/gu, '\n'))).toMatchObject({ ok: true, rows: ROWS, unchanged: ROWS });
  });
});
