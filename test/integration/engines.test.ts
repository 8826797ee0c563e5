/**
 * The generated demo data through both engines: every indicator at every level gives the same
 * numbers in DuckDB-WASM (our worker engine, in Node) and native DuckDB, native equals the
 * independent JS computation, and no shown value rests on a count between 1 and k − 1.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generate-demo';
import { loadDataDir, openNative, readGeoJsonProperties, rows } from '../../scripts/lib/native-db';
import {
  HOUSEHOLD_COLUMNS,
  KELURAHAN_COLUMNS,
  LEVELS,
  RW_COLUMNS,
  UPGRADING_COLUMNS,
  povertyPeriod,
  type HouseholdRow,
  type Level,
} from '../../src/db/contracts';
import type { Engine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/node-engine';
import type { RequestData, RequestType, ResultMap, WorkerResponse } from '../../src/db/protocol';
import { buildAreasSql } from '../../src/query/areas';
import { INDICATORS, INDICATOR_IDS } from '../../src/query/catalogue';
import { buildCubeSql } from '../../src/query/cube';
import { buildIndicatorQuery, type Filters } from '../../src/query/indicators';
import { referenceIndicators, type RefKelurahan, type RefRw } from '../reference/indicators';
import type { UpgradingRow } from '../../src/db/contracts/upgrading';

const PERIOD = povertyPeriod('2024-03');
const LINES = { povertyLine: PERIOD.povertyLine, extremeLine: PERIOD.extremeLine };
let dir: string;
let native: DuckDBConnection;
let engine: Engine;
let nextId = 1;

async function call<T extends RequestType>(type: T, data: RequestData<T>): Promise<ResultMap[T]> {
  const posted: WorkerResponse[] = [];
  await engine.handle({ id: nextId++, type, data }, (m) => posted.push(m));
  const last = posted.at(-1);
  if (last?.type !== 'ok') throw new Error(`${type} failed: ${JSON.stringify(last?.type === 'error' ? last.data : last)}`);
  return last.data as ResultMap[T];
}

async function wasmRows(sql: string): Promise<Record<string, unknown>[]> {
  const { ipc } = await call('query', { sql });
  const table = arrow.tableFromIPC(ipc);
  return table.toArray().map((r: arrow.StructRowProxy) => {
    const o = r.toJSON() as Record<string, unknown>;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
  });
}

const bytes = async (name: string): Promise<Uint8Array> => new Uint8Array(await readFile(join(dir, name)));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sasaran-engines-'));
  await generateDemo({ households: 20_000, seed: 11, out: dir });
  native = await openNative();
  await loadDataDir(native, dir, LINES);
  engine = createNodeEngine();
  await call('open', {});
  await call('loadTable', { table: 'households', format: 'parquet', bytes: await bytes('households.parquet'), columns: HOUSEHOLD_COLUMNS });
  await call('loadTable', { table: 'rw', format: 'geojson-properties', bytes: await bytes('rw.geojson'), columns: RW_COLUMNS });
  await call('loadTable', { table: 'kelurahan', format: 'geojson-properties', bytes: await bytes('kelurahan.geojson'), columns: KELURAHAN_COLUMNS });
  await call('loadTable', { table: 'settlement_upgrading', format: 'csv', bytes: await bytes('settlement_upgrading.csv'), columns: UPGRADING_COLUMNS });
  await call('exec', { sql: buildAreasSql() });
  await call('exec', { sql: buildCubeSql(LINES) });
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function expectSameRows(a: Record<string, unknown>[], b: Record<string, unknown>[], ids: readonly string[]): void {
  expect(a.map((r) => r.code)).toEqual(b.map((r) => r.code));
  a.forEach((ra, i) => {
    const rb = b[i]!;
    for (const id of ids) {
      const x = ra[id];
      const y = rb[id];
      if (x === null || y === null) expect(x, `${String(ra.code)} ${id}`).toBe(y);
      else expect(x as number, `${String(ra.code)} ${id}`).toBeCloseTo(y as number, 10);
      expect(ra[`${id}__suppressed`]).toBe(rb[`${id}__suppressed`]);
    }
  });
}

const FILTERS: { name: string; filters: Filters }[] = [
  { name: 'none', filters: {} },
  { name: 'Jakarta Utara, KTP DKI', filters: { areas: ['31.72'], ktp: 'yes' } },
  { name: 'slum RWs only', filters: { kumuh: ['ringan', 'sedang', 'berat'] } },
];

describe('generated data: DuckDB-WASM equals native DuckDB', () => {
  for (const level of LEVELS) {
    for (const f of FILTERS) {
      it(`${level}, ${f.name}`, async () => {
        const sql = buildIndicatorQuery({ level, indicators: INDICATOR_IDS, filters: f.filters });
        const [w, n] = await Promise.all([wasmRows(sql), rows(native, sql)]);
        expect(n.length).toBeGreaterThan(0);
        expectSameRows(w, n, INDICATOR_IDS);
      });
    }
  }
});

describe('generated data: native DuckDB equals the independent JS computation', () => {
  let households: HouseholdRow[];
  let rw: RefRw[];
  let kelurahan: RefKelurahan[];
  let upgrading: UpgradingRow[];
  beforeAll(async () => {
    households = (await rows(native, 'SELECT * EXCLUDE (validated_on), strftime(validated_on, \'%Y-%m-%d\') AS validated_on FROM households')) as unknown as HouseholdRow[];
    rw = readGeoJsonProperties(join(dir, 'rw.geojson')) as unknown as RefRw[];
    kelurahan = readGeoJsonProperties(join(dir, 'kelurahan.geojson')) as unknown as RefKelurahan[];
    upgrading = (await rows(native, 'SELECT * FROM settlement_upgrading')) as unknown as UpgradingRow[];
  });
  const levels: Level[] = ['provinsi', 'kota', 'kecamatan', 'kelurahan', 'rw'];
  for (const level of levels) {
    for (const f of FILTERS) {
      it(`${level}, ${f.name}`, async () => {
        const got = new Map((await rows(native, buildIndicatorQuery({ level, indicators: INDICATOR_IDS, filters: f.filters }))).map((r) => [r.code as string, r]));
        const want = referenceIndicators(households, rw, kelurahan, upgrading, {
          level,
          ...LINES,
          minCell: 10,
          areas: f.filters.areas ? [...f.filters.areas] : undefined,
          kumuh: f.filters.kumuh ? [...f.filters.kumuh] : undefined,
          ktp: f.filters.ktp,
        });
        expect([...got.keys()]).toEqual([...want.keys()]);
        for (const [code, values] of want) {
          for (const id of INDICATOR_IDS) {
            const w = values[id]!;
            const g = got.get(code)![id];
            if (w === null) expect(g, `${code} ${id}`).toBeNull();
            else expect(g as number, `${code} ${id}`).toBeCloseTo(w, 10);
          }
        }
      });
    }
  }
});

describe('generated data: minimum cell size', () => {
  for (const level of LEVELS) {
    for (const k of [10, 25]) {
      it(`no value shown over a count in 1..k−1 (${level}, k=${k})`, async () => {
        const result = await rows(native, buildIndicatorQuery({ level, indicators: INDICATOR_IDS, minCell: k }));
        const codeExpr = level === 'provinsi' ? "'31'" : level === 'rw' ? 'c.rw_code' : level === 'kelurahan' ? 'r.kelurahan_code' : `k.${level}_code`;
        const measures = [...new Set(INDICATORS.flatMap((i) => [...i.disclosure]))];
        const raw = await rows(
          native,
          `SELECT ${codeExpr} AS code, sum(c.hh)::DOUBLE AS hh, ${measures.map((m) => `sum(c.${m})::DOUBLE AS ${m}`).join(', ')}
           FROM cube c JOIN rw r ON r.rw_code = c.rw_code JOIN kelurahan k ON k.kelurahan_code = r.kelurahan_code GROUP BY 1`,
        );
        const rawBy = new Map(raw.map((r) => [r.code as string, r]));
        let shown = 0;
        let hidden = 0;
        for (const row of result) {
          const counts = rawBy.get(row.code as string);
          for (const ind of INDICATORS) {
            if (ind.disclosure.length === 0) continue;
            if (row[ind.id] === null) {
              hidden++;
              continue;
            }
            shown++;
            for (const m of [...ind.disclosure, 'hh']) {
              const n = (counts?.[m] as number | undefined) ?? 0;
              expect(n === 0 || n >= k, `${String(row.code)} ${ind.id}: ${m} = ${n}`).toBe(true);
            }
          }
        }
        expect(shown).toBeGreaterThan(0);
        if (level === 'rw') expect(hidden).toBeGreaterThan(0);
      });
    }
  }
});
