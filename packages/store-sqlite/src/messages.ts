import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/store-sqlite: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of `@egov-plan/store-sqlite`.

/** `store.busy`. */
export const storeBusy = {
  code: 'store.busy',
  vi: 'Cơ sở dữ liệu "{file}" đang bận (một tiến trình khác đang ghi) quá thời gian chờ.',
  en: 'The database "{file}" stayed busy (another process is writing) beyond the busy timeout.',
} as const satisfies IssueMessage;

/** `store.open_failed`. */
export const storeOpenFailed = {
  code: 'store.open_failed',
  vi: '"{file}" không phải một cơ sở dữ liệu SQLite hợp lệ ({detail}).',
  en: '"{file}" is not a valid SQLite database ({detail}).',
} as const satisfies IssueMessage;

/** `store.backend_error`. */
export const storeBackendError = {
  code: 'store.backend_error',
  vi: 'Lỗi SQLite trên "{file}": {detail}',
  en: 'SQLite error on "{file}": {detail}',
} as const satisfies IssueMessage;

/** `store.schema_too_new`. */
export const storeSchemaTooNew = {
  code: 'store.schema_too_new',
  vi: 'Cơ sở dữ liệu "{file}" có lược đồ phiên bản {version}, mới hơn phiên bản {supported} mà gói này đọc được; hãy cập nhật @egov-plan/store-sqlite.',
  en: 'The database "{file}" has schema version {version}, newer than version {supported} this package reads; upgrade @egov-plan/store-sqlite.',
} as const satisfies IssueMessage;

/** `store.not_found`. */
export const storeNotFound = {
  code: 'store.not_found',
  vi: 'Không có cơ sở dữ liệu "{file}".',
  en: 'There is no database "{file}".',
} as const satisfies IssueMessage;
