import type { Command } from 'commander';
import type { Deadline, Plan } from '@egov-plan/core';
import { itemPlan, type DeadlineAt } from '@egov-plan/rules';
import { out, printJson, t, usageError, type CliContext } from '../io.js';
import * as MSG from '../messages.js';
import { agencyNames, dateWithWeekday, deadlineJson, statusLabel } from './calendar-shared.js';
import { databaseOption, withDatabase } from '../database.js';
import { atHelp, atOption, DEFAULT_PLAN, jsonHelp, loadPlanRef, planOption } from './shared.js';

/** `egov-plan calendar`: the reporting period containing an instant, its deadlines and the upcoming ones. */
export function registerCalendar(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('calendar')
    .description(en ? 'which reporting period it is, and what is due, by whom, when' : 'kỳ báo cáo hiện tại, và báo cáo nào đến hạn, của ai, khi nào');
  planOption(databaseOption(cmd, ctx), ctx, DEFAULT_PLAN)
    .option('--period <id>', en ? "a period's deadlines with who submitted (from the store), who is late and the on-time rate" : 'các hạn của một kỳ, kèm ai đã nộp (theo kho), ai nộp muộn và tỷ lệ đúng hạn')
    .option('--at <when>', atHelp(ctx, { vi: 'bây giờ; một ngày là 00:00 của ngày đó', en: 'now; a date is its 00:00' }))
    .option('--due-soon-days <days>', en ? 'days before a due date counted as "due soon"' : 'số ngày trước hạn được coi là "sắp đến hạn"', '7')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { plan: string; at?: string; dueSoonDays: string; json?: boolean; period?: string; database?: string }) => {
      const dueSoonDays = Number(opts.dueSoonDays);
      if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) {
        throw usageError(MSG.usageDueSoonDays, { value: opts.dueSoonDays });
      }
      const at = (await atOption(ctx, opts.at)).instant;
      const plan = await loadPlanRef(ctx, opts.plan);
      if (opts.period !== undefined) return periodSubmissions(ctx, plan, opts.period, at, dueSoonDays, opts.database, opts.json === true);
      const [{ isEgovPlanError }, { reportingCalendarAt }] = await Promise.all([import('@egov-plan/core'), import('@egov-plan/rules')]);
      let snap;
      try {
        snap = reportingCalendarAt(plan, at, { dueSoonDays });
      } catch (e) {
        // An --at the calendar cannot place (years outside 1000–9998) is the option's fault, like a malformed one.
        if (isEgovPlanError(e) && (e.code === 'calendar.invalid_instant' || e.code === 'calendar.out_of_range')) {
          throw usageError(MSG.usageOptionReason, { option: '--at', reason: e.issues[0]!.message });
        }
        throw e;
      }
      if (opts.json) {
        const ids = new Set([...snap.deadlines, ...snap.upcoming, ...snap.history].flatMap((d) => [...d.reporters, ...d.recipients]));
        return printJson(ctx, {
          ok: true,
          plan: { id: plan.id, number: plan.number },
          at: snap.at,
          localDate: snap.localDate,
          timeZone: snap.timeZone,
          period: snap.period,
          deadlines: snap.deadlines.map(deadlineJson),
          upcoming: snap.upcoming.map(deadlineJson),
          history: snap.history,
          term: snap.term,
          holidays: snap.holidays,
          agencies: agencyNames(plan, ids),
        });
      }
      const L = (vi: string, enText: string) => (en ? enText : vi);
      out(ctx, `${plan.number} — ${L('thời điểm', 'at')} ${snap.at}`);
      out(ctx, `${L('Kỳ báo cáo', 'Reporting period')}: ${snap.period.id} (${snap.period.start} … ${snap.period.end})`);
      if (snap.term.status !== 'in-force') {
        out(ctx);
        out(ctx, `! ${t(ctx, snap.term.message)}`);
      }
      out(ctx);
      out(ctx, `== ${L('Hạn báo cáo của kỳ hiện tại', 'Deadlines of the current period')} ==`);
      if (snap.deadlines.length === 0) out(ctx, L('(không có)', '(none)'));
      for (const d of snap.deadlines) out(ctx, line(ctx, plan, d));
      out(ctx);
      out(ctx, `== ${L('Hạn sắp tới', 'Upcoming deadlines')} ==`);
      // A deadline already listed for the current period is not printed twice (the JSON keeps both lists whole).
      const listed = new Set(snap.deadlines.map((d) => `${d.obligation}\u0000${d.period ?? ''}`));
      const further = snap.upcoming.filter((d) => !listed.has(`${d.obligation}\u0000${d.period ?? ''}`));
      const repeated = snap.upcoming.length - further.length;
      if (snap.upcoming.length === 0) out(ctx, L('(không có)', '(none)'));
      else if (repeated > 0) out(ctx, L(`(${repeated} hạn của kỳ hiện tại ở trên${further.length ? '; tiếp theo:' : ''})`, `(${repeated} of the current period, above${further.length ? '; then:' : ''})`));
      for (const d of further) out(ctx, line(ctx, plan, d));
      if (snap.history.length) {
        // One-off deadlines of earlier periods: history only, without a status.
        out(ctx);
        out(ctx, `== ${L('Hạn một lần đã qua', 'Past one-off deadlines')} ==`);
        for (const d of snap.history) out(ctx, line(ctx, plan, d));
      }
      out(ctx);
      const h = snap.holidays;
      out(ctx, `${L('Dữ liệu ngày nghỉ', 'Holiday data')} ${h.year}: ${h.covered ? L('đầy đủ', 'complete') : L('CHƯA đầy đủ', 'INCOMPLETE')} — ${t(ctx, h.note)}`);
      if (h.unconfirmed.length) out(ctx, `${L('Ngày chưa xác nhận', 'Unconfirmed dates')}: ${h.unconfirmed.join(', ')}`);
    });
}

function line(ctx: CliContext, plan: Plan, d: Deadline | DeadlineAt): string {
  const en = ctx.lang === 'en';
  const names = agencyNames(plan, new Set([...d.reporters, ...d.recipients]));
  const who = d.reporters.map((id) => t(ctx, names[id] ?? { vi: id, en: id })).join(', ');
  const to = d.recipients.map((id) => t(ctx, names[id] ?? { vi: id, en: id })).join(', ');
  const when =
    d.due === null
      ? `${en ? 'within' : 'trong khoảng'} ${d.window.start} … ${d.window.end}`
      : `${en ? 'due' : 'hạn'} ${dateWithWeekday(ctx, d.due)}${d.rolledOver ? ` (${en ? 'rolled over from' : 'lùi từ'} ${dateWithWeekday(ctx, d.nominalDue ?? d.due)})` : ''}`;
  const period = d.period ?? (en ? 'one-off' : 'một lần');
  // A due date computed without complete holiday data is flagged on its own line, whatever the year of --at.
  const incomplete = d.holidayData.complete
    ? ''
    : `\n    ${en ? `! holiday data incomplete for ${d.holidayData.years.join(', ')}: only weekends and fixed-date holidays applied` : `! dữ liệu ngày nghỉ năm ${d.holidayData.years.join(', ')} chưa đầy đủ: chỉ tính cuối tuần và ngày lễ dương lịch`}`;
  const status = 'status' in d ? `  [${statusLabel(ctx, d.status)}]` : '';
  return `- ${period}  ${when}${status}\n    ${who} → ${to}\n    "${d.wording}" (${itemPlan(plan, 'reportingObligations', d.obligation, d.source).number}, ${d.source.section})${incomplete}`;
}

/** `calendar --period <id>`: each deadline of the period, each reporter's status from the submissions the store holds, and the rates. */
async function periodSubmissions(ctx: CliContext, plan: Plan, periodId: string, at: Date, dueSoonDays: number, database: string | undefined, json: boolean): Promise<void> {
  const en = ctx.lang === 'en';
  const [{ isEgovPlanError }, { deadlinesFor, expectedReporters, formatInstant, formatNumber, planCalendar, timelinessRate }] = await Promise.all([import('@egov-plan/core'), import('@egov-plan/rules')]);
  // `at` as the calendar without --period gives it: with the plan's local offset, its local date and zone.
  const { timeZone } = planCalendar(plan);
  const localAt = formatInstant(at, timeZone);
  let deadlines: Deadline[];
  try {
    deadlines = deadlinesFor(plan, periodId);
  } catch (e) {
    if (isEgovPlanError(e)) throw usageError(MSG.usageOptionReason, { option: '--period', reason: e.issues[0]!.message });
    throw e;
  }
  const rows = await withDatabase(ctx, database, 'read', async (db) => {
    const list = [];
    for (const d of deadlines) {
      const submissions = await db.store.submissions({ plan: plan.id, obligation: d.obligation, period: periodId });
      // A collective is expanded into its members (declared, or inferred from the plan's units); the rest as named.
      const expected = expectedReporters(plan, d);
      const ids = expected.reporters.map((r) => r.reporter);
      // Submissions from a reporter not expected are named, never dropped.
      const unexpected = [...new Set(submissions.map((s) => s.reporter).filter((r) => !ids.includes(r)))].sort();
      list.push({ deadline: d, submissions, expected, unexpected, rate: timelinessRate({ deadline: d, submissions, reporters: ids, at, dueSoonDays }) });
    }
    return list;
  });
  if (json) {
    return printJson(ctx, {
          ok: true,
      plan: { id: plan.id, number: plan.number },
      period: periodId,
      at: localAt,
      localDate: localAt.slice(0, 10),
      timeZone,
      obligations: rows.map((r) => ({
        obligation: r.deadline.obligation,
        due: r.deadline.due,
        reporters: r.deadline.reporters,
        submissions: r.submissions,
        ...r.rate,
        expectedReporters: r.expected.reporters,
        collectives: r.expected.collectives,
        unexpected: r.unexpected,
      })),
    });
  }
  const unitNames = new Map(plan.administrativeUnits.map((u) => [u.code, u.name]));
  const names = agencyNames(plan, new Set(rows.flatMap((r) => [...r.deadline.reporters, ...r.expected.reporters.map((x) => x.reporter), ...r.unexpected])));
  const nameOf = (id: string) => t(ctx, (unitNames.has(id) && !plan.agencies.some((a) => a.id === id) ? unitNames.get(id) : names[id]) ?? { vi: id, en: id });
  out(ctx, `${plan.number} — ${en ? 'period' : 'kỳ'} ${periodId}, ${en ? 'at' : 'thời điểm'} ${localAt}`);
  if (rows.length === 0) out(ctx, en ? '(no reporting obligation for this period)' : '(không có nghĩa vụ báo cáo cho kỳ này)');
  for (const r of rows) {
    out(ctx);
    const due = r.deadline.due === null ? `${r.deadline.window.start} … ${r.deadline.window.end}` : dateWithWeekday(ctx, r.deadline.due);
    out(ctx, `== ${r.deadline.obligation} — ${en ? 'due' : 'hạn'} ${due} ==`);
    const pct = (n: number | null) => (n === null ? '—' : `${formatNumber(n, ctx.lang)}%`);
    out(ctx, en
      ? `${r.rate.submitted}/${r.rate.expected} submitted (${pct(r.rate.reportingRate)}), ${r.rate.onTime} on time (on-time rate ${pct(r.rate.onTimeRate)}), ${r.rate.late} late, ${r.rate.missing} missing`
      : `${r.rate.submitted}/${r.rate.expected} đã nộp (${pct(r.rate.reportingRate)}), ${r.rate.onTime} đúng hạn (tỷ lệ đúng hạn ${pct(r.rate.onTimeRate)}), ${r.rate.late} muộn, ${r.rate.missing} chưa nộp`);
    // How each collective was counted, and why.
    for (const c of r.expected.collectives) out(ctx, `  * ${t(ctx, c.reason)}`);
    const via = new Map(r.expected.reporters.map((x) => [x.reporter, x]));
    for (const [reporter, status] of Object.entries(r.rate.byReporter)) {
      const x = via.get(reporter);
      const member =
        x?.via == null
          ? ''
          : ` (${en ? 'member of' : 'thuộc'} ${nameOf(x.via)}${x.basis === 'administrative-unit' ? (en ? ': its People\'s Committee, inferred, unconfirmed' : ': UBND của đơn vị, suy ra, chưa xác nhận') : x.confidence === 'unconfirmed' ? (en ? ', unconfirmed' : ', chưa xác nhận') : ''})`;
      out(ctx, `  - ${withCode(reporter, nameOf(reporter), x?.basis === 'administrative-unit')}${member}: ${statusLabel(ctx, status)}`);
    }
    if (r.unexpected.length) out(ctx, `  ! ${en ? 'received from reporters this obligation does not expect' : 'đã nhận từ đơn vị không thuộc danh sách phải nộp'}: ${r.unexpected.map((u) => withCode(u, nameOf(u), true)).join(', ')}`);
  }
}

/** A reporter's name, with its id in front when the id is a code worth reading (a unit code). */
function withCode(id: string, name: string, showId: boolean): string {
  return showId && name !== id ? `${id} ${name}` : name;
}
