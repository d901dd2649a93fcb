import { describe, expect, it } from 'vitest';
import { bundledPlan } from '@egov-plan/rules';
import { targetsAtLevel } from '../src/targets-by-level.js';

describe('example: targets by level', () => {
  it('lists the district-level online work-file targets of both phases (60% then 80%)', () => {
    const lines = targetsAtLevel(bundledPlan('kontum-1102-2019')!, 'district');
    expect(lines.some((l) => l.startsWith('2019-2020  gte 60%'))).toBe(true);
    expect(lines.some((l) => l.startsWith('2021-2025  gte 80%'))).toBe(true);
    // The commune-only target (30% at commune level) is not a district target.
    expect(lines.some((l) => l.includes('cấp xã') && l.startsWith('2019-2020  gte 30%'))).toBe(false);
  });
});
