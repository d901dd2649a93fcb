// Browser bundle sizes: what a portal pays for the functions it imports. Each case is a tiny
// entry bundled by esbuild (`--bundle --minify --platform=browser`) twice: from the packages'
// built `dist` through their `exports` (what an application that installed the tarballs with npm
// bundles — run `pnpm build` first), and from their sources (figures `fromSources`, to see what a
// source change does before a build). The figure is the gzip size. Goals, on the dist figure: the
// `validatePlan` bundle of @egov-plan/core ≤ 40 KB gzip; `evaluate` + `upcomingDeadlines` of
// @egov-plan/rules with no bundled plan ≤ 60 KB gzip. A case over its goal fails the benchmark.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { browserBundleOptions, type BundleFrom } from '../lib/browser-bundle.js';

interface BundleCase {
  name: string;
  source: string;
  goalKb?: number;
}

const CASES: BundleCase[] = [
  { name: 'coreValidatePlan', source: `import { validatePlan } from '@egov-plan/core'; globalThis.out = validatePlan;`, goalKb: 40 },
  {
    name: 'rulesEvaluateDeadlines',
    source: `import { evaluate, upcomingDeadlines } from '@egov-plan/rules'; globalThis.out = [evaluate, upcomingDeadlines];`,
    goalKb: 60,
  },
  { name: 'rulesBundledPlan', source: `import { bundledPlan } from '@egov-plan/rules'; globalThis.out = bundledPlan;` },
  { name: 'rulesOnePlan', source: `import { plan } from '@egov-plan/rules/plans/vn-nq17-2019'; globalThis.out = plan;` },
  { name: 'rulesResolvePlan', source: `import { resolvePlan, memorySource } from '@egov-plan/rules'; globalThis.out = [resolvePlan, memorySource];` },
  { name: 'rulesReference', source: `import { evaluateWithReference } from '@egov-plan/rules/reference'; globalThis.out = evaluateWithReference;` },
  { name: 'rulesIcs', source: `import { planToICalendar } from '@egov-plan/rules/ics'; globalThis.out = planToICalendar;` },
];

/** Bundles one entry for the browser; returns minified and gzip sizes in KB (1 KB = 1024 bytes). */
async function measure(source: string, from: BundleFrom): Promise<{ minKb: number; gzipKb: number }> {
  const out = await build({ ...browserBundleOptions(from), stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' }, write: false });
  const bytes = out.outputFiles[0]?.contents ?? new Uint8Array();
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { minKb: kb(bytes.length), gzipKb: kb(gzipSync(bytes, { level: 9 }).length) };
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  const over: string[] = [];
  for (const c of CASES) {
    const m = await measure(c.source, 'dist');
    const fromSources = await measure(c.source, 'sources');
    figures[c.name] = { ...m, ...(c.goalKb === undefined ? {} : { goalGzipKb: c.goalKb }), fromSources };
    process.stderr.write(
      `${c.name.padEnd(24)} dist ${String(m.minKb).padStart(7)} KB min  ${String(m.gzipKb).padStart(6)} KB gzip${c.goalKb ? ` (goal ≤ ${c.goalKb})` : ''}   sources ${String(fromSources.minKb).padStart(7)} KB min  ${String(fromSources.gzipKb).padStart(6)} KB gzip\n`,
    );
    if (c.goalKb !== undefined && m.gzipKb > c.goalKb) over.push(`${c.name}: ${m.gzipKb} KB gzip > ${c.goalKb} KB`);
  }
  if (over.length) {
    process.stderr.write(`bundle goals missed: ${over.join('; ')}\n`);
    process.exitCode = 1;
  }
  return figures;
}
