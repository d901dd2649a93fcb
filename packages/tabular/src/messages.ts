import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/tabular: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of `@egov-plan/tabular`'s XLSX reader (`readWorkbookMeasurements`, xlsx.ts).

/** `workbook.invalid` (unreadable). */
export const workbookInvalidUnreadable = {
  code: 'workbook.invalid',
  vi: 'Tệp không đọc được như sổ tính XLSX: {detail}.',
  en: 'The file cannot be read as an XLSX workbook: {detail}.',
} as const satisfies IssueMessage;

/** `workbook.skipped_sheet`. */
export const workbookSkippedSheet = {
  code: 'workbook.skipped_sheet',
  vi: 'Trang "{sheet}" không có tiêu đề số liệu ở dòng 1; không đọc.',
  en: 'Sheet "{sheet}" has no measurements header in row 1; not read.',
} as const satisfies IssueMessage;

/** `workbook.hidden_sheet`. */
export const workbookHiddenSheet = {
  code: 'workbook.hidden_sheet',
  vi: 'Trang "{sheet}" bị ẩn; số liệu trong đó không được nhập (bỏ ẩn để nhập).',
  en: 'Sheet "{sheet}" is hidden; its measurements are not imported (unhide it to import them).',
} as const satisfies IssueMessage;

/** `workbook.too_many_rows`. */
export const workbookTooManyRows = {
  code: 'workbook.too_many_rows',
  vi: 'Trang "{sheet}" có {rows} dòng, quá giới hạn {max}; không nhập gì của tệp.',
  en: 'Sheet "{sheet}" has {rows} rows, over the limit of {max}; nothing of the file is imported.',
} as const satisfies IssueMessage;

/** `workbook.merged_cells`. */
export const workbookMergedCells = {
  code: 'workbook.merged_cells',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô gộp {range}: mỗi dòng phải có giá trị riêng (bỏ gộp ô và điền từng dòng).',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): merged cells {range}: each row must hold its own values (unmerge and fill every row).',
} as const satisfies IssueMessage;

/** `workbook.formula_without_result`. */
export const workbookFormulaWithoutResult = {
  code: 'workbook.formula_without_result',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): công thức ={formula} không có kết quả đã lưu; không tính công thức: lưu sổ tính bằng phần mềm bảng tính, hoặc gõ giá trị.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): formula ={formula} has no saved result; formulas are not evaluated: save the workbook in a spreadsheet program, or type the value.',
} as const satisfies IssueMessage;

/** `workbook.cell_error`. */
export const workbookCellError = {
  code: 'workbook.cell_error',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô chứa lỗi {error}.',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell holds the error {error}.',
} as const satisfies IssueMessage;

/** `workbook.cell_error` (kind). */
export const workbookCellErrorKind = {
  code: 'workbook.cell_error',
  vi: 'Trang "{sheet}", dòng {row}, cột {column} ({field}): ô có kiểu dữ liệu không đọc được ({kind}).',
  en: 'Sheet "{sheet}", row {row}, column {column} ({field}): the cell has a kind of value that cannot be read ({kind}).',
} as const satisfies IssueMessage;

/** `measurement.duplicate` (sheet). */
export const measurementDuplicateSheet = {
  code: 'measurement.duplicate',
  vi: 'Trang "{sheet}", dòng {row}: trùng với trang "{firstSheet}", dòng {firstRow} (cùng chỉ số, đơn vị và kỳ).',
  en: 'Sheet "{sheet}", row {row}: repeats sheet "{firstSheet}", row {firstRow} (same indicator, org unit and period).',
} as const satisfies IssueMessage;

/** `workbook.no_measurements`. */
export const workbookNoMeasurements = {
  code: 'workbook.no_measurements',
  vi: 'Không trang hiện nào của sổ tính có dòng tiêu đề số liệu ở dòng 1 ({columns}, …).',
  en: 'No visible sheet of the workbook has a measurements header in row 1 ({columns}, …).',
} as const satisfies IssueMessage;

// The messages of `@egov-plan/tabular`'s zip checks (`checkZipArchive`, zip.ts).

/** `workbook.invalid` (no_directory). */
export const workbookInvalidNoDirectory = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: không tìm thấy mục lục của tệp nén (không phải tệp zip, hoặc tệp bị cắt).',
  en: 'The file is not an XLSX workbook: no zip central directory (not a zip file, or a truncated one).',
} as const satisfies IssueMessage;

/** `workbook.invalid` (zip64). */
export const workbookInvalidZip64 = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục lục ZIP64 hỏng.',
  en: 'The file is not an XLSX workbook: a broken ZIP64 directory.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (too_many_entries). */
export const workbookInvalidTooManyEntries = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: tệp nén có {count} mục (tối đa {max}).',
  en: 'The file is not an XLSX workbook: the archive has {count} entries (at most {max}).',
} as const satisfies IssueMessage;

/** `workbook.invalid` (directory). */
export const workbookInvalidDirectory = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục lục của tệp nén hỏng.',
  en: 'The file is not an XLSX workbook: a broken zip central directory.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (broken_entry). */
export const workbookInvalidBrokenEntry = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" hỏng.',
  en: 'The file is not an XLSX workbook: entry "{entry}" is broken.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (truncated_entry). */
export const workbookInvalidTruncatedEntry = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" bị cắt.',
  en: 'The file is not an XLSX workbook: entry "{entry}" is truncated.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (inflate). */
export const workbookInvalidInflate = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" không giải nén được.',
  en: 'The file is not an XLSX workbook: entry "{entry}" cannot be unpacked.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (method). */
export const workbookInvalidMethod = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" dùng cách nén {method} không được hỗ trợ.',
  en: 'The file is not an XLSX workbook: entry "{entry}" uses unsupported compression method {method}.',
} as const satisfies IssueMessage;

/** `workbook.invalid` (size). */
export const workbookInvalidSize = {
  code: 'workbook.invalid',
  vi: 'Tệp không phải sổ tính XLSX: mục "{entry}" có kích thước khác với khai báo.',
  en: 'The file is not an XLSX workbook: entry "{entry}" does not have its declared size.',
} as const satisfies IssueMessage;

/** `workbook.too_large`. */
export const workbookTooLarge = {
  code: 'workbook.too_large',
  vi: 'Sổ tính giải nén ra {size} byte, quá giới hạn {max} byte; không đọc.',
  en: 'The workbook unpacks to {size} bytes, over the limit of {max} bytes; not read.',
} as const satisfies IssueMessage;

/** `workbook.too_large` (entry). */
export const workbookTooLargeEntry = {
  code: 'workbook.too_large',
  vi: 'Mục "{entry}" của sổ tính giải nén ra {size} byte, quá giới hạn {max} byte; không đọc.',
  en: 'Entry "{entry}" of the workbook unpacks to {size} bytes, over the limit of {max} bytes; not read.',
} as const satisfies IssueMessage;

/** `workbook.zip_bomb`. */
export const workbookZipBomb = {
  code: 'workbook.zip_bomb',
  vi: 'Mục "{entry}" giải nén ra nhiều hơn {size} byte đã khai báo (bom zip); không đọc gì của tệp.',
  en: 'Entry "{entry}" unpacks to more than its declared {size} bytes (a zip bomb); nothing of the file is read.',
} as const satisfies IssueMessage;

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
