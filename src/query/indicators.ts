/**
 * The indicator query: one SELECT that aggregates the cube to any level under any filter,
 * computes each catalogue indicator as a ratio of summed parts, and applies the minimum cell
 * size (suppressed values come back NULL with a `<id>__suppressed` flag).
 */
import { KUMUH_LEVELS, type KumuhLevel, type Level } from '../db/contracts/areas';
import { PROVINCE_CODE, levelOfCode } from './areas';
import { indicator, type Indicator } from './catalogue';
import { AREA_MEASURES, MEASURES, type AreaMeasure } from './measures';
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
  kota: 'kota_code',
  kecamatan: 'kecamatan_code',
  kelurahan: 'kelurahan_code',
  rw: 'rw_code',
};

/** An area measure over the cube's RW rows (see buildCubeSql); `upgraded` is the upgrading test. */
function areaMeasureSql(m: AreaMeasure, upgraded: string): string {
  switch (m) {
    case 'population':
      return 'sum(population)';
    case 'households_all':
      return 'sum(households_all)';
    case 'rw_count':
      return 'count(*) FILTER (WHERE rw_row)';
    case 'kumuh_rw':
      return "count(*) FILTER (WHERE rw_row AND kumuh_level <> 'tidak')";
    case 'upgraded_rw':
      return `count(*) FILTER (WHERE rw_row AND kumuh_level <> 'tidak' AND ${upgraded})`;
  }
}

function areaCondition(codes: readonly string[]): string {
  const parts = codes.map((code) => {
    if (levelOfCode(code) === null) throw new Error(`not an area code: ${JSON.stringify(code)}`);
    if (code === PROVINCE_CODE) return 'TRUE';
    return `starts_with(rw_code, ${literal(`${code}.`)}) OR rw_code = ${literal(code)}`;
  });
  return `(${parts.join(' OR ')})`;
}

/** WHERE conditions on the cube for the KTP DKI, area and kumuh filters. */
function cubeConditions(filters: Filters): string[] {
  const out: string[] = [];
  // The KTP filter selects household rows only; RW rows (the areas themselves) always stay.
  const ktp = filters.ktp ?? 'all';
  if (ktp === 'yes') out.push('(rw_row OR ktp_dki)');
  else if (ktp === 'no') out.push('(rw_row OR NOT ktp_dki)');
  if (filters.areas && filters.areas.length > 0) out.push(areaCondition(filters.areas));
  if (filters.kumuh && filters.kumuh.length > 0) {
    for (const k of filters.kumuh) {
      if (!KUMUH_LEVELS.includes(k)) throw new Error(`unknown kumuh level ${k}`);
    }
    out.push(`kumuh_level IN ${literalList(filters.kumuh)}`);
  }
  return out;
}

/** The measures an indicator list needs (numerators, denominators, disclosure and `hh`). */
function neededMeasures(list: readonly Indicator[]): { cube: string[]; area: AreaMeasure[] } {
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

/**
 * The per-area aggregate `a(code, <measures>)`: one scan of the denormalised cube, grouped by the
 * level's code, with only the measures the caller needs.
 */
function aggregateCtes(
  level: Level,
  filters: Filters,
  cube: readonly string[],
  area: readonly AreaMeasure[],
  upgradingYear: number | null | undefined,
): string {
  const upgraded =
    upgradingYear === null || upgradingYear === undefined
      ? 'upgraded'
      : `upgraded_year <= ${positiveInt(upgradingYear, 'upgrading year')}`;
  const where = cubeConditions(filters);
  const aggCube = cube.map((m) => `coalesce(sum(${ident(m)}), 0)::DOUBLE AS ${ident(m)}`);
  const aggArea = area.map((m) => `${areaMeasureSql(m, upgraded)}::DOUBLE AS ${ident(m)}`);
  return `WITH a AS (
  SELECT ${LEVEL_CODE[level]} AS code,
    ${[...aggArea, ...aggCube].join(',\n    ')}
  FROM cube
  ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
  GROUP BY 1
)`;
}

/** Builds the indicator SELECT; rows are ordered by area code. */
export function buildIndicatorQuery(options: IndicatorQueryOptions): string {
  const filters = options.filters ?? {};
  const k = positiveInt(options.minCell ?? DEFAULT_MIN_CELL, 'minimum cell size');
  const list = options.indicators.map(indicator);
  const { cube, area } = neededMeasures(list);

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
      cols.push(`CASE WHEN ${sup} THEN NULL ELSE ${den ?? 'NULL::DOUBLE'} END AS ${ident(`${ind.id}__den`)}`);
    }
    return cols;
  });

  return `${aggregateCtes(options.level, filters, cube, area, options.upgradingYear)}
SELECT a.code, n.name, n.parent_code,
  ${outputs.join(',\n  ')}
FROM a LEFT JOIN areas n ON n.code = a.code
${codeFilter(options.codes)}
ORDER BY a.code`;
}

function codeFilter(codes: readonly string[] | undefined): string {
  return codes && codes.length > 0 ? `WHERE a.code IN ${literalList(codes)}` : '';
}

/** Options of {@link buildCountsQuery}. */
export interface CountsQueryOptions {
  readonly level: Level;
  /** Household-count cube measures, e.g. `desil1_hh`. */
  readonly measures: readonly string[];
  readonly filters?: Filters;
  readonly minCell?: number;
  readonly codes?: readonly string[];
}

/**
 * Household counts per area (e.g. the desil distribution), each NULL when it is between 1 and
 * k − 1 or when the area's registry households are; `<m>__suppressed` flags say which.
 */
export function buildCountsQuery(options: CountsQueryOptions): string {
  const k = positiveInt(options.minCell ?? DEFAULT_MIN_CELL, 'minimum cell size');
  for (const m of options.measures) {
    const spec = MEASURES.find((x) => x.name === m);
    if (!spec || spec.unit !== 'households') throw new Error(`not a household-count measure: ${m}`);
  }
  const cube = MEASURES.map((m) => m.name).filter((n) => n === 'hh' || options.measures.includes(n));
  const cols = options.measures.flatMap((m) => {
    const sup = `((a.${ident(m)} > 0 AND a.${ident(m)} < ${k}) OR (a.hh > 0 AND a.hh < ${k}))`;
    return [`CASE WHEN ${sup} THEN NULL ELSE a.${ident(m)} END AS ${ident(m)}`, `${sup} AS ${ident(`${m}__suppressed`)}`];
  });
  return `${aggregateCtes(options.level, options.filters ?? {}, cube, [], null)}
SELECT a.code, ${cols.join(', ')}
FROM a
${codeFilter(options.codes)}
ORDER BY a.code`;
}
