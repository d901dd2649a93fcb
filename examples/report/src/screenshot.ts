// Regenerates docs/report.png: the first screen of the example quarterly report (synthetic data),
// rendered by headless Chromium.   npx -y pnpm@10.34.8 --filter @egov-plan-examples/report screenshot
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withChromiumPage } from '@egov-plan/report/node';
import { writeQuarterlyReport } from './quarterly.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-plan-shot-'));
try {
  await writeQuarterlyReport(dir);
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  const out = fileURLToPath(new URL('../../../docs/report.png', import.meta.url));
  await withChromiumPage(async (page) => {
    await page.setViewportSize({ width: 1000, height: 1700 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: out });
  });
  console.log(out);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
