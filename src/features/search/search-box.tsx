/** A keyboard-operable combobox that finds any kota, kecamatan, kelurahan or RW by name or code. */
import { useId, useMemo, useState } from 'react';
import { t, type Lang } from '../../lib/i18n';
import type { AreaEntry } from '../../state/dataset';
import { searchAreas } from './search-match';
import './search-box.css';

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  readonly lang: Lang;
  readonly areas: readonly AreaEntry[];
  readonly onChoose: (area: AreaEntry) => void;
}

/** The search combobox (ARIA 1.2 combobox with a listbox popup). */
export function SearchBox({ lang, areas, onChoose }: SearchBoxProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useMemo(() => searchAreas(areas, query), [areas, query]);
  const listId = `${id}-list`;
  const choose = (i: number): void => {
    const hit = hits[i];
    if (!hit) return;
    onChoose(hit.area);
    setQuery('');
    setOpen(false);
  };
  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t(lang, 'search.placeholder')}
      </label>
      <input
        id={`${id}-input`}
        data-testid="search-input"
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={open && query !== ''}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${id}-opt-${active}` : undefined}
        placeholder={t(lang, 'search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(active);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open && query !== '' && (
        <ul id={listId} role="listbox" className="search__list" aria-label={t(lang, 'search.placeholder')}>
          {hits.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled className="search__empty">
              {t(lang, 'search.noResults')}
            </li>
          )}
          {hits.map((h, i) => (
            <li
              key={h.area.code}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'search__option search__option--active' : 'search__option'}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="search__name">{h.area.name}</span>
              <span className="search__meta">
                {t(lang, `level.${h.area.level}`)} · {h.area.code}
                {h.context ? ` · ${h.context}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
