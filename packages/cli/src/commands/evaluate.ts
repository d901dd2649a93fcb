import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EgovPlanError, isLocalDate, issue, type Plan } from '@egov-plan/core';
import { DEFAULT_MAX_MEASUREMENT_BYTES, evaluate, formatValue, parseMeasurementsText, progress, type Evaluation, type MeasurementSet, type ProgressMethod, type ProgressReport, type TargetResult, type TargetStatus } from '@egov-plan/rules';
import { evaluateWithReference } from '@egov-plan/rules/reference';
import { readTextFileSync } from '@egov-plan/rules/node';
import { EXIT, UsageError, out, printIssues, printJson, t, type CliContext } from '../io.js';
import { jsonHelp, planArgument, planArgumentHelp } from './shared.js';

const STATUS_TEXT: Record<TargetStatus, { vi: string; en: string }> = {
  met: { vi: 'đạt', en: 'met' },
  'not-met': { vi: 'chưa đạt', en: 'not met' },
  'no-data': { vi: 'không có số liệu', en: 'no data' },
  'not-applicable': { vi: 'không áp dụng', en: 'not applicable' },
};
const SYMBOL = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' } as const;

/** Reads a measurements file (CSV or JSON, by extension or content) relative to the run's directory. */
export async function readMeasurementsFile(ctx: CliContext, plan: Plan, file: string): Promise<MeasurementSet> {
  const full = resolve(ctx.io.cwd, file);
  let body: string;
  try {
    body = readTextFileSync(full, file, DEFAULT_MAX_MEASUREMENT_BYTES);
  } catch (e) {
    if (e instanceof EgovPlanError && e.issues.some((i) => i.code === 'file.too_large')) throw e;
    throw new EgovPlanError([issue('file.not_found', '', `Không đọc được tệp số liệu "${file}".`, `Cannot read the measurements file "${file}": ${(e as Error).message}`, { file })]);
  }
  const format = /\.json$/iu.test(file) ? 'json' : /\.csv$/iu.test(file) ? 'csv' : undefined;
  return parseMeasurementsText(plan, body, { file, ...(format ? { format } : {}) });
}

function pad(s: string, n: number): string {
  const len = [...s].length;
  return len >= n ? s : s + ' '.repeat(n - len);
}

/** The human table of an evaluation. */
export function formatEvaluation(ctx: CliContext, ev: Evaluation): string[] {
  const en = ctx.lang === 'en';
  const lines: string[] = [];
  lines.push(
    en
      ? `Plan ${ev.plan} — evaluated at ${ev.at}, phase ${ev.phases.join(', ') || '(none)'} (${ev.evaluator} evaluator)`
      : `Kế hoạch ${ev.plan} — đánh giá tại ngày ${ev.at}, giai đoạn ${ev.phases.join(', ') || '(không có)'} (bộ đánh giá ${ev.evaluator === 'compiled' ? 'biên dịch' : 'tham chiếu json-rules-engine'})`,
  );
  const head = en ? ['Target', 'Org unit', 'Period', 'Value', 'Target value', 'Gap', 'Status'] : ['Chỉ tiêu', 'Đơn vị', 'Kỳ', 'Giá trị', 'Mức chỉ tiêu', 'Chênh lệch', 'Trạng thái'];
  const rows = ev.results.map((r: TargetResult) => [
    r.target,
    r.orgUnit,
    r.period ?? '—',
    r.value === null ? '—' : formatValue(r.value, r.unit, ctx.lang),
    `${SYMBOL[r.comparator]} ${formatValue(r.targetValue, r.unit, ctx.lang)}`,
    r.gap === null ? '—' : `${r.gap > 0 ? '+' : ''}${formatValue(r.gap, 'count', ctx.lang)}`,
    t(ctx, STATUS_TEXT[r.status]),
  ]);
  const widths = head.map((h, i) => Math.min(64, Math.max([...h].length, ...rows.map((r) => [...(r[i] as string)].length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] as number))).join('  ');
  lines.push(line(head));
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) lines.push(line(r));
  const s = ev.summary;
  lines.push(
    en
      ? `Total ${ev.results.length}: ${s.met} met, ${s['not-met']} not met, ${s['no-data']} no data, ${s['not-applicable']} not applicable.`
      : `Tổng ${ev.results.length}: ${s.met} đạt, ${s['not-met']} chưa đạt, ${s['no-data']} không có số liệu, ${s['not-applicable']} không áp dụng.`,
  );
  return lines;
}

/** `egov-plan evaluate --plan <id|file> --measurements <file> [--at] [--json]`. */
export function registerEvaluate(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  program
    .command('evaluate')
    .description(en ? "judge a plan's targets against measurements (CSV or JSON)" : 'đánh giá các chỉ tiêu của kế hoạch theo số liệu (CSV hoặc JSON)')
    .requiredOption('--plan <plan>', planArgumentHelp(ctx))
    .requiredOption('--measurements <file>', en ? 'CSV (indicator,orgUnit,level,period,value[,numerator,denominator]) or JSON file' : 'tệp CSV (indicator,orgUnit,level,period,value[,numerator,denominator]) hoặc JSON')
    .option('--at <date>', en ? 'evaluation date YYYY-MM-DD (default: end of the latest period in the measurements)' : 'ngày đánh giá YYYY-MM-DD (mặc định: ngày cuối của kỳ muộn nhất trong số liệu)')
    .option('--phase <id>', en ? 'evaluate the targets of this phase' : 'đánh giá các chỉ tiêu của giai đoạn này')
    .option('--evaluator <name>', en ? 'compiled (default) or reference (json-rules-engine)' : 'compiled (mặc định) hoặc reference (json-rules-engine)', 'compiled')
    .option('--progress <method>', en ? 'also classify progress: cagr (Open SDG) or linear' : 'phân loại cả tiến độ: cagr (Open SDG) hoặc linear')
    .option('--explain', en ? 'print why each verdict came out as it did' : 'in lý do của từng kết quả')
    .option('--json', jsonHelp(ctx))
    .action(async (opts: { plan: string; measurements: string; at?: string; phase?: string; evaluator: string; progress?: string; explain?: boolean; json?: boolean }) => {
      if (opts.at !== undefined && !isLocalDate(opts.at)) {
        throw new UsageError({ vi: `--at phải là một ngày có thật dạng YYYY-MM-DD, không phải "${opts.at}".`, en: `--at must be a real YYYY-MM-DD date, not "${opts.at}".` });
      }
      if (opts.evaluator !== 'compiled' && opts.evaluator !== 'reference') {
        throw new UsageError({ vi: `--evaluator là compiled hoặc reference, không phải "${opts.evaluator}".`, en: `--evaluator is compiled or reference, not "${opts.evaluator}".` });
      }
      if (opts.progress !== undefined && opts.progress !== 'cagr' && opts.progress !== 'linear') {
        throw new UsageError({ vi: `--progress là cagr hoặc linear, không phải "${opts.progress}".`, en: `--progress is cagr or linear, not "${opts.progress}".` });
      }
      const plan = await planArgument(ctx, opts.plan);
      const set = await readMeasurementsFile(ctx, plan, opts.measurements);
      const options = { ...(opts.at ? { at: opts.at } : {}), ...(opts.phase ? { phase: opts.phase } : {}) };
      const ev = opts.evaluator === 'reference' ? await evaluateWithReference(plan, set, options) : evaluate(plan, set, options);
      const report: ProgressReport | undefined = opts.progress ? progress(plan, set, { ...options, at: ev.at, method: opts.progress as ProgressMethod }) : undefined;
      const badRows = new Set(set.issues.map((i) => i.pointer.split('/').slice(0, 2).join('/'))).size;
      if (opts.json) {
        printJson(ctx, { plan: ev.plan, at: ev.at, phases: ev.phases, evaluator: ev.evaluator, rows: ev.rows, badRows, summary: ev.summary, results: ev.results, ...(report ? { progress: report } : {}) });
      } else {
        for (const l of formatEvaluation(ctx, ev)) out(ctx, l);
        if (opts.explain) {
          out(ctx);
          for (const r of ev.results) out(ctx, `${r.target} / ${r.orgUnit}: ${t(ctx, r.explanation)}`);
        }
        if (report) {
          out(ctx);
          out(ctx, en ? `Progress (method: ${report.method}; thresholds R ≥ 0.95 on track, ≥ 0.6 at risk):` : `Tiến độ (phương pháp: ${report.method}; ngưỡng R ≥ 0,95 đúng hướng, ≥ 0,6 có nguy cơ):`);
          for (const p of report.results) out(ctx, `${p.target} / ${p.orgUnit}: ${p.status} — ${t(ctx, p.explanation)}`);
        }
      }
      if (set.issues.length) {
        printIssues(ctx, set.issues);
        ctx.exitCode = EXIT.failure;
      }
    });
}
