import { issue, type Issue, type MeasurementInput, type Plan, type StoredMeasurement } from '@egov-plan/core';
import { MAX_ROUNDING_GAP, parsePeriodId, prepareMeasurements } from '@egov-plan/rules';

// The checks a restore makes of the revisions it is about to write (restoreDumps, dump.ts): a
// backup is data from outside like any import, so a row an import would refuse is refused here
// too — against the plan when it can be resolved, and always against the rules that hold for
// every plan (period syntax, counts consistent with the value, finite numbers).

/** Where a revision stands in a backup, for messages: a label and a pointer (and a line for CSV). */
export interface DumpLocation {
  label: { vi: string; en: string };
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
  return { label: { vi: `Phiên bản ${m.revision} của ${what} (lần nhập ${m.importId})`, en: `Revision ${m.revision} of ${what} (import ${m.importId})` }, pointer: '' };
}

const LEVELS = new Set(['province', 'district', 'commune']);
const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const isDay = (s: unknown): s is string => typeof s === 'string' && DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

type Problem = { field: string | null; code: Issue['code']; vi: string; en: string };

/**
 * What is wrong with a revision whatever the plan (the first problem found), or null. `counts`:
 * also check that numerator and denominator give the value (without a plan, counts are taken to
 * stand behind a percentage, as the measurement format defines them; with one, the plan's checker
 * knows the indicator's unit and checks them).
 */
function planIndependentProblem(m: StoredMeasurement, counts: boolean): Problem | null {
  for (const f of ['indicator', 'orgUnit'] as const) if (typeof m[f] !== 'string' || m[f] === '') return { field: f, code: 'measurement.missing_value', vi: `thiếu ${f}.`, en: `${f} is missing.` };
  if (!LEVELS.has(m.level)) return { field: 'level', code: 'measurement.invalid_level', vi: `cấp "${String(m.level)}" không phải province, district hay commune.`, en: `level "${String(m.level)}" is not province, district or commune.` };
  if (m.value === null || m.value === undefined) return { field: 'value', code: 'measurement.missing_value', vi: 'phiên bản của một lần nhập không có giá trị.', en: 'a revision of an import has no value.' };
  if (typeof m.value !== 'boolean' && !(typeof m.value === 'number' && Number.isFinite(m.value))) return { field: 'value', code: 'measurement.invalid_number', vi: `giá trị "${String(m.value)}" không phải một số hữu hạn hay đúng/sai.`, en: `value "${String(m.value)}" is not a finite number or yes/no.` };
  if (typeof m.value === 'number' && m.value < 0) return { field: 'value', code: 'measurement.out_of_range', vi: 'giá trị không được âm.', en: 'the value cannot be negative.' };
  const { numerator: n, denominator: d } = m;
  if ((n === null) !== (d === null)) return { field: n === null ? 'numerator' : 'denominator', code: 'measurement.missing_value', vi: 'cần cả tử số và mẫu số.', en: 'both numerator and denominator are needed.' };
  if (n !== null && d !== null && counts) {
    if (!isCount(n) || !isCount(d) || d === 0) return { field: !isCount(n) ? 'numerator' : 'denominator', code: 'measurement.invalid_number', vi: `tử số/mẫu số ${String(n)}/${String(d)} phải là số nguyên (mẫu số lớn hơn 0).`, en: `numerator/denominator ${String(n)}/${String(d)} must be whole numbers (the denominator above 0).` };
    if (n > d) return { field: 'numerator', code: 'measurement.out_of_range', vi: `tử số ${n} lớn hơn mẫu số ${d}.`, en: `numerator ${n} is greater than denominator ${d}.` };
    // Counts stand behind a percentage: the value must be the one they give, up to rounding.
    if (typeof m.value !== 'number') return { field: 'numerator', code: 'measurement.invalid_value', vi: 'giá trị đúng/sai không có tử số/mẫu số.', en: 'a yes/no value has no numerator/denominator.' };
    const computed = (n / d) * 100;
    if (Math.abs(m.value - computed) > MAX_ROUNDING_GAP) {
      const shown = Math.round(computed * 1e6) / 1e6;
      return { field: 'value', code: 'measurement.inconsistent_counts', vi: `giá trị ${m.value}% không khớp với tử số/mẫu số ${n}/${d} = ${shown}% (lệch quá ${MAX_ROUNDING_GAP} điểm phần trăm do làm tròn).`, en: `value ${m.value}% does not match numerator/denominator ${n}/${d} = ${shown}% (more than the ${MAX_ROUNDING_GAP} percentage points rounding explains).` };
    }
  }
  if (!isDay(m.start) || !isDay(m.end) || m.start > m.end) return { field: 'start', code: 'measurement.invalid_period', vi: `ngày đầu/cuối kỳ "${String(m.start)}"/"${String(m.end)}" không phải hai ngày YYYY-MM-DD theo thứ tự.`, en: `period start/end "${String(m.start)}"/"${String(m.end)}" are not two dates YYYY-MM-DD in order.` };
  if (m.evidence) {
    if (!isDay(m.period) || m.start !== m.period || m.end !== m.period) return { field: 'period', code: 'measurement.invalid_period', vi: `minh chứng theo ngày cần kỳ là ngày của nó (YYYY-MM-DD), không phải "${String(m.period)}".`, en: `dated evidence needs its date (YYYY-MM-DD) as the period, not "${String(m.period)}".` };
  } else {
    try {
      parsePeriodId(m.period);
    } catch {
      return { field: 'period', code: 'measurement.invalid_period', vi: `"${String(m.period)}" không phải mã kỳ báo cáo (như 2020Q4, 2020M03, 2020S1, 2020N9, 2020, C2020Q4).`, en: `"${String(m.period)}" is not a reporting-period id (such as 2020Q4, 2020M03, 2020S1, 2020N9, 2020, C2020Q4).` };
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
  return issue(p.code, pointer, `${at.label.vi}: ${p.vi}`, `${at.label.en}: ${p.en}`, { file, ...(at.line === undefined ? {} : { line: at.line }) });
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
    out.push([m, rowIssue(dumpLocation(m), file, { field: hit?.[2] ?? null, code: i.code, vi, en })]);
    bad.add(k);
  }
  for (const o of set.observations) {
    const k = o.row - 1;
    const m = good[k];
    if (!m || bad.has(k) || (o.start === m.start && o.end === m.end)) continue;
    out.push([m, rowIssue(dumpLocation(m), file, { field: 'start', code: 'measurement.invalid_period', vi: `kỳ ${m.period} theo kế hoạch là ${o.start} … ${o.end}, không phải ${m.start} … ${m.end}.`, en: `period ${m.period} is ${o.start} … ${o.end} under the plan, not ${m.start} … ${m.end}.` })]);
  }
  return out;
}
