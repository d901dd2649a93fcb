import { parsePlan, type BilingualText, type Plan } from '@egov-plan/core';
import kontum from '../data/kontum-1102-2019.json';
import nq17 from '../data/vn-nq17-2019.json';

const raw: Record<string, unknown> = {
  'kontum-1102-2019': kontum,
  'vn-nq17-2019': nq17,
};

/** Ids of the plans shipped with this package. */
export const BUNDLED_PLAN_IDS = Object.freeze(Object.keys(raw)) as readonly string[];

/** A one-line description of a bundled plan. */
export interface BundledPlanInfo {
  id: string;
  number: string;
  date: string;
  title: BilingualText;
  issuer: BilingualText;
}

const cache = new Map<string, Plan>();

/** True when `id` names a bundled plan. */
export function isBundledPlanId(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(raw, id);
}

/**
 * A bundled plan, validated on first use and cached. Returns a fresh deep copy on every call, so
 * callers may modify it freely. Returns `undefined` for an unknown id.
 */
export function bundledPlan(id: string): Plan | undefined {
  if (!isBundledPlanId(id)) return undefined;
  let plan = cache.get(id);
  if (!plan) {
    plan = parsePlan(raw[id]);
    cache.set(id, plan);
  }
  return structuredClone(plan);
}

/** Lists the bundled plans. */
export function listBundledPlans(): BundledPlanInfo[] {
  return BUNDLED_PLAN_IDS.map((id) => {
    const p = bundledPlan(id) as Plan;
    return { id, number: p.number, date: p.date, title: p.title, issuer: p.issuer.name };
  });
}
