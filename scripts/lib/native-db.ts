/** Native DuckDB helpers (CLI and tests): contract tables, small inserts, loading a data directory. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  HOUSEHOLD_COLUMNS,
  KELURAHAN_COLUMNS,
  RW_COLUMNS,
  UPGRADING_COLUMNS,
  createTableSql,
  type ColumnSpec,
} from '../../src/db/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAreasSql } from '../../src/query/areas';
import { buildCubeSql, type CubeParams } from '../../src/query/cube';
import { literal, type SqlValue } from '../../src/query/sql';

/** Opens an in-memory native DuckDB connection. */
export async function openNative(): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  return db.connect();
}

/** Inserts rows (objects keyed by column) into a contract table, creating it first. */
export async function insertRows(
  conn: DuckDBConnection,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  await conn.run(createTableSql(table, columns));
  if (rows.length === 0) return;
  const values = rows
    .map((row) => {
      const cells = columns.map((c) => {
        const v = (row[c.name] ?? null) as SqlValue;
        return c.type === 'DATE' && v !== null ? `DATE ${literal(v)}` : literal(v);
      });
      return `(${cells.join(', ')})`;
    })
    .join(',\n');
  await conn.run(`INSERT INTO "${table}" VALUES ${values}`);
}

/** Creates all four contract tables from row sets. */
export async function loadContractTables(
  conn: DuckDBConnection,
  data: {
    households: readonly Record<string, unknown>[];
    rw: readonly Record<string, unknown>[];
    kelurahan: readonly Record<string, unknown>[];
    upgrading: readonly Record<string, unknown>[];
  },
): Promise<void> {
  await insertRows(conn, 'households', HOUSEHOLD_COLUMNS, data.households);
  await insertRows(conn, 'rw', RW_COLUMNS, data.rw);
  await insertRows(conn, 'kelurahan', KELURAHAN_COLUMNS, data.kelurahan);
  await insertRows(conn, 'settlement_upgrading', UPGRADING_COLUMNS, data.upgrading);
}

/** Runs a query and returns plain row objects with numbers (BigInt converted). */
export async function rows(
  conn: DuckDBConnection,
  sql: string,
): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
      ),
    );
}

/** Reads the `properties` of every feature of a GeoJSON FeatureCollection file. */
export function readGeoJsonProperties(path: string): Record<string, unknown>[] {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as {
    type?: string;
    features?: { properties?: Record<string, unknown> | null }[];
  };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${path} is not a GeoJSON FeatureCollection`);
  }
  return fc.features.map((f) => f.properties ?? {});
}

/**
 * Loads a data directory (the demo layout: households.parquet, rw.geojson, kelurahan.geojson,
 * settlement_upgrading.csv) into the contract tables, then builds `areas` and the `cube`.
 */
export async function loadDataDir(
  conn: DuckDBConnection,
  dir: string,
  lines: CubeParams,
): Promise<void> {
  const households = join(dir, 'households.parquet');
  for (const f of ['households.parquet', 'rw.geojson', 'kelurahan.geojson']) {
    if (!existsSync(join(dir, f))) throw new Error(`${join(dir, f)} is missing: run \`npm run data\` or pass --data DIR`);
  }
  await conn.run(createTableSql('households', HOUSEHOLD_COLUMNS));
  const cols = HOUSEHOLD_COLUMNS.map((c) => `"${c.name}"::${c.type}`).join(', ');
  await conn.run(`INSERT INTO households SELECT ${cols} FROM read_parquet(${literal(households)})`);
  await insertRows(conn, 'rw', RW_COLUMNS, readGeoJsonProperties(join(dir, 'rw.geojson')));
  await insertRows(conn, 'kelurahan', KELURAHAN_COLUMNS, readGeoJsonProperties(join(dir, 'kelurahan.geojson')));
  const upgrading = join(dir, 'settlement_upgrading.csv');
  await conn.run(createTableSql('settlement_upgrading', UPGRADING_COLUMNS));
  if (existsSync(upgrading)) {
    const types = UPGRADING_COLUMNS.map((c) => `'${c.name}': '${c.type}'`).join(', ');
    await conn.run(
      `INSERT INTO settlement_upgrading SELECT * FROM read_csv(${literal(upgrading)}, header = true, columns = {${types}})`,
    );
  }
  await conn.run(buildAreasSql());
  await conn.run(buildCubeSql(lines));
}
