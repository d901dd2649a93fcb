// Period and deadlines for 1,000,000 instants: the library's index (fixed +07:00 arithmetic,
// results cached per local day) against converting every instant through the time-zone
// database of Intl (the library's reference path, localDayNumberReference) and then asking the
// library by local date. Both results are compared in the same
// run; any difference fails the benchmark.
import type { Deadline } from '../../packages/core/src/index.js';
import { bundledPlan, createDeadlineIndex, deadlinesFor, periodOfDate, planCalendar } from '../../packages/rules/src/index.js';
// Internals (not exported from the package root): imported from their modules.
import { dateOfDayNumber, localDayNumberReference } from '../../packages/rules/src/calendar/time.js';

const N = 1_000_000;
const FROM = Date.UTC(2019, 0, 1);
const TO = Date.UTC(2031, 0, 1);

function instants(): Float64Array {
  // xorshift32: the same instants on every run.
  let s = 0x9e3779b9;
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = FROM + Math.floor(((s >>> 0) / 2 ** 32) * (TO - FROM));
  }
  return out;
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Record<string, unknown>> {
  const plan = bundledPlan('kontum-1102-2019');
  if (!plan) throw new Error('bundled plan kontum-1102-2019 is missing');
  const calendar = planCalendar(plan).calendar ?? undefined;
  const xs = instants();
  const libPeriods: string[] = new Array(N);
  const libDeadlines: (readonly Deadline[])[] = new Array(N);
  const refPeriods: string[] = new Array(N);
  const refDeadlines: (readonly Deadline[])[] = new Array(N);

  // Warm-up of both paths (JIT), not timed.
  const warm = createDeadlineIndex(plan);
  for (let i = 0; i < 20_000; i++) warm.at(xs[i] as number);
  for (let i = 0; i < 2_000; i++) localDayNumberReference(xs[i] as number);

  const index = createDeadlineIndex(plan);
  let t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const r = index.at(xs[i] as number);
    libPeriods[i] = (r.period as { id: string }).id;
    libDeadlines[i] = r.deadlines;
  }
  const libraryMs = performance.now() - t0;

  t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const date = dateOfDayNumber(localDayNumberReference(xs[i] as number, 'Asia/Ho_Chi_Minh'));
    const period = periodOfDate(date, 'quarter', calendar);
    refPeriods[i] = period.id;
    refDeadlines[i] = deadlinesFor(plan, period.id);
  }
  const dateFnsTzMs = performance.now() - t0;

  let differences = 0;
  for (let i = 0; i < N; i++) {
    const a = libDeadlines[i] as readonly Deadline[];
    const b = refDeadlines[i] as readonly Deadline[];
    const same = libPeriods[i] === refPeriods[i] && a.length === b.length && a.every((d, j) => d.due === b[j]?.due && d.window.start === b[j]?.window.start && d.window.end === b[j]?.window.end && d.obligation === b[j]?.obligation);
    if (!same) {
      if (differences < 5) process.stderr.write(`DIFFERENT at ${new Date(xs[i] as number).toISOString()}: ${libPeriods[i]} vs ${refPeriods[i]}\n`);
      differences++;
    }
  }
  if (differences > 0) throw new Error(`calendar benchmark: ${differences} of ${N} results differ between the library and its reference path`);

  const ratio = Math.round((dateFnsTzMs / libraryMs) * 10) / 10;
  process.stderr.write(
    `period + deadlines for ${N.toLocaleString('en')} instants (2019–2030): library ${libraryMs.toFixed(0)} ms, reference path per instant ${dateFnsTzMs.toFixed(0)} ms, ratio ${ratio}× (goal ≥ 20×); results identical\n`,
  );
  return { ratio, libraryMs: Math.round(libraryMs), dateFnsTzMs: Math.round(dateFnsTzMs), instants: N, identical: true };
}
