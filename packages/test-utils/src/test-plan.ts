import type { PlanInput } from '@egov-plan/core';

const src = (quote: string, section = 'I.2.a') => ({ section, quote });

/**
 * A small plan written by hand for the rules tests ("Tỉnh Thử", code 98): two phases, two
 * provincial departments, a province, two districts that cease on 2025-06-30 and a commune, and
 * targets of every scope, level and kind.
 */
export function testPlan(): PlanInput {
  return {
    formatVersion: 1,
    id: 'tinh-thu-98-2019',
    number: '98/KH-UBND',
    title: { vi: 'Kế hoạch thử', en: 'Test plan' },
    issuer: { name: { vi: 'UBND tỉnh Thử', en: 'Thử Provincial People’s Committee' }, unit: '98' },
    date: '2019-05-10',
    legalBases: [],
    phases: [
      { id: '2019-2020', name: { vi: 'Giai đoạn 2019 - 2020', en: 'Phase 2019–2020' }, start: '2019-01-01', end: '2020-12-31', source: src('a) Giai đoạn 2019 - 2020') },
      { id: '2021-2025', name: { vi: 'Giai đoạn 2021 - 2025', en: 'Phase 2021–2025' }, start: '2021-01-01', end: '2025-12-31', source: src('b) Giai đoạn 2021 - 2025', 'I.2.b') },
    ],
    indicators: [
      {
        id: 'online-rate',
        statement: { vi: 'Tỷ lệ hồ sơ giải quyết trực tuyến', en: 'Share of dossiers handled online' },
        kind: 'quantitative',
        unit: 'percent',
        direction: 'increase',
        source: src('tỷ lệ hồ sơ giải quyết trực tuyến'),
        targets: [
          { id: 'online-rate.each', kind: 'quantitative', phase: '2019-2020', level: null, scope: 'each-agency', comparator: 'gte', value: 20, unit: 'percent', source: src('của từng cơ quan, đơn vị đạt từ 20% trở lên') },
          { id: 'online-rate.province', kind: 'quantitative', phase: '2019-2020', level: null, scope: 'whole-province', comparator: 'gte', value: 20, unit: 'percent', source: src('toàn tỉnh đạt từ 20% trở lên') },
          { id: 'online-rate.district', kind: 'quantitative', phase: '2019-2020', level: 'district', scope: 'each-unit', comparator: 'gte', value: 30, unit: 'percent', source: src('mỗi huyện đạt từ 30% trở lên') },
          { id: 'online-rate.2025', kind: 'quantitative', phase: '2021-2025', level: null, scope: 'whole-province', comparator: 'gte', value: 50, unit: 'percent', source: src('toàn tỉnh đạt từ 50% trở lên', 'I.2.b') },
        ],
      },
      {
        id: 'system-built',
        statement: { vi: 'Hệ thống được xây dựng', en: 'The system is built' },
        kind: 'qualitative',
        unit: 'boolean',
        direction: 'none',
        source: src('xây dựng hệ thống'),
        targets: [
          { id: 'system-built.2019-2020', kind: 'qualitative', phase: '2019-2020', level: null, scope: 'whole-province', comparator: 'eq', value: true, unit: 'boolean', requirement: { vi: 'Hệ thống đi vào hoạt động', en: 'The system is in operation' }, source: src('xây dựng hệ thống') },
        ],
      },
      {
        id: 'complaints',
        statement: { vi: 'Số phản ánh quá hạn', en: 'Overdue complaints' },
        kind: 'quantitative',
        unit: 'count',
        direction: 'decrease',
        source: src('không quá 10 phản ánh quá hạn'),
        targets: [{ id: 'complaints.max', kind: 'quantitative', phase: '2019-2020', level: null, scope: 'each-agency', comparator: 'lte', value: 10, unit: 'count', source: src('không quá 10 phản ánh quá hạn') }],
      },
      {
        id: 'signed-rate',
        statement: { vi: 'Tỷ lệ văn bản ký số', en: 'Share of digitally signed documents' },
        kind: 'quantitative',
        unit: 'percent',
        direction: 'increase',
        source: src('văn bản ký số'),
        targets: [
          {
            id: 'signed-rate.each',
            kind: 'quantitative',
            phase: '2019-2020',
            level: null,
            scope: 'each-agency',
            comparator: 'gte',
            value: 60,
            unit: 'percent',
            source: src('từ 60% văn bản ký số, trên ít nhất 100 văn bản'),
            conditions: {
              all: [
                { fact: 'value', operator: 'greaterThanInclusive', value: { fact: 'targetValue' }, name: 'rate' },
                { fact: 'measurement', path: '$.denominator', operator: 'greaterThanInclusive', value: 100, name: 'volume' },
              ],
            },
          },
        ],
      },
    ],
    agencies: [
      { id: 'so-a', name: { vi: 'Sở A', en: 'Department A' }, kind: 'department', level: 'province', code: null },
      { id: 'so-b', name: { vi: 'Sở B', en: 'Department B' }, kind: 'department', level: 'province', code: null },
    ],
    administrativeUnits: [
      { code: '98', name: { vi: 'Tỉnh Thử', en: 'Thử province' }, level: 'province', parent: null, validFrom: null, validTo: '2025-06-30', successors: ['97'], confidence: 'unconfirmed', source: 'test' },
      { code: '980', name: { vi: 'Huyện Một', en: 'District One' }, level: 'district', parent: '98', validFrom: null, validTo: '2025-06-30', successors: [], confidence: 'unconfirmed', source: 'test' },
      { code: '981', name: { vi: 'Huyện Hai', en: 'District Two' }, level: 'district', parent: '98', validFrom: null, validTo: '2025-06-30', successors: [], confidence: 'unconfirmed', source: 'test' },
      { code: '98001', name: { vi: 'Xã Một', en: 'Commune One' }, level: 'commune', parent: '980', validFrom: null, validTo: null, successors: [], confidence: 'unconfirmed', source: 'test' },
    ],
    tasks: [],
    bodyTasks: [],
    duties: [],
    reportingObligations: [],
    notes: [],
  };
}

/** One CSV text from rows (the header is added). */
export function csv(...rows: string[]): string {
  return ['indicator,orgUnit,level,period,value,numerator,denominator', ...rows].join('\n');
}

/** A rule file of a fictitious province with nothing of its own yet. */
export function emptyRuleFile(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'tinh-con-97-2019',
    number: '97/KH-UBND',
    title: { vi: 'Kế hoạch tỉnh Con', en: 'Plan of Con province' },
    issuer: { name: { vi: 'UBND tỉnh Con', en: 'Con Provincial People’s Committee' }, unit: '97' },
    date: '2019-06-01',
    legalBases: [],
    phases: [],
    indicators: [],
    agencies: [],
    administrativeUnits: [],
    tasks: [],
    bodyTasks: [],
    duties: [],
    reportingObligations: [],
    notes: [],
    ...extra,
  };
}

/** What a rule file's `extends` names: a bundled plan id, `{ plan, include }`, or several of them. */
export type RuleFileBase = string | { plan: string; include?: readonly string[] } | readonly (string | { plan: string; include?: readonly string[] })[];

/**
 * A rule file over `base` (its `extends`) in the shape of {@link testPlan}: the same header
 * ("Tỉnh Thử", plan 98/KH-UBND, id `tinh-thu-98-2019`), every section of its own empty, then
 * `changes` on top — overrides, withdrawals, items of its own, or a header field.
 *
 * @example
 * ```ts
 * const file = ruleFileOver('kontum-1102-2019', { overrides: [{ target: 'e-identification.2021-2025', effectiveFrom: '2023-01-01', set: { value: 45 }, source }] });
 * ```
 */
export function ruleFileOver(base: RuleFileBase, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const { id, number, title, issuer, date } = testPlan();
  return emptyRuleFile({ id, number, title, issuer, date, extends: typeof base === 'string' || !Array.isArray(base) ? [base] : [...base], ...changes });
}
