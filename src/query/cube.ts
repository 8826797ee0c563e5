/**
 * SQL that derives per-household flags and pre-aggregates every measure per (rw_code, ktp_dki).
 * Poverty lines are parameters of the build (the user picks the period), never constants.
 */
import { MEASURES, type Measure } from './measures';
import { ident } from './sql';

/** The poverty lines the cube is built for (Rp per person per month). */
export interface CubeParams {
  readonly povertyLine: number;
  readonly extremeLine: number;
}

function rupiah(value: number, what: string): string {
  if (!Number.isFinite(value) || value <= 0 || value > 1e9) {
    throw new Error(`${what} must be a positive number of rupiah, got ${value}`);
  }
  return String(Math.round(value));
}

/** The households table projected with the derived flags every measure uses. */
export function householdFlagsSql(params: CubeParams, table = 'households'): string {
  const pl = rupiah(params.povertyLine, 'poverty line');
  const el = rupiah(params.extremeLine, 'extreme-poverty line');
  return `SELECT *,
    desil <= 4 AS registry,
    expenditure_per_capita < ${pl} AS poor,
    expenditure_per_capita < ${el} AS extreme,
    (CASE WHEN floor_area_m2 < 8 * members THEN 1 ELSE 0 END
      + CASE WHEN floor_material IN ('tanah', 'bambu', 'kayu_murah') THEN 1 ELSE 0 END
      + CASE WHEN wall_material IN ('bambu', 'kayu', 'tembok_tanpa_plester') THEN 1 ELSE 0 END
      + CASE WHEN roof_material IN ('rumbia', 'seng') THEN 1 ELSE 0 END) >= 2 AS rtlh,
    water_source IN ('sumur_tak_terlindung', 'sungai') AS unsafe_water,
    sanitation <> 'sendiri' AS no_own_toilet
  FROM ${ident(table)}`;
}

/** The aggregate of one measure over a group of households, as BIGINT. */
function aggregateSql(m: Measure): string {
  if (m.condition === 'TRUE') return 'count(*)::BIGINT';
  if (m.condition !== undefined) return `count_if(${m.condition})::BIGINT`;
  return `sum(${m.expr})::BIGINT`;
}

/** Group keys of the cube: per RW, split by Jakarta-ID status. */
export const CUBE_KEYS = ['rw_code', 'ktp_dki'] as const;

/**
 * SELECT that aggregates every measure per group of `keys` (households columns; default the cube's
 * (rw_code, ktp_dki); the benchmark groups by rw_code alone).
 */
export function cubeSelectSql(
  params: CubeParams,
  table = 'households',
  keys: readonly string[] = CUBE_KEYS,
): string {
  const sums = MEASURES.map((m) => `${aggregateSql(m)} AS ${ident(m.name)}`).join(',\n  ');
  const by = keys.map(ident).join(', ');
  return `WITH hh_flags AS (${householdFlagsSql(params, table)})
SELECT ${by},
  ${sums}
FROM hh_flags
GROUP BY ${by}`;
}

/** Replaces the `cube` table for the given poverty lines. */
export function buildCubeSql(params: CubeParams, table = 'households'): string {
  return `CREATE OR REPLACE TABLE cube AS ${cubeSelectSql(params, table)} ORDER BY rw_code, ktp_dki`;
}
