import type { IncomingMessage, RequestListener, ServerOptions, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { EgovPlanError, issueFrom } from '@egov-plan/core';
import type { FetchHandler } from './handler.js';
import * as MSG from './messages.js';

// Thin wrappers: node:http and Express hand the request to the one Fetch handler.

/** How long a client may take to send its request headers, by default: 10 s. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** How long a client may take to send its whole request, by default: 30 s. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The time limits of {@link nodeServerOptions}, in milliseconds. */
export interface NodeServerLimits {
  /** Headers must arrive within this time (default {@link DEFAULT_HEADERS_TIMEOUT_MS}). */
  headersTimeoutMs?: number;
  /** The whole request must arrive within this time (default {@link DEFAULT_REQUEST_TIMEOUT_MS}). */
  requestTimeoutMs?: number;
}

/**
 * Options for node:http's `createServer` that cut off slow clients: a client that trickles its
 * headers (slowloris) gets `408 Request Timeout` and is disconnected after `headersTimeoutMs`, one
 * that trickles its request after `requestTimeoutMs`. node:http checks these limits only every
 * `connectionsCheckingInterval` (30 s by default, so a limit could be overrun by up to 30 s); the
 * interval is set to a quarter of the shorter limit. The handler's own body limits
 * (`maxBodyBytes`, `bodyTimeoutMs`) apply on top. Limits that are not positive integers, or a
 * headers limit above the request limit, throw an `EgovPlanError` (`usage.invalid_option`).
 *
 * @example
 * ```ts
 * createServer(nodeServerOptions(), toNodeListener(createHandler({ store }))).listen(8080, '127.0.0.1');
 * ```
 */
export function nodeServerOptions(limits: NodeServerLimits = {}): ServerOptions {
  const headersTimeout = limits.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = limits.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  for (const [name, v] of [['headersTimeoutMs', headersTimeout], ['requestTimeoutMs', requestTimeout]] as const)
    if (!Number.isInteger(v) || v <= 0)
      throw new EgovPlanError([issueFrom(MSG.usageInvalidOptionNodeTimeout, `/${name}`, { name, value: String(v) })]);
  if (headersTimeout > requestTimeout)
    throw new EgovPlanError([issueFrom(MSG.usageInvalidOptionNodeTimeouts, '/headersTimeoutMs', { headersTimeout, requestTimeout })]);
  return { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(10, Math.floor(headersTimeout / 4)) };
}

/**
 * A node:http request listener serving a Fetch handler (through @hono/node-server): the request
 * becomes a `Request` (its body a stream read only as far as the handler's limits allow), the
 * `Response` is written back, streamed.
 *
 * @example
 * ```ts
 * createServer(toNodeListener(createHandler({ store }))).listen(8080, '127.0.0.1');
 * ```
 */
export function toNodeListener(handler: FetchHandler): RequestListener {
  const listener = getRequestListener(handler);
  return (req, res) => void listener(req, res);
}

/** The request Express hands a middleware: node's, with the URL before Express stripped the mount path (`originalUrl`). */
export type ExpressLikeRequest = IncomingMessage & { originalUrl?: string };

/** Express's `next`. */
export type ExpressNext = (error?: unknown) => void;

/**
 * Express middleware serving a Fetch handler. Mount it at the application's root (or on a
 * path equal to the handler's `basePath`), before any body parser: the handler reads and limits
 * the body itself. Requests outside the handler's routes (`/api/…`, `/openapi.json` under its
 * `basePath`) go on to the next middleware.
 *
 * @example
 * ```ts
 * app.use(toExpress(createHandler({ store })));
 * ```
 */
export function toExpress(handler: FetchHandler, options: { basePath?: string } = {}): (req: ExpressLikeRequest, res: ServerResponse, next: ExpressNext) => void {
  const base = (options.basePath ?? '').replace(/\/+$/u, '');
  const listener = getRequestListener(handler);
  return (req, res, next) => {
    const url = req.originalUrl ?? req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    if (!(path.startsWith(`${base}/api/`) || path === `${base}/openapi.json`)) {
      next();
      return;
    }
    req.url = url;
    listener(req, res).catch(next);
  };
}
