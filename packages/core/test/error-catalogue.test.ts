import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../src/index.js';

// A program branches on issue codes, so every code any package can emit must be documented.
const root = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const emitted = new Set<string>();
for (const pkg of readdirSync(join(root, 'packages'))) {
  for (const file of sourceFiles(join(root, 'packages', pkg, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'((?:json|schema|plan|file|rules|measurement|calendar|usage)\.[a-z_]+)'/gu)) emitted.add(m[1] as string);
  }
}

describe('error catalogue', () => {
  const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');

  it('finds the codes the packages emit', () => {
    expect(emitted.size).toBeGreaterThan(Object.keys(ISSUE_CODES).length);
  });

  it.each([...emitted].sort())('docs/errors.md documents %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });
});
