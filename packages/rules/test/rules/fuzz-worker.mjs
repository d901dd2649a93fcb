// Worker bootstrap: load the TypeScript worker through tsx (a root devDependency), with the
// repository's tsconfig paths, so the fuzz test runs the sources, never a stale build.
import { tsImport } from 'tsx/esm/api';

await tsImport('./fuzz-worker.ts', import.meta.url);
