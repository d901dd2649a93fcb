import { describe, expectTypeOf, it } from 'vitest';
import { EgovPlanError, issue, isIssueCode, validatePlan, type BilingualText, type Issue, type IssueCode, type MeasurementInput, type Plan, type Target, type ValidationResult } from '../src/index.js';

// Type tests: what a program written against the public types may rely on.

describe('Plan', () => {
  it('validatePlan narrows to a Plan only on ok', () => {
    const r = validatePlan({});
    expectTypeOf(r).toEqualTypeOf<ValidationResult<Plan>>();
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<Plan>();
    else {
      expectTypeOf(r.issues).toEqualTypeOf<Issue[]>();
      // @ts-expect-error a failed validation has no value
      void r.value;
    }
  });

  it('exposes the entities of a plan as typed arrays with bilingual names', () => {
    expectTypeOf<Plan['title']>().toEqualTypeOf<BilingualText>();
    expectTypeOf<Plan['indicators'][number]['targets'][number]>().toEqualTypeOf<Target>();
    expectTypeOf<Plan['agencies'][number]['name']>().toEqualTypeOf<BilingualText>();
    expectTypeOf<Plan['phases'][number]>().toHaveProperty('start').toEqualTypeOf<string>();
  });

  it('discriminates targets by kind: a number to compare, or a requirement that must hold', () => {
    const t = {} as Target;
    if (t.kind === 'quantitative') {
      expectTypeOf(t.value).toEqualTypeOf<number>();
      // @ts-expect-error only a qualitative target states a requirement
      void t.requirement;
    } else {
      expectTypeOf(t.value).toEqualTypeOf<true>();
      expectTypeOf(t.requirement).toEqualTypeOf<BilingualText>();
    }
  });

  it('a measurement value is a number or a boolean (optional: counts alone, or dated evidence)', () => {
    expectTypeOf<MeasurementInput['value']>().toEqualTypeOf<number | boolean | null | undefined>();
    expectTypeOf<MeasurementInput['indicator']>().toEqualTypeOf<string>();
  });
});

describe('Issue', () => {
  it('carries a code, a JSON pointer and a message in both languages', () => {
    expectTypeOf<Issue['code']>().toEqualTypeOf<IssueCode>();
    expectTypeOf<Issue['pointer']>().toEqualTypeOf<string>();
    expectTypeOf<Issue['message']>().toEqualTypeOf<{ vi: string; en: string }>();
    expectTypeOf<Issue['line']>().toEqualTypeOf<number | undefined>();
  });

  it('EgovPlanError exposes every issue, read-only', () => {
    expectTypeOf<EgovPlanError['issues']>().toEqualTypeOf<readonly Issue[]>();
    expectTypeOf<EgovPlanError['code']>().toEqualTypeOf<IssueCode>();
    expectTypeOf<EgovPlanError>().toMatchTypeOf<Error>();
  });

  it('IssueCode is exactly the registered codes: a typo or an unregistered code does not type-check', () => {
    expectTypeOf<'json.syntax'>().toMatchTypeOf<IssueCode>();
    expectTypeOf<'schema.unknown_key'>().toMatchTypeOf<IssueCode>();
    expectTypeOf<'schema.unknwon_key'>().not.toMatchTypeOf<IssueCode>();
    expectTypeOf<string>().not.toMatchTypeOf<IssueCode>();
    // @ts-expect-error misspelt code
    issue('schema.unknwon_key', '', 'vi', 'en');
    // @ts-expect-error a prefix alone no longer makes a code
    issue('rules.anything_at_all', '', 'vi', 'en');
    expectTypeOf(issue('file.too_large', '', 'vi', 'en').code).toEqualTypeOf<IssueCode>();
  });

  it('isIssueCode narrows a code read back from JSON', () => {
    const code: unknown = JSON.parse('"plan.duplicate_id"');
    if (isIssueCode(code)) expectTypeOf(code).toEqualTypeOf<IssueCode>();
  });
});
