/**
 * Registers the offline service worker (production builds only) and reloads the page once when a
 * new version takes control, so a tab never keeps running code whose files were just deleted.
 */

/** URL of the built service worker, at the root of the app's base path. */
export const SERVICE_WORKER_URL = `${import.meta.env.BASE_URL}sw.js`;

/**
 * Resolves once a performance mark named `name` exists, or after `timeoutMs` (default 60 000 ms),
 * whichever comes first.
 */
export function whenMarked(name: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(name, 'mark').length > 0) return resolve();
    const timer = setTimeout(done, timeoutMs);
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(name, 'mark').length > 0) done();
    });
    function done(): void {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    }
    observer.observe({ type: 'mark' });
  });
}

/**
 * Registers `url` as a classic service worker scoped to the app's base path once `after` has
 * resolved. Pass the moment the app's own large downloads are done: the install then fills its
 * cache from the HTTP cache instead of fetching the DuckDB binary a second time in parallel (two
 * concurrent downloads of one 6 MB response can fail the page's with ERR_CACHE_WRITE_FAILURE).
 * Resolves to the registration, or null when the browser has no service workers.
 */
export async function registerServiceWorker(
  after: Promise<unknown>,
  url: string = SERVICE_WORKER_URL,
): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  const container = navigator.serviceWorker;
  // A first install also fires controllerchange (none -> worker); only a replacement reloads.
  let controlled = container.controller !== null;
  let reloaded = false;
  container.addEventListener('controllerchange', () => {
    const replaced = controlled;
    controlled = true;
    if (!replaced || reloaded) return;
    reloaded = true;
    window.location.reload();
  });
  await after;
  return container.register(url, {
    scope: import.meta.env.BASE_URL,
    type: 'classic',
    updateViaCache: 'none',
  });
}
