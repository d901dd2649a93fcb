// The servers of `pnpm bench http` (scripts/bench/http.ts), in a process of their own so that
// autocannon and the server do not share one thread: the API (@egov-plan/http through
// node:http) over a SQLite store holding a synthetic national quarter, and the ceiling — a bare
// node:http server answering the same bytes the API's GET evaluation answers. Prints one JSON
// line with the ports, then serves until its standard input closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AdministrativeLevel, MeasurementRecord } from '../../packages/core/src/index.js';
import { createHandler, toNodeListener } from '../../packages/http/src/index.js';
import { bundledPlan } from '../../packages/rules/src/index.js';
import { openSqliteStore } from '../../packages/store-sqlite/src/index.js';

const dir = process.argv[2] as string;
const PERIOD = { period: '2020Q4', start: '2020-09-15', end: '2020-12-14' };
const plan = bundledPlan('kontum-1102-2019');

/** The national quarter of scripts/bench/rules.ts: 63 provinces × (1 + 20 departments + 11 districts + 150 communes). */
function* quarter(): Generator<MeasurementRecord> {
  let s = 0x2020_0004;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const byLevel = new Map<AdministrativeLevel, { id: string; unit: string }[]>();
  for (const level of ['province', 'district', 'commune'] as const) {
    byLevel.set(level, plan.indicators.filter((i) => i.targets.some((t) => t.phase === '2019-2020' && (t.level === null || t.level === level))).map((i) => ({ id: i.id, unit: i.unit })));
  }
  let row = 2;
  for (let p = 0; p < 63; p++) {
    const units: [string, AdministrativeLevel][] = [[`${p}`, 'province']];
    for (let i = 0; i < 20; i++) units.push([`${p}-so-${i}`, 'province']);
    for (let i = 0; i < 11; i++) units.push([`${p}-h-${i}`, 'district']);
    for (let i = 0; i < 150; i++) units.push([`${p}-x-${i}`, 'commune']);
    for (const [orgUnit, level] of units) {
      for (const ind of byLevel.get(level) ?? []) {
        let value: number | boolean;
        let numerator: number | null = null;
        let denominator: number | null = null;
        if (ind.unit === 'boolean') value = rnd() < 0.6;
        else if (ind.unit === 'percent') {
          denominator = 50 + Math.floor(rnd() * 950);
          numerator = Math.floor(rnd() * (denominator + 1));
          value = Math.round((numerator / denominator) * 1e6) / 1e4;
        } else value = Math.floor(rnd() * 40);
        yield { indicator: ind.id, orgUnit, level, ...PERIOD, value, numerator, denominator, evidence: false, sheet: null, row: row++ };
      }
    }
  }
}

const store = openSqliteStore(join(dir, 'bench.sqlite'));
const imported = await store.importMeasurements({ plan: plan.id, file: 'national-2020Q4.csv', importedBy: 'bench' }, quarter());
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
