/**
 * Quarterly progress reports of an e-government plan: one self-contained HTML page (inline CSS and
 * accessible SVG charts, printable on A4) or Markdown, Vietnamese first with English as an
 * option. Pure rendering over the plain data the rules engine returns; PDF is in
 * `@egov-plan/report/node`.
 *
 * @example
 * ```ts
 * import { bundledPlan, evaluate, progress, reportingCalendarAt, planTaskStatuses } from '@egov-plan/rules';
 * import { renderReportHtml } from '@egov-plan/report';
 *
 * const plan = bundledPlan('kontum-1102-2019');
 * const at = '2020-12-31';
 * const html = renderReportHtml({
 *   plan,
 *   evaluation: evaluate(plan, rows, { at }),
 *   progress: progress(plan, rows, { at }),
 *   calendar: reportingCalendarAt(plan, `${at}T12:00`),
 *   tasks: planTaskStatuses(plan, at),
 *   submissions: null, // unknown: the report says so
 * });
 * ```
 *
 * @module
 */
export { escapeHtml, escapeMarkdown } from './escape.js';
export {
  buildQuarterlyReport,
  periodCalendar,
  type ReportCalendar,
  type AgencyTasks,
  type QuarterlyReport,
  type QuarterlyReportInput,
  type ReportDeadline,
  type ReportIndicator,
  type ReportProgress,
  type ReporterStatus,
  type ReportRollUp,
  type ReportRow,
  type ReportSubmission,
  type ReportTarget,
  type ReportTasks,
} from './model.js';
export { renderReportHtml, reportDecimals, reportNumber, showGap, showValue, type ReportOptions } from './html.js';
export { renderReportMarkdown } from './markdown.js';
export { barChart, seriesChart, niceMax, shorten, CHART_COLOURS, type Bar, type BarChartInput, type BarTone, type ChartText, type SeriesChartInput, type SeriesPoint, type TargetLine } from './svg.js';
export type { ReportLanguage } from './text.js';
