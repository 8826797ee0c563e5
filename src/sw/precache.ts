/**
 * The precache manifest shared by the build plugin (which writes it into sw.js) and the service
 * worker (which reads it). Kept free of imports so the service worker stays one classic script.
 */

/** What the service worker must cache for the app to open with the network off. */
export interface PrecacheManifest {
  /** Build fingerprint: hash of every cached file's name and, for unhashed files, content. */
  readonly version: string;
  /** Paths relative to the service worker's scope (e.g. `assets/index-abc.js`, `data/demo/rw.geojson`). */
  readonly files: readonly string[];
  /**
   * DuckDB-WASM binaries, of which a browser downloads exactly one: `eh` when WebAssembly
   * exceptions validate (duckdb-wasm's own rule), else `mvp`. Null when the build has none.
   */
  readonly duckdb: { readonly eh: string; readonly mvp: string } | null;
}

/** Prefix of every cache this app creates; caches with it but another version are stale. */
export const CACHE_PREFIX = 'sasaran-';

/** Name of the cache for a build version. */
export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** The caches to delete once `version` is active: ours, of any other version. */
export function staleCaches(keys: readonly string[], version: string): string[] {
  return keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== cacheName(version));
}

/**
 * The smallest module with a `try … catch_all … end` block: it validates exactly when the engine
 * supports WebAssembly exception handling, the feature that picks DuckDB's EH build.
 */
// prettier-ignore
const EH_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: one type () -> ()
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x08, 0x01, 0x06, 0x00, 0x06, 0x40, 0x19, 0x0b, 0x0b, // code: try (void) catch_all end end
]);

/** Whether this engine runs DuckDB-WASM's EH build. */
export function supportsWasmExceptions(): boolean {
  try {
    return WebAssembly.validate(EH_PROBE);
  } catch {
    return false;
  }
}

/** The files to precache in a browser: every file, plus the one DuckDB binary it will load. */
export function filesToCache(manifest: PrecacheManifest, wasmExceptions: boolean): string[] {
  const files = [...manifest.files];
  if (manifest.duckdb) files.push(wasmExceptions ? manifest.duckdb.eh : manifest.duckdb.mvp);
  return files;
}
