/** Composition only: wires the view state, the data hooks and the features together. */
import { useMemo, useRef, useState } from 'react';
import { POVERTY_PERIODS, povertyPeriod } from '../db/contracts';
import { childLevel, levelOfCode } from '../query/areas';
import { INDICATOR_IDS, indicator } from '../query/catalogue';
import { formatCount, formatValue } from '../lib/format';
import { t, type Lang } from '../lib/i18n';
import { buildChoropleth } from '../state/choropleth';
import type { AreaEntry } from '../state/dataset';
import { siblingRank } from '../state/ranking';
import { useAreaDetails } from '../state/use-area-details';
import { briefingArea } from '../state/use-briefing';
import { useDataset } from '../state/use-dataset';
import { useImport } from '../state/import/use-import';
import { useMapValues } from '../state/use-map-values';
import { buildBivariatePicture, buildOverlayPicture } from '../state/overlays';
import { effectiveArea } from '../state/query-filters';
import { useOverlays } from '../state/use-overlays';
import { useRanking } from '../state/use-ranking';
import { choiceCodec, useUrlSettings } from '../state/url-settings';
import { useViewState } from '../state/url-state';
import type { View, ViewLevel } from '../state/view-state';
import { Controls } from '../features/controls/controls';
import { Legend } from '../features/legend/legend';
import { BivariatePanel } from '../features/overlays/bivariate-panel';
import { LayerPanel } from '../features/overlays/layer-panel';
import { BivariateLegend, OverlayLegends } from '../features/overlays/overlay-legend';
import { MapView, boundsOf, boundsOfAll } from '../features/map/map-view';
import { Breadcrumb } from '../features/navigation/breadcrumb';
import { AreaPanel } from '../features/panel/area-panel';
import { SearchBox } from '../features/search/search-box';
import { AreaTable } from '../features/table/area-table';
import { RankingTab } from '../features/ranking/ranking-tab';
import { BriefingButton } from '../features/briefing/briefing-button';
import { BriefingView } from '../features/briefing/briefing-view';
import { ImportTab } from '../features/import/import-tab';
import { useDatabase } from './use-database';

const PERIOD_IDS = POVERTY_PERIODS.map((p) => p.id);
/** Kota code of Kepulauan Seribu, left out of the province frame. */
const KEPULAUAN_SERIBU = '31.01';

/** Tabs of the side column; each names an `app.tab.<id>` string. */
const SIDE_TABS = ['area', 'ranking', 'import'] as const;
/** The side tab in the URL (`tab=ranking`), so a link can open the ranking or the import. */
const SIDE_TAB_CODEC = choiceCodec('tab', SIDE_TABS, 'area');

/** The view that shows `area`: its siblings at its level, with it selected. */
function viewFor(area: AreaEntry, view: View): View {
  const level: ViewLevel = area.level === 'provinsi' ? 'kota' : area.level;
  const parent = area.level === 'kota' || area.level === 'provinsi' ? null : area.parent;
  return { ...view, level, parent, selected: area.level === 'provinsi' ? null : area.code, viewport: null };
}

/** The Sasaran dashboard. */
export function App() {
  const { view, setView, setViewport } = useViewState({ indicators: INDICATOR_IDS, periods: PERIOD_IDS });
  const lang: Lang = view.lang;
  const { db, error: dbError } = useDatabase();
  const data = useDataset(db, view.period);
  const importer = useImport(db, data, view.period);
  const mapValues = useMapValues(db, data.version, view);
  const details = useAreaDetails(db, data.version, view);
  const overlayState = useOverlays(db, data.version, view);
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null);
  const [sideTab, setSideTab] = useUrlSettings(SIDE_TAB_CODEC);
  const ranking = useRanking(db, data.version, view, sideTab === 'ranking');
  const [briefingOpen, setBriefingOpen] = useState(false);

  const ind = indicator(view.indicator);
  const areas = useMemo(() => data.dataset?.areas ?? [], [data.dataset]);
  const areasByCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const rows = useMemo(() => mapValues.data?.rows ?? [], [mapValues.data]);
  const choropleth = useMemo(
    () => buildChoropleth(rows, mapValues.data?.provinceValues ?? null, view, ind),
    // The choropleth depends on these view fields only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, mapValues.data?.provinceValues, view.method, view.classes, view.lock, ind],
  );
  // The table names each area's parent instead of repeating its code.
  const tableRows = useMemo(
    () => rows.map((r) => ({ ...r, parent: r.parent ? (areasByCode.get(r.parent)?.name ?? r.parent) : null })),
    [rows, areasByCode],
  );
  const suppressedCodes = useMemo(() => new Set(choropleth.suppressed.map((s) => s.code)), [choropleth]);
  const overlayPicture = useMemo(() => buildOverlayPicture(overlayState.data, view.overlays), [overlayState.data, view.overlays]);
  const bivData = view.overlays.bivariate ? (overlayState.data?.bivariate ?? null) : null;
  const bivariate = useMemo(() => (bivData ? buildBivariatePicture(bivData, overlayState.data?.key ?? '') : null), [bivData, overlayState.data?.key]);
  const overlayArea = view.selected ?? effectiveArea(view);

  // Fit the map to the area drilled into, except for the view a reloaded URL restored. Selecting
  // an area only outlines it: the camera stays where the user put it.
  const fitCode = view.parent;
  const storedId = data.dataset?.stored?.id ?? 'demo';
  const startFit = useRef(view.viewport ? (fitCode ?? 'root') : null);
  const fitTo = useMemo(() => {
    if (!data.boundaries) return null;
    const key = fitCode ?? 'root';
    if (startFit.current === key) return null;
    startFit.current = null;
    const level = fitCode ? levelOfCode(fitCode) : null;
    const bbox =
      fitCode && level && level !== 'provinsi'
        ? boundsOf(data.boundaries[level], fitCode, level)
        : boundsOfAll({
            type: 'FeatureCollection',
            // The mainland: Kepulauan Seribu lies far out in the bay and would shrink the city.
            features: data.boundaries.kota.features.filter((f) => f.properties?.kota_code !== KEPULAUAN_SERIBU),
          });
    // A new data set (an import, back to demo) fits again.
    return bbox ? { bbox, key: `${key}@${storedId}` } : null;
  }, [data.boundaries, fitCode, storedId]);

  // The briefing's map fits the area the briefing is about (the drilled or filtered area).
  const briefingCode = briefingArea(view);
  const briefingFit = useMemo(() => {
    if (!data.boundaries) return null;
    const level = briefingCode ? levelOfCode(briefingCode) : null;
    const bbox =
      briefingCode && level && level !== 'provinsi'
        ? boundsOf(data.boundaries[level], briefingCode, level)
        : boundsOfAll({ type: 'FeatureCollection', features: data.boundaries.kota.features.filter((f) => f.properties?.kota_code !== KEPULAUAN_SERIBU) });
    return bbox ? { bbox, key: `briefing-${briefingCode ?? 'root'}` } : null;
  }, [data.boundaries, briefingCode]);

  const drill = (code: string): void => {
    const level = levelOfCode(code);
    const next = level ? childLevel(level) : null;
    if (!next || next === 'provinsi') return;
    setView({ parent: code, level: next, selected: null, viewport: null });
  };
  const navigate = (code: string | null): void => {
    const level = code ? levelOfCode(code) : 'provinsi';
    const next = level ? childLevel(level) : null;
    if (!next || next === 'provinsi') return;
    setView({ parent: code, level: next, selected: null, viewport: null });
  };

  const hovered = hover ? rows.find((r) => r.code === hover.code) : undefined;
  const rank = hover ? siblingRank(rows, hover.code, ind.higherIsWorse) : null;
  const selectedArea = view.selected ? areasByCode.get(view.selected) : undefined;
  const selectedChild = selectedArea && selectedArea.level !== 'rw' ? childLevel(selectedArea.level) : null;
  const levelLabel = t(lang, `level.${view.level}`);
  const period = povertyPeriod(view.period);
  const loading = !data.dataset && !data.error && !dbError;
  const appState = dbError || data.error ? 'error' : data.dataset && mapValues.data ? 'ready' : 'loading';
  const noAreas = data.version > 0 && mapValues.data !== null && rows.length === 0;

  return (
    <div className="app" data-app-state={appState} lang={lang}>
      <a className="skip-link" href="#map">
        {t(lang, 'app.skip')}
      </a>
      <header className="app__header">
        <div className="app__brand">
          <h1>{t(lang, 'app.title')}</h1>
          <p>{t(lang, 'app.subtitle')}</p>
        </div>
        {(data.dataset?.synthetic ?? true) && (
          <p className="app__synthetic" role="note" data-testid="synthetic-notice">
            {t(lang, 'app.syntheticNotice')}
          </p>
        )}
        <SearchBox
          lang={lang}
          areas={areas}
          onChoose={(area) => setView((v) => viewFor(area, v))}
        />
        <BriefingButton lang={lang} disabled={appState !== 'ready'} onOpen={() => setBriefingOpen(true)} />
        <div className="app__lang" role="group" aria-label={t(lang, 'lang.switch')}>
          {(['id', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              data-testid={`lang-${l}`}
              aria-pressed={lang === l}
              lang={l}
              onClick={() => setView({ lang: l })}
            >
              {l.toUpperCase()}
              <span className="visually-hidden"> — {t(l, `lang.${l}`)}</span>
            </button>
          ))}
        </div>
      </header>

      <aside className="app__controls">
        <Controls view={view} areas={areas} setView={setView} />
        <LayerPanel
          lang={lang}
          overlays={view.overlays}
          onChange={(overlays) => setView({ overlays })}
          years={overlayState.data?.years ?? []}
          combinations={overlayState.data?.combinations ?? null}
          areaName={(overlayArea && areasByCode.get(overlayArea)?.name) ?? 'DKI Jakarta'}
          minCell={view.minCell}
          loading={overlayState.loading}
          error={overlayState.error}
        />
        <BivariatePanel
          lang={lang}
          choice={view.overlays.bivariate}
          onChange={(choice) => setView((v) => ({ ...v, overlays: { ...v.overlays, bivariate: choice } }))}
          defaultNeed={ind.group === 'need' ? ind.id : 'extreme_poverty_rate'}
          hnlc={bivariate?.hnlc ?? null}
          selected={view.selected}
          onSelect={(code) => setView({ selected: code })}
        />
      </aside>

      <main className="app__main">
        <div className="app__toolbar">
          <Breadcrumb lang={lang} parent={view.parent} areasByCode={areasByCode} onNavigate={navigate} />
          <p className="app__status" aria-live="polite" data-testid="status">
            {loading && (
              <span data-testid="loading">
                <progress max={1} value={data.progress.fraction} aria-label={t(lang, 'loading.start')} />{' '}
                {t(lang, data.progress.step === 'boundaries' ? 'loading.geometry' : data.progress.step === 'households' || data.progress.step === 'tables' ? 'loading.households' : 'loading.aggregate')}
              </span>
            )}
            {data.dataset && mapValues.data && (
              <>
                {t(lang, 'app.status', {
                  households: formatCount(data.dataset.households, lang),
                  ms: String(Math.round(mapValues.data.elapsedMs)),
                })}
                {' · '}
                {t(lang, 'app.period', { period: period.label[lang] })}
              </>
            )}
          </p>
        </div>
        {(dbError || data.error || mapValues.error) && (
          <p className="app__error" role="alert" data-testid="error">
            {t(lang, 'error.loadData', { message: dbError ?? data.error ?? mapValues.error ?? '' })}
          </p>
        )}
        {noAreas && (
          <p className="app__error" role="status">
            {t(lang, 'app.noAreas')}
          </p>
        )}
        <div className="app__map" id="map">
          {view.parent === null && areasByCode.has(KEPULAUAN_SERIBU) && (
            // The province view frames the mainland; the islands get a way in.
            <button type="button" className="app__off-frame" title={t(lang, 'app.offFrameTitle')} onClick={() => drill(KEPULAUAN_SERIBU)}>
              {t(lang, 'app.offFrame')}
            </button>
          )}
          {data.boundaries && (
            <MapView
              boundaries={data.boundaries}
              level={view.level}
              parent={view.parent}
              fill={bivariate?.fill ?? choropleth.fill}
              fillKey={bivariate?.fillKey ?? choropleth.fillKey}
              suppressed={bivariate?.suppressed ?? suppressedCodes}
              overlays={overlayPicture.layers}
              highlighted={ranking.highlighted}
              selected={view.selected}
              fitTo={fitTo}
              initialViewport={view.viewport}
              onViewportChange={setViewport}
              onHover={setHover}
              onSelect={(code) => setView({ selected: code })}
              onDrill={drill}
              basemapUrl={view.basemap === 'offline' ? null : view.basemap}
              labels={null}
              lang={lang}
              attribution={(data.dataset?.syntheticBoundaries ?? true) ? t(lang, 'app.syntheticBoundaries') : null}
              ariaLabel={t(lang, 'app.mapLabel', { indicator: ind.label[lang], level: levelLabel })}
            />
          )}
          {hover && hovered && (
            <div
              className="app__tooltip"
              role="tooltip"
              data-testid="tooltip"
              style={{ left: hover.x + 14, top: hover.y + 14 }}
            >
              <strong>{hovered.name}</strong>
              <span className="app__tooltip-code">{hovered.code}</span>
              <span>
                {ind.label[lang]}:{' '}
                {hovered.suppressed
                  ? t(lang, 'legend.suppressed', { k: String(view.minCell) })
                  : formatValue(hovered.value, ind.unit, lang, { withUnit: true })}
              </span>
              {rank && <span>{t(lang, 'tooltip.rank', { rank: String(rank.rank), n: String(rank.of) })}</span>}
            </div>
          )}
          {mapValues.data && (
            <div className="app__legend" data-testid="legend">
              {bivariate && view.overlays.bivariate && bivData ? (
                <BivariateLegend
                  lang={lang}
                  needLabel={indicator(view.overlays.bivariate.need).label[lang]}
                  coverageLabel={indicator(`${view.overlays.bivariate.program}_coverage`).label[lang]}
                  counts={bivariate.counts}
                  needBounds={bivData.needBounds}
                  coverageBounds={bivData.coverageBounds}
                  needUnit={indicator(view.overlays.bivariate.need).unit}
                  suppressed={bivariate.suppressed.size}
                  minCell={view.minCell}
                />
              ) : (
                <Legend
                  title={ind.label[lang]}
                  unit={ind.unit}
                  breaks={choropleth.breaks}
                  colors={choropleth.colors}
                  counts={choropleth.counts}
                  suppressed={choropleth.suppressed}
                  noData={choropleth.noData}
                  minCell={view.minCell}
                  lang={lang}
                />
              )}
              <OverlayLegends legends={overlayPicture.legends} lang={lang} minCell={view.minCell} />
              {(data.dataset?.syntheticBoundaries ?? true) && <p className="app__attribution">{t(lang, 'app.syntheticBoundaries')}</p>}
            </div>
          )}
        </div>
        <p className="app__hint">{t(lang, 'app.drillHint')}</p>
      </main>

      <aside className="app__side">
        <div className="app__tabs" role="tablist" aria-label={t(lang, 'app.tabs')}>
          {SIDE_TABS.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              data-testid={`tab-${tab}`}
              aria-selected={sideTab === tab}
              aria-controls={`tabpanel-${tab}`}
              onClick={() => setSideTab(tab)}
            >
              {t(lang, `app.tab.${tab}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`tabpanel-${sideTab}`} aria-labelledby={`tab-${sideTab}`} className="app__tabpanel">
          {sideTab === 'area' && (
            <>
              {view.selected && (
                <AreaPanel
                  lang={lang}
                  details={details.data}
                  loading={details.loading}
                  error={details.error}
                  indicatorId={view.indicator}
                  minCell={view.minCell}
                  levelLabel={selectedArea ? t(lang, `level.${selectedArea.level}`) : ''}
                  parentName={selectedArea?.parent ? (areasByCode.get(selectedArea.parent)?.name ?? null) : null}
                  onClose={() => setView({ selected: null })}
                  onDrill={selectedChild && selectedChild !== 'provinsi' ? () => drill(view.selected!) : undefined}
                />
              )}
              <section className="app__table" aria-label={t(lang, 'app.tableTitle')}>
                <AreaTable
                  lang={lang}
                  rows={tableRows}
                  indicatorId={view.indicator}
                  selected={view.selected}
                  onSelect={(code) => setView({ selected: code })}
                  caption={t(lang, 'app.tableCaption', { indicator: ind.label[lang], level: levelLabel })}
                  minCell={view.minCell}
                />
              </section>
            </>
          )}
          {/* slot:ranking-tab (issue 5) */}
          {sideTab === 'ranking' && (
            <RankingTab
              lang={lang}
              view={view}
              setView={setView}
              ranking={ranking}
              boundaries={data.boundaries}
              dataset={data.dataset}
            />
          )}
          {/* slot:import-tab (issue 7) */}
          {sideTab === 'import' && (
            <ImportTab lang={lang} controller={importer} stored={data.dataset?.stored ?? null} ready={appState === 'ready'} />
          )}
        </div>
      </aside>
      {/* slot:briefing (issue 6) */}
      {briefingOpen && data.dataset && data.boundaries && mapValues.data && (
        <BriefingView
          db={db}
          dataVersion={data.version}
          view={view}
          setView={setView}
          dataset={data.dataset}
          areasByCode={areasByCode}
          choropleth={{ ...choropleth, suppressed: choropleth.suppressed.length, noData: choropleth.noData.length }}
          overlays={overlayPicture.legends}
          bivariate={
            bivariate && bivData && view.overlays.bivariate
              ? {
                  need: indicator(view.overlays.bivariate.need),
                  coverage: indicator(`${view.overlays.bivariate.program}_coverage`),
                  counts: bivariate.counts,
                  needBounds: bivData.needBounds,
                  coverageBounds: bivData.coverageBounds,
                  suppressed: bivariate.suppressed.size,
                  noData: bivariate.noData,
                }
              : null
          }
          onClose={() => setBriefingOpen(false)}
          renderMap={(slot) => (
            <MapView
              key={slot.key}
              boundaries={data.boundaries!}
              level={view.level}
              parent={view.parent}
              fill={bivariate?.fill ?? choropleth.fill}
              fillKey={bivariate?.fillKey ?? choropleth.fillKey}
              suppressed={bivariate?.suppressed ?? suppressedCodes}
              overlays={overlayPicture.layers}
              selected={null}
              fitTo={briefingFit}
              labels={null}
              lang={lang}
              basemapUrl={view.basemap === 'offline' ? null : view.basemap}
              ariaLabel={slot.ariaLabel}
              interactive={false}
              pixelRatio={slot.pixelRatio}
              captureRef={slot.captureRef}
              onRendered={slot.onRendered}
            />
          )}
        />
      )}
    </div>
  );
}
