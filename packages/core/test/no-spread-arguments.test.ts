import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A lint over the sources of every package: no spread of an array into call arguments
// (`issues.push(...more)`, `Math.max(...values)`, `new Set(...)` aside). Each spread element
// becomes one argument on the stack, so an array of a few hundred thousand items — a large
// result, a flood of issues — throws "Maximum call stack size exceeded". A spread of something
// bounded is allowed with a `spread-ok: <why>` comment on its line.

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full)); // spread-ok: a directory listing
    else if (/\.(?:ts|tsx|mts)$/u.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every call or `new` with a spread argument in `text`, as `file:line: code`. */
export function spreadArguments(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      if (!lines[line]?.includes('spread-ok:')) found.push(`${file}:${line + 1}: ${lines[line]?.trim()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no spread of arrays into call arguments', () => {
  it('the check finds push(...x), Math.max(...x) and new X(...x), and respects spread-ok', () => {
    const sample = ['a.push(...b);', 'const m = Math.max(0, ...values);', 'new Foo(...args);', 'f(...xs); // spread-ok: three items', 'const c = [...a, ...b];', 'const o = { ...p };', 'function g(...rest: number[]) { return rest; }'].join('\n');
    expect(spreadArguments('sample.ts', sample)).toEqual(['sample.ts:1: a.push(...b);', 'sample.ts:2: const m = Math.max(0, ...values);', 'sample.ts:3: new Foo(...args);']);
  });

  it('no package source spreads into call arguments', () => {
    const packages = join(root, 'packages');
    const found: string[] = [];
    for (const pkg of readdirSync(packages)) {
      const src = join(packages, pkg, 'src');
      if (!statSync(join(packages, pkg)).isDirectory()) continue;
      try {
        statSync(src);
      } catch {
        continue;
      }
      for (const file of sourceFiles(src)) for (const f of spreadArguments(relative(root, file), readFileSync(file, 'utf8'))) found.push(f);
    }
    expect(found).toEqual([]);
  });
});
