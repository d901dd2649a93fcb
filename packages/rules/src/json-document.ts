import { issue, fromPointer, type Issue, utf8ByteLength } from '@egov-plan/core';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Largest file, in bytes, the library reads as a plan or rule file unless told otherwise. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** JSON text parsed with positions, so issues can name a line and column. */
export interface JsonDocument {
  /** The parsed value. */
  readonly value: unknown;
  /** The file name, when known. */
  readonly file: string | undefined;
  /** 1-based line and column of the value at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string): { line: number; column: number };
}

const errorVi: Record<string, string> = {
  InvalidSymbol: 'ký tự không hợp lệ',
  InvalidNumberFormat: 'số sai định dạng',
  PropertyNameExpected: 'cần tên thuộc tính',
  ValueExpected: 'cần một giá trị',
  ColonExpected: 'thiếu dấu hai chấm',
  CommaExpected: 'thiếu dấu phẩy',
  CloseBraceExpected: 'thiếu dấu }',
  CloseBracketExpected: 'thiếu dấu ]',
  EndOfFileExpected: 'thừa nội dung sau khi kết thúc JSON',
  InvalidCommentToken: 'JSON không cho phép chú thích',
  UnexpectedEndOfComment: 'chú thích chưa đóng',
  UnexpectedEndOfString: 'chuỗi chưa đóng',
  UnexpectedEndOfNumber: 'số chưa kết thúc',
  InvalidUnicode: 'mã Unicode không hợp lệ',
  InvalidEscapeCharacter: 'ký tự thoát không hợp lệ',
  InvalidCharacter: 'ký tự không hợp lệ',
};

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

/**
 * Parses strict JSON (no comments, no trailing commas) and keeps positions. Returns every
 * syntax error as an {@link Issue} with line and column instead of throwing.
 */
export function parseJsonDocument(
  text: string,
  options: { file?: string; maxBytes?: number } = {},
): { ok: true; document: JsonDocument } | { ok: false; issues: Issue[] } {
  const file = options.file;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const bytes = utf8ByteLength(text);
  if (bytes > maxBytes) {
    return {
      ok: false,
      issues: [issue('file.too_large', '', `Tệp quá lớn: ${bytes} byte, tối đa ${maxBytes} byte.`, `File too large: ${bytes} bytes, at most ${maxBytes}.`, withFile(file))],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts = lineStarts(body);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || root === undefined) {
    // One issue per position: the parser often reports a follow-on error at the same offset.
    const list = (errors.length ? errors : [{ error: 3, offset: 0, length: 0 } as ParseError]).filter((e, i, all) => all.findIndex((x) => x.offset === e.offset) === i);
    return {
      ok: false,
      issues: list.map((e) => {
        const name = printParseErrorCode(e.error);
        const at = position(starts, e.offset);
        return issue('json.syntax', '', `JSON không hợp lệ: ${errorVi[name] ?? name}.`, `Invalid JSON: ${name}.`, { ...at, ...withFile(file) });
      }),
    };
  }
  const value = nodeValue(root);
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

// Builds the value from the tree ourselves: duplicate keys keep the last value, as JSON.parse does,
// and keys such as "__proto__" become own data properties instead of touching prototypes.
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        Object.defineProperty(out, String(k.value), { value: nodeValue(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
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
