import type { PlanInput } from '@egov-plan/core';

/** A small, valid plan written by hand: one phase, one indicator with two targets, one task. */
export function smallPlan(): PlanInput {
  return {
    formatVersion: 1,
    id: 'tinh-mau-1-2019',
    number: '1/KH-UBND',
    title: { vi: 'Kế hoạch mẫu', en: 'Sample plan' },
    issuer: { name: { vi: 'UBND tỉnh Mẫu', en: 'Mẫu Provincial People’s Committee' }, unit: null },
    date: '2019-05-10',
    legalBases: [{ number: '17/NQ-CP', date: '2019-03-07', title: { vi: 'Nghị quyết 17/NQ-CP', en: 'Resolution 17/NQ-CP' } }],
    phases: [
      { id: '2019-2020', name: { vi: 'Giai đoạn 2019 - 2020', en: 'Phase 2019–2020' }, start: '2019-01-01', end: '2020-12-31', source: { section: 'I.2.a', quote: 'a) Giai đoạn 2019 - 2020' } },
    ],
    indicators: [
      {
        id: 'online-work-files',
        statement: { vi: 'Hồ sơ công việc được xử lý trên môi trường mạng', en: 'Work files processed online' },
        kind: 'quantitative',
        unit: 'percent',
        direction: 'increase',
        source: { section: 'I.2.a', quote: 'tối thiểu 80% hồ sơ công việc tại cấp tỉnh' },
        targets: [
          { id: 'online-work-files.2019-2020.province', kind: 'quantitative', phase: '2019-2020', level: 'province', scope: 'whole-province', comparator: 'gte', value: 80, unit: 'percent', wording: 'tối thiểu', source: { section: 'I.2.a', quote: 'tối thiểu 80% hồ sơ công việc tại cấp tỉnh' } },
          { id: 'online-work-files.2019-2020.district', kind: 'quantitative', phase: '2019-2020', level: 'district', scope: 'whole-province', comparator: 'gte', value: 60, unit: 'percent', source: { section: 'I.2.a', quote: '60% hồ sơ công việc tại cấp huyện' } },
        ],
      },
    ],
    agencies: [
      { id: 'so-tttt', name: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' }, kind: 'department', code: null },
      { id: 'cac-so-nganh', name: { vi: 'Các sở, ban, ngành', en: 'Departments and agencies' }, kind: 'group', code: null },
    ],
    administrativeUnits: [],
    tasks: [
      {
        id: 'appendix-i-1',
        group: 'I',
        label: '1',
        title: { vi: 'Xây dựng quy chế lưu trữ điện tử', en: 'Draft rules on electronic archiving' },
        lead: ['so-tttt'],
        leadAsWritten: 'Sở Thông tin và Truyền thông',
        coordinating: ['cac-so-nganh'],
        coordinatingAsWritten: 'Các sở, ban, ngành',
        completion: 'Tháng 5/2019',
        continuing: '2020-2025',
        note: null,
        bodyTasks: [],
        source: { section: 'Phụ lục I.1', quote: 'Xây dựng quy chế lưu trữ điện tử' },
      },
    ],
    bodyTasks: [],
    duties: [],
    reportingObligations: [],
    notes: [],
  };
}
