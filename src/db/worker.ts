/**
 * The browser entry of our DuckDB worker. The app creates it with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })` and talks to it
 * through `createDbClient` (client.ts).
 */
// The package's `exports` map omits the browser-blocking build, so it is imported by path;
// TypeScript resolves the sibling .d.ts, Vite the .mjs.
import {
  BROWSER_RUNTIME,
  VoidLogger,
  createDuckDB,
} from '../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking';
import initParquet, { ParquetFile } from 'parquet-wasm/esm';
import { createEngine, serveEngine } from './engine';
import { parquetRowGroups } from './ingest';
import { DUCKDB_BUNDLES, PARQUET_WASM_URL } from './wasm-bundles';

let parquetReady: Promise<unknown> | null = null;

async function* parquetToIpc(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  parquetReady ??= initParquet({ module_or_path: PARQUET_WASM_URL });
  await parquetReady;
  yield* parquetRowGroups(bytes, (blob) => ParquetFile.fromFile(blob));
}

const engine = createEngine(createDuckDB(DUCKDB_BUNDLES, new VoidLogger(), BROWSER_RUNTIME), {
  parquetToIpc,
});
serveEngine(engine, self);
