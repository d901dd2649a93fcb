/**
 * Node.js file loading for `@egov-plan/rules`: plan and rule files read from disk, `extends`
 * resolved from a directory, text files read with size limits. The root entry
 * (`@egov-plan/rules`) imports nothing from Node; this entry (`@egov-plan/rules/node`) does.
 *
 * @module
 */
import { closeSync, constants as fsConstants, existsSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { Buffer } from 'node:buffer';
import { EgovPlanError, issueFrom, type Issue, type Plan, type ValidationResult } from '@egov-plan/core';
import * as MSG from './messages.js';
import { bundledPlan, bundledSource, isBundledPlanId } from './bundled.js';
import { checkPlanCalendar } from './calendar/checks.js';
import { decodeUtf8 } from './ingest/text.js';
import { DEFAULT_MAX_FILE_BYTES, locateIssues, type JsonDocument } from './json-document.js';
import type { RuleLimits } from './engine/limits.js';
import {
  parseRuleFileText,
  pathNotAllowedIssue,
  ruleLimits,
  safeResolvePlan,
  safeResolvePlanSync,
  unknownBaseIssue,
  type ResolveOptions,
  type ResolveResult,
  type RuleFileRead,
  type RuleFileSource,
} from './engine/resolve.js';

/** Options for reading plan files. */
export interface LoadOptions {
  /** Directory relative paths are resolved against (default: `process.cwd()`). */
  cwd?: string;
  /** Largest file accepted, in bytes (default {@link DEFAULT_MAX_FILE_BYTES}). */
  maxBytes?: number;
  /** Limits on depth, size and counts (default `DEFAULT_RULE_LIMITS`). */
  limits?: Partial<RuleLimits>;
  /**
   * Let `extends` paths leave the rule file's own folder tree (default `false`: a path outside it
   * is refused with `rules.path_not_allowed`, without saying whether anything is there).
   */
  allowOutside?: boolean;
  /**
   * Called with each warning of a plan that loads (`severity: "warning"`: an unverified provenance
   * claim, a deadline that leaves no working day after the data cut-off, …). The plan is valid and
   * returned all the same; without this option the warnings are only in {@link validatePlanText}'s result.
   */
  onWarning?: (warning: Issue) => void;
}

/** Options of {@link validatePlanText} and {@link validatePlanValue}. */
export interface ValidateTextOptions extends LoadOptions {
  /** The file name shown in issues; relative `extends` paths are resolved against its directory. */
  file?: string;
}

/** Options of {@link directorySource}. */
export interface DirectorySourceOptions {
  /** The folder tree `extends` paths are confined to; also where the first file's relative paths start when it is not on disk. */
  root: string;
  /** Directory file names in issues and provenance are relative to (default: `process.cwd()`). */
  cwd?: string;
  /** Largest file read, in bytes (default {@link DEFAULT_MAX_FILE_BYTES}). */
  maxBytes?: number;
  /** Let paths leave `root` (default `false`). */
  allowOutside?: boolean;
  /** Asked for references that are not paths (default: `bundledSource()`, the bundled plan ids). */
  base?: RuleFileSource;
}

const limitsOf = (o: { limits?: Partial<RuleLimits>; maxBytes?: number }): RuleLimits =>
  ruleLimits({ ...o.limits, ...(o.maxBytes === undefined ? {} : { maxFileBytes: o.maxBytes }) });

const toPosix = (p: string) => (sep === '\\' ? p.split(sep).join('/') : p);

/** How a file is named in issues and provenance: relative to `cwd` when inside it. */
function displayPath(full: string, cwd: string): string {
  const rel = relative(cwd, full);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? toPosix(rel) : toPosix(full);
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * A rule-file source over a directory on disk: relative `extends` paths are read against the
 * extending file's folder, confined to `options.root` (a path outside it, also through a symbolic
 * link, is refused with `rules.path_not_allowed` and nothing about what is there), bundled ids go
 * to `options.base`. Each file is read once; files are refused when not regular or too large.
 * Synchronous, so it serves both `resolvePlan` and `resolvePlanSync`.
 */
export function directorySource(options: DirectorySourceOptions): RuleFileSource {
  const cwd = options.cwd ?? process.cwd();
  const root = realOr(resolve(cwd, options.root));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const base = options.base ?? bundledSource();
  const cache = new Map<string, RuleFileRead>();
  const notAllowed = (ref: string): RuleFileRead => ({
    issues: [pathNotAllowedIssue(ref, MSG.rulesPathOutsideFolder)],
  });
  return {
    read(ref, from) {
      if (isBundledPlanId(ref)) return base.read(ref, from);
      const full = resolve(isAbsolute(from.key) ? dirname(from.key) : root, ref);
      // Lexically first (no file-system access for a path outside), then through links.
      if (!options.allowOutside && !inside(root, full)) return notAllowed(ref);
      if (!existsSync(full)) return options.allowOutside || inside(root, full) ? { issues: [unknownBaseIssue(ref)] } : notAllowed(ref);
      const key = realOr(full);
      if (!options.allowOutside && !inside(root, key)) return notAllowed(ref);
      const hit = cache.get(key);
      if (hit) return hit;
      const name = displayPath(full, cwd);
      let result: RuleFileRead;
      try {
        result = { entry: { key, name, text: readTextFileSync(full, name, maxBytes) } };
      } catch (e) {
        const issues = e instanceof EgovPlanError ? [...e.issues] : [readIssue(name, e)];
        // Something that cannot be read as a file (a directory, a device) is no base plan at all.
        result = { issues: issues.every((i) => i.code === 'file.not_found') ? [unknownBaseIssue(ref)] : issues };
      }
      cache.set(key, result);
      return result;
    },
  };
}

/** The resolve options for a rule file at `file` (or, without one, text or a value from `cwd`). */
function fileResolveOptions(file: string | undefined, options: LoadOptions, limits: RuleLimits): Omit<ResolveOptions, 'document'> {
  const cwd = options.cwd ?? process.cwd();
  const full = file === undefined ? undefined : resolve(cwd, file);
  const key = full === undefined ? '<text>' : realOr(full);
  const root = full === undefined ? cwd : dirname(key);
  return {
    source: directorySource({ root, cwd, maxBytes: limits.maxFileBytes, ...(options.allowOutside === undefined ? {} : { allowOutside: options.allowOutside }) }),
    limits,
    key,
    ...(file === undefined ? {} : { name: file }),
  };
}

/**
 * Validates the text of a plan or rule file: JSON syntax, safety (depth, size, prototype keys,
 * the condition subset), format, `extends` (bundled ids, or paths relative to `file` inside its
 * folder), conflicts and consistency; returns the resolved plan. Every issue carries a JSON
 * pointer and, where it points into a file's text, a line and column. Never throws for bad input.
 */
export function validatePlanText(text: string, options: ValidateTextOptions = {}): ValidationResult<Plan> {
  const limits = limitsOf(options);
  const parsed = parseRuleFileText(text, { ...(options.file === undefined ? {} : { file: options.file }), limits });
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const result = safeResolvePlanSync(parsed.ruleFile, { ...fileResolveOptions(options.file, options, limits), document: parsed.document });
  return withCalendarWarnings(result, options.file, warningDocument(parsed.ruleFile, parsed.document));
}

/** Pointers of the warnings are into the resolved plan: they locate in the file only when it extends nothing. */
function warningDocument(ruleFile: { extends?: readonly unknown[] }, document: JsonDocument): JsonDocument | undefined {
  return ruleFile.extends && ruleFile.extends.length > 0 ? undefined : document;
}

/** A valid plan gets the calendar's warnings (`severity: "warning"`); it stays valid. */
function withCalendarWarnings(result: ValidationResult<Plan>, file: string | undefined, document?: JsonDocument): ValidationResult<Plan> {
  if (!result.ok) return result;
  const warnings = checkPlanCalendar(result.value).map((w) => (file === undefined ? w : { ...w, file }));
  return warnings.length ? { ...result, issues: [...result.issues, ...(document ? locateIssues(document, warnings) : warnings)] } : result;
}

/**
 * Validates a rule file given as a value (for example parsed JSON, or an object built in code)
 * the way {@link validatePlanText} validates text. Relative `extends` paths are resolved against
 * `cwd` (or `file`'s folder). Never throws for bad input.
 */
export function validatePlanValue(value: unknown, options: Omit<ValidateTextOptions, 'maxBytes'> = {}): ValidationResult<Plan> {
  const limits = limitsOf(options);
  const opts = fileResolveOptions(options.file, options, limits);
  return withCalendarWarnings(safeResolvePlanSync(value, options.file === undefined ? { ...opts, key: '<value>' } : opts), options.file);
}

/**
 * Reads a text file of at most `maxBytes` bytes, refusing anything that is not a regular file
 * (a FIFO, a device such as `/dev/zero`, a directory, a socket) without blocking on it. Files that
 * report no size (such as those in `/proc`) are read only up to the limit. Throws
 * {@link EgovPlanError} (`file.not_found` or `file.too_large`) naming `display`.
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
    if (!st.isFile()) throw new EgovPlanError([issueFrom(MSG.fileNotRegular, '', { path: display }, { file: display })]);
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
  const system = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  // The system's text is English: the Vietnamese message names its code (`ENOENT`) instead.
  return issueFrom(MSG.fileUnreadable, '', { path, reason: { vi: typeof code === 'string' ? `lỗi hệ thống ${code}` : 'lỗi hệ thống', en: system } }, { file: path });
}

function unknownPlan(ref: string): EgovPlanError {
  return new EgovPlanError([
    issueFrom(MSG.planUnknownPlan, '', { ref }),
  ]);
}

function tooLarge(path: string, size: number, maxBytes: number): Issue {
  return issueFrom(MSG.fileTooLarge, '', { size, max: maxBytes }, { file: path });
}

/** The plan of a result, its warnings handed to `onWarning`; throws {@link EgovPlanError} when it is not valid. */
function orThrow(r: ValidationResult<Plan>, onWarning?: (warning: Issue) => void): Plan {
  if (!r.ok) throw new EgovPlanError(r.issues);
  if (onWarning) for (const i of r.issues) if (i.severity === 'warning') onWarning(i);
  return r.value;
}

/** Reads, validates and resolves a plan file, throwing {@link EgovPlanError} with every issue. */
export function readPlanFileSync(path: string, options: LoadOptions = {}): Plan {
  const limits = limitsOf(options);
  const text = readTextFileSync(resolve(options.cwd ?? process.cwd(), path), path, limits.maxFileBytes);
  return orThrow(validatePlanText(text, { ...options, file: path, limits }), options.onWarning);
}

/**
 * Resolves a plan reference — a bundled plan id or a file path — to a validated plan, with its
 * `extends` resolved. A bundled id wins over a file of the same name in the current directory.
 */
export function loadPlanSync(ref: string, options: LoadOptions = {}): Plan {
  if (isBundledPlanId(ref)) return bundledPlan(ref);
  if (!existsSync(resolve(options.cwd ?? process.cwd(), ref))) throw unknownPlan(ref);
  return readPlanFileSync(ref, options);
}

/** Asynchronous {@link loadPlanSync}. */
export async function loadPlan(ref: string, options: LoadOptions = {}): Promise<Plan> {
  if (isBundledPlanId(ref)) return bundledPlan(ref);
  const limits = limitsOf(options);
  const full = resolve(options.cwd ?? process.cwd(), ref);
  if (!existsSync(full)) throw unknownPlan(ref);
  const text = readTextFileSync(full, ref, limits.maxFileBytes);
  const parsed = parseRuleFileText(text, { file: ref, limits });
  if (!parsed.ok) throw new EgovPlanError(parsed.issues);
  const result = await safeResolvePlan(parsed.ruleFile, { ...fileResolveOptions(ref, options, limits), document: parsed.document });
  return orThrow(withCalendarWarnings(result, ref, warningDocument(parsed.ruleFile, parsed.document)), options.onWarning);
}
