import type { IssueMessages } from '../issue-messages.js';

/** The messages of the checks every measurement store runs (`checkMeasurementRecord`, …, store.ts). */
export const STORE_MESSAGES = {
  'store.invalid_record#not_object': { vi: 'Dòng {row}: không phải một đối tượng', en: 'Row {row}: not an object' },
  'store.invalid_record#empty': { vi: 'Dòng {row}: "{field}" phải là chuỗi không rỗng', en: 'Row {row}: "{field}" must be a non-empty string' },
  'store.invalid_record#level': { vi: 'Dòng {row}: cấp hành chính không hợp lệ', en: 'Row {row}: not an administrative level' },
  'store.invalid_record#date': { vi: 'Dòng {row}: "{field}" phải có dạng YYYY-MM-DD', en: 'Row {row}: "{field}" must be written YYYY-MM-DD' },
  'store.invalid_record#value': { vi: 'Dòng {row}: giá trị phải là số hữu hạn hoặc đúng/sai', en: 'Row {row}: the value must be a finite number or a boolean' },
  'store.invalid_record#number': { vi: 'Dòng {row}: "{field}" phải là số hoặc null', en: 'Row {row}: "{field}" must be a number or null' },
  'store.invalid_record#evidence': { vi: 'Dòng {row}: "evidence" phải là đúng/sai', en: 'Row {row}: "evidence" must be a boolean' },
  'store.invalid_record#sheet': { vi: 'Dòng {row}: "sheet" phải là chuỗi hoặc null', en: 'Row {row}: "sheet" must be a string or null' },
  'store.invalid_record#row': { vi: 'Dòng {row}: số dòng phải là số nguyên dương', en: 'Row {row}: the row number must be a positive integer' },
  'store.invalid_provenance': { vi: 'Nguồn gốc của lần nhập thiếu "{field}".', en: 'The import\'s provenance lacks "{field}".' },
  'store.invalid_provenance#imported_at': { vi: '"importedAt" không phải một thời điểm ISO 8601: "{importedAt}".', en: '"importedAt" is not an ISO 8601 instant: "{importedAt}".' },
  'store.unknown_import': { vi: 'Không có lần nhập "{importId}".', en: 'There is no import "{importId}".' },
  'store.already_retracted': { vi: 'Lần nhập "{importId}" đã được rút lại lúc {at}.', en: 'Import "{importId}" was already retracted at {at}.' },
  'store.duplicate_import': { vi: 'Mã lần nhập "{importId}" đã được dùng.', en: 'The import id "{importId}" is already used.' },
} as const satisfies IssueMessages;

/** The messages of `@egov-plan/store-sqlite`. */
export const SQLITE_MESSAGES = {
  'store.busy': { vi: 'Cơ sở dữ liệu "{file}" đang bận (một tiến trình khác đang ghi) quá thời gian chờ.', en: 'The database "{file}" stayed busy (another process is writing) beyond the busy timeout.' },
  'store.open_failed': { vi: '"{file}" không phải một cơ sở dữ liệu SQLite hợp lệ ({detail}).', en: '"{file}" is not a valid SQLite database ({detail}).' },
  'store.backend_error': { vi: 'Lỗi SQLite trên "{file}": {detail}', en: 'SQLite error on "{file}": {detail}' },
  'store.schema_too_new': {
    vi: 'Cơ sở dữ liệu "{file}" có lược đồ phiên bản {version}, mới hơn phiên bản {supported} mà gói này đọc được; hãy cập nhật @egov-plan/store-sqlite.',
    en: 'The database "{file}" has schema version {version}, newer than version {supported} this package reads; upgrade @egov-plan/store-sqlite.',
  },
  'store.not_found': { vi: 'Không có cơ sở dữ liệu "{file}".', en: 'There is no database "{file}".' },
} as const satisfies IssueMessages;

/** The messages of `@egov-plan/store-postgres` (`{server}` names the server, database and user, never the password). */
export const POSTGRES_MESSAGES = {
  'store.connection_failed': { vi: 'Không kết nối được PostgreSQL {server}: {detail}', en: 'Could not connect to PostgreSQL {server}: {detail}' },
  'store.backend_error': { vi: 'Lỗi PostgreSQL trên {server}: {detail}', en: 'PostgreSQL error on {server}: {detail}' },
  'store.not_found': { vi: 'Không có kho egov-plan trong lược đồ "{schema}" của {server}.', en: 'There is no egov-plan store in schema "{schema}" of {server}.' },
  'store.schema_too_new': {
    vi: 'Lược đồ "{schema}" có phiên bản {version}, mới hơn phiên bản {supported} mà gói này đọc được; hãy cập nhật @egov-plan/store-postgres.',
    en: 'Schema "{schema}" has version {version}, newer than version {supported} this package reads; upgrade @egov-plan/store-postgres.',
  },
} as const satisfies IssueMessages;
