import type { AdministrativeLevel, AgencyKind, BilingualText, Confidence, Deadline, Plan } from '@egov-plan/core';
import { planAt } from '../engine/items.js';
import { isMemberOf } from './timeframes.js';
import { compareIds } from '../engine/id-order.js';

// Who must report for one deadline when a reporter is a collective ("Các sở, ban, ngành", "UBND
// các huyện, thành phố"): its members, so that each member's report is counted, or the
// collective itself — said so, with why — when the plan gives no members.

/** One reporter expected for a deadline, after collectives are expanded. */
export interface ExpectedReporter {
  /** Agency id, or the code of an administrative unit whose People's Committee reports. */
  reporter: string;
  /** The collective it stands for, or null when the obligation names it itself. */
  via: string | null;
  /**
   * `agency`: a declared agency (the obligation names it, or it is a declared member of `via`);
   * `administrative-unit`: the People's Committee of a unit of the plan, inferred as a member of
   * `via` (the plan declares no such agency); `collective`: the collective counted as one reporter.
   */
  basis: 'agency' | 'administrative-unit' | 'collective';
  /** How sure the membership is: the collective's own `members.confidence` for declared members, always `unconfirmed` for inferred ones; null for a reporter the obligation names. */
  confidence: Confidence | null;
}

/** How one collective reporter of a deadline was counted. */
export interface CollectiveCount {
  /** The collective's agency id. */
  collective: string;
  /** `members`: each member is expected; `as-one`: the collective is one reporter. */
  counted: 'members' | 'as-one';
  /** Where the members come from (null when counted as one). */
  basis: 'agency' | 'administrative-unit' | null;
  /** How many members are expected (1 when counted as one). */
  members: number;
  /** The date on which the members were taken (in force on it): the due date, or the window's end. */
  date: string;
  /** Why, in both languages. */
  reason: BilingualText;
}

/** The reporters expected for one deadline ({@link expectedReporters}). */
export interface ExpectedReporters {
  /** Every reporter expected, in the order of the obligation's reporters, members by id. */
  reporters: ExpectedReporter[];
  /** One entry per collective among the obligation's reporters. */
  collectives: CollectiveCount[];
}

/** The People's Committee kind of each administrative level: a unit of that level has one. */
const COMMITTEE_KIND: Record<AdministrativeLevel, AgencyKind> = { province: 'people-committee', district: 'district-committee', commune: 'commune-committee' };


/**
 * The reporters a deadline expects, with each collective among its reporters expanded into its
 * members as in force on the due date (or the window's end for a deadline without one):
 *
 * 1. the declared agencies that belong to it ({@link isMemberOf}), with the collective's
 *    `members.confidence`;
 * 2. when it declares none and its members are People's Committees of a level (`district-committee`
 *    with level `district`, `commune-committee` with `commune`): the People's Committee of each
 *    administrative unit of that level in force — every unit of a level has one (Law on the
 *    Organisation of Local Government) — identified by the unit's code and marked `unconfirmed`,
 *    since the plan lists no members (Kon Tum's "UBND các huyện, thành phố": districts 608–618);
 * 3. otherwise (no `members`, or none declared nor inferable, or none in force) the collective
 *    counts as one reporter, and `collectives` says so and why.
 *
 * No agency is made up: an inferred member is a unit the plan declares.
 *
 * @example
 * const plan = bundledPlan('kontum-1102-2019');
 * const [d] = deadlinesFor(plan, '2020Q4').filter((x) => x.obligation === 'quarterly-report-agencies');
 * expectedReporters(plan, d!).collectives; // ubnd-cac-huyen → 10 district units, unconfirmed
 */
export function expectedReporters(given: Plan, deadline: Pick<Deadline, 'reporters' | 'due' | 'window'>): ExpectedReporters {
  const date = deadline.due ?? deadline.window.end;
  const plan = planAt(given, date);
  const agencies = new Map(plan.agencies.map((a) => [a.id, a]));
  const reporters: ExpectedReporter[] = [];
  const collectives: CollectiveCount[] = [];
  const seen = new Set<string>();
  const push = (r: ExpectedReporter) => {
    if (seen.has(r.reporter)) return;
    seen.add(r.reporter);
    reporters.push(r);
  };
  for (const id of deadline.reporters) {
    const group = agencies.get(id);
    if (group === undefined || group.kind !== 'group') {
      push({ reporter: id, via: null, basis: 'agency', confidence: null });
      continue;
    }
    const asOne = (reason: BilingualText) => {
      push({ reporter: id, via: null, basis: 'collective', confidence: null });
      collectives.push({ collective: id, counted: 'as-one', basis: null, members: 1, date, reason });
    };
    const m = group.members;
    if (!m) {
      asOne({
        vi: `"${group.name.vi}" được tính là một đơn vị báo cáo: kế hoạch không nói tập thể này gồm những ai (không khai báo "members").`,
        en: `"${group.name.en}" is counted as one reporter: the plan does not say who the collective comprises (no "members").`,
      });
      continue;
    }
    const declared = plan.agencies.filter((a) => isMemberOf(a, group)).map((a) => a.id).sort(compareIds);
    if (declared.length > 0) {
      for (const a of declared) push({ reporter: a, via: id, basis: 'agency', confidence: m.confidence });
      collectives.push({
        collective: id,
        counted: 'members',
        basis: 'agency',
        members: declared.length,
        date,
        reason: {
          vi: `"${group.name.vi}": ${declared.length} cơ quan kế hoạch khai báo thuộc tập thể này (${m.confidence === 'confirmed' ? 'đã xác nhận' : 'chưa xác nhận'}: ${m.basis.vi}); cơ quan kế hoạch không nêu tên thì không được tính.`,
          en: `"${group.name.en}": ${declared.length} agencies the plan declares belong to it (${m.confidence}: ${m.basis.en}); a body the plan does not name is not counted.`,
        },
      });
      continue;
    }
    const units = plan.administrativeUnits
      .filter((u) => (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date))
      .filter((u) => isMemberOf({ id: u.code, kind: COMMITTEE_KIND[u.level], level: u.level }, group))
      .map((u) => u.code)
      .sort(compareIds);
    if (units.length > 0) {
      for (const u of units) push({ reporter: u, via: id, basis: 'administrative-unit', confidence: 'unconfirmed' });
      collectives.push({
        collective: id,
        counted: 'members',
        basis: 'administrative-unit',
        members: units.length,
        date,
        reason: {
          vi: `"${group.name.vi}": kế hoạch không khai báo cơ quan thành viên; suy ra là UBND của ${units.length} đơn vị hành chính${levelVi(m.level)} có hiệu lực ngày ${date} (mỗi đơn vị có một UBND), mã đơn vị làm mã người báo cáo — chưa xác nhận.`,
          en: `"${group.name.en}": the plan declares no member agencies; inferred as the People's Committees of its ${units.length}${m.level === null ? '' : ` ${m.level}`} units in force on ${date} (each unit has one), the unit code as the reporter id — unconfirmed.`,
        },
      });
      continue;
    }
    asOne({
      vi: `"${group.name.vi}" được tính là một đơn vị báo cáo: kế hoạch không khai báo cơ quan thành viên nào, và không có đơn vị hành chính nào để suy ra thành viên vào ngày ${date}.`,
      en: `"${group.name.en}" is counted as one reporter: the plan declares no member agencies, and no administrative unit to infer members from is in force on ${date}.`,
    });
  }
  return { reporters, collectives };
}

function levelVi(level: AdministrativeLevel | null): string {
  return level === 'district' ? ' cấp huyện' : level === 'commune' ? ' cấp xã' : level === 'province' ? ' cấp tỉnh' : '';
}
