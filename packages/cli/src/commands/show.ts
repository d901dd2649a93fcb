import type { Command } from 'commander';
import { out, printJson, type CliContext } from '../io.js';
import { formatPlanSummary } from '../summary.js';
import { jsonHelp, loadPlanRef, planArgumentHelp, planOption, planRef } from './shared.js';

/** `egov-plan show --plan <plan>` (or `show <plan>`): a readable summary, or the validated plan object with `--json`. */
export function registerShow(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('show')
    .description(ctx.lang === 'en' ? 'summarise a plan, or print it whole with --json' : 'tóm tắt một kế hoạch, hoặc in toàn bộ với --json')
    .argument('[plan]', `${planArgumentHelp(ctx)} (= --plan)`);
  planOption(cmd, ctx)
    .option('--json', jsonHelp(ctx))
    .action(async (positional: string | undefined, opts: { plan?: string; json?: boolean }) => {
      const ref = planRef(ctx, opts.plan, positional);
      const plan = await loadPlanRef(ctx, ref);
      if (opts.json) return printJson(ctx, plan);
      const { targetTimelines } = await import('@egov-plan/rules');
      out(ctx, formatPlanSummary(plan, ctx.lang, ref, { timelines: targetTimelines(plan) }));
    });
}
