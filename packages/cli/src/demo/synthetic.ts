import type { MeasurementInput, Plan } from '@egov-plan/core';

// Made-up figures for the demo (`egov-plan demo`): rows a province's agencies could have sent
// for a plan's first phase, so that a newcomer sees an import, an evaluation and a report at
// once. Only the plan's own indicators, agencies and administrative units are used — no org unit
// or code is invented — and every figure is drawn from a fixed-seed generator: THE VALUES ARE
// SYNTHETIC, they are not any province's reported results, and the demo says so wherever it
// shows them.

/** What {@link syntheticMeasurements} makes. */
export interface SyntheticQuarterOptions {
  /** The reporting periods (quarters of the phase, oldest first), e.g. `['2020Q3', '2020Q4']`. */
  periods: readonly string[];
  /** The phase whose targets the rows are for (default: the plan's first). */
  phase?: string;
  /** Seed of the generator (default 1102: the same rows on every run). */
  seed?: number;
}

/** A small xorshift generator: the same sequence for the same seed, on every machine. */
function generator(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * Synthetic measurement rows for the targets of one phase of `plan`, for each of `periods`:
 * each-agency percentages for the province's departments, summed-count percentages for the
 * units of a target's level (one district reports a percentage without its counts, so the
 * roll-up has a value it must name as left out), the province's own value for whole-province
 * targets without a level, and yes/no for qualitative indicators. Later periods tend higher, so
 * progress has a series.
 */
export function syntheticMeasurements(plan: Plan, options: SyntheticQuarterOptions): MeasurementInput[] {
  const rnd = generator(options.seed ?? 1102);
  const phase = plan.phases.find((p) => p.id === (options.phase ?? plan.phases[0]?.id));
  if (!phase) return [];
  const province = plan.issuer.unit ?? plan.administrativeUnits.find((u) => u.level === 'province')?.code;
  const inPhase = (u: { validFrom: string | null; validTo: string | null }) => (u.validFrom ?? '0000-01-01') <= phase.end && (u.validTo ?? '9999-12-31') >= phase.start;
  const unitsAt = (level: string) => plan.administrativeUnits.filter((u) => u.level === level && u.code !== province && inPhase(u)).map((u) => u.code);
  const departments = plan.agencies.filter((a) => a.kind === 'department').map((a) => a.id);
  const rows: MeasurementInput[] = [];
  const step = options.periods.length > 1 ? 1 / (options.periods.length - 1) : 0;
  for (const indicator of plan.indicators) {
    const targets = indicator.targets.filter((t) => t.phase === phase.id);
    if (targets.length === 0) continue;
    options.periods.forEach((period, k) => {
      const lift = 0.75 + 0.25 * k * step; // later quarters reach further
      if (indicator.unit === 'boolean') {
        if (province) rows.push({ indicator: indicator.id, orgUnit: province, period, value: rnd() < 0.35 + 0.4 * k * step });
        return;
      }
      const done = new Set<string>();
      for (const t of targets) {
        const goal = typeof t.value === 'number' ? t.value : 50;
        const around = () => Math.max(0, Math.min(100, Math.round(goal * lift * (0.6 + 0.7 * rnd()))));
        if (t.scope === 'each-agency') {
          for (const agency of departments) {
            if (done.has(agency)) continue;
            done.add(agency);
            rows.push({ indicator: indicator.id, orgUnit: agency, period, value: around() });
          }
        } else if (t.level === 'district' || t.level === 'commune' || (t.level === 'province' && departments.length > 0)) {
          const units = t.level === 'province' ? departments : unitsAt(t.level);
          units.forEach((unit, i) => {
            if (done.has(unit)) return;
            done.add(unit);
            const denominator = 80 + Math.floor(rnd() * 400);
            const numerator = Math.min(denominator, Math.round((denominator * around()) / 100));
            // The second unit sends a percentage only: the roll-up must name it as left out.
            if (i === 1) rows.push({ indicator: indicator.id, orgUnit: unit, period, value: Math.round((numerator / denominator) * 1000) / 10 });
            else rows.push({ indicator: indicator.id, orgUnit: unit, period, numerator, denominator });
          });
        } else if (province && !done.has(province)) {
          done.add(province);
          rows.push({ indicator: indicator.id, orgUnit: province, period, value: around() });
        }
      }
    });
  }
  return rows;
}
