import { createMemoryStore, type MeasurementStore } from '@egov-plan/core';
import { runStoreEvaluationTests, runStoreTests } from '@egov-plan/testkit';

// The reference store has no backend apart from itself: no raw probes, so the suite says so.
runStoreTests({ name: 'memory', store: () => createMemoryStore() });
runStoreEvaluationTests({ name: 'memory', store: () => createMemoryStore() });

/** The memory store without `valuesThatCount`: what a store implementing only the required methods gives. */
function withoutValuesThatCount(): MeasurementStore {
  const { valuesThatCount: _, ...rest } = createMemoryStore();
  return rest;
}
// Evaluation then reads through `latestValues` (readValuesThatCount's fallback): the same verdicts.
runStoreEvaluationTests({ name: 'memory, latestValues only', store: withoutValuesThatCount });
runStoreTests({ name: 'memory, latestValues only', store: withoutValuesThatCount });

/** The memory store without `writeAtomically`: writeAll's fallback, one write at a time, says what it wrote. */
function withoutWriteAtomically(): MeasurementStore {
  const { writeAtomically: _, ...rest } = createMemoryStore();
  return rest;
}
runStoreTests({ name: 'memory, no writeAtomically', store: withoutWriteAtomically });
