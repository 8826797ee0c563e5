/** The table every export writer takes: typed columns and rows of plain cells, in screen order. */

/** Kind of a column: text, a number (written typed) or a flag. */
export type ColumnKind = 'text' | 'number' | 'boolean';

/** How a number column is shown in a spreadsheet; the value itself is never rounded. */
export type NumberFormat = 'integer' | 'decimal' | 'percent';

/** One column: a stable snake_case key (CSV/XLSX header, GeoJSON property) and its kind. */
export interface ExportColumn {
  readonly key: string;
  readonly kind: ColumnKind;
  /** Spreadsheet display format of a number column; default 'decimal'. */
  readonly format?: NumberFormat;
}

/** A cell: null is written empty (suppressed and missing values). */
export type ExportCell = string | number | boolean | null;

/** Columns and rows (each row aligned with the columns). */
export interface ExportTable {
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly ExportCell[])[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Escapes a text cell against formula injection (OWASP "CSV injection"): text that begins with
 * `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe. Numbers are never passed here.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Checks that every row has one cell per column and each cell fits its column's kind. */
export function assertTable(table: ExportTable): void {
  const keys = new Set<string>();
  for (const c of table.columns) {
    if (keys.has(c.key)) throw new Error(`duplicate export column ${c.key}`);
    keys.add(c.key);
  }
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) throw new Error(`export row ${i} has ${row.length} cells, expected ${table.columns.length}`);
    row.forEach((cell, j) => {
      const kind = table.columns[j]!.kind;
      if (cell === null) return;
      const ok =
        kind === 'number' ? typeof cell === 'number' && Number.isFinite(cell) : kind === 'boolean' ? typeof cell === 'boolean' : typeof cell === 'string';
      if (!ok) throw new Error(`export row ${i}, column ${table.columns[j]!.key}: ${String(cell)} is not ${kind}`);
    });
  });
}
