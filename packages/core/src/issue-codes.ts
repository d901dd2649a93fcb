import type { BilingualText } from './text.js';

/**
 * The issue registry: every code the egov-plan packages emit, with what it means in English and
 * Vietnamese. {@link IssueCode} is exactly its keys, so a misspelt or unregistered code is a type
 * error, and `docs/errors.md` is generated from it (`pnpm generate`). Codes are grouped by
 * prefix: `json.*` and `file.*` (reading text and files), `schema.*` (the JSON does not fit the
 * format), `plan.*` (the plan contradicts itself), `calendar.*` (periods, deadlines, timeframes),
 * `rules.*` (rule files and extension), `measurement.*` (input data), `usage.*` (how a function
 * was called), `store.*` (measurement stores), `workbook.*` (spreadsheets and files refused on import), `http.*` (requests to the HTTP API). Each issue also carries its own message, in both languages, naming the values
 * at fault; the registry says what the code means in general.
 *
 * A package that emits a new code registers it here first, then words each of its messages as
 * an `IssueMessage` constant in its own `src/messages.ts` (code, Vietnamese and English templates
 * with `{name}` parameters), lists that module in scripts/lib/issue-messages.ts, and builds the
 * issue with `issueFrom`:
 *
 * ```ts
 * // packages/tabular/src/messages.ts
 * export const measurementInvalidDocumentHeader = {
 *   code: 'measurement.invalid_document',
 *   vi: 'Bản sao lưu {file}: dòng tiêu đề khác định dạng sao lưu.',
 *   en: 'Backup {file}: the header is not the dump format.',
 * } as const satisfies IssueMessage;
 * // packages/tabular/src/dump.ts
 * import * as MSG from './messages.js';
 * issueFrom(MSG.measurementInvalidDocumentHeader, '', { file }, { file });
 * ```
 *
 * The parameters (`{file}`) are type-checked against the templates; `pnpm generate` lists every
 * message under its code in docs/errors.md. Import the messages as a namespace, one constant
 * each, so that a browser bundle keeps only the messages it can emit. The older
 * `issue(code, pointer, vi, en)` still builds an issue from texts written where it is emitted.
 */
export const ISSUE_REGISTRY = {
  // json.*: The text is not JSON, or the file cannot be read.
  'json.syntax': { en: 'the text is not strict JSON (comments and trailing commas are refused); one issue per position, at most 200', vi: 'văn bản không phải JSON chuẩn (không chấp nhận chú thích và dấu phẩy thừa); mỗi vị trí một lỗi, tối đa 200' },
  'json.too_many_issues': { en: 'counts the syntax errors past the first 200', vi: 'đếm các lỗi cú pháp sau 200 lỗi đầu' },
  'json.duplicate_key': { en: 'a key written twice in one object (rule files, bases, JSON measurements); the message names both lines and columns, the issue sits at the second', vi: 'một khóa viết hai lần trong cùng đối tượng (tệp quy tắc, tệp gốc, số liệu JSON); thông báo nêu cả hai dòng và cột, lỗi đặt ở chỗ thứ hai' },
  'file.not_found': { en: 'the file does not exist or cannot be read', vi: 'tệp không tồn tại hoặc không đọc được' },
  'file.too_large': { en: 'the file is larger than the limit (5 MiB by default)', vi: 'tệp lớn hơn giới hạn (mặc định 5 MiB)' },
  'file.rejected': { en: 'a CSV or JSON file has rows the plan refuses: nothing of it is imported (all or nothing); the rows\' own issues follow. Until tabular 0.1 this was `workbook.rejected` for every kind of file: a tool matching that code matches both now', vi: 'tệp CSV hoặc JSON có dòng bị kế hoạch từ chối: không nhập gì của tệp (tất cả hoặc không gì); các lỗi của từng dòng kèm theo. Trước đây mã này là `workbook.rejected` cho mọi loại tệp: công cụ nào so mã đó nay so cả hai' },
  'file.encoding': { en: 'the file is not UTF-8 text: UTF-16 (byte-order mark FE FF / FF FE, or NUL characters), another encoding such as Windows-1258, or a binary file; one issue, at the first bad character', vi: 'tệp không phải văn bản UTF-8: UTF-16 (dấu BOM FE FF / FF FE, hoặc ký tự NUL), bảng mã khác như Windows-1258, hoặc tệp nhị phân; một lỗi, tại ký tự sai đầu tiên' },
  // schema.*: The JSON does not fit the format.
  'schema.invalid_type': { en: 'a value has the wrong type', vi: 'giá trị sai kiểu' },
  'schema.missing_key': { en: 'a required key is missing', vi: 'thiếu một khóa bắt buộc' },
  'schema.unknown_key': { en: 'a key the format does not define (catches misspellings)', vi: 'khóa không có trong định dạng (thường do viết sai chính tả)' },
  'schema.out_of_range': { en: 'a number or length outside its range, e.g. a percentage of 120', vi: 'số hoặc độ dài nằm ngoài khoảng cho phép, ví dụ tỷ lệ 120%' },
  'schema.invalid_value': { en: 'not one of the allowed values', vi: 'không phải một trong các giá trị được phép' },
  'schema.invalid_format': { en: 'a string without the required format (ids, dates)', vi: 'chuỗi không đúng định dạng yêu cầu (mã định danh, ngày)' },
  'schema.invisible_character': { en: 'an id contains an invisible character (zero-width space or joiner, bidi control, other format or control character, a space other than U+0020); the message names its code point', vi: 'mã chứa ký tự vô hình (khoảng trắng hoặc ký tự nối độ rộng 0, ký tự điều khiển hướng chữ, ký tự định dạng hoặc điều khiển khác, khoảng trắng khác U+0020); thông báo nêu mã ký tự' },
  'schema.mixed_script': { en: 'an id mixes letters of look-alike scripts (a Cyrillic or Greek letter among Latin ones); the message names the code point', vi: 'mã trộn chữ của các hệ chữ trông giống nhau (chữ Kirin hoặc Hy Lạp giữa chữ Latinh); thông báo nêu mã ký tự' },
  'schema.invalid': { en: 'any other schema violation (e.g. an impossible date, an unnormalised quote)', vi: 'vi phạm khác đối với định dạng (ví dụ ngày không có thật, trích dẫn chưa chuẩn hóa)' },
  // plan.*: The plan contradicts itself.
  'plan.unsupported_format_version': { en: "the file's `formatVersion` is not one this library reads", vi: '`formatVersion` của tệp không phải phiên bản thư viện này đọc được' },
  'plan.duplicate_id': { en: 'two items of the same kind share an id (pointer at the second)', vi: 'hai mục cùng loại trùng mã định danh (con trỏ chỉ vào mục thứ hai)' },
  'plan.unknown_agency': { en: 'an agency id used but not declared', vi: 'mã cơ quan được dùng nhưng không được khai báo' },
  'plan.unknown_phase': { en: 'a target in an undeclared phase', vi: 'chỉ tiêu thuộc giai đoạn không được khai báo' },
  'plan.unknown_reference': { en: 'a task link to an item that does not exist', vi: 'nhiệm vụ liên kết tới mục không tồn tại' },
  'plan.end_before_start': { en: 'an interval ending before it starts', vi: 'khoảng thời gian kết thúc trước khi bắt đầu' },
  'plan.unit_mismatch': { en: "a target's unit differs from its indicator's", vi: 'đơn vị của chỉ tiêu khác đơn vị của chỉ số' },
  'plan.unknown_plan': { en: 'neither a bundled plan id nor an existing file', vi: 'không phải mã kế hoạch có sẵn, cũng không phải tệp tồn tại' },
  'plan.unresolved_rule_file': { en: 'a rule file with `extends` or `addTargets` where a resolved plan is expected (`validatePlan`, `compilePlan`, `evaluate`): resolve it first (`resolvePlan`, `loadPlan`)', vi: 'tệp quy tắc có `extends` hoặc `addTargets` ở chỗ cần kế hoạch đã giải (`validatePlan`, `compilePlan`, `evaluate`): hãy giải nó trước (`resolvePlan`, `loadPlan`)' },
  'plan.obligation_period': { en: "a reporting obligation's `periodType` does not fit its deadline rule (a fixed date needs `null`, a periodic rule a type)", vi: '`periodType` của nghĩa vụ báo cáo không khớp quy tắc thời hạn (ngày cố định cần `null`, quy tắc định kỳ cần một loại kỳ)' },
  // calendar.*: Periods, deadlines, timeframes, task progress.
  'calendar.invalid_date': { en: "not a real `YYYY-MM-DD` date (also a progress file's `doneOn`)", vi: 'không phải ngày `YYYY-MM-DD` có thật (kể cả `doneOn` của tệp tiến độ)' },
  'calendar.invalid_instant': { en: 'not an ISO 8601 instant', vi: 'không phải thời điểm ISO 8601' },
  'calendar.invalid_period_id': { en: 'not a period id (`2020Q5`, `2020M13`, `2020S3`, …)', vi: 'không phải mã kỳ (`2020Q5`, `2020M13`, `2020S3`, …)' },
  'calendar.out_of_range': { en: 'a period outside the years 1000–9998', vi: 'kỳ nằm ngoài các năm 1000–9998' },
  'calendar.undeclared_period_type': { en: 'a period type the reporting calendar does not declare', vi: 'loại kỳ mà lịch báo cáo không khai báo' },
  'calendar.too_many_events': { en: 'the calendar range would list more deadlines or events than the limit allows', vi: 'khoảng thời gian của lịch sẽ liệt kê nhiều thời hạn hoặc sự kiện hơn giới hạn cho phép' },
  'calendar.no_working_day_after_cut_off': { en: 'a deadline leaves no working day between the data cut-off and submission (Decree 09/2019/NĐ-CP)', vi: 'thời hạn không để lại ngày làm việc nào giữa ngày chốt số liệu và ngày gửi báo cáo (Nghị định 09/2019/NĐ-CP)' },
  'calendar.period_type_mismatch': { en: "a deadline asked for a period of another type than the obligation's", vi: 'hỏi thời hạn cho một kỳ khác loại với kỳ của nghĩa vụ báo cáo' },
  'calendar.period_required': { en: 'a recurring deadline rule evaluated without a period', vi: 'quy tắc thời hạn định kỳ được tính mà không có kỳ' },
  'calendar.plan_required': { en: 'an obligation or period given by id without the plan', vi: 'nghĩa vụ hoặc kỳ được nêu bằng mã mà không kèm kế hoạch' },
  'calendar.unknown_obligation': { en: 'the plan has no such reporting obligation', vi: 'kế hoạch không có nghĩa vụ báo cáo này' },
  'calendar.invalid_due_soon_days': { en: '`dueSoonDays` is not a non-negative integer', vi: '`dueSoonDays` không phải số nguyên không âm' },
  'calendar.invalid_timeframe': { en: "a task's time expression cannot be read (names the task)", vi: 'không đọc được thời gian thực hiện của nhiệm vụ (nêu tên nhiệm vụ)' },
  'calendar.unknown_task': { en: 'a progress entry names a task the plan does not have', vi: 'dòng tiến độ nêu nhiệm vụ mà kế hoạch không có' },
  'calendar.unknown_agency': { en: 'an agency id the plan does not have', vi: 'mã cơ quan mà kế hoạch không có' },
  'calendar.invalid_progress': { en: 'a progress file that is not CSV, or a row without exactly two fields', vi: 'tệp tiến độ không phải CSV, hoặc dòng không có đúng hai trường' },
  'calendar.duplicate_progress': { en: 'a task listed twice in a progress file', vi: 'một nhiệm vụ xuất hiện hai lần trong tệp tiến độ' },
  'calendar.invalid_range': { en: 'a date range that ends before it starts', vi: 'khoảng ngày kết thúc trước khi bắt đầu' },
  'calendar.ics_failed': { en: 'the iCalendar library refused the events', vi: 'thư viện iCalendar từ chối các sự kiện' },
  // rules.*: Rule files: safety limits, conditions, extension.
  'rules.forbidden_key': { en: 'a `__proto__`, `constructor` or `prototype` key, anywhere in a rule file', vi: 'khóa `__proto__`, `constructor` hoặc `prototype` ở bất kỳ đâu trong tệp quy tắc' },
  'rules.not_data': { en: 'a value that is not plain JSON data (handed over from code: a function, getter, class instance, cycle, `NaN`)', vi: 'giá trị không phải dữ liệu JSON thuần (truyền từ mã: hàm, getter, đối tượng lớp, vòng tham chiếu, `NaN`)' },
  'rules.too_deep': { en: 'JSON nested more than 40 levels, or conditions more than 8 levels of `all`/`any`/`not`', vi: 'JSON lồng quá 40 cấp, hoặc điều kiện lồng quá 8 cấp `all`/`any`/`not`' },
  'rules.too_long': { en: 'a string longer than 20,000 characters', vi: 'chuỗi dài hơn 20.000 ký tự' },
  'rules.too_many_items': { en: 'an array of more than 20,000 items', vi: 'mảng có hơn 20.000 phần tử' },
  'rules.too_many_values': { en: 'an `in` / `notIn` list of more than 200 values', vi: 'danh sách `in` / `notIn` có hơn 200 giá trị' },
  'rules.too_many_conditions': { en: 'a condition tree of more than 500 conditions', vi: 'cây điều kiện có hơn 500 điều kiện' },
  'rules.too_many_targets': { en: 'more than 5,000 targets', vi: 'hơn 5.000 chỉ tiêu' },
  'rules.too_many_files': { en: 'an `extends` chain of more than 16 files', vi: 'chuỗi `extends` dài hơn 16 tệp' },
  'rules.too_many_results': { en: 'the work budget: an evaluation (or progress report) would judge more target × org unit results than `maxResults` (default 1,000,000), or a plan\'s each-unit targets times its units alone exceed it; refused before any result is built', vi: 'ngân sách công việc: lần đánh giá (hoặc báo cáo tiến độ) phải xét nhiều kết quả chỉ tiêu × đơn vị hơn `maxResults` (mặc định 1.000.000), hoặc riêng các chỉ tiêu từng đơn vị nhân số đơn vị của kế hoạch đã vượt; bị từ chối trước khi tạo kết quả nào' },
  'rules.unverified_provenance': { en: 'a warning: the file claims provenance (`origins`, `overrides[].origin`, `withdrawals[].origin`, `resolvedFrom`) that does not hold in the bundled plan it names, or names a file that cannot be checked; the claim is replaced by the file\'s own location', vi: 'cảnh báo: tệp khẳng định nguồn gốc (`origins`, `overrides[].origin`, `withdrawals[].origin`, `resolvedFrom`) không đúng với kế hoạch đóng gói được nêu, hoặc nêu một tệp không kiểm được; khẳng định đó bị thay bằng vị trí trong chính tệp' },
  'rules.too_many_issues': { en: 'more than 500 issues: the first 500 are listed, this one counts the rest', vi: 'hơn 500 lỗi: liệt kê 500 lỗi đầu, lỗi này đếm số còn lại' },
  'rules.unknown_operator': { en: 'an operator outside the allow-list (custom operators, decorators such as `not:equal`)', vi: 'toán tử ngoài danh sách cho phép (toán tử tự định nghĩa, dạng `not:equal`)' },
  'rules.unknown_fact': { en: 'a fact outside the fixed set', vi: 'dữ kiện (fact) ngoài tập cố định' },
  'rules.unsafe_path': { en: 'a `path` that is not `$.name.name` (jsonpath filters, brackets, wildcards, prototype names)', vi: '`path` không có dạng `$.name.name` (bộ lọc jsonpath, ngoặc vuông, ký tự đại diện, tên prototype)' },
  'rules.condition_reference': { en: 'a named-condition reference (`"condition": "…"`)', vi: 'tham chiếu điều kiện có tên (`"condition": "…"`)' },
  'rules.condition_params': { en: '`params` on a condition or fact reference', vi: '`params` trên điều kiện hoặc tham chiếu dữ kiện' },
  'rules.condition_root': { en: 'a condition tree whose root is not `all`, `any` or `not`', vi: 'cây điều kiện có gốc không phải `all`, `any` hoặc `not`' },
  'rules.condition_shape': { en: 'a condition with none or several of `all`, `any`, `not`, `fact`, or a leaf without `operator`/`value`', vi: 'điều kiện không có hoặc có nhiều hơn một trong `all`, `any`, `not`, `fact`, hoặc lá thiếu `operator`/`value`' },
  'rules.operator_value': { en: 'a value that does not fit its operator (a string for `greaterThan`, a non-list for `in`)', vi: 'giá trị không hợp với toán tử (chuỗi cho `greaterThan`, không phải danh sách cho `in`)' },
  'rules.extends_cycle': { en: '`extends` forms a cycle (names the files)', vi: '`extends` tạo thành vòng (nêu tên các tệp)' },
  'rules.unknown_base': { en: 'a base plan that is neither a bundled id nor a file', vi: 'kế hoạch gốc không phải mã có sẵn, cũng không phải tệp' },
  'rules.path_not_allowed': { en: "an `extends` reference the source refuses: a path outside the rule file's folder tree (without `allowOutside`), or any path for a source of bundled ids only; the message says only \"not allowed\"", vi: 'tham chiếu `extends` mà nguồn từ chối: đường dẫn ngoài thư mục của tệp quy tắc (khi không có `allowOutside`), hoặc mọi đường dẫn với nguồn chỉ nhận mã kế hoạch có sẵn; thông báo chỉ nói "không được phép"' },
  'rules.invalid_base': { en: 'a base plan that is invalid (its own issues follow)', vi: 'kế hoạch gốc không hợp lệ (kèm các lỗi của nó)' },
  'rules.unknown_target': { en: 'an override or withdrawal of a target nobody defines', vi: 'ghi đè hoặc rút bỏ chỉ tiêu không ai định nghĩa' },
  'rules.unknown_item': { en: 'an override or withdrawal of an obligation, agency, unit, task, duty, legal basis or note nobody declares', vi: 'ghi đè hoặc rút bỏ nghĩa vụ báo cáo, cơ quan, đơn vị, nhiệm vụ, trách nhiệm, căn cứ hoặc ghi chú không ai khai báo' },
  'rules.unknown_indicator': { en: 'a target added to an indicator nobody declares', vi: 'thêm chỉ tiêu vào chỉ số không ai khai báo' },
  'rules.conflicting_definition': { en: 'an inherited target or item redeclared differently', vi: 'chỉ tiêu hoặc mục kế thừa bị khai báo lại khác đi' },
  'rules.conflicting_override': { en: 'one field of one target or item set differently from the same date by one file, or by two files neither of which extends the other', vi: 'một trường của một chỉ tiêu hoặc mục được đặt khác nhau từ cùng một ngày trong một tệp, hoặc bởi hai tệp không tệp nào mở rộng tệp kia' },
  'rules.conflicting_withdrawal': { en: 'a target or item withdrawn from different dates by unrelated files', vi: 'một chỉ tiêu hoặc mục bị rút bỏ từ các ngày khác nhau bởi các tệp không liên quan' },
  'rules.override_after_withdrawal': { en: 'an override that takes effect once its target is withdrawn', vi: 'ghi đè có hiệu lực sau khi chỉ tiêu đã bị rút bỏ' },
  // measurement.*: Measurements (CSV or JSON): each issue names its row or item.
  'measurement.missing_header': { en: 'an empty file: no header row', vi: 'tệp rỗng: không có dòng tiêu đề' },
  'measurement.missing_column': { en: 'the header lacks `indicator`, `orgUnit`, `period` or `value` (stops the reading)', vi: 'dòng tiêu đề thiếu `indicator`, `orgUnit`, `period` hoặc `value` (dừng đọc)' },
  'measurement.no_data_rows': { en: 'a CSV or JSON measurements file has a header (or is a list) but no data rows: nothing is imported, no import is recorded and no submission either (`imported: false`; the CLI exits 1)', vi: 'tệp số liệu CSV hoặc JSON có dòng tiêu đề (hoặc là một mảng) nhưng không có dòng số liệu nào: không nhập gì, không ghi lần nhập và không ghi nhận lần nộp (`imported: false`; CLI thoát với mã 1)' },
  'measurement.unknown_column': { en: 'a column the format does not define (ignored)', vi: 'cột không có trong định dạng (bị bỏ qua)' },
  'measurement.duplicate_column': { en: 'a column named twice', vi: 'một cột được đặt tên hai lần' },
  'measurement.extra_cells': { en: 'a row with more cells than the header', vi: 'dòng có nhiều ô hơn dòng tiêu đề' },
  'measurement.unterminated_quote': { en: 'a quote opened and never closed (the rest of the file is ignored)', vi: 'dấu ngoặc kép mở mà không đóng (phần còn lại của tệp bị bỏ qua)' },
  'measurement.invalid_document': { en: 'JSON that is neither an array nor `{"measurements": [...]}`', vi: 'JSON không phải mảng, cũng không phải `{"measurements": [...]}`' },
  'measurement.too_deep': { en: 'JSON nested more than 8 levels', vi: 'JSON lồng quá 8 cấp' },
  'measurement.unknown_key': { en: 'a JSON item or a row from code with a key the format does not define', vi: 'mục JSON hoặc dòng truyền từ mã có khóa không có trong định dạng' },
  'measurement.invisible_character': { en: 'an org unit or indicator id in a row contains an invisible character (zero-width, bidi control, other format or control character, a non-breaking space); the row is left out and the message names the code point', vi: 'mã đơn vị hoặc chỉ số trong một dòng chứa ký tự vô hình (độ rộng 0, điều khiển hướng chữ, ký tự định dạng hoặc điều khiển khác, khoảng trắng không ngắt); dòng bị bỏ và thông báo nêu mã ký tự' },
  'measurement.mixed_script': { en: 'an org unit or indicator id in a row mixes look-alike scripts (Cyrillic `а` among Latin letters); the row is left out and the message names the code point', vi: 'mã đơn vị hoặc chỉ số trong một dòng trộn các hệ chữ trông giống nhau (chữ Kirin `а` giữa chữ Latinh); dòng bị bỏ và thông báo nêu mã ký tự' },
  'measurement.unknown_indicator': { en: 'an indicator the plan does not have', vi: 'chỉ số mà kế hoạch không có' },
  'measurement.missing_value': { en: 'a required cell is empty (or only one of numerator/denominator is given)', vi: 'ô bắt buộc bị trống (hoặc chỉ có tử số hoặc mẫu số)' },
  'measurement.invalid_value': { en: 'a value of the wrong kind (a boolean for a number, an unknown yes/no word, an impossible date)', vi: 'giá trị sai loại (đúng/sai thay cho số, từ có/không không nhận ra, ngày không có thật)' },
  'measurement.invalid_number': { en: 'not a plain decimal (`20%`, `1e3`, `NaN`, `Infinity`; `19,5` where the decimal comma is not read: a `,` CSV file, JSON; `1.234` where it is, a `;` CSV file or a spreadsheet\'s text cell, since the dot may separate thousands)', vi: 'không phải số thập phân thường (`20%`, `1e3`, `NaN`, `Infinity`; `19,5` ở nơi không đọc dấu phẩy thập phân: tệp CSV dùng `,`, JSON; `1.234` ở nơi có đọc: tệp CSV dùng `;` hoặc ô văn bản của bảng tính, vì dấu chấm có thể là phân cách hàng nghìn)' },
  'measurement.out_of_range': { en: 'negative, a percentage above 100, a numerator above its denominator, a zero denominator', vi: 'số âm, tỷ lệ trên 100, tử số lớn hơn mẫu số, mẫu số bằng 0' },
  'measurement.invalid_level': { en: 'a level other than `province`, `district`, `commune` (`tỉnh`, `huyện`, `xã`)', vi: 'cấp khác `province`, `district`, `commune` (`tỉnh`, `huyện`, `xã`)' },
  'measurement.missing_level': { en: 'no level for an org unit the plan does not know', vi: 'không có cấp cho đơn vị mà kế hoạch không biết' },
  'measurement.unknown_org_unit': { en: 'a warning: rows name an org unit the plan does not list, at a level whose units the plan lists one by one (a mistyped agency code?); the rows are accepted with the level they give. One warning per org unit (the first row, the number of rows, the closest id the plan knows), at most 20, then one that counts the other rows', vi: 'cảnh báo: các dòng nêu đơn vị mà kế hoạch không liệt kê, ở cấp mà kế hoạch liệt kê từng đơn vị (mã cơ quan gõ sai?); các dòng vẫn được nhận với cấp đã ghi. Mỗi đơn vị một cảnh báo (dòng đầu, số dòng, mã gần nhất mà kế hoạch có), tối đa 20, rồi một cảnh báo đếm các dòng còn lại' },
  'measurement.level_mismatch': { en: 'a level that contradicts the plan', vi: 'cấp mâu thuẫn với kế hoạch' },
  'measurement.invalid_period': { en: "not a reporting-period id of the plan's calendar", vi: 'không phải mã kỳ báo cáo theo lịch của kế hoạch' },
  'measurement.duplicate': { en: 'a second row for the same indicator, org unit and period', vi: 'dòng thứ hai cho cùng chỉ số, đơn vị và kỳ' },
  'measurement.after_at': { en: 'a warning of an evaluation: rows whose period (or evidence date) ends after the evaluation date `at` do not count yet; one warning counts them and names the first (evaluate later, or with a later `--at`, to count them)', vi: 'cảnh báo của lần đánh giá: các dòng có kỳ (hoặc ngày minh chứng) kết thúc sau ngày đánh giá `at` chưa được tính; một cảnh báo đếm chúng và nêu dòng đầu tiên (đánh giá muộn hơn, hoặc với `--at` muộn hơn, để tính chúng)' },
  'measurement.too_many_issues': { en: 'counts the issues past the first 1,000 of one file (`maxIssues`); the rows are still checked', vi: 'đếm các lỗi sau 1.000 lỗi đầu của một tệp (`maxIssues`); các dòng vẫn được kiểm tra' },
  'measurement.inconsistent_counts': { en: 'a percentage that differs from numerator / denominator by more than rounding explains (0.5 points)', vi: 'tỷ lệ lệch so với tử số / mẫu số nhiều hơn mức làm tròn (0,5 điểm)' },
  // usage.*: How a function was called (evaluation, progress, calendar from code).
  'usage.invalid_date': { en: 'an `at` that is not a date or instant', vi: '`at` không phải ngày hoặc thời điểm' },
  'usage.async_source': { en: '`resolvePlanSync` given a rule-file source that answers with a promise (use `resolvePlan`)', vi: '`resolvePlanSync` nhận nguồn tệp quy tắc trả lời bằng promise (hãy dùng `resolvePlan`)' },
  'usage.unknown_phase': { en: 'a function called with a phase the plan does not have', vi: 'hàm được gọi với giai đoạn mà kế hoạch không có' },
  'usage.unknown_option': { en: 'an option key the function does not take', vi: 'khóa tùy chọn mà hàm không nhận' },
  'usage.invalid_option': { en: 'an option of the wrong type, or options that are not an object', vi: 'tùy chọn sai kiểu, hoặc tùy chọn không phải đối tượng' },
  'usage.invalid_plan': { en: 'a function that takes a plan given something else: `null`, `undefined`, a number, a string (a plan id: use `bundledPlan` or `loadPlan`), an array', vi: 'hàm cần kế hoạch nhận thứ khác: `null`, `undefined`, số, chuỗi (mã kế hoạch: dùng `bundledPlan` hoặc `loadPlan`), mảng' },
  'usage.invalid_measurements': { en: 'measurements that are not rows: a string, a number, `null`, an async iterable given to the synchronous `evaluate`', vi: 'số liệu không phải các dòng: chuỗi, số, `null`, hoặc async iterable truyền cho `evaluate` đồng bộ' },
  'usage.chromium_not_found': { en: 'a PDF asked for where no Chromium is installed (`EGOV_PLAN_CHROMIUM`, `/usr/bin/chromium`, …)', vi: 'yêu cầu PDF khi không có Chromium (`EGOV_PLAN_CHROMIUM`, `/usr/bin/chromium`, …)' },
  'usage.missing_dependency': { en: 'an optional peer dependency (`playwright-core` for PDF) is not installed', vi: 'chưa cài gói phụ thuộc tùy chọn (`playwright-core` để xuất PDF)' },
  // usage.* from the egov-plan command line (exit 2; see docs/cli.md).
  'usage.missing_command': { en: 'the command line names no command', vi: 'dòng lệnh không nêu lệnh nào' },
  'usage.unknown_command': { en: 'a command the CLI does not have', vi: 'lệnh mà CLI không có' },
  'usage.missing_argument': { en: 'a required command-line argument is missing (e.g. `explain` without a target)', vi: 'thiếu tham số bắt buộc trên dòng lệnh (ví dụ `explain` không có chỉ tiêu)' },
  'usage.missing_option': { en: 'a required command-line option is missing (`--plan`, `--measurements`)', vi: 'thiếu tùy chọn bắt buộc trên dòng lệnh (`--plan`, `--measurements`)' },
  'usage.missing_option_value': { en: 'a command-line option given without its value (`--at` at the end)', vi: 'tùy chọn trên dòng lệnh thiếu giá trị (`--at` ở cuối)' },
  'usage.too_many_arguments': { en: 'more command-line arguments than the command takes', vi: 'nhiều tham số hơn số lệnh nhận' },
  'usage.invalid_value': { en: 'a command-line option value that cannot be used (`--at 2021-02-29`, `--lang fr`, `--status done`)', vi: 'giá trị tùy chọn không dùng được (`--at 2021-02-29`, `--lang fr`, `--status done`)' },
  'usage.conflicting_options': { en: 'command-line options that contradict each other (two different plans; `-` for two inputs)', vi: 'các tùy chọn mâu thuẫn nhau (hai kế hoạch khác nhau; `-` cho hai đầu vào)' },
  'usage.internal_error': { en: 'a failure of the CLI itself (please report it)', vi: 'lỗi của chính CLI (xin báo lại)' },
  'file.output_failed': { en: "standard output, or a file a command writes (`--out`, the demo's folder), could not be written (a full disk, a closed descriptor, a missing folder, a folder given as the file, no permission); the CLI exits 1. A reader that goes away (`| head`) is not this: the CLI stops quietly with exit 0", vi: 'không ghi được đầu ra chuẩn hoặc tệp mà lệnh ghi (`--out`, thư mục của demo) (hết chỗ trống, bộ mô tả đã đóng, thư mục không tồn tại, đường dẫn là thư mục, không có quyền); CLI thoát với mã 1. Nơi nhận tự đóng (`| head`) không phải lỗi này: CLI dừng lặng lẽ với mã 0' },
  'file.workbook_not_read': { en: 'a workbook (XLSX or XLS) given where only CSV or JSON is read (`evaluate --measurements`): import it with `egov-plan import`, then evaluate from the store', vi: 'sổ tính (XLSX hoặc XLS) được đưa vào chỗ chỉ đọc CSV hoặc JSON (`evaluate --measurements`): hãy nhập nó bằng `egov-plan import`, rồi đánh giá từ kho' },
  // store.*: Measurement stores: records, imports, retraction, the database itself.
  'store.invalid_record': { en: 'a record handed to a store has a wrong field (nothing of the batch is written)', vi: 'một bản ghi gửi vào kho có trường sai (không ghi gì của lô đó)' },
  'store.invalid_provenance': { en: 'an import lacks its plan, file or importer, or its time is not an instant', vi: 'lần nhập thiếu kế hoạch, tệp hoặc người nhập, hoặc thời điểm không hợp lệ' },
  'store.duplicate_import': { en: 'an import id is already used', vi: 'mã lần nhập đã được dùng' },
  'store.unknown_import': { en: 'the store holds no import with this id', vi: 'kho không có lần nhập mang mã này' },
  'store.already_retracted': { en: 'the import was already retracted', vi: 'lần nhập đã được rút lại' },
  'store.not_found': { en: 'the database does not exist (and may not be created)', vi: 'cơ sở dữ liệu không tồn tại (và không được tạo mới)' },
  'store.open_failed': { en: 'the file is not a database of this kind, or its path cannot be opened (a missing folder, a folder given as the file, no permission)', vi: 'tệp không phải cơ sở dữ liệu loại này, hoặc không mở được đường dẫn của nó (thư mục không tồn tại, đường dẫn là thư mục, không có quyền)' },
  'store.schema_too_new': { en: 'the database was written by a newer version of the store package (left untouched)', vi: 'cơ sở dữ liệu do phiên bản mới hơn của gói kho ghi (giữ nguyên)' },
  'store.busy': { en: 'another process kept the database locked beyond the busy timeout', vi: 'một tiến trình khác khóa cơ sở dữ liệu quá thời gian chờ' },
  'store.connection_failed': { en: 'the database server could not be reached or refused the connection (the password is never shown)', vi: 'không kết nối được máy chủ cơ sở dữ liệu hoặc máy chủ từ chối kết nối (không bao giờ hiện mật khẩu)' },
  'store.backend_error': { en: 'the database reported an error', vi: 'cơ sở dữ liệu báo lỗi' },
  'store.invalid_schema': { en: 'the schema a PostgreSQL connection string names (`options=-csearch_path=…`) is not one plain identifier (lower-case letters, digits, `_`; at most 63 characters)', vi: 'lược đồ mà chuỗi kết nối PostgreSQL nêu (`options=-csearch_path=…`) không phải một định danh đơn giản (chữ thường, chữ số, `_`; tối đa 63 ký tự)' },
  'store.partially_written': { en: 'a store without `writeAtomically` made several writes one at a time and one failed part-way: the writes the message names were made, the later ones were not (retract them, or write again: a restore skips imports already stored)', vi: 'kho không có `writeAtomically` ghi từng thao tác một và một thao tác thất bại giữa chừng: các thao tác thông báo nêu đã được ghi, các thao tác sau thì không (hãy rút lại chúng, hoặc ghi lại: khôi phục bỏ qua các lần nhập đã có)' },
  'store.restore_failed': { en: 'a backup (`dump`) could not be restored: rows an import would refuse (each named where it stands in the backup, checked before anything is written), or one of its writes failed (the message names it, its own issue follows); with a store that writes atomically nothing of the backup is written', vi: 'không khôi phục được bản sao lưu (`dump`): có dòng mà một lần nhập sẽ từ chối (mỗi dòng được nêu vị trí trong bản sao lưu, kiểm tra trước khi ghi), hoặc một thao tác ghi của nó thất bại (thông báo nêu rõ, lỗi riêng của nó kèm theo); với kho ghi nguyên khối thì không ghi gì của bản sao lưu' },
  'store.backup_partial': { en: 'a CSV backup (`dump --format csv`) holds the revisions only (warning): the imports\' row counts, imports and retractions that made no revision, report submissions, task evidence and rule files are not in it; the message counts what was left out. A JSON backup holds everything', vi: 'bản sao lưu CSV (`dump --format csv`) chỉ gồm các phiên bản (cảnh báo): số dòng của các lần nhập, các lần nhập và lần rút lại không tạo phiên bản, lần nộp báo cáo, minh chứng nhiệm vụ và tệp quy tắc không có trong đó; thông báo đếm những gì bị bỏ qua. Bản sao lưu JSON chứa đầy đủ' },
  'store.restore_not_atomic': { en: 'a backup was restored into a store without `writeAtomically`, one import at a time (warning): had it failed part-way, part of it would have stayed', vi: 'bản sao lưu được khôi phục vào kho không có `writeAtomically`, từng lần nhập một (cảnh báo): nếu thất bại giữa chừng thì một phần sẽ còn lại' },
  // workbook.*: Spreadsheets (XLSX) read by @egov-plan/tabular, and whole files refused on import.
  'workbook.invalid': { en: 'the file is not an XLSX workbook (not a zip archive, or an archive without a workbook)', vi: 'tệp không phải sổ tính XLSX (không phải tệp nén zip, hoặc không có sổ tính bên trong)' },
  'workbook.too_large': { en: 'the workbook unpacks to more than the limit (an entry or all entries together, 64 MiB by default); checked from the archive before it is read', vi: 'sổ tính giải nén lớn hơn giới hạn (một mục hoặc tổng các mục, mặc định 64 MiB); kiểm tra từ tệp nén trước khi đọc' },
  'workbook.zip_bomb': { en: 'an archive entry unpacks to more than its declared size (a zip bomb); nothing is read', vi: 'một mục trong tệp nén giải nén lớn hơn kích thước khai báo (bom zip); không đọc gì' },
  'workbook.too_many_rows': { en: 'a sheet has more rows than the limit (100,000 by default); nothing of the file is imported', vi: 'một trang có nhiều dòng hơn giới hạn (mặc định 100.000); không nhập gì của tệp' },
  'workbook.formula_without_result': { en: 'a formula cell without a saved result (formulas are never evaluated: save the workbook in a spreadsheet program, or type the value)', vi: 'ô công thức không có kết quả đã lưu (không bao giờ tính công thức: lưu lại sổ tính bằng phần mềm bảng tính, hoặc gõ giá trị)' },
  'workbook.cell_error': { en: 'a cell holds a spreadsheet error (`#DIV/0!`, `#REF!`, …), typed or as a formula result', vi: 'ô chứa lỗi bảng tính (`#DIV/0!`, `#REF!`, …), gõ vào hoặc là kết quả công thức' },
  'workbook.percent_shown_rounded': { en: 'warning: a percent cell holds more decimals than its format shows (0.19996 shown "20.0%"); the value held is imported (19.996), never the rounded text; the warning names the cell, what it shows and what it holds', vi: 'cảnh báo: ô phần trăm chứa nhiều chữ số thập phân hơn định dạng hiển thị (0,19996 hiện "20.0%"); nhập giá trị ô chứa (19,996), không bao giờ nhập số đã làm tròn; cảnh báo nêu ô, số hiển thị và số chứa' },
  'workbook.percent_format': { en: 'a number cell formatted as a percentage where a percent makes no sense: a numerator or denominator (counts), or the value of an indicator not measured in percent (the value of a percent indicator formatted so is read as the percent shown: 90% → 90)', vi: 'ô số được định dạng phần trăm ở chỗ không dùng phần trăm: tử số hoặc mẫu số (số đếm), hoặc giá trị của chỉ số không tính bằng % (giá trị của chỉ số tỷ lệ % định dạng như vậy được đọc theo số % hiển thị: 90% → 90)' },
  'workbook.merged_cells': { en: 'merged cells in the measurement rows (each row must hold its own values); the message names the range', vi: 'ô gộp trong các dòng số liệu (mỗi dòng phải có giá trị riêng); thông báo nêu vùng ô' },
  'workbook.hidden_sheet': { en: 'a hidden sheet with measurements: not imported (warning; unhide it to import it)', vi: 'trang ẩn có số liệu: không được nhập (cảnh báo; hãy bỏ ẩn để nhập)' },
  'workbook.no_measurements': { en: 'no visible sheet has a measurements header in row 1', vi: 'không trang hiện nào có dòng tiêu đề số liệu ở dòng 1' },
  'workbook.skipped_sheet': { en: 'a sheet without a measurements header, not read (warning; the template\'s instructions and lists)', vi: 'trang không có tiêu đề số liệu, không đọc (cảnh báo; trang hướng dẫn và danh mục của mẫu)' },
  'workbook.no_data_rows': { en: 'a workbook has a measurements header but no data rows (an unfilled template?): nothing is imported, no import is recorded and no submission either (`imported: false`; the CLI exits 1)', vi: 'sổ tính có dòng tiêu đề số liệu nhưng không có dòng số liệu nào (mẫu chưa điền?): không nhập gì, không ghi lần nhập và không ghi nhận lần nộp (`imported: false`; CLI thoát với mã 1)' },
  'workbook.rejected': { en: 'an XLSX workbook has rows the plan refuses: nothing of it is imported (all or nothing); the rows\' own issues follow', vi: 'sổ tính XLSX có dòng bị kế hoạch từ chối: không nhập gì của tệp (tất cả hoặc không gì); các lỗi của từng dòng kèm theo (tệp CSV, JSON: `file.rejected`)' },
  // http.*: Requests to the HTTP API (@egov-plan/http); each is answered with its status.
  'http.not_found': { en: 'no such resource: an unknown route, plan or target (404)', vi: 'không có tài nguyên này: đường dẫn, kế hoạch hoặc chỉ tiêu không tồn tại (404)' },
  'http.unauthorized': { en: 'the request needs a caller the portal recognises, and names none (401)', vi: 'yêu cầu cần người gọi được cổng thông tin nhận diện nhưng không có (401)' },
  'http.forbidden': { en: 'the caller may not do this: write for another agency, or read what the portal keeps from it (403)', vi: 'người gọi không được làm việc này: ghi cho cơ quan khác, hoặc đọc phần cổng thông tin không cho phép (403)' },
  'http.payload_too_large': { en: 'the request body is larger than the limit (1 MiB by default) (413)', vi: 'nội dung yêu cầu lớn hơn giới hạn (mặc định 1 MiB) (413)' },
  'http.unsupported_media_type': { en: 'the request body is not `application/json` (415)', vi: 'nội dung yêu cầu không phải `application/json` (415)' },
  'http.request_timeout': { en: 'the request body did not arrive within the time limit (10 s by default) (408)', vi: 'nội dung yêu cầu không đến kịp trong thời hạn (mặc định 10 giây) (408)' },
  'http.invalid_parameter': { en: 'a path or query parameter that cannot be used (a bad period, limit or cursor) (400)', vi: 'tham số đường dẫn hoặc truy vấn không dùng được (kỳ, giới hạn hoặc con trỏ sai) (400)' },
  'http.internal_error': { en: 'a failure of the server itself; details are logged, not sent (500)', vi: 'lỗi của chính máy chủ; chi tiết được ghi nhật ký, không gửi đi (500)' },
} as const satisfies Record<string, BilingualText>;

/** A stable machine-readable issue code: exactly the keys of {@link ISSUE_REGISTRY}. */
export type IssueCode = keyof typeof ISSUE_REGISTRY;

/** The registered issue codes, in registry order. */
export const ISSUE_CODE_LIST: readonly IssueCode[] = /* @__PURE__ */ registeredCodes();

// Free of side effects: a bundle that never reads ISSUE_CODE_LIST leaves out the registry's texts.
/* @__NO_SIDE_EFFECTS__ */
function registeredCodes(): IssueCode[] {
  return Object.keys(ISSUE_REGISTRY) as IssueCode[];
}

/** True when `code` is a registered {@link IssueCode} (for codes read back from JSON). */
export function isIssueCode(code: unknown): code is IssueCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ISSUE_REGISTRY, code);
}

/** What an issue code means in general, in both languages. */
export function issueCodeMeaning(code: IssueCode): BilingualText {
  return ISSUE_REGISTRY[code];
}
