import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { browserBundleOptions } from '../../../../scripts/lib/browser-bundle.js';

// The published build as a portal's bundler sees it: `@egov-plan/core` and `@egov-plan/rules`
// resolved through the packages' `exports` to their `dist` (what npm users install), bundled for the
// browser. The dist must shake as the sources do: evaluate + upcomingDeadlines, and validatePlan,
// carry none of the heavy dependencies, the bundled plans or zod's locales.
//
// `pnpm test` builds first (CI runs it so). Locally, without a build, the test says so and skips;
// under CI a missing dist fails.

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const missing = ['core', 'rules'].filter((pkg) => !existsSync(`${root}packages/${pkg}/dist/index.js`));
const inCi = Boolean(process.env.CI);
if (missing.length && !inCi) console.warn(`dist-bundle.test.ts SKIPPED: packages/{${missing.join(',')}}/dist missing — run \`pnpm build\` first`);

/** The modules with bytes in the bundle of `contents` (the metafile also lists modules read, then shaken off). */
async function bundledInputs(contents: string, from: 'dist' | 'sources' = 'dist') {
  const out = await build({ ...browserBundleOptions(from), stdin: { contents, resolveDir: root, loader: 'js' }, write: false });
  const inputs = Object.values(out.metafile?.outputs ?? {}).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path));
  return { inputs, text: out.outputFiles[0]?.text ?? '' };
}

const forbidden = [
  /\/json-rules-engine\//u,
  /\/jsonpath-plus\//u,
  /\/papaparse\//u,
  /\/eventemitter2\//u,
  /\/jsonc-parser\//u,
  /\/ics\//u,
  // zod's locales, but for the English one zod itself installs as its default (the sources' bundle has it too).
  /\/zod\/.*\/locales\/(?!en\.js$)/u,
  // The bundled plan data (inlined JSON in dist/plans/*.js) and the module handing it out.
  /packages\/rules\/dist\/plans\//u,
  /packages\/rules\/dist\/bundled\.js$/u,
];

/**
 * The dist shakes as well as the sources: its bundle's gzip size is within 1% of the bundle made
 * from the sources (a dist that kept whole modules, as one file per package did, was 40% larger).
 */
async function expectSizeOfSources(contents: string, distText: string) {
  const { text: sourcesText } = await bundledInputs(contents, 'sources');
  const dist = gzipSync(distText, { level: 9 }).length;
  const sources = gzipSync(sourcesText, { level: 9 }).length;
  expect(dist, `dist ${dist} B gzip vs sources ${sources} B`).toBeLessThanOrEqual(Math.ceil(sources * 1.01));
}

function expectLean(inputs: string[], text: string) {
  // Sanity: the bundle was made from the dist, not the sources.
  expect(inputs.some((p) => p.includes('packages/core/dist/'))).toBe(true);
  expect(inputs.filter((p) => /packages\/[a-z-]+\/src\//u.test(p))).toEqual([]);
  for (const pattern of forbidden) expect(inputs.filter((p) => pattern.test(p)), String(pattern)).toEqual([]);
  // The id of Kon Tum's first appendix task: no bundled plan's text made it in by another path.
  expect(text.includes('"appendix-i-1"')).toBe(false);
}

describe.skipIf(missing.length > 0 && !inCi)('the built dist in a browser bundle (through the packages\' exports)', () => {
  it('the dist exists (CI builds before testing)', () => {
    expect(missing, 'packages without dist/index.js — run `pnpm build`').toEqual([]);
  });

  it('evaluate + upcomingDeadlines carry no rules engine, JSONPath, CSV, event emitter, JSONC, iCalendar, bundled plan or zod locale (bar zod\'s default English), and are no larger than from the sources', async () => {
    const entry = `import { evaluate, upcomingDeadlines } from '@egov-plan/rules'; globalThis.x = [evaluate, upcomingDeadlines];`;
    const { inputs, text } = await bundledInputs(entry);
    expect(inputs.some((p) => p.includes('packages/rules/dist/'))).toBe(true);
    expectLean(inputs, text);
    await expectSizeOfSources(entry, text);
  });

  it('core validatePlan carries none of them either, and is no larger than from the sources', async () => {
    const entry = `import { validatePlan } from '@egov-plan/core'; globalThis.x = validatePlan;`;
    const { inputs, text } = await bundledInputs(entry);
    expect(inputs.some((p) => /\/zod\//u.test(p))).toBe(true);
    expectLean(inputs, text);
    await expectSizeOfSources(entry, text);
  });
});
