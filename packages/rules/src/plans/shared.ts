import { parsePlan, type Plan } from '@egov-plan/core';

/**
 * A bundled plan as a function: the data is validated on first call and cached; every call returns
 * a fresh deep copy, so callers may modify it freely.
 */
export function bundledPlanLoader(data: unknown): () => Plan {
  let plan: Plan | undefined;
  return () => {
    plan ??= parsePlan(data);
    return structuredClone(plan);
  };
}
