import { parentPort } from 'node:worker_threads';
import { isEgovPlanError, type Issue, type Plan } from '@egov-plan/core';
import { testPlan } from '@egov-plan/test-utils';
import { evaluate, parseJsonDocument, parseMeasurementsCsv, parseMeasurementsJson } from '../../src/index.js';
import { validatePlanText, validatePlanValue } from '../../src/node.js';

// Runs parser fuzz cases in a worker thread: each text goes through the parser its name says
// (rule file JSON, measurement CSV, measurement JSON) and, when it parses, on through evaluation.
// Any outcome but a value or typed issues (EgovPlanError) is reported as unexpected.

/** One case: a corpus file, mutated by `seed`. */
export interface ParserCase {
  name: string;
  seed: number;
  text: string;
}
/** What the worker answers for a batch. */
export interface ParserReply {
  id: number;
  unexpected: string[];
  cases: number;
}

const CODE = /^[a-z]+\.[a-z_]+$/u;
const wellFormed = (i: Issue) => CODE.test(i.code) && typeof i.pointer === 'string' && i.message?.vi?.length > 0 && i.message?.en?.length > 0;

const resolved = validatePlanValue(testPlan());
if (!resolved.ok) throw new Error('test plan invalid');
const plan: Plan = resolved.value;

function run(c: ParserCase): string | null {
  const issues: Issue[] = [];
  try {
    if (c.name.endsWith('.json')) {
      const doc = parseJsonDocument(c.text);
      if (!doc.ok) issues.push(...doc.issues);
      const r = validatePlanText(c.text, { file: c.name });
      issues.push(...r.issues);
      if (r.ok) evaluate(r.value, [], { at: '2020-12-31' });
    } else {
      const set = c.name.endsWith('.csv') ? parseMeasurementsCsv(plan, c.text) : parseMeasurementsJson(plan, c.text);
      issues.push(...set.issues);
      const ev = evaluate(plan, set, { at: '2020-12-31' });
      for (const r of ev.results) void r.explanation;
    }
  } catch (e) {
    if (!isEgovPlanError(e)) return `${c.name} seed ${c.seed}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    issues.push(...e.issues);
  }
  const bad = issues.find((i) => !wellFormed(i));
  return bad ? `${c.name} seed ${c.seed}: malformed issue ${JSON.stringify(bad).slice(0, 200)}` : null;
}

parentPort?.on('message', (batch: { id: number; cases: ParserCase[] }) => {
  const unexpected: string[] = [];
  for (const c of batch.cases) {
    const u = run(c);
    if (u) unexpected.push(u);
  }
  parentPort?.postMessage({ id: batch.id, unexpected, cases: batch.cases.length } satisfies ParserReply);
});
