/** What the state layer needs from the database client (src/db/client.ts implements it). */
import type * as arrow from 'apache-arrow';
import type { LoadResult, LoadTableData, ProgressData } from '../db/protocol';

/** The database as the state layer sees it: load, exec, query, superseding queries. */
export interface DbPort {
  loadTable(data: LoadTableData, options?: { onProgress?: (p: ProgressData) => void }): Promise<LoadResult>;
  exec(sql: string): Promise<unknown>;
  query(sql: string, options?: { signal?: AbortSignal }): Promise<arrow.Table>;
}

/** Plain JS rows from an Arrow table (numbers stay numbers; BigInt becomes number). */
export function tableRows(table: arrow.Table): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    names.forEach((n, j) => {
      const v: unknown = columns[j]?.get(i);
      row[n] = typeof v === 'bigint' ? Number(v) : v;
    });
    out.push(row);
  }
  return out;
}

/** A cell as a string (NULL → null); for names and codes read from query rows. */
export function str(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/** A cell as a finite number, else null. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
