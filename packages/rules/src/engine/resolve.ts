import {
  EgovPlanError,
  ITEM_SCHEMAS,
  Plan,
  RuleFile,
  ITEM_KEY_FIELDS,
  InheritedPart as InheritedPartSchema,
  Target,
  checkFormatVersion,
  checkPlanConsistency,
  fromPointer,
  isPromiseLike,
  issue,
  issueFrom,
  toPointer,
  validatePlan,
  type AgreeingDeclaration,
  type Awaitable,
  type ChangeableItemKind,
  type ExtendsEntry,
  type Indicator,
  type InheritedPart,
  type Issue,
  type ItemOverride,
  type ItemWithdrawal,
  type ProvenanceOrigin,
  type Target as TargetType,
  type TargetOverride,
  type TargetWithdrawal,
  type ValidationResult,
} from '@egov-plan/core';
import * as MSG from '../messages.js';
import { locateIssues, parseJsonDocument, type JsonDocument } from '../json-document.js';
import { addDays } from '../calendar/time.js';
import { applyChanges, applyItemChanges, compareOverrides } from './changes.js';
import { inForceDate } from './in-force.js';
import { itemVersion } from './items.js';
import { buildTargetTimelines, effectiveOf } from './timeline.js';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.js';
import { jsonEqual } from './json-equal.js';
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
  /** Other bases that define it in agreeing words, merged into this one. */
  agreeing?: AgreeingDeclaration[];
}
interface IndicatorEntry {
  indicator: Indicator;
  at: Origin;
  targets: TargetEntry[];
  /** Other bases that declare it in agreeing words, merged into this one. */
  agreeing?: AgreeingDeclaration[];
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

// Fields the merge builds itself; every other top-level field is the extending file's own, or
// else inherited from the nearest base that has it.
const BUILT_FIELDS = new Set<string>([
  'phases',
  'agencies',
  'administrativeUnits',
  'tasks',
  'bodyTasks',
  'duties',
  'reportingObligations',
  'notes',
  'legalBases',
  'itemOverrides',
  'itemWithdrawals',
  'itemOrigins',
  'indicatorOrigins',
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

export { jsonEqual };

/** An issue located in a layer's file (line and column when the layer has text). */
export function issueIn(layer: RuleFileLayer, pointer: string, code: Issue['code'], vi: string, en: string): Issue {
  return locate(layer, issue(code, pointer, vi, en));
}

function locate(layer: RuleFileLayer, i: Issue): Issue {
  const pos = documentOf(layer)?.locate(i.pointer);
  return { ...i, file: layer.display, ...(pos ?? {}) };
}

// A bundled plan arrives as a value, but its data file (`data/<id>.json` of this package) is that
// value written with two-space indentation: positions in that text are positions in the file.
// Built only when an issue needs one.
const bundledDocuments = new WeakMap<RuleFileLayer, JsonDocument | null>();
function documentOf(layer: RuleFileLayer): JsonDocument | undefined {
  if (layer.document) return layer.document;
  if (!layer.key.startsWith('bundled:')) return undefined;
  let d = bundledDocuments.get(layer);
  if (d === undefined) {
    const parsed = parseJsonDocument(`${JSON.stringify(layer.plan, null, 2)}\n`, { file: layer.display, maxBytes: Number.MAX_SAFE_INTEGER, maxDepth: 1000 });
    d = parsed.ok ? parsed.document : null;
    bundledDocuments.set(layer, d);
  }
  return d ?? undefined;
}

/** "file:line:column (pointer)" of a position in a layer, the line and column when known. */
function placeOf(layer: RuleFileLayer, pointer: string): string {
  const pos = documentOf(layer)?.locate(pointer);
  return pos ? `${layer.display}:${pos.line}:${pos.column} (${pointer})` : `${layer.display} (${pointer})`;
}

/** Most issues reported for one file; the rest are counted in one last issue. */
export const MAX_ISSUES_PER_FILE = 500;

function capped(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES_PER_FILE) return issues;
  const more = issues.length - MAX_ISSUES_PER_FILE;
  return [
    ...issues.slice(0, MAX_ISSUES_PER_FILE),
    issueFrom(MSG.rulesTooManyIssues, '', { more, max: MAX_ISSUES_PER_FILE }),
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
  return issueFrom(MSG.rulesUnknownBase, '', { ref });
}

/** The issue a source gives for a reference it refuses: the same words whatever the reference names. */
export function pathNotAllowedIssue(ref: string, message: typeof MSG.rulesPathOutsideFolder | typeof MSG.rulesPathOutsideSource | typeof MSG.rulesPathBundledOnly): Issue {
  return issueFrom(message, '', { ref });
}

type Step<T> = Generator<Awaitable<RuleFileRead>, T, RuleFileRead>;

function runSync<T>(steps: Step<T>): T {
  let r = steps.next();
  while (!r.done) {
    const v = r.value;
    if (isPromiseLike(v)) {
      throw new EgovPlanError([
        issueFrom(MSG.usageAsyncSource, '', {}),
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
 * The work budget a plan decides alone, before any measurement is read: the most each-unit
 * results one evaluation of every phase at once must judge, over every evaluation date. As in
 * evaluation, a phase's units are those in force on its date ({@link inForceDate}: the
 * evaluation date, or the phase's last day once it has ended) — dated withdrawals and dated
 * `validFrom`/`validTo` overrides applied — and a target counts in the version in force on the
 * evaluation date (none once withdrawn). A unit that ceases mid-phase and the one that replaces
 * it are never counted together: on no date are both owed a result.
 */
function workBudgetIssues(plan: Plan, max: number, root: RuleFileLayer): Issue[] {
  const total = eachUnitWorkBudget(plan);
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

/**
 * How many units of each level (and of any level: key `''`) a plan has in force, as a step
 * function of the date: `dates[i]` is where `counts[i]` starts to hold ('' stands for "before
 * any date"). Mirrors evaluation: a unit counts under its declared level, in force on a date when
 * its version of that day exists and `validFrom ≤ date ≤ validTo`.
 */
function unitCountsByDate(plan: Plan): Map<string, { dates: string[]; counts: number[] }> {
  const overridesOf = new Map<string, ItemOverride[]>();
  for (const o of plan.itemOverrides ?? []) if (o.kind === 'administrativeUnits') overridesOf.get(o.id)?.push(o) ?? overridesOf.set(o.id, [o]);
  const withdrawalsOf = new Map<string, ItemWithdrawal[]>();
  for (const w of plan.itemWithdrawals ?? []) if (w.kind === 'administrativeUnits') withdrawalsOf.get(w.id)?.push(w) ?? withdrawalsOf.set(w.id, [w]);
  const events = new Map<string, Map<string, number>>();
  const add = (level: string, date: string, delta: number) => {
    const m = events.get(level) ?? new Map<string, number>();
    m.set(date, (m.get(date) ?? 0) + delta);
    events.set(level, m);
  };
  for (const u of plan.administrativeUnits) {
    const own = { itemOverrides: overridesOf.get(u.code) ?? [], itemWithdrawals: withdrawalsOf.get(u.code) ?? [] };
    // The unit's versions change only on the dates of its own changes.
    const changes = [...new Set([...own.itemOverrides, ...own.itemWithdrawals].flatMap((c) => (c.effectiveFrom === null ? [] : [c.effectiveFrom])))].sort();
    const starts = ['', ...changes];
    starts.forEach((from, i) => {
      const v = itemVersion(own, 'administrativeUnits', u, from === '' ? '0000-01-01' : from);
      if (v === undefined) return;
      const until = starts[i + 1]; // exclusive
      const begin = v.validFrom !== null && v.validFrom > from ? v.validFrom : from;
      const afterEnd = v.validTo === null ? until : until === undefined || addDays(v.validTo, 1) < until ? addDays(v.validTo, 1) : until;
      if (afterEnd !== undefined && afterEnd <= begin) return;
      for (const level of [u.level, '']) {
        add(level, begin, 1);
        if (afterEnd !== undefined) add(level, afterEnd, -1);
      }
    });
  }
  const out = new Map<string, { dates: string[]; counts: number[] }>();
  for (const [level, m] of events) {
    const dates = [...m.keys()].sort();
    let n = 0;
    out.set(level, { dates, counts: dates.map((d) => (n += m.get(d) as number)) });
  }
  return out;
}

/** The most each-unit results one evaluation of the plan (every phase at once) must judge with no measurements. */
function eachUnitWorkBudget(plan: Plan): number {
  const timelines = [...buildTargetTimelines(plan).entries()].filter(([, tl]) => tl.versions.some((v) => v.target.scope === 'each-unit'));
  if (timelines.length === 0) return 0;
  const phases = new Map(plan.phases.map((p) => [p.id, p]));
  const counts = unitCountsByDate(plan);
  const countOn = (level: string, date: string): number => {
    const c = counts.get(level);
    if (!c) return 0;
    let lo = 0;
    let hi = c.dates.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((c.dates[mid] as string) <= date) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : (c.counts[found] as number);
  };
  // Between two of these dates nothing an evaluation counts changes.
  const candidates = new Set<string>(['0000-01-01']);
  for (const c of counts.values()) for (const d of c.dates) if (d !== '') candidates.add(d);
  for (const p of plan.phases) candidates.add(p.end);
  for (const [, tl] of timelines) {
    for (const v of tl.versions) if (v.effectiveFrom !== null) candidates.add(v.effectiveFrom);
    if (tl.withdrawal?.effectiveFrom) candidates.add(tl.withdrawal.effectiveFrom);
  }
  let most = 0;
  for (const at of candidates) {
    let total = 0;
    for (const [, tl] of timelines) {
      const eff = effectiveOf(tl, at);
      if (eff.withdrawn) continue;
      const target = eff.version.target;
      const phase = phases.get(target.phase);
      if (!phase || target.scope !== 'each-unit') continue;
      total += countOn(target.level ?? '', inForceDate(phase, at));
    }
    if (total > most) most = total;
  }
  return most;
}

function* resolveLayer(given: RuleFileLayer, source: RuleFileSource, limits: RuleLimits): Step<ResolveResult> {
  const linear = yield* linearise(given, source, limits);
  if (linear.issues.length) return { ok: false, issues: linear.issues };
  // Provenance claimed by the files is checked first; what does not hold is the file's own.
  const warnings: Issue[] = [];
  const order = linear.order.map((layer) => {
    const v = verifyProvenance(layer, issueIn);
    for (const w of v.warnings) warnings.push(w);
    return v.layer;
  });
  const ancestors = linear.ancestors;
  const root = order.find((l) => l.key === given.key) ?? given;
  const merged = merge(order, ancestors, linear.parts, linear.written);
  if (merged.issues.length) return { ok: false, issues: merged.issues };
  const hasExtends = root.plan.extends !== undefined || root.plan.addTargets !== undefined || root.plan.itemOverrides !== undefined || root.plan.itemWithdrawals !== undefined;
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
  const consistency = checkPlanConsistency(parsed.data).map((i) => withOmissionHint(merged.remap(i), linear.parts));
  if (consistency.length) return { ok: false, issues: consistency };
  const budget = workBudgetIssues(parsed.data, limits.maxResults, root);
  return budget.length ? { ok: false, issues: budget } : { ok: true, value: parsed.data, issues: warnings };
}

/**
 * An undeclared agency or item that a base names is often one an `extends` entry left out: say
 * what to do then (declare it, change the reference with itemOverrides, or leave out what names it).
 */
function withOmissionHint(i: Issue, parts: ReadonlyMap<string, Set<InheritedPart>>): Issue {
  if (i.code !== 'plan.unknown_agency' && i.code !== 'plan.unknown_reference') return i;
  if (![...parts.values()].some((p) => p.size < ALL_PARTS.length)) return i;
  return {
    ...i,
    message: {
      vi: `${i.message.vi} Nếu mục này nằm trong phần bị bỏ qua ("include"/"omit" của "extends"): hãy khai báo nó trong tệp của bạn, đổi tham chiếu bằng "itemOverrides", hoặc bỏ qua cả phần dùng nó.`,
      en: `${i.message.en} If it is in a part an "extends" entry leaves out ("include"/"omit"): declare it in your file, change the reference with "itemOverrides", or leave out the part that names it too.`,
    },
  };
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

function* linearise(root: RuleFileLayer, source: RuleFileSource, limits: RuleLimits): Step<{ order: RuleFileLayer[]; ancestors: Map<string, Set<string>>; parts: Map<string, Set<InheritedPart>>; written: Map<string, string>; issues: Issue[] }> {
  const order: RuleFileLayer[] = [];
  const incoming = new Map<string, { from: string; parts: Set<InheritedPart> }[]>();
  // How each base is named in the `extends` entry that first reaches it (for hints).
  const written = new Map<string, string>();
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
      const entry = refs[i] as ExtendsEntry;
      const ref = typeof entry === 'string' ? entry : entry.plan;
      const pointer = typeof entry === 'string' ? `/extends/${i}` : `/extends/${i}/plan`;
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
      incoming.set(parent.key, [...(incoming.get(parent.key) ?? []), { from: layer.key, parts: partsOf(entry) }]);
      if (!written.has(parent.key)) written.set(parent.key, ref);
      const theirs = yield* visit(parent, [...chain, parent.key]);
      mine.add(parent.key);
      for (const a of theirs) mine.add(a);
    }
    ancestors.set(layer.key, mine);
    order.push(layer);
    return mine;
  }
  yield* visit(root, [root.key]);
  // What each file contributes: the root all of itself; a base, what some file extending it
  // takes of it (and that file itself inherits). Bases come before the files that extend them.
  const parts = new Map<string, Set<InheritedPart>>([[root.key, new Set(ALL_PARTS)]]);
  for (let i = order.length - 1; i >= 0; i--) {
    const key = (order[i] as RuleFileLayer).key;
    if (key === root.key) continue;
    const mine = new Set<InheritedPart>();
    for (const e of incoming.get(key) ?? []) for (const part of parts.get(e.from) ?? []) if (e.parts.has(part)) mine.add(part);
    parts.set(key, mine);
  }
  return { order, ancestors, parts, written, issues };
}

const ALL_PARTS: readonly InheritedPart[] = InheritedPartSchema.options;

/** The parts an `extends` entry takes: `include` (default all) minus `omit`. */
function partsOf(entry: ExtendsEntry): Set<InheritedPart> {
  if (typeof entry === 'string') return new Set(ALL_PARTS);
  const omit = new Set(entry.omit ?? []);
  return new Set((entry.include ?? ALL_PARTS).filter((p) => !omit.has(p)));
}

// Item collections merged by key. `legalBases` are keyed by number.
const ITEM_COLLECTIONS = ['phases', 'agencies', 'administrativeUnits', 'tasks', 'bodyTasks', 'duties', 'reportingObligations', 'legalBases', 'notes'] as const;
type ItemCollection = (typeof ITEM_COLLECTIONS)[number];
const keyOfItem = (coll: ItemCollection, item: Record<string, unknown>) => String(item[coll === 'phases' ? 'id' : ITEM_KEY_FIELDS[coll]]);
type Keyed = Map<string, { item: Record<string, unknown>; at: Origin; agreeing?: AgreeingDeclaration[] }>;

/** The plan (id, number) a file of a layer stands for: the one it was resolved from, else the layer's own. */
function planOfFile(layer: RuleFileLayer, file: string): { plan: string; number: string } {
  const r = layer.plan.resolvedFrom?.find((x) => x.file === file);
  return r ? { plan: r.plan, number: r.number } : { plan: layer.plan.id, number: layer.plan.number };
}

/** The section an item, indicator or target cites (`source.section`), or null. */
function sectionOf(x: Record<string, unknown>): string | null {
  const src = x.source as { section?: unknown } | undefined;
  return typeof src === 'object' && src !== null && typeof src.section === 'string' ? src.section : null;
}

/** Where a declaration came from, as {@link AgreeingDeclaration} names it. */
type DeclaredAt = { plan: string; number: string; file: string; pointer: string; claimed?: true | undefined; agreeing?: AgreeingDeclaration[] | undefined };

/**
 * The declarations an agreeing later one replaces, as the merged item names them: those the
 * replaced one had merged itself, then the replaced one (plan, number, section, place).
 */
function agreeingWith(was: DeclaredAt, section: string | null, merged: readonly AgreeingDeclaration[] | undefined): AgreeingDeclaration[] {
  return [...(was.agreeing ?? []), ...(merged ?? []), { plan: was.plan, number: was.number, section, file: was.file, pointer: was.pointer, ...(was.claimed ? { claimed: true as const } : {}) }];
}

/** Where an item of a layer was declared: its recorded origin, else the layer itself. */
function itemDeclaredAt(at: Origin, coll: ItemCollection, id: string): DeclaredAt {
  return at.layer.plan.itemOrigins?.find((o) => o.kind === coll && o.id === id) ?? { plan: at.layer.plan.id, number: at.layer.plan.number, file: at.layer.display, pointer: at.pointer };
}

/** Where an indicator of a layer was declared: its recorded origin, else the layer itself. */
function indicatorDeclaredAt(at: Origin, id: string): DeclaredAt {
  return at.layer.plan.indicatorOrigins?.find((o) => o.indicator === id) ?? { plan: at.layer.plan.id, number: at.layer.plan.number, file: at.layer.display, pointer: at.pointer };
}

// Fields that word an item rather than define it: two unrelated bases that declare the same item,
// indicator or target differing only in these agree (the later base's words are kept).
const WORDING_FIELDS = new Set(['source', 'note', 'statement', 'statementOrigin', 'wording']);
const meaningOf = (coll: string, x: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(x).filter(([k]) => !WORDING_FIELDS.has(k) && !(coll === 'legalBases' && k === 'title') && k !== 'targets'));
const differing = (a: Record<string, unknown>, b: Record<string, unknown>) => [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !jsonEqual(a[k], b[k]));

/** A dated change as the merge checks it: targets' and items' alike. */
interface ChangeEntry {
  /** The changed thing: `target|<id>` or `<kind>|<id>`. */
  key: string;
  label: { vi: string; en: string };
  effectiveFrom: string | null;
  set?: Record<string, unknown>;
  at: Origin;
  order: number;
}

function merge(order: readonly RuleFileLayer[], ancestors: ReadonlyMap<string, Set<string>>, parts: ReadonlyMap<string, Set<InheritedPart>>, written: ReadonlyMap<string, string>) {
  const issues: Issue[] = [];
  const root = order[order.length - 1] as RuleFileLayer;
  const keyed = new Map<ItemCollection, Keyed>(ITEM_COLLECTIONS.map((c) => [c, new Map()]));
  const indicators = new Map<string, IndicatorEntry>();
  const targets = new Map<string, TargetEntry>();
  const overrides: OverrideEntry[] = [];
  const withdrawals: WithdrawalEntry[] = [];
  const itemOverrides: { change: ItemOverride; entry: ChangeEntry; provenance: ProvenanceOrigin }[] = [];
  const itemWithdrawals: { change: ItemWithdrawal; entry: ChangeEntry; provenance: ProvenanceOrigin }[] = [];
  const related = (a: RuleFileLayer, b: RuleFileLayer) => a === b || ancestors.get(a.key)?.has(b.key) || ancestors.get(b.key)?.has(a.key);
  const isDescendant = (a: RuleFileLayer, b: RuleFileLayer) => ancestors.get(a.key)?.has(b.key) ?? false;
  const takes = (layer: RuleFileLayer, part: InheritedPart) => parts.get(layer.key)?.has(part) ?? false;
  let seq = 0;

  // A second declaration that does not agree: both places, and a hint that applies to the case.
  const conflict = (layer: RuleFileLayer, pointer: string, what: { vi: string; en: string }, first: Origin, fields: string[], part: InheritedPart, own: { vi: string; en: string }) => {
    const unrelated = !related(layer, first.layer);
    const list = fields.join(', ');
    const hint = unrelated
      ? {
          vi: `hai kế hoạch gốc không thống nhất; hãy lấy phần này từ một kế hoạch thôi, ví dụ trong "extends": {"plan": "${written.get(layer.key) ?? layer.display}", "omit": ["${part}"]}.`,
          en: `the two bases disagree; take this part from one of them only, e.g. in "extends": {"plan": "${written.get(layer.key) ?? layer.display}", "omit": ["${part}"]}.`,
        }
      : own;
    issues.push(
      issueIn(
        layer,
        pointer,
        'rules.conflicting_definition',
        `${what.vi} được khai báo khác nhau tại ${placeOf(first.layer, first.pointer)} và tại ${placeOf(layer, pointer)} (khác ở: ${list}): ${hint.vi}`,
        `${what.en} is declared differently at ${placeOf(first.layer, first.pointer)} and at ${placeOf(layer, pointer)} (different: ${list}): ${hint.en}`,
      ),
    );
  };

  const addTarget = (layer: RuleFileLayer, t: TargetType, indicatorId: string, pointer: string) => {
    const recorded = layer.plan.origins?.find((o) => o.target === t.id);
    const entry: TargetEntry = {
      target: t,
      indicator: indicatorId,
      at: { layer, pointer },
      provenance: recorded ? { file: recorded.file, pointer: recorded.pointer, ...(recorded.claimed ? { claimed: true as const } : {}) } : { file: layer.display, pointer },
      ...(recorded?.agreeing ? { agreeing: recorded.agreeing } : {}),
    };
    const existing = targets.get(t.id);
    if (existing) {
      if (existing.indicator === indicatorId && jsonEqual(existing.target, t)) return;
      const t0 = existing.target as unknown as Record<string, unknown>;
      const t1 = t as unknown as Record<string, unknown>;
      if (existing.indicator === indicatorId && !related(layer, existing.at.layer) && jsonEqual(meaningOf('targets', t0), meaningOf('targets', t1))) {
        // Two bases state the same target in their own words: the later base's words are kept,
        // and the earlier base is named beside it.
        entry.agreeing = [...agreeingWith({ ...planOfFile(existing.at.layer, existing.provenance.file), ...existing.provenance }, existing.target.source.section, existing.agreeing), ...(entry.agreeing ?? [])];
        const list = indicators.get(indicatorId)?.targets;
        if (list) list[list.indexOf(existing)] = entry;
        targets.set(t.id, entry);
        return;
      }
      const fields = existing.indicator === indicatorId ? differing(meaningOf('targets', t0), meaningOf('targets', t1)) : ['indicator'];
      conflict(layer, `${pointer}/id`, { vi: `Chỉ tiêu "${t.id}"`, en: `Target "${t.id}"` }, existing.at, fields, 'indicators', {
        vi: 'muốn thay đổi chỉ tiêu kế thừa, hãy dùng "overrides".',
        en: 'to change an inherited target use "overrides".',
      });
      return;
    }
    targets.set(t.id, entry);
    indicators.get(indicatorId)?.targets.push(entry);
  };

  for (const layer of order) {
    const plan = layer.plan;
    for (const coll of ITEM_COLLECTIONS) {
      if (!takes(layer, coll)) continue;
      const map = keyed.get(coll) as Keyed;
      (plan[coll] as unknown as Record<string, unknown>[]).forEach((item, i) => {
        const k = keyOfItem(coll, item);
        const existing = map.get(k);
        const at = { layer, pointer: `/${coll}/${i}` };
        if (!existing) map.set(k, { item, at });
        else if (!jsonEqual(existing.item, item)) {
          if (!related(layer, existing.at.layer) && jsonEqual(meaningOf(coll, existing.item), meaningOf(coll, item))) {
            map.set(k, { item, at, agreeing: agreeingWith(itemDeclaredAt(existing.at, coll, k), sectionOf(existing.item), existing.agreeing) });
          }
          else {
            const changeable = coll !== 'phases';
            conflict(layer, at.pointer, { vi: `"${k}" (${coll})`, en: `"${k}" (${coll})` }, existing.at, differing(existing.item, item), coll, {
              vi: changeable ? `muốn thay đổi mục kế thừa, hãy dùng "itemOverrides" (kind "${coll}").` : 'giai đoạn kế thừa không thể khai báo lại khác đi; hãy bỏ khai báo này.',
              en: changeable ? `to change an inherited item use "itemOverrides" (kind "${coll}").` : 'an inherited phase cannot be redeclared differently; remove this declaration.',
            });
          }
        }
      });
    }
    if (takes(layer, 'indicators')) {
      plan.indicators.forEach((ind, i) => {
        const existing = indicators.get(ind.id);
        const { targets: own, ...meta } = ind;
        const pointer = `/indicators/${i}`;
        if (!existing) indicators.set(ind.id, { indicator: { ...meta, targets: [] }, at: { layer, pointer }, targets: [] });
        else if (!jsonEqual({ ...existing.indicator, targets: [] }, { ...meta, targets: [] })) {
          const a = existing.indicator as unknown as Record<string, unknown>;
          const b = meta as unknown as Record<string, unknown>;
          if (!related(layer, existing.at.layer) && jsonEqual(meaningOf('indicators', a), meaningOf('indicators', b))) {
            existing.agreeing = agreeingWith(indicatorDeclaredAt(existing.at, ind.id), existing.indicator.source.section, existing.agreeing);
            existing.indicator = { ...meta, targets: [] };
            existing.at = { layer, pointer };
          } else {
            conflict(layer, pointer, { vi: `Chỉ số "${ind.id}"`, en: `Indicator "${ind.id}"` }, existing.at, differing(meaningOf('indicators', a), meaningOf('indicators', b)), 'indicators', {
              vi: 'định nghĩa của chỉ số kế thừa không thể thay đổi; để thêm chỉ tiêu cho nó, hãy dùng "addTargets".',
              en: 'an inherited indicator\'s definition cannot change; to add targets to it use "addTargets".',
            });
            return;
          }
        }
        own.forEach((t, j) => addTarget(layer, t, ind.id, `${pointer}/targets/${j}`));
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
    const itemEntry = (c: ItemOverride | ItemWithdrawal, pointer: string, set?: Record<string, unknown>): ChangeEntry => ({
      key: `${c.kind}|${c.id}`,
      label: { vi: `mục ${c.kind} "${c.id}"`, en: `${c.kind} item "${c.id}"` },
      effectiveFrom: c.effectiveFrom,
      ...(set ? { set } : {}),
      at: { layer, pointer },
      order: seq++,
    });
    (plan.itemOverrides ?? []).forEach((o, i) => {
      if (takes(layer, o.kind)) itemOverrides.push({ change: o, entry: itemEntry(o, `/itemOverrides/${i}`, o.set as Record<string, unknown>), provenance: o.origin ?? { file: layer.display, pointer: `/itemOverrides/${i}` } });
    });
    (plan.itemWithdrawals ?? []).forEach((w, i) => {
      if (takes(layer, w.kind)) itemWithdrawals.push({ change: w, entry: itemEntry(w, `/itemWithdrawals/${i}`), provenance: w.origin ?? { file: layer.display, pointer: `/itemWithdrawals/${i}` } });
    });
  }

  // Item changes name an item some file declares (a withdrawal from the start that the resolver
  // or export recorded names an item it already left out).
  const known = (c: ItemOverride | ItemWithdrawal) => (keyed.get(c.kind) as Keyed).has(c.id);
  const unknownItem = (e: ChangeEntry, verb: { vi: string; en: string }) =>
    issues.push(
      issueIn(
        e.at.layer,
        `${e.at.pointer}/id`,
        'rules.unknown_item',
        `${verb.vi} ${e.label.vi}, mục không tồn tại (trong tệp này hay các kế hoạch gốc được kế thừa).`,
        `${verb.en} ${e.label.en}, which does not exist (in this file or the bases it inherits).`,
      ),
    );
  const liveOverrides = itemOverrides.filter((o) => known(o.change) || (unknownItem(o.entry, { vi: 'Ghi đè', en: 'Override of' }), false));
  const liveWithdrawals = itemWithdrawals.filter((w) => known(w.change) || (w.change.effectiveFrom === null && w.change.origin !== undefined) || (unknownItem(w.entry, { vi: 'Bãi bỏ', en: 'Withdrawal of' }), false));

  const targetEntry = (key: string, e: { at: Origin; order?: number }, effectiveFrom: string | null, set?: Record<string, unknown>): ChangeEntry => ({
    key: `target|${key}`,
    label: { vi: `chỉ tiêu "${key}"`, en: `target "${key}"` },
    effectiveFrom,
    ...(set ? { set } : {}),
    at: e.at,
    order: e.order ?? 0,
  });
  const changeEntries = [
    ...overrides.map((o) => targetEntry(o.override.target, o, o.override.effectiveFrom, o.override.set as Record<string, unknown>)),
    ...liveOverrides.map((o) => o.entry),
  ];
  overrideConflicts(changeEntries, related, issues);
  const withdrawalEntries = [...withdrawals.map((w) => ({ ...targetEntry(w.withdrawal.target, w, w.withdrawal.effectiveFrom), ref: w as WithdrawalEntry | (typeof liveWithdrawals)[number] })), ...liveWithdrawals.map((w) => ({ ...w.entry, ref: w }))];
  const withdrawalOf = decideWithdrawals(withdrawalEntries, isDescendant, issues);
  overridesAfterWithdrawal(changeEntries, withdrawalOf, isDescendant, issues);

  // Every dated version of every target must itself be a valid target of its indicator.
  const sorted = [...overrides].sort(compareOverrides);
  const current = new Map<string, TargetType>([...targets].map(([id, e]) => [id, e.target]));
  for (const o of sorted) {
    const before = current.get(o.override.target) as TargetType;
    const next = applyChanges(before, o.override.set);
    const parsed = Target.safeParse(next);
    if (!parsed.success) {
      pushVersionIssues(parsed.error.issues, next, o.override.set, o.at, issues);
      continue;
    }
    current.set(o.override.target, parsed.data);
  }
  // And of every item.
  const itemsNow = new Map<string, Record<string, unknown>>();
  for (const o of [...liveOverrides].sort((a, b) => compareChanges(a.entry, b.entry))) {
    const map = keyed.get(o.change.kind) as Keyed;
    const before = itemsNow.get(o.entry.key) ?? (map.get(o.change.id)?.item as Record<string, unknown>);
    const next = applyItemChanges(before, o.change.set as Record<string, unknown>);
    const parsed = ITEM_SCHEMAS[o.change.kind].safeParse(next);
    if (!parsed.success) {
      pushVersionIssues(parsed.error.issues, next, o.change.set as Record<string, unknown>, o.entry.at, issues);
      continue;
    }
    itemsNow.set(o.entry.key, next);
  }

  const withdrawnItems = new Map<string, (typeof liveWithdrawals)[number]>();
  for (const [key, w] of withdrawalOf) if (!key.startsWith('target|')) withdrawnItems.set(key, w.ref as (typeof liveWithdrawals)[number]);
  const targetWithdrawals = new Map<string, WithdrawalEntry>();
  for (const [key, w] of withdrawalOf) if (key.startsWith('target|')) targetWithdrawals.set(key.slice('target|'.length), w.ref as WithdrawalEntry);
  const plan = assemble(order, root, parts, keyed, indicators, targets, overrides, targetWithdrawals, liveOverrides, withdrawnItems);
  return { plan: plan.value, issues, remap: plan.remap };
}

/** Orders dated changes: undated first, then by date, then in declaration order (bases first). */
function compareChanges(a: { effectiveFrom: string | null; order: number }, b: { effectiveFrom: string | null; order: number }): number {
  const da = a.effectiveFrom ?? '';
  const db = b.effectiveFrom ?? '';
  return da < db ? -1 : da > db ? 1 : a.order - b.order;
}

/** The issues of a version that is not valid, at the field of `set` that made it so (or at `set`). */
function pushVersionIssues(zodIssues: Parameters<typeof issuesFromZod>[0], next: unknown, set: Record<string, unknown>, at: Origin, issues: Issue[]) {
  for (const i of issuesFromZod(zodIssues, next)) {
    const field = fromPointer(i.pointer)[0];
    const inSet = field !== undefined && Object.prototype.hasOwnProperty.call(set, field);
    issues.push(locate(at.layer, { ...i, pointer: inSet ? `${at.pointer}/set${i.pointer}` : `${at.pointer}/set` }));
  }
}

/**
 * Two changes of the same field of the same target or item from the same date conflict unless one
 * file extends the other (the extending file wins) or they agree. Values are compared as canonical
 * JSON, one entry per distinct value and file, so many overrides of one field stay cheap.
 */
function overrideConflicts(entries: readonly ChangeEntry[], related: (a: RuleFileLayer, b: RuleFileLayer) => boolean | undefined, issues: Issue[]) {
  const byField = new Map<string, { value: string; entry: ChangeEntry }[]>();
  for (const o of entries) {
    for (const field of Object.keys(o.set ?? {})) {
      const raw = (o.set as Record<string, unknown>)[field];
      if (raw === undefined) continue;
      const k = `${o.key}|${o.effectiveFrom ?? ''}|${field}`;
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
            `Xung đột: "${field}" của ${o.label.vi} từ ${o.effectiveFrom ?? 'đầu'} đã được ghi đè khác tại ${prev.at.layer.display} (${prev.at.pointer}).`,
            `Conflict: "${field}" of ${o.label.en} from ${o.effectiveFrom ?? 'the start'} is already overridden differently at ${prev.at.layer.display} (${prev.at.pointer}).`,
          ),
        );
        if (issues.length > 200) return;
      }
      if (!list.some((prev) => prev.value === value && prev.entry.at.layer === o.at.layer)) list.push({ value, entry: o });
      byField.set(k, list);
    }
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Withdrawals: the most derived file decides; unrelated files must agree on the date. */
function decideWithdrawals<W extends ChangeEntry>(entries: readonly W[], isDescendant: (a: RuleFileLayer, b: RuleFileLayer) => boolean, issues: Issue[]): Map<string, W> {
  const withdrawalOf = new Map<string, W>();
  for (const w of entries) {
    const prev = withdrawalOf.get(w.key);
    if (!prev) {
      withdrawalOf.set(w.key, w);
      continue;
    }
    if (prev.effectiveFrom === w.effectiveFrom) continue;
    if (prev.at.layer !== w.at.layer && isDescendant(w.at.layer, prev.at.layer)) withdrawalOf.set(w.key, w);
    else if (prev.at.layer !== w.at.layer && isDescendant(prev.at.layer, w.at.layer)) continue;
    else {
      issues.push(
        issueIn(
          w.at.layer,
          `${w.at.pointer}/effectiveFrom`,
          'rules.conflicting_withdrawal',
          `${capitalised(w.label.vi)} đã bị bãi bỏ từ một ngày khác tại ${prev.at.layer.display} (${prev.at.pointer}).`,
          `${capitalised(w.label.en)} is already withdrawn from another date at ${prev.at.layer.display} (${prev.at.pointer}).`,
        ),
      );
    }
  }
  return withdrawalOf;
}

/** A change that takes effect once its target or item is withdrawn (by its own file or one it extends). */
function overridesAfterWithdrawal(entries: readonly ChangeEntry[], withdrawalOf: ReadonlyMap<string, ChangeEntry>, isDescendant: (a: RuleFileLayer, b: RuleFileLayer) => boolean, issues: Issue[]) {
  for (const o of entries) {
    const w = withdrawalOf.get(o.key);
    if (!w || !(o.at.layer === w.at.layer || isDescendant(o.at.layer, w.at.layer))) continue;
    const wFrom = w.effectiveFrom;
    if (wFrom === null || (o.effectiveFrom !== null && o.effectiveFrom >= wFrom)) {
      issues.push(
        issueIn(
          o.at.layer,
          `${o.at.pointer}/effectiveFrom`,
          'rules.override_after_withdrawal',
          `Ghi đè có hiệu lực khi ${o.label.vi} đã bị bãi bỏ (từ ${wFrom ?? 'đầu'}, ${w.at.layer.display} ${w.at.pointer}).`,
          `The override takes effect when ${o.label.en} is already withdrawn (from ${wFrom ?? 'the start'}, ${w.at.layer.display} ${w.at.pointer}).`,
        ),
      );
    }
  }
}

function assemble(
  order: readonly RuleFileLayer[],
  root: RuleFileLayer,
  parts: ReadonlyMap<string, Set<InheritedPart>>,
  keyed: Map<ItemCollection, Keyed>,
  indicators: Map<string, IndicatorEntry>,
  targets: Map<string, TargetEntry>,
  overrides: OverrideEntry[],
  withdrawalOf: Map<string, WithdrawalEntry>,
  itemOverrides: readonly { change: ItemOverride; entry: ChangeEntry; provenance: ProvenanceOrigin }[],
  itemWithdrawals: ReadonlyMap<string, { change: ItemWithdrawal; entry: ChangeEntry; provenance: ProvenanceOrigin }>,
) {
  const where = new Map<string, Origin>();
  const out: Record<string, unknown> = {};
  // Scalar fields: the extending file's own, else the nearest base's that this file takes
  // (never a base's sourceText).
  for (const key of Object.keys(Plan.shape)) {
    if (BUILT_FIELDS.has(key)) continue;
    const own = (root.plan as Record<string, unknown>)[key];
    if (own !== undefined || OWN_ONLY_FIELDS.has(key)) {
      if (own !== undefined) out[key] = own;
      continue;
    }
    for (let i = order.length - 2; i >= 0; i--) {
      const layer = order[i] as RuleFileLayer;
      const v = (layer.plan as Record<string, unknown>)[key];
      if (v !== undefined && (!isPart(key) || parts.get(layer.key)?.has(key))) {
        out[key] = v;
        break;
      }
    }
  }
  // Undated changes are part of the items themselves; dated ones stay listed for the date of the question.
  const undated = new Map<string, Record<string, unknown>>();
  for (const o of [...itemOverrides].sort((a, b) => compareChanges(a.entry, b.entry))) {
    if (o.change.effectiveFrom !== null) continue;
    const item = undated.get(o.entry.key) ?? ((keyed.get(o.change.kind) as Keyed).get(o.change.id)?.item as Record<string, unknown>);
    undated.set(o.entry.key, applyItemChanges(item, o.change.set as Record<string, unknown>));
  }
  const itemOrigins: Record<string, unknown>[] = [];
  for (const coll of ITEM_COLLECTIONS) {
    const kept = [...(keyed.get(coll) as Keyed).entries()].filter(([k]) => itemWithdrawals.get(`${coll}|${k}`)?.change.effectiveFrom !== null);
    out[coll] = kept.map(([k, e], i) => {
      where.set(`/${coll}/${i}`, e.at);
      const recorded = e.at.layer.plan.itemOrigins?.find((o) => o.kind === coll && o.id === k);
      const origin = recorded ?? { kind: coll, id: k, plan: e.at.layer.plan.id, number: e.at.layer.plan.number, file: e.at.layer.display, pointer: e.at.pointer };
      const agreeing = [...(e.agreeing ?? []), ...(recorded?.agreeing ?? [])];
      itemOrigins.push(agreeing.length ? { ...origin, agreeing } : origin);
      return undated.get(`${coll}|${k}`) ?? e.item;
    });
  }
  const indicatorOrigins: Record<string, unknown>[] = [];
  out.indicators = [...indicators.values()].map((e, i) => {
    where.set(`/indicators/${i}`, e.at);
    const recorded = e.at.layer.plan.indicatorOrigins?.find((o) => o.indicator === e.indicator.id);
    const origin = recorded ?? { indicator: e.indicator.id, plan: e.at.layer.plan.id, number: e.at.layer.plan.number, file: e.at.layer.display, pointer: e.at.pointer };
    const agreeing = [...(e.agreeing ?? []), ...(recorded?.agreeing ?? [])];
    indicatorOrigins.push(agreeing.length ? { ...origin, agreeing } : origin);
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
  if (itemOverrides.length) {
    out.itemOverrides = itemOverrides.map((o, i) => {
      where.set(`/itemOverrides/${i}`, o.entry.at);
      return { ...o.change, origin: o.provenance };
    });
  }
  if (itemWithdrawals.size) {
    out.itemWithdrawals = [...itemWithdrawals.values()].map((w, i) => {
      where.set(`/itemWithdrawals/${i}`, w.entry.at);
      return { ...w.change, origin: w.provenance };
    });
  }
  out.origins = [...targets.values()].map((t) => ({
    target: t.target.id,
    file: t.provenance.file,
    pointer: t.provenance.pointer,
    ...(t.provenance.claimed ? { claimed: true as const } : {}),
    ...(t.agreeing?.length ? { agreeing: t.agreeing } : {}),
  }));
  out.itemOrigins = itemOrigins;
  out.indicatorOrigins = indicatorOrigins;
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

const isPart = (key: string): key is InheritedPart => (ALL_PARTS as readonly string[]).includes(key);
