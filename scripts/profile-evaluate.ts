// Load-independent figures for `evaluate()` on the national quarter of `pnpm bench rules`
// (scripts/bench/rules.ts), for performance work where wall-clock times are too noisy:
//
// - allocatedBytes: heap bytes one evaluate allocates (GC forced before each run; run with a young
//   generation large enough that nothing is collected during a run, or the figure is meaningless);
// - scavenges: the collections of the young generation during 20 back-to-back runs, as the
//   benchmark runs them (default young generation), and the time they took.
//
//   node --expose-gc --max-semi-space-size=512 --import tsx --conditions=@egov-plan/source scripts/profile-evaluate.ts bytes
//   node --import tsx --conditions=@egov-plan/source scripts/profile-evaluate.ts scavenges
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { compilePlan, evaluate, parseMeasurementsCsv } from '../packages/rules/src/index.js';
import { nationalQuarter } from './bench/rules.js';

const mode = process.argv[2] ?? 'bytes';
const { plan, csv, at } = nationalQuarter();
const set = parseMeasurementsCsv(plan, csv);
const compiled = compilePlan(plan);
// Warm-up as the benchmark's (which times the 3rd to 9th run).
for (let i = 0; i < 2; i++) evaluate(compiled, set, { at });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const round = (x: number) => Math.round(x * 10) / 10;

if (mode === 'bytes') {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (and --max-semi-space-size=512)');
  const bytes: number[] = [];
  let results = 0;
  for (let i = 0; i < 15; i++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    results = evaluate(compiled, set, { at }).results.length;
    bytes.push(process.memoryUsage().heapUsed - before);
  }
  process.stdout.write(`${JSON.stringify({ results, allocatedBytes: median(bytes), minBytes: Math.min(...bytes), bytesPerResult: Math.round(median(bytes) / results), runs: bytes })}\n`);
} else {
  let scavenges = 0;
  let scavengeMs = 0;
  let others = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        scavenges++;
        scavengeMs += e.duration;
      } else others++;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  const runs = 20;
  const ms: number[] = [];
  let last: unknown = null;
  for (let i = 0; i < runs; i++) {
    last = null;
    const t = performance.now();
    last = evaluate(compiled, set, { at });
    ms.push(performance.now() - t);
  }
  void last;
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  process.stdout.write(`${JSON.stringify({ runs, scavenges, scavengesPerRun: scavenges / runs, scavengeMsPerRun: round(scavengeMs / runs), otherCollections: others, medianMs: round(median(ms)) })}\n`);
}
