import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/tabular: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The XLSX reader (xlsx.ts, xlsx-stream.ts) and the zip checks (zip.ts) still word their issues
// inline (`issue(code, pointer, vi, en)`): they were rewritten for streaming at the same time.

// The messages of `@egov-plan/tabular`'s imports (`importMeasurements`, import.ts).

/** `file.too_large` (measurements). */
export const fileTooLargeMeasurements = {
  code: 'file.too_large',
  vi: 'Tệp số liệu quá lớn (tối đa {max} byte).',
  en: 'The measurements file is too large (at most {max} bytes).',
} as const satisfies IssueMessage;

/** `workbook.rejected`. */
export const workbookRejected = {
  code: 'workbook.rejected',
  vi: 'Tệp {file}: {rejected} trong {rows} dòng bị từ chối; không nhập gì của tệp. Sửa các dòng dưới đây rồi nhập lại.',
  en: 'File {file}: {rejected} of {rows} rows refused; nothing of the file is imported. Correct the rows below and import it again.',
} as const satisfies IssueMessage;

// The messages of `@egov-plan/tabular`'s backups (`dumpStore`, `parseDump`, dump.ts).

/** `usage.invalid_value` (dump_plans). */
export const usageInvalidValueDumpPlans = {
  code: 'usage.invalid_value',
  vi: 'Kho "{store}" không liệt kê được các kế hoạch nó chứa (không có plans()): hãy sao lưu từng kế hoạch (--plan).',
  en: 'The "{store}" store cannot list the plans it holds (no plans()): back up one plan at a time (--plan).',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (not_dump). */
export const measurementInvalidDocumentNotDump = {
  code: 'measurement.invalid_document',
  vi: 'Bản sao lưu {file}: không phải bản sao lưu của egov-plan (phiên bản 1){where}.',
  en: 'Backup {file}: not an egov-plan dump (version 1){where}.',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (json). */
export const measurementInvalidDocumentJson = {
  code: 'measurement.invalid_document',
  vi: 'Bản sao lưu {file}: JSON hỏng ({detail}).',
  en: 'Backup {file}: malformed JSON ({detail}).',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (header). */
export const measurementInvalidDocumentHeader = {
  code: 'measurement.invalid_document',
  vi: 'Bản sao lưu {file}: dòng tiêu đề khác định dạng sao lưu.',
  en: 'Backup {file}: the header is not the dump format.',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (several_plans). */
export const measurementInvalidDocumentSeveralPlans = {
  code: 'measurement.invalid_document',
  vi: 'Bản sao lưu {file}: chứa số liệu của {count} kế hoạch ({plans}); đọc bằng parseDumps.',
  en: 'Backup {file}: holds {count} plans ({plans}); read it with parseDumps.',
} as const satisfies IssueMessage;

// The checks of a restore (`restoreDumps`, dump.ts): rows and records a backup brings.

/** `store.restore_failed` (rows refused, checked against the plan). */
export const storeRestoreFailedRowsPlan = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — {count} phiên bản của kế hoạch {plan} bị từ chối như một lần nhập sẽ từ chối (kiểm tra theo kế hoạch); không ghi gì của bản sao lưu, kho giữ nguyên như trước. Các dòng sai ở dưới.',
  en: 'Backup {file}: not restored — {count} revisions of plan {plan} refused as an import would refuse them (checked against the plan); nothing of the backup was written, the store is as it was. The bad rows follow.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (rows refused, no plan resolved). */
export const storeRestoreFailedRowsFormat = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — {count} phiên bản của kế hoạch {plan} sai (kiểm tra các quy tắc chung của mọi kế hoạch; không tìm được kế hoạch {plan}: cho --plan để kiểm tra đủ); không ghi gì của bản sao lưu, kho giữ nguyên như trước. Các dòng sai ở dưới.',
  en: 'Backup {file}: not restored — {count} revisions of plan {plan} are bad (checked against the rules every plan has; plan {plan} could not be resolved: give --plan for every check); nothing of the backup was written, the store is as it was. The bad rows follow.',
} as const satisfies IssueMessage;

/** `store.restore_failed` (more bad rows than listed). */
export const storeRestoreFailedMoreRows = {
  code: 'store.restore_failed',
  vi: '… và {count} phiên bản sai khác (không liệt kê).',
  en: '… and {count} more bad revisions (not listed).',
} as const satisfies IssueMessage;

/** `store.restore_failed` (a rule file revision the store holds with other text). */
export const storeRestoreFailedRuleFile = {
  code: 'store.restore_failed',
  vi: 'Bản sao lưu {file}: không khôi phục được — kho đã có phiên bản {revision} của tệp quy tắc {id} với nội dung khác (bản sao lưu thuộc một lịch sử khác); không ghi gì của bản sao lưu, kho giữ nguyên như trước.',
  en: 'Backup {file}: not restored — the store holds revision {revision} of rule file {id} with other text (the backup belongs to another history); nothing of the backup was written, the store is as it was.',
} as const satisfies IssueMessage;
