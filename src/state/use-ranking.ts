/**
 * The ranking tab's state: which indicators are columns, the priority index the user built
 * (components, weights, direction, normalisation, missing-value policy), the table's filter,
 * sort and top N; and the ranking query for the map's level and filters (what is on screen).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { LOCALE, type Lang } from '../lib/i18n';
import { indicator } from '../query/catalogue';
import {
  INDEX_COLUMN,
  RANKED_COUNT_COLUMN,
  RANK_COLUMN,
  TIED_COLUMN,
  USED_COLUMN,
  activeComponents,
  buildRankingQuery,
  scoreColumn,
  type PriorityComponent,
  type PrioritySpec,
} from '../query/priority';
import { num, str, tableRows, type DbPort } from './db-port';
import { queryFilters } from './query-filters';
import { RANKING_CODEC, type ComponentSetting, type RankingSettings } from './ranking-settings';
import { useUrlSettings } from './url-settings';
import type { View, ViewLevel } from './view-state';

export {
  DEFAULT_RANKING,
  type ComponentSetting,
  type Direction,
  type RankingSettings,
  type RankingSort,
  type ValueFilter,
} from './ranking-settings';

/** Whether a component counts higher values as more need. */
export function higherIsWorse(c: ComponentSetting): boolean {
  return c.direction === 'auto' ? indicator(c.id).higherIsWorse : c.direction === 'higher';
}

/** The query layer's index spec for the settings. */
export function prioritySpec(s: RankingSettings): PrioritySpec {
  return {
    components: s.components.map((c) => ({ id: c.id, weight: c.weight, higherIsWorse: higherIsWorse(c) })),
    normalisation: s.normalisation,
    missing: s.missing,
  };
}

/** Columns on screen: the chosen ones, then components not among them. */
export function shownColumns(s: RankingSettings): string[] {
  return [...new Set([...s.columns, ...s.components.map((c) => c.id)])];
}

/** Levels of the name chain of a level, from kota down to it. */
export function nameChain(level: ViewLevel): ViewLevel[] {
  const order: ViewLevel[] = ['kota', 'kecamatan', 'kelurahan', 'rw'];
  return order.slice(0, order.indexOf(level) + 1);
}

/** One area of the ranking. */
export interface RankingRow {
  readonly code: string;
  readonly name: string;
  /** Name of the parent area (RW names repeat across kelurahan); null at kota level. */
  readonly parentName: string | null;
  /** Code and name of the area and each ancestor, keyed `<level>_code` / `<level>_name`. */
  readonly names: Readonly<Record<string, string | null>>;
  /** Indicator values by id (null when suppressed or without a denominator). */
  readonly values: Readonly<Record<string, number | null>>;
  readonly suppressed: Readonly<Record<string, boolean>>;
  /** Normalised, need-oriented score of each component. */
  readonly scores: Readonly<Record<string, number | null>>;
  readonly index: number | null;
  /** Components the index used (fewer than all under `reweight` when some are suppressed). */
  readonly used: number;
  /** Competition rank, 1 = highest priority; null when not ranked. */
  readonly rank: number | null;
  readonly tied: boolean;
}

/** The answer to one ranking request. */
export interface RankingData {
  /** Identifies the request (changes exactly when the rows do). */
  readonly key: string;
  readonly level: ViewLevel;
  /** Indicator ids of the columns, in order. */
  readonly columns: readonly string[];
  /** Index components with a positive weight, as queried. */
  readonly components: readonly PriorityComponent[];
  readonly rows: readonly RankingRow[];
  /** Areas with a rank. */
  readonly rankedCount: number;
  /** Query time in the worker, ms. */
  readonly elapsedMs: number;
}

/** Turns query rows into ranking rows. */
export function toRankingRows(
  raw: readonly Record<string, unknown>[],
  level: ViewLevel,
  columns: readonly string[],
  components: readonly PriorityComponent[],
): RankingRow[] {
  const chain = nameChain(level);
  const parentLevel = chain[chain.length - 2] ?? null;
  return raw.map((r) => {
    const names: Record<string, string | null> = {};
    for (const l of chain) {
      names[`${l}_code`] = str(r[`${l}_code`]);
      names[`${l}_name`] = str(r[`${l}_name`]);
    }
    const values: Record<string, number | null> = {};
    const suppressed: Record<string, boolean> = {};
    for (const id of columns) {
      values[id] = num(r[id]);
      suppressed[id] = r[`${id}__suppressed`] === true;
    }
    const scores: Record<string, number | null> = {};
    for (const c of components) scores[c.id] = num(r[scoreColumn(c.id)]);
    const code = str(r[`${level}_code`]) ?? '';
    return {
      code,
      name: str(r[`${level}_name`]) ?? code,
      parentName: parentLevel ? str(r[`${parentLevel}_name`]) : null,
      names,
      values,
      suppressed,
      scores,
      index: num(r[INDEX_COLUMN]),
      used: num(r[USED_COLUMN]) ?? 0,
      rank: num(r[RANK_COLUMN]),
      tied: r[TIED_COLUMN] === true,
    };
  });
}

const collators = new Map<Lang, Intl.Collator>();
function collator(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(LOCALE[lang], { numeric: true, sensitivity: 'base' });
    collators.set(lang, c);
  }
  return c;
}

/** The value a sort or filter key reads from a row (`index`, `rank` or an indicator id). */
export function rowNumber(row: RankingRow, key: string): number | null {
  if (key === 'index') return row.index;
  if (key === 'rank') return row.rank;
  return row.values[key] ?? null;
}

/**
 * The rows on screen: filtered by text and value, then sorted (a copy). Rows without a value
 * for the sort key go last in either direction; ties by code.
 */
export function visibleRows(rows: readonly RankingRow[], s: RankingSettings, lang: Lang): RankingRow[] {
  const needle = s.text.trim().toLocaleLowerCase(LOCALE[lang]);
  const vf = s.valueFilter;
  const kept = rows.filter((r) => {
    if (needle) {
      const hay = [r.code, ...Object.values(r.names)].filter((x): x is string => x !== null);
      if (!hay.some((h) => h.toLocaleLowerCase(LOCALE[lang]).includes(needle))) return false;
    }
    if (vf) {
      const v = rowNumber(r, vf.column);
      if (v === null || (vf.op === 'gte' ? v < vf.value : v > vf.value)) return false;
    }
    return true;
  });
  const sign = s.sort.dir === 'asc' ? 1 : -1;
  const byCode = (a: RankingRow, b: RankingRow): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const key = s.sort.key;
  return kept.sort((a, b) => {
    if (key === 'name') return sign * collator(lang).compare(a.name, b.name) || byCode(a, b);
    if (key === 'code') return sign * byCode(a, b);
    const x = rowNumber(a, key);
    const y = rowNumber(b, key);
    if (x === null || y === null) return x === y ? byCode(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byCode(a, b);
  });
}

/** Codes of the rows ranked 1…n (all tied at n included); without an index, the first n rows. */
export function topCodes(rows: readonly RankingRow[], n: number): Set<string> {
  if (n <= 0) return new Set();
  const ranked = rows.filter((r) => r.rank !== null);
  if (ranked.length > 0) return new Set(ranked.filter((r) => r.rank! <= n).map((r) => r.code));
  return new Set(rows.slice(0, n).map((r) => r.code));
}

/** State of the ranking query. */
export interface RankingState {
  readonly data: RankingData | null;
  readonly loading: boolean;
  readonly error: string | null;
}

/** What {@link useRanking} returns. */
export interface Ranking {
  readonly settings: RankingSettings;
  readonly update: (patch: Partial<RankingSettings> | ((s: RankingSettings) => RankingSettings)) => void;
  readonly state: RankingState;
  /** Rows on screen (filtered and sorted), in order. */
  readonly visible: readonly RankingRow[];
  /** Codes to outline on the map (empty when the tab is not shown or top N is off). */
  readonly highlighted: ReadonlySet<string>;
}

const EMPTY = new Set<string>();

/** The ranking for the view; queries only while `active` (the tab is shown), keeps its settings always. */
export function useRanking(db: DbPort | null, dataVersion: number, view: View, active: boolean): Ranking {
  const [settings, setSettings] = useUrlSettings(RANKING_CODEC);
  const [state, setState] = useState<RankingState>({ data: null, loading: false, error: null });
  const update = useCallback<Ranking['update']>(
    (patch) => setSettings((s) => (typeof patch === 'function' ? patch(s) : { ...s, ...patch })),
    [setSettings],
  );

  const filters = queryFilters(view);
  const spec = prioritySpec(settings);
  const columns = shownColumns(settings);
  let sql: string | null = null;
  let components: PriorityComponent[] = [];
  let error: string | null = null;
  try {
    components = activeComponents(spec);
    sql =
      filters === null || columns.length === 0
        ? null
        : buildRankingQuery({ level: view.level, columns, filters, minCell: view.minCell, priority: spec });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const key = `${dataVersion}|${sql ?? 'none'}`;

  useEffect(() => {
    if (!db || dataVersion === 0 || !active || error) return;
    const controller = new AbortController();
    setState((s) => (s.data?.key === key ? s : { ...s, loading: true }));
    const started = performance.now();
    const level = view.level;
    (sql ? db.query(sql, { signal: controller.signal }).then(tableRows) : Promise.resolve([])).then(
      (raw) => {
        if (controller.signal.aborted) return;
        const rows = toRankingRows(raw, level, columns, components);
        const rankedCount = num(raw[0]?.[RANKED_COUNT_COLUMN]) ?? 0;
        setState({
          data: { key, level, columns, components, rows, rankedCount, elapsedMs: performance.now() - started },
          loading: false,
          error: null,
        });
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => controller.abort();
    // `key` captures the SQL (level, columns, index, filters) and the data version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, active]);

  const rows = state.data?.rows;
  const visible = useMemo(() => (rows ? visibleRows(rows, settings, view.lang) : []), [rows, settings, view.lang]);
  const highlighted = useMemo(
    () => (active && state.data?.key === key ? topCodes(visible, settings.topN) : EMPTY),
    [active, state.data?.key, key, visible, settings.topN],
  );
  return { settings, update, state: error ? { ...state, error } : state, visible, highlighted };
}
