// A portal built with Fastify mounts the egov-plan API as a plugin. The API reads and limits
// request bodies itself, so the plugin turns Fastify's body parsing off for its own routes only.
import Fastify, { type FastifyInstance } from 'fastify';
import { createMemoryStore, type MeasurementStore } from '@egov-plan/core';
import { createHandler, toNodeListener } from '@egov-plan/http';
import { authorize } from './portal.js';

/** The portal's Fastify app with the API mounted beside its own routes. */
export function fastifyPortal(store: MeasurementStore = createMemoryStore()): FastifyInstance {
  const app = Fastify();
  app.get('/', async () => 'Cổng thông tin tỉnh (demo)');
  const egov = toNodeListener(createHandler({ store, authorize }));
  app.register(async (api) => {
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', (_req, _body, done) => done(null));
    const pass = (req: { raw: Parameters<typeof egov>[0] }, reply: { hijack(): void; raw: Parameters<typeof egov>[1] }) => {
      reply.hijack();
      egov(req.raw, reply.raw);
    };
    api.all('/api/*', pass);
    api.get('/openapi.json', pass);
  });
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = fastifyPortal();
  const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 8080) });
  console.log(`${address}/api/v1/plans`);
}
