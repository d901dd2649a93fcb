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
