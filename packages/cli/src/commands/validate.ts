import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EgovPlanError, issue, type Issue } from '@egov-plan/core';
import { readTextFileSync, validatePlanText } from '@egov-plan/rules/node';
import { EXIT, out, printIssues, printJson, type CliContext } from '../io.js';
import { jsonHelp } from './shared.js';

/** `egov-plan validate <file>`: exit 0 when valid, 1 listing every issue. */
export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description(ctx.lang === 'en' ? 'check a plan or rule file and list every problem' : 'kiểm tra một tệp kế hoạch/quy tắc và liệt kê mọi lỗi')
    .argument('<file>', ctx.lang === 'en' ? 'path of the file' : 'đường dẫn tệp')
    .option('--json', jsonHelp(ctx))
    .action(async (file: string, opts: { json?: boolean }) => {
      let issues: Issue[];
      try {
        const text = readTextFileSync(resolve(ctx.io.cwd, file), file);
        const r = validatePlanText(text, { file, cwd: ctx.io.cwd });
        issues = r.issues;
      } catch (e) {
        if (e instanceof EgovPlanError) issues = [...e.issues];
        else issues = [issue('file.not_found', '', `Không đọc được tệp "${file}".`, `Cannot read file "${file}": ${(e as Error).message}`, { file })];
      }
      if (opts.json) printJson(ctx, { file, valid: issues.length === 0, issues });
      else if (issues.length === 0) out(ctx, ctx.lang === 'en' ? `${file}: valid` : `${file}: hợp lệ`);
      if (issues.length > 0) {
        printIssues(ctx, issues);
        ctx.exitCode = EXIT.failure;
      }
    });
}
