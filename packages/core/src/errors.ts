import type { BilingualText } from './text.js';

/**
 * Every problem the library reports, as a value a program can branch on.
 *
 * - `code`: stable, machine-readable (see {@link IssueCode});
 * - `pointer`: RFC 6901 JSON pointer into the offending document ("" for the whole document);
 * - `message`: Vietnamese and English;
 * - `line` / `column`: 1-based position in the file, when the issue came from file text;
 * - `file`: the file, when known;
 * - `severity`: `warning` for something worth a reader's attention that does not make the input
 *   invalid (a check reporting only warnings passes); absent or `error` otherwise.
 */
export interface Issue {
  code: IssueCode;
  pointer: string;
  message: BilingualText;
  line?: number;
  column?: number;
  file?: string;
  severity?: IssueSeverity;
}

/** How serious an {@link Issue} is: an `error` makes the input invalid, a `warning` does not. */
export type IssueSeverity = 'error' | 'warning';

/** True when `issue` is a warning (`severity: "warning"`); an issue without a severity is an error. */
export function isWarning(issue: Pick<Issue, 'severity'>): boolean {
  return issue.severity === 'warning';
}

/**
 * The catalogue of issue codes. Codes are grouped by prefix: `json.*` (the text is not JSON),
 * `schema.*` (the JSON does not fit the format), `plan.*` (the plan contradicts itself),
 * `rules.*` (rule files and extension), `measurement.*` (input data), `calendar.*` (periods,
 * deadlines, timeframes), `file.*` (reading files), `usage.*` (how a function or command was called).
 */
export const ISSUE_CODES = {
  'json.syntax': 'The text is not valid JSON.',
  'schema.invalid_type': 'A value has the wrong type.',
  'schema.unknown_key': 'An object has a key the format does not define.',
  'schema.missing_key': 'A required key is missing.',
  'schema.out_of_range': 'A number or length is outside its allowed range.',
  'schema.invalid_value': 'A value is not one of the allowed values.',
  'schema.invalid_format': 'A string does not have the required format.',
  'schema.invalid': 'A value does not satisfy the format.',
  'plan.unsupported_format_version': 'The file was written for a format version this library does not read.',
  'plan.duplicate_id': 'Two items of the same kind share an id.',
  'plan.unknown_agency': 'An agency id is used but not declared in `agencies`.',
  'plan.unknown_phase': 'A target names a phase the plan does not declare.',
  'plan.unknown_reference': 'An id refers to an item the plan does not declare.',
  'plan.end_before_start': 'An interval ends before it starts.',
  'plan.unit_mismatch': "A target's unit differs from its indicator's unit.",
  'file.not_found': 'The file does not exist or cannot be read.',
  'file.too_large': 'The file is larger than the allowed size.',
  'plan.unknown_plan': 'No bundled plan has this id and no file has this path.',
} as const;

/** A stable machine-readable issue code. Other packages extend the catalogue with their own codes. */
export type IssueCode = keyof typeof ISSUE_CODES | `${'rules' | 'measurement' | 'calendar' | 'usage' | 'plan' | 'schema' | 'file'}.${string}`;

/** Builds an {@link Issue}. */
export function issue(code: IssueCode, pointer: string, vi: string, en: string, extra: Partial<Issue> = {}): Issue {
  return { code, pointer, message: { vi, en }, ...extra };
}

/**
 * The error every function of the library throws for bad input. It carries every issue found,
 * not only the first; `message` is the first issue's English message.
 */
export class EgovPlanError extends Error {
  /** Machine-readable code of the first issue. */
  readonly code: IssueCode;
  /** Every issue found. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const first = issues[0] ?? issue('schema.invalid', '', 'Lỗi không xác định.', 'Unknown error.');
    super(`${first.code}${first.pointer ? ` at ${first.pointer}` : ''}: ${first.message.en}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`);
    this.name = 'EgovPlanError';
    this.code = first.code;
    this.issues = issues.length ? issues : [first];
  }
}

/** True when `value` is an {@link EgovPlanError} (also across bundle copies of this package). */
export function isEgovPlanError(value: unknown): value is EgovPlanError {
  return value instanceof EgovPlanError || (value instanceof Error && value.name === 'EgovPlanError' && Array.isArray((value as { issues?: unknown }).issues));
}

/** Escapes one segment of a JSON pointer (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/gu, '~0').replace(/\//gu, '~1');
}

/** Builds a JSON pointer from path segments: `['tasks', 3, 'lead']` → `/tasks/3/lead`. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${pointerSegment(s)}`).join('');
}

/** Splits a JSON pointer into its segments (numbers stay strings). */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/gu, '/').replace(/~0/gu, '~'));
}
