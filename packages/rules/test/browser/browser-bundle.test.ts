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

  it('the Node entry cannot be bundled for the browser (it says so at build time, not at run time)', async () => {
    await expect(build({ ...browserBundleOptions(), stdin: { contents: `import { loadPlan } from '@egov-plan/rules/node'; globalThis.x = loadPlan;`, resolveDir: process.cwd(), loader: 'js' }, write: false })).rejects.toThrow(/node:fs/u);
  });
});
