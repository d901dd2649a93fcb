import { EgovPlanError, issueFrom, type Deadline, type Plan, utf8ByteLength } from '@egov-plan/core';
import { createEvents, type EventAttributes } from 'ics';
import { DEFAULT_MAX_CALENDAR_EVENTS, deadlinesBetween, tooManyEvents, type DeadlineOptions } from './deadlines.js';
import { parseTimeframe } from './timeframes.js';
import { addDays, dayNumber } from './time.js';
import { itemPlan } from '../engine/items.js';
import * as MSG from '../messages.js';

// iCalendar (RFC 5545) export through the `ics` library: one all-day event per reporting
// deadline (on its last on-time day, or spanning its window when the source gives no day) and
// one per task due date. UIDs derive from plan id, obligation or task id and period id, so
// re-importing updates events instead of duplicating them.

/** Options of {@link planToICalendar}. */
export interface ICalendarOptions extends DeadlineOptions {
  /** First local date of deadlines and task due dates to include (default: the plan's date). */
  from?: string;
  /** Last local date to include (default: the end of the plan's last phase, or 31 Dec five years after its date). */
  to?: string;
  /** Language of titles and descriptions (default Vietnamese). */
  lang?: 'vi' | 'en';
  /** DTSTAMP of every event (default: now). Pass a fixed value for reproducible output. */
  generatedAt?: Date;
  /** Include task due dates (default true). */
  tasks?: boolean;
  /**
   * Most events exported (default {@link DEFAULT_MAX_CALENDAR_EVENTS}). A range holding more —
   * a monthly obligation over a plan dated 1001–9997 — is refused with `calendar.too_many_events`
   * before it is built.
   */
  maxEvents?: number;
}

/** One event of the export, as data. `summary` and `description` are already made safe ({@link safeText}). */
export interface CalendarEvent {
  uid: string;
  kind: 'deadline' | 'task';
  summary: string;
  description: string;
  /** First local date (inclusive). */
  start: string;
  /** Last local date (inclusive); DTEND is the day after. */
  end: string;
}

/** The stable UID of a deadline event. */
export function deadlineUid(planId: string, deadline: Pick<Deadline, 'obligation' | 'period'>): string {
  return `${planId}.${deadline.obligation}.${deadline.period ?? 'once'}@egov-plan`;
}

/** The stable UID of a task due-date event. */
export function taskUid(planId: string, taskId: string): string {
  return `${planId}.task.${taskId}@egov-plan`;
}

function dateArray(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The default export range of a plan: its date to the end of its last phase. */
export function planRange(plan: Plan): { from: string; to: string } {
  const ends = plan.phases.map((p) => p.end).sort();
  const fallback = `${Number(plan.date.slice(0, 4)) + 5}-12-31`;
  return { from: plan.date, to: ends[ends.length - 1] ?? fallback };
}

/** The events of a plan's calendar: reporting deadlines and task due dates in a date range. */
export function planCalendarEvents(plan: Plan, options: ICalendarOptions = {}): CalendarEvent[] {
  const range = planRange(plan);
  const from = options.from ?? range.from;
  const to = options.to ?? range.to;
  if (dayNumber(to) < dayNumber(from)) {
    throw new EgovPlanError([issueFrom(MSG.calendarInvalidRange, '', { from, to })]);
  }
  const en = options.lang === 'en';
  const names = new Map(plan.agencies.map((a) => [a.id, en ? a.name.en : a.name.vi]));
  const list = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join('; ');
  const max = options.maxEvents ?? DEFAULT_MAX_CALENDAR_EVENTS;
  const taskDue: { task: (typeof plan.tasks)[number]; due: string }[] = [];
  if (options.tasks !== false) {
    for (const t of plan.tasks) {
      const tf = parseTimeframe(t.completion, { task: t.id });
      if (tf.kind === 'interval' && tf.end >= from && tf.end <= to) taskDue.push({ task: t, due: tf.end });
    }
  }
  if (taskDue.length > max) throw tooManyEvents(max, from, to);
  const events: CalendarEvent[] = [];
  for (const d of deadlinesBetween(plan, from, to, { ...options, maxDeadlines: max - taskDue.length })) {
    const o = plan.reportingObligations.find((x) => x.id === d.obligation);
    if (!o) continue;
    const subject = en ? o.subject.en : o.subject.vi;
    const period = d.period ? ` (${d.period})` : '';
    const lines = [
      `${en ? 'As written' : 'Nguyên văn'}: "${d.wording}"`,
      `${en ? 'From' : 'Đơn vị báo cáo'}: ${list(d.reporters)}`,
      `${en ? 'To' : 'Nơi nhận'}: ${list(d.recipients)}`,
    ];
    if (d.due === null) lines.push(en ? `No day is given: any day from ${d.window.start} to ${d.window.end}.` : `Văn bản không nêu ngày cụ thể: trong khoảng ${d.window.start} … ${d.window.end}.`);
    else if (d.rolledOver) lines.push(en ? `Nominal last day ${d.nominalDue} is not a working day: moved to ${d.due} (Civil Code 2015 Art. 148).` : `Ngày cuối ${d.nominalDue} không phải ngày làm việc: chuyển sang ${d.due} (Điều 148 Bộ luật Dân sự 2015).`);
    if (!d.holidayData.complete) lines.push(en ? `Holiday data incomplete for ${d.holidayData.years.join(', ')}.` : `Dữ liệu ngày nghỉ năm ${d.holidayData.years.join(', ')} chưa đầy đủ.`);
    lines.push(`${itemPlan(plan, 'reportingObligations', d.obligation, d.source).number}, ${d.source.section}`);
    events.push({
      uid: deadlineUid(plan.id, d),
      kind: 'deadline',
      summary: safeText(d.due === null ? `${en ? 'Report (no fixed day)' : 'Báo cáo (không nêu ngày)'}: ${subject}${period}` : `${en ? 'Report due' : 'Hạn báo cáo'}: ${subject}${period}`),
      description: safeText(lines.join('\n')),
      start: d.due ?? d.window.start,
      end: d.due ?? d.window.end,
    });
  }
  for (const { task: t, due } of taskDue) {
    const lead = list(t.lead);
    events.push({
      uid: taskUid(plan.id, t.id),
      kind: 'task',
      summary: safeText(`${en ? 'Task due' : 'Hạn nhiệm vụ'} ${t.group}.${t.label}: ${en ? t.title.en : t.title.vi}`),
      description: safeText([`${en ? 'Completion as written' : 'Thời gian hoàn thành'}: ${t.completion}`, `${en ? 'Lead' : 'Chủ trì'}: ${lead}`, `${itemPlan(plan, 'tasks', t.id, t.source).number}, ${t.source.section}`].join('\n')),
      start: due,
      end: due,
    });
  }
  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : 1));
}

/**
 * A plan's reporting deadlines and task due dates as an iCalendar (RFC 5545) text, built with
 * the `ics` library: all-day events with stable UIDs, lines folded at 75 octets. Import it into
 * a calendar application.
 */
export function planToICalendar(plan: Plan, options: ICalendarOptions = {}): { text: string; events: CalendarEvent[] } {
  const events = planCalendarEvents(plan, options);
  const timestamp = (options.generatedAt ?? new Date()).getTime();
  const attributes = events.map(
    (e) =>
      ({
        uid: e.uid,
        title: e.summary,
        description: e.description,
        start: dateArray(e.start),
        end: dateArray(addDays(e.end, 1)),
        categories: ['egov-plan', plan.id, e.kind],
        transp: 'TRANSPARENT',
        productId: 'egov-plan',
        // The library escapes SUMMARY and DESCRIPTION but writes X-WR-CALNAME as given: escape it as TEXT (RFC 5545 §3.3.11).
        calName: escapeText(safeText(`${plan.number} — ${options.lang === 'en' ? plan.title.en : plan.title.vi}`).replace(/\n/gu, ' ')),
        timestamp,
      }) as EventAttributes,
  );
  if (attributes.length === 0) {
    return { text: refold(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:egov-plan', 'METHOD:PUBLISH', 'END:VCALENDAR'].join('\r\n') + '\r\n'), events };
  }
  const r = createEvents(attributes);
  if (r.error || r.value === null) {
    throw new EgovPlanError([issueFrom(MSG.calendarIcsFailed, '', { detail: r.error?.message ?? { vi: 'lỗi không rõ', en: 'unknown error' } })]);
  }
  return { text: refold(r.value), events };
}

/**
 * Text safe to write into an iCalendar TEXT value: line breaks (CRLF, a lone CR) become LF, which
 * the library writes as `\n`; every other control character (C0 but TAB and LF, DEL, C1) and every
 * bidirectional override, embedding, isolate or mark (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069) becomes U+FFFD, so none reaches the file raw: a NUL, BEL or ESC from a rule file
 * can neither break the file nor drive a terminal that prints it, and no text is reordered.
 */
export function safeText(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');
}

/** Escapes backslash, semicolon and comma of a TEXT value (RFC 5545 §3.3.11); the library encodes newlines. */
function escapeText(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/;/gu, '\\;').replace(/,/gu, '\\,');
}

/**
 * Unfolds content lines and folds them again at 75 octets (RFC 5545 §3.1), never inside a UTF-8
 * sequence: the library folds at 75 characters, which Vietnamese text exceeds in octets.
 */
export function refold(text: string): string {
  const lines = text.replace(/\r\n[ \t]/gu, '').split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8ByteLength(ch);
    if (bytes + n > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74; // continuation lines start with one space
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
