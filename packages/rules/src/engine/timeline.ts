import type { FieldChange as FieldChangeOutput, Indicator, Plan, ProvenanceStep as ProvenanceStepOutput, Target, TargetOverride } from '@egov-plan/core';
import { compiledArtifacts } from './plan-artifacts.js';
import { applyChanges, compareOverrides } from './changes.js';

// The dated history of each target: its definition, then each override in force from its date,
// then its withdrawal. The version in force on a date is the definition with every override whose
// `effectiveFrom` is on or before that date applied in order (undated overrides first).

/** One change of a target field by an override (the `FieldChange` schema of @egov-plan/core). */
export type FieldChange = FieldChangeOutput;

/**
 * One step of a target's provenance: who defined, changed or withdrew it, where (file and JSON
 * pointer), from when, what it replaced, and the source text that justifies it (the
 * `ProvenanceStep` schema of @egov-plan/core).
 */
export type ProvenanceStep = ProvenanceStepOutput;

/** A version of a target in force from `effectiveFrom` (null: from the start). */
export interface TargetVersion {
  target: Target;
  effectiveFrom: string | null;
  /** The steps that made this version, definition first. */
  provenance: ProvenanceStep[];
}

/** The whole dated history of one target. */
export interface TargetTimeline {
  indicator: Indicator;
  /** Versions in date order; the first is in force from the start. */
  versions: TargetVersion[];
  /** The withdrawal, when there is one. */
  withdrawal: ProvenanceStep | null;
  /** Every step, in order of effect. */
  steps: ProvenanceStep[];
}

/** The version of a target in force on a date, or why there is none. */
export type EffectiveTarget = { withdrawn: false; version: TargetVersion; timeline: TargetTimeline } | { withdrawn: true; step: ProvenanceStep; timeline: TargetTimeline };

/**
 * Every target's timeline, by target id: those a compiled plan carries (see `compilePlan`), or
 * built now from a plain plan.
 */
export function targetTimelines(plan: Plan): ReadonlyMap<string, TargetTimeline> {
  return compiledArtifacts(plan)?.timelines ?? buildTargetTimelines(plan);
}

/**
 * Builds every target's timeline from a plan.
 *
 * @internal
 */
export function buildTargetTimelines(plan: Plan): Map<string, TargetTimeline> {
  const map = new Map<string, TargetTimeline>();
  const origins = new Map((plan.origins ?? []).map((o) => [o.target, o]));
  const overridesOf = new Map<string, { override: TargetOverride; order: number; index: number }[]>();
  (plan.overrides ?? []).forEach((o, index) => {
    const list = overridesOf.get(o.target) ?? [];
    list.push({ override: o, order: index, index });
    overridesOf.set(o.target, list);
  });
  plan.indicators.forEach((indicator, i) =>
    indicator.targets.forEach((target, j) => {
      const origin = origins.get(target.id);
      const defined: ProvenanceStep = {
        action: 'defined',
        file: origin?.file ?? plan.id,
        pointer: origin?.pointer ?? `/indicators/${i}/targets/${j}`,
        ...(origin?.claimed ? { claimed: true as const } : {}),
        effectiveFrom: null,
        changes: [],
        source: target.source,
        ...(origin?.agreeing?.length ? { agreeing: origin.agreeing } : {}),
      };
      const steps: ProvenanceStep[] = [defined];
      const versions: TargetVersion[] = [{ target, effectiveFrom: null, provenance: [defined] }];
      let current = target;
      for (const o of (overridesOf.get(target.id) ?? []).sort(compareOverrides)) {
        const next = applyChanges(current, o.override.set);
        const step: ProvenanceStep = {
          action: 'overridden',
          file: o.override.origin?.file ?? plan.id,
          pointer: o.override.origin?.pointer ?? `/overrides/${o.index}`,
          ...(o.override.origin?.claimed ? { claimed: true as const } : {}),
          effectiveFrom: o.override.effectiveFrom,
          changes: Object.keys(o.override.set)
            .filter((k) => (o.override.set as Record<string, unknown>)[k] !== undefined)
            .map((field) => ({ field, from: (current as Record<string, unknown>)[field] ?? null, to: (next as Record<string, unknown>)[field] ?? null })),
          source: o.override.source,
          ...(o.override.reason ? { reason: o.override.reason } : {}),
        };
        steps.push(step);
        current = next;
        const last = versions[versions.length - 1] as TargetVersion;
        if (last.effectiveFrom === o.override.effectiveFrom) versions[versions.length - 1] = { target: next, effectiveFrom: last.effectiveFrom, provenance: [...last.provenance, step] };
        else versions.push({ target: next, effectiveFrom: o.override.effectiveFrom, provenance: [...last.provenance, step] });
      }
      const wIndex = (plan.withdrawals ?? []).findIndex((w) => w.target === target.id);
      const w = wIndex >= 0 ? (plan.withdrawals ?? [])[wIndex] : undefined;
      const withdrawal: ProvenanceStep | null = w
        ? {
            action: 'withdrawn',
            file: w.origin?.file ?? plan.id,
            pointer: w.origin?.pointer ?? `/withdrawals/${wIndex}`,
            ...(w.origin?.claimed ? { claimed: true as const } : {}),
            effectiveFrom: w.effectiveFrom,
            changes: [],
            source: w.source,
            ...(w.reason ? { reason: w.reason } : {}),
          }
        : null;
      if (withdrawal) steps.push(withdrawal);
      map.set(target.id, { indicator, versions, withdrawal, steps });
    }),
  );
  return map;
}

/** The version of `targetId` in force on `date` (`YYYY-MM-DD`), or its withdrawal; undefined for an unknown id. */
export function effectiveTarget(plan: Plan, targetId: string, date: string): EffectiveTarget | undefined {
  const timeline = targetTimelines(plan).get(targetId);
  if (!timeline) return undefined;
  return effectiveOf(timeline, date);
}

/** {@link effectiveTarget} for a timeline already at hand. */
export function effectiveOf(timeline: TargetTimeline, date: string): EffectiveTarget {
  const w = timeline.withdrawal;
  if (w && (w.effectiveFrom === null || w.effectiveFrom <= date)) return { withdrawn: true, step: w, timeline };
  let version = timeline.versions[0] as TargetVersion;
  for (const v of timeline.versions) if (v.effectiveFrom === null || v.effectiveFrom <= date) version = v;
  return { withdrawn: false, version, timeline };
}
