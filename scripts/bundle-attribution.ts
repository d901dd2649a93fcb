// What a browser bundle carries, and what each part costs: bundles one case of `pnpm bench bundle`
// as the bench does (`browserBundleOptions()`), then for each source file, or each top-level
// statement with `--statements`, prints the gzip bytes (level 9) lost when that part's output bytes
// are taken out of the bundle, and its minified bytes. The parts do not add up exactly to the
// total (gzip shares repeats between parts). A measuring tool, not a check.
//
//   npx tsx --conditions=@egov-plan/source scripts/bundle-attribution.ts [evaluate|core] [--statements] [--only REGEX]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import ts from 'typescript';
import { browserBundleOptions } from './lib/browser-bundle.js';

const ENTRIES: Record<string, string> = {
  evaluate: `import { evaluate, upcomingDeadlines } from '@egov-plan/rules'; globalThis.out = [evaluate, upcomingDeadlines];`,
  core: `import { validatePlan } from '@egov-plan/core'; globalThis.out = validatePlan;`,
};

const args = process.argv.slice(2);
const entry = ENTRIES[args.find((a) => a in ENTRIES) ?? 'evaluate'] as string;
const byStatement = args.includes('--statements');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new RegExp(args[onlyAt + 1] ?? '') : undefined;

const out = await build({ ...browserBundleOptions(), stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, write: false, sourcemap: 'external', outfile: 'attribution.js' });
const js = out.outputFiles.find((f) => f.path.endsWith('.js'));
const mapFile = out.outputFiles.find((f) => f.path.endsWith('.map'));
if (!js || !mapFile) throw new Error('esbuild wrote no bundle or no source map');
const map = JSON.parse(mapFile.text) as { sources: string[]; mappings: string };
const text = js.text;
const gzip = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;
const total = gzip(text);

/** Short name of a source: `rules/src/engine/evaluate.ts`, `zod/v4/core/schemas.js`. */
const short = (source: string) => source.replace(/.*node_modules\/(?!\.pnpm)/u, '').replace(/.*packages\//u, '');
const sourcePath = (source: string) => fileURLToPath(new URL(source, `file://${mapFile.path}`));

/** First lines (0-based) and names of a source's top-level statements. */
const statements = new Map<number, { lines: number[]; names: string[] }>();
function statementsOf(s: number): { lines: number[]; names: string[] } {
  let known = statements.get(s);
  if (known) return known;
  known = { lines: [], names: [] };
  const source = map.sources[s] ?? '';
  if (/\.[cm]?[jt]s$/u.test(source)) {
    const file = ts.createSourceFile(source, readFileSync(sourcePath(source), 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of file.statements) {
      known.lines.push(file.getLineAndCharacterOfPosition(st.getStart()).line);
      const named = st as { name?: { getText(): string }; declarationList?: ts.VariableDeclarationList };
      known.names.push(named.name?.getText() ?? named.declarationList?.declarations[0]?.name.getText() ?? ts.SyntaxKind[st.kind]);
    }
  }
  statements.set(s, known);
  return known;
}

// Each output character's part, from the source map's segments (VLQ: column, source, line, column).
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const owner = new Int32Array(text.length).fill(-1);
const parts: string[] = [];
const partIndex = new Map<string, number>();
const lines = text.split('\n');
let source = 0;
let line = 0;
let offset = 0;
map.mappings.split(';').forEach((group, l) => {
  let column = 0;
  const starts: [number, number][] = [];
  for (const segment of group.split(',')) {
    if (!segment) continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >> 1) : value >> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0] ?? 0;
    if (values.length < 4) continue;
    source += values[1] ?? 0;
    line += values[2] ?? 0;
    let name = short(map.sources[source] ?? '?');
    if (byStatement) {
      const { lines: first, names } = statementsOf(source);
      let i = first.length - 1;
      while (i > 0 && (first[i] as number) > line) i--;
      name += `:${names[i] ?? '?'}`;
    }
    let k = partIndex.get(name);
    if (k === undefined) {
      k = parts.length;
      parts.push(name);
      partIndex.set(name, k);
    }
    starts.push([column, k]);
  }
  const length = (lines[l] ?? '').length;
  starts.forEach(([c, k], i) => owner.fill(k, offset + c, offset + (starts[i + 1]?.[0] ?? length)));
  offset += length + 1;
});

console.log(`total ${text.length} B minified, ${total} B gzip`);
const rows: [string, number, number][] = [];
parts.forEach((name, k) => {
  if (only && !only.test(name)) return;
  let kept = '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (owner[i] === k) bytes++;
    else kept += text[i];
  }
  if (byStatement && bytes < 100) return;
  rows.push([name, bytes, total - gzip(kept)]);
});
for (const [name, bytes, lost] of rows.sort((a, b) => b[2] - a[2])) console.log(`${String(lost).padStart(6)} ${String(bytes).padStart(7)}  ${name}`);
