import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '@egov-plan/core';
import { evaluate, upcomingDeadlines } from '@egov-plan/rules';
import { browserBundleOptions } from '../../../../scripts/lib/browser-bundle.js';

// The root entries as a portal ships them: bundled by esbuild for the browser (a Node built-in
// anywhere in the graph fails the build), then run where no Node global exists (a fresh V8
// context: the ECMAScript globals plus the web platform's structuredClone, which every browser,
// worker and edge runtime has — no process, Buffer, require).

const entry = `
import { validatePlan } from '@egov-plan/core';
import { evaluate, upcomingDeadlines } from '@egov-plan/rules';
globalThis.check = (planText, deadlinePlanText, rows, at) => {
  const v = validatePlan(JSON.parse(planText));
  if (!v.ok) return JSON.stringify({ issues: v.issues });
  const d = validatePlan(JSON.parse(deadlinePlanText));
  if (!d.ok) return JSON.stringify({ issues: d.issues });
  const evaluation = evaluate(v.value, JSON.parse(rows), { at });
  return JSON.stringify({ results: evaluation.results, upcoming: upcomingDeadlines(d.value, at) });
};
`;

const data = (id: string) => readFileSync(new URL(`../../data/${id}.json`, import.meta.url), 'utf8');
// The national baseline as a province (code 97) would use it: the province is its issuer.
const national = JSON.parse(data('vn-nq17-2019')) as { issuer: Record<string, unknown> };
const asProvince = JSON.stringify({ ...national, issuer: { ...national.issuer, unit: '97' } });
const rows = [{ indicator: 'e-identification', orgUnit: '97', level: 'province' as const, period: '2022Q4', value: 45 }];
const at = '2022-12-14';

describe('the root entries in a browser bundle', () => {
  it('bundle for the browser and run without Node globals: validatePlan, evaluate, upcomingDeadlines', async () => {
    const out = await build({ ...browserBundleOptions(), format: 'iife', stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' }, write: false });
    const code = out.outputFiles[0]?.text ?? '';
    const context: Record<string, unknown> = { structuredClone };
    runInNewContext(code, context);
    for (const name of ['process', 'Buffer', 'require', 'global', 'setImmediate']) expect(runInNewContext(`typeof ${name}`, context)).toBe('undefined');
    const check = context.check as (a: string, b: string, r: string, at: string) => string;
    const got = JSON.parse(check(asProvince, data('kontum-1102-2019'), JSON.stringify(rows), at)) as { results: { target: string; orgUnit: string; status: string; value: unknown }[]; upcoming: { obligation: string; due: string | null }[] };
    expect(got.results.find((r) => r.target === 'e-identification.2021-2025')).toMatchObject({ status: 'met', value: 45 });
    expect(got.upcoming.length).toBeGreaterThan(0);
    // The same answers as in Node.
    const nq17 = validatePlan(JSON.parse(asProvince));
    const kontum = validatePlan(JSON.parse(data('kontum-1102-2019')));
    if (!nq17.ok || !kontum.ok) throw new Error('bundled plans must validate');
    expect(got.results).toEqual(JSON.parse(JSON.stringify(evaluate(nq17.value, rows, { at }).results)));
    expect(got.upcoming).toEqual(JSON.parse(JSON.stringify(upcomingDeadlines(kontum.value, at))));
  });

  it('a bundle that never asks for a bundled plan carries none of them (nor the registry texts); one that does still checks provenance claims against them', async () => {
    const bundle = async (contents: string) =>
      (await build({ ...browserBundleOptions(), format: 'iife', stdin: { contents, resolveDir: process.cwd(), loader: 'js' }, write: false })).outputFiles[0]?.text ?? '';
    // A Kon Tum plan claiming that its first target was defined in the national plan, which is false.
    const claim = `(text) => { const p = JSON.parse(text); p.origins = [{ target: p.indicators[0].targets[0].id, file: 'vn-nq17-2019', pointer: '/indicators/0/targets/0' }]; try { compilePlan(p); return 'compiled'; } catch (e) { return e.issues[0].code; } }`;
    const withoutPlans = await bundle(`import { compilePlan, evaluate, upcomingDeadlines } from '@egov-plan/rules'; globalThis.x = [evaluate, upcomingDeadlines]; globalThis.check = ${claim};`);
    // The id of Kon Tum's first appendix task (ASCII: esbuild escapes other characters), and a registry meaning no message uses.
    const kontumTask = '"appendix-i-1"';
    for (const text of [kontumTask, 'counts the syntax errors past the first 200']) expect(withoutPlans.includes(text), text).toBe(false);
    const withPlans = await bundle(`import { bundledPlan, compilePlan } from '@egov-plan/rules'; globalThis.x = bundledPlan; globalThis.check = ${claim};`);
    expect(withPlans.includes(kontumTask)).toBe(true);
    const run = (code: string) => {
      const context: Record<string, unknown> = { structuredClone };
      runInNewContext(code, context);
      return (context.check as (text: string) => string)(data('kontum-1102-2019'));
    };
    // With the bundled plans at hand the false claim is refused; without them it cannot be checked and stays a claim.
    expect(run(withPlans)).toBe('rules.unverified_provenance');
    expect(run(withoutPlans)).toBe('compiled');
  });

  it('evaluate + upcomingDeadlines pull in no rules engine, JSONPath, iCalendar or time-zone library, no bundled plan or provenance check, and not the Decree calendar\'s texts', async () => {
    const out = await build({ ...browserBundleOptions(), stdin: { contents: `import { evaluate, upcomingDeadlines } from '@egov-plan/rules'; globalThis.x = [evaluate, upcomingDeadlines];`, resolveDir: process.cwd(), loader: 'js' }, write: false });
    // The modules with bytes in the output (the metafile's inputs also list modules read, then shaken off).
    const inputs = Object.values(out.metafile?.outputs ?? {}).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path));
    // Sanity: the list names the modules bundled (the calendar arithmetic is among them).
    expect(inputs.some((p) => p.endsWith('packages/rules/src/calendar/deadlines.ts'))).toBe(true);
    // The provenance check of compilePlan comes with the bundled plans it checks claims against.
    const heavy = [/node_modules\/.*\/json-rules-engine\//u, /node_modules\/.*\/jsonpath-plus\//u, /node_modules\/.*\/ics\//u, /node_modules\/.*\/date-fns(-tz)?\//u, /packages\/rules\/src\/plans\//u, /packages\/rules\/data\/(?!holidays-vn)/u, /packages\/rules\/src\/bundled\.ts$/u, /packages\/rules\/src\/engine\/provenance\.ts$/u];
    for (const pattern of heavy) expect(inputs.filter((p) => pattern.test(p)), String(pattern)).toEqual([]);
    // And the bundled plans with that check carry no schema, hence no zod.
    const plans = await build({ ...browserBundleOptions(), stdin: { contents: `import { bundledPlan } from '@egov-plan/rules'; globalThis.x = bundledPlan;`, resolveDir: process.cwd(), loader: 'js' }, write: false });
    const planInputs = Object.values(plans.metafile?.outputs ?? {}).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path));
    expect(planInputs.some((p) => p.endsWith('packages/rules/src/engine/provenance.ts'))).toBe(true);
    expect(planInputs.filter((p) => /node_modules\/.*\/zod\/|packages\/core\/src\/plan\.ts$/u.test(p))).toEqual([]);
    // The Decree's quotes (data file calendar-decree-09-2019.json) stay where the calendar itself is handed out.
    expect(out.outputFiles[0]?.text.includes('monthly reports cover the 15th of the previous month')).toBe(false);
  });

  it('the Node entry cannot be bundled for the browser (it says so at build time, not at run time)', async () => {
    await expect(build({ ...browserBundleOptions(), stdin: { contents: `import { loadPlan } from '@egov-plan/rules/node'; globalThis.x = loadPlan;`, resolveDir: process.cwd(), loader: 'js' }, write: false })).rejects.toThrow(/node:fs/u);
  });
});
