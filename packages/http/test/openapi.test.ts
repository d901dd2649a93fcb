import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './server.js';

// Every route the handler answers, as the OpenAPI document must list it.
const ROUTES = [
  'get /api/v1/plans',
  'get /api/v1/plans/{plan}',
  'get /api/v1/plans/{plan}/targets',
  'get /api/v1/plans/{plan}/calendar',
  'get /api/v1/plans/{plan}/tasks',
  'get /api/v1/plans/{plan}/measurements',
  'post /api/v1/plans/{plan}/measurements',
  'get /api/v1/plans/{plan}/evaluations',
  'post /api/v1/validate',
  'post /api/v1/evaluate',
];

describe('/openapi.json', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.close());

  it('is a valid OpenAPI 3.1 document listing every route, generated from the zod schemas', async () => {
    const r = await fetch(`${s.url}/openapi.json`);
    expect(r.status).toBe(200);
    const doc = await r.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const listed = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(listed.sort()).toEqual([...ROUTES].sort());
    // The measurement body is core's MeasurementInput, field for field.
    const body = doc.paths['/api/v1/plans/{plan}/measurements'].post.requestBody.content['application/json'].schema;
    const submission = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    expect(Object.keys(submission.properties.measurements.items.properties)).toEqual(['indicator', 'orgUnit', 'period', 'value', 'numerator', 'denominator', 'level', 'evidenceDate', 'source']);
    // Core's schema descriptions reach the document (they are attached by describeSchemas()).
    expect(doc.components.schemas.Plan.properties.id.description).toBe('Stable id of the plan, e.g. "kontum-1102-2019" (what `--plan` and `bundledPlan` take).');
    // No pattern keeps a JavaScript flag suffix.
    expect(JSON.stringify(doc)).not.toMatch(/"pattern":"[^"]*\/u"/u);
  });

  it('answers every documented route (none is a 404 for want of a route)', async () => {
    for (const route of ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      const url = `${s.url}${path.replace('{plan}', 'kontum-1102-2019')}${path.endsWith('/evaluations') ? '?period=2020Q4' : ''}`;
      const r = await fetch(url, method === 'post' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : {});
      const body = r.status === 404 ? await r.json() : null;
      expect(body, route).toBeNull();
    }
  });
});
