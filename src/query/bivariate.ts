/**
 * Bivariate classes: a need indicator (x, towards red) against a program's coverage (y, towards
 * blue), each cut into terciles over the areas where both values are shown, and the "high need,
 * low coverage" areas ranked in SQL.
 */
import { indicator } from './catalogue';
import { buildIndicatorQuery, type Filters } from './indicators';
import type { Level } from '../db/contracts/areas';
import { ident } from './sql';

/** Options of {@link buildBivariateQuery}. */
export interface BivariateQueryOptions {
  readonly level: Level;
  /** Catalogue id of the need axis (x). */
  readonly need: string;
  /** Catalogue id of the coverage axis (y), e.g. `kb_coverage`. */
  readonly coverage: string;
  readonly filters?: Filters;
  /** Minimum cell size in households (default 10). */
  readonly minCell?: number;
}

/**
 * One row per area of `level`: `need`, `coverage` (NULL when suppressed or without data), the
 * tercile bounds `need_t1`, `need_t2`, `coverage_t1`, `coverage_t2`, the classes `need_class` and
 * `coverage_class` (0–2, NULL unless both values are shown) and `hnlc_rank` (1, 2, … for the
 * high-need (class 2), low-coverage (class 0) areas, by need descending, then coverage ascending,
 * then code; NULL otherwise). Tercile bounds are `quantile_cont` at 1/3 and 2/3 over the areas
 * where both values are shown; a value equal to a bound falls in the lower class.
 */
export function buildBivariateQuery(options: BivariateQueryOptions): string {
  const need = indicator(options.need);
  const coverage = indicator(options.coverage);
  if (need.id === coverage.id) throw new Error('bivariate axes must be two different indicators');
  const base = buildIndicatorQuery({
    level: options.level,
    indicators: [need.id, coverage.id],
    filters: options.filters,
    minCell: options.minCell,
  });
  const n = ident(need.id);
  const c = ident(coverage.id);
  return `WITH v AS (
  ${base}
), both_shown AS (
  SELECT * FROM v WHERE ${n} IS NOT NULL AND ${c} IS NOT NULL
), t AS (
  SELECT quantile_cont(${n}, [1/3, 2/3]) AS nq, quantile_cont(${c}, [1/3, 2/3]) AS cq FROM both_shown
), classed AS (
  SELECT v.code, v.name, v.parent_code,
    v.${n}::DOUBLE AS need, v.${c}::DOUBLE AS coverage,
    v.${ident(`${need.id}__suppressed`)} OR v.${ident(`${coverage.id}__suppressed`)} AS suppressed,
    t.nq[1] AS need_t1, t.nq[2] AS need_t2, t.cq[1] AS coverage_t1, t.cq[2] AS coverage_t2,
    CASE WHEN v.${n} IS NULL OR v.${c} IS NULL THEN NULL
      WHEN v.${n} <= t.nq[1] THEN 0 WHEN v.${n} <= t.nq[2] THEN 1 ELSE 2 END AS need_class,
    CASE WHEN v.${n} IS NULL OR v.${c} IS NULL THEN NULL
      WHEN v.${c} <= t.cq[1] THEN 0 WHEN v.${c} <= t.cq[2] THEN 1 ELSE 2 END AS coverage_class
  FROM v CROSS JOIN t
)
SELECT *,
  CASE WHEN need_class = 2 AND coverage_class = 0
    THEN row_number() OVER (
      PARTITION BY (need_class = 2 AND coverage_class = 0)
      ORDER BY need DESC, coverage ASC, code ASC)
  END AS hnlc_rank
FROM classed
ORDER BY code`;
}
