/**
 * The ranking query: the indicator query for the areas on screen, joined to the names of each
 * area and its parents, plus a transparent priority index computed in SQL. Each component is
 * normalised over the areas on screen (min–max to 0–1, or z-score), turned so that higher means
 * more need, and averaged with the user's weights; ranks are SQL `rank()` (ties share a rank).
 */
import type { Level } from '../db/contracts/areas';
import { buildAreaNamesSql } from './areas';
import { indicator } from './catalogue';
import { buildIndicatorQuery, type Filters } from './indicators';
import { ident, literal } from './sql';

/** How each component is put on a common scale over the areas on screen. */
export type Normalisation = 'minmax' | 'zscore';
/** Normalisations, in menu order. */
export const NORMALISATIONS: readonly Normalisation[] = ['minmax', 'zscore'];

/**
 * What an area with a suppressed or missing component gets: `exclude` = no index and no rank;
 * `reweight` = the weighted mean over the components it has (weights renormalised).
 */
export type MissingPolicy = 'exclude' | 'reweight';
/** Missing-value policies, in menu order. */
export const MISSING_POLICIES: readonly MissingPolicy[] = ['reweight', 'exclude'];

/** One indicator of the index. */
export interface PriorityComponent {
  /** Catalogue id. */
  readonly id: string;
  /** Relative weight ≥ 0 (only the ratios matter; 0 drops the component). */
  readonly weight: number;
  /** True when a higher value means more need (the catalogue's `higherIsWorse` unless overridden). */
  readonly higherIsWorse: boolean;
}

/** The index the user built. */
export interface PrioritySpec {
  readonly components: readonly PriorityComponent[];
  readonly normalisation: Normalisation;
  readonly missing: MissingPolicy;
}

/** Options of {@link buildRankingQuery}. */
export interface RankingQueryOptions {
  readonly level: Exclude<Level, 'provinsi'>;
  /** Catalogue ids shown as columns (components are added when missing). */
  readonly columns: readonly string[];
  readonly filters?: Filters;
  /** Minimum cell size in households (default 10). */
  readonly minCell?: number;
  readonly priority: PrioritySpec;
}

/** Decimal places the index is rounded to before ranking, so float noise never breaks a tie. */
export const RANK_DIGITS = 9;

/** Output column of the index (NULL when not ranked). */
export const INDEX_COLUMN = 'priority_index';
/** Output column of the competition rank (1 = highest priority; NULL when not ranked). */
export const RANK_COLUMN = 'priority_rank';
/** Output column: TRUE when another area shares the rank. */
export const TIED_COLUMN = 'priority_tied';
/** Output column: how many components the area's index used (all of them under `exclude`). */
export const USED_COLUMN = 'priority_components';
/** Output column: number of areas ranked. */
export const RANKED_COUNT_COLUMN = 'priority_ranked_count';
/** Output column of a component's normalised, need-oriented score. */
export function scoreColumn(id: string): string {
  return `${id}__score`;
}

/** Components with a positive weight, validated (unique catalogue ids, finite weights). */
export function activeComponents(spec: PrioritySpec): PriorityComponent[] {
  const seen = new Set<string>();
  return spec.components.filter((c) => {
    indicator(c.id);
    if (!Number.isFinite(c.weight) || c.weight < 0) throw new Error(`weight of ${c.id} must be ≥ 0`);
    if (seen.has(c.id)) throw new Error(`duplicate component ${c.id}`);
    seen.add(c.id);
    return c.weight > 0;
  });
}

function scoreSql(c: PriorityComponent, normalisation: Normalisation): string {
  const x = `b.${ident(c.id)}`;
  const s = (suffix: string): string => `s.${ident(`${c.id}__${suffix}`)}`;
  if (normalisation === 'minmax') {
    const scaled = c.higherIsWorse
      ? `(${x} - ${s('min')}) / (${s('max')} - ${s('min')})`
      : `(${s('max')} - ${x}) / (${s('max')} - ${s('min')})`;
    // All areas equal: the component cannot tell them apart and scores 0 everywhere.
    return `CASE WHEN ${x} IS NULL THEN NULL WHEN ${s('max')} = ${s('min')} THEN 0::DOUBLE ELSE ${scaled} END`;
  }
  const z = `(${x} - ${s('mean')}) / ${s('sd')}`;
  return `CASE WHEN ${x} IS NULL THEN NULL WHEN ${s('sd')} IS NULL OR ${s('sd')} = 0 THEN 0::DOUBLE ELSE ${c.higherIsWorse ? z : `-(${z})`} END`;
}

function indexSql(list: readonly PriorityComponent[], missing: MissingPolicy): string {
  if (list.length === 0) return 'NULL::DOUBLE';
  const score = (c: PriorityComponent): string => `sc.${ident(scoreColumn(c.id))}`;
  const total = list.reduce((a, c) => a + c.weight, 0);
  if (missing === 'exclude') {
    const anyNull = list.map((c) => `${score(c)} IS NULL`).join(' OR ');
    const sum = list.map((c) => `${literal(c.weight)} * ${score(c)}`).join(' + ');
    return `CASE WHEN ${anyNull} THEN NULL ELSE (${sum}) / ${literal(total)} END`;
  }
  const sum = list.map((c) => `coalesce(${literal(c.weight)} * ${score(c)}, 0)`).join(' + ');
  const weights = list.map((c) => `CASE WHEN ${score(c)} IS NULL THEN 0 ELSE ${literal(c.weight)} END`).join(' + ');
  return `(${sum}) / NULLIF(${weights}, 0)`;
}

function usedSql(list: readonly PriorityComponent[]): string {
  if (list.length === 0) return '0';
  return list.map((c) => `CASE WHEN sc.${ident(scoreColumn(c.id))} IS NULL THEN 0 ELSE 1 END`).join(' + ');
}

/**
 * Builds the ranking SELECT: the area names (`<level>_code`, `<level>_name` and the parents'),
 * each column's value and `__suppressed` flag, each component's `__score`, `priority_index`,
 * `priority_components`, `priority_rank`, `priority_tied` and `priority_ranked_count`; ordered by rank (unranked last),
 * then code.
 */
export function buildRankingQuery(options: RankingQueryOptions): string {
  const list = activeComponents(options.priority);
  const ids = [...new Set([...options.columns, ...list.map((c) => c.id)])];
  if (ids.length === 0) throw new Error('a ranking needs at least one column or component');
  const base = buildIndicatorQuery({
    level: options.level,
    indicators: ids,
    filters: options.filters,
    minCell: options.minCell,
  });
  const stats = list.flatMap((c) => {
    const x = ident(c.id);
    const col = (suffix: string): string => ident(`${c.id}__${suffix}`);
    return [
      `min(${x}) AS ${col('min')}`,
      `max(${x}) AS ${col('max')}`,
      `avg(${x}) AS ${col('mean')}`,
      `stddev_pop(${x}) AS ${col('sd')}`,
    ];
  });
  const scores = list.map((c) => `${scoreSql(c, options.priority.normalisation)} AS ${ident(scoreColumn(c.id))}`);
  const values = ids.flatMap((id) => [`sc.${ident(id)}`, `sc.${ident(`${id}__suppressed`)}`]);
  const rounded = `round(i.${INDEX_COLUMN}, ${RANK_DIGITS})`;
  return `WITH b AS (
${base}
), s AS (
  SELECT ${stats.length > 0 ? stats.join(', ') : '1 AS one'} FROM b
), sc AS (
  SELECT b.*${scores.map((x) => `, ${x}`).join('')} FROM b CROSS JOIN s
), i AS (
  SELECT ${['sc.code', ...values, ...list.map((c) => `sc.${ident(scoreColumn(c.id))}`), `${indexSql(list, options.priority.missing)} AS ${INDEX_COLUMN}`, `${usedSql(list)} AS ${USED_COLUMN}`].join(',\n    ')}
  FROM sc
), n AS (
  ${buildAreaNamesSql(options.level)}
)
SELECT n.*, i.* EXCLUDE (code),
  CASE WHEN i.${INDEX_COLUMN} IS NULL THEN NULL ELSE rank() OVER (ORDER BY ${rounded} DESC NULLS LAST) END AS ${RANK_COLUMN},
  i.${INDEX_COLUMN} IS NOT NULL AND count(*) OVER (PARTITION BY ${rounded}) > 1 AS ${TIED_COLUMN},
  count(i.${INDEX_COLUMN}) OVER () AS ${RANKED_COUNT_COLUMN}
FROM i JOIN n ON n.${ident(`${options.level}_code`)} = i.code
ORDER BY ${RANK_COLUMN} NULLS LAST, i.code`;
}
