import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { FetchHandler } from './handler.js';

// Thin wrappers: node:http and Express hand the request to the one Fetch handler.

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
