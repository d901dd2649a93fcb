import type { IssueMessages } from '../issue-messages.js';

/** The messages of `@egov-plan/cli` (standard input, progress files, commands). */
export const CLI_MESSAGES = {
  'file.too_large#stdin': { vi: 'Đầu vào chuẩn quá lớn (tối đa {max} byte).', en: 'Standard input is too large (at most {max} bytes).' },
  'file.too_large#import': { vi: 'Tệp quá lớn ({size} byte, tối đa {max}).', en: 'The file is too large ({size} bytes, at most {max}).' },
  'file.not_found#import': { vi: 'Không đọc được tệp {file}.', en: 'Cannot read file {file}.' },
  'calendar.invalid_progress#quote': { vi: 'Tệp tiến độ "{file}": dấu ngoặc kép mở ở dòng {line} nhưng không đóng.', en: 'Progress file "{file}": a quote opened on line {line} is never closed.' },
  'calendar.invalid_progress': { vi: 'Dòng {line}: cần đúng 2 cột "task,doneOn", có {count}.', en: 'Line {line}: expected the 2 columns "task,doneOn", got {count}.' },
  'calendar.unknown_task': { vi: 'Dòng {line}: kế hoạch "{plan}" không có nhiệm vụ "{task}".', en: 'Line {line}: plan "{plan}" has no task "{task}".' },
  'calendar.invalid_date#progress': { vi: 'Dòng {line}: "{doneOn}" không phải ngày YYYY-MM-DD hợp lệ.', en: 'Line {line}: "{doneOn}" is not a valid YYYY-MM-DD date.' },
  'calendar.duplicate_progress': { vi: 'Dòng {line}: nhiệm vụ "{task}" đã có ở dòng {firstLine}.', en: 'Line {line}: task "{task}" already appears on line {firstLine}.' },
  'rules.unknown_target#explain': { vi: 'Kế hoạch "{plan}" không có chỉ tiêu "{target}".', en: 'Plan "{plan}" has no target "{target}".' },
  'calendar.unknown_agency#tasks': {
    vi: 'Kế hoạch "{plan}" không có cơ quan "{agency}" (xem: egov-plan show --plan {planArg} --json).',
    en: 'Plan "{plan}" has no agency "{agency}" (see: egov-plan show --plan {planArg} --json).',
  },
} as const satisfies IssueMessages;

/** The messages of `@egov-plan/report`'s PDF rendering. */
export const REPORT_MESSAGES = {
  'usage.missing_dependency': { vi: 'Cần cài gói playwright-core để xuất PDF (npm install playwright-core).', en: 'Install playwright-core to render PDF (npm install playwright-core).' },
  'usage.chromium_not_found': {
    vi: 'Không tìm thấy Chromium (đã tìm {paths}); cài gói chromium hoặc đặt biến EGOV_PLAN_CHROMIUM.',
    en: 'Chromium was not found (looked in {paths}); install the chromium package or set EGOV_PLAN_CHROMIUM.',
  },
} as const satisfies IssueMessages;
