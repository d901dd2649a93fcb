import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkThrough } from '../src/quarter.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-plan-example-spreadsheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples/spreadsheet', () => {
  it('imports a filled template once, refuses a broken workbook whole and evaluates from the store', async () => {
    const lines = await walkThrough(dir);
    expect(lines.slice(0, 3)).toEqual([
      'q4.xlsx: imported — 2 rows, 2 new revisions, 0 unchanged, 0 rejected',
      'q4.xlsx: imported — 2 rows, 0 new revisions, 2 unchanged, 0 rejected',
      'hong.xlsx: refused — 1 rows, 0 new revisions, 0 unchanged, 1 rejected',
    ]);
    expect(lines[4]).toMatch(/^ {2}\[measurement\.invalid_number\] Sheet "Cấp tỉnh", row 2, column E \(Giá trị\): /u);
    // The each-agency target of 2019–2020 is 20% (plan 1102/KH-UBND).
    expect(lines).toContain('so-tttt: met (27% against 20%)');
    expect(lines).toContain('so-noi-vu: not-met (18% against 20%)');
    expect(existsSync(join(dir, 'ket-qua.xlsx'))).toBe(true);
  });
});
