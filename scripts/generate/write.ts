/** File writers of the demo generator: Parquet through native DuckDB, GeoJSON, CSV, digests. */
import { DuckDBDataChunk, DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { HOUSEHOLD_COLUMNS, type ColumnSpec } from '../../src/db/contracts';
import type { HouseholdColumns } from './households';

/** Rows per Parquet row group (DuckDB's default; lets readers skip whole groups by rw_code). */
export const PARQUET_ROW_GROUP_SIZE = 122_880;
/** Rows per appended DuckDB data chunk. */
const CHUNK = 2048;
const SAFE_TEXT = /^[\w .,/-]*$/;

/** Size and SHA-256 (hex) of a written file. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** Reads a file back and digests it. */
export function fileDigest(path: string): FileDigest {
  const buf = readFileSync(path);
  return { bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
}

/** A SQL string literal; refuses anything but plain codes and words (they come from our own lists). */
function textLiteral(v: string): string {
  if (!SAFE_TEXT.test(v)) throw new Error(`unexpected text in a generated literal: ${v}`);
  return `'${v}'`;
}

/** Staging type of a contract column: codes for categories and RW, day numbers for dates. */
function stagingType(c: ColumnSpec): string {
  if (c.name === 'rw_code') return 'USMALLINT';
  if (c.values) return 'UTINYINT';
  if (c.type === 'DATE') return 'INTEGER';
  return c.type;
}

/** The SELECT expression turning a staged column into its contract type. */
function finalExpression(c: ColumnSpec, rwCodes: readonly string[]): string {
  const col = `"${c.name}"`;
  if (c.name === 'rw_code')
    return `([${rwCodes.map(textLiteral).join(',')}])[${col} + 1]::VARCHAR AS ${col}`;
  if (c.values) return `([${c.values.map(textLiteral).join(',')}])[${col} + 1]::VARCHAR AS ${col}`;
  if (c.type === 'DATE') return `(DATE '1970-01-01' + ${col})::DATE AS ${col}`;
  return `${col}::${c.type} AS ${col}`;
}

/** Reads row i of a column as the staging table wants it (booleans as true/false, NULL dates). */
function stagedReader(
  c: HouseholdColumns,
  spec: ColumnSpec,
): (i: number) => string | number | boolean | null {
  if (spec.name === 'hh_id') return (i) => c.hh_id[i]!;
  const arr = c[spec.name as Exclude<keyof HouseholdColumns, 'length' | 'rwCodes' | 'hh_id'>];
  if (spec.type === 'BOOLEAN') return (i) => arr[i] === 1;
  if (spec.type === 'DATE') return (i) => (arr[i]! < 0 ? null : arr[i]!);
  return (i) => arr[i]!;
}

/**
 * Writes the households table to Parquet with exactly the contract's columns, order and types
 * (zstd, row groups of 122,880, rows in the given order, i.e. by rw_code). Columns are appended as
 * compact codes in DuckDB data chunks and decoded in the COPY. One thread keeps the file
 * byte-identical across runs.
 */
export async function writeHouseholdsParquet(path: string, c: HouseholdColumns): Promise<void> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  try {
    const specs: readonly ColumnSpec[] = HOUSEHOLD_COLUMNS;
    await conn.run(
      `CREATE TABLE staging (${specs.map((s) => `"${s.name}" ${stagingType(s)}`).join(', ')})`,
    );
    const appender = await conn.createAppender('staging');
    const types = specs.map((_, j) => appender.columnType(j));
    const chunk = DuckDBDataChunk.create(types, CHUNK);
    const readers = specs.map((spec) => stagedReader(c, spec));
    for (let start = 0; start < c.length; start += CHUNK) {
      const count = Math.min(CHUNK, c.length - start);
      chunk.rowCount = count;
      readers.forEach((read, j) => {
        const vector = chunk.getColumnVector(j);
        for (let k = 0; k < count; k++) vector.setItem(k, read(start + k));
        vector.flush();
      });
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
    const select = specs.map((s) => finalExpression(s, c.rwCodes)).join(', ');
    const target = path.replaceAll("'", "''");
    await conn.run(
      `COPY (SELECT ${select} FROM staging) TO '${target}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${PARQUET_ROW_GROUP_SIZE})`,
    );
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** Writes a value as compact JSON (GeoJSON included); key order is the object's own order. */
export function writeJson(path: string, value: unknown, pretty = false): void {
  writeFileSync(path, JSON.stringify(value, null, pretty ? 2 : undefined) + '\n');
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; NULL is empty. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes an RFC 4180 CSV (UTF-8, CRLF line ends, header row) with the given column order. */
export function writeCsv<T extends object>(
  path: string,
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
): void {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) {
    lines.push(
      columns.map((k) => csvField(row[k] as string | number | null | undefined)).join(','),
    );
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
}
