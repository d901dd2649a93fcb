// Start-up time of the built `egov-plan` binary against `node -e 0`, measured in the same run
// with the runs interleaved (so load on the machine hits every command alike); medians of RUNS
// runs each. Goals (issue 7): `--version` ≤ 2.5× and `show <plan>` ≤ 4× the bare node start.
// Build first (`pnpm build`): the binary measured is packages/cli/dist/bin.js.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.EGOV_BENCH_CLI_RUNS ?? 15);
const bin = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));

const COMMANDS = {
  node: ['-e', '0'],
  version: [bin, '--version'],
  help: [bin, '--help'],
  show: [bin, 'show', 'kontum-1102-2019'],
} as const;

function once(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`cli benchmark: node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(bin)) throw new Error(`cli benchmark: ${bin} is missing; run pnpm build first`);
  const names = Object.keys(COMMANDS) as (keyof typeof COMMANDS)[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof COMMANDS, number[]>;
  for (const n of names) once(COMMANDS[n]); // warm the file system cache, not timed
  for (let i = 0; i < RUNS; i++) for (const n of names) times[n].push(once(COMMANDS[n]));
  const ms = Object.fromEntries(names.map((n) => [n, Math.round(median(times[n]))])) as Record<keyof typeof COMMANDS, number>;
  const ratio = (n: keyof typeof COMMANDS) => Math.round((median(times[n]) / median(times.node)) * 100) / 100;
  const figures = {
    runs: RUNS,
    nodeMs: ms.node,
    versionMs: ms.version,
    helpMs: ms.help,
    showMs: ms.show,
    versionRatio: ratio('version'),
    helpRatio: ratio('help'),
    showRatio: ratio('show'),
    goals: { versionRatio: 2.5, showRatio: 4 },
  };
  process.stderr.write(
    `start-up, median of ${RUNS}: node -e 0 ${ms.node} ms; egov-plan --version ${ms.version} ms (${figures.versionRatio}×, goal ≤ 2.5×); --help ${ms.help} ms (${figures.helpRatio}×); show kontum-1102-2019 ${ms.show} ms (${figures.showRatio}×, goal ≤ 4×)\n`,
  );
  return figures;
}
