// Hostile files within the documented limits, run through the built CLI in a child process with
// the budget of the threat model (docs/security.md) imposed from outside: a V8 heap of 1.5 GiB
// (`--max-old-space-size`) and a wall-clock kill after 60 s. The harness asserts how the process
// ended — a typed error, exit 1, not killed, peak memory (maxRSS, read by a preload in the child)
// within the budget — never how long it took.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlan } from '@egov-plan/test-utils';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const HEAP_MB = 1536;
const KILL_AFTER_MS = 60_000;
const MAX_RSS_BYTES = 1.5 * 1024 ** 3;

const dir = mkdtempSync(join(tmpdir(), 'egov-hostile-'));
// Written by the child at exit: its peak resident set size in bytes.
const preload = `data:text/javascript,${encodeURIComponent("import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.EGOV_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));")}`;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  maxRss: number;
}

/** Runs the built CLI under the budget; `args` name files in the harness directory. */
function underBudget(name: string, args: string[]): Outcome {
  const rssFile = join(dir, `${name}.rss`);
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, `--import=${preload}`, bin, ...args, '--lang', 'en', '--json'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: KILL_AFTER_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, EGOV_PLAN_LANG: '', EGOV_RSS_FILE: rssFile },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, maxRss: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN };
}

function expectTypedFailure(o: Outcome, code: string): void {
  expect(o.signal, 'killed by the harness budget (time or memory)').toBeNull();
  expect(o.code).toBe(1);
  // `validate --json` answers {file, valid, issues}; other commands {ok: false, error: {issues}}.
  const out = JSON.parse(o.stdout) as { issues?: { code: string }[]; error?: { issues: { code: string }[] } };
  expect((out.error?.issues ?? out.issues ?? []).map((i) => i.code)).toContain(code);
  expect(o.maxRss).toBeLessThanOrEqual(MAX_RSS_BYTES);
}

const district = (i: number) => ({ code: String(10_000 + i), name: { vi: `Huyện ${i}`, en: `District ${i}` }, level: 'district', parent: '98', validFrom: null, validTo: null, successors: [], confidence: 'unconfirmed', source: 'h' });

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run the build first`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile files end in a typed error within the budget (child process, 1.5 GiB heap, killed after 60 s)', { timeout: 4 * KILL_AFTER_MS }, () => {
  it('amplification in the rule file: 60 each-unit targets × 20,000 districts (4 MB, every other limit kept)', () => {
    const plan = testPlan() as unknown as { administrativeUnits: unknown[]; indicators: { id: string; targets: Record<string, unknown>[] }[] };
    plan.administrativeUnits.push(...Array.from({ length: 19_990 }, (_, i) => district(i)));
    const rate = plan.indicators[0] as { targets: Record<string, unknown>[] };
    const template = rate.targets.find((t) => t.scope === 'each-unit') as Record<string, unknown>;
    for (let i = 0; i < 59; i++) rate.targets.push({ ...template, id: `online-rate.district-${i}` });
    writeFileSync(join(dir, 'amplified.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'none.csv'), 'indicator,orgUnit,level,period,value\n');
    expectTypedFailure(underBudget('validate', ['validate', '--plan', 'amplified.json']), 'rules.too_many_results');
    expectTypedFailure(underBudget('evaluate-plan', ['evaluate', '--plan', 'amplified.json', '--measurements', 'none.csv']), 'rules.too_many_results');
  });

  it('amplification in the measurements: 25,000 distinct org units × 50 each-agency targets', () => {
    const plan = testPlan() as unknown as { indicators: { id: string; targets: Record<string, unknown>[] }[] };
    const complaints = plan.indicators.find((i) => i.id === 'complaints') as { targets: Record<string, unknown>[] };
    const template = complaints.targets[0] as Record<string, unknown>;
    for (let i = 0; i < 49; i++) complaints.targets.push({ ...template, id: `complaints.max-${i}` });
    writeFileSync(join(dir, 'many-targets.json'), JSON.stringify(plan));
    const rows = Array.from({ length: 25_000 }, (_, i) => `complaints,agency-${i},province,2020Q4,${i % 20}`);
    writeFileSync(join(dir, 'many-units.csv'), ['indicator,orgUnit,level,period,value', ...rows].join('\n'));
    expectTypedFailure(underBudget('evaluate-units', ['evaluate', '--plan', 'many-targets.json', '--measurements', 'many-units.csv']), 'rules.too_many_results');
  });

  it('a measurements file just under the 64 MiB limit, every row a distinct commune (1.25 million org units), against the bundled plan', () => {
    // Each commune is judged against Kon Tum's commune-level target on its own: more results than
    // the default budget, refused before any result is built, within the memory budget.
    const rows: string[] = ['indicator,orgUnit,level,period,value,numerator,denominator'];
    let size = rows[0]!.length + 1;
    for (let i = 0; size < 63 * 1024 * 1024; i++) {
      const row = `online-work-files,xa-${i},commune,2020Q4,${i % 100},${i % 100},100`;
      rows.push(row);
      size += row.length + 1;
    }
    writeFileSync(join(dir, 'communes.csv'), rows.join('\n'));
    rows.length = 0;
    expectTypedFailure(underBudget('evaluate-communes', ['evaluate', '--plan', 'kontum-1102-2019', '--measurements', 'communes.csv']), 'rules.too_many_results');
  });

  it('a flood of syntax errors (320 KB, 160,000 errors) is answered with a capped list and at most 1 MB printed', () => {
    writeFileSync(join(dir, 'flood.json'), `[${'1 '.repeat(160_000)}]`);
    const o = underBudget('flood', ['validate', '--plan', 'flood.json']);
    expectTypedFailure(o, 'json.too_many_issues');
    expect(o.stdout.length + o.stderr.length).toBeLessThanOrEqual(1024 * 1024);
  });
});
