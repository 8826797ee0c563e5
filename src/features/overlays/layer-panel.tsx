/** The layer panel: each intervention overlay with a toggle, its place in the drawing order, opacity and options. */
import { useId, type ReactElement } from 'react';
import { formatCount } from '../../lib/format';
import type { Lang } from '../../lib/i18n';
import { PROGRAMS } from '../../query/programs';
import type { CombinationRow } from '../../state/overlays';
import {
  CARD_PROGRAMS,
  DEFAULT_OVERLAY_OPACITY,
  MIN_OVERLAY_OPACITY,
  OVERLAY_IDS,
  isCardProgram,
  isProgramId,
  type OverlayId,
  type Overlays,
} from '../../state/view-state';
import { s } from './strings';
import './overlays.css';

/** Props of {@link LayerPanel}. */
export interface LayerPanelProps {
  readonly lang: Lang;
  readonly overlays: Overlays;
  readonly onChange: (next: Overlays) => void;
  /** Budget years of settlement upgrading, ascending. */
  readonly years: readonly number[];
  /** Desil-1 program combinations (convergence on), largest first. */
  readonly combinations: readonly CombinationRow[] | null;
  /** Name of the area the combinations are for. */
  readonly areaName: string;
  /** Minimum cell size, households. */
  readonly minCell: number;
  readonly loading: boolean;
  readonly error: string | null;
}

const programLabel = (id: string, lang: Lang): string => PROGRAMS.find((p) => p.id === id)?.label[lang] ?? id;

/** Moves the visible layer `id` one step up (drawn higher) or down in the drawing order. */
export function moveLayer(o: Overlays, id: OverlayId, dir: 1 | -1): Overlays {
  const i = o.layers.findIndex((l) => l.id === id);
  const j = i + dir;
  if (i < 0 || j < 0 || j >= o.layers.length) return o;
  const layers = [...o.layers];
  [layers[i], layers[j]] = [layers[j]!, layers[i]!];
  return { ...o, layers };
}

/** Shows (on top of the others, full opacity) or hides a layer. */
export function toggleLayer(o: Overlays, id: OverlayId): Overlays {
  const on = o.layers.some((l) => l.id === id);
  return {
    ...o,
    layers: on ? o.layers.filter((l) => l.id !== id) : [...o.layers, { id, opacity: DEFAULT_OVERLAY_OPACITY }],
  };
}

function Combinations(props: { lang: Lang; rows: readonly CombinationRow[]; areaName: string; minCell: number }): ReactElement {
  const { lang } = props;
  return (
    <table className="overlays__combos" data-testid="convergence-combos">
      <caption>{s(lang, 'combosTitle', { area: props.areaName })}</caption>
      <thead>
        <tr>
          <th scope="col">{s(lang, 'combosProgram')}</th>
          <th scope="col">{s(lang, 'combosHouseholds')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r, i) => (
          <tr key={r.programs?.join('+') ?? `other-${i}`}>
            <th scope="row">
              {r.programs === null
                ? s(lang, 'combosOther')
                : r.programs.length === 0
                  ? s(lang, 'combosNone')
                  : r.programs.map((p) => programLabel(p, lang)).join(' + ')}
            </th>
            <td>
              {r.households === null
                ? s(lang, 'hidden', { k: formatCount(props.minCell, lang) })
                : formatCount(r.households, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The layer panel. */
export function LayerPanel(props: LayerPanelProps): ReactElement {
  const { lang, overlays: o, onChange } = props;
  const uid = useId();
  const visible = [...o.layers].reverse();
  const hidden = OVERLAY_IDS.filter((id) => !o.layers.some((l) => l.id === id));
  const order = [...visible.map((l) => l.id), ...hidden];

  const options = (id: OverlayId): ReactElement | null => {
    if (id === 'upgrading') {
      return (
        <label className="overlays__option">
          {s(lang, 'year')}
          <select
            data-testid="overlay-year"
            value={o.upgradingYear === null ? '' : String(o.upgradingYear)}
            onChange={(e) => onChange({ ...o, upgradingYear: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{s(lang, 'allYears')}</option>
            {props.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      );
    }
    if (id === 'cards') {
      return (
        <label className="overlays__option">
          {s(lang, 'card')}
          <select
            data-testid="overlay-card"
            value={o.card}
            onChange={(e) => isCardProgram(e.target.value) && onChange({ ...o, card: e.target.value })}
          >
            {CARD_PROGRAMS.map((p) => (
              <option key={p} value={p}>
                {programLabel(p, lang)}
              </option>
            ))}
          </select>
        </label>
      );
    }
    if (id === 'gap' || id === 'leakage') {
      return (
        <label className="overlays__option">
          {s(lang, 'program')}
          <select
            data-testid={`overlay-program-${id}`}
            value={o.gapProgram}
            onChange={(e) => isProgramId(e.target.value) && onChange({ ...o, gapProgram: e.target.value })}
          >
            {PROGRAMS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label[lang]}
              </option>
            ))}
          </select>
        </label>
      );
    }
    return null;
  };

  return (
    <section className="overlays" aria-labelledby={`${uid}-title`} data-testid="layer-panel">
      <h2 id={`${uid}-title`} className="overlays__title">
        {s(lang, 'title')}
      </h2>
      <p className="overlays__hint">{s(lang, 'hint')}</p>
      {props.error && (
        <p className="overlays__error" role="alert">
          {s(lang, 'error', { message: props.error })}
        </p>
      )}
      <ul className="overlays__list">
        {order.map((id) => {
          const layer = o.layers.find((l) => l.id === id);
          const name = s(lang, `layer.${id}`);
          const pos = layer ? o.layers.indexOf(layer) : -1;
          return (
            <li key={id} className="overlays__layer" data-testid={`overlay-row-${id}`} data-on={layer ? 'true' : 'false'}>
              <label className="overlays__toggle">
                <input type="checkbox" data-testid={`overlay-toggle-${id}`} checked={layer !== undefined} onChange={() => onChange(toggleLayer(o, id))} />
                {name}
              </label>
              {layer && (
                <div className="overlays__controls">
                  <button type="button" aria-label={s(lang, 'up', { layer: name })} title={s(lang, 'up', { layer: name })} disabled={pos === o.layers.length - 1} onClick={() => onChange(moveLayer(o, id, 1))}>
                    ↑
                  </button>
                  <button type="button" aria-label={s(lang, 'down', { layer: name })} title={s(lang, 'down', { layer: name })} disabled={pos === 0} onClick={() => onChange(moveLayer(o, id, -1))}>
                    ↓
                  </button>
                  <label className="overlays__opacity">
                    <span>{s(lang, 'opacity')}</span>
                    <input
                      type="range"
                      min={MIN_OVERLAY_OPACITY}
                      max={100}
                      step={10}
                      value={layer.opacity}
                      aria-valuetext={`${layer.opacity} %`}
                      data-testid={`overlay-opacity-${id}`}
                      onChange={(e) =>
                        onChange({ ...o, layers: o.layers.map((l) => (l.id === id ? { ...l, opacity: Number(e.target.value) } : l)) })
                      }
                    />
                    <output>{layer.opacity} %</output>
                  </label>
                  {options(id)}
                  {id === 'convergence' && props.combinations && props.combinations.length > 0 && (
                    <Combinations lang={lang} rows={props.combinations} areaName={props.areaName} minCell={props.minCell} />
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {props.loading && o.layers.length > 0 && <p className="overlays__hint">{s(lang, 'loading')}</p>}
    </section>
  );
}
