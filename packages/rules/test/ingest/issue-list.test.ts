import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '@egov-plan/core';
import { IssueList } from '@egov-plan/rules';

// A workbook sheet's issues arrive out of row order; under the cap, a section keeps the first by
// line and column, whatever order they came in, and counts every one it leaves out.

const issueAt = (line: number | undefined, column: number): Issue => ({ code: 'measurement.invalid_value', pointer: '', message: { vi: '', en: '' }, ...(line === undefined ? {} : { line }), column });

describe('IssueList sections', () => {
  it('law: a section keeps the first issues by (line, column), those without a line last and never cut, and counts the rest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.tuple(fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined, freq: 20 }), fc.integer({ min: 1, max: 4 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        (before, arriving, max) => {
          const list = new IssueList(max);
          for (let i = 0; i < before; i++) list.add(issueAt(1, i));
          list.beginSection();
          for (const [line, column] of arriving) list.add(issueAt(line, column));
          list.endSection();
          const room = Math.max(0, max - Math.min(before, max));
          const unlined = arriving.filter(([l]) => l === undefined).length;
          const lined = arriving.filter(([l]) => l !== undefined).map(([l, c]) => [l as number, c] as const);
          lined.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          const keep = Math.min(lined.length, Math.max(0, room - unlined));
          const got = list.list.slice(Math.min(before, max));
          expect(got.filter((i) => i.line !== undefined).map((i) => [i.line, i.column])).toEqual(lined.slice(0, keep));
          expect(got.filter((i) => i.line === undefined)).toHaveLength(unlined);
          expect(got.findIndex((i) => i.line === undefined)).toBe(unlined === 0 ? -1 : keep);
          expect(list.more).toBe(Math.max(0, before - max) + (lined.length - keep));
        },
      ),
    );
  });
});
