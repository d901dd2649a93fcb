import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { describeSchemas, Id, LocalDate, Phase, Plan, MeasurementInput } from '@egov-plan/core';

// The descriptions of core's schemas live in src/descriptions.ts, out of the schemas, so that a
// browser bundle does not carry them; `describeSchemas()` attaches them for the generators and the
// HTTP package's OpenAPI document.

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

describe('schema descriptions', () => {
  it('are not written on the schemas in the sources (a `.describe(…)` there would be bundled)', () => {
    const found = readdirSync(srcDir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => readFileSync(`${srcDir}${f}`, 'utf8').split('\n').map((line, i) => [`${f}:${i + 1}`, line] as const))
      .filter(([, line]) => /\.describe\(/u.test(line))
      .map(([at]) => at);
    expect(found).toEqual([]);
  });

  it('are attached by describeSchemas(), every key naming a schema, once', () => {
    expect(describeSchemas()).toEqual([]);
    expect(describeSchemas()).toEqual([]);
    expect(Id.description).toBe('Stable readable identifier.');
    expect(LocalDate.description).toBe('Local calendar date, YYYY-MM-DD.');
    expect(Phase.shape.id.description).toBe('For example "2019-2020".');
    expect(Phase.description).toBe('A phase of the plan with inclusive start and end dates.');
    // A described field is a schema of its own: describing it does not describe `Id` everywhere.
    expect(Phase.shape.id).not.toBe(Id);
    expect(typeof Plan.description).toBe('string');
  });

  it('reach the JSON Schema written from the schemas', () => {
    describeSchemas();
    const json = z.toJSONSchema(Phase, { target: 'draft-2020-12' }) as { description?: string; properties: Record<string, { description?: string }> };
    expect(json.description).toBe('A phase of the plan with inclusive start and end dates.');
    expect(json.properties.id?.description).toBe('For example "2019-2020".');
    const measurement = z.toJSONSchema(MeasurementInput, { target: 'draft-2020-12', io: 'input' }) as { properties: Record<string, unknown> };
    expect(JSON.stringify(measurement)).toContain('"description"');
  });
});
