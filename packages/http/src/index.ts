/**
 * The egov-plan HTTP API for portals to embed: one Fetch-standard handler
 * (`Request → Response`, built with Hono and @hono/zod-openapi) serving plans, targets, the
 * reporting calendar, task statuses, measurements and evaluations under `/api/v1/`, and the
 * OpenAPI 3.1 document generated from the zod schemas at `/openapi.json`. The portal decides who
 * the caller is (`authorize`); thin wrappers mount the handler in node:http and Express.
 * See docs/http.md.
 *
 * @module
 */
export {
  API_RESOURCES,
  createHandler,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PAGE_SIZE,
  type ApiResource,
  type CorsOptions,
  type FetchHandler,
  type HandlerOptions,
  type Principal,
} from './handler.js';
export { errorBody, errorResponse, HttpError, httpError } from './errors.js';
export { BODY_NAME, isJsonContentType, readBodyBytes, readJsonBody, type BodyLimits, type JsonBody } from './body.js';
export { DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, nodeServerOptions, toExpress, toNodeListener, type ExpressLikeRequest, type ExpressNext, type NodeServerLimits } from './node.js';
export * from './schemas.js';
