/**
 * Rule files for e-government action plans: the bundled plans, loading and validating plan
 * files with positions, evaluation of targets, reporting calendars and deadlines.
 *
 * @module
 */
export * from './bundled.js';
export { MAX_SYNTAX_ISSUES, DEFAULT_MAX_FILE_BYTES, locateIssues, parseJsonDocument, type JsonDocument, type JsonDocumentOptions } from './json-document.js';

export * from './calendar/index.js';
export * from './engine/index.js';
export * from './store.js';
export * from './ingest/index.js';
