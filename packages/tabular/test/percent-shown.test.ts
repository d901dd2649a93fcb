import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPlan } from '@egov-plan/rules';
import { readMeasurementsWorkbook } from '@egov-plan/tabular';
import { roundDecimal } from '../src/xlsx.js';

// Issue 9: a percent cell holding more decimals than its format shows (0.19996 shown "20.0%") is
// imported as it holds it (19.996): a figure is never changed to the rounded text, and a warning
// names the cell, what it shows and what it holds, so that the officer sees the difference.

const plan = bundledPlan('kontum-1102-2019')!;

async function percentCell(value: number, numFmt: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cấp tỉnh');
  ws.getRow(1).values = ['indicator', 'orgUnit', 'period', 'value'];
  ws.getRow(2).values = ['online-dossier-rate', 'so-tttt', '2020Q4', value];
  ws.getCell('D2').numFmt = numFmt;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('a percent cell showing fewer decimals than it holds', () => {
  it('imports the value held (0.19996 shown "20.0%" → 19.996) with a warning naming cell, shown text and held value', async () => {
    const got = await readMeasurementsWorkbook(plan, await percentCell(0.19996, '0.0%'), { file: 'q4.xlsx' });
    expect(got.observations.map((o) => o.value)).toEqual([19.996]);
    const warnings = got.issues.filter((i) => i.code === 'workbook.percent_shown_rounded');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', pointer: '/Cấp tỉnh/2/value', line: 2, column: 4 });
    expect(warnings[0]!.message.en).toBe('Sheet "Cấp tỉnh", row 2, column D (value): the cell shows "20.0%" but holds 0.19996; 19.996 was imported (what the cell holds, not the rounded text). If the figure is 20.0%, type exactly that (or round in the formula) and import again.');
    // A Vietnamese spreadsheet shows "20,0%": the Vietnamese message writes every number with a decimal comma.
    expect(warnings[0]!.message.vi).toBe('Trang "Cấp tỉnh", dòng 2, cột D (value): ô hiện "20,0%" nhưng chứa 0,19996; đã nhập 19,996 (giá trị ô chứa, không phải số làm tròn). Nếu số đúng là 20,0%, hãy gõ đúng số đó (hoặc làm tròn trong công thức) rồi nhập lại.');
  });

  it('says nothing when the cell shows all it holds (0.285 shown "28.5%", 0.9 shown "90%")', async () => {
    for (const [v, f, want] of [[0.285, '0.0%', 28.5], [0.9, '0%', 90], [0.285, '0.00%', 28.5]] as const) {
      const got = await readMeasurementsWorkbook(plan, await percentCell(v, f));
      expect(got.observations.map((o) => o.value)).toEqual([want]);
      expect(got.issues.filter((i) => i.severity !== 'warning' || i.code === 'workbook.percent_shown_rounded')).toEqual([]);
    }
  });

  it('law: for any held value and shown decimals, the import is the value held ×100, and a warning comes exactly when the shown text differs from it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 3 }), async (k, d) => {
        const held = k / 100_000; // up to 5 decimals: 0 to 1
        const fmt = d === 0 ? '0%' : `0.${'0'.repeat(d)}%`;
        const got = await readMeasurementsWorkbook(plan, await percentCell(held, fmt));
        const imported = got.observations[0]!.value;
        expect(imported).toBe(Number(`${held}e2`));
        const shownNumber = Number((imported as number).toFixed(d));
        const warned = got.issues.some((i) => i.code === 'workbook.percent_shown_rounded');
        expect(warned).toBe(shownNumber !== imported);
      }),
      { numRuns: 40 },
    );
  });

  it('names the text rounded as the spreadsheet rounds it, not as the binary double does (0.01005 in "0.00%" shows "1.01%")', async () => {
    // 1.005 is 1.00499999999999989… as a double, so (1.005).toFixed(2) is "1.00"; Excel shows 1.01%.
    const got = await readMeasurementsWorkbook(plan, await percentCell(0.01005, '0.00%'));
    expect(got.observations.map((o) => o.value)).toEqual([1.005]);
    const warning = got.issues.find((i) => i.code === 'workbook.percent_shown_rounded');
    expect(warning?.message.en).toContain('the cell shows "1.01%" but holds 0.01005; 1.005 was imported');
    expect(warning?.message.vi).toContain('ô hiện "1,01%" nhưng chứa 0,01005; đã nhập 1,005');
  });

  it('roundDecimal: half away from zero on the digits, carries through nines, keeps the places asked for', () => {
    expect(roundDecimal('1.005', 2)).toBe('1.01');
    expect(roundDecimal('19.996', 1)).toBe('20.0');
    expect(roundDecimal('99.95', 1)).toBe('100.0');
    expect(roundDecimal('99.5', 0)).toBe('100');
    expect(roundDecimal('0.04', 1)).toBe('0.0');
    expect(roundDecimal('-0.04', 1)).toBe('0.0');
    expect(roundDecimal('-2.45', 1)).toBe('-2.5');
    expect(roundDecimal('7', 2)).toBe('7.00');
  });

  it('law: roundDecimal agrees with exact rational rounding of the decimal it is given', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), (n, scale, d) => {
        // n / 10^scale written exactly, then rounded half up in integers.
        const digits = n.toString().padStart(scale + 1, '0');
        const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        const want = scale <= d ? n * 10n ** BigInt(d - scale) : (n + 5n * 10n ** BigInt(scale - d - 1)) / 10n ** BigInt(scale - d);
        const w = want.toString().padStart(d + 1, '0');
        expect(roundDecimal(text, d)).toBe(d === 0 ? w : `${w.slice(0, -d)}.${w.slice(-d)}`);
      }),
    );
  });
});
