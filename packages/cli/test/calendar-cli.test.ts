import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPlan } from '@egov-plan/rules';
import { runCli } from './run-cli.js';

/** The CLI at a fixed "now" (2020-03-16 09:00 in Vietnam) unless told otherwise. */
const cli = (args: string[], options: { cwd?: string; now?: string } = {}) => runCli(args, { now: '2020-03-16T02:00:00Z', ...options });

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'egov-plan-calendar-'));
}

/**
 * A copy of the Kon Tum plan whose term never ends (no issuer unit, a phase to 2099), written to
 * a temporary file: Kon Tum province ceased on 2025-06-30, so its own plan owes nothing later.
 */
function planWithoutTerm(): string {
  const plan = structuredClone(bundledPlan('kontum-1102-2019')!) as any;
  plan.issuer.unit = null;
  plan.phases.push({ ...plan.phases[1], id: 'test-later', start: '2026-01-01', end: '2099-12-31' });
  delete plan.sourceText;
  delete plan.$schema;
  const file = join(tempDir(), 'open-ended.json');
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

describe('egov-plan calendar', () => {
  it('on 2020-03-16 the quarter is 2020Q2 while 2020Q1’s reports are due', async () => {
    const r = await cli(['calendar', '--at', '2020-03-16T10:00', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.at).toBe('2020-03-16T10:00:00+07:00');
    expect(j.period).toMatchObject({ id: '2020Q2', type: 'quarter', start: '2020-03-15', end: '2020-06-14' });
    const agencies = j.deadlines.find((d: any) => d.obligation === 'quarterly-report-agencies');
    expect(agencies).toMatchObject({ period: '2020Q2', due: '2020-06-16', inclusive: false, wording: 'trước ngày 17 của tháng cuối quý' });
    expect(agencies.window).toEqual({ start: '2020-06-15', end: '2020-06-16' });
    expect(agencies.source.section).toBe('III.12.e');
    expect(j.deadlines.find((d: any) => d.obligation === 'quarterly-report-office-at-meeting')).toMatchObject({ due: null, window: { start: '2020-06-01', end: '2020-06-30' } });
    const up = Object.fromEntries(j.upcoming.map((d: any) => [d.obligation, d]));
    expect(up['quarterly-report-agencies']).toMatchObject({ period: '2020Q1', due: '2020-03-16', status: 'due-soon' });
    expect(up['quarterly-report-province-to-government']).toMatchObject({ period: '2020Q1', due: '2020-03-20' });
    expect(j.holidays).toMatchObject({ year: 2020, covered: true });
    expect(j.agencies['so-tttt'].vi).toBe('Sở Thông tin và Truyền thông');
  });

  it('defaults --at to now and --plan to kontum-1102-2019', async () => {
    const r = await cli(['calendar', '--json'], { now: '2021-06-15T03:00:00Z' });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.plan.id).toBe('kontum-1102-2019');
    expect(j.localDate).toBe('2021-06-15');
    expect(j.period.id).toBe('2021Q3');
    expect(j.upcoming.find((d: any) => d.obligation === 'quarterly-report-agencies').due).toBe('2021-06-16');
  });

  it('rolls a deadline on a Sunday to Monday and says so', async () => {
    const j = JSON.parse((await cli(['calendar', '--at', '2020-09-16', '--json'])).stdout);
    expect(j.upcoming.find((d: any) => d.obligation === 'quarterly-report-province-to-government')).toMatchObject({ period: '2020Q3', nominalDue: '2020-09-20', due: '2020-09-21', rolledOver: true });
  });

  it('says when the holiday data of the year is incomplete', async () => {
    const j = JSON.parse((await cli(['calendar', '--plan', planWithoutTerm(), '--at', '2031-01-05', '--json'])).stdout);
    expect(j.holidays).toMatchObject({ year: 2031, covered: false, basis: 'weekends-and-solar-rules' });
    expect(j.deadlines[0].holidayData.complete).toBe(false);
  });

  it('prints a readable summary in Vietnamese by default and in English with --lang en', async () => {
    const vi = await cli(['calendar', '--at', '2020-03-16']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Kỳ báo cáo: 2020Q2 (2020-03-15 … 2020-06-14)');
    expect(vi.stdout).toContain('hạn 2020-03-16');
    const en = await cli(['--lang', 'en', 'calendar', '--at', '2020-03-16']);
    expect(en.stdout).toContain('Reporting period: 2020Q2');
    expect(en.stdout).toContain('due 2020-03-16');
  });

  it('prints a deadline once: the upcoming list leaves out what the current period lists, and says so', async () => {
    const section = (text: string, heading: string) => text.split(`== ${heading} ==`)[1]?.split('\n== ')[0] ?? '';
    // 2020-12-10: the three deadlines of 2020Q4 are the upcoming ones too.
    const en = await cli(['--lang', 'en', 'calendar', '--at', '2020-12-10']);
    expect(section(en.stdout, 'Deadlines of the current period').match(/^- /gmu)).toHaveLength(3);
    expect(section(en.stdout, 'Upcoming deadlines').trim()).toBe('(3 of the current period, above)');
    // 2020-12-22: the quarter is 2021Q1, and 2020Q4's meeting window (to 2020-12-31) is still upcoming.
    const later = await cli(['calendar', '--at', '2020-12-22']);
    const upcoming = section(later.stdout, 'Hạn sắp tới');
    expect(upcoming).toContain('(2 hạn của kỳ hiện tại ở trên; tiếp theo:)');
    expect(upcoming.match(/^- /gmu)).toHaveLength(1);
    expect(upcoming).toContain('2020Q4  trong khoảng 2020-12-01 … 2020-12-31');
    // The JSON keeps both lists whole (stable shapes).
    const json = JSON.parse((await cli(['calendar', '--at', '2020-12-10', '--json'])).stdout);
    expect(json.upcoming).toHaveLength(3);
    expect(json.deadlines).toHaveLength(3);
  });

  it('a malformed --at is a usage error (exit 2), on standard error and, with --json, as an error object', async () => {
    const r = await cli(['calendar', '--at', '16/03/2020', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'usage.invalid_value', issues: [{ code: 'usage.invalid_value' }] } });
    expect(r.stderr).toContain('16/03/2020');
  });

  it('an unknown plan is an error (exit 1)', async () => {
    const r = await cli(['calendar', '--plan', 'no-such-plan', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan.unknown_plan');
  });
});

describe('egov-plan tasks', () => {
  it('lists tasks with names, source and status at a date', async () => {
    const r = await cli(['tasks', '--at', '2019-08-15', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.at).toBe('2019-08-15');
    const t = j.tasks.find((x: any) => x.id === 'appendix-iii-7');
    expect(t).toMatchObject({ label: '7', group: 'III', status: 'overdue', due: '2019-06-30' });
    expect(t.title.vi.length).toBeGreaterThan(0);
    expect(t.title.en.length).toBeGreaterThan(0);
    expect(t.lead[0]).toMatchObject({ id: 'so-tttt', name: { vi: 'Sở Thông tin và Truyền thông' } });
    expect(t.coordinating.every((a: any) => typeof a.name.vi === 'string')).toBe(true);
    expect(t.source.quote.length).toBeGreaterThan(0);
    expect(j.tasks.find((x: any) => x.id === 'appendix-iv-1').status).toBe('ongoing');
    expect(Object.values(j.counts).reduce((a: number, b: any) => a + b, 0)).toBe(j.tasks.length);
  });

  it('filters by lead agency', async () => {
    const j = JSON.parse((await cli(['tasks', '--at', '2019-08-15', '--agency', 'so-tttt', '--json'])).stdout);
    expect(j.tasks.length).toBeGreaterThan(0);
    // Named itself, or through "Các sở, ban, ngành", to which a provincial department belongs.
    expect(j.tasks.every((t: any) => t.lead.some((a: any) => a.id === 'so-tttt') || t.leadThrough.includes('cac-so-ban-nganh'))).toBe(true);
    expect(j.tasks.find((t: any) => t.id === 'appendix-i-1')).toMatchObject({ leadThrough: ['cac-so-ban-nganh'] });
  });

  it('marks tasks done from a progress file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'progress.csv'), 'task,doneOn\nappendix-iii-7,2019-06-20\nappendix-i-2,2019-07-02\n');
    const j = JSON.parse((await cli(['tasks', '--at', '2019-08-15', '--progress', 'progress.csv', '--json'], { cwd: dir })).stdout);
    expect(j.tasks.find((t: any) => t.id === 'appendix-iii-7')).toMatchObject({ status: 'done', doneOn: '2019-06-20', onTime: true });
    expect(j.tasks.find((t: any) => t.id === 'appendix-i-2')).toMatchObject({ status: 'done', onTime: false });
  });

  it('reports every bad row of a progress file with its line (exit 1)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'progress.csv'), 'task,doneOn\nappendix-iii-7,2019-02-30\nno-such-task,2019-06-01\n\nappendix-i-2\n');
    const r = await cli(['tasks', '--progress', 'progress.csv', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.issues.map((i: { code: string; line: number }) => `${i.line} ${i.code}`)).toEqual(['2 calendar.invalid_date', '3 calendar.unknown_task', '5 calendar.invalid_progress']);
    expect(r.stderr).toMatch(/progress\.csv:2:2 \[calendar\.invalid_date\]/u);
    expect(r.stderr).toMatch(/progress\.csv:3:1 \[calendar\.unknown_task\]/u);
    expect(r.stderr).toMatch(/progress\.csv:5:1 \[calendar\.invalid_progress\]/u);
  });

  it('an unknown agency is an error (exit 1)', async () => {
    const r = await cli(['tasks', '--agency', 'no-such-agency']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('calendar.unknown_agency');
  });

  it('a plan file whose time expression cannot be read names the row (exit 1)', async () => {
    const dir = tempDir();
    const shown = await cli(['show', 'kontum-1102-2019', '--json']);
    const plan = JSON.parse(shown.stdout);
    plan.tasks[3].completion = 'cuối năm';
    delete plan.$schema;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await cli(['tasks', '--plan', 'plan.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[calendar.invalid_timeframe] /tasks/3/completion');
    expect(r.stderr).toContain(plan.tasks[3].id);
  });

  it('prints tasks grouped by lead agency', async () => {
    const r = await cli(['--lang', 'en', 'tasks', '--at', '2019-08-15', '--agency', 'so-tttt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== Department of Information and Communications ==');
    expect(r.stdout).toMatch(/III\.7\s+overdue\s+due 2019-06-30/u);
  });
});

describe('egov-plan ics', () => {
  it('writes an iCalendar file to standard output', async () => {
    const r = await cli(['ics', '--plan', 'kontum-1102-2019']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(r.stdout).toContain('UID:kontum-1102-2019.quarterly-report-agencies.2020Q1@egov-plan');
    expect(r.stdout).toContain('DTSTAMP:20200316T020000Z');
  });

  it('--json gives the events and the text; a bad --from is a usage error', async () => {
    const j = JSON.parse((await cli(['ics', '--from', '2020-01-01', '--to', '2020-12-31', '--no-tasks', '--json'])).stdout);
    expect(j.events.filter((e: any) => e.uid.includes('quarterly-report-agencies')).map((e: any) => e.start)).toEqual(['2020-03-16', '2020-06-16', '2020-09-16', '2020-12-16']);
    expect(j.ics).toContain('BEGIN:VEVENT');
    expect((await cli(['ics', '--from', '2020-13-01'])).code).toBe(2);
  });
});

describe('calendar commands: reviewed edge cases', () => {
  it('flags each due date computed without complete holiday data, whatever the year of --at', async () => {
    // 16 Dec 2025 lies in 2026Q1, whose deadlines (March 2026) depend on the incomplete 2026 data,
    // while the footer speaks of 2025 (complete).
    const open = planWithoutTerm();
    const vi = await cli(['calendar', '--plan', open, '--at', '2025-12-16']);
    expect(vi.stdout).toMatch(/- 2026Q1 {2}hạn 2026-03-16 \(Thứ Hai\) {2}\[chưa mở\]\n.*\n.*\n {4}! dữ liệu ngày nghỉ năm 2026 chưa đầy đủ/u);
    const en = await cli(['--lang', 'en', 'calendar', '--plan', open, '--at', '2025-12-16']);
    expect(en.stdout).toContain('! holiday data incomplete for 2026');
    expect(en.stdout).toMatch(/- 2025Q4 {2}due 2025-12-22 \(Monday\) \(rolled over from 2025-12-20 \(Saturday\)\) {2}\[due soon\]\n.*\n.*\n(?! {4}!)/u);
  });

  it('an --at outside the supported years is a usage error (exit 2), like a malformed one', async () => {
    const r = await cli(['calendar', '--at', '9999-12-31']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--at');
  });

  it('ics: --to before --from, or a lone --from past the plan, is a usage error (exit 2)', async () => {
    const a = await cli(['ics', '--from', '2021-01-01', '--to', '2020-01-01']);
    expect([a.code, a.stdout]).toEqual([2, '']);
    const b = await cli(['--lang', 'en', 'ics', '--from', '2030-01-01']);
    expect([b.code, b.stdout]).toEqual([2, '']);
    expect(b.stderr).toContain('default: 2019-05-10 … 2025-12-31');
  });

  it('progress file: lines are those of the file even after a quoted line break; ";" and tab separate too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.csv'), 'task;doneOn\r\n\r\n"no-such\r\ntask";2019-06-01\r\nappendix-iii-7;2019-02-30\r\n   \r\nappendix-i-2;2019-07-02\r\nother;2019-07-02\r\n');
    const r = await cli(['tasks', '--progress', 'p.csv', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/p\.csv:3:1 \[calendar\.unknown_task\]/u);
    expect(r.stderr).toMatch(/p\.csv:5:2 \[calendar\.invalid_date\]/u);
    expect(r.stderr).toMatch(/p\.csv:8:1 \[calendar\.unknown_task\] Dòng 8/u);
    expect(r.stderr).not.toMatch(/p\.csv:7/u);
    // The header decides the separator: a tab here.
    writeFileSync(join(dir, 't.csv'), 'task\tdoneOn\nappendix-iii-7\t2019-02-30\n');
    expect((await cli(['tasks', '--progress', 't.csv', '--json'], { cwd: dir })).stderr).toMatch(/t\.csv:2:2 \[calendar\.invalid_date\]/u);
    writeFileSync(join(dir, 'ok.csv'), 'task;doneOn\nappendix-iii-7;2019-06-20\n');
    const ok = JSON.parse((await cli(['tasks', '--at', '2019-08-15', '--progress', 'ok.csv', '--json'], { cwd: dir })).stdout);
    expect(ok.tasks.find((t: any) => t.id === 'appendix-iii-7')).toMatchObject({ status: 'done', onTime: true });
  });

  it('task statuses the day before, on and after a due date (Quý II/2019 → 30 June 2019)', async () => {
    const at = async (d: string) => JSON.parse((await cli(['tasks', '--at', d, '--json'])).stdout).tasks.find((t: any) => t.id === 'appendix-iii-7').status;
    // Owed from the plan's date, 10 May 2019: a quarter is the date by which the task is due.
    expect(await at('2019-04-01')).toBe('not-started');
    expect(await at('2019-05-09')).toBe('not-started');
    expect(await at('2019-05-10')).toBe('in-progress');
    expect(await at('2019-06-30')).toBe('in-progress');
    expect(await at('2019-07-01')).toBe('overdue');
    // An instant: 30 June 2019 17:00 UTC is already 1 July in Vietnam.
    expect(await at('2019-06-30T17:00:00Z')).toBe('overdue');
    expect(await at('2019-06-30T16:59:59Z')).toBe('in-progress');
  });
});

describe('tasks --progress with a file that is not a regular file', () => {
  it('refuses a FIFO at once with a typed error instead of waiting for a writer', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'egov-plan-fifo-'));
    const fifo = join(dir, 'progress.csv');
    execFileSync('mkfifo', [fifo]);
    const r = await cli(['tasks', '--at', '2019-08-15', '--progress', fifo, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[file.not_found]');
    expect(r.stderr).toContain('not a regular file');
  }, 5_000);
});

describe('calendar commands: the plan\'s term, history and hostile input', () => {
  it('on 1 July 2025 the calendar says Kon Tum province ceased and names Quảng Ngãi, with no deadline', async () => {
    const vi = await cli(['calendar', '--at', '2025-07-01T09:00']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Tỉnh Quảng Ngãi (mã 51)');
    expect(vi.stdout).toMatch(/== Hạn báo cáo của kỳ hiện tại ==\n\(không có\)/u);
    const j = JSON.parse((await cli(['--lang', 'en', 'calendar', '--at', '2025-07-01T09:00', '--json'])).stdout);
    expect(j.term).toMatchObject({ status: 'issuer-ceased', issuerLastDay: '2025-06-30', successors: [{ code: '51' }] });
    expect(j.deadlines).toEqual([]);
    expect(j.upcoming).toEqual([]);
  });

  it('in 2024 the one-off "hoàn thành trước 20/5/2019" is listed as history, without a status, never as a current deadline', async () => {
    const j = JSON.parse((await cli(['calendar', '--at', '2024-03-10', '--json'])).stdout);
    expect(j.deadlines.map((d: any) => d.obligation)).not.toContain('own-action-plan-2019');
    expect(j.history.map((d: any) => d.obligation)).toEqual(['own-action-plan-2019']);
    const text = (await cli(['calendar', '--at', '2024-03-10'])).stdout;
    expect(text).toMatch(/== Hạn một lần đã qua ==\n- một lần {2}hạn 2019-05-20 \(Thứ Hai\) \(lùi từ 2019-05-19 \(Chủ nhật\)\)\n/u);
  });

  it('--at 0000-01-01 is a usage error (exit 2), not the year 13', async () => {
    const r = await cli(['calendar', '--at', '0000-01-01']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--at');
    expect(r.stderr).not.toContain('0013');
  });

  it('validate prints a warning for a deadline leaving no working day after the cut-off and still exits 0', async () => {
    const dir = tempDir();
    const plan = structuredClone(bundledPlan('kontum-1102-2019')!) as any;
    delete plan.sourceText;
    delete plan.$schema;
    plan.reportingObligations[0].deadline.day = 15;
    writeFileSync(join(dir, 'early.json'), JSON.stringify(plan, null, 2));
    const r = await cli(['--lang', 'en', 'validate', 'early.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('early.json: valid');
    expect(r.stderr).toMatch(/^early\.json:\d+:\d+ warning \[calendar\.no_working_day_after_cut_off\] \/reportingObligations\/0\/deadline /mu);
    const j = JSON.parse((await cli(['validate', 'early.json', '--json'], { cwd: dir })).stdout);
    expect(j).toMatchObject({ valid: true, issues: [{ severity: 'warning' }] });
  });

  it('ics over a plan dated 1001–9997 with a monthly obligation ends in calendar.too_many_events (exit 1)', async () => {
    const dir = tempDir();
    const plan = structuredClone(bundledPlan('kontum-1102-2019')!) as any;
    delete plan.sourceText;
    delete plan.$schema;
    Object.assign(plan, { date: '1001-01-01', issuer: { ...plan.issuer, unit: null }, tasks: [] });
    plan.bodyTasks.forEach((b: any) => (b.appendixTasks = []));
    plan.phases = [{ ...plan.phases[0], start: '1001-01-01', end: '9997-12-31' }];
    plan.indicators.forEach((i: any) => (i.targets = i.targets.filter((t: any) => t.phase === '2019-2020')));
    plan.reportingObligations = [{ ...plan.reportingObligations[0], periodType: 'month', deadline: { kind: 'day-of-month', month: 'after-period', day: 5, inclusive: true } }];
    writeFileSync(join(dir, 'absurd.json'), JSON.stringify(plan));
    const r = await cli(['ics', '--plan', 'absurd.json'], { cwd: dir });
    expect(r.stderr).toContain('[calendar.too_many_events]');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});
