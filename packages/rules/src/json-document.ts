import { issueFrom, fromPointer, toPointer, utf8ByteLength, type Issue, type IssueCode } from '@egov-plan/core';
import { findNodeAtLocation, parseTree, visit, type Node, type ParseError } from 'jsonc-parser';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_RULE_LIMITS } from './engine/limits.js';
import { echo, encodingProblem } from './ingest/text.js';
import * as MSG from './messages.js';
import { JSON_SYNTAX_ERRORS, UNKNOWN_JSON_SYNTAX_ERROR } from './words.js';

export { DEFAULT_MAX_FILE_BYTES };

/** JSON text parsed with positions, so issues can name a line and column. */
export interface JsonDocument {
  /** The parsed value. */
  readonly value: unknown;
  /** The file name, when known. */
  readonly file: string | undefined;
  /** 1-based line and column of the value at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string): { line: number; column: number };
}


/** Most syntax issues listed for one text; the others are counted in one last issue. */
export const MAX_SYNTAX_ISSUES = 200;

/** Options of {@link parseJsonDocument}. */
export interface JsonDocumentOptions {
  /** The file name shown in issues. */
  file?: string;
  /** Largest text accepted, in UTF-8 bytes (default {@link DEFAULT_MAX_FILE_BYTES}). */
  maxBytes?: number;
  /** Deepest nesting of arrays and objects accepted (default {@link DEFAULT_RULE_LIMITS}`.maxJsonDepth`). */
  maxDepth?: number;
  /** Code of the issue for text nested too deeply (default `rules.too_deep`). */
  depthCode?: IssueCode;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

const DEPTH = Symbol('too deep');
const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/**
 * The first place where `text` nests arrays and objects deeper than `maxDepth`, measured by the
 * parser itself (so it agrees with it on strings, comments and broken text), or null. The parse
 * stops there: a text nested a million levels deep never reaches a recursion that deep.
 * @internal
 */
export function jsonDepthExceeded(text: string, maxDepth: number): { offset: number; line: number; column: number } | null {
  let depth = 0;
  let at: { offset: number; line: number; column: number } | null = null;
  const open = (offset: number, _length: number, line: number, character: number) => {
    if (++depth > maxDepth) {
      at = { offset, line: line + 1, column: character + 1 };
      throw DEPTH;
    }
  };
  const close = () => {
    depth--;
  };
  try {
    visit(text, { onObjectBegin: open, onArrayBegin: open, onObjectEnd: close, onArrayEnd: close }, PARSE_OPTIONS);
  } catch (e) {
    if (e !== DEPTH) throw e;
  }
  return at;
}

/** The issue of text nested more than `maxDepth` levels, or null. @internal */
export function jsonDepthIssue(text: string, maxDepth: number, file: string | undefined, code: IssueCode = 'rules.too_deep'): Issue | null {
  const at = jsonDepthExceeded(text, maxDepth);
  if (!at) return null;
  const message = code === MSG.jsonTooDeep.code ? MSG.jsonTooDeep : code === MSG.measurementTooDeep.code ? MSG.measurementTooDeep : { ...MSG.jsonTooDeep, code };
  return issueFrom(message, '', { max: maxDepth, line: at.line, column: at.column }, { line: at.line, column: at.column, ...withFile(file) });
}

/**
 * Parses strict JSON (no comments, no trailing commas) and keeps positions. Never throws for bad
 * input: returns the issues instead — text larger than `maxBytes` (`file.too_large`), text that
 * was not UTF-8 (`file.encoding`), nesting deeper than `maxDepth` (checked inside the parse),
 * each syntax error with line and column (`json.syntax`, at most {@link MAX_SYNTAX_ISSUES},
 * then one `json.too_many_issues` with the count), and each key written twice in one object
 * (`json.duplicate_key`, naming both places). Keys such as `__proto__` become plain own
 * properties; nothing touches a prototype.
 */
export function parseJsonDocument(text: string, options: JsonDocumentOptions = {}): { ok: true; document: JsonDocument } | { ok: false; issues: Issue[] } {
  const file = options.file;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const bytes = text.length > maxBytes ? text.length : utf8ByteLength(text);
  if (bytes > maxBytes) {
    return {
      ok: false,
      issues: [issueFrom(MSG.fileTooLarge, '', { size: bytes, max: maxBytes }, withFile(file))],
    };
  }
  const encoding = encodingProblem(text, file);
  if (encoding) return { ok: false, issues: [encoding] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = jsonDepthIssue(body, options.maxDepth ?? DEFAULT_RULE_LIMITS.maxJsonDepth, file, options.depthCode);
  if (deep) return { ok: false, issues: [deep] };
  const starts = lineStarts(body);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, PARSE_OPTIONS);
  if (errors.length > 0 || root === undefined) {
    return { ok: false, issues: syntaxIssues(errors.length ? errors : [{ error: 4, offset: 0, length: 0 }], starts, file) };
  }
  const duplicates: Issue[] = [];
  const value = nodeValue(root, [], duplicates, starts, file);
  if (duplicates.length) return { ok: false, issues: duplicates };
  return {
    ok: true,
    document: {
      value,
      file,
      locate(pointer: string) {
        return position(starts, locateNode(root, fromPointer(pointer)).offset);
      },
    },
  };
}

/** One issue per position (the parser often reports a follow-on error at the same offset), capped. */
function syntaxIssues(errors: readonly ParseError[], starts: number[], file: string | undefined): Issue[] {
  const seen = new Set<number>();
  const out: Issue[] = [];
  let more = 0;
  for (const e of errors) {
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    if (out.length >= MAX_SYNTAX_ISSUES) {
      more++;
      continue;
    }
    const what = JSON_SYNTAX_ERRORS[e.error] ?? UNKNOWN_JSON_SYNTAX_ERROR;
    out.push(issueFrom(MSG.jsonSyntax, '', { what }, { ...position(starts, e.offset), ...withFile(file) }));
  }
  if (more > 0) {
    out.push(
      issueFrom(MSG.jsonTooManyIssues, '', { more, max: MAX_SYNTAX_ISSUES }, withFile(file)),
    );
  }
  return out;
}

// Builds the value from the tree ourselves: a key written twice is an issue (never silently the
// last one), and keys such as "__proto__" become own data properties instead of touching prototypes.
// The depth was bounded before, so the recursion is too.
function nodeValue(node: Node, path: string[], duplicates: Issue[], starts: number[], file: string | undefined): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const keyAt = new Map<string, number>();
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const key = String(k.value);
        const first = keyAt.get(key);
        if (first !== undefined) {
          if (duplicates.length < MAX_SYNTAX_ISSUES) {
            const a = position(starts, first);
            const b = position(starts, k.offset);
            const shown = echo(key, 60);
            duplicates.push(
              issueFrom(MSG.jsonDuplicateKey, toPointer([...path, key]), { key: shown, firstLine: a.line, firstColumn: a.column, line: b.line, column: b.column }, { ...b, ...withFile(file) }),
            );
          }
          continue;
        }
        keyAt.set(key, k.offset);
        path.push(key);
        Object.defineProperty(out, key, { value: nodeValue(v, path, duplicates, starts, file), enumerable: true, writable: true, configurable: true });
        path.pop();
      }
      return out;
    }
    case 'array': {
      const children = node.children ?? [];
      const out = new Array<unknown>(children.length);
      for (let i = 0; i < children.length; i++) {
        path.push(String(i));
        out[i] = nodeValue(children[i] as Node, path, duplicates, starts, file);
        path.pop();
      }
      return out;
    }
    default:
      return node.value;
  }
}

function locateNode(root: Node, segments: string[]): Node {
  let node = root;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    const key: string | number = node.type === 'array' ? Number(seg) : seg;
    const next = findNodeAtLocation(node, [key]);
    if (!next) return node;
    // For the last segment of an object key, point at the property (its key), which is what a reader looks for.
    node = next;
  }
  if (node.parent?.type === 'property' && node.parent.children?.[1] === node && segments.length > 0) return node.parent;
  return node;
}

function withFile(file: string | undefined): { file?: string } {
  return file === undefined ? {} : { file };
}

/** Adds line, column and file to issues whose pointers refer into `document`. */
export function locateIssues(document: JsonDocument, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ ...i, ...document.locate(i.pointer), ...withFile(document.file) }));
}
