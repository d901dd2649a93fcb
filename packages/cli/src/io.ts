import { isEgovPlanError, type BilingualText, type Issue } from '@egov-plan/core';

/** Language of messages: Vietnamese (default) or English. */
export type Lang = 'vi' | 'en';

/** Where the CLI writes, and where it runs. Tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Current time, for commands whose default is "now". */
  now: () => Date;
}

/** Exit codes: 0 success, 1 bad input or failed checks, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Shared state of one CLI run. */
export interface CliContext {
  io: CliIO;
  lang: Lang;
  /** Exit code the run ends with; commands raise it to 1 for failed checks. */
  exitCode: number;
}

/** Picks the text for the run's language. */
export function t(ctx: { lang: Lang }, text: BilingualText | { vi: string; en: string }): string {
  return ctx.lang === 'en' ? text.en : text.vi;
}

/** Writes a line to standard output. */
export function out(ctx: CliContext, line = ''): void {
  ctx.io.stdout(`${line}\n`);
}

/** Writes a diagnostic line to standard error. */
export function err(ctx: CliContext, line: string): void {
  ctx.io.stderr(`${line}\n`);
}

/** Prints a value as JSON on standard output. */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Formats one issue as `file:line:column code pointer message`. */
export function formatIssue(ctx: { lang: Lang }, i: Issue): string {
  const where = [i.file, i.line, i.column].filter((x) => x !== undefined).join(':');
  const ptr = i.pointer === '' ? '' : ` ${i.pointer}`;
  const warning = i.severity === 'warning' ? (ctx.lang === 'en' ? 'warning ' : 'cảnh báo ') : '';
  return `${where ? `${where} ` : ''}${warning}[${i.code}]${ptr} ${t(ctx, i.message)}`;
}

/** Prints issues on standard error, one per line. */
export function printIssues(ctx: CliContext, issues: readonly Issue[]): void {
  for (const i of issues) err(ctx, formatIssue(ctx, i));
}

/** Thrown by a command to end the run with a usage error (exit 2). */
export class UsageError extends Error {
  constructor(readonly text: BilingualText) {
    super(text.en);
    this.name = 'UsageError';
  }
}

/** Reports an error thrown by a command and returns the exit code it means. */
export function reportError(ctx: CliContext, e: unknown): number {
  if (isEgovPlanError(e)) {
    printIssues(ctx, e.issues);
    return EXIT.failure;
  }
  if (e instanceof UsageError) {
    err(ctx, `${ctx.lang === 'en' ? 'Usage error' : 'Lỗi cách dùng'}: ${t(ctx, e.text)}`);
    return EXIT.usage;
  }
  const message = e instanceof Error ? e.message : String(e);
  err(ctx, `${ctx.lang === 'en' ? 'Internal error (please report it)' : 'Lỗi nội bộ (xin báo lại)'}: ${message}`);
  return EXIT.failure;
}
