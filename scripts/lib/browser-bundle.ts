// The esbuild options of a portal's browser bundle (`--bundle --minify --platform=browser`), with
// `@egov-plan/*` package names resolved either to the packages' sources (a measurement or a test
// that never depends on a stale build) or to their built `dist`, through the packages' `exports`
// exactly as an application that installed the tarballs resolves them (what npm users get). Used
// by `pnpm bench` (key `bundle`) and the browser test.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where `@egov-plan/*` imports are taken from: the packages' sources, or the published build. */
export type BundleFrom = 'sources' | 'dist';

const PACKAGE = /^@egov-plan\/([a-z-]+)(?:\/(.+))?$/u;

/** Source file of a package entry: `@egov-plan/rules/node` → `packages/rules/src/node.ts`. */
function sourceOf(specifier: string): string | undefined {
  const m = PACKAGE.exec(specifier);
  if (!m) return undefined;
  const [, pkg, sub] = m;
  return `${root}packages/${pkg}/src/${sub ?? 'index'}.ts`;
}

const workspaceSources: Plugin = {
  name: 'egov-plan-sources',
  setup(b) {
    b.onResolve({ filter: /^@egov-plan\// }, (args) => {
      const path = sourceOf(args.path);
      return path ? { path } : undefined;
    });
  },
};

/**
 * Resolves `@egov-plan/<pkg>[/<entry>]` from inside the package (a self-reference), so that the
 * package's `exports` map chooses the file — `dist/…` under the browser bundler's conditions —
 * from wherever the entry is bundled. Fails when the package has not been built.
 */
const workspaceDist: Plugin = {
  name: 'egov-plan-dist',
  setup(b) {
    b.onResolve({ filter: /^@egov-plan\// }, async (args) => {
      if ((args.pluginData as { dist?: boolean } | undefined)?.dist) return undefined;
      const pkg = PACKAGE.exec(args.path)?.[1];
      if (!pkg) return undefined;
      const dir = `${root}packages/${pkg}`;
      if (!existsSync(`${dir}/dist`)) return { errors: [{ text: `${args.path}: packages/${pkg}/dist does not exist — run \`pnpm build\` first` }] };
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: dir, importer: args.importer, pluginData: { dist: true } });
      return r.errors.length ? { errors: r.errors } : { path: r.path, sideEffects: r.sideEffects };
    });
  },
};

/** esbuild options for a minified browser bundle of the workspace packages, from their sources (the default) or their `dist`. */
export function browserBundleOptions(from: BundleFrom = 'sources'): BuildOptions {
  return { bundle: true, minify: true, platform: 'browser', format: 'esm', target: 'es2022', plugins: [from === 'dist' ? workspaceDist : workspaceSources], logLevel: 'silent', metafile: true };
}
