/**
 * The briefing sheet in real Chromium against the built app and the demo data: it opens over the
 * dashboard, exports a PNG at print resolution whose map shows the dashboard's class colours, and
 * a one-page A4 PDF whose text has the title, legend and footer (read back with pdf.js); the
 * browser's print gives the same single A4 page; Escape closes it.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { briefingLayout } from '../../src/features/briefing/layout';
import { pngSize } from '../../src/features/briefing/png-export';
import { ARTIFACTS, launchBrowser, openApp, screenshot, shareOfColours, waitForMap, type PageRecord } from './harness';

const FONTS = join(process.cwd(), 'node_modules/pdfjs-dist/standard_fonts/');
const TITLE = 'Uji Lembar Briefing Sasaran';

let browser: Browser;
let context: BrowserContext;
const records: PageRecord[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const r of records.splice(0)) {
    expect(r.pageErrors, 'page errors').toEqual([]);
    expect(r.consoleErrors, 'console errors').toEqual([]);
    expect(r.offOrigin, 'requests off localhost').toEqual([]);
    expect(r.cspViolations, 'CSP violations').toEqual([]);
  }
  await context?.close();
});

/** Opens the briefing once the dashboard map has drawn `overlays` (its ids in drawing order). */
async function openBriefing(query: string, overlays = ''): Promise<Page> {
  context = await browser.newContext({ acceptDownloads: true });
  const { page, record } = await openApp(context, query);
  records.push(record);
  await waitForMap(page);
  const drawn = (scope: string): Promise<unknown> =>
    page.waitForFunction(
      ([sel, want]) => {
        const region = document.querySelector<HTMLElement>(sel!);
        return region !== null && region.dataset['overlays'] === want && region.dataset['renderState'] === 'idle';
      },
      [`${scope} .sasaran-map`, overlays],
      { timeout: 60_000 },
    );
  await drawn('.app__map');
  await page.getByTestId('briefing-open').click();
  await page.waitForSelector('[data-briefing-state="ready"]', { timeout: 60_000 });
  await drawn('[data-testid="briefing"]');
  return page;
}

/** Clicks an export button and returns the downloaded file, also kept as test-results/<artifact>. */
async function download(page: Page, testId: string, artifact: string): Promise<{ bytes: Buffer; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
  const d: Download = dl;
  const path = await d.path();
  mkdirSync(ARTIFACTS, { recursive: true });
  copyFileSync(path, join(ARTIFACTS, artifact));
  return { bytes: readFileSync(path), name: d.suggestedFilename() };
}

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; width: number; height: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl: FONTS }).promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  return {
    pages: pdf.numPages,
    width: viewport.width,
    height: viewport.height,
    text: content.items.map((i) => ('str' in i ? i.str : '')).join('\n'),
  };
}

/** The legend swatch colours of the dashboard as [r, g, b]. */
async function legendColours(page: Page): Promise<[number, number, number][]> {
  return page.$$eval('.app__legend .legend-class .legend-swatch', (els) =>
    els.map((el) => {
      const m = getComputedStyle(el).backgroundColor.match(/\d+/g) ?? [];
      return [Number(m[0]), Number(m[1]), Number(m[2])] as [number, number, number];
    }),
  );
}

/** The part of a PNG inside a box given in mm at `pxPerMm`. */
function crop(png: PNG, box: { x: number; y: number; w: number; h: number }, pxPerMm: number): PNG {
  const x0 = Math.round(box.x * pxPerMm);
  const y0 = Math.round(box.y * pxPerMm);
  const out = new PNG({ width: Math.round(box.w * pxPerMm), height: Math.round(box.h * pxPerMm) });
  PNG.bitblt(png, out, x0, y0, out.width, out.height, 0, 0);
  return out;
}

describe('briefing sheet', () => {
  it('exports a print-resolution PNG and a one-page A4 PDF of the map on screen, with title, legend and footer', async () => {
    const page = await openBriefing('?lvl=kecamatan&ind=extreme_poverty_rate&k=5');
    const colours = await legendColours(page);
    expect(colours).toHaveLength(5);
    await page.getByTestId('briefing-title').fill(TITLE);
    await expect(page.locator('.briefing-page__svg text').first().textContent()).resolves.toBe(TITLE);
    await screenshot(page, 'briefing-screen');

    // PNG: A4 landscape at 200 dpi, ≥ 2× a 96-dpi screen.
    const png = await download(page, 'briefing-png', 'briefing-landscape.png');
    expect(png.name).toMatch(/^sasaran-dki-jakarta-extreme-poverty-rate-\d{8}-\d{4}\.png$/);
    const image = PNG.sync.read(png.bytes);
    const layout = briefingLayout('landscape');
    expect({ width: image.width, height: image.height }).toEqual(pngSize(layout));
    expect(image.width).toBeGreaterThanOrEqual(2 * Math.round((297 / 25.4) * 96));
    // The map area is not blank and shows every class colour of the dashboard's legend.
    const map = crop(image, layout.map, image.width / layout.page.w);
    for (const c of colours) expect(shareOfColours(map, [c], 3), `colour ${c.join(',')}`).toBeGreaterThan(0.005);
    expect(shareOfColours(map, colours, 3)).toBeGreaterThan(0.2);
    expect(shareOfColours(map, [[255, 255, 255]], 0)).toBeLessThan(0.5);

    // PDF: one A4 landscape page with real text.
    const pdf = await download(page, 'briefing-pdf', 'briefing-landscape.pdf');
    expect(pdf.name).toMatch(/\.pdf$/);
    const read = await pdfText(pdf.bytes);
    expect(read.pages).toBe(1);
    expect(read.width).toBeCloseTo(841.89, 0);
    expect(read.height).toBeCloseTo(595.28, 0);
    const legendTexts = await page.$$eval('.app__legend .legend-class .legend-range', (els) => els.map((e) => e.textContent ?? ''));
    const wanted = [
      TITLE,
      'Tingkat kemiskinan ekstrem', // legend title
      ...legendTexts.map((t) => t.replace(/\u202f/g, ' ')), // every class range, as in the dashboard legend
      'Rumah tangga miskin ekstrem',
      'Cakupan program di DKI Jakarta',
      'DATA SINTETIS',
      'Sel minimum 10 rumah tangga',
      'Dibuat',
    ];
    for (const w of wanted) expect(read.text, w).toContain(w);
  });

  it('draws the dashboard’s overlays and bivariate fill on its map and puts their legends in the PDF', async () => {
    const page = await openBriefing('?lvl=kelurahan&ov=convergence,upgrading,kb&biv=extreme_poverty_rate:kb', 'convergence,upgrading,kb');
    const titles = await page.$$eval('[data-testid="overlay-legends"] .overlay-legend__title', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles).toEqual(['KB: PUS dan cakupan', 'Penataan kampung (RW kumuh, CAP/CIP)', 'Konvergensi: desil 1 tanpa program']);
    await expect(page.getByTestId('bivariate-legend').count()).resolves.toBe(1);
    await expect(page.locator('.briefing-page__svg').textContent()).resolves.toContain('KB: PUS dan cakupan');
    await screenshot(page, 'briefing-overlays-screen');
    await download(page, 'briefing-png', 'briefing-overlays.png');
    const read = await pdfText((await download(page, 'briefing-pdf', 'briefing-overlays.pdf')).bytes);
    expect(read.pages).toBe(1);
    expect(read.text).toContain('KB: PUS dan cakupan');
    for (const want of ['CIP selesai', 'Konvergensi: desil 1 tanpa program', 'Kebutuhan × cakupan (tersil)']) expect(read.text, want).toContain(want);
  });

  it('prints the same single A4 page, switches to English and portrait, and closes on Escape', async () => {
    const page = await openBriefing('?lvl=kota');
    await page.getByTestId('briefing-lang-en').click();
    await page.getByTestId('briefing-portrait').check();
    await page.waitForSelector('.briefing-page--portrait [data-render-state="idle"]', { timeout: 60_000 });
    await expect(page.locator('.briefing-page__svg').textContent()).resolves.toContain('SYNTHETIC DATA');
    await screenshot(page, 'briefing-portrait-en');
    const pdf = await download(page, 'briefing-pdf', 'briefing-portrait-en.pdf');
    const read = await pdfText(pdf.bytes);
    expect(read.width).toBeCloseTo(595.28, 0);
    expect(read.height).toBeCloseTo(841.89, 0);
    expect(read.text).toContain('Minimum cell size 10 households');

    await page.getByTestId('briefing-landscape').check();
    await page.waitForSelector('.briefing-page--landscape [data-render-state="idle"]', { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'briefing-print.pdf'), printed);
    const p = await pdfText(printed);
    expect(p.pages).toBe(1);
    expect(p.width).toBeCloseTo(841.89, 0);
    expect(p.height).toBeCloseTo(595.28, 0);
    expect(p.text).toContain('SYNTHETIC DATA');
    await page.emulateMedia({ media: 'screen' });

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('briefing').count()).resolves.toBe(0);
  });
});
