import type { Command } from 'commander';
import { databaseOption, withDatabase } from '../database.js';
import { out, printJson, type CliContext } from '../io.js';
import { jsonHelp } from './shared.js';

/** `egov-plan retract --database <db> <import-id>`: withdraws an import as new revisions (nothing deleted). */
export function registerRetract(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('retract')
    .description(en ? 'withdraw a wrongly imported file: new revisions restore the earlier values (nothing is deleted)' : 'rút lại một tệp nhập sai: các phiên bản mới khôi phục giá trị trước đó (không xóa gì)')
    .argument('<import-id>', en ? 'the id the import printed' : 'mã lần nhập đã in ra khi nhập');
  databaseOption(cmd, ctx)
    .option('--by <id>', en ? 'who retracts (default: the system user name)' : 'người rút lại (mặc định: tên người dùng hệ thống)')
    .option('--json', jsonHelp(ctx))
    .action(async (importId: string, opts: { database?: string; by?: string; json?: boolean }) => {
      const { userInfo } = await import('node:os');
      const by = opts.by ?? userInfo().username;
      const summary = await withDatabase(ctx, opts.database, 'read', (db) => db.store.retractImport(importId, { retractedBy: by, retractedAt: ctx.io.now().toISOString() }));
      if (opts.json) printJson(ctx, { ok: true, retracted: importId, ...summary });
      else out(ctx, en ? `Import ${importId} retracted: ${summary.revisions} measurements restored to their earlier values (new revisions).` : `Đã rút lại lần nhập ${importId}: ${summary.revisions} số liệu trở về giá trị trước đó (phiên bản mới).`);
    });
}
