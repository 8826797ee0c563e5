/**
 * What the user set in the ranking tab (index components and weights, normalisation, missing-value
 * policy, columns, sort, filters, top N) and how it lives in the URL, so a copied link reproduces
 * the ranking and its index. Pure.
 */
import { INDICATORS } from '../query/catalogue';
import { MISSING_POLICIES, NORMALISATIONS, type MissingPolicy, type Normalisation } from '../query/priority';
import type { UrlCodec } from './url-settings';

/** A component's direction: the catalogue's, or overridden. */
export type Direction = 'auto' | 'higher' | 'lower';

/** One index component as the user set it. */
export interface ComponentSetting {
  readonly id: string;
  /** Slider weight, 0–100 (only ratios matter). */
  readonly weight: number;
  readonly direction: Direction;
}

/** A numeric row filter: keep rows whose `column` (indicator id or `index`) is ≥ or ≤ `value`. */
export interface ValueFilter {
  readonly column: string;
  readonly op: 'gte' | 'lte';
  /** In the indicator's unit (fractions 0–1). */
  readonly value: number;
}

/** Sort keys: `rank`, `name`, `code`, `index` or an indicator id. */
export interface RankingSort {
  readonly key: string;
  readonly dir: 'asc' | 'desc';
}

/** Everything the user set in the ranking tab. */
export interface RankingSettings {
  /** Indicator columns shown (components are always shown too). */
  readonly columns: readonly string[];
  readonly components: readonly ComponentSetting[];
  readonly normalisation: Normalisation;
  readonly missing: MissingPolicy;
  readonly sort: RankingSort;
  /** Text that names, codes or parent names must contain (case-insensitive). */
  readonly text: string;
  readonly valueFilter: ValueFilter | null;
  /** Highlight areas ranked 1…N on the map (0 = off). */
  readonly topN: number;
}

/**
 * Defaults favour need and gap: extreme-poor households (40), desil-1 households reached by no
 * program (30), and the toddler-feeding and KJP Plus gaps (15 each); min–max; an area with a
 * suppressed component is ranked on the others (at RW level half the areas have a suppressed
 * extreme-poor count, so `exclude` would leave most unranked); top 10 highlighted.
 */
export const DEFAULT_RANKING: RankingSettings = {
  columns: ['extreme_poverty_rate'],
  components: [
    { id: 'extreme_poor_households', weight: 40, direction: 'auto' },
    { id: 'desil1_unreached_households', weight: 30, direction: 'auto' },
    { id: 'pmt_balita_gap', weight: 15, direction: 'auto' },
    { id: 'kjp_plus_gap', weight: 15, direction: 'auto' },
  ],
  normalisation: 'minmax',
  missing: 'reweight',
  sort: { key: 'rank', dir: 'asc' },
  text: '',
  valueFilter: null,
  topN: 10,
};

/** URL keys of the ranking settings. */
export const RANKING_URL_KEYS = {
  components: 'rix',
  normalisation: 'rno',
  missing: 'rmi',
  columns: 'rcol',
  sort: 'rs',
  text: 'rq',
  valueFilter: 'rf',
  topN: 'rt',
} as const;

/** Longest text filter the URL keeps. */
export const MAX_RANKING_TEXT = 200;
/** Largest top N. */
export const MAX_TOP_N = 500;

const INDICATOR_IDS: ReadonlySet<string> = new Set(INDICATORS.map((i) => i.id));
const FIXED_SORT_KEYS: ReadonlySet<string> = new Set(['rank', 'name', 'code', 'index']);
const DIRECTION_CODE: Record<Direction, string> = { auto: '', higher: 'h', lower: 'l' };

const numberText = (x: number): string => String(x);

function parseNumber(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function encodeComponents(cs: readonly ComponentSetting[]): string {
  return cs.map((c) => [c.id, numberText(c.weight), DIRECTION_CODE[c.direction]].filter((x) => x !== '').join(':')).join(',');
}

function encodeFilter(f: ValueFilter | null): string {
  return f === null ? '' : `${f.column}:${f.op}:${numberText(f.value)}`;
}

/** Parameters for `s`, leaving out every field at its default. */
export function encodeRanking(s: RankingSettings): URLSearchParams {
  const d = DEFAULT_RANKING;
  const k = RANKING_URL_KEYS;
  const p = new URLSearchParams();
  const put = (key: string, value: string, dflt: string): void => {
    if (value !== dflt) p.set(key, value);
  };
  put(k.components, encodeComponents(s.components), encodeComponents(d.components));
  put(k.normalisation, s.normalisation, d.normalisation);
  put(k.missing, s.missing, d.missing);
  put(k.columns, s.columns.join(','), d.columns.join(','));
  put(k.sort, `${s.sort.key}:${s.sort.dir}`, `${d.sort.key}:${d.sort.dir}`);
  put(k.text, s.text, d.text);
  put(k.valueFilter, encodeFilter(s.valueFilter), encodeFilter(d.valueFilter));
  put(k.topN, numberText(s.topN), numberText(d.topN));
  return p;
}

function decodeComponents(raw: string): ComponentSetting[] | null {
  if (raw === '') return [];
  const out: ComponentSetting[] = [];
  for (const part of raw.split(',')) {
    const [id, rawWeight, rawDir = '', ...rest] = part.split(':');
    const weight = parseNumber(rawWeight);
    const direction = (Object.keys(DIRECTION_CODE) as Direction[]).find((d) => DIRECTION_CODE[d] === rawDir);
    if (
      rest.length > 0 ||
      id === undefined ||
      !INDICATOR_IDS.has(id) ||
      out.some((c) => c.id === id) ||
      weight === null ||
      weight < 0 ||
      weight > 100 ||
      direction === undefined
    )
      return null;
    out.push({ id, weight, direction });
  }
  return out;
}

function decodeColumns(raw: string): string[] | null {
  if (raw === '') return [];
  const ids = raw.split(',');
  return ids.every((id) => INDICATOR_IDS.has(id)) && new Set(ids).size === ids.length ? ids : null;
}

function decodeSort(raw: string): RankingSort | null {
  const [key, dir, ...rest] = raw.split(':');
  if (rest.length > 0 || key === undefined || (dir !== 'asc' && dir !== 'desc')) return null;
  return FIXED_SORT_KEYS.has(key) || INDICATOR_IDS.has(key) ? { key, dir } : null;
}

function decodeFilter(raw: string): ValueFilter | null | undefined {
  if (raw === '') return null;
  const [column, op, rawValue, ...rest] = raw.split(':');
  const value = parseNumber(rawValue);
  if (rest.length > 0 || column === undefined || (column !== 'index' && !INDICATOR_IDS.has(column))) return undefined;
  if ((op !== 'gte' && op !== 'lte') || value === null) return undefined;
  return { column, op, value };
}

/**
 * Settings from URL parameters: each field is checked on its own and falls back to its default
 * when absent or invalid (a hand-edited link never breaks the tab). Never throws.
 */
export function decodeRanking(params: URLSearchParams): RankingSettings {
  const d = DEFAULT_RANKING;
  const k = RANKING_URL_KEYS;
  const field = <T>(key: string, parse: (raw: string) => T | null | undefined, dflt: T): T => {
    const raw = params.get(key);
    if (raw === null) return dflt;
    const v = parse(raw);
    return v === null || v === undefined ? dflt : v;
  };
  const topN = parseNumber(params.get(k.topN) ?? undefined);
  const rawFilter = params.get(k.valueFilter);
  const filter = rawFilter === null ? undefined : decodeFilter(rawFilter);
  return {
    components: field(k.components, decodeComponents, d.components),
    normalisation: field(k.normalisation, (r) => NORMALISATIONS.find((n) => n === r), d.normalisation),
    missing: field(k.missing, (r) => MISSING_POLICIES.find((m) => m === r), d.missing),
    columns: field(k.columns, decodeColumns, d.columns),
    sort: field(k.sort, decodeSort, d.sort),
    text: field(k.text, (r) => r.slice(0, MAX_RANKING_TEXT), d.text),
    valueFilter: filter === undefined ? d.valueFilter : filter,
    topN: topN !== null && Number.isInteger(topN) && topN >= 0 && topN <= MAX_TOP_N ? topN : d.topN,
  };
}

/** The ranking settings' URL codec. */
export const RANKING_CODEC: UrlCodec<RankingSettings> = {
  keys: Object.values(RANKING_URL_KEYS),
  encode: encodeRanking,
  decode: decodeRanking,
};
