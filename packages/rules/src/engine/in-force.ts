import type { AdministrativeLevel, BilingualText, Phase, Plan } from '@egov-plan/core';
import { itemVersion } from './items.js';
import { idComparator } from './id-order.js';

// Which org units (administrative units and agencies) a plan has in force on a date, with the
// dated changes of a rule file applied: a unit withdrawn (merged) from a date, a unit whose
// `validFrom`/`validTo` an override set, an agency withdrawn from a date. Evaluation asks this
// for the coverage of a roll-up and for the units it judges one by one.

/**
 * The org units of a plan on one date: which are in force, and why the others are not.
 *
 * @internal
 */
export interface UnitsInForce {
  /** The date asked about (a local date). */
  readonly date: string;
  /** The plan's units and agencies not in force on `date`, by id, with why (vi and en). */
  readonly out: ReadonlyMap<string, BilingualText>;
  /**
   * The plan's org units of a level in force on `date`, the province itself excepted:
   * administrative units, and agencies that are not groups. In numeric-aware order.
   */
  known(level: AdministrativeLevel, province: ReadonlySet<string>): string[];
}


/**
 * The date on which a phase's org units are taken for an evaluation at `at`: `at`, or the
 * phase's last day when the phase ended before `at`.
 *
 * @internal
 */
export function inForceDate(phase: Phase, at: string): string {
  return phase.end < at ? phase.end : at;
}

/**
 * The org units of `plan` in force on `date` ({@link UnitsInForce}). An administrative unit is in
 * force when its version of that day ({@link itemVersion}: dated overrides applied, dated
 * withdrawals honoured) exists and `validFrom ≤ date ≤ validTo`; an agency when it is not
 * withdrawn by then. An id declared both ways is in force when either declaration is.
 *
 * @internal
 */
export function unitsInForce(plan: Plan, date: string): UnitsInForce {
  const out = new Map<string, BilingualText>();
  const inForce = new Map<string, AdministrativeLevel>();
  const withdrawalOf = (kind: 'administrativeUnits' | 'agencies', id: string) => plan.itemWithdrawals?.find((w) => w.kind === kind && w.id === id);
  const withdrawn = (kind: 'administrativeUnits' | 'agencies', id: string): BilingualText => {
    const w = withdrawalOf(kind, id);
    const from = w?.effectiveFrom ?? null;
    const section = w ? ` (${w.source.section})` : '';
    return from === null
      ? { vi: `đã bị bãi bỏ khỏi kế hoạch${section}`, en: `withdrawn from the plan${section}` }
      : { vi: `bãi bỏ khỏi kế hoạch từ ngày ${from}${section}`, en: `withdrawn from the plan from ${from}${section}` };
  };
  for (const u of plan.administrativeUnits) {
    const v = itemVersion(plan, 'administrativeUnits', u, date);
    if (v === undefined) {
      out.set(u.code, withdrawn('administrativeUnits', u.code));
      continue;
    }
    if (v.validFrom !== null && v.validFrom > date) {
      out.set(u.code, { vi: `chỉ có hiệu lực từ ngày ${v.validFrom}`, en: `in force only from ${v.validFrom}` });
      continue;
    }
    if (v.validTo !== null && v.validTo < date) {
      const by = v.successors.length ? { vi: `; kế thừa: ${v.successors.join(', ')}`, en: `; succeeded by ${v.successors.join(', ')}` } : { vi: '', en: '' };
      out.set(u.code, { vi: `chấm dứt ngày ${v.validTo}${by.vi}`, en: `ceased on ${v.validTo}${by.en}` });
      continue;
    }
    inForce.set(u.code, v.level);
  }
  for (const a of plan.agencies) {
    const v = itemVersion(plan, 'agencies', a, date);
    if (v === undefined) {
      if (!inForce.has(a.id) && !out.has(a.id)) out.set(a.id, withdrawn('agencies', a.id));
      continue;
    }
    out.delete(a.id);
    if (v.kind !== 'group' && v.level) inForce.set(a.id, v.level);
  }
  for (const id of inForce.keys()) out.delete(id);
  return {
    date,
    out,
    known(level, province) {
      const ids: string[] = [];
      for (const [id, l] of inForce) if (l === level && !province.has(id)) ids.push(id);
      return ids.sort(idComparator(ids));
    },
  };
}
