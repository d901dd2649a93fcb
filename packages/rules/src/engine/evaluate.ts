import {
  EgovPlanError,
  assertResolvedPlan,
  issue,
  type AdministrativeLevel,
  type BilingualText,
  type Comparator,
  type Indicator,
  type Issue,
  type Phase,
  type Plan,
  type SourceRef,
  type Target,
  type TargetScope,
  type Unit,
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

/** The verdict on one target for one org unit. */
export type TargetStatus = 'met' | 'not-met' | 'no-data' | 'not-applicable';

/** Where the value that counts came from. */
export type ValueBasis = 'measurement' | 'evidence' | 'province-value' | 'summed-counts';

/** One target judged for one org unit (or for the province as a whole). */
export interface TargetResult {
  /** Indicator id. */
  indicator: string;
  /** Target id. */
  target: string;
  /** The org unit as named in the measurements (for whole-province targets: the province). */
  orgUnit: string;
  /** The org unit's level, when known. */
  level: AdministrativeLevel | null;
  scope: TargetScope;
  /** The level the target applies to, or null for every level. */
  targetLevel: AdministrativeLevel | null;
  phase: string;
  status: TargetStatus;
  /** The value that counts, or null when there is none. */
  value: number | boolean | null;
  /** The target's value in force at the evaluation date. */
  targetValue: number | boolean;
  comparator: Comparator;
  unit: Unit;
  /** Value minus target value, in the indicator's unit; null when either is not a number. */
  gap: number | null;
  /** Reporting period of the value that counts (the date, for dated evidence). */
  period: string | null;
  /** Last day of that period. */
  periodEnd: string | null;
  basis: ValueBasis | null;
  /** Numerator and denominator behind the value, when known (summed for `summed-counts`). */
  numerator: number | null;
  denominator: number | null;
  /** For `summed-counts`: how many org units were summed. */
  contributors: number | null;
  /** First day of the target version in force (null: from the start). */
  effectiveFrom: string | null;
  /** How the target version in force came to be, definition first. */
  provenance: ProvenanceStep[];
  /** The section and verbatim quote behind the value in force (the override's, when one set it). */
  source: SourceRef;
  /** Why the verdict came out as it did, in Vietnamese and English (built when read). */
  readonly explanation: BilingualText;
}

export { phasesAt, type EvaluateOptions, type EvaluationInstant } from './options.js';

/** The result of {@link evaluate}. */
export interface Evaluation {
  plan: string;
  at: string;
  /** The phases whose targets were evaluated. */
  phases: string[];
  evaluator: 'compiled' | 'reference';
  results: TargetResult[];
  summary: Record<TargetStatus, number>;
  /** Issues of the measurement rows left out. */
  issues: Issue[];
  /** Measurement rows read, good and bad. */
  rows: number;
}

// --- shared pipeline ------------------------------------------------------------------------

/** One target × org unit to judge; `facts` is set when there is a value to judge. */
export interface EvaluationJob {
  indicator: Indicator;
  version: TargetVersion;
  phase: Phase;
  orgUnit: string;
  level: AdministrativeLevel | null;
  /** Set for jobs decided without a rule. */
  status: 'no-data' | 'not-applicable' | null;
  facts: ConditionFacts | null;
  basis: ValueBasis | null;
  period: string | null;
  periodEnd: string | null;
  contributors: number | null;
  /** Latest observation outside the window, for the explanation of `no-data`. */
  outside: Observation | null;
  /** Groups jobs that json-rules-engine runs together. */
  subject: string;
}

export { targetConditions };

/**
 * Compiles a target version's conditions (its own, or those of its comparator and value). Not
 * cached: a compiled plan (see {@link compilePlan}) holds the predicates of its targets.
 */
export function compiledTarget(target: Target): CompiledPredicate {
  return compileConditions(targetConditions(target));
}

/** Builds the facts a condition tree sees. */
export function buildFacts(o: FactSource, indicator: string, targetValue: number | boolean, at: string): ConditionFacts {
  return new FactSet(o, indicator, targetValue, at);
}

/** Largest org unit × indicator table held densely (64 MiB of Int32). */
const DENSE_CELLS = 16 * 1024 * 1024;

/** One org unit's observations of one indicator: one observation, or several sorted by period. */
type Cell = Observation | Observation[] | undefined;

/**
 * The observations of one evaluation by org unit and indicator, in one flat table (org units
 * and indicators numbered as they come): no map or array per pair, so a national quarter is
 * indexed with a few allocations instead of hundreds of thousands.
 */
class ObservationIndex {
  readonly units: string[] = [];
  readonly unitOf = new Map<string, number>();
  readonly slotOf = new Map<string, number>();
  /** Unit numbers with observations, per indicator slot, in order of arrival. */
  readonly unitsWith: number[][] = [];
  /**
   * Per org unit × indicator slot: −1 for none, the index of the only observation, or
   * −2 − k for the k-th list of several (sorted by period). Typed, so the garbage collector never
   * scans it.
   */
  readonly #cells: Int32Array | Map<number, number>;
  readonly #lists: Observation[][] = [];
  readonly #observations: readonly Observation[];
  #stride: number;

  constructor(observations: readonly Observation[]) {
    const unitIds = new Int32Array(observations.length);
    const slotIds = new Int32Array(observations.length);
    let lastUnit: string | null = null;
    let lastUnitId = -1;
    let lastIndicator: string | null = null;
    let lastSlot = -1;
    for (let i = 0; i < observations.length; i++) {
      const o = observations[i] as Observation;
      if (o.orgUnit !== lastUnit) {
        lastUnit = o.orgUnit;
        let u = this.unitOf.get(lastUnit);
        if (u === undefined) {
          u = this.units.length;
          this.unitOf.set(lastUnit, u);
          this.units.push(lastUnit);
        }
        lastUnitId = u;
      }
      if (o.indicator !== lastIndicator) {
        lastIndicator = o.indicator;
        let s = this.slotOf.get(lastIndicator);
        if (s === undefined) {
          s = this.slotOf.size;
          this.slotOf.set(lastIndicator, s);
          this.unitsWith.push([]);
        }
        lastSlot = s;
      }
      unitIds[i] = lastUnitId;
      slotIds[i] = lastSlot;
    }
    const stride = (this.#stride = this.slotOf.size);
    this.#observations = observations;
    // Dense while the table is small; past DENSE_CELLS (many distinct org units × many
    // indicators, which a hostile file can ask for) a map holds only the cells that have data.
    const size = this.units.length * stride;
    const cells = (this.#cells = size <= DENSE_CELLS ? new Int32Array(size).fill(-1) : new Map<number, number>());
    const get = (k: number): number => (cells instanceof Int32Array ? (cells[k] as number) : (cells.get(k) ?? -1));
    const set = (k: number, v: number): void => void (cells instanceof Int32Array ? (cells[k] = v) : cells.set(k, v));
    const lists = this.#lists;
    for (let i = 0; i < observations.length; i++) {
      const u = unitIds[i] as number;
      const s = slotIds[i] as number;
      const k = u * stride + s;
      const c = get(k);
      if (c === -1) {
        set(k, i);
        (this.unitsWith[s] as number[]).push(u);
      } else if (c <= -2) (lists[-2 - c] as Observation[]).push(observations[i] as Observation);
      else {
        set(k, -2 - lists.length);
        lists.push([observations[c] as Observation, observations[i] as Observation]);
      }
    }
    for (const list of lists) list.sort(byPeriod);
  }

  /** The observations of an org unit for an indicator slot. */
  cell(unit: string, slot: number | undefined): Cell {
    if (slot === undefined) return undefined;
    const u = this.unitOf.get(unit);
    return u === undefined ? undefined : this.cellOf(u, slot);
  }

  /** The observations of unit number `u` for an indicator slot. */
  cellOf(u: number, slot: number): Cell {
    const cells = this.#cells;
    const k = u * this.#stride + slot;
    const c = cells instanceof Int32Array ? (cells[k] as number) : (cells.get(k) ?? -1);
    return c === -1 ? undefined : c >= 0 ? (this.#observations[c] as Observation) : this.#lists[-2 - c];
  }

  #rank: Int32Array | null = null;

  /** The org units with observations of an indicator, in numeric-aware order of their ids. */
  sortedUnits(slot: number | undefined): string[] {
    if (slot === undefined) return [];
    if (!this.#rank) {
      const order = this.units.map((_, i) => i).sort((a, b) => collator.compare(this.units[a] as string, this.units[b] as string));
      this.#rank = new Int32Array(this.units.length);
      order.forEach((u, r) => ((this.#rank as Int32Array)[u] = r));
    }
    const rank = this.#rank;
    return [...(this.unitsWith[slot] as number[])].sort((a, b) => (rank[a] as number) - (rank[b] as number)).map((u) => this.units[u] as string);
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

/** Orders observations by the end of their period, then by its start (the later period last). */
export function comparePeriods(a: Observation, b: Observation): number {
  return a.end < b.end ? -1 : a.end > b.end ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}
const byPeriod = comparePeriods;

/**
 * True when an observation may count for a phase at a date: its period ends within the phase and
 * on or before `at`; dated evidence counts from its date, also when that is before the phase.
 */
export function inWindow(o: Observation, phase: Phase, at: string): boolean {
  return o.end <= at && o.end <= phase.end && (o.evidence || o.end >= phase.start);
}

/**
 * The value that counts among one org unit's observations (sorted by {@link comparePeriods}): the
 * latest that is {@link inWindow}.
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
 */
export function planJobs(artifacts: PlanArtifacts, observations: readonly Observation[], at: string, phases: readonly Phase[], maxResults: number = DEFAULT_MAX_RESULTS): EvaluationJob[] {
  const { plan, directory: dir, province, timelines } = artifacts;
  const index = new ObservationIndex(observations);
  const phaseById = new Map(phases.map((p) => [p.id, p]));
  const jobs: EvaluationJob[] = [];
  const unitLevel = (unit: string, cell: Cell): AdministrativeLevel | null => lastOf(cell)?.level ?? dir.levelOf.get(unit) ?? null;

  for (const indicator of plan.indicators) {
    const slot = index.slotOf.get(indicator.id);
    let sortedUnits: string[] | null = null;
    for (const t of indicator.targets) {
      const phase = phaseById.get(t.phase);
      if (!phase) continue;
      const eff = effectiveOf(timelines.get(t.id) as NonNullable<ReturnType<typeof timelines.get>>, at);
      if (eff.withdrawn) continue;
      const version = eff.version;
      const target = version.target;
      const targetValue = target.value;

      if (target.scope === 'whole-province') {
        if (jobs.length + 1 > maxResults) throw tooManyResults(maxResults, jobs.length + 1);
        jobs.push(provinceJob(plan, indicator, version, phase, at, index, slot, dir.provinceIds, province));
        continue;
      }
      // Judged per org unit: every unit with measurements of the indicator, and for each-unit
      // targets every unit of the plan at the target's level that existed during the phase.
      sortedUnits ??= index.sortedUnits(slot);
      let units = target.scope === 'each-agency' ? sortedUnits.filter((u) => !province.has(u)) : sortedUnits;
      if (target.scope === 'each-unit') {
        const expected: string[] = [];
        for (const u of plan.administrativeUnits) {
          if ((target.level === null || u.level === target.level) && (u.validFrom ?? '0000-01-01') <= phase.end && (u.validTo ?? '9999-12-31') >= phase.start && index.cell(u.code, slot) === undefined) expected.push(u.code);
        }
        if (jobs.length + units.length + expected.length > maxResults) throw tooManyResults(maxResults, jobs.length + units.length + expected.length);
        if (expected.length) units = units.concat(expected).sort(collator.compare);
      } else if (jobs.length + units.length > maxResults) throw tooManyResults(maxResults, jobs.length + units.length);
      for (const orgUnit of units) {
        const cell = index.cell(orgUnit, slot);
        const level = unitLevel(orgUnit, cell);
        const job = newJob(indicator, version, phase, orgUnit, level, orgUnit);
        if (target.level !== null && level !== target.level) job.status = 'not-applicable';
        else {
          const o = latestInCell(cell, phase, at);
          if (!o) {
            job.status = 'no-data';
            job.outside = lastOf(cell);
          } else {
            job.facts = buildFacts(o, indicator.id, targetValue, at);
            job.basis = o.evidence ? 'evidence' : 'measurement';
            job.period = o.period;
            job.periodEnd = o.end;
          }
        }
        jobs.push(job);
      }
    }
  }
  return jobs;
}

/** A job with nothing decided yet. */
function newJob(indicator: Indicator, version: TargetVersion, phase: Phase, orgUnit: string, level: EvaluationJob['level'], subject: string): EvaluationJob {
  return { indicator, version, phase, orgUnit, level, status: null, facts: null, basis: null, period: null, periodEnd: null, contributors: null, outside: null, subject };
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
  province: ReadonlySet<string>,
): EvaluationJob {
  const target = version.target;
  const job = newJob(indicator, version, phase, plan.issuer.unit ?? provinceIds[0] ?? 'province', 'province', '\u0000province');
  // The province's own value, when the target is not about a lower level.
  if (target.level === null || target.level === 'province') {
    for (const id of provinceIds) {
      const cell = index.cell(id, slot);
      const o = latestInCell(cell, phase, at);
      if (o) {
        job.orgUnit = id;
        job.facts = buildFacts({ ...o, level: 'province' }, indicator.id, target.value, at);
        job.basis = o.evidence ? 'evidence' : 'province-value';
        job.period = o.period;
        job.periodEnd = o.end;
        return job;
      }
      if (cell !== undefined && !job.outside) job.outside = lastOf(cell);
    }
  }
  // Otherwise summed numerators over summed denominators of the org units (of the target's
  // level), for the latest period that has counts: never the mean of percentages.
  if (indicator.unit === 'percent' && slot !== undefined) {
    const chosen: Observation[] = [];
    let best: Observation | null = null;
    for (const u of index.unitsWith[slot] as number[]) {
      if (province.has(index.units[u] as string)) continue;
      const o = latestInCell(index.cellOf(u, slot), phase, at, (x) => x.numerator !== undefined && x.denominator !== undefined && (target.level === null || x.level === target.level));
      if (!o) continue;
      chosen.push(o);
      if (!best || byPeriod(o, best) > 0) best = o;
    }
    if (best) {
      let n = 0;
      let d = 0;
      let k = 0;
      for (const o of chosen) {
        if (o.period !== best.period) continue;
        n += o.numerator as number;
        d += o.denominator as number;
        k++;
      }
      if (d > 0) {
        const value = round6((n / d) * 100);
        job.facts = buildFacts(
          { value, numerator: round6(n), denominator: round6(d), level: 'province', orgUnit: job.orgUnit, period: best.period, start: best.start, end: best.end },
          indicator.id,
          target.value,
          at,
        );
        job.basis = 'summed-counts';
        job.period = best.period;
        job.periodEnd = best.end;
        job.contributors = k;
        return job;
      }
    }
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
  #explanation: BilingualText | undefined;

  constructor(job: EvaluationJob, verdict: boolean | null, at: string) {
    const target = job.version.target;
    const facts = job.facts;
    const value = facts ? (facts.value as number | boolean) : null;
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
    this.source = sourceInForce(job.version);
    this.#job = job;
    this.#at = at;
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
        trace: target.conditions && facts ? () => traceConditions(targetConditions(target), facts) : null,
      });
    }
    return this.#explanation;
  }

  /** The result as JSON, with its explanation (last, as it always was). */
  toJSON(): Omit<TargetResult, 'explanation'> & { explanation: BilingualText } {
    return { ...this, explanation: this.explanation };
  }
}

function toResult(job: EvaluationJob, verdict: boolean | null, at: string): TargetResult {
  return new JudgedTarget(job, verdict, at);
}

/** The quote behind the value in force: the last step that set the value or comparator. */
function sourceInForce(version: TargetVersion): SourceRef {
  for (let i = version.provenance.length - 1; i > 0; i--) {
    const step = version.provenance[i] as ProvenanceStep;
    if (step.changes.some((c) => c.field === 'value' || c.field === 'comparator' || c.field === 'conditions')) return step.source;
  }
  return version.target.source;
}

function summarise(results: readonly TargetResult[]): Record<TargetStatus, number> {
  const s: Record<TargetStatus, number> = { met: 0, 'not-met': 0, 'no-data': 0, 'not-applicable': 0 };
  for (const r of results) s[r.status]++;
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
 * numerators over summed denominators. Withdrawn targets are left out.
 *
 * `measurements` are raw rows (checked here; bad rows end up in `issues`) or a
 * {@link MeasurementSet} from `parseMeasurementsCsv` / `parseMeasurementsJson`.
 */
export function evaluate(plan: Plan, measurements: MeasurementSet | Iterable<MeasurementInput>, options?: EvaluateOptions): Evaluation {
  return judge(prepare(plan, measurements, options));
}

/** The compiled evaluator over prepared jobs. */
function judge(p: Prepared): Evaluation {
  const results = new Array<TargetResult>(p.jobs.length);
  for (let i = 0; i < p.jobs.length; i++) {
    const job = p.jobs[i] as EvaluationJob;
    const verdict = job.facts ? p.artifacts.predicate(job.version.target)(job.facts) : null;
    results[i] = toResult(job, verdict, p.at);
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
  checkOptionsShape(options, 'evaluate');
  const artifacts = planArtifacts(plan);
  checkOptionsEarly(artifacts, options, 'evaluate');
  const set = isMeasurementSet(measurements) ? measurements : await prepareMeasurementsAsync(artifacts.plan, measurements, { periods: artifacts.periods });
  return judge(prepareWith(artifacts, set, options));
}

function finish(p: Prepared, results: TargetResult[], evaluator: 'compiled' | 'reference'): Evaluation {
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
  const results = p.jobs.map((job, i) => toResult(job, verdicts[i] ?? null, p.at));
  return finish(p, results, 'reference');
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
