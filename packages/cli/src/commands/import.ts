import type { Command } from 'commander';
import type { Issue } from '@egov-plan/core';
import type { DumpRestore, TabularImport, TabularProgress } from '@egov-plan/tabular';
import { databaseOption, withDatabase } from '../database.js';
import { EXIT, out, printIssues, printJson, usageError, usageText, type CliContext } from '../io.js';
import { systemErrorCode } from '../files.js';
import { sanitizeForTerminal } from '../terminal.js';
import { jsonHelp, loadPlanRef, planOption, planRef } from './shared.js';
import * as MSG from '../messages.js';

/** Largest JSON, XLSX or backup file `import` reads (each is read whole). */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Largest CSV file `import` reads: CSV is read as a stream, so memory does not grow with it. */
const MAX_CSV_BYTES = 4 * 1024 * 1024 * 1024;

/** A file not imported because it has no data rows: tabular says so with the first of its issues. */
function hasNoDataRows(r: Pick<TabularImport, 'imported' | 'issues'>): boolean {
  const code = r.issues[0]?.code;
  return !r.imported && (code === 'workbook.no_data_rows' || code === 'measurement.no_data_rows');
}

/** The file's summary line in the run's language. */
function summaryLine(ctx: CliContext, r: (TabularImport & { restored?: DumpRestore }) | { file: string; error: Issue[] }): string {
  const en = ctx.lang === 'en';
  if ('error' in r && r.error[0]?.code === 'store.restore_failed') {
    if (r.error.some((i) => i.code === 'store.partially_written')) return en ? `${r.file}: backup restored only IN PART (store.restore_failed, store.partially_written).` : `${r.file}: bản sao lưu chỉ được khôi phục MỘT PHẦN (store.restore_failed, store.partially_written).`;
    return en ? `${r.file}: backup NOT restored; nothing of it written (store.restore_failed).` : `${r.file}: KHÔNG khôi phục được bản sao lưu; không ghi gì của nó (store.restore_failed).`;
  }
  if ('error' in r) return en ? `${r.file}: not read (${r.error[0]?.code}).` : `${r.file}: không đọc được (${r.error[0]?.code}).`;
  if ('restored' in r && r.restored) {
    const d = r.restored;
    const checked =
      d.checkedAgainst === null ? '' : d.checkedAgainst === 'plan' ? (en ? '; rows checked against the plan' : '; các dòng được kiểm tra theo kế hoạch') : en ? '; rows checked against the rules of every plan only (plan not found: give --plan for every check)' : '; các dòng chỉ được kiểm tra theo quy tắc chung (không tìm thấy kế hoạch: cho --plan để kiểm tra đủ)';
    return en
      ? `${r.file}: backup of plan ${d.plan} restored — ${d.imports} imports, ${d.retractions} retractions, ${d.revisions} revisions, ${d.submissions} report submissions, ${d.taskEvidence} task evidence, ${d.ruleFiles} rule file revisions (${d.skipped} imports already stored${checked}).`
      : `${r.file}: đã khôi phục bản sao lưu của kế hoạch ${d.plan} — ${d.imports} lần nhập, ${d.retractions} lần rút lại, ${d.revisions} phiên bản, ${d.submissions} lần nộp báo cáo, ${d.taskEvidence} minh chứng nhiệm vụ, ${d.ruleFiles} phiên bản tệp quy tắc (${d.skipped} lần nhập đã có sẵn${checked}).`;
  }
  if (hasNoDataRows(r)) return en ? `${r.file}: NOT IMPORTED — no data rows; nothing imported, no import recorded.` : `${r.file}: KHÔNG NHẬP — không có dòng số liệu nào; không nhập gì, không ghi lần nhập.`;
  if (!r.imported) return en ? `${r.file}: REFUSED — ${r.rejected} of ${r.rows} rows bad; nothing imported.` : `${r.file}: BỊ TỪ CHỐI — ${r.rejected} trong ${r.rows} dòng sai; không nhập gì.`;
  // Warnings (an org unit the plan does not list, a sheet not read) are counted here and listed on standard error.
  const warnings = r.issues.filter((i) => i.severity === 'warning').length;
  const warned = warnings === 0 ? '' : en ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : `, ${warnings} cảnh báo`;
  return en
    ? `${r.file}: ${r.rows} rows — ${r.revisions} new revisions, ${r.unchanged} unchanged, 0 rejected${warned} (import ${r.importId}).`
    : `${r.file}: ${r.rows} dòng — ${r.revisions} phiên bản mới, ${r.unchanged} không đổi, 0 bị từ chối${warned} (lần nhập ${r.importId}).`;
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
      if ((opts.reporter === undefined) !== (opts.obligation === undefined)) {
        throw usageError(MSG.usageReporterWithObligation, {});
      }
      const [fs, { resolve, basename }, { userInfo }, { importTabularStream, isDumpText, parseDumps, restoreDumps, tabularFormat }, { bundledPlan, exportPlan, isBundledPlanId }, { validatePlanText }] = await Promise.all([
        import('node:fs'),
        import('node:path'),
        import('node:os'),
        import('@egov-plan/tabular'),
        import('@egov-plan/rules'),
        import('@egov-plan/rules/node'),
      ]);
      /** True when the file starts as a backup written by `dump`; null for one that cannot be read (its own error comes when it is imported). */
      const isDump = (file: string): boolean | null => {
        try {
          return isDumpText(new TextDecoder().decode(readHead(fs, resolve(ctx.io.cwd, file), 400)));
        } catch {
          return null;
        }
      };
      // A backup carries its plans: without --plan, files that are all backups are restored each
      // under its own plans; a measurements file needs --plan.
      if (opts.plan === undefined) {
        const needPlan = files.filter((f) => isDump(f) === false);
        if (needPlan.length > 0 || opts.reporter !== undefined) {
          const names = needPlan.join(', ');
          throw needPlan.length === 0
            ? usageError(MSG.usagePlanForReporter, {})
            : usageError(needPlan.length === files.length ? MSG.usagePlanForFiles : MSG.usagePlanForMeasurementFiles, { names });
        }
      }
      const ref = opts.plan === undefined ? null : planRef(ctx, opts.plan, undefined);
      const plan = ref === null ? null : await loadPlanRef(ctx, ref);
      if (plan !== null && opts.obligation !== undefined && !plan.reportingObligations.some((o) => o.id === opts.obligation)) {
        throw usageError(MSG.usageUnknownObligation, { plan: plan.id, obligation: opts.obligation });
      }
      // A reporter is an agency of the plan, or an administrative unit (whose People's Committee
      // reports for it): a misspelt id would record a submission nobody is expected to make.
      if (plan !== null && opts.reporter !== undefined && !plan.agencies.some((a) => a.id === opts.reporter) && !plan.administrativeUnits.some((u) => u.code === opts.reporter)) {
        throw usageError(MSG.usageUnknownReporter, { plan: plan.id, reporter: opts.reporter });
      }
      const by = opts.by ?? safeUserName(userInfo);
      // A file not read keeps `error` (its first shape) and has the same issues in `issues`, as every file has.
      const results: ((TabularImport & { restored?: DumpRestore }) | { file: string; imported: false; error: Issue[]; issues: Issue[] })[] = [];
      const notRead = (file: string, issues: Issue[]) => results.push({ file, imported: false, error: issues, issues });
      const sizeOf = (file: string) => {
        try {
          return fs.statSync(resolve(ctx.io.cwd, file)).size;
        } catch {
          return 0;
        }
      };
      const sizes = files.map(sizeOf);
      const bar = await progressBar(ctx, sizes.reduce((a, b) => a + b, 0), basename(files[0] ?? ''));
      try {
        await withDatabase(ctx, opts.database, 'write', async (db) => {
          // The plan the rows are checked against is kept with them (a province's own rule file).
          if (plan !== null && ref !== null && !isBundledPlanId(ref)) await db.store.saveRuleFile({ id: plan.id, text: JSON.stringify(exportPlan(plan)), savedBy: by });
          let before = { rows: 0, bytes: 0 };
          let read = 0;
          for (const [k, file] of files.entries()) {
            const name = basename(file);
            try {
              const path = resolve(ctx.io.cwd, file);
              const size = fs.statSync(path).size;
              const head = readHead(fs, path, 512);
              const text = new TextDecoder().decode(head.subarray(0, 400));
              const format = tabularFormat({ name, bytes: head });
              // CSV is read as a stream (memory stays flat however long the file); a backup, JSON or a workbook is read whole.
              const max = format === 'csv' && !isDumpText(text) ? MAX_CSV_BYTES : MAX_IMPORT_BYTES;
              if (size > max) {
                const { EgovPlanError, issueFrom } = await import('@egov-plan/core');
                throw new EgovPlanError([issueFrom(MSG.fileTooLargeImport, '', { size, max }, { file })]);
              }
              if (isDumpText(text)) {
                // A backup written by `dump`: replayed with its provenance, every plan it holds in
                // one transaction (all of the file or nothing); one result per plan.
                const bytes = fs.readFileSync(path);
                // Its rows are checked as an import would check them, against the plan recorded
                // with them: --plan, a bundled plan, or the rule file stored with the plan (in the
                // backup, or in the database); else against the rules every plan has.
                const planOf = async (id: string, ruleFiles: readonly { text: string }[]) => {
                  if (plan !== null && plan.id === id) return plan;
                  if (isBundledPlanId(id)) return bundledPlan(id);
                  const text = ruleFiles.at(-1)?.text ?? (await db.store.ruleFile(id))?.text;
                  const read = text === undefined ? null : validatePlanText(text, { file: `${name} (${id})`, cwd: ctx.io.cwd });
                  return read?.ok ? read.value : null;
                };
                const restored = await restoreDumps(db.store, parseDumps(new TextDecoder().decode(bytes), name), { file: name, plan: planOf });
                for (const r of restored) {
                  const csv = !text.trimStart().startsWith('{');
                  // A CSV backup held the revisions only: what it could not carry is said with the result.
                  const issues = [...(r.atomic ? [] : [notAtomic(db.store.kind, name)]), ...(csv ? [backupPartial(name)] : [])];
                  results.push({ file: name, format: text.trimStart().startsWith('{') ? 'json' : 'csv', imported: true, importId: null, rows: r.revisions, revisions: r.revisions, unchanged: 0, rejected: 0, sheets: [], periods: [], issues, restored: r });
                }
                continue;
              }
              if (plan === null) throw new Error('a measurements file reached the import without a plan');
              const done = await importTabularStream(
                db.store,
                plan,
                { name, stream: fs.createReadStream(path), format },
                { importedBy: by, importedAt: ctx.io.now().toISOString(), maxBytes: max, ...(bar ? { onProgress: (p: TabularProgress) => bar.update(before.bytes + p.bytes, before.rows + (read = p.rows), name) } : {}) },
              );
              // A file with a header and no data rows (an unfilled template, the wrong file) is not
              // imported (the import says so); with --reporter, nor is a submission recorded: said too.
              if (hasNoDataRows(done) && opts.reporter !== undefined && opts.obligation !== undefined) {
                const { issueFrom } = await import('@egov-plan/core');
                const params = { file: name, reporter: opts.reporter, obligation: opts.obligation };
                const none = done.format === 'xlsx' ? issueFrom(MSG.workbookNoDataRowsSubmission, '', params, { file: name }) : issueFrom(MSG.fileNoDataRowsSubmission, '', params, { file: name });
                results.push({ ...done, issues: [...done.issues, none] });
              } else results.push(done);
              if (done.imported && opts.reporter !== undefined && opts.obligation !== undefined) {
                const submittedAt = ctx.io.now().toISOString();
                // Recorded with the import: retracting it withdraws the submission.
                for (const period of done.periods) await db.store.recordSubmission({ plan: plan.id, obligation: opts.obligation, period, reporter: opts.reporter, submittedAt, ...(done.importId === null ? {} : { importId: done.importId }) });
              }
            } catch (e) {
              const issues = (e as { issues?: Issue[] }).issues;
              if (!Array.isArray(issues)) {
                // Missing, a folder, unreadable (EACCES, ENOTDIR, …): the file is not read, the others still are.
                if (systemErrorCode(e) !== undefined) {
                  const { issueFrom } = await import('@egov-plan/core');
                  notRead(file, [issueFrom(MSG.fileNotFoundImport, '', { file }, { file })]);
                  continue;
                }
                throw e;
              }
              notRead(file, issues);
            } finally {
              before = { rows: before.rows + read, bytes: before.bytes + (sizes[k] ?? 0) };
              read = 0;
              bar?.update(before.bytes, before.rows, name);
            }
          }
        });
      } finally {
        bar?.stop();
      }
      const failed = results.some((r) => !r.imported);
      const totals = { rows: 0, revisions: 0, unchanged: 0, rejected: 0 };
      for (const r of results) if (!('error' in r)) for (const k of ['rows', 'revisions', 'unchanged', 'rejected'] as const) totals[k] += r[k];
      if (opts.json) printJson(ctx, { ok: !failed, plan: plan?.id ?? null, files: results, ...totals });
      else {
        for (const r of results) out(ctx, summaryLine(ctx, r));
        if (results.length > 1) out(ctx, en ? `Total: ${totals.rows} rows, ${totals.revisions} revisions, ${totals.unchanged} unchanged, ${totals.rejected} rejected.` : `Tổng: ${totals.rows} dòng, ${totals.revisions} phiên bản mới, ${totals.unchanged} không đổi, ${totals.rejected} bị từ chối.`);
      }
      for (const r of results) printIssues(ctx, r.issues);
      if (failed) ctx.exitCode = EXIT.failure;
    });
}

/** The warning of a CSV backup restored: it held the revisions only. */
function backupPartial(file: string): Issue {
  return { code: MSG.storeBackupPartialRestore.code, pointer: '', severity: 'warning', file, message: usageText(MSG.storeBackupPartialRestore, { file }) };
}

/** The warning of a backup restored into a store that cannot write it as one transaction. */
function notAtomic(kind: string, file: string): Issue {
  return {
    code: MSG.storeRestoreNotAtomic.code,
    pointer: '',
    severity: 'warning',
    file,
    message: usageText(MSG.storeRestoreNotAtomic, { file, kind }),
  };
}

function safeUserName(userInfo: () => { username: string }): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A bar drawn while files are read: bytes read of all the files, rows read so far, the file being read. */
interface ImportBar {
  update(bytes: number, rows: number, file: string): void;
  stop(): void;
}

/**
 * A progress bar on the run's terminal (`CliIO.progress`: standard error when it is a
 * terminal); null with --json or without a terminal, so piped output carries no progress noise.
 */
async function progressBar(ctx: CliContext, totalBytes: number, first: string): Promise<ImportBar | null> {
  const stream = ctx.io.progress;
  if (ctx.json || !stream?.isTTY) return null;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const en = ctx.lang === 'en';
  const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
  const bar = new SingleBar(
    { format: `${en ? 'Importing' : 'Đang nhập'} {file} [{bar}] {percentage}% · {rows} ${en ? 'rows' : 'dòng'} · {done}/{size} MiB`, stream, hideCursor: true, etaBuffer: 50 },
    Presets.shades_classic,
  );
  bar.start(Math.max(totalBytes, 1), 0, { file: sanitizeForTerminal(first), rows: 0, done: mib(0), size: mib(totalBytes) });
  return {
    update: (bytes, rows, file) => bar.update(Math.min(bytes, Math.max(totalBytes, 1)), { file: sanitizeForTerminal(file), rows, done: mib(bytes), size: mib(totalBytes) }),
    stop: () => bar.stop(),
  };
}

/** The first `n` bytes of a file (fewer for a shorter one). */
function readHead(fs: typeof import('node:fs'), path: string, n: number): Uint8Array {
  const fd = fs.openSync(path, 'r');
  try {
    const buf = new Uint8Array(n);
    return buf.subarray(0, fs.readSync(fd, buf, 0, n, 0));
  } finally {
    fs.closeSync(fd);
  }
}
