import type { StructRowProxy, Table } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { RW_COLUMNS } from './contracts';
import { createDbClient, DbError, isCancelled, type DbClient } from './client';
import { serveEngine } from './engine';
import { createNodeEngine } from './node-engine';
import type { ProgressData } from './protocol';

const LONG = 'SELECT sum(a.range * b.range) AS s FROM range(1000000) a, range(1000000) b';

const ports: MessagePort[] = [];

/** A client talking over a real MessageChannel to a real engine, as the app talks to worker.ts. */
async function connectedClient(): Promise<DbClient> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serveEngine(createNodeEngine(), port2);
  port2.start();
  const client = createDbClient(port1);
  await client.open();
  return client;
}

function rwGeojson(): Uint8Array {
  const features = [
    {
      rw_code: '31.71.01.1001.001',
      kelurahan_code: '31.71.01.1001',
      rw_number: 1,
      population: 400,
      households: 100,
      kumuh_level: 'ringan',
    },
    {
      rw_code: '31.71.01.1001.002',
      kelurahan_code: '31.71.01.1001',
      rw_number: 2,
      population: 300,
      households: 80,
      kumuh_level: 'tidak',
    },
  ].map((properties) => ({ type: 'Feature', geometry: null, properties }));
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** Plain row objects of an Arrow table. */
function plain(table: Table): Record<string, unknown>[] {
  return table.toArray().map((r: StructRowProxy) => r.toJSON() as Record<string, unknown>);
}

/** The DbError a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<DbError> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(DbError);
  return outcome as DbError;
}

afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

describe('db client over a MessageChannel', () => {
  it('loads a table with progress, transfers the bytes, and decodes query results', async () => {
    const client = await connectedClient();
    const bytes = rwGeojson();
    const progress: ProgressData[] = [];
    const load = await client.loadTable(
      { table: 'rw', format: 'geojson-properties', bytes, columns: RW_COLUMNS },
      { onProgress: (p) => progress.push(p) },
    );
    expect(bytes.byteLength).toBe(0);
    expect(load.rowCount).toBe(2);
    expect(progress.map((p) => p.phase)).toEqual(['decode', 'stage', 'validate', 'commit']);
    const table = await client.query('SELECT rw_number, households FROM rw ORDER BY rw_number');
    expect(table.numRows).toBe(2);
    expect(plain(table)).toEqual([
      { rw_number: 1, households: 100 },
      { rw_number: 2, households: 80 },
    ]);
    expect(await client.tableInfo('rw')).toMatchObject({ exists: true, rowCount: 2 });
    expect(await client.dropTable('rw')).toEqual({ dropped: true });
  });

  it('rejects with a DbError carrying the worker code and message', async () => {
    const client = await connectedClient();
    const error = await rejection(client.query('SELEC 1'));
    expect(error.code).toBe('sql_error');
    expect(error.message).toContain('syntax error');
    const bytes = new TextEncoder().encode(
      '{"type":"FeatureCollection","features":[{"properties":{"rw_code":"x"}}]}',
    );
    const bad = await rejection(
      client.loadTable({ table: 'rw', format: 'geojson-properties', bytes, columns: RW_COLUMNS }),
    );
    expect(bad.code).toBe('contract_violation');
    expect(bad.details).toContain(
      'column "kelurahan_code" is missing; add it (VARCHAR: Kemendagri code PP.KK.CC.DDDD)',
    );
  });

  it('aborting a signal cancels the running query in the worker, which keeps working', async () => {
    const client = await connectedClient();
    const controller = new AbortController();
    const running = client.query(LONG, { signal: controller.signal });
    controller.abort();
    expect(isCancelled(await rejection(running))).toBe(true);
    const table = await client.query('SELECT 41 + 1 AS answer');
    expect(plain(table)).toEqual([{ answer: 42 }]);
  });

  it('queryLatest never resolves an older result after a newer one', async () => {
    const client = await connectedClient();
    const slow = client.queryLatest('map', LONG);
    const quick = client.queryLatest('map', 'SELECT 1 AS v');
    const quicker = client.queryLatest('map', 'SELECT 2 AS v');
    const other = client.queryLatest('chart', 'SELECT 3 AS v');
    const settled = await Promise.allSettled([slow, quick, quicker, other]);
    expect(
      settled.map((s) => (s.status === 'rejected' ? isCancelled(s.reason) : plain(s.value))),
    ).toEqual([true, true, [{ v: 2 }], [{ v: 3 }]]);
  });

  it('an already aborted signal sends nothing, and dispose rejects what is pending', async () => {
    const client = await connectedClient();
    const controller = new AbortController();
    controller.abort();
    expect(
      isCancelled(
        await rejection(client.exec('CREATE TABLE never (x INT)', { signal: controller.signal })),
      ),
    ).toBe(true);
    expect(await client.tableInfo('never')).toMatchObject({ exists: false });
    const pending = client.query('SELECT 1');
    client.dispose();
    expect(isCancelled(await rejection(pending))).toBe(true);
  });
});
