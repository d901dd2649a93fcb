/**
 * Typed entities of Vietnam's provincial e-government action plans.
 *
 * Zod schemas are the single source of truth: every TypeScript type here is inferred from a
 * schema, and the published JSON Schemas (`schema/plan.schema.json`, `schema/measurement.schema.json`,
 * and for what the library returns `schema/evaluation.schema.json`, `schema/progress.schema.json`,
 * `schema/calendar-snapshot.schema.json`, `schema/task-statuses.schema.json`) are generated from them.
 * Pure: no I/O, usable in a browser.
 *
 * @module
 */
export * from './awaitable.js';
export * from './text.js';
export * from './issue-codes.js';
export * from './errors.js';
export * from './issue-messages.js';
export * from './outputs.js';
export * from './progress-method.js';
export * from './calendar.js';
export * from './holidays.js';
export * from './conditions.js';
export * from './plan.js';
export * from './item-keys.js';
export * from './measurement.js';
export * from './measurement-fields.js';
export * from './validate.js';
export * from './rule-file.js';
export * from './store.js';
export * from './memory-store.js';
export * from './store-rows.js';
export { describeSchemas } from './descriptions.js';
