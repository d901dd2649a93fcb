import type { BilingualText, Issue, IssueCode, IssueMessage, IssueParam, IssueParams } from '@egov-plan/core';
import * as MSG from './messages.js';
import { sanitizeForTerminal } from './terminal.js';

/** Language of messages: Vietnamese (default) or English. */
export type Lang = 'vi' | 'en';

/** Where the CLI writes, and where it runs. Tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Current time, for commands whose default is "now". */
  now: () => Date;
  /** Reads standard input whole (for `-` as a file name), refusing more than `maxBytes`. */
  readStdin: (maxBytes: number) => Promise<string>;
  /** Ends a long-running command (`serve`) when aborted; without it, SIGINT or SIGTERM does. */
  stop?: AbortSignal;
  /**
   * A terminal to draw progress bars on (the binary gives standard error when it is a terminal);
   * absent, nothing is drawn: piped output and tests get no progress noise.
   */
  progress?: NodeJS.WriteStream;
}

/** Exit codes: 0 success, 1 bad input or failed checks, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Shared state of one CLI run. */
export interface CliContext {
  io: CliIO;
  lang: Lang;
  /** `--json` was given: errors, too, are printed as JSON on standard output. */
  json: boolean;
  /** `--allow-outside` was given: `extends` paths may leave the rule file's folder. */
  allowOutside?: boolean;
  /** Exit code the run ends with; commands raise it to 1 for failed checks. */
  exitCode: number;
  /** Standard input has been claimed by one `-` argument of this run. */
  stdinUsed?: string;
  /** The usage error commander reported, in both languages (for the `--json` error object). */
  usage?: { code: IssueCode; text: BilingualText };
}

/** Picks the text for the run's language. */
export function t(ctx: { lang: Lang }, text: BilingualText | { vi: string; en: string }): string {
  return ctx.lang === 'en' ? text.en : text.vi;
}

/** Writes a line of text to standard output, with control characters from data made visible. */
export function out(ctx: CliContext, line = ''): void {
  ctx.io.stdout(`${sanitizeForTerminal(line)}\n`);
}

/** Writes a diagnostic line to standard error, with control characters from data made visible. */
export function err(ctx: CliContext, line: string): void {
  ctx.io.stderr(`${sanitizeForTerminal(line)}\n`);
}

/** Prints a value as JSON on standard output (JSON escapes control characters itself). */
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

/** Most issues listed on a terminal; `--json` lists them all. */
export const MAX_TERMINAL_ISSUES = 50;

/** Prints issues on standard error, one per line, at most {@link MAX_TERMINAL_ISSUES} of them and a count of the rest. */
export function printIssues(ctx: CliContext, issues: readonly Issue[]): void {
  const shown = Math.min(issues.length, MAX_TERMINAL_ISSUES);
  for (let k = 0; k < shown; k++) err(ctx, formatIssue(ctx, issues[k] as Issue));
  const more = issues.length - shown;
  if (more > 0) err(ctx, ctx.lang === 'en' ? `… and ${more} more (--json lists every issue)` : `… và ${more} lỗi khác (--json liệt kê mọi lỗi)`);
}

/** Thrown by a command to end the run with a usage error (exit 2). */
export class UsageError extends Error {
  constructor(
    readonly text: BilingualText,
    readonly code: IssueCode = 'usage.invalid_option',
  ) {
    super(text.en);
    this.name = 'UsageError';
  }
}

/**
 * A message of messages.ts filled with its parameters, in both languages (core's
 * `renderTemplate`, without loading core on the path of a usage error).
 */
export function usageText<const M extends IssueMessage>(message: M, params: IssueParams<M>): BilingualText {
  const values = params as Readonly<Record<string, IssueParam>>;
  const fill = (lang: 'vi' | 'en') => message[lang].replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/gu, (_, name: string) => {
    const v = values[name];
    return typeof v === 'object' ? v[lang] : String(v);
  });
  return { vi: fill('vi'), en: fill('en') };
}

/** A {@link UsageError} worded by a message of messages.ts, under the message's code. */
export function usageError<const M extends IssueMessage>(message: M, params: IssueParams<M>): UsageError {
  return new UsageError(usageText(message, params), message.code);
}

/** The heading of a usage error on standard error, the same for commander's errors and the commands' own. */
export function usageHeading(ctx: { lang: Lang }): string {
  return ctx.lang === 'en' ? 'Usage error' : 'Lỗi cách dùng';
}

/** A usage issue: how the command was called, not what the files hold. */
export function usageIssue(code: IssueCode, text: BilingualText): Issue {
  return { code, pointer: '', message: text };
}

/**
 * Prints the error object of a failed run on standard output in `--json` mode:
 * `{ "ok": false, "error": { "code", "issues": [...] } }` (every issue; stderr has the capped list).
 */
export function printJsonError(ctx: CliContext, issues: readonly Issue[]): void {
  if (ctx.json) printJson(ctx, { ok: false, error: { code: issues[0]?.code ?? 'usage.internal_error', issues } });
}

function isIssueError(e: unknown): e is Error & { issues: readonly Issue[] } {
  // The check `isEgovPlanError` of @egov-plan/core makes, without loading core on the error path of a usage error.
  return e instanceof Error && e.name === 'EgovPlanError' && Array.isArray((e as { issues?: unknown }).issues);
}

/** Reports an error thrown by a command and returns the exit code it means. */
export function reportError(ctx: CliContext, e: unknown): number {
  if (isIssueError(e)) {
    printJsonError(ctx, e.issues);
    printIssues(ctx, e.issues);
    return EXIT.failure;
  }
  if (e instanceof UsageError) {
    printJsonError(ctx, [usageIssue(e.code, e.text)]);
    err(ctx, `${usageHeading(ctx)}: ${t(ctx, e.text)}`);
    return EXIT.usage;
  }
  const message = e instanceof Error ? e.message : String(e);
  printJsonError(ctx, [usageIssue(MSG.usageInternalError.code, usageText(MSG.usageInternalError, { message }))]);
  err(ctx, `${ctx.lang === 'en' ? 'Internal error (please report it)' : 'Lỗi nội bộ (xin báo lại)'}: ${message}`);
  return EXIT.failure;
}
