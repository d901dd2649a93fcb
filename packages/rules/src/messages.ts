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

/** `rules.path_not_allowed` (`{why}`: the source's reason). */
export const rulesPathNotAllowed = { code: 'rules.path_not_allowed', vi: 'Không được phép dùng "{ref}" trong "extends": {why}', en: '"{ref}" is not allowed in "extends": {why}' } as const satisfies IssueMessage;

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

/** `file.too_large` (a plan or rule file). */
export const fileTooLarge = { code: 'file.too_large', vi: 'Tệp quá lớn: {size} byte, tối đa {max} byte.', en: 'File too large: {size} bytes, at most {max}.' } as const satisfies IssueMessage;

/** `json.syntax` (`{what}`: the parser's error, worded in both languages). */
export const jsonSyntax = { code: 'json.syntax', vi: 'JSON không hợp lệ: {what}.', en: 'Invalid JSON: {what}.' } as const satisfies IssueMessage;

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
