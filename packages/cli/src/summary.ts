import type { AgreeingDeclaration, ChangeableItemKind, Comparator, ItemOverride, ItemWithdrawal, Plan, ProvenanceOrigin, Target } from '@egov-plan/core';
import type { TargetTimeline } from '@egov-plan/rules';
import type { Lang } from './io.js';
import { planArg } from './commands/shared.js';

const comparatorSign: Record<Comparator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

const levelName: Record<Lang, Record<string, string>> = {
  vi: { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã', all: 'mọi cấp' },
  en: { province: 'province', district: 'district', commune: 'commune', all: 'all levels' },
};

const scopeName: Record<Lang, Record<string, string>> = {
  vi: { 'each-agency': 'từng cơ quan, đơn vị', 'each-unit': 'từng đơn vị hành chính', 'whole-province': 'toàn tỉnh' },
  en: { 'each-agency': 'each agency', 'each-unit': 'each unit', 'whole-province': 'whole province' },
};

function targetText(target: Target, lang: Lang): string {
  const level = levelName[lang][target.level ?? 'all'];
  const scope = scopeName[lang][target.scope];
  const what =
    target.kind === 'quantitative'
      ? `${comparatorSign[target.comparator]} ${target.value}${target.unit === 'percent' ? '%' : ''}`
      : lang === 'en'
        ? 'yes'
        : 'đạt';
  return `${what} (${level}; ${scope})`;
}

const itemKindName: Record<Lang, Record<ChangeableItemKind, string>> = {
  vi: {
    reportingObligations: 'nghĩa vụ báo cáo',
    agencies: 'cơ quan',
    administrativeUnits: 'đơn vị hành chính',
    tasks: 'nhiệm vụ (phụ lục)',
    bodyTasks: 'nhiệm vụ (mục II)',
    duties: 'trách nhiệm',
    legalBases: 'căn cứ pháp lý',
    notes: 'ghi chú',
  },
  en: {
    reportingObligations: 'reporting obligation',
    agencies: 'agency',
    administrativeUnits: 'administrative unit',
    tasks: 'task (appendix)',
    bodyTasks: 'task (section II)',
    duties: 'duty',
    legalBases: 'legal basis',
    notes: 'note',
  },
};

/** Fields of an item override whose value is a list of agency ids: shown by name. */
const AGENCY_LIST_FIELDS = new Set(['reporters', 'recipients', 'lead', 'coordinating', 'agencies']);

/** Options of {@link formatPlanSummary}. */
export interface PlanSummaryOptions {
  /** Every target's dated history (`targetTimelines(plan)`): each dated version and withdrawal is listed under its target. */
  timelines?: ReadonlyMap<string, TargetTimeline>;
}

/**
 * A readable summary of a plan: where it comes from (the plans it extends, and for each
 * indicator the plan whose declaration was kept and the bases that agree with it), indicators
 * with their targets by phase and level (and each target's dated versions and withdrawal, given
 * `timelines`), task groups with their lead agencies, the reporting calendar, and every dated
 * change to or withdrawal of another item. `ref` is how the plan was named (a bundled id or a
 * path): the command the summary suggests uses it, so it works as printed.
 */
export function formatPlanSummary(plan: Plan, lang: Lang, ref: string = plan.id, options: PlanSummaryOptions = {}): string {
  const L = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const text = (b: { vi: string; en: string }) => (lang === 'en' ? b.en : b.vi);
  const agencyName = new Map(plan.agencies.map((a) => [a.id, text(a.name)]));
  const unitName = new Map(plan.administrativeUnits.map((u) => [u.code, text(u.name)]));
  const claimed = (o: { claimed?: true }) => (o.claimed ? ` ${L('(tệp tự nêu, chưa kiểm chứng)', '(as the file claims, unchecked)')}` : '');
  const where = (o: ProvenanceOrigin | undefined) => (o === undefined ? '' : `; ${L('khai báo tại', 'declared in')} ${o.file} ${o.pointer}${claimed(o)}`);
  const from = (d: string | null) => (d === null ? L('từ đầu', 'from the start') : `${L('từ', 'from')} ${d}`);
  const agreeingText = (list: readonly AgreeingDeclaration[] | undefined) =>
    list?.length ? `; ${L('cũng có trong', 'also in')} ${list.map((a) => `${a.number}${a.section === null ? '' : ` ${a.section}`}${claimed(a)}`).join(', ')}` : '';
  const lines: string[] = [];
  lines.push(`${plan.number} — ${text(plan.title)}`);
  lines.push(`${L('Cơ quan ban hành', 'Issued by')}: ${text(plan.issuer.name)}, ${plan.date}`);
  lines.push(`${L('Căn cứ', 'Legal bases')}: ${plan.legalBases.map((b) => b.number).join(', ') || '—'}`);
  const bases = (plan.resolvedFrom ?? []).filter((r) => r.plan !== plan.id || r.number !== plan.number);
  if (bases.length > 0) lines.push(`${L('Kế thừa từ', 'Extends')}: ${bases.map((r) => `${r.number} (${r.file})${claimed(r)}`).join(', ')}`);
  lines.push('');
  const indicatorOrigin = new Map((plan.indicatorOrigins ?? []).map((o) => [o.indicator, o]));
  const timelines = options.timelines;
  for (const phase of plan.phases) {
    lines.push(`== ${L('Chỉ tiêu', 'Targets')} ${text(phase.name)} (${phase.start} … ${phase.end}) ==`);
    for (const ind of plan.indicators) {
      const targets = ind.targets.filter((t) => t.phase === phase.id);
      if (targets.length === 0) continue;
      lines.push(`- ${text(ind.statement)}`);
      const sections = [...new Set(targets.map((t) => t.source.section))].join(', ');
      // The plan whose declaration of the indicator was kept, when it is not this plan, and the bases that agree.
      const io = indicatorOrigin.get(ind.id);
      const origin = io === undefined || (io.plan === plan.id && !io.agreeing?.length) ? '' : `; ${io.number}${claimed(io)}${agreeingText(io.agreeing)}`;
      lines.push(`    ${targets.map((t) => targetText(t, lang)).join('; ')}   [${sections}${origin}]`);
      for (const t of targets) {
        const tl = timelines?.get(t.id);
        if (tl === undefined) continue;
        for (const v of tl.versions) {
          const step = v.provenance[v.provenance.length - 1];
          if (step === undefined || step.action !== 'overridden') continue;
          lines.push(`      ↳ ${t.id} ${from(v.effectiveFrom)}: ${targetText(v.target, lang)}   [${step.source.section}${where(step)}]`);
        }
        const w = tl.withdrawal;
        if (w) lines.push(`      ↳ ${t.id} ${L('bãi bỏ', 'withdrawn')} ${from(w.effectiveFrom)}   [${w.source.section}${where(w)}]`);
      }
    }
    lines.push('');
  }
  if (plan.tasks.length > 0) {
    lines.push(`== ${L('Nhiệm vụ theo nhóm (Phụ lục)', 'Tasks by group (appendix)')} ==`);
    const groups = [...new Set(plan.tasks.map((t) => t.group))];
    for (const g of groups) {
      const tasks = plan.tasks.filter((t) => t.group === g);
      const leads = new Map<string, number>();
      for (const t of tasks) for (const a of t.lead) leads.set(a, (leads.get(a) ?? 0) + 1);
      const leadList = [...leads].map(([id, n]) => `${agencyName.get(id) ?? id} (${n})`).join(', ');
      lines.push(`${g}. ${tasks.length} ${L('nhiệm vụ', 'tasks')} — ${L('chủ trì', 'lead')}: ${leadList}`);
    }
    lines.push('');
  }
  if (plan.reportingObligations.length > 0) {
    lines.push(`== ${L('Lịch báo cáo', 'Reporting calendar')} ==`);
    for (const o of plan.reportingObligations) {
      const who = o.reporters.map((a) => agencyName.get(a) ?? a).join(', ');
      const to = o.recipients.map((a) => agencyName.get(a) ?? a).join(', ');
      const io = plan.itemOrigins?.find((x) => x.kind === 'reportingObligations' && x.id === o.id);
      const origin = io === undefined || (io.plan === plan.id && !io.agreeing?.length) ? '' : `   [${io.number}${claimed(io)}${agreeingText(io.agreeing)}]`;
      lines.push(`- ${who} → ${to}: "${o.deadlineAsWritten}"${origin}`);
      if (o.cutOffAsWritten) lines.push(`    ${L('Chốt số liệu', 'Data cut-off')}: ${o.cutOffAsWritten}`);
      // A dated change of the deadline's wording is shown where the deadline is read.
      for (const c of plan.itemOverrides ?? []) {
        const set = c.set as { deadlineAsWritten?: string };
        if (c.kind === 'reportingObligations' && c.id === o.id && c.effectiveFrom !== null && set.deadlineAsWritten !== undefined) lines.push(`      ↳ ${from(c.effectiveFrom)}: "${set.deadlineAsWritten}"`);
      }
    }
    lines.push('');
  }
  const nameOf = (kind: ChangeableItemKind, id: string) => {
    const n = kind === 'agencies' ? agencyName.get(id) : kind === 'administrativeUnits' ? unitName.get(id) : undefined;
    return n === undefined ? id : `${id} (${n})`;
  };
  const valueText = (field: string, v: unknown): string => {
    if (AGENCY_LIST_FIELDS.has(field) && Array.isArray(v)) return v.map((a) => agencyName.get(String(a)) ?? String(a)).join(', ');
    if (v === null) return '—';
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v === 'object' && 'vi' in v && 'en' in v) return JSON.stringify(text(v as { vi: string; en: string }));
    return '';
  };
  const overrides: readonly ItemOverride[] = plan.itemOverrides ?? [];
  if (overrides.length > 0) {
    lines.push(`== ${L('Thay đổi các mục khác (ngoài chỉ tiêu)', 'Changes to other items (not targets)')} ==`);
    for (const o of overrides) {
      const set = Object.entries(o.set as Record<string, unknown>).filter(([, v]) => v !== undefined);
      lines.push(`- ${itemKindName[lang][o.kind]} ${nameOf(o.kind, o.id)}, ${from(o.effectiveFrom)}   [${o.source.section}${where(o.origin)}]`);
      const structured: string[] = [];
      for (const [field, v] of set) {
        const shown = valueText(field, v);
        if (shown === '') structured.push(field);
        else lines.push(`    ${field}: ${shown}`);
      }
      // Structured fields (a deadline rule, a source) are named; their values are in --json.
      if (structured.length > 0) lines.push(`    ${L('đổi cả', 'also changes')}: ${structured.join(', ')} (--json)`);
      if (o.reason) lines.push(`    ${L('Lý do', 'Reason')}: ${text(o.reason)}`);
    }
    lines.push('');
  }
  const withdrawals: readonly ItemWithdrawal[] = plan.itemWithdrawals ?? [];
  if (withdrawals.length > 0) {
    lines.push(`== ${L('Mục bãi bỏ (ngoài chỉ tiêu)', 'Withdrawn items (not targets)')} ==`);
    for (const w of withdrawals) {
      const when = w.effectiveFrom === null ? L('không áp dụng (bãi bỏ từ đầu)', 'never applies (withdrawn from the start)') : `${L('bãi bỏ từ', 'withdrawn from')} ${w.effectiveFrom}`;
      lines.push(`- ${itemKindName[lang][w.kind]} ${nameOf(w.kind, w.id)}: ${when}   [${w.source.section}${where(w.origin)}]`);
      if (w.reason) lines.push(`    ${L('Lý do', 'Reason')}: ${text(w.reason)}`);
    }
    lines.push('');
  }
  if (plan.notes.length > 0) lines.push(`${L('Ghi chú về văn bản nguồn', 'Notes on the source')}: ${plan.notes.length} (egov-plan show --plan ${planArg({ lang }, ref)} --json)`);
  return lines.join('\n');
}
