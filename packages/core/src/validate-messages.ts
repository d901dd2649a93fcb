import type { IssueMessage } from './issue-messages.js';

// The issue messages of the plan checks of @egov-plan/core (validate.ts): one constant per
// message, with its code and its Vietnamese and English templates (`{name}` parameters).
// validate.ts imports them as a namespace (`import * as MSG from './validate-messages.js'`) so
// that a bundle keeps only the messages it can emit; docs/errors.md lists them all
// (scripts/lib/issue-messages.ts).

// The schema issues (`fromZodIssue`): zod's issues in both languages.

/** `schema.missing_key` (a key). */
export const schemaMissingKey = {
  code: 'schema.missing_key',
  vi: 'Thiếu khóa bắt buộc "{key}".',
  en: 'Required key "{key}" is missing.',
} as const satisfies IssueMessage;

/** `schema.invalid_type` (the type names). */
export const schemaInvalidType = {
  code: 'schema.invalid_type',
  vi: 'Sai kiểu: cần {expected}, nhận được {got}.',
  en: 'Wrong type: expected {expected}, got {got}.',
} as const satisfies IssueMessage;

/** `schema.unknown_key` (a key). */
export const schemaUnknownKey = {
  code: 'schema.unknown_key',
  vi: 'Khóa "{key}" không có trong định dạng.',
  en: 'Unknown key "{key}".',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (a number). */
export const schemaOutOfRangeMax = {
  code: 'schema.out_of_range',
  vi: 'Giá trị vượt quá mức tối đa {max}.',
  en: 'Value is above the maximum {max}.',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (a string). */
export const schemaOutOfRangeMaxString = {
  code: 'schema.out_of_range',
  vi: 'Giá trị vượt quá mức tối đa {max} (độ dài/số phần tử).',
  en: 'Value is above the maximum {max} (string length).',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (an array). */
export const schemaOutOfRangeMaxArray = {
  code: 'schema.out_of_range',
  vi: 'Giá trị vượt quá mức tối đa {max} (độ dài/số phần tử).',
  en: 'Value is above the maximum {max} (array length).',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (a number). */
export const schemaOutOfRangeMin = {
  code: 'schema.out_of_range',
  vi: 'Giá trị nhỏ hơn mức tối thiểu {min}.',
  en: 'Value is below the minimum {min}.',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (a string). */
export const schemaOutOfRangeMinString = {
  code: 'schema.out_of_range',
  vi: 'Cần ít nhất {min} ký tự/phần tử.',
  en: 'At least {min} characters required.',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (an array). */
export const schemaOutOfRangeMinArray = {
  code: 'schema.out_of_range',
  vi: 'Cần ít nhất {min} ký tự/phần tử.',
  en: 'At least {min} items required.',
} as const satisfies IssueMessage;

/** `schema.invalid_value` (the allowed values). */
export const schemaInvalidValue = {
  code: 'schema.invalid_value',
  vi: 'Giá trị không hợp lệ; cho phép: {allowed}.',
  en: 'Invalid value; allowed: {allowed}.',
} as const satisfies IssueMessage;

// An id with a suspicious character: one template, under the code of the kind of character.
const suspiciousId = {
  vi: 'Mã {character}.',
  en: 'The id {character}.',
} as const;

/** `schema.invisible_character`: `character` describes it (`describeSuspiciousCharacter`). */
export const schemaInvisibleCharacter = { code: 'schema.invisible_character', ...suspiciousId } as const satisfies IssueMessage;

/** `schema.mixed_script`: `character` describes the look-alike letter (`describeSuspiciousCharacter`). */
export const schemaMixedScript = { code: 'schema.mixed_script', ...suspiciousId } as const satisfies IssueMessage;

/** `schema.out_of_range` (a number that must be greater than `min`: zod's `gt`, `positive`). */
export const schemaOutOfRangeAbove = {
  code: 'schema.out_of_range',
  vi: 'Giá trị phải lớn hơn {min}.',
  en: 'Value must be greater than {min}.',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (a number that must be less than `max`: zod's `lt`, `negative`). */
export const schemaOutOfRangeBelow = {
  code: 'schema.out_of_range',
  vi: 'Giá trị phải nhỏ hơn {max}.',
  en: 'Value must be less than {max}.',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (a string or list of an exact length). */
export const schemaOutOfRangeExact = {
  code: 'schema.out_of_range',
  vi: 'Cần đúng {length} ký tự/phần tử.',
  en: 'Exactly {length} characters or items required.',
} as const satisfies IssueMessage;

/** `schema.out_of_range` (a number that must be a multiple of `divisor`). */
export const schemaNotMultipleOf = {
  code: 'schema.out_of_range',
  vi: 'Giá trị phải là bội số của {divisor}.',
  en: 'Value must be a multiple of {divisor}.',
} as const satisfies IssueMessage;

// A string without its format: zod's structured fields, never its English message.

/** `schema.invalid_format` (a pattern the schema words no better). */
export const schemaFormatPattern = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: chuỗi không khớp mẫu {pattern}.',
  en: 'Invalid format: the string does not match the pattern {pattern}.',
} as const satisfies IssueMessage;

/** `schema.invalid_format` (a required beginning). */
export const schemaFormatPrefix = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: chuỗi phải bắt đầu bằng "{prefix}".',
  en: 'Invalid format: the string must start with "{prefix}".',
} as const satisfies IssueMessage;

/** `schema.invalid_format` (a required end). */
export const schemaFormatSuffix = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: chuỗi phải kết thúc bằng "{suffix}".',
  en: 'Invalid format: the string must end with "{suffix}".',
} as const satisfies IssueMessage;

/** `schema.invalid_format` (a required part). */
export const schemaFormatIncludes = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: chuỗi phải chứa "{includes}".',
  en: 'Invalid format: the string must contain "{includes}".',
} as const satisfies IssueMessage;

/** `schema.invalid_format` (a named format: `email`, `uuid`, `datetime`, …, named as zod names it). */
export const schemaInvalidFormat = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: chuỗi không đúng định dạng {format}.',
  en: 'Invalid format: the string is not a valid {format}.',
} as const satisfies IssueMessage;

// The schemas' own checks (text.ts, plan.ts, calendar.ts, holidays.ts, conditions.ts): each
// passes its message's `en` to zod (what a caller of the schema alone reads) and `fromZodIssue`
// finds the message again by it (`SCHEMA_CHECKS` in validate.ts); a check that names a value
// carries its message and the values in the issue's `params` (`checkIssue` in validate.ts).

/** `schema.invalid_format` (an `Id`). */
export const schemaFormatId = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: mã chỉ gồm chữ thường, chữ số, ".", "_" và "-".',
  en: 'Invalid format: ids use lower-case letters, digits, ".", "_" and "-".',
} as const satisfies IssueMessage;

/** `schema.invalid_format` (a `LocalDate`, a fixed deadline's date). */
export const schemaFormatDate = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: ngày được viết YYYY-MM-DD.',
  en: 'Invalid format: dates are written YYYY-MM-DD.',
} as const satisfies IssueMessage;

/** `schema.invalid_format` (an agency's electronic identifier code). */
export const schemaFormatAgencyCode = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: mã gồm chữ số, chữ in hoa và dấu chấm, tối đa 35 ký tự.',
  en: 'Invalid format: codes use digits, capital letters and dots, at most 35 characters.',
} as const satisfies IssueMessage;

/** `schema.invalid_format` (an administrative unit's code). */
export const schemaFormatUnitCode = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: mã đơn vị hành chính gồm 2 đến 5 chữ số.',
  en: 'Invalid format: administrative unit codes are 2 to 5 digits.',
} as const satisfies IssueMessage;

/** `schema.invalid_format` (a condition's `path`). */
export const schemaFormatConditionPath = {
  code: 'schema.invalid_format',
  vi: 'Sai định dạng: đường dẫn là "$" rồi đến các đoạn ".tên" (chữ cái, chữ số, "_"), không gì khác.',
  en: 'Invalid format: a path is "$" followed by ".name" segments (letters, digits, "_"), nothing else.',
} as const satisfies IssueMessage;

/** `schema.invalid` (a condition's `path` naming a forbidden property). */
export const schemaForbiddenPath = {
  code: 'schema.invalid',
  vi: 'Không hợp lệ: đường dẫn không được nêu __proto__, constructor hay prototype.',
  en: 'Invalid: a path may not name __proto__, constructor or prototype.',
} as const satisfies IssueMessage;

/** `schema.invalid` (a date that does not exist, e.g. 2021-02-29). */
export const schemaUnrealDate = {
  code: 'schema.invalid',
  vi: 'Không hợp lệ: không phải ngày có thật.',
  en: 'Invalid: not a real calendar date.',
} as const satisfies IssueMessage;

/** `schema.invalid` (a quote not in normal form). */
export const schemaUnnormalisedQuote = {
  code: 'schema.invalid',
  vi: 'Không hợp lệ: trích dẫn phải được chuẩn hóa (Unicode NFC, một dấu cách, không có khoảng trắng đầu cuối).',
  en: 'Invalid: quote must be normalised (Unicode NFC, single spaces, trimmed).',
} as const satisfies IssueMessage;

/** `schema.invalid` (a calendar's time zone). */
export const schemaUnknownTimeZone = {
  code: 'schema.invalid',
  vi: 'Không hợp lệ: không phải múi giờ IANA.',
  en: 'Invalid: not an IANA time zone.',
} as const satisfies IssueMessage;

/** `schema.invalid` (a calendar declaring a period type twice). */
export const schemaDuplicatePeriodType = {
  code: 'schema.invalid',
  vi: 'Không hợp lệ: loại kỳ "{type}" được khai báo hai lần.',
  en: 'Invalid: period type "{type}" is declared twice.',
} as const satisfies IssueMessage;

/** `schema.invalid` (a calendar whose primary period type is not among its own). */
export const schemaUndeclaredPrimaryPeriodType = {
  code: 'schema.invalid',
  vi: 'Không hợp lệ: loại kỳ chính "{type}" không được khai báo trong periodTypes.',
  en: 'Invalid: primary period type "{type}" is not declared in periodTypes.',
} as const satisfies IssueMessage;

/** `schema.invalid` (holiday data listing a year twice). */
export const schemaDuplicateHolidayYear = {
  code: 'schema.invalid',
  vi: 'Không hợp lệ: năm {year} xuất hiện hai lần.',
  en: 'Invalid: year {year} appears twice.',
} as const satisfies IssueMessage;

/** `schema.invalid` (a record's key that fails the key schema). */
export const schemaInvalidKey = {
  code: 'schema.invalid',
  vi: 'Khóa "{key}" không hợp lệ.',
  en: 'Invalid key "{key}".',
} as const satisfies IssueMessage;

/** `schema.invalid` (no shape of a union fits). */
export const schemaInvalidUnion = {
  code: 'schema.invalid',
  vi: 'Giá trị không khớp với bất kỳ dạng cho phép nào.',
  en: 'Value matches none of the allowed shapes.',
} as const satisfies IssueMessage;

/**
 * `schema.invalid` (`detail`: the words of a check of a schema that is not core's, which has
 * no message here; core's own checks all have theirs).
 */
export const schemaInvalid = {
  code: 'schema.invalid',
  vi: 'Không hợp lệ: {detail}.',
  en: 'Invalid: {detail}.',
} as const satisfies IssueMessage;

// The consistency checks (`checkPlanConsistency`): what a schema cannot check.

/** `plan.duplicate_id` (phases). */
export const planDuplicateIdPhase = {
  code: 'plan.duplicate_id',
  vi: 'Id "{id}" trùng với giai đoạn thứ {first}.',
  en: 'Id "{id}" duplicates phase #{first}.',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (indicators). */
export const planDuplicateIdIndicator = {
  code: 'plan.duplicate_id',
  vi: 'Id "{id}" trùng với chỉ số thứ {first}.',
  en: 'Id "{id}" duplicates indicator #{first}.',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (agencies). */
export const planDuplicateIdAgency = {
  code: 'plan.duplicate_id',
  vi: 'Id "{id}" trùng với cơ quan thứ {first}.',
  en: 'Id "{id}" duplicates agency #{first}.',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (tasks). */
export const planDuplicateIdTask = {
  code: 'plan.duplicate_id',
  vi: 'Id "{id}" trùng với nhiệm vụ thứ {first}.',
  en: 'Id "{id}" duplicates task #{first}.',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (bodyTasks). */
export const planDuplicateIdBodyTask = {
  code: 'plan.duplicate_id',
  vi: 'Id "{id}" trùng với nhiệm vụ phần II thứ {first}.',
  en: 'Id "{id}" duplicates body task #{first}.',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (duties). */
export const planDuplicateIdDuty = {
  code: 'plan.duplicate_id',
  vi: 'Id "{id}" trùng với trách nhiệm thứ {first}.',
  en: 'Id "{id}" duplicates duty #{first}.',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (reportingObligations). */
export const planDuplicateIdObligation = {
  code: 'plan.duplicate_id',
  vi: 'Id "{id}" trùng với nghĩa vụ báo cáo thứ {first}.',
  en: 'Id "{id}" duplicates obligation #{first}.',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (notes). */
export const planDuplicateIdNote = {
  code: 'plan.duplicate_id',
  vi: 'Id "{id}" trùng với ghi chú thứ {first}.',
  en: 'Id "{id}" duplicates note #{first}.',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (a target; `first` is the pointer to the first). */
export const planDuplicateIdTarget = {
  code: 'plan.duplicate_id',
  vi: 'Id chỉ tiêu "{id}" bị trùng (đã có tại {first}).',
  en: 'Target id "{id}" is a duplicate (first at {first}).',
} as const satisfies IssueMessage;

/** `plan.duplicate_id` (administrativeUnits). */
export const planDuplicateIdUnit = {
  code: 'plan.duplicate_id',
  vi: 'Mã đơn vị hành chính "{code}" bị trùng.',
  en: 'Administrative unit code "{code}" is a duplicate.',
} as const satisfies IssueMessage;

/** `plan.end_before_start` (a phase or unit). */
export const planEndBeforeStart = {
  code: 'plan.end_before_start',
  vi: 'Ngày kết thúc {end} trước ngày bắt đầu {start}.',
  en: 'End {end} is before start {start}.',
} as const satisfies IssueMessage;

/** `plan.unknown_agency` (an agency). */
export const planUnknownAgency = {
  code: 'plan.unknown_agency',
  vi: 'Cơ quan "{agency}" chưa được khai báo trong "agencies".',
  en: 'Agency "{agency}" is not declared in "agencies".',
} as const satisfies IssueMessage;

/** `plan.unknown_phase` (a target). */
export const planUnknownPhase = {
  code: 'plan.unknown_phase',
  vi: 'Giai đoạn "{phase}" không được khai báo trong "phases".',
  en: 'Phase "{phase}" is not declared in "phases".',
} as const satisfies IssueMessage;

/** `plan.unit_mismatch` (a target). */
export const planUnitMismatch = {
  code: 'plan.unit_mismatch',
  vi: 'Đơn vị "{unit}" khác đơn vị của chỉ số ("{indicatorUnit}").',
  en: 'Unit "{unit}" differs from the indicator\'s unit ("{indicatorUnit}").',
} as const satisfies IssueMessage;

/** `plan.unknown_reference` (a task link). */
export const planUnknownReference = {
  code: 'plan.unknown_reference',
  vi: 'Không tìm thấy mục "{id}".',
  en: 'No item with id "{id}".',
} as const satisfies IssueMessage;

/** `plan.obligation_period` (a fixed date with a period type). */
export const planObligationPeriodOneOff = {
  code: 'plan.obligation_period',
  vi: 'Hạn "{kind}" là hạn một lần: "periodType" phải là null (đang là "{periodType}").',
  en: 'A "{kind}" deadline is one-off: "periodType" must be null (it is "{periodType}").',
} as const satisfies IssueMessage;

/** `plan.obligation_period` (a periodic rule without a period type). */
export const planObligationPeriodRecurring = {
  code: 'plan.obligation_period',
  vi: 'Hạn "{kind}" tính theo kỳ: cần "periodType" (ví dụ "quarter").',
  en: 'A "{kind}" deadline recurs by period: "periodType" is required (e.g. "quarter").',
} as const satisfies IssueMessage;

/** `calendar.undeclared_period_type` (an obligation). */
export const calendarUndeclaredPeriodType = {
  code: 'calendar.undeclared_period_type',
  vi: 'Lịch báo cáo của kế hoạch không khai báo loại kỳ "{periodType}" (đã khai báo: {declared}; hoặc dùng "extends": "decree-09-2019").',
  en: 'The plan\'s reporting calendar does not declare the period type "{periodType}" (declared: {declared}; or use "extends": "decree-09-2019").',
} as const satisfies IssueMessage;

// Checked before the schema and the consistency checks (`checkFormatVersion`, `unresolvedRuleFileIssues`).

/** `plan.unsupported_format_version` (`supported`: the version this library reads). */
export const planUnsupportedFormatVersion = {
  code: 'plan.unsupported_format_version',
  vi: 'Phiên bản định dạng {version} không được hỗ trợ; thư viện này đọc phiên bản {supported}.',
  en: 'Format version {version} is not supported; this library reads version {supported}.',
} as const satisfies IssueMessage;

/** `plan.unresolved_rule_file` (`field`: `extends` or `addTargets`). */
export const planUnresolvedRuleFile = {
  code: 'plan.unresolved_rule_file',
  vi: 'Đây là tệp quy tắc chưa được giải ("{field}"), chưa phải kế hoạch: hãy giải nó bằng resolvePlan (hoặc loadPlan) trước.',
  en: 'This is a rule file that is not resolved ("{field}"), not a plan: resolve it with resolvePlan (or loadPlan) first.',
} as const satisfies IssueMessage;
