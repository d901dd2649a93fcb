import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests read each package's sources directly, so a test run never depends on a stale build.
export default defineConfig({
  resolve: {
    alias: {
      '@egov-plan/core': src('core'),
      '@egov-plan/rules': src('rules'),
      '@egov-plan/cli': src('cli'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
