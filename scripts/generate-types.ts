// Generates the TypeScript interfaces of @egov-plan/core from its zod schemas (the single source
// of truth): packages/core/src/types.generated.ts. Each schema `X` whose type the core declares as
// `z.infer<typeof X>` gets a named, documented interface or alias `X`; a field whose schema is
// another named schema refers to it by name, so the API docs link entities instead of inlining
// them, and every field carries its `.describe()` text. A type test
// (packages/core/test/generated-types.test-d.ts, also generated) proves each generated type is
// exactly `z.output<typeof X>`. `--check` fails when a committed file differs.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import * as z from 'zod';
import * as core from '../packages/core/src/index.js';
import { finishGenerated, generated } from './lib/generated-file.js';
import './lib/described.js';

const srcDir = fileURLToPath(new URL('../packages/core/src/', import.meta.url));
const files = readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ path: `${srcDir}${f}`, text: readFileSync(`${srcDir}${f}`, 'utf8') }));

// A type to generate is written, the first time, as `export type X = z.infer<typeof X>;` (or
// `z.input` for what a caller writes) after its schema; the generator turns it into a marked
// region it owns from then on.
const FIRST = /^(?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export type (\w+) = z\.(infer|input|output)<typeof \1>;$/gmu;
const REGION = /^\/\/ #region generated type (\w+) \((output|input)\)\n[\s\S]*?^\/\/ #endregion$/gmu;

const typedNames = new Set(files.flatMap((f) => [...f.text.matchAll(FIRST), ...f.text.matchAll(REGION)].map((m) => m[1]!)));
/** Every generated type, and whether it is the schema's output or input type. */
const typedIo = new Map<string, Io>(
  files.flatMap((f) => [
    ...[...f.text.matchAll(FIRST)].map((m): [string, Io] => [m[1]!, m[2] === 'input' ? 'input' : 'output']),
    ...[...f.text.matchAll(REGION)].map((m): [string, Io] => [m[1]!, m[2] as Io]),
  ]),
);
const schemas = new Map<string, z.ZodType>();
for (const [name, value] of Object.entries(core)) {
  if (value instanceof z.ZodType && /^[A-Z]/u.test(name)) schemas.set(name, value);
}

type Json = Record<string, unknown>;
type Io = 'input' | 'output';

const byIo = new Map<Io, { defs: Record<string, Json>; shared: Record<string, Json> }>();
function jsonSchemas(io: Io): { defs: Record<string, Json>; shared: Record<string, Json> } {
  const cached = byIo.get(io);
  if (cached) return cached;
  const registry = z.registry<{ id: string }>();
  // A schema exported under two names (a deprecated alias) is registered under its typed name.
  const typedFirst = [...schemas].sort(([a], [b]) => Number(!typedNames.has(a)) - Number(!typedNames.has(b)));
  for (const [name, schema] of typedFirst) if (!registry.has(schema)) registry.add(schema, { id: name });
  const out = z.toJSONSchema(registry, { io, target: 'draft-2020-12', unrepresentable: 'any', uri: (id) => `#/$defs/${id}` }) as { schemas: Record<string, Json> };
  const fix = (v: unknown): Json => JSON.parse(JSON.stringify(v).replaceAll('#/$defs/__shared#/$defs/', '#/$defs/')) as Json;
  const result = { defs: {} as Record<string, Json>, shared: {} as Record<string, Json> };
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, $defs, ...rest } = fix(schema);
    if (id === '__shared') result.shared = ($defs ?? {}) as Record<string, Json>;
    else result.defs[id] = rest;
  }
  byIo.set(io, result);
  return result;
}

const TYPE_KEYWORDS = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'not', 'properties', 'items', 'prefixItems', 'additionalProperties', 'tsType'];

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const SCHEMAS = new Set(['items', 'additionalProperties', 'not', 'propertyNames', 'contains', 'if', 'then', 'else']);

/** Replaces references to named schemas by the type's name, keeping the use site's description. */
function refsToNames(node: unknown, where: string, used: Set<string>): unknown {
  if (node === true || node === false || node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const obj = node as Json;
  const described = typeof obj.description === 'string' ? { description: obj.description } : {};
  if (typeof obj.$ref === 'string') {
    const name = obj.$ref.replace('#/$defs/', '');
    if (!schemas.has(name)) throw new Error(`${where}: a schema used in several places has no exported name (${name}); export it from @egov-plan/core`);
    used.add(name);
    return { tsType: name, ...described };
  }
  if (obj.not !== undefined && Object.keys(obj.not as Json).length === 0) return { tsType: 'never', ...described };
  // `z.unknown()` is a schema that says nothing about its value (only a description, maybe).
  if (!TYPE_KEYWORDS.some((k) => k in obj)) return { tsType: 'unknown', ...described };
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    // Array bounds are checked by the schema; the type stays an array (as zod's own type does).
    if (k === 'minItems' || k === 'maxItems') continue;
    if (SCHEMA_MAPS.has(k)) out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, refsToNames(s, where, used)]));
    else if (SCHEMA_LISTS.has(k)) out[k] = (v as unknown[]).map((s) => refsToNames(s, where, used));
    else if (SCHEMAS.has(k)) out[k] = refsToNames(v, where, used);
    else out[k] = v;
  }
  return out;
}

/** The doc comment written above `export const X` in the source, if any. */
function constComment(source: string, name: string): string | undefined {
  return new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*?\\*/)\\nexport const ${name}\\b`, 'u').exec(source)?.[1];
}

/** The source text of `export const X = …` (up to the next declaration), or `''`. */
function constText(source: string, name: string): string {
  const start = source.search(new RegExp(`^export const ${name}\\b`, 'mu'));
  if (start < 0) return '';
  const rest = source.slice(start + 1);
  const end = rest.search(/^(?:export |\/\/ #region)/mu);
  return end < 0 ? rest : rest.slice(0, end);
}

type Properties = Record<string, Json>;
const objectProperties = (def: Json | undefined): Properties | undefined =>
  def && def.type === 'object' && def.properties && typeof def.properties === 'object' ? (def.properties as Properties) : undefined;

/**
 * The generated type a schema builds on, if any: a typed schema its definition names (`RuleFile`
 * is `Plan.extend(…)`; `ItemOrigin` takes `ProvenanceOrigin.shape.file`, …) whose fields it mostly
 * shares, identical in schema and optionality. Such a type is written as `Base & { … }` (or
 * `Omit<Base, …> & { … }` when it changes a few of the base's fields) instead of repeating them:
 * the docs then link the base, and a shared field is documented once.
 */
function baseOf(name: string, io: Io, source: string): { base: string; shared: Set<string>; omitted: string[] } | undefined {
  const defs = jsonSchemas(io).defs;
  const def = defs[name];
  const own = objectProperties(def);
  if (!own) return undefined;
  const text = constText(source, name);
  const required = new Set((def!.required as string[] | undefined) ?? []);
  let best: { base: string; shared: Set<string>; omitted: string[] } | undefined;
  for (const base of typedIo.keys()) {
    if (base === name || typedIo.get(base) !== io || !new RegExp(`\\b${base}\\.(?:extend|shape)\\b`, 'u').test(text)) continue;
    const theirs = objectProperties(defs[base]);
    if (!theirs) continue;
    const baseRequired = new Set((defs[base]!.required as string[] | undefined) ?? []);
    const keys = Object.keys(theirs);
    const shared = keys.filter((k) => k in own && JSON.stringify(own[k]) === JSON.stringify(theirs[k]) && required.has(k) === baseRequired.has(k));
    const omitted = keys.filter((k) => !shared.includes(k));
    // Worth it only when most of the base is kept: a long Omit list reads worse than the fields.
    if (shared.length < 3 || omitted.length * 4 > keys.length) continue;
    if (!best || shared.length > best.shared.size) best = { base, shared: new Set(shared), omitted };
  }
  return best;
}

async function declaration(name: string, io: Io, source: string, used: Set<string>): Promise<string> {
  const full = jsonSchemas(io).defs[name];
  if (!full) throw new Error(`${name}: no schema of that name is exported by @egov-plan/core`);
  const built = baseOf(name, io, source);
  let def = full;
  if (built) {
    const properties = Object.fromEntries(Object.entries(objectProperties(full)!).filter(([k]) => !built.shared.has(k)));
    def = { ...full, properties, required: ((full.required as string[] | undefined) ?? []).filter((k) => k in properties) };
    used.add(built.base);
  }
  const schema = { ...(refsToNames(def, name, used) as Json), title: name };
  const text = await compile(schema as JSONSchema, name, {
    bannerComment: '',
    additionalProperties: false,
    strictIndexSignatures: true,
    ignoreMinAndMaxItems: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  // The type carries the schema's own doc comment (with its links) when the source has one.
  const comment = constComment(source, name);
  // An object type alias rather than an interface, as `z.infer` gave: assignable to
  // `Record<string, unknown>` like before, and still one named, linked type in the docs.
  const bare = text
    .trim()
    .replace(/^\/\*\*(?:(?!\*\/)[\s\S])*?\*\/\n/u, '')
    .replace(/^export interface (\w+) \{$([\s\S]*)^\}$/mu, 'export type $1 = {$2};');
  const withBase = built ? basedOn(bare, built.base, built.omitted) : bare;
  return comment ? `${comment}\n${withBase}` : withBase;
}

/** `export type X = { … };` written as built on `base`, without the fields it shares with it. */
function basedOn(declarationText: string, base: string, omitted: string[]): string {
  const head = omitted.length ? `Omit<${base}, ${omitted.map((k) => `'${k}'`).join(' | ')}>` : base;
  return declarationText.replace(/^(export type \w+ = )\{\s*\};$|^(export type \w+ = )\{/mu, (_m, empty?: string, open?: string) =>
    empty !== undefined ? `${empty}${head};` : `${open}${head} & {`,
  );
}

const IMPORTS = /^\/\/ Named by the generated types below \(scripts\/generate-types\.ts\)\.\nimport type \{[^}]*\} from '\.\/index\.js';\n/mu;

/** The names a module imports (values and types). */
function importedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^import (?:type )?\{([^}]*)\} from/gmu)) {
    for (const part of m[1]!.split(',')) {
      const local = part.trim().replace(/^type /u, '').split(/\s+as\s+/u).at(-1);
      if (local) names.add(local);
    }
  }
  return names;
}

const generatedTypes: Array<[string, Io]> = [];
for (const file of files) {
  const wanted: Array<[string, Io]> = [];
  const marked = file.text
    .replace(FIRST, (_m, name: string, kind: string) => `// #region generated type ${name} (${kind === 'input' ? 'input' : 'output'})\n// #endregion`)
    .replace(REGION, (m, name: string, io: Io) => {
      wanted.push([name, io]);
      return m;
    });
  if (!wanted.length) continue;
  let text = marked.replace(IMPORTS, '');
  const used = new Set<string>();
  for (const [name, io] of wanted) {
    const body = await declaration(name, io, file.text, used);
    const region = new RegExp(`^// #region generated type ${name} \\((output|input)\\)\\n[\\s\\S]*?^// #endregion$`, 'mu');
    text = text.replace(region, `// #region generated type ${name} (${io})\n// (written by scripts/generate-types.ts from the schema above: change the schema, then \`pnpm generate\`)\n${body}\n// #endregion`);
    generatedTypes.push([name, io]);
  }
  // Types a generated declaration names but the file neither declares nor imports.
  const missing = [...used].filter((n) => !new RegExp(`^export (?:const|type|interface) ${n}\\b`, 'mu').test(text) && !importedNames(text).has(n)).sort();
  if (missing.length) {
    const at = text.search(/^(?!import\b)(?!\s*$)/mu);
    const lastImport = [...text.matchAll(/^import [^;]*;\n/gmu)].at(-1);
    const pos = lastImport ? lastImport.index + lastImport[0].length : at;
    text = `${text.slice(0, pos)}// Named by the generated types below (scripts/generate-types.ts).\nimport type { ${missing.join(', ')} } from './index.js';\n${text.slice(pos)}`;
  }
  generated(file.path, text);
}

const checks = generatedTypes
  .map(([n, io]) => `  it('${n} is exactly the ${io} type of its schema', () => {\n    expectTypeOf<core.${n}>().branded.toEqualTypeOf<z.${io}<typeof core.${n}>>();\n  });\n`)
  .join('');
generated(
  fileURLToPath(new URL('../packages/core/test/generated-types.test-d.ts', import.meta.url)),
  `// Generated by scripts/generate-types.ts: each generated type is exactly its schema's type (compared\n// deeply with \`.branded\`: a type built on another, \`Base & { … }\`, is an intersection).\nimport { describe, expectTypeOf, it } from 'vitest';\nimport type * as z from 'zod';\nimport type * as core from '@egov-plan/core';\n\ndescribe('generated types', () => {\n${checks}});\n`,
);
finishGenerated();
