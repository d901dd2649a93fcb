// Rule files: extension, evaluation (two evaluators, one meaning), progress, safety.
export * from './limits.js';
export * from './safety.js';
export * from './facts.js';
export * from './compile.js';
export * from './reference.js';
export * from './resolve.js';
export * from './timeline.js';
export * from './periods.js';
export * from './csv.js';
export * from './measurements.js';
export * from './evaluate.js';
export * from './explain.js';
export * from './progress.js';
export * from './export.js';
