/**
 * The browser half of the benchmark: builds the app once, serves it with `vite preview` over a
 * data folder, and drives headless Chromium through page loads, a full aggregation in the app's
 * own DuckDB worker, filter changes and indicator switches.
 *
 * The worker is reached without any hook in the app: Playwright evaluates a probe in the worker's
 * global scope that feeds synthetic `message` events to the engine (worker.ts serves every message
 * event of `self`) and intercepts the answers to its own ids. The page gets an init script that
 * time-stamps every `data-render-state` / `data-app-state` change.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { chromium, type Browser, type Page, type Worker } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium as the e2e harness does (software WebGL2), with precise heap sizes. */
export function launchChromium(): Promise<Browser> {
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
      '--enable-precise-memory-info',
    ],
  });
}

/** Builds the app into `outDir` (vite build with the project config). */
export async function buildApp(outDir: string): Promise<void> {
  await build({ build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
}

const COMPRESSIBLE = new Set(['.json', '.geojson', '.csv']);

/**
 * Replaces the build's demo data with the files of `dataDir`, with fresh `.br`/`.gz` siblings for
 * text files (the build precompressed the default data; stale siblings would be served instead).
 */
export function installData(outDir: string, dataDir: string): void {
  const target = join(outDir, 'data/demo');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(dataDir)) {
    const from = join(dataDir, name);
    const to = join(target, name);
    copyFileSync(from, to);
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const bytes = readFileSync(from);
    if (bytes.length < 1024) continue;
    writeFileSync(`${to}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${to}.br`,
      brotliCompressSync(bytes, {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_LGWIN]: 24 },
      }),
    );
  }
}

/** Serves `outDir` on a free loopback port; returns the server and its URL. */
export async function serve(outDir: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    build: { outDir: resolve(outDir) },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { server, url };
}

/** Timings of one page load, ms since navigation start. */
export interface LoadTimings {
  readonly firstMapMs: number;
  readonly dataReadyMs: number;
  /** `sasaran:<name>` performance marks (db-open, boundaries, households, tables, cube). */
  readonly marks: Record<string, number>;
  /** Load phases in the worker, ms since navigation start (decode, stage, validate, commit, done). */
  readonly loadPhases: Record<string, number>;
}

/** One interaction: wall time to the recoloured map, and worker time of the map's query. */
export interface InteractionTiming {
  readonly totalMs: number;
  readonly queryMs: number;
  readonly queries: number;
}

/** Memory after load. */
export interface MemoryUse {
  /** Main-thread JS heap in use, MB. */
  readonly heapMb: number;
  /** DuckDB's own memory (tables, buffers), MB. */
  readonly duckdbMb: number;
  /** Resident memory of the page's renderer process (JS heaps, the worker's wasm memory), MB. */
  readonly rendererRssMb: number | null;
}

interface ProbeLog {
  readonly t: number;
  readonly kind: 'request' | 'ok' | 'error' | 'progress';
  readonly type: string;
  readonly elapsedMs?: number;
  readonly id?: number;
  /** Start of the SQL of a request. */
  readonly sql?: string;
  /** The request is the map's indicator query. */
  readonly map?: boolean;
}

/** The probe's log of the worker's traffic (times are epoch ms). */
async function probeLog(worker: Worker): Promise<ProbeLog[]> {
  return await worker.evaluate<ProbeLog[]>('self.__bench.log.slice(-500)');
}

/**
 * The worker probe, as plain JS source: Playwright serialises functions by their text, and tsx's
 * transpiled functions call a helper (`__name`) that does not exist in the worker.
 */
const PROBE_JS = `(() => {
  if (self.__bench) return;
  const log = [];
  const waiting = new Map();
  const now = () => performance.timeOrigin + performance.now();
  const post = self.postMessage.bind(self);
  self.postMessage = (m, transfer) => {
    const done = waiting.get(m.id);
    if (done) {
      if (m.type !== 'progress') { waiting.delete(m.id); done({ ok: m.type === 'ok', data: m.data }); }
      return;
    }
    const entry = { t: now(), kind: m.type, id: m.id, type: m.type === 'progress' ? String(m.data.phase) : (m.request || 'error') };
    if (m.type === 'ok' && typeof m.data.elapsedMs === 'number') entry.elapsedMs = m.data.elapsedMs;
    log.push(entry);
    post(m, transfer || []);
  };
  self.addEventListener('message', (e) => {
    const m = e.data;
    if (m && typeof m.id === 'number' && m.id < 1e9) {
      const sql = m.data && typeof m.data.sql === 'string' ? m.data.sql : '';
      // The map's indicator query (buildIndicatorQuery) is the one that names areas with their parent.
      log.push({ t: now(), kind: 'request', type: String(m.type), id: m.id, sql: sql.slice(0, 300), map: sql.includes('n.parent_code') });
    }
  });
  let nextId = 1e9;
  self.__bench = {
    log,
    run: (type, data) => new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      self.dispatchEvent(new MessageEvent('message', { data: { id, type, data } }));
    }),
  };
})()`;

/** Installs the probe in the DuckDB worker (idempotent); see the module comment. */
async function installProbe(worker: Worker): Promise<void> {
  await worker.evaluate(PROBE_JS);
}

/** Finds the app's DuckDB worker (named `sasaran-duckdb`) and probes it. */
async function duckdbWorker(page: Page, timeoutMs = 60_000): Promise<Worker> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const w of page.workers()) {
      const name = await w.evaluate('self.name').catch(() => '');
      if (name === 'sasaran-duckdb') {
        await installProbe(w);
        return w;
      }
    }
    await page.waitForTimeout(5);
  }
  throw new Error('the DuckDB worker did not start');
}

/** Page init script: records attribute changes of the render and app state with timestamps. */
const RECORD_STATES_JS = `(() => {
  const events = [];
  window.__benchEvents = events;
  // A record carries the value before the change; the value after is the next record's old value.
  new MutationObserver((list) => {
    const t = performance.now();
    list.forEach((m, i) => {
      const next = list.slice(i + 1).find((n) => n.target === m.target && n.attributeName === m.attributeName);
      events.push({ t, name: m.attributeName, value: next ? next.oldValue : m.target.getAttribute(m.attributeName) });
    });
  }).observe(document, { attributes: true, attributeOldValue: true, subtree: true, attributeFilter: ['data-render-state', 'data-app-state'] });
})()`;

type StateEvent = { t: number; name: string; value: string | null };

async function stateEvents(page: Page): Promise<StateEvent[]> {
  return await page.evaluate<StateEvent[]>('window.__benchEvents.slice()');
}

/** An open app page with its probed DuckDB worker. */
export interface AppPage {
  readonly page: Page;
  readonly worker: Worker;
  readonly load: LoadTimings;
  close(): Promise<void>;
}

/** Opens the app at `query`, waits for data and the drawn map, and returns the load timings. */
export async function openAppPage(browser: Browser, url: string, query: string, timeoutMs = 300_000): Promise<AppPage> {
  // Service workers are blocked: the offline precache would download in the background and skew timings.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(RECORD_STATES_JS);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const navigation = page.goto(`${url}${query}`);
  const worker = await duckdbWorker(page);
  await navigation;
  await page.waitForSelector('[data-app-state="ready"]', { timeout: timeoutMs });
  await page.waitForSelector('[data-render-state="idle"]', { timeout: timeoutMs });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  const marks = await page.evaluate<Record<string, number>>(
    "Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sasaran:')).map((m) => [m.name.slice(8), m.startTime]))",
  );
  const events = await stateEvents(page);
  const idleTimes = events.filter((e) => e.name === 'data-render-state' && e.value === 'idle').map((e) => e.t);
  const ready = events.find((e) => e.name === 'data-app-state' && e.value === 'ready')?.t ?? Number.NaN;
  const boundaries = marks['boundaries'] ?? 0;
  // The first deck.gl frame with the boundaries (the app marks it); the first idle map after the
  // boundaries are parsed for a build without that mark.
  const firstMapMs = marks['map-drawn'] ?? idleTimes.find((t) => t >= boundaries) ?? Number.NaN;
  const dataReadyMs = idleTimes.find((t) => t >= ready) ?? Number.NaN;
  const pageOrigin = await page.evaluate<number>('performance.timeOrigin');
  const log = await probeLog(worker);
  const loadPhases: Record<string, number> = {};
  for (const e of log) {
    if (e.kind === 'progress' && e.type !== 'instantiate' && loadPhases[e.type] === undefined) loadPhases[e.type] = e.t - pageOrigin;
    if (e.kind === 'ok' && e.type === 'loadTable' && loadPhases['loaded'] === undefined) loadPhases['loaded'] = e.t - pageOrigin;
  }
  return {
    page,
    worker,
    load: { firstMapMs, dataReadyMs, marks, loadPhases },
    close: () => context.close(),
  };
}

/** Runs SQL in the app's worker through the probe; returns the worker's elapsed time and the Arrow IPC bytes. */
export async function workerQuery(app: AppPage, sql: string): Promise<{ elapsedMs: number; ipc: Uint8Array }> {
  const r = await app.worker.evaluate<{ error: string | null; elapsedMs: number; b64: string }>(`(async (q) => {
    const res = await self.__bench.run('query', { sql: q });
    if (!res.ok) return { error: JSON.stringify(res.data), elapsedMs: 0, b64: '' };
    let s = '';
    for (let i = 0; i < res.data.ipc.length; i += 0x8000) s += String.fromCharCode(...res.data.ipc.subarray(i, i + 0x8000));
    return { error: null, elapsedMs: res.data.elapsedMs, b64: btoa(s) };
  })(${JSON.stringify(sql)})`);
  if (r.error) throw new Error(`worker query failed: ${r.error}`);
  return { elapsedMs: r.elapsedMs, ipc: new Uint8Array(Buffer.from(r.b64, 'base64')) };
}

/**
 * Changes URL parameters the way back/forward does (pushState + popstate), waits for the worker to
 * answer the map's indicator query, then for the map to settle (`data-render-state` set to idle)
 * after that answer. Returns that wall time and the query's worker time.
 */
export async function interact(app: AppPage, params: Record<string, string | null>, timeoutMs = 30_000): Promise<InteractionTiming> {
  await app.page.waitForSelector('[data-render-state="idle"]', { timeout: timeoutMs });
  const t0 = await app.page.evaluate<number>(`(() => {
    const url = new URL(location.href);
    for (const [k, v] of Object.entries(${JSON.stringify(params)})) {
      if (v === null) url.searchParams.delete(k);
      else url.searchParams.set(k, v);
    }
    const t0 = performance.timeOrigin + performance.now();
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
    return t0;
  })()`);
  const deadline = Date.now() + timeoutMs;
  let answer: ProbeLog | undefined;
  while (answer === undefined) {
    const since = (await probeLog(app.worker)).filter((e) => e.t >= t0);
    const mapIds = new Set(since.filter((e) => e.kind === 'request' && e.map).map((e) => e.id));
    answer = since.find((e) => e.kind === 'ok' && mapIds.has(e.id));
    if (answer) break;
    if (Date.now() > deadline) throw new Error(`no map query answered within ${timeoutMs} ms after ${JSON.stringify(params)}`);
    await app.page.waitForTimeout(2);
  }
  for (;;) {
    const found = await app.page.evaluate<number | null>(`(() => {
      const e = window.__benchEvents.find((e) => e.name === 'data-render-state' && e.value === 'idle' && performance.timeOrigin + e.t > ${answer.t});
      return e ? performance.timeOrigin + e.t : null;
    })()`);
    if (found !== null) return { totalMs: found - t0, queryMs: answer.elapsedMs ?? Number.NaN, queries: 1 };
    if (Date.now() > deadline) throw new Error(`the map did not settle within ${timeoutMs} ms after ${JSON.stringify(params)}`);
    await app.page.waitForTimeout(2);
  }
}

/** Resident memory (MB) of the largest Chromium renderer process under `pid` (Linux `ps`). */
function rendererRssMb(pid: number): number | null {
  if (!existsSync('/proc')) return null;
  try {
    const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
    const procs = out
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .map(([p, pp, rss, ...args]) => ({ pid: Number(p), ppid: Number(pp), rss: Number(rss), args: args.join(' ') }));
    const tree = new Set([pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of procs) {
        if (!tree.has(p.pid) && tree.has(p.ppid)) {
          tree.add(p.pid);
          grew = true;
        }
      }
    }
    const renderers = procs.filter((p) => tree.has(p.pid) && p.args.includes('--type=renderer'));
    return renderers.length > 0 ? Math.max(...renderers.map((p) => p.rss)) / 1024 : null;
  } catch {
    return null;
  }
}

/** Memory of the page after load; renderers are looked up among the descendants of `rootPid`. */
export async function memoryUse(app: AppPage, rootPid: number): Promise<MemoryUse> {
  const heap = await app.page.evaluate<number>('performance.memory ? performance.memory.usedJSHeapSize : NaN');
  const mem = await workerQuery(app, 'SELECT sum(memory_usage_bytes)::DOUBLE AS b FROM duckdb_memory()');
  const bytes = Number(tableFromIPC(mem.ipc).get(0)?.['b'] ?? Number.NaN);
  return { heapMb: heap / 2 ** 20, duckdbMb: bytes / 2 ** 20, rendererRssMb: rendererRssMb(rootPid) };
}
