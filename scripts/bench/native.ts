/** Native DuckDB in the benchmark: the households table, measure timings, and rows for the JS engines. */
import { cpus } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { MEASURE_INPUTS, type BenchHousehold, type RwSums } from './js-engines';

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `fn` once to warm up, then `runs` times; returns the median wall time (ms) and the last result. */
export async function timeRuns<T>(runs: number, fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

/** Opens native DuckDB with the households of a Parquet file in memory. */
export async function openNativeHouseholds(parquet: string): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`CREATE TABLE households AS SELECT * FROM read_parquet('${parquet.replaceAll("'", "''")}')`);
  return conn;
}

/** Per-RW sums from rows of (rw_code, measure…) in `names` order. */
export function rwSumsFromRows(rows: readonly Record<string, unknown>[], names: readonly string[]): RwSums {
  const out: RwSums = new Map();
  for (const r of rows) out.set(String(r['rw_code']), Float64Array.from(names, (n) => Number(r[n])));
  return out;
}

/** Per-RW sums from an Arrow IPC result of (rw_code, measure…). */
export function rwSumsFromIpc(ipc: Uint8Array, names: readonly string[]): RwSums {
  const table = arrow.tableFromIPC(ipc);
  const rw = table.getChild('rw_code')!;
  const cols = names.map((n) => {
    const c = table.getChild(n);
    if (!c) throw new Error(`measure ${n} missing from the result`);
    return c;
  });
  const out: RwSums = new Map();
  for (let i = 0; i < table.numRows; i++) {
    out.set(String(rw.get(i)), Float64Array.from(cols, (c) => Number(c.get(i))));
  }
  return out;
}

/** Native aggregate timings: one thread and all threads (medians, ms). */
export interface NativeTimings {
  readonly oneThreadMs: number;
  readonly allThreadsMs: number;
  readonly threads: number;
  readonly sums: RwSums;
}

/** Times `sql` on one thread and on all cores. */
export async function timeNative(conn: DuckDBConnection, sql: string, names: readonly string[], runs: number): Promise<NativeTimings> {
  const run = async () => rwSumsFromRows((await conn.runAndReadAll(sql)).getRowObjectsJS(), names);
  await conn.run('SET threads = 1');
  const one = await timeRuns(runs, run);
  const threads = cpus().length;
  await conn.run(`SET threads = ${threads}`);
  const all = await timeRuns(runs, run);
  return { oneThreadMs: one.ms, allThreadsMs: all.ms, threads, sums: all.result };
}

/** The measure inputs of every household as plain objects, text values shared (not timed). */
export async function readHouseholds(conn: DuckDBConnection): Promise<BenchHousehold[]> {
  const reader = await conn.runAndReadAll(`SELECT ${MEASURE_INPUTS.map((c) => `"${c}"`).join(', ')} FROM households`);
  const cols = reader.getColumnsJS();
  const n = reader.currentRowCount;
  const shared = new Map<string, string>();
  const intern = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    const s = shared.get(v);
    if (s !== undefined) return s;
    shared.set(v, v);
    return v;
  };
  const rows: BenchHousehold[] = new Array<BenchHousehold>(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    MEASURE_INPUTS.forEach((c, j) => (row[c] = intern(cols[j]![i])));
    rows[i] = row as unknown as BenchHousehold;
  }
  return rows;
}

/** Differences between two per-RW results: missing RWs and unequal values (first few). */
export function compareSums(want: RwSums, got: RwSums, names: readonly string[], limit = 5): string[] {
  const problems: string[] = [];
  if (want.size !== got.size) problems.push(`${got.size} RWs instead of ${want.size}`);
  for (const [rw, w] of want) {
    const g = got.get(rw);
    if (!g) {
      problems.push(`RW ${rw} missing`);
    } else {
      names.forEach((n, j) => {
        if (w[j] !== g[j]) problems.push(`RW ${rw} ${n}: ${g[j]} instead of ${w[j]}`);
      });
    }
    if (problems.length >= limit) break;
  }
  return problems.slice(0, limit);
}
