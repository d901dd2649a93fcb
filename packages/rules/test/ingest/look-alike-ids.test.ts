import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import { parseMeasurementsCsv, parseMeasurementsJson } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { csv, testPlan } from '@egov-plan/test-utils';

function plan(): Plan {
  const r = validatePlanValue(testPlan());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('look-alike org units and indicators in measurements', () => {
  it('an org unit with a zero-width space or a Cyrillic а is refused at its line, naming the code point; the real one is kept', () => {
    const set = parseMeasurementsCsv(plan(), csv('online-rate,so-a,,2020Q4,40,40,100', 'online-rate,so-\u200Ba,province,2020Q4,90,90,100', 'online-rate,so-\u0430,province,2020Q4,90,90,100'));
    expect(set.observations.map((o) => o.orgUnit)).toEqual(['so-a']);
    expect(set.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['measurement.invisible_character', '/3/orgUnit'],
      ['measurement.mixed_script', '/4/orgUnit'],
    ]);
    expect(set.issues[0]?.message.en).toContain('U+200B');
    expect(set.issues[1]?.message.en).toContain('U+0430');
  });

  it('an indicator id with a bidi override is named by its code point, not as an unknown indicator', () => {
    const set = parseMeasurementsJson(plan(), JSON.stringify([{ indicator: 'online\u202E-rate', orgUnit: 'so-a', period: '2020Q4', value: 40, numerator: 40, denominator: 100 }]));
    expect(set.issues.map((i) => i.code)).toEqual(['measurement.invisible_character']);
    expect(set.issues[0]?.message.vi).toContain('U+202E');
  });
});
