/**
 * The e2e harness: Debian's Chromium driven by playwright-core (no browser download), with every
 * console error, page error, CSP violation and off-origin request recorded so tests can assert
 * there were none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { inject } from 'vitest';

/** Where screenshots go (ignored by git; look at them). */
export const ARTIFACTS = join(process.cwd(), 'test-results');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with software WebGL2 (SwiftShader) and no background networking. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** What a page did that a test may want to assert never happened. */
export interface PageRecord {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly offOrigin: string[];
  readonly cspViolations: string[];
}

/** The app's base URL from the global setup. */
export function baseUrl(): string {
  return inject('baseUrl');
}

/**
 * Opens a page on the app at `query` (e.g. `?lvl=rw`), recording errors and requests; `base` is
 * the app's URL (default: the global preview server's).
 */
export async function openApp(
  context: BrowserContext,
  query = '',
  base: string = baseUrl(),
): Promise<{ page: Page; record: PageRecord }> {
  const page = await context.newPage();
  const origin = new URL(base).origin;
  const record: PageRecord = { consoleErrors: [], pageErrors: [], offOrigin: [], cspViolations: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') record.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => record.pageErrors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) record.offOrigin.push(url);
  });
  await page.exposeFunction('__cspViolation', (text: string) => record.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (s: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${base}${query}`);
  return { page, record };
}

/** Waits until the app has data on the map and the map has finished drawing. */
export async function waitForMap(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('[data-app-state="ready"]', { timeout });
  await page.waitForSelector('[data-render-state="idle"]', { timeout });
}

/** Screenshot of an element or the page, saved under test-results/NAME.png and decoded. */
export async function screenshot(page: Page, name: string, selector?: string): Promise<PNG> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const buffer = selector ? await page.locator(selector).screenshot() : await page.screenshot();
  writeFileSync(join(ARTIFACTS, `${name}.png`), buffer);
  return PNG.sync.read(buffer);
}

/** The RGB of the pixel at (x, y). */
export function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

/** Counts pixels per exact colour (a histogram of the picture). */
export function colourCounts(png: PNG): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = `${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Share of pixels within `tolerance` (per channel) of any of the given colours. */
export function shareOfColours(png: PNG, colours: readonly (readonly [number, number, number])[], tolerance = 6): number {
  let hit = 0;
  const n = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    for (const c of colours) {
      if (
        Math.abs(png.data[i]! - c[0]) <= tolerance &&
        Math.abs(png.data[i + 1]! - c[1]) <= tolerance &&
        Math.abs(png.data[i + 2]! - c[2]) <= tolerance
      ) {
        hit++;
        break;
      }
    }
  }
  return hit / n;
}
