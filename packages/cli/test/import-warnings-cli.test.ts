import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempResources } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// `egov-plan import` of a file that is accepted but not silently: an org unit the plan does not
// list is imported and named in a warning, on the terminal and in --json; a decimal comma typed
// into a workbook's text cell is imported as its number.

const temp = tempResources();
afterEach(() => temp.cleanup());

const CSV = ['indicator,orgUnit,level,period,value', 'online-dossier-rate,so-tttt,province,2020Q4,27', 'online-dossier-rate,so-khong-co,province,2020Q4,31', 'online-work-files,so-khong-co,province,2020Q4,80'].join('\n');

describe('import: an org unit the plan does not list', () => {
  it('imports the rows and names the org unit once, as a warning, in --json and in the human output', async () => {
    const dir = temp.dir('egov-plan-import-warn-', { 'q4.csv': CSV });
    const run = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.csv', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const done = JSON.parse(run.stdout);
    expect(done).toMatchObject({ ok: true, rows: 3, revisions: 3, rejected: 0 });
    expect(done.files[0].imported).toBe(true);
    expect(done.files[0].issues).toEqual([
      expect.objectContaining({ code: 'measurement.unknown_org_unit', severity: 'warning', pointer: '/3/orgUnit', line: 3, file: 'q4.csv', message: expect.objectContaining({ en: expect.stringContaining('org unit "so-khong-co" (level province); its rows are accepted: 2 row(s)') }) }),
    ]);

    const again = temp.dir('egov-plan-import-warn-', { 'q4.csv': CSV });
    const human = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.csv', '--lang', 'en'], { cwd: again });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^q4\.csv: 3 rows — 3 new revisions, 0 unchanged, 0 rejected, 1 warning \(import /u);
    expect(human.stderr).toContain('q4.csv:3 warning [measurement.unknown_org_unit] /3/orgUnit Row 3: the plan does not list org unit "so-khong-co"');
    const vi = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.csv'], { cwd: again });
    expect(vi.stdout).toContain('3 dòng — 0 phiên bản mới, 3 không đổi, 0 bị từ chối, 1 cảnh báo (lần nhập');
    expect(vi.stderr).toContain('cảnh báo [measurement.unknown_org_unit] /3/orgUnit Dòng 3: kế hoạch không có đơn vị "so-khong-co" (cấp tỉnh)');
  });
});

describe('import: a decimal comma in a workbook text cell', () => {
  it('imports "85,5" typed as text as 85.5', async () => {
    const dir = temp.dir('egov-plan-import-comma-');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.getRow(1).values = ['indicator', 'orgUnit', 'period', 'value'];
    ws.getRow(2).values = ['online-dossier-rate', 'so-tttt', '2020Q4', '85,5'];
    await wb.xlsx.writeFile(join(dir, 'q4.xlsx'));
    const run = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.xlsx', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, rows: 1, revisions: 1, rejected: 0, files: [{ issues: [] }] });
    const history = JSON.parse((await runCli(['history', '--indicator', 'online-dossier-rate', '--org-unit', 'so-tttt', '--json'], { cwd: dir })).stdout);
    expect(history.revisions.map((r: { value: unknown }) => r.value)).toEqual([85.5]);
  });
});

describe('import: the template sheet saved as CSV (issue 9)', () => {
  // Row 1 as the template writes it; a decimal comma in quotes, a date day/month/year, a number cell of 1e-7.
  const CSV_VI = ['Mã chỉ số,Mã đơn vị,Cấp,Kỳ báo cáo,Giá trị,Tử số,Mẫu số,Ngày bằng chứng,Nguồn', 'online-dossier-rate,so-tttt,,2020Q4,"85,5",,,,', 'legal-documents-issued,62,,,,,,30/09/2019,Quyết định 12'].join('\r\n');

  it('imports the Vietnamese headings, "85,5" as 85.5 and 30/09/2019 as 2019-09-30', async () => {
    const dir = temp.dir('egov-plan-import-vi-csv-', { 'q4.csv': `\uFEFF${CSV_VI}\r\n` });
    const run = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.csv', '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, rows: 2, revisions: 2, rejected: 0, files: [{ issues: [] }] });
    const history = JSON.parse((await runCli(['history', '--indicator', 'online-dossier-rate', '--org-unit', 'so-tttt', '--json'], { cwd: dir })).stdout);
    expect(history.revisions.map((r: { value: unknown }) => r.value)).toEqual([85.5]);
    const dated = JSON.parse((await runCli(['history', '--indicator', 'legal-documents-issued', '--org-unit', '62', '--json'], { cwd: dir })).stdout);
    expect(dated.revisions.map((r: { period: string; value: unknown }) => [r.period, r.value])).toEqual([['2019-09-30', true]]);
  });

  it('refuses 31/02/2019 and "1,234", saying why and how to write them', async () => {
    const bad = ['Mã chỉ số,Mã đơn vị,Kỳ báo cáo,Giá trị,Ngày bằng chứng', 'legal-documents-issued,62,,,31/02/2019', 'online-dossier-rate,so-tttt,2020Q4,"1,234",'].join('\n');
    const dir = temp.dir('egov-plan-import-vi-csv-', { 'q4.csv': bad });
    const run = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.csv', '--lang', 'en'], { cwd: dir });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('[measurement.invalid_value] /2/evidenceDate Row 2: "31/02/2019" is not a date of the calendar (read as day/month/year: month 2 of 2019 has 28 days).');
    expect(run.stderr).toContain('[measurement.invalid_number] /3/value Row 3: Giá trị: "1,234" is ambiguous (the comma may separate thousands or decimals): write 1234 or 1.234.');
  });

  it('imports a number cell of 1e-7 as the number', async () => {
    const dir = temp.dir('egov-plan-import-tiny-');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cấp tỉnh');
    ws.getRow(1).values = ['Mã chỉ số', 'Mã đơn vị', 'Kỳ báo cáo', 'Giá trị'];
    ws.getRow(2).values = ['online-dossier-rate', 'so-tttt', '2020Q4', 1e-7];
    await wb.xlsx.writeFile(join(dir, 'q4.xlsx'));
    const run = await runCli(['import', '--plan', 'kontum-1102-2019', '--by', 'so-tttt', 'q4.xlsx', '--json'], { cwd: dir });
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, rows: 1, revisions: 1, files: [{ issues: [] }] });
    const history = JSON.parse((await runCli(['history', '--indicator', 'online-dossier-rate', '--org-unit', 'so-tttt', '--json'], { cwd: dir })).stdout);
    expect(history.revisions.map((r: { value: unknown }) => r.value)).toEqual([1e-7]);
  });
});
