/**
 * Atomic table loads: decode the bytes, stage them in a scratch table, check them against the data
 * contract in one scan, then swap the real table in one transaction. When the staged columns
 * already are the contract's (names, order, types), the staging table itself is renamed into
 * place: no second copy of the rows. A failed load drops the staging table and leaves the previous
 * table untouched.
 */
import * as arrow from 'apache-arrow';
import type { ColumnSpec, ColumnType } from './contracts';
import type {
  ColumnInfo,
  ErrorCode,
  LoadFormat,
  LoadPhase,
  LoadResult,
  LoadTableData,
} from './protocol';

/** A failure that becomes an `error` response; thrown only inside the worker. */
export class EngineError extends Error {
  /** Protocol error code. */
  readonly code: ErrorCode;
  /** Every problem found, when there are several. */
  readonly details: readonly string[] | undefined;

  constructor(code: ErrorCode, message: string, details?: readonly string[]) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}

/** The slice of a DuckDB-WASM connection that loads need. */
export interface IngestDb {
  /** Runs SQL (one or more statements) and returns the last result; throws on a DuckDB error. */
  query(sql: string): arrow.Table;
  /** Appends an Arrow IPC stream to a table, creating it when `create` is true. */
  insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create: boolean }): void;
  /** Makes bytes readable by DuckDB under a virtual file name. */
  registerFileBuffer(name: string, bytes: Uint8Array): void;
  /** Forgets a virtual file. */
  dropFile(name: string): void;
}

/**
 * Parquet bytes to Arrow IPC streams, one per row group (parquet-wasm; DuckDB-WASM has no offline
 * Parquet reader). Decoding and inserting a row group at a time keeps both wasm heaps near one
 * row group instead of the whole file: wasm memory never shrinks, and at 3M households the whole
 * file decoded at once held 2 GB in parquet-wasm alone (issue 8).
 */
export type ParquetToIpc = (bytes: Uint8Array) => AsyncIterable<Uint8Array>;

/** The slice of parquet-wasm's `ParquetFile` that {@link parquetRowGroups} uses. */
export interface ParquetFileLike {
  metadata(): { numRowGroups(): number };
  read(options?: { rowGroups?: number[] }): Promise<{ intoIPCStream(): Uint8Array }>;
  free(): void;
}

/**
 * Arrow IPC streams of Parquet bytes, one per row group (the schema alone when there is none);
 * `open` is parquet-wasm's `ParquetFile.fromFile` of the build at hand.
 */
export async function* parquetRowGroups(
  bytes: Uint8Array,
  open: (blob: Blob) => Promise<ParquetFileLike>,
): AsyncGenerator<Uint8Array> {
  const view =
    bytes.buffer instanceof ArrayBuffer
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : bytes.slice();
  const file = await open(new Blob([view]));
  try {
    const groups = file.metadata().numRowGroups();
    if (groups === 0) yield (await file.read()).intoIPCStream();
    for (let i = 0; i < groups; i++) yield (await file.read({ rowGroups: [i] })).intoIPCStream();
  } finally {
    file.free();
  }
}

/** What a load needs besides the database. */
export interface LoadContext {
  readonly db: IngestDb;
  readonly parquetToIpc: ParquetToIpc;
  /** Called before each phase: reports progress, yields, and throws if the load was cancelled. */
  readonly step: (phase: LoadPhase) => Promise<void>;
}

/**
 * The only folder DuckDB may read once external access is off; files registered here are
 * in-memory buffers, never the disk or the network.
 */
export const INGEST_DIR = '/ingest/';

const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Throws `bad_request` unless `name` is a plain snake_case table name (no leading `_`). */
export function assertTableName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !TABLE_NAME.test(name)) {
    throw new EngineError(
      'bad_request',
      `Invalid table name ${JSON.stringify(name)}: use lowercase letters, digits and "_", starting with a letter.`,
    );
  }
}

/** Double-quotes an identifier for DuckDB. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Renders a string as a single-quoted SQL literal. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Message of an unknown thrown value. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Loads `data` into its table atomically; throws EngineError on any failure. */
export async function loadTable(ctx: LoadContext, data: LoadTableData): Promise<LoadResult> {
  assertTableName(data.table);
  if (!(data.bytes instanceof Uint8Array)) {
    throw new EngineError('bad_request', `loadTable "${data.table}": bytes must be a Uint8Array.`);
  }
  const stage = `__stage_${data.table}`;
  const { db } = ctx;
  try {
    await ctx.step('decode');
    if (data.format === 'parquet') {
      await stageParquet(ctx, data, stage);
    } else {
      const ipc = decode(data);
      await ctx.step('stage');
      db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
      if (ipc === null) stageCsv(db, data, stage);
      else stageArrow(db, data, stage, ipc);
    }
    await ctx.step('validate');
    const staged = describe(db, stage);
    const select = data.columns
      ? validate(db, data.table, data.format, stage, staged, data.columns)
      : null;
    await ctx.step('commit');
    commit(db, data.table, stage, select);
  } finally {
    try {
      db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
    } catch {
      // The staging table is scratch; a failed drop here must not mask the real outcome.
    }
  }
  return {
    table: data.table,
    rowCount: countRows(db, data.table),
    columns: describe(db, data.table),
  };
}

/** Columns of a table as DuckDB describes them. */
export function describe(db: IngestDb, table: string): ColumnInfo[] {
  const t = db.query(`DESCRIBE ${quoteIdent(table)}`);
  return t.toArray().map((r: { column_name: string; column_type: string }) => ({
    name: r.column_name,
    type: r.column_type,
  }));
}

/** Row count of a table. */
export function countRows(db: IngestDb, table: string): number {
  const row = db.query(`SELECT count(*)::DOUBLE AS n FROM ${quoteIdent(table)}`).get(0) as {
    n: number;
  } | null;
  return row?.n ?? 0;
}

/**
 * Decodes Parquet a row group at a time, appending each to the staging table; the `stage` phase
 * starts with the first insert.
 */
async function stageParquet(ctx: LoadContext, data: LoadTableData, stage: string): Promise<void> {
  const unreadable = (e: unknown): EngineError =>
    new EngineError(
      'decode_error',
      `Cannot load "${data.table}": the file is not readable Parquet (${errorMessage(e)}). Export it again as Parquet, or load it as CSV.`,
    );
  let chunks: AsyncIterator<Uint8Array>;
  try {
    chunks = ctx.parquetToIpc(data.bytes)[Symbol.asyncIterator]();
  } catch (e) {
    throw unreadable(e);
  }
  let first = true;
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await chunks.next();
    } catch (e) {
      throw unreadable(e);
    }
    if (next.done) break;
    if (first) {
      await ctx.step('stage');
      ctx.db.query(`DROP TABLE IF EXISTS ${quoteIdent(stage)}`);
      stageArrow(ctx.db, data, stage, next.value);
      first = false;
    } else {
      appendArrow(ctx.db, data, stage, next.value);
    }
  }
  if (first) throw unreadable(new Error('no data'));
}

/** Arrow IPC stream for the staging table, or null for CSV (DuckDB reads CSV itself). */
function decode(data: LoadTableData): Uint8Array | null {
  switch (data.format) {
    case 'csv':
      return null;
    case 'arrow':
      return toIpcStream(data);
    case 'geojson-properties':
      return geojsonPropertiesToIpc(data.table, data.bytes, data.columns);
    default:
      throw new EngineError('bad_request', `Unknown format ${JSON.stringify(data.format)}.`);
  }
}

const ARROW_FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

function toIpcStream(data: LoadTableData): Uint8Array {
  const b = data.bytes;
  if (!ARROW_FILE_MAGIC.every((m, i) => b[i] === m)) return b;
  try {
    return arrow.tableToIPC(arrow.tableFromIPC(b), 'stream');
  } catch (e) {
    throw new EngineError(
      'decode_error',
      `Cannot load "${data.table}": the Arrow file is damaged (${errorMessage(e)}).`,
    );
  }
}

function stageArrow(db: IngestDb, data: LoadTableData, stage: string, ipc: Uint8Array): void {
  let problem: string | null = null;
  try {
    db.insertArrowFromIPCStream(ipc, { name: stage, create: true });
  } catch (e) {
    problem = errorMessage(e);
  }
  // Bytes without a single Arrow message are silently ignored by DuckDB-WASM: no table appears.
  if (problem === null && !tableExists(db, stage)) problem = 'no Arrow schema found';
  if (problem !== null) {
    throw new EngineError(
      'decode_error',
      `Cannot load "${data.table}": the ${data.format} data could not be read (${problem}).`,
    );
  }
}

/** Appends a further chunk of the same file to the staging table. */
function appendArrow(db: IngestDb, data: LoadTableData, stage: string, ipc: Uint8Array): void {
  try {
    db.insertArrowFromIPCStream(ipc, { name: stage, create: false });
  } catch (e) {
    throw new EngineError(
      'decode_error',
      `Cannot load "${data.table}": the ${data.format} data could not be read (${errorMessage(e)}).`,
    );
  }
}

/** Whether a table exists in the main schema. */
export function tableExists(db: IngestDb, table: string): boolean {
  const row = db
    .query(
      `SELECT count(*)::DOUBLE AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ${quoteString(table)}`,
    )
    .get(0) as { n: number } | null;
  return (row?.n ?? 0) > 0;
}

function stageCsv(db: IngestDb, data: LoadTableData, stage: string): void {
  const file = `${INGEST_DIR}${stage}.csv`;
  db.registerFileBuffer(file, data.bytes);
  try {
    // With a contract every column is read as text; validate() then reports bad cells by row.
    const allVarchar = data.columns ? ', all_varchar = true' : '';
    db.query(
      `CREATE TABLE ${quoteIdent(stage)} AS SELECT * FROM read_csv(${quoteString(file)}, header = true${allVarchar})`,
    );
  } catch (e) {
    throw new EngineError(
      'decode_error',
      `Cannot load "${data.table}": the CSV could not be read (${errorMessage(e)}). Save it as UTF-8 CSV with a header row.`,
    );
  } finally {
    db.dropFile(file);
  }
}

/** Parses GeoJSON and returns an Arrow IPC stream of the features' properties (no geometry). */
export function geojsonPropertiesToIpc(
  table: string,
  bytes: Uint8Array,
  columns?: readonly ColumnSpec[],
): Uint8Array {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new EngineError(
      'decode_error',
      `Cannot load "${table}": the file is not valid UTF-8 JSON (${errorMessage(e)}).`,
    );
  }
  const features = (doc as { type?: unknown; features?: unknown } | null)?.features;
  if (
    (doc as { type?: unknown } | null)?.type !== 'FeatureCollection' ||
    !Array.isArray(features)
  ) {
    throw new EngineError(
      'decode_error',
      `Cannot load "${table}": the file is not a GeoJSON FeatureCollection.`,
    );
  }
  if (features.length === 0) {
    throw new EngineError('decode_error', `Cannot load "${table}": the GeoJSON has no features.`);
  }
  const props = features.map((f: unknown) => {
    const p = (f as { properties?: unknown } | null)?.properties;
    return typeof p === 'object' && p !== null && !Array.isArray(p)
      ? (p as Record<string, unknown>)
      : {};
  });
  const names = columns
    ? columns.map((c) => c.name).filter((n) => props.some((p) => p[n] !== undefined))
    : [...new Set(props.flatMap((p) => Object.keys(p)))];
  if (names.length === 0 && !columns) {
    throw new EngineError(
      'decode_error',
      `Cannot load "${table}": the features have no properties.`,
    );
  }
  const vectors: Record<string, arrow.Vector> = {};
  for (const name of names) vectors[name] = propertyVector(props.map((p) => p[name]));
  if (names.length === 0) {
    // Every contract column is absent: stage one placeholder so validation can say which are missing.
    vectors['__no_properties'] = arrow.vectorFromArray(
      props.map(() => null),
      new arrow.Utf8(),
    );
  }
  return arrow.tableToIPC(new arrow.Table(vectors), 'stream');
}

/** A column from JSON values: numbers → Float64, booleans → Bool, anything else → Utf8. */
function propertyVector(values: unknown[]): arrow.Vector {
  const kinds = new Set(values.filter((v) => v !== null && v !== undefined).map((v) => typeof v));
  if (kinds.size === 1 && kinds.has('number')) {
    return arrow.vectorFromArray(
      values.map((v) => (typeof v === 'number' ? v : null)),
      new arrow.Float64(),
    );
  }
  if (kinds.size === 1 && kinds.has('boolean')) {
    return arrow.vectorFromArray(
      values.map((v) => (typeof v === 'boolean' ? v : null)),
      new arrow.Bool(),
    );
  }
  const text = values.map((v) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return JSON.stringify(v);
  });
  return arrow.vectorFromArray(text, new arrow.Utf8());
}

type Family = 'text' | 'integer' | 'float' | 'boolean' | 'date' | 'null' | 'other';

const INTEGER_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'UHUGEINT',
]);

function family(duckdbType: string): Family {
  const t = duckdbType.toUpperCase();
  if (t === 'VARCHAR') return 'text';
  if (INTEGER_TYPES.has(t)) return 'integer';
  if (t === 'FLOAT' || t === 'DOUBLE' || t.startsWith('DECIMAL')) return 'float';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE' || t.startsWith('TIMESTAMP')) return 'date';
  if (t === 'NULL') return 'null';
  return 'other';
}

function targetFamily(t: ColumnType): Family {
  if (t === 'VARCHAR') return 'text';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE') return 'date';
  if (t === 'REAL') return 'float';
  return 'integer';
}

const ACCEPTS: Record<Family, readonly Family[]> = {
  text: ['text', 'null'],
  boolean: ['boolean', 'text', 'null'],
  integer: ['integer', 'float', 'text', 'null'],
  float: ['integer', 'float', 'text', 'null'],
  date: ['date', 'text', 'null'],
  null: [],
  other: [],
};

const TYPE_ADVICE: Record<Family, string> = {
  text: 'store it as text',
  boolean: 'store it as true/false',
  integer: 'store it as whole numbers',
  float: 'store it as numbers',
  date: 'store it as dates (YYYY-MM-DD)',
  null: '',
  other: '',
};

/** One value check over the staging table: a WHERE condition and how to describe a hit. */
interface Check {
  readonly column: string;
  readonly source: string;
  readonly cond: string;
  /**
   * A plain aggregate that is 0 when no row can match `cond` (cheaper than counting with a
   * FILTER); when `exact`, it is the number of matching rows itself.
   */
  readonly screen?: { readonly sql: string; readonly exact: boolean };
  readonly describe: (count: number) => string;
  readonly fix: string;
}

/** Whether a staged DuckDB type already is the contract type (DuckDB names REAL `FLOAT`). */
function sameType(staged: string, contract: ColumnType): boolean {
  const t = staged.toUpperCase();
  return t === contract || (contract === 'REAL' && t === 'FLOAT');
}

/**
 * Checks the staged columns against the contract and returns the SELECT list that casts them
 * to the contract types, in contract order, or null when the staged table already is exactly
 * the contract table. Throws `contract_violation` listing every problem.
 */
function validate(
  db: IngestDb,
  table: string,
  format: LoadFormat,
  stage: string,
  staged: readonly ColumnInfo[],
  columns: readonly ColumnSpec[],
): string | null {
  const byName = new Map(staged.map((c) => [c.name.toLowerCase(), c]));
  const problems: string[] = [];
  const checks: Check[] = [];
  const select: string[] = [];
  let asIs = staged.length === columns.length;
  columns.forEach((spec, i) => {
    const at = staged[i];
    if (!at || at.name !== spec.name || !sameType(at.type, spec.type)) asIs = false;
  });
  for (const spec of columns) {
    const found = byName.get(spec.name.toLowerCase());
    const out = quoteIdent(spec.name);
    if (!found) {
      if (spec.optional) select.push(`CAST(NULL AS ${spec.type}) AS ${out}`);
      else problems.push(`column "${spec.name}" is missing; add it (${spec.type}: ${spec.unit})`);
      continue;
    }
    const src = quoteIdent(found.name);
    const from = family(found.type);
    const to = targetFamily(spec.type);
    if (!ACCEPTS[to].includes(from)) {
      problems.push(
        `column "${spec.name}" has type ${found.type} but must be ${spec.type} (${spec.unit}); ${TYPE_ADVICE[to]}`,
      );
      continue;
    }
    const same = sameType(found.type, spec.type);
    select.push(same ? `${src} AS ${out}` : `CAST(${src} AS ${spec.type}) AS ${out}`);
    checks.push(...columnChecks(spec, src, from, same));
  }
  if (problems.length === 0 && checks.length > 0)
    problems.push(...runChecks(db, format, stage, checks));
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new EngineError(
      'contract_violation',
      `Cannot load "${table}": ${shown}${more}. Nothing was changed: the previous "${table}" table, if any, is kept.`,
      problems,
    );
  }
  return asIs ? null : select.join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The value checks of one column; `same` when it is staged with its contract type (no casts). */
function columnChecks(spec: ColumnSpec, src: string, from: Family, same: boolean): Check[] {
  const checks: Check[] = [];
  const cast = same ? src : `TRY_CAST(${src} AS ${spec.type})`;
  const base = { column: spec.name, source: src };
  if (from !== 'null' && !same) {
    checks.push({
      ...base,
      cond: `${src} IS NOT NULL AND ${cast} IS NULL`,
      describe: (n) => `${plural(n, 'value is', 'values are')} not a valid ${spec.type}`,
      fix: 'fix or clear them',
    });
  }
  if (targetFamily(spec.type) === 'integer' && (from === 'float' || from === 'text')) {
    // Casting 2.5 to an integer rounds silently; a fraction in a count column is a data error.
    const num = `TRY_CAST(${src} AS DOUBLE)`;
    checks.push({
      ...base,
      cond: `${num} IS NOT NULL AND ${num} <> trunc(${num})`,
      describe: (n) => `${plural(n, 'value is', 'values are')} not a whole number`,
      fix: 'use whole numbers',
    });
  }
  if (!spec.nullable) {
    checks.push({
      ...base,
      cond: `${src} IS NULL`,
      screen: { sql: `count(*) - count(${src})`, exact: true },
      describe: (n) => `${plural(n, 'row is', 'rows are')} empty`,
      fix: 'this column must always have a value',
    });
  }
  if (spec.range) {
    const [lo, hi] = spec.range;
    checks.push({
      ...base,
      cond: `${cast} NOT BETWEEN ${lo} AND ${hi}`,
      ...(same
        ? {
            screen: {
              sql: `CASE WHEN min(${src}) < ${lo} OR max(${src}) > ${hi} THEN 1 ELSE 0 END`,
              exact: false,
            },
          }
        : {}),
      describe: (n) => `${plural(n, 'value is', 'values are')} outside ${lo}–${hi}`,
      fix: `keep values within ${lo}–${hi} (${spec.unit})`,
    });
  }
  if (spec.values && spec.values.length > 0) {
    const list = spec.values.map(quoteString).join(', ');
    checks.push({
      ...base,
      cond: `${src} IS NOT NULL AND ${from === 'text' ? src : `CAST(${src} AS VARCHAR)`} NOT IN (${list})`,
      describe: (n) => `${plural(n, 'value is', 'values are')} not an allowed code`,
      fix: `use one of ${spec.values.join(', ')}`,
    });
  }
  return checks;
}

/** Runs aggregate expressions over the staging table in one scan; returns their values. */
function scan(db: IngestDb, stage: string, exprs: readonly string[]): number[] {
  if (exprs.length === 0) return [];
  const cols = exprs.map((e, i) => `(${e})::DOUBLE AS c${i}`);
  const row = db.query(`SELECT ${cols.join(', ')} FROM ${quoteIdent(stage)}`).get(0) as Record<
    string,
    number | null
  > | null;
  return exprs.map((_, i) => row?.[`c${i}`] ?? 0);
}

/**
 * Counts every check's hits, then fetches the first bad row of each failing check. One scan
 * screens all checks with plain aggregates (null counts, min/max against a range: about 2.5×
 * cheaper than FILTERed counts on 700k rows, issue 8); only checks the screen cannot clear are
 * counted exactly in a second scan.
 */
function runChecks(
  db: IngestDb,
  format: LoadFormat,
  stage: string,
  checks: readonly Check[],
): string[] {
  const filtered = (c: Check): string => `count(*) FILTER (WHERE ${c.cond})`;
  const screened = scan(
    db,
    stage,
    checks.map((c) => c.screen?.sql ?? filtered(c)),
  );
  const recount = checks.flatMap((c, i) =>
    c.screen && !c.screen.exact && screened[i]! > 0 ? [i] : [],
  );
  const exact = scan(
    db,
    stage,
    recount.map((i) => filtered(checks[i]!)),
  );
  const counts = [...screened];
  recount.forEach((i, k) => (counts[i] = exact[k]!));
  const problems: string[] = [];
  checks.forEach((c, i) => {
    const n = counts[i] ?? 0;
    if (n === 0) return;
    const first = db
      .query(
        `SELECT rowid::DOUBLE AS r, CAST(${c.source} AS VARCHAR) AS v FROM ${quoteIdent(stage)} WHERE ${c.cond} ORDER BY rowid LIMIT 1`,
      )
      .get(0) as { r: number; v: string | null } | null;
    const where = first ? `, first at ${rowLabel(format, first.r)}` : '';
    const value = first && first.v !== null ? `: ${JSON.stringify(first.v)}` : '';
    problems.push(`column "${c.column}": ${c.describe(n)}${where}${value}; ${c.fix}`);
  });
  return problems;
}

function rowLabel(format: LoadFormat, rowid: number): string {
  const n = rowid + 1;
  if (format === 'csv') return `data row ${n} (line ${n + 1} of the file)`;
  if (format === 'geojson-properties') return `feature ${n}`;
  return `row ${n}`;
}

/**
 * Replaces the table in one transaction, so readers see either the old or the new table: the
 * staging table is renamed into place when `select` is null, else copied through `select`.
 */
function commit(db: IngestDb, table: string, stage: string, select: string | null): void {
  db.query('BEGIN TRANSACTION');
  try {
    if (select === null) {
      db.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
      db.query(`ALTER TABLE ${quoteIdent(stage)} RENAME TO ${quoteIdent(table)}`);
    } else {
      db.query(
        `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${select} FROM ${quoteIdent(stage)}`,
      );
    }
    db.query('COMMIT');
  } catch (e) {
    try {
      db.query('ROLLBACK');
    } catch {
      // A failed transaction may already be aborted; the original error is the one to report.
    }
    throw new EngineError('sql_error', `Cannot load "${table}": ${errorMessage(e)}`);
  }
}
