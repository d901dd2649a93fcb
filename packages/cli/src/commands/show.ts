import type { Command } from 'commander';
import { out, printJson, type CliContext } from '../io.js';
import { formatPlanSummary } from '../summary.js';
import { jsonHelp, planArgument, planArgumentHelp } from './shared.js';

/** `egov-plan show <plan>`: a readable summary, or the validated plan object with `--json`. */
export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description(ctx.lang === 'en' ? 'summarise a plan, or print it whole with --json' : 'tóm tắt một kế hoạch, hoặc in toàn bộ với --json')
    .argument('<plan>', planArgumentHelp(ctx))
    .option('--json', jsonHelp(ctx))
    .action(async (ref: string, opts: { json?: boolean }) => {
      const plan = await planArgument(ctx, ref);
      if (opts.json) return printJson(ctx, plan);
      out(ctx, formatPlanSummary(plan, ctx.lang));
    });
}
