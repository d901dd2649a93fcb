import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMINISTRATIVE_LEVEL_NAMES, isEgovPlanError, type Plan } from '@egov-plan/core';
import { bundledPlan, evaluate, parseMeasurementsCsv, parseMeasurementsJson, prepareMeasurements } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { csv, testPlan } from '@egov-plan/test-utils';

const plan = (): Plan => {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error('fixture');
  return r.value;
};
const codes = (text: string) => parseMeasurementsCsv(plan(), text).issues.map((i) => [i.pointer, i.code]);

describe('measurements in CSV', () => {
  it('reports each bad row with its row number (the header is row 1) and keeps the good rows', () => {
    const set = parseMeasurementsCsv(plan(), csv('online-rate,so-a,,2020Q4,19,,', 'online-rate,so-a,,2020Q5,19,,', 'khong-co,so-a,,2020Q4,19,,', 'online-rate,so-b,,2020Q4,21,,'), { file: 'm.csv' });
    expect(set.observations.map((o) => [o.orgUnit, o.value, o.row])).toEqual([
      ['so-a', 19, 2],
      ['so-b', 21, 5],
    ]);
    expect(set.issues.map((i) => [i.pointer, i.code, i.line, i.file])).toEqual([
      ['/3/period', 'measurement.invalid_period', 3, 'm.csv'],
      ['/4/indicator', 'measurement.unknown_indicator', 4, 'm.csv'],
    ]);
    expect(set.issues[0]?.message.vi).toMatch(/^Dòng 3: kỳ "2020Q5" không hợp lệ/u);
    expect(set.issues[0]?.message.en).toMatch(/^Row 3: period "2020Q5" is not valid/u);
    expect(set.rows).toBe(4);
  });

  it('reads a level as the template names its sheets (Cấp tỉnh, Cấp huyện, Cấp xã), in any case, and names the Vietnamese forms when refusing one', () => {
    const set = parseMeasurementsCsv(plan(), csv('online-rate,u-1,Cấp tỉnh,2020Q4,19,,', 'online-rate,u-2,cấp huyện,2020Q4,19,,', 'online-rate,u-3,CẤP XÃ,2020Q4,19,,', 'online-rate,u-4,Cấp quận,2020Q4,19,,'));
    expect(set.observations.map((o) => [o.orgUnit, o.level])).toEqual([
      ['u-1', 'province'],
      ['u-2', 'district'],
      ['u-3', 'commune'],
    ]);
    const errors = set.issues.filter((i) => i.severity !== 'warning');
    expect(errors.map((i) => [i.pointer, i.code])).toEqual([['/5/level', 'measurement.invalid_level']]);
    expect(errors[0]?.message.en).toMatch(/use province, district or commune \(in Vietnamese tỉnh, huyện, xã\)/u);
    expect(errors[0]?.message.vi).toMatch(/dùng tỉnh, huyện hoặc xã/u);
  });

  it('resolves period ids with the Decree 09/2019 cut-off (15th to 14th)', () => {
    const set = parseMeasurementsCsv(plan(), csv('online-rate,so-a,,2020Q4,19,,', 'online-rate,so-a,,2020,19,,', 'online-rate,so-a,,2020M03,19,,'));
    expect(set.observations.map((o) => [o.period, o.start, o.end])).toEqual([
      ['2020Q4', '2020-09-15', '2020-12-14'],
      ['2020', '2019-12-15', '2020-12-14'],
      ['2020M03', '2020-02-15', '2020-03-14'],
    ]);
  });

  it('refuses numbers that are not plain decimals, with a hint for decimal commas and percent signs', () => {
    const set = parseMeasurementsCsv(plan(), csv('online-rate,so-a,,2020Q4,"19,5",,', 'online-rate,so-a,,2020Q3,20%,,', 'online-rate,so-a,,2020Q2,NaN,,', 'online-rate,so-a,,2020Q1,Infinity,,', 'online-rate,so-a,,2019Q4,1e1,,', 'online-rate,so-a,,2019Q3,0x10,,', 'online-rate,so-a,,2019Q2, 20 ,,'));
    // A quoted "19,5" in a "," file holds a decimal comma (a comma can only be there in quotes): 19.5.
    expect(set.issues.map((i) => i.code)).toEqual(Array(5).fill('measurement.invalid_number'));
    expect(set.issues[0]?.message.en).toContain('without %');
    expect(set.observations.map((o) => o.value)).toEqual([19.5, 20]);
    // In JSON the comma is not read: the hint says to use a dot.
    const json = parseMeasurementsJson(plan(), '[{"indicator":"online-rate","orgUnit":"so-a","period":"2020Q4","value":"19,5"}]');
    expect(json.issues[0]?.message.en).toContain('use a dot for decimals');
  });

  it('checks ranges: negative values, percentages above 100, numerators above denominators, a zero denominator', () => {
    expect(codes(csv('online-rate,so-a,,2020Q4,-1,,', 'online-rate,so-a,,2020Q3,101,,', 'online-rate,so-a,,2020Q2,,11,10', 'online-rate,so-a,,2020Q1,,0,0', 'online-rate,so-a,,2019Q4,,5,'))).toEqual([
      ['/2/value', 'measurement.out_of_range'],
      ['/3/value', 'measurement.out_of_range'],
      ['/4/numerator', 'measurement.out_of_range'],
      ['/5/denominator', 'measurement.out_of_range'],
      ['/6/denominator', 'measurement.missing_value'],
    ]);
  });

  it('computes a percentage from numerator and denominator when the value is empty', () => {
    expect(parseMeasurementsCsv(plan(), csv('online-rate,so-a,,2020Q4,,1,3')).observations[0]).toMatchObject({ value: 33.333333, numerator: 1, denominator: 3 });
  });

  it('needs the level of an org unit the plan does not know, and refuses a level that contradicts the plan', () => {
    expect(codes(csv('online-rate,so-moi,,2020Q4,19,,', 'online-rate,980,commune,2020Q4,19,,', 'online-rate,so-moi-2,district,2020Q4,19,,', 'online-rate,so-x,tinh-thanh,2020Q4,19,,'))).toEqual([
      ['/2/level', 'measurement.missing_level'],
      ['/3/level', 'measurement.level_mismatch'],
      ['/5/level', 'measurement.invalid_level'],
      // Kept with the level it gives, and named: the plan lists its districts.
      ['/4/orgUnit', 'measurement.unknown_org_unit'],
    ]);
  });

  it('names both levels of a level mismatch as ADMINISTRATIVE_LEVEL_NAMES does', () => {
    const [mismatch] = parseMeasurementsCsv(plan(), csv('online-rate,980,commune,2020Q4,19,,')).issues;
    expect(mismatch?.code).toBe('measurement.level_mismatch');
    expect(mismatch?.message.vi).toContain(`thuộc ${ADMINISTRATIVE_LEVEL_NAMES.district.vi}, dòng này ghi ${ADMINISTRATIVE_LEVEL_NAMES.commune.vi}.`);
    expect(mismatch?.message.en).toContain('at level district, this row says commune.');
  });

  it('a second row for the same indicator, org unit and period is a duplicate', () => {
    expect(codes(csv('online-rate,so-a,,2020Q4,19,,', 'online-rate,so-a,,2020Q4,20,,'))).toEqual([['/3', 'measurement.duplicate']]);
  });

  it('qualitative values are yes/no (Vietnamese or English) or a date of evidence', () => {
    const set = parseMeasurementsCsv(plan(), csv('system-built,98,,2020Q2,có,,', 'system-built,98,,2020Q3,Không,,', 'system-built,98,,,2020-06-30,,', 'system-built,98,,2020Q4,maybe,,', 'system-built,98,,,2020-02-30,,'));
    expect(set.observations.map((o) => [o.value, o.evidence])).toEqual([
      [true, false],
      [false, false],
      [true, true],
    ]);
    expect(set.issues.map((i) => i.pointer)).toEqual(['/5/value', '/6/value']);
  });

  it('counts rows like a spreadsheet: quoted line breaks stay in one row, blank lines count', () => {
    const text = ['indicator,orgUnit,level,period,value,numerator,denominator', 'online-rate,so-a,,2020Q4,19,,', '', 'online-rate,"so', 'b",province,2020Q4,x,,', 'online-rate,so-c,province,2020Q4,y,,'].join('\r\n');
    expect(parseMeasurementsCsv(plan(), text).issues.map((i) => [i.pointer, i.line])).toEqual([
      // The line break kept inside the quoted org unit is a control character in an id.
      ['/4/orgUnit', 4],
      ['/4/value', 4],
      ['/5/value', 6],
    ]);
  });

  it('reads semicolon-separated files with the Vietnamese decimal comma, and a byte-order mark', () => {
    const set = parseMeasurementsCsv(plan(), '\uFEFFindicator;orgUnit;period;value\r\nonline-rate;so-a;2020Q4;19,5\r\nonline-rate;so-a;2020Q3;19.5\r\n');
    expect(set.issues).toEqual([]);
    expect(set.observations.map((o) => o.value)).toEqual([19.5, 19.5]);
  });

  it('in a ";" file a dot that may separate thousands is refused, not guessed', () => {
    const set = parseMeasurementsCsv(plan(), 'indicator;orgUnit;period;value\nonline-rate;so-a;2020Q4;1.234');
    expect(set.observations).toEqual([]);
    expect(set.issues.map((i) => [i.code, i.pointer])).toEqual([['measurement.invalid_number', '/2/value']]);
    expect(set.issues[0]?.message.en).toContain('write 1234');
  });

  it('reads CR-only files (one row per line) and tab-separated ones', () => {
    expect(parseMeasurementsCsv(plan(), 'indicator,orgUnit,period,value\ronline-rate,so-a,2020Q4,19\ronline-rate,so-b,2020Q4,21\r').observations.map((o) => [o.orgUnit, o.row])).toEqual([
      ['so-a', 2],
      ['so-b', 3],
    ]);
    expect(parseMeasurementsCsv(plan(), 'indicator\torgUnit\tperiod\tvalue\nonline-rate\tso-a\t2020Q4\t19').observations).toHaveLength(1);
  });

  it('a header without a required column is an error; an unknown column is reported and ignored', () => {
    const e = (() => {
      try {
        parseMeasurementsCsv(plan(), 'indicator,orgUnit,value\nonline-rate,so-a,19');
      } catch (x) {
        return x;
      }
    })();
    expect(isEgovPlanError(e) && e.issues[0]).toMatchObject({ code: 'measurement.missing_column', pointer: '/1' });
    const set = parseMeasurementsCsv(plan(), 'indicator,orgUnit,period,value,ghi chú\nonline-rate,so-a,2020Q4,19,ok');
    expect(set.issues.map((i) => [i.code, i.pointer])).toEqual([['measurement.unknown_column', '/1/4']]);
    expect(set.observations).toHaveLength(1);
  });

  it('a quote left open is reported; the rows before it are kept', () => {
    const set = parseMeasurementsCsv(plan(), csv('online-rate,so-a,,2020Q4,19,,', 'online-rate,"so-b,,2020Q4,19,,'));
    expect(set.observations).toHaveLength(1);
    expect(set.issues.map((i) => [i.code, i.pointer])).toEqual([['measurement.unterminated_quote', '/3']]);
  });
});

describe('measurements in JSON and from code', () => {
  it('reads an array or {"measurements": [...]}, with pointers, lines and columns of bad items', () => {
    const text = JSON.stringify({ measurements: [{ indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19 }, { indicator: 'online-rate', orgUnit: 'so-b', period: '2020Q4', value: '1e999' }] }, null, 2);
    const set = parseMeasurementsJson(plan(), text, { file: 'm.json' });
    expect(set.observations).toHaveLength(1);
    expect(set.issues[0]).toMatchObject({ code: 'measurement.invalid_number', pointer: '/measurements/1/value', file: 'm.json' });
    expect(text.split('\n')[(set.issues[0]?.line as number) - 1]).toContain('"value": "1e999"');
  });

  it('refuses unknown keys (also "__proto__") and nested values, without touching prototypes', () => {
    const text = '[{"indicator":"online-rate","orgUnit":"so-a","period":"2020Q4","value":19,"__proto__":{"polluted":1}},{"indicator":"online-rate","orgUnit":"so-b","period":"2020Q4","value":{"x":1}}]';
    const set = parseMeasurementsJson(plan(), text);
    expect(set.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['measurement.unknown_key', '/0/__proto__'],
      ['measurement.invalid_value', '/1/value'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('objects from code go through the same checks', () => {
    const set = prepareMeasurements(plan(), [
      { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19 },
      { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q3', value: Number.NaN },
      { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q2', value: true },
    ]);
    expect(set.observations).toHaveLength(1);
    expect(set.issues.map((i) => [i.pointer, i.code])).toEqual([
      ['/1/value', 'measurement.invalid_number'],
      ['/2/value', 'measurement.invalid_value'],
    ]);
  });
});

describe('duplicate rows', () => {
  it('the first row of each indicator, org unit and period is kept; every later one is a duplicate naming it (random files of thousands of rows)', () => {
    const p = plan();
    const periods = ['2019Q1', '2019Q2', '2019Q3', '2019Q4', '2020Q1', '2020Q2', '2020Q3', '2020Q4', '2020M01', '2020M07', '2019', '2020'];
    const key = fc.record({ indicator: fc.constantFrom('online-rate', 'complaints'), unit: fc.integer({ min: 0, max: 150 }), period: fc.constantFrom(...periods) });
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 4000 }), (keys) => {
        const rows = keys.map((k, i) => ({ indicator: k.indicator, orgUnit: `x-${k.unit}`, level: 'commune' as const, period: k.period, value: i % 7 }));
        const set = prepareMeasurements(p, rows);
        const first = new Map<string, number>();
        const expected: number[] = [];
        const duplicates: [string, string][] = [];
        keys.forEach((k, i) => {
          const id = `${k.indicator}|${k.unit}|${k.period}`;
          const seen = first.get(id);
          if (seen === undefined) {
            first.set(id, i + 1);
            expected.push(i + 1);
          } else duplicates.push([`/${i}`, `duplicates row ${seen}`]);
        });
        expect(set.observations.map((o) => o.row)).toEqual(expected);
        const errors = set.issues.filter((i) => i.severity !== 'warning');
        expect(errors.map((i) => [i.pointer, i.message.en.replace(/^.*: /u, '').replace(/ \(.*$/u, '')])).toEqual(duplicates);
        // The plan lists a commune, not these: one warning per org unit (at most 20 named, then one counting the rest).
        const warnings = set.issues.filter((i) => i.severity === 'warning');
        expect(new Set(warnings.map((i) => i.code))).toEqual(new Set(['measurement.unknown_org_unit']));
        expect(warnings.length).toBe(Math.min(new Set(keys.map((k) => k.unit)).size, 20) + (new Set(keys.map((k) => k.unit)).size > 20 ? 1 : 0));
      }),
      { numRuns: 25 },
    );
  });
});

describe('an org unit the plan does not list, given with its level', () => {
  it('is kept with its level and named in one warning per org unit, in evaluate\'s issues too', () => {
    const rows = [
      { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19 },
      { indicator: 'online-rate', orgUnit: 'so-c', level: 'province' as const, period: '2020Q4', value: 25 },
      { indicator: 'online-rate', orgUnit: 'so-c', level: 'province' as const, period: '2020Q3', value: 21 },
      { indicator: 'complaints', orgUnit: 'so-c', level: 'province' as const, period: '2020Q4', value: 3 },
    ];
    const set = prepareMeasurements(plan(), rows);
    expect(set.observations.map((o) => [o.orgUnit, o.level])).toEqual([['so-a', 'province'], ['so-c', 'province'], ['so-c', 'province'], ['so-c', 'province']]);
    expect(set.issues).toEqual([
      {
        code: 'measurement.unknown_org_unit',
        pointer: '/1/orgUnit',
        severity: 'warning',
        message: {
          vi: 'Số liệu thứ 2: kế hoạch không có đơn vị "so-c" (cấp tỉnh); số liệu vẫn được nhận: 3 dòng nêu đơn vị này, dòng đầu là dòng này. Có phải là "so-a"? Nếu mã bị gõ sai, hãy sửa rồi nhập lại.',
          en: 'Measurement #2: the plan does not list org unit "so-c" (level province); its rows are accepted: 3 row(s) name it, this one first. Did you mean "so-a"? If the id is mistyped, correct it and import again.',
        },
      },
    ]);
    const evaluation = evaluate(plan(), rows, { at: '2020-12-14' });
    expect(evaluation.issues).toEqual(set.issues);
    expect(evaluation.results.some((r) => r.orgUnit === 'so-c')).toBe(true);
  });

  it('is not named at a level whose units the plan does not list one by one (the communes of Kon Tum), nor when it is refused for another reason', () => {
    const kontum = bundledPlan('kontum-1102-2019')!;
    const set = parseMeasurementsCsv(kontum, ['indicator,orgUnit,level,period,value', 'online-dossier-rate,xa-dak-ha,commune,2020Q4,20', 'online-dossier-rate,so-moi,province,2020Q4,120'].join('\n'));
    expect(set.observations.map((o) => o.orgUnit)).toEqual(['xa-dak-ha']);
    expect(set.issues.map((i) => i.code)).toEqual(['measurement.out_of_range']);
  });

  it('is named in JSON at the line of its first item, once however many items name it', () => {
    const periods = ['2019Q1', '2019Q2', '2019Q3', '2019Q4', '2020Q1', '2020Q2'];
    const items = [{ indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 19 }, ...periods.map((period) => ({ indicator: 'complaints', orgUnit: 'so-moi', level: 'province', period, value: 1 }))];
    const json = JSON.stringify(items, null, 1);
    const set = parseMeasurementsJson(plan(), json, { file: 'm.json' });
    expect(set.observations).toHaveLength(7);
    const line = json.split('\n').findIndex((l) => l.includes('"so-moi"')) + 1;
    expect(set.issues.map((i) => [i.code, i.pointer, i.line, i.file, i.severity])).toEqual([['measurement.unknown_org_unit', '/1/orgUnit', line, 'm.json', 'warning']]);
    expect(set.issues[0]!.message.en).toContain('6 row(s) name it');
  });
});
