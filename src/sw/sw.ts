/**
 * Sasaran's service worker (built to `/sw.js`): after one visit the app, its workers, the DuckDB
 * and parquet WebAssembly and the demo data are in one versioned cache, and the app opens with the
 * network off. The build plugin (src/sw/build-plugin.ts) prepends the precache manifest as
 * `__SASARAN_PRECACHE__`, so each build's sw.js differs byte-wise and the browser installs it.
 *
 * Update policy: a new version precaches everything it needs, then takes over at once
 * (`skipWaiting` + `clients.claim`) and deletes the old caches; the page reloads on
 * `controllerchange` (register.ts). A reload is safe because the whole view lives in the URL
 * and the app edits nothing, and it keeps a tab from running old code against deleted files.
 */
import {
  cacheName,
  filesToCache,
  staleCaches,
  supportsWasmExceptions,
  type PrecacheManifest,
} from './precache';

declare const __SASARAN_PRECACHE__: PrecacheManifest;

const sw = self as unknown as ServiceWorkerGlobalScope;
const manifest = __SASARAN_PRECACHE__;
const CACHE = cacheName(manifest.version);
const scope = new URL(sw.registration.scope);
const INDEX = new URL('index.html', scope).href;

/** Every URL this version serves from its cache: the files and both DuckDB binaries. */
const known = new Set(
  [...manifest.files, ...(manifest.duckdb ? [manifest.duckdb.eh, manifest.duckdb.mvp] : [])].map(
    (f) => new URL(f, scope).href,
  ),
);

/** Hashed files never change under their name; anything else must be revalidated on install. */
function request(href: string): Request {
  const hashed = new URL(href).pathname.startsWith(`${scope.pathname}assets/`);
  return new Request(href, { cache: hashed ? 'default' : 'no-cache', credentials: 'same-origin' });
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const hrefs = filesToCache(manifest, supportsWasmExceptions()).map(
        (f) => new URL(f, scope).href,
      );
      await cache.addAll(hrefs.map(request));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(
        staleCaches(await caches.keys(), manifest.version).map((k) => caches.delete(k)),
      );
      await sw.clients.claim();
    })(),
  );
});

async function cacheFirst(req: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreVary: true });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && res.type === 'basic' && key !== INDEX) await cache.put(key, res.clone());
  return res;
}

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== scope.origin) return;
  if (req.mode === 'navigate' && url.pathname.startsWith(scope.pathname)) {
    // Every navigation gets this version's app shell; the query string is the view state.
    event.respondWith(cacheFirst(req, INDEX));
    return;
  }
  url.search = '';
  url.hash = '';
  if (known.has(url.href)) event.respondWith(cacheFirst(req, url.href));
});
