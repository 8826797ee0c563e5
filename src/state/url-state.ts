/** The view in the URL: compact encoding, forgiving validation, and a React hook synced with history. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isBreaksError, manualBreaks } from '../lib/classify';
import { isLang } from '../lib/i18n';
import { INDICATORS } from '../query/catalogue';
import {
  DEFAULT_OVERLAY_OPACITY,
  DEFAULT_VIEW,
  MIN_CELL_CEILING,
  MIN_OVERLAY_OPACITY,
  MIN_CELL_FLOOR,
  canonicalKumuh,
  codeLevel,
  isAreaCode,
  isCardProgram,
  isClassCount,
  isClassMethod,
  isKumuhLevel,
  isOverlayId,
  isProgramId,
  isViewLevel,
  isWithin,
  levelDepth,
  roundViewport,
  sameView,
  type Filters,
  type Lock,
  type OverlayLayer,
  type Overlays,
  type View,
  type Viewport,
} from './view-state';

/** URL parameter names in their fixed order, per view field. */
export const URL_KEYS = {
  level: 'lvl',
  parent: 'in',
  indicator: 'ind',
  method: 'm',
  classes: 'k',
  lock: 'lock',
  kota: 'kota',
  kecamatan: 'kec',
  kumuh: 'kumuh',
  ktp: 'ktp',
  selected: 'sel',
  period: 'per',
  minCell: 'min',
  viewport: 'vp',
  lang: 'lang',
  basemap: 'map',
  overlays: 'ov',
  upgradingYear: 'ovy',
  card: 'ovc',
  gapProgram: 'ovg',
  bivariate: 'biv',
} as const;

const VIEW_URL_KEYS: ReadonlySet<string> = new Set(Object.values(URL_KEYS));

/** Need indicators allowed on the bivariate x axis. */
const NEED_IDS: ReadonlySet<string> = new Set(INDICATORS.filter((i) => i.group === 'need').map((i) => i.id));

/** Upgrading budget years the URL may set (the settlement_upgrading contract's range). */
const UPGRADING_YEARS: readonly [number, number] = [2015, 2035];

function encodeLayers(layers: readonly OverlayLayer[]): string {
  return layers.map((l) => (l.opacity === DEFAULT_OVERLAY_OPACITY ? l.id : `${l.id}:${l.opacity}`)).join(',');
}

/** A view field that can carry a warning. */
export type ViewField = keyof typeof URL_KEYS;

/** A URL value that was ignored, with the field it was for and why (English, for developers). */
export interface ViewWarning {
  readonly field: ViewField;
  readonly value: string;
  readonly reason: string;
}

/** What decodeView checks ids against. */
export interface DecodeOptions {
  /** Known indicator catalogue ids. */
  readonly indicators: readonly string[];
  /** Known period ids; when omitted any 'YYYY-MM' is accepted. */
  readonly periods?: readonly string[];
}

const num = (x: number): string => String(x);

function encodeLock(lock: Lock): string | null {
  if (lock === 'none') return null;
  if (lock === 'province') return 'province';
  return lock.manual.map(num).join(',');
}

/** Encodes a view as URL parameters in a stable order, leaving out every field at its default. */
export function encodeView(view: View): URLSearchParams {
  const d = DEFAULT_VIEW;
  const p = new URLSearchParams();
  const put = (key: string, value: string | null, dflt: string | null): void => {
    if (value !== null && value !== dflt) p.set(key, value);
  };
  put(URL_KEYS.level, view.level, d.level);
  put(URL_KEYS.parent, view.parent, null);
  put(URL_KEYS.indicator, view.indicator, d.indicator);
  put(URL_KEYS.method, view.method, d.method);
  put(URL_KEYS.classes, num(view.classes), num(d.classes));
  put(URL_KEYS.lock, encodeLock(view.lock), null);
  put(URL_KEYS.kota, view.filters.kota, null);
  put(URL_KEYS.kecamatan, view.filters.kecamatan, null);
  put(URL_KEYS.kumuh, canonicalKumuh(view.filters.kumuh).join(','), '');
  put(URL_KEYS.ktp, view.filters.ktp, d.filters.ktp);
  put(URL_KEYS.selected, view.selected, null);
  put(URL_KEYS.period, view.period, d.period);
  put(URL_KEYS.minCell, num(view.minCell), num(d.minCell));
  if (view.viewport) {
    const v = roundViewport(view.viewport);
    p.set(URL_KEYS.viewport, [v.lon, v.lat, v.zoom].map(num).join(','));
  }
  put(URL_KEYS.lang, view.lang, d.lang);
  put(URL_KEYS.basemap, view.basemap, d.basemap);
  const o = view.overlays;
  put(URL_KEYS.overlays, encodeLayers(o.layers), '');
  put(URL_KEYS.upgradingYear, o.upgradingYear === null ? null : num(o.upgradingYear), null);
  put(URL_KEYS.card, o.card, d.overlays.card);
  put(URL_KEYS.gapProgram, o.gapProgram, d.overlays.gapProgram);
  put(URL_KEYS.bivariate, o.bivariate ? `${o.bivariate.need}:${o.bivariate.program}` : null, null);
  return p;
}

/** The query string of encoded parameters, with commas left readable (they need no escaping in a query). */
export function toQueryString(params: URLSearchParams): string {
  const s = params.toString().replace(/%2C/gi, ',');
  return s ? `?${s}` : '';
}

const parseNumber = (s: string): number | null => {
  if (s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

function isBasemapUrl(s: string): boolean {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
}

/**
 * Decodes URL parameters into a valid view. Every field is checked; a bad value falls back to its
 * default and adds a warning. Never throws. decodeView(encodeView(v)).view equals v for any valid
 * view whose viewport is already rounded (see roundViewport).
 */
export function decodeView(
  params: URLSearchParams,
  options: DecodeOptions,
): { view: View; warnings: ViewWarning[] } {
  const warnings: ViewWarning[] = [];
  const d = DEFAULT_VIEW;
  const get = (field: ViewField): string | null => params.get(URL_KEYS[field]);
  const warn = (field: ViewField, value: string, reason: string): void => {
    warnings.push({ field, value, reason });
  };

  let level = d.level;
  const rawLevel = get('level');
  if (rawLevel !== null) {
    if (isViewLevel(rawLevel)) level = rawLevel;
    else warn('level', rawLevel, 'unknown level');
  }

  let parent: string | null = null;
  const rawParent = get('parent');
  if (rawParent !== null) {
    const pl = codeLevel(rawParent);
    if (pl === null) warn('parent', rawParent, 'not an area code');
    else if (levelDepth(pl) >= levelDepth(level))
      warn('parent', rawParent, `a ${pl} cannot contain ${level} areas`);
    else parent = rawParent;
  }

  let indicator = d.indicator;
  const rawIndicator = get('indicator');
  if (rawIndicator !== null) {
    if (options.indicators.includes(rawIndicator)) indicator = rawIndicator;
    else warn('indicator', rawIndicator, 'unknown indicator');
  }

  let method = d.method;
  const rawMethod = get('method');
  if (rawMethod !== null) {
    if (isClassMethod(rawMethod)) method = rawMethod;
    else warn('method', rawMethod, 'unknown classification method');
  }

  let classes = d.classes;
  const rawClasses = get('classes');
  if (rawClasses !== null) {
    const n = parseNumber(rawClasses);
    if (n !== null && isClassCount(n)) classes = n;
    else warn('classes', rawClasses, 'class count must be a whole number from 3 to 7');
  }

  let lock: Lock = d.lock;
  const rawLock = get('lock');
  if (rawLock !== null) {
    if (rawLock === 'province') lock = 'province';
    else {
      const bounds = rawLock.split(',').map(parseNumber);
      const finite = bounds.filter((b): b is number => b !== null);
      const mb = finite.length === bounds.length ? manualBreaks(finite) : null;
      if (mb === null) warn('lock', rawLock, 'manual bounds must be numbers');
      else if (isBreaksError(mb)) warn('lock', rawLock, mb.message);
      else {
        lock = { manual: [...mb.breaks] };
        if (rawClasses !== null && classes !== mb.k)
          warn('classes', rawClasses, `manual bounds make ${mb.k} classes`);
        classes = mb.k;
      }
    }
  }

  let kota: string | null = null;
  const rawKota = get('kota');
  if (rawKota !== null) {
    if (isAreaCode(rawKota, 'kota')) kota = rawKota;
    else warn('kota', rawKota, 'not a kota code like 31.71');
  }
  let kecamatan: string | null = null;
  const rawKec = get('kecamatan');
  if (rawKec !== null) {
    if (!isAreaCode(rawKec, 'kecamatan'))
      warn('kecamatan', rawKec, 'not a kecamatan code like 31.71.01');
    else if (kota !== null && !isWithin(rawKec, kota))
      warn('kecamatan', rawKec, `not inside kota ${kota}`);
    else kecamatan = rawKec;
  }
  let kumuh: Filters['kumuh'] = [];
  const rawKumuh = get('kumuh');
  if (rawKumuh !== null && rawKumuh !== '') {
    const parts = rawKumuh.split(',');
    const bad = parts.filter((x) => !isKumuhLevel(x));
    if (bad.length > 0) warn('kumuh', rawKumuh, `unknown slum grade ${bad.join(', ')}`);
    kumuh = canonicalKumuh(parts.filter(isKumuhLevel));
  }
  let ktp = d.filters.ktp;
  const rawKtp = get('ktp');
  if (rawKtp !== null) {
    if (rawKtp === 'all' || rawKtp === 'yes' || rawKtp === 'no') ktp = rawKtp;
    else warn('ktp', rawKtp, 'must be all, yes or no');
  }

  let selected: string | null = null;
  const rawSelected = get('selected');
  if (rawSelected !== null) {
    if (isAreaCode(rawSelected)) selected = rawSelected;
    else warn('selected', rawSelected, 'not an area code');
  }

  let period = d.period;
  const rawPeriod = get('period');
  if (rawPeriod !== null) {
    const ok = options.periods
      ? options.periods.includes(rawPeriod)
      : /^\d{4}-(0[1-9]|1[0-2])$/.test(rawPeriod);
    if (ok) period = rawPeriod;
    else warn('period', rawPeriod, 'unknown period');
  }

  let minCell = d.minCell;
  const rawMin = get('minCell');
  if (rawMin !== null) {
    const n = parseNumber(rawMin);
    if (n !== null && Number.isInteger(n) && n >= MIN_CELL_FLOOR && n <= MIN_CELL_CEILING)
      minCell = n;
    else
      warn(
        'minCell',
        rawMin,
        `minimum cell size must be a whole number from ${MIN_CELL_FLOOR} to ${MIN_CELL_CEILING}`,
      );
  }

  let viewport: Viewport | null = null;
  const rawVp = get('viewport');
  if (rawVp !== null) {
    const parts = rawVp.split(',').map(parseNumber);
    const [lon, lat, zoom] = parts;
    if (
      parts.length === 3 &&
      lon != null &&
      lat != null &&
      zoom != null &&
      Math.abs(lon) <= 180 &&
      Math.abs(lat) <= 85.06 &&
      zoom >= 0 &&
      zoom <= 24
    )
      viewport = roundViewport({ lon, lat, zoom });
    else warn('viewport', rawVp, 'must be lon,lat,zoom within range');
  }

  let lang = d.lang;
  const rawLang = get('lang');
  if (rawLang !== null) {
    if (isLang(rawLang)) lang = rawLang;
    else warn('lang', rawLang, 'language must be id or en');
  }

  let basemap = d.basemap;
  const rawMap = get('basemap');
  if (rawMap !== null) {
    if (rawMap === 'offline' || isBasemapUrl(rawMap)) basemap = rawMap;
    else warn('basemap', rawMap, 'basemap must be offline or an https style URL');
  }

  const overlays = decodeOverlays(get, warn);

  return {
    view: {
      level,
      parent,
      indicator,
      method,
      classes,
      lock,
      filters: { kota, kecamatan, kumuh, ktp },
      selected,
      period,
      minCell,
      viewport,
      lang,
      basemap,
      overlays,
    },
    warnings,
  };
}

/** Decodes the overlay fields; bad values fall back to defaults with a warning. */
function decodeOverlays(
  get: (field: ViewField) => string | null,
  warn: (field: ViewField, value: string, reason: string) => void,
): Overlays {
  const d = DEFAULT_VIEW.overlays;
  const layers: OverlayLayer[] = [];
  const rawLayers = get('overlays');
  if (rawLayers !== null && rawLayers !== '') {
    for (const part of rawLayers.split(',')) {
      const [id, rawOpacity, ...rest] = part.split(':');
      const opacity = rawOpacity === undefined ? DEFAULT_OVERLAY_OPACITY : parseNumber(rawOpacity);
      if (!isOverlayId(id)) warn('overlays', part, 'unknown overlay layer');
      else if (layers.some((l) => l.id === id)) warn('overlays', part, 'overlay layer listed twice');
      else if (
        rest.length > 0 ||
        opacity === null ||
        !Number.isInteger(opacity) ||
        opacity < MIN_OVERLAY_OPACITY ||
        opacity > 100
      )
        warn('overlays', part, `opacity must be a whole percent from ${MIN_OVERLAY_OPACITY} to 100`);
      else layers.push({ id, opacity });
    }
  }

  let upgradingYear: number | null = null;
  const rawYear = get('upgradingYear');
  if (rawYear !== null) {
    const n = parseNumber(rawYear);
    if (n !== null && Number.isInteger(n) && n >= UPGRADING_YEARS[0] && n <= UPGRADING_YEARS[1]) upgradingYear = n;
    else warn('upgradingYear', rawYear, `year must be ${UPGRADING_YEARS[0]}–${UPGRADING_YEARS[1]}`);
  }

  let card = d.card;
  const rawCard = get('card');
  if (rawCard !== null) {
    if (isCardProgram(rawCard)) card = rawCard;
    else warn('card', rawCard, 'card must be kjp_plus, kaj, klj or kpdj');
  }

  let gapProgram = d.gapProgram;
  const rawGap = get('gapProgram');
  if (rawGap !== null) {
    if (isProgramId(rawGap)) gapProgram = rawGap;
    else warn('gapProgram', rawGap, 'unknown program');
  }

  let bivariate: Overlays['bivariate'] = null;
  const rawBiv = get('bivariate');
  if (rawBiv !== null) {
    const [need, program, ...rest] = rawBiv.split(':');
    if (rest.length === 0 && need !== undefined && NEED_IDS.has(need) && isProgramId(program))
      bivariate = { need, program };
    else warn('bivariate', rawBiv, 'must be need-indicator:program, e.g. extreme_poverty_rate:kb');
  }

  return { layers, upgradingYear, card, gapProgram, bivariate };
}

/** What useViewState returns. */
export interface ViewState {
  readonly view: View;
  /** Warnings from the URL read at start or on back/forward. */
  readonly warnings: readonly ViewWarning[];
  /** Changes the view and pushes a history entry (no-op when nothing changes). Invalid values are dropped to defaults. */
  readonly setView: (update: Partial<View> | ((view: View) => View)) => void;
  /** Moves the camera, replacing the current history entry. */
  readonly setViewport: (viewport: Viewport | null) => void;
}

/**
 * The view held in the URL: read on start, pushState on meaningful changes, replaceState for
 * viewport-only moves, and followed on back/forward (popstate).
 */
export function useViewState(options: DecodeOptions): ViewState {
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  }, [options]);
  const [state, setState] = useState(() =>
    decodeView(new URLSearchParams(window.location.search), options),
  );
  const viewRef = useRef(state.view);

  const write = useCallback((view: View, push: boolean) => {
    // Keys the view does not own (the side tab, the ranking: see url-settings.ts) are kept.
    const params = encodeView(view);
    for (const [k, v] of new URLSearchParams(window.location.search)) if (!VIEW_URL_KEYS.has(k)) params.append(k, v);
    const url = `${window.location.pathname}${toQueryString(params)}${window.location.hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  useEffect(() => {
    // Replace the URL we started from by its canonical form (bad values dropped, defaults omitted).
    write(viewRef.current, false);
    const onPop = (): void => {
      const next = decodeView(new URLSearchParams(window.location.search), optionsRef.current);
      viewRef.current = next.view;
      setState(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [write]);

  const commit = useCallback(
    (candidate: View) => {
      // Round-trip through the URL form so the state is always exactly what the URL says.
      const next = decodeView(encodeView(candidate), optionsRef.current).view;
      const prev = viewRef.current;
      if (sameView(prev, next)) return;
      viewRef.current = next;
      write(next, !sameView(prev, next, true));
      setState((s) => ({ view: next, warnings: s.warnings }));
    },
    [write],
  );

  const setView = useCallback(
    (update: Partial<View> | ((view: View) => View)) => {
      const prev = viewRef.current;
      commit(typeof update === 'function' ? update(prev) : { ...prev, ...update });
    },
    [commit],
  );

  const setViewport = useCallback(
    (viewport: Viewport | null) => commit({ ...viewRef.current, viewport }),
    [commit],
  );

  return { view: state.view, warnings: state.warnings, setView, setViewport };
}
