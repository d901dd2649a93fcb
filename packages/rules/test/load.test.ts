import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEgovPlanError } from '@egov-plan/core';
import { parseJsonDocument } from '../src/index.js';
import { loadPlan, loadPlanSync, readTextFileSync, validatePlanText } from '../src/node.js';
import { smallPlan } from '@egov-plan/test-utils';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

describe('reading plan files', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const text = '{\n  "formatVersion": 1,\n  "id": "x",,\n}';
    const r = validatePlanText(text, { file: 'bad.json' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'json.syntax', file: 'bad.json', line: 3, column: 13 });
  });

  it('a file that cannot be read says why in both languages (the system error code in Vietnamese, not English text)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'egov-read-'));
    const failure = (name: string) => {
      try {
        readTextFileSync(join(dir, name), name);
      } catch (e) {
        if (isEgovPlanError(e)) return e.issues[0];
      }
      return undefined;
    };
    const missing = failure('missing.json');
    expect(missing).toMatchObject({ code: 'file.not_found' });
    expect(missing?.message.vi).toMatch(/^Không đọc được tệp "missing\.json" \(lỗi hệ thống ENOENT\)\.$/u);
    expect(missing?.message.en).toMatch(/^Cannot read file "missing\.json": ENOENT/u);
    const folder = failure('.');
    expect(folder).toMatchObject({ code: 'file.not_found' });
    expect(folder?.message.vi).toMatch(/không phải tệp thông thường\.$/u);
    expect(folder?.message.en).toMatch(/not a regular file$/u);
  });

  it('rejects comments and trailing commas: rule files are strict JSON', () => {
    expect(validatePlanText('{"a": 1, /* c */ "b": 2}').issues[0]?.code).toBe('json.syntax');
    expect(validatePlanText('{"a": [1, 2,]}').issues[0]?.code).toBe('json.syntax');
  });

  it('puts schema issues at the line of the offending key', () => {
    const plan = smallPlan() as any;
    plan.indicators[0].targets[0].value = 120;
    const text = pretty(plan);
    const r = validatePlanText(text, { file: 'p.json' });
    const issue = r.issues.find((i) => i.code === 'schema.out_of_range');
    expect(issue).toBeDefined();
    const lineText = text.split('\n')[(issue!.line as number) - 1];
    expect(lineText).toContain('"value": 120');
    expect(issue!.column).toBe(lineText!.indexOf('"value"') + 1);
  });

  it('an undeclared agency is located at the array element that names it', () => {
    const plan = smallPlan() as any;
    plan.tasks[0].coordinating = ['cac-so-nganh', 'so-ma'];
    const text = pretty(plan);
    const r = validatePlanText(text);
    const issue = r.issues.find((i) => i.code === 'plan.unknown_agency');
    expect(issue?.pointer).toBe('/tasks/0/coordinating/1');
    expect(text.split('\n')[(issue!.line as number) - 1]).toContain('"so-ma"');
  });

  it('a "__proto__" key becomes an unknown key, never a prototype change', () => {
    const text = pretty(smallPlan()).replace('"formatVersion": 1,', '"formatVersion": 1, "__proto__": {"polluted": true},');
    const r = validatePlanText(text);
    expect(r.issues.map((i) => i.code)).toContain('schema.unknown_key');
    expect(({} as any).polluted).toBeUndefined();
    const doc = parseJsonDocument(text);
    expect(doc.ok && Object.getPrototypeOf(doc.document.value)).toBe(Object.prototype);
  });

  it('refuses files over the size limit before parsing them', () => {
    const r = validatePlanText(`"${'x'.repeat(2000)}"`, { maxBytes: 1000 });
    expect(r.issues[0]?.code).toBe('file.too_large');
  });

  it('loads a plan by path, and names an unknown plan with a typed error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'egov-plan-'));
    writeFileSync(join(dir, 'p.json'), pretty(smallPlan()));
    expect((await loadPlan('p.json', { cwd: dir })).id).toBe('tinh-mau-1-2019');
    expect(loadPlanSync(join(dir, 'p.json')).id).toBe('tinh-mau-1-2019');
    const e = await loadPlan('khong-co-ke-hoach', { cwd: dir }).catch((x: unknown) => x);
    expect(isEgovPlanError(e) && e.code).toBe('plan.unknown_plan');
  });
});
