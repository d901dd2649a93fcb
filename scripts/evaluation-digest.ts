// Byte-identity check of the public evaluation path, for changes that must not change its output
// (performance work): the stable JSON of `evaluate()` (results with their explanations, summary,
// issues), of `progress()` and of the rows `parseMeasurementsCsv` reads, on the national quarter of
// `pnpm bench rules` and on the bundled plans' test data, each reduced to a SHA-256 digest.
//
//   tsx --conditions=@egov-plan/source scripts/evaluation-digest.ts            print the digests
//   tsx --conditions=@egov-plan/source scripts/evaluation-digest.ts --write    record them
//   tsx --conditions=@egov-plan/source scripts/evaluation-digest.ts --check    compare (exit 1 on a difference)
//
// scripts/evaluation-digests.json holds the digests of the output as it was before the change
// being checked (the commit is named in it); a change that means to alter the output records
// them again with --write, saying so in its commit. `--dump <dir>` also writes each JSON text, to
// diff when a digest differs.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { kontumMeasurements } from '../packages/test-utils/src/index.js';
import type { Plan } from '../packages/core/src/index.js';
import { bundledPlan, compilePlan, evaluate, parseMeasurementsCsv, progress } from '../packages/rules/src/index.js';
import { evaluateWithReference } from '../packages/rules/src/reference.js';
import { loadPlanSync } from '../packages/rules/src/node.js';
import { nationalQuarter } from './bench/rules.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const recorded = join(root, 'scripts/evaluation-digests.json');
const args = process.argv.slice(2);
const dumpAt = args.includes('--dump') ? (args[args.indexOf('--dump') + 1] as string) : null;

const digests: Record<string, { sha256: string; bytes: number }> = {};
function record(name: string, value: unknown): void {
  const text = JSON.stringify(value);
  digests[name] = { sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
  if (dumpAt !== null) {
    mkdirSync(dumpAt, { recursive: true });
    writeFileSync(join(dumpAt, `${name.replace(/[^a-z0-9.-]+/giu, '_')}.json`), text);
  }
}

const kontum = bundledPlan('kontum-1102-2019');
const nq17 = bundledPlan('vn-nq17-2019');

// The national quarter (336,546 rows): the rows read, then evaluate() on a compiled plan, as the
// benchmark times it, and on the plain plan.
const quarter = nationalQuarter();
const set = parseMeasurementsCsv(quarter.plan, quarter.csv);
record('quarter.parse', set);
record('quarter.evaluate.compiled', evaluate(compilePlan(quarter.plan), set, { at: quarter.at }));
record('quarter.evaluate.plain', evaluate(quarter.plan, set, { at: quarter.at }));
record('quarter.progress', progress(compilePlan(quarter.plan), set, { at: quarter.at }));
record('quarter.evaluate.nq17', evaluate(compilePlan(nq17), parseMeasurementsCsv(nq17, quarter.csv), { at: quarter.at }));
// A semicolon file with decimal commas and quotes: the same quarter as a Vietnamese spreadsheet writes it.
const semicolon = quarter.csv.split('\n').slice(0, 20_000).map((line, i) => (i % 7 === 3 ? line.replace(/^([^,]*),/u, '"$1",') : line).replace(/,/gu, ';').replace(/(\d)\.(\d)/gu, '$1,$2')).join('\r\n');
record('quarter.parse.semicolon', parseMeasurementsCsv(quarter.plan, semicolon));

// The bundled plans' test data (rows from code) at dates in each phase and after the plan.
for (const at of ['2019-12-31', '2020-12-14', '2021-06-30', '2025-12-31']) {
  for (const [id, plan] of [['kontum', kontum], ['nq17', nq17]] as const) {
    record(`${id}.rows.${at}`, evaluate(plan, kontumMeasurements(), { at }));
    record(`${id}.rows.${at}.compiled`, evaluate(compilePlan(plan), kontumMeasurements(), { at }));
  }
}
for (const method of ['cagr', 'linear'] as const) record(`kontum.rows.progress.${method}`, progress(kontum, kontumMeasurements(), { at: '2020-12-14', method }));
record('kontum.rows.reference', await evaluateWithReference(kontum, kontumMeasurements(), { at: '2020-12-14' }));

// The measurement files of the examples and of the parser corpus, with the plan each is for.
const examples: [string, Plan][] = [
  // Read by a path relative to the root, as provenance names it: the digest must not depend on where the checkout is.
  ['examples/custom-province/measurements.csv', loadPlanSync('examples/custom-province/tinh-mau.json', { cwd: root })],
  ['examples/report/measurements.csv', kontum],
  ['examples/measurement-store/q4.csv', kontum],
  ['examples/measurement-store/q4-corrected.csv', kontum],
];
const corpus = join(root, 'packages/rules/test/fixtures/parser-corpus');
for (const f of readdirSync(corpus).filter((f) => f.startsWith('measurements-') && f.endsWith('.csv')).sort()) examples.push([join('packages/rules/test/fixtures/parser-corpus', f), kontum]);
for (const [file, plan] of examples) {
  const text = readFileSync(join(root, file), 'utf8');
  let value: unknown;
  try {
    const parsed = parseMeasurementsCsv(plan, text, { file });
    value = { parsed, evaluation: evaluate(compilePlan(plan), parsed, { at: '2020-12-14' }) };
  } catch (e) {
    value = { error: (e as { issues?: unknown }).issues ?? String(e) };
  }
  record(file, value);
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
if (args.includes('--write')) {
  writeFileSync(recorded, `${JSON.stringify({ commit, digests }, null, 2)}\n`);
  process.stdout.write(`wrote ${Object.keys(digests).length} digests of ${commit} to scripts/evaluation-digests.json\n`);
} else if (args.includes('--check')) {
  const before = JSON.parse(readFileSync(recorded, 'utf8')) as { commit: string; digests: typeof digests };
  const names = new Set([...Object.keys(before.digests), ...Object.keys(digests)]);
  const differ = [...names].filter((n) => before.digests[n]?.sha256 !== digests[n]?.sha256);
  for (const n of differ) process.stdout.write(`differs: ${n} (${before.digests[n]?.bytes ?? '-'} bytes at ${before.commit}, ${digests[n]?.bytes ?? '-'} now)\n`);
  process.stdout.write(`${names.size - differ.length} of ${names.size} outputs byte-identical to ${before.commit}\n`);
  if (differ.length > 0) process.exitCode = 1;
} else process.stdout.write(`${JSON.stringify({ commit, digests }, null, 2)}\n`);
