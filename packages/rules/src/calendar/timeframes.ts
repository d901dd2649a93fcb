import {
  EgovPlanError,
  issueFrom,
  normaliseText,
  type Agency,
  type ContinuingStatus as ContinuingStatusOutput,
  type Issue,
  type NamedAgency as NamedAgencyOutput,
  type Plan,
  type Task,
  type TaskReport as TaskReportOutput,
  type TaskStatusReport as TaskStatusReportOutput,
  type Timeframe,
} from '@egov-plan/core';
import { planAt } from '../engine/items.js';
import { periodById } from './periods.js';
import { isLocalDate } from '@egov-plan/core';
import { dateOfDayNumber, dayNumber, daysFromCivil, daysInMonth, instantMs, localDayNumber, type InstantInput } from './time.js';
import * as MSG from '../messages.js';

// Time expressions of the appendix ("Thời gian thực hiện"): a month, a quarter, a year or a
// span of years, "Thường xuyên", or blank. A month or quarter is a calendar one (system
// `calendar`, ids C2019M05, C2019Q2), never a reporting period with a data cut-off.

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function invalidTimeframe(text: string, where?: { task?: string; pointer?: string }): EgovPlanError {
  const task = where?.task ? { vi: ` (nhiệm vụ "${where.task}")`, en: ` (task "${where.task}")` } : '';
  return new EgovPlanError([
    issueFrom(MSG.calendarInvalidTimeframe, where?.pointer ?? '', { text, task }),
  ]);
}

function interval(start: number, end: number, text: string, span: boolean): Timeframe {
  return { kind: 'interval', start: dateOfDayNumber(start), end: dateOfDayNumber(end), text, ...(span ? { span: true } : {}) };
}

function yearOk(y: number): boolean {
  return y >= 1000 && y <= 9999;
}

/**
 * The text matched against: NFC, single spaces, lower case, Vietnamese diacritics removed (so
 * "Quý", "Qúy", "Quí" and "Quy" read alike, as do "Thường xuyên" and "Thuong xuyen"), every dash
 * (hyphen, non-breaking hyphen, en dash, em dash, minus) as "-", no space around "/" and "-",
 * no trailing full stop.
 */
function matchable(t: string): string {
  return t
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu, '-')
    .replace(/ ?([/-]) ?/gu, '$1')
    .replace(/ ?\.$/u, '')
    .trim();
}

const QUARTER = '(iv|iii|ii|i|[1-4])';
const MONTH_YEAR = /^(?:thang )?(\d{1,2})(?:\/| nam )(\d{4})$/u;
const MONTH_DASH_YEAR = /^thang (\d{1,2})[-.](\d{4})$/u;
const MONTHS_YEAR = /^thang (\d{1,2})(?:-| den )(?:thang )?(\d{1,2})(?:\/| nam )(\d{4})$/u;
const QUARTER_YEAR = new RegExp(`^qu[yi] ${QUARTER}(?:/|-| nam )(\\d{4})$`, 'u');
const QUARTERS_YEAR = new RegExp(`^qu[yi] ${QUARTER}(?:-| den )(?:qu[yi] )?${QUARTER}(?:/| nam )(\\d{4})$`, 'u');
const HALF_YEAR = /^6 thang (dau|cuoi) nam (\d{4})$/u;
const YEAR = /^(?:nam )?(\d{4})$/u;
const YEARS = /^(?:tu |giai doan )?(?:nam )?(\d{4})(?:-| den )(?:nam )?(\d{4})$/u;

/** One expression without a range of two expressions; null when it does not match. */
function parseSingle(s: string, fail: () => EgovPlanError): { start: number; end: number; span?: true } | null {
  const month = (m: number, y: number) => {
    if (m < 1 || m > 12 || !yearOk(y)) throw fail();
    const first = daysFromCivil(y, m, 1);
    return { start: first, end: first + daysInMonth(y, m) - 1 };
  };
  const quarter = (q: number, y: number) => {
    if (!yearOk(y)) throw fail();
    const p = periodById(`C${y}Q${q}`);
    return { start: dayNumber(p.start), end: dayNumber(p.end) };
  };
  const roman = (r: string) => ROMAN[r] ?? Number(r);
  let m = MONTH_YEAR.exec(s) ?? MONTH_DASH_YEAR.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = MONTHS_YEAR.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b < a) throw fail();
    return { start: month(a, Number(m[3])).start, end: month(b, Number(m[3])).end, ...(a === b ? {} : { span: true as const }) };
  }
  m = QUARTER_YEAR.exec(s);
  if (m) return quarter(roman(m[1] as string), Number(m[2]));
  m = QUARTERS_YEAR.exec(s);
  if (m) {
    const a = roman(m[1] as string);
    const b = roman(m[2] as string);
    if (b < a) throw fail();
    return { start: quarter(a, Number(m[3])).start, end: quarter(b, Number(m[3])).end, ...(a === b ? {} : { span: true as const }) };
  }
  m = HALF_YEAR.exec(s);
  if (m) {
    const y = Number(m[2]);
    if (!yearOk(y)) throw fail();
    return m[1] === 'dau' ? { start: daysFromCivil(y, 1, 1), end: daysFromCivil(y, 6, 30) } : { start: daysFromCivil(y, 7, 1), end: daysFromCivil(y, 12, 31) };
  }
  m = YEAR.exec(s);
  if (m) {
    const y = Number(m[1]);
    if (!yearOk(y)) throw fail();
    return { start: daysFromCivil(y, 1, 1), end: daysFromCivil(y, 12, 31) };
  }
  m = YEARS.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (!yearOk(a) || !yearOk(b) || b < a) throw fail();
    return { start: daysFromCivil(a, 1, 1), end: daysFromCivil(b, 12, 31), ...(a === b ? {} : { span: true as const }) };
  }
  return null;
}

/**
 * Parses a time expression of the appendix into an interval of local dates, `ongoing`
 * ("Thường xuyên"), or `none` (blank / null). A month or quarter is the calendar one. An interval
 * that spans several years, months or quarters ("2019-2020", "Quý III-IV/2019") has `span: true`:
 * work runs through it; a single month, quarter, half-year or year is a date by which work is due.
 *
 * Accepted (case, spacing, Vietnamese diacritics and the kind of dash do not matter; a final
 * full stop is ignored):
 * - a month: "Tháng 5/2019", "Tháng 05/2019", "tháng 5 năm 2019", "Tháng 5-2019", "5/2019";
 * - a quarter: "Quý II/2019", "Quý 2/2019", "Quý II năm 2019", "Qúy II/2019", "Quí II/2019";
 * - a half-year: "6 tháng đầu năm 2019", "6 tháng cuối năm 2019";
 * - a year: "2019", "Năm 2019"; a span of years: "2019-2020", "2021 -2025", "2019–2020",
 *   "Giai đoạn 2021-2025", "Từ năm 2019 đến năm 2020";
 * - a span of months or quarters in one year: "Tháng 5-6/2019", "Quý III-IV/2019";
 * - a span of two of the above: "Quý IV/2019 - Quý I/2020", "Tháng 11/2019 đến tháng 2/2020";
 * - "Thường xuyên" and "Hằng năm" / "Hàng năm" (a recurring duty): `ongoing`;
 * - blank, "-" or null: `none`.
 *
 * Anything else — and an impossible month, quarter or a span that ends before it starts — throws
 * {@link EgovPlanError} `calendar.invalid_timeframe`, naming the row when `where.task` is given.
 *
 * @example parseTimeframe('Quý II/2019') // { kind: 'interval', start: '2019-04-01', end: '2019-06-30', text: 'Quý II/2019' }
 */
export function parseTimeframe(text: string | null | undefined, where?: { task?: string; pointer?: string }): Timeframe {
  if (text === null || text === undefined) return { kind: 'none' };
  const t = normaliseText(text);
  const s = matchable(t);
  if (s === '' || s === '-') return { kind: 'none' };
  if (s === 'thuong xuyen' || s === 'hang nam') return { kind: 'ongoing', text: t };
  const fail = () => invalidTimeframe(t, where);
  const single = parseSingle(s, fail);
  if (single) return interval(single.start, single.end, t, single.span === true);
  // A span of two expressions: "A - B", "A đến B", "từ A đến B" (exactly one "đến", or else one dash).
  const body = s.replace(/^tu /u, '');
  const parts = body.includes(' den ') ? body.split(' den ') : body.split('-');
  if (parts.length === 2) {
    const a = parseSingle(parts[0] as string, fail);
    const b = a && parseSingle(parts[1] as string, fail);
    if (a && b) {
      if (b.end < a.start) throw fail();
      return interval(a.start, b.end, t, true);
    }
  }
  throw fail();
}

/** Completion evidence: task id → local date (`YYYY-MM-DD`) it was done on. */
export type TaskProgress = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function doneOnOf(progress: TaskProgress | undefined, id: string): string | undefined {
  if (!progress) return undefined;
  if (progress instanceof Map) return progress.get(id);
  const rec = progress as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(rec, id) ? rec[id] : undefined;
}

/**
 * Status of a task's continuing work ("Tiếp tục cập nhật, hoàn thiện"), which never makes the task
 * overdue (the `ContinuingStatus` schema of @egov-plan/core).
 */
export type ContinuingStatus = ContinuingStatusOutput;

/** The status of one task at a date, with what it was judged on; fields documented in the `TaskStatusReport` schema of @egov-plan/core. */
export type TaskStatusReport = TaskStatusReportOutput;

/** A date for task status: a local date `YYYY-MM-DD`, or an instant (its local date in Vietnam). */
export type TaskDate = InstantInput;

function localDay(at: TaskDate): number {
  if (typeof at === 'string' && isLocalDate(at)) return dayNumber(at);
  return localDayNumber(instantMs(at));
}

/** Options of {@link taskStatus}. */
export interface TaskStatusOptions {
  /** JSON pointer of the task, for issues (`/tasks/3`). */
  pointer?: string;
  /**
   * The plan's date of issue, from which its tasks are owed. Without it a one-month (quarter,
   * year) completion time is in progress only within that month.
   */
  planDate?: string;
}

function continuingStatusOf(tf: Timeframe, today: number): ContinuingStatus | null {
  if (tf.kind === 'none') return null;
  if (tf.kind === 'ongoing') return 'ongoing';
  if (today < dayNumber(tf.start)) return 'not-started';
  return today <= dayNumber(tf.end) ? 'in-progress' : 'ended';
}

/**
 * The status of a task at a date, as the plan means it.
 *
 * - "Thường xuyên" (a standing duty): `ongoing`, always;
 * - completion recorded on or before the date (`progress`): `done`;
 * - a completion time that is one month, quarter, half-year or year ("Tháng 8/2019") is the date
 *   *by which* the task is due: `in-progress` from the plan's date (`planDate`) to its last day,
 *   `overdue` after it, `not-started` only before the plan's date;
 * - a span ("2019-2020"): `in-progress` from its start (never before the plan's date) to its
 *   end, `overdue` after, `not-started` before;
 * - a blank completion cell: no due date, never overdue: `in-progress` from the plan's date
 *   (`not-started` before it). The continuing period has its own `continuingStatus`.
 *
 * The fourth argument is the options, or (as before) the task's JSON pointer. Throws
 * {@link EgovPlanError} `calendar.invalid_timeframe` naming the task when a cell cannot be read.
 *
 * @example
 * ```ts
 * import { taskStatus } from '@egov-plan/rules';
 * const task = { id: 't1', completion: 'Quý IV/2019', continuing: null };
 * taskStatus(task, '2019-11-01', undefined, { planDate: '2019-05-09' }).status; // 'in-progress'
 * taskStatus(task, '2020-01-02', undefined, { planDate: '2019-05-09' }).status; // 'overdue'
 * ```
 */
export function taskStatus(task: Pick<Task, 'id' | 'completion' | 'continuing'>, at: TaskDate, progress?: TaskProgress, options: string | TaskStatusOptions = {}): TaskStatusReport {
  const { pointer = '', planDate } = typeof options === 'string' ? { pointer: options } : options;
  const completion = parseTimeframe(task.completion, { task: task.id, pointer: pointer ? `${pointer}/completion` : '' });
  const continuing = parseTimeframe(task.continuing, { task: task.id, pointer: pointer ? `${pointer}/continuing` : '' });
  const today = localDay(at);
  const recorded = doneOnOf(progress, task.id);
  const doneOn = recorded !== undefined && dayNumber(recorded) <= today ? recorded : null;
  const due = completion.kind === 'interval' ? completion.end : null;
  let activeFrom: string | null = null;
  if (completion.kind === 'interval') {
    const from = completion.span ? completion.start : (planDate ?? completion.start);
    activeFrom = planDate !== undefined && from < planDate ? planDate : from;
  } else if (completion.kind === 'none') activeFrom = planDate ?? null;
  const base = { task: task.id, due, activeFrom, completion, continuing, continuingStatus: continuingStatusOf(continuing, today), doneOn };
  if (completion.kind === 'ongoing') return { ...base, status: 'ongoing', onTime: null };
  if (doneOn !== null) return { ...base, status: 'done', onTime: due === null ? null : doneOn <= due };
  if (activeFrom !== null && today < dayNumber(activeFrom)) return { ...base, status: 'not-started', onTime: null };
  if (due !== null && today > dayNumber(due)) return { ...base, status: 'overdue', onTime: null };
  return { ...base, status: 'in-progress', onTime: null };
}

/**
 * Every time expression of a plan's tasks that cannot be read, as issues naming the row
 * (`/tasks/3/completion`). Empty when all parse.
 */
export function checkTaskTimeframes(plan: Pick<Plan, 'tasks'>): Issue[] {
  const issues: Issue[] = [];
  plan.tasks.forEach((t, i) => {
    for (const field of ['completion', 'continuing'] as const) {
      try {
        parseTimeframe(t[field], { task: t.id, pointer: `/tasks/${i}/${field}` });
      } catch (e) {
        if (e instanceof EgovPlanError) for (const x of e.issues) issues.push(x);
        else throw e;
      }
    }
  });
  return issues;
}

/** An agency as shown with a task: its id and name (the `NamedAgency` schema of @egov-plan/core). */
export type NamedAgency = NamedAgencyOutput;

/**
 * A task with its status and the names of its agencies, as the `tasks` command lists it; fields
 * documented in the `TaskReport` schema of @egov-plan/core.
 */
export type TaskReport = TaskReportOutput;

/**
 * Whether `agency` belongs to the collective `group`: the group declares `members` and the
 * agency's kind is one of its kinds and, when the group names a level, its level is that level.
 * Decided by those fields alone, never by names; a group without `members` has none.
 */
export function isMemberOf(agency: Pick<Agency, 'id' | 'kind' | 'level'>, group: Pick<Agency, 'id' | 'kind' | 'members'>): boolean {
  const m = group.members;
  if (group.kind !== 'group' || !m || agency.id === group.id || agency.kind === 'group') return false;
  if (!(m.kinds as readonly string[]).includes(agency.kind)) return false;
  return m.level === null || (agency.level ?? null) === m.level;
}

/**
 * The status of every task of a plan at a date, judged from the plan's date (see
 * {@link taskStatus}), optionally only those led by `agency`: named as a lead itself, or through
 * a collective it belongs to ({@link isMemberOf}; `leadThrough` says which). Checks every row
 * first and throws one {@link EgovPlanError} listing each unreadable time expression; also throws
 * `calendar.unknown_task` when `progress` names a task the plan does not have.
 *
 * @example
 * // The tasks the Department of Information and Communications leads that are overdue at the end of 2020:
 * const overdue = planTaskStatuses(bundledPlan('kontum-1102-2019'), '2020-12-31', { agency: 'so-tttt' })
 *   .filter((t) => t.status === 'overdue')
 *   .map((t) => `${t.label} ${t.title.vi}`);
 */
export function planTaskStatuses(given: Plan, at: TaskDate, options: { progress?: TaskProgress; agency?: string } = {}): TaskReport[] {
  // Tasks and agencies as in force on that day (dated itemOverrides and itemWithdrawals).
  const plan = planAt(given, dateOfDayNumber(localDay(at)));
  const problems = checkTaskTimeframes(plan);
  if (options.progress) {
    const ids = new Set(plan.tasks.map((t) => t.id));
    const keys = options.progress instanceof Map ? [...options.progress.keys()] : Object.keys(options.progress);
    for (const k of keys) {
      if (!ids.has(k)) problems.push(issueFrom(MSG.calendarUnknownTaskProgress, '', { plan: plan.id, task: k }));
      const doneOn = doneOnOf(options.progress, k);
      if (typeof doneOn !== 'string' || !isLocalDate(doneOn)) {
        problems.push(issueFrom(MSG.calendarInvalidDateDoneOn, '', { task: k, doneOn: String(doneOn) }));
      }
    }
  }
  if (problems.length) throw new EgovPlanError(problems);
  const agencies = new Map<string, Agency>(plan.agencies.map((a) => [a.id, a]));
  const named = (id: string): NamedAgency => ({ id, name: agencies.get(id)?.name ?? { vi: id, en: id } });
  const asked = options.agency === undefined ? undefined : agencies.get(options.agency);
  return plan.tasks.flatMap((t, i) => {
    let leadThrough: string[] = [];
    if (options.agency !== undefined && !t.lead.includes(options.agency)) {
      leadThrough = asked ? t.lead.filter((id) => { const g = agencies.get(id); return g !== undefined && isMemberOf(asked, g); }) : [];
      if (leadThrough.length === 0) return [];
    }
    const s = taskStatus(t, at, options.progress, { pointer: `/tasks/${i}`, planDate: plan.date });
    return [
      {
        ...s,
        id: t.id,
        label: t.label,
        group: t.group,
        title: t.title,
        lead: t.lead.map(named),
        coordinating: t.coordinating.map(named),
        leadThrough,
        source: t.source,
        completionAsWritten: t.completion,
        continuingAsWritten: t.continuing,
      },
    ];
  });
}

/** The local date `YYYY-MM-DD` of a task date argument. */
export function taskDate(at: TaskDate): string {
  return dateOfDayNumber(localDay(at));
}
