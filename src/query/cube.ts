/**
 * SQL that derives per-household flags and pre-aggregates every measure per (rw_code, ktp_dki),
 * denormalised with what the indicator query filters and groups by. Poverty lines are parameters
 * of the build (the user picks the period), never constants.
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

/** Upgrading statuses that count an RW as upgraded (planned work does not). */
const UPGRADED_STATUSES = "('berjalan', 'selesai')";

/**
 * Replaces the `cube` table for the given poverty lines. The cube is denormalised once here so
 * that the indicator query (indicators.ts) reads this one table, with no join (issue 8):
 * - household rows (`rw_row` FALSE): every measure per (rw_code, ktp_dki), for RWs of the `rw`
 *   table (through `kelurahan`) only, as the indicator query has always counted;
 * - one RW row per RW (`rw_row` TRUE, `ktp_dki` and the measures NULL): the RW's own attributes
 *   (`population`, `households_all`, and whether and from which year it has upgrading work
 *   running or done), so RWs without registry households still appear.
 * Both kinds carry the RW's area codes and `kumuh_level`, which filters and grouping need.
 * Needs the `rw`, `kelurahan` and `settlement_upgrading` tables.
 */
export function buildCubeSql(params: CubeParams, table = 'households'): string {
  const names = MEASURES.map((m) => ident(m.name));
  const area = 'r.rw_code, r.kelurahan_code, r.kecamatan_code, r.kota_code, r.kumuh_level';
  return `CREATE OR REPLACE TABLE cube AS
WITH g AS (${cubeSelectSql(params, table)}),
r AS (
  SELECT rw.rw_code, rw.kelurahan_code, k.kecamatan_code, k.kota_code, rw.kumuh_level, rw.population, rw.households
  FROM rw JOIN kelurahan k ON k.kelurahan_code = rw.kelurahan_code
), u AS (
  SELECT rw_code, min(year) AS upgraded_year FROM settlement_upgrading WHERE status IN ${UPGRADED_STATUSES} GROUP BY rw_code
)
SELECT ${area}, FALSE AS rw_row, g.ktp_dki,
  NULL::INTEGER AS population, NULL::INTEGER AS households_all, NULL::BOOLEAN AS upgraded, NULL::SMALLINT AS upgraded_year,
  ${names.map((n) => `g.${n}`).join(', ')}
FROM g JOIN r ON r.rw_code = g.rw_code
UNION ALL
SELECT ${area}, TRUE, NULL::BOOLEAN,
  r.population, r.households, u.rw_code IS NOT NULL, u.upgraded_year,
  ${names.map(() => 'NULL::BIGINT').join(', ')}
FROM r LEFT JOIN u ON u.rw_code = r.rw_code
ORDER BY rw_code, rw_row, ktp_dki`;
}
