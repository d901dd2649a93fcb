import type { IssueMessage } from '@egov-plan/core';

// The issue messages of @egov-plan/rules: one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of the reporting-calendar checks (`checkReportingCalendar`, calendar/checks.ts).

/** `calendar.no_working_day_after_cut_off`. */
export const calendarNoWorkingDayAfterCutOff = {
  code: 'calendar.no_working_day_after_cut_off',
  vi: 'Hạn "{deadline}" của nghĩa vụ "{obligation}" không để lại ngày làm việc nào sau ngày chốt số liệu ở {failing} kỳ (kỳ đầu tiên {period}: chốt số liệu {cutOff}, hạn {due}). Nghị định 09/2019/NĐ-CP yêu cầu ít nhất 01 ngày làm việc giữa thời điểm chốt số liệu và thời hạn gửi báo cáo.',
  en: 'Deadline "{deadline}" of obligation "{obligation}" leaves no working day after the data cut-off in {failing} period(s) (first {period}: data closes {cutOff}, due {due}). Decree 09/2019/NĐ-CP wants at least one working day between the end of the data cut-off and the submission deadline.',
} as const satisfies IssueMessage;

// The messages of deadlines (`deadlineFor`, `upcomingDeadlines`, calendar/deadlines.ts).

/** `calendar.period_required`. */
export const calendarPeriodRequired = {
  code: 'calendar.period_required',
  vi: 'Nghĩa vụ báo cáo "{obligation}" có hạn theo kỳ: cần một kỳ báo cáo.',
  en: 'Reporting obligation "{obligation}" has a periodic deadline: a period is required.',
} as const satisfies IssueMessage;

/** `calendar.period_type_mismatch`. */
export const calendarPeriodTypeMismatch = {
  code: 'calendar.period_type_mismatch',
  vi: 'Nghĩa vụ báo cáo "{obligation}" có kỳ loại "{expected}", không tính hạn cho kỳ "{period}" (loại "{type}"{system}).',
  en: 'Reporting obligation "{obligation}" recurs by "{expected}" periods: no deadline for period "{period}" (a {type}{system}).',
} as const satisfies IssueMessage;

/** `calendar.unknown_obligation`. */
export const calendarUnknownObligation = {
  code: 'calendar.unknown_obligation',
  vi: 'Kế hoạch "{plan}" không có nghĩa vụ báo cáo "{obligation}".',
  en: 'Plan "{plan}" has no reporting obligation "{obligation}".',
} as const satisfies IssueMessage;

/** `calendar.unknown_obligation` (withdrawn). */
export const calendarUnknownObligationWithdrawn = {
  code: 'calendar.unknown_obligation',
  vi: 'Nghĩa vụ báo cáo "{obligation}" của kế hoạch "{plan}" đã bị bãi bỏ cho kỳ {period} (itemWithdrawals).',
  en: 'Reporting obligation "{obligation}" of plan "{plan}" is withdrawn for period {period} (itemWithdrawals).',
} as const satisfies IssueMessage;

/** `calendar.too_many_events`. */
export const calendarTooManyEvents = {
  code: 'calendar.too_many_events',
  vi: 'Khoảng {from} … {to} có hơn {max} hạn/sự kiện: thu hẹp khoảng ngày (--from, --to) hoặc nâng giới hạn.',
  en: 'The range {from} … {to} holds more than {max} deadlines/events: narrow the range (--from, --to) or raise the limit.',
} as const satisfies IssueMessage;

// The messages of iCalendar export (`planToICalendar`, calendar/ics.ts).

/** `calendar.invalid_range`. */
export const calendarInvalidRange = {
  code: 'calendar.invalid_range',
  vi: 'Khoảng ngày {from} … {to} kết thúc trước khi bắt đầu.',
  en: 'The range {from} … {to} ends before it starts.',
} as const satisfies IssueMessage;

/** `calendar.ics_failed`. */
export const calendarIcsFailed = {
  code: 'calendar.ics_failed',
  vi: 'Không tạo được tệp iCalendar: {detail}.',
  en: 'Could not build the iCalendar file: {detail}.',
} as const satisfies IssueMessage;

// The messages of periods (`periodById`, calendar/periods.ts).

/** `calendar.undeclared_period_type`. */
export const calendarUndeclaredPeriodType = {
  code: 'calendar.undeclared_period_type',
  vi: 'Lịch báo cáo không khai báo loại kỳ "{type}" (đã khai báo: {declared}).',
  en: 'The reporting calendar does not declare the period type "{type}" (declared: {declared}).',
} as const satisfies IssueMessage;

/** `calendar.out_of_range` (period). */
export const calendarOutOfRangePeriod = {
  code: 'calendar.out_of_range',
  vi: 'Kỳ "{period}" nằm ngoài khoảng năm 1000–9998 mà thư viện hỗ trợ.',
  en: 'Period "{period}" is outside the years 1000–9998 the library supports.',
} as const satisfies IssueMessage;

/** `calendar.invalid_period_id`. */
export const calendarInvalidPeriodId = {
  code: 'calendar.invalid_period_id',
  vi: '"{id}" không phải là mã kỳ hợp lệ (ví dụ 2020Q1, 2020M03, 2020S1, 2020N9, 2020; kỳ theo lịch có tiền tố C: C2020Q1).',
  en: '"{id}" is not a valid period id (e.g. 2020Q1, 2020M03, 2020S1, 2020N9, 2020; calendar periods carry a C prefix: C2020Q1).',
} as const satisfies IssueMessage;

// The messages of report statuses (`reportStatus`, calendar/status.ts).

/** `calendar.invalid_due_soon_days`. */
export const calendarInvalidDueSoonDays = {
  code: 'calendar.invalid_due_soon_days',
  vi: 'Số ngày "sắp đến hạn" phải là số nguyên không âm (nhận {days}).',
  en: 'dueSoonDays must be a non-negative integer (got {days}).',
} as const satisfies IssueMessage;

/** `calendar.plan_required`. */
export const calendarPlanRequired = {
  code: 'calendar.plan_required',
  vi: 'Cần truyền kế hoạch (plan) khi nghĩa vụ hoặc kỳ được cho bằng id.',
  en: 'Pass the plan when the obligation or period is given by id.',
} as const satisfies IssueMessage;

// The messages of dates and instants (calendar/time.ts).

/** `calendar.invalid_date`. */
export const calendarInvalidDate = {
  code: 'calendar.invalid_date',
  vi: '"{date}" không phải là ngày hợp lệ dạng YYYY-MM-DD.',
  en: '"{date}" is not a valid YYYY-MM-DD date.',
} as const satisfies IssueMessage;

/** `calendar.invalid_instant`. */
export const calendarInvalidInstant = {
  code: 'calendar.invalid_instant',
  vi: '"{text}" không phải là thời điểm ISO 8601 (ví dụ 2020-03-16, 2020-03-16T09:30 hoặc 2020-03-16T09:30:00+07:00).',
  en: '"{text}" is not an ISO 8601 instant (e.g. 2020-03-16, 2020-03-16T09:30 or 2020-03-16T09:30:00+07:00).',
} as const satisfies IssueMessage;

/** `calendar.out_of_range`. */
export const calendarOutOfRange = {
  code: 'calendar.out_of_range',
  vi: 'Thời điểm "{text}" nằm ngoài khoảng được hỗ trợ (năm 1000 đến năm 9999).',
  en: 'The instant "{text}" is outside the supported span (the years 1000 to 9999).',
} as const satisfies IssueMessage;

// The messages of task timeframes and progress (`planTaskStatuses`, calendar/timeframes.ts).

/** `calendar.invalid_timeframe`. */
export const calendarInvalidTimeframe = {
  code: 'calendar.invalid_timeframe',
  vi: 'Không hiểu được thời gian "{text}"{task}: dùng "Tháng 5/2019", "Quý II/2019", "2019", "2019-2020", "Thường xuyên" hoặc để trống.',
  en: 'Cannot read the time expression "{text}"{task}: use "Tháng 5/2019", "Quý II/2019", "2019", "2019-2020", "Thường xuyên" or blank.',
} as const satisfies IssueMessage;

/** `calendar.unknown_task` (progress). */
export const calendarUnknownTaskProgress = {
  code: 'calendar.unknown_task',
  vi: 'Kế hoạch "{plan}" không có nhiệm vụ "{task}".',
  en: 'Plan "{plan}" has no task "{task}".',
} as const satisfies IssueMessage;

/** `calendar.invalid_date` (done_on). */
export const calendarInvalidDateDoneOn = {
  code: 'calendar.invalid_date',
  vi: 'Nhiệm vụ "{task}": ngày hoàn thành "{doneOn}" không phải ngày YYYY-MM-DD hợp lệ.',
  en: 'Task "{task}": completion date "{doneOn}" is not a valid YYYY-MM-DD date.',
} as const satisfies IssueMessage;

// The messages of the rule-file safety checks (engine/safety.ts).

/** `rules.too_deep` (JSON nesting). */
export const rulesTooDeepJson = {
  code: 'rules.too_deep',
  vi: 'Giá trị lồng quá {max} cấp mảng/đối tượng.',
  en: 'The value is nested more than {max} levels of arrays/objects.',
} as const satisfies IssueMessage;

/** `rules.too_deep` (condition nesting). */
export const rulesTooDeepConditions = {
  code: 'rules.too_deep',
  vi: 'Điều kiện lồng quá {max} cấp all/any/not.',
  en: 'Conditions are nested more than {max} levels of all/any/not.',
} as const satisfies IssueMessage;

/** `rules.too_many_items`. */
export const rulesTooManyItems = {
  code: 'rules.too_many_items',
  vi: 'Mảng có {count} phần tử, tối đa {max}.',
  en: 'The array has {count} items, at most {max}.',
} as const satisfies IssueMessage;

/** `rules.forbidden_key`. */
export const rulesForbiddenKey = {
  code: 'rules.forbidden_key',
  vi: 'Khóa "{key}" bị cấm ở mọi vị trí trong tệp quy tắc.',
  en: 'The key "{key}" is forbidden anywhere in a rule file.',
} as const satisfies IssueMessage;

/** `rules.too_many_targets`. */
export const rulesTooManyTargets = {
  code: 'rules.too_many_targets',
  vi: 'Tệp có {count} chỉ tiêu, tối đa {max}.',
  en: 'The file has {count} targets, at most {max}.',
} as const satisfies IssueMessage;

/** `rules.not_data` (a non-finite number). */
export const rulesNotDataNumber = { code: 'rules.not_data', vi: 'Không phải dữ liệu JSON: số không hữu hạn (NaN/Infinity).', en: 'Not JSON data: a non-finite number (NaN/Infinity).' } as const satisfies IssueMessage;

/** `rules.not_data` (a function, symbol, bigint or undefined). */
export const rulesNotDataType = { code: 'rules.not_data', vi: 'Không phải dữ liệu JSON: giá trị kiểu {type}.', en: 'Not JSON data: a value of type {type}.' } as const satisfies IssueMessage;

/** `rules.not_data` (a cycle). */
export const rulesNotDataCycle = { code: 'rules.not_data', vi: 'Không phải dữ liệu JSON: một tham chiếu vòng.', en: 'Not JSON data: a cyclic reference.' } as const satisfies IssueMessage;

/** `rules.not_data` (an array with extra properties or another prototype). */
export const rulesNotDataArray = { code: 'rules.not_data', vi: 'Không phải dữ liệu JSON: một mảng lạ.', en: 'Not JSON data: an exotic array.' } as const satisfies IssueMessage;

/** `rules.not_data` (a sparse array). */
export const rulesNotDataHole = { code: 'rules.not_data', vi: 'Không phải dữ liệu JSON: một phần tử trống.', en: 'Not JSON data: a hole.' } as const satisfies IssueMessage;

/** `rules.not_data` (a class instance, a Date, a Map, …). */
export const rulesNotDataObject = { code: 'rules.not_data', vi: 'Không phải dữ liệu JSON: một đối tượng không phải dữ liệu thuần.', en: 'Not JSON data: an object that is not plain data.' } as const satisfies IssueMessage;

/** `rules.not_data` (symbol keys). */
export const rulesNotDataSymbol = { code: 'rules.not_data', vi: 'Không phải dữ liệu JSON: khóa kiểu symbol.', en: 'Not JSON data: symbol keys.' } as const satisfies IssueMessage;

/** `rules.not_data` (a getter or setter). */
export const rulesNotDataAccessor = { code: 'rules.not_data', vi: 'Không phải dữ liệu JSON: một thuộc tính truy cập (getter/setter).', en: 'Not JSON data: an accessor property (getter/setter).' } as const satisfies IssueMessage;

/** `rules.too_long`. */
export const rulesTooLong = { code: 'rules.too_long', vi: 'Chuỗi dài quá {max} ký tự.', en: 'The string is longer than {max} characters.' } as const satisfies IssueMessage;

/** `rules.too_many_conditions`. */
export const rulesTooManyConditions = { code: 'rules.too_many_conditions', vi: 'Cây điều kiện có hơn {max} điều kiện.', en: 'The condition tree has more than {max} conditions.' } as const satisfies IssueMessage;

/** `rules.condition_reference`. */
export const rulesConditionReference = {
  code: 'rules.condition_reference',
  vi: 'Tham chiếu điều kiện đặt tên ("condition") không thuộc định dạng: hãy viết điều kiện trực tiếp.',
  en: 'Named condition references ("condition") are not part of the format: write the condition in place.',
} as const satisfies IssueMessage;

/** `rules.condition_params` (on a condition). */
export const rulesConditionParams = { code: 'rules.condition_params', vi: '"params" không thuộc định dạng: các dữ kiện không có tham số.', en: '"params" is not part of the format: facts take no parameters.' } as const satisfies IssueMessage;

/** `rules.condition_params` (on a value that names a fact). */
export const rulesConditionParamsValue = { code: 'rules.condition_params', vi: '"params" không thuộc định dạng.', en: '"params" is not part of the format.' } as const satisfies IssueMessage;

/** `rules.unknown_operator` (`{decorators}`: the hint on decorators such as `not:`, or nothing). */
export const rulesUnknownOperator = {
  code: 'rules.unknown_operator',
  vi: 'Toán tử {operator} không được phép{decorators}; chỉ dùng: {operators}.',
  en: 'Operator {operator} is not allowed{decorators}; use one of: {operators}.',
} as const satisfies IssueMessage;

/** `rules.too_many_values`. */
export const rulesTooManyValues = { code: 'rules.too_many_values', vi: 'Danh sách có {count} giá trị, tối đa {max}.', en: 'The list has {count} values, at most {max}.' } as const satisfies IssueMessage;

/** `rules.unknown_fact`. */
export const rulesUnknownFact = { code: 'rules.unknown_fact', vi: 'Dữ kiện {fact} không tồn tại; chỉ dùng: {facts}.', en: 'Fact {fact} does not exist; use one of: {facts}.' } as const satisfies IssueMessage;

/** `rules.unsafe_path`. */
export const rulesUnsafePath = {
  code: 'rules.unsafe_path',
  vi: '"path" chỉ được là "$" theo sau bởi các tên thuộc tính ".ten" (chữ, số, "_"); không có ngoặc, ký tự đại diện, bộ lọc hay biểu thức, không có __proto__/constructor/prototype.',
  en: '"path" may only be "$" followed by ".name" segments (letters, digits, "_"): no brackets, wildcards, filters or script, and no __proto__/constructor/prototype.',
} as const satisfies IssueMessage;

// The messages of rule-file resolution, sources and loading (engine/resolve.ts, engine/sources.ts,
// node.ts), JSON documents (json-document.ts) and evaluation (engine/evaluate.ts).

/** `rules.too_many_issues`. */
export const rulesTooManyIssues = { code: 'rules.too_many_issues', vi: '… và {more} lỗi khác (chỉ liệt kê {max} lỗi đầu).', en: '… and {more} more issues (only the first {max} are listed).' } as const satisfies IssueMessage;

/** `rules.unknown_base` (a file source). */
export const rulesUnknownBase = {
  code: 'rules.unknown_base',
  vi: 'Không tìm thấy kế hoạch gốc "{ref}" (không phải id đóng gói, không có tệp ở đường dẫn này).',
  en: 'Base plan "{ref}" not found (neither a bundled id nor an existing file).',
} as const satisfies IssueMessage;

/** `rules.unknown_base` (an in-memory source). */
export const rulesUnknownBaseMemory = { code: 'rules.unknown_base', vi: 'Không tìm thấy kế hoạch gốc "{ref}".', en: 'Base plan "{ref}" not found.' } as const satisfies IssueMessage;

/** `rules.path_not_allowed`: a path outside the rule file's folder (`loadPlan`, `directorySource` without `allowOutside`). */
export const rulesPathOutsideFolder = {
  code: 'rules.path_not_allowed',
  vi: 'Không được phép dùng "{ref}" trong "extends": đường dẫn nằm ngoài thư mục của tệp quy tắc.',
  en: '"{ref}" is not allowed in "extends": the path is outside the rule file\'s folder.',
} as const satisfies IssueMessage;

/** `rules.path_not_allowed`: a path outside the files of a `memorySource`. */
export const rulesPathOutsideSource = {
  code: 'rules.path_not_allowed',
  vi: 'Không được phép dùng "{ref}" trong "extends": đường dẫn nằm ngoài các tệp của nguồn này.',
  en: '"{ref}" is not allowed in "extends": the path is outside the files of this source.',
} as const satisfies IssueMessage;

/** `rules.path_not_allowed`: a path given to `bundledSource`, which reads bundled plans only. */
export const rulesPathBundledOnly = {
  code: 'rules.path_not_allowed',
  vi: 'Không được phép dùng "{ref}" trong "extends": nguồn này chỉ nhận id kế hoạch đóng gói.',
  en: '"{ref}" is not allowed in "extends": this source accepts bundled plan ids only.',
} as const satisfies IssueMessage;

/** `usage.async_source`. */
export const usageAsyncSource = {
  code: 'usage.async_source',
  vi: 'Nguồn tệp quy tắc trả lời bất đồng bộ: hãy dùng resolvePlan (bất đồng bộ) thay cho resolvePlanSync.',
  en: 'The rule-file source answers asynchronously: use resolvePlan (async) instead of resolvePlanSync.',
} as const satisfies IssueMessage;

/** `rules.too_many_results`. */
export const rulesTooManyResults = {
  code: 'rules.too_many_results',
  vi: 'Lần đánh giá này phải xét ít nhất {atLeast} kết quả (chỉ tiêu × đơn vị), quá giới hạn {max}: chọn giai đoạn (--phase) hoặc nâng giới hạn (maxResults, --max-results).',
  en: 'This evaluation would judge at least {atLeast} results (targets × org units), over the limit of {max}: choose a phase (--phase) or raise the limit (maxResults, --max-results).',
} as const satisfies IssueMessage;

/** `plan.unknown_plan`. */
export const planUnknownPlan = {
  code: 'plan.unknown_plan',
  vi: 'Không có kế hoạch đóng gói nào có id "{ref}" và không có tệp nào ở đường dẫn này.',
  en: 'No bundled plan has id "{ref}" and no file exists at that path.',
} as const satisfies IssueMessage;

/** `plan.unknown_plan` from `bundledPlan(id)`, called from JavaScript with an id no bundled plan has. */
export const planNotBundled = {
  code: 'plan.unknown_plan',
  vi: 'Không có kế hoạch đóng gói nào có id "{ref}" (có: {ids}).',
  en: 'No bundled plan has id "{ref}" (bundled: {ids}).',
} as const satisfies IssueMessage;

/** `file.too_large` (a plan or rule file). */
export const fileTooLarge = { code: 'file.too_large', vi: 'Tệp quá lớn: {size} byte, tối đa {max} byte.', en: 'File too large: {size} bytes, at most {max}.' } as const satisfies IssueMessage;

/** `json.syntax` (`{what}`: the parser's error, worded in both languages). */
export const jsonSyntax = { code: 'json.syntax', vi: 'JSON không hợp lệ: {what}.', en: 'Invalid JSON: {what}.' } as const satisfies IssueMessage;

/** `rules.too_deep` (or the code a caller of `parseJsonDocument` gives, `measurement.too_deep` for measurements), found before the parse. */
export const jsonTooDeep = {
  code: 'rules.too_deep',
  vi: 'Tệp lồng nhau quá sâu: quá {max} cấp mảng/đối tượng (dòng {line}, cột {column}).',
  en: 'The file is nested too deeply: more than {max} levels of arrays/objects (line {line}, column {column}).',
} as const satisfies IssueMessage;

/** `measurement.too_deep`: a measurements JSON file nested too deeply, found before the parse. */
export const measurementTooDeep = { ...jsonTooDeep, code: 'measurement.too_deep' } as const satisfies IssueMessage;

/** `file.not_found`: a file that cannot be opened (`{reason}`: in Vietnamese the system's error code, in English its text). */
export const fileUnreadable = { code: 'file.not_found', vi: 'Không đọc được tệp "{path}" ({reason}).', en: 'Cannot read file "{path}": {reason}' } as const satisfies IssueMessage;

/** `file.not_found`: a path that is not a regular file (a directory, a FIFO, a device). */
export const fileNotRegular = { code: 'file.not_found', vi: 'Không đọc được tệp "{path}": không phải tệp thông thường.', en: 'Cannot read file "{path}": not a regular file' } as const satisfies IssueMessage;

/** `json.too_many_issues`. */
export const jsonTooManyIssues = { code: 'json.too_many_issues', vi: '… và {more} lỗi cú pháp khác (chỉ liệt kê {max} lỗi đầu).', en: '… and {more} more syntax errors (only the first {max} are listed).' } as const satisfies IssueMessage;

/** `json.duplicate_key`. */
export const jsonDuplicateKey = {
  code: 'json.duplicate_key',
  vi: 'Khóa {key} viết hai lần trong cùng một đối tượng (dòng {firstLine}, cột {firstColumn} và dòng {line}, cột {column}); JSON không nói giá trị nào thắng, hãy giữ một.',
  en: 'Key {key} is written twice in one object (line {firstLine}, column {firstColumn} and line {line}, column {column}); JSON does not say which one wins: keep one.',
} as const satisfies IssueMessage;

// The messages of the measurement checks (engine/measurements.ts, ingest/measurements.ts).
// Row messages follow the row's label (`Dòng 5, cột B (orgUnit): `), which the checks put before them.

/** `measurement.unknown_org_unit` (a warning): an org unit the plan does not list, no known id close to it. */
export const measurementUnknownOrgUnit = {
  code: 'measurement.unknown_org_unit',
  vi: 'kế hoạch không có đơn vị {orgUnit} (cấp {level}); số liệu vẫn được nhận: {rows} dòng nêu đơn vị này, dòng đầu là dòng này. Nếu mã bị gõ sai, hãy sửa rồi nhập lại.',
  en: 'the plan does not list org unit {orgUnit} (level {level}); its rows are accepted: {rows} row(s) name it, this one first. If the id is mistyped, correct it and import again.',
} as const satisfies IssueMessage;

/** `measurement.after_at` (a warning of an evaluation): rows that end after `at`, counted, the first named. */
export const measurementAfterAt = {
  code: 'measurement.after_at',
  vi: '{rows} dòng số liệu kết thúc sau ngày đánh giá {at} nên chưa được tính; dòng đầu tiên là số {row}: chỉ số {indicator}, đơn vị {orgUnit}, kỳ {period} (kết thúc {end}). Để tính các dòng này, hãy đánh giá với ngày từ {end} trở đi (--at).',
  en: '{rows} measurement row(s) end after the evaluation date {at} and do not count yet; the first is number {row}: indicator {indicator}, org unit {orgUnit}, period {period} (ending {end}). To count them, evaluate at {end} or later (--at).',
} as const satisfies IssueMessage;

/** `measurement.unknown_org_unit` (a warning): an org unit the plan does not list, with the known id closest to it. */
export const measurementUnknownOrgUnitSuggestion = {
  code: 'measurement.unknown_org_unit',
  vi: 'kế hoạch không có đơn vị {orgUnit} (cấp {level}); số liệu vẫn được nhận: {rows} dòng nêu đơn vị này, dòng đầu là dòng này. Có phải là {suggestion}? Nếu mã bị gõ sai, hãy sửa rồi nhập lại.',
  en: 'the plan does not list org unit {orgUnit} (level {level}); its rows are accepted: {rows} row(s) name it, this one first. Did you mean {suggestion}? If the id is mistyped, correct it and import again.',
} as const satisfies IssueMessage;

/** `measurement.unknown_org_unit` (a warning): the rows of the unknown org units past the first 20 named (`MAX_UNKNOWN_ORG_UNITS`). */
export const measurementUnknownOrgUnitsMore = {
  code: 'measurement.unknown_org_unit',
  vi: '… và {rows} dòng khác nêu đơn vị mà kế hoạch không có (chỉ nêu tên {max} đơn vị đầu); các dòng đó vẫn được nhận.',
  en: '… and {rows} more row(s) name org units the plan does not list (only the first {max} are named); those rows are accepted.',
} as const satisfies IssueMessage;

/** `measurement.invalid_number`: `1.234` in a `;` CSV file, where the comma is the decimal mark. */
export const measurementGroupedNumberSemicolon = {
  code: 'measurement.invalid_number',
  vi: '{field}: {text} không rõ nghĩa trong tệp dùng dấu ";" (dấu chấm có thể là phân cách hàng nghìn): viết {plain} hoặc dùng dấu phẩy cho phần thập phân.',
  en: '{field}: {text} is ambiguous in a ";" file (the dot may separate thousands): write {plain}, or a comma for decimals.',
} as const satisfies IssueMessage;

/** `measurement.invalid_number`: `1.234` in a spreadsheet's text cell, where the comma is read as the decimal mark. */
export const measurementGroupedNumberTextCell = {
  code: 'measurement.invalid_number',
  vi: '{field}: {text} trong ô dạng văn bản không rõ nghĩa (dấu chấm có thể là phân cách hàng nghìn): viết {plain}, hoặc dùng dấu phẩy cho phần thập phân, hoặc nhập số vào ô dạng số.',
  en: '{field}: {text} in a text cell is ambiguous (the dot may separate thousands): write {plain}, or a comma for decimals, or type the number into a number cell.',
} as const satisfies IssueMessage;

/** `measurement.invalid_number`: a quoted `"1,234"` in a `,` CSV file, where the comma may separate thousands or decimals. */
export const measurementGroupedNumberComma = {
  code: 'measurement.invalid_number',
  vi: '{field}: {text} không rõ nghĩa (dấu phẩy có thể phân cách hàng nghìn hoặc là dấu thập phân): viết {plain} hoặc {decimal}.',
  en: '{field}: {text} is ambiguous (the comma may separate thousands or decimals): write {plain} or {decimal}.',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: a day/month/year date (`31/02/2019`) that is not a day of the calendar. */
export const measurementImpossibleDate = {
  code: 'measurement.invalid_value',
  vi: '{text} không phải ngày có thật (đọc là ngày/tháng/năm: {why}).',
  en: '{text} is not a date of the calendar (read as day/month/year: {why}).',
} as const satisfies IssueMessage;

// The messages of reading measurement files (ingest/measurements.ts): the file and its header.

/** `measurement.too_many_issues`: the issues past the first `maxIssues`, counted. */
export const measurementTooManyIssues = {
  code: 'measurement.too_many_issues',
  vi: '… và {more} lỗi khác (chỉ liệt kê {max} lỗi đầu).',
  en: '… and {more} more issues (only the first {max} are listed).',
} as const satisfies IssueMessage;

/** `file.too_large`: a measurements file over `maxBytes`. */
export const measurementFileTooLarge = {
  code: 'file.too_large',
  vi: 'Tệp số liệu quá lớn (tối đa {max} byte).',
  en: 'The measurements file is too large (at most {max} bytes).',
} as const satisfies IssueMessage;

/** `measurement.missing_header`. */
export const measurementMissingHeader = {
  code: 'measurement.missing_header',
  vi: 'Dòng 1: thiếu dòng tiêu đề (indicator,orgUnit,level,period,value).',
  en: 'Row 1: the header (indicator,orgUnit,level,period,value) is missing.',
} as const satisfies IssueMessage;

/** `measurement.unknown_column` (`{column}`: the heading as written, quoted). */
export const measurementUnknownColumn = {
  code: 'measurement.unknown_column',
  vi: 'Dòng 1: cột {column} không thuộc định dạng; bỏ qua.',
  en: 'Row 1: column {column} is not part of the format; ignored.',
} as const satisfies IssueMessage;

/** `measurement.unknown_column`: the unknown columns past the first ones named, counted. */
export const measurementUnknownColumnsMore = {
  code: 'measurement.unknown_column',
  vi: 'Dòng 1: … và {more} cột khác không thuộc định dạng.',
  en: 'Row 1: … and {more} more columns that are not part of the format.',
} as const satisfies IssueMessage;

/** `measurement.duplicate_column`. */
export const measurementDuplicateColumn = {
  code: 'measurement.duplicate_column',
  vi: 'Dòng 1: cột {column} lặp lại.',
  en: 'Row 1: column {column} appears twice.',
} as const satisfies IssueMessage;

/** `measurement.missing_column`: a first row naming none of the columns (another kind of file). */
export const measurementNotAHeader = {
  code: 'measurement.missing_column',
  vi: 'Dòng 1 không phải tiêu đề của tệp số liệu: không có cột nào trong {columns}.',
  en: 'Row 1 is not the header of a measurements file: it names none of the columns {columns}.',
} as const satisfies IssueMessage;

/** `measurement.missing_column`: required columns missing from the header. */
export const measurementMissingColumn = {
  code: 'measurement.missing_column',
  vi: 'Dòng 1: thiếu cột {columns}.',
  en: 'Row 1: missing column(s) {columns}.',
} as const satisfies IssueMessage;

/** `measurement.unterminated_quote`. */
export const measurementUnterminatedQuote = {
  code: 'measurement.unterminated_quote',
  vi: 'Dòng {row}: dấu ngoặc kép mở nhưng không đóng; phần còn lại của tệp bị bỏ qua.',
  en: 'Row {row}: a quote is opened and never closed; the rest of the file is ignored.',
} as const satisfies IssueMessage;

/** `measurement.invalid_document` (`{wrapped}`: the object form, `{"measurements": [...]}`). */
export const measurementInvalidDocument = {
  code: 'measurement.invalid_document',
  vi: 'Tệp số liệu JSON phải là một mảng, hoặc {wrapped}.',
  en: 'A JSON measurements file must be an array, or {wrapped}.',
} as const satisfies IssueMessage;

// The messages of the row checks (engine/measurements.ts), each after the row's place. `{field}`
// names a field: in Vietnamese by the template's heading in lower case (`tử số`), in English by
// its key (`numerator`).

/** `measurement.invalid_value`: a row from code or JSON that is not an object. */
export const measurementNotAnObject = { code: 'measurement.invalid_value', vi: 'cần một đối tượng.', en: 'an object is needed.' } as const satisfies IssueMessage;

/** `measurement.unknown_key` (`{key}`: the key, cut to 40 characters). */
export const measurementUnknownKey = { code: 'measurement.unknown_key', vi: 'khóa "{key}" không thuộc định dạng.', en: 'key "{key}" is not part of the format.' } as const satisfies IssueMessage;

/** `measurement.invalid_value`: a field that is an object or an array. */
export const measurementNestedValue = { code: 'measurement.invalid_value', vi: '"{key}" phải là số, chuỗi hoặc đúng/sai.', en: '"{key}" must be a number, a string or a boolean.' } as const satisfies IssueMessage;

/** `usage.invalid_plan` (`{what}`: what was given instead, in both languages). */
export const usageInvalidPlan = {
  code: 'usage.invalid_plan',
  vi: 'Cần một kế hoạch (đối tượng từ bundledPlan, loadPlan hoặc compilePlan), không phải {what}.',
  en: 'A plan is needed (an object from bundledPlan, loadPlan or compilePlan), not {what}.',
} as const satisfies IssueMessage;

/** `usage.invalid_plan`: a string, most likely a plan id. */
export const usageInvalidPlanText = {
  code: 'usage.invalid_plan',
  vi: 'Cần một kế hoạch (đối tượng từ bundledPlan, loadPlan hoặc compilePlan), không phải chuỗi "{text}": với mã kế hoạch có sẵn, dùng bundledPlan("{text}").',
  en: 'A plan is needed (an object from bundledPlan, loadPlan or compilePlan), not the string "{text}": for a bundled plan id, use bundledPlan("{text}").',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: a `Date` as a row's `period` (a period is an id; the date of the evaluation is `at`). */
export const measurementPeriodDate = {
  code: 'measurement.invalid_value',
  vi: '"period" là mã kỳ như 2019Q3, không phải đối tượng Date (sai kiểu); ngày đánh giá là tùy chọn `at`.',
  en: '"period" is a period id such as 2019Q3, not a Date object (wrong type); the date of the evaluation is the `at` option.',
} as const satisfies IssueMessage;

/** `calendar.invalid_period_id`: not a string (`{what}`: what was given, in both languages). */
export const calendarPeriodIdNotText = {
  code: 'calendar.invalid_period_id',
  vi: 'Kỳ là mã như 2019Q3 (chuỗi), không phải {what} (sai kiểu).',
  en: 'A period is an id such as 2019Q3 (a string), not {what} (wrong type).',
} as const satisfies IssueMessage;

/** `calendar.invalid_period_id`: a `Date` where a period id is expected. */
export const calendarPeriodIdDate = {
  code: 'calendar.invalid_period_id',
  vi: 'Kỳ là mã như 2019Q3 (chuỗi), không phải đối tượng Date (sai kiểu): với một thời điểm, truyền nó làm `at` (deadlinesAt, periodContaining).',
  en: 'A period is an id such as 2019Q3 (a string), not a Date object (wrong type): for an instant, pass it as `at` (deadlinesAt, periodContaining).',
} as const satisfies IssueMessage;

/** `usage.invalid_measurements` (`{what}`: what was given instead; `{hint}`: the function to use, or nothing). */
export const usageInvalidMeasurements = {
  code: 'usage.invalid_measurements',
  vi: 'Số liệu phải là một mảng hoặc một iterable các đối tượng số liệu (hoặc kết quả của parseMeasurementsCsv/Json), không phải {what}.',
  en: 'Measurements must be an array or an iterable of measurement objects (or a result of parseMeasurementsCsv/Json), not {what}.',
} as const satisfies IssueMessage;

/** `usage.invalid_measurements`: a string (CSV or JSON text). */
export const usageInvalidMeasurementsText = {
  code: 'usage.invalid_measurements',
  vi: 'Số liệu phải là một mảng hoặc một iterable các đối tượng số liệu (hoặc kết quả của parseMeasurementsCsv/Json), không phải một chuỗi. Văn bản CSV/JSON: dùng parseMeasurementsText.',
  en: 'Measurements must be an array or an iterable of measurement objects (or a result of parseMeasurementsCsv/Json), not a string. For CSV/JSON text use parseMeasurementsText.',
} as const satisfies IssueMessage;

/** `usage.invalid_measurements`: an async iterable given to a synchronous function. */
export const usageInvalidMeasurementsAsync = {
  code: 'usage.invalid_measurements',
  vi: 'Số liệu phải là một mảng hoặc một iterable các đối tượng số liệu (hoặc kết quả của parseMeasurementsCsv/Json), không phải một async iterable. Dùng evaluateAsync / prepareMeasurementsAsync.',
  en: 'Measurements must be an array or an iterable of measurement objects (or a result of parseMeasurementsCsv/Json), not an async iterable. Use evaluateAsync / prepareMeasurementsAsync.',
} as const satisfies IssueMessage;

/** `measurement.invisible_character` (`{what}`: the character and where, as core describes it). */
export const measurementInvisibleCharacter = { code: 'measurement.invisible_character', vi: '{field} {what}.', en: 'the {field} id {what}.' } as const satisfies IssueMessage;

/** `measurement.mixed_script` (`{what}`: the scripts mixed and where, as core describes it). */
export const measurementMixedScript = { code: 'measurement.mixed_script', vi: '{field} {what}.', en: 'the {field} id {what}.' } as const satisfies IssueMessage;

/** `measurement.missing_value`: no indicator. */
export const measurementMissingIndicator = { code: 'measurement.missing_value', vi: 'thiếu mã chỉ số.', en: 'the indicator is missing.' } as const satisfies IssueMessage;

/** `measurement.unknown_indicator` (`{indicator}`: cut to 80 characters). */
export const measurementUnknownIndicator = { code: 'measurement.unknown_indicator', vi: 'kế hoạch không có chỉ số "{indicator}".', en: 'the plan has no indicator "{indicator}".' } as const satisfies IssueMessage;

/** `measurement.missing_value`: no org unit. */
export const measurementMissingOrgUnit = { code: 'measurement.missing_value', vi: 'thiếu đơn vị (orgUnit).', en: 'the org unit (orgUnit) is missing.' } as const satisfies IssueMessage;

/** `measurement.invalid_value`: an org unit id over `MAX_ORG_UNIT_LENGTH`. */
export const measurementOrgUnitTooLong = { code: 'measurement.invalid_value', vi: 'tên đơn vị dài quá {max} ký tự.', en: 'the org unit is longer than {max} characters.' } as const satisfies IssueMessage;

/** `measurement.invalid_level` (`{level}`: as written, cut to 40 characters). */
export const measurementInvalidLevel = {
  code: 'measurement.invalid_level',
  vi: 'cấp "{level}" không hợp lệ; dùng tỉnh, huyện hoặc xã (hoặc cấp tỉnh, cấp huyện, cấp xã; province, district, commune).',
  en: 'level "{level}" is not valid; use province, district or commune (in Vietnamese tỉnh, huyện, xã).',
} as const satisfies IssueMessage;

/** `measurement.level_mismatch` (`{known}`, `{given}`: levels, in Vietnamese by their names). */
export const measurementLevelMismatch = {
  code: 'measurement.level_mismatch',
  vi: 'kế hoạch ghi "{orgUnit}" thuộc {known}, dòng này ghi {given}.',
  en: 'the plan has "{orgUnit}" at level {known}, this row says {given}.',
} as const satisfies IssueMessage;

/** `measurement.missing_level`. */
export const measurementMissingLevel = {
  code: 'measurement.missing_level',
  vi: 'kế hoạch không biết đơn vị "{orgUnit}": cần ghi cấp (province, district, commune).',
  en: 'the plan does not know org unit "{orgUnit}": give its level (province, district, commune).',
} as const satisfies IssueMessage;

/** `measurement.out_of_range`: a negative count. */
export const measurementNegativeCount = { code: 'measurement.out_of_range', vi: '{field} không được âm.', en: '{field} cannot be negative.' } as const satisfies IssueMessage;

/** `measurement.out_of_range`: a denominator of 0. */
export const measurementZeroDenominator = { code: 'measurement.out_of_range', vi: 'mẫu số phải lớn hơn 0.', en: 'the denominator must be greater than 0.' } as const satisfies IssueMessage;

/** `measurement.invalid_number`: a count that is not a whole number. */
export const measurementCountNotWhole = {
  code: 'measurement.invalid_number',
  vi: '{field} phải là số nguyên (số hồ sơ, văn bản…), nhận được {value}.',
  en: '{field} must be a whole number (a count of dossiers, documents…), got {value}.',
} as const satisfies IssueMessage;

/** `measurement.missing_value`: a numerator without a denominator or the other way round. */
export const measurementCountsIncomplete = { code: 'measurement.missing_value', vi: 'cần cả tử số và mẫu số.', en: 'both numerator and denominator are needed.' } as const satisfies IssueMessage;

/** `measurement.out_of_range`: a percentage's numerator over its denominator. */
export const measurementNumeratorOverDenominator = {
  code: 'measurement.out_of_range',
  vi: 'tử số {numerator} lớn hơn mẫu số {denominator}.',
  en: 'numerator {numerator} is greater than denominator {denominator}.',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: counts given for a qualitative indicator. */
export const measurementCountsOfQualitative = {
  code: 'measurement.invalid_value',
  vi: 'chỉ số định tính không có tử số/mẫu số.',
  en: 'a qualitative indicator has no numerator/denominator.',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: an evidence date that is not a date (`{text}`: quoted, cut to 40 characters). */
export const measurementInvalidEvidenceDate = {
  code: 'measurement.invalid_value',
  vi: '{text} không phải ngày hợp lệ (YYYY-MM-DD hoặc ngày/tháng/năm).',
  en: '{text} is not a valid date (YYYY-MM-DD or day/month/year).',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: an evidence date with a value other than yes. */
export const measurementEvidenceDateNotYes = {
  code: 'measurement.invalid_value',
  vi: 'có ngày bằng chứng thì giá trị chỉ có thể là có (yes).',
  en: 'with an evidence date (evidenceDate) the value can only be yes.',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: a qualitative value shaped like a date that is not one. */
export const measurementInvalidDateValue = { code: 'measurement.invalid_value', vi: '"{text}" không phải ngày hợp lệ.', en: '"{text}" is not a valid date.' } as const satisfies IssueMessage;

/** `measurement.missing_value`: a qualitative indicator's value. */
export const measurementMissingQualitativeValue = {
  code: 'measurement.missing_value',
  vi: 'thiếu giá trị (có/không hoặc ngày có bằng chứng).',
  en: 'the value is missing (yes/no or the date of evidence).',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: a qualitative value that is neither yes/no nor a date (`{text}`: quoted, cut to 40 characters). */
export const measurementInvalidQualitativeValue = {
  code: 'measurement.invalid_value',
  vi: 'chỉ số định tính nhận có/không (yes/no, true/false, 1/0) hoặc một ngày (YYYY-MM-DD hoặc ngày/tháng/năm), không nhận {text}.',
  en: 'a qualitative indicator takes yes/no (true/false, 1/0) or a date (YYYY-MM-DD or day/month/year), not {text}.',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: an evidence date for a quantitative indicator. */
export const measurementEvidenceDateOfQuantitative = {
  code: 'measurement.invalid_value',
  vi: 'chỉ chỉ số định tính mới có ngày bằng chứng (evidenceDate).',
  en: 'only a qualitative indicator takes an evidence date (evidenceDate).',
} as const satisfies IssueMessage;

/** `measurement.missing_value`: a quantitative indicator's value. */
export const measurementMissingQuantitativeValue = {
  code: 'measurement.missing_value',
  vi: 'thiếu giá trị (hoặc tử số và mẫu số).',
  en: 'the value is missing (or numerator and denominator).',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: true/false for a quantitative indicator. */
export const measurementBooleanOfQuantitative = {
  code: 'measurement.invalid_value',
  vi: 'chỉ số định lượng cần một số, không phải đúng/sai.',
  en: 'a quantitative indicator needs a number, not true/false.',
} as const satisfies IssueMessage;

/** `measurement.invalid_number`: a value that is a number but not a finite one. */
export const measurementValueNotFinite = { code: 'measurement.invalid_number', vi: 'số không hữu hạn.', en: 'not a finite number.' } as const satisfies IssueMessage;

/** `measurement.invalid_number`: a value neither a number nor text (`{type}`: its JavaScript type). */
export const measurementValueNotNumber = { code: 'measurement.invalid_number', vi: 'cần một số, nhận được {type}.', en: 'a number is needed, got {type}.' } as const satisfies IssueMessage;

/** `measurement.invalid_number`: a value's text that is not a decimal number (`{text}`: quoted, cut to 40 characters). */
export const measurementValueNotDecimal = { code: 'measurement.invalid_number', vi: '{text} không phải là số thập phân.', en: '{text} is not a decimal number.' } as const satisfies IssueMessage;

/** `measurement.invalid_number`: a value written with a decimal comma. */
export const measurementValueDecimalComma = {
  code: 'measurement.invalid_number',
  vi: '{text} không phải là số thập phân (dùng dấu chấm cho phần thập phân: 19.5).',
  en: '{text} is not a decimal number (use a dot for decimals: 19.5).',
} as const satisfies IssueMessage;

/** `measurement.invalid_number`: a value written with `%`. */
export const measurementValuePercentSign = {
  code: 'measurement.invalid_number',
  vi: '{text} không phải là số thập phân (viết số không kèm dấu %).',
  en: '{text} is not a decimal number (write the number without %).',
} as const satisfies IssueMessage;

/** `measurement.out_of_range`: a negative value. */
export const measurementNegativeValue = { code: 'measurement.out_of_range', vi: 'giá trị không được âm.', en: 'the value cannot be negative.' } as const satisfies IssueMessage;

/** `measurement.out_of_range`: a percentage over 100. */
export const measurementPercentOver100 = { code: 'measurement.out_of_range', vi: 'tỷ lệ {value}% vượt quá 100%.', en: 'percentage {value}% is above 100%.' } as const satisfies IssueMessage;

/** `measurement.inconsistent_counts` (`{gap}`: `MAX_ROUNDING_GAP`). */
export const measurementInconsistentCounts = {
  code: 'measurement.inconsistent_counts',
  vi: 'giá trị {value}% không khớp với tử số/mẫu số {numerator}/{denominator} = {computed}% (lệch quá {gap} điểm phần trăm do làm tròn).',
  en: 'value {value}% does not match numerator/denominator {numerator}/{denominator} = {computed}% (more than the {gap} percentage points rounding explains).',
} as const satisfies IssueMessage;

/** `measurement.invalid_period` (`{period}`: quoted, cut to 40 characters). */
export const measurementInvalidPeriod = {
  code: 'measurement.invalid_period',
  vi: 'kỳ {period} không hợp lệ (ví dụ 2020Q4, 2020M03, 2020S1, 2020).',
  en: 'period {period} is not valid (e.g. 2020Q4, 2020M03, 2020S1, 2020).',
} as const satisfies IssueMessage;

/** `measurement.invalid_value`: an evidence date outside the period written. */
export const measurementEvidenceOutsidePeriod = { code: 'measurement.invalid_value', vi: 'ngày {date} nằm ngoài kỳ {period}.', en: 'date {date} lies outside period {period}.' } as const satisfies IssueMessage;

/** `measurement.missing_value`: no period. */
export const measurementMissingPeriod = { code: 'measurement.missing_value', vi: 'thiếu kỳ báo cáo (ví dụ 2020Q4).', en: 'the reporting period is missing (e.g. 2020Q4).' } as const satisfies IssueMessage;

/** `measurement.missing_value`: no value, the row otherwise sound. */
export const measurementMissingValue = { code: 'measurement.missing_value', vi: 'thiếu giá trị.', en: 'the value is missing.' } as const satisfies IssueMessage;

/** `measurement.duplicate` (`{first}`: the row of the same key first). */
export const measurementDuplicate = {
  code: 'measurement.duplicate',
  vi: 'trùng với dòng {first} (cùng chỉ số, đơn vị và kỳ).',
  en: 'duplicates row {first} (same indicator, org unit and period).',
} as const satisfies IssueMessage;

/** `measurement.extra_cells`: a CSV row with more cells than the header has columns. */
export const measurementExtraCells = { code: 'measurement.extra_cells', vi: 'có {cells} ô, tiêu đề chỉ có {columns} cột.', en: 'has {cells} cells, the header has {columns} columns.' } as const satisfies IssueMessage;

// The messages of evaluation options (`evaluate`, `progress`; engine/options.ts).

/** `usage.invalid_date`: an evaluation date that is no date (`{at}`: as given, shown). */
export const usageInvalidDate = {
  code: 'usage.invalid_date',
  vi: 'Ngày đánh giá {at} không hợp lệ: cần một ngày có thật YYYY-MM-DD, một thời điểm ISO 8601, một Date hoặc số mili giây.',
  en: 'The evaluation date {at} is not valid: give a real date YYYY-MM-DD, an ISO 8601 instant, a Date or epoch milliseconds.',
} as const satisfies IssueMessage;

/** `usage.invalid_date`: an evaluation date of a type no date has. */
export const usageInvalidDateType = {
  code: 'usage.invalid_date',
  vi: 'Ngày đánh giá {at} phải là Date, số mili giây hoặc chuỗi ngày/thời điểm.',
  en: 'The evaluation date {at} must be a Date, epoch milliseconds or a date/instant string.',
} as const satisfies IssueMessage;

/** `usage.unknown_phase` (`{phases}`, `{known}`: lists of phase ids). */
export const usageUnknownPhase = {
  code: 'usage.unknown_phase',
  vi: 'Kế hoạch không có giai đoạn {phases}; có: {known}.',
  en: 'The plan has no phase {phases}; it has: {known}.',
} as const satisfies IssueMessage;

/** `usage.unknown_option` (`{keys}`, `{known}`: lists of option names). */
export const usageUnknownOption = { code: 'usage.unknown_option', vi: 'Tùy chọn không có: {keys}; các tùy chọn: {known}.', en: 'Unknown option(s): {keys}; the options are: {known}.' } as const satisfies IssueMessage;

/** `usage.invalid_option`: `phase`. */
export const usageInvalidPhaseOption = {
  code: 'usage.invalid_option',
  vi: 'Tùy chọn phase phải là mã giai đoạn hoặc danh sách mã giai đoạn.',
  en: 'The phase option must be a phase id or a list of phase ids.',
} as const satisfies IssueMessage;

/** `usage.invalid_option`: `maxResults`. */
export const usageInvalidMaxResults = { code: 'usage.invalid_option', vi: 'Tùy chọn maxResults phải là số nguyên dương.', en: 'The maxResults option must be a positive integer.' } as const satisfies IssueMessage;

/** `usage.invalid_option`: `method`. */
export const usageInvalidMethod = { code: 'usage.invalid_option', vi: 'Phương pháp phải là "cagr" hoặc "linear".', en: 'The method must be "cagr" or "linear".' } as const satisfies IssueMessage;

/** `usage.invalid_option`: options that are not an object. */
export const usageOptionsNotObject = { code: 'usage.invalid_option', vi: 'Tùy chọn phải là một đối tượng.', en: 'The options must be an object.' } as const satisfies IssueMessage;

// The messages of provenance checks (engine/provenance.ts).

/** `rules.unverified_provenance` (a warning; `{claim}`: what the file says, `{file}`: the file). */
export const rulesForgedProvenance = {
  code: 'rules.unverified_provenance',
  vi: 'Tệp ghi rằng {claim}, nhưng kế hoạch đóng gói đó không có như vậy; thay bằng vị trí trong chính tệp {file}.',
  en: 'The file says {claim}, but that bundled plan does not hold it; replaced by the location in {file} itself.',
} as const satisfies IssueMessage;

/** `rules.unverified_provenance` (a warning): the claims replaced past the first ones named. */
export const rulesForgedProvenanceMore = {
  code: 'rules.unverified_provenance',
  vi: '… và {more} khẳng định nguồn gốc sai khác, cũng bị thay.',
  en: '… and {more} more provenance claims that do not hold, also replaced.',
} as const satisfies IssueMessage;

/** `rules.unverified_provenance` (a warning): claims naming files that are not bundled plans. */
export const rulesClaimedProvenance = {
  code: 'rules.unverified_provenance',
  vi: 'Tệp tự ghi {count} nguồn gốc trỏ tới tệp không phải kế hoạch đóng gói; không kiểm chứng được nên chỉ hiển thị là lời tệp tự ghi (claimed).',
  en: "The file states {count} provenance entries naming files that are not bundled plans; they cannot be verified and are shown only as the file's claim (claimed).",
} as const satisfies IssueMessage;

// The messages of `extends` resolution and merging (engine/resolve.ts). Their labels and hints
// (`{what}`, `{hint}`, `{label}`, `{from}`) are bilingual words of words.ts.

/** `rules.too_many_results`: each-unit targets times units over `maxResults`. */
export const rulesTooManyEachUnitResults = {
  code: 'rules.too_many_results',
  vi: 'Các chỉ tiêu "each-unit" của kế hoạch nhân với số đơn vị hành chính đã cho {total} kết quả, quá giới hạn {max} (maxResults).',
  en: "The plan's each-unit targets times its administrative units give {total} results, over the limit of {max} (maxResults).",
} as const satisfies IssueMessage;

/** `rules.too_many_targets`: the plan resolved from `extends`. */
export const rulesTooManyTargetsResolved = {
  code: 'rules.too_many_targets',
  vi: 'Kế hoạch sau khi giải "extends" có {count} chỉ tiêu, tối đa {max}.',
  en: 'The plan resolved from "extends" has {count} targets, at most {max}.',
} as const satisfies IssueMessage;

/** `plan.unknown_agency` after `extends` left a part out (`{message}`: the consistency check's message). */
export const planUnknownAgencyOmitted = {
  code: 'plan.unknown_agency',
  vi: '{message} Nếu mục này nằm trong phần bị bỏ qua ("include"/"omit" của "extends"): hãy khai báo nó trong tệp của bạn, đổi tham chiếu bằng "itemOverrides", hoặc bỏ qua cả phần dùng nó.',
  en: '{message} If it is in a part an "extends" entry leaves out ("include"/"omit"): declare it in your file, change the reference with "itemOverrides", or leave out the part that names it too.',
} as const satisfies IssueMessage;

/** `plan.unknown_reference` after `extends` left a part out (`{message}`: the consistency check's message). */
export const planUnknownReferenceOmitted = {
  code: 'plan.unknown_reference',
  vi: '{message} Nếu mục này nằm trong phần bị bỏ qua ("include"/"omit" của "extends"): hãy khai báo nó trong tệp của bạn, đổi tham chiếu bằng "itemOverrides", hoặc bỏ qua cả phần dùng nó.',
  en: '{message} If it is in a part an "extends" entry leaves out ("include"/"omit"): declare it in your file, change the reference with "itemOverrides", or leave out the part that names it too.',
} as const satisfies IssueMessage;

/** `rules.too_many_files`. */
export const rulesTooManyFiles = { code: 'rules.too_many_files', vi: 'Chuỗi "extends" dùng quá {max} tệp.', en: 'The "extends" chain uses more than {max} files.' } as const satisfies IssueMessage;

/** `rules.invalid_base`. */
export const rulesInvalidBase = {
  code: 'rules.invalid_base',
  vi: 'Kế hoạch gốc "{ref}" không hợp lệ (xem các lỗi kèm theo).',
  en: 'Base plan "{ref}" is invalid (see the issues that follow).',
} as const satisfies IssueMessage;

/** `rules.extends_cycle` (`{cycle}`: the files, joined by →). */
export const rulesExtendsCycle = { code: 'rules.extends_cycle', vi: '"extends" tạo thành vòng: {cycle}.', en: '"extends" forms a cycle: {cycle}.' } as const satisfies IssueMessage;

/** `rules.conflicting_definition` (`{what}`: the target, item or indicator; `{first}`, `{here}`: file places; `{hint}`: what to do). */
export const rulesConflictingDefinition = {
  code: 'rules.conflicting_definition',
  vi: '{what} được khai báo khác nhau tại {first} và tại {here} (khác ở: {fields}): {hint}',
  en: '{what} is declared differently at {first} and at {here} (different: {fields}): {hint}',
} as const satisfies IssueMessage;

/** `rules.unknown_indicator` (`addTargets`). */
export const rulesUnknownIndicatorAddTargets = {
  code: 'rules.unknown_indicator',
  vi: 'Không có chỉ số "{indicator}" để thêm chỉ tiêu.',
  en: 'There is no indicator "{indicator}" to add a target to.',
} as const satisfies IssueMessage;

/** `rules.unknown_target` (an override). */
export const rulesUnknownTargetOverride = {
  code: 'rules.unknown_target',
  vi: 'Ghi đè chỉ tiêu "{target}" không tồn tại (trong tệp này hay các kế hoạch gốc).',
  en: 'Override of target "{target}", which does not exist (in this file or its bases).',
} as const satisfies IssueMessage;

/** `rules.unknown_target` (a withdrawal). */
export const rulesUnknownTargetWithdrawal = {
  code: 'rules.unknown_target',
  vi: 'Bãi bỏ chỉ tiêu "{target}" không tồn tại (trong tệp này hay các kế hoạch gốc).',
  en: 'Withdrawal of target "{target}", which does not exist (in this file or its bases).',
} as const satisfies IssueMessage;

/** `rules.unknown_item` (an item override; `{label}`: the item). */
export const rulesUnknownItemOverride = {
  code: 'rules.unknown_item',
  vi: 'Ghi đè {label}, mục không tồn tại (trong tệp này hay các kế hoạch gốc được kế thừa).',
  en: 'Override of {label}, which does not exist (in this file or the bases it inherits).',
} as const satisfies IssueMessage;

/** `rules.unknown_item` (an item withdrawal; `{label}`: the item). */
export const rulesUnknownItemWithdrawal = {
  code: 'rules.unknown_item',
  vi: 'Bãi bỏ {label}, mục không tồn tại (trong tệp này hay các kế hoạch gốc được kế thừa).',
  en: 'Withdrawal of {label}, which does not exist (in this file or the bases it inherits).',
} as const satisfies IssueMessage;

/** `rules.conflicting_override` (`{label}`: the target or item; `{from}`: the date or the start). */
export const rulesConflictingOverride = {
  code: 'rules.conflicting_override',
  vi: 'Xung đột: "{field}" của {label} từ {from} đã được ghi đè khác tại {file} ({pointer}).',
  en: 'Conflict: "{field}" of {label} from {from} is already overridden differently at {file} ({pointer}).',
} as const satisfies IssueMessage;

/** `rules.conflicting_withdrawal` (`{label}`: the target or item, capitalised). */
export const rulesConflictingWithdrawal = {
  code: 'rules.conflicting_withdrawal',
  vi: '{label} đã bị bãi bỏ từ một ngày khác tại {file} ({pointer}).',
  en: '{label} is already withdrawn from another date at {file} ({pointer}).',
} as const satisfies IssueMessage;

/** `rules.override_after_withdrawal` (`{label}`: the target or item; `{from}`: the withdrawal's date or the start). */
export const rulesOverrideAfterWithdrawal = {
  code: 'rules.override_after_withdrawal',
  vi: 'Ghi đè có hiệu lực khi {label} đã bị bãi bỏ (từ {from}, {file} {pointer}).',
  en: 'The override takes effect when {label} is already withdrawn (from {from}, {file} {pointer}).',
} as const satisfies IssueMessage;
