import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { testPlan } from '@egov-plan/test-utils';
import { fuzzCase, seeds } from './fuzz-gen.js';
import type { FuzzBatch, FuzzReply } from './fuzz-worker.js';

// The seeded fuzz test: 10,000 generated and mutated rule files a run in CI (CI set; 1,000
// locally, so the default suite stays quick on a laptop), evaluated in worker
// threads. The time limit of each batch is enforced from this thread: a worker that does not
// answer in time is terminated and the test fails, naming the seeds. Every file must end as a
// valid plan or a typed EgovPlanError — never another exception, a hang or a global side effect.
// FUZZ_SEED and FUZZ_FILES change the run (the seed is printed on failure).

const SEED = Number(process.env.FUZZ_SEED ?? 20190510);
const FILES = Number(process.env.FUZZ_FILES ?? (process.env.CI ? 10_000 : 1_000));
const WORKERS = 2;
const BATCH = 50;
const BATCH_LIMIT_MS = 15_000;
// The whole run's bound only stops a CI job that would never end; the guard against a hostile
// file is BATCH_LIMIT_MS (a worker that does not answer in time fails the test, naming the seeds).
// 10,000 files take ~95 s on a quiet 2-core machine and ~160 s on a loaded one.
const RUN_LIMIT_MS = Math.max(180_000, FILES * 60);
const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/** A directory with the files that fuzz cases may extend. */
function extendsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'egov-fuzz-'));
  const base = { ...testPlan(), id: 'base-2019' };
  writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
  const empty = { ...base, phases: [], indicators: [], agencies: [], administrativeUnits: [] };
  writeFileSync(join(dir, 'cyc-a.json'), JSON.stringify({ ...empty, id: 'cyc-a', extends: ['cyc-b.json'] }));
  writeFileSync(join(dir, 'cyc-b.json'), JSON.stringify({ ...empty, id: 'cyc-b', extends: ['cyc-a.json'] }));
  writeFileSync(join(dir, 'bad.json'), '{"formatVersion": 1, "id": ');
  return dir;
}

describe('seeded fuzz: hostile and broken rule files', () => {
  it(`${FILES} generated files end as a valid plan or a typed error, within the time limit, without side effects (seed ${SEED})`, async () => {
    const bases = seeds(repo);
    const cwd = extendsDir();
    const batches: FuzzBatch[] = [];
    for (let start = 0; start < FILES; start += BATCH) {
      const files = [];
      for (let i = start; i < Math.min(FILES, start + BATCH); i++) files.push({ seed: SEED + i, text: fuzzCase(SEED + i, bases) });
      batches.push({ id: batches.length, cwd, files });
    }
    const outcomes = { valid: 0, typed: 0 };
    const unexpected: string[] = [];
    const sideEffects = new Set<string>();
    let slowest = { seed: 0, ms: 0 };

    const runWorker = (queue: FuzzBatch[]) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./fuzz-worker.mjs', import.meta.url), { env: { ...process.env, TSX_TSCONFIG_PATH: join(repo, 'tsconfig.json') }, execArgv: [...process.execArgv, '--conditions=@egov-plan/source'] });
        let timer: NodeJS.Timeout | undefined;
        let current: FuzzBatch | undefined;
        const next = () => {
          current = queue.shift();
          if (!current) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const batch = current;
          timer = setTimeout(() => {
            void worker.terminate();
            reject(new Error(`time limit: batch ${batch.id} (seeds ${batch.files[0]?.seed}…${batch.files.at(-1)?.seed}) did not finish in ${BATCH_LIMIT_MS} ms`));
          }, BATCH_LIMIT_MS);
          worker.postMessage(batch);
        };
        worker.on('message', (reply: FuzzReply | 'ready') => {
          if (reply === 'ready') return next();
          clearTimeout(timer);
          for (const r of reply.results) {
            if (r.outcome === 'valid' || r.outcome === 'typed') outcomes[r.outcome]++;
            else unexpected.push(`seed ${r.seed}: ${r.outcome.unexpected}`);
            if (r.ms > slowest.ms) slowest = { seed: r.seed, ms: r.ms };
          }
          for (const s of reply.sideEffects) sideEffects.add(s);
          next();
        });
        worker.on('error', (e) => {
          clearTimeout(timer);
          reject(new Error(`worker crashed on batch ${current?.id}: ${e.message}`));
        });
      });

    const queue = [...batches];
    await Promise.all(Array.from({ length: WORKERS }, () => runWorker(queue)));

    expect(unexpected.slice(0, 5)).toEqual([]);
    expect([...sideEffects]).toEqual([]);
    expect(outcomes.valid + outcomes.typed).toBe(FILES);
    // The generator must exercise both paths, not only produce garbage.
    expect(outcomes.valid).toBeGreaterThan(FILES * 0.05);
    expect(outcomes.typed).toBeGreaterThan(FILES * 0.3);
    console.log(`fuzz seed ${SEED}: ${outcomes.valid} valid, ${outcomes.typed} typed errors; slowest file ${slowest.ms.toFixed(1)} ms (seed ${slowest.seed})`);
  }, RUN_LIMIT_MS);
});
