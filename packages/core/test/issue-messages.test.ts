import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listedMessages } from '../../../scripts/lib/issue-messages.js';
import { ISSUE_REGISTRY, issueFrom, isIssueCode, renderTemplate, templateParameters } from '../src/index.js';

// The issue messages of every package: each is complete in both languages, names the same
// parameters in both, and renders to readable text with any values.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const entries = listedMessages().map((m) => ({ id: `${m.pkg.replace('@egov-plan/', '')}:${m.name}`, t: m.message }));

/** Example values of every kind a parameter takes: text, a number, text in both languages. */
const examples = (names: string[], kind: number) => Object.fromEntries(names.map((n, i) => [n, [`x${i}`, 1234 + i, { vi: `việt${i}`, en: `eng${i}` }][(kind + i) % 3] as string]));

describe('issue messages', () => {
  it('are listed for every migrated module', () => {
    expect(entries.length).toBeGreaterThan(80);
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s: a registered code, both languages, the same parameters, no stray braces', (_, { id, t }) => {
    expect(isIssueCode(t.code), id).toBe(true);
    expect(t.vi.trim().length).toBeGreaterThan(5);
    expect(t.en.trim().length).toBeGreaterThan(5);
    expect(t.vi).not.toBe(t.en);
    expect(new Set(templateParameters(t.vi))).toEqual(new Set(templateParameters(t.en)));
    // Every brace belongs to a {name} parameter (so the types and the renderer agree on them).
    for (const s of [t.vi, t.en]) expect(s.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/gu, '')).not.toMatch(/[{}]/u);
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s renders with example values to readable text in both languages', (_, { id, t }) => {
    const names = templateParameters(t.en);
    for (const kind of [0, 1, 2]) {
      const params = examples(names, kind);
      const made = issueFrom(t, '/p', params as never, { line: 3 });
      expect(made.code).toBe(t.code);
      expect(made).toMatchObject({ pointer: '/p', line: 3 });
      for (const lang of ['vi', 'en'] as const) {
        const text = made.message[lang];
        expect(text).toBe(renderTemplate(t[lang], params, lang));
        expect(text.length).toBeGreaterThan(5);
        expect(text).not.toMatch(/undefined|\[object Object\]|[{}]/u);
        if (!t[lang].includes('NaN')) expect(text).not.toContain('NaN');
        for (const [n, v] of Object.entries(params)) expect(text, n).toContain(typeof v === 'object' ? (v as Record<string, string>)[lang] : String(v));
      }
      // Text in both languages goes into each language's message, never the other's.
      for (const [, v] of Object.entries(params)) if (typeof v === 'object') expect(made.message.vi).not.toContain((v as { en: string }).en);
    }
  });

  it('refuses to render a template with a parameter missing (only a cast gets there)', () => {
    expect(() => renderTemplate('at most {max}', {}, 'en')).toThrow(/\{max\} is missing/u);
  });

  // The modules whose messages all moved into templates: none may word a message where it raises
  // it again, with `issue(code, pointer, vi, en)` or as a `{ vi: '…', en: '…' }` of two written
  // texts (a parameter in both languages). A Vietnamese word for a value that only has an English
  // one (zod's type names, exceljs's errors) is not a pair of texts, and is allowed.
  const TEMPLATED = [
    'packages/cli/src/io.ts',
    'packages/cli/src/program.ts',
    'packages/cli/src/commands/dump.ts',
    'packages/cli/src/commands/ics.ts',
    'packages/cli/src/commands/import.ts',
    'packages/cli/src/commands/serve.ts',
    'packages/cli/src/commands/shared.ts',
    'packages/cli/src/commands/template.ts',
    'packages/core/src/validate.ts',
    'packages/http/src/body.ts',
    'packages/http/src/handler.ts',
    'packages/rules/src/bundled.ts',
    'packages/rules/src/engine/measurements.ts',
    'packages/rules/src/engine/options.ts',
    'packages/rules/src/engine/provenance.ts',
    'packages/rules/src/engine/sources.ts',
    'packages/rules/src/ingest/measurements.ts',
    'packages/rules/src/json-document.ts',
    'packages/rules/src/node.ts',
    'packages/tabular/src/dump.ts',
    'packages/tabular/src/import.ts',
    'packages/tabular/src/xlsx.ts',
    'packages/tabular/src/xlsx-stream.ts',
    'packages/tabular/src/zip.ts',
  ];
  const TEXT = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60)`;
  const INLINE = [/\bissue\(/u, new RegExp(String.raw`\bvi:\s*${TEXT}\s*,\s*en:\s*${TEXT}`, 'u'), new RegExp(String.raw`\ben:\s*${TEXT}\s*,\s*vi:\s*${TEXT}`, 'u')];

  it.each(TEMPLATED)('%s words no message inline (its messages are templates in a messages module)', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toMatch(/\bMSG\.[A-Za-z]+/u);
    for (const re of INLINE) expect(text.match(re)?.[0], String(re)).toBeUndefined();
  });

  it('recognises a message worded inline, in every form the check refuses', () => {
    const found = (s: string) => INLINE.some((re) => re.test(s));
    expect(found("issue('workbook.invalid', '', 'Tệp hỏng.', 'A broken file.')")).toBe(true);
    expect(found("{ type: { vi: '(không có)', en: '(none)' } }")).toBe(true);
    expect(found('{\n  vi: `Trang "${sheet}" bị ẩn.`,\n  en: `Sheet "${sheet}" is hidden.`,\n}')).toBe(true);
    expect(found("{ en: 'a write failed', vi: 'một thao tác thất bại' }")).toBe(true);
    expect(found("issueFrom(MSG.workbookHiddenSheet, '/S', { sheet })")).toBe(false);
    expect(found('({ vi: typeNamesVi[name] ?? name, en: name })')).toBe(false);
  });

  it('gives every registered code a template, except codes some module still words inline with issue(…)', () => {
    const withTemplate = new Set<string>(entries.map((e) => e.t.code));
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
      });
    const inline = new Set<string>();
    for (const pkg of readdirSync(join(root, 'packages'))) {
      for (const file of sources(join(root, 'packages', pkg, 'src'))) {
        if (file.endsWith('messages.ts') || file.endsWith('issue-codes.ts')) continue;
        for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[a-z_]+)'/gu)) inline.add(m[1] as string);
      }
    }
    const missing = Object.keys(ISSUE_REGISTRY).filter((c) => !withTemplate.has(c) && !inline.has(c));
    expect(missing).toEqual([]);
  });
});
