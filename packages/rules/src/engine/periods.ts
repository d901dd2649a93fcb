import { isEgovPlanError, type Issue, type Plan } from '@egov-plan/core';
import { periodByIdIn, planCalendarRules } from '../calendar/periods.js';
import { compiledArtifacts } from './plan-artifacts.js';

/** A reporting period's id and inclusive local dates. */
export interface PeriodInterval {
  id: string;
  start: string;
  end: string;
}

/** Resolves period ids under a plan's reporting calendar; the result of each id is cached. */
export type PeriodLookup = (id: string) => { period: PeriodInterval } | { issue: Issue };

/**
 * A period lookup for `plan`: ids such as `2020Q4`, `2020M03`, `2020S1`, `2020N9`, `2020` under the
 * plan's reporting calendar (Decree 09/2019 when it declares none: `2020Q4` = 2020-09-15 …
 * 2020-12-14), and calendar ids with a `C` prefix. Delegates to the calendar module. The calendar
 * is read once, when the lookup is made (a compiled plan's lookup is shared).
 */
export function periodLookup(plan: Pick<Plan, 'calendar'>): PeriodLookup {
  const shared = compiledArtifacts(plan);
  if (shared) return shared.periods;
  const calendar = planCalendarRules(plan);
  const cache = new Map<string, { period: PeriodInterval } | { issue: Issue }>();
  return (id) => {
    let hit = cache.get(id);
    if (!hit) {
      try {
        const p = periodByIdIn(calendar, id);
        hit = { period: { id: p.id, start: p.start, end: p.end } };
      } catch (e) {
        if (!isEgovPlanError(e)) throw e;
        hit = { issue: e.issues[0] as Issue };
      }
      if (cache.size < 10_000) cache.set(id, hit); // a file of made-up ids cannot grow it without bound
    }
    return hit;
  };
}
