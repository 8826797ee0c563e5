/**
 * Importing real data in Chromium against the built app: a good set (Indonesian CSV habits,
 * identifiers dropped before storage), bad files (message shown, previous data intact), a reload
 * (the import is kept), names with markup (nothing runs, the text shows as text), and back to
 * the demo data in one click. No page errors, console errors or requests off the origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, screenshot, waitForMap, type PageRecord } from './harness';

const CORPUS = join(process.cwd(), 'test/fixtures/import');
const GOOD = ['kelurahan.geojson', 'rw.geojson', 'households.csv', 'upgrading.csv'].map((f) => join(CORPUS, 'good', f));
const bad = (f: string): string => join(CORPUS, 'files', f);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let record: PageRecord;
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  ({ page, record } = await openApp(context, '?lang=en'));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await waitForMap(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The household count in the status line. */
async function households(p: Page): Promise<number> {
  const text = (await p.getByTestId('status').textContent()) ?? '';
  const m = /([\d.,]+) registry households/.exec(text);
  return m ? Number(m[1]!.replace(/[.,]/g, '')) : NaN;
}

async function openImportTab(p: Page): Promise<void> {
  await p.getByTestId('tab-import').click();
  await p.getByTestId('import-tab').waitFor();
}

/** Picks files, waits for their analysis, and returns when the list is ready. */
async function pick(p: Page, files: string[]): Promise<void> {
  await p.getByTestId('import-input').setInputFiles(files);
  await p.waitForFunction((n) => document.querySelectorAll('[data-testid="import-file"] [data-testid="import-role"]').length >= n, files.length, { timeout: 60_000 });
  await p.waitForFunction(() => !document.querySelector('[data-testid="import-progress"]'), undefined, { timeout: 60_000 });
}

async function runImport(p: Page): Promise<'ok' | 'failed'> {
  await p.getByTestId('import-run').click();
  const outcome = await p.waitForSelector('[data-testid="import-success"], [data-testid="import-error"]', { timeout: 120_000 });
  return (await outcome.getAttribute('data-testid')) === 'import-success' ? 'ok' : 'failed';
}

/** Every text stored in the import database (IndexedDB), decoded as UTF-8. */
async function storedText(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('sasaran-import');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error('open failed'));
    });
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const r = db.transaction('parts').objectStore('parts').getAll();
      r.onsuccess = () => resolve(r.result as unknown[]);
      r.onerror = () => reject(new Error('read failed'));
    });
    db.close();
    return values.map((v) => new TextDecoder().decode(v as Uint8Array)).join('\n');
  });
}

/**
 * The text MapLibre's attribution control shows: empty when the control is hidden as empty
 * (MapLibre keeps the last text in the hidden element, so its text alone would mislead).
 */
async function mapAttribution(page: Page): Promise<string> {
  await page.waitForFunction(() => document.querySelector('.maplibregl-ctrl-attrib-inner') !== null);
  return page.evaluate(() => {
    const control = document.querySelector('.maplibregl-ctrl-attrib');
    if (!control || control.classList.contains('maplibregl-attrib-empty')) return '';
    return control.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '';
  });
}

describe('import', () => {
  it('imports a good set: households in Indonesian CSV, boundaries, upgrading list; identifiers never stored or shown', async () => {
    expect(await households(page)).toBe(700_000);
    await expect(page.getByTestId('synthetic-notice').count()).resolves.toBe(1);
    await openImportTab(page);
    await pick(page, GOOD);
    const roles = await page.$$eval('[data-testid="import-role"]', (els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(roles).toEqual(['kelurahan', 'rw', 'households', 'upgrading']);
    const dropped = (await page.getByTestId('import-dropped').textContent()) ?? '';
    for (const h of ['nik_krt', 'nama_krt', 'no_hp']) expect(dropped).toContain(`"${h}"`);
    expect(await runImport(page)).toBe('ok');
    await waitForMap(page);
    await page.waitForFunction(() => /120 registry households/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''));
    expect(await households(page)).toBe(120);
    await expect(page.getByTestId('synthetic-notice').count()).resolves.toBe(0);
    expect(await mapAttribution(page)).not.toMatch(/sintetis|synthetic/i);
    const sources = await page.$$eval('[data-testid="import-sources"] [data-slot]', (els) => els.map((e) => e.getAttribute('data-source')));
    expect(sources).toEqual(['import', 'import', 'import', 'import', 'import', 'import']);
    await screenshot(page, 'import-good-set');

    // The identifier columns' values appear nowhere: not on the page, not in browser storage.
    const csv = readFileSync(GOOD[2]!, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    const header = csv[0]!.split(';');
    const first = csv[1]!.split(';');
    const secrets = ['nik_krt', 'nama_krt', 'no_hp'].map((h) => first[header.indexOf(h)]!);
    const html = await page.content();
    const stored = await storedText(page);
    expect(stored).toContain(first[header.indexOf('id_ruta')]!);
    for (const v of secrets) {
      expect(html).not.toContain(v);
      expect(stored).not.toContain(v);
    }
  });

  it('refuses bad files with a message and keeps the data in use', async () => {
    await pick(page, [bad('utm-metres.geojson')]);
    const fileMsg = (await page.getByTestId('import-file-messages').textContent()) ?? '';
    expect(fileMsg).toContain('projected system (e.g. UTM zone 48S, EPSG:32748)');
    await expect(page.getByTestId('import-run').isDisabled()).resolves.toBe(true);
    await page.locator('.import__remove').click();

    await pick(page, [bad('desil-out-of-range.csv')]);
    expect(await runImport(page)).toBe('failed');
    const err = (await page.getByTestId('import-error').textContent()) ?? '';
    expect(err).toContain('Nothing was imported; the previous data is still in use.');
    expect(err).toContain('column "desil": 1 value is outside 1–10, first at data row 10');
    expect(await households(page)).toBe(120);
    await page.locator('.import__remove').click();

    await pick(page, [bad('garbage.csv')]);
    expect((await page.getByTestId('import-file-messages').textContent()) ?? '').toContain('is not a text file');
    await page.locator('.import__remove').click();
    expect(await households(page)).toBe(120);
  });

  it('keeps the import across a reload', async () => {
    await page.reload();
    await waitForMap(page);
    await page.waitForFunction(() => /registry households/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''));
    expect(await households(page)).toBe(120);
    await expect(page.getByTestId('synthetic-notice').count()).resolves.toBe(0);
    await openImportTab(page);
    const sources = await page.$$eval('[data-testid="import-sources"] [data-slot]', (els) => els.map((e) => e.getAttribute('data-source')));
    expect(sources.every((s) => s === 'import')).toBe(true);
  });

  it('shows names with markup as text and runs nothing', async () => {
    await pick(page, [bad('xss-names.geojson')]);
    expect(await runImport(page)).toBe('ok');
    await waitForMap(page);
    await page.goto(`${new URL(page.url()).origin}/?lang=en&lvl=kelurahan`);
    await waitForMap(page);
    const table = page.locator('.app__table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('<img src=x onerror="window.__xss=1">Gambir');
    expect(text).toContain('<script>window.__xss=2</script>Cideng');
    expect(text).toContain('"><svg onload=window.__xss=3>');
    const injected = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
      imgs: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
      svgs: document.querySelectorAll('svg[onload]').length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
    }));
    expect(injected).toEqual({ xss: null, imgs: 0, scripts: 0, svgs: 0, bold: 0 });
    expect(dialogs).toEqual([]);
    await screenshot(page, 'import-xss-names', '.app__table');
  });

  it('goes back to the demo data in one click', async () => {
    await openImportTab(page);
    await page.getByTestId('import-reset').click();
    await page.waitForFunction(() => /700[.,]000 registry households/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    await expect(page.getByTestId('synthetic-notice').count()).resolves.toBe(1);
    expect(await mapAttribution(page)).toMatch(/sintetis|synthetic/i);
    await expect(page.getByTestId('import-reset').count()).resolves.toBe(0);
    await page.reload();
    await waitForMap(page);
    expect(await households(page)).toBe(700_000);
  });

  it('recorded no page error, console error or off-origin request', () => {
    expect(record.pageErrors).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
    expect(record.offOrigin).toEqual([]);
    expect(record.cspViolations).toEqual([]);
  });
});
