/**
 * Fixtures the tests of every egov-plan package share, so no test imports another package's
 * test folder. Private workspace package: never published, read from source.
 *
 * @module
 */
export { kontumMeasurements } from './kontum-measurements.js';
export { smallPlan } from './small-plan.js';
export { csv, emptyRuleFile, ruleFileOver, testPlan, type RuleFileBase } from './test-plan.js';
export { tempDirWith, tempResources, type Closable, type TempResources } from './temp-dir.js';
