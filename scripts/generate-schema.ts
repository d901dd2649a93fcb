// Generates the published JSON Schemas from the zod schemas of @egov-plan/core (the single
// source of truth). `--check` fails when the committed files differ from what would be generated.
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { finishGenerated, generated } from './lib/generated-file.js';
import { MeasurementInput, RuleFile } from '../packages/core/src/index.js';

const outDir = fileURLToPath(new URL('../packages/rules/schema/', import.meta.url));
const schemas: Record<string, z.ZodType> = {
  // What a province writes; every resolved plan is also a valid rule file.
  'plan.schema.json': RuleFile,
  'measurement.schema.json': MeasurementInput,
};

for (const [file, schema] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  generated(`${outDir}${file}`, `${JSON.stringify({ $id: `https://egov-plan.invalid/schema/${file}`, ...json }, null, 2)}\n`);
}
finishGenerated();
