import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Issue } from '@egov-plan/core';
import { bundledPlan } from '@egov-plan/rules';
import { readMeasurementsWorkbookStream } from '@egov-plan/tabular';
import { tempResources } from '@egov-plan/test-utils';

// Issue 9: a streamed sheet's issues arrive out of row order (a cell's as its row is read, a
// row's when the sheet ends). Past the cap of 1,000, the issues listed must be those of the
// first rows, and the count says how many more there were: never a hole in the middle.

const plan = bundledPlan('kontum-1102-2019')!;
const temp = tempResources();
afterEach(() => temp.cleanup());

/** Rows 2–401 name an unknown indicator (a row issue); rows 402–1201 hold an error cell (a cell issue). */
async function badSheet(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cấp tỉnh');
  ws.addRow(['indicator', 'orgUnit', 'period', 'value']);
  for (let n = 2; n <= 1201; n++) {
    ws.addRow(n <= 401 ? ['khong-co-chi-so', 'so-tttt', '2020Q4', 50] : ['online-dossier-rate', 'so-tttt', '2020Q4', { error: '#DIV/0!' }]);
  }
  const path = join(temp.dir('egov-plan-cap-order-'), 'bad.xlsx');
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

async function streamedIssues(path: string): Promise<Issue[]> {
  const read = readMeasurementsWorkbookStream(plan, path, { file: 'bad.xlsx' });
  for (let next = await read.next(); ; next = await read.next()) if (next.done) return next.value.issues;
}

describe('the issue cap of a streamed sheet', () => {
  it('lists the issues of the first rows, in row order, and counts the rest', async () => {
    const issues = await streamedIssues(await badSheet());
    const rowIssues = issues.filter((i) => i.line !== undefined);
    expect(rowIssues).toHaveLength(1000);
    // Rows 2–1001, one issue each: the 400 row issues and the first 600 cell issues.
    expect(rowIssues.map((i) => i.line)).toEqual(Array.from({ length: 1000 }, (_, k) => k + 2));
    expect(rowIssues.filter((i) => (i.line as number) <= 401).every((i) => i.code === 'measurement.unknown_indicator')).toBe(true);
    const count = issues.at(-1)!;
    expect(count.code).toBe('measurement.too_many_issues');
    expect(count.message.en).toMatch(/\b200 more\b/u);
  });
});
