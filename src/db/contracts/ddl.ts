/** DDL derived from the contract, shared by the browser loader, the CLI and the tests. */
import type { ColumnSpec } from './households';

const NAME = /^[a-z_][a-z0-9_]*$/;

/** `CREATE OR REPLACE TABLE name (col TYPE, …)` for a contract table. */
export function createTableSql(table: string, columns: readonly ColumnSpec[]): string {
  if (!NAME.test(table)) throw new Error(`bad table name ${table}`);
  const cols = columns.map((c) => {
    if (!NAME.test(c.name)) throw new Error(`bad column name ${c.name}`);
    return `"${c.name}" ${c.type}`;
  });
  return `CREATE OR REPLACE TABLE "${table}" (${cols.join(', ')})`;
}
