import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Evaluation, PlanTaskStatuses, ProgressReport, ReportingCalendarSnapshot, type MeasurementInput } from '@egov-plan/core';
import { csv, kontumMeasurements, testPlan } from '@egov-plan/test-utils';
import { bundledPlan, compilePlan, evaluate, evaluateAsync, parseMeasurementsCsv, planTaskStatuses, progress, reportingCalendarAt } from '../../src/index.js';
import { validatePlanValue } from '../../src/node.js';
import { evaluateWithReference } from '../../src/reference.js';
import evaluationJson from '../../schema/evaluation.schema.json';
import progressJson from '../../schema/progress.schema.json';
import snapshotJson from '../../schema/calendar-snapshot.schema.json';
import tasksJson from '../../schema/task-statuses.schema.json';

// What the library returns satisfies its published schemas: the zod schemas of @egov-plan/core
// (strict objects: a field they do not document fails here) and the JSON Schemas generated from
// them, checked by an independent validator (Ajv).

const kontum = bundledPlan('kontum-1102-2019');
const compiled = compilePlan(kontum);
const rows = kontumMeasurements();

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const jsonSchemas = {
  evaluation: ajv.compile(evaluationJson),
  progress: ajv.compile(progressJson),
  snapshot: ajv.compile(snapshotJson),
  tasks: ajv.compile(tasksJson),
};

/** The value as `JSON.stringify` writes it (what the CLI prints and an HTTP body carries). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Parses with the zod schema (the object itself and its JSON) and validates the JSON with Ajv. */
function conforms(schema: z.ZodType, validate: ValidateFunction, value: unknown): void {
  const direct = schema.safeParse(value);
  expect(direct.error?.issues ?? []).toEqual([]);
  const json = asJson(value);
  const parsed = schema.safeParse(json);
  expect(parsed.error?.issues ?? []).toEqual([]);
  // Nothing a schema does not describe was stripped: the parse gives back the JSON as it is.
  expect(parsed.data).toEqual(json);
  expect(direct.data).toEqual(json);
  expect(validate(json) ? [] : validate.errors).toEqual([]);
}

describe('evaluate: the Evaluation schema', () => {
  it.each(['2019-12-14', '2020-12-14', '2021-12-31', '2026-03-01'])('Kon Tum at %s: every result, summary and issue of the rows left out fits', (at) => {
    const ev = evaluate(compiled, rows, { at });
    conforms(Evaluation, jsonSchemas.evaluation, ev);
    expect(ev.rows).toBe(rows.length);
    expect(ev.issues.map((i) => i.code)).toContain('measurement.unknown_indicator');
  });

  it('the Kon Tum verdicts cover every value basis the schema names', () => {
    const ev = evaluate(compiled, rows, { at: '2020-12-14' });
    expect(new Set(ev.results.map((r) => r.status))).toEqual(new Set(['met', 'not-met', 'no-data']));
    expect(new Set(ev.results.map((r) => r.basis))).toEqual(new Set(['measurement', 'evidence', 'province-value', 'summed-counts', null]));
    expect(ev.issues.length).toBeGreaterThanOrEqual(3);
  });

  it('"not-applicable" (Kon Tum has no per-unit target of one level) fits, on the test plan', () => {
    const r = validatePlanValue(testPlan());
    if (!r.ok) throw new Error('fixture');
    const ev = evaluate(r.value, parseMeasurementsCsv(r.value, csv('online-rate,so-a,,2020Q4,40,400,1000', 'online-rate,980,district,2020Q4,35,35,100')), { at: '2020-12-14' });
    expect(ev.results.map((x) => x.status)).toContain('not-applicable');
    conforms(Evaluation, jsonSchemas.evaluation, ev);
  });

  it('evaluateAsync over an async cursor and the reference evaluator fit too', async () => {
    async function* cursor(): AsyncGenerator<MeasurementInput> {
      for (const r of rows) yield r;
    }
    conforms(Evaluation, jsonSchemas.evaluation, await evaluateAsync(kontum, cursor(), { at: '2020-12-14' }));
    const reference = await evaluateWithReference(kontum, rows, { at: '2020-12-14' });
    expect(reference.evaluator).toBe('reference');
    conforms(Evaluation, jsonSchemas.evaluation, reference);
  });

  it('a field the schema does not document fails, in a result as at the top', () => {
    const ev = asJson(evaluate(compiled, rows, { at: '2020-12-14' })) as { results: Record<string, unknown>[] } & Record<string, unknown>;
    expect(Evaluation.safeParse({ ...ev, extra: 1 }).success).toBe(false);
    const results = [{ ...ev.results[0], undocumented: true }, ...ev.results.slice(1)];
    expect(Evaluation.safeParse({ ...ev, results }).success).toBe(false);
    expect(jsonSchemas.evaluation({ ...ev, results })).toBe(false);
    expect(jsonSchemas.evaluation({ ...ev, summary: { ...(ev.summary as object), met: -1 } })).toBe(false);
  });
});

describe('progress: the ProgressReport schema', () => {
  it.each([
    ['2020-06-14', 'cagr'],
    ['2020-12-14', 'cagr'],
    ['2020-12-14', 'linear'],
    ['2021-12-31', 'linear'],
  ] as const)('Kon Tum at %s (%s) fits', (at, method) => {
    const report = progress(compiled, rows, { at, method });
    conforms(ProgressReport, jsonSchemas.progress, report);
    expect(report.results.length).toBeGreaterThan(0);
  });

  it('assessments with a ratio and a projection are among them', () => {
    const report = progress(compiled, rows, { at: '2020-12-14', method: 'linear' });
    expect(report.results.some((r) => r.ratio !== null && r.projected !== null && r.baseline !== null)).toBe(true);
  });
});

describe('reportingCalendarAt: the ReportingCalendarSnapshot schema', () => {
  // The one-off 2019 plan deadline, a quarter's cut-off, the year's end, the issuer's merger, a
  // year without holiday data.
  it.each(['2019-05-15T08:00', '2020-03-16T09:00', '2020-12-14', '2025-07-01', '2031-02-10T23:59+07:00'])('Kon Tum at %s fits', (at) => {
    const snapshot = reportingCalendarAt(kontum, at);
    conforms(ReportingCalendarSnapshot, jsonSchemas.snapshot, snapshot);
  });

  it('its states are those the schema documents: deadlines with a status, history, a ceased issuer, holiday coverage', () => {
    expect(reportingCalendarAt(kontum, '2020-03-16T09:00').upcoming.map((d) => d.status)).toContain('due-soon');
    expect(reportingCalendarAt(kontum, '2019-08-01').history.length).toBeGreaterThan(0);
    expect(reportingCalendarAt(kontum, '2025-07-01').term).toMatchObject({ status: 'issuer-ceased', successors: [{ code: '51' }] });
    expect(reportingCalendarAt(kontum, '2031-02-10').holidays.covered).toBe(false);
  });
});

describe('planTaskStatuses: the PlanTaskStatuses schema', () => {
  it.each(['2019-05-01', '2019-08-15', '2020-12-31', '2026-01-01'])('every Kon Tum task at %s fits', (at) => {
    const tasks = planTaskStatuses(kontum, at, { progress: { 'appendix-i-2': '2019-05-20', 'appendix-i-4': '2019-07-10' } });
    expect(tasks).toHaveLength(kontum.tasks.length);
    conforms(PlanTaskStatuses, jsonSchemas.tasks, tasks);
  });

  it('the tasks one agency leads (directly or through a collective) fit too', () => {
    const tasks = planTaskStatuses(kontum, '2020-12-31', { agency: 'so-tttt' });
    expect(tasks.some((t) => t.leadThrough.length > 0)).toBe(true);
    conforms(PlanTaskStatuses, jsonSchemas.tasks, tasks);
  });
});

describe('the generated JSON Schemas document every field', () => {
  /** Paths of properties without a description. */
  function undocumented(node: unknown, path: string, out: string[]): string[] {
    if (Array.isArray(node)) node.forEach((n, i) => undocumented(n, `${path}/${i}`, out));
    else if (node && typeof node === 'object') {
      const props = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [key, prop] of Object.entries(props ?? {})) if (!prop.description) out.push(`${path}/properties/${key}`);
      for (const [key, child] of Object.entries(node)) undocumented(child, `${path}/${key}`, out);
    }
    return out;
  }

  it.each([
    ['evaluation', evaluationJson],
    ['progress', progressJson],
    ['calendar-snapshot', snapshotJson],
    ['task-statuses', tasksJson],
  ])('%s.schema.json: a description on the schema and on every property', (_name, schema) => {
    expect((schema as { description?: string }).description).toBeTruthy();
    expect(undocumented(schema, '', [])).toEqual([]);
  });
});

describe('a law for every measurement set: evaluate and progress return what the schemas describe', () => {
  const indicators = [...kontum.indicators.map((i) => i.id), 'no-such-indicator'];
  const orgUnits = [...kontum.agencies.map((a) => a.id), ...kontum.administrativeUnits.map((u) => u.code), 'phong-ngoai-ke-hoach'];
  const periods = ['2019Q2', '2019Q4', '2020Q1', '2020Q3', '2020Q4', '2020M03', '2020S1', '2020N9', '2020', 'C2020Q2', '2021Q4', '2023', '2025Q2'];
  const day = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const counts = fc.integer({ min: 1, max: 1000 }).chain((d) => fc.record({ numerator: fc.integer({ min: 0, max: d }), denominator: fc.constant(d) }));
  const row: fc.Arbitrary<MeasurementInput> = fc
    .record(
      {
        indicator: fc.constantFrom(...indicators),
        orgUnit: fc.oneof(fc.constantFrom(...orgUnits), fc.string({ minLength: 1, maxLength: 12 })),
        period: fc.constantFrom(...periods),
        value: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 100 }), fc.boolean()),
        counts,
        level: fc.constantFrom('province', 'district', 'commune'),
        evidenceDate: day,
      },
      { requiredKeys: ['indicator', 'orgUnit'] },
    )
    .map(({ counts: c, ...r }) => ({ ...r, ...(c ?? {}) }) as MeasurementInput);

  it('the Evaluation and ProgressReport schemas, and their JSON Schemas, accept every output', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), day, fc.constantFrom('cagr', 'linear') as fc.Arbitrary<'cagr' | 'linear'>, (set, at, method) => {
        conforms(Evaluation, jsonSchemas.evaluation, evaluate(compiled, set, { at }));
        conforms(ProgressReport, jsonSchemas.progress, progress(compiled, set, { at, method }));
      }),
      { numRuns: 150, seed: 20191102 },
    );
  });
});
