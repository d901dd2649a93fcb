import type { IssueMessages } from '../issue-messages.js';

/** The messages of `@egov-plan/http` (request bodies, routes, callers, server options). */
export const HTTP_MESSAGES = {
  'http.payload_too_large': { vi: 'Nội dung yêu cầu quá lớn ({got}); tối đa {max} byte.', en: 'The request body is too large ({got}); at most {max} bytes.' },
  'http.request_timeout': { vi: 'Nội dung yêu cầu không đến đủ trong {ms} ms.', en: 'The request body did not arrive within {ms} ms.' },
  'http.unsupported_media_type': { vi: 'Nội dung yêu cầu phải là application/json, không phải "{type}".', en: 'The request body must be application/json, not "{type}".' },
  'http.invalid_parameter#cursor': { vi: 'Con trỏ trang "{cursor}" không hợp lệ.', en: 'The page cursor "{cursor}" is not valid.' },
  'http.unauthorized': { vi: 'Cần đăng nhập để đọc {resource}.', en: 'Reading {resource} needs a signed-in caller.' },
  'http.unauthorized#submit': { vi: 'Cần đăng nhập để gửi số liệu.', en: 'Submitting measurements needs a signed-in caller.' },
  'http.not_found#plan': { vi: 'Không có kế hoạch "{plan}".', en: 'There is no plan "{plan}".' },
  'http.not_found': { vi: 'Không có đường dẫn {method} {path}.', en: 'No route {method} {path}.' },
  'http.forbidden#reader': { vi: 'Người gọi chỉ có quyền đọc.', en: 'The caller may only read.' },
  'http.forbidden': { vi: 'Người gọi không được gửi số liệu cho "{orgUnit}".', en: 'The caller may not submit measurements for "{orgUnit}".' },
  'http.invalid_parameter#bad_request': { vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Bad request: {detail}' },
  'http.payload_too_large#bad_request': { vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Bad request: {detail}' },
  'http.unsupported_media_type#bad_request': { vi: 'Yêu cầu không hợp lệ: {detail}', en: 'Bad request: {detail}' },
  'http.internal_error': { vi: 'Lỗi máy chủ; chi tiết đã được ghi nhật ký.', en: 'Server error; the details were logged.' },
  'http.internal_error#unknown': { vi: 'Lỗi không xác định.', en: 'Unknown error.' },
  'usage.invalid_option#node_timeout': { vi: 'nodeServerOptions: {name} phải là số nguyên dương mili giây, không phải {value}.', en: 'nodeServerOptions: {name} must be a positive integer of milliseconds, not {value}.' },
  'usage.invalid_option#node_timeouts': {
    vi: 'nodeServerOptions: headersTimeoutMs ({headersTimeout}) không được lớn hơn requestTimeoutMs ({requestTimeout}).',
    en: 'nodeServerOptions: headersTimeoutMs ({headersTimeout}) must not exceed requestTimeoutMs ({requestTimeout}).',
  },
} as const satisfies IssueMessages;
