import { describe, expect, it } from 'vitest';
import { report, rowsFromMyDatabase, verdicts } from '../src/verdicts.js';

// Plan 1102/KH-UBND, target online-dossier-rate.2019-2020: "từng cơ quan, đơn vị đạt từ 20%
// trở lên" — each agency on its own at least 20% of dossiers handled online.
describe('example: rows from my own database', () => {
  const ev = verdicts(rowsFromMyDatabase);
  const of = (orgUnit: string) => ev.results.find((r) => r.target === 'online-dossier-rate.2019-2020' && r.orgUnit === orgUnit);

  it('judges each agency against the 20% each-agency target: 190 of 1000 fails, 400 of 1000 passes', () => {
    expect(of('so-tttt')).toMatchObject({ status: 'not-met', value: 19, gap: -1, period: '2020Q4' });
    expect(of('so-y-te')).toMatchObject({ status: 'met', value: 40, gap: 20, period: '2020Q4' });
  });

  it('explains each verdict in Vietnamese and English', () => {
    const r = of('so-tttt');
    expect(r?.explanation.vi).toMatch(/19/u);
    expect(r?.explanation.en).toMatch(/19/u);
    expect(r?.explanation.vi).not.toBe(r?.explanation.en);
  });

  it('names the row it cannot use (a period 2020Q9 that does not exist) instead of dropping it', () => {
    expect(ev.rows).toBe(3);
    // Every agency code is one the plan lists (so-y-te, not so-yte): no unknown_org_unit warning.
    expect(ev.issues).toHaveLength(1);
    expect(ev.issues[0]?.code).toBe('measurement.invalid_period');
    const lines = report(ev, 'en');
    expect(lines.at(-1)).toMatch(/^\[measurement\.invalid_period\] .*2020Q9/u);
  });
});
