import type { AdministrativeLevel, BilingualText, ReportStatus, TaskStatus } from '@egov-plan/core';
import type { ProgressStatus, TargetStatus } from '@egov-plan/rules';

// The report's own words, in Vietnamese and English. Data (plan titles, agency names) carries its
// own bilingual text; these are the headings and verdicts around it.

/** A language of the report. */
export type ReportLanguage = 'vi' | 'en';

/** Picks the text of a language. */
export const pick = (text: BilingualText, lang: ReportLanguage): string => text[lang];

export const TARGET_STATUS_TEXT: Record<TargetStatus, BilingualText> = {
  met: { vi: 'đạt', en: 'met' },
  'not-met': { vi: 'chưa đạt', en: 'not met' },
  'no-data': { vi: 'không có số liệu', en: 'no data' },
  'not-applicable': { vi: 'không áp dụng', en: 'not applicable' },
};

export const PROGRESS_STATUS_TEXT: Record<ProgressStatus, BilingualText> = {
  'on-track': { vi: 'đúng tiến độ', en: 'on track' },
  'at-risk': { vi: 'có nguy cơ chậm', en: 'at risk' },
  'off-track': { vi: 'chậm tiến độ', en: 'off track' },
  'not-available': { vi: 'chưa đủ số liệu', en: 'not enough data' },
};

export const TASK_STATUS_TEXT: Record<TaskStatus, BilingualText> = {
  overdue: { vi: 'quá hạn', en: 'overdue' },
  'in-progress': { vi: 'đang thực hiện', en: 'in progress' },
  'not-started': { vi: 'chưa bắt đầu', en: 'not started' },
  ongoing: { vi: 'thường xuyên', en: 'ongoing' },
  done: { vi: 'hoàn thành', en: 'done' },
};

export const REPORT_STATUS_TEXT: Record<ReportStatus, BilingualText> = {
  'not-open': { vi: 'chưa đến kỳ', en: 'not open' },
  open: { vi: 'đang mở', en: 'open' },
  'due-soon': { vi: 'sắp đến hạn', en: 'due soon' },
  overdue: { vi: 'quá hạn, chưa nộp', en: 'overdue, not submitted' },
  'on-time': { vi: 'nộp đúng hạn', en: 'submitted on time' },
  late: { vi: 'nộp muộn', en: 'submitted late' },
};

export const LEVEL_TEXT: Record<AdministrativeLevel | 'all', BilingualText> = {
  province: { vi: 'cấp tỉnh', en: 'province level' },
  district: { vi: 'cấp huyện', en: 'district level' },
  commune: { vi: 'cấp xã', en: 'commune level' },
  all: { vi: 'mọi cấp', en: 'all levels' },
};

export const WORDS = {
  reportTitle: { vi: 'Báo cáo tiến độ quý', en: 'Quarterly progress report' },
  period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  evaluatedAt: { vi: 'Đánh giá tại ngày', en: 'Evaluated at' },
  phases: { vi: 'Giai đoạn', en: 'Phase' },
  generated: { vi: 'Lập lúc', en: 'Generated' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  belowTarget: { vi: 'Chưa đạt chỉ tiêu', en: 'Below target' },
  noneBelow: { vi: 'Không có đơn vị nào dưới chỉ tiêu trong số liệu đã có.', en: 'No unit is below target in the data received.' },
  noData: { vi: 'Chưa có số liệu.', en: 'No data yet.' },
  noDataLong: {
    vi: 'Chưa có số liệu cho kỳ này: các chỉ tiêu được liệt kê nhưng chưa thể đánh giá.',
    en: 'No data yet for this period: the targets are listed but cannot be judged.',
  },
  indicators: { vi: 'Chỉ tiêu theo từng chỉ số', en: 'Targets by indicator' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  indicator: { vi: 'Chỉ số', en: 'Indicator' },
  orgUnit: { vi: 'Đơn vị', en: 'Org unit' },
  value: { vi: 'Giá trị', en: 'Value' },
  gap: { vi: 'Chênh lệch', en: 'Gap' },
  status: { vi: 'Trạng thái', en: 'Status' },
  level: { vi: 'Cấp', en: 'Level' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  valuesTable: { vi: 'Bảng số liệu', en: 'Values' },
  progress: { vi: 'Tiến độ đến cuối giai đoạn', en: 'Progress towards the phase end' },
  progressNone: { vi: 'Chưa có chuỗi số liệu để đánh giá tiến độ.', en: 'No series of values to assess progress yet.' },
  method: { vi: 'Phương pháp', en: 'Method' },
  deadline: { vi: 'Hạn', en: 'Deadline' },
  tasks: { vi: 'Nhiệm vụ theo trạng thái và cơ quan chủ trì', en: 'Tasks by status and lead agency' },
  tasksNone: { vi: 'Không có nhiệm vụ nào.', en: 'No tasks.' },
  tasksUnknown: { vi: 'Chưa có thông tin về nhiệm vụ.', en: 'Task statuses were not given.' },
  leadAgency: { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  total: { vi: 'Tổng', en: 'Total' },
  overdueTasks: { vi: 'Nhiệm vụ quá hạn', en: 'Overdue tasks' },
  deadlines: { vi: 'Hạn báo cáo của kỳ và đơn vị chậm', en: 'Reporting deadlines of the period and who is late' },
  deadlinesNone: { vi: 'Không có hạn báo cáo nào trong kỳ.', en: 'No reporting deadline in this period.' },
  calendarUnknown: { vi: 'Chưa có lịch báo cáo.', en: 'The reporting calendar was not given.' },
  obligation: { vi: 'Nghĩa vụ báo cáo', en: 'Reporting obligation' },
  due: { vi: 'Hạn nộp', en: 'Due' },
  reporters: { vi: 'Đơn vị báo cáo', en: 'Reporters' },
  late: { vi: 'Chậm / chưa nộp', en: 'Late / missing' },
  onTimeRate: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' },
  submissionsUnknown: {
    vi: 'Chưa có thông tin về việc nộp báo cáo: không biết đơn vị nào đã nộp.',
    en: 'Submissions are unknown: who has reported is not known.',
  },
  otherSubmitters: { vi: 'Cũng nhận được từ', en: 'Also received from' },
  holidaysIncomplete: { vi: 'Dữ liệu ngày nghỉ lễ của năm chưa đầy đủ.', en: 'Holiday data for the year is incomplete.' },
  issues: { vi: 'Dòng số liệu bị loại', en: 'Measurement rows left out' },
  chart: { vi: 'Biểu đồ', en: 'Chart' },
  language: { vi: 'English', en: 'Tiếng Việt' },
  none: { vi: 'không có', en: 'none' },
} satisfies Record<string, BilingualText>;
