import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ruleFileOver, tempResources } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// `calendar --period`: a collective reporter ("Các sở, ban, ngành", "UBND các huyện, thành phố")
// is expanded into its members, so each member's report counts; Kon Tum's plan declares no
// district People's Committee, so those members are inferred from its district units and marked
// unconfirmed. A collective with no members to expand into is counted as one reporter, and the
// output says so and why. A submission from a reporter not expected is named, never dropped.

const temp = tempResources();
afterEach(() => temp.cleanup());
const dir = (files: Record<string, string>) => temp.dir('egov-plan-collectives-', files);

/** Records a submission of Kon Tum's agencies' quarterly report for 2020Q4 by `reporter`, at `now`. */
async function submit(cwd: string, file: string, reporter: string, now: string) {
  const r = await runCli(['import', '--plan', 'kontum-1102-2019', file, '--by', 'test', '--reporter', reporter, '--obligation', 'quarterly-report-agencies'], { cwd, now });
  expect(r.code, r.stderr).toBe(0);
}

/** Kon Tum's calendar, obligations and agencies without its districts or tasks (a rule file over Kon Tum's plan). */
function noDistricts() {
  return ruleFileOver({ plan: 'kontum-1102-2019', include: ['phases', 'indicators', 'calendar', 'reportingObligations', 'agencies'] }, {
    administrativeUnits: [
      { code: '62', name: { vi: 'Tỉnh Kon Tum', en: 'Kon Tum province' }, level: 'province', parent: null, validFrom: null, validTo: null, successors: [], confidence: 'unconfirmed', source: 'test' },
    ],
  });
}

const KONTUM_DISTRICTS = ['608', '610', '611', '612', '613', '614', '615', '616', '617', '618'];

describe('calendar --period expands collective reporters', () => {
  it("Kon Tum: each district's People's Committee (inferred from the plan's 10 districts, unconfirmed) and each declared department is expected", async () => {
    const cwd = dir({
      'a.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,608,2020Q4,30\n',
      'b.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,31\n',
      'c.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-y-te,2020Q4,32\n',
    });
    // "trước ngày 17 của tháng cuối quý": the last on-time day of 2020Q4 is Wednesday 16 December 2020.
    await submit(cwd, 'a.csv', '608', '2020-12-15T09:00:00+07:00');
    await submit(cwd, 'b.csv', 'so-tttt', '2020-12-18T09:00:00+07:00');
    await submit(cwd, 'c.csv', 'ubnd-cac-huyen', '2020-12-10T09:00:00+07:00');
    const r = await runCli(['calendar', '--period', '2020Q4', '--at', '2021-01-20', '--json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const ob = JSON.parse(r.stdout).obligations.find((o: { obligation: string }) => o.obligation === 'quarterly-report-agencies');
    expect(ob.reporters).toEqual(['cac-so-ban-nganh', 'ubnd-cac-huyen']);
    const districts = ob.expectedReporters.filter((x: { via: string }) => x.via === 'ubnd-cac-huyen');
    expect(districts.map((x: { reporter: string }) => x.reporter)).toEqual(KONTUM_DISTRICTS);
    for (const d of districts) expect(d).toMatchObject({ basis: 'administrative-unit', confidence: 'unconfirmed' });
    expect(ob.expectedReporters).toContainEqual({ reporter: 'so-tttt', via: 'cac-so-ban-nganh', basis: 'agency', confidence: 'unconfirmed' });
    expect(ob.collectives).toEqual([
      expect.objectContaining({ collective: 'cac-so-ban-nganh', counted: 'members', basis: 'agency', date: '2020-12-16' }),
      expect.objectContaining({ collective: 'ubnd-cac-huyen', counted: 'members', basis: 'administrative-unit', members: 10, date: '2020-12-16' }),
    ]);
    expect(ob.byReporter['608']).toBe('on-time');
    expect(ob.byReporter['so-tttt']).toBe('late');
    expect(ob.byReporter['611']).toBe('overdue');
    expect(ob.byReporter['ubnd-cac-huyen']).toBeUndefined();
    expect(ob).toMatchObject({ expected: ob.expectedReporters.length, submitted: 2, onTime: 1, late: 1 });
    // The collective's own submission is not one of the expected reporters: named, not dropped.
    expect(ob.unexpected).toEqual(['ubnd-cac-huyen']);

    const vi = await runCli(['calendar', '--period', '2020Q4', '--at', '2021-01-20'], { cwd });
    expect(vi.stdout).toContain('suy ra là UBND của 10 đơn vị hành chính cấp huyện có hiệu lực ngày 2020-12-16');
    expect(vi.stdout).toContain('  - 608 Thành phố Kon Tum (thuộc UBND các huyện, thành phố: UBND của đơn vị, suy ra, chưa xác nhận): đúng hạn');
    expect(vi.stdout).toContain('  ! đã nhận từ đơn vị không thuộc danh sách phải nộp: ubnd-cac-huyen UBND các huyện, thành phố');
    const en = await runCli(['calendar', '--period', '2020Q4', '--at', '2021-01-20', '--lang', 'en'], { cwd });
    expect(en.stdout).toContain('inferred as the People\'s Committees of its 10 district units in force on 2020-12-16');
    expect(en.stdout).toContain('  - 610 Đắk Glei district (member of People\'s Committees of the districts and the city: its People\'s Committee, inferred, unconfirmed): overdue');
    expect(en.stdout).toContain('  - Department of Information and Communications (member of Provincial departments, boards and sectors, unconfirmed): late');
  });

  it('a collective with nothing to expand into is counted as one reporter, and the output says why (vi/en)', async () => {
    // Kon Tum's calendar and obligations without its districts: "UBND các huyện, thành phố" has no member agencies and no district to infer them from.
    const cwd = dir({ 'p.json': JSON.stringify(noDistricts()) });
    const j = await runCli(['calendar', '--plan', 'p.json', '--period', '2020Q4', '--at', '2021-01-20', '--json'], { cwd });
    expect(j.code, j.stderr).toBe(0);
    const ob = JSON.parse(j.stdout).obligations.find((o: { obligation: string }) => o.obligation === 'quarterly-report-agencies');
    expect(ob.collectives).toContainEqual(expect.objectContaining({ collective: 'ubnd-cac-huyen', counted: 'as-one', basis: null, members: 1 }));
    expect(ob.expectedReporters).toContainEqual({ reporter: 'ubnd-cac-huyen', via: null, basis: 'collective', confidence: null });
    expect(ob.byReporter['ubnd-cac-huyen']).toBe('overdue');
    const vi = await runCli(['calendar', '--plan', 'p.json', '--period', '2020Q4', '--at', '2021-01-20'], { cwd });
    expect(vi.stdout).toContain('"UBND các huyện, thành phố" được tính là một đơn vị báo cáo: kế hoạch không khai báo cơ quan thành viên nào, và không có đơn vị hành chính nào để suy ra thành viên vào ngày 2020-12-16.');
    const en = await runCli(['calendar', '--plan', 'p.json', '--period', '2020Q4', '--at', '2021-01-20', '--lang', 'en'], { cwd });
    expect(en.stdout).toContain('"People\'s Committees of the districts and the city" is counted as one reporter: the plan declares no member agencies, and no administrative unit to infer members from is in force on 2020-12-16.');
  });

  it('tasks of a plan that takes no tasks says so instead of printing zero counts alone (vi/en)', async () => {
    const cwd = dir({ 'p.json': JSON.stringify(noDistricts()) });
    const vi = await runCli(['tasks', '--plan', 'p.json', '--at', '2020-06-01'], { cwd });
    expect(vi.code, vi.stderr).toBe(0);
    expect(vi.stdout).toContain('(kế hoạch không có nhiệm vụ nào: tệp không khai báo và không kế thừa nhiệm vụ)');
    const en = await runCli(['tasks', '--plan', 'p.json', '--at', '2020-06-01', '--lang', 'en'], { cwd });
    expect(en.stdout).toContain('(the plan has no tasks: its file declares none and inherits none)');
    const kontum = await runCli(['tasks', '--plan', 'kontum-1102-2019', '--at', '2020-06-01', '--agency', 'so-y-te', '--lang', 'en']);
    expect(kontum.stdout).not.toContain('the plan has no tasks');
  });
});

describe('import --reporter names a reporter of the plan', () => {
  it('refuses an id that is neither an agency nor an administrative unit of the plan (exit 2), writing nothing', async () => {
    const cwd = dir({ 'a.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,31\n' });
    const r = await runCli(['import', '--plan', 'kontum-1102-2019', 'a.csv', '--by', 'test', '--reporter', 'so-ttt', '--obligation', 'quarterly-report-agencies', '--json'], { cwd });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.issues[0].code).toBe('usage.invalid_value');
    expect(r.stderr).toContain('"so-ttt"');
    expect(existsSync(join(cwd, 'egov-plan.sqlite'))).toBe(false);
    const en = await runCli(['import', '--plan', 'kontum-1102-2019', 'a.csv', '--reporter', 'so-ttt', '--obligation', 'quarterly-report-agencies', '--lang', 'en'], { cwd });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('has no agency or administrative unit "so-ttt"');
  });
});
