/** Tabular files (CSV, Parquet) as one shape: headers, row count and cells as text. */
import * as arrow from 'apache-arrow';
import { CsvError, decodeText, detectNumberStyle, parseCsv, sniffDelimiter, type Delimiter, type NumberStyle } from './text';
import { ImportError, err, info, type ImportMessage } from './messages';

/** Parquet through parquet-wasm: bytes ↔ Arrow IPC stream. */
export interface ParquetCodec {
  /** Parquet bytes to an Arrow IPC stream. */
  read(bytes: Uint8Array): Uint8Array;
  /** Arrow IPC stream to Parquet bytes (compressed). */
  write(ipc: Uint8Array): Uint8Array;
}

/** A table read from a file. */
export interface Tabular {
  readonly headers: readonly string[];
  readonly rowCount: number;
  /** Cell text ('' for empty/NULL); numbers and booleans as JS prints them, dates as YYYY-MM-DD. */
  cell(row: number, col: number): string;
  /** Up to `n` non-empty cells of a column, spread over the file. */
  sample(col: number, n?: number): string[];
  /** The Arrow table when the file was Parquet (typed columns kept as they are). */
  readonly arrow: arrow.Table | null;
  readonly delimiter: Delimiter | null;
  /** Number style per column (CSV only). */
  numberStyle(col: number): NumberStyle;
  /** Notes about how the file was read (encoding, delimiter, number style). */
  readonly notes: readonly ImportMessage[];
}

function sampleOf(rowCount: number, get: (r: number) => string, n: number): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.floor(rowCount / n));
  for (let r = 0; r < rowCount && out.length < n; r += step) {
    const v = get(r);
    if (v !== '') out.push(v);
  }
  return out;
}

function checkHeaders(file: string, headers: readonly string[]): void {
  const seen = new Set<string>();
  for (const h of headers) {
    const k = h.trim().toLowerCase();
    if (k === '') continue;
    if (seen.has(k)) throw new ImportError([err('duplicateHeader', { file, header: h })]);
    seen.add(k);
  }
}

/** Reads a CSV file (any common encoding and delimiter); throws ImportError when it cannot. */
export function readCsv(file: string, bytes: Uint8Array, onProgress?: (f: number) => void): Tabular {
  const decoded = decodeText(bytes);
  const notes: ImportMessage[] = [];
  if (decoded.encoding !== 'utf-8') notes.push(info('encoding', { file, encoding: decoded.encoding }));
  const delimiter = sniffDelimiter(decoded.text);
  if (delimiter !== ',') notes.push(info('delimiter', { file, delimiter: delimiter === '\t' ? 'tab' : delimiter }));
  let table;
  try {
    table = parseCsv(decoded.text, delimiter, (offset) => onProgress?.(offset / decoded.text.length));
  } catch (e) {
    if (e instanceof CsvError) throw new ImportError([err('csvBroken', { file, line: e.line, detail: e.message })]);
    throw e;
  }
  const { header, rows } = table;
  if (header.length <= 1) throw new ImportError([err('oneColumn', { file, header: header[0] ?? '' })]);
  if (rows.length === 0) throw new ImportError([err('noRows', { file })]);
  checkHeaders(file, header);
  const cell = (r: number, c: number): string => (rows[r]?.[c] ?? '').trim();
  const styles = new Map<number, NumberStyle>();
  const tab: Tabular = {
    headers: header,
    rowCount: rows.length,
    cell,
    sample: (c, n = 2000) => sampleOf(rows.length, (r) => cell(r, c), n),
    arrow: null,
    delimiter,
    numberStyle(c) {
      let s = styles.get(c);
      if (!s) {
        s = detectNumberStyle(tab.sample(c, 5000), delimiter);
        styles.set(c, s);
      }
      return s;
    },
    notes,
  };
  return tab;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v) ?? '';
}

/** Reads a Parquet file through the codec; throws ImportError when it cannot. */
export function readParquet(file: string, bytes: Uint8Array, codec: ParquetCodec | undefined): Tabular {
  if (!codec) throw new ImportError([err('parquetUnavailable', { file })]);
  let table: arrow.Table;
  try {
    table = arrow.tableFromIPC(codec.read(bytes));
  } catch (e) {
    throw new ImportError([err('parquetBroken', { file, detail: e instanceof Error ? e.message : String(e) })]);
  }
  if (table.numRows === 0) throw new ImportError([err('noRows', { file })]);
  const headers = table.schema.fields.map((f) => f.name);
  checkHeaders(file, headers);
  const isDate = headers.map((_, i) => arrow.DataType.isDate(table.schema.fields[i]!.type));
  // Vector.get is slow per cell; a column is turned into plain values once, when first read in full.
  const cache = new Map<number, unknown[]>();
  const full = (c: number): unknown[] => {
    let values = cache.get(c);
    if (!values) {
      values = Array.from(table.getChildAt(c) ?? []) as unknown[];
      cache.set(c, values);
    }
    return values;
  };
  const text = (v: unknown, c: number): string =>
    isDate[c] && typeof v === 'number' ? new Date(v).toISOString().slice(0, 10) : cellText(v);
  const cell = (r: number, c: number): string => text(full(c)[r], c);
  return {
    headers,
    rowCount: table.numRows,
    cell,
    sample: (c, n = 2000) => sampleOf(table.numRows, (r) => text(cache.get(c)?.[r] ?? table.getChildAt(c)?.get(r), c), n),
    arrow: table,
    delimiter: null,
    numberStyle: () => 'dot-decimal',
    notes: [],
  };
}

/** Whether an Arrow type holds text (plain, large or dictionary-encoded). */
export function isTextType(t: arrow.DataType): boolean {
  return arrow.DataType.isUtf8(t) || arrow.DataType.isLargeUtf8(t) || (arrow.DataType.isDictionary(t) && arrow.DataType.isUtf8(t.dictionary));
}
