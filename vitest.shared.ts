import { defineProject, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The export condition every workspace package lists first ("@egov-plan/source":
 * "./src/index.ts"): tests, type-checking (tsconfig `customConditions`) and the repository's
 * scripts (`tsx --conditions=@egov-plan/source`) read each package's sources through it, so no
 * run depends on a stale build and no alias list is kept in step with the packages.
 */
export const SOURCE_CONDITION = '@egov-plan/source';

/** Vite's default conditions (client, server) with the source condition first. */
const resolveOptions = {
  resolve: { conditions: [SOURCE_CONDITION, 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'node', 'development|production'] } },
};

/** The configuration of one package's test project (run from the package's directory). */
export function packageProject(name: string, test: TestProjectInlineConfiguration['test'] = {}) {
  return defineProject({
    ...resolveOptions,
    test: {
      name,
      include: ['test/**/*.test.ts'],
      testTimeout: 60_000,
      // Type tests (`*.test-d.ts`) of the public types, checked by tsc with the repository's tsconfig.
      typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: '../../tsconfig.json' },
      ...test,
    },
  });
}
