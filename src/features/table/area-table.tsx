/**
 * The text alternative to the map: every area of the current level with its value and rank, sortable
 * from the column headers, one button per row to select the area. Renders at most PAGE_SIZE rows more
 * than asked for (plus the selected one), so 2,731 RW stay fast.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { indicator } from '../../query/catalogue';
import { formatCount, formatValue } from '../../lib/format';
import { LOCALE, t, type Lang } from '../../lib/i18n';
import { rankRows, type Ranked } from './rank-rows';
import { s } from './strings';
import './area-table.css';

export { rankRows, type Rankable, type Ranked } from './rank-rows';

/** One area of the table. */
export interface AreaTableRow {
  readonly code: string;
  readonly name: string;
  /** Parent area name, shown under the name (RW names repeat across kelurahan). */
  readonly parent: string | null;
  /** Indicator value in the indicator's unit (fractions 0–1); null when suppressed or missing. */
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** Props of {@link AreaTable}. */
export interface AreaTableProps {
  readonly lang: Lang;
  readonly rows: readonly AreaTableRow[];
  /** Catalogue id of the indicator: gives the unit, the label and which way is worse. */
  readonly indicatorId: string;
  /** Code of the selected area, highlighted and kept rendered. */
  readonly selected: string | null;
  readonly onSelect: (code: string) => void;
  /** Table caption, already in `lang`. */
  readonly caption: string;
  /** Minimum cell size in households (named in the suppression note). */
  readonly minCell: number;
}

/** Sortable columns. */
export type SortKey = 'name' | 'code' | 'value' | 'rank';
/** Sort order: a column and a direction. */
export interface Sort {
  readonly key: SortKey;
  readonly dir: 'asc' | 'desc';
}

/** Rows rendered per page ("show more" adds as many). */
export const PAGE_SIZE = 200;
/** Initial order: worst first. */
export const DEFAULT_SORT: Sort = { key: 'rank', dir: 'asc' };

type Row = Ranked<AreaTableRow>;

const collators = new Map<Lang, Intl.Collator>();
function collator(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(LOCALE[lang], { numeric: true, sensitivity: 'base' });
    collators.set(lang, c);
  }
  return c;
}

/** Sorts ranked rows (a copy); rows without a value or rank go last in either direction, ties by code. */
export function sortRows(rows: readonly Row[], sort: Sort, lang: Lang): Row[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byCode = (a: Row, b: Row): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const nullsLast = (x: number | null, y: number | null): number | null => {
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return null;
  };
  const shown = (r: Row): number | null => (r.suppressed ? null : r.value);
  const cmp = (a: Row, b: Row): number => {
    switch (sort.key) {
      case 'name':
        return sign * collator(lang).compare(a.name, b.name) || byCode(a, b);
      case 'code':
        return sign * byCode(a, b);
      case 'value':
      case 'rank': {
        const x = sort.key === 'value' ? shown(a) : a.rank;
        const y = sort.key === 'value' ? shown(b) : b.rank;
        const n = nullsLast(x, y);
        if (n !== null) return n || Number(b.suppressed) - Number(a.suppressed) || byCode(a, b);
        return sign * (x! - y!) || byCode(a, b);
      }
    }
  };
  return [...rows].sort(cmp);
}

const ariaSort = (sort: Sort, key: SortKey): 'ascending' | 'descending' | 'none' =>
  sort.key !== key ? 'none' : sort.dir === 'asc' ? 'ascending' : 'descending';

/** The area table; pure apart from its sort order and page count. */
export function AreaTable(props: AreaTableProps): ReactElement {
  const { lang, rows, selected, onSelect, minCell } = props;
  const ind = indicator(props.indicatorId);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  // The page count belongs to one rows array: new rows (a new level or indicator) start at one page.
  const [page, setPage] = useState<{ rows: readonly AreaTableRow[]; limit: number }>({
    rows,
    limit: PAGE_SIZE,
  });
  const limit = page.rows === rows ? page.limit : PAGE_SIZE;

  const ranked = useMemo(() => rankRows(rows, ind.higherIsWorse), [rows, ind.higherIsWorse]);
  const sorted = useMemo(() => sortRows(ranked, sort, lang), [ranked, sort, lang]);
  const selectedIndex = useMemo(
    () => (selected === null ? -1 : sorted.findIndex((r) => r.code === selected)),
    [sorted, selected],
  );
  const shown = Math.min(sorted.length, Math.max(limit, selectedIndex + 1));
  const anySuppressed = useMemo(() => rows.some((r) => r.suppressed), [rows]);

  const selectedRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    // jsdom has no scrollIntoView.
    selectedRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  const toggle = (key: SortKey): void =>
    setSort((cur) =>
      cur.key === key
        ? { key, dir: cur.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: key === 'value' && ind.higherIsWorse ? 'desc' : 'asc' },
    );

  const unit = ind.unit;
  const valueHeader = `${ind.label[lang]} (${t(lang, `unit.${unit}`)})`;
  const header = (key: SortKey, label: string, numeric = false): ReactElement => {
    const state = ariaSort(sort, key);
    return (
      <th scope="col" aria-sort={state} className={numeric ? 'num' : undefined}>
        <button type="button" className="area-table__sort" onClick={() => toggle(key)}>
          {label}
          <span className="area-table__arrow" aria-hidden="true">
            {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };

  // Up and down arrows move between the row buttons, so the table needs no long tabbing.
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const target = e.target as HTMLElement;
    if (!target.classList.contains('area-table__select')) return;
    const tr = target.closest('tr');
    const next = e.key === 'ArrowDown' ? tr?.nextElementSibling : tr?.previousElementSibling;
    const button = next?.querySelector<HTMLButtonElement>('.area-table__select');
    if (button) {
      e.preventDefault();
      button.focus();
    }
  };

  return (
    <div className="area-table" lang={lang}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {header('name', s(lang, 'name'))}
            {header('value', valueHeader, true)}
            {header('rank', s(lang, 'rank'), true)}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {sorted.slice(0, shown).map((r) => {
            const isSelected = r.code === selected;
            const value = r.suppressed
              ? s(lang, 'suppressed')
              : r.value === null
                ? s(lang, 'noData')
                : formatValue(r.value, unit, lang);
            return (
              <tr
                key={r.code}
                ref={isSelected ? selectedRef : undefined}
                className={
                  isSelected ? 'area-table__row area-table__row--selected' : 'area-table__row'
                }
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => onSelect(r.code)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="area-table__select"
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(r.code);
                    }}
                  >
                    {r.name}
                  </button>
                  <span className="area-table__parent">
                    {r.parent !== null && `${r.parent} · `}
                    <span className="area-table__code">{r.code}</span>
                  </span>
                </th>
                <td className="num" data-suppressed={r.suppressed ? 'true' : undefined}>
                  {value}
                </td>
                <td className="num">
                  {r.rank === null ? '–' : `${r.tied ? '=' : ''}${formatCount(r.rank, lang)}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="area-table__footer">
        <p role="status">
          {s(lang, 'showing', {
            shown: formatCount(shown, lang),
            total: formatCount(sorted.length, lang),
          })}
        </p>
        {shown < sorted.length && (
          <>
            <button type="button" onClick={() => setPage({ rows, limit: shown + PAGE_SIZE })}>
              {s(lang, 'more', {
                n: formatCount(Math.min(PAGE_SIZE, sorted.length - shown), lang),
              })}
            </button>
            <button type="button" onClick={() => setPage({ rows, limit: sorted.length })}>
              {s(lang, 'all')}
            </button>
          </>
        )}
      </div>
      <p className="area-table__note">{s(lang, 'rankNote')}</p>
      {anySuppressed && (
        <p className="area-table__note">
          {s(lang, 'suppressedNote', { k: formatCount(minCell, lang) })}
        </p>
      )}
    </div>
  );
}
