import type { BilingualText, Comparator, LeftOutValue } from '@egov-plan/core';
import { formatNumber, formatValue } from '@egov-plan/rules';
import { escapeHtml as h } from './escape.js';
import { buildQuarterlyReport, TASK_STATUSES, type QuarterlyReport, type QuarterlyReportInput, type ReportDeadline, type ReportProgress, type ReportTarget } from './model.js';
import { barChart, seriesChart, type BarTone } from './svg.js';
import { LEVEL_TEXT, PROGRESS_STATUS_TEXT, REPORT_STATUS_TEXT, TARGET_STATUS_TEXT, TASK_STATUS_TEXT, WORDS, type ReportLanguage } from './text.js';

/** Options of {@link renderReportHtml} and {@link renderReportMarkdown}. */
export interface ReportOptions {
  /** Language of the report: Vietnamese (default) or English. */
  lang?: ReportLanguage;
  /**
   * A notice shown first, under the title, in both formats (for example that the figures are
   * synthetic). Default: none.
   */
  notice?: BilingualText;
}

/** The comparator as a symbol: `gte` → `≥`. */
export const COMPARATOR_SYMBOL: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

const CSS = `
:root{color-scheme:light;--ink:#1f1f1f;--muted:#5f6368;--line:#dadce0;--below:#b3261e;--met:#1b7f3b;--warn:#8a5300}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
main{max-width:960px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 4px}h2{font-size:1.25rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:20px 0 4px}h4{font-size:.95rem;margin:12px 0 4px;color:var(--muted)}
p,li,td,th,h1,h2,h3,h4,figcaption{overflow-wrap:anywhere}
.meta{color:var(--muted);margin:0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0;padding:0;list-style:none}
.cards li{flex:1 1 150px;border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.cards b{display:block;font-size:1.6rem;line-height:1.2}
.below b{color:var(--below)}.met b{color:var(--met)}
.notice{border-left:4px solid var(--warn);background:#fff8e1;padding:8px 12px;margin:12px 0}
figure{margin:8px 0 16px}figcaption{font-size:.9rem;color:var(--muted)}
svg.chart{display:block;max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.9rem;table-layout:auto}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f4}td.num{text-align:right;white-space:nowrap}td.nowrap{white-space:nowrap;overflow-wrap:normal}table.below-target td:first-child{min-width:8.5em}td.chart{width:316px;min-width:240px}
.s-not-met,.s-off-track,.s-overdue,.s-late{color:var(--below);font-weight:600}
.s-met,.s-on-track,.s-done,.s-on-time{color:var(--met)}
.s-at-risk,.s-due-soon{color:var(--warn);font-weight:600}
.indicator{break-inside:avoid-page}
footer{margin-top:32px;color:var(--muted);font-size:.85rem}
@page{size:A4;margin:16mm 14mm}
@media print{body{font-size:10.5pt}main{max-width:none;padding:0}h2{break-after:avoid-page}figure,tr,.cards li{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

/** Renders the quarterly report as one self-contained HTML page (inline CSS and SVG, no script, no external asset). */
export function renderReportHtml(input: QuarterlyReportInput | QuarterlyReport, options: ReportOptions = {}): string {
  const report = isReport(input) ? input : buildQuarterlyReport(input);
  return new HtmlWriter(report, options.lang ?? 'vi', options.notice).page();
}

/** True when the value is an already-built {@link QuarterlyReport}. */
export function isReport(value: QuarterlyReportInput | QuarterlyReport): value is QuarterlyReport {
  return Array.isArray((value as QuarterlyReport).indicators) && 'submissionsKnown' in value;
}

/**
 * Decimals a report shows for a value and its gap: one, or as many as it takes (up to four, the
 * precision of explanations) for a non-zero gap not to read as zero — so a 19.96% against ≥ 20%
 * shows as 19.96%, never as a "20%" that missed its target.
 */
export function reportDecimals(gap: number | null | undefined): number {
  if (gap === null || gap === undefined || gap === 0 || !Number.isFinite(gap)) return 1;
  for (let d = 1; d < 4; d++) if (Math.round(Math.abs(gap) * 10 ** d) > 0) return d;
  return 4;
}

/** A number as a report shows it: rounded to `decimals` (see {@link reportDecimals}), with a decimal comma in Vietnamese. */
export function reportNumber(n: number, lang: ReportLanguage, decimals = 1): string {
  if (Math.abs(n) >= 1e15) return formatNumber(n, lang);
  const f = 10 ** decimals;
  return formatNumber(Math.round(n * f) / f + 0, lang);
}

/**
 * Formats a value with the unit of its indicator, or "—": numbers rounded for reading at a glance
 * (one decimal, more only when its `gap` needs them, {@link reportDecimals}); explanations keep
 * four.
 */
export function showValue(v: number | boolean | null, unit: string, lang: ReportLanguage, gap: number | null = null): string {
  if (v === null) return '—';
  return typeof v === 'number' ? `${reportNumber(v, lang, reportDecimals(gap))}${unit === 'percent' ? '%' : ''}` : formatValue(v, unit, lang);
}

/** A gap as the report shows it, or "—" (see {@link reportDecimals}). */
export function showGap(gap: number | null, lang: ReportLanguage): string {
  return gap === null ? '—' : reportNumber(gap, lang, reportDecimals(gap));
}

const LEFT_OUT_REASON: Record<LeftOutValue['reason'], BilingualText> = {
  'no-counts': { vi: 'không có tử số/mẫu số', en: 'no numerator/denominator' },
  'other-period': { vi: 'số đếm của kỳ khác', en: 'counts for another period' },
  'not-summable': { vi: 'không cộng được', en: 'not summable' },
  'not-in-force': { vi: 'đơn vị không có hiệu lực vào ngày đánh giá', en: 'unit not in force on the evaluation date' },
};

/**
 * What a whole-province figure left out and how many of the level's units reported, as a
 * sentence that starts with a space (empty when the figure was not computed from the units).
 */
export function rollUpNote(t: Pick<ReportTarget, 'rollUp'>, unit: string, lang: ReportLanguage): string {
  const r = t.rollUp;
  if (!r) return '';
  const parts: string[] = [];
  if (r.leftOut.length) {
    const list = r.leftOut.map((x) => `${x.name[lang]} ${showValue(x.value, unit, lang)} (${x.period}, ${LEFT_OUT_REASON[x.reason][lang]})`).join('; ');
    parts.push(lang === 'vi' ? `Không được cộng: ${list}.` : `Left out of the sum: ${list}.`);
  }
  const c = r.coverage;
  if (c && c.known > 0) {
    const missing = c.missing.map((m) => m.name[lang]).join(', ');
    parts.push(
      lang === 'vi'
        ? `${c.reported}/${c.known} đơn vị ${LEVEL_TEXT[c.level].vi} đã báo cáo${missing ? `; chưa báo cáo: ${missing}` : ''}.`
        : `${c.reported} of ${c.known} ${LEVEL_TEXT[c.level].en} units reported${missing ? `; not reported: ${missing}` : ''}.`,
    );
  }
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/** A whole-province target of one level: judged on the level's total, not on the province's own figure. */
export function isLevelTotal(t: Pick<ReportTarget, 'target'>): boolean {
  return t.target.scope === 'whole-province' && t.target.level !== null;
}

/**
 * The unit and level cells of a result row: a level's total says so ("Tỉnh Kon Tum (tổng cấp
 * huyện)", level "cấp huyện"), not the province's own level.
 */
export function resultRowCells(t: Pick<ReportTarget, 'target'>, row: Pick<ReportTarget['rows'][number], 'name' | 'level'>, lang: ReportLanguage): { name: string; level: string } {
  if (isLevelTotal(t)) {
    const level = LEVEL_TEXT[t.target.level ?? 'all'][lang];
    return { name: `${row.name[lang]} (${WORDS.total[lang].toLowerCase()} ${level})`, level };
  }
  return { name: row.name[lang], level: row.level ? LEVEL_TEXT[row.level][lang] : '—' };
}

/** The target as a phrase: "≥ 20%". */
export function targetPhrase(t: Pick<ReportTarget, 'comparator' | 'targetValue'>, unit: string, lang: ReportLanguage): string {
  return `${COMPARATOR_SYMBOL[t.comparator]} ${formatValue(t.targetValue, unit, lang)}`;
}

class HtmlWriter {
  private chartNumber = 0;
  constructor(
    private readonly r: QuarterlyReport,
    private readonly lang: ReportLanguage,
    private readonly notice: BilingualText | undefined = undefined,
  ) {}

  private t(text: BilingualText): string {
    return h(text[this.lang]);
  }

  private chartId(): string {
    return `chart-${++this.chartNumber}`;
  }

  page(): string {
    const r = this.r;
    const title = `${WORDS.reportTitle[this.lang]}${r.period ? ` ${r.period.id}` : ''} — ${r.plan.number}`;
    return [
      '<!DOCTYPE html>',
      `<html lang="${this.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
      `<meta name="generator" content="@egov-plan/report"><title>${h(title)}</title><style>${CSS}</style></head><body><main>`,
      this.header(title),
      this.summary(),
      this.indicators(),
      this.progress(),
      this.tasks(),
      this.deadlines(),
      this.issues(),
      `<footer>${this.t({ vi: 'Lập bằng @egov-plan/report từ dữ liệu kế hoạch', en: 'Made with @egov-plan/report from the plan data of' })} ${h(r.plan.number)} (${h(r.plan.id)}).</footer>`,
      '</main></body></html>',
    ].join('\n');
  }

  private header(title: string): string {
    const r = this.r;
    const period = r.period ? `${this.t(WORDS.period)}: <b>${h(r.period.id)}</b> (${h(r.period.start)} … ${h(r.period.end)}) · ` : '';
    return (
      `<header><h1>${h(title)}</h1>${this.notice ? `<p class="notice" role="note" data-notice><strong>${this.t(this.notice)}</strong></p>` : ''}<p class="meta">${this.t(r.plan.title)}</p><p class="meta">${this.t(r.plan.issuer)}</p>` +
      `<p class="meta">${period}${this.t(WORDS.evaluatedAt)}: ${h(r.at)} · ${this.t(WORDS.phases)}: ${r.phases.map((p) => this.t(p)).join(', ') || '—'}</p></header>`
    );
  }

  private summary(): string {
    const r = this.r;
    const s = r.summary;
    const parts = [`<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">${this.t(WORDS.summary)}</h2>`];
    if (r.empty) parts.push(`<p class="notice" data-empty>${this.t(WORDS.noDataLong)}</p>`);
    parts.push(
      `<ul class="cards"><li class="below"><b>${s['not-met']}</b>${this.t(TARGET_STATUS_TEXT['not-met'])}</li><li class="met"><b>${s.met}</b>${this.t(TARGET_STATUS_TEXT.met)}</li>` +
        `<li><b>${s['no-data']}</b>${this.t(TARGET_STATUS_TEXT['no-data'])}</li></ul>`,
    );
    parts.push(`<h3>${this.t(WORDS.belowTarget)}</h3>`);
    if (r.below.length === 0) parts.push(`<p>${this.t(r.empty ? WORDS.noData : WORDS.noneBelow)}</p>`);
    else {
      parts.push(`<table class="below-target"><thead><tr><th>${this.t(WORDS.orgUnit)}</th><th>${this.t(WORDS.indicator)}</th><th>${this.t(WORDS.value)}</th><th>${this.t(WORDS.target)}</th><th>${this.t(WORDS.gap)}</th></tr></thead><tbody>`);
      for (const b of r.below) {
        parts.push(
          `<tr><td>${this.t(b.name)}</td><td>${this.t(b.indicator.statement)}</td><td class="num s-not-met">${h(showValue(b.value, b.indicator.unit, this.lang, b.gap))}</td>` +
            `<td class="num">${h(targetPhrase(b, b.indicator.unit, this.lang))}</td><td class="num">${h(showGap(b.gap, this.lang))}</td></tr>`,
        );
      }
      parts.push('</tbody></table>');
    }
    parts.push('</section>');
    return parts.join('');
  }

  private indicators(): string {
    const parts = [`<section id="indicators" aria-labelledby="indicators-h"><h2 id="indicators-h">${this.t(WORDS.indicators)}</h2>`];
    if (this.r.indicators.length === 0) parts.push(`<p>${this.t(WORDS.noData)}</p>`);
    for (const ind of this.r.indicators.filter((i) => i.hasData)) {
      parts.push(`<article class="indicator" id="indicator-${h(ind.indicator.id)}"><h3>${this.t(ind.indicator.statement)}</h3>`);
      for (const t of ind.targets) parts.push(this.target(ind.indicator.unit, ind.indicator.statement, t));
      parts.push('</article>');
    }
    // Indicators nobody reported on yet: one compact list, so the page shows what was measured.
    const waiting = this.r.indicators.filter((i) => !i.hasData);
    if (waiting.length) {
      parts.push(`<h3 id="no-data">${this.t(WORDS.noData)} (${waiting.length})</h3><table class="no-data"><thead><tr><th>${this.t(WORDS.indicator)}</th><th>${this.t(WORDS.target)}</th></tr></thead><tbody>`);
      for (const ind of waiting) {
        const targets = ind.targets.map((t) => `${targetPhrase(t, ind.indicator.unit, this.lang)} (${LEVEL_TEXT[t.target.level ?? 'all'][this.lang]}, ${t.target.phase})`).join('; ');
        parts.push(`<tr id="indicator-${h(ind.indicator.id)}"><td>${this.t(ind.indicator.statement)}</td><td>${h(targets)}</td></tr>`);
      }
      parts.push('</tbody></table>');
    }
    parts.push('</section>');
    return parts.join('');
  }

  private target(unit: string, statement: BilingualText, t: ReportTarget): string {
    const lang = this.lang;
    const level = LEVEL_TEXT[t.target.level ?? 'all'];
    const phrase = targetPhrase(t, unit, lang);
    const heading = `${this.t(WORDS.target)} ${h(phrase)} · ${this.t(level)} · ${h(t.target.phase)}`;
    const parts = [`<h4>${heading}</h4>`];
    const statusText = (s: ReportTarget['rows'][number]['status']) => TARGET_STATUS_TEXT[s][lang];
    const hasValue = t.rows.some((row) => row.status !== 'no-data');
    const whole = isLevelTotal(t);
    const rowName = (row: ReportTarget['rows'][number]) => resultRowCells(t, row, lang).name;
    if (typeof t.targetValue === 'number' && hasValue) {
      const tone = (s: string): BarTone => (s === 'not-met' ? 'below' : s === 'met' ? 'met' : 'no-data');
      const bars = t.rows.map((row) => ({
        label: rowName(row),
        value: typeof row.value === 'number' ? row.value : null,
        tone: tone(row.status),
        valueText: `${showValue(row.value, unit, lang, row.gap)} · ${statusText(row.status)}`,
      }));
      const belowRows = t.rows.filter((row) => row.status === 'not-met');
      const list = (rows: typeof t.rows) => rows.map((row) => `${row.name[lang]} ${showValue(row.value, unit, lang, row.gap)}`).join('; ');
      const desc =
        lang === 'vi'
          ? `${t.rows.length} đơn vị, chỉ tiêu ${phrase}. ${belowRows.length} đơn vị chưa đạt${belowRows.length ? `: ${list(belowRows)}` : ''}. ${t.counts.met} đạt, ${t.counts['no-data']} không có số liệu.`
          : `${t.rows.length} units, target ${phrase}. ${belowRows.length} below target${belowRows.length ? `: ${list(belowRows)}` : ''}. ${t.counts.met} met, ${t.counts['no-data']} no data.`;
      parts.push(
        `<figure>${barChart({ id: this.chartId(), title: `${statement[lang]} — ${WORDS.target[lang]} ${phrase}, ${level[lang]}`, description: desc, bars, targets: [{ value: t.targetValue, label: `${WORDS.target[lang]} ${phrase}` }], ...(unit === 'percent' ? { max: 100, suffix: '%' } : {}) })}` +
          `<figcaption>${h(desc)}</figcaption></figure>`,
      );
    }
    if (t.contributors.length && typeof t.targetValue === 'number') parts.push(this.contributors(unit, statement, t));
    const rows = t.rows
      .map((row) => {
        const cells = resultRowCells(t, row, lang);
        return (
          `<tr><td>${h(cells.name)}</td><td>${h(cells.level)}</td><td class="nowrap">${h(row.period ?? '—')}</td>` +
          `<td class="num">${h(showValue(row.value, unit, lang, row.gap))}</td><td class="num">${h(showGap(row.gap, lang))}</td><td class="s-${row.status}">${h(statusText(row.status))}</td></tr>`
        );
      })
      .join('');
    const table = `<table><thead><tr><th>${this.t(WORDS.orgUnit)}</th><th>${this.t(WORDS.level)}</th><th>${this.t(WORDS.period)}</th><th>${this.t(WORDS.value)}</th><th>${this.t(WORDS.gap)}</th><th>${this.t(WORDS.status)}</th></tr></thead><tbody>${rows}</tbody></table>`;
    parts.push(table);
    return parts.join('');
  }

  private contributors(unit: string, statement: BilingualText, t: ReportTarget): string {
    const lang = this.lang;
    const phrase = targetPhrase(t, unit, lang);
    const belowRows = t.contributors.filter((row) => row.status === 'not-met');
    const title = t.rollUp?.leftOut.length
      ? lang === 'vi'
        ? `${statement.vi} — các đơn vị ${LEVEL_TEXT[t.target.level ?? 'all'].vi}, từng đơn vị so với mức chỉ tiêu`
        : `${statement.en} — the ${LEVEL_TEXT[t.target.level ?? 'all'].en} units, each against the target line`
      : lang === 'vi'
        ? `${statement.vi} — các đơn vị ${LEVEL_TEXT[t.target.level ?? 'all'].vi} được cộng vào tổng (${t.contributors[0]?.period ?? ''})`
        : `${statement.en} — the ${LEVEL_TEXT[t.target.level ?? 'all'].en} units summed into the total (${t.contributors[0]?.period ?? ''})`;
    const list = belowRows.map((row) => `${row.name[lang]} ${showValue(row.value, unit, lang, row.gap)}`).join('; ');
    const summed = t.rollUp ? t.rollUp.summed : t.contributors.length;
    const desc =
      (lang === 'vi'
        ? `Chỉ tiêu ${phrase} áp dụng cho tổng; ${summed} đơn vị được cộng. ${belowRows.length} đơn vị dưới mức chỉ tiêu${list ? `: ${list}` : ''}.`
        : `The target ${phrase} binds the total; ${summed} units were summed. ${belowRows.length} below the target line${list ? `: ${list}` : ''}.`) + rollUpNote(t, unit, lang);
    const bars = t.contributors.map((row) => ({
      label: row.name[lang],
      value: row.value as number,
      tone: (row.status === 'not-met' ? 'below' : 'met') as BarTone,
      valueText: showValue(row.value, unit, lang, row.gap),
    }));
    return `<figure class="contributors">${barChart({ id: this.chartId(), title, description: desc, bars, targets: [{ value: t.targetValue as number, label: `${WORDS.target[lang]} ${phrase}` }], ...(unit === 'percent' ? { max: 100, suffix: '%' } : {}) })}<figcaption>${h(desc)}</figcaption></figure>`;
  }

  private progress(): string {
    const lang = this.lang;
    const parts = [`<section id="progress" aria-labelledby="progress-h"><h2 id="progress-h">${this.t(WORDS.progress)}</h2>`];
    const list = this.r.progress;
    if (!list || list.length === 0 || list.every((p) => p.result.status === 'not-available')) {
      parts.push(`<p>${this.t(WORDS.progressNone)}</p>`);
      if (!list || list.length === 0) return `${parts.join('')}</section>`;
    }
    const counts = { 'off-track': 0, 'at-risk': 0, 'on-track': 0, 'not-available': 0 };
    for (const p of list) counts[p.result.status]++;
    parts.push(
      `<ul class="cards"><li class="below"><b>${counts['off-track']}</b>${this.t(PROGRESS_STATUS_TEXT['off-track'])}</li><li><b>${counts['at-risk']}</b>${this.t(PROGRESS_STATUS_TEXT['at-risk'])}</li>` +
        `<li class="met"><b>${counts['on-track']}</b>${this.t(PROGRESS_STATUS_TEXT['on-track'])}</li><li><b>${counts['not-available']}</b>${this.t(PROGRESS_STATUS_TEXT['not-available'])}</li></ul>`,
    );
    parts.push(`<table class="progress"><thead><tr><th>${this.t(WORDS.orgUnit)}</th><th>${this.t(WORDS.status)}</th><th>${this.t(WORDS.chart)}</th></tr></thead><tbody>`);
    for (const p of list.filter((x) => x.result.status !== 'not-available')) parts.push(this.progressRow(p));
    parts.push('</tbody></table>');
    // Units with a value but no series yet; those without any value are in the "no data" list.
    const unknown = list.filter((x) => x.result.status === 'not-available' && x.series.length > 0);
    if (unknown.length) {
      parts.push(`<p>${this.t(PROGRESS_STATUS_TEXT['not-available'])}: ${unknown.map((p) => `${h(p.name[lang])} (${h(p.indicator?.statement[lang] ?? p.result.indicator)})`).join('; ')}.</p>`);
    }
    parts.push('</section>');
    return parts.join('');
  }

  private progressRow(p: ReportProgress): string {
    const lang = this.lang;
    const unit = p.indicator?.unit ?? 'count';
    const statement = p.indicator?.statement[lang] ?? p.result.indicator;
    const points = p.series.map((s) => ({ label: s.period, value: s.value }));
    if (p.result.projected !== null) points.push({ label: p.result.deadline, value: p.result.projected, projected: true } as (typeof points)[number]);
    const target = typeof p.result.targetValue === 'number' ? { value: p.result.targetValue, label: `${WORDS.target[lang]} ${formatValue(p.result.targetValue, unit, lang)}` } : null;
    const status = PROGRESS_STATUS_TEXT[p.result.status][lang];
    const chart = points.length
      ? seriesChart({
          id: this.chartId(),
          title: `${statement} — ${p.name[lang]}: ${status}`,
          description: `${p.result.explanation[lang]} ${points.map((x) => `${x.label}: ${showValue(x.value, unit, lang)}`).join('; ')}.`,
          points,
          target,
          width: 300,
          ...(unit === 'percent' ? { max: 100, suffix: '%' } : {}),
        })
      : '—';
    // The explanation starts with the org unit's id, already named in the first cell.
    const explanation = p.result.explanation[lang].replace(`${p.result.orgUnit}: `, '');
    return `<tr><td><b>${h(p.name[lang])}</b><br>${h(statement)}</td><td><span class="s-${p.result.status}">${h(status)}</span><br><small>${h(explanation)}</small></td><td class="chart">${chart}</td></tr>`;
  }

  private tasks(): string {
    const lang = this.lang;
    const parts = [`<section id="tasks" aria-labelledby="tasks-h"><h2 id="tasks-h">${this.t(WORDS.tasks)}</h2>`];
    const tasks = this.r.tasks;
    if (!tasks) return `${parts.join('')}<p>${this.t(WORDS.tasksUnknown)}</p></section>`;
    if (tasks.total === 0) return `${parts.join('')}<p>${this.t(WORDS.tasksNone)}</p></section>`;
    const tone = (s: string): BarTone => (s === 'overdue' ? 'below' : s === 'done' ? 'met' : 'no-data');
    const desc = TASK_STATUSES.map((s) => `${TASK_STATUS_TEXT[s][lang]}: ${tasks.counts[s]}`).join('; ');
    parts.push(
      `<figure>${barChart({
        id: this.chartId(),
        title: `${WORDS.tasks[lang]} (${tasks.total})`,
        description: `${WORDS.total[lang]} ${tasks.total}. ${desc}.`,
        bars: TASK_STATUSES.map((s) => ({ label: TASK_STATUS_TEXT[s][lang], value: tasks.counts[s], tone: tone(s), valueText: String(tasks.counts[s]) })),
        targets: [],
      })}<figcaption>${h(desc)}</figcaption></figure>`,
    );
    const head = TASK_STATUSES.map((s) => `<th>${this.t(TASK_STATUS_TEXT[s])}</th>`).join('');
    parts.push(`<table class="tasks-by-agency"><thead><tr><th>${this.t(WORDS.leadAgency)}</th>${head}<th>${this.t(WORDS.total)}</th></tr></thead><tbody>`);
    for (const a of tasks.byAgency) {
      parts.push(`<tr><td>${this.t(a.name)}</td>${TASK_STATUSES.map((s) => `<td class="num${s === 'overdue' && a.counts.overdue ? ' s-overdue' : ''}">${a.counts[s]}</td>`).join('')}<td class="num">${a.total}</td></tr>`);
    }
    parts.push('</tbody></table>');
    if (tasks.overdue.length) {
      parts.push(`<h3>${this.t(WORDS.overdueTasks)} (${tasks.overdue.length})</h3><ul class="overdue">`);
      for (const t of tasks.overdue) {
        parts.push(`<li><b>${h(t.group)}.${h(t.label)}</b> ${this.t(t.title)} — ${t.lead.map((l) => this.t(l.name)).join(', ')}; ${this.t(WORDS.deadline)} ${h(t.due ?? "—")}</li>`);
      }
      parts.push('</ul>');
    }
    parts.push('</section>');
    return parts.join('');
  }

  private deadlines(): string {
    const parts = [`<section id="deadlines" aria-labelledby="deadlines-h"><h2 id="deadlines-h">${this.t(WORDS.deadlines)}</h2>`];
    const list = this.r.deadlines;
    if (!list) return `${parts.join('')}<p>${this.t(WORDS.calendarUnknown)}</p></section>`;
    if (!this.r.submissionsKnown) parts.push(`<p class="notice" data-submissions-unknown>${this.t(WORDS.submissionsUnknown)}</p>`);
    if (this.r.holidaysComplete === false) parts.push(`<p class="notice">${this.t(WORDS.holidaysIncomplete)}</p>`);
    if (list.length === 0) return `${parts.join('')}<p>${this.t(WORDS.deadlinesNone)}</p></section>`;
    parts.push(`<table class="deadlines"><thead><tr><th>${this.t(WORDS.obligation)}</th><th>${this.t(WORDS.period)}</th><th>${this.t(WORDS.due)}</th><th>${this.t(WORDS.reporters)}</th><th>${this.t(WORDS.late)}</th></tr></thead><tbody>`);
    for (const d of list) parts.push(this.deadlineRow(d));
    parts.push('</tbody></table></section>');
    return parts.join('');
  }

  private deadlineRow(d: ReportDeadline): string {
    const dl = d.deadline;
    const due = dl.due ?? `${dl.window.start} … ${dl.window.end}`;
    let late: string;
    if (d.reporterStatus === null) late = `<span class="s-${dl.status}">${this.t(REPORT_STATUS_TEXT[dl.status])}</span>`;
    else {
      const behind = d.reporterStatus.filter((s) => s.status === 'overdue' || s.status === 'late');
      late =
        (behind.length ? behind.map((s) => `<span class="s-${s.status}">${this.t(s.name)} (${this.t(REPORT_STATUS_TEXT[s.status])})</span>`).join('<br>') : this.t(WORDS.none)) +
        (d.onTimeRate === null ? '' : `<br><small>${this.t(WORDS.onTimeRate)}: ${h(formatNumber(d.onTimeRate, this.lang))}%</small>`) +
        (d.unexpected.length ? `<br><small>${this.t(WORDS.otherSubmitters)}: ${d.unexpected.map(h).join(', ')}</small>` : '');
    }
    return `<tr><td>${this.t(d.subject)}</td><td class="nowrap">${h(dl.period ?? '—')}</td><td class="nowrap">${h(due)}</td><td>${d.reporters.map((r) => this.t(r)).join(', ')}</td><td>${late}</td></tr>`;
  }

  private issues(): string {
    const issues = this.r.issues;
    if (issues.length === 0) return '';
    const items = issues
      .slice(0, 50)
      .map((i) => `<li><code>${h(i.code)}</code> ${h(i.pointer)} ${this.t(i.message)}</li>`)
      .join('');
    const more = issues.length > 50 ? `<p>… ${issues.length - 50} ${this.t({ vi: 'vấn đề nữa', en: 'more issues' })}</p>` : '';
    return `<section id="issues" aria-labelledby="issues-h"><h2 id="issues-h">${this.t(WORDS.issues)} (${issues.length})</h2><ul>${items}</ul>${more}</section>`;
  }
}
