import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/** The one build configuration every package shares: ESM + CJS + declarations. */
export function packageConfig(entry: Record<string, string> = { index: 'src/index.ts' }, extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    tsconfig: 'tsconfig.json',
    ...extra,
  });
}

/**
 * Keeps every import of another source file (`./x.js`) as an import of that file's own output
 * (`./x.js` in ESM, `./x.cjs` in CommonJS); only JSON data is inlined into the file that imports it.
 */
const oneOutputPerFile: Plugin = {
  name: 'one-output-per-file',
  setup(build) {
    const ext = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point' || args.path.endsWith('.json') || args.importer.includes('node_modules')) return undefined;
      return { path: args.path.replace(/\.js$/u, ext), external: true };
    });
  },
};

/**
 * The build of a package that browsers bundle (core, rules): one output file per source file, as
 * the sources are laid out, so that a portal's bundler drops whole unused modules (the packages set
 * `sideEffects: false`) exactly as it does from the sources. One bundled file per entry — or chunks
 * shared between entries — would merge modules, and a bundler keeps every top-level statement of a
 * kept module that it cannot prove pure (each `z.object(…)`, each rule-engine operator table), with
 * the dependencies they import. Dependencies stay imports (tsup's default). The declarations are
 * still built per public entry (`entry`).
 */
export function browserPackageConfig(entry: Record<string, string> = { index: 'src/index.ts' }, extra: Options = {}) {
  return packageConfig(entry, {
    entry: ['src/**/*.ts', '!src/**/*.d.ts'],
    dts: { entry },
    splitting: false,
    esbuildPlugins: [oneOutputPerFile],
    ...extra,
  });
}
