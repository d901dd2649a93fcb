import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRuleFile } from '@egov-plan/test-utils';
import { EgovPlanError } from '@egov-plan/core';
import { loadPlan, loadPlanSync, readTextFileSync, validatePlanText } from '../../src/node.js';

// A rule file whose caller lets it name any path in `extends` (`allowOutside`): reading it must
// never block (a FIFO with no writer, /dev/zero) nor read more than the size limit, and must end
// as a typed issue. Without `allowOutside`, paths outside the file's folder are not even looked at.

function ruleFileExtending(ref: string): string {
  return JSON.stringify(emptyRuleFile({ extends: [ref] }));
}

const dir = mkdtempSync(join(tmpdir(), 'egov-special-'));
const fifo = join(dir, 'fifo.json');
execFileSync('mkfifo', [fifo]);
const folder = join(dir, 'folder.json');
mkdirSync(folder);
symlinkSync(join(dir, 'loop-b.json'), join(dir, 'loop-a.json'));
symlinkSync(join(dir, 'loop-a.json'), join(dir, 'loop-b.json'));
const sparse = join(dir, 'sparse.json');
writeFileSync(sparse, '');
execFileSync('truncate', ['-s', '5G', sparse]);

const codes = (text: string) => {
  const r = validatePlanText(text, { file: join(dir, 'main.json'), allowOutside: true });
  expect(r.ok).toBe(false);
  return r.issues.map((i) => i.code);
};

describe('extends of special files ends promptly as a typed issue', () => {
  for (const [name, ref] of [
    ['/dev/zero', '/dev/zero'],
    ['a FIFO with no writer', fifo],
    ['a directory', folder],
    ['a symlink loop', join(dir, 'loop-a.json')],
  ] as const) {
    it(name, () => {
      const c = codes(ruleFileExtending(ref));
      expect(c.some((x) => x === 'rules.unknown_base' || x === 'rules.invalid_base')).toBe(true);
    }, 5_000);
  }

  it('a 5 GB sparse file is refused by its size, unread', () => {
    expect(codes(ruleFileExtending(sparse))).toContain('file.too_large');
  }, 5_000);

  it('/proc/self/environ (size 0, not JSON) is a JSON syntax issue', () => {
    expect(codes(ruleFileExtending('/proc/self/environ'))).toContain('rules.invalid_base');
  }, 5_000);
});

describe('readTextFileSync and loadPlan refuse what is not a regular file', () => {
  it.each([['/dev/zero'], [fifo], [folder]])('%s → file.not_found', async (path) => {
    const check = (f: () => unknown) => {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(EgovPlanError);
        expect((e as EgovPlanError).issues[0]?.code).toBe('file.not_found');
      }
    };
    check(() => readTextFileSync(path, path));
    check(() => loadPlanSync(path));
    await expect(loadPlan(path)).rejects.toBeInstanceOf(EgovPlanError);
  }, 5_000);

  it('a file one byte over the limit is refused; one at the limit is read', () => {
    const f = join(dir, 'small.json');
    writeFileSync(f, 'x'.repeat(100));
    expect(() => readTextFileSync(f, f, 50)).toThrow(/too large/u);
    expect(readTextFileSync(f, f, 100)).toBe('x'.repeat(100));
  });
});
