import type { Command } from 'commander';
import type { TaskStatus } from '@egov-plan/core';
import { out, printJson, t, type CliContext } from '../io.js';
import { dateWithWeekday, readProgressFile, taskStatusLabel } from './calendar-shared.js';
import { atHelp, atOption, DEFAULT_PLAN, jsonHelp, loadPlanRef, planArg, planOption, stdinOnce } from './shared.js';
import * as MSG from '../messages.js';

const ORDER: TaskStatus[] = ['overdue', 'in-progress', 'not-started', 'ongoing', 'done'];

/** `egov-plan tasks`: the appendix tasks with their status at a date, by lead agency. */
export function registerTasks(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('tasks')
    .description(en ? "the plan's tasks and their status at a date, by lead agency" : 'các nhiệm vụ của kế hoạch và tình trạng tại một ngày, theo cơ quan chủ trì');
  planOption(cmd, ctx, DEFAULT_PLAN)
    .option('--at <when>', atHelp(ctx, { vi: 'hôm nay; một thời điểm là ngày của nó ở Việt Nam', en: "today; an instant is its date in Vietnam" }))
    .option('--agency <id>', en ? 'only tasks this agency leads, itself or through a collective it belongs to' : 'chỉ các nhiệm vụ do cơ quan này chủ trì, trực tiếp hoặc qua một tập thể có cơ quan này')
    .option('--progress <file>', en ? 'CSV file "task,doneOn" of completed tasks (- for standard input)' : 'tệp CSV "task,doneOn" các nhiệm vụ đã hoàn thành (- để đọc từ đầu vào chuẩn)')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { plan: string; at?: string; agency?: string; progress?: string; json?: boolean }) => {
      stdinOnce([['--plan', opts.plan], ['--progress', opts.progress]]);
      const at = (await atOption(ctx, opts.at)).localDate;
      const plan = await loadPlanRef(ctx, opts.plan);
      const [{ EgovPlanError, issueFrom }, { planTaskStatuses }] = await Promise.all([import('@egov-plan/core'), import('@egov-plan/rules')]);
      if (opts.agency !== undefined && !plan.agencies.some((a) => a.id === opts.agency)) {
        throw new EgovPlanError([
          issueFrom(MSG.calendarUnknownAgencyTasks, '', { plan: plan.id, agency: opts.agency, planArg: planArg(ctx, opts.plan) }),
        ]);
      }
      const progress = opts.progress === undefined ? undefined : await readProgressFile(ctx, opts.progress, plan);
      const tasks = planTaskStatuses(plan, at, { ...(progress ? { progress } : {}), ...(opts.agency !== undefined ? { agency: opts.agency } : {}) });
      const counts = Object.fromEntries(ORDER.map((s) => [s, tasks.filter((x) => x.status === s).length]));
      if (opts.json) {
        return printJson(ctx, {
          ok: true,
          plan: { id: plan.id, number: plan.number },
          at,
          agency: opts.agency ?? null,
          counts,
          tasks: tasks.map((x) => ({
            id: x.id,
            label: x.label,
            group: x.group,
            title: x.title,
            lead: x.lead,
            leadThrough: x.leadThrough,
            coordinating: x.coordinating,
            source: x.source,
            status: x.status,
            due: x.due,
            activeFrom: x.activeFrom,
            continuingStatus: x.continuingStatus,
            doneOn: x.doneOn,
            onTime: x.onTime,
            completion: x.completion,
            continuing: x.continuing,
            completionAsWritten: x.completionAsWritten,
            continuingAsWritten: x.continuingAsWritten,
          })),
        });
      }
      out(ctx, `${plan.number} — ${en ? 'tasks at' : 'nhiệm vụ tại ngày'} ${at}${opts.agency ? ` (${en ? 'lead' : 'chủ trì'}: ${opts.agency})` : ''}`);
      const byLead = new Map<string, typeof tasks>();
      for (const x of tasks) for (const a of x.lead) byLead.set(a.id, [...(byLead.get(a.id) ?? []), x]);
      const names = new Map(plan.agencies.map((a) => [a.id, a.name]));
      // With --agency: the agency's own tasks, and those of the collectives it belongs to ("Các sở, ban, ngành").
      const shown = new Set([opts.agency, ...tasks.flatMap((x) => x.leadThrough)]);
      for (const [lead, list] of byLead) {
        if (opts.agency !== undefined && !shown.has(lead)) continue;
        out(ctx);
        const through = opts.agency !== undefined && lead !== opts.agency ? ` (${en ? 'a collective that includes' : 'tập thể gồm cả'} ${opts.agency})` : '';
        out(ctx, `== ${t(ctx, names.get(lead) ?? { vi: lead, en: lead })}${through} ==`);
        for (const x of list) {
          const due = x.due ? `${en ? 'due' : 'hạn'} ${dateWithWeekday(ctx, x.due)}` : x.completion.kind === 'ongoing' ? (en ? 'standing duty' : 'thường xuyên') : en ? 'no completion date' : 'không có hạn hoàn thành';
          const done = x.doneOn ? `, ${en ? 'done' : 'xong'} ${x.doneOn}` : '';
          out(ctx, `  ${`${x.group}.${x.label}`.padEnd(7)} ${taskStatusLabel(ctx, x.status).padEnd(18)} ${due}${done}`);
          out(ctx, `          ${t(ctx, x.title)}`);
        }
      }
      // Zero counts alone would not say why: the plan has no tasks (a rule file that takes none), or none of this agency's.
      if (plan.tasks.length === 0) {
        out(ctx);
        out(ctx, en ? '(the plan has no tasks: its file declares none and inherits none)' : '(kế hoạch không có nhiệm vụ nào: tệp không khai báo và không kế thừa nhiệm vụ)');
      } else if (tasks.length === 0 && opts.agency !== undefined) {
        out(ctx);
        out(ctx, en ? `(no task is led by ${opts.agency}, itself or through a collective)` : `(không có nhiệm vụ nào do ${opts.agency} chủ trì, trực tiếp hoặc qua tập thể)`);
      }
      out(ctx);
      out(ctx, ORDER.map((s) => `${taskStatusLabel(ctx, s)}: ${counts[s]}`).join(' · '));
    });
}
