/**
 * The rows behind the intervention overlays and the bivariate map: one query per visible
 * overlay (catalogue indicators with their parts, the upgrading steps), the bivariate classes
 * and, with convergence on, the desil-1 program combinations of the selected area. Re-queried
 * when the view's level, area, filters or overlay choices change; older answers never win.
 */
import { useEffect, useState } from 'react';
import { povertyPeriod, type KumuhLevel } from '../db/contracts';
import { buildBivariateQuery } from '../query/bivariate';
import { buildCombinationsQuery } from '../query/convergence';
import { buildIndicatorQuery } from '../query/indicators';
import { buildUpgradingOverlayQuery, buildUpgradingYearsQuery } from '../query/overlays';
import { PROGRAM_IDS, type ProgramId } from '../query/programs';
import { num, str, tableRows, type DbPort } from './db-port';
import { overlayNotApplicable, overlaySpec, type BivariateData, type CombinationRow, type OverlayData, type SymbolRow, type UpgradingStep } from './overlays';
import { effectiveArea, queryFilters, NO_AREA } from './query-filters';
import type { OverlayId, View } from './view-state';

/** State of the overlay rows. */
export interface OverlaysState {
  readonly data: OverlayData | null;
  readonly loading: boolean;
  readonly error: string | null;
}

type Request =
  | { readonly kind: 'areas'; readonly id: OverlayId; readonly indicatorId: string; readonly part: 'num' | 'den'; readonly sql: string }
  | { readonly kind: 'upgrading' | 'years' | 'bivariate' | 'combinations'; readonly sql: string };

/** The SQL requests the view needs (empty when no overlay is on or the filters exclude everything). */
export function overlayRequests(view: View): Request[] {
  const filters = queryFilters(view);
  const o = view.overlays;
  if (filters === null) return [];
  const out: Request[] = [];
  for (const layer of o.layers) {
    if (layer.id === 'upgrading') {
      out.push({ kind: 'upgrading', sql: buildUpgradingOverlayQuery({ year: o.upgradingYear, filters }) });
      continue;
    }
    if (overlayNotApplicable(layer.id, o)) continue;
    const spec = overlaySpec(layer.id, o);
    if (!spec) continue;
    out.push({
      kind: 'areas',
      id: layer.id,
      indicatorId: spec.indicatorId,
      part: spec.part,
      sql: buildIndicatorQuery({ level: view.level, indicators: [spec.indicatorId], filters, minCell: view.minCell, withParts: true }),
    });
    if (layer.id === 'convergence') {
      const area = view.selected ?? effectiveArea(view);
      const p = povertyPeriod(view.period);
      out.push({
        kind: 'combinations',
        sql: buildCombinationsQuery({
          params: { povertyLine: p.povertyLine, extremeLine: p.extremeLine },
          filters: { ...filters, areas: area === null || area === NO_AREA ? [] : [area] },
          minCell: view.minCell,
        }),
      });
    }
  }
  out.push({ kind: 'years', sql: buildUpgradingYearsQuery() });
  if (o.bivariate) {
    out.push({
      kind: 'bivariate',
      sql: buildBivariateQuery({
        level: view.level,
        need: o.bivariate.need,
        coverage: `${o.bivariate.program}_coverage`,
        filters,
        minCell: view.minCell,
      }),
    });
  }
  return out;
}

const isProgram = (x: string): x is ProgramId => (PROGRAM_IDS as readonly string[]).includes(x);

function toAreas(rows: Record<string, unknown>[], indicatorId: string, part: 'num' | 'den'): SymbolRow[] {
  return rows.map((r) => ({
    code: str(r.code) ?? '',
    name: str(r.name) ?? '',
    size: num(r[`${indicatorId}__${part}`]),
    value: num(r[indicatorId]),
    suppressed: r[`${indicatorId}__suppressed`] === true,
  }));
}

function toSteps(rows: Record<string, unknown>[]): UpgradingStep[] {
  return rows.map((r) => ({
    code: str(r.code) ?? '',
    kumuh: (str(r.kumuh_level) ?? 'tidak') as KumuhLevel,
    stage: (str(r.stage) as UpgradingStep['stage']) ?? null,
    status: (str(r.status) as UpgradingStep['status']) ?? null,
    year: num(r.year),
  }));
}

function toBivariate(rows: Record<string, unknown>[]): BivariateData {
  const first = rows.find((r) => num(r.need_t1) !== null);
  const bounds = (a: unknown, b: unknown): [number, number] | null => {
    const x = num(a);
    const y = num(b);
    return x === null || y === null ? null : [x, y];
  };
  return {
    rows: rows.map((r) => ({
      code: str(r.code) ?? '',
      name: str(r.name) ?? '',
      need: num(r.need),
      coverage: num(r.coverage),
      suppressed: r.suppressed === true,
      needClass: num(r.need_class),
      coverageClass: num(r.coverage_class),
      hnlcRank: num(r.hnlc_rank),
    })),
    needBounds: first ? bounds(first.need_t1, first.need_t2) : null,
    coverageBounds: first ? bounds(first.coverage_t1, first.coverage_t2) : null,
  };
}

function toCombinations(rows: Record<string, unknown>[]): CombinationRow[] {
  return rows.map((r) => {
    const programs = str(r.programs);
    return {
      programs: programs === null ? null : programs === '' ? [] : programs.split('+').filter(isProgram),
      households: num(r.households),
      suppressed: r.suppressed === true,
    };
  });
}

/** Runs the overlay queries for `view` whenever they (or the data version) change. */
export function useOverlays(db: DbPort | null, dataVersion: number, view: View): OverlaysState {
  const [state, setState] = useState<OverlaysState>({ data: null, loading: false, error: null });
  const requests = overlayRequests(view);
  const key = `${dataVersion}|${view.level}|${requests.map((r) => r.sql).join('\u0000')}`;

  useEffect(() => {
    if (!db || dataVersion === 0) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const run = async (): Promise<OverlayData> => {
      const answers = await Promise.all(requests.map((r) => db.query(r.sql, { signal: controller.signal }).then(tableRows)));
      const data: { -readonly [K in keyof OverlayData]: OverlayData[K] } = {
        key: hash(key),
        level: view.level,
        areas: {},
        upgrading: null,
        years: [],
        bivariate: null,
        combinations: null,
      };
      const areas: Partial<Record<OverlayId, SymbolRow[]>> = {};
      requests.forEach((r, i) => {
        const rows = answers[i] ?? [];
        if (r.kind === 'areas') areas[r.id] = toAreas(rows, r.indicatorId, r.part);
        else if (r.kind === 'upgrading') data.upgrading = toSteps(rows);
        else if (r.kind === 'years') data.years = rows.map((x) => num(x.year)).filter((y): y is number => y !== null);
        else if (r.kind === 'bivariate') data.bivariate = toBivariate(rows);
        else data.combinations = toCombinations(rows);
      });
      data.areas = areas;
      return data;
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
    // `key` captures every request's SQL, the level and the data version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);

  return state;
}

/** A short stable hash (FNV-1a) of a long key. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(36)}-${text.length}`;
}
