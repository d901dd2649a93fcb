import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import {
  Evaluation,
  fromZodIssue,
  isEgovPlanError,
  isLocalDate,
  issueFrom,
  isWarning,
  Plan as PlanSchema,
  PlanTaskStatuses,
  revisionFromImports,
  ReportingCalendarSnapshot,
  type Awaitable,
  type Issue,
  type MeasurementStore,
  type Plan,
  type StoredMeasurement,
  type TargetResult,
} from '@egov-plan/core';
import {
  bundledPlan,
  bundledSource,
  BUNDLED_PLAN_IDS,
  calendarOf,
  evaluate,
  evaluateFromStore,
  importMeasurementSet,
  parseInstant,
  parseRuleFileText,
  periodById,
  planTaskStatuses,
  prepareMeasurements,
  reportingCalendarAt,
  safeResolvePlanSync,
  taskDate,
} from '@egov-plan/rules';
import { BODY_NAME, readJsonBody, type JsonBody } from './body.js';
import { errorResponse, HttpError, httpErrorFrom } from './errors.js';
import {
  ApiError,
  AtQuery,
  EvaluateRequest,
  EvaluationPage,
  EvaluationsQuery,
  MeasurementImportResult,
  MeasurementPage,
  MeasurementsQuery,
  MeasurementSubmission,
  PlanList,
  PlanParams,
  PlanTargets,
  TasksQuery,
  ValidationReport,
} from './schemas.js';
import * as MSG from './messages.js';

/** What the API lets a caller do, by resource; anonymous callers read only what {@link HandlerOptions.anonymous} lists. */
export type ApiResource = 'plans' | 'calendar' | 'tasks' | 'measurements' | 'evaluations' | 'validate';

/** Every resource a caller can read. */
export const API_RESOURCES: readonly ApiResource[] = Object.freeze(['plans', 'calendar', 'tasks', 'measurements', 'evaluations', 'validate']);

/**
 * Who the embedding portal says the caller is. `agencies` are the org unit ids (agency ids or
 * administrative unit codes) the caller reports for; `role` decides what it may write:
 * `reader` nothing, `reporter` measurements of its own agencies, `admin` measurements of any.
 */
export interface Principal {
  agencies: readonly string[];
  role: 'reader' | 'reporter' | 'admin';
  /** Recorded as the import's `importedBy` (default: the agencies, comma-separated). */
  id?: string;
}

/** The CORS policy the portal sets (none by default: browsers of other origins are refused). */
export interface CorsOptions {
  /** Allowed origins, or `*`. */
  origins: readonly string[] | '*';
  /** Send `Access-Control-Allow-Credentials: true` (not with `*`). */
  credentials?: boolean;
  /** Seconds a browser may cache a preflight answer (default 600). */
  maxAgeSeconds?: number;
}

/** Options of {@link createHandler}. */
export interface HandlerOptions {
  /** Where measurements are read and written. */
  store: MeasurementStore;
  /** The plans served (resolved). Default: every bundled plan. */
  plans?: readonly Plan[];
  /**
   * Who the caller is, decided by the portal from the request (a session cookie, a bearer
   * token…); null for an anonymous caller. Default: everyone is anonymous.
   */
  authorize?: (request: Request) => Awaitable<Principal | null>;
  /** What anonymous callers may read (a 401 otherwise): `read` (default) every resource, `none` nothing, or a list. */
  anonymous?: 'read' | 'none' | readonly ApiResource[];
  /** CORS headers for browsers of other origins. */
  cors?: CorsOptions;
  /** Most bytes of a request body (default 1 MiB). */
  maxBodyBytes?: number;
  /** Most milliseconds to receive a request body (default 10 000). */
  bodyTimeoutMs?: number;
  /** Prefix of every route, e.g. `/egov` (default: none). */
  basePath?: string;
  /**
   * The store's revision for a plan: evaluations are cached until it changes. Default: the
   * store's `revision(plan)` (or, for a store without it, derived from the plan's imports: their
   * number, the last id, the retractions), so writes by other processes are seen too.
   */
  revision?: (plan: string) => Awaitable<string>;
  /** The clock (default: the system's). */
  now?: () => Date;
  /** Receives the failures answered with 500 (default: `console.error`); the caller sees only `http.internal_error`. */
  onError?: (error: unknown, request: Request) => void;
}

/** A Fetch-standard request handler: `Request → Promise<Response>`. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Default of {@link HandlerOptions.maxBodyBytes}. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Default of {@link HandlerOptions.bodyTimeoutMs}. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
/** Items per page when `limit` is not given. */
export const DEFAULT_PAGE_SIZE = 100;

const CACHE_ENTRIES = 256;

// A resolved plan never has the rule-file fields (`z.never()` in core, which OpenAPI cannot express).
const PlanDocument = PlanSchema.omit({ extends: true, addTargets: true }).openapi('Plan');

interface Vars {
  Variables: { principal: Principal | null; body: JsonBody | undefined };
}

const json = { 'content-type': 'application/json; charset=utf-8' };

function errorResponses(...statuses: number[]) {
  const described: Record<number, string> = {
    400: 'Malformed JSON, a body or parameter that does not fit its schema.',
    401: 'No caller, where one is needed.',
    403: 'The caller may not do this.',
    404: 'No such plan.',
    408: 'The body did not arrive in time.',
    413: 'The body is too large.',
    415: 'The body is not JSON.',
    422: 'The rows or the rule file contradict the plan (nothing written).',
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: described[s] ?? 'Error.', content: { 'application/json': { schema: ApiError } } }]));
}

const ok = <T extends z.ZodType>(schema: T, description: string, etag = false) => ({
  200: { description, content: { 'application/json': { schema } }, ...(etag ? { headers: z.object({ ETag: z.string().openapi({ description: 'Strong validator; send it back as If-None-Match for a 304.' }) }) } : {}) },
  ...(etag ? { 304: { description: 'Not modified (If-None-Match matched the ETag).' } } : {}),
});

const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'egov-plan API',
    version: '1',
    description:
      "Vietnam's provincial e-government action plans: plans, targets, the reporting calendar, task statuses, measurements and evaluations. Errors are `{ ok: false, error: { code, issues } }`; each issue has a code (docs/errors.md), a JSON pointer into the request and a message in Vietnamese and English.",
  },
};

/**
 * zod-to-openapi writes a regular expression's flags after its source (`^a+$/u`); JSON Schema
 * patterns have no flags (and are Unicode-aware already), so they are dropped.
 */
function fixPatterns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fixPatterns);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'pattern' && typeof v === 'string' ? v.replace(/(?<!\\)\/[dgimsuvy]+$/u, '') : fixPatterns(v);
  return out;
}

function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** True when `If-None-Match` lists `etag` (weak comparison, as RFC 9110 asks for GET). */
function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//u, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//u, '') === bare);
}

function respond(request: Request, body: string, etag?: string, status = 200): Response {
  if (etag !== undefined) {
    if (notModified(request, etag)) return new Response(null, { status: 304, headers: { etag, 'cache-control': 'no-cache' } });
    return new Response(body, { status, headers: { ...json, etag, 'cache-control': 'no-cache' } });
  }
  return new Response(body, { status, headers: { ...json, 'cache-control': 'no-store' } });
}

/** A small map that forgets its oldest entries. */
class Lru<V> {
  readonly #map = new Map<string, V>();
  constructor(readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.size) this.#map.delete(this.#map.keys().next().value as string);
  }
}

async function collect<T>(rows: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  if (Array.isArray(rows)) return rows;
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/**
 * The store's revision of a plan: its own `revision` (one cheap query in the SQL stores), or
 * computed from its imports. Any import or retraction changes it.
 */
async function storeRevision(store: MeasurementStore, plan: string): Promise<string> {
  return store.revision ? store.revision(plan) : revisionFromImports(await store.imports(plan));
}

function prefixed(issues: readonly Issue[], prefix: string): Issue[] {
  return issues.map((i) => ({ ...i, pointer: `${prefix}${i.pointer}` }));
}

function pageOf<T>(items: readonly T[], limit: number | undefined, cursor: string | undefined): { items: T[]; page: { total: number; limit: number; next: string | null } } {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  let start = 0;
  if (cursor !== undefined) {
    if (!/^\d{1,9}$/u.test(cursor) || Number(cursor) > items.length) {
      throw httpErrorFrom(400, MSG.httpInvalidParameterCursor, '/query/cursor', { cursor });
    }
    start = Number(cursor);
  }
  const end = Math.min(items.length, start + size);
  return { items: items.slice(start, end), page: { total: items.length, limit: size, next: end < items.length ? String(end) : null } };
}

/**
 * The egov-plan HTTP API as one Fetch-standard handler. Routes under `/api/v1/`: plans, a plan,
 * its targets, its reporting calendar and task statuses at a date, measurements (GET a page of
 * the values in force; POST a submission, checked against the plan and written with its
 * provenance in one batch, or nothing), evaluations (a page of verdicts for a period and org
 * unit), and `POST /api/v1/validate` and `/api/v1/evaluate` for rule files that may extend
 * bundled plans only. The OpenAPI 3.1 document, generated from the zod schemas, is at
 * `/openapi.json`. Errors are `{ ok: false, error: { code, issues } }` with a 4xx status.
 *
 * @example
 * ```ts
 * const handler = createHandler({ store: openSqliteStore('egov-plan.sqlite'), authorize: (req) => portalSession(req) });
 * createServer(toNodeListener(handler)).listen(8080, '127.0.0.1');
 * ```
 */
export function createHandler(options: HandlerOptions): FetchHandler {
  const { store } = options;
  const base = (options.basePath ?? '').replace(/\/+$/u, '');
  const limits = { maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, timeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS };
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? ((e: unknown) => console.error(e));
  const plans = new Map<string, Plan>((options.plans ?? BUNDLED_PLAN_IDS.map((id) => bundledPlan(id))).map((p) => [p.id, p]));
  const revisionOf = options.revision ?? ((plan: string) => storeRevision(store, plan));
  const anonymous = options.anonymous ?? 'read';
  const staticBodies = new Map<string, { body: string; etag: string }>();
  const evaluations = new Lru<{ revision: string; evaluation: Promise<Evaluation> }>(CACHE_ENTRIES);
  const pages = new Lru<{ revision: string; body: string; etag: string }>(CACHE_ENTRIES * 4);

  const app = new OpenAPIHono<Vars>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? '' : `/${result.target === 'param' ? 'params' : result.target}`;
        throw new HttpError(400, result.error.issues.flatMap((zi) => prefixed(fromZodIssue(zi as never, (result as { data?: unknown }).data), where)));
      }
      return undefined;
    },
  });

  app.onError((e, c) => {
    if (e instanceof HttpError) return errorResponse(e.status, e.issues, e.headers);
    if (isEgovPlanError(e)) return errorResponse(400, e.issues);
    if (e instanceof HTTPException && e.status < 500) {
      const id = e.status === 415 ? MSG.httpUnsupportedMediaTypeBadRequest : e.status === 413 ? MSG.httpPayloadTooLargeBadRequest : MSG.httpInvalidParameterBadRequest;
      return errorResponse(e.status, [issueFrom(id, '', { detail: e.message })]);
    }
    onError(e, c.req.raw);
    return errorResponse(500, [issueFrom(MSG.httpInternalError, '', {})]);
  });
  app.notFound((c) => errorResponse(404, [issueFrom(MSG.httpNotFound, '', { method: c.req.method, path: new URL(c.req.url).pathname })]));

  if (options.cors) {
    const c = options.cors;
    app.use(`${base}/*`, cors({ origin: c.origins === '*' ? '*' : [...c.origins], credentials: c.credentials === true, maxAge: c.maxAgeSeconds ?? 600, allowHeaders: ['content-type', 'authorization', 'if-none-match'], exposeHeaders: ['etag'] }));
  }

  app.use(`${base}/api/*`, async (c, next) => {
    c.set('principal', options.authorize ? await options.authorize(c.req.raw) : null);
    if (c.req.method === 'POST') {
      const body = await readJsonBody(c.req.raw, limits);
      c.set('body', body);
      // The validators read the parsed body from Hono's cache instead of the stream (read once, above).
      (c.req as unknown as { bodyCache: Record<string, unknown> }).bodyCache.json = Promise.resolve(body.document.value);
    }
    await next();
  });

  const mayRead = (principal: Principal | null, resource: ApiResource): void => {
    if (principal) return;
    if (anonymous === 'read' || (anonymous !== 'none' && anonymous.includes(resource))) return;
    throw httpErrorFrom(401, MSG.httpUnauthorized, '', { resource }, { 'www-authenticate': 'Bearer' });
  };
  const planOf = (id: string): Plan => {
    const plan = plans.get(id);
    if (!plan) throw httpErrorFrom(404, MSG.httpNotFoundPlan, '/params/plan', { plan: id });
    return plan;
  };
  const staticBody = (key: string, make: () => unknown) => {
    let s = staticBodies.get(key);
    if (!s) {
      const body = JSON.stringify(make());
      s = { body, etag: strongEtag(body) };
      staticBodies.set(key, s);
    }
    return s;
  };
  const instantOf = (text: string | undefined, pointer: string): { instant: Date; date: string } => {
    if (text === undefined) {
      const instant = now();
      return { instant, date: taskDate(instant) };
    }
    try {
      const instant = parseInstant(text);
      return { instant, date: isLocalDate(text.trim()) ? text.trim() : taskDate(instant) };
    } catch (e) {
      if (isEgovPlanError(e)) throw new HttpError(400, prefixed(e.issues, pointer));
      throw e;
    }
  };

  const v1 = `${base}/api/v1`;
  const tag = (name: string) => [name];

  app.openapi(
    createRoute({ method: 'get', path: `${v1}/plans`, tags: tag('plans'), summary: 'The plans served', responses: { ...ok(PlanList, 'Every plan the API serves.'), ...errorResponses(401) } }),
    (c) => {
      mayRead(c.get('principal'), 'plans');
      const s = staticBody('plans', () => ({ plans: [...plans.values()].map((p) => ({ id: p.id, number: p.number, date: p.date, title: p.title, issuer: p.issuer.name })) }));
      return respond(c.req.raw, s.body, s.etag);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: `${v1}/plans/{plan}`, tags: tag('plans'), summary: 'One plan, whole and resolved', request: { params: PlanParams }, responses: { ...ok(PlanDocument, 'The resolved plan.', true), ...errorResponses(401, 404) } }),
    (c) => {
      mayRead(c.get('principal'), 'plans');
      const plan = planOf(c.req.valid('param').plan);
      const s = staticBody(`plan:${plan.id}`, () => plan);
      return respond(c.req.raw, s.body, s.etag);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: `${v1}/plans/{plan}/targets`, tags: tag('plans'), summary: "A plan's targets", request: { params: PlanParams }, responses: { ...ok(PlanTargets, 'Every target with its indicator.', true), ...errorResponses(401, 404) } }),
    (c) => {
      mayRead(c.get('principal'), 'plans');
      const plan = planOf(c.req.valid('param').plan);
      const s = staticBody(`targets:${plan.id}`, () => ({ plan: plan.id, targets: plan.indicators.flatMap((i) => i.targets.map((target) => ({ indicator: i.id, target }))) }));
      return respond(c.req.raw, s.body, s.etag);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${v1}/plans/{plan}/calendar`,
      tags: tag('calendar'),
      summary: 'What is due, by whom, when',
      request: { params: PlanParams, query: AtQuery },
      responses: { ...ok(ReportingCalendarSnapshot, 'The reporting period at the instant and its deadlines.'), ...errorResponses(400, 401, 404) },
    }),
    (c) => {
      mayRead(c.get('principal'), 'calendar');
      const plan = planOf(c.req.valid('param').plan);
      const { instant } = instantOf(c.req.valid('query').at, '/query/at');
      return respond(c.req.raw, JSON.stringify(reportingCalendarAt(plan, instant)));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${v1}/plans/{plan}/tasks`,
      tags: tag('tasks'),
      summary: "The status of each of a plan's tasks at a date",
      description: 'Completion evidence recorded in the store (done) counts; otherwise the status follows the timeframes.',
      request: { params: PlanParams, query: TasksQuery },
      responses: { ...ok(PlanTaskStatuses, 'One status per task, in plan order.'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      mayRead(c.get('principal'), 'tasks');
      const plan = planOf(c.req.valid('param').plan);
      const query = c.req.valid('query');
      const { date } = instantOf(query.at, '/query/at');
      const progress = new Map<string, string>();
      for (const e of await store.taskEvidence({ plan: plan.id })) {
        const known = progress.get(e.task);
        if (e.done && e.date <= date && (known === undefined || e.date < known)) progress.set(e.task, e.date);
      }
      const tasks = planTaskStatuses(plan, date, { progress, ...(query.agency === undefined ? {} : { agency: query.agency }) });
      return respond(c.req.raw, JSON.stringify(tasks));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${v1}/plans/{plan}/measurements`,
      tags: tag('measurements'),
      summary: 'The measurement values in force, one page',
      request: { params: PlanParams, query: MeasurementsQuery },
      responses: { ...ok(MeasurementPage, 'The values in force (latest revision of each measurement), ordered by indicator, org unit, period.'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      mayRead(c.get('principal'), 'measurements');
      const plan = planOf(c.req.valid('param').plan);
      const q = c.req.valid('query');
      const rows: StoredMeasurement[] = await collect(
        await store.currentValues({ plan: plan.id, ...(q.indicator === undefined ? {} : { indicator: q.indicator }), ...(q.orgUnit === undefined ? {} : { orgUnit: q.orgUnit }), ...(q.period === undefined ? {} : { period: q.period }) }),
      );
      rows.sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.orgUnit < b.orgUnit ? -1 : a.orgUnit > b.orgUnit ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
      const { items, page } = pageOf(rows, q.limit, q.cursor);
      return respond(c.req.raw, JSON.stringify({ plan: plan.id, measurements: items, page }));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${v1}/plans/{plan}/measurements`,
      tags: tag('measurements'),
      summary: 'Submit measurements (all or nothing)',
      description:
        'The rows are checked against the plan (as a JSON measurements file is); any problem refuses the whole submission (422, every issue listed) and nothing is written. A caller may submit for its own agencies only (403), an admin for any.',
      request: { params: PlanParams, body: { required: true, content: { 'application/json': { schema: MeasurementSubmission } } } },
      responses: {
        201: { description: 'Written, with its provenance.', content: { 'application/json': { schema: MeasurementImportResult } } },
        ...errorResponses(400, 401, 403, 404, 408, 413, 415, 422),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      if (!principal) throw httpErrorFrom(401, MSG.httpUnauthorizedSubmit, '', {}, { 'www-authenticate': 'Bearer' });
      const plan = planOf(c.req.valid('param').plan);
      const submission = c.req.valid('json');
      if (principal.role === 'reader') throw httpErrorFrom(403, MSG.httpForbiddenReader, '', {});
      if (principal.role !== 'admin') {
        const own = new Set(principal.agencies);
        const foreign = submission.measurements.flatMap((m, i) =>
          own.has(m.orgUnit)
            ? []
            : [issueFrom(MSG.httpForbidden, `/measurements/${i}/orgUnit`, { orgUnit: m.orgUnit }, { file: BODY_NAME })],
        );
        if (foreign.length) throw new HttpError(403, foreign);
      }
      const set = prepareMeasurements(plan, submission.measurements, { file: BODY_NAME });
      // The issues of the rows, pointing into the request body (with its line and column when it was read as text).
      const document = c.get('body')?.document;
      const located = (issues: Issue[]) => prefixed(issues, '/measurements').map((i) => (document ? { ...i, ...document.locate(i.pointer) } : i));
      const errors = set.issues.filter((i) => !isWarning(i));
      if (errors.length) throw new HttpError(422, located(errors));
      const done = await importMeasurementSet(store, set, { plan: plan.id, file: submission.file ?? 'http', importedBy: principal.id ?? principal.agencies.join(',') });
      // Accepted rows are not taken silently: the warnings (an org unit the plan does not list) go back with the result.
      const warnings = located(set.issues.filter(isWarning));
      return respond(c.req.raw, JSON.stringify({ ok: true, importId: done.importId, rows: done.rows, revisions: done.revisions, unchanged: done.unchanged, ...(warnings.length ? { warnings } : {}) }), undefined, 201) as never;
    },
  );

  // Resolving the plan's calendar costs more than answering a cached page: period ends are kept.
  const periodEnds = new Lru<string>(CACHE_ENTRIES * 4);
  const periodEnd = (plan: Plan, period: string): string => {
    const key = `${plan.id}\u0000${period}`;
    let end = periodEnds.get(key);
    if (end === undefined) {
      try {
        end = periodById(period, calendarOf(plan)).end;
      } catch (e) {
        if (isEgovPlanError(e)) throw new HttpError(400, prefixed(e.issues, '/query/period'));
        throw e;
      }
      periodEnds.set(key, end);
    }
    return end;
  };

  const evaluationAt = async (plan: Plan, at: string | undefined, revision: string): Promise<Evaluation> => {
    const key = `${plan.id}\u0000${at ?? ''}`;
    const hit = evaluations.get(key);
    if (hit && hit.revision === revision) return hit.evaluation;
    const evaluation = evaluateFromStore(plan, store, at === undefined ? {} : { at });
    evaluations.set(key, { revision, evaluation });
    evaluation.catch(() => evaluations.set(key, { revision: '\u0000failed', evaluation }));
    return evaluation;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: `${v1}/plans/{plan}/evaluations`,
      tags: tag('evaluations'),
      summary: 'Verdicts on the targets for a period (and org unit), one page',
      description: 'Evaluated from the store at the last day of `period` (or at `at`); cached until the store changes.',
      request: { params: PlanParams, query: EvaluationsQuery },
      responses: { ...ok(EvaluationPage, 'One page of verdicts; the summary counts every page.', true), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      mayRead(c.get('principal'), 'evaluations');
      const plan = planOf(c.req.valid('param').plan);
      const q = c.req.valid('query');
      let at = q.at === undefined ? undefined : instantOf(q.at, '/query/at').date;
      if (q.period !== undefined) at = periodEnd(plan, q.period);
      const revision = await revisionOf(plan.id);
      const key = `${plan.id}\u0000${at ?? ''}\u0000${q.period ?? ''}\u0000${q.orgUnit ?? ''}\u0000${q.status ?? ''}\u0000${q.limit ?? ''}\u0000${q.cursor ?? ''}`;
      const hit = pages.get(key);
      if (hit && hit.revision === revision) return respond(c.req.raw, hit.body, hit.etag);
      const evaluation = await evaluationAt(plan, at, revision);
      const selected = evaluation.results.filter((r: TargetResult) => (q.orgUnit === undefined || r.orgUnit === q.orgUnit) && (q.status === undefined || r.status === q.status));
      const summary = { met: 0, 'not-met': 0, 'no-data': 0, 'not-applicable': 0 };
      for (const r of selected) summary[r.status]++;
      const { items, page } = pageOf(selected, q.limit, q.cursor);
      const body = JSON.stringify({ plan: plan.id, at: evaluation.at, period: q.period ?? null, phases: evaluation.phases, summary, results: items, page });
      const etag = strongEtag(body);
      pages.set(key, { revision, body, etag });
      return respond(c.req.raw, body, etag);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${v1}/validate`,
      tags: tag('rule files'),
      summary: 'Validate a rule file',
      description: '`extends` may name bundled plan ids only: a path is refused (`rules.path_not_allowed`) and never read.',
      request: { body: { required: true, content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'A rule file (docs/rules.md).' }) } } } },
      responses: { ...ok(ValidationReport, 'What validation found (ok: false with the issues when the file is invalid).'), ...errorResponses(400, 401, 408, 413, 415) },
    }),
    (c) => {
      mayRead(c.get('principal'), 'validate');
      const text = (c.get('body') as JsonBody).text;
      const parsed = parseRuleFileText(text, { file: BODY_NAME });
      const result = parsed.ok ? safeResolvePlanSync(parsed.ruleFile, { source: bundledSource(), document: parsed.document, name: BODY_NAME }) : parsed;
      return respond(c.req.raw, JSON.stringify({ ok: result.ok, plan: result.ok ? result.value.id : null, issues: result.issues }));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${v1}/evaluate`,
      tags: tag('rule files'),
      summary: 'Evaluate measurements against a posted rule file',
      description: 'Nothing is stored. `extends` may name bundled plan ids only (a path is refused, 422).',
      request: { body: { required: true, content: { 'application/json': { schema: EvaluateRequest } } } },
      responses: { ...ok(Evaluation, 'The verdicts, with the issues of the rows left out.'), ...errorResponses(400, 401, 408, 413, 415, 422) },
    }),
    (c) => {
      mayRead(c.get('principal'), 'validate');
      const req = c.req.valid('json');
      const resolved = safeResolvePlanSync(req.ruleFile, { source: bundledSource(), name: BODY_NAME });
      if (!resolved.ok) {
        const document = c.get('body')?.document;
        throw new HttpError(422, prefixed(resolved.issues, '/ruleFile').map((i) => (document ? { ...i, ...document.locate(i.pointer) } : i)));
      }
      const set = prepareMeasurements(resolved.value, req.measurements, { file: BODY_NAME });
      set.issues = prefixed(set.issues, '/measurements');
      return respond(c.req.raw, JSON.stringify(evaluate(resolved.value, set, req.at === undefined ? {} : { at: req.at })));
    },
  );

  let openapi: string | undefined;
  app.get(`${base}/openapi.json`, (c) => {
    openapi ??= JSON.stringify(fixPatterns(app.getOpenAPI31Document(OPENAPI_CONFIG)));
    return respond(c.req.raw, openapi, strongEtag(openapi));
  });

  return async (request) => app.fetch(request);
}
