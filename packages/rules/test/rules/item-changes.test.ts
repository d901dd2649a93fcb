import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isEgovPlanError, type ChangeableItemKind, type Issue, type Plan } from '@egov-plan/core';
import { bundledSource, deadlinesFor, itemPlan, itemVersion, memorySource, planAt, safeResolvePlanSync } from '../../src/index.js';
import { loadPlanSync } from '../../src/node.js';
import { emptyRuleFile, tempDirWith } from '@egov-plan/test-utils';

// Overrides and withdrawals of items that are not targets, `extends` entries that take part of a
// base, and the two bundled plans combined. Expected values are read from the bundled data files
// (or written below), never from the resolver.

const quote = (q: string) => ({ section: 'QĐ 1/QĐ-UBND', quote: q });
const dataFile = (id: string) => fileURLToPath(new URL(`../../data/${id}.json`, import.meta.url));
const data = (id: string) => JSON.parse(readFileSync(dataFile(id), 'utf8')) as Plan;
const kontum = data('kontum-1102-2019');
const nq17 = data('vn-nq17-2019');

function load(files: Record<string, unknown>, file: string): Plan {
  return loadPlanSync(file, { cwd: tempDirWith(files) });
}
function refused(files: Record<string, unknown>, file: string): Issue[] {
  try {
    load(files, file);
  } catch (e) {
    if (isEgovPlanError(e)) return [...e.issues];
    throw e;
  }
  throw new Error('expected the file to be refused');
}
/** 1-based line and column of the first occurrence of `needle` in `text`. */
function position(text: string, needle: string, from = 0): { line: number; column: number } {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}

// One item of each kind in Kon Tum's plan and a field it has, with a new value.
const cases: { kind: ChangeableItemKind; id: string; field: string; value: unknown }[] = [
  { kind: 'reportingObligations', id: 'quarterly-report-agencies', field: 'deadlineAsWritten', value: 'chậm nhất vào ngày 18 của tháng cuối quý' },
  { kind: 'agencies', id: 'so-tttt', field: 'name', value: { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology' } },
  { kind: 'administrativeUnits', id: '610', field: 'validTo', value: '2024-12-31' },
  { kind: 'tasks', id: 'appendix-i-1', field: 'completion', value: 'Năm 2024' },
  { kind: 'bodyTasks', id: 'ii-1-a', field: 'text', value: { vi: 'Nội dung mới', en: 'New text' } },
  { kind: 'duties', id: 'iii-1-1', field: 'agencies', value: ['so-noi-vu'] },
  { kind: 'legalBases', id: '92/TB-VPCP', field: 'title', value: { vi: 'Thông báo mới', en: 'New notice' } },
  { kind: 'notes', id: 'appendix-v-two-rows-2', field: 'interpretation', value: { vi: 'Cách đọc mới', en: 'New reading' } },
];
const keyField = (kind: ChangeableItemKind) => (kind === 'administrativeUnits' ? 'code' : kind === 'legalBases' ? 'number' : 'id');
const find = (plan: Plan, kind: ChangeableItemKind, id: string) =>
  (plan[kind] as unknown as Record<string, unknown>[]).find((x) => x[keyField(kind)] === id);

describe('itemOverrides and itemWithdrawals: every kind of item, dated', () => {
  for (const c of cases) {
    it(`${c.kind}: "${c.field}" of ${c.id} changes from its date on, and the change keeps its provenance`, () => {
      const plan = load(
        { 'p.json': emptyRuleFile({ extends: ['kontum-1102-2019'], itemOverrides: [{ kind: c.kind, id: c.id, effectiveFrom: '2023-01-01', set: { [c.field]: c.value }, source: quote('từ ngày 01/01/2023') }] }) },
        'p.json',
      );
      const original = find(data('kontum-1102-2019'), c.kind, c.id) as Record<string, unknown>;
      expect(original[c.field]).not.toEqual(c.value);
      // The resolved plan keeps the item as inherited; the date of the question decides.
      expect(find(plan, c.kind, c.id)?.[c.field]).toEqual(original[c.field]);
      expect(find(planAt(plan, '2022-12-31'), c.kind, c.id)?.[c.field]).toEqual(original[c.field]);
      expect(find(planAt(plan, '2023-01-01'), c.kind, c.id)?.[c.field]).toEqual(c.value);
      // Every other field keeps its value.
      expect({ ...find(planAt(plan, '2023-01-01'), c.kind, c.id), [c.field]: original[c.field] }).toEqual(original);
      expect(plan.itemOverrides?.[0]?.origin).toEqual({ file: 'p.json', pointer: '/itemOverrides/0' });
      expect(plan.itemOrigins?.find((o) => o.kind === c.kind && o.id === c.id)).toMatchObject({ plan: 'kontum-1102-2019', number: '1102/KH-UBND', file: 'kontum-1102-2019' });
    });

    it(`${c.kind}: a withdrawal of ${c.id} leaves it in force before its date only`, () => {
      const plan = load({ 'p.json': emptyRuleFile({ extends: ['kontum-1102-2019'], itemWithdrawals: [{ kind: c.kind, id: c.id, effectiveFrom: '2024-01-01', source: quote('bãi bỏ từ 01/01/2024') }] }) }, 'p.json');
      expect(find(planAt(plan, '2023-12-31'), c.kind, c.id)).toBeDefined();
      expect(find(planAt(plan, '2024-01-01'), c.kind, c.id)).toBeUndefined();
      expect(plan.itemWithdrawals?.[0]).toMatchObject({ kind: c.kind, id: c.id, effectiveFrom: '2024-01-01', origin: { file: 'p.json', pointer: '/itemWithdrawals/0' } });
    });

    it(`${c.kind}: an override of an id nobody declares is rules.unknown_item, with line and column`, () => {
      const file = emptyRuleFile({ extends: ['kontum-1102-2019'], itemOverrides: [{ kind: c.kind, id: 'khong-co', effectiveFrom: null, set: {}, source: quote('x') }] });
      const issues = refused({ 'p.json': file }, 'p.json');
      const text = JSON.stringify(file, null, 2);
      expect(issues).toEqual([expect.objectContaining({ code: 'rules.unknown_item', file: 'p.json', pointer: '/itemOverrides/0/id', ...position(text, '"id": "khong-co"') })]);
    });
  }

  it('an undated override is part of the resolved item itself; an undated withdrawal leaves the item out', () => {
    const plan = load(
      {
        'p.json': emptyRuleFile({
          extends: ['kontum-1102-2019'],
          itemOverrides: [{ kind: 'agencies', id: 'so-tttt', effectiveFrom: null, set: { note: { vi: 'Ghi chú', en: 'Note' } }, source: quote('x') }],
          itemWithdrawals: [{ kind: 'administrativeUnits', id: '618', effectiveFrom: null, source: quote('y') }],
        }),
      },
      'p.json',
    );
    expect(find(plan, 'agencies', 'so-tttt')?.note).toEqual({ vi: 'Ghi chú', en: 'Note' });
    expect(plan.administrativeUnits.map((u) => u.code)).toEqual(kontum.administrativeUnits.map((u) => u.code).filter((c) => c !== '618'));
    expect(plan.itemWithdrawals).toEqual([expect.objectContaining({ kind: 'administrativeUnits', id: '618', effectiveFrom: null })]);
  });

  it('a version that is not a valid item is refused at the field that made it so', () => {
    const issues = refused({ 'p.json': emptyRuleFile({ extends: ['kontum-1102-2019'], itemOverrides: [{ kind: 'reportingObligations', id: 'quarterly-report-agencies', effectiveFrom: '2024-01-01', set: { recipients: [] }, source: quote('x') }] }) }, 'p.json');
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([['schema.out_of_range', '/itemOverrides/0/set/recipients']]);
  });

  it('two unrelated bases changing one field of one item from one date differently conflict', () => {
    const base = (v: string) => emptyRuleFile({ extends: ['kontum-1102-2019'], itemOverrides: [{ kind: 'reportingObligations', id: 'quarterly-report-agencies', effectiveFrom: null, set: { deadlineAsWritten: v }, source: quote(v) }] });
    const issues = refused({ 'a.json': base('ngày 18'), 'b.json': { ...base('ngày 19'), id: 'tinh-b' }, 'p.json': emptyRuleFile({ extends: ['./a.json', './b.json'] }) }, 'p.json');
    expect(issues.map((i) => [i.code, i.file, i.pointer])).toEqual([['rules.conflicting_override', 'b.json', '/itemOverrides/0/set/deadlineAsWritten']]);
  });

  it('a dated deadline change moves the due date of the periods that end on or after its date only', () => {
    const plan = load(
      {
        'p.json': emptyRuleFile({
          extends: ['kontum-1102-2019'],
          itemOverrides: [
            {
              kind: 'reportingObligations',
              id: 'quarterly-report-agencies',
              effectiveFrom: '2024-01-01',
              set: { deadlineAsWritten: 'chậm nhất vào ngày 18 của tháng cuối quý', deadline: { kind: 'day-of-month', month: 'last-of-period', day: 18, inclusive: true, rollOver: true } },
              source: quote('từ quý I/2024, chậm nhất ngày 18'),
            },
          ],
        }),
      },
      'p.json',
    );
    const due = (period: string) => deadlinesFor(plan, period).find((d) => d.obligation === 'quarterly-report-agencies')?.due;
    // "trước ngày 17": the 16th, Saturday 16 Dec 2023 → Monday 18 Dec 2023. From 2024: the 18th, Monday 18 Mar 2024.
    expect(due('2023Q4')).toBe('2023-12-18');
    expect(due('2023Q3')).toBe('2023-09-18'); // Saturday 16 Sep 2023 → Monday 18 Sep
    expect(due('2024Q1')).toBe('2024-03-18');
    expect(due('2024Q2')).toBe('2024-06-18'); // Tuesday 18 Jun 2024; before the change it was Monday 17 Jun
    expect(itemVersion(plan, 'reportingObligations', plan.reportingObligations[0]!, '2023-12-14')?.deadlineAsWritten).toBe('trước ngày 17 của tháng cuối quý');
  });

  it('a withdrawn obligation owes no deadline from its date', () => {
    const plan = load({ 'p.json': emptyRuleFile({ extends: ['kontum-1102-2019'], itemWithdrawals: [{ kind: 'reportingObligations', id: 'quarterly-report-agencies', effectiveFrom: '2024-01-01', source: quote('bãi bỏ') }] }) }, 'p.json');
    expect(deadlinesFor(plan, '2023Q4').map((d) => d.obligation)).toContain('quarterly-report-agencies');
    expect(deadlinesFor(plan, '2024Q1').map((d) => d.obligation)).not.toContain('quarterly-report-agencies');
  });
});

describe('extends with include / omit', () => {
  it('inherits Kon Tum’s indicators, phases and calendar without its agencies, units or tasks', () => {
    const plan = load({ 'p.json': emptyRuleFile({ extends: [{ plan: 'kontum-1102-2019', include: ['phases', 'indicators', 'calendar'] }] }) }, 'p.json');
    expect(plan.indicators.map((i) => i.id)).toEqual(kontum.indicators.map((i) => i.id));
    expect(plan.phases.map((p) => p.id)).toEqual(['2019-2020', '2021-2025']);
    expect([plan.agencies, plan.administrativeUnits, plan.tasks, plan.reportingObligations, plan.legalBases, plan.notes]).toEqual([[], [], [], [], [], []]);
  });

  it('omitting the agencies others refer to names each reference, in the base file', () => {
    const issues = refused({ 'p.json': emptyRuleFile({ extends: [{ plan: 'kontum-1102-2019', omit: ['agencies', 'administrativeUnits'] }] }) }, 'p.json');
    expect(issues.length).toBeGreaterThan(0);
    expect(new Set(issues.map((i) => [i.code, i.file].join(' ')))).toEqual(new Set(['plan.unknown_agency kontum-1102-2019']));
    expect(issues[0]?.message.en).toContain('change the reference with "itemOverrides"');
  });

  it('the parts a base leaves out, its own bases leave out too', () => {
    const plan = load(
      { 'mid.json': emptyRuleFile({ id: 'mid', extends: ['kontum-1102-2019'] }), 'p.json': emptyRuleFile({ extends: [{ plan: './mid.json', omit: ['agencies', 'administrativeUnits', 'tasks', 'bodyTasks', 'duties', 'reportingObligations'] }] }) },
      'p.json',
    );
    expect([plan.agencies.length, plan.administrativeUnits.length, plan.indicators.length]).toEqual([0, 0, kontum.indicators.length]);
  });
});

describe('the two bundled plans combine', () => {
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const targetIds = (p: Plan) => p.indicators.flatMap((i) => i.targets.map((t) => t.id));

  it('"extends": ["vn-nq17-2019", "kontum-1102-2019"] resolves: the indicators both declare are merged', () => {
    const r = safeResolvePlanSync(emptyRuleFile({ extends: ['vn-nq17-2019', 'kontum-1102-2019'] }), { source: bundledSource(), name: 'both.json' });
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ids = union(nq17.indicators.map((i) => i.id), kontum.indicators.map((i) => i.id));
    expect(r.value.indicators.map((i) => i.id).sort()).toEqual(ids.sort());
    expect(r.value.indicators).toHaveLength(42); // 9 national, 39 of Kon Tum, 6 in both
    expect(targetIds(r.value).sort()).toEqual(union(targetIds(nq17), targetIds(kontum)).sort());
    // A target both declare keeps the later base's words and place.
    expect(r.value.origins?.find((o) => o.target === 'online-dossier-rate.2019-2020')).toMatchObject({ file: 'kontum-1102-2019', pointer: '/indicators/8/targets/0' });
    // Inherited obligations are cited with Kon Tum's number, not the extending plan's.
    expect(itemPlan(r.value, 'reportingObligations', 'quarterly-report-agencies').number).toBe('1102/KH-UBND');
    expect(r.value.number).toBe('97/KH-UBND');
  });

  it('in the other order the national words are kept', () => {
    const r = safeResolvePlanSync(emptyRuleFile({ extends: ['kontum-1102-2019', 'vn-nq17-2019'] }), { source: bundledSource(), name: 'both.json' });
    expect(r.ok && r.value.origins?.find((o) => o.target === 'online-dossier-rate.2019-2020')).toMatchObject({ file: 'vn-nq17-2019', pointer: '/indicators/1/targets/0' });
  });

  it('a real conflict between two bases names both files with line and column, and a hint that applies', () => {
    const indicator = (unit: string) => ({
      id: 'x',
      statement: { vi: 'x', en: 'x' },
      kind: unit === 'boolean' ? 'qualitative' : 'quantitative',
      unit,
      direction: unit === 'boolean' ? 'none' : 'increase',
      source: quote('x'),
      targets: [],
    });
    const a = JSON.stringify(emptyRuleFile({ id: 'a', phases: [], indicators: [indicator('percent')] }), null, 2);
    const b = JSON.stringify(emptyRuleFile({ id: 'b', phases: [], indicators: [indicator('count')] }), null, 2);
    const at = (text: string) => position(text, '{', text.indexOf('"indicators"'));
    const r = safeResolvePlanSync(emptyRuleFile({ extends: ['./a.json', './b.json'] }), { source: memorySource({ 'a.json': a, 'b.json': b }), name: 'p.json' });
    expect(r.ok).toBe(false);
    const [i] = r.issues;
    expect(r.issues.map((x) => x.message.en)).toEqual([expect.any(String)]);
    expect(i).toMatchObject({ code: 'rules.conflicting_definition', file: 'b.json', pointer: '/indicators/0', ...at(b) });
    expect(i?.message.en).toContain(`a.json:${at(a).line}:${at(a).column} (/indicators/0)`);
    expect(i?.message.en).toContain(`b.json:${at(b).line}:${at(b).column} (/indicators/0)`);
    expect(i?.message.en).toContain('(different: unit)');
    expect(i?.message.en).toContain('{"plan": "./b.json", "omit": ["indicators"]}');
    expect(i?.message.en).not.toContain('addTargets');
  });

  it('redeclaring a bundled item differently points into the bundled data file, with a hint to use itemOverrides', () => {
    const so = kontum.agencies.find((x) => x.id === 'so-tttt');
    const issues = refused({ 'p.json': emptyRuleFile({ extends: ['kontum-1102-2019'], agencies: [{ ...so, name: { vi: 'Sở khác', en: 'Another department' } }] }) }, 'p.json');
    const text = readFileSync(dataFile('kontum-1102-2019'), 'utf8');
    const index = kontum.agencies.findIndex((x) => x.id === 'so-tttt');
    const pos = position(text, '{', text.indexOf(`"id": "so-tttt"`) - 12);
    expect(issues.map((i) => i.code)).toEqual(['rules.conflicting_definition']);
    expect(issues[0]?.message.en).toContain(`kontum-1102-2019:${pos.line}:${pos.column} (/agencies/${index})`);
    expect(issues[0]?.message.en).toContain('"itemOverrides" (kind "agencies")');
  });

  it('redeclaring an inherited target differently is told to use overrides', () => {
    const ind = kontum.indicators.find((i) => i.id === 'e-identification');
    const issues = refused({ 'p.json': emptyRuleFile({ extends: ['kontum-1102-2019'], indicators: [{ ...ind, targets: [{ ...ind?.targets[0], value: 25 }] }] }) }, 'p.json');
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([['rules.conflicting_definition', '/indicators/0/targets/0/id']]);
    expect(issues[0]?.message.en).toContain('(different: value)');
    expect(issues[0]?.message.en).toContain('use "overrides"');
  });
});
