import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, ISSUE_REGISTRY, isIssueCode, issueCodeMeaning } from '../src/index.js';

// A program branches on issue codes, so every code any package can emit must be registered (the
// type system checks literal call sites; this also catches codes built or cast at run time) and
// documented, and the registry must hold no code nobody emits. A message id of a catalog
// (`'workbook.invalid#zip64'`) counts as its code.
const root = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const registryFile = join(root, 'packages/core/src/issue-codes.ts');
const emitted = new Set<string>();
for (const pkg of readdirSync(join(root, 'packages'))) {
  for (const file of sourceFiles(join(root, 'packages', pkg, 'src'))) {
    if (file === registryFile) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/'((?:json|schema|plan|file|rules|measurement|calendar|usage|store|workbook|http)\.[a-z_]+)(?:#[a-z0-9_]+)?'/gu)) emitted.add(m[1] as string);
  }
}
const registered = Object.keys(ISSUE_REGISTRY);

describe('issue registry', () => {
  const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');

  it('finds the codes the packages emit', () => {
    expect(emitted.size).toBeGreaterThan(50);
  });

  it.each([...emitted].sort())('registers and documents %s', (code) => {
    expect(isIssueCode(code)).toBe(true);
    expect(doc).toContain(`| \`${code}\` |`);
  });

  it('holds no code that no package emits', () => {
    expect(registered.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('gives every code a meaning in both languages, and keeps the English-only ISSUE_CODES in step', () => {
    for (const code of registered) {
      const meaning = issueCodeMeaning(code as keyof typeof ISSUE_REGISTRY);
      expect(meaning.vi.length, code).toBeGreaterThan(5);
      expect(meaning.en.length, code).toBeGreaterThan(5);
      expect(meaning.vi, code).not.toBe(meaning.en);
      expect(ISSUE_CODES[code as keyof typeof ISSUE_CODES]).toBe(meaning.en);
    }
  });

  it('recognises only registered codes', () => {
    expect(isIssueCode('schema.unknown_key')).toBe(true);
    expect(isIssueCode('schema.unknwon_key')).toBe(false);
    expect(isIssueCode('toString')).toBe(false);
    expect(isIssueCode(42)).toBe(false);
  });
});
