import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Issue, MeasurementStore } from '@egov-plan/core';
import { bundledPlan } from '@egov-plan/rules';
import { openSqliteStore } from '@egov-plan/store-sqlite';
import { tempResources } from '@egov-plan/test-utils';
import { headerField, importTabularFile, importTabularStream, readMeasurementsWorkbook, readMeasurementsWorkbookStream, templateWorkbook, type SheetObservation, type WorkbookMeasurements } from '@egov-plan/tabular';

// Files an officer makes from the template (issue 9's acceptance test), through the real readers:
// the template's sheet saved as CSV, dates typed day/month/year, and number cells of any size.

const plan = bundledPlan('kontum-1102-2019')!;
const temp = tempResources();
afterEach(() => temp.cleanup());

const sqlite = (): MeasurementStore => temp.keep(openSqliteStore(join(temp.dir('egov-plan-officer-'), 'egov-plan.sqlite')));
const codes = (issues: readonly Issue[]) => issues.map((i) => i.code);
const encode = (s: string) => new TextEncoder().encode(s);

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cấp tỉnh');
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function readStreamed(bytes: Uint8Array): Promise<WorkbookMeasurements> {
  const path = join(temp.dir('egov-plan-officer-xlsx-'), 'w.xlsx');
  writeFileSync(path, bytes);
  const observations: SheetObservation[] = [];
  const read = readMeasurementsWorkbookStream(plan, path, {});
  for (let next = await read.next(); ; next = await read.next()) {
    if (next.done) return { observations, ...next.value };
    for (const o of next.value.observations) observations.push(o as SheetObservation);
  }
}

describe('a template sheet whose heading was retyped', () => {
  it('names the missing column by the template heading the sheet uses (Giá trị), in both readers', async () => {
    const bytes = await workbook([
      ['Mã chỉ số', 'Mã đơn vị', 'Kỳ báo cáo', 'Gia tri'],
      ['online-dossier-rate', 'so-tttt', '2020Q4', 85],
    ]);
    const missing = (issues: readonly Issue[]) => issues.find((i) => i.code === 'measurement.missing_column')?.message;
    const failed = async (read: () => Promise<unknown>) => {
      try {
        const r = (await read()) as { issues: readonly Issue[] };
        return missing(r.issues);
      } catch (e) {
        return missing((e as { issues: readonly Issue[] }).issues);
      }
    };
    for (const message of [await failed(() => readMeasurementsWorkbook(plan, bytes)), await failed(() => readStreamed(bytes))]) {
      expect(message?.vi).toContain('thiếu cột Giá trị');
      expect(message?.en).toContain('missing column(s) Giá trị');
    }
  });
});

describe('the template sheet saved as CSV', () => {
  it('imports with the Vietnamese headings the template writes, dates day/month/year and a quoted decimal comma', async () => {
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(Buffer.from(await templateWorkbook(plan, { rows: 5 })) as unknown as ArrayBuffer);
    // Row 1 of a level sheet as a spreadsheet program saves it in a CSV file.
    const header = (template.getWorksheet('Cấp tỉnh')!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 5)).toEqual(['Mã chỉ số', 'Mã đơn vị', 'Cấp', 'Kỳ báo cáo', 'Giá trị']);
    const row = (cells: Record<string, string>) => header.map((h) => cells[headerField(h)] ?? '').join(',');
    const csv = [
      header.join(','),
      row({ indicator: 'online-dossier-rate', orgUnit: 'so-tttt', period: '2020Q4', value: '"85,5"' }),
      row({ indicator: 'legal-documents-issued', orgUnit: '62', evidenceDate: '30/09/2019' }),
    ].join('\r\n');
    const done = await importTabularFile(sqlite(), plan, { name: 'q4.csv', bytes: encode(`\uFEFF${csv}\r\n`) }, { importedBy: 'so-tttt' });
    expect(done.issues).toEqual([]);
    expect(done).toMatchObject({ imported: true, rows: 2, revisions: 2, rejected: 0, periods: ['2020Q4'] });
  });

  it('refuses 31/02/2020 with a message naming the value, and the whole file with it', async () => {
    const csv = 'Mã chỉ số,Mã đơn vị,Kỳ báo cáo,Giá trị,Ngày bằng chứng\nlegal-documents-issued,62,,,31/02/2020\n';
    const done = await importTabularFile(sqlite(), plan, { name: 'q4.csv', bytes: encode(csv) }, { importedBy: 'so-tttt' });
    expect(done.imported).toBe(false);
    expect(done.issues[1]).toMatchObject({ code: 'measurement.invalid_value', pointer: '/2/evidenceDate', message: { en: 'Row 2: "31/02/2020" is not a date of the calendar (read as day/month/year: month 2 of 2020 has 29 days).' } });
  });
});

for (const [how, read] of [
  ['read whole', (b: Uint8Array) => readMeasurementsWorkbook(plan, b)],
  ['read as a stream', readStreamed],
] as const) {
  describe(`workbook cells (${how})`, () => {
    it('reads a date typed as text day/month/year, and a date cell as before', async () => {
      const bytes = await workbook([
        ['Mã chỉ số', 'Mã đơn vị', 'Kỳ báo cáo', 'Giá trị', 'Ngày bằng chứng'],
        ['legal-documents-issued', '62', null, null, '30/09/2019'],
        ['portal-mobile-interface', '62', null, null, new Date(Date.UTC(2019, 8, 30))],
        ['paper-use-reduced', '62', null, null, '31/09/2019'],
      ]);
      const r = await read(bytes);
      expect(r.observations.map((o) => [o.indicator, o.period])).toEqual([
        ['legal-documents-issued', '2019-09-30'],
        ['portal-mobile-interface', '2019-09-30'],
      ]);
      expect(r.issues.map((i) => [i.code, i.message.en])).toEqual([['measurement.invalid_value', 'Sheet "Cấp tỉnh", row 4, column E (Ngày bằng chứng): "31/09/2019" is not a date of the calendar (read as day/month/year: month 9 of 2019 has 30 days).']]);
    });

    it('reads number cells as the numbers they hold, 1e-7 and 1e+21 included (range checks kept)', async () => {
      const bytes = await workbook([
        ['indicator', 'orgUnit', 'period', 'value'],
        ['online-dossier-rate', 'so-tttt', '2020Q4', 1e-7],
        ['online-work-files', 'so-tttt', '2020Q4', 1.5e-10],
        ['e-identification', 'so-tttt', '2020Q4', 1e21],
      ]);
      const r = await read(bytes);
      expect(r.observations.map((o) => o.value)).toEqual([1e-7, 1.5e-10]);
      expect(codes(r.issues)).toEqual(['measurement.out_of_range']);
    });
  });
}

describe('number cells, any finite number (property)', () => {
  const percent = plan.indicators.filter((i) => i.unit === 'percent').map((i) => i.id);
  const numbers = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: percent.length });

  it.each([
    ['read whole', (b: Uint8Array) => readMeasurementsWorkbook(plan, b)],
    ['read as a stream', readStreamed],
  ] as const)('reads back equal, or refuses it as out of range — never as "not a decimal" (%s)', async (_how, read) => {
    await fc.assert(
      fc.asyncProperty(numbers, async (list) => {
        const rows = list.map((n, i) => [percent[i], 'so-tttt', '2020Q4', n]);
        const r = await read(await workbook([['indicator', 'orgUnit', 'period', 'value'], ...rows]));
        const inRange = list.map((n, i) => [i + 2, n] as const).filter(([, n]) => n >= 0 && n <= 100);
        expect(r.observations.map((o) => [o.row, o.value])).toEqual(inRange.map(([row, n]) => [row, n === 0 ? 0 : n]));
        for (const o of r.observations) expect(o.value === list[o.row - 2]).toBe(true);
        expect(codes(r.issues)).toEqual(list.filter((n) => !(n >= 0 && n <= 100)).map(() => 'measurement.out_of_range'));
      }),
      { numRuns: 25 },
    );
  });
});

describe('a file with no data rows (an unfilled template)', () => {
  const header = 'indicator,orgUnit,period,value\n';
  it('is not imported and records no import, for CSV, JSON and a workbook, read whole or as a stream', async () => {
    const xlsx = await workbook([['Mã chỉ số', 'Mã đơn vị', 'Kỳ báo cáo', 'Giá trị']]);
    const files = [
      { name: 'trong.csv', bytes: encode(header), code: 'measurement.no_data_rows', en: 'CSV file trong.csv has no data rows' },
      { name: 'trong.json', bytes: encode('[]'), code: 'measurement.no_data_rows', en: 'JSON file trong.json has no data rows' },
      { name: 'trong.xlsx', bytes: xlsx, code: 'workbook.no_data_rows', en: 'Workbook trong.xlsx has no data rows' },
    ];
    for (const f of files) {
      const store = sqlite();
      const done = await importTabularFile(store, plan, { name: f.name, bytes: f.bytes }, { importedBy: 'so-tttt' });
      expect(done, f.name).toMatchObject({ imported: false, importId: null, rows: 0, revisions: 0, rejected: 0 });
      expect(done.issues[0]?.code, f.name).toBe(f.code);
      expect(done.issues[0]?.severity, f.name).toBeUndefined();
      expect(done.issues[0]?.message.en, f.name).toContain(f.en);
      expect(done.issues[0]?.message.vi, f.name).toContain('không có dòng số liệu nào');
      expect(await store.imports(plan.id), f.name).toEqual([]);
    }
    const streamed = sqlite();
    const path = join(temp.dir('egov-plan-empty-'), 'trong.csv');
    writeFileSync(path, header);
    const { createReadStream } = await import('node:fs');
    const s = await importTabularStream(streamed, plan, { name: 'trong.csv', stream: createReadStream(path) }, { importedBy: 'so-tttt' });
    expect(s).toMatchObject({ imported: false, importId: null, rows: 0 });
    expect(s.issues[0]?.code).toBe('measurement.no_data_rows');
    expect(await streamed.imports(plan.id)).toEqual([]);
  });

  it('leaves what the store held untouched, and a file with rows after it still imports', async () => {
    const store = sqlite();
    const one = `${header}online-dossier-rate,so-tttt,2020Q4,27\n`;
    const first = await importTabularFile(store, plan, { name: 'q4.csv', bytes: encode(one) }, { importedBy: 'so-tttt' });
    expect(first.imported).toBe(true);
    const empty = await importTabularFile(store, plan, { name: 'trong.csv', bytes: encode(header) }, { importedBy: 'so-tttt' });
    expect(empty.imported).toBe(false);
    expect((await store.imports(plan.id)).map((i) => i.importId)).toEqual([first.importId]);
  });
});
