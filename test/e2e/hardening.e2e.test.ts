/**
 * Hardening in real Chromium against the built app (issue 9): the preview server's security
 * headers and compressed wasm, the app running under the strict CSP with no violation in the page
 * or its workers (collected by the server's report sink) and nothing requested off its origin,
 * DuckDB refusing the network from inside the browser, and the service worker: the app opens with
 * the server gone and the network off, and a new version replaces the old cleanly.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrecacheManifest } from '../../src/sw/precache';
import { CSP_REPORT_PATH } from '../../src/sw/build-plugin';
import {
  baseUrl,
  launchBrowser,
  openApp,
  screenshot,
  shareOfColours,
  waitForMap,
  type PageRecord,
} from './harness';

const DIST = process.env.SASARAN_DIST ?? 'dist';

let browser: Browser;
const contexts: BrowserContext[] = [];
const records: PageRecord[] = [];
/** Requests of every context, service workers included, that left the app's origin. */
const offOrigin: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const r of records.splice(0)) {
    expect(r.pageErrors, 'page errors').toEqual([]);
    expect(
      r.consoleErrors.filter((e) => !e.includes(CANARY)),
      'console errors',
    ).toEqual([]);
    expect(r.offOrigin, 'page requests off the origin').toEqual([]);
    expect(
      r.cspViolations.filter((v) => !v.includes(CANARY)),
      'securitypolicyviolation events',
    ).toEqual([]);
  }
  expect(offOrigin.splice(0), 'context requests off the origin (service worker included)').toEqual(
    [],
  );
  for (const c of contexts.splice(0)) await c.close();
});

async function newContext(base: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const origin = new URL(base).origin;
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      offOrigin.push(url);
  });
  contexts.push(context);
  return context;
}

async function open(base: string, query = ''): Promise<{ page: Page; context: BrowserContext }> {
  const context = await newContext(base);
  const { page, record } = await openApp(context, query, base);
  records.push(record);
  await waitForMap(page);
  return { page, context };
}

/** A raw GET (no decoding): status, headers and the bytes as sent. */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string>; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers as Record<string, string>,
          bytes,
        }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

/** The marker in the URL of a deliberate violation that shows the report pipeline is flushed. */
const CANARY = 'csp-canary';

/**
 * CSP reports the server received, except the canary: first makes the page violate `frame-src`
 * on purpose and waits for that report, so every earlier report has arrived too.
 */
async function reportsAfterCanary(page: Page, base: string): Promise<unknown[]> {
  const tag = `${CANARY}-${records.length}-${Date.now()}`;
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
  }, `/favicon.svg?${tag}`);
  let reports: unknown[] = [];
  for (let i = 0; i < 200; i++) {
    reports = (await (await fetch(`${base}${CSP_REPORT_PATH.slice(1)}`)).json()) as unknown[];
    if (JSON.stringify(reports).includes(tag)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(JSON.stringify(reports), 'the canary violation was reported').toContain(tag);
  return reports.filter((r) => !JSON.stringify(r).includes(CANARY));
}

describe('headers', () => {
  it('sends the strict CSP and the isolation headers on every response, and no CORS', async () => {
    const assets = await readdir(join(DIST, 'assets'));
    const paths = [
      '',
      '?lvl=rw',
      'sw.js',
      'data/demo/rw.geojson',
      'data/demo/households.parquet',
      `assets/${assets.find((f) => f.endsWith('.wasm'))}`,
      'no-such-file.txt',
    ];
    for (const path of paths) {
      const res = await get(`${baseUrl()}${path}`, {
        'accept-encoding': 'br, gzip',
        origin: 'https://elsewhere.example',
      });
      const d = directives(res.headers['content-security-policy'] ?? '');
      expect(d.get('script-src'), path).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(d.get('worker-src'), path).toEqual(["'self'"]);
      expect(d.get('connect-src')?.[0], path).toBe("'self'");
      expect(d.get('object-src'), path).toEqual(["'none'"]);
      expect(d.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(d.get('base-uri'), path).toEqual(["'self'"]);
      expect(d.get('form-action'), path).toEqual(["'none'"]);
      expect(res.headers['content-security-policy'], path).not.toMatch(
        /'unsafe-eval'|'unsafe-inline'|blob:/,
      );
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], path).toBe('same-origin');
      expect(res.headers['permissions-policy'], path).toMatch(/camera=\(\)/);
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined();
    }
  });

  it('serves the WebAssembly as application/wasm, brotli- or gzip-compressed', async () => {
    const assets = await readdir(join(DIST, 'assets'));
    for (const name of assets.filter((f) => f.endsWith('.wasm'))) {
      const raw = (await readFile(join(DIST, 'assets', name))).length;
      for (const [accept, encoding, ratio] of [
        ['br', 'br', 0.32],
        ['gzip', 'gzip', 0.36],
      ] as const) {
        const res = await get(`${baseUrl()}assets/${name}`, { 'accept-encoding': accept });
        expect(res.status).toBe(200);
        expect(res.headers['content-type'], name).toBe('application/wasm');
        expect(res.headers['content-encoding'], name).toBe(encoding);
        expect(res.bytes / raw, `${name} ${encoding}: ${res.bytes} of ${raw} bytes`).toBeLessThan(
          ratio,
        );
      }
    }
  });

  it('ships scripts without eval or the Function constructor', async () => {
    const scripts = (await readdir(join(DIST, 'assets'))).filter((f) => /\.m?js$/.test(f));
    scripts.push('../sw.js');
    for (const f of scripts) {
      const code = await readFile(join(DIST, 'assets', f), 'utf8');
      expect(code.match(/(?<![\w$.`'"])(eval|Function)\(/g), f).toBeNull();
    }
  });
});

describe('the app under the CSP', () => {
  it('loads, draws and drills down with no violation in the page or its workers and nothing off origin', async () => {
    const { page } = await open(baseUrl(), '?lvl=kota&ind=poverty_rate');
    // One drill-down: new queries in the DuckDB worker, new tiles of work for MapLibre's worker.
    const box = (await page.locator('.app__map canvas').first().boundingBox())!;
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('in') !== null);
    await waitForMap(page);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('indicator-select').selectOption('kb_coverage');
    await waitForMap(page);
    expect(
      await reportsAfterCanary(page, baseUrl()),
      'CSP reports (page, workers, service worker)',
    ).toEqual([]);
  });
});

interface WorkerAnswer {
  readonly type: string;
  readonly code: string | null;
  readonly message: string | null;
}

describe('DuckDB in the browser cannot reach the network', () => {
  it('refuses a remote read even of a same-origin URL the CSP allows, and cannot be unlocked', async () => {
    const { page, context } = await open(baseUrl(), '?lvl=kota');
    // The built DuckDB worker is the asset carrying the lockdown settings.
    const names = (await readdir(join(DIST, 'assets'))).filter((f) => f.endsWith('.js'));
    const texts = await Promise.all(names.map((f) => readFile(join(DIST, 'assets', f), 'utf8')));
    const worker = names.find((_, i) => texts[i]!.includes('enable_external_access'));
    expect(worker).toBeDefined();
    const csv = `${baseUrl()}data/demo/settlement_upgrading.csv`;
    const requested: string[] = [];
    context.on('request', (req) => requested.push(req.url()));
    // Each step with what DuckDB must answer (INSTALL is a no-op in DuckDB-WASM; LOAD is the gate).
    const steps: [string, string, RegExp][] = [
      [
        'query',
        `SELECT count(*) FROM read_csv('${csv}')`,
        /file system operations are disabled by configuration/,
      ],
      [
        'query',
        `SELECT count(*) FROM read_csv('https://example.org/households.csv')`,
        /disabled by configuration/,
      ],
      [
        'query',
        `SELECT * FROM read_parquet('https://example.org/households.parquet')`,
        /not in the catalog/,
      ],
      ['exec', 'SET enable_external_access = true', /configuration has been locked/],
      ['exec', 'SET autoload_known_extensions = true', /configuration has been locked/],
      ['exec', 'LOAD httpfs', /Loading external extensions is disabled/],
      ['exec', `LOAD 'https://example.org/httpfs.duckdb_extension.wasm'`, /disabled/],
    ];
    const answers = await page.evaluate(
      async ({ url, steps }) => {
        const w = new Worker(url, { type: 'module' });
        let next = 0;
        const call = (type: string, data: unknown) =>
          new Promise<{ type: string; data?: { code?: string; message?: string } }>((resolve) => {
            const id = ++next;
            const on = (
              e: MessageEvent<{
                id: number;
                type: string;
                data?: { code?: string; message?: string };
              }>,
            ) => {
              if (e.data.id !== id || e.data.type === 'progress') return;
              w.removeEventListener('message', on);
              resolve(e.data);
            };
            w.addEventListener('message', on);
            w.postMessage({ id, type, data });
          });
        const out = [await call('open', {}), await call('query', { sql: 'SELECT 42 AS answer' })];
        for (const [type, sql] of steps) out.push(await call(type, { sql }));
        w.terminate();
        return out.map((a) => ({
          type: a.type,
          code: a.data?.code ?? null,
          message: a.data?.message ?? null,
        }));
      },
      { url: `/assets/${worker}`, steps: steps.map(([type, sql]) => [type, sql] as const) },
    );
    const [opened, control, ...refused] = answers as WorkerAnswer[];
    expect(opened?.type).toBe('ok');
    expect(control?.type).toBe('ok');
    expect(refused).toHaveLength(steps.length);
    for (const [i, [, sql, why]] of steps.entries()) {
      expect(refused[i]?.type, sql).toBe('error');
      expect(refused[i]?.code, sql).toBe('sql_error');
      expect(refused[i]?.message, sql).toMatch(why);
    }
    expect(
      requested.filter((u) => u.includes('settlement_upgrading') || u.includes('example.org')),
    ).toEqual([]);
  });
});

describe('offline', () => {
  let dir = '';
  let server: PreviewServer | undefined;
  let port = 0;
  let base = '';

  async function start(): Promise<void> {
    server = await preview({
      root: process.cwd(),
      build: { outDir: dir },
      preview: { host: '127.0.0.1', port, strictPort: port !== 0 },
      logLevel: 'warn',
    });
    base = server.resolvedUrls?.local[0] ?? '';
    port = Number(new URL(base).port);
  }

  beforeAll(async () => {
    // A private copy on a private origin: the server can be stopped and sw.js changed freely.
    dir = await mkdtemp(join(tmpdir(), 'sasaran-offline-'));
    await cp(DIST, dir, { recursive: true });
    await start();
  });

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function manifest(): Promise<PrecacheManifest> {
    const head = (await readFile(join(dir, 'sw.js'), 'utf8')).split('\n')[0] ?? '';
    return JSON.parse(
      head.replace(/^var __SASARAN_PRECACHE__ = /, '').replace(/;$/, ''),
    ) as PrecacheManifest;
  }

  async function cached(page: Page): Promise<{ keys: string[]; urls: string[] }> {
    return page.evaluate(async () => {
      const keys = await caches.keys();
      const urls: string[] = [];
      for (const k of keys)
        for (const r of await (await caches.open(k)).keys()) urls.push(new URL(r.url).pathname);
      return { keys, urls: urls.sort() };
    });
  }

  it('after one visit, opens with the server gone and the network off, and draws the map', async () => {
    const m = await manifest();
    const { page, context } = await open(base, '?lvl=rw&ind=poverty_rate&k=5');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 120_000,
    });
    const before = await cached(page);
    expect(before.keys).toEqual([`sasaran-${m.version}`]);
    expect(before.urls).toEqual([...m.files, m.duckdb!.eh].map((f) => `/${f}`).sort());

    await server!.close();
    server = undefined;
    await context.setOffline(true);
    await page.reload();
    await waitForMap(page);
    const map = await screenshot(page, 'hardening-offline', '.app__map');
    const colours = await page.$$eval('.legend-class .legend-swatch', (els) =>
      els.map(
        (el) =>
          (getComputedStyle(el).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).map(Number) as [
            number,
            number,
            number,
          ],
      ),
    );
    expect(colours).toHaveLength(5);
    expect(shareOfColours(map, colours, 2)).toBeGreaterThan(0.2);
    await context.setOffline(false);
    await start();
  });

  it('replaces the old version cleanly: new cache only, and the open page reloads into it', async () => {
    const m = await manifest();
    const { page } = await open(base, '?lvl=kota');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 120_000,
    });
    expect((await cached(page)).keys).toEqual([`sasaran-${m.version}`]);

    // A new deployment: a byte-different sw.js with a new version.
    const next = `${m.version}-next`;
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    await writeFile(
      join(dir, 'sw.js'),
      sw.replace(`"version":"${m.version}"`, `"version":"${next}"`),
    );
    await rm(join(dir, 'sw.js.br'), { force: true });
    await rm(join(dir, 'sw.js.gz'), { force: true });

    await page.evaluate(
      () => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true),
    );
    const reloaded = page.waitForEvent('framenavigated', { timeout: 120_000 });
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await reloaded;
    await waitForMap(page);
    expect(
      await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate),
    ).toBeUndefined();
    const after = await cached(page);
    expect(after.keys).toEqual([`sasaran-${next}`]);
    expect(after.urls).toContain('/index.html');
  });
});
