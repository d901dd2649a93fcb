import {
  EgovPlanError,
  Plan,
  RuleFile,
  Target,
  checkFormatVersion,
  checkPlanConsistency,
  fromPointer,
  isPromiseLike,
  issue,
  toPointer,
  validatePlan,
  type Awaitable,
  type Indicator,
  type Issue,
  type ProvenanceOrigin,
  type Target as TargetType,
  type TargetOverride,
  type TargetWithdrawal,
  type ValidationResult,
} from '@egov-plan/core';
import { locateIssues, parseJsonDocument, type JsonDocument } from '../json-document.js';
import { applyChanges, compareOverrides } from './changes.js';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.js';
import { verifyProvenance } from './provenance.js';
import { FATAL_SAFETY_CODES, checkRuleFileValue, issuesFromZod, withoutShadowed } from './safety.js';

// Resolution of `extends`: the plans a rule file builds on are read from a source (bundled ids,
// paths, database rows …), ordered base first, and merged into one self-contained plan. Targets
// are added, overridden from a date or withdrawn; nothing else of an inherited plan can be
// changed. Every target, override and withdrawal keeps its origin (file and JSON pointer).
//
// The walk over the `extends` graph is a generator that yields each read: `resolvePlan` awaits
// them (any source), `resolvePlanSync` requires a source that answers synchronously (bundled
// plans, a map in memory, a directory on disk) and so keeps synchronous loading possible.

/** What a {@link RuleFileSource} returns for one plan reference: the file's content and identity. */
export interface RuleFileEntry {
  /**
   * Identity of the file in its source (`bundled:<id>`, an absolute path, a database key): a file
   * reached twice is read and checked once, and cycles are found by it.
   */
  key: string;
  /** How the file is named in issues and provenance: the bundled id, a path, a name. */
  name: string;
  /** The file's text (JSON); parsed here with positions, so issues get a line and column. */
  text?: string;
  /** The file's content as a value, when there is no text (checked like text would be). */
  value?: unknown;
}

/** Where a rule file sits, passed to {@link RuleFileSource.read} for the file whose `extends` is read. */
export interface RuleFileLocation {
  /** The {@link RuleFileEntry.key} of the file (for the file being resolved: see {@link ResolveOptions.key}). */
  key: string;
  /** How the file is named. */
  name: string;
}

/** The answer of a source: the file, or why it cannot be used (e.g. `rules.unknown_base`, `rules.path_not_allowed`). */
export type RuleFileRead = { entry: RuleFileEntry } | { issues: Issue[] };

/**
 * Where the plans named in `extends` come from. `read` may answer synchronously or with a promise
 * ({@link Awaitable}), so bundled plans, a map in memory, a directory on disk (in
 * `@egov-plan/rules/node`) and a database all implement it. A source decides which references it
 * accepts: one for files that arrive over a network answers bundled ids only.
 */
export interface RuleFileSource {
  /** Reads the plan `ref` named in `extends` of the file at `from`. */
  read(ref: string, from: RuleFileLocation): Awaitable<RuleFileRead>;
}

/** Options of {@link resolvePlan} and its variants. */
export interface ResolveOptions {
  /**
   * Where `extends` are read from: `bundledSource()` (bundled plan ids only, for files that arrive
   * over a network), `memorySource(…)`, `directorySource(…)` from `@egov-plan/rules/node`, or your own.
   */
  source: RuleFileSource;
  /** Limits on depth, size and counts (default {@link DEFAULT_RULE_LIMITS}). */
  limits?: Partial<RuleLimits>;
  /** How the rule file is named in issues and provenance (default: its `id`). */
  name?: string;
  /** Identity of the rule file in `source`, against which its relative `extends` are read (default: `name`). */
  key?: string;
  /** The parsed text of the rule file, for line and column of issues (see {@link parseRuleFileText}). */
  document?: JsonDocument;
}

/** One file of an `extends` chain, already checked against the schema (not yet resolved). */
export interface RuleFileLayer {
  /** Identity of the file in its source. */
  key: string;
  /** How the file is named in provenance and issues: the bundled id or a path. */
  display: string;
  /** The file's content. */
  plan: RuleFile;
  /** The parsed text, for line and column of issues. */
  document?: JsonDocument;
}

/** The outcome of a non-throwing resolution. */
export type ResolveResult = ValidationResult<Plan>;

type Path = string;
interface Origin {
  layer: RuleFileLayer;
  pointer: Path;
}
interface TargetEntry {
  target: TargetType;
  indicator: string;
  at: Origin;
  provenance: ProvenanceOrigin;
}
interface OverrideEntry {
  override: TargetOverride;
  at: Origin;
  order: number;
  provenance: ProvenanceOrigin;
}
interface WithdrawalEntry {
  withdrawal: TargetWithdrawal;
  at: Origin;
  provenance: ProvenanceOrigin;
}

const KEYED_COLLECTIONS = ['phases', 'agencies', 'administrativeUnits', 'tasks', 'bodyTasks', 'duties', 'reportingObligations', 'notes'] as const;
type KeyedCollection = (typeof KEYED_COLLECTIONS)[number];
const keyOf = (coll: KeyedCollection, item: Record<string, unknown>) => String(coll === 'administrativeUnits' ? item.code : item.id);

// Fields the merge builds itself; every other top-level field is the extending file's own, or
// else inherited from the nearest base that has it.
const BUILT_FIELDS = new Set<string>([
  ...KEYED_COLLECTIONS,
  'legalBases',
  'indicators',
  'extends',
  'addTargets',
  'overrides',
  'withdrawals',
  'origins',
  'resolvedFrom',
]);
const OWN_ONLY_FIELDS = new Set<string>(['$schema', 'sourceText', 'formatVersion', 'id', 'number', 'title', 'issuer', 'date']);

/** JSON text of a value with object keys sorted, so that equal data gives equal text. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]])) : x,
  );
}

/** Structural equality of JSON data (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** An issue located in a layer's file (line and column when the layer has text). */
export function issueIn(layer: RuleFileLayer, pointer: string, code: Issue['code'], vi: string, en: string): Issue {
  return locate(layer, issue(code, pointer, vi, en));
}

function locate(layer: RuleFileLayer, i: Issue): Issue {
  const pos = layer.document ? layer.document.locate(i.pointer) : undefined;
  return { ...i, file: layer.display, ...(pos ?? {}) };
}

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

/** The effective limits: defaults with the caller's changes. */
export function ruleLimits(limits: Partial<RuleLimits> | undefined): RuleLimits {
  return { ...DEFAULT_RULE_LIMITS, ...limits };
}

/**
 * Checks one rule file's value, in this order: plain bounded JSON data without prototype keys
 * (anything else stops here), format version, schema with the condition subset. A file without
 * `extends` is a whole plan, so consistency problems are reported with the schema's. Issues carry
 * pointers (and line and column when `document` is given).
 */
export function checkRuleFile(value: unknown, document: JsonDocument | undefined, limits: RuleLimits): { ok: true; ruleFile: RuleFile } | { ok: false; issues: Issue[] } {
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
    const parsed = RuleFile.safeParse(value);
    return { ok: false, issues: located([...fatal, ...(parsed.success ? [] : issuesFromZod(parsed.error.issues, value))]) };
  }
  const version = checkFormatVersion(value);
  if (version) return { ok: false, issues: located([version]) };
  const parsed = RuleFile.safeParse(value);
  const schema = parsed.success ? [] : issuesFromZod(parsed.error.issues, value);
  const issues = [...safety, ...withoutShadowed(safety, schema)];
  if (issues.length || !parsed.success) {
    // As core's validatePlan does: consistency problems are reported with the schema's, except for
    // a file with `extends`, whose consistency only means something once resolved.
    const extendsOthers = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, 'extends');
    if (!parsed.success && !extendsOthers) {
      const seen = new Set(issues.map((i) => i.pointer));
      // A value that is not an object (null, a number, an array) has no keys to set aside.
      const asPlan = value !== null && typeof value === 'object' && !Array.isArray(value) ? withoutRuleFileKeys(value as Record<string, unknown>) : value;
      for (const i of validatePlan(asPlan).issues) if (i.code.startsWith('plan.') && !seen.has(i.pointer)) issues.push(i);
    }
    return { ok: false, issues: located(issues) };
  }
  return { ok: true, ruleFile: parsed.data };
}

/** A rule file's value without the keys only rule files have, to check it as a plan. */
function withoutRuleFileKeys(value: Record<string, unknown>): Record<string, unknown> {
  const { extends: _e, addTargets: _a, ...asPlan } = value;
  return asPlan;
}

/**
 * Parses the text of a rule file with positions and checks it ({@link checkRuleFile}): JSON
 * syntax, depth (before parsing), safety, format and schema. Pure and browser-safe; pass the
 * `document` to {@link resolvePlan} so that issues of the resolution get a line and column.
 */
export function parseRuleFileText(
  text: string,
  options: { file?: string; limits?: Partial<RuleLimits> } = {},
): { ok: true; ruleFile: RuleFile; document: JsonDocument } | { ok: false; issues: Issue[] } {
  const limits = ruleLimits(options.limits);
  const file = options.file;
  const parsed = parseJsonDocument(text, { ...(file === undefined ? {} : { file }), maxBytes: limits.maxFileBytes, maxDepth: limits.maxJsonDepth });
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const r = checkRuleFile(parsed.document.value, parsed.document, limits);
  return r.ok ? { ok: true, ruleFile: r.ruleFile, document: parsed.document } : r;
}

/** The issue a source gives for a reference it does not know. */
export function unknownBaseIssue(ref: string): Issue {
  return issue(
    'rules.unknown_base',
    '',
    `Không tìm thấy kế hoạch gốc "${ref}" (không phải id đóng gói, không có tệp ở đường dẫn này).`,
    `Base plan "${ref}" not found (neither a bundled id nor an existing file).`,
  );
}

/** The issue a source gives for a reference it refuses: the same words whatever the reference names. */
export function pathNotAllowedIssue(ref: string, why: { vi: string; en: string }): Issue {
  return issue('rules.path_not_allowed', '', `Không được phép dùng "${ref}" trong "extends": ${why.vi}`, `"${ref}" is not allowed in "extends": ${why.en}`);
}

type Step<T> = Generator<Awaitable<RuleFileRead>, T, RuleFileRead>;

function runSync<T>(steps: Step<T>): T {
  let r = steps.next();
  while (!r.done) {
    const v = r.value;
    if (isPromiseLike(v)) {
      throw new EgovPlanError([
        issue(
          'usage.async_source',
          '',
          'Nguồn tệp quy tắc trả lời bất đồng bộ: hãy dùng resolvePlan (bất đồng bộ) thay cho resolvePlanSync.',
          'The rule-file source answers asynchronously: use resolvePlan (async) instead of resolvePlanSync.',
        ),
      ]);
    }
    r = steps.next(v);
  }
  return r.value;
}

async function runAsync<T>(steps: Step<T>): Promise<T> {
  let r = steps.next();
  while (!r.done) r = steps.next(await r.value);
  return r.value;
}

/**
 * Resolves a rule file into a {@link Plan}: reads its `extends` chain from `options.source`,
 * detects cycles, merges base first and checks the result — conflicting definitions, overrides and
 * withdrawals of missing targets, conflicting overrides, every dated version of every target
 * valid, the target budget and the plan's consistency. Issues point into the file that caused
 * them. A rule file without `extends` is checked and returned as a plan. Throws
 * {@link EgovPlanError} with every issue.
 *
 * @example
 * ```ts
 * import { resolvePlan, memorySource } from '@egov-plan/rules';
 * const plan = await resolvePlan(province, { source: memorySource({ 'base.json': baseText }), name: 'province.json' });
 * ```
 */
export async function resolvePlan(ruleFile: unknown, options: ResolveOptions): Promise<Plan> {
  return orThrow(await safeResolvePlan(ruleFile, options));
}

/** {@link resolvePlan} without throwing: the plan, or every issue. */
export function safeResolvePlan(ruleFile: unknown, options: ResolveOptions): Promise<ResolveResult> {
  return runAsync(resolveSteps(ruleFile, options));
}

/**
 * {@link resolvePlan} for a source that answers synchronously (bundled plans, {@link memorySource},
 * the directory source of `@egov-plan/rules/node`); a source that returns a promise gives
 * `usage.async_source`. Throws {@link EgovPlanError} with every issue.
 */
export function resolvePlanSync(ruleFile: unknown, options: ResolveOptions): Plan {
  return orThrow(safeResolvePlanSync(ruleFile, options));
}

/** {@link resolvePlanSync} without throwing for bad input: the plan, or every issue. */
export function safeResolvePlanSync(ruleFile: unknown, options: ResolveOptions): ResolveResult {
  return runSync(resolveSteps(ruleFile, options));
}

function orThrow(r: ResolveResult): Plan {
  if (!r.ok) throw new EgovPlanError(r.issues);
  return r.value;
}

function* resolveSteps(ruleFile: unknown, options: ResolveOptions): Step<ResolveResult> {
  const limits = ruleLimits(options.limits);
  const checked = checkRuleFile(ruleFile, options.document, limits);
  const name = options.name ?? (checked.ok ? checked.ruleFile.id : undefined);
  if (!checked.ok) return { ok: false, issues: name === undefined ? checked.issues : checked.issues.map((i) => ({ file: name, ...i })) };
  const root: RuleFileLayer = { key: options.key ?? name ?? checked.ruleFile.id, display: name ?? checked.ruleFile.id, plan: checked.ruleFile, ...(options.document ? { document: options.document } : {}) };
  return yield* resolveLayer(root, options.source, limits);
}

/**
 * The work budget a plan decides alone: its each-unit targets times the administrative units of
 * their level that exist during their phase, before any measurement is read.
 */
function workBudgetIssues(plan: Plan, max: number, root: RuleFileLayer): Issue[] {
  const phases = new Map(plan.phases.map((p) => [p.id, p]));
  const unitsFor = new Map<string, number>();
  let total = 0;
  for (const indicator of plan.indicators) {
    for (const t of indicator.targets) {
      if (t.scope !== 'each-unit') continue;
      const phase = phases.get(t.phase);
      if (!phase) continue;
      const key = `${t.level ?? ''}\u0000${phase.id}`;
      let n = unitsFor.get(key);
      if (n === undefined) {
        n = 0;
        for (const u of plan.administrativeUnits) if ((t.level === null || u.level === t.level) && (u.validFrom ?? '0000-01-01') <= phase.end && (u.validTo ?? '9999-12-31') >= phase.start) n++;
        unitsFor.set(key, n);
      }
      total += n;
    }
  }
  if (total <= max) return [];
  return [
    issueIn(
      root,
      '/indicators',
      'rules.too_many_results',
      `Các chỉ tiêu "each-unit" của kế hoạch nhân với số đơn vị hành chính đã cho ${total} kết quả, quá giới hạn ${max} (maxResults).`,
      `The plan's each-unit targets times its administrative units give ${total} results, over the limit of ${max} (maxResults).`,
    ),
  ];
}

function* resolveLayer(given: RuleFileLayer, source: RuleFileSource, limits: RuleLimits): Step<ResolveResult> {
  const linear = yield* linearise(given, source, limits);
  if (linear.issues.length) return { ok: false, issues: linear.issues };
  // Provenance claimed by the files is checked first; what does not hold is the file's own.
  const warnings: Issue[] = [];
  const order = linear.order.map((layer) => {
    const v = verifyProvenance(layer);
    for (const w of v.warnings) warnings.push(w);
    return v.layer;
  });
  const ancestors = linear.ancestors;
  const root = order.find((l) => l.key === given.key) ?? given;
  const merged = merge(order, ancestors);
  if (merged.issues.length) return { ok: false, issues: merged.issues };
  const hasExtends = root.plan.extends !== undefined || root.plan.addTargets !== undefined;
  if (!hasExtends) {
    const consistency = checkPlanConsistency(root.plan as Plan).map((i) => locate(root, i));
    if (consistency.length) return { ok: false, issues: consistency };
    const budget = workBudgetIssues(root.plan as Plan, limits.maxResults, root);
    return budget.length ? { ok: false, issues: budget } : { ok: true, value: root.plan as Plan, issues: warnings };
  }
  const targetCount = (merged.plan as Plan).indicators.reduce((n, ind) => n + ind.targets.length, 0);
  if (targetCount > limits.maxTargets) {
    return {
      ok: false,
      issues: [
        issueIn(
          root,
          '/extends',
          'rules.too_many_targets',
          `Kế hoạch sau khi giải "extends" có ${targetCount} chỉ tiêu, tối đa ${limits.maxTargets}.`,
          `The plan resolved from "extends" has ${targetCount} targets, at most ${limits.maxTargets}.`,
        ),
      ],
    };
  }
  const parsed = Plan.safeParse(merged.plan);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error.issues, merged.plan).map((i) => merged.remap(i)) };
  const consistency = checkPlanConsistency(parsed.data).map((i) => merged.remap(i));
  if (consistency.length) return { ok: false, issues: consistency };
  const budget = workBudgetIssues(parsed.data, limits.maxResults, root);
  return budget.length ? { ok: false, issues: budget } : { ok: true, value: parsed.data, issues: warnings };
}

/** Reads and checks the file a source returned; the same key gives the same layer. */
function layerOf(entry: RuleFileEntry, limits: RuleLimits): { layer: RuleFileLayer } | { issues: Issue[] } {
  if (typeof entry.text === 'string') {
    const r = parseRuleFileText(entry.text, { file: entry.name, limits });
    return r.ok ? { layer: { key: entry.key, display: entry.name, plan: r.ruleFile, document: r.document } } : { issues: r.issues };
  }
  const r = checkRuleFile(entry.value, undefined, limits);
  return r.ok ? { layer: { key: entry.key, display: entry.name, plan: r.ruleFile } } : { issues: r.issues.map((i) => ({ ...i, file: entry.name })) };
}

function* linearise(root: RuleFileLayer, source: RuleFileSource, limits: RuleLimits): Step<{ order: RuleFileLayer[]; ancestors: Map<string, Set<string>>; issues: Issue[] }> {
  const order: RuleFileLayer[] = [];
  const ancestors = new Map<string, Set<string>>();
  const display = new Map<string, string>([[root.key, root.display]]);
  const checked = new Map<string, { layer: RuleFileLayer } | { issues: Issue[] }>();
  const issues: Issue[] = [];
  let files = 1;
  function* visit(layer: RuleFileLayer, chain: string[]): Step<Set<string>> {
    const done = ancestors.get(layer.key);
    if (done) return done;
    const mine = new Set<string>();
    const refs = layer.plan.extends ?? [];
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i] as string;
      const pointer = `/extends/${i}`;
      if (files >= limits.maxFiles) {
        issues.push(issueIn(layer, pointer, 'rules.too_many_files', `Chuỗi "extends" dùng quá ${limits.maxFiles} tệp.`, `The "extends" chain uses more than ${limits.maxFiles} files.`));
        continue;
      }
      const read: RuleFileRead = yield source.read(ref, { key: layer.key, name: layer.display });
      let r: { layer: RuleFileLayer } | { issues: Issue[] } | undefined;
      if ('issues' in read) {
        // "Unknown" and "not allowed" are said at the `extends` entry itself; anything else (a file
        // that cannot be read) is the base's own problem.
        const here = read.issues.filter((x) => x.code === 'rules.unknown_base' || x.code === 'rules.path_not_allowed');
        for (const x of here) issues.push(locate(layer, { ...x, pointer }));
        if (here.length === read.issues.length) continue;
        r = { issues: read.issues.filter((x) => !here.includes(x)) };
      } else {
        r = checked.get(read.entry.key);
        if (!r) {
          r = layerOf(read.entry, limits);
          checked.set(read.entry.key, r);
        }
      }
      if ('issues' in r) {
        issues.push(issueIn(layer, pointer, 'rules.invalid_base', `Kế hoạch gốc "${ref}" không hợp lệ (xem các lỗi kèm theo).`, `Base plan "${ref}" is invalid (see the issues that follow).`));
        for (const x of r.issues) issues.push(x);
        continue;
      }
      const parent = r.layer;
      display.set(parent.key, parent.display);
      if (chain.includes(parent.key)) {
        const cycle = [...chain.slice(chain.indexOf(parent.key)), parent.key].map((k) => display.get(k) ?? k).join(' → ');
        issues.push(issueIn(layer, pointer, 'rules.extends_cycle', `"extends" tạo thành vòng: ${cycle}.`, `"extends" forms a cycle: ${cycle}.`));
        continue;
      }
      if (!ancestors.has(parent.key)) files++;
      const theirs = yield* visit(parent, [...chain, parent.key]);
      mine.add(parent.key);
      for (const a of theirs) mine.add(a);
    }
    ancestors.set(layer.key, mine);
    order.push(layer);
    return mine;
  }
  yield* visit(root, [root.key]);
  return { order, ancestors, issues };
}

function merge(order: readonly RuleFileLayer[], ancestors: ReadonlyMap<string, Set<string>>) {
  const issues: Issue[] = [];
  const root = order[order.length - 1] as RuleFileLayer;
  const keyed = new Map<KeyedCollection, Map<string, { item: Record<string, unknown>; at: Origin }>>(KEYED_COLLECTIONS.map((c) => [c, new Map()]));
  const legalBases = new Map<string, { item: Plan['legalBases'][number]; at: Origin }>();
  const indicators = new Map<string, { indicator: Indicator; at: Origin; targets: TargetEntry[] }>();
  const targets = new Map<string, TargetEntry>();
  const overrides: OverrideEntry[] = [];
  const withdrawals: WithdrawalEntry[] = [];
  const related = (a: RuleFileLayer, b: RuleFileLayer) => a === b || ancestors.get(a.key)?.has(b.key) || ancestors.get(b.key)?.has(a.key);
  const isDescendant = (a: RuleFileLayer, b: RuleFileLayer) => ancestors.get(a.key)?.has(b.key) ?? false;
  let seq = 0;

  const addTarget = (layer: RuleFileLayer, t: TargetType, indicatorId: string, pointer: string) => {
    const existing = targets.get(t.id);
    if (existing) {
      if (existing.indicator === indicatorId && jsonEqual(existing.target, t)) return;
      issues.push(
        issueIn(
          layer,
          `${pointer}/id`,
          'rules.conflicting_definition',
          `Chỉ tiêu "${t.id}" đã được định nghĩa khác trong ${existing.at.layer.display} (${existing.at.pointer}); muốn thay đổi chỉ tiêu kế thừa, hãy dùng "overrides".`,
          `Target "${t.id}" is already defined differently in ${existing.at.layer.display} (${existing.at.pointer}); to change an inherited target use "overrides".`,
        ),
      );
      return;
    }
    const recorded = layer.plan.origins?.find((o) => o.target === t.id);
    const entry: TargetEntry = {
      target: t,
      indicator: indicatorId,
      at: { layer, pointer },
      provenance: recorded ? { file: recorded.file, pointer: recorded.pointer, ...(recorded.claimed ? { claimed: true as const } : {}) } : { file: layer.display, pointer },
    };
    targets.set(t.id, entry);
    indicators.get(indicatorId)?.targets.push(entry);
  };

  for (const layer of order) {
    const plan = layer.plan;
    for (const coll of KEYED_COLLECTIONS) {
      const map = keyed.get(coll) as Map<string, { item: Record<string, unknown>; at: Origin }>;
      (plan[coll] as unknown as Record<string, unknown>[]).forEach((item, i) => {
        const k = keyOf(coll, item);
        const existing = map.get(k);
        if (!existing) map.set(k, { item, at: { layer, pointer: `/${coll}/${i}` } });
        else if (!jsonEqual(existing.item, item)) {
          issues.push(
            issueIn(
              layer,
              `/${coll}/${i}`,
              'rules.conflicting_definition',
              `"${k}" đã được khai báo khác trong ${existing.at.layer.display} (${existing.at.pointer}); mục kế thừa không thể khai báo lại khác đi.`,
              `"${k}" is already declared differently in ${existing.at.layer.display} (${existing.at.pointer}); an inherited item cannot be redeclared differently.`,
            ),
          );
        }
      });
    }
    plan.legalBases.forEach((b, i) => {
      const k = `${b.number}|${b.date}`;
      if (!legalBases.has(k)) legalBases.set(k, { item: b, at: { layer, pointer: `/legalBases/${i}` } });
    });
    plan.indicators.forEach((ind, i) => {
      const existing = indicators.get(ind.id);
      const { targets: own, ...meta } = ind;
      if (!existing) indicators.set(ind.id, { indicator: { ...meta, targets: [] }, at: { layer, pointer: `/indicators/${i}` }, targets: [] });
      else if (!jsonEqual({ ...existing.indicator, targets: [] }, { ...meta, targets: [] })) {
        issues.push(
          issueIn(
            layer,
            `/indicators/${i}`,
            'rules.conflicting_definition',
            `Chỉ số "${ind.id}" đã được khai báo khác trong ${existing.at.layer.display}; để thêm chỉ tiêu cho chỉ số kế thừa, hãy dùng "addTargets".`,
            `Indicator "${ind.id}" is already declared differently in ${existing.at.layer.display}; to add targets to an inherited indicator use "addTargets".`,
          ),
        );
        return;
      }
      own.forEach((t, j) => addTarget(layer, t, ind.id, `/indicators/${i}/targets/${j}`));
    });
    (plan.addTargets ?? []).forEach((a, i) => {
      if (!indicators.has(a.indicator)) {
        issues.push(
          issueIn(layer, `/addTargets/${i}/indicator`, 'rules.unknown_indicator', `Không có chỉ số "${a.indicator}" để thêm chỉ tiêu.`, `There is no indicator "${a.indicator}" to add a target to.`),
        );
        return;
      }
      addTarget(layer, a.target, a.indicator, `/addTargets/${i}/target`);
    });
    const unknownTarget = (pointer: string, id: string, what: { vi: string; en: string }) =>
      issues.push(
        issueIn(
          layer,
          pointer,
          'rules.unknown_target',
          `${what.vi} chỉ tiêu "${id}" không tồn tại (trong tệp này hay các kế hoạch gốc).`,
          `${what.en} target "${id}", which does not exist (in this file or its bases).`,
        ),
      );
    (plan.overrides ?? []).forEach((o, i) => {
      if (!targets.has(o.target)) return unknownTarget(`/overrides/${i}/target`, o.target, { vi: 'Ghi đè', en: 'Override of' });
      overrides.push({ override: o, at: { layer, pointer: `/overrides/${i}` }, order: seq++, provenance: o.origin ?? { file: layer.display, pointer: `/overrides/${i}` } });
    });
    (plan.withdrawals ?? []).forEach((w, i) => {
      if (!targets.has(w.target)) return unknownTarget(`/withdrawals/${i}/target`, w.target, { vi: 'Bãi bỏ', en: 'Withdrawal of' });
      withdrawals.push({ withdrawal: w, at: { layer, pointer: `/withdrawals/${i}` }, provenance: w.origin ?? { file: layer.display, pointer: `/withdrawals/${i}` } });
    });
  }

  // Two overrides of the same field of the same target from the same date conflict unless one file
  // extends the other (the extending file wins) or they agree. Values are compared as canonical
  // JSON, one entry per distinct value and file, so many overrides of one field stay cheap.
  const byField = new Map<string, { value: string; entry: OverrideEntry }[]>();
  for (const o of overrides) {
    for (const field of Object.keys(o.override.set)) {
      const raw = (o.override.set as Record<string, unknown>)[field];
      if (raw === undefined) continue;
      const k = `${o.override.target}|${o.override.effectiveFrom ?? ''}|${field}`;
      const value = canonicalJson(raw);
      const list = byField.get(k) ?? [];
      const clash = list.find((prev) => prev.value !== value && (prev.entry.at.layer === o.at.layer || !related(prev.entry.at.layer, o.at.layer)));
      if (clash) {
        const prev = clash.entry;
        issues.push(
          issueIn(
            o.at.layer,
            `${o.at.pointer}/set/${field}`,
            'rules.conflicting_override',
            `Xung đột: "${field}" của chỉ tiêu "${o.override.target}" từ ${o.override.effectiveFrom ?? 'đầu'} đã được ghi đè khác tại ${prev.at.layer.display} (${prev.at.pointer}).`,
            `Conflict: "${field}" of target "${o.override.target}" from ${o.override.effectiveFrom ?? 'the start'} is already overridden differently at ${prev.at.layer.display} (${prev.at.pointer}).`,
          ),
        );
        if (issues.length > 200) break;
      }
      if (!list.some((prev) => prev.value === value && prev.entry.at.layer === o.at.layer)) list.push({ value, entry: o });
      byField.set(k, list);
    }
  }

  // Withdrawals: the most derived file decides; unrelated files must agree.
  const withdrawalOf = new Map<string, WithdrawalEntry>();
  for (const w of withdrawals) {
    const prev = withdrawalOf.get(w.withdrawal.target);
    if (!prev) {
      withdrawalOf.set(w.withdrawal.target, w);
      continue;
    }
    if (prev.withdrawal.effectiveFrom === w.withdrawal.effectiveFrom) continue;
    if (prev.at.layer !== w.at.layer && isDescendant(w.at.layer, prev.at.layer)) withdrawalOf.set(w.withdrawal.target, w);
    else if (prev.at.layer !== w.at.layer && isDescendant(prev.at.layer, w.at.layer)) continue;
    else {
      issues.push(
        issueIn(
          w.at.layer,
          `${w.at.pointer}/effectiveFrom`,
          'rules.conflicting_withdrawal',
          `Chỉ tiêu "${w.withdrawal.target}" đã bị bãi bỏ từ một ngày khác tại ${prev.at.layer.display} (${prev.at.pointer}).`,
          `Target "${w.withdrawal.target}" is already withdrawn from another date at ${prev.at.layer.display} (${prev.at.pointer}).`,
        ),
      );
    }
  }
  for (const o of overrides) {
    const w = withdrawalOf.get(o.override.target);
    if (!w || !(o.at.layer === w.at.layer || isDescendant(o.at.layer, w.at.layer))) continue;
    const wFrom = w.withdrawal.effectiveFrom;
    if (wFrom === null || (o.override.effectiveFrom !== null && o.override.effectiveFrom >= wFrom)) {
      issues.push(
        issueIn(
          o.at.layer,
          `${o.at.pointer}/effectiveFrom`,
          'rules.override_after_withdrawal',
          `Ghi đè có hiệu lực khi chỉ tiêu "${o.override.target}" đã bị bãi bỏ (từ ${wFrom ?? 'đầu'}, ${w.at.layer.display} ${w.at.pointer}).`,
          `The override takes effect when target "${o.override.target}" is already withdrawn (from ${wFrom ?? 'the start'}, ${w.at.layer.display} ${w.at.pointer}).`,
        ),
      );
    }
  }

  // Every dated version of every target must itself be a valid target of its indicator.
  const sorted = [...overrides].sort(compareOverrides);
  const current = new Map<string, TargetType>([...targets].map(([id, e]) => [id, e.target]));
  for (const o of sorted) {
    const before = current.get(o.override.target) as TargetType;
    const next = applyChanges(before, o.override.set);
    const parsed = Target.safeParse(next);
    if (!parsed.success) {
      for (const i of issuesFromZod(parsed.error.issues, next)) {
        const field = fromPointer(i.pointer)[0];
        const inSet = field !== undefined && Object.prototype.hasOwnProperty.call(o.override.set, field);
        issues.push(locate(o.at.layer, { ...i, pointer: inSet ? `${o.at.pointer}/set${i.pointer}` : `${o.at.pointer}/set` }));
      }
      continue;
    }
    current.set(o.override.target, parsed.data);
  }

  const plan = assemble(order, root, keyed, legalBases, indicators, targets, overrides, withdrawalOf);
  return { plan: plan.value, issues, remap: plan.remap };
}

function assemble(
  order: readonly RuleFileLayer[],
  root: RuleFileLayer,
  keyed: Map<KeyedCollection, Map<string, { item: Record<string, unknown>; at: Origin }>>,
  legalBases: Map<string, { item: Plan['legalBases'][number]; at: Origin }>,
  indicators: Map<string, { indicator: Indicator; at: Origin; targets: TargetEntry[] }>,
  targets: Map<string, TargetEntry>,
  overrides: OverrideEntry[],
  withdrawalOf: Map<string, WithdrawalEntry>,
) {
  const where = new Map<string, Origin>();
  const out: Record<string, unknown> = {};
  // Scalar fields: the extending file's own, else the nearest base's (never a base's sourceText).
  for (const key of Object.keys(Plan.shape)) {
    if (BUILT_FIELDS.has(key)) continue;
    const own = (root.plan as Record<string, unknown>)[key];
    if (own !== undefined || OWN_ONLY_FIELDS.has(key)) {
      if (own !== undefined) out[key] = own;
      continue;
    }
    for (let i = order.length - 2; i >= 0; i--) {
      const v = ((order[i] as RuleFileLayer).plan as Record<string, unknown>)[key];
      if (v !== undefined) {
        out[key] = v;
        break;
      }
    }
  }
  out.legalBases = [...legalBases.values()].map((e, i) => {
    where.set(`/legalBases/${i}`, e.at);
    return e.item;
  });
  for (const coll of KEYED_COLLECTIONS) {
    out[coll] = [...(keyed.get(coll) as Map<string, { item: Record<string, unknown>; at: Origin }>).values()].map((e, i) => {
      where.set(`/${coll}/${i}`, e.at);
      return e.item;
    });
  }
  out.indicators = [...indicators.values()].map((e, i) => {
    where.set(`/indicators/${i}`, e.at);
    return {
      ...e.indicator,
      targets: e.targets.map((t, j) => {
        where.set(`/indicators/${i}/targets/${j}`, t.at);
        return t.target;
      }),
    };
  });
  if (overrides.length) {
    out.overrides = overrides.map((o, i) => {
      where.set(`/overrides/${i}`, o.at);
      return { ...o.override, origin: o.provenance };
    });
  }
  const ws = [...withdrawalOf.values()];
  if (ws.length) {
    out.withdrawals = ws.map((w, i) => {
      where.set(`/withdrawals/${i}`, w.at);
      return { ...w.withdrawal, origin: w.provenance };
    });
  }
  out.origins = [...targets.values()].map((t) => ({ target: t.target.id, file: t.provenance.file, pointer: t.provenance.pointer, ...(t.provenance.claimed ? { claimed: true as const } : {}) }));
  const resolvedFrom: { file: string; plan: string; number: string }[] = [];
  for (const layer of order) {
    for (const r of layer.plan.resolvedFrom ?? [{ file: layer.display, plan: layer.plan.id, number: layer.plan.number }]) {
      if (!resolvedFrom.some((x) => x.file === r.file && x.plan === r.plan)) resolvedFrom.push(r);
    }
  }
  out.resolvedFrom = resolvedFrom;

  const remap = (i: Issue): Issue => {
    const segs = fromPointer(i.pointer);
    for (const n of [4, 2]) {
      if (segs.length < n) continue;
      const head = toPointer(segs.slice(0, n));
      const at = where.get(head);
      if (at) return locate(at.layer, { ...i, pointer: `${at.pointer}${toPointer(segs.slice(n))}` });
    }
    return locate(root, i);
  };
  return { value: out as unknown as Plan, remap };
}
