import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@egov-plan/store-sqlite';
import { tempResources } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// The real `egov-plan` process (from source), killed with SIGKILL while it imports into SQLite.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
// tsx's loader by absolute URL: the children run in temporary directories.
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const temp = tempResources();
afterEach(() => temp.cleanup());

/** A CSV of `n` commune values (org units the plan does not know, so with their level). */
function bigCsv(n: number, prefix: string, value: number): string {
  const lines = ['indicator,orgUnit,level,period,value'];
  for (let i = 0; i < n; i++) lines.push(`online-dossier-rate,${prefix}-${i},commune,2020Q4,${value}`);
  return `${lines.join('\n')}\n`;
}

function cli(dir: string, args: string[]): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', tsx, '--conditions=@egov-plan/source', bin, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.resume();
  return { child, exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr }))) };
}

async function importsOf(file: string) {
  const store = openSqliteStore(file, { create: false });
  try {
    const imports = await store.imports('kontum-1102-2019');
    const current = await store.currentValues({ plan: 'kontum-1102-2019' });
    return { imports, current };
  } finally {
    await store.close();
  }
}

describe('import into SQLite, process killed or run twice at once', () => {
  it('a process killed with SIGKILL in the middle of a large import leaves none or all of that file', async () => {
    const rows = 200_000;
    const dir = temp.dir('egov-plan-kill-', { 'small.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\n', 'big.csv': bigCsv(rows, 'xa', 40) });
    expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'small.csv'], { cwd: dir })).code).toBe(0);
    const db = join(dir, 'egov-plan.sqlite');
    const wal = `${db}-wal`;
    const walBefore = existsSync(wal) ? statSync(wal).size : 0;
    const { child, exited } = cli(dir, ['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'big.csv']);
    let ended = false;
    void exited.then(() => (ended = true));
    // Kill once the open transaction has started spilling pages into the write-ahead log.
    let writing = false;
    while (!ended) {
      if (existsSync(wal) && statSync(wal).size > walBefore + 256 * 1024) {
        writing = true;
        child.kill('SIGKILL');
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    const end = await exited;
    const { imports, current } = await importsOf(db);
    const bigImports = imports.filter((i) => i.file === 'big.csv');
    if (end.signal === 'SIGKILL') {
      expect(writing).toBe(true);
      // None of it: only the small file's value.
      expect(bigImports).toEqual([]);
      expect(current.map((m) => m.orgUnit)).toEqual(['so-tttt']);
    } else {
      // The import finished before the kill: all of it.
      expect(end.code, end.stderr).toBe(0);
      expect(bigImports.map((i) => i.rows)).toEqual([rows]);
      expect(current.length).toBe(rows + 1);
    }
    // The store is usable afterwards: the same file imports whole.
    const again = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'big.csv', '--json'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect((await importsOf(db)).current.length).toBe(rows + 1);
  });

  it('two processes importing different files at the same time both land (one waits for the other)', async () => {
    const dir = temp.dir('egov-plan-concurrent-', { 'a.csv': bigCsv(30_000, 'a', 10), 'b.csv': bigCsv(30_000, 'b', 20) });
    // Create the database first, so both processes open an existing one.
    expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'x', '--json', 'a.csv'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'a.csv'), bigCsv(30_000, 'a', 11));
    const runs = [cli(dir, ['import', '--plan', 'kontum-1102-2019', '--by', 'x', 'a.csv']), cli(dir, ['import', '--plan', 'kontum-1102-2019', '--by', 'y', 'b.csv'])];
    const ends = await Promise.all(runs.map((r) => r.exited));
    for (const e of ends) expect(e.code, e.stderr).toBe(0);
    const { imports, current } = await importsOf(join(dir, 'egov-plan.sqlite'));
    expect(imports.map((i) => [i.file, i.revisions]).sort()).toEqual([
      ['a.csv', 30_000],
      ['a.csv', 30_000],
      ['b.csv', 30_000],
    ]);
    expect(current.length).toBe(60_000);
    expect(new Set(current.filter((m) => m.orgUnit.startsWith('a-')).map((m) => m.value))).toEqual(new Set([11]));
  });
});
