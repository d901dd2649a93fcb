import type { Comparator, Plan, Target } from '@egov-plan/core';
import type { Lang } from './io.js';

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

/**
 * A readable summary of a plan: indicators with their targets by phase and level, task groups
 * with their lead agencies, and the reporting calendar. `ref` is how the plan was named (a
 * bundled id or a path): the command the summary suggests uses it, so it works as printed.
 */
export function formatPlanSummary(plan: Plan, lang: Lang, ref: string = plan.id): string {
  const L = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const text = (b: { vi: string; en: string }) => (lang === 'en' ? b.en : b.vi);
  const agencyName = new Map(plan.agencies.map((a) => [a.id, text(a.name)]));
  const lines: string[] = [];
  lines.push(`${plan.number} — ${text(plan.title)}`);
  lines.push(`${L('Cơ quan ban hành', 'Issued by')}: ${text(plan.issuer.name)}, ${plan.date}`);
  lines.push(`${L('Căn cứ', 'Legal bases')}: ${plan.legalBases.map((b) => b.number).join(', ') || '—'}`);
  lines.push('');
  for (const phase of plan.phases) {
    lines.push(`== ${L('Chỉ tiêu', 'Targets')} ${text(phase.name)} (${phase.start} … ${phase.end}) ==`);
    for (const ind of plan.indicators) {
      const targets = ind.targets.filter((t) => t.phase === phase.id);
      if (targets.length === 0) continue;
      lines.push(`- ${text(ind.statement)}`);
      const sections = [...new Set(targets.map((t) => t.source.section))].join(', ');
      lines.push(`    ${targets.map((t) => targetText(t, lang)).join('; ')}   [${sections}]`);
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
      lines.push(`- ${who} → ${to}: "${o.deadlineAsWritten}"`);
      if (o.cutOffAsWritten) lines.push(`    ${L('Chốt số liệu', 'Data cut-off')}: ${o.cutOffAsWritten}`);
    }
    lines.push('');
  }
  if (plan.notes.length > 0) lines.push(`${L('Ghi chú về văn bản nguồn', 'Notes on the source')}: ${plan.notes.length} (egov-plan show --plan ${/^[\w./-]+$/u.test(ref) ? ref : JSON.stringify(ref)} --json)`);
  return lines.join('\n');
}
