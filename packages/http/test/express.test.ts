import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '@egov-plan/core';
import { createHandler, toExpress } from '@egov-plan/http';
import { bearer } from './server.js';

describe('toExpress', () => {
  const store = createMemoryStore();
  const app = express();
  app.get('/portal', (_req, res) => {
    res.send('portal page');
  });
  app.use(toExpress(createHandler({ store, authorize: bearer })));
  const server = createServer(app);
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the API inside an Express app and leaves the portal\'s own routes alone', async () => {
    expect(await (await fetch(`${url}/portal`)).text()).toBe('portal page');
    const plans = await (await fetch(`${url}/api/v1/plans`)).json();
    expect(plans.plans.map((p: { id: string }) => p.id)).toContain('kontum-1102-2019');
    const r = await fetch(`${url}/api/v1/plans/kontum-1102-2019/measurements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer token-tttt' },
      body: JSON.stringify({ measurements: [{ indicator: 'online-dossier-rate', orgUnit: 'so-tttt', period: '2020Q4', value: 27 }] }),
    });
    expect(r.status).toBe(201);
    expect([...(await store.currentValues({ plan: 'kontum-1102-2019' }) as Iterable<{ value: unknown }>)].map((m) => m.value)).toEqual([27]);
    // Outside the API: Express's own 404, not the API's.
    const other = await fetch(`${url}/elsewhere`);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).not.toContain('application/json');
  });
});
