import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;

/**
 * Writes a generated file, or with `--check` only compares it with what is committed and counts
 * it as stale when it differs. Call {@link finishGenerated} at the end.
 */
export function generated(path: string, text: string): void {
  const name = relative(root, path);
  if (!check) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    process.stdout.write(`wrote ${name}\n`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (current !== text) {
    process.stderr.write(`stale: ${name} (run: pnpm generate)\n`);
    stale++;
  }
}

/** Exits 1 when `--check` found a stale file. */
export function finishGenerated(): void {
  if (stale) process.exit(1);
}
