/**
 * The data set's lifecycle: load the stored import (or the demo data) once the database is there,
 * expose boundaries as soon as they parse, and rebuild the cube when the poverty period changes.
 * An import replaces the data set in place; "back to demo data" clears storage and reloads the
 * demo. `version` increases each time the queryable data changes, so queries re-run.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DbPort } from './db-port';
import {
  fetchDemoFiles,
  loadDemoDataset,
  rebuildCube,
  startDataset,
  type Boundaries,
  type Dataset,
  type LoadProgress,
} from './dataset';
import { createIndexedDbStore, type ImportStore } from './import/store';

/** State of the data set. */
export interface DatasetState {
  readonly boundaries: Boundaries | null;
  readonly dataset: Dataset | null;
  readonly progress: LoadProgress;
  readonly error: string | null;
  /** 0 until the first cube exists; then increases on every change of the queryable data. */
  readonly version: number;
}

/** What the import feature can do with the data set. */
export interface DatasetActions {
  /** Where imports are kept (null when the browser has no IndexedDB). */
  readonly store: ImportStore | null;
  /** Shows a committed import: its tables are already in the database, its cube is on `periodId`. */
  readonly applyImport: (dataset: Dataset, periodId: string) => void;
  /** Forgets the stored import and loads the demo data again. */
  readonly resetToDemo: () => Promise<void>;
}

function defaultStore(): ImportStore | null {
  return typeof indexedDB === 'undefined' ? null : createIndexedDbStore(indexedDB);
}

/** Loads the stored import or the demo data set into `db` and keeps the cube on `periodId`. */
export function useDataset(db: DbPort | null, periodId: string, baseUrl?: string): DatasetState & DatasetActions {
  const [state, setState] = useState<DatasetState>({
    boundaries: null,
    dataset: null,
    progress: { step: 'boundaries', fraction: 0 },
    error: null,
    version: 0,
  });
  const cubePeriod = useRef<string | null>(null);
  const periodRef = useRef(periodId);
  periodRef.current = periodId;
  const [store] = useState(defaultStore);
  // Downloads start with the first render, before the database exists.
  const [source] = useState(() => startDataset(baseUrl, store));

  useEffect(() => {
    let alive = true;
    source.boundaries.then(
      (boundaries) => alive && setState((s) => ({ ...s, boundaries: s.boundaries ?? boundaries })),
      (e: unknown) => alive && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      alive = false;
    };
  }, [source]);

  useEffect(() => {
    if (!db) return;
    let alive = true;
    const startPeriod = periodRef.current;
    source
      .load(db, {
        periodId: startPeriod,
        onProgress: (progress) => alive && setState((s) => ({ ...s, progress })),
      })
      .then(
        (dataset) => {
          if (!alive) return;
          cubePeriod.current = startPeriod;
          setState((s) => ({ ...s, dataset, boundaries: dataset.boundaries, error: null, version: s.version + 1 }));
        },
        (e: unknown) => {
          if (alive) setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
        },
      );
    return () => {
      alive = false;
    };
  }, [db, source]);

  useEffect(() => {
    if (!db || state.version === 0 || cubePeriod.current === periodId) return;
    let alive = true;
    cubePeriod.current = periodId;
    rebuildCube(db, periodId).then(
      () => alive && setState((s) => ({ ...s, version: s.version + 1 })),
      (e: unknown) => alive && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      alive = false;
    };
  }, [db, periodId, state.version]);

  const applyImport = useCallback((dataset: Dataset, cubeOn: string) => {
    cubePeriod.current = cubeOn;
    setState((s) => ({ ...s, dataset, boundaries: dataset.boundaries, error: null, version: s.version + 1 }));
  }, []);

  const resetToDemo = useCallback(async () => {
    if (!db) return;
    await store?.clear();
    const p = periodRef.current;
    const dataset = await loadDemoDataset(db, fetchDemoFiles(baseUrl), { periodId: p });
    cubePeriod.current = p;
    setState((s) => ({ ...s, dataset, boundaries: dataset.boundaries, error: null, version: s.version + 1 }));
  }, [db, store, baseUrl]);

  return { ...state, store, applyImport, resetToDemo };
}
