import type { Command } from 'commander';
import type { StoreDump, StoreDumpSet } from '@egov-plan/tabular';
import { databaseOption, withDatabase } from '../database.js';
import { printJson, UsageError, type CliContext } from '../io.js';
import { planOption, storedPlanId } from './shared.js';

/**
 * `egov-plan dump --database <db> [--plan <id>] [--format csv|json]`: every stored revision with
 * its provenance, a backup `import` reads back. Without `--plan`, every plan the store holds.
 */
export function registerDump(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program.command('dump').description(en ? 'write every stored measurement, with revisions and provenance, to standard output (a backup import reads back)' : 'ghi mọi số liệu trong kho, kèm các phiên bản và nguồn gốc, ra đầu ra chuẩn (bản sao lưu mà import đọc lại được)');
  planOption(databaseOption(cmd, ctx), ctx)
    .addHelpText('after', en ? '\nWithout --plan: every plan the store holds (JSON: {"format", "version", "plans": [...]}; CSV: every plan\'s rows, told apart by the plan column).' : '\nKhông có --plan: mọi kế hoạch trong kho (JSON: {"format", "version", "plans": [...]}; CSV: các dòng của mọi kế hoạch, phân biệt bằng cột plan).')
    .option('--format <format>', en ? 'json (default) or csv' : 'json (mặc định) hoặc csv', 'json')
    .option('--json', en ? 'the same as --format json' : 'như --format json')
    .action(async (opts: { plan?: string; database?: string; format: string; json?: boolean }) => {
      // The value of --format is checked whatever else is given: --json does not hide a bad one.
      if (opts.format !== 'json' && opts.format !== 'csv') throw new UsageError({ vi: `--format là json hoặc csv, không phải "${opts.format}".`, en: `--format is json or csv, not "${opts.format}".` }, 'usage.invalid_value');
      const format = opts.json ? 'json' : opts.format;
      const { dumpCsv, dumpEveryPlan, dumpStore } = await import('@egov-plan/tabular');
      const plan = opts.plan;
      const dump = await withDatabase<StoreDump | StoreDumpSet>(ctx, opts.database, 'read', async (db) => (plan === undefined ? dumpEveryPlan(db.store) : dumpStore(db.store, await storedPlanId(ctx, plan, db.store))));
      if (format === 'json') printJson(ctx, dump);
      else ctx.io.stdout(dumpCsv(dump));
    });
}
