import { readValuesThatCount, type ImportProvenance, type ImportSummary, type Issue, type MeasurementRecord, type MeasurementStore, type Plan, type StoredMeasurement, type WindowValues } from '@egov-plan/core';
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

/** Adds rows to a map keyed by measurement, keeping one row per key. */
function addRows(into: Map<string, StoredMeasurement>, rows: readonly StoredMeasurement[]): void {
  for (const m of rows) into.set(`${m.indicator}\u0000${m.orgUnit}\u0000${m.period}`, m);
}

/**
 * Evaluates a plan from what a store holds, with the verdicts {@link evaluate} gives on the same
 * rows in memory. The store is asked only for the values that count: per indicator × org unit,
 * the latest value in force in each phase's window (and the latest with counts, for summed
 * roll-ups) and the latest overall (its level, and the unit's presence) — in one read
 * (`readValuesThatCount` of @egov-plan/core: the store's `valuesThatCount`, one SQL query in the
 * SQL stores, or its `latestValues`), so memory grows with the org units, not with the rows and
 * revisions stored.
 *
 * `at` defaults to the end of the latest period stored. `issues` holds only the evaluation's own
 * warning, `measurement.after_at`, when an org unit's latest value for an indicator ends after a
 * given `at` (rows were checked on import); `rows` counts the values read from the store.
 */
export async function evaluateFromStore(plan: Plan, store: MeasurementStore, options: EvaluateOptions = {}): Promise<Evaluation> {
  const given = options.at === undefined ? undefined : evaluationDate(options.at, plan.calendar?.timeZone ?? VIETNAM_TIME_ZONE);
  const ids = options.phase === undefined ? null : typeof options.phase === 'string' ? [options.phase] : [...options.phase];
  // The phases evaluated depend on `at`; without one given, `at` is the latest period end stored,
  // known only after the read: every phase's window is read then (a window no value falls in
  // costs next to nothing), and the phases `at` selects are kept. Up to that `at` no value ends
  // later, so a window need not be cut at it.
  const candidates = ids ? plan.phases.filter((p) => ids.includes(p.id)) : given === undefined ? plan.phases : phasesAt(plan, given);
  const windows = candidates.map((p) => ({ endFrom: p.start, endTo: given !== undefined && given < p.end ? given : p.end }));
  const read = await readValuesThatCount(store, { plan: plan.id, windows });
  let at = given;
  if (at === undefined) for (const m of read.latest) if (at === undefined || m.end > at) at = m.end;
  const chosen = new Map<string, StoredMeasurement>();
  addRows(chosen, read.latest);
  if (at !== undefined) {
    const phases = ids || given !== undefined ? candidates : phasesAt(plan, at);
    candidates.forEach((phase, i) => {
      if (!phases.includes(phase)) return;
      const w = read.windows[i] as WindowValues;
      addRows(chosen, w.latest);
      addRows(chosen, w.latestWithCounts);
    });
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
