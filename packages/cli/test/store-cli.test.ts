import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempResources, testPlan } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

const temp = tempResources();
afterEach(() => temp.cleanup());
const workdir = (files: Record<string, unknown> = {}) => temp.dir('egov-plan-store-cli-', files);

const NOW = '2020-12-10T09:00:00+07:00';
const json = (s: string) => JSON.parse(s);

/** The plan's template filled with the given rows on its province sheet (the given cells, `E2`…, with the given number formats), written to `file`. */
async function fillTemplate(dir: string, file: string, rows: unknown[][], formats: Record<string, string> = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'mau.xlsx'));
  const ws = wb.getWorksheet('Cấp tỉnh')!;
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r as ExcelJS.CellValue[]));
  for (const [cell, numFmt] of Object.entries(formats)) ws.getCell(cell).numFmt = numFmt;
  // exceljs's writer stores the sheets before xl/workbook.xml, and exceljs's streaming reader
  // (what `import` uses) fails at random on such a file of five sheets (the template itself is
  // written sheets last); the empty commune sheet is left out of the file this test fills.
  wb.removeWorksheet(wb.getWorksheet('Cấp xã')!.id);
  await wb.xlsx.writeFile(join(dir, file));
}

describe('template → fill → import → re-import → broken file → evaluate → who is late', () => {
  it('works end to end on the embedded store in the working directory', async () => {
    const dir = workdir();
    const t = await runCli(['template', '--plan', 'kontum-1102-2019', '--out', 'mau.xlsx', '--json'], { cwd: dir });
    expect(t.code).toBe(0);
    expect(json(t.stdout).sheets).toEqual(['Cấp tỉnh', 'Cấp huyện', 'Cấp xã']);
    // Reading commands before anything is imported: an empty store, and no file left behind.
    const empty = await runCli(['history', '--json'], { cwd: dir });
    expect(empty.code).toBe(0);
    expect(json(empty.stdout).revisions).toEqual([]);
    expect(existsSync(join(dir, 'egov-plan.sqlite'))).toBe(false);

    await fillTemplate(dir, 'q4.xlsx', [
      ['online-dossier-rate', 'so-tttt', null, '2020Q4', 27],
      ['online-dossier-rate', 'so-noi-vu', null, '2020Q4', 15],
      ['e-identification', '62', null, '2020Q4', 15],
    ]);
    const first = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', '--reporter', 'so-tttt', '--obligation', 'quarterly-report-province-to-government', 'q4.xlsx', '--json'], { cwd: dir, now: NOW });
    expect(first.code).toBe(0);
    const f = json(first.stdout);
    expect(f).toMatchObject({ ok: true, rows: 3, revisions: 3, unchanged: 0, rejected: 0 });
    expect(existsSync(join(dir, 'egov-plan.sqlite'))).toBe(true);
    const importId = f.files[0].importId as string;

    const again = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.xlsx'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('3 dòng — 0 phiên bản mới, 3 không đổi, 0 bị từ chối');

    await fillTemplate(dir, 'hong.xlsx', [
      ['online-dossier-rate', 'so-tttt', null, '2020Q4', 30],
      ['online-dossier-rate', 'so-y-te', null, '2020Q4', 'mười hai'],
    ]);
    const broken = await runCli(['import', '--plan', 'kontum-1102-2019', 'hong.xlsx', '--lang', 'en'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('hong.xlsx: REFUSED — 1 of 2 rows bad; nothing imported.');
    expect(broken.stderr).toContain('[measurement.invalid_number] /Cấp tỉnh/3/value Sheet "Cấp tỉnh", row 3, column E (Giá trị)');
    const hist = json((await runCli(['history', '--indicator', 'online-dossier-rate', '--org-unit', 'so-tttt', '--json'], { cwd: dir })).stdout);
    expect(hist.revisions.map((r: { revision: number; value: number; file: string }) => [r.revision, r.value, r.file])).toEqual([[1, 27, 'q4.xlsx']]);

    // Evaluating from the store gives the verdicts of evaluating the same rows from a file.
    writeFileSync(join(dir, 'q4.csv'), 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\nonline-dossier-rate,so-noi-vu,2020Q4,15\ne-identification,62,2020Q4,15\n');
    const fromStore = await runCli(['evaluate', '--plan', 'kontum-1102-2019', '--database', 'egov-plan.sqlite', '--at', '2020-12-14', '--json', '--out', 'ket-qua.xlsx'], { cwd: dir });
    const fromFile = await runCli(['evaluate', '--plan', 'kontum-1102-2019', '--measurements', 'q4.csv', '--at', '2020-12-14', '--json'], { cwd: dir });
    expect(fromStore.code).toBe(0);
    const verdicts = (s: string) => json(s).results.map((r: { target: string; orgUnit: string; status: string; value: unknown }) => [r.target, r.orgUnit, r.status, r.value]);
    expect(verdicts(fromStore.stdout)).toEqual(verdicts(fromFile.stdout));
    expect(json(fromStore.stdout).summary).toEqual(json(fromFile.stdout).summary);
    const results = new ExcelJS.Workbook();
    await results.xlsx.readFile(join(dir, 'ket-qua.xlsx'));
    expect(results.worksheets.map((w) => w.name)).toContain('Cấp tỉnh');

    // Who submitted, who is late: the submission recorded on import.
    const cal = await runCli(['calendar', '--period', '2020Q4', '--at', '2021-01-20', '--json'], { cwd: dir });
    expect(cal.code).toBe(0);
    const ob = json(cal.stdout).obligations.find((o: { obligation: string }) => o.obligation === 'quarterly-report-province-to-government');
    expect(ob.byReporter).toEqual({ 'so-tttt': 'on-time', 'ubnd-tinh': 'overdue' });
    expect(ob).toMatchObject({ expected: 2, submitted: 1, onTime: 1, missing: 1, onTimeRate: 50 });

    // A wrong import withdrawn: new revisions, nothing deleted.
    const retract = await runCli(['retract', importId, '--by', 'so-tttt', '--json'], { cwd: dir, now: '2020-12-11T09:00:00+07:00' });
    expect(retract.code).toBe(0);
    expect(json(retract.stdout)).toMatchObject({ retracted: importId, revisions: 3 });
    const after = json((await runCli(['history', '--indicator', 'online-dossier-rate', '--org-unit', 'so-tttt', '--json'], { cwd: dir })).stdout);
    expect(after.revisions.map((r: { revision: number; value: unknown; retractionOf: string | null }) => [r.revision, r.value, r.retractionOf])).toEqual([
      [1, 27, null],
      [2, null, importId],
    ]);
  });
});

describe('a value typed as a percentage in Excel (90%: the number 0.9 shown as 90%)', () => {
  it('imports as the percent shown (90, as the plan writes it), and a percent-formatted count refuses the file', async () => {
    const dir = workdir();
    expect((await runCli(['template', '--plan', 'kontum-1102-2019', '--out', 'mau.xlsx'], { cwd: dir })).code).toBe(0);
    // Columns: indicator, orgUnit, level, period, value, numerator, denominator.
    await fillTemplate(dir, 'q4.xlsx', [['online-dossier-rate', 'so-tttt', null, '2020Q4', 0.9], ['online-dossier-rate', 'so-noi-vu', null, '2020Q4', 0.285], ['e-identification', '62', null, '2020Q4', 15]], { E2: '0%', E3: '0.0%' });
    const done = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.xlsx', '--json'], { cwd: dir });
    expect(done.code).toBe(0);
    expect(json(done.stdout)).toMatchObject({ ok: true, rows: 3, revisions: 3, rejected: 0 });
    const values = json((await runCli(['history', '--indicator', 'online-dossier-rate', '--json'], { cwd: dir })).stdout).revisions.map((r: { orgUnit: string; value: number }) => [r.orgUnit, r.value]);
    expect(values.sort()).toEqual([['so-noi-vu', 28.5], ['so-tttt', 90]]);

    await fillTemplate(dir, 'dem.xlsx', [['online-dossier-rate', 'so-tttt', null, '2020Q4', 41, 0.41, 100]], { F2: '0%' });
    const refused = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'dem.xlsx', '--lang', 'en'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('dem.xlsx: REFUSED — 1 of 1 rows bad; nothing imported.');
    expect(refused.stderr).toContain('[workbook.percent_format] /Cấp tỉnh/2/numerator Sheet "Cấp tỉnh", row 2, column F (Tử số): the cell is formatted as a percentage (shows 41%)');
  });
});

describe('dump is a backup that import reads back', () => {
  for (const format of ['csv', 'json'] as const) {
    it(`${format}: every revision, with its provenance, restored into an empty store`, async () => {
      const dir = workdir({
        'a.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\nonline-dossier-rate,so-noi-vu,2020Q4,"15"\n',
        'b.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,29\n',
        'c.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-noi-vu,2020Q4,16\n',
      });
      for (const [file, now] of [['a.csv', '2020-12-10T01:00:00Z'], ['b.csv', '2020-12-11T01:00:00Z'], ['c.csv', '2020-12-12T01:00:00Z']] as const) {
        expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', file], { cwd: dir, now })).code).toBe(0);
      }
      const imports = json((await runCli(['dump', '--plan', 'kontum-1102-2019', '--json'], { cwd: dir })).stdout).imports as { importId: string; file: string }[];
      const c = imports.find((i) => i.file === 'c.csv')!;
      expect((await runCli(['retract', c.importId, '--by', 'so-tttt'], { cwd: dir, now: '2020-12-13T01:00:00Z' })).code).toBe(0);
      const dump = await runCli(['dump', '--plan', 'kontum-1102-2019', '--format', format], { cwd: dir });
      expect(dump.code).toBe(0);
      writeFileSync(join(dir, `backup.${format}`), dump.stdout);
      const restored = await runCli(['import', '--plan', 'kontum-1102-2019', '--database', 'restored.sqlite', `backup.${format}`, '--json'], { cwd: dir });
      expect(restored.code).toBe(0);
      expect(json(restored.stdout).files[0].restored).toMatchObject({ imports: 3, retractions: 1 });
      const strip = (s: string) => json(s).revisions.map((r: Record<string, unknown>) => [r.indicator, r.orgUnit, r.period, r.revision, r.value, r.importId, r.file, r.row, r.importedBy, r.importedAt, r.retractionOf]);
      const original = await runCli(['dump', '--plan', 'kontum-1102-2019', '--json'], { cwd: dir });
      const copy = await runCli(['dump', '--plan', 'kontum-1102-2019', '--json', '--database', 'restored.sqlite'], { cwd: dir });
      expect(strip(copy.stdout)).toEqual(strip(original.stdout));
      expect(strip(copy.stdout)).toHaveLength(5);
      // Restoring again changes nothing.
      const twice = await runCli(['import', '--plan', 'kontum-1102-2019', '--database', 'restored.sqlite', `backup.${format}`, '--json'], { cwd: dir });
      expect(json(twice.stdout).files[0].restored).toMatchObject({ imports: 0, retractions: 0, revisions: 0, skipped: 3 });
      expect(readFileSync(join(dir, `backup.${format}`), 'utf8').length).toBeGreaterThan(0);
    });

    it(`${format}: without --plan, every plan the store holds, each restored under its own plan`, async () => {
      const dir = workdir({
        'tinh-thu.json': testPlan(),
        'kt.csv': 'indicator,orgUnit,period,value\nonline-dossier-rate,so-tttt,2020Q4,27\n',
        'tt.csv': 'indicator,orgUnit,period,value\nonline-rate,so-a,2020Q4,41\nonline-rate,so-b,2020Q4,12\n',
      });
      expect((await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'kt.csv'], { cwd: dir, now: '2020-12-10T01:00:00Z' })).code).toBe(0);
      expect((await runCli(['import', '--plan', 'tinh-thu.json', '--by', 'so-a', 'tt.csv'], { cwd: dir, now: '2020-12-11T01:00:00Z' })).code).toBe(0);
      const dump = await runCli(['dump', '--format', format], { cwd: dir });
      expect(dump.code).toBe(0);
      if (format === 'json') expect(json(dump.stdout).plans.map((p: { plan: string }) => p.plan)).toEqual(['kontum-1102-2019', 'tinh-thu-98-2019']);
      else expect(dump.stdout.trim().split('\n')).toHaveLength(4);
      writeFileSync(join(dir, `all.${format}`), dump.stdout);
      // --plan names the plan of ordinary files; a dump is restored under the plans it holds.
      const restored = await runCli(['import', '--plan', 'kontum-1102-2019', '--database', 'restored.sqlite', `all.${format}`, '--json'], { cwd: dir });
      expect(restored.code).toBe(0);
      expect(json(restored.stdout).files.map((f: { restored: { plan: string; revisions: number } }) => [f.restored.plan, f.restored.revisions])).toEqual([
        ['kontum-1102-2019', 1],
        ['tinh-thu-98-2019', 2],
      ]);
      const values = (plan: string, database?: string) =>
        runCli(['dump', '--plan', plan, '--json', ...(database ? ['--database', database] : [])], { cwd: dir }).then((r) => json(r.stdout).revisions.map((m: Record<string, unknown>) => [m.plan, m.orgUnit, m.value, m.importedBy]));
      for (const plan of ['kontum-1102-2019', 'tinh-thu-98-2019']) expect(await values(plan, 'restored.sqlite')).toEqual(await values(plan));
      expect(await values('tinh-thu-98-2019', 'restored.sqlite')).toHaveLength(2);
    });
  }
});
