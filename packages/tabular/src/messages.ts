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

// The messages of a percent-formatted number cell of a workbook (xlsx.ts, `percentCells`). A
// cell's message starts with its sheet, row, column and field.

/** `workbook.percent_format` (a numerator or denominator). */
export const workbookPercentFormatCount = {
  code: 'workbook.percent_format',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô được định dạng phần trăm (hiện {shown}%) nhưng {field} là số đếm (số nguyên); bỏ định dạng phần trăm (chọn General/Number) rồi gõ số đếm.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell is formatted as a percentage (shows {shown}%) but {field} is a count (a whole number); remove the percent format (choose General/Number) and type the count.',
} as const satisfies IssueMessage;

/** `workbook.percent_format` (the value of an indicator not measured in percent). */
export const workbookPercentFormatUnit = {
  code: 'workbook.percent_format',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô được định dạng phần trăm (hiện {shown}%) nhưng chỉ số "{indicator}" không tính bằng % ({unit}); bỏ định dạng phần trăm (chọn General/Number) rồi gõ giá trị theo đơn vị của chỉ số.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell is formatted as a percentage (shows {shown}%) but indicator "{indicator}" is not measured in percent ({unit}); remove the percent format (choose General/Number) and type the value in the indicator\'s unit.',
} as const satisfies IssueMessage;
