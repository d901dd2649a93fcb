import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/report: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of `@egov-plan/report`'s PDF rendering.

/** `usage.missing_dependency`. */
export const usageMissingDependency = {
  code: 'usage.missing_dependency',
  vi: 'Cần cài gói playwright-core để xuất PDF (npm install playwright-core).',
  en: 'Install playwright-core to render PDF (npm install playwright-core).',
} as const satisfies IssueMessage;

/** `usage.chromium_not_found`. */
export const usageChromiumNotFound = {
  code: 'usage.chromium_not_found',
  vi: 'Không tìm thấy Chromium (đã tìm {paths}); cài gói chromium hoặc đặt biến EGOV_PLAN_CHROMIUM.',
  en: 'Chromium was not found (looked in {paths}); install the chromium package or set EGOV_PLAN_CHROMIUM.',
} as const satisfies IssueMessage;
