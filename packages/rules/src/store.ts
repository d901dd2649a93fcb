import type { ImportProvenance, ImportSummary, Issue, MeasurementRecord, MeasurementStore, Plan, RowStream, StoredMeasurement } from '@egov-plan/core';
import { VIETNAM_TIME_ZONE } from './calendar/time.js';
import { evaluate, type Evaluation } from './engine/evaluate.js';
import { evaluationDate, phasesAt, type EvaluateOptions } from './engine/options.js';
import type { MeasurementSet, Observation } from './engine/measurements.js';

// The bridge between checked measurements and a measurement store (the contract lives in core):
// writing checked rows with their provenance, and evaluating from what a store holds.

/** The record a store keeps for a checked observation (`sheet`: the workbook sheet it came from, if any). */
export function toMeasurementRecord(o: Observation, sheet: string | null = null): MeasurementRecord {
  return { indicator: o.indicator, orgUnit: o.orgUnit, level: o.level, period: o.period, start: o.start, end: o.end, value: o.value, numerator: o.numerator ?? null, denominator: o.denominator ?? null, evidence: o.evidence, sheet, row: o.row };
}

/**
 * What {@link importMeasurementSet} did: every row read is counted once, in `revisions`,
 * `unchanged` or `rejected`; the rejected rows' issues are listed.
 */
export interface MeasurementImport extends ImportSummary {
  /** Rows the plan refused (not written), one or more issues each in `issues`. */
  rejected: number;
  issues: Issue[];
}

/**
 * Writes the good rows of checked measurements (from `parseMeasurementsCsv`, `parseMeasurementsJson`
 * or `prepareMeasurements`) to a store in one batch, with their provenance. The rows the plan
 * refused are not written; they are returned with their issues, never dropped silently.
 *
 * @example
 * ```ts
 * const set = parseMeasurementsCsv(plan, text, { file: 'q1.csv' });
 * const done = await importMeasurementSet(store, set, { plan: plan.id, file: 'q1.csv', importedBy: 'so-tttt' });
 * console.log(done.revisions, done.unchanged, done.rejected);
 * ```
 */
export async function importMeasurementSet(store: MeasurementStore, set: MeasurementSet, provenance: ImportProvenance, sheet: string | null = null): Promise<MeasurementImport> {
  const summary = await store.importMeasurements(provenance, set.observations.map((o) => toMeasurementRecord(o, sheet)));
  return { ...summary, rows: set.rows, rejected: set.rows - set.observations.length, issues: set.issues };
}

function toObservation(m: StoredMeasurement): Observation {
  return {
    indicator: m.indicator,
    orgUnit: m.orgUnit,
    level: m.level,
    period: m.period,
    start: m.start,
    end: m.end,
    value: m.value as number | boolean,
    numerator: m.numerator ?? undefined,
    denominator: m.denominator ?? undefined,
    evidence: m.evidence,
    row: m.row,
    source: m.file,
  };
}

/** Reads a row stream into a map keyed by measurement, keeping one row per key. */
async function addRows(into: Map<string, StoredMeasurement>, rows: RowStream<StoredMeasurement>): Promise<void> {
  for await (const m of rows) into.set(`${m.indicator}\u0000${m.orgUnit}\u0000${m.period}`, m);
}

/**
 * Evaluates a plan from what a store holds, with the verdicts {@link evaluate} gives on the same
 * rows in memory. The store is asked only for the values that count: per indicator × org unit,
 * the latest value in force in each phase's window (and the latest with counts, for summed
 * roll-ups) and the latest overall (its level, and the unit's presence) — computed by the
 * backend (SQL window functions for the SQL stores), so memory grows with the org units, not
 * with the rows and revisions stored.
 *
 * `at` defaults to the end of the latest period stored. `issues` is empty (rows were checked on
 * import); `rows` counts the values read from the store.
 */
export async function evaluateFromStore(plan: Plan, store: MeasurementStore, options: EvaluateOptions = {}): Promise<Evaluation> {
  const latest = new Map<string, StoredMeasurement>();
  await addRows(latest, await store.latestValues({ plan: plan.id }));
  let at = options.at === undefined ? undefined : evaluationDate(options.at, plan.calendar?.timeZone ?? VIETNAM_TIME_ZONE);
  if (at === undefined) for (const m of latest.values()) if (at === undefined || m.end > at) at = m.end;
  const chosen = new Map(latest);
  if (at !== undefined) {
    const ids = options.phase === undefined ? null : typeof options.phase === 'string' ? [options.phase] : [...options.phase];
    const phases = ids ? plan.phases.filter((p) => ids.includes(p.id)) : phasesAt(plan, at);
    for (const phase of phases) {
      const window = { plan: plan.id, endFrom: phase.start, endTo: phase.end < at ? phase.end : at };
      await addRows(chosen, await store.latestValues(window));
      await addRows(chosen, await store.latestValues({ ...window, withCounts: true }));
    }
  }
  const set: MeasurementSet = { observations: [...chosen.values()].map(toObservation), issues: [], rows: chosen.size };
  return evaluate(plan, set, at === undefined ? options : { ...options, at });
}

/**
 * The values in force of a plan in a store, as checked measurements (for progress series and
 * reports, which read every period): `issues` is empty (rows were checked on import).
 */
export async function storedMeasurementSet(plan: Pick<Plan, 'id'>, store: MeasurementStore): Promise<MeasurementSet> {
  const observations: Observation[] = [];
  for await (const m of await store.currentValues({ plan: plan.id })) observations.push(toObservation(m));
  return { observations, issues: [], rows: observations.length };
}
