import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '@egov-plan/report/node';
import { writeQuarterlyReport } from '../src/quarterly.js';

describe('examples/report: a quarterly report from a synthetic quarter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-plan-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the page, the Markdown and, with Chromium, the PDF', async () => {
    const files = await writeQuarterlyReport(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(findChromium() ? ['report.html', 'report.md', 'report.pdf'] : ['report.html', 'report.md']);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    // Sở Y tế (12% against ≥ 20%) is the unit furthest below target, so it is named first.
    const below = html.slice(html.indexOf('class="below-target"'));
    expect(below.indexOf('Sở Y tế')).toBeLessThan(below.indexOf('Sở Nội vụ'));
    expect(html).toContain('Sở Tài chính (quá hạn, chưa nộp)');
    expect(html).toContain('Sở Nội vụ (nộp muộn)');
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# Báo cáo tiến độ quý 2020Q4/u);
    if (findChromium()) expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
