/** Strings of the briefing feature (id/en); `{name}` marks a parameter. */
import type { Lang } from '../../lib/i18n';

const S = {
  open: { id: 'Lembar briefing', en: 'Briefing sheet' },
  openHint: { id: 'Satu halaman A4 untuk pimpinan: PNG, PDF, cetak', en: 'One A4 page for leadership: PNG, PDF, print' },
  dialog: { id: 'Lembar briefing', en: 'Briefing sheet' },
  close: { id: 'Tutup', en: 'Close' },
  titleField: { id: 'Judul', en: 'Title' },
  orientation: { id: 'Orientasi', en: 'Orientation' },
  landscape: { id: 'A4 lanskap', en: 'A4 landscape' },
  portrait: { id: 'A4 potret', en: 'A4 portrait' },
  area: { id: 'Wilayah', en: 'Area' },
  logo: { id: 'Logo instansi (opsional, tidak diunggah)', en: 'Office logo (optional, never uploaded)' },
  removeLogo: { id: 'Hapus logo', en: 'Remove logo' },
  logoError: { id: 'Berkas logo tidak dapat dibaca sebagai gambar.', en: 'The logo file could not be read as an image.' },
  png: { id: 'Unduh PNG', en: 'Download PNG' },
  pdf: { id: 'Unduh PDF', en: 'Download PDF' },
  print: { id: 'Cetak', en: 'Print' },
  exporting: { id: 'Menyiapkan berkas…', en: 'Preparing the file…' },
  exported: { id: 'Berkas {file} sudah dibuat.', en: 'File {file} is ready.' },
  exportError: { id: 'Ekspor gagal: {message}', en: 'Export failed: {message}' },
  loading: { id: 'Memuat angka…', en: 'Loading figures…' },
  noArea: { id: 'Filter wilayah saling bertentangan: tidak ada wilayah untuk lembar ini.', en: 'The area filters contradict each other: no area for this sheet.' },
  defaultTitle: { id: '{indicator} — {area}', en: '{indicator} — {area}' },
  subtitle: {
    id: '{indicator} per {level} di {area} · periode data: garis kemiskinan {period}',
    en: '{indicator} by {level} in {area} · data period: poverty line {period}',
  },
  subtitleFilters: { id: ' · filter: {filters}', en: ' · filters: {filters}' },
  ktpYes: { id: 'ber-KTP DKI', en: 'with a Jakarta ID' },
  ktpNo: { id: 'tanpa KTP DKI', en: 'without a Jakarta ID' },
  kumuh: { id: 'RW kumuh {levels}', en: 'slum grade {levels}' },
  figExtreme: { id: 'Rumah tangga miskin ekstrem', en: 'Extreme-poor households' },
  figExtremeDetail: { id: 'di bawah garis kemiskinan ekstrem', en: 'below the extreme-poverty line' },
  figKb: { id: 'PUS belum ber-KB', en: 'Couples not yet in KB' },
  figPmt: { id: 'Balita belum menerima PMT', en: 'Toddlers without PMT' },
  figGapDetail: { id: '{rate} dari {den} yang berhak', en: '{rate} of {den} eligible' },
  figUpgraded: { id: 'RW kumuh sudah ditata', en: 'Slum RWs upgraded' },
  figUpgradedDetail: { id: 'dari {den} RW kumuh ({rate})', en: 'of {den} slum RWs ({rate})' },
  suppressed: { id: 'disembunyikan', en: 'suppressed' },
  suppressedDetail: { id: 'kurang dari {k} rumah tangga', en: 'fewer than {k} households' },
  noValue: { id: 'tidak ada data', en: 'no data' },
  tableTitleWorse: { id: '{n} {level} dengan nilai tertinggi', en: 'Top {n} {level} (highest values)' },
  tableTitleBetter: { id: '{n} {level} dengan nilai terendah', en: 'Bottom {n} {level} (lowest values)' },
  tableRank: { id: 'No.', en: '#' },
  tableArea: { id: 'Wilayah', en: 'Area' },
  tableValue: { id: 'Nilai', en: 'Value' },
  tableOf: { id: 'dari {n} wilayah bernilai', en: 'of {n} areas with a value' },
  tableEmpty: { id: 'Tidak ada wilayah bernilai.', en: 'No area has a value.' },
  chartTitle: { id: 'Cakupan program di {area}', en: 'Program coverage in {area}' },
  bivNeed: { id: 'kebutuhan', en: 'need' },
  bivCoverage: { id: 'cakupan', en: 'coverage' },
  symbolSize: { id: 'diameter {mm} mm = {value}', en: 'diameter {mm} mm = {value}' },
  legendNote: { id: 'Batas kelas: {method}', en: 'Class breaks: {method}' },
  methodQuantile: { id: 'kuantil', en: 'quantiles' },
  methodJenks: { id: 'Jenks (natural breaks)', en: 'Jenks (natural breaks)' },
  methodEqual: { id: 'interval sama', en: 'equal intervals' },
  methodManual: { id: 'manual', en: 'manual' },
  lockedProvince: { id: ', dikunci ke provinsi', en: ', locked to the province' },
  sourceSynthetic: {
    id: 'Sumber: data demo sintetis Sasaran ({households} rumah tangga, seed {seed}); batas wilayah sintetis',
    en: 'Source: Sasaran synthetic demo data ({households} households, seed {seed}); synthetic boundaries',
  },
  sourceReal: { id: 'Sumber: data rumah tangga yang dimuat ({households} rumah tangga)', en: 'Source: loaded household records ({households} households)' },
  vintage: { id: 'Periode data: garis kemiskinan {period} (Rp {line}/orang/bulan)', en: 'Data period: poverty line {period} (Rp {line} per person per month)' },
  syntheticNotice: { id: 'DATA SINTETIS — bukan data resmi, hanya untuk demonstrasi', en: 'SYNTHETIC DATA — not official figures, for demonstration only' },
  minCell: { id: 'Sel minimum {k} rumah tangga: angka yang lebih kecil disembunyikan', en: 'Minimum cell size {k} households: smaller counts are suppressed' },
  generated: { id: 'Dibuat {datetime} dengan Sasaran', en: 'Generated {datetime} with Sasaran' },
  north: { id: 'U', en: 'N' },
  mapLabel: { id: 'Peta briefing: {indicator}', en: 'Briefing map: {indicator}' },
} as const;

/** A briefing string key. */
export type BriefingKey = keyof typeof S;

/** A briefing string in `lang` with `{name}` parameters filled in. */
export function b(lang: Lang, key: BriefingKey, params: Readonly<Record<string, string>> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}

/** Short program names for the chart. */
export const PROGRAM_SHORT: Readonly<Record<string, { readonly id: string; readonly en: string }>> = {
  kb: { id: 'KB', en: 'KB' },
  pmt_balita: { id: 'PMT balita', en: 'PMT toddlers' },
  pmt_lansia: { id: 'PMT lansia', en: 'PMT elderly' },
  kjp_plus: { id: 'KJP Plus', en: 'KJP Plus' },
  kaj: { id: 'KAJ', en: 'KAJ' },
  klj: { id: 'KLJ', en: 'KLJ' },
  kpdj: { id: 'KPDJ', en: 'KPDJ' },
};
