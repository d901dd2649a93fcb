import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkThrough } from '../src/quarter.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-plan-example-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples/measurement-store', () => {
  it('keeps a corrected value as a new revision and evaluates the corrected one', async () => {
    const lines = await walkThrough(join(dir, 'store.sqlite'));
    expect(lines.slice(0, 3)).toEqual([
      'q4.csv: 3 rows, 3 new revisions, 0 unchanged, 0 rejected',
      'q4.csv: 3 rows, 0 new revisions, 3 unchanged, 0 rejected',
      'q4-corrected.csv: 3 rows, 1 new revisions, 2 unchanged, 0 rejected',
    ]);
    expect(lines).toContain('so-noi-vu 2020Q4 revision 1: 18% (q4.csv row 3, by so-tttt)');
    expect(lines).toContain('so-noi-vu 2020Q4 revision 2: 22% (q4-corrected.csv row 3, by so-tttt)');
    // The each-agency target of 2019–2020 is 20% (plan 1102/KH-UBND): the correction turns so-noi-vu's verdict.
    expect(lines).toContain('so-noi-vu: met (22% against 20%)');
  });
});
