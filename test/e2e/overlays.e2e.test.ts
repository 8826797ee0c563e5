/**
 * Intervention overlays in real Chromium against the built app and the demo data: every layer
 * changes the picture and brings its legend (in the legend's colours), the bivariate mode colours
 * the map in the 3 × 3 palette with its square legend, and the first "high need, low coverage"
 * RW listed is the one native DuckDB ranks first.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERIOD_ID, povertyPeriod } from '../../src/db/contracts';
import { hexToRgb, BIVARIATE_HEX } from '../../src/lib/palettes';
import { buildBivariateQuery } from '../../src/query/bivariate';
import { OVERLAY_IDS, type OverlayId } from '../../src/state/view-state';
import { loadDataDir, openNative, rows } from '../../scripts/lib/native-db';
import { launchBrowser, openApp, screenshot, waitForMap, type PageRecord } from './harness';

let browser: Browser;
let context: BrowserContext;
let native: DuckDBConnection;
const records: PageRecord[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  native = await openNative();
  const p = povertyPeriod(DEFAULT_PERIOD_ID);
  await loadDataDir(native, 'data/demo', { povertyLine: p.povertyLine, extremeLine: p.extremeLine });
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const r of records.splice(0)) {
    expect(r.pageErrors, 'page errors').toEqual([]);
    expect(r.consoleErrors, 'console errors').toEqual([]);
    expect(r.offOrigin, 'requests off localhost').toEqual([]);
  }
  await context?.close();
});

async function open(query = ''): Promise<Page> {
  context = await browser.newContext();
  const { page, record } = await openApp(context, query);
  records.push(record);
  await waitForMap(page);
  return page;
}

/** Waits until the map has drawn exactly these overlays (in drawing order) and is idle. */
async function waitForOverlays(page: Page, ids: readonly string[]): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const region = document.querySelector<HTMLElement>('.sasaran-map');
      return region?.dataset['overlays'] === want && region.dataset['renderState'] === 'idle';
    },
    ids.join(','),
    { timeout: 60_000 },
  );
}

type Rect = { x: number; y: number; width: number; height: number };

/** The map picture, and the legend box inside it (to leave out of comparisons). */
async function mapShot(page: Page, name: string): Promise<{ png: PNG; legend: Rect }> {
  const png = await screenshot(page, name, '.sasaran-map');
  const map = (await page.locator('.sasaran-map').boundingBox())!;
  const box = (await page.getByTestId('legend').boundingBox())!;
  return { png, legend: { x: box.x - map.x, y: box.y - map.y, width: box.width, height: box.height } };
}

const outside = (x: number, y: number, r: Rect): boolean => x < r.x || y < r.y || x > r.x + r.width || y > r.y + r.height;

/** Share of map pixels (outside the legend) that differ by more than 24 in some channel. */
function changedShare(a: PNG, b: PNG, legend: Rect): number {
  let changed = 0;
  let n = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (!outside(x, y, legend)) continue;
      const i = (a.width * y + x) * 4;
      n++;
      if ([0, 1, 2].some((c) => Math.abs(a.data[i + c]! - b.data[i + c]!) > 24)) changed++;
    }
  }
  return changed / n;
}

/** Share of map pixels (outside the legend) within `tol` of any of the colours. */
function colourShare(png: PNG, colours: readonly (readonly [number, number, number])[], legend: Rect, tol = 6): number {
  let hit = 0;
  let n = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if (!outside(x, y, legend)) continue;
      const i = (png.width * y + x) * 4;
      n++;
      if (colours.some((c) => Math.abs(png.data[i]! - c[0]) <= tol && Math.abs(png.data[i + 1]! - c[1]) <= tol && Math.abs(png.data[i + 2]! - c[2]) <= tol)) hit++;
    }
  }
  return hit / n;
}

/** The colours a legend figure names (data-color of its swatches and lines). */
async function legendColours(page: Page, id: OverlayId): Promise<[number, number, number][]> {
  const hexes = await page.$$eval(`[data-testid="overlay-legend-${id}"] [data-color]`, (els) => els.map((e) => e.getAttribute('data-color') ?? ''));
  return hexes.filter((h) => /^#[0-9a-f]{6}$/i.test(h)).map((h) => [...hexToRgb(h)] as [number, number, number]);
}

describe('overlays', () => {
  it('each overlay changes the picture, in its legend colours, and its legend comes and goes with it', async () => {
    const page = await open('?lvl=kelurahan');
    const shares: Record<string, { changed: number; colours: number }> = {};
    for (const id of OVERLAY_IDS) {
      const before = await mapShot(page, `overlays-before-${id}`);
      await expect(page.getByTestId(`overlay-legend-${id}`).count()).resolves.toBe(0);
      await page.getByTestId(`overlay-toggle-${id}`).check();
      if (id === 'leakage') {
        // KB (the default program) has no leakage: the legend says so and nothing is drawn.
        await page.getByTestId(`overlay-legend-${id}`).waitFor();
        await expect(page.getByTestId(`overlay-legend-${id}`).textContent()).resolves.toMatch(/KB/);
        await page.getByTestId('overlay-program-leakage').selectOption('kjp_plus');
      }
      await waitForOverlays(page, [id]);
      await page.getByTestId(`overlay-legend-${id}`).waitFor();
      const after = await mapShot(page, `overlays-${id}`);
      const colours = await legendColours(page, id);
      expect(colours.length, `${id} legend colours`).toBeGreaterThanOrEqual(3);
      const changed = changedShare(before.png, after.png, after.legend);
      const inColours = colourShare(after.png, colours, after.legend, 8) - colourShare(before.png, colours, after.legend, 8);
      shares[id] = { changed, colours: inColours };
      expect(changed, `${id}: share of pixels changed`).toBeGreaterThan(0.003);
      expect(inColours, `${id}: more pixels in the legend colours`).toBeGreaterThan(0.001);
      if (id === 'convergence') {
        // The program combinations of desil 1 for the province: every shown count is ≥ k.
        const counts = await page.$$eval('[data-testid="convergence-combos"] tbody td', (els) => els.map((e) => e.textContent ?? ''));
        expect(counts.length).toBeGreaterThan(1);
        for (const c of counts) if (/^\d/.test(c)) expect(Number(c.replace(/\D/g, ''))).toBeGreaterThanOrEqual(10);
      }
      await page.getByTestId(`overlay-toggle-${id}`).uncheck();
      await waitForOverlays(page, []);
      await expect(page.getByTestId(`overlay-legend-${id}`).count()).resolves.toBe(0);
    }
    const url = new URL(page.url());
    expect(url.searchParams.get('ov')).toBeNull();
    expect(url.searchParams.get('ovg')).toBe('kjp_plus');
    console.log('overlay pixel shares', JSON.stringify(shares));
  });

  it('keeps order and opacity in the URL and draws layers in that order', async () => {
    const page = await open('?lvl=kelurahan&ov=kb:50,upgrading');
    await waitForOverlays(page, ['kb', 'upgrading']);
    await expect(page.getByTestId('overlay-toggle-kb').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('overlay-opacity-kb').inputValue()).resolves.toBe('50');
    // The top of the list is the top layer: upgrading first, then KB; moving KB up swaps them.
    const rowsOrder = await page.$$eval('[data-testid^="overlay-row-"][data-on="true"]', (els) => els.map((e) => e.getAttribute('data-testid')));
    expect(rowsOrder).toEqual(['overlay-row-upgrading', 'overlay-row-kb']);
    await page.getByTestId('overlay-row-kb').getByRole('button', { name: /naikkan/i }).click();
    await waitForOverlays(page, ['upgrading', 'kb']);
    expect(new URL(page.url()).searchParams.get('ov')).toBe('upgrading,kb:50');
    await page.getByTestId('overlay-year').selectOption('2020');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('ovy') === '2020');
    await waitForOverlays(page, ['upgrading', 'kb']);
    await expect(page.getByTestId('overlay-legend-upgrading').textContent()).resolves.toContain('2020');
    await screenshot(page, 'overlays-ordered');
  });

  it('bivariate mode: 3 × 3 legend, map in its colours, and the first high-need low-coverage RW is the SQL’s first', async () => {
    const page = await open('?lvl=rw');
    await page.getByTestId('bivariate-toggle').check();
    await page.getByTestId('bivariate-legend').waitFor();
    await page.locator('[data-testid="hnlc-list"] button').first().waitFor();
    await page.waitForSelector('[data-render-state="idle"]');
    await expect(page.locator('.legend-class').count()).resolves.toBe(0); // the choropleth legend gives way
    const cells = await page.$$eval('.bivariate-legend__cell', (els) => els.map((e) => Number((e.textContent ?? '').replace(/\D/g, ''))));
    expect(cells).toHaveLength(9);
    const sql = buildBivariateQuery({ level: 'rw', need: 'extreme_poverty_rate', coverage: 'kb_coverage' });
    const want = await rows(native, sql);
    const classed = want.filter((r) => r.need_class !== null);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(classed.length);
    const hnlcCell = await page.locator('.bivariate-legend__cell[data-x="2"][data-y="0"]').textContent();
    const ranked = want.filter((r) => r.hnlc_rank !== null).sort((a, b) => (a.hnlc_rank as number) - (b.hnlc_rank as number));
    expect(Number((hnlcCell ?? '').replace(/\D/g, ''))).toBe(ranked.length);
    const listed = await page.$$eval('[data-testid="hnlc-list"] button', (els) => els.map((e) => e.getAttribute('data-code')));
    expect(listed[0]).toBe(ranked[0]!.code);
    expect(listed).toEqual(ranked.slice(0, listed.length).map((r) => r.code));

    const { png, legend } = await mapShot(page, 'overlays-bivariate');
    const palette = BIVARIATE_HEX.flat().map((h) => [...hexToRgb(h)] as [number, number, number]);
    expect(colourShare(png, palette, legend, 2)).toBeGreaterThan(0.2);
    const red = [...hexToRgb(BIVARIATE_HEX[0]![2])] as [number, number, number];
    expect(colourShare(png, [red], legend, 2)).toBeGreaterThan(0.002);

    // Keyboard: focus the first entry and press Enter: it becomes the selection.
    await page.locator('[data-testid="hnlc-list"] button').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('sel') === c, ranked[0]!.code as string);
    await expect(page.locator('[data-testid="hnlc-list"] button').first().getAttribute('aria-current')).resolves.toBe('true');
    expect(new URL(page.url()).searchParams.get('biv')).toBe('extreme_poverty_rate:kb');
    await screenshot(page, 'overlays-bivariate-page');
  });
});
