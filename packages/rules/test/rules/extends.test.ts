import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEgovPlanError, type Issue, type Plan } from '@egov-plan/core';
import { effectiveTarget, evaluate, exportPlan, parseMeasurementsCsv, targetTimelines } from '../../src/index.js';
import { loadPlanSync, validatePlanText } from '../../src/node.js';
import { csv, emptyRuleFile, tempDirWith, testPlan } from '@egov-plan/test-utils';

const quote = (q: string) => ({ section: 'I.2', quote: q });


function load(dir: string, file: string): Plan {
  return loadPlanSync(file, { cwd: dir });
}

function issuesOf(dir: string, file: string): Issue[] {
  try {
    load(dir, file);
  } catch (e) {
    if (isEgovPlanError(e)) return [...e.issues];
    throw e;
  }
  throw new Error('expected the file to be refused');
}

const override = (target: string, effectiveFrom: string | null, set: Record<string, unknown>, q = 'điều chỉnh chỉ tiêu') => ({ target, effectiveFrom, set, source: quote(q) });

describe('extends: a province builds on a bundled plan', () => {
  const dir = tempDirWith({
    'con.json': emptyRuleFile({
      extends: ['vn-nq17-2019'],
      overrides: [override('e-identification.2021-2025', '2023-01-01', { value: 50 }, 'từ ngày 01/01/2023 đạt từ 50% trở lên')],
    }),
  });

  it('inherits every target of the base and applies a dated override from its date only', () => {
    const plan = load(dir, 'con.json');
    expect(plan.extends).toBeUndefined();
    expect(plan.indicators.map((i) => i.id)).toContain('online-dossier-rate');
    const before = effectiveTarget(plan, 'e-identification.2021-2025', '2022-12-31');
    const after = effectiveTarget(plan, 'e-identification.2021-2025', '2023-01-01');
    expect(before?.withdrawn === false && before.version.target.value).toBe(40);
    expect(after?.withdrawn === false && after.version.target.value).toBe(50);
  });

  it('every effective value knows its provenance chain: which file set it and what it replaced', () => {
    const plan = load(dir, 'con.json');
    const steps = targetTimelines(plan).get('e-identification.2021-2025')?.steps;
    expect(steps).toEqual([
      expect.objectContaining({ action: 'defined', file: 'vn-nq17-2019', pointer: '/indicators/0/targets/1', effectiveFrom: null }),
      expect.objectContaining({
        action: 'overridden',
        file: 'con.json',
        pointer: '/overrides/0',
        effectiveFrom: '2023-01-01',
        changes: [{ field: 'value', from: 40, to: 50 }],
        source: quote('từ ngày 01/01/2023 đạt từ 50% trở lên'),
      }),
    ]);
  });

  it('evaluation uses the version in force at the evaluation date and reports its provenance', () => {
    const plan = load(dir, 'con.json');
    const set = parseMeasurementsCsv(plan, csv('e-identification,97,,2022Q4,45,,', 'e-identification,97,,2023Q1,47,,'));
    const r2022 = evaluate(plan, set, { at: '2022-12-14' }).results.find((r) => r.target === 'e-identification.2021-2025');
    const r2023 = evaluate(plan, set, { at: '2023-03-14' }).results.find((r) => r.target === 'e-identification.2021-2025');
    expect(r2022).toMatchObject({ status: 'met', value: 45, targetValue: 40, effectiveFrom: null });
    expect(r2023).toMatchObject({ status: 'not-met', value: 47, targetValue: 50, gap: -3, effectiveFrom: '2023-01-01' });
    expect(r2023?.provenance.map((s) => s.file)).toEqual(['vn-nq17-2019', 'con.json']);
    expect(r2023?.explanation.en).toContain('set by con.json (/overrides/0), in force from 2023-01-01 replacing value = 40');
  });
});

describe('extends: files relative to the extending file', () => {
  it('resolves a chain of paths, base first, and names each file in the provenance', () => {
    const dir = tempDirWith({
      'base.json': testPlan(),
      'mid.json': emptyRuleFile({ id: 'mid-2019', extends: ['./base.json'], overrides: [override('online-rate.each', null, { value: 25 })] }),
      'top.json': emptyRuleFile({ id: 'top-2019', extends: ['mid.json'], overrides: [override('online-rate.each', '2020-07-01', { value: 30 })] }),
    });
    const plan = load(dir, 'top.json');
    const steps = targetTimelines(plan).get('online-rate.each')?.steps ?? [];
    expect(steps.map((s) => [s.action, s.file, s.effectiveFrom])).toEqual([
      ['defined', 'base.json', null],
      ['overridden', 'mid.json', null],
      ['overridden', 'top.json', '2020-07-01'],
    ]);
    expect(plan.resolvedFrom?.map((r) => r.file)).toEqual(['base.json', 'mid.json', 'top.json']);
    const v = (d: string) => {
      const e = effectiveTarget(plan, 'online-rate.each', d);
      return e && !e.withdrawn ? e.version.target.value : null;
    };
    expect([v('2019-01-01'), v('2020-06-30'), v('2020-07-01')]).toEqual([25, 25, 30]);
  });

  it('a diamond (two bases sharing a base) includes the shared base once', () => {
    const dir = tempDirWith({
      'base.json': testPlan(),
      'a.json': emptyRuleFile({ id: 'a-2019', extends: ['base.json'] }),
      'b.json': emptyRuleFile({ id: 'b-2019', extends: ['base.json'] }),
      'top.json': emptyRuleFile({ id: 'top-2019', extends: ['a.json', 'b.json'] }),
    });
    const plan = load(dir, 'top.json');
    expect(plan.indicators.flatMap((i) => i.targets).filter((t) => t.id === 'online-rate.each')).toHaveLength(1);
  });

  it('the extending file wins over its base on the same field and date', () => {
    const dir = tempDirWith({
      'base.json': { ...testPlan(), overrides: [override('online-rate.each', null, { value: 35 })] },
      'top.json': emptyRuleFile({ extends: ['base.json'], overrides: [override('online-rate.each', null, { value: 40 })] }),
    });
    const e = effectiveTarget(load(dir, 'top.json'), 'online-rate.each', '2020-01-01');
    expect(e && !e.withdrawn && e.version.target.value).toBe(40);
    expect(e && !e.withdrawn && e.version.provenance.map((s) => s.changes[0]?.to ?? 'defined')).toEqual(['defined', 35, 40]);
  });
});

describe('extends: errors in the foundation shape', () => {
  it('a cycle is an error at the "extends" entry that closes it', () => {
    const dir = tempDirWith({ 'a.json': emptyRuleFile({ id: 'a-2019', extends: ['b.json'] }), 'b.json': emptyRuleFile({ id: 'b-2019', extends: ['./a.json'] }) });
    const [i] = issuesOf(dir, 'a.json');
    expect(i).toMatchObject({ code: 'rules.extends_cycle', pointer: '/extends/0', file: 'b.json' });
    expect(i?.message.en).toContain('a.json → b.json → a.json');
    expect(i?.line).toBeGreaterThan(1);
  });

  it('a file that extends itself is a cycle', () => {
    const dir = tempDirWith({ 'self.json': emptyRuleFile({ extends: ['self.json'] }) });
    expect(issuesOf(dir, 'self.json')[0]?.code).toBe('rules.extends_cycle');
  });

  it('a base that does not exist is an error at its entry, with line and column', () => {
    const dir = tempDirWith({ 'c.json': emptyRuleFile({ extends: ['vn-nq17-2019', 'khong-co.json'] }) });
    const [i] = issuesOf(dir, 'c.json');
    expect(i).toMatchObject({ code: 'rules.unknown_base', pointer: '/extends/1', file: 'c.json' });
    expect(typeof i?.column).toBe('number');
  });

  it('an invalid base is reported with the base file’s own issues', () => {
    const dir = tempDirWith({ 'bad.json': { ...testPlan(), id: 'Không Hợp Lệ' }, 'c.json': emptyRuleFile({ extends: ['bad.json'] }) });
    const issues = issuesOf(dir, 'c.json');
    expect(issues[0]).toMatchObject({ code: 'rules.invalid_base', file: 'c.json' });
    expect(issues[1]).toMatchObject({ code: 'schema.invalid_format', file: 'bad.json', pointer: '/id' });
  });

  it('overrides and withdrawals of targets that do not exist are errors', () => {
    const text = JSON.stringify(emptyRuleFile({ extends: ['vn-nq17-2019'], overrides: [override('khong-co', null, { value: 1 })], withdrawals: [{ target: 'cung-khong-co', effectiveFrom: null, source: quote('bãi bỏ') }] }), null, 2);
    const r = validatePlanText(text, { file: 'c.json' });
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['rules.unknown_target', '/overrides/0/target'],
      ['rules.unknown_target', '/withdrawals/0/target'],
    ]);
    const line = text.split('\n')[(r.issues[0]?.line as number) - 1];
    expect(line).toContain('"target": "khong-co"');
  });

  it('two overrides of the same field from the same date in one file conflict', () => {
    const dir = tempDirWith({
      'c.json': emptyRuleFile({ extends: ['vn-nq17-2019'], overrides: [override('online-dossier-rate.2019-2020', '2020-01-01', { value: 25 }), override('online-dossier-rate.2019-2020', '2020-01-01', { value: 30 })] }),
    });
    expect(issuesOf(dir, 'c.json')[0]).toMatchObject({ code: 'rules.conflicting_override', pointer: '/overrides/1/set/value', file: 'c.json' });
  });

  it('two bases that override the same field from the same date differently conflict', () => {
    const dir = tempDirWith({
      'base.json': testPlan(),
      'a.json': emptyRuleFile({ id: 'a-2019', extends: ['base.json'], overrides: [override('online-rate.each', null, { value: 25 })] }),
      'b.json': emptyRuleFile({ id: 'b-2019', extends: ['base.json'], overrides: [override('online-rate.each', null, { value: 30 })] }),
      'top.json': emptyRuleFile({ extends: ['a.json', 'b.json'] }),
    });
    expect(issuesOf(dir, 'top.json')[0]).toMatchObject({ code: 'rules.conflicting_override', file: 'b.json', pointer: '/overrides/0/set/value' });
  });

  it('redefining an inherited target differently is an error that points to overrides', () => {
    const base = testPlan();
    const changed = { ...base.indicators[0], targets: [{ ...base.indicators[0]?.targets[0], value: 99 }] };
    const dir = tempDirWith({ 'base.json': base, 'c.json': emptyRuleFile({ extends: ['base.json'], addTargets: [{ indicator: 'online-rate', target: changed.targets[0] }] }) });
    const [i] = issuesOf(dir, 'c.json');
    expect(i).toMatchObject({ code: 'rules.conflicting_definition', pointer: '/addTargets/0/target/id' });
    expect(i?.message.en).toContain('use "overrides"');
  });

  it('a target added to an indicator that does not exist is an error', () => {
    const t = testPlan().indicators[0]?.targets[0];
    const dir = tempDirWith({ 'c.json': emptyRuleFile({ extends: ['vn-nq17-2019'], addTargets: [{ indicator: 'khong-co', target: { ...t, id: 'moi' } }] }) });
    expect(issuesOf(dir, 'c.json')[0]).toMatchObject({ code: 'rules.unknown_indicator', pointer: '/addTargets/0/indicator' });
  });

  it('an override that makes a target invalid is refused at the override (a percentage of 120)', () => {
    const dir = tempDirWith({ 'c.json': emptyRuleFile({ extends: ['vn-nq17-2019'], overrides: [override('online-dossier-rate.2019-2020', '2020-01-01', { value: 120 })] }) });
    expect(issuesOf(dir, 'c.json')[0]).toMatchObject({ code: 'schema.out_of_range', pointer: '/overrides/0/set/value', file: 'c.json' });
  });

  it('an added target in a phase nobody declares is located in the extending file', () => {
    const t = { ...testPlan().indicators[0]?.targets[0], id: 'moi', phase: '2030-2035' };
    const dir = tempDirWith({ 'c.json': emptyRuleFile({ extends: ['vn-nq17-2019'], addTargets: [{ indicator: 'online-dossier-rate', target: t }] }) });
    expect(issuesOf(dir, 'c.json')[0]).toMatchObject({ code: 'plan.unknown_phase', pointer: '/addTargets/0/target/phase', file: 'c.json' });
  });
});

describe('withdrawals', () => {
  const dir = tempDirWith({
    'base.json': testPlan(),
    'c.json': emptyRuleFile({ extends: ['base.json'], withdrawals: [{ target: 'online-rate.each', effectiveFrom: '2020-07-01', source: quote('bãi bỏ chỉ tiêu từ 01/7/2020') }] }),
  });

  it('a withdrawn target is judged before its withdrawal and not after it; a value received for it is named, never dropped', () => {
    const plan = load(dir, 'c.json');
    const set = parseMeasurementsCsv(plan, csv('online-rate,so-a,,2020Q2,30,,', 'online-rate,so-a,,2020Q4,31,,'));
    const before = evaluate(plan, set, { at: '2020-06-14' }).results.filter((r) => r.target === 'online-rate.each');
    expect(before.map((r) => [r.orgUnit, r.status, r.value])).toEqual([['so-a', 'met', 30]]);
    const after = evaluate(plan, set, { at: '2020-12-14' }).results.filter((r) => r.target === 'online-rate.each');
    expect(after.map((r) => [r.orgUnit, r.status, r.value])).toEqual([['so-a', 'not-applicable', null]]);
    expect(after[0]?.explanation.en).toContain('target online-rate.each is withdrawn from 2020-07-01 (c.json /withdrawals/0 — I.2)');
    expect(after[0]?.explanation.en).toContain('The value received (so-a (Department A) period 2020Q4: 31%) is not judged against it.');
    expect(after[0]?.explanation.vi).toContain('đã bị bãi bỏ từ ngày 2020-07-01');
    // Nothing received for it: no result at all.
    expect(evaluate(plan, [], { at: '2020-12-14' }).results.some((r) => r.target === 'online-rate.each')).toBe(false);
    expect(targetTimelines(plan).get('online-rate.each')?.withdrawal).toMatchObject({ action: 'withdrawn', file: 'c.json', effectiveFrom: '2020-07-01' });
  });

  it('a withdrawn whole-province target gives one province result naming every value received', () => {
    const d = tempDirWith({
      'base.json': testPlan(),
      'w.json': emptyRuleFile({ extends: ['base.json'], withdrawals: [{ target: 'online-rate.province', effectiveFrom: null, source: quote('không áp dụng') }] }),
    });
    const plan = load(d, 'w.json');
    const set = parseMeasurementsCsv(plan, csv('online-rate,so-a,,2020Q4,30,3,10', 'online-rate,so-b,,2020Q4,40,4,10'));
    const ev = evaluate(plan, set, { at: '2020-12-14' });
    const rs = ev.results.filter((r) => r.target === 'online-rate.province');
    expect(rs.map((r) => [r.orgUnit, r.status, r.headline])).toEqual([[plan.issuer.unit, 'not-applicable', true]]);
    expect(rs[0]?.explanation.en).toContain('is withdrawn from the start');
    expect(rs[0]?.explanation.en).toContain('The 2 values received (so-a (Department A) period 2020Q4: 30%; so-b (Department B) period 2020Q4: 40%) are not judged against it.');
  });

  it('an override that takes effect after the withdrawal is an error', () => {
    const bad = tempDirWith({
      'base.json': testPlan(),
      'c.json': emptyRuleFile({
        extends: ['base.json'],
        withdrawals: [{ target: 'online-rate.each', effectiveFrom: '2020-07-01', source: quote('bãi bỏ') }],
        overrides: [override('online-rate.each', '2020-09-01', { value: 30 })],
      }),
    });
    expect(issuesOf(bad, 'c.json')[0]).toMatchObject({ code: 'rules.override_after_withdrawal', pointer: '/overrides/0/effectiveFrom' });
  });
});

describe('export', () => {
  it('writes one self-contained file that validates and gives the same verdicts and provenance', () => {
    const dir = tempDirWith({
      'base.json': testPlan(),
      'c.json': emptyRuleFile({ extends: ['base.json'], overrides: [override('online-rate.each', '2020-07-01', { value: 30 })] }),
    });
    const plan = load(dir, 'c.json');
    const exported = JSON.stringify(exportPlan(plan), null, 2);
    expect(exported).not.toContain('"extends"');
    const again = validatePlanText(exported, { file: 'exported.json' });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const set = parseMeasurementsCsv(plan, csv('online-rate,so-a,,2020Q4,27,,'));
    const a = evaluate(plan, set).results.map((r) => [r.target, r.orgUnit, r.status, r.targetValue, r.provenance.map((s) => `${s.file}${s.pointer}`)]);
    const b = evaluate(again.value, set).results.map((r) => [r.target, r.orgUnit, r.status, r.targetValue, r.provenance.map((s) => `${s.file}${s.pointer}`)]);
    expect(b).toEqual(a);
    expect(a.find((x) => x[0] === 'online-rate.each')).toEqual(['online-rate.each', 'so-a', 'not-met', 30, ['base.json/indicators/0/targets/0', 'c.json/overrides/0']]);
  });
});
