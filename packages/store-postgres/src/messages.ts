import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/store-postgres: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of `@egov-plan/store-postgres` (`{server}` names the server, database and user, never the password).

/** `store.connection_failed`. */
export const storeConnectionFailed = {
  code: 'store.connection_failed',
  vi: 'Không kết nối được PostgreSQL {server}: {detail}',
  en: 'Could not connect to PostgreSQL {server}: {detail}',
} as const satisfies IssueMessage;

/** `store.backend_error`. */
export const storeBackendError = {
  code: 'store.backend_error',
  vi: 'Lỗi PostgreSQL trên {server}: {detail}',
  en: 'PostgreSQL error on {server}: {detail}',
} as const satisfies IssueMessage;

/** `store.not_found`. */
export const storeNotFound = {
  code: 'store.not_found',
  vi: 'Không có kho egov-plan trong lược đồ "{schema}" của {server}.',
  en: 'There is no egov-plan store in schema "{schema}" of {server}.',
} as const satisfies IssueMessage;

/** `store.schema_too_new`. */
export const storeSchemaTooNew = {
  code: 'store.schema_too_new',
  vi: 'Lược đồ "{schema}" có phiên bản {version}, mới hơn phiên bản {supported} mà gói này đọc được; hãy cập nhật @egov-plan/store-postgres.',
  en: 'Schema "{schema}" has version {version}, newer than version {supported} this package reads; upgrade @egov-plan/store-postgres.',
} as const satisfies IssueMessage;

/** `store.invalid_schema`. */
export const storeInvalidSchema = {
  code: 'store.invalid_schema',
  vi: 'Lược đồ {schema} trong chuỗi kết nối (options=-csearch_path=…) không dùng được: cần đúng một tên gồm chữ thường a-z, chữ số và dấu _, không bắt đầu bằng chữ số, tối đa 63 ký tự (ví dụ options=-csearch_path%3Dkontum).',
  en: 'Schema {schema} in the connection string (options=-csearch_path=…) cannot be used: it must be exactly one name of lower-case letters a-z, digits and _, not starting with a digit, at most 63 characters (e.g. options=-csearch_path%3Dkontum).',
} as const satisfies IssueMessage;
