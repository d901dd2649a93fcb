import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EgovPlanError, issue, validatePlan, type Issue, type Plan, type ValidationResult } from '@egov-plan/core';
import { bundledPlan, isBundledPlanId } from './bundled.js';
import { DEFAULT_MAX_FILE_BYTES, locateIssues, parseJsonDocument } from './json-document.js';

/** Options for reading plan files. */
export interface LoadOptions {
  /** Directory relative paths are resolved against (default: `process.cwd()`). */
  cwd?: string;
  /** Largest file accepted, in bytes (default {@link DEFAULT_MAX_FILE_BYTES}). */
  maxBytes?: number;
}

/**
 * Validates the text of a plan file: JSON syntax, format, consistency. Every issue carries a
 * JSON pointer and, where it points into the text, a line and column.
 */
export function validatePlanText(text: string, options: { file?: string; maxBytes?: number } = {}): ValidationResult<Plan> {
  const parsed = parseJsonDocument(text, options);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const result = validatePlan(parsed.document.value);
  return result.ok ? result : { ok: false, issues: locateIssues(parsed.document, result.issues) };
}

function readIssue(path: string, err: unknown): Issue {
  const reason = err instanceof Error ? err.message : String(err);
  return issue('file.not_found', '', `Không đọc được tệp "${path}".`, `Cannot read file "${path}": ${reason}`, { file: path });
}

function unknownPlan(ref: string): EgovPlanError {
  return new EgovPlanError([
    issue('plan.unknown_plan', '', `Không có kế hoạch đóng gói nào có id "${ref}" và không có tệp nào ở đường dẫn này.`, `No bundled plan has id "${ref}" and no file exists at that path.`),
  ]);
}

function sizeCheck(path: string, maxBytes: number): void {
  const size = statSync(path).size;
  if (size > maxBytes) {
    throw new EgovPlanError([issue('file.too_large', '', `Tệp quá lớn: ${size} byte, tối đa ${maxBytes} byte.`, `File too large: ${size} bytes, at most ${maxBytes}.`, { file: path })]);
  }
}

/** Reads and validates a plan file, throwing {@link EgovPlanError} with every issue. */
export function readPlanFileSync(path: string, options: LoadOptions = {}): Plan {
  const full = resolve(options.cwd ?? process.cwd(), path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  let text: string;
  try {
    sizeCheck(full, maxBytes);
    text = readFileSync(full, 'utf8');
  } catch (err) {
    if (err instanceof EgovPlanError) throw err;
    throw new EgovPlanError([readIssue(path, err)]);
  }
  const r = validatePlanText(text, { file: path, maxBytes });
  if (!r.ok) throw new EgovPlanError(r.issues);
  return r.value;
}

/**
 * Resolves a plan reference — a bundled plan id or a file path — to a validated plan.
 * A bundled id wins over a file of the same name in the current directory.
 */
export function loadPlanSync(ref: string, options: LoadOptions = {}): Plan {
  const bundled = bundledPlan(ref);
  if (bundled) return bundled;
  const full = resolve(options.cwd ?? process.cwd(), ref);
  if (!existsSync(full)) throw unknownPlan(ref);
  return readPlanFileSync(ref, options);
}

/** Asynchronous {@link loadPlanSync}. */
export async function loadPlan(ref: string, options: LoadOptions = {}): Promise<Plan> {
  if (isBundledPlanId(ref)) return bundledPlan(ref) as Plan;
  const full = resolve(options.cwd ?? process.cwd(), ref);
  let text: string;
  try {
    sizeCheck(full, options.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
    text = await readFile(full, 'utf8');
  } catch (err) {
    if (err instanceof EgovPlanError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw unknownPlan(ref);
    throw new EgovPlanError([readIssue(ref, err)]);
  }
  const r = validatePlanText(text, { file: ref, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) });
  if (!r.ok) throw new EgovPlanError(r.issues);
  return r.value;
}
