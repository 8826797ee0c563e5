/**
 * The dashboard in real Chromium against the built app and the demo data: coloured polygons on
 * the map, legend = classes, tooltip, panel numbers = SQL, drill-down and breadcrumb, URL state,
 * language switch; no console errors and no request off localhost.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { povertyPeriod, DEFAULT_PERIOD_ID } from '../../src/db/contracts';
import { indicator } from '../../src/query/catalogue';
import { buildIndicatorQuery } from '../../src/query/indicators';
import { formatValue } from '../../src/lib/format';
import { loadDataDir, openNative, rows } from '../../scripts/lib/native-db';
import { launchBrowser, openApp, screenshot, shareOfColours, waitForMap, type PageRecord } from './harness';

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

/** Legend swatch colours as [r, g, b]. */
async function legendColours(page: Page): Promise<[number, number, number][]> {
  return page.$$eval('.legend-class .legend-swatch', (els) =>
    els.map((el) => {
      const m = getComputedStyle(el).backgroundColor.match(/\d+/g) ?? [];
      return [Number(m[0]), Number(m[1]), Number(m[2])] as [number, number, number];
    }),
  );
}

function param(page: Page, key: string): string | null {
  return new URL(page.url()).searchParams.get(key);
}

describe('dashboard', () => {
  it('draws the choropleth in the legend colours, one legend row per class, synthetic notice shown', async () => {
    const page = await open('?lvl=rw&ind=poverty_rate&k=5');
    await expect(page.getByTestId('synthetic-notice').textContent()).resolves.toContain('DATA SINTETIS');
    const colours = await legendColours(page);
    expect(colours).toHaveLength(5);
    expect(new Set(colours.map((c) => c.join(','))).size).toBe(5);
    const map = await screenshot(page, 'dashboard-rw', '.app__map');
    // Every class colour covers a visible share of the map, and together they dominate it.
    for (const c of colours) expect(shareOfColours(map, [c], 2), `colour ${c.join(',')}`).toBeGreaterThan(0.002);
    expect(shareOfColours(map, colours, 2)).toBeGreaterThan(0.2);
    // The legend counts add up to the areas that have a value.
    const counts = await page.$$eval('.legend-class .legend-count', (els) =>
      els.map((el) => Number((el.textContent ?? '').replace(/\D/g, ''))),
    );
    const sql = buildIndicatorQuery({ level: 'rw', indicators: ['poverty_rate'] });
    const want = (await rows(native, sql)).filter((r) => r.poverty_rate !== null).length;
    expect(counts.reduce((s, n) => s + n, 0)).toBe(want);
  });

  it('shows a tooltip on hover and fills the panel with the numbers the SQL gives on click', async () => {
    const page = await open('?lvl=rw&in=31.72.01');
    const box = (await page.locator('.app__map canvas').first().boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.getByTestId('tooltip').waitFor({ timeout: 10_000 });
    const tip = (await page.getByTestId('tooltip').textContent()) ?? '';
    expect(tip).toMatch(/RW \d{3}/);
    await page.mouse.click(x, y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sel') !== null);
    const code = param(page, 'sel')!;
    expect(code).toMatch(/^31\.72\.01\.\d{4}\.\d{3}$/);
    const ind = indicator('extreme_poverty_rate');
    const [row] = await rows(
      native,
      buildIndicatorQuery({ level: 'rw', indicators: [ind.id, 'poor_households', 'registry_households', 'kb_coverage'], codes: [code] }),
    );
    const panel = page.locator('aside.area-panel, .area-panel').first();
    await panel.waitFor();
    await page.waitForFunction((c) => document.querySelector('.area-panel')?.textContent?.includes(c), code);
    const text = (await panel.textContent()) ?? '';
    const expected = row!.extreme_poverty_rate === null ? null : formatValue(row!.extreme_poverty_rate as number, 'fraction', 'id');
    if (expected) expect(text).toContain(expected);
    else expect(text).toMatch(/disembunyikan/);
    // Key counts and a program coverage, formatted as the panel formats them.
    for (const [id, unit] of [['poor_households', 'households'], ['registry_households', 'households'], ['kb_coverage', 'fraction']] as const) {
      const v = row![id];
      if (typeof v === 'number') expect(text, id).toContain(formatValue(v, unit, 'id'));
    }
    await screenshot(page, 'dashboard-panel');
  });

  it('drills down on double-click and goes back up with the breadcrumb', async () => {
    const page = await open('?lvl=kota');
    const box = (await page.locator('.app__map canvas').first().boundingBox())!;
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('in') !== null);
    expect(param(page, 'lvl')).toBe('kecamatan');
    const kota = param(page, 'in')!;
    expect(kota).toMatch(/^31\.7\d$/);
    await waitForMap(page);
    const crumb = page.getByTestId('breadcrumb');
    await expect(crumb.textContent()).resolves.toMatch(/Jakarta/);
    await crumb.getByRole('button', { name: 'DKI Jakarta' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('in') === null);
    expect(param(page, 'lvl')).toBeNull(); // kota is the default level
  });

  it('restores the whole view from the URL on reload and walks history with back', async () => {
    const page = await open('?lvl=kelurahan&ind=kb_coverage&m=jenks&k=4');
    await expect(page.getByTestId('indicator-select').inputValue()).resolves.toBe('kb_coverage');
    await page.getByTestId('method-select').selectOption('equal');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('m') === 'equal');
    await page.reload();
    await waitForMap(page);
    await expect(page.getByTestId('method-select').inputValue()).resolves.toBe('equal');
    await expect(page.getByTestId('level-select').inputValue()).resolves.toBe('kelurahan');
    await expect(page.getByTestId('classes-select').inputValue()).resolves.toBe('4');
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('m') === 'jenks');
    await expect(page.getByTestId('method-select').inputValue()).resolves.toBe('jenks');
  });

  it('finds an area with the keyboard in the search box and shows it', async () => {
    const page = await open();
    const input = page.getByTestId('search-input');
    await input.focus();
    await page.keyboard.type('Penjaringan');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sel') !== null);
    const sel = param(page, 'sel')!;
    const [area] = await rows(native, `SELECT name FROM areas WHERE code = '${sel}'`);
    expect(area!.name).toBe('Penjaringan');
    await waitForMap(page);
    await expect(page.locator('.area-panel').first().textContent()).resolves.toContain('Penjaringan');
  });

  it('switches the interface language', async () => {
    const page = await open();
    await expect(page.locator('h1 + p').textContent()).resolves.toContain('Peta kebutuhan');
    await page.getByTestId('lang-en').click();
    await expect(page.locator('h1 + p').textContent()).resolves.toContain('Map of need');
    await expect(page.getByTestId('synthetic-notice').textContent()).resolves.toContain('SYNTHETIC');
    expect(param(page, 'lang')).toBe('en');
  });

  it('recolours when a filter changes and keeps locked breaks', async () => {
    const page = await open('?lvl=kelurahan&lock=province');
    const before = await page.$$eval('.legend-class .legend-range', (els) => els.map((e) => e.textContent));
    await page.getByTestId('kota-filter').selectOption('31.72');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kota') === '31.72');
    await waitForMap(page);
    const after = await page.$$eval('.legend-class .legend-range', (els) => els.map((e) => e.textContent));
    expect(after).toEqual(before);
    await screenshot(page, 'dashboard-filtered');
  });
});
