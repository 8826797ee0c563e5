/**
 * The data set's lifecycle: load the demo data once the database is there, expose boundaries as
 * soon as they parse, and rebuild the cube when the poverty period changes. `version` increases
 * each time the queryable data changes, so queries re-run.
 */
import { useEffect, useRef, useState } from 'react';
import type { DbPort } from './db-port';
import { fetchDemoFiles, loadDemoDataset, rebuildCube, type Boundaries, type Dataset, type LoadProgress } from './dataset';

/** State of the data set. */
export interface DatasetState {
  readonly boundaries: Boundaries | null;
  readonly dataset: Dataset | null;
  readonly progress: LoadProgress;
  readonly error: string | null;
  /** 0 until the first cube exists; then increases on every change of the queryable data. */
  readonly version: number;
}

/** Loads the demo data set into `db` and keeps the cube on `periodId`. */
export function useDataset(db: DbPort | null, periodId: string, baseUrl?: string): DatasetState {
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
  // Downloads start with the first render, before the database exists.
  const [files] = useState(() => fetchDemoFiles(baseUrl));

  useEffect(() => {
    let alive = true;
    files.boundaries.then(
      (boundaries) => alive && setState((s) => ({ ...s, boundaries })),
      (e: unknown) => alive && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      alive = false;
    };
  }, [files]);

  useEffect(() => {
    if (!db) return;
    let alive = true;
    const startPeriod = periodRef.current;
    loadDemoDataset(db, files, {
      periodId: startPeriod,
      onProgress: (progress) => alive && setState((s) => ({ ...s, progress })),
    }).then(
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
  }, [db, files]);

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

  return state;
}
