import type { Command } from 'commander';
import { out, printJson, t, type CliContext } from '../io.js';
import { jsonHelp } from './shared.js';

/** `egov-plan plans`: lists the bundled plans. */
export function registerPlans(program: Command, ctx: CliContext): void {
  program
    .command('plans')
    .description(ctx.lang === 'en' ? 'list the bundled plans' : 'liệt kê các kế hoạch đóng gói sẵn')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { json?: boolean }) => {
      const { listBundledPlans } = await import('@egov-plan/rules');
      const plans = listBundledPlans();
      if (opts.json) return printJson(ctx, { ok: true, plans });
      for (const p of plans) out(ctx, `${p.id.padEnd(20)} ${p.number.padEnd(14)} ${p.date}  ${t(ctx, p.title)}`);
    });
}
