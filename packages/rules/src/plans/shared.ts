import type { Plan } from '@egov-plan/core';

/**
 * A bundled plan as a function returning a fresh deep copy of its data on every call, so callers
 * may modify it freely. The data is not validated again at run time (zod over a whole plan cost
 * 100–500 ms of a CLI start): the package's tests assert that each data file is exactly what
 * `parsePlan` yields from it — valid, consistent, nothing added or dropped, same key order.
 */
export function bundledPlanLoader(data: unknown): () => Plan {
  return () => structuredClone(data) as Plan;
}
