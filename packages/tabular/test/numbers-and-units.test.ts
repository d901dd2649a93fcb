import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Issue, MeasurementStore, Plan } from '@egov-plan/core';
import { bundledPlan, parseMeasurementsCsv } from '@egov-plan/rules';
import { validatePlanValue } from '@egov-plan/rules/node';
import { openSqliteStore } from '@egov-plan/store-sqlite';
import { tempResources, testPlan } from '@egov-plan/test-utils';
import { importTabularFile, importTabularStream, readMeasurementsWorkbook, readMeasurementsWorkbookStream, type WorkbookMeasurements } from '@egov-plan/tabular';

// Two things a province's files hold that the import must neither refuse nor take silently:
// an org unit the plan does not list (a mistyped agency code), and a Vietnamese decimal comma
// typed into a spreadsheet's text cell, read as the `;` CSV reader reads it.

const kontum = bundledPlan('kontum-1102-2019')!;
const temp = tempResources();
afterEach(() => temp.cleanup());

function sqlite(): MeasurementStore {
  return temp.keep(openSqliteStore(join(temp.dir('egov-plan-numbers-'), 'egov-plan.sqlite')));
}

/** A workbook of one sheet (row 1 the header), as bytes; strings are written as text cells. */
async function workbook(rows: unknown[][], sheet = 'Số liệu'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The workbook read as a stream from a file, collected as `readMeasurementsWorkbook` returns it. */
async function readStreamed(p: Plan, bytes: Uint8Array): Promise<WorkbookMeasurements> {
  const path = join(temp.dir('egov-plan-numbers-xlsx-'), 'w.xlsx');
  writeFileSync(path, bytes);
  const observations: WorkbookMeasurements['observations'] = [];
  const read = readMeasurementsWorkbookStream(p, path);
  for (let next = await read.next(); ; next = await read.next()) {
    if (next.done) return { observations, ...next.value };
    for (const o of next.value.observations) observations.push(o as WorkbookMeasurements['observations'][number]);
  }
}

const warnings = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'warning');

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

describe('an org unit the plan does not list, given with its level', () => {
  const header = ['indicator', 'orgUnit', 'level', 'period', 'value'];
  const rows = [
    ['online-dossier-rate', 'so-tttt', 'province', '2020Q4', 27],
    ['online-dossier-rate', 'so-khong-co', 'province', '2020Q4', 31],
    ['online-work-files', 'so-khong-co', 'province', '2020Q4', 80],
    ['online-work-files', 'so-tttx', 'province', '2020Q4', 70],
    // The plan lists no single commune: a commune it does not know is what is expected, no warning.
    ['online-work-files', 'xa-dak-ha', 'commune', '2020Q4', 60],
  ];

  it('is imported into SQLite, and each such org unit is named once in a warning of the result (CSV and XLSX, whole and as a stream)', async () => {
    const csv = new TextEncoder().encode([header.join(','), ...rows.map((r) => r.join(','))].join('\n'));
    const xlsx = await workbook([header, ...rows]);
    for (const [name, bytes, stream] of [
      ['q4.csv', csv, false],
      ['q4.xlsx', xlsx, false],
      ['q4.xlsx', xlsx, true],
    ] as const) {
      const store = sqlite();
      const done = stream ? await importTabularStream(store, kontum, { name, stream: chunks(bytes) }, { importedBy: 'so-tttt' }) : await importTabularFile(store, kontum, { name, bytes }, { importedBy: 'so-tttt' });
      expect(done, name).toMatchObject({ imported: true, rows: 5, revisions: 5, rejected: 0 });
      const stored = [...((await store.currentValues({ plan: kontum.id })) as Iterable<{ orgUnit: string; level: string; value: unknown }>)].map((m) => [m.orgUnit, m.level, m.value]).sort();
      expect(stored).toContainEqual(['so-khong-co', 'province', 31]);
      expect(stored).toContainEqual(['xa-dak-ha', 'commune', 60]);
      // Every issue is a warning (the file is not refused), one per unknown org unit, at its first row.
      expect(warnings(done.issues)).toEqual(done.issues);
      expect(done.issues.map((i) => [i.code, i.line])).toEqual([
        ['measurement.unknown_org_unit', 3],
        ['measurement.unknown_org_unit', 5],
      ]);
      const [typo, near] = done.issues as [Issue, Issue];
      expect(typo.pointer).toBe(name.endsWith('.csv') ? '/3/orgUnit' : '/Số liệu/3/orgUnit');
      expect(typo.file).toBe(name);
      expect(typo.message.en).toContain('the plan does not list org unit "so-khong-co" (level province); its rows are accepted: 2 row(s) name it');
      expect(typo.message.vi).toContain('kế hoạch không có đơn vị "so-khong-co" (cấp tỉnh); số liệu vẫn được nhận: 2 dòng nêu đơn vị này');
      // A one-letter slip is answered with the id the plan has.
      expect(near.message.en).toContain('Did you mean "so-tttt"?');
      expect(near.message.vi).toContain('Có phải là "so-tttt"?');
      if (name.endsWith('.xlsx')) expect(typo.message.en).toMatch(/^Sheet "Số liệu", row 3, column B \(orgUnit\): /u);
      store.close();
    }
  });

  it('names at most 20 org units one by one, then counts the rows of the others in one warning', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ['online-dossier-rate', `co-quan-moi-${i}`, 'province', '2020Q4', 50]);
    const read = await readMeasurementsWorkbook(kontum, await workbook([header, ...many, ['online-work-files', 'co-quan-moi-29', 'province', '2020Q4', 50]]));
    expect(read.observations).toHaveLength(31);
    expect(read.issues.map((i) => i.code)).toEqual(Array(21).fill('measurement.unknown_org_unit'));
    expect(read.issues[19]!.message.en).toContain('"co-quan-moi-19"');
    expect(read.issues[20]!.message.en).toBe('… and 11 more row(s) name org units the plan does not list (only the first 20 are named); those rows are accepted.');
    expect(read.issues[20]!.severity).toBe('warning');
  });
});

describe('a decimal comma in a text cell of a workbook', () => {
  it('imports 85,5 typed as text as 85.5, as a ";" CSV file does, and a number cell as its number', async () => {
    const header = ['indicator', 'orgUnit', 'period', 'value', 'numerator', 'denominator'];
    const bytes = await workbook([header, ['online-dossier-rate', 'so-tttt', '2020Q4', '85,5'], ['online-dossier-rate', 'so-y-te', '2020Q4', 85.5], ['online-work-files', 'so-tttt', '2020Q4', ' 19,25 ', '77', '400']]);
    const store = sqlite();
    const done = await importTabularFile(store, kontum, { name: 'q4.xlsx', bytes }, { importedBy: 'so-tttt' });
    expect(done).toMatchObject({ imported: true, rows: 3, revisions: 3, rejected: 0, issues: [] });
    const stored = [...((await store.currentValues({ plan: kontum.id })) as Iterable<{ indicator: string; orgUnit: string; value: unknown }>)].map((m) => [m.indicator, m.orgUnit, m.value]).sort();
    expect(stored).toEqual(
      [
        ['online-dossier-rate', 'so-tttt', 85.5],
        ['online-dossier-rate', 'so-y-te', 85.5],
        ['online-work-files', 'so-tttt', 19.25],
      ].sort(),
    );
    const csv = parseMeasurementsCsv(kontum, 'indicator;orgUnit;period;value\nonline-dossier-rate;so-tttt;2020Q4;85,5\n');
    expect(csv.observations.map((o) => o.value)).toEqual([85.5]);
  });

  it('refuses a text cell whose dot may separate thousands (1.234), saying what to write, in both languages', async () => {
    for (const read of [readMeasurementsWorkbook, readStreamed]) {
      const r = await read(kontum, await workbook([['indicator', 'orgUnit', 'period', 'value'], ['online-dossier-rate', 'so-tttt', '2020Q4', '1.234'], ['online-dossier-rate', 'so-y-te', '2020Q4', 1.234]]));
      // The number cell is its number (a percentage of 1.234); the text cell is ambiguous.
      expect(r.observations.map((o) => [o.orgUnit, o.value])).toEqual([['so-y-te', 1.234]]);
      expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([['measurement.invalid_number', '/Số liệu/2/value']]);
      expect(r.issues[0]!.message.en).toBe('Sheet "Số liệu", row 2, column D (value): value: "1.234" in a text cell is ambiguous (the dot may separate thousands): write 1234, or a comma for decimals, or type the number into a number cell.');
      expect(r.issues[0]!.message.vi).toBe('Trang "Số liệu", dòng 2, cột D (value): Giá trị: "1.234" trong ô dạng văn bản không rõ nghĩa (dấu chấm có thể là phân cách hàng nghìn): viết 1234, hoặc dùng dấu phẩy cho phần thập phân, hoặc nhập số vào ô dạng số.');
    }
  });

  it('reads any numeric text of a text cell to the value a ";" CSV file gives, or refuses both with the same code', async () => {
    const r = validatePlanValue(testPlan());
    if (!r.ok) throw new Error('fixture');
    const plan = r.value;
    // Keys that differ row by row: a count indicator (any size), two agencies, ten periods.
    const periods = ['2019Q1', '2019Q2', '2019Q3', '2019Q4', '2020Q1', '2020Q2', '2020Q3', '2020Q4', '2019', '2020'];
    const keyOf = (i: number) => ({ orgUnit: i % 2 === 0 ? 'so-a' : 'so-b', period: periods[Math.floor(i / 2)] as string });
    const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`, 'u'));
    const numericText = fc
      .tuple(
        fc.constantFrom('', '', '', '-', '+', ' '),
        fc.oneof(
          digits(1, 6),
          fc.tuple(digits(1, 5), fc.constantFrom(',', '.'), digits(1, 4)).map(([a, s, b]) => `${a}${s}${b}`),
          fc.tuple(digits(1, 3), fc.array(digits(3, 3), { minLength: 1, maxLength: 3 }), fc.constantFrom(',', '.')).map(([a, groups, s]) => [a, ...groups].join(s)),
          fc.tuple(digits(1, 3), digits(3, 3), digits(1, 2)).map(([a, b, c]) => `${a}.${b},${c}`),
          fc.constantFrom('85,5%', '1e3', ',5', '5,', '.5', '1,,2', 'mười'),
        ),
        fc.constantFrom('', '', ' '),
      )
      .map(([sign, n, end]) => `${sign}${n}${end}`);
    await fc.assert(
      fc.asyncProperty(fc.array(numericText, { minLength: 1, maxLength: 20 }), async (texts) => {
        const csv = parseMeasurementsCsv(plan, ['indicator;orgUnit;period;value', ...texts.map((t, i) => `complaints;${keyOf(i).orgUnit};${keyOf(i).period};${t}`)].join('\n'));
        const xlsx = await readMeasurementsWorkbook(plan, await workbook([['indicator', 'orgUnit', 'period', 'value'], ...texts.map((t, i) => ['complaints', keyOf(i).orgUnit, keyOf(i).period, t])]));
        const byRow = (set: { observations: readonly { row: number; value: unknown }[]; issues: readonly Issue[] }, prefix: string) =>
          texts.map((_, i) => {
            const row = i + 2;
            const kept = set.observations.find((o) => o.row === row);
            return kept ? { value: kept.value } : { refused: set.issues.filter((x) => x.pointer.startsWith(`${prefix}/${row}`)).map((x) => x.code) };
          });
        expect(byRow(xlsx, '/Số liệu')).toEqual(byRow(csv, ''));
      }),
      { numRuns: 30 },
    );
  });
});
