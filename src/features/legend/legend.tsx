/** The map legend: a pure function of its props; the text carries the meaning, swatches are decoration. */
import { useId, useState, type CSSProperties, type ReactElement } from 'react';
import type { Breaks } from '../../lib/classify';
import { classRangeLabel, distinctDigits, formatCount, formatValue, type ValueUnit } from '../../lib/format';
import { t, type Lang } from '../../lib/i18n';
import { HATCH_HEX, NO_DATA_HEX, SUPPRESSED_HEX } from '../../lib/palettes';

/** An area named in the suppressed or no-data list. */
export interface LegendArea {
  readonly code: string;
  readonly name: string;
}

/** Everything the legend shows. */
export interface LegendProps {
  /** Indicator label, already in `lang`. */
  readonly title: string;
  readonly unit: ValueUnit;
  readonly breaks: Breaks;
  /** Hex colour per class (length breaks.k). */
  readonly colors: readonly string[];
  /** Areas per class (length breaks.k). */
  readonly counts: readonly number[];
  /** Areas hidden because they hold fewer than minCell households. */
  readonly suppressed: readonly LegendArea[];
  readonly noData: readonly LegendArea[];
  /** Minimum cell size in households. */
  readonly minCell: number;
  readonly lang: Lang;
}

const SWATCH: CSSProperties = {
  display: 'inline-block',
  width: '1.25em',
  height: '0.9em',
  marginInlineEnd: '0.5em',
  verticalAlign: 'middle',
  border: '1px solid rgba(0, 0, 0, 0.2)',
};

const HATCH: CSSProperties = {
  ...SWATCH,
  backgroundColor: SUPPRESSED_HEX,
  backgroundImage: `repeating-linear-gradient(45deg, ${HATCH_HEX} 0 1px, transparent 1px 4px)`,
};

function lockText(breaks: Breaks, lang: Lang): string {
  if (breaks.locked === 'province') return t(lang, 'legend.lockProvince');
  if (breaks.locked === 'manual') return t(lang, 'legend.lockManual');
  return t(lang, 'legend.lockNone');
}

/**
 * A closed list of areas; its items are rendered only while it is open, so a long list (a thousand
 * suppressed RWs) costs nothing on each recolour.
 */
function AreaList(props: { summary: string; areas: readonly LegendArea[] }): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <details className="legend-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{props.summary}</summary>
      {open && (
        <ul>
          {props.areas.map((a) => (
            <li key={a.code}>
              {a.name} <span className="legend-code">({a.code})</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** The legend of the choropleth: class bounds with units, areas per class, suppressed and no-data rows, lock state. */
export function Legend(props: LegendProps): ReactElement {
  const { breaks, unit, lang } = props;
  const captionId = useId();
  const digits = distinctDigits(breaks.breaks, unit, lang);
  const fmt = (v: number): string => formatValue(v, unit, lang, { digits });
  const areas = (n: number): string =>
    t(lang, n === 1 ? 'legend.areasOne' : 'legend.areas', { n: formatCount(n, lang) });
  const showUnit = unit === 'households' || unit === 'persons' || unit === 'rw';

  const classes: ReactElement[] = [];
  for (let i = 0; i < breaks.k; i++) {
    const lo = breaks.breaks[i];
    const hi = breaks.breaks[i + 1];
    if (lo === undefined || hi === undefined) break;
    const range = classRangeLabel(breaks.breaks, i, fmt);
    classes.push(
      <li key={`c${i}`} className="legend-class">
        <span
          aria-hidden="true"
          className="legend-swatch"
          style={{ ...SWATCH, backgroundColor: props.colors[i] ?? NO_DATA_HEX }}
        />
        <span className="legend-range">{range}</span>{' '}
        <span className="legend-count">({areas(props.counts[i] ?? 0)})</span>
      </li>,
    );
  }

  return (
    <figure className="legend" lang={lang} aria-labelledby={captionId}>
      <figcaption id={captionId} className="legend-title">
        {props.title}
        {showUnit && <span className="legend-unit"> ({t(lang, `unit.${unit}`)})</span>}
      </figcaption>
      <ul className="legend-classes">
        {classes}
        {props.suppressed.length > 0 && (
          <li className="legend-suppressed">
            <span aria-hidden="true" className="legend-swatch" style={HATCH} />
            <span className="legend-range">
              {t(lang, 'legend.suppressed', { k: formatCount(props.minCell, lang) })}
            </span>{' '}
            <span className="legend-count">({areas(props.suppressed.length)})</span>
          </li>
        )}
        {props.noData.length > 0 && (
          <li className="legend-nodata">
            <span
              aria-hidden="true"
              className="legend-swatch"
              style={{ ...SWATCH, backgroundColor: NO_DATA_HEX }}
            />
            <span className="legend-range">{t(lang, 'legend.noData')}</span>{' '}
            <span className="legend-count">({areas(props.noData.length)})</span>
          </li>
        )}
      </ul>
      <p className="legend-lock">{lockText(breaks, lang)}</p>
      {props.suppressed.length > 0 && (
        <AreaList
          summary={t(lang, 'legend.suppressedList', {
            n: formatCount(props.suppressed.length, lang),
          })}
          areas={props.suppressed}
        />
      )}
      {props.noData.length > 0 && (
        <AreaList
          summary={t(lang, 'legend.noDataList', { n: formatCount(props.noData.length, lang) })}
          areas={props.noData}
        />
      )}
    </figure>
  );
}
