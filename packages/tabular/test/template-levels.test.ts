import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdministrativeLevel, MeasurementInput, Plan } from '@egov-plan/core';
import { bundledPlan } from '@egov-plan/rules';
import { tempResources } from '@egov-plan/test-utils';
import { filledWorkbook, readMeasurementsWorkbook, readMeasurementsWorkbookStream, templateSheets, templateWorkbook, zipEntries, type SheetObservation, type WorkbookMeasurements } from '@egov-plan/tabular';

// The template as written, filled as an officer would (picking from its drop-downs) and read back
// by both readers: the words it offers are the words the importer accepts.

const plan = bundledPlan('kontum-1102-2019')!;
const temp = tempResources();
afterEach(() => temp.cleanup());

type Read = (p: Plan, bytes: Uint8Array) => Promise<WorkbookMeasurements>;

async function readStreamed(p: Plan, bytes: Uint8Array): Promise<WorkbookMeasurements> {
  const path = join(temp.dir('egov-plan-template-'), 'w.xlsx');
  writeFileSync(path, bytes);
  const observations: SheetObservation[] = [];
  const read = readMeasurementsWorkbookStream(p, path);
  for (let next = await read.next(); ; next = await read.next()) {
    if (next.done) return { observations, ...next.value };
    for (const o of next.value.observations) observations.push(o as SheetObservation);
  }
}

const READERS: [string, Read][] = [
  ['read whole', (p, b) => readMeasurementsWorkbook(p, b)],
  ['read as a stream', readStreamed],
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

/** The values a list validation offers (`"a,b"`), or null for a range or no list. */
function offered(cell: ExcelJS.Cell): string[] | null {
  const v = cell.dataValidation;
  if (v?.type !== 'list') return null;
  const f = String(v.formulae?.[0] ?? '');
  return f.startsWith('"') ? f.slice(1, -1).split(',') : null;
}

/** The unpacked text of one entry of a zip archive. */
function entryText(bytes: Uint8Array, name: string): string {
  const e = zipEntries(bytes).find((x) => x.name === name)!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  return Buffer.from(e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

const LEVEL_OF_SHEET: Record<string, string> = { 'Cấp tỉnh': 'province', 'Cấp huyện': 'district', 'Cấp xã': 'commune' };

describe('the template of Kon Tum (vn-kontum-1102-2019)', () => {
  it('has a sheet for every level the plan has targets at, Cấp xã included though the plan lists no commune', async () => {
    const levels = new Set(plan.indicators.flatMap((i) => i.targets.map((t) => t.level)));
    expect(levels.has('commune')).toBe(true);
    expect(plan.administrativeUnits.some((u) => u.level === 'commune')).toBe(false);
    expect(templateSheets(plan)).toEqual(['Cấp tỉnh', 'Cấp huyện', 'Cấp xã']);
    const wb = await load(await templateWorkbook(plan, { rows: 5 }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Danh mục', 'Cấp tỉnh', 'Cấp huyện', 'Cấp xã']);
    // Org units: picked from the list where the plan lists them, typed on Cấp xã (no invented codes).
    expect(wb.getWorksheet('Cấp huyện')!.getCell('B2').dataValidation?.type).toBe('list');
    expect(wb.getWorksheet('Cấp xã')!.getCell('B2').dataValidation).toMatchObject({ type: 'textLength', formulae: [1, 200] });
    const lists = wb.getWorksheet('Danh mục')!;
    const units = lists.getColumn(5).values.slice(2).filter((v) => v !== null && v !== undefined);
    expect(units).toEqual([...plan.agencies.filter((a) => a.kind !== 'group' && a.level !== null).map((a) => a.id), ...plan.administrativeUnits.map((u) => u.code)]);
    expect(new Set(lists.getColumn(7).values.slice(2).filter(Boolean))).toEqual(new Set(['Cấp tỉnh', 'Cấp huyện']));
    const text = wb.getWorksheet('Hướng dẫn')!.getColumn(1).values.join('\n');
    expect(text).toContain('Kế hoạch không liệt kê từng đơn vị của Cấp xã: trên trang này, cột "Mã đơn vị" không có danh sách thả xuống; gõ mã đơn vị');
    expect(text).toContain('Cột "Cấp" ghi cấp như tên trang (Cấp tỉnh, Cấp huyện, Cấp xã)');
    expect(text).toContain('the plan does not list the units of Cấp xã: type the org unit code there, no list');
  });

  for (const [how, read] of READERS) {
    it(`every level its Cấp drop-downs offer is the sheet's name and reads back as the level id (${how})`, async () => {
      const wb = await load(await templateWorkbook(plan, { rows: 5 }));
      const units: Record<string, string> = { 'Cấp tỉnh': 'so-tttt', 'Cấp huyện': '608', 'Cấp xã': 'xa-thu-nghiem' /* typed by the test, not a plan code */ };
      const rows: MeasurementInput[] = [];
      const want: [string, string, string][] = [];
      for (const sheet of ['Cấp tỉnh', 'Cấp huyện', 'Cấp xã']) {
        const ws = wb.getWorksheet(sheet)!;
        expect(ws.getCell('C1').value).toBe('Cấp');
        const words = offered(ws.getCell('C2'));
        expect(words).toEqual([sheet]);
        for (const word of words!) {
          rows.push({ indicator: 'online-work-files', orgUnit: units[sheet]!, level: LEVEL_OF_SHEET[word] as AdministrativeLevel, period: '2020Q4', value: 40 });
          want.push([sheet, units[sheet]!, LEVEL_OF_SHEET[sheet]!]);
        }
      }
      // Written by the template's own writer as an officer's picks: each level cell holds the word offered.
      const filled = await filledWorkbook(plan, rows, { rows: 5 });
      const back = await load(filled);
      for (const sheet of ['Cấp tỉnh', 'Cấp huyện', 'Cấp xã']) expect(back.getWorksheet(sheet)!.getCell('C2').value).toBe(offered(back.getWorksheet(sheet)!.getCell('C2'))![0]);
      const got = await read(plan, filled);
      expect(got.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
      expect(got.observations.map((o) => [o.sheet, o.orgUnit, o.level])).toEqual(want);
    });
  }
});

describe('a header row in the English keys', () => {
  for (const [how, read] of READERS) {
    it(`issues name each column as the file names it, with its letter, in both languages (${how})`, async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Số liệu');
      ws.getRow(1).values = ['indicator', 'orgUnit', 'period', 'value', 'numerator', 'denominator'];
      ws.getRow(2).values = ['online-dossier-rate', 'so-tttt', '2020Q4', 'mười'];
      ws.getRow(3).values = ['online-dossier-rate', 'so-khdt', '2020Q4', { formula: 'A1*2' } as ExcelJS.CellValue];
      ws.getRow(4).values = ['online-dossier-rate', 'so-y-te', '2020Q4', 0.41, 41, 100];
      ws.getCell('E4').numFmt = '0%';
      const got = await read(plan, await bytesOf(wb));
      const byCode = (c: string) => got.issues.find((i) => i.code === c)!;
      expect(byCode('measurement.invalid_number').message.vi).toMatch(/^Trang "Số liệu", dòng 2, cột D \(value\): /u);
      expect(byCode('measurement.invalid_number').message.en).toMatch(/^Sheet "Số liệu", row 2, column D \(value\): /u);
      expect(byCode('workbook.formula_without_result').message.vi).toMatch(/^Trang "Số liệu", dòng 3, cột D \(value\): /u);
      expect(byCode('workbook.percent_format').message.vi).toMatch(/^Trang "Số liệu", dòng 4, cột E \(numerator\): /u);
    });

    it(`and a header in the template's headings is named by those headings (${how})`, async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Cấp tỉnh');
      ws.getRow(1).values = ['Mã chỉ số', 'Mã đơn vị', 'Kỳ báo cáo', 'Giá trị'];
      ws.getRow(2).values = ['online-dossier-rate', 'so-tttt', '2020Q4', 'mười'];
      const got = await read(plan, await bytesOf(wb));
      const bad = got.issues.find((i) => i.code === 'measurement.invalid_number')!;
      expect(bad.message.vi).toMatch(/^Trang "Cấp tỉnh", dòng 2, cột D \(Giá trị\): /u);
      expect(bad.message.en).toMatch(/^Sheet "Cấp tỉnh", row 2, column D \(Giá trị\): /u);
      expect(bad.pointer).toBe('/Cấp tỉnh/2/value');
    });
  }
});

describe('a literal percent sign in a number format (0\\%, 0"%")', () => {
  for (const [how, read] of READERS) {
    it(`a cell holding 90 shown as "90%" through 0\\% reads as 90, a real 0% as the percent it shows (${how})`, async () => {
      // One sheet as the template heads it (exceljs's streaming reader is unreliable on exceljs's own many-sheet files).
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Cấp tỉnh');
      ws.getRow(1).values = (await load(await templateWorkbook(plan, { rows: 1 }))).getWorksheet('Cấp tỉnh')!.getRow(1).values;
      ws.getRow(2).values = ['online-dossier-rate', 'so-tttt', null, '2020Q4', 90];
      ws.getRow(3).values = ['online-dossier-rate', 'so-khdt', null, '2020Q4', 85];
      ws.getRow(4).values = ['online-dossier-rate', 'so-y-te', null, '2020Q4', 0.3];
      ws.getCell('E2').numFmt = '0\\%';
      ws.getCell('E3').numFmt = '0"%"';
      ws.getCell('E4').numFmt = '0%';
      const bytes = await bytesOf(wb);
      // The file holds the escape as Excel writes it.
      expect(entryText(bytes, 'xl/styles.xml')).toContain('formatCode="0\\%"');
      const got = await read(plan, bytes);
      expect(got.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
      expect(got.observations.map((o) => [o.orgUnit, o.value])).toEqual([
        ['so-tttt', 90],
        ['so-khdt', 85],
        ['so-y-te', 30],
      ]);
    });
  }
});
