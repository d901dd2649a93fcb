import { parentPort } from 'node:worker_threads';
import { isEgovPlanError, type Issue, type Plan } from '@egov-plan/core';
import { compilePlan, evaluate, parseMeasurementsCsv, progress } from '../../src/index.js';
import { evaluateWithReference } from '../../src/reference.js';
import { validatePlanText } from '../../src/node.js';
import { prng } from './fuzz-gen.js';

// Runs fuzz cases in a worker thread. For each file: validate; when valid, evaluate it against
// measurements made for it, with explanations and progress, and sometimes check json-rules-engine
// agrees. Anything other than a valid plan or an EgovPlanError is reported as unexpected. After
// each batch, any new key on Object.prototype or globalThis is reported as a side effect.

export interface FuzzFile {
  seed: number;
  text: string;
}
export interface FuzzBatch {
  id: number;
  cwd: string;
  files: FuzzFile[];
}
export type FuzzOutcome = 'valid' | 'typed' | { unexpected: string };
export interface FuzzReply {
  id: number;
  results: { seed: number; outcome: FuzzOutcome; ms: number }[];
  sideEffects: string[];
}

const protoBefore = Object.getOwnPropertyNames(Object.prototype);
const globalBefore = new Set(Object.getOwnPropertyNames(globalThis));

const CODE = /^[a-z]+\.[a-z_]+$/u;
const wellFormed = (i: Issue) => CODE.test(i.code) && typeof i.pointer === 'string' && typeof i.message?.vi === 'string' && i.message.vi.length > 0 && typeof i.message?.en === 'string' && i.message.en.length > 0;

function measurementsFor(plan: Plan, seed: number): string {
  const r = prng(seed ^ 0x5eed);
  const units = [plan.issuer.unit ?? 'tinh', ...plan.administrativeUnits.map((u) => u.code).slice(0, 3), 'so-a', 'so-b'];
  const rows = ['indicator,orgUnit,level,period,value,numerator,denominator'];
  for (const ind of plan.indicators.slice(0, 12)) {
    for (const u of units) {
      for (const period of ['2019', '2020Q2', '2020Q4', '2022Q4', '2023Q1']) {
        if (r() < 0.5) continue;
        const level = u === 'so-a' || u === 'so-b' ? 'province' : '';
        const value = ind.unit === 'boolean' ? (r() < 0.5 ? 'có' : '2020-05-01') : String(Math.round(r() * 100));
        const den = ind.unit === 'percent' && r() < 0.5 ? 100 : '';
        rows.push(`${ind.id},${u},${level},${period},${value},${den === '' ? '' : Math.round(r() * 100)},${den}`);
      }
    }
  }
  return rows.join('\n');
}

async function runOne(f: FuzzFile, cwd: string): Promise<FuzzOutcome> {
  try {
    const r = validatePlanText(f.text, { file: 'fuzz.json', cwd });
    if (!r.ok) return r.issues.length > 0 && r.issues.every(wellFormed) ? 'typed' : { unexpected: `malformed issues: ${JSON.stringify(r.issues).slice(0, 300)}` };
    // Compiled once, as a caller evaluating one plan many times does (a plain plan is validated per call).
    const plan = compilePlan(r.value);
    const set = parseMeasurementsCsv(plan, measurementsFor(plan, f.seed));
    if (!set.issues.every(wellFormed)) return { unexpected: 'malformed measurement issues' };
    for (const at of [undefined, '2020-12-14', '2023-03-14']) {
      const ev = evaluate(plan, set, at ? { at } : {});
      JSON.stringify(ev);
      if (f.seed % 25 === 0) {
        const ref = await evaluateWithReference(plan, set, at ? { at } : {});
        const a = ev.results.map((x) => `${x.target}|${x.orgUnit}|${x.status}`).join();
        const b = ref.results.map((x) => `${x.target}|${x.orgUnit}|${x.status}`).join();
        if (a !== b) return { unexpected: 'json-rules-engine and the compiled evaluator disagree' };
      }
    }
    JSON.stringify(progress(plan, set, { method: f.seed % 2 ? 'cagr' : 'linear' }));
    return 'valid';
  } catch (e) {
    if (isEgovPlanError(e) && e.issues.every(wellFormed)) return 'typed';
    return { unexpected: e instanceof Error ? (e.stack ?? e.message).slice(0, 600) : String(e) };
  }
}

parentPort?.on('message', async (batch: FuzzBatch) => {
  const results: FuzzReply['results'] = [];
  for (const f of batch.files) {
    const started = performance.now();
    const outcome = await runOne(f, batch.cwd);
    results.push({ seed: f.seed, outcome, ms: performance.now() - started });
  }
  const sideEffects = [
    ...Object.getOwnPropertyNames(Object.prototype)
      .filter((k) => !protoBefore.includes(k))
      .map((k) => `Object.prototype.${k}`),
    ...Object.getOwnPropertyNames(globalThis)
      .filter((k) => !globalBefore.has(k))
      .map((k) => `globalThis.${k}`),
  ];
  parentPort?.postMessage({ id: batch.id, results, sideEffects } satisfies FuzzReply);
});
