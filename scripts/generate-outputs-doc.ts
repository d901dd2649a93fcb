// Writes docs/outputs.md from the output schemas of @egov-plan/core (packages/core/src/outputs.ts):
// the field tables are the schemas' own descriptions, so the page never drifts from what the
// library returns. `--check` fails when the committed page differs from what would be written.
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { finishGenerated, generated } from './lib/generated-file.js';
import './lib/described.js';
import * as core from '../packages/core/src/index.js';

const out = fileURLToPath(new URL('../docs/outputs.md', import.meta.url));

type Json = { [key: string]: unknown };

/** The sections of the page: a title, the schema, and the anchor other tables link to. */
const SECTIONS: { name: string; schema: z.ZodType; intro?: string }[] = [
  { name: 'Evaluation', schema: core.Evaluation, intro: 'What `evaluate` and `evaluateAsync` return (JSON Schema: `evaluation.schema.json`).' },
  { name: 'TargetResult', schema: core.TargetResult, intro: 'One element of `Evaluation.results`. The CLI\'s `evaluate --json` prints these fields (and adds its own).' },
  { name: 'EvaluationSummary', schema: core.EvaluationSummary },
  { name: 'ProvenanceStep', schema: core.ProvenanceStep },
  { name: 'FieldChange', schema: core.FieldChange },
  { name: 'Issue', schema: core.Issue, intro: 'The codes are listed in [errors.md](errors.md).' },
  { name: 'ProgressReport', schema: core.ProgressReport, intro: 'What `progress` returns (JSON Schema: `progress.schema.json`). Methods and thresholds: [rules.md](rules.md).' },
  { name: 'ProgressResult', schema: core.ProgressResult },
  { name: 'ProgressPoint', schema: core.ProgressPoint },
  { name: 'ProgressThresholds', schema: core.ProgressThresholds },
  { name: 'ReportingCalendarSnapshot', schema: core.ReportingCalendarSnapshot, intro: 'What `reportingCalendarAt` returns (JSON Schema: `calendar-snapshot.schema.json`). Deadlines and statuses: [calendar.md](calendar.md).' },
  { name: 'Period', schema: core.Period },
  { name: 'DeadlineAt', schema: core.DeadlineAt, intro: 'A `Deadline` (the same fields without `status`, as in `history`) with the status an unsubmitted report has at the instant.' },
  { name: 'Deadline', schema: core.Deadline },
  { name: 'PlanTermAt', schema: core.PlanTermAt },
  { name: 'SuccessorUnit', schema: core.SuccessorUnit },
  { name: 'HolidayCoverage', schema: core.HolidayCoverage },
  { name: 'TaskReport', schema: core.TaskReport, intro: 'One element of what `planTaskStatuses` returns (JSON Schema: `task-statuses.schema.json`, an array of these); `taskStatus` returns the fields from `task` to `onTime` (`TaskStatusReport`).' },
  { name: 'NamedAgency', schema: core.NamedAgency },
  { name: 'Timeframe', schema: core.Timeframe },
];

const toJson = (schema: z.ZodType): Json => z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Json;
/** A schema's shape without its descriptions, to recognise a named schema where it is used. */
const shapeKey = (s: unknown): string => JSON.stringify(s, (k, v: unknown) => (k === 'description' || k === '$schema' ? undefined : v));
const named = new Map<string, string>(SECTIONS.map((s) => [shapeKey(toJson(s.schema)), s.name]));
named.set(shapeKey(toJson(core.BilingualText)), '{ vi, en }');
named.set(shapeKey(toJson(core.SourceRef)), '{ section, quote }');
named.set(shapeKey(toJson(core.DateInterval)), '{ start, end }');

const LOCAL_DATE = toJson(core.LocalDate).pattern;

/** A property's type, compactly; named schemas link to their section. */
function typeOf(s: Json): string {
  const name = named.get(shapeKey(s));
  if (name) return name.startsWith('{') ? `\`${name}\`` : `[${name}](#${name.toLowerCase()})`;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map(typeOf).join(' \\| ');
  if (Array.isArray(s.oneOf)) return (s.oneOf as Json[]).map(typeOf).join(' \\| ');
  if (Array.isArray(s.enum) && shapeKey(s.enum) === shapeKey(core.ISSUE_CODE_LIST)) return '[IssueCode](errors.md)';
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if ('const' in s) return `\`${JSON.stringify(s.const)}\``;
  if (Array.isArray(s.type)) return (s.type as string[]).join(' \\| ');
  if (s.type === 'array') return `${typeOf(s.items as Json)}[]`;
  if (s.type === 'string' && s.pattern === LOCAL_DATE) return 'date';
  if (s.type === 'integer') return 'integer';
  if (s.type === 'object') return 'object';
  if (typeof s.type === 'string') return s.type;
  return 'any JSON value';
}

const cell = (text: string) => text.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');

function table(s: Json): string[] {
  const required = new Set((s.required as string[] | undefined) ?? []);
  const rows = Object.entries((s.properties as Record<string, Json> | undefined) ?? {}).map(
    ([key, p]) => `| \`${key}\`${required.has(key) ? '' : ' (optional)'} | ${typeOf(p)} | ${cell(String(p.description ?? ''))} |`,
  );
  return ['| field | type | meaning |', '| --- | --- | --- |', ...rows];
}

const L: string[] = [
  '# Outputs',
  '',
  '<!-- Generated by scripts/generate-outputs-doc.ts from the output schemas (packages/core/src/outputs.ts). Do not edit. -->',
  '',
  'What the library returns is described by zod schemas in `@egov-plan/core`, as the plan is: the',
  'TypeScript types `@egov-plan/rules` returns are inferred from them (`type Evaluation =',
  'z.output<typeof Evaluation>`; the names `@egov-plan/rules` has always exported, `Evaluation`,',
  '`TargetResult`, `ProgressReport`, `ReportingCalendarSnapshot`, `TaskReport`, …, are those same',
  'types), and JSON Schemas (draft 2020-12, the output side: every field present) are generated',
  'from them and published with `@egov-plan/rules`:',
  '',
  '| function | returns | schema in `@egov-plan/core` | JSON Schema |',
  '| --- | --- | --- | --- |',
  '| `evaluate`, `evaluateAsync` | `Evaluation` | `Evaluation` | `@egov-plan/rules/schema/evaluation.schema.json` |',
  '| `progress` | `ProgressReport` | `ProgressReport` | `@egov-plan/rules/schema/progress.schema.json` |',
  '| `reportingCalendarAt` | `ReportingCalendarSnapshot` | `ReportingCalendarSnapshot` | `@egov-plan/rules/schema/calendar-snapshot.schema.json` |',
  '| `planTaskStatuses` | `TaskReport[]` | `PlanTaskStatuses` | `@egov-plan/rules/schema/task-statuses.schema.json` |',
  '',
  'Every object is strict (`additionalProperties: false`): a field not listed here is not part of',
  'the output, and a new field is added here first. Fields are never renamed (the CLI\'s `--json`',
  'output carries them). The schemas describe the value as `JSON.stringify` writes it, which is',
  'also the object itself (a `TargetResult` builds its `explanation` when first read; `JSON.stringify`',
  'includes it). The HTTP package builds its OpenAPI responses from the same schemas.',
  '',
  'Checking a result that came over the network, in TypeScript or with any JSON Schema validator:',
  '',
  '```ts',
  "import { Evaluation } from '@egov-plan/core';",
  '',
  "const ev = Evaluation.parse(await (await fetch('/verdicts?at=2020-12-14')).json()); // typed: Evaluation",
  "for (const r of ev.results) if (r.status === 'not-met') console.log(r.orgUnit, r.gap, r.explanation.vi);",
  '```',
  '',
  '```ts',
  "import { Ajv2020 } from 'ajv/dist/2020.js';",
  "import schema from '@egov-plan/rules/schema/evaluation.schema.json' with { type: 'json' };",
  '',
  'const valid = new Ajv2020({ allowUnionTypes: true }).compile(schema)(JSON.parse(text));',
  '```',
  '',
  'Types: `date` is a local date `YYYY-MM-DD` (Vietnam, no time zone); `{ vi, en }` is text in',
  'Vietnamese (official) and English (translation); `{ section, quote }` is where in the source',
  'document an item comes from, with its verbatim Vietnamese text.',
];
for (const s of SECTIONS) {
  const json = toJson(s.schema);
  L.push('', `## ${s.name}`, '');
  if (s.intro) L.push(s.intro, '');
  if (json.description) L.push(`${cell(String(json.description))}`, '');
  if (Array.isArray(json.oneOf)) {
    for (const variant of json.oneOf as Json[]) {
      const kind = ((variant.properties as Record<string, Json>).kind as Json).const;
      L.push(`\`kind: ${JSON.stringify(kind)}\``, '', ...table(variant), '');
    }
    L.pop();
  } else L.push(...table(json));
}
generated(out, `${L.join('\n')}\n`);
finishGenerated();
