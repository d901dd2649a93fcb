// The servers of `pnpm bench http` (scripts/bench/http.ts), in a process of their own so that
// autocannon and the server do not share one thread: the API (@egov-plan/http through
// node:http) over a SQLite store holding a synthetic national quarter, and the ceiling — a bare
// node:http server answering the same bytes the API's GET evaluation answers. Prints one JSON
// line with the ports, then serves until its standard input closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHandler, toNodeListener } from '../../packages/http/src/index.js';
import { bundledPlan } from '../../packages/rules/src/index.js';
import { openSqliteStore } from '../../packages/store-sqlite/src/index.js';
import { nationalQuarter } from './national-quarter.js';

const dir = process.argv[2] as string;
const plan = bundledPlan('kontum-1102-2019');

const store = openSqliteStore(join(dir, 'bench.sqlite'));
const imported = await store.importMeasurements({ plan: plan.id, file: 'national-2020Q4.csv', importedBy: 'bench' }, nationalQuarter(plan));
const handler = createHandler({ store, plans: [plan], authorize: (r) => (r.headers.get('authorization') === 'Bearer bench' ? { agencies: [], role: 'admin', id: 'bench' } : null) });
const api = createServer(toNodeListener(handler));
await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
const apiPort = (api.address() as AddressInfo).port;
const path = `/api/v1/plans/${plan.id}/evaluations?period=2020Q4&orgUnit=17-so-3`;
const t0 = performance.now();
const first = await fetch(`http://127.0.0.1:${apiPort}${path}`);
const body = await first.text();
const firstMs = performance.now() - t0;
if (first.status !== 200 || !body.includes('"results":[{')) throw new Error(`http bench: GET evaluation answered ${first.status}: ${body.slice(0, 300)}`);
const bytes = Buffer.from(body);
const ceiling = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  res.end(bytes);
});
await new Promise<void>((resolve) => ceiling.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ apiPort, ceilingPort: (ceiling.address() as AddressInfo).port, path, bodyBytes: bytes.length, rows: imported.revisions, firstGetMs: Math.round(firstMs) })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  api.closeAllConnections();
  ceiling.closeAllConnections();
  api.close();
  ceiling.close();
  store.close();
});
