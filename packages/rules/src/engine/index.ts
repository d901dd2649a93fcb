// Rule files: extension, evaluation (two evaluators, one meaning), progress, safety. The public
// surface of the engine; helpers not listed here are internal (FactSet, compiledTarget,
// comparePeriods, inWindow, latestInWindow, buildFacts, orgUnitDirectory, resolveSafePath: the
// benchmarks and tests import them from their modules).
export { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.js';
export { checkJsonTextDepth, checkRuleFileValue, isSafePath } from './safety.js';
export type { ConditionFacts, FactSource } from './facts.js';
export { compileConditions, traceConditions, type BooleanTrace, type CompiledPredicate, type ConditionTrace, type LeafTrace } from './compile.js';
export {
  checkRuleFile,
  parseRuleFileText,
  resolvePlan,
  resolvePlanSync,
  safeResolvePlan,
  safeResolvePlanSync,
  type ResolveOptions,
  type ResolveResult,
  type RuleFileEntry,
  type RuleFileLocation,
  type RuleFileRead,
  type RuleFileSource,
} from './resolve.js';
export { memorySource, type MemorySourceOptions } from './sources.js';
export { DEFAULT_MAX_RESULTS, evaluationDate, phasesAt } from './options.js';
export { EvaluateOptions, EvaluationInstant, ProgressMethod, ProgressOptions } from './options-schemas.js';
export { compilePlan, isCompiledPlan, type CompiledPlan } from './compiled-plan.js';
export { effectiveOf, effectiveTarget, targetTimelines, type EffectiveTarget, type FieldChange, type ProvenanceStep, type TargetTimeline, type TargetVersion } from './timeline.js';
export { periodLookup, type PeriodInterval, type PeriodLookup } from './periods.js';
export {
  prepareMeasurements,
  prepareMeasurementsAsync,
  MAX_ROUNDING_GAP,
  MAX_UNKNOWN_ORG_UNITS,
  type PrepareOptions,
  type MeasurementInput,
  type MeasurementSet,
  type Observation,
  type OrgUnitDirectory,
} from './measurements.js';
export {
  evaluate,
  evaluateAsync,
  targetConditions,
  type Evaluation,
  type TargetResult,
  type TargetStatus,
  type ValueBasis,
} from './evaluate.js';
export { describeProvenance, describeScope, formatNumber, formatValue } from './explain.js';
export {
  PROGRESS_THRESHOLDS,
  progress,
  type ProgressCategory,
  type ProgressPoint,
  type ProgressReport,
  type ProgressResult,
  type ProgressStatus,
} from './progress.js';
export { exportPlan } from './export.js';
export { itemPlan, itemVersion, planAt } from './items.js';
