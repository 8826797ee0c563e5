/** Bivariate mode: the switch, the two axes, and the ranked list of high-need, low-coverage areas. */
import { useId, type ReactElement } from 'react';
import { formatValue } from '../../lib/format';
import type { Lang } from '../../lib/i18n';
import { INDICATORS, indicator } from '../../query/catalogue';
import { PROGRAMS } from '../../query/programs';
import type { BivariateRow } from '../../state/overlays';
import { isProgramId, type BivariateChoice } from '../../state/view-state';
import { s } from './strings';
import './overlays.css';

/** Props of {@link BivariatePanel}. */
export interface BivariatePanelProps {
  readonly lang: Lang;
  readonly choice: BivariateChoice | null;
  readonly onChange: (choice: BivariateChoice | null) => void;
  /** Need indicator used when the mode is switched on (e.g. the map's indicator). */
  readonly defaultNeed: string;
  /** High-need, low-coverage areas in the SQL's rank order; null while loading. */
  readonly hnlc: readonly BivariateRow[] | null;
  readonly selected: string | null;
  readonly onSelect: (code: string) => void;
  /** Most list entries shown (default 25). */
  readonly limit?: number;
}

const NEED = INDICATORS.filter((i) => i.group === 'need');

/** The bivariate controls and the "high need, low coverage" list. */
export function BivariatePanel(props: BivariatePanelProps): ReactElement {
  const { lang, choice } = props;
  const uid = useId();
  const limit = props.limit ?? 25;
  const list = props.hnlc ?? [];
  return (
    <section className="overlays overlays--bivariate" aria-labelledby={`${uid}-title`} data-testid="bivariate-panel">
      <h2 id={`${uid}-title`} className="overlays__title">
        {s(lang, 'bivariate')}
      </h2>
      <label className="overlays__toggle">
        <input
          type="checkbox"
          data-testid="bivariate-toggle"
          checked={choice !== null}
          onChange={() => props.onChange(choice ? null : { need: props.defaultNeed, program: 'kb' })}
        />
        {s(lang, 'bivariateOn')}
      </label>
      {choice && (
        <>
          <label className="overlays__option">
            {s(lang, 'need')}
            <select data-testid="bivariate-need" value={choice.need} onChange={(e) => props.onChange({ ...choice, need: e.target.value })}>
              {NEED.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <label className="overlays__option">
            {s(lang, 'coverage')}
            <select
              data-testid="bivariate-program"
              value={choice.program}
              onChange={(e) => isProgramId(e.target.value) && props.onChange({ ...choice, program: e.target.value })}
            >
              {PROGRAMS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <h3 className="overlays__subtitle" id={`${uid}-hnlc`}>
            {s(lang, 'hnlcTitle')}
          </h3>
          <p className="overlays__hint">{s(lang, 'hnlcHint')}</p>
          {props.hnlc && list.length === 0 && <p className="overlays__hint">{s(lang, 'hnlcNone')}</p>}
          <ol className="overlays__hnlc" aria-labelledby={`${uid}-hnlc`} data-testid="hnlc-list">
            {list.slice(0, limit).map((r) => (
              <li key={r.code}>
                <button
                  type="button"
                  data-code={r.code}
                  aria-current={props.selected === r.code ? 'true' : undefined}
                  onClick={() => props.onSelect(r.code)}
                >
                  <span className="overlays__hnlc-name">
                    {r.name} <span className="overlays__code">{r.code}</span>
                  </span>
                  <span className="overlays__hnlc-values">
                    {s(lang, 'hnlcItem', {
                      need: formatValue(r.need, indicator(choice.need).unit, lang, { withUnit: true }),
                      coverage: formatValue(r.coverage, 'fraction', lang),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {list.length > limit && <p className="overlays__hint">{s(lang, 'hnlcMore', { n: String(list.length - limit) })}</p>}
        </>
      )}
    </section>
  );
}
