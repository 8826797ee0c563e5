/**
 * What the ranking exports: the table on screen as an {@link ExportTable} (names of the area and
 * its parents, rank, index, each column with its suppression flag, each component's score), the
 * metadata (source, date, synthetic flag, filters, weights, minimum cell size, definitions), the
 * index formula in words and symbols, and file names.
 */
import type { Geometry } from 'geojson';
import { povertyPeriod } from '../../db/contracts';
import type { ExportColumn, ExportTable, ExportCell } from '../../lib/export/table';
import type { MetadataInput, MetadataSetting } from '../../lib/export/metadata';
import { exportFileName } from '../../lib/export/file-name';
import { LOCALE, type Lang } from '../../lib/i18n';
import { indicator, type Indicator } from '../../query/catalogue';
import type { MissingPolicy, Normalisation, PriorityComponent } from '../../query/priority';
import type { Boundaries, Manifest } from '../../state/dataset';
import { nameChain, type RankingData, type RankingRow, type RankingSettings } from '../../state/use-ranking';
import type { View, ViewLevel } from '../../state/view-state';

const LEVEL_WORD: Record<ViewLevel, { id: string; en: string }> = {
  kota: { id: 'kota/kabupaten', en: 'city/regency' },
  kecamatan: { id: 'kecamatan', en: 'district (kecamatan)' },
  kelurahan: { id: 'kelurahan', en: 'village (kelurahan)' },
  rw: { id: 'RW', en: 'RW (neighbourhood)' },
};

/** Spreadsheet format of an indicator's values. */
function formatOf(ind: Indicator): ExportColumn['format'] {
  return ind.unit === 'fraction' ? 'percent' : 'integer';
}

/** The columns of the export, in order. */
export function exportColumns(data: RankingData): ExportColumn[] {
  const cols: ExportColumn[] = nameChain(data.level).flatMap((l): ExportColumn[] => [
    { key: `${l}_code`, kind: 'text' },
    { key: `${l}_name`, kind: 'text' },
  ]);
  if (data.components.length > 0) {
    cols.push(
      { key: 'priority_rank', kind: 'number', format: 'integer' },
      { key: 'priority_tied', kind: 'boolean' },
      { key: 'priority_index', kind: 'number', format: 'decimal' },
      { key: 'priority_components', kind: 'number', format: 'integer' },
    );
  }
  for (const id of data.columns) {
    cols.push({ key: id, kind: 'number', format: formatOf(indicator(id)) }, { key: `${id}__suppressed`, kind: 'boolean' });
  }
  for (const c of data.components) cols.push({ key: `${c.id}__score`, kind: 'number', format: 'decimal' });
  return cols;
}

/** The rows on screen as an export table (suppressed values null, flags true). */
export function rankingExportTable(data: RankingData, visible: readonly RankingRow[]): ExportTable {
  const columns = exportColumns(data);
  const rows = visible.map((r): ExportCell[] => {
    const cells: ExportCell[] = nameChain(data.level).flatMap((l) => [r.names[`${l}_code`] ?? null, r.names[`${l}_name`] ?? null]);
    if (data.components.length > 0) cells.push(r.rank, r.rank === null ? false : r.tied, r.index, r.used);
    for (const id of data.columns) cells.push(r.suppressed[id] ? null : (r.values[id] ?? null), r.suppressed[id] ?? false);
    for (const c of data.components) cells.push(r.scores[c.id] ?? null);
    return cells;
  });
  return { columns, rows };
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number): string => [...String(n)].map((d) => SUB[Number(d)]).join('');

/** The index formula in words and in symbols, for the screen and the metadata. */
export function formulaText(
  components: readonly PriorityComponent[],
  normalisation: Normalisation,
  missing: MissingPolicy,
  lang: Lang,
): { words: string; symbols: string; legend: string[] } {
  if (components.length === 0) return { words: '', symbols: '', legend: [] };
  const total = components.reduce((a, c) => a + c.weight, 0);
  const terms = components.map((c, i) => `${c.weight}·s${sub(i + 1)}`).join(' + ');
  const index = `I = (${terms}) / ${missing === 'reweight' ? (lang === 'id' ? 'Σ bobot yang ada' : 'Σ weights present') : total}`;
  const score =
    normalisation === 'minmax'
      ? 's = (x − min) / (max − min)  ·  s = (max − x) / (max − min)' + (lang === 'id' ? ' bila makin rendah makin butuh' : ' when lower means more need')
      : 's = (x − x̄) / σ  ·  s = −(x − x̄) / σ' + (lang === 'id' ? ' bila makin rendah makin butuh' : ' when lower means more need');
  const legend = components.map((c, i) => {
    const dir = c.higherIsWorse ? '↑' : '↓';
    return `s${sub(i + 1)}: ${indicator(c.id).label[lang]} (${dir}, ${((c.weight / total) * 100).toLocaleString(LOCALE[lang], { maximumFractionDigits: 1 })} %)`;
  });
  const norm =
    normalisation === 'minmax'
      ? lang === 'id'
        ? 'Setiap indikator diskalakan ke 0–1 atas wilayah di layar (0 = kebutuhan terendah, 1 = tertinggi)'
        : 'Each indicator is rescaled to 0–1 over the areas on screen (0 = least need, 1 = most)'
      : lang === 'id'
        ? 'Setiap indikator diubah menjadi skor-z atas wilayah di layar (selisih dari rata-rata dibagi simpangan baku; positif = kebutuhan di atas rata-rata)'
        : 'Each indicator becomes a z-score over the areas on screen (difference from the mean divided by the standard deviation; positive = more need than average)';
  const miss =
    missing === 'reweight'
      ? lang === 'id'
        ? 'nilai yang disamarkan dilewati dan bobot sisanya dibagi ulang'
        : 'suppressed values are skipped and the remaining weights rescaled'
      : lang === 'id'
        ? 'wilayah dengan nilai yang disamarkan tidak diberi peringkat'
        : 'areas with a suppressed value are not ranked';
  const words =
    lang === 'id'
      ? `${norm}; indeks = rata-rata tertimbang skor tersebut; ${miss}. Peringkat 1 = indeks tertinggi; indeks yang sama (9 desimal) berbagi peringkat dan peringkat berikutnya dilompati.`
      : `${norm}; the index = the weighted mean of these scores; ${miss}. Rank 1 = the highest index; equal indexes (9 decimals) share a rank and the next rank is skipped.`;
  return { words, symbols: `${index}   ${score}`, legend };
}

/** Everything the metadata needs besides the ranking. */
export interface MetadataContext {
  readonly view: View;
  readonly settings: RankingSettings;
  readonly manifest: Manifest | null;
  readonly synthetic: boolean;
  /** Name of the area the rows are restricted to (drill-down or filters), or null. */
  readonly areaCode: string | null;
  readonly areaName: string | null;
  readonly now: Date;
}

/** The metadata of an export of `visible` rows of `data`. */
export function rankingMetadata(data: RankingData, visible: readonly RankingRow[], ctx: MetadataContext): MetadataInput {
  const { view, settings, manifest } = ctx;
  const period = povertyPeriod(view.period);
  const ids = [...new Set([...data.columns, ...data.components.map((c) => c.id)])];
  const list: MetadataSetting[] = [
    { name_id: 'Tingkat wilayah', name_en: 'Level', value: data.level },
    { name_id: 'Wilayah', name_en: 'Area', value: ctx.areaCode ? `${ctx.areaCode} ${ctx.areaName ?? ''}`.trim() : 'DKI Jakarta' },
    { name_id: 'Tingkat kumuh', name_en: 'Slum grades', value: view.filters.kumuh.length > 0 ? view.filters.kumuh.join(', ') : 'semua / all' },
    { name_id: 'KTP DKI', name_en: 'Jakarta ID', value: view.filters.ktp },
    { name_id: 'Periode garis kemiskinan', name_en: 'Poverty-line period', value: `${period.id} (${period.label.en})` },
    { name_id: 'Saringan teks', name_en: 'Text filter', value: settings.text.trim() },
    {
      name_id: 'Saringan nilai',
      name_en: 'Value filter',
      value: settings.valueFilter ? `${settings.valueFilter.column} ${settings.valueFilter.op === 'gte' ? '>=' : '<='} ${settings.valueFilter.value}` : '',
    },
    { name_id: 'Urutan', name_en: 'Sort', value: `${settings.sort.key} ${settings.sort.dir}` },
    { name_id: 'Wilayah di layar sebelum saringan baris', name_en: 'Areas before row filters', value: data.rows.length },
  ];
  const total = data.components.reduce((a, c) => a + c.weight, 0);
  const fId = formulaText(data.components, settings.normalisation, settings.missing, 'id');
  const fEn = formulaText(data.components, settings.normalisation, settings.missing, 'en');
  return {
    title: `Sasaran — ${LEVEL_WORD[data.level].id} / ${LEVEL_WORD[data.level].en}`,
    source: manifest?.generated_by
      ? `${manifest.generated_by}${manifest.seed !== undefined ? ` (seed ${manifest.seed})` : ''}`
      : 'data set loaded in the browser',
    data_date: `${period.id}`,
    exported_at: ctx.now.toISOString(),
    synthetic: ctx.synthetic,
    min_cell: view.minCell,
    settings: list,
    index:
      data.components.length === 0
        ? null
        : {
            normalisation: settings.normalisation,
            missing: settings.missing,
            formula_id: `${fId.symbols} — ${fId.legend.join('; ')} — ${fId.words}`,
            formula_en: `${fEn.symbols} — ${fEn.legend.join('; ')} — ${fEn.words}`,
            components: data.components.map((c) => ({ id: c.id, weight: c.weight, share: c.weight / total, higher_is_worse: c.higherIsWorse })),
          },
    indicators: ids.map((id) => {
      const ind = indicator(id);
      return {
        id,
        label_id: ind.label.id,
        label_en: ind.label.en,
        description_id: ind.description.id,
        description_en: ind.description.en,
        unit: ind.unit,
        higher_is_worse: ind.higherIsWorse,
      };
    }),
    rows: visible.length,
  };
}

/** The file name of an export: level, area, index or sort indicator, date, dialect. */
export function rankingFileName(
  data: RankingData,
  settings: RankingSettings,
  areaCode: string | null,
  lang: Lang,
  date: Date,
  ext: 'csv' | 'xlsx' | 'geojson',
  variant: string | null = null,
): string {
  const sortId = data.columns.includes(settings.sort.key) ? settings.sort.key : (data.columns[0] ?? 'ranking');
  const subject = data.components.length > 0 ? (lang === 'id' ? 'indeks-prioritas' : 'priority-index') : sortId.replaceAll('_', '-');
  return exportFileName({ level: data.level, area: areaCode, subject, date, variant, ext });
}

/** Boundary geometry by area code for a level. */
export function geometryByCode(boundaries: Boundaries, level: ViewLevel): Map<string, Geometry> {
  const out = new Map<string, Geometry>();
  for (const f of boundaries[level].features) {
    const code: unknown = f.properties?.[`${level}_code`];
    if (typeof code === 'string' && f.geometry) out.set(code, f.geometry);
  }
  return out;
}
