import { afterEach, describe, expect, it } from 'vitest';
import { ruleFileOver, tempResources } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// What a person reads from `history` and `calendar --period` (the acceptance pass): a heading row
// in the run's language, numbers written as `evaluate` writes them, times in Vietnam's time.

const temp = tempResources();
afterEach(() => temp.cleanup());

const PLAN = 'kontum-1102-2019';
const CSV = ['indicator,orgUnit,period,value,numerator,denominator', 'e-identification,62,2020Q4,25.5,,', 'online-dossier-rate,so-tttt,2020Q4,,171,200'].join('\n');

async function storeWithRows(): Promise<string> {
  const dir = temp.dir('egov-plan-history-text-', { 'q4.csv': CSV });
  const done = await runCli(['import', '--plan', PLAN, '--by', 'so-tttt', '--reporter', 'so-tttt', '--obligation', 'quarterly-report-agencies', 'q4.csv'], { cwd: dir, now: '2020-12-10T02:30:00Z' });
  expect(done.code).toBe(0);
  return dir;
}

describe('history as a table', () => {
  it('has a heading row in Vietnamese, a decimal comma and %, and the time in +07:00', async () => {
    const dir = await storeWithRows();
    const vi = await runCli(['history'], { cwd: dir });
    expect(vi.code).toBe(0);
    const lines = vi.stdout.trimEnd().split('\n');
    expect(lines[0]?.split(/\s{2,}/u)).toEqual(['Bản', 'Chỉ số', 'Đơn vị', 'Kỳ', 'Giá trị', 'Nguồn', 'Người nhập', 'Ghi lúc']);
    expect(lines[1]).toMatch(/^─+(  ─+){7}$/u);
    expect(lines).toHaveLength(4);
    const row = (indicator: string) => lines.find((l) => l.includes(` ${indicator} `))?.split(/\s{2,}/u);
    expect(row('e-identification')).toEqual(['r1', 'e-identification', '62', '2020Q4', '25,5%', 'q4.csv:2', 'so-tttt', '2020-12-10T09:30:00+07:00']);
    expect(row('online-dossier-rate')?.[4]).toBe('85,5% (171/200)');
  });

  it('is in English with --lang en: its headings and a decimal point', async () => {
    const dir = await storeWithRows();
    const en = await runCli(['history', '--lang', 'en'], { cwd: dir });
    const lines = en.stdout.trimEnd().split('\n');
    expect(lines[0]?.split(/\s{2,}/u)).toEqual(['Revision', 'Indicator', 'Org unit', 'Period', 'Value', 'Source', 'Imported by', 'Recorded at']);
    expect(lines.find((l) => l.includes(' e-identification '))?.split(/\s{2,}/u)[4]).toBe('25.5%');
    // --json is unchanged: the stored numbers and the UTC instant.
    const json = JSON.parse((await runCli(['history', '--json'], { cwd: dir })).stdout);
    expect(json.revisions.find((r: { indicator: string }) => r.indicator === 'e-identification')).toMatchObject({ value: 25.5, recordedAt: '2020-12-10T02:30:00.000Z' });
  });
});

describe('history of a plan the store holds as a rule file', () => {
  it('writes percents with % though the plan file is no longer at hand', async () => {
    // The province's own plan, imported from a file that is then gone: the store keeps its rule file.
    const dir = temp.dir('egov-plan-history-stored-', { 'thu.json': JSON.stringify(ruleFileOver(PLAN)), 'q4.csv': CSV });
    const done = await runCli(['import', '--plan', 'thu.json', '--by', 'so-tttt', 'q4.csv'], { cwd: dir });
    expect(done.code).toBe(0);
    const { rmSync } = await import('node:fs');
    rmSync(`${dir}/thu.json`, { force: true });
    const vi = await runCli(['history', '--plan', 'tinh-thu-98-2019'], { cwd: dir });
    expect(vi.code).toBe(0);
    const row = vi.stdout.split('\n').find((l) => l.includes(' e-identification '))?.split(/\s{2,}/u);
    expect(row?.[4]).toBe('25,5%');
  });
});

describe('calendar --period, read by a person', () => {
  it("gives the instant in the plan's local time and the rates with the run's decimal mark", async () => {
    const dir = await storeWithRows();
    const vi = await runCli(['calendar', '--period', '2020Q4', '--at', '2020-12-20T10:00:00Z'], { cwd: dir });
    expect(vi.code).toBe(0);
    expect(vi.stdout.split('\n')[0]).toBe('1102/KH-UBND — kỳ 2020Q4, thời điểm 2020-12-20T17:00:00+07:00');
    // One of the 22 agencies expected submitted: a rate that is not a whole number.
    const agencies = vi.stdout.split('\n').find((l) => l.startsWith('1/22 '));
    expect(agencies).toMatch(/^1\/22 đã nộp \(\d+,\d+%\)/u);
    const en = await runCli(['calendar', '--period', '2020Q4', '--at', '2020-12-20T10:00:00Z', '--lang', 'en'], { cwd: dir });
    expect(en.stdout.split('\n')[0]).toBe('1102/KH-UBND — period 2020Q4, at 2020-12-20T17:00:00+07:00');
    expect(en.stdout.split('\n').find((l) => l.startsWith('1/22 '))).toMatch(/^1\/22 submitted \(\d+\.\d+%\)/u);
  });

  it('--json gives `at` as the calendar without --period does: local offset, local date and zone', async () => {
    const dir = await storeWithRows();
    // 20:00 UTC is already the next day in Vietnam.
    const period = await runCli(['calendar', '--period', '2020Q4', '--at', '2020-12-20T20:00:00Z', '--json'], { cwd: dir });
    const snapshot = await runCli(['calendar', '--at', '2020-12-20T20:00:00Z', '--json'], { cwd: dir });
    expect(period.code).toBe(0);
    const p = JSON.parse(period.stdout) as { at: string; localDate: string; timeZone: string };
    const s = JSON.parse(snapshot.stdout) as { at: string; localDate: string; timeZone: string };
    expect({ at: p.at, localDate: p.localDate, timeZone: p.timeZone }).toEqual({ at: '2020-12-21T03:00:00+07:00', localDate: '2020-12-21', timeZone: 'Asia/Ho_Chi_Minh' });
    expect({ at: p.at, localDate: p.localDate, timeZone: p.timeZone }).toEqual({ at: s.at, localDate: s.localDate, timeZone: s.timeZone });
  });
});
