import type { Command } from 'commander';
import { printJson, usageError, type CliContext } from '../io.js';
import * as MSG from '../messages.js';
import { DEFAULT_PLAN, jsonHelp, loadPlanRef, planOption } from './shared.js';

/** `egov-plan ics`: the plan's reporting deadlines and task due dates as iCalendar on standard output. */
export function registerIcs(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('ics')
    .description(en ? 'write the deadlines and task due dates as iCalendar (RFC 5545) to standard output' : 'xuất hạn báo cáo và hạn nhiệm vụ dạng iCalendar (RFC 5545) ra đầu ra chuẩn');
  planOption(cmd, ctx, DEFAULT_PLAN)
    .option('--from <date>', en ? 'first date YYYY-MM-DD (default: the plan date)' : 'ngày đầu YYYY-MM-DD (mặc định: ngày ban hành kế hoạch)')
    .option('--to <date>', en ? "last date YYYY-MM-DD (default: end of the plan's last phase)" : 'ngày cuối YYYY-MM-DD (mặc định: hết giai đoạn cuối của kế hoạch)')
    .option('--no-tasks', en ? 'reporting deadlines only' : 'chỉ hạn báo cáo')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { plan: string; from?: string; to?: string; tasks: boolean; json?: boolean }) => {
      const [{ isLocalDate }, { planRange, planToICalendar }] = await Promise.all([import('@egov-plan/core'), import('@egov-plan/rules/ics')]);
      for (const [name, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
        if (v !== undefined && !isLocalDate(v)) throw usageError(MSG.usageInvalidDate, { option: name, value: v });
      }
      if (opts.from !== undefined && opts.to !== undefined && opts.to < opts.from) {
        throw usageError(MSG.usageToBeforeFrom, { to: opts.to, from: opts.from });
      }
      const plan = await loadPlanRef(ctx, opts.plan);
      const range = planRange(plan);
      const from = opts.from ?? range.from;
      const to = opts.to ?? range.to;
      // Only one bound given, on the wrong side of the plan's default range: still the options' fault.
      if (to < from) {
        throw usageError(MSG.usageRangeBackwards, { from, to, defaultFrom: range.from, defaultTo: range.to });
      }
      const r = planToICalendar(plan, {
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        lang: ctx.lang,
        generatedAt: ctx.io.now(),
        tasks: opts.tasks,
      });
      if (opts.json) return printJson(ctx, { ok: true, plan: { id: plan.id, number: plan.number }, events: r.events, ics: r.text });
      ctx.io.stdout(r.text);
    });
}
