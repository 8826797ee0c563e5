/**
 * The typed message protocol between the main thread (client.ts) and our DuckDB worker
 * (worker.ts, engine.ts). Every message is an envelope `{id, type, data}`; the unions below list
 * every legal request and response. Results cross as Arrow IPC bytes, never as JSON rows, and
 * errors cross as values: nothing is thrown across the boundary.
 */
import type { ColumnSpec } from './contracts';

/** Options for opening the database; every field is optional. */
export interface OpenConfig {
  /** Return BIGINT/HUGEINT results (e.g. `count(*)`, `sum(int)`) as DOUBLE; default true. */
  readonly castBigIntToDouble?: boolean;
  /** Return DECIMAL results as DOUBLE; default true. */
  readonly castDecimalToDouble?: boolean;
}

/** The file formats `loadTable` understands. */
export type LoadFormat = 'parquet' | 'csv' | 'geojson-properties' | 'arrow';

/** What `loadTable` needs: the target table, the bytes and, optionally, the contract to enforce. */
export interface LoadTableData {
  /** Target table, a plain snake_case name (`^[a-z][a-z0-9_]*$`). */
  readonly table: string;
  readonly format: LoadFormat;
  /** The file's bytes; transferred to the worker (the caller's copy is detached). */
  readonly bytes: Uint8Array;
  /**
   * Contract columns: when given, only these are kept, in this order, cast to their types and
   * validated (presence, type, NULLs, range, allowed values). Without it the table is loaded as is.
   */
  readonly columns?: readonly ColumnSpec[];
}

/** One request envelope. */
interface Envelope<T extends string, D> {
  /** Positive integer chosen by the client, unique per client. */
  readonly id: number;
  readonly type: T;
  readonly data: D;
}

/** Instantiates DuckDB-WASM and opens an in-memory database (idempotent). */
export type OpenRequest = Envelope<'open', OpenConfig>;
/** Loads bytes into a table atomically (staging, validation, then `CREATE OR REPLACE`). */
export type LoadTableRequest = Envelope<'loadTable', LoadTableData>;
/** Runs SQL for its effect (DDL, INSERT, …); no rows come back. */
export type ExecRequest = Envelope<'exec', { readonly sql: string }>;
/** Runs SQL and answers with the result as Arrow IPC stream bytes. */
export type QueryRequest = Envelope<'query', { readonly sql: string }>;
/** Cancels an earlier request that has not answered yet. */
export type CancelRequest = Envelope<'cancel', { readonly targetId: number }>;
/** Drops a table if it exists. */
export type DropTableRequest = Envelope<'dropTable', { readonly table: string }>;
/** Describes a table: whether it exists, its row count and columns. */
export type TableInfoRequest = Envelope<'tableInfo', { readonly table: string }>;

/** Every legal request from the main thread to the worker. */
export type WorkerRequest =
  | OpenRequest
  | LoadTableRequest
  | ExecRequest
  | QueryRequest
  | CancelRequest
  | DropTableRequest
  | TableInfoRequest;

/** The request type names. */
export type RequestType = WorkerRequest['type'];

/** The `data` of a request of type T. */
export type RequestData<T extends RequestType> = Extract<WorkerRequest, { type: T }>['data'];

/** A column as DuckDB describes it. */
export interface ColumnInfo {
  readonly name: string;
  /** DuckDB type name, e.g. `VARCHAR`, `SMALLINT`, `FLOAT` (DuckDB's name for REAL). */
  readonly type: string;
}

/** Answer to `open`. */
export interface OpenResult {
  /** DuckDB library version, e.g. `v1.4.3`. */
  readonly version: string;
  /** False when the database was already open and this call changed nothing. */
  readonly opened: boolean;
}

/** Answer to `loadTable`. */
export interface LoadResult {
  readonly table: string;
  readonly rowCount: number;
  readonly columns: readonly ColumnInfo[];
}

/** Answer to `exec`. */
export interface ExecResult {
  /** Wall time in the worker, milliseconds. */
  readonly elapsedMs: number;
}

/** Answer to `query`. */
export interface QueryResult {
  /** Arrow IPC stream (schema, record batches, end-of-stream marker); transferred. */
  readonly ipc: Uint8Array;
  /** Wall time in the worker, milliseconds. */
  readonly elapsedMs: number;
}

/** Answer to `cancel`: whether the target was still pending (it then answers `cancelled`). */
export interface CancelResult {
  readonly found: boolean;
}

/** Answer to `dropTable`. */
export interface DropResult {
  /** True when the table existed. */
  readonly dropped: boolean;
}

/** Answer to `tableInfo`. */
export interface TableInfo {
  readonly table: string;
  readonly exists: boolean;
  /** 0 when the table does not exist. */
  readonly rowCount: number;
  readonly columns: readonly ColumnInfo[];
}

/** The `ok` payload type for each request type. */
export interface ResultMap {
  open: OpenResult;
  loadTable: LoadResult;
  exec: ExecResult;
  query: QueryResult;
  cancel: CancelResult;
  dropTable: DropResult;
  tableInfo: TableInfo;
}

/** Successful answer; `request` names the request type so `data` is typed. */
export type OkResponse = {
  [K in RequestType]: {
    readonly id: number;
    readonly type: 'ok';
    readonly request: K;
    readonly data: ResultMap[K];
  };
}[RequestType];

/** Why a request failed. */
export type ErrorCode =
  /** Superseded or aborted by a `cancel` request. */
  | 'cancelled'
  /** A request other than `open` arrived before the database was opened. */
  | 'not_open'
  /** The message is malformed (unknown type, bad table name, missing field). */
  | 'bad_request'
  /** DuckDB rejected the SQL (syntax, catalog, conversion, permission). */
  | 'sql_error'
  /** The file could not be decoded (not Parquet/CSV/GeoJSON/Arrow). */
  | 'decode_error'
  /** The file decoded but breaks the data contract (missing column, wrong type, bad value). */
  | 'contract_violation'
  /** Anything else: a bug or an exhausted resource. */
  | 'internal';

/** Failure as a value. */
export interface ErrorData {
  /** One or more sentences: what failed, where (table, column, row), and how to fix it. */
  readonly message: string;
  readonly code: ErrorCode;
  /** Every problem found, when there are several (the message shows the first few). */
  readonly details?: readonly string[];
}

/** Failed answer; `id` is -1 when the request could not even be read. */
export interface ErrorResponse {
  readonly id: number;
  readonly type: 'error';
  readonly data: ErrorData;
}

/** Steps of a load, in order. */
export type LoadPhase = 'decode' | 'stage' | 'validate' | 'commit';

/** The load steps in the order they run. */
export const LOAD_PHASES: readonly LoadPhase[] = ['decode', 'stage', 'validate', 'commit'];

/** What a progress report is about: DuckDB-WASM download during `open`, or a load step. */
export type ProgressPhase = 'instantiate' | LoadPhase;

/**
 * Progress of a request. For `instantiate`, `loaded`/`total` are bytes of the wasm download
 * (total 0 when unknown); for load phases they count steps: `loaded` steps are done when `phase` starts.
 */
export interface ProgressData {
  readonly phase: ProgressPhase;
  readonly loaded: number;
  readonly total: number;
}

/** Progress report for a running request (sent zero or more times before its answer). */
export interface ProgressResponse {
  readonly id: number;
  readonly type: 'progress';
  readonly data: ProgressData;
}

/** Every legal message from the worker to the main thread. */
export type WorkerResponse = OkResponse | ErrorResponse | ProgressResponse;

/** Sends a response, transferring the listed buffers (the engine never reuses them). */
export type PostResponse = (response: WorkerResponse, transfer?: Transferable[]) => void;

const REQUEST_TYPES: ReadonlySet<string> = new Set<RequestType>([
  'open',
  'loadTable',
  'exec',
  'query',
  'cancel',
  'dropTable',
  'tableInfo',
]);

/** Checks the envelope shape (id, known type, object data); field checks happen in the engine. */
export function isWorkerRequest(value: unknown): value is WorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { id?: unknown; type?: unknown; data?: unknown };
  return (
    typeof v.id === 'number' &&
    Number.isInteger(v.id) &&
    typeof v.type === 'string' &&
    REQUEST_TYPES.has(v.type) &&
    typeof v.data === 'object' &&
    v.data !== null
  );
}

/** Checks that a message from the worker has a response envelope. */
export function isWorkerResponse(value: unknown): value is WorkerResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { id?: unknown; type?: unknown; data?: unknown };
  return (
    typeof v.id === 'number' &&
    (v.type === 'ok' || v.type === 'error' || v.type === 'progress') &&
    typeof v.data === 'object' &&
    v.data !== null
  );
}
