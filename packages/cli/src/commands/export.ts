import type { Command } from 'commander';
import { printJson, type CliContext } from '../io.js';
import { loadPlanRef, planArgumentHelp, planOption, planRef } from './shared.js';

/** `egov-plan export --plan <plan>` (or `export <plan>`): the plan as one self-contained rule file on standard output. */
export function registerExport(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('export')
    .description(en ? 'write a plan as one self-contained rule file (extends resolved) to standard output' : 'ghi một kế hoạch thành một tệp quy tắc độc lập (đã giải "extends") ra đầu ra chuẩn')
    .argument('[plan]', `${planArgumentHelp(ctx)} (= --plan)`);
  planOption(cmd, ctx)
    .option('--json', en ? 'accepted for uniformity: the output is always JSON' : 'nhận cho thống nhất: kết quả luôn là JSON')
    .action(async (positional: string | undefined, opts: { plan?: string }) => {
      const plan = await loadPlanRef(ctx, planRef(ctx, opts.plan, positional));
      const { exportPlan } = await import('@egov-plan/rules');
      printJson(ctx, exportPlan(plan));
    });
}
