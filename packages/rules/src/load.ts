import { closeSync, constants as fsConstants, existsSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { EgovPlanError, Plan, checkFormatVersion, issue, validatePlan, type Issue, type ValidationResult } from '@egov-plan/core';
import { bundledPlan, isBundledPlanId } from './bundled.js';
import { DEFAULT_MAX_FILE_BYTES, locateIssues, parseJsonDocument, type JsonDocument } from './json-document.js';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './engine/limits.js';
import { decodeUtf8 } from './ingest/text.js';
import { resolveRuleFile, type RuleFileLayer, type RuleFileReader } from './engine/resolve.js';
import { FATAL_SAFETY_CODES, checkRuleFileValue, issuesFromZod, withoutShadowed } from './engine/safety.js';

/** Options for reading plan files. */
export interface LoadOptions {
  /** Directory relative paths are resolved against (default: `process.cwd()`). */
  cwd?: string;
  /** Largest file accepted, in bytes (default {@link DEFAULT_MAX_FILE_BYTES}). */
  maxBytes?: number;
  /** Limits on depth, size and counts (default {@link DEFAULT_RULE_LIMITS}). */
  limits?: Partial<RuleLimits>;
}

/** Options of {@link validatePlanText} and {@link validatePlanValue}. */
export interface ValidateTextOptions {
  /** The file name shown in issues; relative `extends` paths are resolved against its directory. */
  file?: string;
  /** Largest text accepted, in bytes. */
  maxBytes?: number;
  /** Directory `file` (and, without `file`, relative `extends`) is relative to (default: `process.cwd()`). */
  cwd?: string;
  /** Limits on depth, size and counts. */
  limits?: Partial<RuleLimits>;
}

const limitsOf = (o: { limits?: Partial<RuleLimits>; maxBytes?: number }): RuleLimits => ({
  ...DEFAULT_RULE_LIMITS,
  ...o.limits,
  ...(o.maxBytes === undefined ? {} : { maxFileBytes: o.maxBytes }),
});

const toPosix = (p: string) => (sep === '\\' ? p.split(sep).join('/') : p);

/** How a file is named in issues and provenance: relative to `cwd` when inside it. */
function displayPath(full: string, cwd: string): string {
  const rel = relative(cwd, full);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? toPosix(rel) : toPosix(full);
}

/**
 * Checks a parsed rule file, in this order: plain bounded JSON data without prototype keys
 * (anything else stops here), format version, schema with the condition subset, then — for the
 * root file — `extends` resolution and consistency. Issues carry pointers (and line and column
 * when `document` is given).
 */
/** Most issues reported for one file; the rest are counted in one last issue. */
export const MAX_ISSUES_PER_FILE = 500;

function capped(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES_PER_FILE) return issues;
  const more = issues.length - MAX_ISSUES_PER_FILE;
  return [
    ...issues.slice(0, MAX_ISSUES_PER_FILE),
    issue('rules.too_many_issues', '', `… và ${more} lỗi khác (chỉ liệt kê ${MAX_ISSUES_PER_FILE} lỗi đầu).`, `… and ${more} more issues (only the first ${MAX_ISSUES_PER_FILE} are listed).`),
  ];
}

function checkLayerValue(value: unknown, document: JsonDocument | undefined, limits: RuleLimits): { ok: true; plan: Plan } | { ok: false; issues: Issue[] } {
  const located = (issues: Issue[]) => {
    const few = capped(issues);
    return document ? locateIssues(document, few) : few;
  };
  const safety = checkRuleFileValue(value, limits);
  const fatal = safety.filter((i) => FATAL_SAFETY_CODES.has(i.code));
  if (fatal.length) {
    // Prototype keys are plain data here (the parser made them own properties): the schema can still
    // say what else is wrong. Anything else that is not plain bounded data goes no further.
    if (!fatal.every((i) => i.code === 'rules.forbidden_key')) return { ok: false, issues: located(fatal) };
    const parsed = Plan.safeParse(value);
    return { ok: false, issues: located([...fatal, ...(parsed.success ? [] : issuesFromZod(parsed.error.issues, value))]) };
  }
  const version = checkFormatVersion(value);
  if (version) return { ok: false, issues: located([version]) };
  const parsed = Plan.safeParse(value);
  const schema = parsed.success ? [] : issuesFromZod(parsed.error.issues, value);
  const issues = [...safety, ...withoutShadowed(safety, schema)];
  if (issues.length || !parsed.success) {
    // As core's validatePlan does: consistency problems are reported with the schema's, except for
    // a file with `extends`, whose consistency only means something once resolved.
    const extendsOthers = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'extends');
    if (!parsed.success && !extendsOthers) {
      const seen = new Set(issues.map((i) => i.pointer));
      issues.push(...validatePlan(value).issues.filter((i) => i.code.startsWith('plan.') && !seen.has(i.pointer)));
    }
    return { ok: false, issues: located(issues) };
  }
  return { ok: true, plan: parsed.data };
}

/**
 * Reads the plans a rule file extends from the file system and the bundled plans. Each file is
 * read once; paths are resolved relative to the extending file.
 */
export function fileRuleReader(options: { cwd?: string; maxBytes?: number; limits?: Partial<RuleLimits> } = {}): RuleFileReader {
  const cwd = options.cwd ?? process.cwd();
  const limits = limitsOf(options);
  const cache = new Map<string, { layer: RuleFileLayer } | { issues: Issue[] }>();
  return {
    read(ref, fromDir) {
      if (isBundledPlanId(ref)) {
        const key = `bundled:${ref}`;
        let hit = cache.get(key);
        if (!hit) {
          hit = { layer: { key, display: ref, plan: bundledPlan(ref) as Plan } };
          cache.set(key, hit);
        }
        return hit;
      }
      const full = resolve(fromDir ?? cwd, ref);
      if (!existsSync(full)) return { issues: [unknownPlanIssue(ref)] };
      let key = full;
      try {
        key = realpathSync(full);
      } catch {
        // keep the resolved path
      }
      const hit = cache.get(key);
      if (hit) return hit;
      const display = displayPath(full, cwd);
      let result: { layer: RuleFileLayer } | { issues: Issue[] };
      try {
        const text = readTextFileSync(full, display, limits.maxFileBytes);
        const r = readLayerText(text, display, limits);
        result = r.ok ? { layer: { key, display, plan: r.plan, document: r.document, dir: dirname(full) } } : { issues: r.issues };
      } catch (e) {
        result = { issues: e instanceof EgovPlanError ? [...e.issues] : [readIssue(display, e)] };
      }
      cache.set(key, result);
      return result;
    },
  };
}

function readLayerText(text: string, file: string | undefined, limits: RuleLimits): { ok: true; plan: Plan; document: JsonDocument } | { ok: false; issues: Issue[] } {
  const parsed = parseJsonDocument(text, { ...(file === undefined ? {} : { file }), maxBytes: limits.maxFileBytes, maxDepth: limits.maxJsonDepth });
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const r = checkLayerValue(parsed.document.value, parsed.document, limits);
  return r.ok ? { ok: true, plan: r.plan, document: parsed.document } : r;
}

/**
 * Validates the text of a plan or rule file: JSON syntax, safety (depth, size, prototype keys,
 * the condition subset), format, `extends` (bundled ids, or paths relative to `file`), conflicts
 * and consistency. Every issue carries a JSON pointer and, where it points into a file's text, a
 * line and column. Never throws for bad input.
 */
export function validatePlanText(text: string, options: ValidateTextOptions = {}): ValidationResult<Plan> {
  const limits = limitsOf(options);
  const cwd = options.cwd ?? process.cwd();
  const file = options.file;
  const r = readLayerText(text, file, limits);
  if (!r.ok) return { ok: false, issues: r.issues };
  const full = file === undefined ? undefined : resolve(cwd, file);
  let key = full ?? '<text>';
  try {
    if (full) key = realpathSync(full);
  } catch {
    // a name for text that is not on disk
  }
  const root: RuleFileLayer = { key, display: file ?? r.plan.id, plan: r.plan, document: r.document, dir: full ? dirname(full) : cwd };
  return resolveRuleFile(root, fileRuleReader({ cwd, limits }), limits);
}

/**
 * Validates a rule file given as a value (for example parsed JSON, or an object built in code)
 * the way {@link validatePlanText} validates text. Relative `extends` paths are resolved against
 * `cwd`. Never throws for bad input.
 */
export function validatePlanValue(value: unknown, options: Omit<ValidateTextOptions, 'maxBytes'> = {}): ValidationResult<Plan> {
  const limits = limitsOf(options);
  const cwd = options.cwd ?? process.cwd();
  const r = checkLayerValue(value, undefined, limits);
  if (!r.ok) return { ok: false, issues: options.file === undefined ? r.issues : r.issues.map((i) => ({ ...i, file: options.file as string })) };
  const root: RuleFileLayer = { key: '<value>', display: options.file ?? r.plan.id, plan: r.plan, dir: cwd };
  return resolveRuleFile(root, fileRuleReader({ cwd, limits }), limits);
}

/**
 * Reads a text file of at most `maxBytes` bytes, refusing anything that is not a regular file
 * (a FIFO, a device such as `/dev/zero`, a directory, a socket) without blocking on it. Files that
 * report no size (such as those in `/proc`) are read only up to the limit. The bytes must be UTF-8.
 * Throws {@link EgovPlanError} (`file.not_found`, `file.too_large` or `file.encoding`) naming `display`.
 */
export function readTextFileSync(full: string, display: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
    fd = openSync(full, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new EgovPlanError([readIssue(display, err)]);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new EgovPlanError([readIssue(display, new Error('not a regular file'))]);
    if (st.size > maxBytes) throw new EgovPlanError([tooLarge(display, st.size, maxBytes)]);
    const buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(st.size, 65_536) + 1));
    let total = 0;
    let chunk = buf;
    for (;;) {
      if (total === chunk.length) {
        if (chunk.length > maxBytes) break;
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, total);
        chunk = bigger;
      }
      const n = readSync(fd, chunk, total, chunk.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > maxBytes) throw new EgovPlanError([tooLarge(display, total, maxBytes)]);
    return decodeUtf8(chunk.subarray(0, total), display);
  } catch (err) {
    if (err instanceof EgovPlanError) throw err;
    throw new EgovPlanError([readIssue(display, err)]);
  } finally {
    closeSync(fd);
  }
}

function readIssue(path: string, err: unknown): Issue {
  const reason = err instanceof Error ? err.message : String(err);
  return issue('file.not_found', '', `Không đọc được tệp "${path}".`, `Cannot read file "${path}": ${reason}`, { file: path });
}

function unknownPlanIssue(ref: string): Issue {
  return issue('plan.unknown_plan', '', `Không có kế hoạch đóng gói nào có id "${ref}" và không có tệp nào ở đường dẫn này.`, `No bundled plan has id "${ref}" and no file exists at that path.`);
}

function unknownPlan(ref: string): EgovPlanError {
  return new EgovPlanError([unknownPlanIssue(ref)]);
}

function tooLarge(path: string, size: number, maxBytes: number): Issue {
  return issue('file.too_large', '', `Tệp quá lớn: ${size} byte, tối đa ${maxBytes} byte.`, `File too large: ${size} bytes, at most ${maxBytes}.`, { file: path });
}

/** Resolves a bundled plan that itself extends others (none does today); returns it unchanged otherwise. */
function resolvedBundled(ref: string, options: LoadOptions): Plan {
  const plan = bundledPlan(ref) as Plan;
  if (!plan.extends && !plan.addTargets) return plan;
  const limits = limitsOf(options);
  const r = resolveRuleFile({ key: `bundled:${ref}`, display: ref, plan }, fileRuleReader({ ...options, limits }), limits);
  if (!r.ok) throw new EgovPlanError(r.issues);
  return r.value;
}

/** Reads, validates and resolves a plan file, throwing {@link EgovPlanError} with every issue. */
export function readPlanFileSync(path: string, options: LoadOptions = {}): Plan {
  const cwd = options.cwd ?? process.cwd();
  const full = resolve(cwd, path);
  const limits = limitsOf(options);
  const text = readTextFileSync(full, path, limits.maxFileBytes);
  const r = validatePlanText(text, { file: path, cwd, limits });
  if (!r.ok) throw new EgovPlanError(r.issues);
  return r.value;
}

/**
 * Resolves a plan reference — a bundled plan id or a file path — to a validated plan, with its
 * `extends` resolved. A bundled id wins over a file of the same name in the current directory.
 */
export function loadPlanSync(ref: string, options: LoadOptions = {}): Plan {
  if (isBundledPlanId(ref)) return resolvedBundled(ref, options);
  const full = resolve(options.cwd ?? process.cwd(), ref);
  if (!existsSync(full)) throw unknownPlan(ref);
  return readPlanFileSync(ref, options);
}

/** Asynchronous {@link loadPlanSync} (the plans a file extends are read synchronously). */
export async function loadPlan(ref: string, options: LoadOptions = {}): Promise<Plan> {
  if (isBundledPlanId(ref)) return resolvedBundled(ref, options);
  const cwd = options.cwd ?? process.cwd();
  const full = resolve(cwd, ref);
  const limits = limitsOf(options);
  if (!existsSync(full)) throw unknownPlan(ref);
  const text = readTextFileSync(full, ref, limits.maxFileBytes);
  const r = validatePlanText(text, { file: ref, cwd, limits });
  if (!r.ok) throw new EgovPlanError(r.issues);
  return r.value;
}
