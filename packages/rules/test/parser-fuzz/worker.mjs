// Worker bootstrap: loads the TypeScript worker through tsx, from the sources (the test starts it
// with --conditions=@egov-plan/source); says "ready" once loaded, so loading is not timed.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
parentPort?.postMessage('ready');
