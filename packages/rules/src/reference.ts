/**
 * The reference evaluator: json-rules-engine itself (hardened), as its own entry
 * (`@egov-plan/rules/reference`), so that a bundle that evaluates with the compiled evaluator
 * does not carry json-rules-engine. For checking that both evaluators agree.
 *
 * @module
 */
export { evaluateWithReference, referenceVerdicts } from './engine/evaluate.js';
export { createReferenceRuleSet, runReferenceRuleSet, type ReferenceRule, type ReferenceRuleSet } from './engine/reference.js';
