import { EgovPlanError, issueFrom, type BilingualText, type Plan } from '@egov-plan/core';
import { provideBundledPlans } from './engine/bundled-lookup.js';
import { verifyProvenance } from './engine/provenance.js';
import { pathNotAllowedIssue, unknownBaseIssue, type RuleFileSource } from './engine/resolve.js';
import * as MSG from './messages.js';
import * as kontum from './plans/kontum-1102-2019.js';
import * as nq17 from './plans/vn-nq17-2019.js';

// Every bundled plan, by id. Each plan is also its own entry (`@egov-plan/rules/plans/<id>`): a
// bundle that imports `bundledPlan` carries every plan, one that imports a plan's entry only it.
const plans = {
  [kontum.id]: kontum.plan,
  [nq17.id]: nq17.plan,
} as const satisfies Record<string, () => Plan>;

/** Id of a plan shipped with this package. A typo is a compile-time error. */
export type BundledPlanId = 'kontum-1102-2019' | 'vn-nq17-2019';

/** Ids of the plans shipped with this package. */
export const BUNDLED_PLAN_IDS: readonly BundledPlanId[] = Object.freeze(Object.keys(plans) as BundledPlanId[]);

/** A one-line description of a bundled plan. */
export interface BundledPlanInfo {
  id: BundledPlanId;
  number: string;
  date: string;
  title: BilingualText;
  issuer: BilingualText;
}

/** True when `id` names a bundled plan (a type guard: narrows a string to {@link BundledPlanId}). */
export function isBundledPlanId(id: string): id is BundledPlanId {
  return Object.prototype.hasOwnProperty.call(plans, id);
}

/**
 * A bundled plan. Its data is checked by the package's tests (valid and consistent, exactly what
 * `parsePlan` yields), not again at run time. Returns a fresh deep copy on every call, so callers
 * may modify it freely. Synchronous.
 *
 * @throws `EgovPlanError` (`plan.unknown_plan`) when called from JavaScript (or through a
 *   cast) with an id that names no bundled plan; the message lists the bundled ids. Check a
 *   string from outside with {@link isBundledPlanId} first to branch without an exception.
 *
 * @example
 * ```ts
 * const plan = bundledPlan('kontum-1102-2019');
 * ```
 */
export function bundledPlan(id: BundledPlanId): Plan {
  if (isBundledPlanId(id)) return plans[id]();
  throw new EgovPlanError([issueFrom(MSG.planNotBundled, '', { ref: String(id), ids: BUNDLED_PLAN_IDS.join(', ') })]);
}

// The provenance check reads the bundled plans through this, and compilePlan checks a plan given
// from code with it (see engine/bundled-lookup.ts).
provideBundledPlans(
  (id) => (isBundledPlanId(id) ? bundledPlan(id) : undefined),
  (plan) => verifyProvenance({ key: '<value>', display: plan.id, plan }).forged,
);

/** Lists the bundled plans. */
export function listBundledPlans(): BundledPlanInfo[] {
  return BUNDLED_PLAN_IDS.map((id) => {
    const p = bundledPlan(id);
    return { id, number: p.number, date: p.date, title: p.title, issuer: p.issuer.name };
  });
}

/** Whether a reference that is not a bundled id looks like a path (then it is refused, not unknown). */
const looksLikePath = (ref: string) => /[/\\]|\.json$/iu.test(ref) || ref.startsWith('.');

/**
 * The rule-file source of the bundled plans: `extends` may name bundled plan ids only. A path is
 * refused with `rules.path_not_allowed` — the source for rule files that arrive over a network or
 * from a user, where reading paths would expose the server's files.
 */
export function bundledSource(): RuleFileSource {
  return {
    read(ref) {
      if (isBundledPlanId(ref)) return { entry: { key: `bundled:${ref}`, name: ref, value: bundledPlan(ref) } };
      if (looksLikePath(ref)) {
        return { issues: [pathNotAllowedIssue(ref, MSG.rulesPathBundledOnly)] };
      }
      return { issues: [unknownBaseIssue(ref)] };
    },
  };
}
