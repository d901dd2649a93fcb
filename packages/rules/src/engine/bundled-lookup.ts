import type { Issue, Plan } from '@egov-plan/core';

// The bundled plans as the provenance check sees them. `bundled.ts` provides them when it is
// loaded (always in Node, and in any bundle that imports `bundledPlan`, `bundledSource` or
// `resolvePlan`'s default source), so that `compilePlan` and `evaluate` do not pull every bundled
// plan into a browser bundle that never asks for one. Without them a claim naming a bundled plan
// cannot be checked and is kept as the file's claim (`claimed: true`), like any other file's.
// The check of a plan given from code (`compilePlan`) comes with them: without the bundled plans no
// claim can be checked against one, so none is found forged, and a bundle without them carries no
// check.

let lookup: ((id: string) => Plan | undefined) | undefined;
let forgedCheck: ((plan: Plan) => Issue[]) | undefined;

/**
 * Called by the bundled plans' module: how to read a bundled plan by id, and how to find the
 * provenance claims of a plan that name a bundled plan which does not hold them.
 *
 * @internal
 */
export function provideBundledPlans(read: (id: string) => Plan | undefined, forged: (plan: Plan) => Issue[]): void {
  lookup = read;
  forgedCheck = forged;
}

/**
 * The provenance claims of a validated plan that name a bundled plan which does not hold them
 * (`rules.unverified_provenance` warnings); none when the bundled plans are not loaded.
 *
 * @internal
 */
export function forgedProvenance(plan: Plan): Issue[] {
  return forgedCheck ? forgedCheck(plan) : [];
}

/**
 * A reader of the bundled plans for one check: each plan read (copied) at most once; `undefined`
 * for an id that is not a bundled plan, or when the bundled plans are not loaded.
 *
 * @internal
 */
export function bundledPlansForCheck(): (id: string) => Plan | undefined {
  const seen = new Map<string, Plan | undefined>();
  return (id) => {
    if (!seen.has(id)) seen.set(id, lookup?.(id));
    return seen.get(id);
  };
}
