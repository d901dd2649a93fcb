import { run } from '../src/program.js';

/** What one in-process run of the CLI printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process (the same `run` the binary calls) in `cwd`, at a fixed "now" when one is
 * given, and captures both streams.
 */
export async function runCli(args: readonly string[], options: { cwd?: string; now?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd: options.cwd ?? process.cwd(),
    ...(options.now === undefined ? {} : { now: () => new Date(options.now!) }),
  });
  return { code, stdout, stderr };
}
