import { issue, issueFrom, type Issue, type IssueCode, type IssueMessage, type IssueParams } from '@egov-plan/core';
import * as MSG from './messages.js';

// Every error response of the API has one shape, the CLI's `--json` error: a status, and
// `{ ok: false, error: { code, issues } }` where each issue has a code, a JSON pointer into the
// request (the body, or `/query/<name>`, `/params/<name>`, `/headers/<name>`) and a message in
// Vietnamese and English.

/** An error the handler answers with: an HTTP status and the issues behind it. */
export class HttpError extends Error {
  /** The HTTP status (4xx for the caller's mistakes, 5xx for the server's). */
  readonly status: number;
  /** Every issue found (at least one). */
  readonly issues: readonly Issue[];
  /** Extra response headers (`WWW-Authenticate`, `Allow`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, issues: readonly Issue[], headers: Record<string, string> = {}) {
    super(issues[0]?.message.en ?? `HTTP ${status}`);
    this.name = 'HttpError';
    this.status = status;
    this.issues = issues;
    this.headers = headers;
  }
}

/** Builds an {@link HttpError} of one issue, worded by an issue message (internal; `httpError` takes the texts). */
export function httpErrorFrom<const M extends IssueMessage>(status: number, message: M, pointer: string, params: IssueParams<M>, headers: Record<string, string> = {}): HttpError {
  return new HttpError(status, [issueFrom(message, pointer, params)], headers);
}

/** Builds an {@link HttpError} of one issue from its code and its message in both languages. */
export function httpError(status: number, code: IssueCode, pointer: string, vi: string, en: string, headers: Record<string, string> = {}): HttpError {
  return new HttpError(status, [issue(code, pointer, vi, en)], headers);
}

/** The body of an error response: `{ ok: false, error: { code, issues } }` (`code` is the first issue's). */
export function errorBody(issues: readonly Issue[]): { ok: false; error: { code: IssueCode; issues: Issue[] } } {
  const first = issues[0] ?? issueFrom(MSG.httpInternalErrorUnknown, '', {});
  return { ok: false, error: { code: first.code, issues: issues.length ? [...issues] : [first] } };
}

/** The JSON response of an error (`Cache-Control: no-store`). */
export function errorResponse(status: number, issues: readonly Issue[], headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(errorBody(issues)), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
