/**
 * Legend wording of the intervention overlays and the bivariate map (id/en), shared by the
 * dashboard's overlay legends and the briefing sheet, so both name a layer the same way.
 */
import type { Lang } from '../lib/i18n';

/** The overlay legend strings; `{name}` marks a parameter. */
export const OVERLAY_LEGEND_STRINGS = {
  'layer.upgrading': { id: 'Penataan kampung (RW kumuh, CAP/CIP)', en: 'Settlement upgrading (slum RWs, CAP/CIP)' },
  'layer.kb': { id: 'KB: PUS dan cakupan', en: 'KB: couples and coverage' },
  'layer.pmt_balita': { id: 'PMT balita: sasaran dan cakupan', en: 'PMT toddlers: eligible and coverage' },
  'layer.pmt_lansia': { id: 'PMT lansia: sasaran dan cakupan', en: 'PMT elderly: eligible and coverage' },
  'layer.cards': { id: 'Kartu sosial: cakupan', en: 'Social cards: coverage' },
  'layer.gap': { id: 'Kesenjangan: berhak tapi belum menerima', en: 'Gap: eligible but not reached' },
  'layer.leakage': { id: 'Kebocoran: penerima desil > 4', en: 'Leakage: recipients in desil > 4' },
  'layer.convergence': { id: 'Konvergensi: desil 1 tanpa program', en: 'Convergence: desil 1 reached by none' },
  'layer.validation': { id: 'Verifikasi lapangan: progres', en: 'Field validation: progress' },
  'size.eligible': { id: 'Ukuran: jumlah sasaran berhak', en: 'Size: eligible' },
  'size.gap': { id: 'Ukuran: berhak tetapi belum menerima', en: 'Size: eligible not reached' },
  'size.leak': { id: 'Ukuran: penerima di desil > 4', en: 'Size: recipients in desil > 4' },
  'size.registry': { id: 'Ukuran: rumah tangga terdata', en: 'Size: registry households' },
  colour: { id: 'Warna: {what}', en: 'Colour: {what}' },
  shown: { id: '{n} wilayah bersimbol', en: '{n} areas with a symbol' },
  hatched: { id: 'Arsiran: porsi desil 1 tanpa program', en: 'Hatching: share of desil 1 reached by none' },
  suppressed: { id: '{n} wilayah disembunyikan (< {k} rumah tangga)', en: '{n} areas hidden (< {k} households)' },
  noLeakage: { id: 'KB tidak punya kebocoran (KB untuk semua PUS). Pilih program lain.', en: 'KB has no leakage (KB is for every couple). Choose another program.' },
  'cat.none': { id: 'RW kumuh, belum ada penataan', en: 'Slum RW, no upgrading yet' },
  'cat.planned': { id: 'direncanakan (CAP/CIP)', en: 'planned (CAP/CIP)' },
  'cat.cap': { id: 'CAP berjalan/selesai', en: 'CAP under way/done' },
  'cat.cip': { id: 'CIP berjalan', en: 'CIP under way' },
  'cat.done': { id: 'CIP selesai', en: 'CIP done' },
  grades: { id: 'Tebal garis: tingkat kumuh', en: 'Line width: slum grade' },
  'grade.sangat_ringan': { id: 'sangat ringan', en: 'very light' },
  'grade.ringan': { id: 'ringan', en: 'light' },
  'grade.sedang': { id: 'sedang', en: 'medium' },
  'grade.berat': { id: 'berat', en: 'heavy' },
  'grade.tidak': { id: 'tidak kumuh', en: 'not a slum' },
  upTo: { id: 's.d. {year}', en: 'to {year}' },
  areas: { id: '{n} RW', en: '{n} RWs' },
  bivLegend: { id: 'Kebutuhan × cakupan (tersil)', en: 'Need × coverage (terciles)' },
  bivLow: { id: 'rendah', en: 'low' },
  bivHigh: { id: 'tinggi', en: 'high' },
  bivCell: { id: 'kebutuhan {x}, cakupan {y}: {n} wilayah', en: 'need {x}, coverage {y}: {n} areas' },
  bivBounds: { id: 'Batas tersil {what}: {a} dan {b}', en: 'Tercile bounds of {what}: {a} and {b}' },
} as const;

/** A key of the shared overlay legend strings. */
export type OverlayLegendKey = keyof typeof OVERLAY_LEGEND_STRINGS;

/** An overlay legend string in `lang`, with `{name}` placeholders filled from `params`. */
export function overlayText(lang: Lang, key: OverlayLegendKey, params: Readonly<Record<string, string>> = {}): string {
  return OVERLAY_LEGEND_STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}
