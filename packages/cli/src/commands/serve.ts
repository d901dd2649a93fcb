import type { Command } from 'commander';
import type { BilingualText, Plan } from '@egov-plan/core';
import type { Principal } from '@egov-plan/http';
import { databaseOption } from '../database.js';
import { err, out, usageError, type CliContext } from '../io.js';
import * as MSG from '../messages.js';
import { reportInput, storeReportSources } from './report.js';
import { DEFAULT_PLAN, jsonHelp, loadPlanRef, planArgumentHelp, readInputFile, type AtValue } from './shared.js';

/** Where `serve` listens unless told otherwise: loopback only. */
export const DEFAULT_HOST = '127.0.0.1';
/** The port `serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 8080;

/**
 * An auth file of `serve --auth`: each bearer token with the agencies it may submit
 * measurements for (`role`: `reporter` by default, `admin` for any agency, `reader` for none).
 */
export interface AuthFile {
  tokens: { token: string; agencies: string[]; role?: Principal['role']; id?: string }[];
}

/** Shortest token an auth file may hold. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * Reads and checks an auth file, and returns the `authorize` of the handler: a request's
 * `Authorization: Bearer <token>` compared with every token in constant time (SHA-256 digests
 * through `crypto.timingSafeEqual`, every entry compared, so timing says nothing about which or
 * how much matched). A missing or unknown token is anonymous. Tokens are never printed.
 */
export async function authFileAuthorizer(ctx: CliContext, file: string): Promise<{ authorize: (request: Request) => Principal | null; count: number }> {
  const [{ createHash, timingSafeEqual }, z, core, rules] = await Promise.all([import('node:crypto'), import('zod'), import('@egov-plan/core'), import('@egov-plan/rules')]);
  const schema = z.strictObject({
    tokens: z
      .array(
        z.strictObject({
          token: z.string().min(MIN_TOKEN_LENGTH).max(512),
          agencies: z.array(z.string().min(1).max(core.MAX_ORG_UNIT_LENGTH)),
          role: z.enum(['reader', 'reporter', 'admin']).optional(),
          id: z.string().min(1).max(200).optional(),
        }),
      )
      .min(1),
  });
  const { text, name } = await readInputFile(ctx, file, 1024 * 1024);
  const parsed = rules.parseJsonDocument(text, { file: name });
  if (!parsed.ok) throw new core.EgovPlanError(parsed.issues);
  const checked = core.validateWith(schema, parsed.document.value, false);
  // Issues name the pointer and position, never the value: a token is a secret.
  if (!checked.ok) throw new core.EgovPlanError(checked.issues.map((i) => ({ ...i, file: name, ...parsed.document.locate(i.pointer) })));
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  const entries = checked.value.tokens.map((t) => ({ digest: digest(t.token), principal: { agencies: t.agencies, role: t.role ?? 'reporter', id: t.id ?? t.agencies.join(',') } satisfies Principal }));
  return {
    count: entries.length,
    authorize(request) {
      const m = /^Bearer ([!-~]+)$/u.exec(request.headers.get('authorization') ?? '');
      if (!m) return null;
      const presented = digest(m[1] as string);
      let found: Principal | null = null;
      for (const e of entries) if (timingSafeEqual(presented, e.digest)) found = e.principal;
      return found;
    },
  };
}

function portOf(text: string): number {
  if (!/^\d{1,5}$/u.test(text) || Number(text) > 65_535) throw usageError(MSG.usagePort, { value: text });
  return Number(text);
}

/**
 * `egov-plan serve`: the HTTP API (`/api/v1/…`, `/openapi.json`) and the quarterly report
 * (`/`, `?period=2020Q4&lang=en`) on the measurement store, until SIGINT or SIGTERM (or
 * `ctx.io.stop`). Loopback by default; read-only unless `--auth` maps tokens to agencies.
 */
export function registerServe(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('serve')
    .description(en ? 'serve the HTTP API and the report on the measurement store' : 'phục vụ API HTTP và báo cáo trên kho số liệu')
    .option('--host <host>', en ? `address to listen on (this machine only by default)` : `địa chỉ lắng nghe (mặc định chỉ máy này)`, DEFAULT_HOST)
    .option('--port <port>', en ? "port (0: any free port)" : "cổng (0: cổng trống bất kỳ)", String(DEFAULT_PORT))
    .option('--auth <file>', en ? 'JSON file mapping bearer tokens to agencies; without it the API is read-only' : 'tệp JSON gắn mã truy cập (bearer token) với cơ quan; không có thì API chỉ đọc')
    .option('--plan <plan>', `${planArgumentHelp(ctx)} (${en ? 'the report\'s plan' : 'kế hoạch của báo cáo'})`, DEFAULT_PLAN)
    .option('--json', `${jsonHelp(ctx)} (${en ? 'one object once listening: the URLs, the store, read-only or not' : 'một đối tượng khi đã lắng nghe: các URL, kho số liệu, chỉ đọc hay không'})`);
  databaseOption(cmd, ctx).action(async (opts: { host: string; port: string; auth?: string; plan: string; database?: string; json?: boolean }) => {
    const plan = await loadPlanRef(ctx, opts.plan);
    await serveStore(ctx, { host: opts.host, port: opts.port, plan, json: opts.json === true, ...(opts.auth === undefined ? {} : { auth: opts.auth }), ...(opts.database === undefined ? {} : { database: opts.database }) });
  });
}

/** What {@link serveStore} serves, and where. */
export interface ServeOptions {
  host: string;
  /** The port as typed (`0`: any free port); checked here. */
  port: string;
  /** The report's plan (the bundled plans are served too). */
  plan: Plan;
  /** `--database` (default `egov-plan.sqlite`). */
  database?: string;
  /** `--auth`: the auth file; without it the API is read-only. */
  auth?: string;
  /** The moment the report is evaluated at (default: the time of each request). */
  at?: AtValue;
  /** A notice the report shows under its title (the demo's "synthetic figures"). */
  notice?: BilingualText;
  /**
   * `--json`: once listening, print one {@link ServingInfo} object (merged into `summary`, the
   * demo's) on standard output instead of the text lines; later messages go to standard error.
   */
  json?: boolean;
  /** Fields printed before `serving` in the `--json` object (the demo's summary). */
  summary?: Record<string, unknown>;
}

/** Where `serve` listens, as `serve --json` prints it under `serving` once the server accepts requests. */
export interface ServingInfo {
  /** The report's address, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** The API's base, `<url>api/v1/`. */
  api: string;
  /** The OpenAPI document, `<url>openapi.json`. */
  openapi: string;
  /** The store served, as shown in messages (a connection string's password masked). */
  database: string;
  /** The report's plan id. */
  plan: string;
  /** No `--auth`: measurements cannot be posted. */
  readOnly: boolean;
  /** Tokens read from the auth file (0 when read-only). */
  tokens: number;
}

/**
 * Serves the API and the report until SIGINT or SIGTERM (or `ctx.io.stop`): what `serve` runs,
 * and `demo` after it has written its store.
 */
export async function serveStore(ctx: CliContext, opts: ServeOptions): Promise<void> {
  const en = ctx.lang === 'en';
  const port = portOf(opts.port);
  const plan = opts.plan;
  const auth = opts.auth === undefined ? null : await authFileAuthorizer(ctx, opts.auth);
  const [{ createServer }, http, { openDatabase }, rules, report] = await Promise.all([import('node:http'), import('@egov-plan/http'), import('../database.js'), import('@egov-plan/rules'), import('@egov-plan/report')]);
  const db = await openDatabase(ctx, opts.database, auth ? 'write' : 'read');
  const bundled = rules.BUNDLED_PLAN_IDS.filter((id) => id !== plan.id).map((id) => rules.bundledPlan(id));
  const api = http.createHandler({ store: db.store, plans: [plan, ...bundled], ...(auth ? { authorize: auth.authorize } : {}), now: () => opts.at?.instant ?? ctx.io.now() });
  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || (url.pathname !== '/' && url.pathname !== '/report')) return api(request);
    const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'vi';
    const instant = opts.at?.instant ?? ctx.io.now();
    const { set, submissions } = await storeReportSources(plan, db.store);
    const { input } = await reportInput(plan, set, opts.at ?? { instant, localDate: rules.taskDate(instant) }, url.searchParams.get('period') ?? undefined, submissions);
    return new Response(report.renderReportHtml(input, { lang, ...(opts.notice ? { notice: opts.notice } : {}) }), { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
  };
  // Slow clients are cut off by node:http too: headers within 10 s, a whole request within 30 s.
  const server = createServer(http.nodeServerOptions(), http.toNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host, () => resolve());
  });
  const address = server.address();
  const shown = typeof address === 'object' && address ? address : { address: opts.host, port };
  const host = shown.address.includes(':') ? `[${shown.address}]` : shown.address;
  const base = `http://${host}:${shown.port}/`;
  // With --json, stdout carries the one object a script reads; the running messages go to stderr.
  const say = opts.json ? err : out;
  if (opts.json) {
    const serving: ServingInfo = { url: base, api: `${base}api/v1/`, openapi: `${base}openapi.json`, database: db.label, plan: plan.id, readOnly: auth === null, tokens: auth?.count ?? 0 };
    ctx.io.stdout(`${JSON.stringify({ ok: true, ...opts.summary, serving })}\n`);
  }
  say(ctx, en ? `Serving ${base} (report), ${base}api/v1/ and ${base}openapi.json on ${db.label}.` : `Đang phục vụ ${base} (báo cáo), ${base}api/v1/ và ${base}openapi.json trên ${db.label}.`);
  say(ctx, auth ? (en ? `Measurements accepted from ${auth.count} token(s).` : `Nhận số liệu từ ${auth.count} mã truy cập.`) : en ? 'Read-only (no --auth).' : 'Chỉ đọc (không có --auth).');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    ctx.io.stop ? ctx.io.stop.addEventListener('abort', stop, { once: true }) : (process.once('SIGINT', stop), process.once('SIGTERM', stop));
  });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
  say(ctx, en ? 'Stopped.' : 'Đã dừng.');
}
