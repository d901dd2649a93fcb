import {
  Plan,
  Target,
  checkPlanConsistency,
  fromPointer,
  issue,
  toPointer,
  type Indicator,
  type Issue,
  type ProvenanceOrigin,
  type Target as TargetType,
  type TargetOverride,
  type TargetWithdrawal,
} from '@egov-plan/core';
import type { JsonDocument } from '../json-document.js';
import { DEFAULT_RULE_LIMITS, type RuleLimits } from './limits.js';
import { issuesFromZod } from './safety.js';

// Resolution of `extends`: the plans a rule file builds on are read (bundled ids or paths relative
// to the extending file), ordered base first, and merged into one self-contained plan. Targets are
// added, overridden from a date or withdrawn; nothing else of an inherited plan can be changed.
// Every target, override and withdrawal keeps its origin (file and JSON pointer) for provenance.

/** One file of an `extends` chain, already checked against the schema (not yet resolved). */
export interface RuleFileLayer {
  /** Identity of the file: `bundled:<id>` or its absolute real path. */
  key: string;
  /** How the file is named in provenance and issues: the bundled id or a path. */
  display: string;
  /** The file's content. */
  plan: Plan;
  /** The parsed text, for line and column of issues. */
  document?: JsonDocument;
  /** Directory that relative `extends` paths in this file are resolved against. */
  dir?: string;
}

/** Reads the plans named in `extends`. Implemented with the file system by `load.ts`. */
export interface RuleFileReader {
  /** Reads `ref` (a bundled id, or a path relative to `fromDir`): the layer, or why it cannot be used. */
  read(ref: string, fromDir: string | undefined): { layer: RuleFileLayer } | { issues: Issue[] };
}

/** The outcome of {@link resolveRuleFile}. */
export type ResolveResult = { ok: true; value: Plan; issues: [] } | { ok: false; issues: Issue[] };

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

/**
 * Resolves a rule file: reads its `extends` chain with `reader`, detects cycles, merges base first
 * and checks the result — conflicting definitions, overrides and withdrawals of missing targets,
 * conflicting overrides, every dated version of every target valid, and the plan's consistency.
 * Issues point into the file that caused them. A file without `extends` is only checked and, when
 * valid, returned unchanged.
 */
export function resolveRuleFile(root: RuleFileLayer, reader: RuleFileReader, limits: RuleLimits = DEFAULT_RULE_LIMITS): ResolveResult {
  const { order, ancestors, issues } = linearise(root, reader, limits);
  if (issues.length) return { ok: false, issues };
  const merged = merge(order, ancestors);
  if (merged.issues.length) return { ok: false, issues: merged.issues };
  const hasExtends = root.plan.extends !== undefined || root.plan.addTargets !== undefined;
  if (!hasExtends) {
    const consistency = checkPlanConsistency(root.plan).map((i) => locate(root, i));
    return consistency.length ? { ok: false, issues: consistency } : { ok: true, value: root.plan, issues: [] };
  }
  const parsed = Plan.safeParse(merged.plan);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error.issues, merged.plan).map((i) => merged.remap(i)) };
  const consistency = checkPlanConsistency(parsed.data).map((i) => merged.remap(i));
  return consistency.length ? { ok: false, issues: consistency } : { ok: true, value: parsed.data, issues: [] };
}

function linearise(root: RuleFileLayer, reader: RuleFileReader, limits: RuleLimits) {
  const order: RuleFileLayer[] = [];
  const ancestors = new Map<string, Set<string>>();
  const display = new Map<string, string>([[root.key, root.display]]);
  const issues: Issue[] = [];
  let files = 1;
  const visit = (layer: RuleFileLayer, chain: string[]): Set<string> => {
    const done = ancestors.get(layer.key);
    if (done) return done;
    const mine = new Set<string>();
    (layer.plan.extends ?? []).forEach((ref, i) => {
      const pointer = `/extends/${i}`;
      if (files >= limits.maxFiles) {
        issues.push(issueIn(layer, pointer, 'rules.too_many_files', `Chuỗi "extends" dùng quá ${limits.maxFiles} tệp.`, `The "extends" chain uses more than ${limits.maxFiles} files.`));
        return;
      }
      const r = reader.read(ref, layer.dir);
      if ('issues' in r) {
        const notFound = r.issues.some((x) => x.code === 'plan.unknown_plan' || x.code === 'file.not_found');
        issues.push(
          issueIn(
            layer,
            pointer,
            notFound ? 'rules.unknown_base' : 'rules.invalid_base',
            notFound ? `Không tìm thấy kế hoạch gốc "${ref}" (không phải id đóng gói, không có tệp ở đường dẫn này).` : `Kế hoạch gốc "${ref}" không hợp lệ (xem các lỗi kèm theo).`,
            notFound ? `Base plan "${ref}" not found (neither a bundled id nor an existing file).` : `Base plan "${ref}" is invalid (see the issues that follow).`,
          ),
        );
        if (!notFound) issues.push(...r.issues);
        return;
      }
      const parent = r.layer;
      display.set(parent.key, parent.display);
      if (chain.includes(parent.key)) {
        const cycle = [...chain.slice(chain.indexOf(parent.key)), parent.key].map((k) => display.get(k) ?? k).join(' → ');
        issues.push(issueIn(layer, pointer, 'rules.extends_cycle', `"extends" tạo thành vòng: ${cycle}.`, `"extends" forms a cycle: ${cycle}.`));
        return;
      }
      if (!ancestors.has(parent.key)) files++;
      const theirs = visit(parent, [...chain, parent.key]);
      mine.add(parent.key);
      for (const a of theirs) mine.add(a);
    });
    ancestors.set(layer.key, mine);
    order.push(layer);
    return mine;
  };
  visit(root, [root.key]);
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
      provenance: recorded ? { file: recorded.file, pointer: recorded.pointer } : { file: layer.display, pointer },
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

/** Orders overrides for application: undated first, then by date, then base files first. */
export function compareOverrides(a: { override: TargetOverride; order: number }, b: { override: TargetOverride; order: number }): number {
  const da = a.override.effectiveFrom ?? '';
  const db = b.override.effectiveFrom ?? '';
  return da < db ? -1 : da > db ? 1 : a.order - b.order;
}

/** A target with an override's changes applied (`conditions: null` removes custom conditions). */
export function applyChanges(target: TargetType, set: TargetOverride['set']): TargetType {
  const next: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) continue;
    if (k === 'conditions' && v === null) delete next.conditions;
    else next[k] = v;
  }
  return next as TargetType;
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
  out.origins = [...targets.values()].map((t) => ({ target: t.target.id, file: t.provenance.file, pointer: t.provenance.pointer }));
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
