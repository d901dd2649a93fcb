// Generates the published JSON Schemas from the zod schemas of @egov-plan/core (the single
// source of truth). `--check` fails when the committed files differ from what would be generated.
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { finishGenerated, generated } from './lib/generated-file.js';
import './lib/described.js';
import { Evaluation, MeasurementInput, PlanTaskStatuses, ProgressReport, ReportingCalendarSnapshot, RuleFile } from '../packages/core/src/index.js';

const outDir = fileURLToPath(new URL('../packages/rules/schema/', import.meta.url));
// What a caller writes (io "input": defaults optional) and what the library returns (io "output":
// every field present, as `JSON.stringify` of the result writes it).
const schemas: Record<string, { schema: z.ZodType; io: 'input' | 'output' }> = {
  // What a province writes; every resolved plan is also a valid rule file.
  'plan.schema.json': { schema: RuleFile, io: 'input' },
  'measurement.schema.json': { schema: MeasurementInput, io: 'input' },
  // evaluate / evaluateAsync, progress, reportingCalendarAt, planTaskStatuses of @egov-plan/rules.
  'evaluation.schema.json': { schema: Evaluation, io: 'output' },
  'progress.schema.json': { schema: ProgressReport, io: 'output' },
  'calendar-snapshot.schema.json': { schema: ReportingCalendarSnapshot, io: 'output' },
  'task-statuses.schema.json': { schema: PlanTaskStatuses, io: 'output' },
};

for (const [file, { schema, io }] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  generated(`${outDir}${file}`, `${JSON.stringify({ $id: `https://egov-plan.invalid/schema/${file}`, ...json }, null, 2)}\n`);
}
finishGenerated();
