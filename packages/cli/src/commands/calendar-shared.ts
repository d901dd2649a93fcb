import type { BilingualText, Issue, Plan, ReportStatus, TaskStatus } from '@egov-plan/core';
import type { DeadlineAt } from '@egov-plan/rules';
import type { CliContext } from '../io.js';
import { readInputFile } from './shared.js';
import * as MSG from '../messages.js';

/** Names of the agencies with these ids, as a map id → name. */
export function agencyNames(plan: Plan, ids: Iterable<string>): Record<string, BilingualText> {
  const byId = new Map(plan.agencies.map((a) => [a.id, a.name]));
  const out: Record<string, BilingualText> = {};
  for (const id of [...ids].sort()) out[id] = byId.get(id) ?? { vi: id, en: id };
  return out;
}

/** A deadline as the `calendar --json` output shows it. */
export function deadlineJson(d: DeadlineAt) {
  return {
    obligation: d.obligation,
    period: d.period,
    due: d.due,
    nominalDue: d.nominalDue,
    window: d.window,
    inclusive: d.inclusive,
    rollOver: d.rollOver,
    rolledOver: d.rolledOver,
    status: d.status,
    wording: d.wording,
    reporters: d.reporters,
    recipients: d.recipients,
    source: d.source,
    holidayData: d.holidayData,
  };
}

const reportStatusText: Record<ReportStatus, BilingualText> = {
  'not-open': { vi: 'chưa mở', en: 'not open' },
  open: { vi: 'đang mở', en: 'open' },
  'due-soon': { vi: 'sắp đến hạn', en: 'due soon' },
  overdue: { vi: 'quá hạn', en: 'overdue' },
  'on-time': { vi: 'đúng hạn', en: 'on time' },
  late: { vi: 'trễ hạn', en: 'late' },
};

const taskStatusText: Record<TaskStatus, BilingualText> = {
  'not-started': { vi: 'chưa đến thời hạn', en: 'not started' },
  'in-progress': { vi: 'đang thực hiện', en: 'in progress' },
  overdue: { vi: 'quá hạn', en: 'overdue' },
  done: { vi: 'đã hoàn thành', en: 'done' },
  ongoing: { vi: 'thường xuyên', en: 'ongoing' },
};

/** A report status in the run's language. */
export function statusLabel(ctx: CliContext, s: ReportStatus): string {
  return ctx.lang === 'en' ? reportStatusText[s].en : reportStatusText[s].vi;
}

/** A task status in the run's language. */
export function taskStatusLabel(ctx: CliContext, s: TaskStatus): string {
  return ctx.lang === 'en' ? taskStatusText[s].en : taskStatusText[s].vi;
}

/**
 * Reads a progress file: CSV with the columns `task,doneOn` (a header row is optional; fields
 * separated by commas, semicolons or tabs), one row per completed task. Every bad row is
 * reported with the line it starts on; unknown task ids too.
 */
export async function readProgressFile(ctx: CliContext, path: string, plan: Plan): Promise<Map<string, string>> {
  // Regular files only, size-limited: a FIFO or a device must not hang the command.
  const { text, name: file } = await readInputFile(ctx, path);
  const [{ readCsv }, { EgovPlanError, isLocalDate, issueFrom }] = await Promise.all([import('@egov-plan/rules'), import('@egov-plan/core')]);
  // The library's one CSV reader: blank lines skipped, each record with the line it starts on.
  const rows: { row: string[]; line: number }[] = [];
  const read = readCsv(text, (r) => {
    if (r.fields.every((f) => f.trim() === '')) return;
    rows.push({ row: r.fields.map((f) => f.trim()), line: r.line });
  });
  if (read.unterminated) {
    const at = read.unterminated;
    throw new EgovPlanError([issueFrom(MSG.calendarInvalidProgressQuote, '', { file, line: at.line }, { file, line: at.line })]);
  }
  const tasks = new Set(plan.tasks.map((t) => t.id));
  const progress = new Map<string, string>();
  const firstLine = new Map<string, number>();
  const issues: Issue[] = [];
  rows.forEach(({ row, line }, i) => {
    if (i === 0 && row[0]?.toLowerCase() === 'task' && row[1]?.toLowerCase() === 'doneon') return;
    const at = { file, line, column: 1 };
    if (row.length !== 2) {
      issues.push(issueFrom(MSG.calendarInvalidProgress, '', { line, count: row.length }, at));
      return;
    }
    const [task, doneOn] = row as [string, string];
    if (!tasks.has(task)) {
      issues.push(issueFrom(MSG.calendarUnknownTask, '', { line, plan: plan.id, task }, at));
      return;
    }
    if (!isLocalDate(doneOn)) {
      issues.push(issueFrom(MSG.calendarInvalidDateProgress, '', { line, doneOn }, { ...at, column: 2 }));
      return;
    }
    if (progress.has(task)) {
      issues.push(issueFrom(MSG.calendarDuplicateProgress, '', { line, task, firstLine: String(firstLine.get(task)) }, at));
      return;
    }
    progress.set(task, doneOn);
    firstLine.set(task, line);
  });
  if (issues.length) throw new EgovPlanError(issues);
  return progress;
}

const WEEKDAYS: Record<'vi' | 'en', readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** The weekday of a local date `YYYY-MM-DD` in the run's language ("Thứ Hai", "Monday"). */
export function weekday(ctx: CliContext, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d); // setUTCFullYear, not Date.UTC: years 0–99 stay themselves.
  return WEEKDAYS[ctx.lang][day.getUTCDay()] as string;
}

/** A local date with its weekday: `2020-03-16 (Thứ Hai)`. */
export function dateWithWeekday(ctx: CliContext, date: string): string {
  return `${date} (${weekday(ctx, date)})`;
}
