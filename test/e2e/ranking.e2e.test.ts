/**
 * The ranking tab in real Chromium against the built app and the demo data: the table equals the
 * ranking SQL on native DuckDB; the downloaded CSV (Excel Indonesia), XLSX and GeoJSON files hold
 * exactly the rows and cells of that SQL; row and map selection follow each other; top N.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/universal';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDataDir, openNative, rows } from '../../scripts/lib/native-db';
import { DEFAULT_PERIOD_ID, povertyPeriod } from '../../src/db/contracts';
import { activeComponents, buildRankingQuery } from '../../src/query/priority';
import { literal } from '../../src/query/sql';
import { DEFAULT_RANKING, prioritySpec, shownColumns } from '../../src/state/use-ranking';
import { ARTIFACTS, launchBrowser, openApp, screenshot, waitForMap, type PageRecord } from './harness';

let browser: Browser;
let context: BrowserContext;
let native: DuckDBConnection;
let sqlRows: Record<string, unknown>[];
const records: PageRecord[] = [];

const columns = shownColumns(DEFAULT_RANKING);
const components = activeComponents(prioritySpec(DEFAULT_RANKING));

beforeAll(async () => {
  browser = await launchBrowser();
  native = await openNative();
  const p = povertyPeriod(DEFAULT_PERIOD_ID);
  await loadDataDir(native, 'data/demo', { povertyLine: p.povertyLine, extremeLine: p.extremeLine });
  sqlRows = await rows(
    native,
    buildRankingQuery({ level: 'rw', columns, filters: { areas: [], kumuh: [], ktp: 'all' }, minCell: 10, priority: prioritySpec(DEFAULT_RANKING) }),
  );
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

async function openRanking(query: string): Promise<Page> {
  context = await browser.newContext({ acceptDownloads: true });
  const { page, record } = await openApp(context, query);
  records.push(record);
  await waitForMap(page);
  await page.getByTestId('tab-ranking').click();
  await page.waitForSelector('[data-testid="ranking-table"][data-loading="false"] [data-testid="ranking-row"]', { timeout: 60_000 });
  return page;
}

async function download(page: Page, testId: string): Promise<{ d: Download; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, d.suggestedFilename());
  await d.saveAs(path);
  return { d, path };
}

/** Export columns in the order the app writes them (see export-model.ts). */
const KEYS = [
  ...['kota', 'kecamatan', 'kelurahan', 'rw'].flatMap((l) => [`${l}_code`, `${l}_name`]),
  'priority_rank',
  'priority_tied',
  'priority_index',
  'priority_components',
  ...columns.flatMap((c) => [c, `${c}__suppressed`]),
  ...components.map((c) => `${c.id}__score`),
];

/** Cells equal: numbers to 1e-9 relative (WASM and native DuckDB may sum doubles in another order), the rest exactly. */
function expectSameRows(got: Record<string, unknown>[], what: string): void {
  expect(got.length, what).toBe(sqlRows.length);
  got.forEach((g, i) => {
    const w = sqlRows[i]!;
    for (const k of KEYS) {
      const a = g[k] ?? null;
      const b = w[k] ?? null;
      if (typeof b === 'number' && typeof a === 'number') {
        expect(Math.abs(a - b), `${what} row ${i} ${k}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
      } else {
        expect(a, `${what} row ${i} ${k}`).toEqual(b);
      }
    }
  });
}

describe('ranking tab', () => {
  it('shows the SQL ranking; the downloaded CSV (Excel Indonesia), XLSX and GeoJSON equal the SQL', async () => {
    const page = await openRanking('?lvl=rw');
    const shown = await page.$$eval('[data-testid="ranking-row"]', (els) => els.map((e) => e.getAttribute('data-code')));
    expect(shown).toEqual(sqlRows.slice(0, 50).map((r) => r.rw_code));
    const firstRank = await page.locator('[data-testid="ranking-rank"]').first().textContent();
    expect(firstRank).toBe('1');
    await expect(page.getByTestId('ranking-formula').textContent()).resolves.toContain('I = (40·s₁ + 30·s₂ + 15·s₃ + 15·s₄)');
    // Top 10 by rank (ties at 10 included) are highlighted on the map.
    const top = sqlRows.filter((r) => typeof r.priority_rank === 'number' && r.priority_rank <= 10).length;
    await expect(page.locator('.ranking__tr--top').count()).resolves.toBe(top);
    await expect(page.getByText(`${top} wilayah disorot`).count()).resolves.toBe(1);
    await page.waitForSelector('[data-render-state="idle"]');
    await screenshot(page, 'ranking-tab');
    await screenshot(page, 'ranking-controls', '.ranking__index');
    await screenshot(page, 'ranking-table', '[data-testid="ranking-table"]');

    const csv = await download(page, 'ranking-export-csv-excel-id');
    expect(csv.d.suggestedFilename()).toMatch(/^sasaran_rw_dki-jakarta_indeks-prioritas_\d{4}-\d{2}-\d{2}_excel-id\.csv$/);
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe(`\uFEFF${KEYS.join(';')}`);
    const types = KEYS.map((k) => {
      const t = k.endsWith('_code') || k.endsWith('_name') ? 'VARCHAR' : k.endsWith('__suppressed') || k === 'priority_tied' ? 'BOOLEAN' : 'DOUBLE';
      return `${literal(k)}: '${t}'`;
    });
    const fromCsv = await rows(
      native,
      `SELECT * FROM read_csv(${literal(csv.path)}, header = true, delim = ';', decimal_separator = ',', quote = '"', escape = '"', columns = {${types.join(', ')}})`,
    );
    expectSameRows(fromCsv, 'csv');
    // Suppressed values are empty with a flag.
    const sup = fromCsv.find((r) => r.extreme_poor_households__suppressed === true)!;
    expect(sup.extreme_poor_households).toBeNull();

    const xlsx = await download(page, 'ranking-export-xlsx');
    expect(xlsx.d.suggestedFilename()).toMatch(/^sasaran_rw_dki-jakarta_indeks-prioritas_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await readXlsxFile(new Blob([readFileSync(xlsx.path)]));
    const [head, ...body] = sheets[0]!.data;
    expect(head).toEqual(KEYS);
    expectSameRows(
      body.map((row) => Object.fromEntries(KEYS.map((k, j) => [k, row[j] ?? null]))),
      'xlsx',
    );
    const meta = sheets[1]!.data;
    expect(meta.find((r) => String(r[0]).startsWith('Data sintetis'))?.[1]).toBe(true);
    expect(meta.find((r) => String(r[0]).startsWith('Ukuran sel minimum'))?.[1]).toBe(10);

    const geo = await download(page, 'ranking-export-geojson');
    expect(geo.d.suggestedFilename()).toMatch(/^sasaran_rw_dki-jakarta_indeks-prioritas_\d{4}-\d{2}-\d{2}\.geojson$/);
    const fc = JSON.parse(readFileSync(geo.path, 'utf8')) as {
      type: string;
      features: { type: string; id: string; geometry: { type: string } | null; properties: Record<string, unknown> }[];
      metadata: { synthetic: boolean };
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.metadata.synthetic).toBe(true);
    expect(fc.features.every((f) => f.type === 'Feature' && f.geometry !== null && /Polygon$/.test(f.geometry.type))).toBe(true);
    expect(fc.features.map((f) => f.id)).toEqual(sqlRows.map((r) => r.rw_code));
    expectSameRows(fc.features.map((f) => f.properties), 'geojson');
  });

  it('a row selects the area on the map, and the map selection marks and pages to its row', async () => {
    const pick = sqlRows[3]!.rw_code as string;
    const page = await openRanking('?lvl=rw');
    await page.locator(`[data-testid="ranking-row"][data-code="${pick}"]`).click();
    await page.waitForFunction((code) => new URL(location.href).searchParams.get('sel') === code, pick);
    await expect(page.locator(`[data-testid="ranking-row"][data-code="${pick}"]`).getAttribute('aria-selected')).resolves.toBe('true');

    // A selection far down the list (from the URL, as a map click sets it) pages the table to it.
    const far = sqlRows[1234]!.rw_code as string;
    await context.close();
    const page2 = await openRanking(`?lvl=rw&sel=${far}`);
    const row = page2.locator(`[data-testid="ranking-row"][data-code="${far}"]`);
    await row.waitFor();
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page2.locator('.ranking__pager span').textContent()).resolves.toBe(`Halaman ${Math.floor(1234 / 50) + 1} dari ${Math.ceil(sqlRows.length / 50)}`);
  });
  it('keeps the tab and the index in the URL: a copied link opens the same ranking', async () => {
    const page = await openRanking('?lvl=rw');
    await page.getByTestId('ranking-norm-zscore').check();
    await page.getByTestId('ranking-topn').fill('5');
    await page.waitForFunction(() => {
      const p = new URL(location.href).searchParams;
      return p.get('tab') === 'ranking' && p.get('rno') === 'zscore' && p.get('rt') === '5' && p.get('lvl') === 'rw';
    });
    const link = new URL(page.url()).search;
    await context.close();

    context = await browser.newContext();
    const { page: copy, record } = await openApp(context, link);
    records.push(record);
    await waitForMap(copy);
    // No click on the tab: the link opens it.
    await copy.waitForSelector('[data-testid="ranking-table"][data-loading="false"] [data-testid="ranking-row"]', { timeout: 60_000 });
    await expect(copy.getByTestId('ranking-norm-zscore').isChecked()).resolves.toBe(true);
    const settings = { ...DEFAULT_RANKING, normalisation: 'zscore' as const, topN: 5 };
    const expected = await rows(
      native,
      buildRankingQuery({ level: 'rw', columns, filters: { areas: [], kumuh: [], ktp: 'all' }, minCell: 10, priority: prioritySpec(settings) }),
    );
    expect(expected.map((r) => r.rw_code)).not.toEqual(sqlRows.map((r) => r.rw_code));
    const shown = await copy.$$eval('[data-testid="ranking-row"]', (els) => els.map((e) => e.getAttribute('data-code')));
    expect(shown).toEqual(expected.slice(0, 50).map((r) => r.rw_code));
    const top = expected.filter((r) => typeof r.priority_rank === 'number' && r.priority_rank <= 5).length;
    await expect(copy.locator('.ranking__tr--top').count()).resolves.toBe(top);
  });
});
