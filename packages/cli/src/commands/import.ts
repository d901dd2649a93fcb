import type { Command } from 'commander';
import type { Issue } from '@egov-plan/core';
import type { DumpRestore, TabularImport } from '@egov-plan/tabular';
import { databaseOption, withDatabase } from '../database.js';
import { EXIT, out, printIssues, printJson, UsageError, type CliContext } from '../io.js';
import { jsonHelp, loadPlanRef, planOption, planRef } from './shared.js';

/** Largest file `import` reads (CSV, JSON or XLSX). */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The file's summary line in the run's language. */
function summaryLine(ctx: CliContext, r: (TabularImport & { restored?: DumpRestore }) | { file: string; error: Issue[] }): string {
  const en = ctx.lang === 'en';
  if ('error' in r) return en ? `${r.file}: not read (${r.error[0]?.code}).` : `${r.file}: không đọc được (${r.error[0]?.code}).`;
  if ('restored' in r && r.restored) {
    const d = r.restored;
    return en ? `${r.file}: backup of plan ${d.plan} restored — ${d.imports} imports, ${d.retractions} retractions, ${d.revisions} revisions (${d.skipped} imports already stored).` : `${r.file}: đã khôi phục bản sao lưu của kế hoạch ${d.plan} — ${d.imports} lần nhập, ${d.retractions} lần rút lại, ${d.revisions} phiên bản (${d.skipped} lần nhập đã có sẵn).`;
  }
  if (!r.imported) return en ? `${r.file}: REFUSED — ${r.rejected} of ${r.rows} rows bad; nothing imported.` : `${r.file}: BỊ TỪ CHỐI — ${r.rejected} trong ${r.rows} dòng sai; không nhập gì.`;
  return en
    ? `${r.file}: ${r.rows} rows — ${r.revisions} new revisions, ${r.unchanged} unchanged, 0 rejected (import ${r.importId}).`
    : `${r.file}: ${r.rows} dòng — ${r.revisions} phiên bản mới, ${r.unchanged} không đổi, 0 bị từ chối (lần nhập ${r.importId}).`;
}

/**
 * `egov-plan import --database <db> --plan <id|file> <files…>`: measurements files (CSV, JSON,
 * XLSX) into the store, each file whole or not at all.
 */
export function registerImport(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('import')
    .description(en ? 'import measurements files (CSV, JSON, XLSX) into the store: each file whole or not at all' : 'nhập tệp số liệu (CSV, JSON, XLSX) vào kho: mỗi tệp nhập trọn vẹn hoặc không nhập gì')
    .argument('<files...>', en ? 'the files to import' : 'các tệp cần nhập');
  planOption(databaseOption(cmd, ctx), ctx)
    .option('--by <id>', en ? 'who imports (a user or agency id; default: the system user name)' : 'người nhập (mã người dùng hoặc cơ quan; mặc định: tên người dùng hệ thống)')
    .option('--reporter <id>', en ? 'also record a report submission by this reporter for each period in the file (with --obligation)' : 'ghi nhận cả việc nộp báo cáo của đơn vị này cho mỗi kỳ trong tệp (cùng --obligation)')
    .option('--obligation <id>', en ? 'the reporting obligation the submission fulfils' : 'nghĩa vụ báo cáo mà lần nộp thực hiện')
    .option('--json', jsonHelp(ctx))
    .action(async (files: string[], opts: { plan?: string; database?: string; by?: string; reporter?: string; obligation?: string; json?: boolean }) => {
      const ref = planRef(ctx, opts.plan, undefined);
      if ((opts.reporter === undefined) !== (opts.obligation === undefined)) {
        throw new UsageError({ vi: '--reporter và --obligation đi cùng nhau.', en: '--reporter and --obligation go together.' }, 'usage.missing_option');
      }
      const plan = await loadPlanRef(ctx, ref);
      if (opts.obligation !== undefined && !plan.reportingObligations.some((o) => o.id === opts.obligation)) {
        throw new UsageError({ vi: `--obligation: kế hoạch "${plan.id}" không có nghĩa vụ báo cáo "${opts.obligation}".`, en: `--obligation: plan "${plan.id}" has no reporting obligation "${opts.obligation}".` }, 'usage.invalid_value');
      }
      const [{ readFileSync, statSync }, { resolve, basename }, { userInfo }, { importTabularFile, isDumpText, parseDumps, restoreDump }, { exportPlan, isBundledPlanId }] = await Promise.all([
        import('node:fs'),
        import('node:path'),
        import('node:os'),
        import('@egov-plan/tabular'),
        import('@egov-plan/rules'),
      ]);
      const by = opts.by ?? safeUserName(userInfo);
      const results: ((TabularImport & { restored?: DumpRestore }) | { file: string; imported: false; error: Issue[] })[] = [];
      const bar = await progressBar(ctx, files.length);
      await withDatabase(ctx, opts.database, 'write', async (db) => {
        // The plan the rows are checked against is kept with them (a province's own rule file).
        if (!isBundledPlanId(ref)) await db.store.saveRuleFile({ id: plan.id, text: JSON.stringify(exportPlan(plan)), savedBy: by });
        for (const file of files) {
          try {
            const path = resolve(ctx.io.cwd, file);
            const size = statSync(path).size;
            if (size > MAX_IMPORT_BYTES) {
              const { EgovPlanError, issue } = await import('@egov-plan/core');
              throw new EgovPlanError([issue('file.too_large', '', `Tệp quá lớn (${size} byte, tối đa ${MAX_IMPORT_BYTES}).`, `The file is too large (${size} bytes, at most ${MAX_IMPORT_BYTES}).`, { file })]);
            }
            const bytes = readFileSync(path);
            const head = new TextDecoder().decode(bytes.subarray(0, 400));
            if (isDumpText(head)) {
              // A backup written by `dump`: replayed import by import, with its provenance; one
              // result per plan it holds (a dump of the whole store holds several).
              for (const dump of parseDumps(new TextDecoder().decode(bytes), basename(file))) {
                const restored = await restoreDump(db.store, dump);
                results.push({ file: basename(file), format: head.trimStart().startsWith('{') ? 'json' : 'csv', imported: true, importId: null, rows: restored.revisions, revisions: restored.revisions, unchanged: 0, rejected: 0, sheets: [], periods: [], issues: [], restored });
              }
              bar?.increment();
              continue;
            }
            const done = await importTabularFile(db.store, plan, { name: basename(file), bytes }, { importedBy: by, importedAt: ctx.io.now().toISOString(), maxBytes: MAX_IMPORT_BYTES });
            results.push(done);
            if (done.imported && opts.reporter !== undefined && opts.obligation !== undefined) {
              const submittedAt = ctx.io.now().toISOString();
              for (const period of done.periods) await db.store.recordSubmission({ plan: plan.id, obligation: opts.obligation, period, reporter: opts.reporter, submittedAt });
            }
          } catch (e) {
            const issues = (e as { issues?: Issue[] }).issues;
            if (!Array.isArray(issues)) {
              if ((e as { code?: string }).code === 'ENOENT' || (e as { code?: string }).code === 'EISDIR') {
                const { issue } = await import('@egov-plan/core');
                results.push({ file, imported: false, error: [issue('file.not_found', '', `Không đọc được tệp ${file}.`, `Cannot read file ${file}.`, { file })] });
                bar?.increment();
                continue;
              }
              throw e;
            }
            results.push({ file, imported: false, error: issues });
          }
          bar?.increment();
        }
      });
      bar?.stop();
      const failed = results.some((r) => !r.imported);
      const totals = { rows: 0, revisions: 0, unchanged: 0, rejected: 0 };
      for (const r of results) if (!('error' in r)) for (const k of ['rows', 'revisions', 'unchanged', 'rejected'] as const) totals[k] += r[k];
      if (opts.json) printJson(ctx, { ok: !failed, plan: plan.id, files: results, ...totals });
      else {
        for (const r of results) out(ctx, summaryLine(ctx, r));
        if (results.length > 1) out(ctx, en ? `Total: ${totals.rows} rows, ${totals.revisions} revisions, ${totals.unchanged} unchanged, ${totals.rejected} rejected.` : `Tổng: ${totals.rows} dòng, ${totals.revisions} phiên bản mới, ${totals.unchanged} không đổi, ${totals.rejected} bị từ chối.`);
      }
      for (const r of results) printIssues(ctx, 'error' in r ? r.error : r.issues);
      if (failed) ctx.exitCode = EXIT.failure;
    });
}

function safeUserName(userInfo: () => { username: string }): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A progress bar on standard error when it is a terminal (and not --json); null otherwise (quiet when piped). */
async function progressBar(ctx: CliContext, total: number): Promise<{ increment(): void; stop(): void } | null> {
  if (ctx.json || !process.stderr.isTTY || total < 2) return null;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar({ format: `${ctx.lang === 'en' ? 'Importing' : 'Đang nhập'} [{bar}] {value}/{total}`, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}
