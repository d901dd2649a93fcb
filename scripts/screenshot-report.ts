// `pnpm screenshot`: the README's pictures of the demo's report (docs/report.png is the example's: examples/report). Runs the demo (synthetic Kon Tum
// figures, `egov-plan demo --no-serve`) into a temporary folder, opens its report.html in
// headless Chromium and saves the first screen as docs/demo-report.png and the section of the
// work-files indicator (charts by level and by unit) as docs/demo-report-charts.png. Needs Chromium
// (Debian's `chromium`, or EGOV_PLAN_CHROMIUM).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../packages/cli/src/program.js';
import { withChromiumPage } from '../packages/report/src/node.js';

const WIDTH = 1200;
const HEIGHT = 1500;
const CHARTS_SECTION = '#indicator-online-work-files';
const docs = new URL('../docs/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'egov-plan-screenshot-'));
try {
  let stderr = '';
  const code = await run(['demo', '--no-serve', '--dir', dir], { stdout: () => {}, stderr: (s) => void (stderr += s), cwd: dir });
  if (code !== 0) throw new Error(`egov-plan demo --no-serve failed (${code}): ${stderr}`);
  const [top, section] = await withChromiumPage(async (page) => {
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    if (errors.length) throw new Error(`the report logged errors in Chromium: ${errors.join('; ')}`);
    const y = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return el ? el.getBoundingClientRect().top + window.scrollY : null;
    }, CHARTS_SECTION);
    if (y === null) throw new Error(`the report has no ${CHARTS_SECTION} section`);
    return [await page.screenshot({ clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } }), await page.screenshot({ fullPage: true, clip: { x: 0, y: Math.max(0, y - 16), width: WIDTH, height: HEIGHT } })];
  });
  const html = readFileSync(join(dir, 'report.html')).length;
  for (const [name, png] of [['demo-report.png', top], ['demo-report-charts.png', section]] as const) {
    writeFileSync(new URL(name, docs), png);
    process.stderr.write(`docs/${name}: ${WIDTH}×${HEIGHT}, ${png.length} bytes (report.html: ${html} bytes)\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
