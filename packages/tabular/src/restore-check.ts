import { issueFrom, type BilingualText, type Issue, type IssueMessage, type IssueParams, type MeasurementInput, type Plan, type StoredMeasurement } from '@egov-plan/core';
import { MAX_ROUNDING_GAP, parsePeriodId, prepareMeasurements } from '@egov-plan/rules';
import * as MSG from './messages.js';
import { atRevision, revisionPlace } from './words.js';

// The checks a restore makes of the revisions it is about to write (restoreDumps, dump.ts): a
// backup is data from outside like any import, so a row an import would refuse is refused here
// too — against the plan when it can be resolved, and always against the rules that hold for
// every plan (period syntax, counts consistent with the value, finite numbers).

/** Where a revision stands in a backup, for messages: a label and a pointer (and a line for CSV). */
export interface DumpLocation {
  label: BilingualText;
  pointer: string;
  line?: number;
}

/** Where each revision read by `parseDumps` stands in its file (kept out of the revision objects). */
const locations = new WeakMap<StoredMeasurement, DumpLocation>();

/** Records where a revision read from a backup stands. @internal */
export function setDumpLocation(m: StoredMeasurement, at: DumpLocation): void {
  locations.set(m, at);
}

/** Where a revision stands: as recorded by `parseDumps`, else named by its content. */
export function dumpLocation(m: StoredMeasurement): DumpLocation {
  const known = locations.get(m);
  if (known) return known;
  const what = `${m.indicator} × ${m.orgUnit} × ${m.period}`;
  return { label: revisionPlace(m.revision, what, m.importId), pointer: '' };
}

const LEVELS = new Set(['province', 'district', 'commune']);
const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const isDay = (s: unknown): s is string => typeof s === 'string' && DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

type Problem = { field: string | null; code: Issue['code']; text: BilingualText };

/** A problem of `field`, worded by `message`. */
const problem = <const M extends IssueMessage>(field: string | null, message: M, params: IssueParams<M>): Problem => ({ field, code: message.code, text: issueFrom(message, '', params).message });

/**
 * What is wrong with a revision whatever the plan (the first problem found), or null. `counts`:
 * also check that numerator and denominator give the value (without a plan, counts are taken to
 * stand behind a percentage, as the measurement format defines them; with one, the plan's checker
 * knows the indicator's unit and checks them).
 */
function planIndependentProblem(m: StoredMeasurement, counts: boolean): Problem | null {
  for (const f of ['indicator', 'orgUnit'] as const) if (typeof m[f] !== 'string' || m[f] === '') return problem(f, MSG.restoreMissingField, { field: f });
  if (!LEVELS.has(m.level)) return problem('level', MSG.restoreInvalidLevel, { level: String(m.level) });
  if (m.value === null || m.value === undefined) return problem('value', MSG.restoreMissingValue, {});
  if (typeof m.value !== 'boolean' && !(typeof m.value === 'number' && Number.isFinite(m.value))) return problem('value', MSG.restoreInvalidValue, { value: String(m.value) });
  if (typeof m.value === 'number' && m.value < 0) return problem('value', MSG.restoreNegativeValue, {});
  const { numerator: n, denominator: d } = m;
  if ((n === null) !== (d === null)) return problem(n === null ? 'numerator' : 'denominator', MSG.restoreMissingCount, {});
  if (n !== null && d !== null && counts) {
    if (!isCount(n) || !isCount(d) || d === 0) return problem(!isCount(n) ? 'numerator' : 'denominator', MSG.restoreInvalidCounts, { numerator: String(n), denominator: String(d) });
    if (n > d) return problem('numerator', MSG.restoreNumeratorOverDenominator, { numerator: String(n), denominator: String(d) });
    // Counts stand behind a percentage: the value must be the one they give, up to rounding.
    if (typeof m.value !== 'number') return problem('numerator', MSG.restoreCountsOfBoolean, {});
    const computed = (n / d) * 100;
    if (Math.abs(m.value - computed) > MAX_ROUNDING_GAP) {
      const shown = Math.round(computed * 1e6) / 1e6;
      return problem('value', MSG.restoreInconsistentCounts, { value: String(m.value), numerator: String(n), denominator: String(d), computed: String(shown), gap: String(MAX_ROUNDING_GAP) });
    }
  }
  if (!isDay(m.start) || !isDay(m.end) || m.start > m.end) return problem('start', MSG.restoreInvalidDates, { start: String(m.start), end: String(m.end) });
  if (m.evidence) {
    if (!isDay(m.period) || m.start !== m.period || m.end !== m.period) return problem('period', MSG.restoreEvidencePeriod, { period: String(m.period) });
  } else {
    try {
      parsePeriodId(m.period);
    } catch {
      return problem('period', MSG.restoreInvalidPeriodId, { period: String(m.period) });
    }
  }
  return null;
}

/** A revision as the measurement input an import of it would read. */
function asInput(m: StoredMeasurement): MeasurementInput {
  const base = { indicator: m.indicator, orgUnit: m.orgUnit, level: m.level, value: m.value, numerator: m.numerator, denominator: m.denominator };
  return m.evidence ? { ...base, evidenceDate: m.period } : { ...base, period: m.period };
}

const rowIssue = (at: DumpLocation, file: string, p: Problem): Issue => {
  const pointer = p.field === null ? at.pointer : `${at.pointer}/${p.field}`;
  return { code: p.code, pointer, message: atRevision(at.label, p.text), file, ...(at.line === undefined ? {} : { line: at.line }) };
};

/**
 * Checks the revisions a restore is about to write as an import would check them: every rule
 * that holds whatever the plan (period id syntax, dates, finite non-negative numbers, whole counts
 * consistent with the value), and, with `plan`, the plan's own checks (known indicator and org
 * unit, level, range of the unit, the period's dates as the plan's calendar gives them). Returns
 * one issue per bad revision, naming where it stands in the backup; an empty list when all pass.
 */
export function checkRestoredRevisions(revisions: readonly StoredMeasurement[], plan: Plan | null, file: string): Issue[] {
  // Each issue with the place of its revision, so that they come out in the backup's order.
  const out: [number, Issue][] = [];
  const place = new Map<StoredMeasurement, number>();
  const good: StoredMeasurement[] = [];
  for (const [k, m] of revisions.entries()) {
    place.set(m, k);
    const p = planIndependentProblem(m, plan === null);
    if (p) out.push([k, rowIssue(dumpLocation(m), file, p)]);
    else good.push(m);
  }
  if (plan !== null) {
    // One import's rows at a time, as its file was checked (a measurement appears once per import).
    const byImport = new Map<string, StoredMeasurement[]>();
    for (const m of good) {
      const list = byImport.get(m.importId);
      if (list) list.push(m);
      else byImport.set(m.importId, [m]);
    }
    for (const rows of byImport.values()) for (const [m, i] of checkAgainstPlan(rows, plan, file)) out.push([m === null ? revisions.length : (place.get(m) as number), i]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, i]) => i);
}

/** The plan's checks of one import's revisions (each already passing the plan-independent ones), each issue with its revision (null: of none). */
function checkAgainstPlan(good: readonly StoredMeasurement[], plan: Plan, file: string): [StoredMeasurement | null, Issue][] {
  const out: [StoredMeasurement | null, Issue][] = [];
  const set = prepareMeasurements(plan, good.map(asInput));
  const bad = new Set<number>();
  for (const i of set.issues) {
    const hit = /^\/(\d+)(?:\/(.*))?$/u.exec(i.pointer);
    const k = hit ? Number(hit[1]) : -1;
    const m = good[k];
    if (!m) {
      // Not about one row (a cap on the issues listed): kept as it is.
      out.push([null, { ...i, file }]);
      continue;
    }
    // The plan's checker names the row as its Nth measurement: named here where it stands in the backup.
    const strip = (s: string, label: string) => (s.startsWith(label) ? s.slice(label.length) : s).replace(/^:\s*/u, '');
    const vi = strip(i.message.vi, `Số liệu thứ ${k + 1}`);
    const en = strip(i.message.en, `Measurement #${k + 1}`);
    out.push([m, rowIssue(dumpLocation(m), file, { field: hit?.[2] ?? null, code: i.code, text: { vi, en } })]);
    bad.add(k);
  }
  for (const o of set.observations) {
    const k = o.row - 1;
    const m = good[k];
    if (!m || bad.has(k) || (o.start === m.start && o.end === m.end)) continue;
    out.push([m, rowIssue(dumpLocation(m), file, problem('start', MSG.restorePeriodDates, { period: m.period, planStart: o.start, planEnd: o.end, start: m.start, end: m.end }))]);
  }
  return out;
}
