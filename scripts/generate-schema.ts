// Generates the published JSON Schemas from the zod schemas of @egov-plan/core (the single
// source of truth). `--check` fails when the committed files differ from what would be generated.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from "zod";
import { Measurement, Plan } from '../packages/core/src/index.js';

const outDir = fileURLToPath(new URL('../packages/rules/schema/', import.meta.url));
const schemas: Record<string, z.ZodType> = {
  'plan.schema.json': Plan,
  'measurement.schema.json': Measurement,
};

const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(outDir, { recursive: true });
for (const [file, schema] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const text = `${JSON.stringify({ $id: `https://egov-plan.invalid/schema/${file}`, ...json }, null, 2)}\n`;
  const path = `${outDir}${file}`;
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (current !== text) {
      process.stderr.write(`stale: packages/rules/schema/${file} (run: pnpm generate)\n`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
    process.stdout.write(`wrote packages/rules/schema/${file}\n`);
  }
}
if (stale) process.exit(1);
