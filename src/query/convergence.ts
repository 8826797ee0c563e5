/**
 * Convergence (konvergensi): which programs reach the poorest households together. The per-area
 * counts (none / one / two or more programs) are cube measures behind catalogue indicators; this
 * module lists the program combinations of desil-1 households, with the minimum cell size.
 */
import { householdFlagsSql, type CubeParams } from './cube';
import type { Filters } from './indicators';
import { DEFAULT_MIN_CELL } from './indicators';
import { PROGRAMS } from './programs';
import { rwFilterConditions } from './overlays';
import { ident, positiveInt } from './sql';

/** Catalogue ids of the convergence indicators, in reading order. */
export const CONVERGENCE_INDICATORS = [
  'desil1_unreached_share',
  'desil1_one_program_share',
  'desil1_multi_program_share',
  'desil1_unreached_households',
] as const;

/** Cube measures counting desil-1 households reached by none, one, or two or more programs. */
export const CONVERGENCE_MEASURES = ['d1_reached_0_hh', 'd1_reached_1_hh', 'd1_reached_2plus_hh'] as const;

/** Options of {@link buildCombinationsQuery}. */
export interface CombinationsQueryOptions {
  /** Poverty lines of the household flags (they do not change the combinations). */
  readonly params: CubeParams;
  readonly filters?: Filters;
  /** Minimum cell size in households (default 10). */
  readonly minCell?: number;
}

/**
 * Desil-1 households by the combination of programs that reach them: rows `programs` (program
 * ids joined by '+', '' for none; NULL for the merged "other" row), `n_programs`, `households`
 * (NULL when suppressed) and `suppressed`. Combinations of fewer than k households are merged
 * into "other"; when "other" would still hold 1 to k − 1 households, the smallest shown
 * combination joins it, so no small count can be recovered by subtraction. Largest first.
 */
export function buildCombinationsQuery(options: CombinationsQueryOptions): string {
  const k = positiveInt(options.minCell ?? DEFAULT_MIN_CELL, 'minimum cell size');
  const filters = options.filters ?? {};
  const where = ['h.desil = 1', ...rwFilterConditions(filters)];
  if (filters.ktp === 'yes') where.push('h.ktp_dki');
  if (filters.ktp === 'no') where.push('NOT h.ktp_dki');
  const flags = PROGRAMS.map(
    (p) => `least((${p.received}), (${p.eligible})) > 0 AS ${ident(`r_${p.id}`)}`,
  ).join(',\n    ');
  const names = PROGRAMS.map((p) => `CASE WHEN ${ident(`r_${p.id}`)} THEN '${p.id}' END`).join(', ');
  const count = PROGRAMS.map((p) => `${ident(`r_${p.id}`)}::INTEGER`).join(' + ');
  return `WITH hh_flags AS (${householdFlagsSql(options.params)}),
reached AS (
  SELECT ${flags}
  FROM hh_flags h JOIN rw r ON r.rw_code = h.rw_code
  WHERE ${where.join(' AND ')}
), combos AS (
  SELECT concat_ws('+', ${names}) AS programs, (${count}) AS n_programs, count(*)::DOUBLE AS households
  FROM reached GROUP BY 1, 2
), marked AS (
  SELECT *, households < ${k} AS small,
    row_number() OVER (PARTITION BY households < ${k} ORDER BY households ASC, programs DESC) AS rn
  FROM combos
), other_small AS (
  SELECT coalesce(sum(households), 0) AS n FROM marked WHERE small
), merged AS (
  SELECT m.*, m.small OR (o.n > 0 AND o.n < ${k} AND NOT m.small AND m.rn = 1) AS to_other
  FROM marked m CROSS JOIN other_small o
)
SELECT programs, n_programs, households, FALSE AS suppressed FROM merged WHERE NOT to_other
UNION ALL
SELECT NULL, NULL, CASE WHEN sum(households) >= ${k} THEN sum(households) END, sum(households) < ${k}
FROM merged WHERE to_other HAVING count(*) > 0
ORDER BY households DESC NULLS LAST, programs NULLS LAST`;
}
