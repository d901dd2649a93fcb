import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@egov-plan/core';
import { BUNDLED_PLAN_IDS, bundledPlan } from '../src/index.js';

// Bundled plans are returned without validating them again at run time: what makes that safe is
// this check, that each data file is exactly what validation yields from it.
describe('bundled plans', () => {
  for (const id of BUNDLED_PLAN_IDS) {
    const text = readFileSync(new URL(`../data/${id}.json`, import.meta.url), 'utf8');

    it(`${id}: the data file is exactly what parsePlan yields from it (valid, consistent, same keys in the same order)`, () => {
      expect(`${JSON.stringify(parsePlan(JSON.parse(text)), null, 2)}\n`).toBe(text);
    });

    it(`${id}: bundledPlan returns the data, a fresh copy on every call`, () => {
      const a = bundledPlan(id);
      expect(JSON.stringify(a)).toBe(JSON.stringify(JSON.parse(text)));
      a.indicators.length = 0;
      a.title.vi = 'changed';
      const b = bundledPlan(id);
      expect(b.indicators.length).toBeGreaterThan(0);
      expect(b.title.vi).not.toBe('changed');
      expect(b).not.toBe(a);
    });
  }
});
