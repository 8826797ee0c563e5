import { getPlatformFeatures } from '@duckdb/duckdb-wasm/blocking';
import { describe, expect, it } from 'vitest';
import {
  cacheName,
  filesToCache,
  staleCaches,
  supportsWasmExceptions,
  type PrecacheManifest,
} from './precache';

const manifest: PrecacheManifest = {
  version: 'v2',
  files: ['index.html', 'assets/index-a.js', 'data/demo/rw.geojson'],
  duckdb: { eh: 'assets/duckdb-eh-b.wasm', mvp: 'assets/duckdb-mvp-c.wasm' },
};

describe('precache', () => {
  it('caches the files plus exactly the DuckDB binary the engine will load', () => {
    expect(filesToCache(manifest, true)).toEqual([...manifest.files, 'assets/duckdb-eh-b.wasm']);
    expect(filesToCache(manifest, false)).toEqual([...manifest.files, 'assets/duckdb-mvp-c.wasm']);
    expect(filesToCache({ ...manifest, duckdb: null }, true)).toEqual(manifest.files);
  });

  it('detects WebAssembly exceptions as duckdb-wasm does', async () => {
    expect(supportsWasmExceptions()).toBe((await getPlatformFeatures()).wasmExceptions);
  });

  it('deletes only this app’s caches of other versions', () => {
    const keys = [cacheName('v1'), cacheName('v2'), 'other-app', cacheName('v0')];
    expect(staleCaches(keys, 'v2')).toEqual([cacheName('v1'), cacheName('v0')]);
    expect(staleCaches([cacheName('v2')], 'v2')).toEqual([]);
  });
});
