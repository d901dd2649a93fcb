// The esbuild options of a portal's browser bundle (`--bundle --minify --platform=browser`),
// with `@egov-plan/*` package names mapped to the packages' sources so that a measurement or a
// test never depends on a stale build. Used by `pnpm bench` (key `bundle`) and the browser test.
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Source file of a package entry: `@egov-plan/rules/node` → `packages/rules/src/node.ts`. */
function sourceOf(specifier: string): string | undefined {
  const m = /^@egov-plan\/([a-z-]+)(?:\/(.+))?$/u.exec(specifier);
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

/** esbuild options for a minified browser bundle of the workspace packages. */
export function browserBundleOptions(): BuildOptions {
  return { bundle: true, minify: true, platform: 'browser', format: 'esm', target: 'es2022', plugins: [workspaceSources], logLevel: 'silent', metafile: true };
}
