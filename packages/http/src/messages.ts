import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/http: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of `@egov-plan/http` (request bodies, routes, callers, server options).

/** `http.payload_too_large`. */
export const httpPayloadTooLarge = {
  code: 'http.payload_too_large',
  vi: 'Nội dung yêu cầu quá lớn ({got}); tối đa {max} byte.',
  en: 'The request body is too large ({got}); at most {max} bytes.',
} as const satisfies IssueMessage;

/** `http.request_timeout`. */
export const httpRequestTimeout = {
  code: 'http.request_timeout',
  vi: 'Nội dung yêu cầu không đến đủ trong {ms} ms.',
  en: 'The request body did not arrive within {ms} ms.',
} as const satisfies IssueMessage;

/** `http.unsupported_media_type`. */
export const httpUnsupportedMediaType = {
  code: 'http.unsupported_media_type',
  vi: 'Nội dung yêu cầu phải là application/json, không phải "{type}".',
  en: 'The request body must be application/json, not "{type}".',
} as const satisfies IssueMessage;

/** `http.unsupported_media_type` (missing): a body without a `Content-Type` header. */
export const httpUnsupportedMediaTypeMissing = {
  code: 'http.unsupported_media_type',
  vi: 'Nội dung yêu cầu phải là application/json; yêu cầu không có tiêu đề Content-Type.',
  en: 'The request body must be application/json; the request has no Content-Type header.',
} as const satisfies IssueMessage;

/** `http.invalid_parameter` (cursor). */
export const httpInvalidParameterCursor = {
  code: 'http.invalid_parameter',
  vi: 'Con trỏ trang "{cursor}" không hợp lệ.',
  en: 'The page cursor "{cursor}" is not valid.',
} as const satisfies IssueMessage;

/** `http.unauthorized`. */
export const httpUnauthorized = {
  code: 'http.unauthorized',
  vi: 'Cần đăng nhập để đọc {resource}.',
  en: 'Reading {resource} needs a signed-in caller.',
} as const satisfies IssueMessage;

/** `http.unauthorized` (submit). */
export const httpUnauthorizedSubmit = {
  code: 'http.unauthorized',
  vi: 'Cần đăng nhập để gửi số liệu.',
  en: 'Submitting measurements needs a signed-in caller.',
} as const satisfies IssueMessage;

/** `http.not_found` (plan). */
export const httpNotFoundPlan = {
  code: 'http.not_found',
  vi: 'Không có kế hoạch "{plan}".',
  en: 'There is no plan "{plan}".',
} as const satisfies IssueMessage;

/** `http.not_found`. */
export const httpNotFound = {
  code: 'http.not_found',
  vi: 'Không có đường dẫn {method} {path}.',
  en: 'No route {method} {path}.',
} as const satisfies IssueMessage;

/** `http.forbidden` (reader). */
export const httpForbiddenReader = {
  code: 'http.forbidden',
  vi: 'Người gọi chỉ có quyền đọc.',
  en: 'The caller may only read.',
} as const satisfies IssueMessage;

/** `http.forbidden`. */
export const httpForbidden = {
  code: 'http.forbidden',
  vi: 'Người gọi không được gửi số liệu cho "{orgUnit}".',
  en: 'The caller may not submit measurements for "{orgUnit}".',
} as const satisfies IssueMessage;

// A request Hono itself refused (an `HTTPException`): one template, under the code of its status.
const badRequest = {
  vi: 'Yêu cầu không hợp lệ: {detail}',
  en: 'Bad request: {detail}',
} as const;

/** `http.invalid_parameter` (bad_request): a request Hono refused with a 4xx other than 413 and 415. */
export const httpInvalidParameterBadRequest = { code: 'http.invalid_parameter', ...badRequest } as const satisfies IssueMessage;

/** `http.payload_too_large` (bad_request): a request Hono refused with 413. */
export const httpPayloadTooLargeBadRequest = { code: 'http.payload_too_large', ...badRequest } as const satisfies IssueMessage;

/** `http.unsupported_media_type` (bad_request): a request Hono refused with 415. */
export const httpUnsupportedMediaTypeBadRequest = { code: 'http.unsupported_media_type', ...badRequest } as const satisfies IssueMessage;

/** `http.internal_error`. */
export const httpInternalError = {
  code: 'http.internal_error',
  vi: 'Lỗi máy chủ; chi tiết đã được ghi nhật ký.',
  en: 'Server error; the details were logged.',
} as const satisfies IssueMessage;

/** `http.internal_error` (unknown). */
export const httpInternalErrorUnknown = {
  code: 'http.internal_error',
  vi: 'Lỗi không xác định.',
  en: 'Unknown error.',
} as const satisfies IssueMessage;

/** `usage.invalid_option` (node_timeout). */
export const usageInvalidOptionNodeTimeout = {
  code: 'usage.invalid_option',
  vi: 'nodeServerOptions: {name} phải là số nguyên dương mili giây, không phải {value}.',
  en: 'nodeServerOptions: {name} must be a positive integer of milliseconds, not {value}.',
} as const satisfies IssueMessage;

/** `usage.invalid_option` (node_timeouts). */
export const usageInvalidOptionNodeTimeouts = {
  code: 'usage.invalid_option',
  vi: 'nodeServerOptions: headersTimeoutMs ({headersTimeout}) không được lớn hơn requestTimeoutMs ({requestTimeout}).',
  en: 'nodeServerOptions: headersTimeoutMs ({headersTimeout}) must not exceed requestTimeoutMs ({requestTimeout}).',
} as const satisfies IssueMessage;
