import { createMemoryStore } from '@egov-plan/core';
import { runStoreEvaluationTests, runStoreTests } from '@egov-plan/testkit';

// The reference store has no backend apart from itself: no raw probes, so the suite says so.
runStoreTests({ name: 'memory', store: () => createMemoryStore() });
runStoreEvaluationTests({ name: 'memory', store: () => createMemoryStore() });
