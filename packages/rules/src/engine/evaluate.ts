import {
  EgovPlanError,
  assertResolvedPlan,
  issue,
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
import { compileConditions, targetConditions, traceConditions, type CompiledPredicate } from './compile.js';
import { planArtifacts } from './compiled-plan.js';
import { checkOptionsEarly, checkOptionsShape, DEFAULT_MAX_RESULTS, resolveOptions, type EvaluateOptions } from './options.js';
import type { PlanArtifacts } from './plan-artifacts.js';
import { explainResult } from './explain.js';
import { FactSet, type ConditionFacts, type FactSource } from './facts.js';
import { isMeasurementSet, prepareMeasurements, prepareMeasurementsAsync, round6, type MeasurementInput, type MeasurementSet, type Observation } from './measurements.js';
import { createReferenceRuleSet, runReferenceRuleSet, type ReferenceRuleSet } from './reference.js';
import { effectiveOf, type ProvenanceStep, type TargetVersion } from './timeline.js';
import { inForceDate, unitsInForce, type UnitsInForce } from './in-force.js';

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
 * One target × org unit to judge; `source` is set when there is a value to judge (the facts are
 * built from it on first read, so the compiled evaluator, which reuses one fact set, builds none).
 */
export class EvaluationJob {
  /** Set for jobs decided without a rule. */
  status: 'no-data' | 'not-applicable' | null = null;
  /** The value that counts and where it comes from, when there is one. */
  source: FactSource | null = null;
  basis: ValueBasis | null = null;
  period: string | null = null;
  periodEnd: string | null = null;
  contributors: number | null = null;
  /** Latest observation outside the window, for the explanation of `no-data`. */
  outside: Observation | null = null;
  /** False for the per-unit results of a whole-province target (see `TargetResult.headline`). */
  headline = true;
  /** What a whole-province figure computed from the org units summed and left out. */
  rollUp: RollUp | null = null;
  /** For a unit not in force on the evaluation date: why, and the value received (not judged). */
  outOfForce: { date: string; reason: BilingualText; received: Observation | null } | null = null;
  /** For a target withdrawn by the evaluation date: the withdrawal, and the values received in the window (not judged). */
  withdrawn: { step: ProvenanceStep; received: readonly { orgUnit: string; observation: Observation }[] } | null = null;
  /** For a roll-up whose level has no unit in force: the plan's units of that level and why each is not in force on `date`. */
  levelOutOfForce: { date: string; units: readonly { id: string; reason: BilingualText }[] } | null = null;
  #facts: ConditionFacts | undefined;

  constructor(
    readonly indicator: Indicator,
    readonly version: TargetVersion,
    readonly phase: Phase,
    public orgUnit: string,
    readonly level: AdministrativeLevel | null,
    /** Groups jobs that json-rules-engine runs together. */
    readonly subject: string,
    readonly at: string,
  ) {}

  /** The facts the target's conditions see, or null without a value (built on first read). */
  get facts(): ConditionFacts | null {
    if (this.source === null) return null;
    this.#facts ??= new FactSet(this.source, this.indicator.id, this.version.target.value, this.at);
    return this.#facts;
  }
}

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

/** One org unit's observations of one indicator: one observation, or several sorted by period. */
type Cell = Observation | Observation[] | undefined;

/**
 * The observations of one evaluation by org unit and the plan's indicators, in one flat typed
 * table (org units numbered as they come) built in one pass: no map or array per pair, so a
 * national quarter is indexed with a few allocations instead of hundreds of thousands, and the
 * garbage collector has almost nothing to scan. Observations of indicators the plan does not
 * have are never asked for and not indexed.
 */
class ObservationIndex {
  readonly units: string[] = [];
  readonly unitOf = new Map<string, number>();
  /**
   * Per org unit × indicator slot: 0 for none, k + 1 for the k-th observation alone, or −1 − j
   * for the j-th list of several (sorted by period).
   */
  readonly #cells: Int32Array;
  readonly #lists: Observation[][] = [];
  readonly #observations: readonly Observation[];
  readonly #stride: number;
  /** The org units with observations of each slot, in order of arrival: `#with[#withStart[s] …]`. */
  readonly #withStart: Int32Array;
  readonly #with: Int32Array;

  constructor(
    observations: readonly Observation[],
    readonly slotOf: ReadonlyMap<string, number>,
  ) {
    const stride = (this.#stride = Math.max(1, slotOf.size));
    this.#observations = observations;
    const { units, unitOf } = this;
    const lists = this.#lists;
    let cells = new Int32Array(stride * 256);
    // Each (unit, slot) pair as it first appears: the per-slot unit lists, in order of arrival.
    let pairs = new Int32Array(1024);
    let pairCount = 0;
    const perSlot = new Int32Array(stride + 1);
    let lastUnit: string | null = null;
    let base = 0;
    let lastIndicator: string | null = null;
    let slot: number | undefined;
    for (let i = 0; i < observations.length; i++) {
      const o = observations[i] as Observation;
      if (o.indicator !== lastIndicator) {
        lastIndicator = o.indicator;
        slot = slotOf.get(lastIndicator);
      }
      if (slot === undefined) continue;
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
        base = u * stride;
      }
      const k = base + slot;
      const c = cells[k] as number;
      if (c === 0) {
        cells[k] = i + 1;
        if (pairCount === pairs.length) {
          const bigger = new Int32Array(pairs.length * 2);
          bigger.set(pairs);
          pairs = bigger;
        }
        pairs[pairCount++] = k;
        perSlot[slot + 1] = (perSlot[slot + 1] as number) + 1;
      } else if (c < 0) (lists[-1 - c] as Observation[]).push(o);
      else {
        cells[k] = -1 - lists.length;
        lists.push([observations[c - 1] as Observation, o]);
      }
    }
    for (const list of lists) list.sort(byPeriod);
    this.#cells = cells;
    for (let s = 0; s < stride; s++) perSlot[s + 1] = (perSlot[s + 1] as number) + (perSlot[s] as number);
    this.#withStart = perSlot;
    const fill = perSlot.slice(0, stride);
    const withUnits = (this.#with = new Int32Array(pairCount));
    for (let j = 0; j < pairCount; j++) {
      const k = pairs[j] as number;
      const s = k % stride;
      const at = fill[s] as number;
      fill[s] = at + 1;
      withUnits[at] = (k / stride) | 0;
    }
  }

  /** The observations of an org unit for an indicator slot. */
  cell(unit: string, slot: number | undefined): Cell {
    if (slot === undefined) return undefined;
    const u = this.unitOf.get(unit);
    return u === undefined ? undefined : this.cellOf(u, slot);
  }

  /** The observations of unit number `u` for an indicator slot. */
  cellOf(u: number, slot: number): Cell {
    const c = this.#cells[u * this.#stride + slot] as number;
    return c === 0 ? undefined : c > 0 ? (this.#observations[c - 1] as Observation) : this.#lists[-1 - c];
  }

  /** The unit numbers with observations of an indicator slot, in order of arrival. */
  unitsWith(slot: number): Int32Array {
    return this.#with.subarray(this.#withStart[slot] as number, this.#withStart[slot + 1] as number);
  }

  #flags: { of: ReadonlySet<string>; flags: Uint8Array } | null = null;

  /** 1 for each unit number whose id is in `ids`, 0 otherwise (computed once per set of ids). */
  unitFlags(ids: ReadonlySet<string>): Uint8Array {
    if (this.#flags?.of !== ids) {
      const flags = new Uint8Array(this.units.length);
      for (let u = 0; u < flags.length; u++) if (ids.has(this.units[u] as string)) flags[u] = 1;
      this.#flags = { of: ids, flags };
    }
    return this.#flags.flags;
  }

  #order: Int32Array | null = null;

  /** The numbers of the org units with observations of an indicator, in numeric-aware order of their ids. */
  sortedUnits(slot: number | undefined): Int32Array {
    if (slot === undefined) return new Int32Array(0);
    if (!this.#order) {
      const units = this.units;
      // An array sort (a typed array's, with a comparator, is several times slower here).
      this.#order = Int32Array.from(units.map((_, i) => i).sort((a, b) => collator.compare(units[a] as string, units[b] as string)));
    }
    // Every unit in that order, kept when it has the slot: no sort per indicator.
    const order = this.#order;
    const out = new Int32Array(this.unitsWith(slot).length);
    let n = 0;
    for (let r = 0; r < order.length; r++) {
      const u = order[r] as number;
      if (this.#cells[u * this.#stride + slot] !== 0) out[n++] = u;
    }
    return out;
  }
}
/** The latest observation of a cell, by period. */
function lastOf(c: Cell): Observation | null {
  if (c === undefined) return null;
  return Array.isArray(c) ? (c[c.length - 1] as Observation) : c;
}

/** {@link latestInWindow} over a cell. */
function latestInCell(c: Cell, phase: Phase, at: string, accept?: (o: Observation) => boolean): Observation | null {
  if (c === undefined) return null;
  if (Array.isArray(c)) return latestInWindow(c, phase, at, accept);
  return inWindow(c, phase, at) && (!accept || accept(c)) ? c : null;
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

const collator = new Intl.Collator('en', { numeric: true });

interface Prepared {
  plan: Plan;
  artifacts: PlanArtifacts;
  at: string;
  phases: Phase[];
  jobs: EvaluationJob[];
  set: MeasurementSet;
}

function prepare(input: Plan, measurements: MeasurementSet | Iterable<MeasurementInput>, options: EvaluateOptions | undefined): Prepared {
  checkOptionsShape(options, 'evaluate');
  assertResolvedPlan(input);
  return prepareWith(planArtifacts(input), measurements, options);
}

function prepareWith(artifacts: PlanArtifacts, measurements: MeasurementSet | Iterable<MeasurementInput>, options: EvaluateOptions | undefined): Prepared {
  const plan = artifacts.plan;
  const set = isMeasurementSet(measurements) ? measurements : prepareMeasurements(plan, measurements, { periods: artifacts.periods });
  const { at, phases, maxResults } = resolveOptions(artifacts, options, set.observations, 'evaluate');
  return { plan, artifacts, at, phases, jobs: planJobs(artifacts, set.observations, at, phases, maxResults), set };
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
    issue(
      'rules.too_many_results',
      '',
      `Lần đánh giá này phải xét ít nhất ${atLeast} kết quả (chỉ tiêu × đơn vị), quá giới hạn ${max}: chọn giai đoạn (--phase) hoặc nâng giới hạn (maxResults, --max-results).`,
      `This evaluation would judge at least ${atLeast} results (targets × org units), over the limit of ${max}: choose a phase (--phase) or raise the limit (maxResults, --max-results).`,
    ),
  ]);
}

/**
 * Every target × org unit to judge at `at` for the given phases, with the value that counts.
 * Throws {@link EgovPlanError} `rules.too_many_results` when there would be more than `maxResults`.
 *
 * @internal
 */
export function planJobs(artifacts: PlanArtifacts, observations: readonly Observation[], at: string, phases: readonly Phase[], maxResults: number = DEFAULT_MAX_RESULTS): EvaluationJob[] {
  const { plan, directory: dir, province, timelines } = artifacts;
  const index = new ObservationIndex(observations, indicatorSlots(plan));
  const phaseById = new Map(phases.map((p) => [p.id, p]));
  const jobs: EvaluationJob[] = [];
  const knownByLevel: Record<string, readonly string[]> = {};
  // The plan's org units in force on each phase's date (dated unit and agency changes applied).
  const inForceByDate = new Map<string, UnitsInForce>();
  const inForceOf = (phase: Phase): UnitsInForce => {
    const date = inForceDate(phase, at);
    let u = inForceByDate.get(date);
    if (u === undefined) inForceByDate.set(date, (u = unitsInForce(plan, date)));
    return u;
  };
  const unitLevel = (unit: string, cell: Cell): AdministrativeLevel | null => lastOf(cell)?.level ?? dir.levelOf.get(unit) ?? null;
  /** One org unit's job, its value picked from its cell. */
  /** One org unit's job at its level, its value picked from its cell. */
  const ownJob = (indicator: Indicator, version: TargetVersion, phase: Phase, orgUnit: string, level: AdministrativeLevel | null, cell: Cell): EvaluationJob => {
    const job = new EvaluationJob(indicator, version, phase, orgUnit, level, orgUnit, at);
    const o = latestInCell(cell, phase, at);
    const units = inForceOf(phase);
    const reason = units.out.get(orgUnit);
    if (reason !== undefined) {
      // A unit the plan does not have in force on that date is not judged; what it sent is named.
      job.status = 'not-applicable';
      job.outOfForce = { date: units.date, reason, received: o ?? lastOf(cell) };
    } else if (!o) {
      job.status = 'no-data';
      job.outside = lastOf(cell);
    } else {
      job.source = o;
      job.basis = o.evidence ? 'evidence' : 'measurement';
      job.period = o.period;
      job.periodEnd = o.end;
    }
    return job;
  };
  /** One org unit's job, its value picked from its cell (`not-applicable` at another level than the target's). */
  const unitJob = (indicator: Indicator, version: TargetVersion, phase: Phase, orgUnit: string, cell: Cell): EvaluationJob => {
    const target = version.target;
    const level = unitLevel(orgUnit, cell);
    if (target.level === null || level === target.level) return ownJob(indicator, version, phase, orgUnit, level, cell);
    const job = new EvaluationJob(indicator, version, phase, orgUnit, level, orgUnit, at);
    job.status = 'not-applicable';
    return job;
  };

  for (const indicator of plan.indicators) {
    const slot = index.slotOf.get(indicator.id);
    let sortedUnits: Int32Array | null = null;
    for (const t of indicator.targets) {
      const phase = phaseById.get(t.phase);
      if (!phase) continue;
      const eff = effectiveOf(timelines.get(t.id) as NonNullable<ReturnType<typeof timelines.get>>, at);
      if (eff.withdrawn) {
        // Withdrawn by the evaluation date: not judged. Values received for it are named, never
        // dropped: one not-applicable result per org unit that sent one (the province's result,
        // naming them all, for a whole-province target); none when nothing was received.
        sortedUnits ??= index.sortedUnits(slot);
        const received: { orgUnit: string; observation: Observation }[] = [];
        for (let i = 0; i < sortedUnits.length; i++) {
          const u = sortedUnits[i] as number;
          const o = latestInCell(index.cellOf(u, slot as number), phase, at);
          if (o) received.push({ orgUnit: index.units[u] as string, observation: o });
        }
        if (received.length === 0) continue;
        const last = eff.timeline.versions[eff.timeline.versions.length - 1] as TargetVersion;
        const withdrawnJob = (orgUnit: string, level: AdministrativeLevel | null, list: typeof received) => {
          const job = new EvaluationJob(indicator, last, phase, orgUnit, level, orgUnit, at);
          job.status = 'not-applicable';
          job.withdrawn = { step: eff.step, received: list };
          return job;
        };
        const whole = last.target.scope === 'whole-province';
        const count = whole ? 1 : received.length;
        if (jobs.length + count > maxResults) throw tooManyResults(maxResults, jobs.length + count);
        if (whole) jobs.push(withdrawnJob(plan.issuer.unit ?? dir.provinceIds[0] ?? 'province', 'province', received));
        else for (const r of received) jobs.push(withdrawnJob(r.orgUnit, r.observation.level ?? dir.levelOf.get(r.orgUnit) ?? null, [r]));
        continue;
      }
      const version = eff.version;
      const target = version.target;

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
          if (level === null || unitLevel(index.units[u] as string, index.cellOf(u, slot as number)) === level) {
            member[i] = 1;
            members++;
          }
        }
        const perUnit = level === null ? 0 : members;
        if (jobs.length + 1 + perUnit > maxResults) throw tooManyResults(maxResults, jobs.length + 1 + perUnit);
        const known = level === null ? null : (knownByLevel[`${level}\u0000${phase.id}`] ??= inForceOf(phase).known(level, province));
        const pj = provinceJob(plan, indicator, version, phase, at, index, slot, dir.provinceIds, sortedUnits, isProvince, member, known, inForceOf(phase).out);
        if (known !== null && known.length === 0 && level !== null) {
          // The plan lists units of the level, none in force on the phase's date (the district level ended in 2025): say so, not "lists none".
          const units = inForceOf(phase);
          const gone = [...units.out].filter(([id]) => dir.levelOf.get(id) === level && !dir.provinceIds.includes(id)).map(([id, reason]) => ({ id, reason }));
          if (gone.length) pj.levelOutOfForce = { date: units.date, units: gone };
        }
        jobs.push(pj);
        if (perUnit > 0) {
          for (let i = 0; i < sortedUnits.length; i++) {
            if (member[i] !== 1) continue;
            const u = sortedUnits[i] as number;
            const job = ownJob(indicator, version, phase, index.units[u] as string, level, index.cellOf(u, slot as number));
            job.headline = false;
            jobs.push(job);
          }
        }
        continue;
      }
      // Judged per org unit: every unit with measurements of the indicator, and for each-unit
      // targets every unit of the plan at the target's level in force on the phase's date.
      sortedUnits ??= index.sortedUnits(slot);
      const out = inForceOf(phase).out;
      const expected =
        target.scope === 'each-unit'
          ? plan.administrativeUnits
              .filter((u) => (target.level === null || u.level === target.level) && !out.has(u.code))
              .map((u) => u.code)
              .filter((c) => index.cell(c, slot) === undefined)
          : [];
      if (jobs.length + sortedUnits.length + expected.length > maxResults) throw tooManyResults(maxResults, jobs.length + sortedUnits.length + expected.length);
      if (expected.length) {
        const names = [...Array.from(sortedUnits, (u) => index.units[u] as string), ...expected].sort(collator.compare);
        for (const orgUnit of names) jobs.push(unitJob(indicator, version, phase, orgUnit, index.cell(orgUnit, slot)));
        continue;
      }
      // Each-agency targets leave out the province itself.
      const skip = target.scope === 'each-agency' ? index.unitFlags(province) : null;
      for (let i = 0; i < sortedUnits.length; i++) {
        const u = sortedUnits[i] as number;
        if (skip !== null && skip[u] === 1) continue;
        jobs.push(unitJob(indicator, version, phase, index.units[u] as string, index.cellOf(u, slot as number)));
      }
    }
  }
  return jobs;
}

function provinceJob(
  plan: Plan,
  indicator: Indicator,
  version: TargetVersion,
  phase: Phase,
  at: string,
  index: ObservationIndex,
  slot: number | undefined,
  provinceIds: readonly string[],
  sortedUnits: Int32Array,
  isProvince: Uint8Array,
  /** Per position in `sortedUnits`, 1 for a unit of the target's level: its value, when not summed, is named as left out. */
  member: Uint8Array,
  /** The plan's units of the target's level, for the coverage; null for a target without a level. */
  known: readonly string[] | null,
  /** The plan's units not in force on the phase's date: their values are named, never summed. */
  outOfForce: ReadonlyMap<string, BilingualText>,
): EvaluationJob {
  const target = version.target;
  const job = new EvaluationJob(indicator, version, phase, plan.issuer.unit ?? provinceIds[0] ?? 'province', 'province', '\u0000province', at);
  // The province's own value, when the target is not about a lower level.
  if (target.level === null || target.level === 'province') {
    for (const id of provinceIds) {
      const cell = index.cell(id, slot);
      const o = latestInCell(cell, phase, at);
      if (o) {
        job.orgUnit = id;
        job.source = { ...o, level: 'province' };
        job.basis = o.evidence ? 'evidence' : 'province-value';
        job.period = o.period;
        job.periodEnd = o.end;
        return job;
      }
      if (cell !== undefined && !job.outside) job.outside = lastOf(cell);
    }
  }
  // Otherwise summed numerators over summed denominators of the org units (of the target's
  // level), for the latest period that has counts: never the mean of percentages. Every value
  // of the level received in the window and not summed is named in `rollUp.leftOut`.
  const rollUp: RollUp = { summed: [], leftOut: [], coverage: null };
  job.rollUp = rollUp;
  const level = target.level;
  if (known !== null && level !== null) {
    const missing = known.filter((id) => latestInCell(index.cell(id, slot), phase, at) === null);
    rollUp.coverage = { level, known: known.length, reported: known.length - missing.length, missing };
  }
  if (slot === undefined) {
    job.status = 'no-data';
    return job;
  }
  const percent = indicator.unit === 'percent';
  const counts = (x: Observation) => x.numerator !== undefined && x.denominator !== undefined && (level === null || x.level === level);
  // First the latest period with counts, then each unit summed or named.
  let best: Observation | null = null;
  if (percent) {
    for (let i = 0; i < sortedUnits.length; i++) {
      const u = sortedUnits[i] as number;
      if (isProvince[u] === 1 || outOfForce.has(index.units[u] as string)) continue;
      const c = latestInCell(index.cellOf(u, slot), phase, at, counts);
      if (c && (!best || byPeriod(c, best) > 0)) best = c;
    }
  }
  let n = 0;
  let d = 0;
  for (let i = 0; i < sortedUnits.length; i++) {
    const u = sortedUnits[i] as number;
    if (isProvince[u] === 1) continue;
    const cell = index.cellOf(u, slot);
    const gone = outOfForce.has(index.units[u] as string);
    const c = best && !gone ? latestInCell(cell, phase, at, counts) : null;
    if (c && c.period === (best as Observation).period) {
      n += c.numerator as number;
      d += c.denominator as number;
      rollUp.summed.push({ orgUnit: index.units[u] as string, numerator: c.numerator as number, denominator: c.denominator as number });
      continue;
    }
    const o = member[i] === 1 ? latestInCell(cell, phase, at) : null;
    if (!o) continue;
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
  if (best && d > 0) {
    const value = round6((n / d) * 100);
    job.source = { value, numerator: round6(n), denominator: round6(d), level: 'province', orgUnit: job.orgUnit, period: best.period, start: best.start, end: best.end };
    job.basis = 'summed-counts';
    job.period = best.period;
    job.periodEnd = best.end;
    job.contributors = rollUp.summed.length;
    return job;
  }
  job.status = 'no-data';
  return job;
}

/**
 * A result as evaluation builds it: plain fields, and the explanation as a getter on the class
 * (built when first read, included by `toJSON`). An object literal with its own getter per result
 * costs far more to create than the verdict itself.
 */
// The fields are those of TargetResult (declared once, there; merged into the class here).
interface JudgedTarget extends Omit<TargetResult, 'explanation'> {}
class JudgedTarget implements TargetResult {
  readonly #job: EvaluationJob;
  readonly #at: string;
  readonly #names: ReadonlyMap<string, BilingualText>;
  #explanation: BilingualText | undefined;

  constructor(job: EvaluationJob, verdict: boolean | null, at: string, source: SourceRef, names: ReadonlyMap<string, BilingualText>) {
    const target = job.version.target;
    const facts = job.source;
    const value = facts ? facts.value : null;
    this.indicator = job.indicator.id;
    this.target = target.id;
    this.orgUnit = job.orgUnit;
    this.level = job.level;
    this.scope = target.scope;
    this.targetLevel = target.level;
    this.phase = job.phase.id;
    this.status = job.status ?? (verdict ? 'met' : 'not-met');
    this.value = value;
    this.targetValue = target.value;
    this.comparator = target.comparator;
    this.unit = job.indicator.unit;
    this.gap = typeof value === 'number' && typeof target.value === 'number' ? round6(value - target.value) : null;
    this.period = job.period;
    this.periodEnd = job.periodEnd;
    this.basis = job.basis;
    this.numerator = facts?.numerator ?? null;
    this.denominator = facts?.denominator ?? null;
    this.contributors = job.contributors;
    this.effectiveFrom = job.version.effectiveFrom;
    this.provenance = job.version.provenance;
    this.source = source;
    // Added fields come last (before the explanation): the order of the older ones never changes.
    this.headline = job.headline;
    this.rollUp = job.rollUp;
    this.#job = job;
    this.#at = at;
    this.#names = names;
  }

  /** Why the verdict came out as it did, in Vietnamese and English (built when first read). */
  get explanation(): BilingualText {
    if (this.#explanation === undefined) {
      const job = this.#job;
      const target = job.version.target;
      const facts = job.facts;
      this.#explanation = explainResult(this, {
        indicator: job.indicator,
        target,
        phase: job.phase,
        at: this.#at,
        outside: job.outside,
        outOfForce: job.outOfForce,
        withdrawn: job.withdrawn,
        levelOutOfForce: job.levelOutOfForce,
        trace: target.conditions && facts ? () => traceConditions(targetConditions(target), facts) : null,
        nameOf: (id) => this.#names.get(id),
      });
    }
    return this.#explanation;
  }

  /** Replaces the explanation (the field is writable, as in the `TargetResult` type). */
  set explanation(text: BilingualText) {
    this.#explanation = text;
  }

  /** The result as JSON, with its explanation (last, as it always was). */
  toJSON(): Omit<TargetResult, 'explanation'> & { explanation: BilingualText } {
    return { ...this, explanation: this.explanation };
  }
}

/** The results of jobs and their verdicts (the quote in force looked up once per target version). */
function toResults(jobs: readonly EvaluationJob[], verdicts: readonly (boolean | null)[], at: string, names: ReadonlyMap<string, BilingualText>): TargetResult[] {
  const results = new Array<TargetResult>(jobs.length);
  let version: TargetVersion | null = null;
  let source: SourceRef | null = null;
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i] as EvaluationJob;
    if (job.version !== version) {
      version = job.version;
      source = sourceInForce(version);
    }
    results[i] = new JudgedTarget(job, verdicts[i] ?? null, at, source as SourceRef, names);
  }
  return results;
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
  for (const r of results) if (r.headline) s[r.status]++;
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
 * The compiled evaluator over prepared jobs: one fact set, pointed at each job's value in turn
 * (the predicates are synchronous and keep nothing), so judging allocates nothing per job.
 */
function judge(p: Prepared): Evaluation {
  const jobs = p.jobs;
  const verdicts = new Array<boolean | null>(jobs.length);
  let facts: FactSet | null = null;
  let target: Target | null = null;
  let predicate: CompiledPredicate | null = null;
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i] as EvaluationJob;
    const source = job.source;
    if (source === null) {
      verdicts[i] = null;
      continue;
    }
    const t = job.version.target;
    if (t !== target) {
      target = t;
      predicate = p.artifacts.predicate(t);
    }
    facts = facts === null ? new FactSet(source, job.indicator.id, t.value, p.at) : facts.reset(source, job.indicator.id, t.value, p.at);
    verdicts[i] = (predicate as CompiledPredicate)(facts);
  }
  return finish(p, toResults(jobs, verdicts, p.at, p.artifacts.directory.names), 'compiled');
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
  checkOptionsShape(options, 'evaluate');
  const artifacts = planArtifacts(plan);
  checkOptionsEarly(artifacts, options, 'evaluate');
  const set = isMeasurementSet(measurements) ? measurements : await prepareMeasurementsAsync(artifacts.plan, measurements, { periods: artifacts.periods });
  return judge(prepareWith(artifacts, set, options));
}

function finish(p: Prepared, results: TargetResult[], evaluator: Evaluator): Evaluation {
  return { plan: p.plan.id, at: p.at, phases: p.phases.map((x) => x.id), evaluator, results, summary: summarise(results), issues: p.set.issues, rows: p.set.rows };
}

/**
 * {@link evaluate} with json-rules-engine as the evaluator (the reference semantics): the same
 * jobs, each subject's rules run in one `engine.run`. Asynchronous and much slower; for checking
 * that both evaluators agree.
 */
export async function evaluateWithReference(plan: Plan, measurements: MeasurementSet | Iterable<MeasurementInput>, options?: EvaluateOptions): Promise<Evaluation> {
  const p = prepare(plan, measurements, options);
  const verdicts = await referenceVerdicts(p.jobs);
  return finish(p, toResults(p.jobs, verdicts, p.at, p.artifacts.directory.names), 'reference');
}

/** Runs json-rules-engine on every job that has facts; one engine.run per subject. */
export async function referenceVerdicts(jobs: readonly EvaluationJob[]): Promise<(boolean | null)[]> {
  const verdicts = new Array<boolean | null>(jobs.length).fill(null);
  const bySubject = new Map<string, number[]>();
  jobs.forEach((job, i) => {
    if (!job.facts) return;
    const list = bySubject.get(job.subject);
    if (list) list.push(i);
    else bySubject.set(job.subject, [i]);
  });
  const engines = new Map<string, ReferenceRuleSet>();
  for (const indices of bySubject.values()) {
    const keyOf = (i: number) => (jobs[i] as EvaluationJob).version.target.id;
    const setKey = indices.map(keyOf).join('\u0000');
    let set = engines.get(setKey);
    if (!set) {
      set = createReferenceRuleSet(indices.map((i) => ({ key: keyOf(i), conditions: targetConditions((jobs[i] as EvaluationJob).version.target) })));
      engines.set(setKey, set);
    }
    const facts = new Map(indices.map((i) => [keyOf(i), (jobs[i] as EvaluationJob).facts as ConditionFacts]));
    const out = await runReferenceRuleSet(set, facts);
    for (const i of indices) verdicts[i] = out.get(keyOf(i)) ?? null;
  }
  return verdicts;
}
