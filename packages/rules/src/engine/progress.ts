import type {
  BilingualText,
  Phase,
  Plan,
  ProgressCategory as ProgressCategoryOutput,
  ProgressPoint as ProgressPointOutput,
  ProgressReport as ProgressReportOutput,
  ProgressResult as ProgressResultOutput,
  ProgressStatus as ProgressStatusOutput,
  ProgressThresholds,
} from '@egov-plan/core';
import { planArtifacts } from './compiled-plan.js';
import { JudgedTarget, planJobs } from './evaluate.js';
import { ProgressMethod as ProgressMethodSchema } from '@egov-plan/core';
import { checkOptionsShape, EVALUATE_OPTIONS_CHECK, resolveOptions, type ProgressMethod, type ProgressOptions } from './options.js';
import type { PlanArtifacts } from './plan-artifacts.js';
import { formatNumber } from './explain.js';
import { isMeasurementSet, prepareMeasurements, round6, type MeasurementInput, type MeasurementSet, type Observation } from './measurements.js';

// Progress towards a target before its phase ends, from a series of measurements.
//
// Default method: Open SDG's (Statistics Canada's) compound annual growth rate. The observed
// growth between a baseline and the latest value, CAGR_o = (y_t / y_0)^(1 / (t − t_0)) − 1, is
// compared with the growth needed to reach the target by the end of the phase,
// CAGR_r = (y_T / y_0)^(1 / (T − t_0)) − 1; the ratio R = CAGR_o / CAGR_r is classified with the
// thresholds of open-sdg/sdg-build `ProgressMeasure` for targets with a value: R ≥ 0.95
// substantial progress (on track), 0.6 ≤ R < 0.95 moderate (acceleration needed), 0 ≤ R < 0.6
// limited, R < 0 deterioration; a value already meeting the target is "target achieved".
//
// Alternative: linear. The same ratio with slopes instead of growth rates, R = (Δy/Δt observed) /
// (Δy/Δt required), and the value projected at the phase end. CAGR is undefined when a value is
// 0 (common for a percentage that starts at 0%); the linear method is then used and named.

export type { ProgressMethod, ProgressOptions };

/** Progress category (Open SDG's, plus `not-achieved` for a phase over without the target): the `ProgressCategory` schema of @egov-plan/core. */
export type ProgressCategory = ProgressCategoryOutput;

/** Progress status for the phase end (the `ProgressStatus` schema of @egov-plan/core). */
export type ProgressStatus = ProgressStatusOutput;

/** Thresholds on R (observed over required growth), from open-sdg/sdg-build `ProgressMeasure`. */
export const PROGRESS_THRESHOLDS: Readonly<ProgressThresholds> = Object.freeze({ substantial: 0.95, moderate: 0.6, limited: 0 });

/** One point of a series (the `ProgressPoint` schema of @egov-plan/core). */
export type ProgressPoint = ProgressPointOutput;

/** Progress of one target for one org unit or the province; fields documented in the `ProgressResult` schema of @egov-plan/core. */
export type ProgressResult = ProgressResultOutput;

/** The result of {@link progress}: the `ProgressReport` schema of @egov-plan/core. */
export type ProgressReport = ProgressReportOutput;

const YEAR_DAYS = 365.25;
const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

function categorise(r: number): ProgressCategory {
  if (r >= PROGRESS_THRESHOLDS.substantial) return 'substantial';
  if (r >= PROGRESS_THRESHOLDS.moderate) return 'moderate';
  if (r >= PROGRESS_THRESHOLDS.limited) return 'limited';
  return 'deterioration';
}

const STATUS: Record<ProgressCategory, ProgressStatus> = {
  'target-achieved': 'on-track',
  substantial: 'on-track',
  moderate: 'at-risk',
  limited: 'off-track',
  deterioration: 'off-track',
  'not-achieved': 'off-track',
  'not-available': 'not-available',
};

const CATEGORY_TEXT: Record<ProgressCategory, BilingualText> = {
  'target-achieved': { vi: 'đã đạt chỉ tiêu', en: 'target achieved' },
  substantial: { vi: 'tiến bộ tốt, đúng hướng', en: 'substantial progress, on track' },
  moderate: { vi: 'có tiến bộ nhưng cần tăng tốc', en: 'moderate progress, acceleration needed' },
  limited: { vi: 'tiến bộ hạn chế', en: 'limited progress' },
  deterioration: { vi: 'đi xuống', en: 'deterioration' },
  'not-achieved': { vi: 'giai đoạn đã kết thúc mà chưa đạt', en: 'the phase has ended without reaching the target' },
  'not-available': { vi: 'không đủ số liệu để đánh giá', en: 'not enough data to assess' },
};

/** The checks behind {@link ProgressOptions} as `progress` runs them: evaluate's, and `method`. @internal */
export const PROGRESS_OPTIONS_CHECK = EVALUATE_OPTIONS_CHECK.extend({ method: ProgressMethodSchema.optional() });

/**
 * Classifies each target × org unit as on track, at risk or off track for its phase end, from the
 * series of measurements up to `at` (see the module comment for the methods and thresholds).
 * Targets and org units are those {@link evaluate} judges; `not-applicable` ones are left out.
 */
export function progress(input: Plan, measurements: MeasurementSet | Iterable<MeasurementInput>, options?: ProgressOptions): ProgressReport {
  checkOptionsShape(options, PROGRESS_OPTIONS_CHECK);
  const artifacts = planArtifacts(input);
  const plan = artifacts.plan;
  const set = isMeasurementSet(measurements) ? measurements : prepareMeasurements(plan, measurements, { periods: artifacts.periods });
  const { at, phases, method, maxResults } = resolveOptions(artifacts, options, set.observations, PROGRESS_OPTIONS_CHECK);
  // One assessment per headline verdict: not the per-unit results of a whole-province target.
  const jobs = planJobs(artifacts, set.observations, at, phases, maxResults).filter((j) => j.headline && j.status !== 'not-applicable');
  const series = seriesIndex(artifacts, set.observations);
  const results = jobs.map((job) => assess(job, series(job), at, method, artifacts));
  return { plan: plan.id, at, phases: phases.map((p) => p.id), method, thresholds: PROGRESS_THRESHOLDS, results };
}

/** The series of values for a job: the org unit's own, or the province's (own value or summed counts per period). */
function seriesIndex(artifacts: PlanArtifacts, observations: readonly Observation[]): (job: JudgedTarget) => Observation[] {
  const province = artifacts.province;
  const byKey = new Map<string, Observation[]>();
  for (const o of observations) {
    const k = `${o.indicator}\u0000${o.orgUnit}`;
    const list = byKey.get(k);
    if (list) list.push(o);
    else byKey.set(k, [o]);
  }
  return (job) => {
    const own = byKey.get(`${job.indicator}\u0000${job.orgUnit}`) ?? [];
    const target = JudgedTarget.context(job).version.target;
    if (target.scope !== 'whole-province' || job.basis === 'province-value' || job.basis === 'evidence' || own.length) return sortByEnd(own);
    // Summed counts per period, over the org units of the target's level.
    const level = target.level;
    const sums = new Map<string, Observation>();
    for (const o of observations) {
      if (o.indicator !== job.indicator || province.has(o.orgUnit) || o.numerator === undefined || o.denominator === undefined) continue;
      if (level !== null && o.level !== level) continue;
      const s = sums.get(o.period);
      if (s) {
        s.numerator = (s.numerator as number) + o.numerator;
        s.denominator = (s.denominator as number) + o.denominator;
      } else sums.set(o.period, { ...o, orgUnit: job.orgUnit, level: 'province' });
    }
    for (const s of sums.values()) s.value = round6(((s.numerator as number) / (s.denominator as number)) * 100);
    return sortByEnd([...sums.values()]);
  };
}

const sortByEnd = (list: Observation[]) => [...list].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));

function assess(job: JudgedTarget, series: Observation[], at: string, asked: ProgressMethod, artifacts: PlanArtifacts): ProgressResult {
  const ctx = JudgedTarget.context(job);
  const target = ctx.version.target;
  const phase: Phase = ctx.phase;
  const facts = JudgedTarget.facts(job);
  const base: Omit<ProgressResult, 'status' | 'category' | 'explanation'> = {
    indicator: job.indicator,
    target: target.id,
    orgUnit: job.orgUnit,
    phase: phase.id,
    method: asked,
    ratio: null,
    observed: null,
    required: null,
    baseline: null,
    current: null,
    targetValue: target.value,
    deadline: phase.end,
    projected: null,
  };
  const upper = at < phase.end ? at : phase.end;
  const usable = series.filter((o) => o.end <= upper && typeof o.value === 'number' && days(o.end, phase.start) <= YEAR_DAYS);
  const current = usable[usable.length - 1];
  const achieved = facts ? artifacts.predicate(target)(facts) : false;
  const point = (o: Observation): ProgressPoint => ({ period: o.period, end: o.end, value: o.value as number });
  const done = (category: ProgressCategory, extra: Partial<ProgressResult> = {}, note: BilingualText | null = null): ProgressResult => {
    const r = { ...base, ...extra, category, status: STATUS[category] };
    return { ...r, explanation: progressText(r, note) };
  };
  if (achieved) return done('target-achieved', current ? { current: point(current) } : {});
  if (at >= phase.end && facts) return done('not-achieved', current ? { current: point(current) } : {});
  if (typeof target.value !== 'number' || !current) return done('not-available');
  const baseline = usable.find((o) => o.end < current.end);
  if (!baseline) return done('not-available', { current: point(current) });
  const y0 = baseline.value as number;
  const yt = current.value as number;
  const yT = target.value;
  const t = days(baseline.end, current.end) / YEAR_DAYS;
  const T = days(baseline.end, phase.end) / YEAR_DAYS;
  let method = asked;
  let note: BilingualText | null = null;
  if (method === 'cagr' && (y0 <= 0 || yt <= 0 || yT <= 0)) {
    method = 'linear';
    note = { vi: 'Không tính được tăng trưởng kép khi có giá trị bằng 0; dùng phương pháp tuyến tính.', en: 'Compound growth is undefined with a value of 0; the linear method was used.' };
  }
  let observed: number;
  let required: number;
  let projected: number | null = null;
  if (method === 'cagr') {
    observed = (yt / y0) ** (1 / t) - 1;
    required = (yT / y0) ** (1 / T) - 1;
  } else {
    observed = (yt - y0) / t;
    required = (yT - y0) / T;
    projected = round6(yt + observed * (days(current.end, phase.end) / YEAR_DAYS));
  }
  const ratio = required === 0 ? (observed >= 0 ? 1 : -1) : observed / required;
  return done(
    categorise(ratio),
    { method, ratio: round6(ratio), observed: round6(observed), required: round6(required), baseline: point(baseline), current: point(current), projected },
    note,
  );
}

function progressText(r: Omit<ProgressResult, 'explanation'>, note: BilingualText | null): BilingualText {
  const cat = CATEGORY_TEXT[r.category];
  const m = r.method === 'cagr' ? { vi: 'tăng trưởng kép hằng năm (Open SDG)', en: 'compound annual growth (Open SDG)' } : { vi: 'tuyến tính', en: 'linear' };
  if (r.ratio === null || !r.baseline || !r.current) {
    return { vi: `${r.orgUnit}: ${cat.vi}.${note ? ` ${note.vi}` : ''}`, en: `${r.orgUnit}: ${cat.en}.${note ? ` ${note.en}` : ''}` };
  }
  const proj = r.projected === null ? { vi: '', en: '' } : { vi: `; dự kiến ${formatNumber(r.projected, 'vi')} vào ${r.deadline}`, en: `; projected ${formatNumber(r.projected, 'en')} by ${r.deadline}` };
  return {
    vi: `${r.orgUnit}: ${cat.vi} (phương pháp ${m.vi}): từ ${formatNumber(r.baseline.value, 'vi')} (${r.baseline.period}) đến ${formatNumber(r.current.value, 'vi')} (${r.current.period}); tỷ số tăng thực tế/cần thiết R = ${formatNumber(r.ratio, 'vi')}${proj.vi}; mục tiêu ${String(r.targetValue)} trước ${r.deadline}.${note ? ` ${note.vi}` : ''}`,
    en: `${r.orgUnit}: ${cat.en} (${m.en} method): from ${formatNumber(r.baseline.value, 'en')} (${r.baseline.period}) to ${formatNumber(r.current.value, 'en')} (${r.current.period}); observed/required growth R = ${formatNumber(r.ratio, 'en')}${proj.en}; target ${String(r.targetValue)} by ${r.deadline}.${note ? ` ${note.en}` : ''}`,
  };
}

