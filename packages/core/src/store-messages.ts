import type { IssueMessage } from './issue-messages.js';

// The issue messages of the store checks of @egov-plan/core (store.ts): one constant per message, with its code
// and its Vietnamese and English templates (`{name}` parameters). Modules import them as a
// namespace (`import * as MSG from './messages.js'`) so that a bundle keeps only the messages it
// can emit; docs/errors.md lists them all (scripts/lib/issue-messages.ts).

// The messages of the checks every measurement store runs (`checkMeasurementRecord`, …, store.ts).

/** `store.invalid_record` (not_object). */
export const storeInvalidRecordNotObject = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: không phải một đối tượng',
  en: 'Row {row}: not an object',
} as const satisfies IssueMessage;

/** `store.invalid_record` (empty). */
export const storeInvalidRecordEmpty = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: "{field}" phải là chuỗi không rỗng',
  en: 'Row {row}: "{field}" must be a non-empty string',
} as const satisfies IssueMessage;

/** `store.invalid_record` (level). */
export const storeInvalidRecordLevel = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: cấp hành chính không hợp lệ',
  en: 'Row {row}: not an administrative level',
} as const satisfies IssueMessage;

/** `store.invalid_record` (date). */
export const storeInvalidRecordDate = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: "{field}" phải có dạng YYYY-MM-DD',
  en: 'Row {row}: "{field}" must be written YYYY-MM-DD',
} as const satisfies IssueMessage;

/** `store.invalid_record` (value). */
export const storeInvalidRecordValue = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: giá trị phải là số hữu hạn hoặc đúng/sai',
  en: 'Row {row}: the value must be a finite number or a boolean',
} as const satisfies IssueMessage;

/** `store.invalid_record` (number). */
export const storeInvalidRecordNumber = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: "{field}" phải là số hoặc null',
  en: 'Row {row}: "{field}" must be a number or null',
} as const satisfies IssueMessage;

/** `store.invalid_record` (evidence). */
export const storeInvalidRecordEvidence = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: "evidence" phải là đúng/sai',
  en: 'Row {row}: "evidence" must be a boolean',
} as const satisfies IssueMessage;

/** `store.invalid_record` (sheet). */
export const storeInvalidRecordSheet = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: "sheet" phải là chuỗi hoặc null',
  en: 'Row {row}: "sheet" must be a string or null',
} as const satisfies IssueMessage;

/** `store.invalid_record` (row). */
export const storeInvalidRecordRow = {
  code: 'store.invalid_record',
  vi: 'Dòng {row}: số dòng phải là số nguyên dương',
  en: 'Row {row}: the row number must be a positive integer',
} as const satisfies IssueMessage;

/** `store.invalid_provenance`. */
export const storeInvalidProvenance = {
  code: 'store.invalid_provenance',
  vi: 'Nguồn gốc của lần nhập thiếu "{field}".',
  en: 'The import\'s provenance lacks "{field}".',
} as const satisfies IssueMessage;

/** `store.invalid_provenance` (imported_at). */
export const storeInvalidProvenanceImportedAt = {
  code: 'store.invalid_provenance',
  vi: '"importedAt" không phải một thời điểm ISO 8601: "{importedAt}".',
  en: '"importedAt" is not an ISO 8601 instant: "{importedAt}".',
} as const satisfies IssueMessage;

/** `store.invalid_provenance` (counts of a restored import). */
export const storeInvalidProvenanceCounts = {
  code: 'store.invalid_provenance',
  vi: '"counts" của lần nhập cần số dòng và số dòng không đổi là số nguyên, với 0 ≤ không đổi ≤ số dòng.',
  en: 'The import\'s "counts" need whole numbers of rows and unchanged rows, with 0 ≤ unchanged ≤ rows.',
} as const satisfies IssueMessage;

/** `store.unknown_import`. */
export const storeUnknownImport = {
  code: 'store.unknown_import',
  vi: 'Không có lần nhập "{importId}".',
  en: 'There is no import "{importId}".',
} as const satisfies IssueMessage;

/** `store.already_retracted`. */
export const storeAlreadyRetracted = {
  code: 'store.already_retracted',
  vi: 'Lần nhập "{importId}" đã được rút lại lúc {at}.',
  en: 'Import "{importId}" was already retracted at {at}.',
} as const satisfies IssueMessage;

/** `store.duplicate_import`. */
export const storeDuplicateImport = {
  code: 'store.duplicate_import',
  vi: 'Mã lần nhập "{importId}" đã được dùng.',
  en: 'The import id "{importId}" is already used.',
} as const satisfies IssueMessage;
