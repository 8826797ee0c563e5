/** Strings of the controls feature that the shared dictionary does not have (id/en). */
import type { Lang } from '../../lib/i18n';

const S = {
  level: { id: 'Tingkat wilayah', en: 'Area level' },
  lock: { id: 'Batas kelas', en: 'Class breaks' },
  lockNone: { id: 'ikut data di layar', en: 'follow the data on screen' },
  lockProvince: { id: 'kunci ke seluruh provinsi', en: 'lock to the whole province' },
  lockManual: { id: 'manual', en: 'manual' },
  manualBounds: { id: 'Batas manual (pisahkan dengan titik koma)', en: 'Manual bounds (separate with semicolons)' },
  manualHint: {
    id: 'Contoh untuk persentase: 0;0,5;1;2;5 (dalam %)',
    en: 'Example for percentages: 0;0.5;1;2;5 (in %)',
  },
  apply: { id: 'Terapkan', en: 'Apply' },
  groupNeed: { id: 'Kebutuhan', en: 'Need' },
  groupCoverage: { id: 'Cakupan program', en: 'Program coverage' },
  groupGap: { id: 'Kesenjangan (belum terjangkau)', en: 'Gap (not reached)' },
  groupLeakage: { id: 'Kebocoran (desil > 4)', en: 'Leakage (desil > 4)' },
  groupValidation: { id: 'Validasi lapangan', en: 'Field validation' },
  groupUpgrading: { id: 'Penataan kampung', en: 'Settlement upgrading' },
  display: { id: 'Tampilan peta', en: 'Map display' },
  data: { id: 'Data', en: 'Data' },
  basemapUrl: { id: 'URL gaya peta dasar daring (opsional)', en: 'Online basemap style URL (optional)' },
  basemapNote: {
    id: 'Peta dasar daring mengirim permintaan ke server lain; data rumah tangga tetap di peramban.',
    en: 'An online basemap sends requests to another server; household data stays in the browser.',
  },
  useOffline: { id: 'Kembali ke luring', en: 'Back to offline' },
} as const;

/** A controls string in the given language. */
export function s(lang: Lang, key: keyof typeof S): string {
  return S[key][lang];
}
