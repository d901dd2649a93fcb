import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEgovPlanError, parsePlan } from '@egov-plan/core';
import { BUNDLED_PLAN_IDS, bundledPlan, type BundledPlanId } from '../src/index.js';

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

// From JavaScript (or a string cast to the id type) a typo used to come back as `undefined`, typed
// as a Plan, and failed later as "cannot read properties of undefined".
describe('bundledPlan with an id no bundled plan has', () => {
  for (const id of ['nope', 'kontum-1102-2020', 'KONTUM-1102-2019', '', '__proto__', 'toString', 'constructor']) {
    it(`"${id}" throws plan.unknown_plan naming the id and the bundled ids, in both languages`, () => {
      let caught: unknown;
      try {
        bundledPlan(id as BundledPlanId);
      } catch (e) {
        caught = e;
      }
      expect(isEgovPlanError(caught)).toBe(true);
      if (!isEgovPlanError(caught)) return;
      expect(caught.code).toBe('plan.unknown_plan');
      const { vi, en } = caught.issues[0]!.message;
      for (const text of [vi, en]) {
        expect(text).toContain(`"${id}"`);
        for (const known of BUNDLED_PLAN_IDS) expect(text).toContain(known);
      }
      expect(vi).toMatch(/^Không có kế hoạch đóng gói/u);
      expect(en).toMatch(/^No bundled plan/u);
    });
  }
});
