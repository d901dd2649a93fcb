import { describe, expect, it } from 'vitest';
import { isEgovPlanError, type Issue, type Plan } from '@egov-plan/core';
import { deadlinesFor, evaluate, evaluateAsync, periodById, progress } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { testPlan } from '@egov-plan/test-utils';

// Arguments of the wrong kind from JavaScript callers: each is refused with the library's typed
// error (code and message in both languages), never a bare TypeError from inside.

const plan = (): Plan => {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error('fixture');
  return r.value;
};
const thrownIssues = (f: () => unknown): readonly Issue[] => {
  try {
    f();
  } catch (e) {
    if (isEgovPlanError(e)) return e.issues;
    throw e;
  }
  throw new Error('did not throw');
};

describe('a first argument that is not a plan', () => {
  const cases: [string, unknown, string, string][] = [
    ['null', null, 'not null.', 'không phải null.'],
    ['undefined', undefined, 'not undefined (no value).', 'không phải undefined (không có giá trị).'],
    ['a number', 42, 'not a number.', 'không phải một số.'],
    ['an array', [], 'not an array.', 'không phải một mảng.'],
  ];
  for (const [name, value, en, vi] of cases) {
    it(`evaluate(${name}) throws usage.invalid_plan in both languages`, () => {
      const [issue, ...rest] = thrownIssues(() => evaluate(value as Plan, []));
      expect(rest).toEqual([]);
      expect(issue).toEqual({
        code: 'usage.invalid_plan',
        pointer: '',
        message: {
          vi: `Cần một kế hoạch (đối tượng từ bundledPlan, loadPlan hoặc compilePlan), ${vi}`,
          en: `A plan is needed (an object from bundledPlan, loadPlan or compilePlan), ${en}`,
        },
      });
    });
  }

  it('a string is taken for a plan id and bundledPlan is suggested', () => {
    const [issue] = thrownIssues(() => evaluate('kontum-1102-2019' as unknown as Plan, []));
    expect(issue?.code).toBe('usage.invalid_plan');
    expect(issue?.message.en).toContain('not the string "kontum-1102-2019": for a bundled plan id, use bundledPlan("kontum-1102-2019").');
    expect(issue?.message.vi).toContain('không phải chuỗi "kontum-1102-2019": với mã kế hoạch có sẵn, dùng bundledPlan("kontum-1102-2019").');
  });

  it('progress and evaluateAsync refuse null the same way', async () => {
    expect(thrownIssues(() => progress(null as unknown as Plan, []))[0]?.code).toBe('usage.invalid_plan');
    const e: unknown = await evaluateAsync(null as unknown as Plan, []).then(
      () => null,
      (x: unknown) => x,
    );
    expect(isEgovPlanError(e) && e.issues[0]?.code).toBe('usage.invalid_plan');
  });
});

describe('measurements that are not rows', () => {
  it('names what was given in Vietnamese words in the Vietnamese message', () => {
    for (const [value, vi, en] of [
      [5, 'một số', 'a number'],
      [{}, 'một đối tượng', 'an object'],
      [null, 'null', 'null'],
    ] as const) {
      const [issue] = thrownIssues(() => evaluate(plan(), value as never));
      expect(issue?.code).toBe('usage.invalid_measurements');
      expect(issue?.message.vi.endsWith(`không phải ${vi}.`)).toBe(true);
      expect(issue?.message.en.endsWith(`not ${en}.`)).toBe(true);
      expect(issue?.message.vi).not.toMatch(/\b(number|object)\b/u);
    }
  });
});

describe('a Date where a period id is expected', () => {
  it("a measurement's period that is a Date says it is the wrong type, and points to `at`", () => {
    const ev = evaluate(plan(), [{ indicator: 'online-rate', orgUnit: 'so-a', period: new Date('2020-12-01') as unknown as string, value: 19 }], { at: '2020-12-14' });
    expect(ev.issues).toEqual([
      expect.objectContaining({
        code: 'measurement.invalid_value',
        pointer: '/0/period',
        message: {
          vi: 'Số liệu thứ 1: "period" là mã kỳ như 2019Q3, không phải đối tượng Date (sai kiểu); ngày đánh giá là tùy chọn `at`.',
          en: 'Measurement #1: "period" is a period id such as 2019Q3, not a Date object (wrong type); the date of the evaluation is the `at` option.',
        },
      }),
    ]);
  });

  it('periodById and deadlinesFor given a Date say so (not "undefined"), and point to `at`', () => {
    for (const f of [() => periodById(new Date() as unknown as string), () => deadlinesFor(plan(), new Date() as unknown as string)]) {
      const [issue] = thrownIssues(f);
      expect(issue).toEqual({
        code: 'calendar.invalid_period_id',
        pointer: '',
        message: {
          vi: 'Kỳ là mã như 2019Q3 (chuỗi), không phải đối tượng Date (sai kiểu): với một thời điểm, truyền nó làm `at` (deadlinesAt, periodContaining).',
          en: 'A period is an id such as 2019Q3 (a string), not a Date object (wrong type): for an instant, pass it as `at` (deadlinesAt, periodContaining).',
        },
      });
    }
  });

  it('another non-string period id names its type', () => {
    const [issue] = thrownIssues(() => periodById(2020 as unknown as string));
    expect(issue?.message).toEqual({ vi: 'Kỳ là mã như 2019Q3 (chuỗi), không phải một số (sai kiểu).', en: 'A period is an id such as 2019Q3 (a string), not a number (wrong type).' });
  });
});

describe('numbers in Vietnamese messages', () => {
  it('inconsistent_counts writes decimals with a comma in Vietnamese, a dot in English', () => {
    const ev = evaluate(plan(), [{ indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 12.5, numerator: 1, denominator: 3 }], { at: '2020-12-14' });
    const issue = ev.issues.find((i) => i.code === 'measurement.inconsistent_counts');
    expect(issue?.message).toEqual({
      vi: 'Số liệu thứ 1: giá trị 12,5% không khớp với tử số/mẫu số 1/3 = 33,333333% (lệch quá 0,5 điểm phần trăm do làm tròn).',
      en: 'Measurement #1: value 12.5% does not match numerator/denominator 1/3 = 33.333333% (more than the 0.5 percentage points rounding explains).',
    });
  });
});
