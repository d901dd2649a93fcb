// Worker bootstrap: load the TypeScript worker through tsx (a root devDependency); the test
// starts the worker with --conditions=@egov-plan/source, so it runs the sources, never a stale build.
// It says "ready" once loaded, so the time limit of a batch never counts the loading.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport('./fuzz-worker.ts', import.meta.url);
parentPort?.postMessage('ready');
