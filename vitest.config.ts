import { defineConfig } from 'vitest/config';
import { packageProject } from './vitest.shared.js';

// One test project per package (each package's own vitest.config.ts), plus the examples and the
// repository's scripts.
// `npx vitest run --project rules` runs one package; `cd packages/rules && npx vitest run` too.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      { ...packageProject('examples', { include: ['examples/*/test/**/*.test.ts'] }) },
      { ...packageProject('scripts', { include: ['scripts/test/**/*.test.ts'], typecheck: { enabled: false } }) },
    ],
  },
});
