/** Strings of the area panel that the shared dictionary does not have (id/en). */
import type { Lang } from '../../lib/i18n';

const S = {
  details: { id: 'Rincian wilayah', en: 'Area details' },
  loading: { id: 'Memuat rincian wilayah…', en: 'Loading area details…' },
  error: {
    id: 'Rincian wilayah gagal dimuat: {message}',
    en: 'Area details failed to load: {message}',
  },
  noData: { id: 'tidak ada data', en: 'no data' },
  suppressed: { id: 'disembunyikan (< {k} rumah tangga)', en: 'suppressed (< {k} households)' },
  suppressedShort: { id: 'disembunyikan', en: 'suppressed' },
  suppressedNote: {
    id: 'Disembunyikan: kurang dari {k} rumah tangga, demi kerahasiaan.',
    en: 'Suppressed: fewer than {k} households, to protect privacy.',
  },
  code: { id: 'kode', en: 'code' },
  drill: { id: 'Lihat wilayah di dalamnya', en: 'Show the areas within' },
  dataTable: { id: 'Tabel angka', en: 'Data table' },
  area: { id: 'Wilayah', en: 'Area' },
  value: { id: 'Nilai', en: 'Value' },
  province: { id: 'Provinsi', en: 'Province' },
  desil: { id: 'Desil', en: 'Desil' },
  households: { id: 'Rumah tangga', en: 'Households' },
  desilNote: {
    id: 'Desil 1 = 10 % termiskin secara nasional.',
    en: 'Desil 1 = the poorest 10 % nationally.',
  },
  program: { id: 'Program', en: 'Program' },
  eligible: { id: 'Berhak', en: 'Eligible' },
  reached: { id: 'Terjangkau', en: 'Reached' },
  coverage: { id: 'Cakupan', en: 'Coverage' },
  gap: { id: 'Belum terjangkau', en: 'Not reached' },
  noEligible: { id: 'tidak ada yang berhak', en: 'nobody eligible' },
  suppressedPrograms: {
    id: 'Program yang disembunyikan: {list}.',
    en: 'Suppressed programs: {list}.',
  },
  visited: {
    id: '{share} rumah tangga terdata sudah dikunjungi ({num} dari {den}).',
    en: '{share} of registry households visited ({num} of {den}).',
  },
  outcome: { id: 'Hasil verifikasi', en: 'Validation outcome' },
  outcomeShort: { id: 'Hasil', en: 'Outcome' },
  share: { id: 'Porsi dari yang dikunjungi', en: 'Share of visited' },
  outcomeValid: { id: 'valid', en: 'valid' },
  outcomeNotEligible: { id: 'tidak layak', en: 'not eligible' },
  outcomeMoved: { id: 'pindah', en: 'moved' },
  outcomeDeceased: { id: 'meninggal', en: 'deceased' },
  outcomeNotFound: { id: 'tidak ditemukan', en: 'not found' },
} as const;

/** A key of the panel's dictionary. */
export type PanelStringKey = keyof typeof S;

/** A panel string in the given language, with `{name}` placeholders filled from params. */
export function s(
  lang: Lang,
  key: PanelStringKey,
  params: Record<string, string | number> = {},
): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
