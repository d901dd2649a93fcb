import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDirWith } from '@egov-plan/test-utils';
import { runCli } from './run-cli.js';

// The README's main job: `egov-plan demo --no-serve` writes a synthetic workbook, imports it into
// a SQLite store, evaluates it and writes the report; running it again imports nothing new.

describe('egov-plan demo --no-serve', () => {
  it('writes a workbook labelled synthetic, imports it whole, evaluates the 2019–2020 targets and writes a report that says the figures are synthetic', { timeout: 60_000 }, async () => {
    const dir = tempDirWith();
    const r = await runCli(['demo', '--no-serve', '--json', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ plan: 'kontum-1102-2019', synthetic: true, period: '2020Q4', at: '2020-12-21', database: join('egov-plan-demo', 'egov-plan.sqlite') });
    expect(out.import.rejected).toBe(0);
    expect(out.import.revisions).toBe(out.import.rows);
    expect(out.import.rows).toBeGreaterThan(100);
    // Kon Tum's first phase is judged: some targets met, some not, few without data.
    expect(out.summary.met).toBeGreaterThan(0);
    expect(out.summary['not-met']).toBeGreaterThan(0);
    expect(out.summary['no-data']).toBeLessThan(out.summary.met + out.summary['not-met']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, out.workbook)) as unknown as ArrayBuffer);
    expect(String(wb.getWorksheet('Hướng dẫn')?.getCell('A1').value)).toMatch(/^SỐ LIỆU GIẢ LẬP/u);
    const html = readFileSync(join(dir, out.report), 'utf8');
    expect(html).toContain('data-notice');
    expect(html).toContain('SYNTHETIC FIGURES');
    expect(html).toMatch(/<svg/u);

    const again = JSON.parse((await runCli(['demo', '--no-serve', '--json'], { cwd: dir })).stdout);
    expect(again.import).toMatchObject({ revisions: 0, unchanged: out.import.rows, rejected: 0 });
    expect(again.summary).toEqual(out.summary);
  });

  it('writes into --dir, and prints the steps in Vietnamese by default', { timeout: 60_000 }, async () => {
    const dir = tempDirWith();
    const r = await runCli(['demo', '--no-serve', '--dir', 'thu-nghiem'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SỐ LIỆU GIẢ LẬP/u);
    expect(r.stdout).toContain('Đã ghi báo cáo 2020Q4');
    expect(existsSync(join(dir, 'thu-nghiem', 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'egov-plan-demo'))).toBe(false);
  });
});
