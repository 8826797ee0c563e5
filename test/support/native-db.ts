/** Native DuckDB helpers for tests: create the contract tables and insert small row sets. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  HOUSEHOLD_COLUMNS,
  KELURAHAN_COLUMNS,
  RW_COLUMNS,
  UPGRADING_COLUMNS,
  createTableSql,
  type ColumnSpec,
} from '../../src/db/contracts';
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
