import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { loadPlanSync } from '../../src/node.js';
import { emptyRuleFile, tempDirWith } from '@egov-plan/test-utils';

// Two bases that declare an indicator and target in agreeing words are merged, and the merged
// item names both: the kept declaration (Kon Tum's, read later) and the other (Resolution 17's).

describe('provenance when two extended bases agree', () => {
  const plan = loadPlanSync('p.json', { cwd: tempDirWith({ 'p.json': emptyRuleFile({ extends: ['vn-nq17-2019', 'kontum-1102-2019'] }) }) });

  it('the merged indicator names both plans with their numbers and sections', () => {
    const o = plan.indicatorOrigins?.find((x) => x.indicator === 'online-dossier-rate');
    expect(o).toMatchObject({ plan: 'kontum-1102-2019', number: '1102/KH-UBND', file: 'kontum-1102-2019' });
    expect(o?.agreeing).toEqual([expect.objectContaining({ plan: 'vn-nq17-2019', number: '17/NQ-CP', file: 'vn-nq17-2019', pointer: expect.stringMatching(/^\/indicators\/\d+$/) })]);
    expect(o?.agreeing?.[0]?.section).toEqual(expect.any(String));
  });

  it("the merged target's definition step in evaluation names the other base too", () => {
    const ev = evaluate(plan, [{ indicator: 'online-dossier-rate', orgUnit: 'so-tttt', period: '2020Q4', value: 30 }], { at: '2020-12-14' });
    const r = ev.results.find((x) => x.target === 'online-dossier-rate.2019-2020');
    const defined = r?.provenance[0];
    expect(defined).toMatchObject({ action: 'defined', file: 'kontum-1102-2019' });
    expect(defined?.agreeing).toEqual([expect.objectContaining({ plan: 'vn-nq17-2019', number: '17/NQ-CP' })]);
  });

  it('a single base has no agreeing list', () => {
    const one = loadPlanSync('p.json', { cwd: tempDirWith({ 'p.json': emptyRuleFile({ extends: ['kontum-1102-2019'] }) }) });
    expect(one.indicatorOrigins?.some((o) => o.agreeing)).toBe(false);
    expect(one.origins?.some((o) => o.agreeing)).toBe(false);
  });
});
