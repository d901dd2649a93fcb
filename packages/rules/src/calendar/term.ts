import type { AdministrativeUnit, Plan, PlanTerm as PlanTermOutput, PlanTermAt as PlanTermAtOutput, PlanTermStatus as PlanTermStatusOutput, SuccessorUnit as SuccessorUnitOutput } from '@egov-plan/core';
import { addDays } from './time.js';

// When a plan's obligations run: from its date to the end of its last phase, and no longer than
// its issuer exists. Kon Tum's plan 1102/KH-UBND runs to 2025-12-31 by its phases, but its issuer,
// Kon Tum province (62), ends on 2025-06-30 (merged into Quảng Ngãi, 51): from 2025-07-01 nobody
// owes its reports any more, and the calendar says so instead of listing deadlines.

/** Whether a plan's obligations run at a date (the `PlanTermStatus` schema of @egov-plan/core). */
export type PlanTermStatus = PlanTermStatusOutput;

/** A unit that took over from a plan's issuer (the `SuccessorUnit` schema of @egov-plan/core). */
export type SuccessorUnit = SuccessorUnitOutput;

/** The span in which a plan's obligations run, from the plan's own data (the `PlanTerm` schema of @egov-plan/core). */
export type PlanTerm = PlanTermOutput;

/** A plan's term seen from one date: its status and, when it no longer runs, why (the `PlanTermAt` schema of @egov-plan/core). */
export type PlanTermAt = PlanTermAtOutput;

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** The term of a plan: its date of issue, the end of its last phase, and the end of its issuer. */
export function planTerm(plan: Pick<Plan, 'date' | 'phases' | 'issuer' | 'administrativeUnits'>): PlanTerm {
  const ends = plan.phases.map((p) => p.end).sort();
  const lastPhaseEnd = ends[ends.length - 1] ?? null;
  const units = new Map<string, AdministrativeUnit>(plan.administrativeUnits.map((u) => [u.code, u]));
  const issuer = plan.issuer.unit === null ? undefined : units.get(plan.issuer.unit);
  const issuerLastDay = issuer?.validTo ?? null;
  const successors = issuerLastDay === null || !issuer ? [] : issuer.successors.map((code) => ({ code, name: units.get(code)?.name ?? null }));
  return { issued: plan.date, lastPhaseEnd, issuerLastDay, successors, lastDay: earlier(lastPhaseEnd, issuerLastDay) };
}

/**
 * The term of a plan at a local date (`YYYY-MM-DD`): `issuer-ceased` after the issuer's last day,
 * else `ended` after the last phase, else `in-force`; with a message that names the successor.
 *
 * @example planTermAt(kontum, '2025-07-01').status // 'issuer-ceased' (successor: Tỉnh Quảng Ngãi, 51)
 */
export function planTermAt(plan: Pick<Plan, 'number' | 'date' | 'phases' | 'issuer' | 'administrativeUnits'>, date: string): PlanTermAt {
  const term = planTerm(plan);
  if (term.issuerLastDay !== null && date > term.issuerLastDay) {
    const from = addDays(term.issuerLastDay, 1);
    const vi = term.successors.map((s) => `${s.name?.vi ?? 'đơn vị'} (mã ${s.code})`).join(', ');
    const en = term.successors.map((s) => `${s.name?.en ?? 'unit'} (code ${s.code})`).join(', ');
    return {
      ...term,
      status: 'issuer-ceased',
      message: {
        vi: `${plan.issuer.name.vi} không còn từ ngày ${from}${vi ? `; đơn vị kế thừa: ${vi}` : ''}. Kế hoạch ${plan.number} không còn phát sinh hạn báo cáo từ ngày đó; nghĩa vụ báo cáo hiện hành do ${vi ? 'đơn vị kế thừa' : 'cơ quan có thẩm quyền'} quy định.`,
        en: `${plan.issuer.name.en} no longer exists from ${from}${en ? `; successor: ${en}` : ''}. Plan ${plan.number} produces no reporting deadlines from that day; current reporting duties are set by ${en ? 'the successor' : 'the competent authority'}.`,
      },
    };
  }
  if (term.lastPhaseEnd !== null && date > term.lastPhaseEnd) {
    return {
      ...term,
      status: 'ended',
      message: {
        vi: `Giai đoạn cuối của Kế hoạch ${plan.number} đã kết thúc ngày ${term.lastPhaseEnd}: kế hoạch không còn phát sinh hạn báo cáo.`,
        en: `The last phase of plan ${plan.number} ended on ${term.lastPhaseEnd}: the plan produces no more reporting deadlines.`,
      },
    };
  }
  return {
    ...term,
    status: 'in-force',
    message: term.lastDay
      ? { vi: `Kế hoạch ${plan.number} đang được thực hiện (đến hết ngày ${term.lastDay}).`, en: `Plan ${plan.number} is in force (until ${term.lastDay}).` }
      : { vi: `Kế hoạch ${plan.number} đang được thực hiện.`, en: `Plan ${plan.number} is in force.` },
  };
}
