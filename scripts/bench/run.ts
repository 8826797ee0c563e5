/**
 * One benchmark run at a scale: data (generated once, cached), the aggregate of every cube
 * measure per RW in each engine, the same numbers checked everywhere, and — with a browser — the
 * app's load and interaction timings in headless Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_OPTIONS, generateDemo, isUpToDate } from '../generate-demo';
import { DEFAULT_PERIOD_ID, HOUSEHOLD_COLUMNS, povertyPeriod } from '../../src/db/contracts';
import { createNodeEngine } from '../../src/db/node-engine';
import type { RequestData, RequestType, ResultMap, WorkerResponse } from '../../src/db/protocol';
import { INDICATOR_IDS } from '../../src/query/catalogue';
import { cubeSelectSql, type CubeParams } from '../../src/query/cube';
import { MEASURE_NAMES } from '../../src/query/measures';
import {
  buildApp,
  installData,
  interact,
  launchChromium,
  memoryUse,
  openAppPage,
  serve,
  workerQuery,
  type InteractionTiming,
  type LoadTimings,
} from './browser';
import {
  JS_MEASURE_NAMES,
  aggregateArquero,
  aggregateObjects,
  aggregateTyped,
  toArqueroTable,
  toTyped,
  type RwSums,
} from './js-engines';
import {
  compareSums,
  median,
  openNativeHouseholds,
  readHouseholds,
  rwSumsFromIpc,
  timeNative,
  timeRuns,
} from './native';

/** What to run. */
export interface BenchOptions {
  /** Registry households to generate (1,000–5,000,000); default 700,000. */
  readonly households: number;
  /** Timed repetitions per measurement (the median is reported); default 5. */
  readonly runs: number;
  /** Cache folder of generated data sets; default data/cache. */
  readonly cacheDir: string;
  /**
   * `chromium`: build and serve the app and measure in the browser (the CLI). `node`: no browser;
   * the WASM aggregate runs the same engine on DuckDB-WASM's Node bindings (the test).
   */
  readonly mode: 'chromium' | 'node';
  /** Build output for chromium mode; default .bench/dist. */
  readonly outDir: string;
  /** Reuse an existing build in outDir instead of building. */
  readonly reuseBuild: boolean;
  /** Progress lines. */
  readonly log: (line: string) => void;
}

/** Defaults of {@link BenchOptions}. */
export const DEFAULT_BENCH: BenchOptions = {
  households: DEFAULT_OPTIONS.households,
  runs: 5,
  cacheDir: 'data/cache',
  mode: 'chromium',
  outDir: '.bench/dist',
  reuseBuild: false,
  log: () => undefined,
};

/** The benchmark result; the snake_case keys are stable (README, CI, comparisons across runs). */
export interface BenchResult {
  households: number;
  runs: number;
  mode: 'chromium' | 'node';
  first_map_ms: number | null;
  data_ready_ms: number | null;
  aggregate_wasm_ms: number;
  aggregate_native_1t_ms: number;
  aggregate_native_ms: number;
  aggregate_arquero_ms: number;
  aggregate_objects_ms: number;
  aggregate_typed_ms: number;
  filter_update_ms: number | null;
  filter_query_ms: number | null;
  indicator_switch_ms: number | null;
  indicator_query_ms: number | null;
  heap_mb: number | null;
  duckdb_mb: number | null;
  renderer_rss_mb: number | null;
  native_threads: number;
  /** 1-minute load average of the machine before and after the run (others' work skews timings). */
  load_avg: [number, number];
  measures: number;
  rw: number;
  /** `sasaran:*` marks and worker load phases, ms since navigation start. */
  marks: Record<string, number>;
  /** Engine name → mismatches against native DuckDB (empty when all agree). */
  mismatches: Record<string, string[]>;
}

/** Makes (or reuses) the data set for `households` under the cache folder; returns its folder. */
export async function ensureData(households: number, cacheDir: string, log: (s: string) => void): Promise<string> {
  const out = resolve(cacheDir, `bench-${households}`);
  const options = { households, seed: DEFAULT_OPTIONS.seed, out };
  if (!isUpToDate(options)) {
    log(`generating ${households.toLocaleString('en')} households into ${out}`);
    await generateDemo(options);
  }
  return out;
}

/** The benchmark's aggregate: every cube measure per RW (the parts of every catalogue indicator). */
export function aggregateSql(params: CubeParams): string {
  return `${cubeSelectSql(params, 'households', ['rw_code'])} ORDER BY rw_code`;
}

async function wasmInNode(dir: string, sql: string, runs: number): Promise<{ ms: number; sums: RwSums }> {
  const engine = createNodeEngine();
  let id = 1;
  const call = async <T extends RequestType>(type: T, data: RequestData<T>): Promise<ResultMap[T]> => {
    const posted: WorkerResponse[] = [];
    await engine.handle({ id: id++, type, data }, (m) => posted.push(m));
    const last = posted.at(-1);
    if (last?.type !== 'ok') throw new Error(`${type} failed: ${JSON.stringify(last?.data)}`);
    return last.data as ResultMap[T];
  };
  await call('open', {});
  const bytes = new Uint8Array(readFileSync(join(dir, 'households.parquet')));
  await call('loadTable', { table: 'households', format: 'parquet', bytes, columns: HOUSEHOLD_COLUMNS });
  let ipc: Uint8Array = new Uint8Array(0);
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const r = await call('query', { sql });
    ipc = r.ipc;
    if (i > 0) times.push(r.elapsedMs);
  }
  return { ms: median(times), sums: rwSumsFromIpc(ipc, JS_MEASURE_NAMES) };
}

interface BrowserPart {
  load: LoadTimings;
  wasmMs: number;
  wasmSums: RwSums;
  filter: InteractionTiming[];
  indicator: InteractionTiming[];
  heapMb: number;
  duckdbMb: number;
  rendererRssMb: number | null;
}

const FILTER_STEPS: Record<string, string | null>[] = [
  { ktp: 'yes' },
  { ktp: 'no' },
  { ktp: null, kumuh: 'ringan,sedang,berat' },
  { kumuh: null, kota: '31.72' },
  { kota: null },
];

/** Indicators the switch cycles through; the page opens on the first. */
const SWITCH_IDS = INDICATOR_IDS.slice(0, 4);
const START_QUERY = `?lvl=rw&ind=${SWITCH_IDS[0]}`;

async function inChromium(dir: string, sql: string, o: BenchOptions): Promise<BrowserPart> {
  const index = join(o.outDir, 'index.html');
  if (!o.reuseBuild || !existsSync(index)) {
    o.log(`building the app into ${o.outDir}`);
    await buildApp(o.outDir);
  }
  installData(o.outDir, dir);
  const { server, url } = await serve(o.outDir);
  const browser = await launchChromium();
  try {
    const loads: LoadTimings[] = [];
    for (let i = 0; i < o.runs; i++) {
      const app = await openAppPage(browser, url, START_QUERY);
      loads.push(app.load);
      o.log(`load ${i + 1}: first map ${app.load.firstMapMs.toFixed(0)} ms, data ready ${app.load.dataReadyMs.toFixed(0)} ms`);
      await app.close();
    }
    const app = await openAppPage(browser, url, START_QUERY);
    try {
      const mem = await memoryUse(app, process.pid);
      const times: number[] = [];
      let ipc: Uint8Array = new Uint8Array(0);
      for (let i = 0; i <= o.runs; i++) {
        const r = await workerQuery(app, sql);
        if (i > 0) times.push(r.elapsedMs);
        ipc = r.ipc;
      }
      const filter: InteractionTiming[] = [];
      for (let i = 0; i < o.runs; i++) {
        for (const step of FILTER_STEPS) filter.push(await interact(app, step));
      }
      const indicator: InteractionTiming[] = [];
      for (let i = 0; i < o.runs; i++) {
        for (const ind of [...SWITCH_IDS.slice(1), SWITCH_IDS[0]!]) indicator.push(await interact(app, { ind }));
      }
      const keys = [...new Set(loads.flatMap((l) => [...Object.keys(l.marks), ...Object.keys(l.loadPhases)]))];
      const marks = Object.fromEntries(
        keys.map((k) => [k, median(loads.map((l) => l.marks[k] ?? l.loadPhases[k] ?? Number.NaN))]),
      );
      return {
        load: {
          firstMapMs: median(loads.map((l) => l.firstMapMs)),
          dataReadyMs: median(loads.map((l) => l.dataReadyMs)),
          marks,
          loadPhases: {},
        },
        wasmMs: median(times),
        wasmSums: rwSumsFromIpc(ipc, JS_MEASURE_NAMES),
        filter,
        indicator,
        heapMb: mem.heapMb,
        duckdbMb: mem.duckdbMb,
        rendererRssMb: mem.rendererRssMb,
      };
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Runs the benchmark at one scale. */
export async function runBench(options: Partial<BenchOptions> = {}): Promise<BenchResult> {
  const o: BenchOptions = { ...DEFAULT_BENCH, ...options };
  const log = o.log;
  const loadBefore = loadavg()[0]!;
  const p = povertyPeriod(DEFAULT_PERIOD_ID);
  const params: CubeParams = { povertyLine: p.povertyLine, extremeLine: p.extremeLine };
  const unknown = JS_MEASURE_NAMES.filter((n) => !MEASURE_NAMES.has(n));
  if (unknown.length > 0) throw new Error(`JS engines compute measures the cube lacks: ${unknown.join(', ')}`);
  const sql = aggregateSql(params);
  const dir = await ensureData(o.households, o.cacheDir, log);
  const parquet = join(dir, 'households.parquet');

  log('native DuckDB');
  const conn = await openNativeHouseholds(parquet);
  const native = await timeNative(conn, sql, JS_MEASURE_NAMES, o.runs);
  const rows = await readHouseholds(conn);
  conn.closeSync();

  log('arquero');
  const table = toArqueroTable(rows);
  const arq = await timeRuns(o.runs, () => aggregateArquero(table, params));
  log('array of objects');
  const objects = await timeRuns(o.runs, () => aggregateObjects(rows, params));
  log('typed arrays');
  const typedData = toTyped(rows);
  const typed = await timeRuns(o.runs, () => aggregateTyped(typedData, params));

  let browser: BrowserPart | null = null;
  let wasm: { ms: number; sums: RwSums };
  if (o.mode === 'chromium') {
    log('Chromium');
    browser = await inChromium(dir, sql, o);
    wasm = { ms: browser.wasmMs, sums: browser.wasmSums };
  } else {
    log('DuckDB-WASM (Node bindings)');
    wasm = await wasmInNode(dir, sql, o.runs);
  }

  const mismatches: Record<string, string[]> = {
    wasm: compareSums(native.sums, wasm.sums, JS_MEASURE_NAMES),
    arquero: compareSums(native.sums, arq.result, JS_MEASURE_NAMES),
    objects: compareSums(native.sums, objects.result, JS_MEASURE_NAMES),
    typed: compareSums(native.sums, typed.result, JS_MEASURE_NAMES),
  };
  const med = (list: InteractionTiming[] | undefined, key: 'totalMs' | 'queryMs'): number | null =>
    list && list.length > 0 ? median(list.map((x) => x[key])) : null;
  return {
    households: o.households,
    runs: o.runs,
    mode: o.mode,
    first_map_ms: browser?.load.firstMapMs ?? null,
    data_ready_ms: browser?.load.dataReadyMs ?? null,
    aggregate_wasm_ms: wasm.ms,
    aggregate_native_1t_ms: native.oneThreadMs,
    aggregate_native_ms: native.allThreadsMs,
    aggregate_arquero_ms: arq.ms,
    aggregate_objects_ms: objects.ms,
    aggregate_typed_ms: typed.ms,
    filter_update_ms: med(browser?.filter, 'totalMs'),
    filter_query_ms: med(browser?.filter, 'queryMs'),
    indicator_switch_ms: med(browser?.indicator, 'totalMs'),
    indicator_query_ms: med(browser?.indicator, 'queryMs'),
    heap_mb: browser?.heapMb ?? null,
    duckdb_mb: browser?.duckdbMb ?? null,
    renderer_rss_mb: browser?.rendererRssMb ?? null,
    native_threads: native.threads,
    load_avg: [loadBefore, loadavg()[0]!],
    measures: JS_MEASURE_NAMES.length,
    rw: native.sums.size,
    marks: browser?.load.marks ?? {},
    mismatches,
  };
}

/** Rows of the printed table: label, ms, ratio to DuckDB-WASM. */
export function formatReport(r: BenchResult): string {
  const f = (v: number | null, digits = 0): string => (v === null || Number.isNaN(v) ? '—' : v.toFixed(digits));
  const ratio = (v: number): string => `${(v / r.aggregate_wasm_ms).toFixed(2)}×`;
  const agree = (k: string): string => ((r.mismatches[k] ?? []).length === 0 ? 'same numbers' : 'DIFFERENT');
  const lines = [
    `Sasaran benchmark: ${r.households.toLocaleString('en')} households, ${r.rw} RW, ${r.measures} measures, median of ${r.runs} (${r.mode})`,
    '',
    'aggregate (every measure per RW)     ms      vs WASM',
    `  DuckDB-WASM (app worker)      ${f(r.aggregate_wasm_ms).padStart(8)}   1.00×   ${agree('wasm')}`,
    `  native DuckDB, 1 thread       ${f(r.aggregate_native_1t_ms).padStart(8)}   ${ratio(r.aggregate_native_1t_ms)}`,
    `  native DuckDB, ${String(r.native_threads).padEnd(2)} threads     ${f(r.aggregate_native_ms).padStart(8)}   ${ratio(r.aggregate_native_ms)}`,
    `  arquero                       ${f(r.aggregate_arquero_ms).padStart(8)}   ${ratio(r.aggregate_arquero_ms)}   ${agree('arquero')}`,
    `  array of objects              ${f(r.aggregate_objects_ms).padStart(8)}   ${ratio(r.aggregate_objects_ms)}   ${agree('objects')}`,
    `  typed arrays, one pass        ${f(r.aggregate_typed_ms).padStart(8)}   ${ratio(r.aggregate_typed_ms)}   ${agree('typed')}`,
    '',
    `first map ${f(r.first_map_ms)} ms · data ready ${f(r.data_ready_ms)} ms`,
    `filter → recoloured ${f(r.filter_update_ms)} ms (queries ${f(r.filter_query_ms, 1)} ms) · indicator switch ${f(r.indicator_switch_ms)} ms (queries ${f(r.indicator_query_ms, 1)} ms)`,
    `JS heap ${f(r.heap_mb)} MB · DuckDB ${f(r.duckdb_mb)} MB · renderer RSS ${f(r.renderer_rss_mb)} MB`,
    `machine load average ${r.load_avg[0].toFixed(1)} → ${r.load_avg[1].toFixed(1)} (timings are only comparable on a quiet machine)`,
  ];
  const marks = Object.entries(r.marks).sort((a, b) => a[1] - b[1]);
  if (marks.length > 0) lines.push(`load milestones (ms): ${marks.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ')}`);
  for (const [engine, list] of Object.entries(r.mismatches)) {
    for (const m of list) lines.push(`MISMATCH ${engine}: ${m}`);
  }
  return lines.join('\n');
}
