import type { Command } from 'commander';
import type { Issue } from '@egov-plan/core';
import { EXIT, out, printIssues, printJson, type CliContext } from '../io.js';
import { jsonHelp, planRef, readInputFile } from './shared.js';

/** `egov-plan validate --plan <file>` (or `validate <file>`): exit 0 when valid (warnings, if any, are printed), 1 listing every issue. */
export function registerValidate(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  program
    .command('validate')
    .description(en ? 'check a plan or rule file and list every problem' : 'kiểm tra một tệp kế hoạch/quy tắc và liệt kê mọi lỗi')
    .argument('[file]', `${en ? 'path of the file, or - for standard input' : 'đường dẫn tệp, hoặc - để đọc từ đầu vào chuẩn'} (= --plan)`)
    .option('--plan <file>', en ? 'path of the file, or - for standard input' : 'đường dẫn tệp, hoặc - để đọc từ đầu vào chuẩn')
    .option('--json', jsonHelp(ctx))
    .action(async (positional: string | undefined, opts: { plan?: string; json?: boolean }) => {
      const file = planRef(ctx, opts.plan, positional);
      const [{ isEgovPlanError, isWarning }, { validatePlanText }] = await Promise.all([import('@egov-plan/core'), import('@egov-plan/rules/node')]);
      let issues: Issue[];
      let name = file;
      try {
        const input = await readInputFile(ctx, file);
        name = input.name;
        issues = validatePlanText(input.text, { file: input.name, cwd: ctx.io.cwd, allowOutside: ctx.allowOutside === true }).issues;
      } catch (e) {
        if (!isEgovPlanError(e)) throw e;
        issues = [...e.issues];
      }
      // Warnings (severity "warning") are printed but leave the file valid.
      const valid = issues.every(isWarning);
      if (opts.json) printJson(ctx, { ok: valid, file: name, valid, issues });
      else if (valid) out(ctx, en ? `${name}: valid` : `${name}: hợp lệ`);
      if (issues.length > 0) printIssues(ctx, issues);
      if (!valid) ctx.exitCode = EXIT.failure;
    });
}
