import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@egov-plan/core';
import { testPlan as testRuleFile } from '@egov-plan/test-utils';
import { MAX_SYNTAX_ISSUES, parseJsonDocument, parseMeasurementsCsv, parseMeasurementsJson } from '../../src/index.js';
import { readTextFileSync, validatePlanText, validatePlanValue } from '../../src/node.js';

const testPlan = (): Plan => {
  const r = validatePlanValue(testRuleFile());
  if (!r.ok) throw new Error('fixture');
  return r.value;
};

const codes = (r: { ok: boolean; issues?: readonly { code: string }[] }) => (r.ok ? [] : (r.issues ?? []).map((i) => i.code));

describe('the JSON reader under hostile text', () => {
  it('a raw line break ends a string for the depth check as for the parser: ["a⏎ then a million [ is a typed depth error', () => {
    const text = `["a\n${'['.repeat(1_000_000)}`;
    const r = validatePlanText(text);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(['rules.too_deep']);
    // A comment does not hide brackets from the check either, nor a quote inside one.
    expect(codes(validatePlanText(`/* " */ ${'['.repeat(100_000)}`))).toEqual(['rules.too_deep']);
  });

  it('160,000 syntax errors are answered with the first 200 and a count of the others', () => {
    const text = `[${'1 '.repeat(160_000)}]`; // 320 KB, a missing comma every 2 characters
    const r = parseJsonDocument(text);
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues.length).toBeLessThanOrEqual(MAX_SYNTAX_ISSUES + 1);
    expect(issues.at(-1)?.code).toBe('json.too_many_issues');
    expect(issues.at(-1)?.message.en).toMatch(/^… and \d+ more syntax errors/u);
  });

  it('syntax messages name no parser internals, in either language', () => {
    for (const text of ['{a:1}', '{"a" 1}', '[1 2]', '{"a":1', '[1', '1 2', '// c\n1', '/* c', '"abc', '-', '"\\u12"', '"\\q"', '"\u0001"', '{"a":1,}']) {
      const r = parseJsonDocument(text);
      expect(r.ok).toBe(false);
      for (const i of r.ok ? [] : r.issues) {
        expect(i.message.en).not.toMatch(/[A-Z][a-z]+[A-Z][a-z]+/u);
        expect(i.message.vi).not.toMatch(/[A-Z][a-z]+[A-Z][a-z]+/u);
      }
    }
  });

  it('a duplicate key in a JSON measurements file is an error naming both places', () => {
    const text = '[{"indicator":"online-rate","orgUnit":"so-a","period":"2020Q4","value":20,\n"value":0}]';
    expect(() => parseMeasurementsJson(testPlan(), text, { file: 'm.json' })).toThrow(/written twice/u);
    try {
      parseMeasurementsJson(testPlan(), text, { file: 'm.json' });
    } catch (e) {
      expect((e as { issues: unknown[] }).issues).toMatchObject([{ code: 'json.duplicate_key', pointer: '/0/value', line: 2, column: 1, file: 'm.json' }]);
    }
  });

  it('UTF-16 text and files are one clear encoding error, not thousands of syntax errors', () => {
    const json = JSON.stringify(testRuleFile());
    const asUtf16Read = Buffer.from(`\uFEFF${json}`, 'utf16le').toString('utf8');
    expect(codes(validatePlanText(asUtf16Read))).toEqual(['file.encoding']);
    const dir = mkdtempSync(join(tmpdir(), 'egov-enc-'));
    const le = join(dir, 'le.json');
    writeFileSync(le, Buffer.from(`\uFEFF${json}`, 'utf16le'));
    expect(() => readTextFileSync(le, 'le.json')).toThrow(/UTF-16/u);
    const latin = join(dir, 'cp1258.csv');
    writeFileSync(latin, Buffer.from([0x61, 0x2c, 0xe0, 0x0a]));
    expect(() => readTextFileSync(latin, 'cp1258.csv')).toThrow(/not valid UTF-8/u);
    expect(() => parseMeasurementsCsv(testPlan(), asUtf16Read)).toThrow(/not UTF-8/u);
  });

  it('a file that is not a measurements CSV has nothing of its first line echoed', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
    try {
      parseMeasurementsCsv(testPlan(), passwd);
      expect.unreachable();
    } catch (e) {
      const issues = (e as { issues: { code: string; message: { vi: string; en: string } }[] }).issues;
      expect(issues.map((i) => i.code)).toEqual(['measurement.missing_column']);
      expect(JSON.stringify(issues)).not.toContain('root');
    }
  });

  it('duplicate rows and unknown columns are capped', () => {
    const header = `indicator,orgUnit,period,value,${Array.from({ length: 500 }, (_, i) => `extra${i}`).join(',')}`;
    const rows = Array.from({ length: 5000 }, () => 'online-rate,so-a,2020Q4,19');
    const set = parseMeasurementsCsv(testPlan(), [header, ...rows].join('\n'));
    expect(set.issues.filter((i) => i.code === 'measurement.unknown_column').length).toBe(21);
    expect(set.issues.filter((i) => i.code === 'measurement.duplicate').length).toBe(1000);
    expect(set.issues.at(-1)).toMatchObject({ code: 'measurement.too_many_issues' });
    expect(set.issues.at(-1)?.message.en).toContain('… and 3999 more');
    expect(set.rows).toBe(5000);
  });
});
