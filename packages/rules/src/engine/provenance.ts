import { ITEM_KEY_FIELDS, fromPointer, issueFrom, type AgreeingDeclaration, type BilingualText, type Issue, type Plan } from '@egov-plan/core';
import * as MSG from '../messages.js';
import { changeClaim, indicatorClaim, itemChangeClaim, itemClaim, resolvedFromClaim, targetClaim } from '../words.js';
import { bundledPlansForCheck } from './bundled-lookup.js';
import { jsonEqual } from './json-equal.js';
import type { RuleFileLayer } from './resolve.js';

// Provenance fields (`origins`, `overrides[].origin`, `withdrawals[].origin`, `resolvedFrom`) are
// written by the resolver and `export`, but a hand-written file may carry them too. A claim that
// names a bundled plan is checked: kept when that plan really has the same target (override,
// withdrawal, plan number) at that pointer, otherwise replaced by the file's own location with a
// warning `rules.unverified_provenance`. A claim that names any other file cannot be checked: it is
// kept, marked `claimed: true`, and shown as the file's claim (one warning per file counts them).
// Whatever a file writes in `claimed` is replaced.

/** Most warnings listed one by one; the last one counts the rest. */
const MAX_WARNINGS = 20;

/** The value at an RFC 6901 pointer, or undefined (own properties only). */
function at(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const seg of fromPointer(pointer)) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** True when the bundled plan `file` holds `item` at `pointer`. */
function holds(bundled: (id: string) => Plan | undefined, file: string, pointer: string, item: unknown): boolean {
  const plan = bundled(file);
  if (!plan) return false;
  const found = at(plan, pointer);
  if (found === null || typeof found !== 'object' || item === null || typeof item !== 'object') return false;
  // The recorded item may itself carry the bundled plan's own provenance (an override's origin).
  const strip = (x: object) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'origin'));
  return jsonEqual(strip(found), strip(item));
}

const show = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** A claim as the resolver keeps it: `claimed` set from the check, never from the file. */
function mark<T extends { file: string; claimed?: true | undefined }>(c: T, verified: boolean): T {
  const { claimed: _fromFile, ...rest } = c;
  return (verified ? rest : { ...rest, claimed: true }) as T;
}

/** Builds an issue located in a layer's file (the resolver's locates bundled plans' text too). @internal */
export type LayerIssue = (layer: RuleFileLayer, pointer: string, code: Issue['code'], vi: string, en: string) => Issue;

/** An issue in a layer: its file, and line and column when the layer carries its parsed text. */
function issueInLayer(layer: RuleFileLayer, pointer: string, code: Issue['code'], vi: string, en: string): Issue {
  const pos = layer.document?.locate(pointer);
  return { code, pointer, message: { vi, en }, file: layer.display, ...(pos ?? {}) };
}

/**
 * Checks the provenance a rule file claims: claims naming a bundled plan that do not hold are
 * replaced by the file's own location (one warning each, at most {@link MAX_WARNINGS}, the last
 * counting the rest); claims naming other files are kept and marked `claimed: true` (one warning
 * counts them). Returns the layer with its checked plan. Bundled plans are trusted as they are.
 * `issueIn` builds each warning (default: located by the layer's parsed text, when it has one).
 *
 * @internal
 */
export function verifyProvenance(layer: RuleFileLayer, issueIn: LayerIssue = issueInLayer): { layer: RuleFileLayer; warnings: Issue[]; forged: Issue[] } {
  const plan = layer.plan;
  const bundled = bundledPlansForCheck();
  const isBundled = (id: string) => bundled(id) !== undefined;
  if (plan.origins === undefined && plan.resolvedFrom === undefined && plan.itemOrigins === undefined && plan.indicatorOrigins === undefined && !plan.overrides?.some((o) => o.origin) && !plan.withdrawals?.some((w) => w.origin) && !plan.itemOverrides?.some((o) => o.origin) && !plan.itemWithdrawals?.some((w) => w.origin)) return { layer, warnings: [], forged: [] };
  const warnings: Issue[] = [];
  let replaced = 0;
  let unchecked = 0;
  const warn = (pointer: string, claim: BilingualText) => {
    replaced++;
    if (warnings.length >= MAX_WARNINGS) return;
    const made = issueFrom(MSG.rulesForgedProvenance, pointer, { claim, file: layer.display });
    const w = issueIn(layer, pointer, made.code, made.message.vi, made.message.en);
    warnings.push({ ...w, severity: 'warning' });
  };
  const keep = <T extends { file: string; claimed?: true | undefined; agreeing?: AgreeingDeclaration[] | undefined }>(c: T): T => {
    const verified = isBundled(c.file);
    if (!verified) unchecked++;
    const kept = mark(c, verified);
    // The agreeing declarations a file states are its claims too: marked the same way.
    return c.agreeing ? { ...kept, agreeing: c.agreeing.map((a) => mark(a, isBundled(a.file))) } : kept;
  };

  const targets = new Map<string, unknown>();
  for (const ind of plan.indicators) for (const t of ind.targets) targets.set(t.id, t);
  for (const a of plan.addTargets ?? []) targets.set(a.target.id, a.target);

  const out = { ...plan };
  if (plan.origins !== undefined) {
    const kept: NonNullable<typeof plan.origins> = [];
    plan.origins.forEach((o, i) => {
      if (!isBundled(o.file) || holds(bundled, o.file, o.pointer, targets.get(o.target))) kept.push(keep(o));
      else warn(`/origins/${i}`, targetClaim(show(o.target), show(o.file), show(o.pointer)));
    });
    out.origins = kept;
  }
  const checkChange = <T extends { target: string; origin?: { file: string; pointer: string; claimed?: true | undefined } | undefined }>(list: readonly T[], field: 'overrides' | 'withdrawals'): T[] =>
    list.map((c, i) => {
      if (!c.origin) return c;
      if (!isBundled(c.origin.file) || holds(bundled, c.origin.file, c.origin.pointer, c)) return { ...c, origin: keep(c.origin) };
      warn(`/${field}/${i}/origin`, changeClaim(field === 'overrides' ? 'override' : 'withdrawal', show(c.target), show(c.origin.file), show(c.origin.pointer)));
      const { origin: _claimed, ...own } = c;
      return own as T;
    });
  if (plan.overrides) out.overrides = checkChange(plan.overrides, 'overrides');
  if (plan.withdrawals) out.withdrawals = checkChange(plan.withdrawals, 'withdrawals');
  // Items: the bundled plan named must declare an item of that kind and key at that pointer, and
  // have that number (the item itself may since have been changed by an undated override).
  if (plan.itemOrigins !== undefined) {
    const kept: NonNullable<typeof plan.itemOrigins> = [];
    plan.itemOrigins.forEach((o, i) => {
      const b = bundled(o.file);
      const found = b ? at(b, o.pointer) : undefined;
      const key = o.kind === 'phases' ? 'id' : ITEM_KEY_FIELDS[o.kind];
      const holdsItem = b !== undefined && b.id === o.plan && b.number === o.number && o.pointer.startsWith(`/${o.kind}/`) && found !== null && typeof found === 'object' && (found as Record<string, unknown>)[key] === o.id;
      if (!b || holdsItem) kept.push(keep(o));
      else warn(`/itemOrigins/${i}`, itemClaim(o.kind, show(o.id), show(o.file), show(o.pointer)));
    });
    out.itemOrigins = kept;
  }
  const checkItemChange = <T extends { kind: string; id: string; origin?: { file: string; pointer: string; claimed?: true | undefined } | undefined }>(list: readonly T[], field: 'itemOverrides' | 'itemWithdrawals'): T[] =>
    list.map((c, i) => {
      if (!c.origin) return c;
      if (!isBundled(c.origin.file) || holds(bundled, c.origin.file, c.origin.pointer, c)) return { ...c, origin: keep(c.origin) };
      warn(`/${field}/${i}/origin`, itemChangeClaim(c.kind, show(c.id), show(c.origin.file), show(c.origin.pointer)));
      const { origin: _claimed, ...own } = c;
      return own as T;
    });
  if (plan.itemOverrides) out.itemOverrides = checkItemChange(plan.itemOverrides, 'itemOverrides');
  if (plan.itemWithdrawals) out.itemWithdrawals = checkItemChange(plan.itemWithdrawals, 'itemWithdrawals');
  if (plan.indicatorOrigins !== undefined) {
    const kept: NonNullable<typeof plan.indicatorOrigins> = [];
    plan.indicatorOrigins.forEach((o, i) => {
      const b = bundled(o.file);
      const found = b ? at(b, o.pointer) : undefined;
      const holdsIndicator = b !== undefined && b.id === o.plan && b.number === o.number && o.pointer.startsWith('/indicators/') && found !== null && typeof found === 'object' && (found as Record<string, unknown>).id === o.indicator;
      if (!b || holdsIndicator) kept.push(keep(o));
      else warn(`/indicatorOrigins/${i}`, indicatorClaim(show(o.indicator), show(o.file), show(o.pointer)));
    });
    out.indicatorOrigins = kept;
  }
  if (plan.resolvedFrom !== undefined) {
    const kept: NonNullable<typeof plan.resolvedFrom> = [];
    plan.resolvedFrom.forEach((r, i) => {
      const b = bundled(r.file);
      if (!b || (b.id === r.plan && b.number === r.number)) kept.push(keep(r));
      else warn(`/resolvedFrom/${i}`, resolvedFromClaim(show(r.file), show(r.plan), show(r.number)));
    });
    out.resolvedFrom = kept;
  }
  if (replaced > warnings.length) {
    warnings.push(counted(layer, issueFrom(MSG.rulesForgedProvenanceMore, '', { more: replaced - warnings.length })));
  }
  const forged = warnings.slice();
  if (unchecked) {
    warnings.push(
      counted(layer, issueFrom(MSG.rulesClaimedProvenance, '', { count: unchecked })),
    );
  }
  return { layer: { ...layer, plan: out }, warnings, forged };
}

function counted(layer: RuleFileLayer, made: Issue): Issue {
  return { ...made, file: layer.display, severity: 'warning' };
}
