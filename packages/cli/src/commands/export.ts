import type { Command } from 'commander';
import { exportPlan } from '@egov-plan/rules';
import { printJson, type CliContext } from '../io.js';
import { planArgument, planArgumentHelp } from './shared.js';

/** `egov-plan export <plan>`: the plan as one self-contained rule file on standard output. */
export function registerExport(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  program
    .command('export')
    .description(en ? 'write a plan as one self-contained rule file (extends resolved) to standard output' : 'ghi một kế hoạch thành một tệp quy tắc độc lập (đã giải "extends") ra đầu ra chuẩn')
    .argument('<plan>', planArgumentHelp(ctx))
    .option('--json', en ? 'accepted for uniformity: the output is always JSON' : 'nhận cho thống nhất: kết quả luôn là JSON')
    .action(async (ref: string) => {
      const plan = await planArgument(ctx, ref);
      printJson(ctx, exportPlan(plan));
    });
}
