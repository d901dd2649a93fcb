import { ISSUE_REGISTRY, type IssueCode } from './issue-codes.js';
import type { Issue } from './outputs.js';

// The Issue type is inferred from its schema (outputs.ts); imported as a type only, so validation
// bundles never carry the output schemas.

/** True when `issue` is a warning (`severity: "warning"`); an issue without a severity is an error. */
export function isWarning(issue: Pick<Issue, 'severity'>): boolean {
  return issue.severity === 'warning';
}

/**
 * What each issue code means, in English (kept for programs written against 0.1; the registry,
 * {@link ISSUE_REGISTRY}, has both languages).
 */
export const ISSUE_CODES: Readonly<Record<IssueCode, string>> = /* @__PURE__ */ englishMeanings();

// Marked free of side effects so that a bundle which never reads ISSUE_CODES leaves out the
// registry's texts (esbuild, Rollup and webpack honour the annotation).
/* @__NO_SIDE_EFFECTS__ */
function englishMeanings(): Record<IssueCode, string> {
  return Object.fromEntries(Object.entries(ISSUE_REGISTRY).map(([code, meaning]) => [code, meaning.en])) as Record<IssueCode, string>;
}

/**
 * Builds an {@link Issue}. `code` must be registered in {@link ISSUE_REGISTRY} (a type error
 * otherwise); `vi` and `en` are this issue's own message, naming the values at fault.
 */
export function issue(code: IssueCode, pointer: string, vi: string, en: string, extra: Partial<Issue> = {}): Issue {
  return { code, pointer, message: { vi, en }, ...extra };
}

/**
 * The error every function of the library throws for bad input. It carries every issue found,
 * not only the first. `message` names the first issue in both languages, Vietnamese then English
 * (`code at pointer: vi | en`), so a log or a stack trace reads in either; {@link
 * EgovPlanError.messageIn} gives one language, for a page that shows the error to a user.
 *
 * @example
 * ```ts
 * try {
 *   parsePlan(input);
 * } catch (e) {
 *   if (isEgovPlanError(e)) console.error(e.messageIn('vi'), e.issues.length);
 * }
 * ```
 */
export class EgovPlanError extends Error {
  /** Machine-readable code of the first issue. */
  readonly code: IssueCode;
  /** Every issue found. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const first = issues[0] ?? issue('schema.invalid', '', 'Lỗi không xác định.', 'Unknown error.');
    super(`${first.code}${first.pointer ? ` at ${first.pointer}` : ''}: ${first.message.vi} | ${first.message.en}${moreText(issues.length, 'vi')}${issues.length > 1 ? ' |' : ''}${moreText(issues.length, 'en')}`);
    this.name = 'EgovPlanError';
    this.code = first.code;
    this.issues = issues.length ? issues : [first];
  }

  /**
   * The first issue's message in one language, with the number of further issues:
   * `Tệp không tồn tại: a.json (và 2 lỗi khác).` (`vi`) or `File not found: a.json (and 2 more).` (`en`).
   */
  messageIn(lang: 'vi' | 'en'): string {
    const first = this.issues[0]!;
    return `${first.message[lang]}${moreText(this.issues.length, lang)}`;
  }
}

function moreText(count: number, lang: 'vi' | 'en'): string {
  if (count <= 1) return '';
  return lang === 'vi' ? ` (và ${count - 1} lỗi khác)` : ` (and ${count - 1} more)`;
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
