import type { BilingualText } from '@egov-plan/core';

// The words @egov-plan/rules puts around and into the templates of messages.ts (bilingual
// parameters and places): where a row of measurements stands, which its row messages follow, and
// the words of values that have only a number or an English name elsewhere (jsonc-parser's errors).

/** Where row `row` of a measurements CSV stands (`Dòng 5`). @internal */
export function csvRowPlace(row: number): BilingualText {
  return { vi: `Dòng ${row}`, en: `Row ${row}` };
}

/** Where row `row` of a spreadsheet's sheet stands (`Trang "Q4", dòng 5`); `sheet` as shown. @internal */
export function sheetRowPlace(sheet: string, row: number): BilingualText {
  return { vi: `Trang ${sheet}, dòng ${row}`, en: `Sheet ${sheet}, row ${row}` };
}

/** Where the `n`th measurement (from 1) of a JSON file or of rows from code stands. @internal */
export function itemPlace(n: number): BilingualText {
  return { vi: `Số liệu thứ ${n}`, en: `Measurement #${n}` };
}

/**
 * A row message after the row's place, and after the column when the file has columns (in
 * Vietnamese named by the template's heading, `heading`, never the field's English key).
 * @internal
 */
export function atRow(place: BilingualText, column: { letter: string; field: string; heading: string } | undefined, text: BilingualText): BilingualText {
  if (column) return { vi: `${place.vi}, cột ${column.letter} (${column.heading}): ${text.vi}`, en: `${place.en}, column ${column.letter} (${column.field}): ${text.en}` };
  return { vi: `${place.vi}: ${text.vi}`, en: `${place.en}: ${text.en}` };
}

/** A message about a named field, after the field's name (`tử số: …` / `numerator: …`). @internal */
export function ofField(field: BilingualText, text: BilingualText): BilingualText {
  return { vi: `${field.vi}: ${text.vi}`, en: `${field.en}: ${text.en}` };
}

/**
 * Each syntax error jsonc-parser reports (its `ParseErrorCode`), in both languages: the `{what}`
 * of the `json.syntax` message (jsonc-parser names its errors only by number). @internal
 */
export const JSON_SYNTAX_ERRORS: Readonly<Record<number, BilingualText>> = {
  1: { vi: 'ký hiệu không hợp lệ', en: 'an invalid symbol' },
  2: { vi: 'số sai định dạng', en: 'a malformed number' },
  3: { vi: 'cần tên thuộc tính (một chuỗi trong ngoặc kép)', en: 'a property name (a double-quoted string) is expected' },
  4: { vi: 'cần một giá trị', en: 'a value is expected' },
  5: { vi: 'thiếu dấu hai chấm', en: 'a colon is missing' },
  6: { vi: 'thiếu dấu phẩy', en: 'a comma is missing' },
  7: { vi: 'thiếu dấu }', en: 'a closing } is missing' },
  8: { vi: 'thiếu dấu ]', en: 'a closing ] is missing' },
  9: { vi: 'thừa nội dung sau khi kết thúc JSON', en: 'there is more text after the end of the JSON value' },
  10: { vi: 'JSON không cho phép chú thích', en: 'JSON does not allow comments' },
  11: { vi: 'chú thích chưa đóng', en: 'a comment is not closed' },
  12: { vi: 'chuỗi chưa đóng (một chuỗi không được xuống dòng)', en: 'a string is not closed (a string cannot hold a raw line break)' },
  13: { vi: 'số chưa kết thúc', en: 'a number is not finished' },
  14: { vi: 'mã Unicode không hợp lệ', en: 'an invalid Unicode escape' },
  15: { vi: 'ký tự thoát không hợp lệ', en: 'an invalid escape character' },
  16: { vi: 'ký tự không hợp lệ trong chuỗi', en: 'an invalid character in a string' },
};
/** A syntax error jsonc-parser reports that {@link JSON_SYNTAX_ERRORS} does not list. @internal */
export const UNKNOWN_JSON_SYNTAX_ERROR: BilingualText = { vi: 'lỗi cú pháp', en: 'a syntax error' };

// What a rule file claims about where its parts come from (the `{claim}` of
// `rules.unverified_provenance`); every value is shown already quoted.

/** A target's origin: where it was defined. @internal */
export function targetClaim(target: string, file: string, pointer: string): BilingualText {
  return { vi: `chỉ tiêu ${target} được định nghĩa trong ${file} tại ${pointer}`, en: `target ${target} was defined in ${file} at ${pointer}` };
}

/** An override's or a withdrawal's origin. @internal */
export function changeClaim(change: 'override' | 'withdrawal', target: string, file: string, pointer: string): BilingualText {
  return { vi: `việc ${change === 'override' ? 'ghi đè' : 'bãi bỏ'} ${target} đến từ ${file} tại ${pointer}`, en: `the ${change} of ${target} comes from ${file} at ${pointer}` };
}

/** An item's origin (`kind`: the plan's list, such as `agencies`). @internal */
export function itemClaim(kind: string, id: string, file: string, pointer: string): BilingualText {
  return { vi: `mục ${kind} ${id} được khai báo trong ${file} tại ${pointer}`, en: `${kind} item ${id} was declared in ${file} at ${pointer}` };
}

/** An item change's origin. @internal */
export function itemChangeClaim(kind: string, id: string, file: string, pointer: string): BilingualText {
  return { vi: `thay đổi của mục ${kind} ${id} đến từ ${file} tại ${pointer}`, en: `the change of ${kind} item ${id} comes from ${file} at ${pointer}` };
}

/** An indicator's origin. @internal */
export function indicatorClaim(indicator: string, file: string, pointer: string): BilingualText {
  return { vi: `chỉ số ${indicator} được khai báo trong ${file} tại ${pointer}`, en: `indicator ${indicator} was declared in ${file} at ${pointer}` };
}

/** The plan a resolved file was made from. @internal */
export function resolvedFromClaim(file: string, plan: string, number: string): BilingualText {
  return { vi: `kế hoạch được hợp nhất từ ${file} (${plan} ${number})`, en: `it was resolved from ${file} (${plan} ${number})` };
}

/**
 * What a value given where an object or id was expected is, in both languages (`null`, `a number`,
 * `an array`, `a Date object`, …), for the usage messages that name it. @internal
 */
export function valueKind(value: unknown): BilingualText {
  if (value === null) return { vi: 'null', en: 'null' };
  if (value === undefined) return { vi: 'undefined (không có giá trị)', en: 'undefined (no value)' };
  if (Array.isArray(value)) return { vi: 'một mảng', en: 'an array' };
  if (value instanceof Date) return { vi: 'một đối tượng Date', en: 'a Date object' };
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return { vi: 'một số', en: 'a number' };
    case 'string':
      return { vi: 'một chuỗi', en: 'a string' };
    case 'boolean':
      return { vi: 'một giá trị đúng/sai', en: 'a boolean' };
    case 'function':
      return { vi: 'một hàm', en: 'a function' };
    case 'symbol':
      return { vi: 'một symbol', en: 'a symbol' };
    default:
      return { vi: 'một đối tượng', en: 'an object' };
  }
}

// The labels and hints of `extends` resolution's messages (engine/resolve.ts).

/** A target in a message (`chỉ tiêu "T1"`). @internal */
export function targetLabel(id: string): BilingualText {
  return { vi: `chỉ tiêu "${id}"`, en: `target "${id}"` };
}

/** An item of a plan's list `kind` in a message (`mục agencies "A"`). @internal */
export function itemLabel(kind: string, id: string): BilingualText {
  return { vi: `mục ${kind} "${id}"`, en: `${kind} item "${id}"` };
}

/** A target declared twice, the `{what}` of `rules.conflicting_definition`. @internal */
export function conflictingTarget(id: string): BilingualText {
  return { vi: `Chỉ tiêu "${id}"`, en: `Target "${id}"` };
}

/** An indicator declared twice, the `{what}` of `rules.conflicting_definition`. @internal */
export function conflictingIndicator(id: string): BilingualText {
  return { vi: `Chỉ số "${id}"`, en: `Indicator "${id}"` };
}

/** The `{hint}` of `rules.conflicting_definition` when two unrelated bases disagree (`example`: the `extends` entry to write). @internal */
export function basesDisagreeHint(example: string): BilingualText {
  return { vi: `hai kế hoạch gốc không thống nhất; hãy lấy phần này từ một kế hoạch thôi, ví dụ trong "extends": ${example}.`, en: `the two bases disagree; take this part from one of them only, e.g. in "extends": ${example}.` };
}

/** The `{hint}` of `rules.conflicting_definition` for a target a file redeclares. @internal */
export const TARGET_REDECLARED_HINT: BilingualText = { vi: 'muốn thay đổi chỉ tiêu kế thừa, hãy dùng "overrides".', en: 'to change an inherited target use "overrides".' };

/** The `{hint}` of `rules.conflicting_definition` for an item a file redeclares (`kind`: its list). @internal */
export function itemRedeclaredHint(kind: string): BilingualText {
  return { vi: `muốn thay đổi mục kế thừa, hãy dùng "itemOverrides" (kind "${kind}").`, en: `to change an inherited item use "itemOverrides" (kind "${kind}").` };
}

/** The `{hint}` of `rules.conflicting_definition` for a phase a file redeclares. @internal */
export const PHASE_REDECLARED_HINT: BilingualText = { vi: 'giai đoạn kế thừa không thể khai báo lại khác đi; hãy bỏ khai báo này.', en: 'an inherited phase cannot be redeclared differently; remove this declaration.' };

/** The `{hint}` of `rules.conflicting_definition` for an indicator a file redeclares. @internal */
export const INDICATOR_REDECLARED_HINT: BilingualText = {
  vi: 'định nghĩa của chỉ số kế thừa không thể thay đổi; để thêm chỉ tiêu cho nó, hãy dùng "addTargets".',
  en: 'an inherited indicator\'s definition cannot change; to add targets to it use "addTargets".',
};

/** A change's date in a message, or the start when it has none (`{from}`). @internal */
export function fromDate(date: string | null): BilingualText | string {
  return date ?? { vi: 'đầu', en: 'the start' };
}
