import type { Issue } from '@egov-plan/core';
import { decodeUtf8, parseJsonDocument, type JsonDocument } from '@egov-plan/rules';
import { HttpError, httpErrorFrom } from './errors.js';
import * as MSG from './messages.js';

// Reading a request body as an untrusted stream: the content type first, then at most
// `maxBytes` bytes (the declared Content-Length is checked before a byte is read) within
// `timeoutMs` (a client that trickles its body is cut off), then strict UTF-8 and strict JSON,
// with line and column in every syntax issue.

/** Limits of {@link readJsonBody}. */
export interface BodyLimits {
  /** Most bytes of a body. */
  maxBytes: number;
  /** Most milliseconds between the handler's first read and the body's last byte. */
  timeoutMs: number;
}

/** Name under which a request body appears in issues (`file`). */
export const BODY_NAME = 'request';

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/iu;

/** Headers that end the connection after an error the body caused (the rest of it is never read). */
const CLOSE = { connection: 'close' };

/** True when a `Content-Type` header names JSON (`application/json`, `…+json`, any parameters). */
export function isJsonContentType(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && JSON_TYPE.test(value);
}

function tooLarge(maxBytes: number, got: string): HttpError {
  return httpErrorFrom(413, MSG.httpPayloadTooLarge, '', { got, max: maxBytes }, CLOSE);
}

/** Reads the whole body as bytes within the limits; throws {@link HttpError} 413 or 408. */
export async function readBodyBytes(request: Request, limits: BodyLimits): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/u.test(declared) && Number(declared) > limits.maxBytes) throw tooLarge(limits.maxBytes, `${declared} byte`);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(httpErrorFrom(408, MSG.httpRequestTimeout, '', { ms: limits.timeoutMs }, CLOSE)),
      limits.timeoutMs,
    );
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) throw tooLarge(limits.maxBytes, `> ${limits.maxBytes} byte`);
      chunks.push(value);
    }
  } catch (e) {
    reader.cancel().catch(() => undefined);
    throw e;
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** A JSON body read and parsed: its text (for line and column) and its document. */
export interface JsonBody {
  text: string;
  document: JsonDocument;
}

/**
 * Reads a JSON request body: 415 unless the content type is JSON, 413 past `maxBytes`, 408 past
 * `timeoutMs`, 400 with `file.encoding` or `json.*` issues (line and column) for text that is not
 * strict UTF-8 JSON.
 */
export async function readJsonBody(request: Request, limits: BodyLimits): Promise<JsonBody> {
  const type = request.headers.get('content-type');
  if (!isJsonContentType(type)) {
    throw type === null ? httpErrorFrom(415, MSG.httpUnsupportedMediaTypeMissing, '/headers/content-type', {}, CLOSE) : httpErrorFrom(415, MSG.httpUnsupportedMediaType, '/headers/content-type', { type }, CLOSE);
  }
  const bytes = await readBodyBytes(request, limits);
  let text: string;
  try {
    text = decodeUtf8(bytes, BODY_NAME);
  } catch (e) {
    throw new HttpError(400, (e as { issues?: Issue[] }).issues ?? []);
  }
  const parsed = parseJsonDocument(text, { file: BODY_NAME, maxBytes: limits.maxBytes });
  if (!parsed.ok) throw new HttpError(400, parsed.issues);
  return { text, document: parsed.document };
}
