import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirWith } from '@egov-plan/test-utils';
import { findChromium } from '@egov-plan/report/node';
import { runCli } from './run-cli.js';

/** The CLI in `cwd` on 2020-12-23 (the fourth quarter of 2020 has closed). */
const cli = (args: string[], cwd: string) => runCli(args, { cwd, now: '2020-12-23T05:00:00Z' });

const HEADER = 'indicator,orgUnit,level,period,value,numerator,denominator';
// Synthetic figures.
const ROWS = [HEADER, 'online-dossier-rate,so-y-te,,2020Q4,12,,', 'online-dossier-rate,so-tttt,,2020Q4,27,,'].join('\n');

describe('egov-plan report', () => {
  it('writes the HTML report of the quarter that closed last, naming the unit below target first', async () => {
    const dir = tempDirWith({ 'm.csv': ROWS });
    const r = await cli(['report', '--measurements', 'm.csv', '--out', 'q.html', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ plan: 'kontum-1102-2019', period: '2020Q4', at: '2020-12-23', format: 'html', rows: 2, badRows: 0 });
    const html = readFileSync(join(dir, 'q.html'), 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Báo cáo tiến độ quý 2020Q4');
    expect(html).toContain('Chưa có thông tin về việc nộp báo cáo');
    const start = html.indexOf('class="below-target"');
    const below = html.slice(start, html.indexOf('</table>', start));
    expect(below).toContain('Sở Y tế');
    expect(below).not.toContain('Sở Thông tin và Truyền thông');
  });

  it('writes Markdown in English, and a report saying there is no data yet without measurements', async () => {
    const dir = tempDirWith({});
    const r = await cli(['report', '--period', '2020Q3', '--out', 'q.md', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Report 2020Q3 written to q.md.\n');
    const md = readFileSync(join(dir, 'q.md'), 'utf8');
    expect(md).toMatch(/^# Quarterly progress report 2020Q3/u);
    expect(md).toContain('No data yet for this period');
  });

  it('refuses an output that is not .html, .md or .pdf (usage error, exit 2)', async () => {
    const r = await cli(['report', '--out', 'q.docx'], tempDirWith({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.html, .md');
  });

  it.runIf(findChromium())('writes a PDF through Chromium', async () => {
    const dir = tempDirWith({ 'm.csv': ROWS });
    const r = await cli(['report', '--measurements', 'm.csv', '--out', 'q.pdf'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'q.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
