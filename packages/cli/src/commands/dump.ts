import type { Command } from 'commander';
import { databaseOption, withDatabase } from '../database.js';
import { printJson, UsageError, type CliContext } from '../io.js';
import { DEFAULT_PLAN, planOption } from './shared.js';

/** `egov-plan dump --database <db> [--format csv|json]`: every stored revision with its provenance, a backup `import` reads back. */
export function registerDump(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program.command('dump').description(en ? 'write every stored measurement, with revisions and provenance, to standard output (a backup import reads back)' : 'ghi mọi số liệu trong kho, kèm các phiên bản và nguồn gốc, ra đầu ra chuẩn (bản sao lưu mà import đọc lại được)');
  planOption(databaseOption(cmd, ctx), ctx, DEFAULT_PLAN)
    .option('--format <format>', en ? 'json (default) or csv' : 'json (mặc định) hoặc csv', 'json')
    .option('--json', en ? 'the same as --format json' : 'như --format json')
    .action(async (opts: { plan: string; database?: string; format: string; json?: boolean }) => {
      const format = opts.json ? 'json' : opts.format;
      if (format !== 'json' && format !== 'csv') throw new UsageError({ vi: `--format là json hoặc csv, không phải "${format}".`, en: `--format is json or csv, not "${format}".` }, 'usage.invalid_value');
      const { dumpCsv, dumpStore } = await import('@egov-plan/tabular');
      const dump = await withDatabase(ctx, opts.database, 'read', (db) => dumpStore(db.store, opts.plan));
      if (format === 'json') printJson(ctx, dump);
      else ctx.io.stdout(dumpCsv(dump));
    });
}
