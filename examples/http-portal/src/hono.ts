// A portal built with Hono mounts the egov-plan API in three lines.
import { Hono } from 'hono';
import { createMemoryStore, type MeasurementStore } from '@egov-plan/core';
import { createHandler } from '@egov-plan/http';
import { authorize } from './portal.js';

/** The portal's Hono app with the API mounted beside its own pages. */
export function honoPortal(store: MeasurementStore = createMemoryStore()): Hono {
  const app = new Hono();
  app.get('/', (c) => c.text('Cổng thông tin tỉnh (demo)'));
  const egov = createHandler({ store, authorize });
  app.all('/api/*', (c) => egov(c.req.raw));
  app.get('/openapi.json', (c) => egov(c.req.raw));
  return app;
}
