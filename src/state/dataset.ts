/**
 * Loading a data set into the browser: boundaries to the main thread (for the map, drawn at
 * once), tables into DuckDB-WASM (households, rw, kelurahan, settlement_upgrading), then the
 * `areas` table and the pre-aggregated `cube` for the chosen poverty period.
 */
import type { FeatureCollection } from 'geojson';
import {
  HOUSEHOLD_COLUMNS,
  KELURAHAN_COLUMNS,
  RW_COLUMNS,
  UPGRADING_COLUMNS,
  createTableSql,
  povertyPeriod,
  type Level,
} from '../db/contracts';
import { buildAreasSql } from '../query/areas';
import { buildCubeSql } from '../query/cube';
import { str, tableRows, type DbPort } from './db-port';
import { SLOTS, usesDemo, type ImportStore, type Slot, type StoredSet } from './import/store';

/** Boundaries per map level, as loaded. */
export interface Boundaries {
  readonly kota: FeatureCollection;
  readonly kecamatan: FeatureCollection;
  readonly kelurahan: FeatureCollection;
  readonly rw: FeatureCollection;
}

/** One area of any level, for search, breadcrumbs and names. */
export interface AreaEntry {
  readonly code: string;
  readonly level: Level;
  readonly name: string;
  readonly parent: string | null;
}

/** What the demo generator writes into manifest.json (the fields the app reads). */
export interface Manifest {
  readonly synthetic?: boolean;
  readonly seed?: number;
  readonly households?: number;
  readonly generated_by?: string;
}

/** Steps of loading, in order (each has an i18n label). */
export type LoadStep = 'boundaries' | 'households' | 'tables' | 'cube' | 'ready';

/** Progress of a load: the step and the fraction 0–1 of the whole load done. */
export interface LoadProgress {
  readonly step: LoadStep;
  readonly fraction: number;
}

/** A loaded data set. */
export interface Dataset {
  readonly boundaries: Boundaries;
  readonly areas: readonly AreaEntry[];
  readonly manifest: Manifest | null;
  readonly synthetic: boolean;
  /** Household rows in the database. */
  readonly households: number;
  /** Whether the map shows the synthetic demo boundaries (any level). */
  readonly syntheticBoundaries?: boolean;
  /** The stored import in use, or null for the demo data. */
  readonly stored?: StoredSet | null;
}

/** A user-facing load failure: which file, what went wrong. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

async function fetchBytes(url: string, file: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new DatasetError(file, `could not be fetched (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok) throw new DatasetError(file, `could not be fetched (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

function parseCollection(bytes: Uint8Array, file: string): FeatureCollection {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DatasetError(file, 'is not valid JSON');
  }
  const fc = json as Partial<FeatureCollection>;
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new DatasetError(file, 'is not a GeoJSON FeatureCollection');
  }
  return fc as FeatureCollection;
}

/** Records a load milestone as a performance mark `sasaran:<name>` (read by the benchmark). */
export function mark(name: string): void {
  performance.mark(`sasaran:${name}`);
}

/** Replaces the cube for a poverty period (after a load, or when the user picks a period). */
export async function rebuildCube(db: DbPort, periodId: string): Promise<void> {
  const p = povertyPeriod(periodId);
  await db.exec(buildCubeSql({ povertyLine: p.povertyLine, extremeLine: p.extremeLine }));
}

/** Reads every area of every level from the `areas` table. */
export async function readAreas(db: DbPort): Promise<AreaEntry[]> {
  const rows = tableRows(await db.query('SELECT code, level, name, parent_code FROM areas ORDER BY code'));
  return rows.map((r) => ({
    code: str(r.code) ?? '',
    level: r.level as Level,
    name: str(r.name) ?? '',
    parent: str(r.parent_code),
  }));
}

/** Files of the demo data set being fetched; boundaries resolve first, the big file later. */
export interface DemoFiles {
  readonly boundaries: Promise<Boundaries>;
  /** Raw rw.geojson and kelurahan.geojson bytes, for the worker (copies: the map keeps its own). */
  readonly tables: Promise<{ rw: Uint8Array; kelurahan: Uint8Array }>;
  readonly households: Promise<Uint8Array>;
  readonly upgrading: Promise<Uint8Array | null>;
  readonly manifest: Promise<Manifest | null>;
}

/**
 * Starts every download of the demo data set at once (default base: the app's `data/demo/`), so
 * boundaries can be drawn before DuckDB-WASM has even finished instantiating.
 */
export function fetchDemoFiles(baseUrl?: string): DemoFiles {
  const base = baseUrl ?? `${import.meta.env.BASE_URL}data/demo/`;
  const names = ['kota', 'kecamatan', 'kelurahan', 'rw'] as const;
  const raw = Promise.all(names.map((n) => fetchBytes(`${base}${n}.geojson`, `${n}.geojson`)));
  const boundaries = raw.then((list) => {
    const [kota, kecamatan, kelurahan, rw] = list.map((b, i) => parseCollection(b, `${names[i]}.geojson`));
    mark('boundaries');
    return { kota: kota!, kecamatan: kecamatan!, kelurahan: kelurahan!, rw: rw! };
  });
  return {
    boundaries,
    tables: raw.then((list) => ({ kelurahan: list[2]!.slice(), rw: list[3]!.slice() })),
    households: fetchBytes(`${base}households.parquet`, 'households.parquet'),
    upgrading: fetchBytes(`${base}settlement_upgrading.csv`, 'settlement_upgrading.csv').catch(() => null),
    manifest: fetch(`${base}manifest.json`)
      .then((r) => (r.ok ? (r.json() as Promise<Manifest>) : null))
      .catch(() => null),
  };
}

/** Loads fetched demo files into the database and builds `areas` and the cube for a period. */
export async function loadDemoDataset(
  db: DbPort,
  files: DemoFiles,
  options: { periodId: string; onProgress?: (p: LoadProgress) => void },
): Promise<Dataset> {
  const progress = options.onProgress ?? (() => undefined);
  progress({ step: 'households', fraction: 0.15 });
  const loaded = await db.loadTable({
    table: 'households',
    format: 'parquet',
    bytes: await files.households,
    columns: HOUSEHOLD_COLUMNS,
  });
  mark('households');
  progress({ step: 'tables', fraction: 0.7 });
  const tables = await files.tables;
  await db.loadTable({ table: 'rw', format: 'geojson-properties', bytes: tables.rw, columns: RW_COLUMNS });
  await db.loadTable({ table: 'kelurahan', format: 'geojson-properties', bytes: tables.kelurahan, columns: KELURAHAN_COLUMNS });
  const csv = await files.upgrading;
  if (csv) {
    await db.loadTable({ table: 'settlement_upgrading', format: 'csv', bytes: csv, columns: UPGRADING_COLUMNS });
  } else {
    await db.exec(createTableSql('settlement_upgrading', UPGRADING_COLUMNS));
  }
  mark('tables');
  progress({ step: 'cube', fraction: 0.85 });
  await db.exec(buildAreasSql());
  await rebuildCube(db, options.periodId);
  mark('cube');
  const areas = await readAreas(db);
  const m = await files.manifest;
  progress({ step: 'ready', fraction: 1 });
  return {
    boundaries: await files.boundaries,
    areas,
    manifest: m,
    synthetic: m?.synthetic !== false,
    households: loaded.rowCount,
    syntheticBoundaries: true,
    stored: null,
  };
}

/** An imported data set as kept in browser storage: the set and the bytes of its parts. */
export interface StoredData {
  readonly set: StoredSet;
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

const LAYERS = ['kota', 'kecamatan', 'kelurahan', 'rw'] as const;

function storedBytes(stored: StoredData, slot: Slot): Uint8Array | null {
  const s = stored.set.slots[slot];
  return s.source === 'import' ? (stored.parts.get(s.partId) ?? null) : null;
}

/** Map layers of a stored set: imported ones parsed from storage, the rest from the demo files. */
export async function storedBoundaries(stored: StoredData, demo: () => DemoFiles): Promise<Boundaries> {
  const needDemo = LAYERS.some((l) => stored.set.slots[l].source === 'demo');
  const base = needDemo ? await demo().boundaries : null;
  const layer = (l: (typeof LAYERS)[number]): FeatureCollection => {
    const bytes = storedBytes(stored, l);
    return bytes ? parseCollection(bytes, `${l} (stored)`) : base![l];
  };
  const out = { kota: layer('kota'), kecamatan: layer('kecamatan'), kelurahan: layer('kelurahan'), rw: layer('rw') };
  mark('boundaries');
  return out;
}

/**
 * Loads a stored (imported, possibly mixed with demo) data set: each table from its stored bytes
 * or the demo file, then `areas` and the cube. The bytes were validated when imported.
 */
export async function loadStoredDataset(
  db: DbPort,
  stored: StoredData,
  demo: () => DemoFiles,
  options: { periodId: string; onProgress?: (p: LoadProgress) => void },
): Promise<Dataset> {
  const progress = options.onProgress ?? (() => undefined);
  const boundaries = await storedBoundaries(stored, demo);
  const slot = (s: Slot) => stored.set.slots[s];
  // The worker takes the bytes (transfer): hand it copies, storage keeps its own.
  const bytesOf = async (s: 'households' | 'rw' | 'kelurahan' | 'settlement_upgrading'): Promise<Uint8Array | null> => {
    const own = storedBytes(stored, s);
    if (own) return own.slice();
    const files = demo();
    if (s === 'households') return files.households;
    if (s === 'settlement_upgrading') return files.upgrading;
    return (await files.tables)[s];
  };
  const format = (s: Slot, demoFormat: 'parquet' | 'csv' | 'geojson-properties') => {
    const x = slot(s);
    return x.source === 'import' && x.format !== 'geojson' ? x.format : demoFormat;
  };
  progress({ step: 'households', fraction: 0.15 });
  const loaded = await db.loadTable({ table: 'households', format: format('households', 'parquet'), bytes: (await bytesOf('households'))!, columns: HOUSEHOLD_COLUMNS });
  mark('households');
  progress({ step: 'tables', fraction: 0.7 });
  await db.loadTable({ table: 'rw', format: format('rw', 'geojson-properties'), bytes: (await bytesOf('rw'))!, columns: RW_COLUMNS });
  await db.loadTable({ table: 'kelurahan', format: format('kelurahan', 'geojson-properties'), bytes: (await bytesOf('kelurahan'))!, columns: KELURAHAN_COLUMNS });
  const csv = await bytesOf('settlement_upgrading');
  if (csv) {
    await db.loadTable({ table: 'settlement_upgrading', format: format('settlement_upgrading', 'csv'), bytes: csv, columns: UPGRADING_COLUMNS });
  } else {
    await db.exec(createTableSql('settlement_upgrading', UPGRADING_COLUMNS));
  }
  mark('tables');
  progress({ step: 'cube', fraction: 0.85 });
  await db.exec(buildAreasSql());
  await rebuildCube(db, options.periodId);
  mark('cube');
  const areas = await readAreas(db);
  const synthetic = usesDemo(stored.set);
  const manifest = synthetic ? await demo().manifest : null;
  progress({ step: 'ready', fraction: 1 });
  return {
    boundaries,
    areas,
    manifest,
    synthetic,
    households: loaded.rowCount,
    syntheticBoundaries: LAYERS.some((l) => stored.set.slots[l].source === 'demo'),
    stored: stored.set,
  };
}

/** The data set right after an import was committed: the tables are in place, the layers given. */
export async function datasetAfterImport(
  db: DbPort,
  set: StoredSet,
  layers: Partial<Boundaries>,
  previous: Dataset,
): Promise<Dataset> {
  const boundaries: Boundaries = { ...previous.boundaries, ...layers };
  const areas = await readAreas(db);
  const n = tableRows(await db.query('SELECT count(*)::DOUBLE AS n FROM households'))[0]?.n;
  const synthetic = usesDemo(set);
  return {
    boundaries,
    areas,
    manifest: synthetic ? previous.manifest : null,
    synthetic,
    households: typeof n === 'number' ? n : 0,
    syntheticBoundaries: LAYERS.some((l) => set.slots[l].source === 'demo'),
    stored: set,
  };
}

/** How a session starts: the stored import when there is one, else the demo data. */
export interface DatasetSource {
  /** Boundaries for the map, as soon as they are parsed. */
  readonly boundaries: Promise<Boundaries>;
  /** Loads the tables into the database once it is open. */
  load(db: DbPort, options: { periodId: string; onProgress?: (p: LoadProgress) => void }): Promise<Dataset>;
}

/**
 * Starts a session: reads the stored import (if any) and fetches only the demo files it needs;
 * with nothing stored (or no storage), this is exactly the demo path.
 */
export function startDataset(baseUrl: string | undefined, store: ImportStore | null): DatasetSource {
  let demo: DemoFiles | null = null;
  const getDemo = (): DemoFiles => (demo ??= fetchDemoFiles(baseUrl));
  const stored: Promise<StoredData | null> = store
    ? store.load().catch(() => null)
    : Promise.resolve(null);
  return {
    boundaries: stored.then((s) => (s ? storedBoundaries(s, getDemo) : getDemo().boundaries)),
    load: async (db, options) => {
      const s = await stored;
      return s ? loadStoredDataset(db, s, getDemo, options) : loadDemoDataset(db, getDemo(), options);
    },
  };
}

/** Every slot of a set with its source, for display. */
export function slotSources(set: StoredSet | null | undefined): Record<Slot, 'demo' | 'import'> {
  return Object.fromEntries(SLOTS.map((s) => [s, set?.slots[s].source ?? 'demo'])) as Record<Slot, 'demo' | 'import'>;
}
