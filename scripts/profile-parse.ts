// Load-independent (or less load-dependent) figures for the CSV reading of `pnpm bench rules`
// (`parseMeasurementsCsv` on the national quarter's 336,546 rows, scripts/bench/rules.ts), for
// comparing two commits on a loaded machine where the benchmark's wall-clock times are noise:
//
// - bytes: heap bytes one parse allocates and keeps (GC forced before each run; run with a young
//   generation large enough that nothing is collected during a run, or the figure is meaningless);
// - cpu: process CPU milliseconds of one parse (user + system, so the GC's helper threads too)
//   and of one evaluate() on the parsed set, medians of 7 and 9 runs after a warm-up.
//
//   node --expose-gc --max-semi-space-size=1024 --import tsx --conditions=@egov-plan/source scripts/profile-parse.ts bytes
//   node --import tsx --conditions=@egov-plan/source scripts/profile-parse.ts cpu
//
// Run the same script in two worktrees (e.g. `git worktree add --detach /tmp/old <commit>`, with its
// own `pnpm install --frozen-lockfile`), interleaved, in the same minutes.
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { compilePlan, evaluate, parseMeasurementsCsv, type MeasurementSet } from '../packages/rules/src/index.js';
import { nationalQuarter } from './bench/rules.js';

const mode = process.argv[2] ?? 'cpu';
const { plan, csv, at } = nationalQuarter();
let set: MeasurementSet = parseMeasurementsCsv(plan, csv);
parseMeasurementsCsv(plan, csv);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

if (mode === 'bytes') {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (and --max-semi-space-size=1024)');
  let scavenges = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
  });
  obs.observe({ entryTypes: ['gc'] });
  const bytes: number[] = [];
  for (let i = 0; i < 5; i++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    set = parseMeasurementsCsv(plan, csv);
    bytes.push(process.memoryUsage().heapUsed - before);
  }
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  // Forced collections are major ones: any scavenge counted fell inside a run, and spoils its figure.
  process.stdout.write(`${JSON.stringify({ rows: set.rows, allocatedBytes: median(bytes), bytesPerRow: Math.round(median(bytes) / set.rows), scavengesDuringRuns: scavenges, runs: bytes })}\n`);
} else {
  const parse: number[] = [];
  for (let i = 0; i < 7; i++) {
    const c = cpuMs();
    set = parseMeasurementsCsv(plan, csv);
    parse.push(cpuMs() - c);
  }
  const compiled = compilePlan(plan);
  for (let i = 0; i < 3; i++) evaluate(compiled, set, { at });
  const ev: number[] = [];
  for (let i = 0; i < 9; i++) {
    const c = cpuMs();
    evaluate(compiled, set, { at });
    ev.push(cpuMs() - c);
  }
  const round = (x: number) => Math.round(x);
  process.stdout.write(`${JSON.stringify({ rows: set.rows, parseCpuMs: round(median(parse)), rowsPerCpuSecond: Math.round(set.rows / (median(parse) / 1000)), evaluateCpuMs: round(median(ev)), parseRuns: parse.map(round), evaluateRuns: ev.map(round) })}\n`);
}
