import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEgovPlanError, type Issue, type Plan } from '@egov-plan/core';
import { evaluate, parseMeasurementsCsv, parseMeasurementsJson } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { testPlan } from '@egov-plan/test-utils';

// Measurement-input fuzz (fast-check): arbitrary CSV text, arbitrary JSON and arbitrary row
// objects never make the readers or evaluation throw anything but a typed EgovPlanError, every
// issue is well-formed, and every observation kept is one of the plan's indicators.

const resolved = validatePlanValue(testPlan());
if (!resolved.ok) throw new Error('test plan invalid');
const plan: Plan = resolved.value;
const indicators = new Set(plan.indicators.map((i) => i.id));
const CODE = /^measurement\.|^json\.|^file\.|^usage\./u;

/** Runs `f`; a thrown EgovPlanError counts as its issues, anything else fails the property. */
function typed(f: () => Issue[]): Issue[] {
  try {
    return f();
  } catch (e) {
    if (isEgovPlanError(e)) return [...e.issues];
    throw e;
  }
}

function wellFormed(issues: readonly Issue[]): void {
  for (const i of issues) {
    expect(i.code).toMatch(CODE);
    expect(typeof i.pointer).toBe('string');
    expect(i.message.vi.length).toBeGreaterThan(0);
    expect(i.message.en.length).toBeGreaterThan(0);
  }
}

const cell = fc.oneof(
  fc.constantFrom('online-rate', 'complaints', 'system-built', 'so-a', '98', '980', 'province', 'district', '2020Q4', '2020-12', '2020', '19', '19,5', '1e309', 'NaN', '-1', 'true', 'có', '', '"', '""', '"a,b"', '"x\ny"', '\u200B', 'so-\u0430', '\u0000', '\uFEFF', '\uD800'),
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
);
const line = fc.array(cell, { maxLength: 9 });
const csvText = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([rows, d, eol, header]) => [...(header ? ['indicator,orgUnit,level,period,value,numerator,denominator'.replaceAll(',', d)] : []), ...rows.map((r) => r.join(d))].join(eol));

describe('measurement-input fuzz', () => {
  it('any CSV text: typed issues only; observations are of plan indicators and no more than the rows read', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const issues = typed(() => {
          const set = parseMeasurementsCsv(plan, text);
          expect(set.observations.length).toBeLessThanOrEqual(set.rows);
          for (const o of set.observations) expect(indicators.has(o.indicator)).toBe(true);
          const ev = evaluate(plan, set, { at: '2020-12-31' });
          for (const r of ev.results) expect(r.explanation.en.length).toBeGreaterThan(0);
          return set.issues;
        });
        wellFormed(issues);
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON value as a measurements file: typed issues only', () => {
    const row = fc.record({ indicator: cell, orgUnit: cell, level: cell, period: cell, value: fc.oneof(cell, fc.double(), fc.boolean(), fc.constant(null)), numerator: fc.anything(), denominator: fc.anything() }, { requiredKeys: [] });
    const doc = fc.oneof(fc.jsonValue(), fc.array(row, { maxLength: 20 }), fc.record({ measurements: fc.array(row, { maxLength: 20 }) }));
    fc.assert(
      fc.property(doc, (value) => {
        const text = JSON.stringify(value) ?? 'null';
        wellFormed(typed(() => parseMeasurementsJson(plan, text).issues));
      }),
      { numRuns: 300 },
    );
  });

  it('any row objects handed from code: typed issues only, never a TypeError', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('indicator', 'orgUnit', 'level', 'period', 'value', 'numerator', 'denominator', '__proto__', 'constructor'), fc.anything())), { maxLength: 20 }), (rows) => {
        wellFormed(typed(() => evaluate(plan, rows as never, { at: '2020-12-31' }).issues));
      }),
      { numRuns: 300 },
    );
  });
});
