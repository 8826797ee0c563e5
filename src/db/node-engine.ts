/**
 * Node-only construction of the engine (tests, scripts): DuckDB-WASM's node-blocking bindings and
 * parquet-wasm's node build. Never import this from browser code; worker.ts is the browser twin.
 */
import { createRequire } from 'node:module';
import {
  NODE_RUNTIME,
  VoidLogger,
  createDuckDB,
  type DuckDBBindings,
} from '@duckdb/duckdb-wasm/blocking';
import { ParquetFile, readParquet } from 'parquet-wasm';
import { createEngine, type Engine } from './engine';
import { parquetRowGroups } from './ingest';

const require = createRequire(import.meta.url);

/** Creates (does not instantiate) node-blocking DuckDB-WASM bindings; the EH build when supported. */
export function createNodeBindings(): Promise<DuckDBBindings> {
  const bundle = (file: string) => ({
    mainModule: require.resolve(`@duckdb/duckdb-wasm/dist/${file}`),
    mainWorker: '',
  });
  return createDuckDB(
    { mvp: bundle('duckdb-mvp.wasm'), eh: bundle('duckdb-eh.wasm') },
    new VoidLogger(),
    NODE_RUNTIME,
  );
}

/** Parquet bytes to an Arrow IPC stream with parquet-wasm's node build (no init needed). */
export function nodeParquetToIpc(bytes: Uint8Array): Uint8Array {
  const table = readParquet(bytes);
  return table.intoIPCStream();
}

/** Parquet bytes to Arrow IPC streams, one per row group, with parquet-wasm's node build. */
export async function* nodeParquetRowGroups(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield* parquetRowGroups(bytes, (blob) => ParquetFile.fromFile(blob));
}

/** An engine over fresh node-blocking bindings; send `open` before anything else. */
export function createNodeEngine(): Engine {
  return createEngine(createNodeBindings(), { parquetToIpc: nodeParquetRowGroups });
}
