import { describe, expect, it } from 'vitest';
import { checkTaskTimeframes, parseTimeframe, planTaskStatuses, taskStatus } from '../../src/index.js';
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

  it('a blank completion cell has no due date: in progress, never overdue', () => {
    const blank = { id: 'b', completion: null, continuing: '2021-2025' };
    expect(taskStatus(blank, '2020-06-01')).toMatchObject({ status: 'not-started', due: null });
    expect(taskStatus(blank, '2022-06-01').status).toBe('in-progress');
    expect(taskStatus(blank, '2027-06-01').status).toBe('in-progress');
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
    expect(led.every((t) => t.lead.some((a) => a.id === 'so-tttt'))).toBe(true);
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
