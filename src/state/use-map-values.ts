/**
 * The values behind the map: one indicator at the view's level under its parent and filters,
 * re-queried when the view changes; older answers never replace newer ones (superseded
 * requests are aborted, and the worker cancels them).
 */
import { useEffect, useState } from 'react';
import { buildIndicatorQuery } from '../query/indicators';
import { num, str, tableRows, type DbPort } from './db-port';
import { queryFilters } from './query-filters';
import type { View } from './view-state';

/** One area's value. */
export interface AreaValue {
  readonly code: string;
  readonly name: string;
  readonly parent: string | null;
  /** NULL when suppressed or without a denominator. */
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** The values for one (level, indicator, filters) request. */
export interface MapValues {
  /** Identifies the request these values answer (changes exactly when the values do). */
  readonly key: string;
  readonly rows: readonly AreaValue[];
  /** Values of the same level and indicator over the whole province, unfiltered (for locked breaks). */
  readonly provinceValues: readonly (number | null)[] | null;
  /** Query time in the worker, ms (for the status line and the benchmark). */
  readonly elapsedMs: number;
}

/** State of the map values. */
export interface MapValuesState {
  readonly data: MapValues | null;
  readonly loading: boolean;
  readonly error: string | null;
}

function toValues(rows: Record<string, unknown>[], indicator: string): AreaValue[] {
  return rows.map((r) => {
    const code = str(r.code) ?? '';
    return {
      code,
      name: str(r.name) ?? code,
      parent: str(r.parent_code),
      value: num(r[indicator]),
      suppressed: r[`${indicator}__suppressed`] === true,
    };
  });
}

/** Runs the map query for `view` whenever it (or the data version) changes. */
export function useMapValues(db: DbPort | null, dataVersion: number, view: View): MapValuesState {
  const [state, setState] = useState<MapValuesState>({ data: null, loading: false, error: null });
  const filters = queryFilters(view);
  const sql =
    filters === null
      ? null
      : buildIndicatorQuery({ level: view.level, indicators: [view.indicator], filters, minCell: view.minCell });
  const lockSql =
    view.lock === 'province'
      ? buildIndicatorQuery({ level: view.level, indicators: [view.indicator], minCell: view.minCell })
      : null;
  const key = `${dataVersion}|${sql ?? 'none'}|${lockSql ?? ''}`;

  useEffect(() => {
    if (!db || dataVersion === 0) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const started = performance.now();
    const run = async (): Promise<MapValues> => {
      const [rows, lockRows] = await Promise.all([
        sql ? db.query(sql, { signal: controller.signal }).then(tableRows) : Promise.resolve([]),
        lockSql ? db.query(lockSql, { signal: controller.signal }).then(tableRows) : Promise.resolve(null),
      ]);
      return {
        key,
        rows: toValues(rows, view.indicator),
        provinceValues: lockRows ? toValues(lockRows, view.indicator).map((r) => r.value) : null,
        elapsedMs: performance.now() - started,
      };
    };
    run().then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false, error: null });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => controller.abort();
    // `key` captures sql, lockSql and the data version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);

  return state;
}
