/**
 * SQL for the intervention overlays that are not catalogue indicators: the settlement-upgrading
 * step of each slum RW (stage, status, year) and the area/slum/KTP filter on raw rows.
 */
import { KUMUH_LEVELS } from '../db/contracts/areas';
import { PROVINCE_CODE, levelOfCode } from './areas';
import type { Filters } from './indicators';
import { literal, literalList, positiveInt } from './sql';

/**
 * WHERE conditions on an `rw` row aliased `r` for the area and slum-grade filters (KTP is a
 * household filter and is not applied here). Throws on a malformed code or grade.
 */
export function rwFilterConditions(filters: Filters): string[] {
  const out: string[] = [];
  if (filters.areas && filters.areas.length > 0) {
    const parts = filters.areas.map((code) => {
      if (levelOfCode(code) === null) throw new Error(`not an area code: ${JSON.stringify(code)}`);
      if (code === PROVINCE_CODE) return 'TRUE';
      return `starts_with(r.rw_code, ${literal(`${code}.`)}) OR r.rw_code = ${literal(code)}`;
    });
    out.push(`(${parts.join(' OR ')})`);
  }
  if (filters.kumuh && filters.kumuh.length > 0) {
    for (const k of filters.kumuh) {
      if (!KUMUH_LEVELS.includes(k)) throw new Error(`unknown kumuh level ${k}`);
    }
    out.push(`r.kumuh_level IN ${literalList(filters.kumuh)}`);
  }
  return out;
}

/** Options of {@link buildUpgradingOverlayQuery}. */
export interface UpgradingOverlayOptions {
  /** Only steps of this budget year or earlier count; null = all years. */
  readonly year: number | null;
  readonly filters?: Filters;
}

/**
 * One row per RW that is a slum RW or has an upgrading step: `code`, `kumuh_level`, and its latest
 * step up to the year (`stage` cap|cip, `status` rencana|berjalan|selesai, `year`; NULL when none).
 * The latest step is the one of the latest year, CIP before CAP within a year. No household
 * numbers: nothing to suppress.
 */
export function buildUpgradingOverlayQuery(options: UpgradingOverlayOptions): string {
  const yearWhere = options.year === null ? '' : `WHERE year <= ${positiveInt(options.year, 'upgrading year')}`;
  const where = rwFilterConditions(options.filters ?? {});
  return `WITH s AS (
  SELECT rw_code, stage, status, year,
    row_number() OVER (PARTITION BY rw_code ORDER BY year DESC, CASE stage WHEN 'cip' THEN 1 ELSE 0 END DESC) AS rn
  FROM settlement_upgrading ${yearWhere}
)
SELECT r.rw_code AS code, r.kumuh_level, s.stage, s.status, s.year::INTEGER AS year
FROM rw r LEFT JOIN s ON s.rw_code = r.rw_code AND s.rn = 1
WHERE (r.kumuh_level <> 'tidak' OR s.rw_code IS NOT NULL)${where.map((w) => ` AND ${w}`).join('')}
ORDER BY code`;
}

/** The budget years present in settlement_upgrading, ascending (`year`). */
export function buildUpgradingYearsQuery(): string {
  return 'SELECT DISTINCT year::INTEGER AS year FROM settlement_upgrading ORDER BY year';
}
