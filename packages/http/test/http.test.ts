import { connect } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPlan } from '@egov-plan/rules';
import { emptyRuleFile } from '@egov-plan/test-utils';
import { isEgovPlanError } from '@egov-plan/core';
import { nodeServerOptions } from '@egov-plan/http';
import { post, startServer, type TestServer } from './server.js';

const PLAN = 'kontum-1102-2019';
const row = (orgUnit: string, value: number, period = '2020Q4', indicator = 'online-dossier-rate') => ({ indicator, orgUnit, period, value });

/**
 * Sends raw bytes on a socket and resolves to everything the server answered before closing.
 * `dripMs`: the chunks are written one every `dripMs` (a client trickling its request).
 */
function rawExchange(port: number, chunks: string[], opts: { keepOpenMs?: number; dripMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let drip: ReturnType<typeof setInterval> | undefined;
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => (clearInterval(drip), resolve(answer)));
    socket.on('connect', () => {
      if (opts.dripMs !== undefined) {
        let k = 0;
        drip = setInterval(() => (k < chunks.length && !socket.destroyed ? socket.write(chunks[k++] as string) : clearInterval(drip)), opts.dripMs);
      } else for (const c of chunks) socket.write(c);
      // The client never finishes its body: the server has to give up on it.
      if (opts.keepOpenMs !== undefined) setTimeout(() => socket.destroy(), opts.keepOpenMs);
    });
  });
}

async function stored(s: TestServer) {
  return (await s.store.currentValues({ plan: PLAN })).map((m) => `${m.orgUnit}|${m.period}|${m.value}`).sort();
}

describe('@egov-plan/http on a real server over SQLite', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ maxBodyBytes: 64 * 1024, bodyTimeoutMs: 500 });
  });
  afterAll(() => s.close());
  const measurements = () => `${s.url}/api/v1/plans/${PLAN}/measurements`;

  it('a reporter writes measurements of its own agency, with its provenance', async () => {
    const r = await post(measurements(), { file: 'q4.json', measurements: [row('so-tttt', 27)] }, 'token-tttt');
    expect(r.status).toBe(201);
    const body = await r.json();
    expect(body).toMatchObject({ ok: true, rows: 1, revisions: 1, unchanged: 0 });
    const [m] = await s.store.currentValues({ plan: PLAN, orgUnit: 'so-tttt' });
    expect(m).toMatchObject({ value: 27, file: 'q4.json', importedBy: 'user-tttt', importId: body.importId });
  });

  it('writes a row of an org unit the plan does not list, and answers with a warning naming it in the body', async () => {
    const text = JSON.stringify({ file: 'moi.json', measurements: [{ ...row('so-khong-co', 44, '2020Q3'), level: 'province' }] }, null, 1);
    const r = await fetch(measurements(), { method: 'POST', headers: { authorization: 'Bearer token-admin', 'content-type': 'application/json' }, body: text });
    expect(r.status).toBe(201);
    const body = await r.json();
    expect(body).toMatchObject({ ok: true, rows: 1, revisions: 1, unchanged: 0 });
    expect(body.warnings).toEqual([expect.objectContaining({ code: 'measurement.unknown_org_unit', severity: 'warning', pointer: '/measurements/0/orgUnit', line: text.split('\n').findIndex((l) => l.includes('so-khong-co')) + 1 })]);
    expect(body.warnings[0].message.en).toContain('org unit "so-khong-co" (level province)');
    expect(await stored(s)).toContain('so-khong-co|2020Q3|44');
  });

  it('refuses measurements for another agency with 403 and writes none of the batch', async () => {
    const before = await stored(s);
    const r = await post(measurements(), { measurements: [row('so-tttt', 30), row('so-noi-vu', 15)] }, 'token-tttt');
    expect(r.status).toBe(403);
    const body = await r.json();
    expect(body.ok).toBe(false);
    expect(body.error.issues).toEqual([expect.objectContaining({ code: 'http.forbidden', pointer: '/measurements/1/orgUnit' })]);
    expect(body.error.issues[0].message.vi).toContain('so-noi-vu');
    expect(await stored(s)).toEqual(before);
  });

  it('answers an anonymous POST with 401 and a reader with 403', async () => {
    const anon = await post(measurements(), { measurements: [row('so-tttt', 31)] });
    expect(anon.status).toBe(401);
    expect(anon.headers.get('www-authenticate')).toBe('Bearer');
    expect((await anon.json()).error.code).toBe('http.unauthorized');
    const reader = await post(measurements(), { measurements: [row('so-tttt', 31)] }, 'token-reader');
    expect(reader.status).toBe(403);
    expect((await reader.json()).error.code).toBe('http.forbidden');
  });

  it('refuses a batch with one bad row whole (422), naming the row, line and column', async () => {
    const before = await stored(s);
    const text = `{"measurements": [\n  {"indicator": "online-dossier-rate", "orgUnit": "so-tttt", "period": "2020Q3", "value": 24},\n  {"indicator": "online-dossier-rate", "orgUnit": "so-tttt", "period": "2020Q2", "value": 120}\n]}`;
    const r = await post(measurements(), text, 'token-tttt');
    expect(r.status).toBe(422);
    const issues = (await r.json()).error.issues;
    expect(issues).toEqual([expect.objectContaining({ code: 'measurement.out_of_range', pointer: '/measurements/1/value', line: 3 })]);
    expect(await stored(s)).toEqual(before);
  });

  it('answers 404 for an unknown plan and an unknown route', async () => {
    const plan = await fetch(`${s.url}/api/v1/plans/no-such-plan`);
    expect(plan.status).toBe(404);
    expect((await plan.json()).error.issues[0]).toMatchObject({ code: 'http.not_found', pointer: '/params/plan' });
    const postPlan = await post(`${s.url}/api/v1/plans/no-such-plan/measurements`, { measurements: [row('so-tttt', 1)] }, 'token-admin');
    expect(postPlan.status).toBe(404);
    const route = await fetch(`${s.url}/api/v1/nothing-here`);
    expect(route.status).toBe(404);
    expect((await route.json()).error.code).toBe('http.not_found');
  });

  it('answers malformed JSON with 400 and the line and column', async () => {
    const r = await post(measurements(), '{"measurements": [\n  {"indicator": "x",}\n]}', 'token-tttt');
    expect(r.status).toBe(400);
    const issue = (await r.json()).error.issues[0];
    expect(issue).toMatchObject({ code: 'json.syntax', line: 2, file: 'request' });
  });

  it('answers a body that is not JSON with 415', async () => {
    const r = await post(measurements(), 'indicator,orgUnit\n', 'token-tttt', { 'content-type': 'text/csv' });
    expect(r.status).toBe(415);
    expect((await r.json()).error.issues[0]).toMatchObject({ code: 'http.unsupported_media_type', pointer: '/headers/content-type' });
  });

  it('answers a body without a content type with 415, saying the header is missing', async () => {
    // Bytes, not a string: fetch then sends no Content-Type header.
    const r = await fetch(measurements(), { method: 'POST', headers: { authorization: 'Bearer token-tttt' }, body: new TextEncoder().encode('{}') });
    expect(r.status).toBe(415);
    expect((await r.json()).error.issues[0]).toMatchObject({
      code: 'http.unsupported_media_type',
      pointer: '/headers/content-type',
      message: { en: 'The request body must be application/json; the request has no Content-Type header.', vi: 'Nội dung yêu cầu phải là application/json; yêu cầu không có tiêu đề Content-Type.' },
    });
  });

  it('answers a body that does not fit the schema with 400 and pointers into it', async () => {
    const r = await post(measurements(), { measurements: [{ ...row('so-tttt', 27), colour: 'red' }] }, 'token-tttt');
    expect(r.status).toBe(400);
    expect((await r.json()).error.issues).toEqual([expect.objectContaining({ code: 'schema.unknown_key', pointer: '/measurements/0/colour' })]);
  });

  it('refuses an oversized body with 413, whether declared or streamed, and writes nothing', async () => {
    const before = await stored(s);
    const big = JSON.stringify({ measurements: Array.from({ length: 2000 }, (_, i) => row('so-tttt', i % 100, `20${10 + (i % 10)}Q4`)) });
    expect(big.length).toBeGreaterThan(64 * 1024);
    const declared = await post(measurements(), big, 'token-tttt');
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('http.payload_too_large');
    // Chunked, with no Content-Length: the limit holds while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(big);
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const streamed = await fetch(measurements(), { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer token-tttt' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await stored(s)).toEqual(before);
  });

  it('gives up on a client that never finishes its body (408) and writes nothing', async () => {
    const before = await stored(s);
    const head = `POST /api/v1/plans/${PLAN}/measurements HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer token-tttt\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n`;
    const answer = await rawExchange(s.port, [head, '{"measurements": [{"indicator": "online-'], { keepOpenMs: 5000 });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /u);
    expect(answer).toContain('http.request_timeout');
    expect(await stored(s)).toEqual(before);
  });

  it('sends an ETag with a plan and answers 304 to If-None-Match', async () => {
    const first = await fetch(`${s.url}/api/v1/plans/${PLAN}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[^"]+"$/u);
    expect((await first.json()).id).toBe(PLAN);
    const again = await fetch(`${s.url}/api/v1/plans/${PLAN}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await fetch(`${s.url}/api/v1/plans/vn-nq17-2019`, { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
  });

  it('evaluates an org unit for a period, with an ETag that changes when the store does', async () => {
    const url = `${s.url}/api/v1/plans/${PLAN}/evaluations?period=2020Q4&orgUnit=so-noi-vu`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') as string;
    const body = await first.json();
    expect(body).toMatchObject({ plan: PLAN, at: '2020-12-14', period: '2020Q4' });
    expect(body.results.every((r: { orgUnit: string }) => r.orgUnit === 'so-noi-vu')).toBe(true);
    // Nothing stored for so-noi-vu yet: no verdicts for it.
    expect(body.results).toEqual([]);
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // so-noi-vu reports 15%, below the 20% each-agency target of 2019–2020 (plan 1102/KH-UBND).
    expect((await post(measurements(), { measurements: [row('so-noi-vu', 15)] }, 'token-noi-vu')).status).toBe(201);
    const after = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const verdict = (await after.json()).results.find((r: { target: string }) => r.target === 'online-dossier-rate.2019-2020');
    expect(verdict).toMatchObject({ status: 'not-met', value: 15, targetValue: 20 });
  });

  it('answers a bad period with 400 pointing at the query', async () => {
    const r = await fetch(`${s.url}/api/v1/plans/${PLAN}/evaluations?period=2020Q5`);
    expect(r.status).toBe(400);
    expect((await r.json()).error.issues[0].pointer).toMatch(/^\/query\/period/u);
  });

  it('pages through measurements: every value once, in order, then no next page', async () => {
    const rows = ['2019Q4', '2020Q1', '2020Q2', '2020Q3'].map((p, i) => row('so-tttt', 10 + i, p));
    expect((await post(measurements(), { measurements: rows }, 'token-tttt')).status).toBe(201);
    const all = (await (await fetch(`${measurements()}?limit=1000`)).json()).measurements.map((m: { orgUnit: string; period: string }) => `${m.orgUnit}|${m.period}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { measurements: { orgUnit: string; period: string }[]; page: { next: string | null; total: number } } = await (await fetch(`${measurements()}?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`)).json();
      expect(page.measurements.length).toBeLessThanOrEqual(2);
      expect(page.page.total).toBe(all.length);
      seen.push(...page.measurements.map((m) => `${m.orgUnit}|${m.period}`));
      cursor = page.page.next;
      pages++;
    } while (cursor !== null);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
    const bad = await fetch(`${measurements()}?cursor=abc`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0]).toMatchObject({ code: 'http.invalid_parameter', pointer: '/query/cursor' });
    const tooMany = await fetch(`${measurements()}?limit=5000`);
    expect(tooMany.status).toBe(400);
  });

  it('refuses a path in a posted rule file\'s extends, and never reads the file', async () => {
    // A valid plan file on the server's disk: read, it would make the rule file valid.
    const file = join(tmpdir(), `egov-plan-http-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(bundledPlan('kontum-1102-2019')));
    const ruleFile = emptyRuleFile({ extends: [file] });
    const v = await post(`${s.url}/api/v1/validate`, ruleFile);
    expect(v.status).toBe(200);
    const report = await v.json();
    expect(report.ok).toBe(false);
    expect(report.issues.map((i: { code: string }) => i.code)).toContain('rules.path_not_allowed');
    const e = await post(`${s.url}/api/v1/evaluate`, { ruleFile, measurements: [] });
    expect(e.status).toBe(422);
    expect((await e.json()).error.issues.map((i: { code: string }) => i.code)).toContain('rules.path_not_allowed');
    // A rule file extending a bundled plan is fine.
    const good = await post(`${s.url}/api/v1/evaluate`, { ruleFile: emptyRuleFile({ extends: ['kontum-1102-2019'] }), measurements: [row('so-tttt', 27)], at: '2020-12-14' });
    expect(good.status).toBe(200);
    expect((await good.json()).results.find((r: { orgUnit: string; target: string }) => r.orgUnit === 'so-tttt' && r.target === 'online-dossier-rate.2019-2020')?.status).toBe('met');
  });

  it('serves the calendar and task statuses of a plan at a date', async () => {
    const cal = await (await fetch(`${s.url}/api/v1/plans/${PLAN}/calendar?at=2020-03-16T09:00`)).json();
    // Decree 09/2019: the second reporting quarter runs from 15 March to 14 June.
    expect(cal.period).toMatchObject({ id: '2020Q2', start: '2020-03-15', end: '2020-06-14' });
    const tasks = await fetch(`${s.url}/api/v1/plans/${PLAN}/tasks?at=2019-08-15`);
    expect(tasks.status).toBe(200);
    expect((await tasks.json()).length).toBe(bundledPlan('kontum-1102-2019').tasks.length);
    const targets = await (await fetch(`${s.url}/api/v1/plans/${PLAN}/targets`)).json();
    expect(targets.targets.length).toBe(bundledPlan('kontum-1102-2019').indicators.reduce((n, i) => n + i.targets.length, 0));
  });

  it('takes a flood of concurrent POSTs: every accepted row is stored, every rejected one is not', async () => {
    const jobs = Array.from({ length: 60 }, (_, i) => {
      const period = `20${String(10 + Math.floor(i / 4)).padStart(2, '0')}Q${(i % 4) + 1}`;
      const kind = i % 3; // 0: good, 1: a bad row in the batch, 2: another agency's row
      const rows = [row('so-tttt', 40 + (i % 50), period, 'online-work-files')];
      if (kind === 1) rows.push(row('so-tttt', 150, period, 'online-dossier-rate'));
      if (kind === 2) rows.push(row('so-noi-vu', 5, period, 'online-work-files'));
      return { i, kind, rows };
    });
    const answers = await Promise.all(jobs.map(async (j) => ({ ...j, status: (await post(measurements(), { measurements: j.rows }, 'token-tttt')).status })));
    for (const a of answers) expect(a.status).toBe(a.kind === 0 ? 201 : a.kind === 1 ? 422 : 403);
    const inStore = new Set((await s.store.currentValues({ plan: PLAN, indicator: 'online-work-files' })).map((m) => `${m.orgUnit}|${m.period}|${m.value}`));
    const accepted = answers.filter((a) => a.status === 201).flatMap((a) => a.rows);
    const rejected = answers.filter((a) => a.status !== 201).flatMap((a) => a.rows).filter((r) => r.indicator === 'online-work-files');
    for (const r of accepted) expect(inStore.has(`${r.orgUnit}|${r.period}|${r.value}`)).toBe(true);
    for (const r of rejected) expect(inStore.has(`${r.orgUnit}|${r.period}|${r.value}`)).toBe(false);
    expect(inStore.size).toBe(accepted.length);
  });
});

describe('what anonymous callers may read', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ anonymous: ['plans'], cors: { origins: ['https://portal.example'] } });
  });
  afterAll(() => s.close());

  it('reads what the portal allows and gets 401 for the rest; a signed-in caller reads it all', async () => {
    expect((await fetch(`${s.url}/api/v1/plans`)).status).toBe(200);
    const r = await fetch(`${s.url}/api/v1/plans/${PLAN}/evaluations?period=2020Q4`);
    expect(r.status).toBe(401);
    expect((await r.json()).error.code).toBe('http.unauthorized');
    expect((await fetch(`${s.url}/api/v1/plans/${PLAN}/evaluations?period=2020Q4`, { headers: { authorization: 'Bearer token-reader' } })).status).toBe(200);
  });

  it('sends CORS headers to the origins the portal names only', async () => {
    const ok = await fetch(`${s.url}/api/v1/plans`, { method: 'OPTIONS', headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://portal.example');
    const other = await fetch(`${s.url}/api/v1/plans`, { headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('nodeServerOptions: slow clients are cut off by node:http', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({}, nodeServerOptions({ headersTimeoutMs: 400, requestTimeoutMs: 1_000 }));
  });
  afterAll(() => s.close());

  it('answers 408 to a client that trickles its headers (slowloris) and keeps serving others', async () => {
    // One header line every 100 ms, 100 lines: the headers would take 10 s to arrive.
    const lines = ['GET /api/v1/plans HTTP/1.1\r\nHost: 127.0.0.1\r\n', ...Array.from({ length: 100 }, (_, k) => `X-Slow-${k}: 1\r\n`)];
    const slow = rawExchange(s.port, lines, { dripMs: 100, keepOpenMs: 15_000 });
    const meanwhile = await fetch(`${s.url}/api/v1/plans`);
    expect(meanwhile.status).toBe(200);
    // The server closed the connection itself with 408 (the client would have kept it open 15 s).
    expect(await slow).toMatch(/^HTTP\/1\.1 408 /u);
  });

  it('refuses limits that are not positive integers, or a headers limit above the request limit, with a typed error', () => {
    for (const limits of [{ headersTimeoutMs: 0 }, { requestTimeoutMs: 1.5 }, { headersTimeoutMs: Number.NaN }, { headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 }]) {
      let caught: unknown;
      try {
        nodeServerOptions(limits);
      } catch (e) {
        caught = e;
      }
      expect(isEgovPlanError(caught), JSON.stringify(limits)).toBe(true);
      if (isEgovPlanError(caught)) {
        expect(caught.code).toBe('usage.invalid_option');
        expect(caught.issues[0]?.message.vi).toContain('nodeServerOptions');
      }
    }
    expect(nodeServerOptions()).toMatchObject({ headersTimeout: 10_000, requestTimeout: 30_000 });
  });
});
