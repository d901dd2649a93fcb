import type { Plan, ReportingObligation } from '@egov-plan/core';
import { bundledPlan } from '../../src/index.js';

/** The bundled Kon Tum plan 1102/KH-UBND. */
export function kontum(): Plan {
  const plan = bundledPlan('kontum-1102-2019');
  if (!plan) throw new Error('bundled plan kontum-1102-2019 is missing');
  return plan;
}

/** An obligation written by hand for tests; only the deadline rule and period type vary. */
export function obligation(id: string, periodType: ReportingObligation['periodType'], deadline: ReportingObligation['deadline'], wording = 'test'): ReportingObligation {
  return {
    id,
    reporters: ['so-tttt'],
    recipients: ['ubnd-tinh'],
    subject: { vi: 'Báo cáo thử', en: 'Test report' },
    periodType,
    cutOffAsWritten: null,
    deadlineAsWritten: wording,
    deadline,
    source: { section: 'test', quote: wording },
  };
}

/**
 * The Kon Tum plan with no end to its term (no issuer unit, a last phase to 2099), for testing
 * deadline arithmetic in years after Kon Tum province ceased (2025-06-30).
 */
export function kontumWithoutTerm(): Plan {
  const plan = kontum();
  const later = { ...plan.phases[plan.phases.length - 1]!, id: 'test-later', start: '2026-01-01', end: '2099-12-31' };
  return { ...plan, issuer: { ...plan.issuer, unit: null }, phases: [...plan.phases, later] };
}
