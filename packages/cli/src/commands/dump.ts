import type { Command } from 'commander';
import type { StoreDump, StoreDumpSet } from '@egov-plan/tabular';
import { databaseOption, withDatabase } from '../database.js';
import { err, printJson, usageError, type CliContext } from '../io.js';
import * as MSG from '../messages.js';
import { planOption, storedPlanId } from './shared.js';

/**
 * `egov-plan dump --database <db> [--plan <id>] [--format csv|json]`: every stored revision with
 * its provenance, a backup `import` reads back. Without `--plan`, every plan the store holds.
 */
export function registerDump(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program.command('dump').description(en ? 'write every stored measurement, with revisions and provenance, to standard output (a backup import reads back)' : 'ghi mọi số liệu trong kho, kèm các phiên bản và nguồn gốc, ra đầu ra chuẩn (bản sao lưu mà import đọc lại được)');
  planOption(databaseOption(cmd, ctx), ctx)
    .addHelpText(
      'after',
      en
        ? '\nWithout --plan: every plan the store holds (JSON: {"format", "version", "plans": [...]}; CSV: every plan\'s rows, told apart by the plan column).\nA full backup is JSON: it holds the imports with their counts, every revision, report submissions, task evidence and rule files. CSV holds the revisions only (one line each): imports that made no revision, import counts, submissions, task evidence and rule files are left out (said on standard error).'
        : '\nKhông có --plan: mọi kế hoạch trong kho (JSON: {"format", "version", "plans": [...]}; CSV: các dòng của mọi kế hoạch, phân biệt bằng cột plan).\nBản sao lưu đầy đủ là JSON: gồm các lần nhập với số dòng, mọi phiên bản, các lần nộp báo cáo, minh chứng nhiệm vụ và tệp quy tắc. CSV chỉ gồm các phiên bản (mỗi phiên bản một dòng): các lần nhập không tạo phiên bản, số dòng của lần nhập, lần nộp báo cáo, minh chứng nhiệm vụ và tệp quy tắc bị bỏ qua (báo ở đầu ra lỗi chuẩn).',
    )
    .option('--format <format>', en ? 'json (default) or csv' : 'json (mặc định) hoặc csv', 'json')
    .option('--json', en ? 'the same as --format json' : 'như --format json')
    .action(async (opts: { plan?: string; database?: string; format: string; json?: boolean }) => {
      // The value of --format is checked whatever else is given: --json does not hide a bad one.
      if (opts.format !== 'json' && opts.format !== 'csv') throw usageError(MSG.usageDumpFormat, { value: opts.format });
      const format = opts.json ? 'json' : opts.format;
      const { csvDumpLeavesOut, dumpCsv, dumpEveryPlan, dumpStore } = await import('@egov-plan/tabular');
      const plan = opts.plan;
      const dump = await withDatabase<StoreDump | StoreDumpSet>(ctx, opts.database, 'read', async (db) => (plan === undefined ? dumpEveryPlan(db.store) : dumpStore(db.store, await storedPlanId(ctx, plan, db.store))));
      if (format === 'json') printJson(ctx, dump);
      else {
        ctx.io.stdout(dumpCsv(dump));
        // A CSV backup holds the revisions only: what it leaves out is said, never dropped silently.
        const o = csvDumpLeavesOut(dump);
        if (o.importsWithoutRevisions + o.submissions + o.taskEvidence + o.ruleFiles > 0) {
          err(
            ctx,
            en
              ? `Warning: a CSV backup holds the revisions only; left out: ${o.importsWithoutRevisions} imports that made no revision, ${o.submissions} report submissions, ${o.taskEvidence} task evidence, ${o.ruleFiles} rule file revisions (and the imports' row counts). Use --format json for a full backup.`
              : `Cảnh báo: bản sao lưu CSV chỉ gồm các phiên bản; bị bỏ qua: ${o.importsWithoutRevisions} lần nhập không tạo phiên bản, ${o.submissions} lần nộp báo cáo, ${o.taskEvidence} minh chứng nhiệm vụ, ${o.ruleFiles} phiên bản tệp quy tắc (và số dòng của các lần nhập). Dùng --format json để sao lưu đầy đủ.`,
          );
        }
      }
    });
}
