import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fromZodIssue, HolidayData, ReportingCalendar, validatePlan, type Issue } from '../src/index.js';
import { smallPlan } from '@egov-plan/test-utils';

// Schema issues are worded from zod's fields through core's templates: the Vietnamese message
// holds none of zod's English (nor the English of core's own schema checks).
const ENGLISH = /\b(?:expected|received|Invalid|invalid|input|must|string|number|Too|small|big|match|pattern|ids|dates|written|real|calendar|declared|twice|normalised|time zone)\b/u;

const text = (issues: Issue[]) => issues.map((i) => `${i.code} ${i.pointer} | ${i.message.vi} | ${i.message.en}`);

function expectVietnamese(issues: Issue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.message.vi, `${i.pointer}: ${i.message.vi}`).not.toMatch(ENGLISH);
    // The English one is ours too: not zod's "Invalid input: expected …, received …".
    expect(i.message.en, i.pointer).not.toMatch(/received|Invalid input|Too (?:small|big)|Invalid string/u);
  }
}

describe('schema issue messages', () => {
  it('word a plan with wrong types, bad numbers, bad dates and unknown keys in Vietnamese', () => {
    const p = smallPlan() as any;
    p.id = 'Kế hoạch';
    p.title = 5;
    p.extra = true;
    p.phases[0].start = '2024-02-30';
    p.phases[0].end = '31/12/2024';
    (p.indicators[0]!.targets[0] as any).value = -1;
    (p.indicators[0]!.targets[1] as any) = { ...(p.indicators[0]!.targets[1] as object), value: 120, unit: 'percent' };
    const r = validatePlan(p);
    expect(r.ok).toBe(false);
    const got = text(r.issues);
    expect(got).toContain('schema.invalid_format /id | Sai định dạng: mã chỉ gồm chữ thường, chữ số, ".", "_" và "-". | Invalid format: ids use lower-case letters, digits, ".", "_" and "-".');
    expect(got).toContain('schema.invalid_type /title | Sai kiểu: cần đối tượng, nhận được số. | Wrong type: expected object, got number.');
    expect(got).toContain('schema.unknown_key /extra | Khóa "extra" không có trong định dạng. | Unknown key "extra".');
    expect(got).toContain('schema.invalid /phases/0/start | Không hợp lệ: không phải ngày có thật. | Invalid: not a real calendar date.');
    expect(got).toContain('schema.invalid_format /phases/0/end | Sai định dạng: ngày được viết YYYY-MM-DD. | Invalid format: dates are written YYYY-MM-DD.');
    expect(got).toContain('schema.out_of_range /indicators/0/targets/0/value | Giá trị nhỏ hơn mức tối thiểu 0. | Value is below the minimum 0.');
    expectVietnamese(r.issues);
  });

  it("word an administrative unit's code and an agency code by the plan's own rule", () => {
    const p = smallPlan() as any;
    p.administrativeUnits = [{ ...(p.administrativeUnits[0] ?? {}), code: '7' }];
    const r = validatePlan(p);
    const issue = r.issues.find((i) => i.pointer === '/administrativeUnits/0/code');
    expect(issue?.message).toEqual({ vi: 'Sai định dạng: mã đơn vị hành chính gồm 2 đến 5 chữ số.', en: 'Invalid format: administrative unit codes are 2 to 5 digits.' });
    expectVietnamese(r.issues);
  });

  it("word a calendar's and holiday data's own checks, naming the values, in both languages", () => {
    const basis = { vi: 'x', en: 'x' };
    const calendar = { timeZone: 'Mars/Olympus', primaryPeriodType: 'month', periodTypes: [{ type: 'month', cutOffDay: 10, basis }, { type: 'quarter', cutOffDay: 40, basis }] };
    const r = ReportingCalendar.safeParse(calendar);
    const issues = r.error!.issues.flatMap((i) => fromZodIssue(i, calendar));
    expect(text(issues)).toEqual([
      'schema.invalid /timeZone | Không hợp lệ: không phải múi giờ IANA. | Invalid: not an IANA time zone.',
      'schema.out_of_range /periodTypes/1/cutOffDay | Giá trị vượt quá mức tối đa 28. | Value is above the maximum 28.',
    ]);
    const twice = { ...calendar, timeZone: 'Asia/Ho_Chi_Minh', primaryPeriodType: 'year', periodTypes: [calendar.periodTypes[0], calendar.periodTypes[0]] };
    const again = ReportingCalendar.safeParse(twice).error!.issues;
    // zod's own message (what a caller of the schema alone reads) is the English one.
    expect(again.map((i) => i.message)).toEqual(['Invalid: period type "month" is declared twice.', 'Invalid: primary period type "year" is not declared in periodTypes.']);
    expect(text(again.flatMap((i) => fromZodIssue(i, twice)))).toEqual([
      'schema.invalid /periodTypes/1/type | Không hợp lệ: loại kỳ "month" được khai báo hai lần. | Invalid: period type "month" is declared twice.',
      'schema.invalid /primaryPeriodType | Không hợp lệ: loại kỳ chính "year" không được khai báo trong periodTypes. | Invalid: primary period type "year" is not declared in periodTypes.',
    ]);
    const year = { year: 2024, complete: true, daysOff: [], workingDays: [], sources: ['x'] };
    const data = { id: 'vn', name: basis, appliesTo: basis, solar: [], years: [year, year], notes: [] };
    const h = HolidayData.safeParse(data);
    const hIssues = (h.error?.issues ?? []).flatMap((i) => fromZodIssue(i, data));
    expect(text(hIssues).filter((t) => t.includes('2024'))).toEqual(['schema.invalid /years/1/year | Không hợp lệ: năm 2024 xuất hiện hai lần. | Invalid: year 2024 appears twice.']);
    expectVietnamese([...issues, ...hIssues]);
  });

  it("word zod's other checks from their fields (exclusive bounds, multiples, formats, keys, exact lengths, integers)", () => {
    const schema = z.strictObject({
      positive: z.number().positive(),
      below: z.number().lt(10),
      step: z.number().multipleOf(5),
      whole: z.number().int(),
      email: z.string().email(),
      prefix: z.string().startsWith('vn-'),
      suffix: z.string().endsWith('.json'),
      part: z.string().includes('@'),
      pattern: z.string().regex(/^\d+$/u),
      keys: z.record(z.string().regex(/^[a-z]+$/u), z.number()),
      pair: z.array(z.number()).length(2),
    });
    const input = { positive: 0, below: 10, step: 7, whole: 1.5, email: 'no', prefix: 'x', suffix: 'x', part: 'x', pattern: 'x', keys: { A: 1 }, pair: [1] };
    const issues = schema.safeParse(input).error!.issues.flatMap((i) => fromZodIssue(i, input));
    expect(text(issues)).toEqual([
      'schema.out_of_range /positive | Giá trị phải lớn hơn 0. | Value must be greater than 0.',
      'schema.out_of_range /below | Giá trị phải nhỏ hơn 10. | Value must be less than 10.',
      'schema.out_of_range /step | Giá trị phải là bội số của 5. | Value must be a multiple of 5.',
      'schema.invalid_type /whole | Sai kiểu: cần số nguyên, nhận được số. | Wrong type: expected integer, got number.',
      'schema.invalid_format /email | Sai định dạng: chuỗi không đúng định dạng email. | Invalid format: the string is not a valid email.',
      'schema.invalid_format /prefix | Sai định dạng: chuỗi phải bắt đầu bằng "vn-". | Invalid format: the string must start with "vn-".',
      'schema.invalid_format /suffix | Sai định dạng: chuỗi phải kết thúc bằng ".json". | Invalid format: the string must end with ".json".',
      'schema.invalid_format /part | Sai định dạng: chuỗi phải chứa "@". | Invalid format: the string must contain "@".',
      'schema.invalid_format /pattern | Sai định dạng: chuỗi không khớp mẫu /^\\d+$/u. | Invalid format: the string does not match the pattern /^\\d+$/u.',
      'schema.invalid /keys/A | Khóa "A" không hợp lệ. | Invalid key "A".',
      'schema.out_of_range /pair | Cần đúng 2 ký tự/phần tử. | Exactly 2 characters or items required.',
    ]);
    for (const i of issues) expect(i.message.vi, i.pointer).not.toMatch(/expected|received|Invalid|must/u);
  });

  it("keep a foreign schema's custom check in its own words", () => {
    const schema = z.string().refine(() => false, { message: 'not a token.' });
    const issues = schema.safeParse('x').error!.issues.flatMap((i) => fromZodIssue(i, 'x'));
    expect(text(issues)).toEqual([' | Không hợp lệ: not a token. | Invalid: not a token.'].map((t) => `schema.invalid ${t}`));
  });
});
