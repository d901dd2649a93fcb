import type { Target, TargetOverride } from '@egov-plan/core';

// How an override changes a target, shared by the resolver (which checks every dated version) and
// the timelines of evaluation (which pick the version in force).

/** Orders overrides for application: undated first, then by date, then base files first. */
export function compareOverrides(a: { override: TargetOverride; order: number }, b: { override: TargetOverride; order: number }): number {
  const da = a.override.effectiveFrom ?? '';
  const db = b.override.effectiveFrom ?? '';
  return da < db ? -1 : da > db ? 1 : a.order - b.order;
}

/** A target with an override's changes applied (`conditions: null` removes custom conditions). */
export function applyChanges(target: Target, set: TargetOverride['set']): Target {
  const next: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) continue;
    if (k === 'conditions' && v === null) delete next.conditions;
    else next[k] = v;
  }
  return next as Target;
}


/** An item (not a target) with an item override's `set` applied: each field named replaces the item's. */
export function applyItemChanges<T extends Record<string, unknown>>(item: T, set: Record<string, unknown>): T {
  const next: Record<string, unknown> = { ...item };
  for (const [k, v] of Object.entries(set)) if (v !== undefined) next[k] = v;
  return next as T;
}
