/** Strings of the import feature (id/en). */
import type { Lang } from '../../lib/i18n';

const S = {
  title: { id: 'Impor data sendiri', en: 'Import your own data' },
  intro: {
    id: 'Rumah tangga (CSV, Parquet), batas kelurahan atau RW (GeoJSON, shapefile dalam zip) dan daftar penataan kampung (CSV). Data tetap di peramban ini.',
    en: 'Households (CSV, Parquet), kelurahan or RW boundaries (GeoJSON, zipped shapefile) and the settlement-upgrading list (CSV). The data stays in this browser.',
  },
  drop: { id: 'Seret berkas ke sini, atau', en: 'Drop files here, or' },
  pick: { id: 'pilih berkas', en: 'choose files' },
  inUse: { id: 'Data yang dipakai', en: 'Data in use' },
  demo: { id: 'demo (sintetis)', en: 'demo (synthetic)' },
  imported: { id: 'impor: {file}', en: 'imported: {file}' },
  backToDemo: { id: 'Kembali ke data demo', en: 'Back to demo data' },
  resetting: { id: 'Memuat data demo…', en: 'Loading the demo data…' },
  slot_kelurahan: { id: 'Batas kelurahan', en: 'Kelurahan boundaries' },
  slot_rw: { id: 'Batas RW', en: 'RW boundaries' },
  slot_households: { id: 'Rumah tangga', en: 'Households' },
  slot_settlement_upgrading: { id: 'Penataan kampung', en: 'Settlement upgrading' },
  slot_kecamatan: { id: 'Batas kecamatan', en: 'Kecamatan outlines' },
  slot_kota: { id: 'Batas kota', en: 'Kota outlines' },
  files: { id: 'Berkas untuk diimpor', en: 'Files to import' },
  role: { id: 'Isi berkas', en: 'The file holds' },
  role_households: { id: 'data rumah tangga', en: 'household records' },
  role_upgrading: { id: 'daftar penataan kampung', en: 'settlement-upgrading list' },
  role_kelurahan: { id: 'batas kelurahan', en: 'kelurahan boundaries' },
  role_rw: { id: 'batas RW', en: 'RW boundaries' },
  roleUnknown: { id: '(pilih)', en: '(choose)' },
  rows: { id: '{n} baris', en: '{n} rows' },
  features: { id: '{n} fitur', en: '{n} features' },
  analysing: { id: 'Membaca berkas…', en: 'Reading the files…' },
  remove: { id: 'Hapus dari daftar', en: 'Remove from the list' },
  mapping: { id: 'Pemetaan kolom ({mapped} dari {total} terisi)', en: 'Column mapping ({mapped} of {total} filled)' },
  field: { id: 'Kolom Sasaran', en: 'Sasaran column' },
  column: { id: 'Kolom di berkas', en: 'Column in the file' },
  none: { id: '— tidak ada —', en: '— none —' },
  required: { id: 'wajib', en: 'required' },
  dropped: { id: 'Dibuang demi privasi (nilai tidak disimpan atau ditampilkan)', en: 'Dropped for privacy (values neither stored nor shown)' },
  skipInvalid: { id: 'Lewati fitur dengan geometri tidak sah', en: 'Skip features with invalid geometry' },
  run: { id: 'Impor', en: 'Import' },
  cancel: { id: 'Batalkan', en: 'Cancel' },
  step_analyse: { id: 'Membaca berkas', en: 'Reading the files' },
  step_prepare: { id: 'Memeriksa dan menyiapkan', en: 'Checking and preparing' },
  step_store: { id: 'Menyimpan di peramban', en: 'Keeping in the browser' },
  step_load: { id: 'Memuat ke basis data', en: 'Loading into the database' },
  step_check: { id: 'Memeriksa antar-tabel', en: 'Checking across tables' },
  step_swap: { id: 'Mengganti data', en: 'Switching the data' },
  step_keep: { id: 'Menyelesaikan', en: 'Finishing' },
  failed: { id: 'Impor tidak dilakukan; data sebelumnya tetap dipakai.', en: 'Nothing was imported; the previous data is still in use.' },
  mixedNote: {
    id: 'Bagian yang tidak diimpor tetap dari data yang sedang dipakai (misalnya batas resmi dengan rumah tangga demo bila kodenya cocok).',
    en: 'Parts you do not import stay as they are (for example official boundaries with the demo households, when the codes match).',
  },
} as const;

/** An import string key. */
export type ImportStringKey = keyof typeof S;

/** An import string in the given language, `{name}` placeholders filled from `params`. */
export function s(lang: Lang, key: ImportStringKey, params: Record<string, string | number> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}
