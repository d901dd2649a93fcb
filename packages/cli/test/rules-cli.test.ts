import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyRuleFile, tempDirWith } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

/** The CLI in `cwd` on 2023-06-01. */
const cli = (args: string[], cwd = process.cwd()) => runCli(args, { cwd, now: '2023-06-01T00:00:00Z' });

const example = fileURLToPath(new URL('../../../examples/custom-province/', import.meta.url));
const HEADER = 'indicator,orgUnit,level,period,value,numerator,denominator';

describe('egov-plan evaluate', () => {
  it('a district-level target for the whole province: the roll-up is the verdict, each district a ↳ row counted apart, --fail-on only on verdicts', async () => {
    // 608: 45/100, 610: 150/200 → (45 + 150) / 300 = 65% ≥ 60%; 611 reports 64% without counts.
    const dir = tempDirWith({ 'm.csv': [HEADER, 'online-work-files,608,district,2020Q4,,45,100', 'online-work-files,610,district,2020Q4,,150,200', 'online-work-files,611,district,2020Q4,64,,'].join('\n') });
    const r = await cli(['evaluate', '--plan', 'kontum-1102-2019', '--measurements', 'm.csv', '--indicator', 'online-work-files', '--fail-on', 'not-met', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^online-work-files\.2019-2020\.district\s+62 \([^)]*\)\s+2020Q4\s+65%\s+≥ 60%\s+\+5\s+met$/mu);
    expect(r.stdout).toMatch(/^↳ online-work-files\.2019-2020\.district\s+608 \(Kon Tum city\)\s+2020Q4\s+45%\s+≥ 60%\s+-15\s+not met$/mu);
    expect(r.stdout).toMatch(/^↳ online-work-files\.2019-2020\.district\s+611 \(Ngọc Hồi district\)\s+2020Q4\s+64%\s+≥ 60%\s+\+4\s+met$/mu);
    expect(r.stdout).toMatch(/^ {2}online-work-files — 3: 1 met, 0 not met, 2 no data, 0 not applicable; per unit of the level 3: 2 met, 1 not met, 0 no data, 0 not applicable$/mu);
    expect(r.stdout).toMatch(/^Total \d+: 1 met, 0 not met, \d+ no data, 0 not applicable, and 3 per-unit results of whole-province targets\.$/mu);
    const json = JSON.parse((await cli(['evaluate', '--plan', 'kontum-1102-2019', '--measurements', 'm.csv', '--json'], dir)).stdout);
    expect(json.byIndicatorPerUnit).toEqual({ 'online-work-files': { met: 2, 'not-met': 1, 'no-data': 0, 'not-applicable': 0 } });
    const whole = json.results.find((x: any) => x.target === 'online-work-files.2019-2020.district' && x.headline);
    expect(whole.rollUp.leftOut).toEqual([{ orgUnit: '611', period: '2020Q4', value: 64, numerator: null, denominator: null, reason: 'no-counts' }]);
  });

  it('--json prints one result per target × org unit with the ids as given, status, value, gap, phase, provenance, quote and explanation', async () => {
    const dir = tempDirWith({ 'm.csv': [HEADER, 'online-dossier-rate,so-tttt,province,2020Q4,19,190,1000', 'online-dossier-rate,so-yte,province,2020Q4,40,400,1000'].join('\n') });
    const r = await cli(['evaluate', '--plan', 'kontum-1102-2019', '--measurements', 'm.csv', '--json'], dir);
    expect(r.code).toBe(0);
    // "so-yte" is not an id of the plan (its health department is "so-y-te"): evaluated as given, and named in a warning.
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^m\.csv:3 cảnh báo \[measurement\.unknown_org_unit\] \/3\/orgUnit Dòng 3: kế hoạch không có đơn vị "so-yte" \(cấp tỉnh\).* Có phải là "so-y-te"\?/u)]);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ plan: 'kontum-1102-2019', at: '2020-12-14', phases: ['2019-2020'], evaluator: 'compiled', rows: 2, badRows: 0 });
    expect(out.issues).toEqual([expect.objectContaining({ code: 'measurement.unknown_org_unit', severity: 'warning', pointer: '/3/orgUnit' })]);
    const mine = out.results.find((x: any) => x.target === 'online-dossier-rate.2019-2020' && x.orgUnit === 'so-tttt');
    expect(mine).toMatchObject({ indicator: 'online-dossier-rate', status: 'not-met', value: 19, targetValue: 20, gap: -1, phase: '2019-2020', period: '2020Q4', scope: 'each-agency' });
    expect(mine.source.quote).toMatch(/20%/u);
    expect(mine.provenance[0]).toMatchObject({ action: 'defined', file: 'kontum-1102-2019' });
    expect(mine.explanation.vi).toMatch(/^Chưa đạt: so-tttt \(Sở Thông tin và Truyền thông\) có giá trị 19%/u);
    expect(mine.explanation.en).toMatch(/^Not met: so-tttt \(Department of Information and Communications\) has 19%/u);
    // Kon Tum's 2021–2025 target for the same indicator is whole-province and not yet in force.
    expect(out.results.filter((x: any) => x.phase !== '2019-2020')).toEqual([]);
  });

  it('bad rows go to standard error with their row number and reason; the good rows are still evaluated; exit 1', async () => {
    const dir = tempDirWith({
      'm.csv': [HEADER, 'online-dossier-rate,so-tttt,province,2020Q4,19,190,1000', 'online-dossier-rate,so-yte,province,2020Q5,40,,', 'khong-co,so-yte,province,2020Q4,40,,', 'online-dossier-rate,so-gd,province,2020Q4,19%,,'].join('\n'),
    });
    const r = await cli(['evaluate', '--plan', 'kontum-1102-2019', '--measurements', 'm.csv', '--json', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^m\.csv:3 \[measurement\.invalid_period\] \/3\/period Row 3: period "2020Q5" is not valid/u);
    expect(lines[1]).toMatch(/^m\.csv:4 \[measurement\.unknown_indicator\] \/4\/indicator Row 4: /u);
    expect(lines[2]).toMatch(/Row 5: "19%" is not a decimal number \(write the number without %\)/u);
    const out = JSON.parse(r.stdout);
    expect(out.badRows).toBe(3);
    expect(out.results.filter((x: any) => x.indicator === 'online-dossier-rate' && x.scope === 'each-agency').map((x: any) => x.orgUnit)).toEqual(['so-tttt']);
  });

  it('prints a table in Vietnamese by default, in English with --lang en', async () => {
    const vi = await cli(['evaluate', '--plan', 'tinh-mau.json', '--measurements', 'measurements.csv', '--at', '2020-12-14'], example);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Kế hoạch tinh-mau-99-2019 — đánh giá tại ngày 2020-12-14, giai đoạn 2019-2020');
    expect(vi.stdout).toMatch(/online-dossier-rate\.2019-2020\s+so-tu-phap-mau \(Sở Tư pháp tỉnh Mẫu\)\s+2020Q4\s+22%\s+≥ 25%\s+-3\s+chưa đạt/u);
    const en = await cli(['evaluate', '--plan', 'tinh-mau.json', '--measurements', 'measurements.csv', '--at', '2020-12-14', '--lang', 'en'], example);
    expect(en.stdout).toMatch(/online-dossier-rate\.2019-2020\s+so-tu-phap-mau \([^)]*\)\s+2020Q4\s+22%\s+≥ 25%\s+-3\s+not met/u);
    expect(en.stdout).toMatch(/^Total \d+: \d+ met, 1 not met, \d+ no data, 0 not applicable\.$/mu);
  });

  it('reads JSON measurements, and the reference evaluator gives the same results', async () => {
    const rows = [{ indicator: 'online-dossier-rate', orgUnit: 'so-tttt', level: 'province', period: '2020Q4', value: 21 }];
    const dir = tempDirWith({ 'm.json': JSON.stringify({ measurements: rows }) });
    const a = JSON.parse((await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'm.json', '--json'], dir)).stdout);
    const b = JSON.parse((await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'm.json', '--json', '--evaluator', 'reference'], dir)).stdout);
    expect(b.evaluator).toBe('reference');
    expect(b.results).toEqual(a.results);
    expect(a.results.find((x: any) => x.orgUnit === 'so-tttt')).toMatchObject({ status: 'met', value: 21 });
  });

  it('usage errors exit 2: a malformed --at, a missing option, an unknown evaluator', async () => {
    const dir = tempDirWith({ 'm.csv': `${HEADER}\n` });
    expect((await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'm.csv', '--at', '14/12/2020'], dir)).code).toBe(2);
    expect((await cli(['evaluate', '--plan', 'vn-nq17-2019'], dir)).code).toBe(2);
    expect((await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'm.csv', '--evaluator', 'eval'], dir)).code).toBe(2);
  });

  it('--at must be a real calendar date: 2020-13-01, 2021-02-29 and 2020-12-32 are usage errors (exit 2)', async () => {
    const dir = tempDirWith({ 'm.csv': `${HEADER}\nonline-dossier-rate,so-tttt,province,2020Q4,20,,\n` });
    for (const at of ['2020-13-01', '2021-02-29', '2020-12-32', '2020-00-10']) {
      const r = await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'm.csv', '--at', at], dir);
      expect(r.code, at).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect((await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'm.csv', '--at', '2020-02-29'], dir)).code).toBe(0);
    expect((await cli(['explain', 'vn-nq17-2019', 'e-identification.2021-2025', '--at', '2023-02-29'], dir)).code).toBe(2);
  });

  it('a FIFO, a directory or /dev/zero as the plan, the measurements or the file to validate is a typed error, not a hang', async () => {
    const dir = tempDirWith({ 'm.csv': `${HEADER}\n` });
    execFileSync('mkfifo', [join(dir, 'fifo.csv')]);
    mkdirSync(join(dir, 'folder.json'));
    for (const path of ['fifo.csv', 'folder.json', '/dev/zero']) {
      const m = await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', path], dir);
      expect(m.code, path).toBe(1);
      expect(m.stderr).toContain('file.not_found');
      const p = await cli(['evaluate', '--plan', path, '--measurements', 'm.csv'], dir);
      expect(p.code, path).toBe(1);
      expect(p.stderr).toContain('file.not_found');
      const v = await cli(['validate', path], dir);
      expect(v.code, path).toBe(1);
      expect(v.stderr).toContain('file.not_found');
    }
  }, 10_000);

  it('bad input exits 1: an unknown plan, a missing file, a header without the required columns', async () => {
    const dir = tempDirWith({ 'm.csv': 'indicator,orgUnit,value\nx,y,1' });
    expect((await cli(['evaluate', '--plan', 'khong-co', '--measurements', 'm.csv'], dir)).code).toBe(1);
    expect((await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'khong-co.csv'], dir)).stderr).toContain('file.not_found');
    const r = await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'm.csv', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[measurement.missing_column] /1 Row 1: missing column(s) period');
  });

  it('--progress classifies each target with the named method', async () => {
    const dir = tempDirWith({ 'm.csv': [HEADER, 'online-dossier-rate,so-tttt,province,2019Q4,10,,', 'online-dossier-rate,so-tttt,province,2020Q2,12,,'].join('\n') });
    const out = JSON.parse((await cli(['evaluate', '--plan', 'vn-nq17-2019', '--measurements', 'm.csv', '--json', '--progress', 'linear'], dir)).stdout);
    const p = out.progress.results.find((x: any) => x.orgUnit === 'so-tttt');
    // From 10 (2019-12-14) to 12 (2020-06-14): +2 in half a year, 4/year; 20 by 2020-12-31 needs (20−10)/1.05 years ≈ 9.5/year: R ≈ 0.42, limited progress.
    expect(p).toMatchObject({ method: 'linear', category: 'limited', status: 'off-track' });
    expect(p.ratio).toBeCloseTo(4 * (1.0499 / 10), 1);
  });
});

describe('egov-plan export, validate and explain', () => {
  it('export writes a self-contained rule file that validate and evaluate accept', async () => {
    const exported = await cli(['export', 'tinh-mau.json'], example);
    expect(exported.code).toBe(0);
    const file = JSON.parse(exported.stdout);
    expect(file.extends).toBeUndefined();
    expect(file.resolvedFrom.map((x: any) => x.file)).toEqual(['vn-nq17-2019', 'kontum-1102-2019', 'tinh-mau.json']);
    // The items keep the plan they came from.
    expect(file.itemOrigins.find((o: any) => o.id === 'quarterly-report-agencies')).toMatchObject({ plan: 'kontum-1102-2019', number: '1102/KH-UBND' });
    const dir = tempDirWith({ 'tinh-mau-full.json': exported.stdout, 'm.csv': readFileSync(join(example, 'measurements.csv'), 'utf8') });
    const v = await cli(['validate', join(dir, 'tinh-mau-full.json')], dir);
    expect(v.code).toBe(0);
    const a = JSON.parse((await cli(['evaluate', '--plan', 'tinh-mau-full.json', '--measurements', 'm.csv', '--json'], dir)).stdout);
    const b = JSON.parse((await cli(['evaluate', '--plan', 'tinh-mau.json', '--measurements', join(dir, 'm.csv'), '--json'], example)).stdout);
    // Same verdicts and provenance; the steps the exported file states about tinh-mau.json are
    // its own claim (only the bundled plan's are verified), and are marked so.
    const claimedSteps = a.results.flatMap((r: any) => r.provenance).filter((s: any) => s.claimed);
    expect(claimedSteps.length).toBeGreaterThan(0);
    expect(claimedSteps.every((s: any) => s.file === 'tinh-mau.json')).toBe(true);
    expect(a.results.find((r: any) => r.target === 'e-identification.2021-2025' && r.effectiveFrom === '2023-01-01')?.explanation.en).toContain('tinh-mau.json (/overrides/1, as the file claims, not verified)');
    const unmarked = (results: any[]) => results.map(({ explanation: _e, ...r }: any) => ({ ...r, provenance: r.provenance.map(({ claimed: _c, ...s }: any) => s) }));
    expect(unmarked(a.results)).toEqual(unmarked(b.results));
  });

  it('export of a bundled plan validates too', async () => {
    const exported = await cli(['export', 'kontum-1102-2019']);
    const dir = tempDirWith({ 'kt.json': exported.stdout });
    expect((await cli(['validate', join(dir, 'kt.json')], dir)).code).toBe(0);
  });

  it('explain of a district-level target for the whole province says each district and the level as a whole are judged', async () => {
    const r = await cli(['explain', 'kontum-1102-2019', 'online-work-files.2019-2020.district', '--at', '2020-12-14', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('judged: the district level as a whole (the verdict: summed counts of its units, naming the values left out and the units that did not report), and each district unit that reports on its own value');
    const vi = await cli(['explain', 'kontum-1102-2019', 'online-work-files.2019-2020.district', '--at', '2020-12-14']);
    expect(vi.stdout).toContain('cách xét: cả cấp huyện (kết luận');
  });

  it('explain prints the provenance chain: which file set each value, from when, and what it replaced', async () => {
    const r = await cli(['explain', 'tinh-mau.json', 'e-identification.2021-2025', '--at', '2023-03-14', '--lang', 'en'], example);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('in force: ≥ 50% (the province as a whole, phase 2021-2025), from 2023-01-01');
    // Both bundled plans define it alike; the later base in "extends", Kon Tum's, gives its words.
    expect(r.stdout).toMatch(/1\. Defined at kontum-1102-2019 \/indicators\/\d+\/targets\/1/u);
    expect(r.stdout).toContain('2. Overridden from 2023-01-01 at tinh-mau.json /overrides/1: value: 40 → 50');
    const json = JSON.parse((await cli(['explain', 'tinh-mau.json', 'e-identification.2021-2025', '--at', '2022-06-01', '--json'], example)).stdout);
    expect(json.inForce).toMatchObject({ effectiveFrom: null, target: { value: 40 } });
    expect(json.versions.map((v: any) => [v.effectiveFrom, v.target.value])).toEqual([
      [null, 40],
      ['2023-01-01', 50],
    ]);
  });

  it('explain of an unknown target is bad input (exit 1)', async () => {
    const r = await cli(['explain', 'vn-nq17-2019', 'khong-co']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('rules.unknown_target');
  });

  it('validate reports a cycle in extends at the entry that closes it', async () => {
    const base = JSON.parse(readFileSync(join(example, 'tinh-mau.json'), 'utf8'));
    const dir = tempDirWith({ 'a.json': JSON.stringify({ ...base, id: 'a-2019', extends: ['b.json'], overrides: [], addTargets: [] }, null, 2), 'b.json': JSON.stringify({ ...base, id: 'b-2019', extends: ['a.json'], overrides: [], addTargets: [] }, null, 2) });
    const r = await cli(['validate', join(dir, 'a.json'), '--json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).issues[0]).toMatchObject({ code: 'rules.extends_cycle', pointer: '/extends/0' });
  });
});

describe('--allow-outside', () => {
  // A province folder whose rule file extends a base one level up, outside its own folder.
  const top = tempDirWith({ 'base.json': emptyRuleFile({ id: 'tinh-goc-96-2019', number: '96/KH-UBND', extends: ['vn-nq17-2019'] }) });
  const dir = join(top, 'province');
  mkdirSync(dir);
  writeFileSync(join(dir, 'p.json'), JSON.stringify(emptyRuleFile({ extends: ['../base.json'] })));

  it('without it, an extends path outside the rule file’s folder is refused (exit 1, rules.path_not_allowed) in validate and show', async () => {
    for (const args of [['validate', 'p.json', '--json'], ['show', '--plan', 'p.json', '--json']]) {
      const r = await cli(args, dir);
      expect(r.code).toBe(1);
      // validate prints its report ({ valid, issues }); another command its error object ({ ok, error }).
      const out = JSON.parse(r.stdout) as { issues?: { code: string }[]; error?: { issues: { code: string }[] } };
      expect((out.issues ?? out.error?.issues ?? []).map((i) => i.code)).toContain('rules.path_not_allowed');
    }
  });

  it('with it, the base is read and the plan resolves through it', async () => {
    const v = await cli(['validate', 'p.json', '--allow-outside', '--json'], dir);
    expect(v.code).toBe(0);
    const s = await cli(['show', '--plan', 'p.json', '--allow-outside', '--json'], dir);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).resolvedFrom.map((r: { file: string }) => r.file)).toEqual(['vn-nq17-2019', `${top}/base.json`, 'p.json']);
  });
});

describe('warnings of a plan that loads', () => {
  it('a plan file with a provenance claim that does not hold is used, and the warning is printed on standard error', async () => {
    const { exportPlan } = await import('@egov-plan/rules');
    const { loadPlanSync } = await import('@egov-plan/rules/node');
    const src = tempDirWith({
      'province.json': emptyRuleFile({ extends: ['vn-nq17-2019'], overrides: [{ target: 'e-identification.2021-2025', effectiveFrom: null, set: { value: 10 }, source: { section: 'I.2', quote: 'tỉnh tự hạ' } }] }),
    });
    const file = exportPlan(loadPlanSync('province.json', { cwd: src })) as Record<string, any>;
    file.overrides[0].origin = { file: 'vn-nq17-2019', pointer: '/indicators/0/targets/1' };
    const dir = tempDirWith({ 'forged.json': file });
    for (const args of [['show', '--plan', 'forged.json', '--lang', 'en'], ['show', '--plan', 'forged.json', '--lang', 'en', '--json']]) {
      const r = await cli(args, dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/forged\.json:\d+:\d+ warning \[rules\.unverified_provenance\] \/overrides\/0\/origin .*does not hold it/u);
      expect(r.stdout).not.toContain('unverified_provenance');
    }
  });
});
