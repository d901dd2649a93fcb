import type { MeasurementInput } from '@egov-plan/core';

/**
 * Measurements for the bundled Kon Tum plan (`kontum-1102-2019`), as a portal's own code hands
 * them over. The indicator ids, org units (departments, districts 608–618, province 62) and periods
 * are the plan's; **the figures are made up for tests** — they are not Kon Tum's reported values.
 * Every kind of row is there: per-agency values over several quarters (a series for progress),
 * district counts summed into a province figure, the province's own value, dated evidence, a
 * yes/no, an org unit the plan does not declare (with its level), values of the 2021–2025 phase,
 * and bad rows (unknown indicator, a percentage above 100, no period) that end up as issues.
 */
export function kontumMeasurements(): MeasurementInput[] {
  const series = (indicator: string, orgUnit: string, values: Record<string, number>): MeasurementInput[] =>
    Object.entries(values).map(([period, value]) => ({ indicator, orgUnit, period, value }));
  return [
    ...series('online-dossier-rate', 'so-tttt', { '2019Q4': 12, '2020Q2': 18, '2020Q3': 24, '2020Q4': 27 }),
    ...series('online-dossier-rate', 'so-noi-vu', { '2019Q4': 9, '2020Q2': 10, '2020Q3': 13, '2020Q4': 15 }),
    ...series('online-dossier-rate', 'so-y-te', { '2019Q4': 0, '2020Q3': 9, '2020Q4': 12 }),
    ...series('online-dossier-rate', 'so-tai-chinh', { '2020Q4': 31 }),
    { indicator: 'online-work-files', orgUnit: '608', period: '2020Q3', numerator: 35, denominator: 100 },
    { indicator: 'online-work-files', orgUnit: '608', period: '2020Q4', value: 41, numerator: 41, denominator: 100 },
    { indicator: 'online-work-files', orgUnit: '610', period: '2020Q4', numerator: 94, denominator: 200, level: 'district' },
    { indicator: 'online-work-files', orgUnit: '62', period: '2020Q4', value: 83 },
    { indicator: 'e-identification', orgUnit: '62', period: '2019Q4', value: 8 },
    { indicator: 'e-identification', orgUnit: '62', period: '2020Q4', value: 15 },
    { indicator: 'e-identification', orgUnit: '62', period: '2021Q4', value: 22 },
    { indicator: 'legal-documents-issued', orgUnit: '62', evidenceDate: '2019-09-30', source: 'Quyết định (ví dụ kiểm thử)' },
    { indicator: 'portal-mobile-interface', orgUnit: '62', period: '2020Q4', value: false },
    { indicator: 'online-dossier-rate', orgUnit: 'phong-thu-nghiem', period: '2020Q4', value: 35, level: 'district' },
    { indicator: 'online-dossier-rate', orgUnit: '62', period: '2021Q2', value: 30 },
    { indicator: 'online-dossier-rate', orgUnit: '62', period: '2021Q4', value: 38 },
    { indicator: 'no-such-indicator', orgUnit: 'so-tttt', period: '2020Q4', value: 1 },
    { indicator: 'online-dossier-rate', orgUnit: 'so-khdt', period: '2020Q4', value: 120 },
    { indicator: 'online-dossier-rate', orgUnit: 'so-khcn', value: 20 },
  ];
}
