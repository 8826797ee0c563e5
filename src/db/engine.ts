/**
 * The worker-independent database engine: owns one DuckDB-WASM instance (synchronous bindings),
 * answers protocol requests one at a time, and lets `cancel` interrupt the running or a queued one.
 * worker.ts wires it to `postMessage`; Node tests drive it directly with the node-blocking bindings.
 */
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import {
  EngineError,
  INGEST_DIR,
  assertTableName,
  countRows,
  describe,
  errorMessage,
  loadTable,
  quoteIdent,
  quoteString,
  tableExists,
} from './ingest';
import type { IngestDb, ParquetToIpc } from './ingest';
import {
  LOAD_PHASES,
  isWorkerRequest,
  type CancelResult,
  type DropResult,
  type ErrorData,
  type ExecResult,
  type OpenConfig,
  type OpenResult,
  type PostResponse,
  type QueryResult,
  type RequestType,
  type ResultMap,
  type TableInfo,
  type WorkerRequest,
} from './protocol';

/** A running protocol engine. */
export interface Engine {
  /**
   * Handles one incoming message and answers through `post`. `cancel` acts at once; every other
   * request waits its turn. Resolves when this request has been answered; never rejects.
   */
  handle(message: unknown, post: PostResponse): Promise<void>;
}

/** What the engine needs besides the bindings. */
export interface EngineOptions {
  /** Decodes Parquet to Arrow IPC streams, one per row group (see ingest.ts `parquetRowGroups`). */
  readonly parquetToIpc: ParquetToIpc;
}

/**
 * Settings applied right after open, in this order. External access goes off last but one: from
 * then on DuckDB reads only buffers registered under INGEST_DIR, never the disk or the network,
 * and `lock_configuration` stops SQL from turning any of it back on.
 */
export const LOCKDOWN_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `SET allowed_directories = [${quoteString(INGEST_DIR)}]`,
  'SET enable_external_access = false',
  'SET lock_configuration = true',
];

interface Job {
  readonly request: WorkerRequest;
  readonly post: PostResponse;
  cancelled: boolean;
  done: () => void;
}

interface Open {
  readonly bindings: DuckDBBindings;
  readonly conn: DuckDBConnection;
  readonly connId: number;
  readonly version: string;
}

const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** Lets queued messages (a `cancel`) run between polls of a pending query. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function cancelledError(id: number): EngineError {
  return new EngineError('cancelled', `Request ${id} was cancelled.`);
}

function toErrorData(e: unknown): ErrorData {
  if (e instanceof EngineError) {
    return e.details
      ? { code: e.code, message: e.message, details: e.details }
      : { code: e.code, message: e.message };
  }
  return { code: 'internal', message: errorMessage(e) };
}

/**
 * Creates an engine over DuckDB-WASM bindings that are created but not yet instantiated
 * (`createDuckDB(...)` from the browser- or node-blocking build); `open` instantiates them.
 */
export function createEngine(
  bindings: DuckDBBindings | Promise<DuckDBBindings>,
  options: EngineOptions,
): Engine {
  const queue: Job[] = [];
  let running: Job | null = null;
  let pendingQuery = false;
  let db: Open | null = null;
  let pumping = false;

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        running = job;
        await run(job);
        running = null;
        job.done();
      }
    } finally {
      pumping = false;
    }
  }

  async function run(job: Job): Promise<void> {
    const { request, post } = job;
    try {
      const result = await dispatch(job);
      if (job.cancelled) throw cancelledError(request.id);
      const transfer = request.type === 'query' ? [(result as QueryResult).ipc.buffer] : [];
      post(
        {
          id: request.id,
          type: 'ok',
          request: request.type,
          data: result,
        } as Parameters<PostResponse>[0],
        transfer,
      );
    } catch (e) {
      const data = job.cancelled ? toErrorData(cancelledError(request.id)) : toErrorData(e);
      try {
        post({ id: request.id, type: 'error', data });
      } catch {
        // The channel itself is gone; there is nobody left to tell.
      }
    }
  }

  function requireOpen(): Open {
    if (!db) throw new EngineError('not_open', 'The database is not open yet: send "open" first.');
    return db;
  }

  function requireSql(data: { sql?: unknown }): string {
    if (typeof data.sql !== 'string' || data.sql.trim() === '') {
      throw new EngineError('bad_request', 'The request needs a non-empty "sql" string.');
    }
    return data.sql;
  }

  async function dispatch(job: Job): Promise<ResultMap[RequestType]> {
    const { request } = job;
    switch (request.type) {
      case 'open':
        return open(job, request.data);
      case 'exec': {
        const t0 = performance.now();
        await runPending(job, requireSql(request.data), false);
        return { elapsedMs: performance.now() - t0 } satisfies ExecResult;
      }
      case 'query': {
        const t0 = performance.now();
        const ipc = await runPending(job, requireSql(request.data), true);
        return { ipc, elapsedMs: performance.now() - t0 } satisfies QueryResult;
      }
      case 'loadTable': {
        const o = requireOpen();
        return loadTable(
          {
            db: ingestDb(o),
            parquetToIpc: options.parquetToIpc,
            step: async (phase) => {
              job.post({
                id: request.id,
                type: 'progress',
                data: { phase, loaded: LOAD_PHASES.indexOf(phase), total: LOAD_PHASES.length },
              });
              await yieldToEventLoop();
              if (job.cancelled) throw cancelledError(request.id);
            },
          },
          request.data,
        );
      }
      case 'dropTable': {
        const o = requireOpen();
        assertTableName(request.data.table);
        const dropped = tableExists(ingestDb(o), request.data.table);
        o.conn.query(`DROP TABLE IF EXISTS ${quoteIdent(request.data.table)}`);
        return { dropped } satisfies DropResult;
      }
      case 'tableInfo': {
        const o = requireOpen();
        const { table } = request.data;
        assertTableName(table);
        const idb = ingestDb(o);
        if (!tableExists(idb, table))
          return { table, exists: false, rowCount: 0, columns: [] } satisfies TableInfo;
        return {
          table,
          exists: true,
          rowCount: countRows(idb, table),
          columns: describe(idb, table),
        } satisfies TableInfo;
      }
      case 'cancel':
        return { found: false } satisfies CancelResult;
    }
  }

  async function open(job: Job, config: OpenConfig): Promise<OpenResult> {
    if (db) return { version: db.version, opened: false };
    const b = await bindings;
    await b.instantiate((p) => {
      job.post({
        id: job.request.id,
        type: 'progress',
        data: { phase: 'instantiate', loaded: p.bytesLoaded, total: p.bytesTotal },
      });
    });
    b.open({
      query: {
        castBigIntToDouble: config.castBigIntToDouble ?? true,
        castDecimalToDouble: config.castDecimalToDouble ?? true,
      },
    });
    const conn = b.connect();
    for (const sql of LOCKDOWN_SQL) conn.query(sql);
    const connId = conn.useUnsafe((_b, id) => id);
    db = { bindings: b, conn, connId, version: b.getVersion() };
    return { version: db.version, opened: true };
  }

  /** Runs SQL as a pending query, polling with yields so a `cancel` can interrupt it. */
  async function runPending(job: Job, sql: string, collect: boolean): Promise<Uint8Array> {
    const { bindings: b, connId } = requireOpen();
    let header: Uint8Array | null;
    try {
      pendingQuery = true;
      header = b.startPendingQuery(connId, sql, false);
      while (header === null) {
        await yieldToEventLoop();
        if (job.cancelled) throw cancelledError(job.request.id);
        header = b.pollPendingQuery(connId);
      }
    } catch (e) {
      if (e instanceof EngineError) throw e;
      throw new EngineError('sql_error', errorMessage(e));
    } finally {
      pendingQuery = false;
    }
    if (!collect) return new Uint8Array(0);
    const parts: Uint8Array[] = [header];
    for (
      let chunk = b.fetchQueryResults(connId);
      chunk && chunk.length > 0;
      chunk = b.fetchQueryResults(connId)
    ) {
      parts.push(chunk);
    }
    parts.push(EOS);
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }

  function cancel(request: WorkerRequest & { type: 'cancel' }, post: PostResponse): void {
    const targetId = request.data.targetId;
    const queued = queue.findIndex((j) => j.request.id === targetId);
    let found = false;
    if (queued >= 0) {
      const [job] = queue.splice(queued, 1);
      if (job) {
        job.post({ id: targetId, type: 'error', data: toErrorData(cancelledError(targetId)) });
        job.done();
        found = true;
      }
    } else if (running && running.request.id === targetId && !running.cancelled) {
      running.cancelled = true;
      if (pendingQuery && db) db.bindings.cancelPendingQuery(db.connId);
      found = true;
    }
    post({ id: request.id, type: 'ok', request: 'cancel', data: { found } });
  }

  return {
    handle(message, post) {
      if (!isWorkerRequest(message)) {
        const id = (message as { id?: unknown } | null)?.id;
        post({
          id: typeof id === 'number' ? id : -1,
          type: 'error',
          data: {
            code: 'bad_request',
            message: 'Malformed request: expected {id, type, data} with a known type.',
          },
        });
        return Promise.resolve();
      }
      if (message.type === 'cancel') {
        cancel(message, post);
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        queue.push({ request: message, post, cancelled: false, done: resolve });
        void pump();
      });
    },
  };
}

function ingestDb(o: Open): IngestDb {
  return {
    query: (sql) => o.conn.query(sql),
    insertArrowFromIPCStream: (ipc, opts) => o.conn.insertArrowFromIPCStream(ipc, opts),
    registerFileBuffer: (name, bytes) => o.bindings.registerFileBuffer(name, bytes),
    dropFile: (name) => o.bindings.dropFile(name),
  };
}

/** The message side of a worker scope or a MessagePort. */
export interface MessageScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/** Feeds every message arriving on `scope` to the engine and posts its answers back. */
export function serveEngine(engine: Engine, scope: MessageScope): void {
  scope.addEventListener('message', (event) => {
    void engine.handle(event.data, (response, transfer) =>
      scope.postMessage(response, transfer ?? []),
    );
  });
}
