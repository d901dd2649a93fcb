// The HTTP API under load (issue 10): autocannon against node:http on loopback, 50 connections.
// GET evaluation — one org unit's targets for one period, from a SQLite store holding a national
// quarter (≈ 100,000 values; evaluations are cached by the store's revision, as the handler
// does) — against the ceiling measured in the same run: a bare node:http server answering the
// same bytes. Then POST measurements (one row each, a new revision each, admin caller): every
// 2xx must be an import in the store afterwards. Servers run in a child process
// (scripts/lib/http-bench-server.ts). Goals: GET ≥ 25% of the ceiling, p99 < 20 ms, no errors.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openSqliteStore } from '../../packages/store-sqlite/src/index.js';

const SECONDS = Number(process.env.EGOV_BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 50;

interface Figures {
  rps: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

async function load(options: autocannon.Options): Promise<Figures> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return { rps: Math.round(r.requests.average), p99Ms: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, requests: r.requests.total };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-plan-bench-http-'));
  const server = spawn(process.execPath, ['--import', 'tsx', '--conditions=@egov-plan/source', fileURLToPath(new URL('../lib/http-bench-server.ts', import.meta.url)), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`http bench: the server exited (${code})`)));
      createInterface({ input: server.stdout }).once('line', resolve);
    });
    const info = JSON.parse(line) as { apiPort: number; ceilingPort: number; path: string; bodyBytes: number; rows: number; firstGetMs: number };
    process.stderr.write(`http: store of ${info.rows} values, GET body ${info.bodyBytes} bytes, first (uncached) GET ${info.firstGetMs} ms; ${CONNECTIONS} connections, ${SECONDS} s each\n`);
    // Interleaved: ceiling, API, ceiling again (load on a shared machine hits both alike); the ceiling is the better of the two.
    await load({ url: `http://127.0.0.1:${info.apiPort}${info.path}`, duration: 2 }); // warm-up (JIT), not counted
    const ceilingA = await load({ url: `http://127.0.0.1:${info.ceilingPort}${info.path}` });
    const get = await load({ url: `http://127.0.0.1:${info.apiPort}${info.path}` });
    const ceilingB = await load({ url: `http://127.0.0.1:${info.ceilingPort}${info.path}` });
    const ceiling = ceilingA.rps >= ceilingB.rps ? ceilingA : ceilingB;
    let n = 0;
    const post = await load({
      url: `http://127.0.0.1:${info.apiPort}/api/v1/plans/kontum-1102-2019/measurements`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      requests: [
        {
          setupRequest: (req) => {
            n++;
            return { ...req, body: JSON.stringify({ file: 'bench.json', measurements: [{ indicator: 'online-dossier-rate', orgUnit: `${n % 63}-so-${n % 20}`, level: 'province', period: '2020Q4', value: (n % 1000) / 10 }] }) };
          },
        },
      ],
    });
    server.stdin.end();
    await new Promise((resolve) => server.once('exit', resolve));
    const store = openSqliteStore(join(dir, 'bench.sqlite'), { create: false });
    const imports = (await store.imports('kontum-1102-2019')).length - 1;
    store.close();
    const accepted = post.requests - post.non2xx - post.errors;
    if (imports < accepted) throw new Error(`http bench: ${accepted} POSTs answered 2xx but the store holds ${imports} imports`);
    const figures = {
      getRps: get.rps,
      ceilingRps: ceiling.rps,
      ceilingRatio: Math.round((get.rps / ceiling.rps) * 1000) / 1000,
      p99Ms: get.p99Ms,
      getErrors: get.errors + get.non2xx,
      postRps: post.rps,
      postP99Ms: post.p99Ms,
      postErrors: post.errors + post.non2xx,
      postImports: imports,
      bodyBytes: info.bodyBytes,
      storeValues: info.rows,
      connections: CONNECTIONS,
      seconds: SECONDS,
    };
    process.stderr.write(`http: ${JSON.stringify(figures)}\n`);
    return figures;
  } finally {
    if (server.exitCode === null) server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
