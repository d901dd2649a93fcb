import { ITEM_KEY_FIELDS, type ChangeableItemKind, type ItemOrigin, type Plan } from '@egov-plan/core';
import { applyItemChanges } from './changes.js';

// Dated changes to items that are not targets (`itemOverrides`, `itemWithdrawals` of a resolved
// plan). The resolver applies the undated ones; the ones with a date are applied here, for the
// date of the question: a deadline's period end, the date tasks are looked at.

/**
 * The version of one item in force on `date` (a local date `YYYY-MM-DD`): the item with every
 * override of it effective on or before that day applied — undated first, then by date, then in
 * declaration order — or `undefined` when it is withdrawn by then. `date: null` applies every
 * override (the last word on the item) and no dated withdrawal.
 *
 * @example
 * const report = plan.reportingObligations[0];
 * itemVersion(plan, 'reportingObligations', report, '2024-03-14')?.deadline; // the rule in force for 2024Q1
 */
export function itemVersion<K extends ChangeableItemKind>(plan: Pick<Plan, 'itemOverrides' | 'itemWithdrawals'>, kind: K, item: Plan[K][number], date: string | null): Plan[K][number] | undefined {
  const id = String((item as Record<string, unknown>)[ITEM_KEY_FIELDS[kind]]);
  const withdrawn = plan.itemWithdrawals?.find((w) => w.kind === kind && w.id === id);
  if (withdrawn && date !== null && (withdrawn.effectiveFrom === null || withdrawn.effectiveFrom <= date)) return undefined;
  const changes = (plan.itemOverrides ?? [])
    .map((o, order) => ({ o, order }))
    .filter(({ o }) => o.kind === kind && o.id === id && (date === null || o.effectiveFrom === null || o.effectiveFrom <= date));
  if (changes.length === 0) return item;
  changes.sort((a, b) => {
    const da = a.o.effectiveFrom ?? '';
    const db = b.o.effectiveFrom ?? '';
    return da < db ? -1 : da > db ? 1 : a.order - b.order;
  });
  let v = item as Record<string, unknown>;
  for (const { o } of changes) v = applyItemChanges(v, o.set as Record<string, unknown>);
  return v as Plan[K][number];
}

const KINDS = /* @__PURE__ */ Object.keys(ITEM_KEY_FIELDS) as ChangeableItemKind[];

/**
 * The plan as in force on `date` (a local date): every item that is not a target in the version
 * of that day ({@link itemVersion}), items withdrawn by then left out. Targets keep their own
 * dated versions (see `targetTimelines`). Returns the plan itself when it has no dated item changes.
 */
export function planAt(plan: Plan, date: string): Plan {
  if (!plan.itemOverrides?.length && !plan.itemWithdrawals?.length) return plan;
  const out: Record<string, unknown> = { ...plan };
  for (const kind of KINDS) {
    out[kind] = (plan[kind] as Plan[typeof kind][number][]).flatMap((item) => {
      const v = itemVersion(plan, kind, item, date);
      return v === undefined ? [] : [v];
    });
  }
  return out as Plan;
}

/**
 * The plan an item was declared in — `{plan, number}` from the resolver's `itemOrigins` — so an
 * obligation inherited from Kon Tum's plan is cited "1102/KH-UBND", not with the number of the
 * plan that extends it. The plan's own id and number for an item it declares itself (or when
 * the plan has no `itemOrigins`). Given the `source` of a version (a deadline's `source`), a
 * version whose `source` an override set (`set.source`) is cited with the plan that declared it.
 */
export function itemPlan(
  plan: Pick<Plan, 'id' | 'number' | 'itemOrigins' | 'itemOverrides' | 'resolvedFrom'>,
  kind: ItemOrigin['kind'],
  id: string,
  source?: { section: string; quote: string },
): { plan: string; number: string } {
  // A version whose source an override set (`set.source`) is cited with the plan that declared the override.
  if (source !== undefined) {
    const by = plan.itemOverrides?.find((o) => {
      const set = o.set as { source?: unknown };
      const s = typeof set.source === 'object' && set.source !== null ? (set.source as { section?: unknown; quote?: unknown }) : undefined;
      return o.kind === kind && o.id === id && s?.section === source.section && s?.quote === source.quote;
    });
    const from = by?.origin ? plan.resolvedFrom?.find((r) => r.file === by.origin?.file) : undefined;
    if (from) return { plan: from.plan, number: from.number };
    if (by) return { plan: plan.id, number: plan.number };
  }
  const o = plan.itemOrigins?.find((x) => x.kind === kind && x.id === id);
  return o ? { plan: o.plan, number: o.number } : { plan: plan.id, number: plan.number };
}
