import { describe, expect, it } from 'vitest';
import { MAX_ORG_UNIT_LENGTH, MEASUREMENT_FIELD_HEADINGS, MEASUREMENT_FIELD_HEADINGS_VI, MEASUREMENT_FIELDS, MeasurementInput } from '../src/index.js';

// The measurement fields are listed in a module without schemas (so that code reading rows does
// not carry the MeasurementInput schema into a bundle): the list must stay the schema's keys.

describe('MEASUREMENT_FIELDS', () => {
  it('are the keys of the MeasurementInput schema, in its order', () => {
    expect(MEASUREMENT_FIELDS).toEqual(Object.keys(MeasurementInput.shape));
    expect(Object.isFrozen(MEASUREMENT_FIELDS)).toBe(true);
  });

  it('each have a heading, and the org unit limit is the schema\'s', () => {
    expect(Object.keys(MEASUREMENT_FIELD_HEADINGS).sort()).toEqual([...MEASUREMENT_FIELDS].sort());
    expect(MeasurementInput.shape.orgUnit.safeParse('x'.repeat(MAX_ORG_UNIT_LENGTH)).success).toBe(true);
    expect(MeasurementInput.shape.orgUnit.safeParse('x'.repeat(MAX_ORG_UNIT_LENGTH + 1)).success).toBe(false);
  });

  it('have their Vietnamese headings also on their own, the same', () => {
    expect(MEASUREMENT_FIELD_HEADINGS_VI).toEqual(Object.fromEntries(Object.entries(MEASUREMENT_FIELD_HEADINGS).map(([k, h]) => [k, h.vi])));
  });
});
