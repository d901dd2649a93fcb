import type { Command } from 'commander';
import type { MeasurementStore, Plan } from '@egov-plan/core';
import type { MeasurementSet } from '@egov-plan/rules';
import type { QuarterlyReportInput, ReportSubmission } from '@egov-plan/report';
import { out, printIssues, printJson, usageError, type CliContext } from '../io.js';
import * as MSG from '../messages.js';
import { readMeasurementsFile } from './evaluate.js';
import { databaseOption, withDatabase } from '../database.js';
import { writeOutputFile } from '../files.js';
import { atHelp, atOption, DEFAULT_PLAN, jsonHelp, loadPlanRef, planArgumentHelp, type AtValue } from './shared.js';

const FORMATS = { '.html': 'html', '.htm': 'html', '.md': 'markdown', '.pdf': 'pdf' } as const;

/**
 * What the report of a quarter shows, from checked measurements: `period` (default: the last
 * quarter closed before `at`), evaluated and with progress at `at`. `submissions` null: unknown.
 */
export async function reportInput(plan: Plan, set: MeasurementSet, at: AtValue, period: string | undefined, submissions: readonly ReportSubmission[] | null): Promise<{ input: QuarterlyReportInput; periodId: string }> {
  const { calendarOf, evaluate, periodContaining, planTaskStatuses, previousPeriod, progress } = await import('@egov-plan/rules');
  const calendar = calendarOf(plan);
  const periodId = period ?? previousPeriod(periodContaining(at.instant, 'quarter', calendar), calendar).id;
  // Loaded only for the commands that report, so other commands start without it.
  const { periodCalendar } = await import('@egov-plan/report');
  const input: QuarterlyReportInput = {
    plan,
    evaluation: evaluate(plan, set, { at: at.localDate }),
    progress: progress(plan, set, { at: at.localDate }),
    measurements: set,
    calendar: periodCalendar(plan, periodId, at.instant),
    tasks: planTaskStatuses(plan, at.localDate),
    submissions,
  };
  return { input, periodId };
}

/**
 * What a report reads from a store: the values in force of `plan`, and every submission recorded
 * for it (the report picks its period's). Shared by `report --database`, `serve` and `demo`.
 */
export async function storeReportSources(plan: Plan, store: MeasurementStore): Promise<{ set: MeasurementSet; submissions: ReportSubmission[] }> {
  const { storedMeasurementSet } = await import('@egov-plan/rules');
  const set = await storedMeasurementSet(plan, store);
  const submissions = (await store.submissions({ plan: plan.id })).map((x) => ({ obligation: x.obligation, period: x.period, reporter: x.reporter, submittedAt: x.submittedAt }));
  return { set, submissions };
}

/**
 * `egov-plan report --out <file.html|.md|.pdf>`: the quarterly progress report of a plan from a
 * measurements file. Without a store, submissions are unknown and the report says so.
 */
export function registerReport(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program
    .command('report')
    .description(en ? 'write the quarterly progress report (HTML, Markdown or PDF through Chromium)' : 'viết báo cáo tiến độ quý (HTML, Markdown hoặc PDF qua Chromium)');
  databaseOption(cmd, ctx)
    .option('--plan <plan>', planArgumentHelp(ctx), DEFAULT_PLAN)
    .option('--measurements <file>', en ? 'CSV or JSON measurements (none: a report saying there is no data yet)' : 'tệp số liệu CSV hoặc JSON (không có: báo cáo ghi chưa có số liệu)')
    .option('--period <id>', en ? 'the quarter reported on, e.g. 2020Q4 (default: the last quarter closed before --at)' : 'quý báo cáo, ví dụ 2020Q4 (mặc định: quý gần nhất đã khóa số liệu trước --at)')
    .option('--at <when>', atHelp(ctx, { vi: 'bây giờ (thời điểm lập báo cáo)', en: 'now (when the report is written)' }))
    .requiredOption('--out <file>', en ? 'output file: .html, .md or .pdf' : 'tệp kết quả: .html, .md hoặc .pdf')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { plan: string; measurements?: string; period?: string; at?: string; out: string; json?: boolean; database?: string }) => {
      if (opts.measurements !== undefined && opts.database !== undefined) {
        throw usageError(MSG.usageOneMeasurementSource, {});
      }
      const ext = /\.[a-z]+$/iu.exec(opts.out)?.[0].toLowerCase() ?? '';
      const format = (FORMATS as Record<string, 'html' | 'markdown' | 'pdf'>)[ext];
      if (!format) throw usageError(MSG.usageOutReport, { out: opts.out });
      const { instant, localDate: at } = await atOption(ctx, opts.at);
      const plan = await loadPlanRef(ctx, opts.plan);
      const { prepareMeasurements } = await import('@egov-plan/rules');
      let set: MeasurementSet = opts.measurements ? await readMeasurementsFile(ctx, plan, opts.measurements) : prepareMeasurements(plan, []);
      let submissions: ReportSubmission[] | null = null;
      if (opts.database !== undefined) ({ set, submissions } = await withDatabase(ctx, opts.database, 'read', (db) => storeReportSources(plan, db.store)));
      const { input, periodId } = await reportInput(plan, set, { instant, localDate: at }, opts.period, submissions);
      const { renderReportHtml, renderReportMarkdown } = await import('@egov-plan/report');
      const file = opts.out;
      if (format === 'markdown') await writeOutputFile(ctx, file, renderReportMarkdown(input, { lang: ctx.lang }));
      else {
        const html = renderReportHtml(input, { lang: ctx.lang });
        if (format === 'html') await writeOutputFile(ctx, file, html);
        else {
          const { renderPdf } = await import('@egov-plan/report/node');
          await writeOutputFile(ctx, file, await renderPdf(html));
        }
      }
      // Rows left out: those with an error (a warning keeps its row).
      const errors = set.issues.filter((i) => i.severity !== 'warning');
      const summary = { plan: plan.id, period: periodId, at, out: opts.out, format, rows: set.rows, badRows: new Set(errors.map((i) => i.pointer.split('/').slice(0, 2).join('/'))).size, summary: input.evaluation.summary };
      if (opts.json) printJson(ctx, { ok: errors.length === 0, ...summary });
      else out(ctx, en ? `Report ${periodId} written to ${opts.out}.` : `Đã ghi báo cáo ${periodId} vào ${opts.out}.`);
      if (set.issues.length) {
        printIssues(ctx, set.issues);
        if (errors.length) ctx.exitCode = 1;
      }
    });
}
