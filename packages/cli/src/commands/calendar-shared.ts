import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EgovPlanError, isLocalDate, issue, isEgovPlanError, type BilingualText, type Issue, type Plan, type ReportStatus, type TaskStatus } from '@egov-plan/core';
import { parseInstant, type DeadlineAt } from '@egov-plan/rules';
import { readTextFileSync } from '@egov-plan/rules/node';
import { UsageError, type CliContext } from '../io.js';
import { planArgumentHelp } from './shared.js';

/** The plan the calendar commands use when `--plan` is not given. */
export const DEFAULT_PLAN = 'kontum-1102-2019';

/** Help text of `--plan`. */
export function planOptionHelp(ctx: CliContext): string {
  return planArgumentHelp(ctx);
}

/** Parses `--at` (default: the run's current time); a malformed value is a usage error. */
export function atArgument(ctx: CliContext, text: string | undefined): Date {
  if (text === undefined) return ctx.io.now();
  try {
    return parseInstant(text);
  } catch (e) {
    if (isEgovPlanError(e)) throw new UsageError({ vi: `--at: ${e.issues[0]!.message.vi}`, en: `--at: ${e.issues[0]!.message.en}` });
    throw e;
  }
}

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
export async function readProgressFile(ctx: CliContext, file: string, plan: Plan): Promise<Map<string, string>> {
  // Regular files only, size-limited: a FIFO or a device must not hang the command.
  const text = readTextFileSync(resolve(ctx.io.cwd, file), file);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, delimiter: [',', ';', '\t'] }) as string[][];
  } catch (e) {
    throw new EgovPlanError([issue('calendar.invalid_progress', '', `Tệp tiến độ "${file}" không phải CSV hợp lệ: ${(e as Error).message}`, `Progress file "${file}" is not valid CSV: ${(e as Error).message}`, { file })]);
  }
  // Each record with the line it starts on (a quoted field may span lines; blank lines are skipped).
  const starts = recordStartLines(text.replace(/^\uFEFF/u, ''));
  const rows = records.map((row, i) => ({ row, line: starts.length === records.length ? (starts[i] as number) : i + 1 }));
  const tasks = new Set(plan.tasks.map((t) => t.id));
  const progress = new Map<string, string>();
  const firstLine = new Map<string, number>();
  const issues: Issue[] = [];
  rows.forEach(({ row, line }, i) => {
    if (i === 0 && row[0]?.toLowerCase() === 'task' && row[1]?.toLowerCase() === 'doneon') return;
    const at = { file, line, column: 1 };
    if (row.length !== 2) {
      issues.push(issue('calendar.invalid_progress', '', `Dòng ${line}: cần đúng 2 cột "task,doneOn", có ${row.length}.`, `Line ${line}: expected the 2 columns "task,doneOn", got ${row.length}.`, at));
      return;
    }
    const [task, doneOn] = row as [string, string];
    if (!tasks.has(task)) {
      issues.push(issue('calendar.unknown_task', '', `Dòng ${line}: kế hoạch "${plan.id}" không có nhiệm vụ "${task}".`, `Line ${line}: plan "${plan.id}" has no task "${task}".`, at));
      return;
    }
    if (!isLocalDate(doneOn)) {
      issues.push(issue('calendar.invalid_date', '', `Dòng ${line}: "${doneOn}" không phải ngày YYYY-MM-DD hợp lệ.`, `Line ${line}: "${doneOn}" is not a valid YYYY-MM-DD date.`, { ...at, column: 2 }));
      return;
    }
    if (progress.has(task)) {
      issues.push(issue('calendar.duplicate_progress', '', `Dòng ${line}: nhiệm vụ "${task}" đã có ở dòng ${firstLine.get(task)}.`, `Line ${line}: task "${task}" already appears on line ${firstLine.get(task)}.`, at));
      return;
    }
    progress.set(task, doneOn);
    firstLine.set(task, line);
  });
  if (issues.length) throw new EgovPlanError(issues);
  return progress;
}

/** The line each non-blank CSV record starts on; a newline inside double quotes does not end a record. */
function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let start = 1;
  let quoted = false;
  let blank = true;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === '\n') {
      line++;
      if (quoted) continue;
      if (!blank) starts.push(start);
      start = line;
      blank = true;
    } else if (c !== '\r' && c !== ' ' && c !== '\t') blank = false;
  }
  if (!blank) starts.push(start);
  return starts;
}
