import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '@egov-plan/core';
import { fastifyPortal } from '../src/fastify.js';
import { honoPortal } from '../src/hono.js';

const row = { indicator: 'online-dossier-rate', orgUnit: 'so-tttt', period: '2020Q4', value: 27 };

/** What a portal's users see through the mounted API. */
async function walk(url: string, values: () => Promise<unknown[]>) {
  expect(await (await fetch(`${url}/`)).text()).toContain('Cổng thông tin');
  const plans = await (await fetch(`${url}/api/v1/plans`)).json();
  expect(plans.plans.map((p: { id: string }) => p.id)).toContain('kontum-1102-2019');
  expect((await (await fetch(`${url}/openapi.json`)).json()).openapi).toBe('3.1.0');
  const send = (token: string | null, body: unknown) =>
    fetch(`${url}/api/v1/plans/kontum-1102-2019/measurements`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  expect((await send(null, { measurements: [row] })).status).toBe(401);
  expect((await send('demo-token-so-tttt', { measurements: [{ ...row, orgUnit: 'so-noi-vu' }] })).status).toBe(403);
  expect((await send('demo-token-so-tttt', { measurements: [row] })).status).toBe(201);
  expect(await values()).toEqual([27]);
  const verdicts = await (await fetch(`${url}/api/v1/plans/kontum-1102-2019/evaluations?period=2020Q4&orgUnit=so-tttt`)).json();
  expect(verdicts.results.find((r: { target: string }) => r.target === 'online-dossier-rate.2019-2020').status).toBe('met');
}

const valuesOf = (store: ReturnType<typeof createMemoryStore>) => async () => [...((await store.currentValues({ plan: 'kontum-1102-2019' })) as Iterable<{ value: unknown }>)].map((m) => m.value);

describe('examples/http-portal', () => {
  describe('Fastify', () => {
    const store = createMemoryStore();
    const app = fastifyPortal(store);
    let url = '';
    beforeAll(async () => {
      url = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    afterAll(() => app.close());
    it('serves the API beside the portal\'s own routes', () => walk(url, valuesOf(store)));
  });

  describe('Hono', () => {
    const store = createMemoryStore();
    let server: ReturnType<typeof serve>;
    let url = '';
    beforeAll(async () => {
      await new Promise<void>((resolve) => {
        server = serve({ fetch: honoPortal(store).fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
      });
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    it('serves the API beside the portal\'s own routes', () => walk(url, valuesOf(store)));
  });
});
