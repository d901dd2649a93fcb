import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EgovPlanError, isEgovPlanError, validatePlan, validateRuleFile, type Issue } from '@egov-plan/core';
import {
  bundledPlan,
  bundledSource,
  evaluate,
  memorySource,
  resolvePlan,
  resolvePlanSync,
  safeResolvePlan,
  safeResolvePlanSync,
  targetTimelines,
  type RuleFileSource,
} from '@egov-plan/rules';
import { directorySource, loadPlan, loadPlanSync, validatePlanText } from '@egov-plan/rules/node';
import { emptyRuleFile } from '@egov-plan/test-utils';

// A rule file (what a province writes) is resolved into a plan (what evaluation takes) through a
// source: bundled plans, files in memory, a directory on disk, or anything that answers a read —
// synchronously or with a promise.

const quote = (q: string) => ({ section: 'I.2', quote: q });
const override = (target: string, effectiveFrom: string | null, set: Record<string, unknown>) => ({ target, effectiveFrom, set, source: quote('điều chỉnh chỉ tiêu') });
const province = emptyRuleFile({ extends: ['./base.json'], overrides: [override('e-identification.2021-2025', '2023-01-01', { value: 50 })] });
const base = emptyRuleFile({ id: 'tinh-con-base-2019', extends: ['vn-nq17-2019'] });

async function issuesOf(p: Promise<unknown>): Promise<Issue[]> {
  try {
    await p;
  } catch (e) {
    if (isEgovPlanError(e)) return [...e.issues];
    throw e;
  }
  throw new Error('expected a typed error');
}

describe('rule file and resolved plan are two types', () => {
  it('validatePlan refuses a rule file with extends, with a typed issue at /extends', () => {
    const r = validatePlan(province);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([['plan.unresolved_rule_file', '/extends']]);
    expect(r.issues[0]?.message.vi).toContain('resolvePlan');
  });

  it('validateRuleFile accepts the same file, and every bundled plan is also a valid rule file', () => {
    expect(validateRuleFile(province).ok).toBe(true);
    expect(validateRuleFile(bundledPlan('kontum-1102-2019')).ok).toBe(true);
    expect(validateRuleFile({ ...province, extends: [] }).issues.map((i) => i.code)).toEqual(['schema.out_of_range']);
  });

  it('evaluating an unresolved rule file from JavaScript is a typed error, not zero results', () => {
    let caught: unknown;
    try {
      evaluate(province as never, [], { at: '2023-03-01' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EgovPlanError);
    expect((caught as EgovPlanError).code).toBe('plan.unresolved_rule_file');
  });
});

describe('resolvePlan reads extends from a source', () => {
  it('from files in memory, with provenance naming each file', async () => {
    const source = memorySource({ 'province.json': JSON.stringify(province), 'base.json': JSON.stringify(base) }, { base: bundledSource() });
    const plan = await resolvePlan(province, { source, name: 'province.json' });
    expect(plan.extends).toBeUndefined();
    expect(plan.resolvedFrom?.map((r) => r.file)).toEqual(['vn-nq17-2019', 'base.json', 'province.json']);
    const steps = targetTimelines(plan).get('e-identification.2021-2025')?.steps;
    expect(steps?.map((s) => [s.action, s.file, s.pointer])).toEqual([
      ['defined', 'vn-nq17-2019', '/indicators/0/targets/1'],
      ['overridden', 'province.json', '/overrides/0'],
    ]);
  });

  it('from an asynchronous source (as a database would be), and the sync variant says it needs the async one', async () => {
    const files: Record<string, string> = { 'base.json': JSON.stringify(base) };
    const inner = memorySource(files, { base: bundledSource() });
    const slow: RuleFileSource = { read: async (ref, from) => Promise.resolve(inner.read(ref, from)) };
    const plan = await resolvePlan(province, { source: slow, name: 'province.json' });
    expect(plan.indicators.length).toBe(bundledPlan('vn-nq17-2019').indicators.length);
    const r = await safeResolvePlan({ ...province, extends: ['./missing.json'] }, { source: slow });
    expect(r.ok).toBe(false);
    expect(() => resolvePlanSync(province, { source: slow })).toThrow(expect.objectContaining({ code: 'usage.async_source' }));
  });

  it('bundledSource accepts bundled ids only: a path is not allowed, whether or not it exists', async () => {
    for (const ref of ['./base.json', '/etc/passwd', '../../x.json']) {
      const issues = await issuesOf(resolvePlan(emptyRuleFile({ extends: [ref] }), { source: bundledSource() }));
      expect(issues.map((i) => [i.code, i.pointer])).toEqual([['rules.path_not_allowed', '/extends/0']]);
      expect(issues[0]?.message.en).toBe(`"${ref}" is not allowed in "extends": this source accepts bundled plan ids only.`);
    }
    const typo = await issuesOf(resolvePlan(emptyRuleFile({ extends: ['vn-nq17-2091'] }), { source: bundledSource() }));
    expect(typo.map((i) => i.code)).toEqual(['rules.unknown_base']);
  });

  it('a memory source never climbs out of its files', () => {
    const source = memorySource({ 'a/province.json': '{}', 'secret.json': '{}' });
    const r = safeResolvePlanSync(emptyRuleFile({ extends: ['../../secret.json'] }), { source, name: 'a/province.json' });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(['rules.path_not_allowed']);
  });

  it('every issue of every file is thrown at once, each naming its file', async () => {
    const bad = emptyRuleFile({ id: 'bad', phases: 'none', extends: ['vn-nq17-2019'] });
    const source = memorySource({ 'bad.json': JSON.stringify(bad, null, 2) }, { base: bundledSource() });
    const issues = await issuesOf(resolvePlan(emptyRuleFile({ extends: ['./bad.json', './gone.json'] }), { source, name: 'p.json' }));
    expect(issues.map((i) => [i.code, i.file, i.pointer])).toEqual([
      ['rules.invalid_base', 'p.json', '/extends/0'],
      ['schema.invalid_type', 'bad.json', '/phases'],
      ['rules.path_not_allowed', 'p.json', '/extends/1'],
    ]);
    expect(issues[1]).toMatchObject({ line: 18 });
  });

  it('maxTargets bounds the resolved plan, not each file', () => {
    const chain: Record<string, string> = {};
    const indicator = (n: number) => ({
      id: `ind-${n}`,
      statement: { vi: 'x', en: 'x' },
      kind: 'qualitative',
      unit: 'boolean',
      direction: 'none',
      source: quote('x'),
      targets: Array.from({ length: 30 }, (_, j) => ({ id: `t-${n}-${j}`, phase: 'p', level: null, scope: 'whole-province', source: quote('x'), kind: 'qualitative', comparator: 'eq', value: true, unit: 'boolean', requirement: { vi: 'x', en: 'x' } })),
    });
    const phase = { id: 'p', name: { vi: 'p', en: 'p' }, start: '2019-01-01', end: '2020-12-31', source: quote('x') };
    for (let n = 0; n < 4; n++) chain[`f${n}.json`] = JSON.stringify(emptyRuleFile({ id: `f${n}`, phases: [phase], indicators: [indicator(n)], ...(n < 3 ? { extends: [`./f${n + 1}.json`] } : {}) }));
    const source = memorySource(chain);
    const root = JSON.parse(chain['f0.json'] as string) as unknown;
    expect(safeResolvePlanSync(root, { source, name: 'f0.json' }).ok).toBe(true);
    const r = safeResolvePlanSync(root, { source, name: 'f0.json', limits: { maxTargets: 100 } });
    expect(r.issues.map((i) => [i.code, i.pointer])).toEqual([['rules.too_many_targets', '/extends']]);
    expect(r.issues[0]?.message.en).toBe('The plan resolved from "extends" has 120 targets, at most 100.');
  });
});

describe('a directory on disk (node entry) confines extends to the rule file’s folder', () => {
  const top = mkdtempSync(join(tmpdir(), 'egov-confine-'));
  const dir = join(top, 'province');
  mkdirSync(join(dir, 'shared'), { recursive: true });
  writeFileSync(join(dir, 'shared', 'base.json'), JSON.stringify(base));
  writeFileSync(join(top, 'outside.json'), JSON.stringify(base));
  writeFileSync(join(top, 'secret.txt'), 'root:x:0:0:secret');
  symlinkSync(join(top, 'outside.json'), join(dir, 'link.json'));
  const outside: Record<string, string> = { 'up.json': '../outside.json', 'secret.json': '../secret.txt', 'none.json': '../nothing-here.json', 'link-out.json': './link.json' };
  for (const [name, ref] of Object.entries({ 'ok.json': './shared/base.json', ...outside })) writeFileSync(join(dir, name), JSON.stringify(emptyRuleFile({ extends: [ref] })));

  it('reads bases in the folder tree, synchronously and asynchronously', async () => {
    expect(loadPlanSync('ok.json', { cwd: dir }).resolvedFrom?.map((r) => r.file)).toEqual(['vn-nq17-2019', 'shared/base.json', 'ok.json']);
    expect((await loadPlan('ok.json', { cwd: dir })).id).toBe('tinh-con-97-2019');
  });

  it('a path outside — existing, secret, absent, or through a symbolic link — is only "not allowed"', () => {
    const answers = Object.entries(outside).map(([f, ref]) => {
      const r = validatePlanText(JSON.stringify(emptyRuleFile({ extends: [ref] })), { file: join(dir, f) });
      expect(r.issues.map((i) => i.code)).toEqual(['rules.path_not_allowed']);
      expect(JSON.stringify(r.issues)).not.toContain('root:x');
      return r.issues[0]?.message.en.replace(/"[^"]*"/u, '"…"');
    });
    // The same words whether or not something is there: no existence oracle.
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toBe('"…" is not allowed in "extends": the path is outside the rule file\'s folder.');
  });

  it('allowOutside opts out, for a caller who trusts the file', () => {
    expect(loadPlanSync('up.json', { cwd: dir, allowOutside: true }).resolvedFrom?.map((r) => r.file)).toEqual(['vn-nq17-2019', `${top}/outside.json`, 'up.json']);
  });

  it('a directory source serves resolvePlan with a root of the caller’s choice', async () => {
    const source: RuleFileSource = directorySource({ root: dir });
    const plan = await resolvePlan(emptyRuleFile({ extends: ['./shared/base.json'] }), { source, name: 'from-code' });
    expect(plan.resolvedFrom?.at(-1)?.file).toBe('from-code');
  });
});

describe('a rule file that is not an object', () => {
  // Found by the 10,000-file CI fuzz (seed 20195138): `null` as the whole file threw a raw TypeError.
  it.each([['null', null], ['a number', 42], ['an array', []], ['a string', 'plan']])('%s is a typed schema issue, never a raw TypeError', (_name, value) => {
    const r = validatePlanText(JSON.stringify(value), { file: 'x.json' });
    expect(r.ok).toBe(false);
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) expect(i.code).toMatch(/^(schema|plan|rules)\./u);
  });
});
