/**
 * Node-only part of the report: PDF through a headless Chromium driven by playwright-core (an
 * optional peer dependency, loaded only when a PDF is asked for).
 *
 * @module
 */
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EgovPlanError, issueFrom } from '@egov-plan/core';
import * as MSG from './messages.js';

/** Where {@link findChromium} looks, after the `EGOV_PLAN_CHROMIUM` environment variable. */
export const CHROMIUM_PATHS: readonly string[] = Object.freeze(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium']);

/** Chromium flags for a headless run as any user, without network chatter (Debian's package). */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze(['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']);

/** The path of a Chromium executable: `EGOV_PLAN_CHROMIUM` when set, else the first of {@link CHROMIUM_PATHS} that exists; null when none. */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const candidates = env.EGOV_PLAN_CHROMIUM ? [env.EGOV_PLAN_CHROMIUM] : CHROMIUM_PATHS;
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not there: try the next
    }
  }
  return null;
}

/** Options of {@link renderPdf} and {@link withChromiumPage}. */
export interface ChromiumOptions {
  /** Chromium executable (default: {@link findChromium}). */
  executablePath?: string;
}


async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new EgovPlanError([
      issueFrom(MSG.usageMissingDependency, '', {}),
    ]);
  }
}

/**
 * Opens a fresh headless Chromium (its own temporary profile, no network), gives `use` a page, and
 * closes everything afterwards, also on error. Throws {@link EgovPlanError}
 * `usage.chromium_not_found` when no Chromium is installed.
 */
export async function withChromiumPage<T>(use: (page: import('playwright-core').Page) => Promise<T>, options: ChromiumOptions = {}): Promise<T> {
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) {
    throw new EgovPlanError([
      issueFrom(MSG.usageChromiumNotFound, '', { paths: CHROMIUM_PATHS.join(', ') }),
    ]);
  }
  const { chromium } = await loadPlaywright();
  const profile = mkdtempSync(join(tmpdir(), 'egov-plan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...CHROMIUM_ARGS], offline: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    return await use(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Prints an HTML page (a report from `renderReportHtml`) to an A4 PDF with its backgrounds, through headless Chromium. */
export async function renderPdf(html: string, options: ChromiumOptions = {}): Promise<Uint8Array> {
  return withChromiumPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  }, options);
}
