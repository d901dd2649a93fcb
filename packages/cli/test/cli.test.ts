import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { smallPlan } from '@egov-plan/test-utils';

/** The CLI in `cwd`, at the real current time. */
export const cli = (args: string[], cwd = process.cwd()) => runCli(args, { cwd });

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'egov-plan-cli-'));
}

describe('egov-plan plans / show', () => {
  it('lists both bundled plans', async () => {
    const r = await cli(['plans', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).plans.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['kontum-1102-2019', 'vn-nq17-2019']));
  });

  it('show --json prints the validated plan with its sources', async () => {
    const r = await cli(['show', 'kontum-1102-2019', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout);
    expect(plan.number).toBe('1102/KH-UBND');
    expect(plan.tasks).toHaveLength(36);
    const target = plan.indicators.flatMap((i: any) => i.targets).find((t: any) => t.phase === '2019-2020' && t.level === 'commune' && t.value === 30);
    expect(target).toMatchObject({ comparator: 'gte', unit: 'percent', scope: 'whole-province' });
    expect(target.source.quote).toContain('30% hồ');
    expect(plan.tasks.filter((t: any) => t.group === 'V' && t.label === '2')).toHaveLength(2);
  });

  it('show prints a readable summary in Vietnamese, or English with --lang en', async () => {
    const vi = await cli(['show', 'kontum-1102-2019']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('1102/KH-UBND');
    expect(vi.stdout).toContain('Lịch báo cáo');
    const en = await cli(['show', 'kontum-1102-2019', '--lang', 'en']);
    expect(en.stdout).toContain('Reporting calendar');
    expect(en.stdout).toContain('≥ 80% (province; whole province)');
  });

  it('show accepts a file path as well as a bundled id', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(smallPlan()));
    const r = await cli(['show', 'mine.json', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('tinh-mau-1-2019');
  });

  it('an unknown plan is bad input (exit 1) with a message on stderr only', async () => {
    const r = await cli(['show', 'khong-co']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('plan.unknown_plan');
  });
});

describe('egov-plan validate', () => {
  it('exits 0 for a valid file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(smallPlan(), null, 2));
    const r = await cli(['validate', 'ok.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('hợp lệ');
  });

  it('exits 1 and lists every error with code, pointer, line and column, in both languages', async () => {
    const dir = tempDir();
    const p = smallPlan() as any;
    p.indicators[0].targets[0].value = 120; // percentage over 100
    p.phases[0].end = '2018-01-01'; // end before start
    p.tasks[0].extra = true; // unknown key
    p.date = 5; // wrong type
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(p, null, 2));
    const r = await cli(['validate', 'bad.json', '--json', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    const byCode = Object.fromEntries(out.issues.map((i: any) => [i.code, i]));
    expect(byCode['schema.out_of_range']).toMatchObject({ pointer: '/indicators/0/targets/0/value', file: 'bad.json' });
    expect(byCode['schema.unknown_key'].pointer).toBe('/tasks/0/extra');
    expect(byCode['schema.invalid_type'].pointer).toBe('/date');
    expect(byCode['plan.end_before_start'].pointer).toBe('/phases/0/end');
    for (const i of out.issues) {
      expect(i.line).toBeGreaterThan(0);
      expect(i.column).toBeGreaterThan(0);
      expect(i.message.vi).toBeTruthy();
      expect(i.message.en).toBeTruthy();
    }
    expect(r.stderr).toMatch(/bad\.json:\d+:\d+ \[schema\.out_of_range\] \/indicators\/0\/targets\/0\/value/);
  });

  it.each([
    ['bad JSON', '{"formatVersion": 1,', 'json.syntax'],
    ['duplicate ids', JSON.stringify({ ...smallPlan(), agencies: [...smallPlan().agencies, smallPlan().agencies[0]] }), 'plan.duplicate_id'],
    ['an undeclared agency', JSON.stringify({ ...smallPlan(), tasks: [{ ...smallPlan().tasks[0], lead: ['so-ma'] }] }), 'plan.unknown_agency'],
    ['an end before a start', JSON.stringify({ ...smallPlan(), phases: [{ ...smallPlan().phases[0], end: '2000-01-01' }] }), 'plan.end_before_start'],
    ['an array instead of a plan', '[]', 'schema.invalid_type'],
  ])('reports %s as a typed error, never a stack trace', async (_name, text, code) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.json'), text);
    const r = await cli(['validate', 'f.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('validates the bundled plans exported as files', async () => {
    const dir = tempDir();
    const shown = await cli(['show', 'kontum-1102-2019', '--json']);
    writeFileSync(join(dir, 'kt.json'), shown.stdout);
    const r = await cli(['validate', 'kt.json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('usage errors', () => {
  it('an unknown command or a missing argument exits 2', async () => {
    expect((await cli(['khong-co-lenh'])).code).toBe(2);
    expect((await cli(['show'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    expect((await cli(['plans', '--lang', 'fr'])).code).toBe(2);
  });

  it('--help exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('show');
  });
});

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
describe.runIf(existsSync(bin))('the built binary', () => {
  it('runs as a process with the documented exit codes and streams', () => {
    const out = execFileSync(process.execPath, [bin, 'plans'], { encoding: 'utf8' });
    expect(out).toContain('kontum-1102-2019');
    const bad = spawnSync(process.execPath, [bin, 'show', 'khong-co'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    const usage = spawnSync(process.execPath, [bin, 'show'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
