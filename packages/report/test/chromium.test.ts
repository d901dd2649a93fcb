/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../src/index.js';
import { findChromium, renderPdf, withChromiumPage } from '../src/node.js';
import { SAMPLE_ROWS, SAMPLE_SUBMISSIONS, sampleInput } from './sample.js';

// Renders the report in a real headless Chromium and checks what a reader sees. Runs wherever
// Chromium is installed; skips with a message otherwise, and fails under EGOV_PLAN_REQUIRE_CHROMIUM=1.
const chromium = findChromium();
const required = process.env.EGOV_PLAN_REQUIRE_CHROMIUM === '1';
if (!chromium) {
  console.warn(
    required
      ? 'EGOV_PLAN_REQUIRE_CHROMIUM=1 but no Chromium was found: the report tests FAIL.'
      : 'SKIPPED: report tests in Chromium — no Chromium found (install Debian’s chromium, or set EGOV_PLAN_CHROMIUM to its path).',
  );
}

describe.runIf(!chromium && required)('Chromium is required', () => {
  it('finds a Chromium executable', () => {
    expect(chromium, 'EGOV_PLAN_REQUIRE_CHROMIUM=1: install chromium or set EGOV_PLAN_CHROMIUM').not.toBeNull();
  });
});

interface Seen {
  errors: string[];
  charts: { width: number; height: number; name: string; bars: number; textOutside: number }[];
  overflowing: string[];
  pageWidth: number;
  imagesByRole: number;
  namedImages: number;
}

async function look(html: string, width: number): Promise<Seen> {
  return withChromiumPage(async (page) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`request ${r.url()}`));
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    const seen = await page.evaluate(() => {
      const charts = [...document.querySelectorAll('svg.chart')].map((svg) => {
        const box = svg.getBoundingClientRect();
        const vb = (svg as SVGSVGElement).viewBox.baseVal;
        const title = document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
        const bars = [...svg.querySelectorAll('rect')].filter((r) => r.getBoundingClientRect().width > 0 && r.getBoundingClientRect().height > 0).length;
        // Text drawn outside the chart's own box would be cut off.
        const textOutside = [...svg.querySelectorAll('text')].filter((t) => {
          const b = (t as SVGTextElement).getBBox();
          return b.x < -0.5 || b.y < -0.5 || b.x + b.width > vb.width + 0.5 || b.y + b.height > vb.height + 0.5;
        }).length;
        return { width: box.width, height: box.height, name: title, bars, textOutside };
      });
      // Text wider than its box: cells, headings, paragraphs, list items, captions.
      const overflowing = [...document.querySelectorAll('td, th, h1, h2, h3, h4, p, li, figcaption')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName}: ${(el.textContent ?? '').slice(0, 60)}`);
      return { charts, overflowing, pageWidth: document.documentElement.scrollWidth };
    });
    const imagesByRole = await page.getByRole('img').count();
    let namedImages = 0;
    for (const c of seen.charts) if ((await page.getByRole('img', { name: c.name, exact: true }).count()) > 0) namedImages++;
    return { errors, ...seen, imagesByRole, namedImages };
  });
}

describe.runIf(chromium)('the report in headless Chromium', () => {
  const html = renderReportHtml(sampleInput(SAMPLE_ROWS, '2020-12-23', SAMPLE_SUBMISSIONS));

  it('draws every chart with a size, its bars visible and its text inside it, without console errors', async () => {
    const seen = await look(html, 1000);
    expect(seen.errors).toEqual([]);
    expect(seen.charts.length).toBeGreaterThan(5);
    for (const c of seen.charts) {
      expect(c.width, c.name).toBeGreaterThan(100);
      expect(c.height, c.name).toBeGreaterThan(40);
      expect(c.textOutside, c.name).toBe(0);
    }
    // The online-dossier chart has its five departments drawn as bars.
    expect(seen.charts.find((c) => c.name.startsWith('Tỷ lệ hồ sơ giải quyết trực tuyến'))?.bars).toBe(5);
  });

  it('exposes every chart as an image named by its title (its text alternative)', async () => {
    const seen = await look(html, 1000);
    expect(seen.imagesByRole).toBe(seen.charts.length);
    expect(seen.namedImages).toBe(seen.charts.length);
  });

  it('keeps text inside its container, on a screen and at A4 width, in both languages', async () => {
    for (const [page, width] of [
      [html, 1000],
      [html, 794],
      [renderReportHtml(sampleInput(SAMPLE_ROWS, '2020-12-23', SAMPLE_SUBMISSIONS), { lang: 'en' }), 794],
    ] as const) {
      const seen = await look(page, width);
      expect(seen.overflowing, `at ${width}px`).toEqual([]);
      expect(seen.pageWidth, `at ${width}px`).toBeLessThanOrEqual(width);
    }
  });

  it('renders an empty report without errors, saying there is no data yet', async () => {
    const empty = renderReportHtml(sampleInput([], '2020-12-23', []));
    const seen = await look(empty, 1000);
    expect(seen.errors).toEqual([]);
    expect(seen.overflowing).toEqual([]);
    const text = await withChromiumPage(async (page) => {
      await page.setContent(empty);
      return page.locator('[data-empty]').innerText();
    });
    expect(text).toContain('Chưa có số liệu cho kỳ này');
  });

  it('prints to an A4 PDF of several pages', async () => {
    const pdf = Buffer.from(await renderPdf(html));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    // A4 is 210 × 297 mm = 595 × 842 points (Chromium rounds to within a point).
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/gu)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(1);
    for (const [w, h] of boxes) {
      expect(Math.abs((w as number) - 595.28)).toBeLessThan(1.5);
      expect(Math.abs((h as number) - 841.89)).toBeLessThan(1.5);
    }
    expect((text.match(/\/Type \/Page\b/gu) ?? []).length).toBe(boxes.length);
  });
});
