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
