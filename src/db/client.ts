/**
 * Main-thread client of the DuckDB worker: typed async methods over the message protocol,
 * cancellation through AbortSignal, progress callbacks, and `queryLatest` for superseding queries.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import type {
  DropResult,
  ErrorCode,
  ExecResult,
  LoadResult,
  LoadTableData,
  OpenConfig,
  OpenResult,
  ProgressData,
  RequestData,
  RequestType,
  ResultMap,
  TableInfo,
  WorkerRequest,
} from './protocol';
import { isWorkerResponse } from './protocol';

/** What the client needs from a Worker (or a MessagePort in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** A failed request, as reported by the worker (or `cancelled` by the client itself). */
export class DbError extends Error {
  /** Protocol error code; `cancelled` for aborted and superseded requests. */
  readonly code: ErrorCode;
  /** Every problem found, when the worker listed several (contract violations). */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'DbError';
    this.code = code;
    this.details = details;
  }
}

/** True for errors of aborted or superseded requests, which callers usually ignore. */
export function isCancelled(error: unknown): boolean {
  return error instanceof DbError && error.code === 'cancelled';
}

/** Per-request options. */
export interface RequestOptions {
  /** Aborting sends `cancel` to the worker and rejects at once with a `cancelled` DbError. */
  readonly signal?: AbortSignal;
  /** Called for each progress report (instantiate bytes, load steps). */
  readonly onProgress?: (progress: ProgressData) => void;
}

/** Typed access to the DuckDB worker. Every method rejects with a DbError on failure. */
export interface DbClient {
  /** Instantiates DuckDB-WASM and opens the in-memory database (idempotent). */
  open(config?: OpenConfig, options?: RequestOptions): Promise<OpenResult>;
  /** Loads a file into a table atomically; `data.bytes` is transferred (detached here). */
  loadTable(data: LoadTableData, options?: RequestOptions): Promise<LoadResult>;
  /** Runs SQL for its effect. */
  exec(sql: string, options?: RequestOptions): Promise<ExecResult>;
  /** Runs SQL and decodes the Arrow result. */
  query(sql: string, options?: RequestOptions): Promise<Table>;
  /**
   * Like `query`, but a newer call with the same `key` cancels this one: only the latest call per
   * key can resolve, so an older result never lands after a newer one.
   */
  queryLatest(key: string, sql: string, options?: RequestOptions): Promise<Table>;
  /** Drops a table if it exists. */
  dropTable(table: string, options?: RequestOptions): Promise<DropResult>;
  /** Describes a table (exists, row count, columns). */
  tableInfo(table: string, options?: RequestOptions): Promise<TableInfo>;
  /** Stops listening and rejects every pending request with `cancelled`; the worker stays alive. */
  dispose(): void;
}

interface Pending {
  readonly resolve: (data: unknown) => void;
  readonly reject: (error: DbError) => void;
  readonly onProgress: ((progress: ProgressData) => void) | undefined;
}

/** Creates a client over a worker running worker.ts (or any scope served by `serveEngine`). */
export function createDbClient(worker: WorkerLike): DbClient {
  const pending = new Map<number, Pending>();
  const latest = new Map<string, AbortController>();
  let nextId = 1;
  let disposed = false;

  const onMessage = (event: MessageEvent): void => {
    const msg: unknown = event.data;
    if (!isWorkerResponse(msg)) return;
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') {
      p.onProgress?.(msg.data);
      return;
    }
    pending.delete(msg.id);
    if (msg.type === 'ok') p.resolve(msg.data);
    else p.reject(new DbError(msg.data.code, msg.data.message, msg.data.details));
  };
  worker.addEventListener('message', onMessage);
  (worker as { start?: () => void }).start?.();

  function send<T extends RequestType>(
    type: T,
    data: RequestData<T>,
    options: RequestOptions = {},
    transfer: Transferable[] = [],
  ): Promise<ResultMap[T]> {
    const { signal, onProgress } = options;
    if (disposed)
      return Promise.reject(new DbError('cancelled', 'The database client was disposed.'));
    if (signal?.aborted)
      return Promise.reject(new DbError('cancelled', `The ${type} request was aborted.`));
    const id = nextId++;
    return new Promise<ResultMap[T]>((resolve, reject) => {
      const onAbort = (): void => {
        if (!pending.delete(id)) return;
        worker.postMessage({ id: nextId++, type: 'cancel', data: { targetId: id } }, []);
        reject(new DbError('cancelled', `The ${type} request was aborted.`));
      };
      pending.set(id, {
        resolve: (d) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(d as ResultMap[T]);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
        onProgress,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ id, type, data } as WorkerRequest, transfer);
    });
  }

  async function query(sql: string, options?: RequestOptions): Promise<Table> {
    const result = await send('query', { sql }, options);
    return tableFromIPC(result.ipc);
  }

  return {
    open: (config = {}, options) => send('open', config, options),
    loadTable: (data, options) =>
      send(
        'loadTable',
        data,
        options,
        data.bytes.buffer instanceof ArrayBuffer ? [data.bytes.buffer] : [],
      ),
    exec: (sql, options) => send('exec', { sql }, options),
    query,
    async queryLatest(key, sql, options = {}) {
      latest.get(key)?.abort();
      const controller = new AbortController();
      latest.set(key, controller);
      const outer = options.signal;
      const forward = (): void => controller.abort();
      outer?.addEventListener('abort', forward, { once: true });
      if (outer?.aborted) controller.abort();
      try {
        return await query(sql, { ...options, signal: controller.signal });
      } finally {
        outer?.removeEventListener('abort', forward);
        if (latest.get(key) === controller) latest.delete(key);
      }
    },
    dropTable: (table, options) => send('dropTable', { table }, options),
    tableInfo: (table, options) => send('tableInfo', { table }, options),
    dispose() {
      disposed = true;
      worker.removeEventListener('message', onMessage);
      for (const p of pending.values())
        p.reject(new DbError('cancelled', 'The database client was disposed.'));
      pending.clear();
      latest.clear();
    },
  };
}
