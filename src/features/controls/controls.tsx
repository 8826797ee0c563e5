/** The side panel of view controls: indicator, level, classification, period, filters. */
import { useId, useState } from 'react';
import { KUMUH_LEVELS, POVERTY_PERIODS, type KumuhLevel } from '../../db/contracts';
import { INDICATORS, type IndicatorGroup } from '../../query/catalogue';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES } from '../../lib/classify';
import { t, type Lang } from '../../lib/i18n';
import type { AreaEntry } from '../../state/dataset';
import { VIEW_LEVELS, type View } from '../../state/view-state';
import { s } from './strings';
import './controls.css';

const GROUP_KEY: Record<IndicatorGroup, Parameters<typeof s>[1]> = {
  need: 'groupNeed',
  coverage: 'groupCoverage',
  gap: 'groupGap',
  leakage: 'groupLeakage',
  validation: 'groupValidation',
  upgrading: 'groupUpgrading',
};

/** Props of {@link Controls}. */
export interface ControlsProps {
  readonly view: View;
  readonly areas: readonly AreaEntry[];
  readonly setView: (update: Partial<View> | ((v: View) => View)) => void;
}

/** Parses manual break bounds typed by a user ("0;0,5;1" or "0; 0.5; 1"); percentages for fractions. */
export function parseBounds(text: string, percent: boolean): number[] | null {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return null;
  const nums = parts.map((p) => Number(p.replace(/\s/g, '').replace(',', '.')));
  if (nums.some((n) => !Number.isFinite(n))) return null;
  return percent ? nums.map((n) => n / 100) : nums;
}

/** The controls panel. */
export function Controls({ view, areas, setView }: ControlsProps) {
  const lang: Lang = view.lang;
  const id = useId();
  const ind = INDICATORS.find((i) => i.id === view.indicator);
  const percent = ind?.unit === 'fraction';
  const [manualText, setManualText] = useState(() =>
    typeof view.lock === 'object'
      ? view.lock.manual.map((b) => (percent ? b * 100 : b)).join('; ')
      : '',
  );
  const [manualError, setManualError] = useState(false);
  const kotaList = areas.filter((a) => a.level === 'kota');
  const kecList = areas.filter(
    (a) => a.level === 'kecamatan' && (view.filters.kota === null || a.parent === view.filters.kota),
  );
  const groups = [...new Set(INDICATORS.map((i) => i.group))];
  const lockValue = typeof view.lock === 'object' ? 'manual' : view.lock;

  const toggleKumuh = (k: KumuhLevel): void => {
    const has = view.filters.kumuh.includes(k);
    const kumuh = has ? view.filters.kumuh.filter((x) => x !== k) : [...view.filters.kumuh, k];
    setView((v) => ({ ...v, filters: { ...v.filters, kumuh } }));
  };

  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t(lang, 'filter.title')}>
      <fieldset>
        <legend>{s(lang, 'display')}</legend>
        <label htmlFor={`${id}-ind`}>{t(lang, 'control.indicator')}</label>
        <select
          id={`${id}-ind`}
          data-testid="indicator-select"
          value={view.indicator}
          onChange={(e) => setView({ indicator: e.target.value, lock: view.lock === 'province' ? 'province' : 'none' })}
        >
          {groups.map((g) => (
            <optgroup key={g} label={s(lang, GROUP_KEY[g])}>
              {INDICATORS.filter((i) => i.group === g).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label[lang]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {ind && <p className="controls__hint">{ind.description[lang]}</p>}

        <label htmlFor={`${id}-level`}>{s(lang, 'level')}</label>
        <select
          id={`${id}-level`}
          data-testid="level-select"
          value={view.level}
          onChange={(e) => setView({ level: e.target.value as View['level'], selected: null })}
        >
          {VIEW_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(lang, `level.${l}`)}
            </option>
          ))}
        </select>

        <div className="controls__row">
          <div>
            <label htmlFor={`${id}-method`}>{t(lang, 'method.label')}</label>
            <select
              id={`${id}-method`}
              data-testid="method-select"
              value={view.method}
              onChange={(e) => setView({ method: e.target.value as View['method'] })}
            >
              {CLASS_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(lang, `method.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-classes`}>{t(lang, 'method.classes')}</label>
            <select
              id={`${id}-classes`}
              data-testid="classes-select"
              value={view.classes}
              onChange={(e) => setView({ classes: Number(e.target.value) })}
            >
              {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </div>
        </div>

        <label htmlFor={`${id}-lock`}>{s(lang, 'lock')}</label>
        <select
          id={`${id}-lock`}
          data-testid="lock-select"
          value={lockValue}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'none' || v === 'province') setView({ lock: v });
            else {
              const bounds = parseBounds(manualText, percent);
              if (bounds) setView({ lock: { manual: bounds } });
              else setManualError(true);
            }
          }}
        >
          <option value="none">{s(lang, 'lockNone')}</option>
          <option value="province">{s(lang, 'lockProvince')}</option>
          <option value="manual">{s(lang, 'lockManual')}</option>
        </select>
        <label htmlFor={`${id}-manual`}>{s(lang, 'manualBounds')}</label>
        <div className="controls__row">
          <input
            id={`${id}-manual`}
            type="text"
            inputMode="decimal"
            value={manualText}
            aria-describedby={`${id}-manual-hint`}
            aria-invalid={manualError}
            onChange={(e) => {
              setManualText(e.target.value);
              setManualError(false);
            }}
          />
          <button
            type="button"
            onClick={() => {
              const bounds = parseBounds(manualText, percent);
              if (bounds) setView({ lock: { manual: bounds } });
              else setManualError(true);
            }}
          >
            {s(lang, 'apply')}
          </button>
        </div>
        <p id={`${id}-manual-hint`} className={manualError ? 'controls__error' : 'controls__hint'}>
          {s(lang, 'manualHint')}
        </p>
      </fieldset>

      <fieldset>
        <legend>{t(lang, 'filter.title')}</legend>
        <label htmlFor={`${id}-kota`}>{t(lang, 'filter.kota')}</label>
        <select
          id={`${id}-kota`}
          data-testid="kota-filter"
          value={view.filters.kota ?? ''}
          onChange={(e) =>
            setView((v) => ({ ...v, filters: { ...v.filters, kota: e.target.value || null, kecamatan: null } }))
          }
        >
          <option value="">{t(lang, 'filter.all')}</option>
          {kotaList.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-kec`}>{t(lang, 'filter.kecamatan')}</label>
        <select
          id={`${id}-kec`}
          data-testid="kecamatan-filter"
          value={view.filters.kecamatan ?? ''}
          onChange={(e) =>
            setView((v) => ({ ...v, filters: { ...v.filters, kecamatan: e.target.value || null } }))
          }
        >
          <option value="">{t(lang, 'filter.all')}</option>
          {kecList.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
        <fieldset className="controls__inline">
          <legend>{t(lang, 'filter.kumuh')}</legend>
          {KUMUH_LEVELS.map((k) => (
            <label key={k} className="controls__check">
              <input
                type="checkbox"
                data-testid={`kumuh-${k}`}
                checked={view.filters.kumuh.includes(k)}
                onChange={() => toggleKumuh(k)}
              />
              {t(lang, `kumuh.${k}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="controls__inline">
          <legend>{t(lang, 'filter.ktp')}</legend>
          {(['all', 'yes', 'no'] as const).map((k) => (
            <label key={k} className="controls__check">
              <input
                type="radio"
                name={`${id}-ktp`}
                data-testid={`ktp-${k}`}
                checked={view.filters.ktp === k}
                onChange={() => setView((v) => ({ ...v, filters: { ...v.filters, ktp: k } }))}
              />
              {t(lang, `filter.ktp.${k}`)}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          onClick={() => setView((v) => ({ ...v, filters: { kota: null, kecamatan: null, kumuh: [], ktp: 'all' } }))}
        >
          {t(lang, 'filter.reset')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{s(lang, 'data')}</legend>
        <label htmlFor={`${id}-period`}>{t(lang, 'control.period')}</label>
        <select
          id={`${id}-period`}
          data-testid="period-select"
          value={view.period}
          onChange={(e) => setView({ period: e.target.value })}
        >
          {POVERTY_PERIODS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label[lang]} — Rp {p.povertyLine.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US')}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-k`}>{t(lang, 'control.minCell')}</label>
        <input
          id={`${id}-k`}
          data-testid="min-cell"
          type="number"
          min={5}
          max={1000}
          step={1}
          value={view.minCell}
          onChange={(e) => {
            const k = Number(e.target.value);
            if (Number.isInteger(k) && k >= 5 && k <= 1000) setView({ minCell: k });
          }}
        />
        <label htmlFor={`${id}-basemap`}>{s(lang, 'basemapUrl')}</label>
        <input
          id={`${id}-basemap`}
          type="url"
          placeholder="https://…/style.json"
          defaultValue={view.basemap === 'offline' ? '' : view.basemap}
          aria-describedby={`${id}-basemap-note`}
          onBlur={(e) => {
            const url = e.target.value.trim();
            setView({ basemap: url === '' ? 'offline' : url });
          }}
        />
        <p id={`${id}-basemap-note`} className="controls__hint">
          {s(lang, 'basemapNote')}
        </p>
      </fieldset>
    </form>
  );
}
