import { FORMAT_VERSION, type Plan } from '@egov-plan/core';

/** Keys of a plan in the order an exported rule file lists them. */
const FIRST = ['$schema', 'formatVersion', 'id', 'number', 'title', 'issuer', 'date', 'resolvedFrom'];
const LAST = ['overrides', 'withdrawals', 'itemOverrides', 'itemWithdrawals', 'origins', 'itemOrigins'];

/**
 * A plan as one self-contained rule file: `extends` already resolved (a plan returned by
 * `loadPlan` is), dated overrides and withdrawals kept with their origin, every target's origin
 * recorded, keys in a stable order. The result is JSON data that `validate` and `evaluate` accept
 * and that gives the same verdicts and provenance as the plan it came from.
 */
export function exportPlan(plan: Plan): Record<string, unknown> {
  const src = plan as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(src).filter((k) => src[k] !== undefined && k !== 'extends' && k !== 'addTargets');
  for (const k of FIRST) if (keys.includes(k)) out[k] = src[k];
  for (const k of keys) if (!FIRST.includes(k) && !LAST.includes(k)) out[k] = src[k];
  for (const k of LAST) if (keys.includes(k)) out[k] = src[k];
  out.formatVersion = FORMAT_VERSION;
  return structuredClone(out);
}
