import { Option, type Command } from 'commander';
import type { Plan } from '@egov-plan/core';
import type { Evaluation, MeasurementSet, ProgressMethod, ProgressReport, TargetResult, TargetStatus } from '@egov-plan/rules';
import { EXIT, usageError, err, out, printIssues, printJson, t, type CliContext } from '../io.js';
import * as MSG from '../messages.js';
import { databaseOption, DEFAULT_DATABASE } from '../database.js';
import { writeOutputFile } from '../files.js';
import { printTable } from '../table.js';
import { atHelp, atOption, jsonHelp, loadPlanRef, orgUnitNamer, planArg, planOption, planRef, readInputFile, stdinOnce, withName } from './shared.js';

const STATUSES: readonly TargetStatus[] = ['met', 'not-met', 'no-data', 'not-applicable'];
const STATUS_TEXT: Record<TargetStatus, { vi: string; en: string }> = {
  met: { vi: 'đạt', en: 'met' },
  'not-met': { vi: 'chưa đạt', en: 'not met' },
  'no-data': { vi: 'không có số liệu', en: 'no data' },
  'not-applicable': { vi: 'không áp dụng', en: 'not applicable' },
};
const SYMBOL = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' } as const;
const LEVELS = ['province', 'district', 'commune'] as const;

/** Reads a measurements file (CSV or JSON, by extension or content; `-` is standard input) relative to the run's directory; a workbook is `file.workbook_not_read` (`ref`: how the run named the plan, for the suggested commands). */
export async function readMeasurementsFile(ctx: CliContext, plan: Plan, file: string, ref: string = plan.id): Promise<MeasurementSet> {
  const { DEFAULT_MAX_MEASUREMENT_BYTES, parseMeasurementsText } = await import('@egov-plan/rules');
  if (file !== '-' && (await isWorkbook(ctx, file))) {
    const { EgovPlanError, issueFrom } = await import('@egov-plan/core');
    throw new EgovPlanError([issueFrom(MSG.fileWorkbookNotRead, '', { file, planArg: planArg(ctx, ref), fileArg: planArg(ctx, file) }, { file })]);
  }
  const { text, name } = await readInputFile(ctx, file, DEFAULT_MAX_MEASUREMENT_BYTES);
  const format = /\.json$/iu.test(file) ? 'json' : /\.csv$/iu.test(file) ? 'csv' : undefined;
  return parseMeasurementsText(plan, text, { file: name, ...(format ? { format } : {}) });
}

/** True for an XLSX or XLS workbook: by extension, or by its first bytes (a zip archive `PK\x03\x04`, an OLE file `D0 CF 11 E0`). */
async function isWorkbook(ctx: CliContext, file: string): Promise<boolean> {
  const [{ openSync, readSync, closeSync, statSync }, { resolve }] = await Promise.all([import('node:fs'), import('node:path')]);
  const path = resolve(ctx.io.cwd, file);
  let fd: number;
  try {
    // Only an existing regular file is a workbook (a mistyped `q4.xlsx` is `file.not_found`) and
    // only such a file is sniffed: opening a FIFO waits for a writer (blocking the process); a
    // FIFO, a directory or a device is refused by the reading below, with its reason.
    if (!statSync(path).isFile()) return false;
    if (/\.(xlsx|xlsm|xls)$/iu.test(file)) return true;
    fd = openSync(path, 'r');
  } catch {
    return false; // not readable: the reading below says why
  }
  try {
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    return n === 4 && (head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])));
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Which results the table and the JSON show: `--status`, `--indicator`, `--org-unit`, `--level`. */
export interface ResultFilter {
  status?: readonly TargetStatus[];
  indicator?: readonly string[];
  orgUnit?: readonly string[];
  level?: readonly string[];
}

function matches(r: TargetResult, f: ResultFilter): boolean {
  return (
    (f.status === undefined || f.status.includes(r.status)) &&
    (f.indicator === undefined || f.indicator.includes(r.indicator)) &&
    (f.orgUnit === undefined || f.orgUnit.includes(r.orgUnit)) &&
    (f.level === undefined || f.level.includes(r.targetLevel ?? r.level ?? ''))
  );
}

/**
 * Counts of each status, per indicator, in the order the indicators first appear: of the headline
 * results (one verdict per target, or per org unit for each-agency and each-unit targets), or
 * with `headline: false` of the per-unit results of whole-province targets.
 */
function summaryByIndicator(results: Iterable<TargetResult>, headline = true): Map<string, Record<TargetStatus, number>> {
  const by = new Map<string, Record<TargetStatus, number>>();
  for (const r of results) {
    if (r.headline !== headline) continue;
    let s = by.get(r.indicator);
    if (!s) by.set(r.indicator, (s = { met: 0, 'not-met': 0, 'no-data': 0, 'not-applicable': 0 }));
    s[r.status]++;
  }
  return by;
}

function countsText(ctx: CliContext, total: number, s: Record<TargetStatus, number>): string {
  return ctx.lang === 'en'
    ? `${total}: ${s.met} met, ${s['not-met']} not met, ${s['no-data']} no data, ${s['not-applicable']} not applicable`
    : `${total}: ${s.met} đạt, ${s['not-met']} chưa đạt, ${s['no-data']} không có số liệu, ${s['not-applicable']} không áp dụng`;
}

/**
 * Writes the human table of an evaluation line by line: widths are measured in a first pass over
 * the rows (a loop, never a spread, so any number of rows fits), then each row is printed.
 */
export async function printEvaluation(ctx: CliContext, plan: Plan, ev: Evaluation, results: readonly TargetResult[]): Promise<void> {
  const { formatValue } = await import('@egov-plan/rules');
  const en = ctx.lang === 'en';
  const nameOf = orgUnitNamer(ctx, plan);
  out(
    ctx,
    en
      ? `Plan ${ev.plan} — evaluated at ${ev.at}, phase ${ev.phases.join(', ') || '(none)'} (${ev.evaluator} evaluator)`
      : `Kế hoạch ${ev.plan} — đánh giá tại ngày ${ev.at}, giai đoạn ${ev.phases.join(', ') || '(không có)'} (bộ đánh giá ${ev.evaluator === 'compiled' ? 'biên dịch' : 'tham chiếu json-rules-engine'})`,
  );
  const head = en ? ['Target', 'Org unit', 'Period', 'Value', 'Target value', 'Gap', 'Status'] : ['Chỉ tiêu', 'Đơn vị', 'Kỳ', 'Giá trị', 'Mức chỉ tiêu', 'Chênh lệch', 'Trạng thái'];
  // A per-unit result of a whole-province target is marked under the target's roll-up.
  const cells = (r: TargetResult): string[] => [
    r.headline ? r.target : `↳ ${r.target}`,
    withName(r.orgUnit, nameOf(r.orgUnit)),
    r.period ?? '—',
    r.value === null ? '—' : formatValue(r.value, r.unit, ctx.lang),
    `${SYMBOL[r.comparator]} ${formatValue(r.targetValue, r.unit, ctx.lang)}`,
    r.gap === null ? '—' : `${r.gap > 0 ? '+' : ''}${formatValue(r.gap, 'count', ctx.lang)}`,
    t(ctx, STATUS_TEXT[r.status]),
  ];
  printTable(ctx, head, results, cells);
  const perUnit = summaryByIndicator(results, false);
  if (perUnit.size > 0) {
    out(ctx, en ? '↳ each unit of the level of a whole-province target, judged on its own value against the same bar (not an extra verdict: the province\'s row above is).' : '↳ từng đơn vị thuộc cấp của chỉ tiêu toàn tỉnh, xét theo giá trị của chính đơn vị với cùng mức chỉ tiêu (không phải kết luận thêm: dòng toàn tỉnh phía trên là kết luận).');
  }
  out(ctx);
  out(ctx, en ? 'By indicator:' : 'Theo chỉ tiêu:');
  for (const [indicator, s] of summaryByIndicator(results)) {
    const units = perUnit.get(indicator);
    const unitText = units ? (en ? `; per unit of the level ${countsText(ctx, STATUSES.reduce((n, k) => n + units[k], 0), units)}` : `; theo từng đơn vị của cấp ${countsText(ctx, STATUSES.reduce((n, k) => n + units[k], 0), units)}`) : '';
    out(ctx, `  ${indicator} — ${countsText(ctx, STATUSES.reduce((n, k) => n + s[k], 0), s)}${unitText}`);
  }
  if (results.length !== ev.results.length) out(ctx, en ? `Shown ${results.length} of ${ev.results.length} (filters).` : `Hiển thị ${results.length} trên ${ev.results.length} (đã lọc).`);
  const headlines = STATUSES.reduce((n, k) => n + ev.summary[k], 0);
  const extra = ev.results.length - headlines;
  const extraText = extra > 0 ? (en ? `, and ${extra} per-unit result${extra === 1 ? '' : 's'} of whole-province targets` : `, và ${extra} kết quả theo từng đơn vị của chỉ tiêu toàn tỉnh`) : '';
  out(ctx, `${en ? 'Total' : 'Tổng'} ${countsText(ctx, headlines, ev.summary)}${extraText}.`);
}

/** A comma-separated option value (repeatable): `--status not-met,no-data`. */
function list(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** `egov-plan evaluate --plan <id|file> --measurements <file> [--at] [--json]`. */
export function registerEvaluate(program: Command, ctx: CliContext): void {
  const en = ctx.lang === 'en';
  const cmd = program.command('evaluate').description(en ? "judge a plan's targets against measurements (CSV or JSON)" : 'đánh giá các chỉ tiêu của kế hoạch theo số liệu (CSV hoặc JSON)');
  planOption(databaseOption(cmd, ctx), ctx)
    .option('--out <file>', en ? 'also write the results as a workbook (.xlsx): one sheet per level, verdicts coloured' : 'ghi cả kết quả ra sổ tính (.xlsx): mỗi cấp một trang, kết quả tô màu')
    .option('--measurements <file>', en ? 'CSV (indicator,orgUnit,level,period,value[,numerator,denominator]) or JSON file; - for standard input' : 'tệp CSV (indicator,orgUnit,level,period,value[,numerator,denominator]) hoặc JSON; - để đọc từ đầu vào chuẩn')
    .option('--at <when>', atHelp(ctx, { vi: 'ngày cuối của kỳ muộn nhất trong số liệu', en: 'the end of the latest period in the measurements' }))
    .option('--phase <id>', en ? 'evaluate the targets of this phase' : 'đánh giá các chỉ tiêu của giai đoạn này')
    .option('--evaluator <name>', en ? 'compiled (default) or reference (json-rules-engine)' : 'compiled (mặc định) hoặc reference (json-rules-engine)', 'compiled')
    .option('--progress-method <method>', en ? 'also classify progress: cagr (Open SDG) or linear' : 'phân loại cả tiến độ: cagr (Open SDG) hoặc linear')
    .addOption(new Option('--progress <method>', 'deprecated: --progress-method').hideHelp())
    .option('--status <list>', en ? 'only results with these statuses: met, not-met, no-data, not-applicable (comma-separated)' : 'chỉ các kết quả có trạng thái này: met, not-met, no-data, not-applicable (phân cách bằng dấu phẩy)', list)
    .option('--indicator <list>', en ? 'only these indicators (ids, comma-separated)' : 'chỉ các chỉ tiêu này (id, phân cách bằng dấu phẩy)', list)
    .option('--org-unit <list>', en ? 'only these org units (ids, comma-separated)' : 'chỉ các đơn vị này (id, phân cách bằng dấu phẩy)', list)
    .option('--level <list>', en ? 'only targets of these levels: province, district, commune' : 'chỉ chỉ tiêu của các cấp này: province, district, commune', list)
    .option('--fail-on <status>', en ? 'exit 1 when any (shown) headline verdict has this status: not-met or no-data' : 'thoát với mã 1 khi có kết luận (được hiển thị) mang trạng thái này: not-met hoặc no-data', list)
    .option('--max-results <n>', en ? 'the work budget: most target × org unit results to judge (default 1000000)' : 'ngân sách công việc: số kết quả chỉ tiêu × đơn vị tối đa được xét (mặc định 1000000)')
    .option('--explain', en ? 'print why each verdict came out as it did' : 'in lý do của từng kết quả')
    .option('--json', jsonHelp(ctx))
    .action(
      async (opts: {
        plan?: string;
        measurements?: string;
        at?: string;
        phase?: string;
        evaluator: string;
        progressMethod?: string;
        progress?: string;
        status?: string[];
        indicator?: string[];
        orgUnit?: string[];
        level?: string[];
        failOn?: string[];
        explain?: boolean;
        maxResults?: string;
        json?: boolean;
        database?: string;
        out?: string;
      }) => {
        const ref = planRef(ctx, opts.plan, undefined);
        const measurements = opts.measurements;
        if (measurements !== undefined && opts.database !== undefined) {
          throw usageError(MSG.usageOneMeasurementSource, {});
        }
        if (opts.out !== undefined && !/\.xlsx$/iu.test(opts.out)) throw usageError(MSG.usageOutXlsx, { out: opts.out });
        // No --measurements: the store named by --database, or egov-plan.sqlite when the working directory has one.
        const { existsSync } = await import('node:fs');
        const { resolve } = await import('node:path');
        const database = measurements === undefined ? (opts.database ?? (existsSync(resolve(ctx.io.cwd, DEFAULT_DATABASE)) ? DEFAULT_DATABASE : undefined)) : undefined;
        if (measurements === undefined && database === undefined) throw usageError(MSG.usageMissingMeasurements, { database: DEFAULT_DATABASE });
        stdinOnce([['--plan', ref], ['--measurements', measurements ?? '']]);
        if (opts.evaluator !== 'compiled' && opts.evaluator !== 'reference') {
          throw usageError(MSG.usageEvaluator, { value: opts.evaluator });
        }
        if (opts.progress !== undefined) {
          err(ctx, en ? 'Warning: --progress of evaluate is deprecated; use --progress-method (tasks --progress is a file).' : 'Cảnh báo: --progress của evaluate đã lỗi thời; dùng --progress-method (tasks --progress là một tệp).');
        }
        const method = opts.progressMethod ?? opts.progress;
        if (method !== undefined && method !== 'cagr' && method !== 'linear') {
          throw usageError(MSG.usageProgressMethod, { value: method });
        }
        for (const [name, values, allowed] of [
          ['--status', opts.status, STATUSES],
          ['--level', opts.level, LEVELS],
          ['--fail-on', opts.failOn, ['not-met', 'no-data']],
        ] as const) {
          const bad = values?.find((v) => !(allowed as readonly string[]).includes(v));
          if (bad !== undefined) throw usageError(MSG.usageNotOneOf, { option: name, value: bad, allowed: allowed.join(', ') });
        }
        const maxResults = opts.maxResults === undefined ? undefined : Number(opts.maxResults);
        if (maxResults !== undefined && !(/^[1-9]\d{0,15}$/u.test(opts.maxResults ?? '') && Number.isSafeInteger(maxResults))) {
          throw usageError(MSG.usageMaxResults, { value: String(opts.maxResults) });
        }
        const at = opts.at === undefined ? undefined : (await atOption(ctx, opts.at)).localDate;
        const plan = await loadPlanRef(ctx, ref, maxResults);
        const indicators = new Set(plan.indicators.map((i) => i.id));
        const unknownIndicator = opts.indicator?.find((v) => !indicators.has(v));
        if (unknownIndicator !== undefined) {
          throw usageError(MSG.usageUnknownIndicator, { plan: plan.id, indicator: unknownIndicator });
        }
        const [{ evaluate, evaluateFromStore, progress }, { evaluateWithReference }] = await Promise.all([import('@egov-plan/rules'), import('@egov-plan/rules/reference')]);
        const options = { ...(at ? { at } : {}), ...(opts.phase ? { phase: opts.phase } : {}), ...(maxResults === undefined ? {} : { maxResults }) };
        let set: MeasurementSet;
        let ev: Evaluation;
        if (database !== undefined) {
          if (opts.evaluator !== 'compiled' || method !== undefined) {
            throw usageError(MSG.usageDatabaseCompiled, {});
          }
          const { withDatabase } = await import('../database.js');
          ev = await withDatabase(ctx, database, 'read', (db) => evaluateFromStore(plan, db.store, options));
          set = { observations: [], issues: [], rows: ev.rows };
        } else {
          set = await readMeasurementsFile(ctx, plan, measurements as string, ref);
          ev = opts.evaluator === 'reference' ? await evaluateWithReference(plan, set, options) : evaluate(plan, set, options);
        }
        const report: ProgressReport | undefined = method ? progress(plan, set, { ...options, at: ev.at, method: method as ProgressMethod }) : undefined;
        const filter: ResultFilter = {
          ...(opts.status ? { status: opts.status as TargetStatus[] } : {}),
          ...(opts.indicator ? { indicator: opts.indicator } : {}),
          ...(opts.orgUnit ? { orgUnit: opts.orgUnit } : {}),
          ...(opts.level ? { level: opts.level } : {}),
        };
        const filtered = Object.keys(filter).length > 0;
        const results = filtered ? ev.results.filter((r) => matches(r, filter)) : ev.results;
        if (opts.out !== undefined) {
          const { evaluationWorkbook } = await import('@egov-plan/tabular');
          await writeOutputFile(ctx, opts.out, await evaluationWorkbook(plan, { ...ev, results }));
          if (!opts.json) err(ctx, en ? `Results written to ${opts.out}.` : `Đã ghi kết quả vào ${opts.out}.`);
        }
        // The rows' issues and the evaluation's own warnings (rows ending after --at).
        const issues = ev.issues;
        // Rows left out: those with an error (a warning, such as an org unit the plan does not list, keeps its row).
        const errors = issues.filter((i) => i.severity !== 'warning');
        const badRows = new Set(errors.map((i) => i.pointer.split('/').slice(0, 2).join('/'))).size;
        if (opts.json) {
          printJson(ctx, {
            ok: errors.length === 0,
            plan: ev.plan,
            at: ev.at,
            phases: ev.phases,
            evaluator: ev.evaluator,
            rows: ev.rows,
            badRows,
            issues,
            summary: ev.summary,
            byIndicator: Object.fromEntries(summaryByIndicator(results)),
            byIndicatorPerUnit: Object.fromEntries(summaryByIndicator(results, false)),
            ...(filtered ? { filter, shown: results.length } : {}),
            results,
            ...(report ? { progress: report } : {}),
          });
        } else {
          await printEvaluation(ctx, plan, ev, results);
          if (opts.explain) {
            out(ctx);
            for (const r of results) out(ctx, `${r.target} / ${r.orgUnit}: ${t(ctx, r.explanation)}`);
          }
          if (report) {
            out(ctx);
            out(ctx, en ? `Progress (method: ${report.method}; thresholds R ≥ 0.95 on track, ≥ 0.6 at risk):` : `Tiến độ (phương pháp: ${report.method}; ngưỡng R ≥ 0,95 đúng hướng, ≥ 0,6 có nguy cơ):`);
            for (const p of report.results) out(ctx, `${p.target} / ${p.orgUnit}: ${p.status} — ${t(ctx, p.explanation)}`);
          }
        }
        if (issues.length) {
          printIssues(ctx, issues);
          if (errors.length) ctx.exitCode = EXIT.failure;
        }
        // Only verdicts fail a run: a district below the bar of a whole-province target that the
        // province as a whole meets is reported, not failed on.
        const verdictsShown = results.filter((r) => r.headline);
        const failing = opts.failOn?.filter((s) => verdictsShown.some((r) => r.status === s));
        if (failing && failing.length > 0) {
          err(ctx, `--fail-on: ${failing.map((s) => `${verdictsShown.filter((r) => r.status === s).length} ${t(ctx, STATUS_TEXT[s as TargetStatus])}`).join(', ')}.`);
          ctx.exitCode = EXIT.failure;
        }
      },
    );
}
