import { describe, expect, it } from 'vitest';
import type { MeasurementInput, Plan } from '@egov-plan/core';
import { prepareMeasurements } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { testPlan } from '@egov-plan/test-utils';

// The exact words of a value or count that is not a number, in both languages (recorded from
// main's output: the contract the one set of templates, with the count's field put before, keeps).

const plan = (): Plan => {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error('fixture');
  return r.value;
};

describe('a value or count that is not a number', () => {
  const cases: [field: 'value' | 'numerator' | 'denominator', given: unknown, vi: string, en: string][] = [
    ["value", Infinity, "Số liệu thứ 1: số không hữu hạn.", "Measurement #1: not a finite number."],
    ["value", "19,5", "Số liệu thứ 1: \"19,5\" không phải là số thập phân (dùng dấu chấm cho phần thập phân: 19.5).", "Measurement #1: \"19,5\" is not a decimal number (use a dot for decimals: 19.5)."],
    ["value", "19%", "Số liệu thứ 1: \"19%\" không phải là số thập phân (viết số không kèm dấu %).", "Measurement #1: \"19%\" is not a decimal number (write the number without %)."],
    ["value", "abc", "Số liệu thứ 1: \"abc\" không phải là số thập phân.", "Measurement #1: \"abc\" is not a decimal number."],
    ["numerator", Infinity, "Số liệu thứ 1: tử số: số không hữu hạn.", "Measurement #1: numerator: not a finite number."],
    ["numerator", "19,5", "Số liệu thứ 1: tử số: \"19,5\" không phải là số thập phân (dùng dấu chấm cho phần thập phân: 19.5).", "Measurement #1: numerator: \"19,5\" is not a decimal number (use a dot for decimals: 19.5)."],
    ["numerator", "19%", "Số liệu thứ 1: tử số: \"19%\" không phải là số thập phân (viết số không kèm dấu %).", "Measurement #1: numerator: \"19%\" is not a decimal number (write the number without %)."],
    ["numerator", "abc", "Số liệu thứ 1: tử số: \"abc\" không phải là số thập phân.", "Measurement #1: numerator: \"abc\" is not a decimal number."],
    ["denominator", Infinity, "Số liệu thứ 1: mẫu số: số không hữu hạn.", "Measurement #1: denominator: not a finite number."],
    ["denominator", "19,5", "Số liệu thứ 1: mẫu số: \"19,5\" không phải là số thập phân (dùng dấu chấm cho phần thập phân: 19.5).", "Measurement #1: denominator: \"19,5\" is not a decimal number (use a dot for decimals: 19.5)."],
    ["denominator", "19%", "Số liệu thứ 1: mẫu số: \"19%\" không phải là số thập phân (viết số không kèm dấu %).", "Measurement #1: denominator: \"19%\" is not a decimal number (write the number without %)."],
    ["denominator", "abc", "Số liệu thứ 1: mẫu số: \"abc\" không phải là số thập phân.", "Measurement #1: denominator: \"abc\" is not a decimal number."],
  ];
  it.each(cases)('%s = %s is named word for word', (field, given, vi, en) => {
    const row = { indicator: 'online-rate', orgUnit: 'so-a', period: '2020Q4', value: 25, numerator: 1, denominator: 4, [field]: given };
    const issue = prepareMeasurements(plan(), [row as MeasurementInput]).issues.find((i) => i.code === 'measurement.invalid_number');
    expect(issue?.message).toEqual({ vi, en });
  });
});
