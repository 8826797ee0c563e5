/**
 * What an export holds, in words: data source and date, the synthetic flag, level, filters,
 * minimum cell size, the index and its weights, and the definition of every indicator (both
 * languages). One input gives the XLSX metadata sheet and the GeoJSON `metadata` member.
 */
import type { ExportCell } from './table';

/** A catalogue indicator as the metadata describes it. */
export interface IndicatorDefinition {
  readonly id: string;
  readonly label_id: string;
  readonly label_en: string;
  readonly description_id: string;
  readonly description_en: string;
  readonly unit: string;
  readonly higher_is_worse: boolean;
}

/** One index component: catalogue id, weight as set, share of all weights (0–1), direction. */
export interface IndexComponentMeta {
  readonly id: string;
  readonly weight: number;
  readonly share: number;
  readonly higher_is_worse: boolean;
}

/** The priority index as exported. */
export interface IndexMeta {
  readonly normalisation: string;
  readonly missing: string;
  /** The formula in words and symbols, Indonesian and English. */
  readonly formula_id: string;
  readonly formula_en: string;
  readonly components: readonly IndexComponentMeta[];
}

/** A filter or setting: a name (both languages) and its value in words. */
export interface MetadataSetting {
  readonly name_id: string;
  readonly name_en: string;
  readonly value: string | number | boolean;
}

/** Everything the metadata says. */
export interface MetadataInput {
  readonly title: string;
  /** Where the data came from (generator or file names). */
  readonly source: string;
  /** Date or period the data describes. */
  readonly data_date: string;
  /** When the file was written, ISO 8601. */
  readonly exported_at: string;
  readonly synthetic: boolean;
  /** Minimum cell size in households. */
  readonly min_cell: number;
  /** Level, filters, sort and the other settings that shaped the rows. */
  readonly settings: readonly MetadataSetting[];
  readonly index: IndexMeta | null;
  readonly indicators: readonly IndicatorDefinition[];
  /** Rows in the data sheet. */
  readonly rows: number;
}

const pair = (id: string, en: string): string => `${id} / ${en}`;

/** The metadata sheet as rows of cells (label in both languages, then values). */
export function metadataRows(m: MetadataInput): ExportCell[][] {
  const out: ExportCell[][] = [
    [m.title],
    [],
    [pair('Sumber data', 'Data source'), m.source],
    [pair('Tanggal data', 'Data date'), m.data_date],
    [pair('Diekspor', 'Exported at'), m.exported_at],
    [pair('Data sintetis', 'Synthetic data'), m.synthetic],
    [pair('Ukuran sel minimum (rumah tangga)', 'Minimum cell size (households)'), m.min_cell],
    [pair('Jumlah baris', 'Rows'), m.rows],
    [
      pair('Nilai yang disamarkan', 'Suppressed values'),
      pair(
        `kosong, dengan kolom <id>__suppressed = true (jumlah 1–${m.min_cell - 1} rumah tangga)`,
        `empty, with column <id>__suppressed = true (counts of 1–${m.min_cell - 1} households)`,
      ),
    ],
    ...m.settings.map((s): ExportCell[] => [pair(s.name_id, s.name_en), s.value]),
    [],
  ];
  if (m.index) {
    out.push(
      [pair('Indeks prioritas', 'Priority index')],
      [pair('Normalisasi', 'Normalisation'), m.index.normalisation],
      [pair('Nilai hilang', 'Missing values'), m.index.missing],
      [pair('Rumus', 'Formula') + ' (id)', m.index.formula_id],
      [pair('Rumus', 'Formula') + ' (en)', m.index.formula_en],
      ['component', 'weight', 'weight_share', 'higher_is_worse'],
      ...m.index.components.map((c): ExportCell[] => [c.id, c.weight, c.share, c.higher_is_worse]),
      [],
    );
  }
  out.push(
    [pair('Definisi indikator', 'Indicator definitions')],
    ['id', 'label_id', 'label_en', 'description_id', 'description_en', 'unit', 'higher_is_worse'],
    ...m.indicators.map((d): ExportCell[] => [
      d.id,
      d.label_id,
      d.label_en,
      d.description_id,
      d.description_en,
      d.unit,
      d.higher_is_worse,
    ]),
  );
  return out;
}
