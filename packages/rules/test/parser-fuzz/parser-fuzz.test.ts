import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { prng } from '../rules/fuzz-gen.js';
import { corpusSeeds, type CorpusFile } from './corpus-gen.js';
import type { ParserCase, ParserReply } from './worker.js';

// The parser fuzz test: every file of the committed seed corpus (test/fixtures/parser-corpus),
// and seeded mutations of each, through the JSON and CSV parsers and on into evaluation, in a worker
// thread. The hang check is made from this thread: a batch that does not answer within its limit
// terminates the worker and fails the test, naming the batch. Every case must end as a value or
// typed issues. FUZZ_SEED and PARSER_FUZZ_MUTATIONS change the run.

const SEED = Number(process.env.FUZZ_SEED ?? 20191102);
const MUTATIONS = Number(process.env.PARSER_FUZZ_MUTATIONS ?? (process.env.CI ? 100 : 20));
const BATCH = 100;
const BATCH_LIMIT_MS = 20_000;
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const corpusDir = fileURLToPath(new URL('../fixtures/parser-corpus/', import.meta.url));

const TOKENS = ['"', '\\', '\n', '\r', '/*', '*/', '//', '[', ']', '{', '}', ',', ':', '""', '\u0000', '\uFEFF', '\u200B', '\uD800', '1e999', '-', '__proto__', '"value":', ';', '\t', '\u202E'];

/** A seeded mutation of `text`: flipped characters, inserted tokens, cut, doubled or repeated spans. */
function mutate(text: string, seed: number): string {
  const r = prng(seed);
  let t = text;
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * (t.length + 1));
    const op = Math.floor(r() * 5);
    if (op === 0) t = t.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x3000)) + t.slice(at + 1);
    else if (op === 1) t = t.slice(0, at) + (TOKENS[Math.floor(r() * TOKENS.length)] as string) + t.slice(at);
    else if (op === 2) t = t.slice(0, at);
    else if (op === 3) t = t.slice(0, at) + t.slice(Math.floor(r() * t.length));
    else t = t.slice(0, at) + t.slice(at, at + 8).repeat(1 + Math.floor(r() * 50)) + t.slice(at);
  }
  return t;
}

function committedCorpus(): CorpusFile[] {
  return readdirSync(corpusDir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
}

describe('parser fuzz: the seed corpus and its mutations', () => {
  it('the committed corpus is exactly what corpus-gen.ts writes (rewrite it with write-corpus.ts)', () => {
    const generated = corpusSeeds().sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(committedCorpus().map((f) => f.name)).toEqual(generated.map((f) => f.name));
    for (const [i, f] of committedCorpus().entries()) expect(f.text, f.name).toBe(generated[i]?.text);
  });

  it(`every corpus file and ${MUTATIONS} mutations of each end as a value or typed issues, each batch within its limit (seed ${SEED})`, async () => {
    const cases: ParserCase[] = [];
    for (const f of committedCorpus()) {
      cases.push({ name: f.name, seed: 0, text: f.text });
      for (let m = 1; m <= MUTATIONS; m++) {
        const seed = SEED + cases.length;
        cases.push({ name: f.name, seed, text: mutate(f.text, seed) });
      }
    }
    const batches: { id: number; cases: ParserCase[] }[] = [];
    for (let i = 0; i < cases.length; i += BATCH) batches.push({ id: batches.length, cases: cases.slice(i, i + BATCH) });
    const unexpected: string[] = [];
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), { env: { ...process.env, TSX_TSCONFIG_PATH: join(repo, 'tsconfig.json') }, execArgv: [...process.execArgv, '--conditions=@egov-plan/source'] });
      let timer: NodeJS.Timeout | undefined;
      const next = () => {
        const batch = batches.shift();
        if (!batch) return void worker.terminate().then(() => resolve());
        timer = setTimeout(() => {
          void worker.terminate();
          reject(new Error(`hang: batch ${batch.id} (${batch.cases[0]?.name} seed ${batch.cases[0]?.seed} …) did not answer in ${BATCH_LIMIT_MS} ms`));
        }, BATCH_LIMIT_MS);
        worker.postMessage(batch);
      };
      worker.on('message', (reply: ParserReply | 'ready') => {
        if (reply === 'ready') return next();
        clearTimeout(timer);
        unexpected.push(...reply.unexpected);
        done += reply.cases;
        next();
      });
      worker.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    expect(unexpected).toEqual([]);
    expect(done).toBe(cases.length);
  }, 600_000);
});
