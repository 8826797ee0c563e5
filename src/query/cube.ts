/**
 * SQL that derives per-household flags and pre-aggregates every measure per (rw_code, ktp_dki).
 * Poverty lines are parameters of the build (the user picks the period), never constants.
 */
import { MEASURES } from './measures';
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

/** SELECT that aggregates every measure per (rw_code, ktp_dki). */
export function cubeSelectSql(params: CubeParams, table = 'households'): string {
  const sums = MEASURES.map((m) => `sum(${m.expr})::BIGINT AS ${ident(m.name)}`).join(',\n  ');
  return `WITH hh_flags AS (${householdFlagsSql(params, table)})
SELECT rw_code, ktp_dki,
  ${sums}
FROM hh_flags
GROUP BY rw_code, ktp_dki`;
}

/** Replaces the `cube` table for the given poverty lines. */
export function buildCubeSql(params: CubeParams, table = 'households'): string {
  return `CREATE OR REPLACE TABLE cube AS ${cubeSelectSql(params, table)} ORDER BY rw_code, ktp_dki`;
}
