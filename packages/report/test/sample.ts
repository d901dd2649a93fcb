import type { Plan } from '@egov-plan/core';
import type { MeasurementInput } from '@egov-plan/rules';
import { bundledPlan, evaluate, planTaskStatuses, prepareMeasurements, progress } from '@egov-plan/rules';
import { periodCalendar, type QuarterlyReportInput, type ReportSubmission } from '../src/index.js';

// A SYNTHETIC quarter for plan 1102/KH-UBND (Kon Tum): invented figures for tests and the
// screenshot only, not data from the province.
export const SAMPLE_ROWS: MeasurementInput[] = [
  ...(
    [
      ['so-tttt', [18, 24, 27]],
      ['so-noi-vu', [10, 13, 15]],
      ['so-y-te', [6, 9, 12]],
      ['so-khdt', [15, 19, 22]],
      ['so-tai-chinh', [21, 25, 31]],
    ] as const
  ).flatMap(([orgUnit, values]) => values.map((value, i) => ({ indicator: 'online-dossier-rate', orgUnit, period: `2020Q${i + 2}`, value }))),
  // District-level work files: counts per district, summed into the district-level figure.
  ...(['608', '610', '611', '612', '613'] as const).flatMap((orgUnit, n) =>
    [2, 3, 4].map((q) => ({ indicator: 'online-work-files', orgUnit, period: `2020Q${q}`, numerator: 20 + n * 8 + q * 5, denominator: 100 })),
  ),
  { indicator: 'e-identification', orgUnit: '62', period: '2020Q2', value: 9 },
  { indicator: 'e-identification', orgUnit: '62', period: '2020Q3', value: 14 },
  { indicator: 'e-identification', orgUnit: '62', period: '2020Q4', value: 17 },
  { indicator: 'level4-online-services', orgUnit: '62', period: '2020Q4', value: 34 },
  { indicator: 'portal-mobile-interface', orgUnit: '62', period: '2020Q4', value: true },
];

/** Departments that report quarterly in the sample (the obligation names the group `cac-so-ban-nganh`). */
export const SAMPLE_DEPARTMENTS = ['so-tttt', 'so-noi-vu', 'so-y-te', 'so-khdt', 'so-tai-chinh'];

/** Submissions of the sample's 2020Q4 agency reports, due 2020-12-16: two on time, one late, two missing. */
export const SAMPLE_SUBMISSIONS: ReportSubmission[] = [
  { obligation: 'quarterly-report-agencies', period: '2020Q4', reporter: 'so-tttt', submittedAt: '2020-12-15T10:00' },
  { obligation: 'quarterly-report-agencies', period: '2020Q4', reporter: 'so-khdt', submittedAt: '2020-12-16T16:30' },
  { obligation: 'quarterly-report-agencies', period: '2020Q4', reporter: 'so-noi-vu', submittedAt: '2020-12-18T09:00' },
];

/** Plan 1102/KH-UBND, bundled. */
export function kontum(): Plan {
  const plan = bundledPlan('kontum-1102-2019');
  if (!plan) throw new TypeError('the bundled plan kontum-1102-2019 is missing');
  return plan;
}

/** Everything the report takes, for one evaluation date. */
export function sampleInput(rows: readonly MeasurementInput[] = SAMPLE_ROWS, at = '2020-12-23', submissions: readonly ReportSubmission[] | null = null, period = '2020Q4'): QuarterlyReportInput {
  const plan = kontum();
  const measurements = prepareMeasurements(plan, rows);
  return {
    plan,
    evaluation: evaluate(plan, measurements, { at }),
    progress: progress(plan, measurements, { at }),
    measurements,
    calendar: periodCalendar(plan, period, `${at}T12:00`),
    tasks: planTaskStatuses(plan, at),
    submissions,
    expectedReporters: { 'quarterly-report-agencies': SAMPLE_DEPARTMENTS },
  };
}
