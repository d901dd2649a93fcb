import { describe, expect, it } from 'vitest';
import { isEgovPlanError, type Issue, type Plan } from '@egov-plan/core';
import { compilePlan, describeProvenance, exportPlan, targetTimelines } from '../../src/index.js';
import { loadPlan, loadPlanSync, validatePlanText } from '../../src/node.js';
import { emptyRuleFile, tempDirWith } from '@egov-plan/test-utils';

// Provenance a file states (origins, overrides[].origin, resolvedFrom) is checked against the
// bundled plan it names; what does not hold is replaced by the file's own location with a warning,
// and claims naming other files are only shown as the file's claim.

const quote = (q: string) => ({ section: 'I.2', quote: q });
const TARGET = 'e-identification.2021-2025';

/** A province file that extends the bundled resolution and lowers one of its targets, exported. */
function exported(): Record<string, any> {
  const dir = tempDirWith({
    'province.json': emptyRuleFile({ extends: ['vn-nq17-2019'], overrides: [{ target: TARGET, effectiveFrom: null, set: { value: 10 }, source: quote('tỉnh tự hạ chỉ tiêu') }] }),
  });
  return exportPlan(loadPlanSync('province.json', { cwd: dir })) as Record<string, any>;
}

function reload(value: unknown): { plan: Plan; warnings: Issue[] } {
  const r = validatePlanText(JSON.stringify(value), { file: 'exported.json' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return { plan: r.value, warnings: r.issues.filter((i) => i.code === 'rules.unverified_provenance') };
}

const stepsOf = (plan: Plan) => targetTimelines(plan).get(TARGET)?.steps ?? [];

describe('provenance claims in a file', () => {
  it('an exported file round-trips: bundled origins are verified, the own override is marked as claimed', () => {
    const { plan, warnings } = reload(exported());
    const steps = stepsOf(plan);
    expect(steps.map((s) => [s.action, s.file, s.pointer, s.claimed ?? false])).toEqual([
      ['defined', 'vn-nq17-2019', '/indicators/0/targets/1', false],
      ['overridden', 'province.json', '/overrides/0', true],
    ]);
    expect(describeProvenance(steps, 'en')[1]).toContain('province.json /overrides/0 (as the file claims, not verified)');
    // One warning counts the claims naming files that are not bundled plans; none is "forged".
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', pointer: '' });
    expect(warnings[0]?.message.en).toMatch(/states \d+ provenance entries naming files that are not bundled plans/u);
  });

  it('an override claimed to come from the bundled plan is replaced by the file itself, with a warning at the claim', () => {
    const file = exported();
    file.overrides[0].origin = { file: 'vn-nq17-2019', pointer: '/indicators/0/targets/1' };
    const { plan, warnings } = reload(file);
    const step = stepsOf(plan)[1];
    expect(step).toMatchObject({ action: 'overridden', file: plan.id, pointer: '/overrides/0' });
    expect(step?.claimed).toBeUndefined();
    expect(describeProvenance(stepsOf(plan), 'en').join('\n')).not.toMatch(/Overridden .* at vn-nq17-2019/u);
    const forged = warnings.find((w) => w.pointer === '/overrides/0/origin');
    expect(forged?.message.en).toContain('"vn-nq17-2019" at "/indicators/0/targets/1", but that bundled plan does not hold it');
    // The claim is worded in Vietnamese too, not left in English inside the Vietnamese message.
    expect(forged?.message.vi).toContain(`Tệp ghi rằng việc ghi đè "${TARGET}" đến từ "vn-nq17-2019" tại "/indicators/0/targets/1", nhưng kế hoạch đóng gói đó không có như vậy`);
    expect(forged?.message.vi).not.toMatch(/comes from|override of/u);
    expect(forged?.line).toBeGreaterThan(0);
  });

  it('an origin naming the bundled plan at a pointer that does not exist, or holding another value, is replaced', () => {
    const file = exported();
    const k = file.origins.findIndex((o: { target: string }) => o.target === TARGET);
    file.origins[k].pointer = '/indicators/0/targets/99';
    const { plan, warnings } = reload(file);
    expect(stepsOf(plan)[0]).toMatchObject({ action: 'defined', file: plan.id, pointer: '/indicators/0/targets/1' });
    expect(warnings.map((w) => w.pointer)).toContain(`/origins/${k}`);

    const changed = exported();
    const ind = changed.indicators.find((i: { id: string }) => i.id === 'e-identification');
    ind.targets.find((t: { id: string }) => t.id === TARGET).value = 55;
    expect(stepsOf(reload(changed).plan)[0]?.file).not.toBe('vn-nq17-2019');
  });

  it('a resolvedFrom entry naming a bundled plan with another number is dropped; claimed written by a file is ignored', () => {
    const file = exported();
    file.resolvedFrom[0].number = '99/NQ-CP';
    const { plan, warnings } = reload(file);
    expect(plan.resolvedFrom?.map((r) => r.file)).not.toContain('vn-nq17-2019');
    expect(warnings.map((w) => w.pointer)).toContain('/resolvedFrom/0');

    const marked = exported();
    for (const o of marked.origins) o.claimed = true;
    const again = reload(marked).plan;
    expect(stepsOf(again)[0]).toMatchObject({ file: 'vn-nq17-2019' });
    expect(stepsOf(again)[0]?.claimed).toBeUndefined();
  });

  it('loadPlan and loadPlanSync hand the warnings of a plan that loads to onWarning, and still return the plan', async () => {
    const file = exported();
    file.overrides[0].origin = { file: 'vn-nq17-2019', pointer: '/indicators/0/targets/1' };
    const dir = tempDirWith({ 'forged.json': file });
    const expected = reload(file).warnings.map((w) => w.pointer).sort();
    const seen: Issue[] = [];
    const plan = await loadPlan('forged.json', { cwd: dir, onWarning: (w) => seen.push(w) });
    expect(plan.id).toBe(file.id);
    expect(seen.every((w) => w.severity === 'warning' && w.file === 'forged.json')).toBe(true);
    expect(seen.filter((w) => w.code === 'rules.unverified_provenance').map((w) => w.pointer).sort()).toEqual(expected);
    expect(seen.map((w) => w.pointer)).toContain('/overrides/0/origin');
    const seenSync: Issue[] = [];
    loadPlanSync('forged.json', { cwd: dir, onWarning: (w) => seenSync.push(w) });
    expect(seenSync).toEqual(seen);
    // Without the option, loading is as before: the plan, no throw.
    expect((await loadPlan('forged.json', { cwd: dir })).id).toBe(file.id);
  });

  it('a flood of forged claims gives at most 21 warnings, the last counting the rest', () => {
    const file = exported();
    for (let i = 0; i < 40; i++) file.origins.push({ target: TARGET, file: 'vn-nq17-2019', pointer: `/nowhere/${i}` });
    const { warnings } = reload(file);
    const forged = warnings.filter((w) => w.pointer !== '');
    expect(forged).toHaveLength(20);
    expect(warnings.some((w) => /and \d+ more provenance claims that do not hold/u.test(w.message.en))).toBe(true);
  });

  it('a plan object from code with a forged bundled claim is refused by compilePlan; a genuine one compiles', () => {
    const genuine = reload(exported()).plan;
    expect(stepsOf(compilePlan(genuine))[0]).toMatchObject({ file: 'vn-nq17-2019' });
    const forged = structuredClone(genuine) as Plan & { overrides: { origin?: unknown }[] };
    forged.overrides[0] = { ...forged.overrides[0], origin: { file: 'vn-nq17-2019', pointer: '/indicators/0/targets/1' } } as never;
    try {
      compilePlan(forged);
      expect.unreachable();
    } catch (e) {
      if (!isEgovPlanError(e)) throw e;
      expect(e.issues.map((i) => [i.code, i.pointer, i.severity])).toEqual([['rules.unverified_provenance', '/overrides/0/origin', undefined]]);
    }
  });
});
