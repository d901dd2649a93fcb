import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_FIELD_HEADINGS, type Plan } from '@egov-plan/core';
import { testPlan } from '@egov-plan/test-utils';
import { measurementColumn, parseMeasurementsCsv, parseMeasurementsJson } from '../../src/index.js';
import { dayMonthYear } from '../../src/engine/dates.js';
import { validatePlanValue } from '../../src/node.js';

// Files an officer makes from the template (issue 9's acceptance test): a template sheet saved
// as CSV (Vietnamese headings), dates written day/month/year, a quoted decimal comma in a `,` file.

const resolved = validatePlanValue(testPlan());
if (!resolved.ok) throw new Error('test plan invalid');
const plan: Plan = resolved.value;

const H = MEASUREMENT_FIELD_HEADINGS;
const errors = (csv: string) => parseMeasurementsCsv(plan, csv, { file: 'so-lieu.csv' }).issues.filter((i) => i.severity !== 'warning');

describe('a template sheet saved as CSV', () => {
  it('reads the Vietnamese headings of the template (the header the template writes), in any case', () => {
    const header = [H.indicator.vi, H.orgUnit.vi, H.level.vi, H.period.vi, H.value.vi, H.numerator.vi, H.denominator.vi, H.evidenceDate.vi, H.source.vi].join(',');
    expect(header).toBe('Mã chỉ số,Mã đơn vị,Cấp,Kỳ báo cáo,Giá trị,Tử số,Mẫu số,Ngày bằng chứng,Nguồn');
    const set = parseMeasurementsCsv(plan, `\uFEFF${header}\r\nonline-rate,so-a,,2020Q4,27,,,,Báo cáo 12\r\ncomplaints,so-a,,2020Q4,3,,,,\r\n`);
    expect(set.issues).toEqual([]);
    expect(set.observations.map((o) => [o.indicator, o.orgUnit, o.value])).toEqual([
      ['online-rate', 'so-a', 27],
      ['complaints', 'so-a', 3],
    ]);
    // Upper case, the English headings of the template, keys in any case: the same columns.
    const mixed = parseMeasurementsCsv(plan, 'MÃ CHỈ SỐ;Org unit id;kỳ báo cáo;VALUE\nonline-rate;so-a;2020Q4;27,5\n');
    expect(mixed.issues).toEqual([]);
    expect(mixed.observations[0]?.value).toBe(27.5);
  });

  it('reads a heading written in decomposed Unicode (NFD, as macOS may save it) as the template heading', () => {
    const set = parseMeasurementsCsv(plan, `${'Mã chỉ số'.normalize('NFD')},Mã đơn vị,Kỳ báo cáo,Giá trị\nonline-rate,so-a,2020Q4,27\n`);
    expect(set.issues).toEqual([]);
    expect(set.observations).toHaveLength(1);
  });

  it('names a heading without its diacritics as the file wrote it, and a repeated column as written', () => {
    const e = (() => {
      try {
        parseMeasurementsCsv(plan, 'Ma chi so,Mã đơn vị,Kỳ báo cáo,Giá trị\n');
      } catch (x) {
        return (x as { issues: { code: string; message: { vi: string; en: string } }[] }).issues;
      }
      return [];
    })();
    expect(e.map((i) => i.code)).toEqual(['measurement.missing_column', 'measurement.unknown_column']);
    expect(e[1]?.message.en).toContain('"Ma chi so"');
    const twice = parseMeasurementsCsv(plan, 'indicator,Mã đơn vị,Kỳ báo cáo,Giá trị,Mã chỉ số\nonline-rate,so-a,2020Q4,27,x\n');
    expect(twice.issues.map((i) => [i.code, i.message.en])).toEqual([['measurement.duplicate_column', 'Row 1: column "Mã chỉ số" appears twice.']]);
  });

  it('names a missing column as the header names the others: the template heading (Giá trị) for a Vietnamese header, the key for a key header', () => {
    const missing = (csv: string) => {
      try {
        parseMeasurementsCsv(plan, csv);
      } catch (x) {
        return (x as { issues: { code: string; message: { vi: string; en: string } }[] }).issues[0];
      }
      throw new Error('expected measurement.missing_column');
    };
    // The acceptance finding: `Giá trị` retyped without diacritics in a header of template headings.
    const vi = missing('Mã chỉ số,Mã đơn vị,Cấp,Kỳ báo cáo,Gia tri\nonline-rate,so-a,,2020Q4,27\n');
    expect(vi?.code).toBe('measurement.missing_column');
    expect(vi?.message.vi).toBe('Dòng 1: thiếu cột Giá trị.');
    expect(vi?.message.en).toBe('Row 1: missing column(s) Giá trị.');
    expect(missing('Indicator id,Org unit id,Val\n')?.message.en).toBe('Row 1: missing column(s) Reporting period, Value.');
    expect(missing('indicator,orgUnit,Giá trị\n')?.message.vi).toBe('Dòng 1: thiếu cột period.');
  });

  it('maps every heading and key of every field to that field, and nothing else', () => {
    for (const [field, h] of Object.entries(H)) {
      for (const name of [field, field.toUpperCase(), h.vi, h.vi.toUpperCase(), ` ${h.en.toLowerCase()} `, h.vi.normalize('NFD')]) expect(measurementColumn(name)).toBe(field);
    }
    for (const other of ['', 'Ma chi so', 'indicators', 'Giá trị (%)', 'Kỳ']) expect(measurementColumn(other)).toBeUndefined();
  });
});

describe('dates written day/month/year', () => {
  const csv = (date: string, value = '') => `Mã chỉ số,Mã đơn vị,Kỳ báo cáo,Giá trị,Ngày bằng chứng\nsystem-built,so-a,2020Q4,${value},${date}\n`;

  it.each(['30/11/2020', '30-11-2020', '30.11.2020', '2020-11-30'])('reads evidence date %s as 30 November 2020', (date) => {
    const set = parseMeasurementsCsv(plan, csv(date));
    expect(set.issues).toEqual([]);
    expect(set.observations.map((o) => [o.value, o.period])).toEqual([[true, '2020-11-30']]);
  });

  it('reads d/m/yyyy without leading zeros, and never month/day', () => {
    expect(parseMeasurementsCsv(plan, csv('1/12/2020')).observations[0]?.period).toBe('2020-12-01');
    // 12/1/2020 is 12 January (day first): outside 2020Q4, so refused as such, not read as 1 December.
    const jan = errors(csv('12/1/2020'));
    expect(jan.map((i) => i.message.en)).toEqual([expect.stringContaining('date 2020-01-12 lies outside period 2020Q4')]);
  });

  it('refuses a day/month/year that is no day of the calendar, naming the value as written', () => {
    const [feb] = errors(csv('31/02/2020'));
    expect(feb?.code).toBe('measurement.invalid_value');
    expect(feb?.message.en).toBe('Row 2: "31/02/2020" is not a date of the calendar (read as day/month/year: month 2 of 2020 has 29 days).');
    expect(feb?.message.vi).toBe('Dòng 2: "31/02/2020" không phải ngày có thật (đọc là ngày/tháng/năm: tháng 2 năm 2020 có 29 ngày).');
    expect(errors(csv('29/02/2019'))[0]?.message.en).toContain('month 2 of 2019 has 28 days');
    expect(errors(csv('10/13/2020'))[0]?.message.en).toContain('"10/13/2020" is not a date of the calendar (read as day/month/year: there is no month 13)');
    expect(errors(csv('31/11/2020'))[0]?.message.en).toContain('month 11 of 2020 has 30 days');
    // Mixed separators, a two-digit year: not a date at all.
    for (const odd of ['30/11-2020', '30/11/20', '2020/11/30']) expect(errors(csv(odd))[0]?.message.en).toContain('is not a valid date (YYYY-MM-DD or day/month/year)');
  });

  it('reads a day/month/year date given as the value of a qualitative indicator', () => {
    const set = parseMeasurementsCsv(plan, 'indicator,orgUnit,period,value\nsystem-built,so-a,2020Q4,30/11/2020\nsystem-built,so-b,2020Q4,31/11/2020\n');
    expect(set.observations.map((o) => o.period)).toEqual(['2020-11-30']);
    expect(set.issues.map((i) => i.message.en)).toEqual([expect.stringContaining('"31/11/2020" is not a date of the calendar')]);
  });

  it('reads the same in JSON as in CSV', () => {
    const set = parseMeasurementsJson(plan, '[{"indicator":"system-built","orgUnit":"so-a","period":"2020Q4","evidenceDate":"30/11/2020"}]');
    expect(set.issues).toEqual([]);
    expect(set.observations[0]?.period).toBe('2020-11-30');
  });

  it('any day of the calendar written dd/mm/yyyy or d/m/yyyy reads as its ISO form; any impossible one is refused (property)', () => {
    const day = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.constantFrom('/', '-', '.'), fc.boolean(), (t, sep, pad) => {
        const iso = t.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-') as [string, string, string];
        const p = (s: string) => (pad ? s : String(Number(s)));
        expect(dayMonthYear(`${p(d)}${sep}${p(m)}${sep}${y}`)).toBe(iso);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 9999 }), (d, m, y) => {
        const text = `${d}/${m}/${String(y).padStart(4, '0')}`;
        const t = new Date(0);
        t.setUTCFullYear(y, m - 1, d);
        const real = m >= 1 && m <= 12 && t.getUTCDate() === d && t.getUTCMonth() === m - 1;
        const read = dayMonthYear(text);
        expect(typeof read === 'string').toBe(real);
      }),
    );
  });
});

describe('a quoted decimal comma in a "," file', () => {
  const csv = (value: string) => `indicator,orgUnit,period,value\nonline-rate,so-a,2020Q4,${value}\n`;

  it.each([
    ['"85,5"', 85.5],
    ['"0,125"', 0.125],
    ['"85,50"', 85.5],
    ['"99,0001"', 99.0001],
  ])('reads %s as %d', (value, n) => {
    const set = parseMeasurementsCsv(plan, csv(value));
    expect(set.issues).toEqual([]);
    expect(set.observations[0]?.value).toBe(n);
  });

  it('reads a quoted decimal comma in the numerator and denominator too (and keeps their checks)', () => {
    const set = parseMeasurementsCsv(plan, 'indicator,orgUnit,period,value,numerator,denominator\nonline-rate,so-a,2020Q4,,"41,5",100\nonline-rate,so-b,2020Q4,,41,"100,0"\n');
    expect(set.issues.map((i) => i.message.en)).toEqual(['Row 2: numerator must be a whole number (a count of dossiers, documents…), got 41.5.']);
    expect(set.observations.map((o) => [o.orgUnit, o.value])).toEqual([['so-b', 41]]);
  });

  it('refuses "1,234" (thousands or decimals?), saying how to write either', () => {
    const [i] = errors(csv('"1,234"'));
    expect(i?.code).toBe('measurement.invalid_number');
    expect(i?.message.en).toBe('Row 2: value: "1,234" is ambiguous (the comma may separate thousands or decimals): write 1234 or 1.234.');
    expect(i?.message.vi).toBe('Dòng 2: Giá trị: "1,234" không rõ nghĩa (dấu phẩy có thể phân cách hàng nghìn hoặc là dấu thập phân): viết 1234 hoặc 1.234.');
    // Named as the file wrote the column.
    const vi = errors('Mã chỉ số,Mã đơn vị,Kỳ báo cáo,Giá trị\nonline-rate,so-a,2020Q4,"100,000"\n');
    expect(vi[0]?.message.en).toContain('Row 2: Giá trị: "100,000" is ambiguous');
    // Several commas, a percent sign: not a number, as before.
    expect(errors(csv('"1,234,567"'))[0]?.message.en).toContain('is not a decimal number');
    expect(errors(csv('"85,5%"'))[0]?.message.en).toContain('is not a decimal number');
  });

  it('keeps the range checks on a number read with a decimal comma', () => {
    expect(errors(csv('"100,5"'))[0]?.code).toBe('measurement.out_of_range');
  });

  it('reads a quoted decimal comma exactly as the same number written with a dot (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1, 2, 4), (i, f, d) => {
        const digits = String(f).padStart(d, '0').slice(0, d);
        const comma = parseMeasurementsCsv(plan, csv(`"${i},${digits}"`));
        const dot = parseMeasurementsCsv(plan, csv(`${i}.${digits}`));
        expect(comma.issues).toEqual(dot.issues);
        expect(comma.observations).toEqual(dot.observations);
      }),
    );
  });
});
