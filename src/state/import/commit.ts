/**
 * Committing a prepared import, all or nothing across tables: stage the bytes in storage, load
 * every part into a scratch table (the worker validates each against the contract), check the
 * new tables against each other and the ones kept, then swap them all, rebuild `areas` and the
 * cube in one transaction, and only then make the stored set the active one. Any failure rolls
 * back, drops the scratch tables and forgets the staged bytes: the previous data stays in use.
 */
import type * as arrow from 'apache-arrow';
import {
  HOUSEHOLD_COLUMNS,
  KELURAHAN_COLUMNS,
  RW_COLUMNS,
  UPGRADING_COLUMNS,
  povertyPeriod,
  type ColumnSpec,
} from '../../db/contracts';
import type { LoadFormat, LoadResult, LoadTableData, ProgressData } from '../../db/protocol';
import { buildAreasSql } from '../../query/areas';
import { buildCubeSql } from '../../query/cube';
import { num, str, tableRows } from '../db-port';
import { ImportError, err, warn, type ImportMessage } from './messages';
import type { BoundaryLayers, ImportTable, PreparedImport } from './pipeline';
import { QuotaError, demoSet, type ImportStore, type Slot, type SlotSource, type StoredSet } from './store';

/** The database as an import needs it (the DuckDB client implements it). */
export interface ImportDbPort {
  loadTable(data: LoadTableData, options?: { signal?: AbortSignal; onProgress?: (p: ProgressData) => void }): Promise<LoadResult>;
  exec(sql: string, options?: { signal?: AbortSignal }): Promise<unknown>;
  query(sql: string, options?: { signal?: AbortSignal }): Promise<arrow.Table>;
}

/** Contract columns of each table. */
export const TABLE_COLUMNS: Record<ImportTable, readonly ColumnSpec[]> = {
  households: HOUSEHOLD_COLUMNS,
  settlement_upgrading: UPGRADING_COLUMNS,
  kelurahan: KELURAHAN_COLUMNS,
  rw: RW_COLUMNS,
};

const TABLES: readonly ImportTable[] = ['kelurahan', 'rw', 'households', 'settlement_upgrading'];

/** Scratch name of a table during an import. */
export function scratchName(table: ImportTable): string {
  return `import_${table}`;
}

/** Steps of a commit, for progress. */
export type CommitStep = 'store' | 'load' | 'check' | 'swap' | 'keep';

/** What a commit needs. */
export interface CommitArgs {
  readonly db: ImportDbPort;
  readonly store: ImportStore;
  readonly prepared: PreparedImport;
  /** The set in use now (null = the demo data). */
  readonly current: StoredSet | null;
  /** Poverty period of the cube to rebuild. */
  readonly periodId: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (step: CommitStep, fraction: number) => void;
  /** Unique id source for parts (default: time and a counter). */
  readonly newId?: () => string;
}

let counter = 0;
function defaultId(): string {
  counter++;
  return `${Date.now().toString(36)}-${counter}`;
}

function layerBytes(fc: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(fc));
}

/** The set after an import: new slots replace old ones, the rest is kept. */
function nextSet(current: StoredSet | null, prepared: PreparedImport, newId: () => string): { set: StoredSet; parts: Map<string, Uint8Array> } {
  const base = current ?? demoSet();
  const slots: Record<Slot, SlotSource> = { ...base.slots };
  const parts = new Map<string, Uint8Array>();
  for (const p of prepared.parts) {
    const id = `${p.table}-${newId()}`;
    parts.set(id, p.bytes);
    slots[p.table] = { source: 'import', partId: id, format: p.format, rows: p.rows, file: p.source };
  }
  const layers: (keyof BoundaryLayers & Slot)[] = ['kecamatan', 'kota'];
  for (const l of layers) {
    const fc = prepared.boundaries[l];
    if (!fc) continue;
    const id = `${l}-${newId()}`;
    parts.set(id, layerBytes(fc));
    const file = prepared.parts.find((p) => p.table === 'kelurahan')?.source ?? '';
    slots[l] = { source: 'import', partId: id, format: 'geojson', rows: fc.features.length, file };
  }
  return { set: { id: newId(), createdAt: new Date().toISOString(), slots }, parts };
}

function ident(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`bad table name ${name}`);
  return `"${name}"`;
}

/** One cross-table check: SQL counting offending rows, with the first example, and its message. */
interface CrossCheck {
  readonly sql: string;
  readonly message: (n: number, example: string) => ImportMessage;
}

/** Checks of the tables the new data set will have (scratch names for new parts). */
export function crossChecks(newTables: ReadonlySet<ImportTable>, files: Partial<Record<ImportTable, string>>): CrossCheck[] {
  const name = (t: ImportTable): string => ident(newTables.has(t) ? scratchName(t) : t);
  const touches = (...ts: ImportTable[]): boolean => ts.some((t) => newTables.has(t));
  const file = (...ts: ImportTable[]): string => ts.map((t) => files[t]).find((f) => f) ?? '';
  const out: CrossCheck[] = [];
  if (touches('households', 'rw')) {
    out.push({
      sql: `SELECT count(*)::DOUBLE AS n, min(rw_code) AS ex FROM ${name('households')} WHERE rw_code NOT IN (SELECT rw_code FROM ${name('rw')})`,
      message: (n, ex) => err('unknownRwCodes', { file: file('households', 'rw'), count: n, row: 0, example: ex }),
    });
  }
  if (touches('settlement_upgrading', 'rw')) {
    out.push({
      sql: `SELECT count(*)::DOUBLE AS n, min(rw_code) AS ex FROM ${name('settlement_upgrading')} WHERE rw_code NOT IN (SELECT rw_code FROM ${name('rw')})`,
      message: (n, ex) => err('unknownRwCodes', { file: file('settlement_upgrading', 'rw'), count: n, row: 0, example: ex }),
    });
  }
  if (touches('rw', 'kelurahan')) {
    out.push({
      sql: `SELECT count(*)::DOUBLE AS n, min(rw_code) AS ex FROM ${name('rw')} WHERE kelurahan_code NOT IN (SELECT kelurahan_code FROM ${name('kelurahan')})`,
      message: (n, ex) => err('orphanRw', { file: file('kelurahan', 'rw'), count: n, examples: ex }),
    });
  }
  if (touches('rw')) {
    out.push({
      sql: `SELECT (count(*) - count(DISTINCT rw_code))::DOUBLE AS n, '' AS ex FROM ${name('rw')}`,
      message: (n) => err('duplicateRw', { file: file('rw'), count: n }),
    });
  }
  if (touches('households')) {
    out.push({
      sql: `SELECT (count(*) - count(DISTINCT hh_id))::DOUBLE AS n, '' AS ex FROM ${name('households')}`,
      message: (n) => err('duplicateIds', { file: file('households'), count: n, row: 0 }),
    });
  }
  return out;
}

function dbMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (e as { code?: unknown } | null)?.code === 'cancelled';
}

/** A committed import: the set in use now, and whether storage kept it for the next visit. */
export interface CommitResult {
  readonly set: StoredSet;
  /** False when the data is in use but storage failed to keep it (the message says why). */
  readonly kept: boolean;
  readonly messages: readonly ImportMessage[];
}

/**
 * Commits a prepared import; resolves to the new active set. Rejects with ImportError (every
 * message) and leaves the database, the map data and the stored set as they were.
 */
export async function commitImport(args: CommitArgs): Promise<CommitResult> {
  const { db, store, prepared, signal } = args;
  const progress = args.onProgress ?? (() => undefined);
  const { set, parts } = nextSet(args.current, prepared, args.newId ?? defaultId);
  const newTables = new Set(prepared.parts.map((p) => p.table));
  const files: Partial<Record<ImportTable, string>> = Object.fromEntries(prepared.parts.map((p) => [p.table, p.source]));
  const abortCheck = (): void => {
    if (signal?.aborted) throw new ImportError([err('cancelled')]);
  };

  progress('store', 0);
  try {
    await store.stage(set, parts);
  } catch (e) {
    if (e instanceof QuotaError) throw new ImportError([err('quota', { detail: e.message })]);
    throw new ImportError([err('storage', { detail: dbMessage(e) })]);
  }
  const dropScratch = async (): Promise<void> => {
    for (const t of TABLES) await db.exec(`DROP TABLE IF EXISTS ${ident(scratchName(t))}`).catch(() => undefined);
  };
  let inTransaction = false;
  try {
    abortCheck();
    let i = 0;
    for (const p of prepared.parts) {
      progress('load', i / prepared.parts.length);
      try {
        await db.loadTable(
          { table: scratchName(p.table), format: p.format, bytes: p.bytes, columns: TABLE_COLUMNS[p.table] },
          { signal },
        );
      } catch (e) {
        if (isAbort(e, signal)) throw new ImportError([err('cancelled')]);
        // The worker names the scratch table; the user knows the file and the table.
        const message = dbMessage(e).replaceAll(`"${scratchName(p.table)}"`, `"${p.table}"`);
        throw new ImportError([err('ingest', { file: p.source, table: p.table, message })]);
      }
      i++;
    }
    abortCheck();
    progress('check', 0);
    const problems: ImportMessage[] = [];
    for (const c of crossChecks(newTables, files)) {
      const row = tableRows(await db.query(c.sql, { signal }))[0] ?? {};
      const n = num(row.n) ?? 0;
      if (n > 0) problems.push(c.message(n, str(row.ex) ?? ''));
    }
    if (problems.length > 0) throw new ImportError(problems);
    abortCheck();
    progress('swap', 0);
    const p = povertyPeriod(args.periodId);
    await db.exec('BEGIN TRANSACTION');
    inTransaction = true;
    for (const t of TABLES) {
      if (!newTables.has(t)) continue;
      await db.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
      await db.exec(`ALTER TABLE ${ident(scratchName(t))} RENAME TO ${ident(t)}`);
    }
    await db.exec(buildAreasSql());
    await db.exec(buildCubeSql({ povertyLine: p.povertyLine, extremeLine: p.extremeLine }));
    await db.exec('COMMIT');
    inTransaction = false;
  } catch (e) {
    if (inTransaction) await db.exec('ROLLBACK').catch(() => undefined);
    await dropScratch();
    await store.discard(set).catch(() => undefined);
    if (e instanceof ImportError) throw e;
    if (isAbort(e, signal)) throw new ImportError([err('cancelled')]);
    throw new ImportError([err('failed', { detail: dbMessage(e) })]);
  }
  progress('keep', 0);
  try {
    await store.activate(set);
  } catch (e) {
    // The data is in use; only keeping it failed. Say so rather than pretend it will survive a reload.
    return { set, kept: false, messages: [warn(e instanceof QuotaError ? 'quota' : 'storage', { detail: dbMessage(e), inUse: 1 })] };
  }
  return { set, kept: true, messages: [] };
}

/** Formats a load format for messages (the stored kind of a part). */
export function formatLabel(format: LoadFormat | 'geojson'): string {
  return format === 'geojson-properties' ? 'GeoJSON' : format.toUpperCase();
}
