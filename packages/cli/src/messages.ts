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

/** `store.not_found` (a command that works on an existing store — a reading one, or `retract` — given `--database <file>` that does not exist; it never creates it). */
export const storeNotFoundPath = {
  code: 'store.not_found',
  vi: 'Không có cơ sở dữ liệu "{file}" ({path}); lệnh này chỉ làm việc với cơ sở dữ liệu đã có nên không tạo tệp mới. Hãy kiểm tra đường dẫn --database, hoặc nhập số liệu trước bằng egov-plan import --database.',
  en: 'There is no database "{file}" ({path}); this command works on an existing database only, so it does not create one. Check the --database path, or import measurements first with egov-plan import --database.',
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

/** `workbook.no_data_rows` with `--reporter`/`--obligation`: no submission is recorded either (follows the import's own issue). */
export const workbookNoDataRowsSubmission = {
  code: 'workbook.no_data_rows',
  vi: 'Không ghi nhận lần nộp của {reporter} cho {obligation}: tệp "{file}" không có dòng số liệu nào.',
  en: 'No submission of {reporter} for {obligation} was recorded: the file "{file}" has no data rows.',
} as const satisfies IssueMessage;

/** `measurement.no_data_rows` with `--reporter`/`--obligation` (a CSV or JSON file): no submission is recorded either. */
export const fileNoDataRowsSubmission = {
  code: 'measurement.no_data_rows',
  vi: 'Không ghi nhận lần nộp của {reporter} cho {obligation}: tệp "{file}" không có dòng số liệu nào.',
  en: 'No submission of {reporter} for {obligation} was recorded: the file "{file}" has no data rows.',
} as const satisfies IssueMessage;

// Usage errors (`usageError` in io.ts): how a command was called, not what the files hold.

/** `usage.missing_command`. */
export const usageMissingCommand = {
  code: 'usage.missing_command',
  vi: 'Thiếu lệnh.',
  en: 'Missing the command.',
} as const satisfies IssueMessage;

/** `usage.internal_error` (`message`: the error's own, as thrown). */
export const usageInternalError = {
  code: 'usage.internal_error',
  vi: 'Lỗi nội bộ: {message}',
  en: 'Internal error: {message}',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--out` of a workbook). */
export const usageOutXlsx = {
  code: 'usage.invalid_value',
  vi: '--out phải kết thúc bằng .xlsx, không phải "{out}".',
  en: '--out must end in .xlsx, not "{out}".',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--out` of a report). */
export const usageOutReport = {
  code: 'usage.invalid_value',
  vi: '--out phải kết thúc bằng .html, .md hoặc .pdf, không phải "{out}".',
  en: '--out must end in .html, .md or .pdf, not "{out}".',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (a date option: `--from`, `--to`). */
export const usageInvalidDate = {
  code: 'usage.invalid_value',
  vi: '{option}: "{value}" không phải ngày YYYY-MM-DD hợp lệ.',
  en: '{option}: "{value}" is not a valid YYYY-MM-DD date.',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--to` before `--from`). */
export const usageToBeforeFrom = {
  code: 'usage.invalid_value',
  vi: '--to {to} trước --from {from}.',
  en: '--to {to} is before --from {from}.',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (one bound on the wrong side of the plan's default range). */
export const usageRangeBackwards = {
  code: 'usage.invalid_value',
  vi: 'Khoảng ngày {from} … {to} kết thúc trước khi bắt đầu (mặc định: {defaultFrom} … {defaultTo}).',
  en: 'The range {from} … {to} ends before it starts (default: {defaultFrom} … {defaultTo}).',
} as const satisfies IssueMessage;

/** `usage.conflicting_options` (`--target` and a positional target). */
export const usageTargetTwice = {
  code: 'usage.conflicting_options',
  vi: 'Chỉ tiêu được nêu hai lần: --target {option} và {positional}.',
  en: 'The target is named twice: --target {option} and {positional}.',
} as const satisfies IssueMessage;

/** `usage.missing_argument` (`explain`). */
export const usageMissingTarget = {
  code: 'usage.missing_argument',
  vi: 'Thiếu chỉ tiêu: --target <id>.',
  en: 'Missing the target: --target <id>.',
} as const satisfies IssueMessage;

/** `usage.conflicting_options` (`--plan` and a positional plan). */
export const usagePlanTwice = {
  code: 'usage.conflicting_options',
  vi: 'Kế hoạch được nêu hai lần: --plan {option} và {positional}.',
  en: 'The plan is named twice: --plan {option} and {positional}.',
} as const satisfies IssueMessage;

/** `usage.missing_option` (the plan). */
export const usageMissingPlan = {
  code: 'usage.missing_option',
  vi: 'Thiếu kế hoạch: --plan <id|tệp>.',
  en: 'Missing the plan: --plan <id|file>.',
} as const satisfies IssueMessage;

/** `usage.missing_option` (`import --reporter` without `--obligation`, or the reverse). */
export const usageReporterWithObligation = {
  code: 'usage.missing_option',
  vi: '--reporter và --obligation đi cùng nhau.',
  en: '--reporter and --obligation go together.',
} as const satisfies IssueMessage;

/** `usage.missing_option` (`import --reporter` without a plan). */
export const usagePlanForReporter = {
  code: 'usage.missing_option',
  vi: 'Thiếu kế hoạch: --reporter và --obligation cần --plan <id|tệp>.',
  en: 'Missing the plan: --reporter and --obligation need --plan <id|file>.',
} as const satisfies IssueMessage;

/** `usage.missing_option` (`import` of measurements files only, without a plan). */
export const usagePlanForFiles = {
  code: 'usage.missing_option',
  vi: 'Thiếu kế hoạch: --plan <id|tệp> (cần cho {names}; chỉ bản sao lưu của dump mới tự mang kế hoạch).',
  en: 'Missing the plan: --plan <id|file> (needed for {names}; only dump backups carry their plans).',
} as const satisfies IssueMessage;

/** `usage.missing_option` (`import` of measurements files among dump backups, without a plan). */
export const usagePlanForMeasurementFiles = {
  code: 'usage.missing_option',
  vi: 'Thiếu kế hoạch: --plan <id|tệp> cho các tệp số liệu {names} (không phải bản sao lưu của dump, vốn tự mang kế hoạch).',
  en: 'Missing the plan: --plan <id|file> for the measurements files {names} (they are not dump backups, which carry their plans).',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--obligation`). */
export const usageUnknownObligation = {
  code: 'usage.invalid_value',
  vi: '--obligation: kế hoạch "{plan}" không có nghĩa vụ báo cáo "{obligation}".',
  en: '--obligation: plan "{plan}" has no reporting obligation "{obligation}".',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--reporter`). */
export const usageUnknownReporter = {
  code: 'usage.invalid_value',
  vi: '--reporter: kế hoạch "{plan}" không có cơ quan hay đơn vị hành chính "{reporter}" (xem `egov-plan calendar --period <kỳ> --json`, mục expectedReporters).',
  en: '--reporter: plan "{plan}" has no agency or administrative unit "{reporter}" (see `egov-plan calendar --period <period> --json`, expectedReporters).',
} as const satisfies IssueMessage;

/** `usage.conflicting_options` (`--measurements` and `--database`). */
export const usageOneMeasurementSource = {
  code: 'usage.conflicting_options',
  vi: 'Chọn một nguồn số liệu: --measurements <tệp> hoặc --database <kho>.',
  en: 'Choose one source of measurements: --measurements <file> or --database <store>.',
} as const satisfies IssueMessage;

/** `usage.missing_option` (no source of measurements; `database`: the default store's name). */
export const usageMissingMeasurements = {
  code: 'usage.missing_option',
  vi: 'Thiếu nguồn số liệu: --measurements <tệp> hoặc --database <kho> (thư mục hiện hành không có {database}).',
  en: 'Missing the measurements: --measurements <file> or --database <store> (the working directory has no {database}).',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--evaluator`). */
export const usageEvaluator = {
  code: 'usage.invalid_value',
  vi: '--evaluator là compiled hoặc reference, không phải "{value}".',
  en: '--evaluator is compiled or reference, not "{value}".',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--progress-method`). */
export const usageProgressMethod = {
  code: 'usage.invalid_value',
  vi: '--progress-method là cagr hoặc linear, không phải "{value}".',
  en: '--progress-method is cagr or linear, not "{value}".',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (an option with a list of allowed values). */
export const usageNotOneOf = {
  code: 'usage.invalid_value',
  vi: '{option}: "{value}" không phải một trong {allowed}.',
  en: '{option}: "{value}" is not one of {allowed}.',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--max-results`). */
export const usageMaxResults = {
  code: 'usage.invalid_value',
  vi: '--max-results là số nguyên dương, không phải "{value}".',
  en: '--max-results is a positive integer, not "{value}".',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--indicator`). */
export const usageUnknownIndicator = {
  code: 'usage.invalid_value',
  vi: '--indicator: kế hoạch "{plan}" không có chỉ tiêu "{indicator}".',
  en: '--indicator: plan "{plan}" has no indicator "{indicator}".',
} as const satisfies IssueMessage;

/** `usage.conflicting_options` (`--database` with the options only `--measurements` takes). */
export const usageDatabaseCompiled = {
  code: 'usage.conflicting_options',
  vi: '--database đánh giá bằng bộ đánh giá biên dịch, không kèm --progress-method (dùng --measurements cho các tùy chọn đó).',
  en: '--database evaluates with the compiled evaluator and without --progress-method (use --measurements for those).',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--port`). */
export const usagePort = {
  code: 'usage.invalid_value',
  vi: '--port phải là số cổng 0–65535, không phải "{value}".',
  en: '--port must be a port number 0–65535, not "{value}".',
} as const satisfies IssueMessage;

/** `usage.conflicting_options` (standard input named twice; `used`: what it is already used for). */
export const usageStdinUsed = {
  code: 'usage.conflicting_options',
  vi: 'Đầu vào chuẩn (-) chỉ dùng được một lần; đã dùng cho {used}.',
  en: 'Standard input (-) can be used once; it is already used for {used}.',
} as const satisfies IssueMessage;

/** `usage.conflicting_options` (standard input for several options; `options`: them, joined). */
export const usageStdinOnce = {
  code: 'usage.conflicting_options',
  vi: 'Đầu vào chuẩn (-) chỉ dùng được cho một tùy chọn, không phải {options}.',
  en: 'Standard input (-) can be used for one option, not {options}.',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (a date option's reason; `reason`: the issue's message). */
export const usageOptionReason = {
  code: 'usage.invalid_value',
  vi: '{option} không hợp lệ: {reason}',
  en: '{option} is invalid: {reason}',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`--due-soon-days`). */
export const usageDueSoonDays = {
  code: 'usage.invalid_value',
  vi: '--due-soon-days phải là số nguyên không âm (nhận "{value}").',
  en: '--due-soon-days must be a non-negative integer (got "{value}").',
} as const satisfies IssueMessage;

/** `usage.invalid_value` (`dump --format`). */
export const usageDumpFormat = {
  code: 'usage.invalid_value',
  vi: '--format là json hoặc csv, không phải "{value}".',
  en: '--format is json or csv, not "{value}".',
} as const satisfies IssueMessage;

/** `store.backup_partial` (`dump --format csv`: what a CSV backup left out). */
export const storeBackupPartialDump = {
  code: 'store.backup_partial',
  vi: 'Bản sao lưu CSV chỉ gồm các phiên bản; bị bỏ qua: {imports} lần nhập không tạo phiên bản, {counts} lần nhập có dòng không đổi (số dòng của chúng), {retractions} lần rút lại không tạo phiên bản, {submissions} lần nộp báo cáo, {evidence} minh chứng nhiệm vụ, {ruleFiles} phiên bản tệp quy tắc, {reassertions} dòng nhắc lại giá trị đang có hiệu lực (nên sau khi khôi phục, việc rút lại một lần nhập có thể rút cả giá trị mà một lần nhập lại vẫn xác nhận). Dùng --format json để sao lưu đầy đủ.',
  en: 'A CSV backup holds the revisions only; left out: {imports} imports that made no revision, {counts} imports with unchanged rows (their row counts), {retractions} retractions that made no revision, {submissions} report submissions, {evidence} task evidence, {ruleFiles} rule file revisions, {reassertions} rows that restated a value in force (so a retraction after restoring it may withdraw values a re-import stood behind). Use --format json for a full backup.',
} as const satisfies IssueMessage;

/** `store.backup_partial` (a CSV backup restored: it held the revisions only). */
export const storeBackupPartialRestore = {
  code: 'store.backup_partial',
  vi: 'Bản sao lưu {file} là bản CSV: chỉ gồm các phiên bản — số dòng của các lần nhập, các lần nhập và lần rút lại không tạo phiên bản, lần nộp báo cáo, minh chứng nhiệm vụ, tệp quy tắc và các dòng nhắc lại giá trị không có trong đó nên không được khôi phục (bản sao lưu JSON chứa đầy đủ).',
  en: 'Backup {file} is a CSV backup: it holds the revisions only — the imports\' row counts, imports and retractions that made no revision, report submissions, task evidence, rule files and the rows restating a value are not in it, so were not restored (a JSON backup holds them).',
} as const satisfies IssueMessage;

/** `store.restore_not_atomic` (a backup restored one import at a time). */
export const storeRestoreNotAtomic = {
  code: 'store.restore_not_atomic',
  vi: 'Bản sao lưu {file} được khôi phục vào kho "{kind}" từng lần nhập một (kho không có writeAtomically): nếu bị ngắt giữa chừng, một phần sẽ còn lại.',
  en: 'Backup {file} was restored into the "{kind}" store one import at a time (the store has no writeAtomically): interrupted part-way, part of it would have stayed.',
} as const satisfies IssueMessage;
