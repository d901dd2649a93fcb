import type { Command } from 'commander';
import { out, printJson, type CliContext } from '../io.js';
import { jsonHelp } from './shared.js';

/** The plan, quarters and moment the demo shows: Kon Tum's first phase, a week after the 2020Q4 data cut-off. */
const DEMO = { plan: 'kontum-1102-2019', periods: ['2020Q3', '2020Q4'], period: '2020Q4', at: '2020-12-21' } as const;

/** The demo's workbook: its name says the figures are synthetic. */
const WORKBOOK = 'kontum-so-lieu-gia-lap-2020.xlsx';

/** The notice on the demo workbook's instructions sheet, and beside every figure the demo prints. */
const NOTICE = {
  vi: 'SỐ LIỆU GIẢ LẬP để trình diễn — không phải số liệu báo cáo của tỉnh Kon Tum.',
  en: "SYNTHETIC FIGURES for the demo — not Kon Tum's reported results.",
};

/**
 * `egov-plan demo [--dir <folder>] [--no-serve]`: the whole story on a fresh machine. Writes a
 * workbook of synthetic Kon Tum figures (labelled so), imports it into a SQLite store, evaluates it,
 * writes the quarterly report, and serves the report and the API on loopback until interrupted.
 * Running it again imports nothing new (the same file is unchanged).
 */
export function registerDemo(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  program
    .command('demo')
    .description(
      en
        ? 'the whole story: a synthetic Kon Tum workbook imported, evaluated, reported and served on this machine'
        : 'trình diễn trọn vẹn: tệp Excel số liệu giả lập của Kon Tum được nhập, đánh giá, lập báo cáo và phục vụ trên máy này',
    )
    .option('--dir <folder>', en ? 'where the workbook, the store and the report are written' : 'thư mục ghi tệp Excel, kho số liệu và báo cáo', 'egov-plan-demo')
    .option('--no-serve', en ? 'write the report and exit instead of serving it' : 'ghi báo cáo rồi thoát, không phục vụ')
    .option('--host <host>', en ? 'address to serve on' : 'địa chỉ phục vụ', '127.0.0.1')
    .option('--port <port>', en ? 'port to serve on (0: any free port)' : 'cổng phục vụ (0: cổng trống bất kỳ)', '8080')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { dir: string; serve: boolean; host: string; port: string; json?: boolean }) => {
      const [{ join, resolve, relative }, { makeOutputFolder, writeOutputFile }] = await Promise.all([import('node:path'), import('../files.js')]);
      const [{ bundledPlan }, { filledWorkbook, importTabularFile }, { syntheticMeasurements }, { withDatabase }, { reportInput, storeReportSources }, { atOption }] = await Promise.all([
        import('@egov-plan/rules'),
        import('@egov-plan/tabular'),
        import('../demo/synthetic.js'),
        import('../database.js'),
        import('./report.js'),
        import('./shared.js'),
      ]);
      const dir = resolve(ctx.io.cwd, opts.dir);
      await makeOutputFolder(ctx, opts.dir);
      const shown = (file: string) => relative(ctx.io.cwd, join(dir, file)) || file;
      const plan = bundledPlan(DEMO.plan);
      const at = await atOption(ctx, DEMO.at);

      // 1. The workbook agencies would send back, with synthetic figures.
      const rows = syntheticMeasurements(plan, { periods: DEMO.periods });
      const bytes = await filledWorkbook(plan, rows, { notice: [NOTICE.vi, NOTICE.en] });
      await writeOutputFile(ctx, join(dir, WORKBOOK), bytes);

      // 2. Imported into the embedded store (the same file again changes nothing), evaluated from it.
      const database = join(dir, 'egov-plan.sqlite');
      const { imported, evaluation, html } = await withDatabase(ctx, database, 'write', async (db) => {
        const done = await importTabularFile(db.store, plan, { name: WORKBOOK, bytes }, { importedBy: 'egov-plan-demo', importedAt: at.instant.toISOString() });
        // The report's evaluation is the demo's: the store's values in force, as of `at`.
        const { set, submissions } = await storeReportSources(plan, db.store);
        const { input } = await reportInput(plan, set, at, DEMO.period, submissions);
        const { renderReportHtml } = await import('@egov-plan/report');
        return { imported: done, evaluation: input.evaluation, html: renderReportHtml(input, { lang: ctx.lang, notice: NOTICE }) };
      });

      // 3. The report, written next to them.
      await writeOutputFile(ctx, join(dir, 'report.html'), html);
      const s = evaluation.summary;
      const summary = {
        plan: plan.id,
        synthetic: true,
        notice: NOTICE,
        workbook: shown(WORKBOOK),
        database: shown('egov-plan.sqlite'),
        report: shown('report.html'),
        import: { rows: imported.rows, revisions: imported.revisions, unchanged: imported.unchanged, rejected: imported.rejected },
        at: at.localDate,
        period: DEMO.period,
        summary: s,
      };
      // Served with --json, the summary is printed once listening, with the URLs (one object).
      if (opts.json && !opts.serve) printJson(ctx, { ok: true, ...summary });
      else if (!opts.json) {
        out(ctx, en ? NOTICE.en : NOTICE.vi);
        out(ctx, en ? `1. Workbook written: ${summary.workbook} (${rows.length} rows).` : `1. Đã ghi tệp Excel: ${summary.workbook} (${rows.length} dòng).`);
        out(
          ctx,
          en
            ? `2. Imported into ${summary.database}: ${imported.revisions} new revisions, ${imported.unchanged} unchanged, ${imported.rejected} rejected.`
            : `2. Đã nhập vào ${summary.database}: ${imported.revisions} phiên bản mới, ${imported.unchanged} không đổi, ${imported.rejected} bị từ chối.`,
        );
        out(
          ctx,
          en
            ? `3. Evaluated at ${at.localDate}: ${s.met} met, ${s['not-met']} not met, ${s['no-data']} without data.`
            : `3. Đánh giá tại ngày ${at.localDate}: ${s.met} đạt, ${s['not-met']} chưa đạt, ${s['no-data']} chưa có số liệu.`,
        );
        out(ctx, en ? `4. Report ${DEMO.period} written: ${summary.report}.` : `4. Đã ghi báo cáo ${DEMO.period}: ${summary.report}.`);
      }
      if (!opts.serve) return;
      const { serveStore } = await import('./serve.js');
      await serveStore(ctx, { host: opts.host, port: opts.port, plan, database, at, notice: NOTICE, json: opts.json === true, summary });
    });
}
