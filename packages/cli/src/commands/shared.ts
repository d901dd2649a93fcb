import type { Plan } from '@egov-plan/core';
import { loadPlan } from '@egov-plan/rules/node';
import type { CliContext } from '../io.js';

/** Resolves a `<plan>` argument — a bundled id or a path — relative to the run's directory. */
export function planArgument(ctx: CliContext, ref: string): Promise<Plan> {
  return loadPlan(ref, { cwd: ctx.io.cwd });
}

/** The help text of a `<plan>` argument. */
export function planArgumentHelp(ctx: CliContext): string {
  return ctx.lang === 'en' ? 'a bundled plan id or the path of a plan file' : 'id kế hoạch đóng gói sẵn hoặc đường dẫn tệp kế hoạch';
}

/** The help text of `--json`. */
export function jsonHelp(ctx: CliContext): string {
  return ctx.lang === 'en' ? 'print the result as JSON on standard output' : 'in kết quả dạng JSON ra đầu ra chuẩn';
}
