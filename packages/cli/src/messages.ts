import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/cli: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of `@egov-plan/cli` (standard input, progress files, commands).

/** `file.too_large` (stdin). */
export const fileTooLargeStdin = {
  code: 'file.too_large',
  vi: 'Đầu vào chuẩn quá lớn (tối đa {max} byte).',
  en: 'Standard input is too large (at most {max} bytes).',
} as const satisfies IssueMessage;

/** `file.too_large` (import). */
export const fileTooLargeImport = {
  code: 'file.too_large',
  vi: 'Tệp quá lớn ({size} byte, tối đa {max}).',
  en: 'The file is too large ({size} bytes, at most {max}).',
} as const satisfies IssueMessage;

/** `file.not_found` (import). */
export const fileNotFoundImport = {
  code: 'file.not_found',
  vi: 'Không đọc được tệp {file}.',
  en: 'Cannot read file {file}.',
} as const satisfies IssueMessage;

/** `calendar.invalid_progress` (quote). */
export const calendarInvalidProgressQuote = {
  code: 'calendar.invalid_progress',
  vi: 'Tệp tiến độ "{file}": dấu ngoặc kép mở ở dòng {line} nhưng không đóng.',
  en: 'Progress file "{file}": a quote opened on line {line} is never closed.',
} as const satisfies IssueMessage;

/** `calendar.invalid_progress`. */
export const calendarInvalidProgress = {
  code: 'calendar.invalid_progress',
  vi: 'Dòng {line}: cần đúng 2 cột "task,doneOn", có {count}.',
  en: 'Line {line}: expected the 2 columns "task,doneOn", got {count}.',
} as const satisfies IssueMessage;

/** `calendar.unknown_task`. */
export const calendarUnknownTask = {
  code: 'calendar.unknown_task',
  vi: 'Dòng {line}: kế hoạch "{plan}" không có nhiệm vụ "{task}".',
  en: 'Line {line}: plan "{plan}" has no task "{task}".',
} as const satisfies IssueMessage;

/** `calendar.invalid_date` (progress). */
export const calendarInvalidDateProgress = {
  code: 'calendar.invalid_date',
  vi: 'Dòng {line}: "{doneOn}" không phải ngày YYYY-MM-DD hợp lệ.',
  en: 'Line {line}: "{doneOn}" is not a valid YYYY-MM-DD date.',
} as const satisfies IssueMessage;

/** `calendar.duplicate_progress`. */
export const calendarDuplicateProgress = {
  code: 'calendar.duplicate_progress',
  vi: 'Dòng {line}: nhiệm vụ "{task}" đã có ở dòng {firstLine}.',
  en: 'Line {line}: task "{task}" already appears on line {firstLine}.',
} as const satisfies IssueMessage;

/** `rules.unknown_target` (explain). */
export const rulesUnknownTargetExplain = {
  code: 'rules.unknown_target',
  vi: 'Kế hoạch "{plan}" không có chỉ tiêu "{target}".',
  en: 'Plan "{plan}" has no target "{target}".',
} as const satisfies IssueMessage;

/** `calendar.unknown_agency` (tasks). */
export const calendarUnknownAgencyTasks = {
  code: 'calendar.unknown_agency',
  vi: 'Kế hoạch "{plan}" không có cơ quan "{agency}" (xem: egov-plan show --plan {planArg} --json).',
  en: 'Plan "{plan}" has no agency "{agency}" (see: egov-plan show --plan {planArg} --json).',
} as const satisfies IssueMessage;

/** `file.output_failed` (a file a command writes: `--out`, the demo's folder; `{reason}` in both languages, the system's own text only in English). */
export const fileOutputFailed = {
  code: 'file.output_failed',
  vi: 'Không ghi được tệp "{file}": {reason}.',
  en: 'Could not write the file "{file}": {reason}.',
} as const satisfies IssueMessage;

/** `store.not_found` (a command that only reads, given `--database <file>` that does not exist; it never creates it). */
export const storeNotFoundPath = {
  code: 'store.not_found',
  vi: 'Không có cơ sở dữ liệu "{file}" ({path}); lệnh này chỉ đọc nên không tạo tệp. Hãy kiểm tra đường dẫn --database, hoặc nhập số liệu trước bằng egov-plan import --database.',
  en: 'There is no database "{file}" ({path}); this command only reads, so it does not create the file. Check the --database path, or import measurements first with egov-plan import --database.',
} as const satisfies IssueMessage;

/** `store.open_failed` (the SQLite file cannot be opened or created where `--database` names it). */
export const storeOpenFailedPath = {
  code: 'store.open_failed',
  vi: 'Không mở được cơ sở dữ liệu "{file}": {reason}.',
  en: 'Could not open the database "{file}": {reason}.',
} as const satisfies IssueMessage;

/** `file.workbook_not_read` (`evaluate --measurements` given an XLSX or XLS workbook: it reads CSV and JSON only). */
export const fileWorkbookNotRead = {
  code: 'file.workbook_not_read',
  vi: 'Tệp "{file}" là sổ tính Excel: evaluate --measurements chỉ đọc CSV hoặc JSON. Hãy nhập sổ tính vào kho (egov-plan import --plan {planArg} {fileArg}) rồi đánh giá từ kho (egov-plan evaluate --plan {planArg} --database egov-plan.sqlite), hoặc lưu nó thành CSV UTF-8.',
  en: 'The file "{file}" is an Excel workbook: evaluate --measurements reads CSV or JSON only. Import the workbook into the store (egov-plan import --plan {planArg} {fileArg}), then evaluate from the store (egov-plan evaluate --plan {planArg} --database egov-plan.sqlite), or save it as CSV UTF-8.',
} as const satisfies IssueMessage;

/** `workbook.no_data_rows` (warning: an imported file with a header and no data rows). */
export const workbookNoDataRows = {
  code: 'workbook.no_data_rows',
  vi: 'Tệp "{file}" không có dòng số liệu nào (mẫu chưa điền, hay nhầm tệp?): không nhập số liệu nào.',
  en: 'The file "{file}" has no data rows (an unfilled template, or the wrong file?): no measurements were imported.',
} as const satisfies IssueMessage;

/** `workbook.no_data_rows` (warning, with `--reporter`/`--obligation`: no submission is recorded either). */
export const workbookNoDataRowsSubmission = {
  code: 'workbook.no_data_rows',
  vi: 'Tệp "{file}" không có dòng số liệu nào (mẫu chưa điền, hay nhầm tệp?): không nhập số liệu nào và không ghi nhận lần nộp của {reporter} cho {obligation}.',
  en: 'The file "{file}" has no data rows (an unfilled template, or the wrong file?): no measurements were imported and no submission of {reporter} for {obligation} was recorded.',
} as const satisfies IssueMessage;
