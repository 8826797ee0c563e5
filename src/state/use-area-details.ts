/**
 * Everything the area panel shows for the selected area: every indicator with its parts for
 * the area, the same for its parent and the province, and the desil distribution; all under
 * the view's household filters and minimum cell size.
 */
import { useEffect, useState } from 'react';
import { levelOfCode } from '../query/areas';
import { INDICATOR_IDS } from '../query/catalogue';
import { buildCountsQuery, buildIndicatorQuery } from '../query/indicators';
import { num, tableRows, type DbPort } from './db-port';
import { householdFilters } from './query-filters';
import type { View } from './view-state';

/** One area's row: indicator id → value, `<id>__suppressed`, `<id>__num`, `<id>__den`. */
export type IndicatorRow = Readonly<Record<string, unknown>> & { readonly code: string; readonly name: string };

/** The panel's data. */
export interface AreaDetails {
  readonly code: string;
  readonly area: IndicatorRow | null;
  readonly parent: IndicatorRow | null;
  readonly province: IndicatorRow | null;
  /** Households per desil 1–10 (null = suppressed). */
  readonly desil: readonly (number | null)[];
}

/** State of the area details. */
export interface AreaDetailsState {
  readonly data: AreaDetails | null;
  readonly loading: boolean;
  readonly error: string | null;
}

const DESIL_MEASURES = Array.from({ length: 10 }, (_, i) => `desil${i + 1}_hh`);

/** Loads the details of `view.selected` whenever the selection, filters or data change. */
export function useAreaDetails(db: DbPort | null, dataVersion: number, view: View): AreaDetailsState {
  const [state, setState] = useState<AreaDetailsState>({ data: null, loading: false, error: null });
  const code = view.selected;
  const level = code ? levelOfCode(code) : null;
  const filters = householdFilters(view);
  const parentCode = code && level && level !== 'provinsi' ? code.split('.').slice(0, -1).join('.') : null;
  const parentLevel = parentCode ? levelOfCode(parentCode) : null;
  const key = JSON.stringify([dataVersion, code, filters, view.minCell]);

  useEffect(() => {
    if (!db || dataVersion === 0 || !code || !level) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    const signal = controller.signal;
    const one = async (lvl: typeof level, c: string): Promise<IndicatorRow | null> => {
      const sql = buildIndicatorQuery({ level: lvl, indicators: INDICATOR_IDS, filters, minCell: view.minCell, withParts: true, codes: [c] });
      const rows = tableRows(await db.query(sql, { signal }));
      return (rows[0] as IndicatorRow | undefined) ?? null;
    };
    setState((s) => ({ ...s, loading: true }));
    const run = async (): Promise<AreaDetails> => {
      const [area, parent, province, desilRows] = await Promise.all([
        one(level, code),
        parentCode && parentLevel ? one(parentLevel, parentCode) : Promise.resolve(null),
        level === 'provinsi' ? Promise.resolve(null) : one('provinsi', '31'),
        db
          .query(buildCountsQuery({ level, measures: DESIL_MEASURES, filters, minCell: view.minCell, codes: [code] }), { signal })
          .then(tableRows),
      ]);
      const d = desilRows[0] ?? {};
      return {
        code,
        area,
        parent,
        province,
        desil: DESIL_MEASURES.map((m) => num(d[m])),
      };
    };
    run().then(
      (data) => {
        if (!signal.aborted) setState({ data, loading: false, error: null });
      },
      (e: unknown) => {
        if (!signal.aborted) setState({ data: null, loading: false, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);

  return state;
}
