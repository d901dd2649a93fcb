import type { BilingualText } from '@egov-plan/core';
import { formatNumber, formatValue } from '@egov-plan/rules';
import { escapeMarkdown as m } from './escape.js';
import { isReport, resultRowCells, rollUpNote, showGap, showValue, targetPhrase, type ReportOptions } from './html.js';
import { buildQuarterlyReport, TASK_STATUSES, type QuarterlyReport, type QuarterlyReportInput } from './model.js';
import { LEVEL_TEXT, PROGRESS_STATUS_TEXT, REPORT_STATUS_TEXT, TARGET_STATUS_TEXT, TASK_STATUS_TEXT, WORDS } from './text.js';

/** Renders the quarterly report as Markdown (GitHub-flavoured tables), the same content as the HTML page without charts. */
export function renderReportMarkdown(input: QuarterlyReportInput | QuarterlyReport, options: ReportOptions = {}): string {
  const r = isReport(input) ? input : buildQuarterlyReport(input);
  const lang = options.lang ?? 'vi';
  const t = (text: BilingualText) => m(text[lang]);
  const out: string[] = [];
  // A table and the blank line after it, row by row (a report may have very many rows).
  const table = (head: string[], rows: string[][]) => {
    out.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const row of rows) out.push(`| ${row.join(' | ')} |`);
    out.push('');
  };
  out.push(`# ${m(`${WORDS.reportTitle[lang]}${r.period ? ` ${r.period.id}` : ''} — ${r.plan.number}`)}`, '', t(r.plan.title), '');
  if (options.notice) out.push(`> **${t(options.notice)}**`, '');
  out.push(`${r.period ? `${t(WORDS.period)}: **${m(r.period.id)}** (${m(r.period.start)} … ${m(r.period.end)}) · ` : ''}${t(WORDS.evaluatedAt)}: ${m(r.at)} · ${t(WORDS.phases)}: ${r.phases.map(t).join(', ') || '—'}`, '');

  out.push(`## ${t(WORDS.summary)}`, '');
  if (r.empty) out.push(`> ${t(WORDS.noDataLong)}`, '');
  out.push(`- ${t(TARGET_STATUS_TEXT['not-met'])}: ${r.summary['not-met']}`, `- ${t(TARGET_STATUS_TEXT.met)}: ${r.summary.met}`, `- ${t(TARGET_STATUS_TEXT['no-data'])}: ${r.summary['no-data']}`, '');
  out.push(`### ${t(WORDS.belowTarget)}`, '');
  if (r.below.length === 0) out.push(t(r.empty ? WORDS.noData : WORDS.noneBelow), '');
  else {
    table(
        [t(WORDS.orgUnit), t(WORDS.indicator), t(WORDS.value), t(WORDS.target), t(WORDS.gap)],
        r.below.map((b) => [t(b.name), t(b.indicator.statement), m(showValue(b.value, b.indicator.unit, lang, b.gap)), m(targetPhrase(b, b.indicator.unit, lang)), m(showGap(b.gap, lang))]),
      );
  }

  out.push(`## ${t(WORDS.indicators)}`, '');
  if (r.indicators.length === 0) out.push(t(WORDS.noData), '');
  for (const ind of r.indicators.filter((i) => i.hasData)) {
    out.push(`### ${t(ind.indicator.statement)}`, '');
    for (const tg of ind.targets) {
      out.push(`#### ${t(WORDS.target)} ${m(targetPhrase(tg, ind.indicator.unit, lang))} · ${t(LEVEL_TEXT[tg.target.level ?? 'all'])} · ${m(tg.target.phase)}`, '');
      table(
          [t(WORDS.orgUnit), t(WORDS.level), t(WORDS.period), t(WORDS.value), t(WORDS.gap), t(WORDS.status)],
          tg.rows.map((row) => {
            const cells = resultRowCells(tg, row, lang);
            return [
              m(cells.name),
              m(cells.level),
              m(row.period ?? '—'),
              m(showValue(row.value, ind.indicator.unit, lang, row.gap)),
              m(showGap(row.gap, lang)),
              row.status === 'not-met' ? `**${t(TARGET_STATUS_TEXT[row.status])}**` : t(TARGET_STATUS_TEXT[row.status]),
            ];
          }),
        );
      if (tg.contributors.length) {
        table(
            [`${t(WORDS.orgUnit)} (${t(LEVEL_TEXT[tg.target.level ?? 'all'])})`, t(WORDS.period), t(WORDS.value), t(WORDS.gap)],
            tg.contributors.map((row) => [t(row.name), m(row.period ?? '—'), row.status === 'not-met' ? `**${m(showValue(row.value, ind.indicator.unit, lang, row.gap))}**` : m(showValue(row.value, ind.indicator.unit, lang, row.gap)), m(showGap(row.gap, lang))]),
          );
      }
      const note = rollUpNote(tg, ind.indicator.unit, lang).trim();
      if (note) out.push(m(note), '');
    }
  }

  const waiting = r.indicators.filter((i) => !i.hasData);
  if (waiting.length) {
    out.push(`### ${t(WORDS.noData)} (${waiting.length})`, '');
    table(
        [t(WORDS.indicator), t(WORDS.target)],
        waiting.map((ind) => [t(ind.indicator.statement), m(ind.targets.map((tg) => `${targetPhrase(tg, ind.indicator.unit, lang)} (${LEVEL_TEXT[tg.target.level ?? 'all'][lang]}, ${tg.target.phase})`).join('; '))]),
      );
  }

  out.push(`## ${t(WORDS.progress)}`, '');
  const judged = (r.progress ?? []).filter((p) => p.result.status !== 'not-available');
  if (judged.length === 0) out.push(t(WORDS.progressNone), '');
  else {
    table(
        [t(WORDS.orgUnit), t(WORDS.target), t(WORDS.status), t(WORDS.value)],
        judged.map((p) => [
          t(p.name),
          m(p.indicator?.statement[lang] ?? p.result.indicator),
          t(PROGRESS_STATUS_TEXT[p.result.status]),
          m(p.series.map((s) => `${s.period}: ${formatValue(s.value, p.indicator?.unit ?? 'count', lang)}`).join(', ')),
        ]),
      );
  }

  out.push(`## ${t(WORDS.tasks)}`, '');
  if (!r.tasks) out.push(t(WORDS.tasksUnknown), '');
  else if (r.tasks.total === 0) out.push(t(WORDS.tasksNone), '');
  else {
    const tasks = r.tasks;
    out.push(TASK_STATUSES.map((s) => `${t(TASK_STATUS_TEXT[s])}: ${tasks.counts[s]}`).join(' · '), '');
    table(
        [t(WORDS.leadAgency), ...TASK_STATUSES.map((s) => t(TASK_STATUS_TEXT[s])), t(WORDS.total)],
        tasks.byAgency.map((a) => [t(a.name), ...TASK_STATUSES.map((s) => String(a.counts[s])), String(a.total)]),
      );
    if (tasks.overdue.length) {
      out.push(`### ${t(WORDS.overdueTasks)} (${tasks.overdue.length})`, '');
      for (const task of tasks.overdue) out.push(`- **${m(`${task.group}.${task.label}`)}** ${t(task.title)} — ${task.lead.map((l) => t(l.name)).join(', ')}; ${t(WORDS.due)} ${m(task.due ?? '—')}`);
      out.push('');
    }
  }

  out.push(`## ${t(WORDS.deadlines)}`, '');
  if (!r.deadlines) out.push(t(WORDS.calendarUnknown), '');
  else {
    if (!r.submissionsKnown) out.push(`> ${t(WORDS.submissionsUnknown)}`, '');
    if (r.deadlines.length === 0) out.push(t(WORDS.deadlinesNone), '');
    else {
      table(
          [t(WORDS.obligation), t(WORDS.period), t(WORDS.due), t(WORDS.reporters), t(WORDS.late)],
          r.deadlines.map((d) => {
            const dl = d.deadline;
            const late =
              d.reporterStatus === null
                ? t(REPORT_STATUS_TEXT[dl.status])
                : d.reporterStatus
                    .filter((s) => s.status === 'overdue' || s.status === 'late')
                    .map((s) => `${t(s.name)} (${t(REPORT_STATUS_TEXT[s.status])})`)
                    .join('; ') || t(WORDS.none);
            return [t(d.subject), m(dl.period ?? '—'), m(dl.due ?? `${dl.window.start} … ${dl.window.end}`), d.reporters.map(t).join(', '), late];
          }),
        );
    }
  }
  if (r.issues.length) {
    out.push(`## ${t(WORDS.issues)} (${r.issues.length})`, '');
    for (const i of r.issues) out.push(`- \`${i.code.replace(/`/gu, '')}\` ${m(i.pointer)} ${t(i.message)}`);
    out.push('');
  }
  return out.join('\n');
}
