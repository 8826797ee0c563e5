/**
 * The indicator query: one SELECT that aggregates the cube to any level under any filter,
 * computes each catalogue indicator as a ratio of summed parts, and applies the minimum cell
 * size (suppressed values come back NULL with a `<id>__suppressed` flag).
 */
import { KUMUH_LEVELS, type KumuhLevel, type Level } from '../db/contracts/areas';
import { PROVINCE_CODE, levelOfCode } from './areas';
import { indicator, type Indicator } from './catalogue';
import { AREA_MEASURES, MEASURES } from './measures';
import { ident, literal, literalList, positiveInt } from './sql';

/** Default minimum cell size, in households (DOMAIN.md, "Privacy"). */
export const DEFAULT_MIN_CELL = 10;

/** What the user filtered: areas (codes of any level, union), slum grades, KTP DKI status. */
export interface Filters {
  /** Area codes of any level; households of RWs under any of them are kept. Empty = all. */
  readonly areas?: readonly string[];
  /** Slum grades of the RW; empty = all. */
  readonly kumuh?: readonly KumuhLevel[];
  /** Jakarta-ID status of the household head. */
  readonly ktp?: 'all' | 'yes' | 'no';
}

/** Options of {@link buildIndicatorQuery}. */
export interface IndicatorQueryOptions {
  /** Level of the output rows. */
  readonly level: Level;
  /** Catalogue ids to compute. */
  readonly indicators: readonly string[];
  readonly filters?: Filters;
  /** Minimum cell size in households (default 10). */
  readonly minCell?: number;
  /** Count upgrading up to and including this year (default: all years). */
  readonly upgradingYear?: number | null;
  /** Also return `<id>__num` and `<id>__den` (NULL when suppressed). */
  readonly withParts?: boolean;
  /** Restrict the output rows to these area codes (of the output level). */
  readonly codes?: readonly string[];
}

const LEVEL_CODE: Record<Level, string> = {
  provinsi: `'${PROVINCE_CODE}'`,
  kota: 'r.kota_code',
  kecamatan: 'r.kecamatan_code',
  kelurahan: 'r.kelurahan_code',
  rw: 'r.rw_code',
};

const AREA_MEASURE_SQL: Record<(typeof AREA_MEASURES)[number], string> = {
  population: 'sum(r.population)',
  households_all: 'sum(r.households)',
  rw_count: 'count(*)',
  kumuh_rw: "count(*) FILTER (WHERE r.kumuh_level <> 'tidak')",
  upgraded_rw: "count(*) FILTER (WHERE r.kumuh_level <> 'tidak' AND u.rw_code IS NOT NULL)",
};

function areaCondition(codes: readonly string[]): string {
  const parts = codes.map((code) => {
    if (levelOfCode(code) === null) throw new Error(`not an area code: ${JSON.stringify(code)}`);
    if (code === PROVINCE_CODE) return 'TRUE';
    return `starts_with(r.rw_code, ${literal(`${code}.`)}) OR r.rw_code = ${literal(code)}`;
  });
  return `(${parts.join(' OR ')})`;
}

/** WHERE conditions on the rw/kelurahan join for the area and kumuh filters. */
function rwConditions(filters: Filters): string[] {
  const out: string[] = [];
  if (filters.areas && filters.areas.length > 0) out.push(areaCondition(filters.areas));
  if (filters.kumuh && filters.kumuh.length > 0) {
    for (const k of filters.kumuh) {
      if (!KUMUH_LEVELS.includes(k)) throw new Error(`unknown kumuh level ${k}`);
    }
    out.push(`r.kumuh_level IN ${literalList(filters.kumuh)}`);
  }
  return out;
}

/** The measures an indicator list needs (numerators, denominators, disclosure and `hh`). */
function neededMeasures(list: readonly Indicator[]): { cube: string[]; area: string[] } {
  const names = new Set<string>(['hh']);
  for (const i of list) {
    names.add(i.numerator);
    if (i.denominator) names.add(i.denominator);
    for (const d of i.disclosure) names.add(d);
  }
  return {
    cube: MEASURES.map((m) => m.name).filter((n) => names.has(n)),
    area: AREA_MEASURES.filter((n) => names.has(n)),
  };
}

/** SQL condition that is TRUE when an indicator must be suppressed at minimum cell size k. */
function suppressedSql(ind: Indicator, k: string): string {
  if (ind.disclosure.length === 0) return 'FALSE';
  const measures = new Set([...ind.disclosure, 'hh']);
  return `(${[...measures].map((m) => `(a.${ident(m)} > 0 AND a.${ident(m)} < ${k})`).join(' OR ')})`;
}

/** Builds the indicator SELECT; rows are ordered by area code. */
export function buildIndicatorQuery(options: IndicatorQueryOptions): string {
  const filters = options.filters ?? {};
  const k = positiveInt(options.minCell ?? DEFAULT_MIN_CELL, 'minimum cell size');
  const list = options.indicators.map(indicator);
  const { cube, area } = neededMeasures(list);

  const ktp = filters.ktp ?? 'all';
  const ktpWhere = ktp === 'yes' ? 'WHERE ktp_dki' : ktp === 'no' ? 'WHERE NOT ktp_dki' : '';
  const year = options.upgradingYear;
  const yearWhere =
    year === null || year === undefined ? '' : `AND year <= ${positiveInt(year, 'upgrading year')}`;

  const where = rwConditions(filters);
  const hhSums = cube.map((m) => `sum(${ident(m)}) AS ${ident(m)}`).join(', ');
  const aggCube = cube.map((m) => `coalesce(sum(h.${ident(m)}), 0)::DOUBLE AS ${ident(m)}`);
  const aggArea = area.map(
    (m) => `${AREA_MEASURE_SQL[m as (typeof AREA_MEASURES)[number]]}::DOUBLE AS ${ident(m)}`,
  );

  const outputs = list.flatMap((ind) => {
    const sup = suppressedSql(ind, k);
    const num = `a.${ident(ind.numerator)}`;
    const den = ind.denominator ? `a.${ident(ind.denominator)}` : null;
    const value = den ? `${num} / NULLIF(${den}, 0)` : num;
    const cols = [
      `CASE WHEN ${sup} THEN NULL ELSE ${value} END AS ${ident(ind.id)}`,
      `${sup} AS ${ident(`${ind.id}__suppressed`)}`,
    ];
    if (options.withParts) {
      cols.push(`CASE WHEN ${sup} THEN NULL ELSE ${num} END AS ${ident(`${ind.id}__num`)}`);
      cols.push(
        `CASE WHEN ${sup} THEN NULL ELSE ${den ?? 'NULL::DOUBLE'} END AS ${ident(`${ind.id}__den`)}`,
      );
    }
    return cols;
  });

  const codeFilter =
    options.codes && options.codes.length > 0
      ? `WHERE a.code IN ${literalList(options.codes)}`
      : '';

  return `WITH h AS (
  SELECT rw_code, ${hhSums} FROM cube ${ktpWhere} GROUP BY rw_code
), u AS (
  SELECT DISTINCT rw_code FROM settlement_upgrading WHERE status IN ('berjalan', 'selesai') ${yearWhere}
), r AS (
  SELECT rw.rw_code, rw.kelurahan_code, k.kecamatan_code, k.kota_code, rw.population, rw.households, rw.kumuh_level
  FROM rw JOIN kelurahan k ON k.kelurahan_code = rw.kelurahan_code
), a AS (
  SELECT ${LEVEL_CODE[options.level]} AS code,
    ${[...aggArea, ...aggCube].join(',\n    ')}
  FROM r LEFT JOIN h ON h.rw_code = r.rw_code LEFT JOIN u ON u.rw_code = r.rw_code
  ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
  GROUP BY 1
)
SELECT a.code, n.name, n.parent_code,
  ${outputs.join(',\n  ')}
FROM a LEFT JOIN areas n ON n.code = a.code
${codeFilter}
ORDER BY a.code`;
}
