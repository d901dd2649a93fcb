import { EgovPlanError, issue, type Issue } from '@egov-plan/core';

// Text as the library receives it: bytes decoded as UTF-8 (refusing anything else with one
// clear issue), sizes in UTF-8 bytes, and values shortened before they are echoed in a message.
// Browser-safe: TextDecoder is a global in browsers, Node and edge runtimes.

/** The most characters of a value echoed in a message. @internal */
export const MAX_ECHO_CHARS = 60;

/**
 * A value as shown inside a message: JSON-quoted, at most `max` characters (then `…`), with
 * control characters escaped by the quoting, so a message never carries a whole line of a file.
 *
 * @internal
 */
export function echo(value: string, max: number = MAX_ECHO_CHARS): string {
  const chars = Array.from(value.length > max * 2 ? value.slice(0, max * 2) : value);
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join(''));
}

function encodingIssue(file: string | undefined, what: { vi: string; en: string }, at: { line?: number; column?: number } = {}): Issue {
  return issue(
    'file.encoding',
    '',
    `${file === undefined ? 'Văn bản' : `Tệp "${file}"`} không phải UTF-8: ${what.vi}. Hãy lưu lại dưới dạng UTF-8.`,
    `${file === undefined ? 'The text' : `File "${file}"`} is not UTF-8: ${what.en}. Save it as UTF-8.`,
    { ...at, ...(file === undefined ? {} : { file }) },
  );
}

/**
 * Decodes bytes as UTF-8 (a UTF-8 byte-order mark is kept for the readers to skip). UTF-16
 * (byte-order mark FE FF / FF FE, or text full of NUL bytes) and bytes that are not UTF-8 throw
 * {@link EgovPlanError} with one `file.encoding` issue instead of thousands of syntax errors.
 */
export function decodeUtf8(bytes: Uint8Array, file?: string): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0xff && b1 === 0xfe)) {
    throw new EgovPlanError([encodingIssue(file, { vi: 'tệp được mã hoá UTF-16 (có dấu BOM UTF-16)', en: 'it is encoded as UTF-16 (it starts with a UTF-16 byte-order mark)' })]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new EgovPlanError([encodingIssue(file, { vi: 'có chuỗi byte không hợp lệ trong UTF-8 (có thể là Windows-1258 hoặc TCVN3)', en: 'it holds byte sequences that are not valid UTF-8 (perhaps Windows-1258 or TCVN3)' })]);
  }
  const bad = encodingProblem(text, file);
  if (bad) throw new EgovPlanError([bad]);
  return text;
}

/**
 * The `file.encoding` issue of text that was decoded from something other than UTF-8, or null:
 * text holding NUL characters (UTF-16 read as UTF-8, or a binary file) or replacement characters
 * U+FFFD (bytes a decoder could not read). Reported once, at the first such character.
 *
 * @internal
 */
export function encodingProblem(text: string, file?: string): Issue | null {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  const at = nul < 0 ? bad : bad < 0 ? nul : Math.min(nul, bad);
  if (at < 0) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const what =
    at === nul
      ? { vi: 'có ký tự NUL (thường là tệp UTF-16 hoặc tệp nhị phân)', en: 'it holds NUL characters (usually a UTF-16 or a binary file)' }
      : { vi: 'có ký tự thay thế U+FFFD (các byte không đọc được dưới dạng UTF-8)', en: 'it holds replacement characters U+FFFD (bytes that could not be read as UTF-8)' };
  return encodingIssue(file, what, { line, column: at - lineStart + 1 });
}
