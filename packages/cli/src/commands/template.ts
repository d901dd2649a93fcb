import type { Command } from 'commander';
import { out, printJson, usageError, type CliContext } from '../io.js';
import * as MSG from '../messages.js';
import { writeOutputFile } from '../files.js';
import { DEFAULT_PLAN, jsonHelp, loadPlanRef, planArg, planOption } from './shared.js';

/** `egov-plan template --plan <id|file> --out <file.xlsx>`: the plan's fill-in workbook for agencies. */
export function registerTemplate(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program.command('template').description(en ? "write the plan's fill-in workbook (XLSX) for reporting agencies" : 'ghi sổ tính mẫu (XLSX) của kế hoạch để các đơn vị điền số liệu');
  planOption(cmd, ctx, DEFAULT_PLAN)
    .requiredOption('--out <file>', en ? 'the workbook to write (.xlsx)' : 'sổ tính cần ghi (.xlsx)')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { plan: string; out: string; json?: boolean }) => {
      if (!/\.xlsx$/iu.test(opts.out)) throw usageError(MSG.usageOutXlsx, { out: opts.out });
      const plan = await loadPlanRef(ctx, opts.plan);
      const { templateSheets, templateWorkbook } = await import('@egov-plan/tabular');
      const bytes = await templateWorkbook(plan, { planRef: planArg(ctx, opts.plan) });
      await writeOutputFile(ctx, opts.out, bytes);
      const levels = templateSheets(plan);
      if (opts.json) printJson(ctx, { ok: true, plan: plan.id, out: opts.out, bytes: bytes.length, sheets: levels });
      else out(ctx, en ? `Template of ${plan.id} written to ${opts.out} (sheets: ${levels.join(', ')}).` : `Đã ghi mẫu của ${plan.id} vào ${opts.out} (các trang: ${levels.join(', ')}).`);
    });
}
