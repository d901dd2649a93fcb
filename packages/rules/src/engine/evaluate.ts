import {
  EgovPlanError,
  assertResolvedPlan,
  issueFrom,
  type AdministrativeLevel,
  type BilingualText,
  type Evaluation as EvaluationOutput,
  type EvaluationSummary,
  type Evaluator,
  type Indicator,
  type Issue,
  type Phase,
  type Plan,
  type RollUp,
  type SourceRef,
  type Target,
  type TargetResult as TargetResultOutput,
  type TargetStatus as TargetStatusOutput,
  type ValueBasis as ValueBasisOutput,
} from '@egov-plan/core';
import * as MSG from '../messages.js';
import { compileConditions, targetConditions, traceConditions, type CompiledPredicate } from './compile.js';
import { planArtifacts } from './compiled-plan.js';
import { checkOptionsEarly, checkOptionsShape, DEFAULT_MAX_RESULTS, EVALUATE_OPTIONS_CHECK, resolveOptions, type EvaluateOptions } from './options.js';
import type { PlanArtifacts } from './plan-artifacts.js';
import { explainResult } from './explain.js';
import { FactSet, type ConditionFacts, type FactSource } from './facts.js';
import { isMeasurementSet, prepareMeasurements, prepareMeasurementsAsync, round6, type MeasurementInput, type MeasurementSet, type Observation } from './measurements.js';
import { createReferenceRuleSet, runReferenceRuleSet, type ReferenceRuleSet } from './reference.js';
import { effectiveOf, type ProvenanceStep, type TargetVersion } from './timeline.js';
import { inForceDate, unitsInForce, type UnitsInForce } from './in-force.js';
import { idComparator } from './id-order.js';

// The output types are inferred from the output schemas of @egov-plan/core (one source of truth
// for the types, the published JSON Schemas and the HTTP package's OpenAPI).

/** The verdict on one target for one org unit (the `TargetStatus` schema of @egov-plan/core). */
export type TargetStatus = TargetStatusOutput;

/** Where the value that counts came from (the `ValueBasis` schema of @egov-plan/core). */
export type ValueBasis = ValueBasisOutput;

/**
 * One target judged for one org unit (or for the province as a whole); every field is documented
 * in the `TargetResult` schema of @egov-plan/core. The explanation is built when first read.
 */
export type TargetResult = TargetResultOutput;

export { phasesAt, type EvaluateOptions, type EvaluationInstant } from './options.js';

/** The result of {@link evaluate}: the `Evaluation` schema of @egov-plan/core. */
export type Evaluation = EvaluationOutput;

// --- shared pipeline ------------------------------------------------------------------------

/**
 * What the results of one target version share in one evaluation (held once, not per result):
 * the indicator, the version in force, its phase, the evaluation date, the quote in force and the
 * plan's names of org units, for the verdict and the explanation.
 *
 * @internal
 */
export interface TargetContext {
  readonly indicator: Indicator;
  readonly version: TargetVersion;
  readonly phase: Phase;
  readonly at: string;
  /** The quote behind the value in force (see {@link sourceInForce}). */
  readonly source: SourceRef;
  readonly names: ReadonlyMap<string, BilingualText>;
}

/**
 * What a result holds beside its fields that is not its value (see {@link JudgedTarget}): one
 * class to test for, so that a plain value (an observation, or summed counts) needs no wrapper.
 */
abstract class Held {}

/** For a unit not in force on the evaluation date: the date, why, and the value received (not judged). */
class OutOfForce extends Held {
  constructor(
    readonly date: string,
    readonly reason: BilingualText,
    readonly received: Observation | null,
  ) {
    super();
  }
}

/** For a target withdrawn by the evaluation date: the withdrawal, and the values received in the window (not judged). */
class Withdrawn extends Held {
  constructor(
    readonly step: ProvenanceStep,
    readonly received: readonly { orgUnit: string; observation: Observation }[],
  ) {
    super();
  }
}

/**
 * For a roll-up whose level has no unit in force on the phase's date (the district level after
 * 2025): the plan's units of that level and why each is not in force, and the latest value
 * outside the window, if any.
 */
class LevelOutOfForce extends Held {
  constructor(
    readonly date: string,
    readonly units: readonly { id: string; reason: BilingualText }[],
    readonly outside: Observation | null,
  ) {
    super();
  }
}

/** Without a value: the latest observation outside the window (wrapped, so as not to be taken for a value). */
class Outside extends Held {
  constructor(readonly observation: Observation) {
    super();
  }
}

/** A value and an aside both (a roll-up of summed counts that also names the province's value outside the window). */
class ValueAndAside extends Held {
  constructor(
    readonly value: FactSource,
    readonly aside: Aside,
  ) {
    super();
  }
}

/** The explanation once built (or set), with what the result held before. */
class Explained extends Held {
  constructor(
    readonly text: BilingualText,
    readonly held: FactSource | Held | null,
  ) {
    super();
  }
}

/** The value a result holds (see {@link JudgedTarget}), or null. */
function valueOf(held: FactSource | Held | null): FactSource | null {
  if (held === null) return null;
  if (!(held instanceof Held)) return held;
  const h = held instanceof Explained ? held.held : held;
  return h instanceof ValueAndAside ? h.value : h === null || h instanceof Held ? null : h;
}

/** The aside a result holds (see {@link JudgedTarget}), or null. */
function asideOf(held: FactSource | Held | null): Aside | null {
  const h = held instanceof Explained ? held.held : held;
  if (h instanceof ValueAndAside) return h.aside;
  if (h instanceof Outside) return h.observation;
  return h instanceof OutOfForce || h instanceof Withdrawn || h instanceof LevelOutOfForce ? h : null;
}

/** What a result holds for a value and an aside, in one slot. */
function held(value: FactSource | null, aside: Aside | null): FactSource | Held | null {
  if (aside === null) return value;
  const a = aside instanceof Held ? aside : new Outside(aside);
  return value === null ? a : new ValueAndAside(value, aside);
}

/** What a result without a value says instead (see the explanation). */
type Aside = Observation | OutOfForce | Withdrawn | LevelOutOfForce;

export { targetConditions };

/**
 * Compiles a target version's conditions (its own, or those of its comparator and value). Not
 * cached: a compiled plan (see {@link compilePlan}) holds the predicates of its targets.
 *
 * @internal
 */
export function compiledTarget(target: Target): CompiledPredicate {
  return compileConditions(targetConditions(target));
}

/** Builds the facts a condition tree sees. @internal */
export function buildFacts(o: FactSource, indicator: string, targetValue: number | boolean, at: string): ConditionFacts {
  return new FactSet(o, indicator, targetValue, at);
}

/** The level of an observation as a code in {@link ObservationIndex}'s facts (0: none of the three). */
const levelCode = (level: unknown): number => (level === 'province' ? 1 : level === 'district' ? 2 : level === 'commune' ? 3 : 0);
const LEVEL_OF: readonly (AdministrativeLevel | null)[] = [null, 'province', 'district', 'commune'];
/** Bits of an observation's facts: its level code (two bits), then whether it has both counts. */
const LEVEL_BITS = 3;
const HAS_COUNTS = 4;
/** Then one bit per phase of the evaluation (the first 28): whether it is {@link inWindow} for that phase. */
const PHASE_SHIFT = 3;
const PHASE_FLAGS = 28;

/** Which observations a roll-up sums: with both counts, of the target's level when it has one. */
interface CountsFilter {
  mask: number;
  want: number;
}
const ANY: CountsFilter = { mask: 0, want: 0 };

/**
 * The observations of one evaluation by org unit and the plan's indicators, in one flat typed
 * table (org units numbered as they come) built in one pass: no map or array per pair, so a
 * national quarter is indexed with a few allocations instead of hundreds of thousands, and the
 * garbage collector has almost nothing to scan. Observations of indicators the plan does not
 * have are never asked for and not indexed. What the evaluation asks of each observation — its
 * level, whether it has counts, whether it falls in each phase's window — is read in that pass
 * too (in file order, while the observation is at hand) and kept as bits, so picking the value
 * that counts never goes back to the observations themselves.
 */
class ObservationIndex {
  readonly units: string[] = [];
  readonly unitOf = new Map<string, number>();
  /**
   * Per org unit × indicator slot: 0 for none, k + 1 for the k-th observation alone, or −1 − j
   * for the j-th list of several (observation numbers sorted by period).
   */
  readonly #cells: Int32Array;
  readonly #lists: number[][] = [];
  readonly #observations: readonly Observation[];
  /** Per observation number: its facts as bits (see {@link LEVEL_BITS}, {@link HAS_COUNTS}, {@link PHASE_SHIFT}). */
  readonly #facts: Int32Array;
  readonly #phases: readonly Phase[];
  readonly #at: string;
  readonly #stride: number;
  /** The org units with observations of each slot, in order of arrival: `#with[#withStart[s] …]`. */
  readonly #withStart: Int32Array;
  readonly #with: Int32Array;

  constructor(
    observations: readonly Observation[],
    readonly slotOf: ReadonlyMap<string, number>,
    phases: readonly Phase[],
    at: string,
  ) {
    const stride = (this.#stride = Math.max(1, slotOf.size));
    this.#observations = observations;
    this.#phases = phases;
    this.#at = at;
    const { units, unitOf } = this;
    const lists = this.#lists;
    const facts = (this.#facts = new Int32Array(observations.length));
    const flagged = Math.min(phases.length, PHASE_FLAGS);
    let cells = new Int32Array(stride * 256);
    // Each (unit, slot) pair as it first appears (unit and slot numbers side by side): the
    // per-slot unit lists, in order of arrival.
    let pairs = new Int32Array(2048);
    let pairCount = 0;
    let unit = 0;
    const perSlot = new Int32Array(stride + 1);
    let lastUnit: string | null = null;
    let base = 0;
    let lastIndicator: string | null = null;
    let slot: number | undefined;
    // Files list one period for many rows: the window bits are worked out again only when the
    // period (or the evidence flag) changes from the row before.
    let lastEnd: string | null = null;
    let lastEvidence: unknown = null;
    let windows = 0;
    for (let i = 0; i < observations.length; i++) {
      const o = observations[i] as Observation;
      if (o.indicator !== lastIndicator) {
        lastIndicator = o.indicator;
        slot = slotOf.get(lastIndicator);
      }
      if (slot === undefined) continue;
      if (o.end !== lastEnd || o.evidence !== lastEvidence) {
        lastEnd = o.end;
        lastEvidence = o.evidence;
        windows = 0;
        for (let p = 0; p < flagged; p++) if (inWindow(o, phases[p] as Phase, at)) windows |= 1 << (PHASE_SHIFT + p);
      }
      facts[i] = windows | levelCode(o.level) | (o.numerator !== undefined && o.denominator !== undefined ? HAS_COUNTS : 0);
      if (o.orgUnit !== lastUnit) {
        lastUnit = o.orgUnit;
        let u = unitOf.get(lastUnit);
        if (u === undefined) {
          u = units.length;
          unitOf.set(lastUnit, u);
          units.push(lastUnit);
          if ((u + 1) * stride > cells.length) {
            const bigger = new Int32Array(cells.length * 2);
            bigger.set(cells);
            cells = bigger;
          }
        }
        unit = u;
        base = u * stride;
      }
      const k = base + slot;
      const c = cells[k] as number;
      if (c === 0) {
        cells[k] = i + 1;
        if (2 * pairCount === pairs.length) {
          const bigger = new Int32Array(pairs.length * 2);
          bigger.set(pairs);
          pairs = bigger;
        }
        pairs[2 * pairCount] = unit;
        pairs[2 * pairCount + 1] = slot;
        pairCount++;
        perSlot[slot + 1] = (perSlot[slot + 1] as number) + 1;
      } else if (c < 0) (lists[-1 - c] as number[]).push(i);
      else {
        cells[k] = -1 - lists.length;
        lists.push([c - 1, i]);
      }
    }
    const byPeriodOf = (a: number, b: number) => byPeriod(observations[a] as Observation, observations[b] as Observation);
    for (const list of lists) list.sort(byPeriodOf);
    this.#cells = cells;
    for (let s = 0; s < stride; s++) perSlot[s + 1] = (perSlot[s + 1] as number) + (perSlot[s] as number);
    this.#withStart = perSlot;
    const fill = perSlot.slice(0, stride);
    const withUnits = (this.#with = new Int32Array(pairCount));
    for (let j = 0; j < pairCount; j++) {
      const s = pairs[2 * j + 1] as number;
      const at = fill[s] as number;
      fill[s] = at + 1;
      withUnits[at] = pairs[2 * j] as number;
    }
  }

  /** The number of an org unit with observations, or −1. */
  unit(id: string): number {
    return this.unitOf.get(id) ?? -1;
  }

  /** The observation of a number. */
  observation(i: number): Observation {
    return this.#observations[i] as Observation;
  }

  /** True when unit number `u` (−1 for none) has observations of an indicator slot. */
  has(u: number, slot: number | undefined): boolean {
    return u >= 0 && slot !== undefined && this.#cells[u * this.#stride + slot] !== 0;
  }

  /** The number of the latest observation (by period) of unit `u` for a slot, or −1. */
  last(u: number, slot: number | undefined): number {
    if (u < 0 || slot === undefined) return -1;
    const c = this.#cells[u * this.#stride + slot] as number;
    if (c >= 0) return c - 1;
    const list = this.#lists[-1 - c] as number[];
    return list[list.length - 1] as number;
  }

  /** The level of an observation, as its row gave it. */
  levelOf(i: number): AdministrativeLevel | null | undefined {
    const code = (this.#facts[i] as number) & LEVEL_BITS;
    return code !== 0 ? LEVEL_OF[code] : this.observation(i).level;
  }

  /**
   * The number of the value that counts (see {@link latestInWindow}) for unit `u` and a slot in
   * the window of phase number `p`, among the observations `filter` lets through; −1 for none.
   */
  latest(u: number, slot: number | undefined, p: number, filter: CountsFilter = ANY): number {
    if (u < 0 || slot === undefined) return -1;
    const c = this.#cells[u * this.#stride + slot] as number;
    if (c === 0) return -1;
    if (c > 0) return this.#counts(c - 1, p, filter) ? c - 1 : -1;
    const list = this.#lists[-1 - c] as number[];
    for (let j = list.length - 1; j >= 0; j--) {
      const i = list[j] as number;
      if (this.#counts(i, p, filter)) return i;
    }
    return -1;
  }

  #counts(i: number, p: number, filter: CountsFilter): boolean {
    const f = this.#facts[i] as number;
    if ((f & filter.mask) !== filter.want) return false;
    if (p < PHASE_FLAGS) return (f & (1 << (PHASE_SHIFT + p))) !== 0;
    return inWindow(this.observation(i), this.#phases[p] as Phase, this.#at);
  }

  /** The unit numbers with observations of an indicator slot, in order of arrival. */
  unitsWith(slot: number): Int32Array {
    return this.#with.subarray(this.#withStart[slot] as number, this.#withStart[slot + 1] as number);
  }

  #flags = new Map<object, Uint8Array>();

  /** 1 for each unit number whose id is in `ids` (a set, or a map's keys), 0 otherwise (computed once per collection). */
  unitFlags(ids: ReadonlySet<string> | ReadonlyMap<string, unknown>): Uint8Array {
    let flags = this.#flags.get(ids);
    if (flags === undefined) {
      flags = new Uint8Array(this.units.length);
      for (let u = 0; u < flags.length; u++) if (ids.has(this.units[u] as string)) flags[u] = 1;
      this.#flags.set(ids, flags);
    }
    return flags;
  }

  /** Every unit number in numeric-aware order of the ids (sorted once per evaluation). */
  #order: Int32Array | null = null;
  /** Scratch flags per unit number, all 0 between calls of {@link sortedUnits}. */
  #marks: Uint8Array | null = null;

  /** The numbers of the org units with observations of an indicator, in numeric-aware order of their ids. */
  sortedUnits(slot: number | undefined): Int32Array {
    if (slot === undefined) return new Int32Array(0);
    let order = this.#order;
    if (order === null) {
      const units = this.units;
      // An array sort (a typed array's, with a comparator, is several times slower here).
      const compare = idComparator(units);
      order = this.#order = Int32Array.from(units.map((_, i) => i).sort((a, b) => compare(units[a] as string, units[b] as string)));
    }
    const marks = (this.#marks ??= new Uint8Array(order.length));
    // The slot's units marked, then every unit in that order kept when marked: no sort per
    // indicator, and one byte per unit read (not the unit's row of the table).
    const units = this.unitsWith(slot);
    for (let i = 0; i < units.length; i++) marks[units[i] as number] = 1;
    const out = new Int32Array(units.length);
    let n = 0;
    for (let r = 0; r < order.length; r++) {
      const u = order[r] as number;
      if (marks[u] === 1) {
        marks[u] = 0;
        out[n++] = u;
      }
    }
    return out;
  }
}

/** The observations a roll-up sums: with both counts, and of the target's level when it has one. */
function countsFilter(level: AdministrativeLevel | null): CountsFilter {
  return level === null ? { mask: HAS_COUNTS, want: HAS_COUNTS } : { mask: HAS_COUNTS | LEVEL_BITS, want: HAS_COUNTS | levelCode(level) };
}

/** Orders observations by the end of their period, then by its start (the later period last). @internal */
export function comparePeriods(a: Observation, b: Observation): number {
  return a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}
const byPeriod = comparePeriods;

/**
 * True when an observation may count for a phase at a date: its period ends within the phase and
 * on or before `at`; dated evidence counts from its date, also when that is before the phase.
 *
 * @internal
 */
export function inWindow(o: Observation, phase: Phase, at: string): boolean {
  return o.end <= at && o.end <= phase.end && (o.evidence || o.end >= phase.start);
}

/**
 * The value that counts among one org unit's observations (sorted by {@link comparePeriods}): the
 * latest that is {@link inWindow}.
 *
 * @internal
 */
export function latestInWindow(list: readonly Observation[], phase: Phase, at: string, accept?: (o: Observation) => boolean): Observation | null {
  for (let i = list.length - 1; i >= 0; i--) {
    const o = list[i] as Observation;
    if (!inWindow(o, phase, at)) continue;
    if (accept && !accept(o)) continue;
    return o;
  }
  return null;
}


interface Prepared {
  plan: Plan;
  artifacts: PlanArtifacts;
  at: string;
  phases: Phase[];
  /** Every result, those with a value still to be judged (see {@link JudgedTarget.pending}). */
  results: JudgedTarget[];
  set: MeasurementSet;
}

function prepare(input: Plan, measurements: MeasurementSet | Iterable<MeasurementInput>, options: EvaluateOptions | undefined): Prepared {
  checkOptionsShape(options, EVALUATE_OPTIONS_CHECK);
  assertResolvedPlan(input);
  return prepareWith(planArtifacts(input), measurements, options);
}

function prepareWith(artifacts: PlanArtifacts, measurements: MeasurementSet | Iterable<MeasurementInput>, options: EvaluateOptions | undefined): Prepared {
  const plan = artifacts.plan;
  const set = isMeasurementSet(measurements) ? measurements : prepareMeasurements(plan, measurements, { periods: artifacts.periods });
  const { at, phases, maxResults } = resolveOptions(artifacts, options, set.observations, EVALUATE_OPTIONS_CHECK);
  return { plan, artifacts, at, phases, results: planJobs(artifacts, set.observations, at, phases, maxResults), set };
}

/** The plan's indicators by id, numbered in plan order: the slots of {@link ObservationIndex}. */
function indicatorSlots(plan: Plan): Map<string, number> {
  const slots = new Map<string, number>();
  for (const indicator of plan.indicators) if (!slots.has(indicator.id)) slots.set(indicator.id, slots.size);
  return slots;
}

/**
 * The error for an evaluation that would judge more than `max` results (the work budget): thrown
 * before the results are built, so a plan that multiplies targets by org units cannot exhaust memory.
 */
export function tooManyResults(max: number, atLeast: number): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.rulesTooManyResults, '', { atLeast, max }),
  ]);
}

/**
 * Every target × org unit to judge at `at` for the given phases, with the value that counts: the
 * results themselves, one object each (no job object beside it), those with a value still
 * {@link JudgedTarget.pending} a verdict. Throws {@link EgovPlanError} `rules.too_many_results`
 * when there would be more than `maxResults`.
 *
 * @internal
 */
export function planJobs(artifacts: PlanArtifacts, observations: readonly Observation[], at: string, phases: readonly Phase[], maxResults: number = DEFAULT_MAX_RESULTS): JudgedTarget[] {
  const { plan, directory: dir, province, timelines } = artifacts;
  const names = dir.names;
  const index = new ObservationIndex(observations, indicatorSlots(plan), phases, at);
  const phaseById = new Map(phases.map((p, i) => [p.id, i]));
  const jobs: JudgedTarget[] = [];
  const knownByLevel: Record<string, readonly string[]> = {};
  // The plan's org units in force on each phase's date (dated unit and agency changes applied).
  const inForceByDate = new Map<string, UnitsInForce>();
  const inForceOf = (phase: Phase): UnitsInForce => {
    const date = inForceDate(phase, at);
    let u = inForceByDate.get(date);
    if (u === undefined) inForceByDate.set(date, (u = unitsInForce(plan, date)));
    return u;
  };
  /** The level of unit number `u` (−1: no observations): its latest observation's for the slot, else the plan's. */
  const unitLevel = (unit: string, u: number, slot: number | undefined): AdministrativeLevel | null => {
    const last = index.last(u, slot);
    return (last < 0 ? undefined : index.levelOf(last)) ?? dir.levelOf.get(unit) ?? null;
  };
  const lastOf = (u: number, slot: number | undefined): Observation | null => {
    const last = index.last(u, slot);
    return last < 0 ? null : index.observation(last);
  };
  /** One org unit's result at its level, its value picked from its observations (unit number `u`, −1 for none). */
  const ownJob = (ctx: TargetContext, p: number, units: UnitsInForce, orgUnit: string, level: AdministrativeLevel | null, u: number, slot: number | undefined, headline: boolean): JudgedTarget => {
    const i = index.latest(u, slot, p);
    const reason = units.out.get(orgUnit);
    // A unit the plan does not have in force on that date is not judged; what it sent is named.
    if (reason !== undefined) return new JudgedTarget(ctx, orgUnit, level, 'not-applicable', null, null, null, null, null, headline, null, new OutOfForce(units.date, reason, i < 0 ? lastOf(u, slot) : index.observation(i)));
    if (i < 0) return new JudgedTarget(ctx, orgUnit, level, 'no-data', null, null, null, null, null, headline, null, lastOf(u, slot));
    const o = index.observation(i);
    return new JudgedTarget(ctx, orgUnit, level, PENDING, o, o.evidence ? 'evidence' : 'measurement', o.period, o.end, null, headline, null, null);
  };
  /** One org unit's result (`not-applicable` at another level than the target's). */
  const unitJob = (ctx: TargetContext, p: number, units: UnitsInForce, orgUnit: string, u: number, slot: number | undefined): JudgedTarget => {
    const targetLevel = ctx.version.target.level;
    const level = unitLevel(orgUnit, u, slot);
    if (targetLevel === null || level === targetLevel) return ownJob(ctx, p, units, orgUnit, level, u, slot, true);
    return new JudgedTarget(ctx, orgUnit, level, 'not-applicable', null, null, null, null, null, true, null, null);
  };

  for (const indicator of plan.indicators) {
    const slot = index.slotOf.get(indicator.id);
    let sortedUnits: Int32Array | null = null;
    for (const t of indicator.targets) {
      const p = phaseById.get(t.phase);
      if (p === undefined) continue;
      const phase = phases[p] as Phase;
      const eff = effectiveOf(timelines.get(t.id) as NonNullable<ReturnType<typeof timelines.get>>, at);
      if (eff.withdrawn) {
        // Withdrawn by the evaluation date: not judged. Values received for it are named, never
        // dropped: one not-applicable result per org unit that sent one (the province's result,
        // naming them all, for a whole-province target); none when nothing was received.
        sortedUnits ??= index.sortedUnits(slot);
        const received: { orgUnit: string; observation: Observation }[] = [];
        for (let i = 0; i < sortedUnits.length; i++) {
          const u = sortedUnits[i] as number;
          const o = index.latest(u, slot, p);
          if (o >= 0) received.push({ orgUnit: index.units[u] as string, observation: index.observation(o) });
        }
        if (received.length === 0) continue;
        const last = eff.timeline.versions[eff.timeline.versions.length - 1] as TargetVersion;
        const wctx: TargetContext = { indicator, version: last, phase, at, source: sourceInForce(last), names };
        const withdrawnJob = (orgUnit: string, level: AdministrativeLevel | null, list: typeof received) =>
          new JudgedTarget(wctx, orgUnit, level, 'not-applicable', null, null, null, null, null, true, null, new Withdrawn(eff.step, list));
        const whole = last.target.scope === 'whole-province';
        const count = whole ? 1 : received.length;
        if (jobs.length + count > maxResults) throw tooManyResults(maxResults, jobs.length + count);
        if (whole) jobs.push(withdrawnJob(plan.issuer.unit ?? dir.provinceIds[0] ?? 'province', 'province', received));
        else for (const r of received) jobs.push(withdrawnJob(r.orgUnit, r.observation.level ?? dir.levelOf.get(r.orgUnit) ?? null, [r]));
        continue;
      }
      const version = eff.version;
      const target = version.target;
      const ctx: TargetContext = { indicator, version, phase, at, source: sourceInForce(version), names };
      const units = inForceOf(phase);

      if (target.scope === 'whole-province') {
        // The province's result (the headline), then, for a target with a level, each unit of
        // that level with measurements of the indicator judged on its own value against the same bar.
        sortedUnits ??= index.sortedUnits(slot);
        const isProvince = index.unitFlags(province);
        const level = target.level;
        // Per position in sortedUnits: 1 for a unit of the target's level (any unit below the
        // province, for a target without a level).
        const member = new Uint8Array(sortedUnits.length);
        let members = 0;
        for (let i = 0; i < sortedUnits.length; i++) {
          const u = sortedUnits[i] as number;
          if (isProvince[u] === 1) continue;
          if (level === null || unitLevel(index.units[u] as string, u, slot) === level) {
            member[i] = 1;
            members++;
          }
        }
        const perUnit = level === null ? 0 : members;
        if (jobs.length + 1 + perUnit > maxResults) throw tooManyResults(maxResults, jobs.length + 1 + perUnit);
        const known = level === null ? null : (knownByLevel[`${level}\u0000${phase.id}`] ??= units.known(level, province));
        // The plan lists units of the level, none in force on the phase's date (the district level ended in 2025): say so, not "lists none".
        const gone =
          known !== null && known.length === 0 && level !== null ? [...units.out].filter(([id]) => dir.levelOf.get(id) === level && !dir.provinceIds.includes(id)).map(([id, reason]) => ({ id, reason })) : [];
        const levelGone = gone.length ? { date: units.date, units: gone } : null;
        jobs.push(provinceJob(plan, ctx, p, index, slot, dir.provinceIds, sortedUnits, isProvince, member, known, index.unitFlags(units.out), levelGone));
        if (perUnit > 0) {
          for (let i = 0; i < sortedUnits.length; i++) {
            if (member[i] !== 1) continue;
            const u = sortedUnits[i] as number;
            jobs.push(ownJob(ctx, p, units, index.units[u] as string, level, u, slot, false));
          }
        }
        continue;
      }
      // Judged per org unit: every unit with measurements of the indicator, and for each-unit
      // targets every unit of the plan at the target's level in force on the phase's date.
      sortedUnits ??= index.sortedUnits(slot);
      const out = units.out;
      const expected =
        target.scope === 'each-unit'
          ? plan.administrativeUnits
              .filter((u) => (target.level === null || u.level === target.level) && !out.has(u.code))
              .map((u) => u.code)
              .filter((c) => !index.has(index.unit(c), slot))
          : [];
      if (jobs.length + sortedUnits.length + expected.length > maxResults) throw tooManyResults(maxResults, jobs.length + sortedUnits.length + expected.length);
      if (expected.length) {
        const names = [...Array.from(sortedUnits, (u) => index.units[u] as string), ...expected];
        names.sort(idComparator(names));
        for (const orgUnit of names) jobs.push(unitJob(ctx, p, units, orgUnit, index.unit(orgUnit), slot));
        continue;
      }
      // Each-agency targets leave out the province itself.
      const skip = target.scope === 'each-agency' ? index.unitFlags(province) : null;
      for (let i = 0; i < sortedUnits.length; i++) {
        const u = sortedUnits[i] as number;
        if (skip !== null && skip[u] === 1) continue;
        jobs.push(unitJob(ctx, p, units, index.units[u] as string, u, slot));
      }
    }
  }
  return jobs;
}

function provinceJob(
  plan: Plan,
  ctx: TargetContext,
  /** The phase's number in the evaluation. */
  p: number,
  index: ObservationIndex,
  slot: number | undefined,
  provinceIds: readonly string[],
  sortedUnits: Int32Array,
  isProvince: Uint8Array,
  /** Per position in `sortedUnits`, 1 for a unit of the target's level: its value, when not summed, is named as left out. */
  member: Uint8Array,
  /** The plan's units of the target's level, for the coverage; null for a target without a level. */
  known: readonly string[] | null,
  /** Per unit number, 1 for the plan's units not in force on the phase's date: their values are named, never summed. */
  outOfForce: Uint8Array,
  /** When no unit of the target's level is in force on the phase's date: those units and why. */
  levelGone: { date: string; units: readonly { id: string; reason: BilingualText }[] } | null = null,
): JudgedTarget {
  const { indicator } = ctx;
  const target = ctx.version.target;
  const orgUnit = plan.issuer.unit ?? provinceIds[0] ?? 'province';
  let outside: Observation | null = null;
  // The province's own value, when the target is not about a lower level.
  if (target.level === null || target.level === 'province') {
    for (const id of provinceIds) {
      const u = index.unit(id);
      const i = index.latest(u, slot, p);
      if (i >= 0) {
        const o = index.observation(i);
        return new JudgedTarget(ctx, id, 'province', PENDING, { ...o, level: 'province' }, o.evidence ? 'evidence' : 'province-value', o.period, o.end, null, true, null, null);
      }
      const last = index.last(u, slot);
      if (last >= 0 && !outside) outside = index.observation(last);
    }
  }
  // Otherwise summed numerators over summed denominators of the org units (of the target's
  // level), for the latest period that has counts: never the mean of percentages. Every value
  // of the level received in the window and not summed is named in `rollUp.leftOut`.
  const rollUp: RollUp = { summed: [], leftOut: [], coverage: null };
  const level = target.level;
  if (known !== null && level !== null) {
    const missing = known.filter((id) => index.latest(index.unit(id), slot, p) < 0);
    rollUp.coverage = { level, known: known.length, reported: known.length - missing.length, missing };
  }
  const aside = (o: Observation | null): Aside | null => (levelGone ? new LevelOutOfForce(levelGone.date, levelGone.units, o) : o);
  if (slot === undefined) return new JudgedTarget(ctx, orgUnit, 'province', 'no-data', null, null, null, null, null, true, rollUp, aside(outside));
  const percent = indicator.unit === 'percent';
  const counts = countsFilter(level);
  // First the latest period with counts, then each unit summed or named.
  let best: Observation | null = null;
  if (percent) {
    for (let i = 0; i < sortedUnits.length; i++) {
      const u = sortedUnits[i] as number;
      if (isProvince[u] === 1 || outOfForce[u] === 1) continue;
      const c = index.latest(u, slot, p, counts);
      if (c >= 0) {
        const o = index.observation(c);
        if (!best || byPeriod(o, best) > 0) best = o;
      }
    }
  }
  let n = 0;
  let d = 0;
  // The units summed (unit number, observation number), listed once their number is known: the
  // list of a national roll-up (thousands of units) is allocated once, not grown as it fills.
  const sums = best ? new Int32Array(2 * sortedUnits.length) : null;
  let summed = 0;
  for (let i = 0; i < sortedUnits.length; i++) {
    const u = sortedUnits[i] as number;
    if (isProvince[u] === 1) continue;
    const gone = outOfForce[u] === 1;
    const ci = best && !gone ? index.latest(u, slot, p, counts) : -1;
    const c = ci < 0 ? null : index.observation(ci);
    if (c && c.period === (best as Observation).period) {
      n += c.numerator as number;
      d += c.denominator as number;
      (sums as Int32Array)[2 * summed] = u;
      (sums as Int32Array)[2 * summed + 1] = ci;
      summed++;
      continue;
    }
    const oi = member[i] === 1 ? index.latest(u, slot, p) : -1;
    if (oi < 0) continue;
    const o = index.observation(oi);
    // Counts for another period are named with that period; a value without counts as it came.
    const other = percent && c !== null && o.numerator !== undefined && o.denominator !== undefined;
    const shown = other ? (c as Observation) : o;
    rollUp.leftOut.push({
      orgUnit: index.units[u] as string,
      period: shown.period,
      value: shown.value,
      numerator: shown.numerator ?? null,
      denominator: shown.denominator ?? null,
      reason: gone ? 'not-in-force' : !percent ? 'not-summable' : other ? 'other-period' : 'no-counts',
    });
  }
  if (summed > 0) {
    const list = new Array<RollUp['summed'][number]>(summed);
    for (let k = 0; k < summed; k++) {
      const c = index.observation((sums as Int32Array)[2 * k + 1] as number);
      list[k] = { orgUnit: index.units[(sums as Int32Array)[2 * k] as number] as string, numerator: c.numerator as number, denominator: c.denominator as number };
    }
    rollUp.summed = list;
  }
  if (best && d > 0) {
    const value = round6((n / d) * 100);
    const source: FactSource = { value, numerator: round6(n), denominator: round6(d), level: 'province', orgUnit, period: best.period, start: best.start, end: best.end };
    return new JudgedTarget(ctx, orgUnit, 'province', PENDING, source, 'summed-counts', best.period, best.end, rollUp.summed.length, true, rollUp, aside(outside));
  }
  return new JudgedTarget(ctx, orgUnit, 'province', 'no-data', null, null, null, null, null, true, rollUp, aside(outside));
}

/** The status of a result with a value until it is judged (set by {@link JudgedTarget.judged}). */
const PENDING: TargetStatus = 'not-met';

/**
 * A result as evaluation builds it — the result is the job: plain fields, the fields its target
 * version shares held once in a {@link TargetContext}, and the explanation as a getter on the
 * class (built when first read, included by `toJSON`). An object literal with its own getter per
 * result costs far more to create than the verdict itself.
 *
 * @internal
 */
// The fields are those of TargetResult (declared once, there; merged into the class here).
export interface JudgedTarget extends Omit<TargetResult, 'explanation'> {}
export class JudgedTarget implements TargetResult {
  readonly #ctx: TargetContext;
  /**
   * In one slot (a national quarter has tens of thousands of results, all alive at the end, so
   * each slot is copied by every collection): the value that counts, when there is one (the
   * facts are built from it), as it is; without a value, the latest observation outside the
   * window, why the unit (or the level) is not in force, or the target's withdrawal (see
   * {@link held}); and, once built or set, the explanation ({@link Explained}).
   */
  #held: FactSource | Held | null;

  constructor(
    ctx: TargetContext,
    orgUnit: string,
    level: AdministrativeLevel | null,
    status: TargetStatus,
    value: FactSource | null,
    basis: ValueBasis | null,
    period: string | null,
    periodEnd: string | null,
    contributors: number | null,
    headline: boolean,
    rollUp: RollUp | null,
    aside: Aside | null,
  ) {
    const target = ctx.version.target;
    const v = value ? value.value : null;
    this.indicator = ctx.indicator.id;
    this.target = target.id;
    this.orgUnit = orgUnit;
    this.level = level;
    this.scope = target.scope;
    this.targetLevel = target.level;
    this.phase = ctx.phase.id;
    this.status = status;
    this.value = v;
    this.targetValue = target.value;
    this.comparator = target.comparator;
    this.unit = ctx.indicator.unit;
    this.gap = typeof v === 'number' && typeof target.value === 'number' ? round6(v - target.value) : null;
    this.period = period;
    this.periodEnd = periodEnd;
    this.basis = basis;
    this.numerator = value?.numerator ?? null;
    this.denominator = value?.denominator ?? null;
    this.contributors = contributors;
    this.effectiveFrom = ctx.version.effectiveFrom;
    this.provenance = ctx.version.provenance;
    this.source = ctx.source;
    // Added fields come last (before the explanation): the order of the older ones never changes.
    this.headline = headline;
    this.rollUp = rollUp;
    this.#ctx = ctx;
    this.#held = held(value, aside);
  }

  /** What the result's target version shares with the other results of that version. */
  static context(r: JudgedTarget): TargetContext {
    return r.#ctx;
  }

  /** The value a verdict is still to be given on (null for results decided without a rule). */
  static pending(r: JudgedTarget): FactSource | null {
    return valueOf(r.#held);
  }

  /** The facts the target's conditions see, or null without a value (a new set on each call). */
  static facts(r: JudgedTarget): ConditionFacts | null {
    const ctx = r.#ctx;
    const value = valueOf(r.#held);
    return value === null ? null : new FactSet(value, ctx.indicator.id, ctx.version.target.value, ctx.at);
  }

  /** Gives the verdict on a result with a value. */
  static judged(r: JudgedTarget, verdict: boolean | null): void {
    r.status = verdict ? 'met' : 'not-met';
  }

  /** Why the verdict came out as it did, in Vietnamese and English (built when first read). */
  get explanation(): BilingualText {
    const h = this.#held;
    if (h instanceof Explained) return h.text;
    const ctx = this.#ctx;
    const target = ctx.version.target;
    const facts = JudgedTarget.facts(this);
    const aside = asideOf(h);
    const names = ctx.names;
    const text = explainResult(this, {
      indicator: ctx.indicator,
      target,
      phase: ctx.phase,
      at: ctx.at,
      outside: aside instanceof OutOfForce || aside instanceof Withdrawn ? null : aside instanceof LevelOutOfForce ? aside.outside : aside,
      outOfForce: aside instanceof OutOfForce ? aside : null,
      withdrawn: aside instanceof Withdrawn ? aside : null,
      levelOutOfForce: aside instanceof LevelOutOfForce ? aside : null,
      trace: target.conditions && facts ? () => traceConditions(targetConditions(target), facts) : null,
      nameOf: (id) => names.get(id),
    });
    this.#held = new Explained(text, h);
    return text;
  }

  /** Replaces the explanation (the field is writable, as in the `TargetResult` type). */
  set explanation(text: BilingualText) {
    const h = this.#held;
    this.#held = new Explained(text, h instanceof Explained ? h.held : h);
  }

  /** The result as JSON, with its explanation (last, as it always was). */
  toJSON(): Omit<TargetResult, 'explanation'> & { explanation: BilingualText } {
    return { ...this, explanation: this.explanation };
  }
}

/** The quote behind the value in force: the last step that set the value or comparator. */
function sourceInForce(version: TargetVersion): SourceRef {
  for (let i = version.provenance.length - 1; i > 0; i--) {
    const step = version.provenance[i] as ProvenanceStep;
    if (step.changes.some((c) => c.field === 'value' || c.field === 'comparator' || c.field === 'conditions')) return step.source;
  }
  return version.target.source;
}

function summarise(results: readonly TargetResult[]): EvaluationSummary {
  const s: EvaluationSummary = { met: 0, 'not-met': 0, 'no-data': 0, 'not-applicable': 0 };
  // An indexed loop: this one runs once per evaluation, mostly before it is optimised, and a
  // for-of there allocates an iterator result per result (1.5 MB for a national quarter).
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as TargetResult;
    if (r.headline) s[r.status]++;
  }
  return s;
}

/**
 * Evaluates a plan's targets against measurements with the compiled evaluator (synchronous).
 *
 * For each target whose phase contains `at` (or, when none does, of the latest phase that has
 * begun) and each org unit it applies to: `met`, `not-met`, `no-data` or `not-applicable`, with
 * the value, the gap, the provenance of the target in force and an explanation. The value that
 * counts is the org unit's latest measurement whose period ends within the phase and on or before
 * `at`. Each-agency and each-unit targets are judged per org unit (`not-applicable` for org units
 * of another level); whole-province targets on the province's own value or else on summed
 * numerators over summed denominators, with a `rollUp` naming the values left out of the sum and
 * the level's coverage. A whole-province target with a level also judges each unit of that level
 * that reported, on its own value (`headline: false`: not an extra verdict; `summary` counts
 * headline results only). Withdrawn targets are left out.
 *
 * `measurements` are raw rows (checked here; bad rows end up in `issues`) or a
 * {@link MeasurementSet} from `parseMeasurementsCsv` / `parseMeasurementsJson`.
 *
 * @example
 * ```ts
 * import { bundledPlan, compilePlan, evaluate } from '@egov-plan/rules';
 * const plan = compilePlan(bundledPlan('kontum-1102-2019'));
 * const { results, issues } = evaluate(plan, [
 *   { indicator: 'online-dossier-rate', orgUnit: 'so-tttt', level: 'province', period: '2020Q4', numerator: 190, denominator: 1000 },
 * ], { at: '2020-12-14' });
 * for (const r of results) console.log(r.orgUnit, r.status, r.gap, r.explanation.vi);
 * // rows the library could not use are in `issues`, each naming its row, in Vietnamese and English
 * ```
 */
export function evaluate(plan: Plan, measurements: MeasurementSet | Iterable<MeasurementInput>, options?: EvaluateOptions): Evaluation {
  return judge(prepare(plan, measurements, options));
}

/**
 * The compiled evaluator over prepared results: one fact set, pointed at each result's value in
 * turn (the predicates are synchronous and keep nothing), so judging allocates nothing per result.
 */
function judge(p: Prepared): Evaluation {
  const results = p.results;
  let facts: FactSet | null = null;
  let ctx: TargetContext | null = null;
  let predicate: CompiledPredicate | null = null;
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as JudgedTarget;
    const value = JudgedTarget.pending(r);
    if (value === null) continue;
    const c = JudgedTarget.context(r);
    if (c !== ctx) {
      ctx = c;
      predicate = p.artifacts.predicate(c.version.target);
    }
    const t = c.version.target;
    facts = facts === null ? new FactSet(value, c.indicator.id, t.value, p.at) : facts.reset(value, c.indicator.id, t.value, p.at);
    JudgedTarget.judged(r, (predicate as CompiledPredicate)(facts));
  }
  return finish(p, results, 'compiled');
}

/**
 * {@link evaluate} for measurements that arrive asynchronously: an async iterable such as a
 * database cursor or a stream of parsed rows (plain iterables and measurement sets work too).
 * Rows are checked as they arrive; the verdicts are those {@link evaluate} gives for the same
 * rows. Options are checked before the first row is read.
 *
 * @example
 * const ev = await evaluateAsync(compiled, db.query('select * from measurements').cursor(), { at: new Date() });
 */
export async function evaluateAsync(plan: Plan, measurements: MeasurementSet | AsyncIterable<MeasurementInput> | Iterable<MeasurementInput>, options?: EvaluateOptions): Promise<Evaluation> {
  checkOptionsShape(options, EVALUATE_OPTIONS_CHECK);
  const artifacts = planArtifacts(plan);
  checkOptionsEarly(artifacts, options, EVALUATE_OPTIONS_CHECK);
  const set = isMeasurementSet(measurements) ? measurements : await prepareMeasurementsAsync(artifacts.plan, measurements, { periods: artifacts.periods });
  return judge(prepareWith(artifacts, set, options));
}

function finish(p: Prepared, results: TargetResult[], evaluator: Evaluator): Evaluation {
  const late = afterAtIssue(p.set.observations, p.at);
  const issues = late === null ? p.set.issues : [...p.set.issues, late];
  return { plan: p.plan.id, at: p.at, phases: p.phases.map((x) => x.id), evaluator, results, summary: summarise(results), issues, rows: p.set.rows };
}

/**
 * The warning for the rows an evaluation received but cannot count yet, because they end after
 * `at` (a quarter not over on the evaluation date): they are counted and the first is named, so
 * that no row is left out without a word. `null` when every row ends on or before `at`.
 */
function afterAtIssue(observations: readonly Observation[], at: string): Issue | null {
  let rows = 0;
  let first: Observation | undefined;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as Observation;
    if (o.end > at) {
      rows++;
      first ??= o;
    }
  }
  if (first === undefined) return null;
  const { row, indicator, orgUnit, period, end } = first;
  return issueFrom(MSG.measurementAfterAt, '', { rows, at, row, indicator, orgUnit, period, end }, { severity: 'warning' });
}

/**
 * {@link evaluate} with json-rules-engine as the evaluator (the reference semantics): the same
 * jobs, each subject's rules run in one `engine.run`. Asynchronous and much slower; for checking
 * that both evaluators agree.
 */
export async function evaluateWithReference(plan: Plan, measurements: MeasurementSet | Iterable<MeasurementInput>, options?: EvaluateOptions): Promise<Evaluation> {
  const p = prepare(plan, measurements, options);
  const verdicts = await referenceVerdicts(p.results);
  p.results.forEach((r, i) => {
    if (JudgedTarget.pending(r) !== null) JudgedTarget.judged(r, verdicts[i] ?? null);
  });
  return finish(p, p.results, 'reference');
}

/**
 * Runs json-rules-engine on every result of an evaluation still to be judged (as built, before
 * the compiled evaluator gives its verdicts); one engine.run per subject (an org unit, or the
 * province for the roll-up of a whole-province target). Null for results decided without a rule.
 *
 * @internal
 */
export async function referenceVerdicts(results: readonly JudgedTarget[]): Promise<(boolean | null)[]> {
  const verdicts = new Array<boolean | null>(results.length).fill(null);
  const bySubject = new Map<string, number[]>();
  results.forEach((r, i) => {
    if (JudgedTarget.pending(r) === null) return;
    // The roll-up of a whole-province target is the only headline result of its target: the province's run.
    const subject = r.scope === 'whole-province' && r.headline ? '\u0000province' : r.orgUnit;
    const list = bySubject.get(subject);
    if (list) list.push(i);
    else bySubject.set(subject, [i]);
  });
  const engines = new Map<string, ReferenceRuleSet>();
  const targetOf = (i: number) => JudgedTarget.context(results[i] as JudgedTarget).version.target;
  for (const indices of bySubject.values()) {
    const keyOf = (i: number) => targetOf(i).id;
    const setKey = indices.map(keyOf).join('\u0000');
    let set = engines.get(setKey);
    if (!set) {
      set = createReferenceRuleSet(indices.map((i) => ({ key: keyOf(i), conditions: targetConditions(targetOf(i)) })));
      engines.set(setKey, set);
    }
    const facts = new Map(indices.map((i) => [keyOf(i), JudgedTarget.facts(results[i] as JudgedTarget) as ConditionFacts]));
    const out = await runReferenceRuleSet(set, facts);
    for (const i of indices) verdicts[i] = out.get(keyOf(i)) ?? null;
  }
  return verdicts;
}
