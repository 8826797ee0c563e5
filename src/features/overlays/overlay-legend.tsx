/** Legends of the visible overlays and the bivariate square: pure functions of their props. */
import type { CSSProperties, ReactElement } from 'react';
import { formatCount, formatValue } from '../../lib/format';
import type { Lang } from '../../lib/i18n';
import { BIVARIATE_HEX, NO_DATA_HEX, isDarkHex } from '../../lib/palettes';
import { indicator } from '../../query/catalogue';
import type { LegendClass, OverlayLegend } from '../../state/overlays';
import { s } from './strings';
import './overlays.css';

const SWATCH: CSSProperties = { display: 'inline-block', width: '1.1em', height: '0.9em', border: '1px solid rgb(0 0 0 / 25%)', verticalAlign: 'middle' };

function range(c: LegendClass, lang: Lang): string {
  return `${formatValue(c.lo, 'fraction', lang, { digits: 0 })} – ${formatValue(c.hi, 'fraction', lang, { digits: 0 })}`;
}

function Classes(props: { classes: readonly LegendClass[]; lang: Lang; shape: 'circle' | 'hatch' }): ReactElement {
  return (
    <ul className="overlay-legend__classes">
      {props.classes.map((c) => (
        <li key={c.lo} className="overlay-legend__class">
          <span
            aria-hidden="true"
            className="overlay-legend__swatch"
            style={
              props.shape === 'circle'
                ? { ...SWATCH, width: '0.9em', borderRadius: '50%', backgroundColor: c.hex }
                : { ...SWATCH, backgroundImage: `repeating-linear-gradient(-45deg, ${c.hex} 0 2px, transparent 2px 5px)` }
            }
            data-color={c.hex}
          />
          <span>{range(c, props.lang)}</span> <span className="overlay-legend__count">({formatCount(c.count, props.lang)})</span>
        </li>
      ))}
    </ul>
  );
}

/** One overlay's legend. */
export function OverlayLegendView(props: { legend: OverlayLegend; lang: Lang; minCell: number }): ReactElement {
  const { legend, lang } = props;
  const title = s(lang, `layer.${legend.id}`);
  const k = formatCount(props.minCell, lang);
  let body: ReactElement;
  if (legend.kind === 'outlines') {
    body = (
      <>
        <ul className="overlay-legend__classes">
          {legend.categories.map((c) => (
            <li key={c.category} className="overlay-legend__class">
              <span aria-hidden="true" className="overlay-legend__line" style={{ borderTopColor: c.hex }} data-color={c.hex} />
              <span>{s(lang, `cat.${c.category}`)}</span> <span className="overlay-legend__count">({s(lang, 'areas', { n: formatCount(c.count, lang) })})</span>
            </li>
          ))}
        </ul>
        <p className="overlay-legend__note">{s(lang, 'grades')}</p>
        <ul className="overlay-legend__classes overlay-legend__grades">
          {legend.grades.map((g) => (
            <li key={g.grade} className="overlay-legend__class">
              <span aria-hidden="true" className="overlay-legend__line" style={{ borderTopWidth: `${g.width}px` }} />
              <span>{s(lang, `grade.${g.grade}`)}</span>
            </li>
          ))}
        </ul>
      </>
    );
  } else if (legend.kind === 'hatch') {
    body = (
      <>
        <p className="overlay-legend__note">{s(lang, 'hatched')}</p>
        <Classes classes={legend.classes} lang={lang} shape="hatch" />
        {legend.suppressed > 0 && <p className="overlay-legend__note">{s(lang, 'suppressed', { n: formatCount(legend.suppressed, lang), k })}</p>}
      </>
    );
  } else if (legend.notApplicable) {
    body = <p className="overlay-legend__note">{s(lang, 'noLeakage')}</p>;
  } else {
    body = (
      <>
        <p className="overlay-legend__note">{s(lang, 'colour', { what: indicator(legend.indicatorId).label[lang] })}</p>
        <Classes classes={legend.classes} lang={lang} shape="circle" />
        <p className="overlay-legend__note">{s(lang, `size.${legend.sizeOf}`)}</p>
        <ul className="overlay-legend__classes overlay-legend__sizes">
          {legend.sizes.map((z) => (
            <li key={z.value} className="overlay-legend__class">
              <span aria-hidden="true" className="overlay-legend__circle" style={{ width: `${2 * z.radius}px`, height: `${2 * z.radius}px` }} />
              <span>{formatValue(z.value, legend.sizeUnit, lang, { withUnit: true })}</span>
            </li>
          ))}
        </ul>
        <p className="overlay-legend__note">{s(lang, 'shown', { n: formatCount(legend.shown, lang) })}</p>
        {legend.suppressed > 0 && <p className="overlay-legend__note">{s(lang, 'suppressed', { n: formatCount(legend.suppressed, lang), k })}</p>}
      </>
    );
  }
  return (
    <figure className="overlay-legend" data-testid={`overlay-legend-${legend.id}`} aria-label={title}>
      <figcaption className="overlay-legend__title">
        {legend.kind === 'outlines' && legend.year !== null ? `${title} (${s(lang, 'upTo', { year: String(legend.year) })})` : title}
      </figcaption>
      {body}
    </figure>
  );
}

/** The legends of every visible overlay, top layer first. */
export function OverlayLegends(props: { legends: readonly OverlayLegend[]; lang: Lang; minCell: number }): ReactElement | null {
  if (props.legends.length === 0) return null;
  return (
    <div className="overlay-legends" data-testid="overlay-legends">
      {[...props.legends].reverse().map((l) => (
        <OverlayLegendView key={l.id} legend={l} lang={props.lang} minCell={props.minCell} />
      ))}
    </div>
  );
}

/** Props of {@link BivariateLegend}. */
export interface BivariateLegendProps {
  readonly lang: Lang;
  /** Label of the need indicator (x axis). */
  readonly needLabel: string;
  /** Label of the coverage indicator (y axis). */
  readonly coverageLabel: string;
  /** Areas per cell: counts[coverageClass][needClass]. */
  readonly counts: readonly (readonly number[])[];
  readonly needBounds: readonly [number, number] | null;
  readonly coverageBounds: readonly [number, number] | null;
  /** Unit of the need indicator, for the tercile bounds. */
  readonly needUnit: Parameters<typeof formatValue>[1];
  readonly suppressed: number;
  readonly minCell: number;
}

const LEVEL_WORDS = ['bivLow', '', 'bivHigh'] as const;

/** The 3 × 3 bivariate legend: need to the right, coverage upwards; every cell names itself. */
export function BivariateLegend(props: BivariateLegendProps): ReactElement {
  const { lang } = props;
  const word = (i: number): string => (LEVEL_WORDS[i] ? s(lang, LEVEL_WORDS[i]) : '·');
  const bounds = (b: readonly [number, number] | null, unit: Parameters<typeof formatValue>[1], what: string): string | null =>
    b ? s(lang, 'bivBounds', { what, a: formatValue(b[0], unit, lang), b: formatValue(b[1], unit, lang) }) : null;
  const needB = bounds(props.needBounds, props.needUnit, props.needLabel);
  const covB = bounds(props.coverageBounds, 'fraction', props.coverageLabel);
  return (
    <figure className="overlay-legend bivariate-legend" data-testid="bivariate-legend" aria-label={s(lang, 'bivLegend')}>
      <figcaption className="overlay-legend__title">{s(lang, 'bivLegend')}</figcaption>
      <div className="bivariate-legend__body">
        <span className="bivariate-legend__y">↑ {props.coverageLabel}</span>
        <div className="bivariate-legend__grid" role="list">
          {[2, 1, 0].flatMap((y) =>
            [0, 1, 2].map((x) => {
              const n = props.counts[y]?.[x] ?? 0;
              const fill = BIVARIATE_HEX[y]?.[x] ?? NO_DATA_HEX;
              const label = s(lang, 'bivCell', { x: word(x), y: word(y), n: formatCount(n, lang) });
              return (
                <span
                  key={`${x}${y}`}
                  role="listitem"
                  className="bivariate-legend__cell"
                  style={isDarkHex(fill) ? { backgroundColor: fill, color: '#fff', textShadow: 'none' } : { backgroundColor: fill }}
                  data-x={x}
                  data-y={y}
                  title={label}
                  aria-label={label}
                >
                  {formatCount(n, lang)}
                </span>
              );
            }),
          )}
        </div>
      </div>
      <span className="bivariate-legend__x">{props.needLabel} →</span>
      {needB && <p className="overlay-legend__note">{needB}</p>}
      {covB && <p className="overlay-legend__note">{covB}</p>}
      {props.suppressed > 0 && (
        <p className="overlay-legend__note">{s(lang, 'suppressed', { n: formatCount(props.suppressed, lang), k: formatCount(props.minCell, lang) })}</p>
      )}
    </figure>
  );
}
