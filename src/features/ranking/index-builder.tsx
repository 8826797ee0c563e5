/** The priority-index editor: components with weight sliders and direction, normalisation, missing-value policy, formula. */
import { useId, useState, type ReactElement } from 'react';
import type { Lang } from '../../lib/i18n';
import { INDICATORS, indicator } from '../../query/catalogue';
import { MISSING_POLICIES, NORMALISATIONS, activeComponents } from '../../query/priority';
import { prioritySpec, type ComponentSetting, type Direction, type Ranking } from '../../state/use-ranking';
import { formulaText } from './export-model';
import { s } from './strings';

/** Props of {@link IndexBuilder}. */
export interface IndexBuilderProps {
  readonly lang: Lang;
  readonly ranking: Ranking;
}

const DIRECTIONS: readonly Direction[] = ['auto', 'higher', 'lower'];
const DIR_KEY = { auto: 'dirAuto', higher: 'dirHigher', lower: 'dirLower' } as const;

/** Edits the index settings of `ranking`. */
export function IndexBuilder({ lang, ranking }: IndexBuilderProps): ReactElement {
  const id = useId();
  const { settings, update } = ranking;
  const used = new Set(settings.components.map((c) => c.id));
  const available = INDICATORS.filter((i) => !used.has(i.id));
  const [toAdd, setToAdd] = useState('');
  const addId = available.some((i) => i.id === toAdd) ? toAdd : (available[0]?.id ?? '');

  const patch = (cid: string, p: Partial<ComponentSetting>): void =>
    update((st) => ({ ...st, components: st.components.map((c) => (c.id === cid ? { ...c, ...p } : c)) }));

  let formula: ReturnType<typeof formulaText> = { words: '', symbols: '', legend: [] };
  try {
    const spec = prioritySpec(settings);
    formula = formulaText(activeComponents(spec), spec.normalisation, spec.missing, lang);
  } catch {
    // Invalid settings are reported by the ranking state.
  }

  return (
    <fieldset className="ranking__index" data-testid="ranking-index">
      <legend>{s(lang, 'indexTitle')}</legend>
      <p className="ranking__hint">{s(lang, 'indexHint')}</p>
      <ul className="ranking__components">
        {settings.components.map((c) => {
          const ind = indicator(c.id);
          return (
            <li key={c.id} data-testid={`ranking-component-${c.id}`}>
              <span className="ranking__component-name">{ind.label[lang]}</span>
              <label>
                <span className="visually-hidden">
                  {s(lang, 'weight')} {ind.label[lang]}
                </span>
                <input
                  type="range"
                  min={0}
                  max={100}
                  step={5}
                  value={c.weight}
                  data-testid={`ranking-weight-${c.id}`}
                  onChange={(e) => patch(c.id, { weight: Number(e.target.value) })}
                />
                <output className="ranking__weight">{c.weight}</output>
              </label>
              <label>
                <span className="visually-hidden">
                  {s(lang, 'direction')} {ind.label[lang]}
                </span>
                <select
                  value={c.direction}
                  data-testid={`ranking-direction-${c.id}`}
                  onChange={(e) => patch(c.id, { direction: e.target.value as Direction })}
                >
                  {DIRECTIONS.map((d) => (
                    <option key={d} value={d}>
                      {s(lang, DIR_KEY[d])}
                      {d === 'auto' ? ` (${ind.higherIsWorse ? '↑' : '↓'})` : ''}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() => update((st) => ({ ...st, components: st.components.filter((x) => x.id !== c.id) }))}
                aria-label={`${s(lang, 'remove')} ${ind.label[lang]}`}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {available.length > 0 && (
        <div className="ranking__add">
          <label htmlFor={`${id}-add`}>{s(lang, 'addComponent')}</label>
          <select id={`${id}-add`} value={addId} onChange={(e) => setToAdd(e.target.value)} data-testid="ranking-add-select">
            {available.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label[lang]}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="ranking-add"
            onClick={() => update((st) => ({ ...st, components: [...st.components, { id: addId, weight: 20, direction: 'auto' }] }))}
          >
            {s(lang, 'add')}
          </button>
        </div>
      )}
      <div className="ranking__radios" role="radiogroup" aria-label={s(lang, 'normalisation')}>
        <span>{s(lang, 'normalisation')}:</span>
        {NORMALISATIONS.map((n) => (
          <label key={n}>
            <input
              type="radio"
              name={`${id}-norm`}
              checked={settings.normalisation === n}
              data-testid={`ranking-norm-${n}`}
              onChange={() => update({ normalisation: n })}
            />
            {s(lang, n)}
          </label>
        ))}
      </div>
      <div className="ranking__radios" role="radiogroup" aria-label={s(lang, 'missing')}>
        <span>{s(lang, 'missing')}:</span>
        {MISSING_POLICIES.map((m) => (
          <label key={m}>
            <input
              type="radio"
              name={`${id}-missing`}
              checked={settings.missing === m}
              data-testid={`ranking-missing-${m}`}
              onChange={() => update({ missing: m })}
            />
            {s(lang, m)}
          </label>
        ))}
      </div>
      {formula.symbols ? (
        <div className="ranking__formula" data-testid="ranking-formula">
          <strong>{s(lang, 'formula')}</strong>
          <code>{formula.symbols}</code>
          <ul>
            {formula.legend.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <p>{formula.words}</p>
        </div>
      ) : (
        <p className="ranking__hint">{s(lang, 'noComponents')}</p>
      )}
    </fieldset>
  );
}
