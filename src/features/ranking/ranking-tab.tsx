/**
 * The ranking tab: level, priority index, columns, row filters, top-N highlight, exports of the
 * table on screen, and the paged, sortable table itself (selecting a row selects the area on the
 * map; the map's selection is marked and paged to).
 */
import { useEffect, useId, useMemo, useState, type ReactElement } from 'react';
import { csvBlob, type CsvDialect } from '../../lib/export/csv';
import { downloadBlob } from '../../lib/export/download';
import { geoJsonBlob, toGeoJson } from '../../lib/export/geojson';
import { xlsxBlob } from '../../lib/export/xlsx';
import { formatValue } from '../../lib/format';
import { LOCALE, t, type Lang } from '../../lib/i18n';
import { INDICATORS, indicator, type IndicatorGroup } from '../../query/catalogue';
import type { Boundaries, Dataset } from '../../state/dataset';
import { effectiveArea, NO_AREA } from '../../state/query-filters';
import { shownColumns, type Ranking, type RankingRow } from '../../state/use-ranking';
import { VIEW_LEVELS, type View, type ViewLevel } from '../../state/view-state';
import { geometryByCode, rankingExportTable, rankingFileName, rankingMetadata } from './export-model';
import { IndexBuilder } from './index-builder';
import { s } from './strings';
import './ranking.css';

/** Rows per table page. */
export const RANKING_PAGE_SIZE = 50;

/** Props of {@link RankingTab}. */
export interface RankingTabProps {
  readonly lang: Lang;
  readonly view: View;
  readonly setView: (patch: Partial<View>) => void;
  readonly ranking: Ranking;
  readonly boundaries: Boundaries | null;
  readonly dataset: Dataset | null;
}

const GROUPS: readonly IndicatorGroup[] = ['need', 'gap', 'coverage', 'leakage', 'validation', 'upgrading'];
const GROUP_WORD: Record<IndicatorGroup, { id: string; en: string }> = {
  need: { id: 'Kebutuhan', en: 'Need' },
  gap: { id: 'Kesenjangan', en: 'Gap' },
  coverage: { id: 'Cakupan', en: 'Coverage' },
  leakage: { id: 'Kebocoran', en: 'Leakage' },
  validation: { id: 'Validasi', en: 'Validation' },
  upgrading: { id: 'Penataan kampung', en: 'Upgrading' },
};

type ExportKind = 'csv' | 'csv-excel-id' | 'xlsx' | 'geojson';

/** The ranking tab. */
export function RankingTab(props: RankingTabProps): ReactElement {
  const { lang, view, setView, ranking, boundaries, dataset } = props;
  const { settings, update, state, visible } = ranking;
  const data = state.data;
  const id = useId();
  const [page, setPage] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const columns = data?.columns ?? shownColumns(settings);
  const pages = Math.max(1, Math.ceil(visible.length / RANKING_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const pageRows = visible.slice(current * RANKING_PAGE_SIZE, (current + 1) * RANKING_PAGE_SIZE);

  // A selection made on the map pages the table to its row.
  const selectedIndex = useMemo(() => visible.findIndex((r) => r.code === view.selected), [visible, view.selected]);
  useEffect(() => {
    if (selectedIndex >= 0) setPage(Math.floor(selectedIndex / RANKING_PAGE_SIZE));
  }, [selectedIndex]);

  const area = effectiveArea(view);
  const areaCode = area === NO_AREA ? null : area;
  const areaName = areaCode ? (dataset?.areas.find((a) => a.code === areaCode)?.name ?? null) : null;

  const runExport = (kind: ExportKind): void => {
    if (!data) return;
    const now = new Date();
    const table = rankingExportTable(data, visible);
    const meta = (): ReturnType<typeof rankingMetadata> =>
      rankingMetadata(data, visible, {
        view,
        settings,
        manifest: dataset?.manifest ?? null,
        synthetic: dataset?.synthetic ?? true,
        areaCode,
        areaName,
        now,
      });
    let blob: Blob;
    let name: string;
    if (kind === 'csv' || kind === 'csv-excel-id') {
      const dialect: CsvDialect = kind === 'csv' ? 'rfc4180' : 'excel-id';
      blob = csvBlob(table, dialect);
      name = rankingFileName(data, settings, areaCode, lang, now, 'csv', kind === 'csv' ? null : 'excel-id');
    } else if (kind === 'xlsx') {
      blob = xlsxBlob(table, meta());
      name = rankingFileName(data, settings, areaCode, lang, now, 'xlsx');
    } else {
      if (!boundaries) return;
      blob = geoJsonBlob(toGeoJson(table, `${data.level}_code`, geometryByCode(boundaries, data.level), meta()));
      name = rankingFileName(data, settings, areaCode, lang, now, 'geojson');
    }
    downloadBlob(blob, name);
    setNotice(s(lang, 'exported', { name }));
  };

  const toggleColumn = (cid: string): void =>
    update((st) => ({ ...st, columns: st.columns.includes(cid) ? st.columns.filter((c) => c !== cid) : [...st.columns, cid] }));
  const sortBy = (key: string): void =>
    update((st) => ({
      ...st,
      sort:
        st.sort.key === key
          ? { key, dir: st.sort.dir === 'asc' ? 'desc' : 'asc' }
          : { key, dir: key === 'rank' || key === 'name' || key === 'code' ? 'asc' : key === 'index' || indicator(key).higherIsWorse ? 'desc' : 'asc' },
    }));
  const ariaSort = (key: string): 'ascending' | 'descending' | 'none' =>
    settings.sort.key !== key ? 'none' : settings.sort.dir === 'asc' ? 'ascending' : 'descending';
  const header = (key: string, label: string, numeric: boolean): ReactElement => (
    <th scope="col" aria-sort={ariaSort(key)} className={numeric ? 'num' : undefined} key={key}>
      <button type="button" className="ranking__sort" onClick={() => sortBy(key)} data-testid={`ranking-sort-${key}`}>
        {label}
        <span aria-hidden="true">{ariaSort(key) === 'ascending' ? ' ▲' : ariaSort(key) === 'descending' ? ' ▼' : ' ↕'}</span>
      </button>
    </th>
  );

  const vf = settings.valueFilter;
  const vfUnitIsFraction = vf !== null && vf.column !== 'index' && indicator(vf.column).unit === 'fraction';
  const hasIndex = (data?.components.length ?? 0) > 0;
  const cell = (r: RankingRow, cid: string): ReactElement => {
    const ind = indicator(cid);
    const sup = r.suppressed[cid] ?? false;
    return (
      <td key={cid} className="num" data-suppressed={sup ? 'true' : undefined}>
        {sup ? (
          <abbr title={s(lang, 'suppressed', { k: view.minCell })}>{`< ${view.minCell}`}</abbr>
        ) : (
          formatValue(r.values[cid] ?? null, ind.unit, lang)
        )}
      </td>
    );
  };

  return (
    <section className="ranking" aria-labelledby={`${id}-title`} data-testid="ranking-tab">
      <h2 id={`${id}-title`}>{s(lang, 'title')}</h2>
      <div className="ranking__row">
        <label htmlFor={`${id}-level`}>{s(lang, 'level')}</label>
        <select
          id={`${id}-level`}
          data-testid="ranking-level"
          value={view.level}
          onChange={(e) => setView({ level: e.target.value as ViewLevel, selected: null })}
        >
          {VIEW_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(lang, `level.${l}`)}
            </option>
          ))}
        </select>
      </div>

      <IndexBuilder lang={lang} ranking={ranking} />

      <details className="ranking__columns">
        <summary>{s(lang, 'columns')}</summary>
        {GROUPS.map((g) => (
          <fieldset key={g}>
            <legend>{GROUP_WORD[g][lang]}</legend>
            {INDICATORS.filter((i) => i.group === g).map((i) => (
              <label key={i.id}>
                <input
                  type="checkbox"
                  checked={settings.columns.includes(i.id)}
                  onChange={() => toggleColumn(i.id)}
                  data-testid={`ranking-column-${i.id}`}
                />
                {i.label[lang]}
              </label>
            ))}
          </fieldset>
        ))}
      </details>

      <fieldset className="ranking__filters">
        <legend>{s(lang, 'filterTitle')}</legend>
        <label>
          {s(lang, 'filterText')}{' '}
          <input type="search" value={settings.text} data-testid="ranking-filter-text" onChange={(e) => update({ text: e.target.value })} />
        </label>
        <div className="ranking__row">
          <label>
            <span className="visually-hidden">{s(lang, 'filterColumn')}</span>
            <select
              value={vf?.column ?? ''}
              data-testid="ranking-filter-column"
              onChange={(e) =>
                update({ valueFilter: e.target.value ? { column: e.target.value, op: vf?.op ?? 'gte', value: vf?.value ?? 0 } : null })
              }
            >
              <option value="">{s(lang, 'filterNone')}</option>
              {hasIndex && <option value="index">{s(lang, 'index')}</option>}
              {columns.map((c) => (
                <option key={c} value={c}>
                  {indicator(c).label[lang]}
                </option>
              ))}
            </select>
          </label>
          {vf && (
            <>
              <select
                aria-label={s(lang, 'filterColumn')}
                value={vf.op}
                data-testid="ranking-filter-op"
                onChange={(e) => update({ valueFilter: { ...vf, op: e.target.value as 'gte' | 'lte' } })}
              >
                <option value="gte">{s(lang, 'gte')}</option>
                <option value="lte">{s(lang, 'lte')}</option>
              </select>
              <label>
                <span className="visually-hidden">{s(lang, 'filterValue')}</span>
                <input
                  type="number"
                  step="any"
                  data-testid="ranking-filter-value"
                  value={vfUnitIsFraction ? Number((vf.value * 100).toPrecision(12)) : vf.value}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    if (Number.isFinite(v)) update({ valueFilter: { ...vf, value: vfUnitIsFraction ? v / 100 : v } });
                  }}
                />
                {vfUnitIsFraction ? ' %' : ''}
              </label>
            </>
          )}
        </div>
        <label>
          {s(lang, 'topN')}{' '}
          <input
            type="number"
            min={0}
            max={500}
            value={settings.topN}
            data-testid="ranking-topn"
            onChange={(e) => update({ topN: Math.max(0, Math.min(500, Math.floor(Number(e.target.value) || 0))) })}
          />
        </label>
        {settings.topN > 0 && <p className="ranking__hint">{s(lang, 'topNCount', { n: ranking.highlighted.size })}</p>}
      </fieldset>

      <fieldset className="ranking__exports">
        <legend>{s(lang, 'export')}</legend>
        {(
          [
            ['csv', 'csv'],
            ['csv-excel-id', 'csvExcelId'],
            ['xlsx', 'xlsx'],
            ['geojson', 'geojson'],
          ] as const
        ).map(([kind, label]) => (
          <button
            key={kind}
            type="button"
            disabled={!data || state.loading || (kind === 'geojson' && !boundaries)}
            data-testid={`ranking-export-${kind}`}
            onClick={() => {
              try {
                runExport(kind);
              } catch (e) {
                setNotice(s(lang, 'error', { message: e instanceof Error ? e.message : String(e) }));
              }
            }}
          >
            {s(lang, label)}
          </button>
        ))}
        <p className="ranking__hint">{s(lang, 'exportNote')}</p>
        <p className="ranking__hint" aria-live="polite" data-testid="ranking-export-notice">
          {notice}
        </p>
      </fieldset>

      {state.error && (
        <p className="app__error" role="alert">
          {s(lang, 'error', { message: state.error })}
        </p>
      )}
      <p className="ranking__hint" aria-live="polite" data-testid="ranking-summary">
        {state.loading || !data
          ? s(lang, 'loading')
          : s(lang, 'summary', { shown: visible.length, all: data.rows.length, ranked: data.rankedCount, ms: Math.round(data.elapsedMs) })}
      </p>

      <div className="ranking__table" data-testid="ranking-table" data-key={data?.key ?? ''} data-loading={state.loading ? 'true' : 'false'}>
        <table>
          <caption className="visually-hidden">{s(lang, 'caption', { level: t(lang, `level.${view.level}`) })}</caption>
          <thead>
            <tr>
              {hasIndex && header('rank', s(lang, 'rank'), true)}
              {header('name', s(lang, 'area'), false)}
              {hasIndex && header('index', s(lang, 'index'), true)}
              {columns.map((c) => header(c, indicator(c).label[lang], true))}
            </tr>
          </thead>
          <tbody>
            {pageRows.map((r) => {
              const selected = r.code === view.selected;
              const partial = hasIndex && r.index !== null && data !== null && r.used < data.components.length;
              return (
                <tr
                  key={r.code}
                  data-testid="ranking-row"
                  data-code={r.code}
                  aria-selected={selected}
                  className={`ranking__tr${selected ? ' ranking__tr--selected' : ''}${ranking.highlighted.has(r.code) ? ' ranking__tr--top' : ''}`}
                  onClick={() => setView({ selected: r.code })}
                >
                  {hasIndex && (
                    <td className="num" data-testid="ranking-rank">
                      {r.rank === null ? (
                        <abbr title={s(lang, 'unranked')}>–</abbr>
                      ) : r.tied ? (
                        <abbr title={s(lang, 'tiedMark')}>{`=${r.rank}`}</abbr>
                      ) : (
                        r.rank
                      )}
                    </td>
                  )}
                  <th scope="row">
                    <button type="button" className="ranking__select" aria-pressed={selected}>
                      {r.name}
                    </button>
                    <span className="ranking__sub">
                      {r.parentName ? `${r.parentName} · ` : ''}
                      {r.code}
                    </span>
                  </th>
                  {hasIndex && (
                    <td className="num">
                      {r.index === null ? '–' : r.index.toLocaleString(LOCALE[lang], { minimumFractionDigits: 3, maximumFractionDigits: 3 })}
                      {partial && (
                        <abbr className="ranking__partial" title={s(lang, 'partial', { used: r.used, all: data.components.length })}>
                          *
                        </abbr>
                      )}
                    </td>
                  )}
                  {columns.map((c) => cell(r, c))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {data && visible.length === 0 && <p className="ranking__hint">{s(lang, 'noRows')}</p>}
      </div>
      <nav className="ranking__pager" aria-label={s(lang, 'page', { page: current + 1, pages })}>
        <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)} data-testid="ranking-prev">
          {s(lang, 'prev')}
        </button>
        <span>{s(lang, 'page', { page: current + 1, pages })}</span>
        <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)} data-testid="ranking-next">
          {s(lang, 'next')}
        </button>
      </nav>
    </section>
  );
}
