/**
 * The numbers of a briefing page (issue 6): headline figures and program coverage for the area
 * the view shows, and its areas ranked by the view's indicator; every number under the view's
 * filters and minimum cell size, through buildIndicatorQuery.
 */
import { useEffect, useState } from 'react';
import type { Level } from '../db/contracts/areas';
import { PROVINCE_CODE, levelOfCode } from '../query/areas';
import { indicator } from '../query/catalogue';
import { buildIndicatorQuery } from '../query/indicators';
import { PROGRAM_IDS, type ProgramId } from '../query/programs';
import { num, str, tableRows, type DbPort } from './db-port';
import { NO_AREA, effectiveArea, queryFilters } from './query-filters';
import type { View } from './view-state';

/** Headline figures, in page order: extreme-poor households, KB gap, PMT-for-toddlers gap, RW kumuh upgraded. */
export const HEADLINE_IDS = ['extreme_poor_households', 'kb_gap_rate', 'pmt_balita_gap_rate', 'upgrading_coverage'] as const;
/** A headline indicator id. */
export type HeadlineId = (typeof HEADLINE_IDS)[number];

/** Rows in the briefing's ranking table. */
export const TOP_N = 10;

/** One number with its parts; all null when suppressed. */
export interface BriefingFigure {
  readonly value: number | null;
  readonly num: number | null;
  readonly den: number | null;
  readonly suppressed: boolean;
}

/** One ranked area. */
export interface BriefingRow extends BriefingFigure {
  readonly code: string;
  readonly name: string;
  /** Code of the parent area. */
  readonly parent: string | null;
}

/** One program's coverage in the briefing's area (fraction 0–1). */
export interface BriefingCoverage {
  readonly program: ProgramId;
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** Everything a briefing page shows besides the map and legend. */
export interface BriefingData {
  /** Identifies the request these numbers answer. */
  readonly key: string;
  /** Code of the area the page is about ('31' = the province). */
  readonly area: string;
  readonly areaName: string;
  readonly figures: Readonly<Record<HeadlineId, BriefingFigure>>;
  /** Coverage of every program, in PROGRAM_IDS order. */
  readonly coverage: readonly BriefingCoverage[];
  /** The worst TOP_N areas of the map by its indicator (highest first when higher is worse). */
  readonly top: readonly BriefingRow[];
  /** Areas on the map that have a value (the table's "of n"). */
  readonly ranked: number;
}

/** State of the briefing numbers. */
export interface BriefingState {
  readonly data: BriefingData | null;
  readonly loading: boolean;
  readonly error: string | null;
}

/** The area a briefing of `view` is about: the drilled or filtered area, '31' for the province; null when filters contradict. */
export function briefingArea(view: Pick<View, 'parent' | 'filters'>): string | null {
  const area = effectiveArea(view);
  if (area === NO_AREA) return null;
  return area ?? PROVINCE_CODE;
}

const COVERAGE_IDS = PROGRAM_IDS.map((p) => `${p}_coverage`);

/** The two queries of a briefing: the area's summary and the map's areas with parts; null when filters contradict. */
export function briefingQueries(view: View): { summary: string; ranking: string } | null {
  const area = briefingArea(view);
  const filters = queryFilters(view);
  if (area === null || filters === null) return null;
  const level: Level = levelOfCode(area) ?? 'provinsi';
  return {
    summary: buildIndicatorQuery({
      level,
      indicators: [...HEADLINE_IDS, ...COVERAGE_IDS],
      filters,
      minCell: view.minCell,
      withParts: true,
      codes: [area],
    }),
    ranking: buildIndicatorQuery({
      level: view.level,
      indicators: [view.indicator],
      filters,
      minCell: view.minCell,
      withParts: true,
    }),
  };
}

function figure(row: Record<string, unknown> | undefined, id: string): BriefingFigure {
  const suppressed = row?.[`${id}__suppressed`] === true;
  return {
    value: num(row?.[id]),
    num: num(row?.[`${id}__num`]),
    den: num(row?.[`${id}__den`]),
    suppressed,
  };
}

/** The `n` worst rows with a value, worst first (ties by code); rows are query rows of one indicator. */
export function topAreas(
  rows: readonly Record<string, unknown>[],
  indicatorId: string,
  higherIsWorse: boolean,
  n = TOP_N,
): BriefingRow[] {
  const list = rows
    .map((r): BriefingRow => {
      const code = str(r.code) ?? '';
      return { code, name: str(r.name) ?? code, parent: str(r.parent_code), ...figure(r, indicatorId) };
    })
    .filter((r): r is BriefingRow & { value: number } => r.value !== null);
  list.sort((a, b) => (higherIsWorse ? b.value - a.value : a.value - b.value) || a.code.localeCompare(b.code));
  return list.slice(0, n);
}

/** Turns the two query results into the page's numbers. */
export function briefingData(
  key: string,
  area: string,
  summary: readonly Record<string, unknown>[],
  ranking: readonly Record<string, unknown>[],
  indicatorId: string,
): BriefingData {
  const row = summary[0];
  const figures = Object.fromEntries(HEADLINE_IDS.map((id) => [id, figure(row, id)])) as Record<HeadlineId, BriefingFigure>;
  return {
    key,
    area,
    areaName: str(row?.name) ?? area,
    figures,
    coverage: PROGRAM_IDS.map((program) => {
      const f = figure(row, `${program}_coverage`);
      return { program, value: f.value, suppressed: f.suppressed };
    }),
    top: topAreas(ranking, indicatorId, indicator(indicatorId).higherIsWorse),
    ranked: ranking.filter((r) => num(r[indicatorId]) !== null).length,
  };
}

/** Runs the briefing queries for `view` while `enabled` (the briefing is open) and the data are loaded. */
export function useBriefing(db: DbPort | null, dataVersion: number, view: View, enabled: boolean): BriefingState {
  const [state, setState] = useState<BriefingState>({ data: null, loading: false, error: null });
  const queries = briefingQueries(view);
  const area = briefingArea(view);
  const key = `${dataVersion}|${queries?.summary ?? 'none'}|${queries?.ranking ?? ''}`;

  useEffect(() => {
    if (!enabled || !db || dataVersion === 0) return;
    if (!queries || area === null) {
      setState({ data: null, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    const signal = controller.signal;
    setState((s) => ({ ...s, loading: true }));
    Promise.all([
      db.query(queries.summary, { signal }).then(tableRows),
      db.query(queries.ranking, { signal }).then(tableRows),
    ]).then(
      ([summary, ranking]) => {
        if (!signal.aborted) setState({ data: briefingData(key, area, summary, ranking, view.indicator), loading: false, error: null });
      },
      (e: unknown) => {
        if (!signal.aborted) setState({ data: null, loading: false, error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => controller.abort();
    // `key` captures both queries, the area, the indicator and the data version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, enabled]);

  return state;
}
