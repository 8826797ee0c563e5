/**
 * Browser URLs of the WebAssembly binaries, emitted by Vite as same-origin assets (`?url`), so
 * nothing is fetched from a CDN. Only the bundle chosen by feature detection is downloaded.
 */
import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
import duckdbEhWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbMvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

/** DuckDB-WASM bundles: EH (wasm exceptions, ~34 MB) when supported, else MVP (~39 MB). */
export const DUCKDB_BUNDLES: DuckDBBundles = {
  // mainWorker is unused: our own worker runs the synchronous bindings.
  mvp: { mainModule: duckdbMvpWasm, mainWorker: '' },
  eh: { mainModule: duckdbEhWasm, mainWorker: '' },
};

/** URL of parquet-wasm's ESM build binary, for its explicit init. */
export const PARQUET_WASM_URL: string = parquetWasm;
