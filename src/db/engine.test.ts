import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  household,
  households as tinyHouseholds,
  kelurahan as tinyKelurahan,
  rw as tinyRw,
} from '../../test/fixtures/tiny-jakarta';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createRng } from '../../scripts/generate/rng';
import {
  HOUSEHOLD_COLUMNS,
  KELURAHAN_COLUMNS,
  RW_COLUMNS,
  UPGRADING_COLUMNS,
  createTableSql,
  type ColumnSpec,
  type HouseholdRow,
} from './contracts';
import { createEngine, type Engine } from './engine';
import { parquetRowGroups, type ParquetFileLike } from './ingest';
import { createNodeBindings, createNodeEngine, nodeParquetToIpc } from './node-engine';
import type {
  ErrorData,
  ProgressData,
  RequestData,
  RequestType,
  ResultMap,
  WorkerResponse,
} from './protocol';

interface Answer<T extends RequestType> {
  ok: ResultMap[T] | null;
  error: ErrorData | null;
  progress: ProgressData[];
}

let nextId = 1;

/** Sends one request through handle() and collects what the engine posts for it. */
async function call<T extends RequestType>(
  engine: Engine,
  type: T,
  data: RequestData<T>,
): Promise<Answer<T>> {
  const id = nextId++;
  const posted: WorkerResponse[] = [];
  await engine.handle({ id, type, data }, (m) => posted.push(m));
  expect(posted.every((m) => m.id === id)).toBe(true);
  const last = posted.at(-1);
  return {
    ok: last?.type === 'ok' ? (last.data as ResultMap[T]) : null,
    error: last?.type === 'error' ? last.data : null,
    progress: posted.flatMap((m) => (m.type === 'progress' ? [m.data] : [])),
  };
}

async function openEngine(): Promise<Engine> {
  const engine = createNodeEngine();
  const opened = await call(engine, 'open', {});
  expect(opened.error).toBeNull();
  return engine;
}

async function queryRows(engine: Engine, sql: string): Promise<Record<string, unknown>[]> {
  const r = await call(engine, 'query', { sql });
  expect(r.error).toBeNull();
  return arrow
    .tableFromIPC(r.ok!.ipc)
    .toArray()
    .map((row: arrow.StructRowProxy) => row.toJSON() as Record<string, unknown>);
}

const encode = (s: string) => new TextEncoder().encode(s);

function featureCollection(props: readonly Record<string, unknown>[]): Uint8Array {
  return encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: props.map((p, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [106.8 + i / 100, -6.2] },
        properties: p,
      })),
    }),
  );
}

async function openNative(): Promise<DuckDBConnection> {
  return (await DuckDBInstance.create(':memory:')).connect();
}

function sqlLiteral(v: unknown, type: ColumnSpec['type']): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') throw new Error(`unexpected value ${typeof v}`);
  const s = `'${v.replaceAll("'", "''")}'`;
  return type === 'DATE' ? `DATE ${s}` : s;
}

/** Creates a contract table in native DuckDB and inserts the rows. */
async function insertRows(
  conn: DuckDBConnection,
  table: string,
  columns: readonly ColumnSpec[],
  data: readonly Record<string, unknown>[],
): Promise<void> {
  await conn.run(createTableSql(table, columns));
  const values = data.map(
    (row) => `(${columns.map((c) => sqlLiteral(row[c.name], c.type)).join(', ')})`,
  );
  await conn.run(`INSERT INTO "${table}" VALUES ${values.join(',\n')}`);
}

/** Native query rows with BigInt turned into numbers. */
async function nativeRows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}

/** Writes rows with native DuckDB to a Parquet file and returns its bytes. */
async function nativeParquet(
  table: string,
  columns: readonly ColumnSpec[],
  data: readonly Record<string, unknown>[],
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'sasaran-db-'));
  try {
    const conn = await openNative();
    await insertRows(conn, table, columns, data);
    const file = join(dir, `${table}.parquet`);
    await conn.run(`COPY "${table}" TO '${file}' (FORMAT parquet)`);
    conn.closeSync();
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Row-group chunks as the engine's Parquet decoder yields them; an Error fails that step. */
function chunks(items: readonly (Uint8Array | Error)[]): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: () => {
      let i = 0;
      return {
        next: (): Promise<IteratorResult<Uint8Array>> => {
          const item = items[i++];
          if (item instanceof Error) return Promise.reject(item);
          return Promise.resolve(
            item === undefined ? { done: true, value: undefined } : { done: false, value: item },
          );
        },
      };
    },
  };
}

const UPGRADING_CSV = [
  'rw_code,stage,year,status,budget_idr',
  '31.71.01.1001.001,cap,2022,selesai,150000000',
  '31.71.01.1001.001,cip,2023,selesai,2000000000',
  '31.71.01.1002.001,cap,2026,rencana,',
].join('\n');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('engine protocol round trip', () => {
  it('opens, loads Parquet written by native DuckDB, and answers a query as Arrow IPC', async () => {
    const engine = await openEngine();
    const bytes = await nativeParquet(
      'households',
      HOUSEHOLD_COLUMNS,
      tinyHouseholds as unknown as Record<string, unknown>[],
    );
    const load = await call(engine, 'loadTable', {
      table: 'households',
      format: 'parquet',
      bytes,
      columns: HOUSEHOLD_COLUMNS,
    });
    expect(load.error).toBeNull();
    expect(load.ok!.rowCount).toBe(tinyHouseholds.length);
    expect(load.ok!.columns.map((c) => c.name)).toEqual(HOUSEHOLD_COLUMNS.map((c) => c.name));
    expect(load.ok!.columns.find((c) => c.name === 'desil')?.type).toBe('TINYINT');
    expect(load.progress.map((p) => p.phase)).toEqual(['decode', 'stage', 'validate', 'commit']);
    expect(load.progress.map((p) => [p.loaded, p.total])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);

    const got = await queryRows(
      engine,
      `SELECT rw_code, count(*) AS n, sum(members) AS people, min(validated_on) AS first_visit
       FROM households GROUP BY rw_code ORDER BY rw_code`,
    );
    expect(got).toEqual([
      {
        rw_code: '31.71.01.1001.001',
        n: 12,
        people: 2 * 5 + 2 * 5 + 3 * 4 + 3 * 3 + 2 * 3,
        first_visit: Date.UTC(2023, 2, 1),
      },
      { rw_code: '31.71.01.1001.002', n: 5, people: 10, first_visit: null },
      {
        rw_code: '31.71.01.1002.001',
        n: 20,
        people: 10 * 4 + 10 * 3,
        first_visit: Date.UTC(2023, 4, 10),
      },
      { rw_code: '31.72.01.1001.001', n: 15, people: 30, first_visit: null },
    ]);
  });

  it('appends Parquet row groups one by one into a single table (issue 8)', async () => {
    const bytes = await nativeParquet(
      'households',
      HOUSEHOLD_COLUMNS,
      tinyHouseholds as unknown as Record<string, unknown>[],
    );
    const whole = arrow.tableFromIPC(nodeParquetToIpc(bytes));
    const half = Math.floor(whole.numRows / 2);
    const engine = createEngine(createNodeBindings(), {
      parquetToIpc: () =>
        chunks([
          arrow.tableToIPC(whole.slice(0, half), 'stream'),
          arrow.tableToIPC(whole.slice(half), 'stream'),
        ]),
    });
    expect((await call(engine, 'open', {})).error).toBeNull();
    const load = await call(engine, 'loadTable', {
      table: 'households',
      format: 'parquet',
      bytes,
      columns: HOUSEHOLD_COLUMNS,
    });
    expect(load.error).toBeNull();
    expect(load.ok!.rowCount).toBe(tinyHouseholds.length);
    expect(load.progress.map((p) => p.phase)).toEqual(['decode', 'stage', 'validate', 'commit']);
    const got = await queryRows(engine, 'SELECT hh_id, members FROM households ORDER BY hh_id');
    const want = tinyHouseholds
      .map((h) => ({ hh_id: h.hh_id, members: h.members }))
      .sort((a, b) => (a.hh_id < b.hh_id ? -1 : a.hh_id > b.hh_id ? 1 : 0));
    expect(got).toEqual(want);
  });

  it('reads each Parquet row group in turn, the schema alone when there is none, and frees the file', async () => {
    const read = async (groups: number): Promise<{ reads: string[]; freed: boolean }> => {
      const reads: string[] = [];
      let freed = false;
      const file: ParquetFileLike = {
        metadata: () => ({ numRowGroups: () => groups }),
        read: (o) => {
          reads.push(JSON.stringify(o?.rowGroups ?? 'all'));
          return Promise.resolve({ intoIPCStream: () => new Uint8Array([reads.length]) });
        },
        free: () => {
          freed = true;
        },
      };
      const got: number[] = [];
      for await (const ipc of parquetRowGroups(new Uint8Array([1]), () => Promise.resolve(file)))
        got.push(ipc[0]!);
      expect(got).toEqual(reads.map((_, i) => i + 1));
      return { reads, freed };
    };
    expect(await read(3)).toEqual({ reads: ['[0]', '[1]', '[2]'], freed: true });
    expect(await read(0)).toEqual({ reads: ['"all"'], freed: true });
  });

  it('reports a row group that fails to decode as unreadable Parquet and keeps no table', async () => {
    const bytes = await nativeParquet(
      'households',
      HOUSEHOLD_COLUMNS,
      tinyHouseholds as unknown as Record<string, unknown>[],
    );
    const first = nodeParquetToIpc(bytes);
    const engine = createEngine(createNodeBindings(), {
      parquetToIpc: () => chunks([first, new Error('broken page')]),
    });
    expect((await call(engine, 'open', {})).error).toBeNull();
    const load = await call(engine, 'loadTable', {
      table: 'households',
      format: 'parquet',
      bytes,
      columns: HOUSEHOLD_COLUMNS,
    });
    expect(load.error?.code).toBe('decode_error');
    expect(load.error?.message).toContain('not readable Parquet (broken page)');
    const info = await call(engine, 'query', {
      sql: "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '%households%'",
    });
    expect(arrow.tableFromIPC(info.ok!.ipc).get(0)?.toJSON()).toEqual({ n: 0 });
  });

  it('answers tableInfo and dropTable', async () => {
    const engine = await openEngine();
    await call(engine, 'exec', { sql: 'CREATE TABLE t AS SELECT range AS x FROM range(7)' });
    const info = await call(engine, 'tableInfo', { table: 't' });
    expect(info.ok).toEqual({
      table: 't',
      exists: true,
      rowCount: 7,
      columns: [{ name: 'x', type: 'BIGINT' }],
    });
    expect((await call(engine, 'dropTable', { table: 't' })).ok).toEqual({ dropped: true });
    expect((await call(engine, 'dropTable', { table: 't' })).ok).toEqual({ dropped: false });
    expect((await call(engine, 'tableInfo', { table: 't' })).ok).toEqual({
      table: 't',
      exists: false,
      rowCount: 0,
      columns: [],
    });
  });

  it('answers not_open before open, and bad_request for malformed messages and table names', async () => {
    const engine = createNodeEngine();
    expect((await call(engine, 'query', { sql: 'SELECT 1' })).error?.code).toBe('not_open');
    const posted: WorkerResponse[] = [];
    await engine.handle({ id: 5, type: 'nonsense', data: {} }, (m) => posted.push(m));
    await engine.handle('garbage', (m) => posted.push(m));
    expect(posted.map((m) => [m.id, m.type, m.type === 'error' ? m.data.code : null])).toEqual([
      [5, 'error', 'bad_request'],
      [-1, 'error', 'bad_request'],
    ]);
    await call(engine, 'open', {});
    const bad = await call(engine, 'tableInfo', { table: 'x; DROP TABLE y' });
    expect(bad.error?.code).toBe('bad_request');
    const sqlError = await call(engine, 'query', { sql: 'SELECT * FROM no_such_table' });
    expect(sqlError.error?.code).toBe('sql_error');
    expect(sqlError.error?.message).toContain('no_such_table');
  });
});

describe('loads', () => {
  it('loads GeoJSON properties into contract columns, ignoring geometry and extra properties', async () => {
    const engine = await openEngine();
    const props = tinyRw.map((r) => ({ ...r, name_extra: 'ignored' }));
    const load = await call(engine, 'loadTable', {
      table: 'rw',
      format: 'geojson-properties',
      bytes: featureCollection(props),
      columns: RW_COLUMNS,
    });
    expect(load.error).toBeNull();
    expect(load.ok!.columns).toEqual(RW_COLUMNS.map((c) => ({ name: c.name, type: c.type })));
    const got = await queryRows(
      engine,
      'SELECT rw_code, rw_number, households, kumuh_level FROM rw ORDER BY rw_code',
    );
    expect(got).toEqual(
      tinyRw.map((r) => ({
        rw_code: r.rw_code,
        rw_number: r.rw_number,
        households: r.households,
        kumuh_level: r.kumuh_level,
      })),
    );
  });

  it('loads GeoJSON properties without a contract, inferring number/text/boolean columns', async () => {
    const engine = await openEngine();
    const bytes = featureCollection([
      { a: 1.5, b: 'x', c: true },
      { a: 2, b: null, c: false, d: { k: 1 } },
    ]);
    const load = await call(engine, 'loadTable', {
      table: 'free',
      format: 'geojson-properties',
      bytes,
    });
    expect(load.ok!.columns).toEqual([
      { name: 'a', type: 'DOUBLE' },
      { name: 'b', type: 'VARCHAR' },
      { name: 'c', type: 'BOOLEAN' },
      { name: 'd', type: 'VARCHAR' },
    ]);
    expect(await queryRows(engine, 'SELECT * FROM free')).toEqual([
      { a: 1.5, b: 'x', c: true, d: null },
      { a: 2, b: null, c: false, d: '{"k":1}' },
    ]);
  });

  it('loads a CSV with the contract types, filling a missing optional column with NULL', async () => {
    const engine = await openEngine();
    const csv = UPGRADING_CSV.replace(',budget_idr', '')
      .split('\n')
      .map((l, i) => (i === 0 ? l : l.slice(0, l.lastIndexOf(','))))
      .join('\n');
    const load = await call(engine, 'loadTable', {
      table: 'settlement_upgrading',
      format: 'csv',
      bytes: encode(csv),
      columns: UPGRADING_COLUMNS,
    });
    expect(load.error).toBeNull();
    expect(load.ok!.columns).toEqual([
      { name: 'rw_code', type: 'VARCHAR' },
      { name: 'stage', type: 'VARCHAR' },
      { name: 'year', type: 'SMALLINT' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'budget_idr', type: 'INTEGER' },
    ]);
    expect(
      await queryRows(engine, 'SELECT year, budget_idr FROM settlement_upgrading ORDER BY year'),
    ).toEqual([
      { year: 2022, budget_idr: null },
      { year: 2023, budget_idr: null },
      { year: 2026, budget_idr: null },
    ]);
  });

  it('loads a full CSV with nullable cells as NULL and the right sums', async () => {
    const engine = await openEngine();
    const load = await call(engine, 'loadTable', {
      table: 'settlement_upgrading',
      format: 'csv',
      bytes: encode(UPGRADING_CSV),
      columns: UPGRADING_COLUMNS,
    });
    expect(load.error).toBeNull();
    expect(
      await queryRows(
        engine,
        'SELECT sum(budget_idr) AS s, count(budget_idr) AS c, count(*) AS n FROM settlement_upgrading',
      ),
    ).toEqual([{ s: 2_150_000_000, c: 2, n: 3 }]);
  });

  it('loads an Arrow IPC stream as is', async () => {
    const engine = await openEngine();
    const table = arrow.tableFromArrays({ k: Int32Array.from([3, 1, 2]) });
    const load = await call(engine, 'loadTable', {
      table: 'a',
      format: 'arrow',
      bytes: arrow.tableToIPC(table, 'stream'),
    });
    expect(load.ok).toEqual({ table: 'a', rowCount: 3, columns: [{ name: 'k', type: 'INTEGER' }] });
    expect(await queryRows(engine, 'SELECT sum(k) AS s FROM a')).toEqual([{ s: 6 }]);
  });
});

describe('bad loads leave the previous table intact', () => {
  async function engineWithRw(): Promise<Engine> {
    const engine = await openEngine();
    const first = await call(engine, 'loadTable', {
      table: 'rw',
      format: 'geojson-properties',
      bytes: featureCollection(tinyRw),
      columns: RW_COLUMNS,
    });
    expect(first.error).toBeNull();
    return engine;
  }

  async function expectRwIntact(engine: Engine): Promise<void> {
    expect(await queryRows(engine, 'SELECT count(*) AS n, sum(households) AS hh FROM rw')).toEqual([
      { n: 4, hh: 550 },
    ]);
    expect(
      (
        await queryRows(
          engine,
          "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__stage%'",
        )
      )[0],
    ).toEqual({ n: 0 });
  }

  it('rejects a missing required column, naming table and column', async () => {
    const engine = await engineWithRw();
    const props = tinyRw.map(({ kumuh_level: _drop, ...rest }) => rest);
    const r = await call(engine, 'loadTable', {
      table: 'rw',
      format: 'geojson-properties',
      bytes: featureCollection(props),
      columns: RW_COLUMNS,
    });
    expect(r.error?.code).toBe('contract_violation');
    expect(r.error?.message).toContain(
      'Cannot load "rw": column "kumuh_level" is missing; add it (VARCHAR: slum grade)',
    );
    expect(r.error?.message).toContain('previous "rw" table');
    await expectRwIntact(engine);
  });

  it('rejects a wrong type and reports bad values with their row', async () => {
    const engine = await engineWithRw();
    const numericCodes = tinyRw.map((r, i) => ({ ...r, rw_code: 3171 + i }));
    const wrongType = await call(engine, 'loadTable', {
      table: 'rw',
      format: 'geojson-properties',
      bytes: featureCollection(numericCodes),
      columns: RW_COLUMNS,
    });
    expect(wrongType.error?.message).toContain(
      'column "rw_code" has type DOUBLE but must be VARCHAR',
    );
    const badValues = tinyRw.map((r, i) => ({
      ...r,
      rw_number: i === 1 ? 2.5 : r.rw_number,
      kumuh_level: i === 3 ? 'parah' : r.kumuh_level,
      households: i === 0 ? null : r.households,
    }));
    const r = await call(engine, 'loadTable', {
      table: 'rw',
      format: 'geojson-properties',
      bytes: featureCollection(badValues),
      columns: RW_COLUMNS,
    });
    expect(r.error?.code).toBe('contract_violation');
    expect(r.error?.details).toEqual([
      'column "rw_number": 1 value is not a whole number, first at feature 2: "2.5"; use whole numbers',
      'column "households": 1 row is empty, first at feature 1; this column must always have a value',
      'column "kumuh_level": 1 value is not an allowed code, first at feature 4: "parah"; use one of tidak, sangat_ringan, ringan, sedang, berat',
    ]);
    await expectRwIntact(engine);
  });

  it('rejects out-of-range and unparseable CSV cells with the file line', async () => {
    const engine = await openEngine();
    const csv = UPGRADING_CSV.replace('2023', '1999').replace('2026', 'next year');
    const r = await call(engine, 'loadTable', {
      table: 'settlement_upgrading',
      format: 'csv',
      bytes: encode(csv),
      columns: UPGRADING_COLUMNS,
    });
    expect(r.error?.code).toBe('contract_violation');
    expect(r.error?.details).toEqual([
      'column "year": 1 value is not a valid SMALLINT, first at data row 3 (line 4 of the file): "next year"; fix or clear them',
      'column "year": 1 value is outside 2015–2035, first at data row 2 (line 3 of the file): "1999"; keep values within 2015–2035 (budget year)',
    ]);
    expect((await call(engine, 'tableInfo', { table: 'settlement_upgrading' })).ok?.exists).toBe(
      false,
    );
  });

  it('rejects garbage bytes in every format with a decode error', async () => {
    const engine = await engineWithRw();
    const garbage = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256);
    for (const format of ['parquet', 'geojson-properties', 'arrow', 'csv'] as const) {
      const r = await call(engine, 'loadTable', {
        table: 'rw',
        format,
        bytes: garbage.slice(),
        columns: RW_COLUMNS,
      });
      expect(r.error, format).not.toBeNull();
      expect(['decode_error', 'contract_violation'], format).toContain(r.error?.code);
      expect(r.error?.message, format).toMatch(/^Cannot load "rw": /);
    }
    await expectRwIntact(engine);
  });
});

describe('cancellation', () => {
  const LONG = 'SELECT sum(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b';

  it('cancels a running query, answers cancelled, and keeps working', async () => {
    const engine = await openEngine();
    const posted: WorkerResponse[] = [];
    const post = (m: WorkerResponse) => posted.push(m);
    const running = engine.handle({ id: 100, type: 'query', data: { sql: LONG } }, post);
    const cancel = engine.handle({ id: 101, type: 'cancel', data: { targetId: 100 } }, post);
    await Promise.all([running, cancel]);
    expect(posted).toEqual([
      { id: 101, type: 'ok', request: 'cancel', data: { found: true } },
      {
        id: 100,
        type: 'error',
        data: { code: 'cancelled', message: 'Request 100 was cancelled.' },
      },
    ]);
    expect(await queryRows(engine, 'SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
  });

  it('drops a queued request without running it', async () => {
    const engine = await openEngine();
    const posted: WorkerResponse[] = [];
    const post = (m: WorkerResponse) => posted.push(m);
    const all = [
      engine.handle({ id: 200, type: 'query', data: { sql: LONG } }, post),
      engine.handle(
        { id: 201, type: 'exec', data: { sql: 'CREATE TABLE never AS SELECT 1' } },
        post,
      ),
      engine.handle({ id: 202, type: 'cancel', data: { targetId: 201 } }, post),
      engine.handle({ id: 203, type: 'cancel', data: { targetId: 200 } }, post),
      engine.handle({ id: 204, type: 'cancel', data: { targetId: 999 } }, post),
    ];
    await Promise.all(all);
    expect(posted.map((m) => [m.id, m.type === 'error' ? m.data.code : m.data])).toEqual([
      [201, 'cancelled'],
      [202, { found: true }],
      [203, { found: true }],
      [204, { found: false }],
      [200, 'cancelled'],
    ]);
    expect((await call(engine, 'tableInfo', { table: 'never' })).ok?.exists).toBe(false);
  });
});

describe('no network', () => {
  /** Replaces the browser network APIs DuckDB-WASM would use and records any attempt. */
  function recordNetwork(): string[] {
    const attempts: string[] = [];
    class RecordingXhr {
      constructor() {
        attempts.push('XMLHttpRequest');
      }
      open(): void {
        throw new Error('network disabled in tests');
      }
    }
    vi.stubGlobal('XMLHttpRequest', RecordingXhr);
    vi.stubGlobal('fetch', (input: unknown) => {
      attempts.push(`fetch ${String(input)}`);
      return Promise.reject(new Error('network disabled in tests'));
    });
    return attempts;
  }

  it('bare DuckDB-WASM reaches for the network to fetch extensions (the recorder works)', async () => {
    const attempts = recordNetwork();
    const b = await createNodeBindings();
    await b.instantiate(() => undefined);
    b.open({});
    const conn = b.connect();
    expect(() => conn.query('LOAD httpfs')).toThrow();
    expect(attempts).toContain('XMLHttpRequest');
  });

  it('the engine refuses remote URLs and extension loads without any request', async () => {
    const attempts = recordNetwork();
    const engine = await openEngine();
    const remote = await call(engine, 'query', {
      sql: "SELECT * FROM read_csv('https://example.com/x.csv')",
    });
    expect(remote.error?.code).toBe('sql_error');
    expect(remote.error?.message).toContain('disabled by configuration');
    for (const sql of [
      "SELECT * FROM 'https://example.com/x.parquet'",
      'LOAD httpfs',
      'SET enable_external_access = true',
      'SET autoload_known_extensions = true',
    ]) {
      expect((await call(engine, 'query', { sql })).error?.code, sql).toBe('sql_error');
    }
    await call(engine, 'exec', { sql: 'INSTALL httpfs' });
    expect(attempts).toEqual([]);
  });
});

describe('DuckDB-WASM agrees with native DuckDB', () => {
  function generated(count: number): HouseholdRow[] {
    const rng = createRng(20240301);
    const rws = tinyRw.map((r) => r.rw_code);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    return Array.from({ length: count }, (_, i) => {
      const members = 1 + Math.floor(rng() * 8);
      const pus = rng() < 0.4;
      return household(i + 1, {
        rw_code: pick(rws),
        desil: 1 + Math.floor(rng() * 10),
        members,
        expenditure_per_capita: 150_000 + Math.floor(rng() * 3_000_000),
        ktp_dki: rng() < 0.8,
        toddlers: Math.floor(rng() * 3),
        elderly: Math.floor(rng() * 2),
        pus,
        kb_active: pus && rng() < 0.6,
        floor_area_m2: Math.round(rng() * 1200) / 10,
        sanitation: pick(['sendiri', 'bersama', 'umum', 'tidak_ada'] as const),
        kjp_plus: Math.floor(rng() * 3),
        pmt_balita: Math.floor(rng() * 2),
      });
    });
  }

  const AGGREGATE = `
    SELECT rw_code,
           count(*)::DOUBLE AS households,
           sum(members)::DOUBLE AS people,
           sum(CASE WHEN expenditure_per_capita < 825288 THEN members ELSE 0 END)::DOUBLE
             / sum(members) AS poor_share,
           avg(floor_area_m2 / members) AS m2_per_person,
           count(*) FILTER (WHERE pus AND kb_active)::DOUBLE / nullif(count(*) FILTER (WHERE pus), 0) AS kb_rate,
           sum(kjp_plus)::DOUBLE AS kjp,
           count(*) FILTER (WHERE sanitation IN ('umum', 'tidak_ada') OR NOT ktp_dki)::DOUBLE AS flagged,
           median(expenditure_per_capita)::DOUBLE AS median_exp
    FROM households
    GROUP BY rw_code
    ORDER BY rw_code`;

  it('gives identical GROUP BY sums and ratios over generated rows', async () => {
    const data = generated(4000) as unknown as Record<string, unknown>[];
    const native = await openNative();
    await native.run('SET threads = 1');
    await insertRows(native, 'households', HOUSEHOLD_COLUMNS, data);
    const expected = await nativeRows(native, AGGREGATE);
    native.closeSync();

    const engine = await openEngine();
    const bytes = await nativeParquet('households', HOUSEHOLD_COLUMNS, data);
    expect(
      (
        await call(engine, 'loadTable', {
          table: 'households',
          format: 'parquet',
          bytes,
          columns: HOUSEHOLD_COLUMNS,
        })
      ).error,
    ).toBeNull();
    const got = await queryRows(engine, AGGREGATE);
    expect(got).toHaveLength(4);
    expect(got).toEqual(expected);
  });

  it('loads kelurahan GeoJSON with REAL areas equal to native FLOAT values', async () => {
    const engine = await openEngine();
    const load = await call(engine, 'loadTable', {
      table: 'kelurahan',
      format: 'geojson-properties',
      bytes: featureCollection(tinyKelurahan),
      columns: KELURAHAN_COLUMNS,
    });
    expect(load.error).toBeNull();
    const native = await openNative();
    await insertRows(native, 'kelurahan', KELURAHAN_COLUMNS, tinyKelurahan);
    const sql =
      'SELECT kota_code, sum(area_km2)::DOUBLE AS area, sum(population)::DOUBLE AS pop FROM kelurahan GROUP BY kota_code ORDER BY kota_code';
    const expected = await nativeRows(native, sql);
    native.closeSync();
    expect(await queryRows(engine, sql)).toEqual(expected);
  });
});
