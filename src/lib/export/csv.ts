/**
 * CSV writer (RFC 4180: CRLF line ends, fields with the separator, a quote or a line break are
 * quoted, quotes doubled), UTF-8 with a byte-order mark so Excel reads the text right.
 */
import { assertTable, escapeFormula, type ExportCell, type ExportColumn, type ExportTable } from './table';

/** `rfc4180`: `,` and a decimal point; `excel-id`: Excel with Indonesian regional settings (`;` and a decimal comma). */
export type CsvDialect = 'rfc4180' | 'excel-id';
/** Dialects, in menu order. */
export const CSV_DIALECTS: readonly CsvDialect[] = ['rfc4180', 'excel-id'];

/** The UTF-8 byte-order mark that starts every CSV. */
export const BOM = '\uFEFF';

const SEPARATOR: Record<CsvDialect, string> = { rfc4180: ',', 'excel-id': ';' };

function quote(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A number as CSV text: shortest round-trip form, with a decimal comma in `excel-id`. */
export function csvNumber(value: number, dialect: CsvDialect): string {
  const text = String(value);
  return dialect === 'excel-id' ? text.replace('.', ',') : text;
}

function cellText(cell: ExportCell, column: ExportColumn, dialect: CsvDialect): string {
  if (cell === null) return '';
  if (column.kind === 'number') return csvNumber(cell as number, dialect);
  if (column.kind === 'boolean') return cell ? 'true' : 'false';
  return escapeFormula(cell as string);
}

/** Writes the table as CSV text (starting with the BOM; header row of column keys). */
export function toCsv(table: ExportTable, dialect: CsvDialect): string {
  assertTable(table);
  const sep = SEPARATOR[dialect];
  const lines = [
    table.columns.map((c) => quote(escapeFormula(c.key), sep)).join(sep),
    ...table.rows.map((row) => row.map((cell, j) => quote(cellText(cell, table.columns[j]!, dialect), sep)).join(sep)),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The CSV as a Blob of UTF-8 bytes. */
export function csvBlob(table: ExportTable, dialect: CsvDialect): Blob {
  return new Blob([toCsv(table, dialect)], { type: 'text/csv;charset=utf-8' });
}
