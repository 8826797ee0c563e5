/** Strings of the ranking feature (id/en). */
import type { Lang } from '../../lib/i18n';

const S = {
  title: { id: 'Peringkat wilayah', en: 'Area ranking' },
  level: { id: 'Tingkat', en: 'Level' },
  indexTitle: { id: 'Indeks prioritas', en: 'Priority index' },
  indexHint: {
    id: 'Pilih indikator dan bobotnya. Nilai tinggi = prioritas tinggi.',
    en: 'Pick indicators and their weights. A high value = a high priority.',
  },
  addComponent: { id: 'Tambah indikator ke indeks', en: 'Add an indicator to the index' },
  add: { id: 'Tambah', en: 'Add' },
  remove: { id: 'Hapus', en: 'Remove' },
  weight: { id: 'Bobot', en: 'Weight' },
  direction: { id: 'Arah', en: 'Direction' },
  dirAuto: { id: 'bawaan katalog', en: 'catalogue default' },
  dirHigher: { id: 'makin tinggi makin butuh', en: 'higher = more need' },
  dirLower: { id: 'makin rendah makin butuh', en: 'lower = more need' },
  normalisation: { id: 'Normalisasi', en: 'Normalisation' },
  minmax: { id: 'min–maks (0–1)', en: 'min–max (0–1)' },
  zscore: { id: 'skor-z', en: 'z-score' },
  missing: { id: 'Nilai disamarkan atau kosong', en: 'Suppressed or missing values' },
  reweight: { id: 'hitung dari indikator yang ada', en: 'use the indicators available' },
  exclude: { id: 'tidak diberi peringkat', en: 'leave unranked' },
  formula: { id: 'Rumus', en: 'Formula' },
  noComponents: {
    id: 'Belum ada indikator berbobot: tabel diurutkan menurut kolom.',
    en: 'No weighted indicator yet: the table is sorted by column.',
  },
  columns: { id: 'Kolom tabel', en: 'Table columns' },
  filterTitle: { id: 'Saring baris', en: 'Filter rows' },
  filterText: { id: 'Nama atau kode berisi', en: 'Name or code contains' },
  filterColumn: { id: 'Kolom', en: 'Column' },
  filterNone: { id: '(tanpa saringan nilai)', en: '(no value filter)' },
  filterValue: { id: 'Nilai', en: 'Value' },
  gte: { id: '≥', en: '≥' },
  lte: { id: '≤', en: '≤' },
  topN: { id: 'Sorot peringkat teratas di peta', en: 'Highlight the top ranks on the map' },
  topNCount: { id: '{n} wilayah disorot', en: '{n} areas highlighted' },
  export: { id: 'Ekspor tabel di layar', en: 'Export the table on screen' },
  csv: { id: 'CSV', en: 'CSV' },
  csvExcelId: { id: 'CSV (Excel Indonesia: ; dan koma desimal)', en: 'CSV (Excel Indonesia: ; and decimal comma)' },
  xlsx: { id: 'XLSX (dengan metadata)', en: 'XLSX (with metadata)' },
  geojson: { id: 'GeoJSON (dengan batas wilayah)', en: 'GeoJSON (with boundaries)' },
  exportNote: {
    id: 'Nilai yang disamarkan diekspor kosong dengan kolom penanda <id>__suppressed.',
    en: 'Suppressed values are exported empty with a flag column <id>__suppressed.',
  },
  exported: { id: 'Berkas dibuat: {name}', en: 'File written: {name}' },
  rank: { id: 'Peringkat', en: 'Rank' },
  index: { id: 'Indeks', en: 'Index' },
  area: { id: 'Wilayah', en: 'Area' },
  tiedMark: { id: 'sama dengan wilayah lain', en: 'tied with another area' },
  partial: { id: 'indeks dari {used} dari {all} indikator', en: 'index from {used} of {all} indicators' },
  unranked: { id: 'tidak diberi peringkat', en: 'not ranked' },
  suppressed: { id: 'disamarkan (< {k} rumah tangga)', en: 'suppressed (< {k} households)' },
  summary: {
    id: '{shown} dari {all} wilayah · {ranked} diberi peringkat · {ms} ms',
    en: '{shown} of {all} areas · {ranked} ranked · {ms} ms',
  },
  page: { id: 'Halaman {page} dari {pages}', en: 'Page {page} of {pages}' },
  prev: { id: 'Sebelumnya', en: 'Previous' },
  next: { id: 'Berikutnya', en: 'Next' },
  loading: { id: 'Menghitung peringkat…', en: 'Computing the ranking…' },
  error: { id: 'Peringkat gagal: {message}', en: 'Ranking failed: {message}' },
  caption: { id: 'Peringkat {level}', en: 'Ranking of {level}' },
  noRows: { id: 'Tidak ada wilayah yang cocok dengan saringan.', en: 'No area matches the filters.' },
} as const;

/** A ranking string key. */
export type RankingStringKey = keyof typeof S;

/** A ranking string in the given language, `{name}` placeholders filled from `params`. */
export function s(lang: Lang, key: RankingStringKey, params: Record<string, string | number> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}
