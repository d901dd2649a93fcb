import { describe, expect, it } from 'vitest';
import { checkTaskTimeframes, isMemberOf, parseTimeframe, planTaskStatuses, taskStatus } from '../../src/index.js';
import { kontum } from './fixtures.js';

describe('parseTimeframe (a month or quarter is the calendar one)', () => {
  it.each([
    ['Tháng 5/2019', '2019-05-01', '2019-05-31'],
    ['Tháng 2/2020', '2020-02-01', '2020-02-29'],
    ['Quý II/2019', '2019-04-01', '2019-06-30'],
    ['Quý IV/2019', '2019-10-01', '2019-12-31'],
    ['2019', '2019-01-01', '2019-12-31'],
    ['2019-2020', '2019-01-01', '2020-12-31'],
    ['2021-2025', '2021-01-01', '2025-12-31'],
    ['2020-2025', '2020-01-01', '2025-12-31'],
    ['2021 -2025', '2021-01-01', '2025-12-31'],
    ['Tháng\n9/2019', '2019-09-01', '2019-09-30'],
    ['quý  II / 2019', '2019-04-01', '2019-06-30'],
  ])('"%s" → %s … %s', (text, start, end) => {
    expect(parseTimeframe(text)).toMatchObject({ kind: 'interval', start, end });
  });

  it('"Thường xuyên" is ongoing; blank is none', () => {
    expect(parseTimeframe('Thường xuyên')).toEqual({ kind: 'ongoing', text: 'Thường xuyên' });
    expect(parseTimeframe('Thường\nxuyên').kind).toBe('ongoing');
    expect(parseTimeframe(null)).toEqual({ kind: 'none' });
    expect(parseTimeframe('  ')).toEqual({ kind: 'none' });
  });

  it('an unreadable expression is an error naming the row', () => {
    for (const text of ['Tháng 13/2019', 'Quý V/2019', '2025-2021', 'cuối năm', 'Q2/2019']) {
      expect(() => parseTimeframe(text, { task: 'appendix-ii-9' }), text).toThrowError(
        expect.objectContaining({ code: 'calendar.invalid_timeframe', message: expect.stringContaining('appendix-ii-9') }),
      );
    }
  });

  it('every time expression of plan 1102/KH-UBND can be read', () => {
    expect(checkTaskTimeframes(kontum())).toEqual([]);
  });

  it('reports every unreadable row of a plan with its pointer', () => {
    const plan = kontum();
    plan.tasks[2]!.completion = 'sớm';
    plan.tasks[4]!.continuing = 'mãi mãi';
    const issues = checkTaskTimeframes(plan);
    expect(issues.map((i) => i.pointer)).toEqual(['/tasks/2/completion', '/tasks/4/continuing']);
    expect(() => planTaskStatuses(plan, '2020-01-01')).toThrowError(expect.objectContaining({ code: 'calendar.invalid_timeframe' }));
  });
});

describe('parseTimeframe: how a province may write the same cells', () => {
  // A month or quarter is the calendar one; last days of months from Python's calendar.monthrange.
  it.each([
    ['Quý 2/2019', '2019-04-01', '2019-06-30'],
    ['quý IV/2020', '2020-10-01', '2020-12-31'],
    ['QUÝ II/2019', '2019-04-01', '2019-06-30'],
    ['Qúy II/2019', '2019-04-01', '2019-06-30'], // tone mark on the u
    ['Quí II/2019', '2019-04-01', '2019-06-30'], // i for y
    ['Quy\u0301 II/2019', '2019-04-01', '2019-06-30'], // decomposed (NFD) text
    ['Quý II năm 2019', '2019-04-01', '2019-06-30'],
    ['Quý II - 2019', '2019-04-01', '2019-06-30'],
    ['Tháng 12/2019', '2019-12-01', '2019-12-31'],
    ['Tháng 02/2024', '2024-02-01', '2024-02-29'],
    ['tháng 5 năm 2019', '2019-05-01', '2019-05-31'],
    ['Tháng 5-2019', '2019-05-01', '2019-05-31'],
    ['5/2019', '2019-05-01', '2019-05-31'],
    ['2019 - 2020', '2019-01-01', '2020-12-31'],
    ['2019–2020', '2019-01-01', '2020-12-31'], // en dash
    ['2019—2020', '2019-01-01', '2020-12-31'], // em dash
    ['2019\u20112020', '2019-01-01', '2020-12-31'], // non-breaking hyphen (word processors)
    ['2019\u22122020', '2019-01-01', '2020-12-31'], // minus sign
    ['2019- 2020', '2019-01-01', '2020-12-31'],
    ['  2021   -  2025 ', '2021-01-01', '2025-12-31'],
    ['2019-2020.', '2019-01-01', '2020-12-31'],
    ['Năm 2019', '2019-01-01', '2019-12-31'],
    ['Giai đoạn 2021-2025', '2021-01-01', '2025-12-31'],
    ['Từ năm 2019 đến năm 2020', '2019-01-01', '2020-12-31'],
    ['6 tháng đầu năm 2019', '2019-01-01', '2019-06-30'],
    ['6 tháng cuối năm 2019', '2019-07-01', '2019-12-31'],
    ['Tháng 5-6/2019', '2019-05-01', '2019-06-30'],
    ['Quý III-IV/2019', '2019-07-01', '2019-12-31'],
    ['Quý IV/2019 - Quý I/2020', '2019-10-01', '2020-03-31'],
    ['Tháng 11/2019 đến tháng 2/2020', '2019-11-01', '2020-02-29'],
  ])('"%s" → %s … %s', (text, start, end) => {
    expect(parseTimeframe(text)).toMatchObject({ kind: 'interval', start, end });
  });

  it('keeps the text as written (normalised), not the folded form', () => {
    expect(parseTimeframe(' Qúy  II/2019 ')).toEqual({ kind: 'interval', start: '2019-04-01', end: '2019-06-30', text: 'Qúy II/2019' });
  });

  it.each(['THƯỜNG XUYÊN', 'Thường xuyên.', 'Thuong xuyen', 'Hằng năm', 'Hàng năm'])('"%s" is ongoing', (text) => {
    expect(parseTimeframe(text).kind).toBe('ongoing');
  });

  it.each(['Tháng 0/2019', 'Tháng 6-5/2019', 'Quý 0/2019', 'Quý I/2020 - Quý IV/2019', '2019-2020-2021', '2019/2020', '2019-20', 'Tháng 5, 2019', 'cuối năm 2019'])(
    '"%s" is an error naming the task',
    (text) => {
      expect(() => parseTimeframe(text, { task: 'appendix-iii-2' })).toThrowError(
        expect.objectContaining({ code: 'calendar.invalid_timeframe', message: expect.stringContaining('appendix-iii-2') }),
      );
    },
  );
});

describe('task status', () => {
  const task = { id: 't', completion: 'Tháng 9/2019', continuing: '2020-2025' };

  it('not-started before its month, in-progress within it, overdue after its last day', () => {
    expect(taskStatus(task, '2019-08-31').status).toBe('not-started');
    expect(taskStatus(task, '2019-09-01').status).toBe('in-progress');
    expect(taskStatus(task, '2019-09-30').status).toBe('in-progress');
    expect(taskStatus(task, '2019-10-01')).toMatchObject({ status: 'overdue', due: '2019-09-30' });
  });

  it('the continuing period does not make it overdue nor save it', () => {
    expect(taskStatus(task, '2023-06-01').status).toBe('overdue');
  });

  it('done with evidence, late or on time; evidence dated after the date asked does not count yet', () => {
    expect(taskStatus(task, '2019-12-01', { t: '2019-09-20' })).toMatchObject({ status: 'done', doneOn: '2019-09-20', onTime: true });
    expect(taskStatus(task, '2019-12-01', new Map([['t', '2019-11-02']]))).toMatchObject({ status: 'done', onTime: false });
    expect(taskStatus(task, '2019-10-15', { t: '2019-11-02' })).toMatchObject({ status: 'overdue', doneOn: null });
  });

  it('"Thường xuyên" is ongoing and never overdue', () => {
    expect(taskStatus({ id: 'x', completion: 'Thường xuyên', continuing: 'Thường xuyên' }, '2030-01-01')).toMatchObject({ status: 'ongoing', due: null });
  });

  it('a blank completion cell has no due date: in progress from the plan\'s date, never overdue; the continuing work has its own status', () => {
    // Appendix II.5 (data integration centre): completion blank, continuing "2021-2025".
    const blank = { id: 'b', completion: null, continuing: '2021-2025' };
    const planDate = '2019-05-10';
    expect(taskStatus(blank, '2019-05-09', undefined, { planDate })).toMatchObject({ status: 'not-started', due: null, activeFrom: '2019-05-10' });
    expect(taskStatus(blank, '2020-06-01', undefined, { planDate })).toMatchObject({ status: 'in-progress', due: null, continuingStatus: 'not-started' });
    expect(taskStatus(blank, '2022-06-01', undefined, { planDate })).toMatchObject({ status: 'in-progress', continuingStatus: 'in-progress' });
    expect(taskStatus(blank, '2027-06-01', undefined, { planDate })).toMatchObject({ status: 'in-progress', continuingStatus: 'ended' });
    expect(taskStatus(blank, '2020-06-01').status).toBe('in-progress'); // no plan date: owed all along
  });

  it('accepts an instant and uses its local date in Vietnam', () => {
    expect(taskStatus(task, '2019-09-30T17:30:00Z').status).toBe('overdue'); // 00:30 on 1 October in Vietnam
  });

  it('lists the plan’s tasks by lead agency with names, and rejects progress for unknown tasks', () => {
    const plan = kontum();
    const all = planTaskStatuses(plan, '2019-08-15');
    expect(all).toHaveLength(plan.tasks.length);
    const iii7 = all.find((t) => t.id === 'appendix-iii-7')!; // "Quý II/2019"
    expect(iii7).toMatchObject({ status: 'overdue', due: '2019-06-30', completionAsWritten: 'Quý II/2019' });
    expect(iii7.lead[0]?.name.vi).toBe('Sở Thông tin và Truyền thông');
    const led = planTaskStatuses(plan, '2019-08-15', { agency: 'so-tttt' });
    expect(led.length).toBeGreaterThan(0);
    // Named itself, or through a collective it belongs to ("Các sở, ban, ngành": a provincial department).
    expect(led.every((t) => t.lead.some((a) => a.id === 'so-tttt') || t.leadThrough.includes('cac-so-ban-nganh'))).toBe(true);
    expect(() => planTaskStatuses(plan, '2019-08-15', { progress: { 'no-such-task': '2019-06-01' } })).toThrowError(expect.objectContaining({ code: 'calendar.unknown_task' }));
  });
});

describe('planTaskStatuses progress evidence', () => {
  it('a completion date that is not a date is an error naming the task', () => {
    expect(() => planTaskStatuses(kontum(), '2020-01-01', { progress: { 'appendix-iii-7': '2019-02-30' } })).toThrowError(
      expect.objectContaining({ code: 'calendar.invalid_date', message: expect.stringContaining('appendix-iii-7') }),
    );
    expect(planTaskStatuses(kontum(), '2020-01-01', { progress: new Map([['appendix-iii-7', '2019-06-30']]) }).find((t) => t.id === 'appendix-iii-7')).toMatchObject({ status: 'done', onTime: true });
  });
});

describe('task status as the plan means it (plan of 10 May 2019)', () => {
  const planDate = '2019-05-10';
  const at = (task: { completion: string | null; continuing?: string | null }, date: string) =>
    taskStatus({ id: 't', continuing: null, ...task }, date, undefined, { planDate });

  it('"Tháng 8/2019" is the month by which the task is due: in progress from the plan\'s date, overdue from 1 September', () => {
    const aug = { completion: 'Tháng 8/2019' };
    expect(at(aug, '2019-05-09')).toMatchObject({ status: 'not-started', activeFrom: '2019-05-10', due: '2019-08-31' });
    expect(at(aug, '2019-05-10').status).toBe('in-progress');
    expect(at(aug, '2019-06-01').status).toBe('in-progress'); // used to be "not-started" until August
    expect(at(aug, '2019-08-31').status).toBe('in-progress');
    expect(at(aug, '2019-09-01').status).toBe('overdue');
  });

  it('a quarter and a year are dates by which, too', () => {
    expect(at({ completion: 'Quý II/2019' }, '2019-05-20')).toMatchObject({ status: 'in-progress', activeFrom: '2019-05-10', due: '2019-06-30' });
    expect(at({ completion: '2019' }, '2019-11-30')).toMatchObject({ status: 'in-progress', activeFrom: '2019-05-10', due: '2019-12-31' });
    expect(at({ completion: '2019' }, '2020-01-01').status).toBe('overdue');
  });

  it('a span runs from its start, never before the plan\'s date: "2019-2020" from 10 May 2019, "2020-2025" from 1 January 2020', () => {
    expect(at({ completion: '2019-2020' }, '2019-03-01')).toMatchObject({ status: 'not-started', activeFrom: '2019-05-10' });
    expect(at({ completion: '2019-2020' }, '2019-05-10').status).toBe('in-progress');
    expect(at({ completion: '2020-2025' }, '2019-12-31')).toMatchObject({ status: 'not-started', activeFrom: '2020-01-01' });
    expect(at({ completion: '2020-2025' }, '2020-01-01').status).toBe('in-progress');
    expect(at({ completion: '2019-2020' }, '2021-01-01').status).toBe('overdue');
  });

  it('the continuing period has its own status and never makes a task overdue', () => {
    const row = { completion: 'Tháng 6/2019', continuing: '2020-2025' };
    expect(at(row, '2019-06-15')).toMatchObject({ status: 'in-progress', continuingStatus: 'not-started' });
    expect(taskStatus({ id: 't', ...row }, '2021-03-01', { t: '2019-06-20' }, { planDate })).toMatchObject({ status: 'done', continuingStatus: 'in-progress' });
    expect(at({ completion: 'Thường xuyên', continuing: 'Thường xuyên' }, '2030-01-01')).toMatchObject({ status: 'ongoing', continuingStatus: 'ongoing', activeFrom: null });
  });

  it('planTaskStatuses judges Kon Tum\'s rows from the plan\'s date: appendix II.4 ("Tháng 8/2019") is in progress on 1 June 2019', () => {
    const rows = planTaskStatuses(kontum(), '2019-06-01');
    expect(rows.find((t) => t.id === 'appendix-ii-4')).toMatchObject({ status: 'in-progress', activeFrom: '2019-05-10', due: '2019-08-31' });
    // II.5: blank completion, continuing "2021-2025": in progress, its continuing work not started.
    expect(rows.find((t) => t.id === 'appendix-ii-5')).toMatchObject({ status: 'in-progress', due: null, continuingStatus: 'not-started' });
    expect(rows.filter((t) => t.status === 'not-started')).toEqual([]);
  });
});

describe('tasks led by a collective the agency belongs to', () => {
  const plan = kontum();
  const byId = new Map(plan.agencies.map((a) => [a.id, a]));

  it('membership is decided by the collective\'s declared kinds and level', () => {
    const group = byId.get('cac-so-ban-nganh')!;
    expect(isMemberOf(byId.get('so-tttt')!, group)).toBe(true); // department, province
    expect(isMemberOf(byId.get('van-phong-ubnd-tinh')!, group)).toBe(true); // provincial office
    expect(isMemberOf(byId.get('vnpt-kon-tum')!, group)).toBe(false); // an enterprise
    expect(isMemberOf(byId.get('bo-tttt')!, group)).toBe(false); // a central body
    expect(isMemberOf({ id: 'so-x-huyen', kind: 'department', level: 'district' }, group)).toBe(false); // wrong level
    expect(isMemberOf(byId.get('so-tttt')!, byId.get('cac-don-vi-lien-quan')!)).toBe(false); // declares no members
  });

  it('--agency so-tttt also lists appendix I.1, led by "Các sở, ban, ngành, UBND các huyện thành phố", and says through which collective', () => {
    const led = planTaskStatuses(plan, '2019-08-15', { agency: 'so-tttt' });
    expect(led.find((t) => t.id === 'appendix-i-1')).toMatchObject({ leadThrough: ['cac-so-ban-nganh'] });
    expect(led.find((t) => t.id === 'appendix-i-4')).toMatchObject({ leadThrough: [] }); // led by so-tttt itself
    expect(planTaskStatuses(plan, '2019-08-15', { agency: 'vnpt-kon-tum' }).map((t) => t.id)).toEqual(['appendix-ii-6']);
  });

  it('a district People\'s Committee a province declares belongs to "UBND các huyện, thành phố"', () => {
    const mine = { ...plan, agencies: [...plan.agencies, { id: 'ubnd-huyen-dak-ha', name: { vi: 'UBND huyện Đắk Hà', en: 'Đắk Hà District People\'s Committee' }, kind: 'district-committee' as const, level: 'district' as const, code: null }] };
    const led = planTaskStatuses(mine, '2019-08-15', { agency: 'ubnd-huyen-dak-ha' });
    expect(led.length).toBeGreaterThan(0);
    expect(led.every((t) => t.leadThrough.includes('ubnd-cac-huyen'))).toBe(true);
  });
});
