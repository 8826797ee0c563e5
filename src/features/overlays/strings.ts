/** Strings of the overlays feature (id/en): its own, plus the legend wording shared with the briefing. */
import type { Lang } from '../../lib/i18n';
import { OVERLAY_LEGEND_STRINGS } from '../../state/overlay-strings';

const S = {
  ...OVERLAY_LEGEND_STRINGS,
  title: { id: 'Lapisan intervensi', en: 'Intervention layers' },
  hint: {
    id: 'Lapisan digambar di atas peta kebutuhan; yang teratas di daftar digambar paling atas.',
    en: 'Layers are drawn over the need map; the top of the list is drawn on top.',
  },
  show: { id: 'Tampilkan {layer}', en: 'Show {layer}' },
  up: { id: 'Naikkan {layer}', en: 'Move {layer} up' },
  down: { id: 'Turunkan {layer}', en: 'Move {layer} down' },
  opacity: { id: 'Opasitas', en: 'Opacity' },
  year: { id: 'Sampai tahun anggaran', en: 'Up to budget year' },
  allYears: { id: 'semua tahun', en: 'all years' },
  card: { id: 'Kartu', en: 'Card' },
  program: { id: 'Program', en: 'Program' },
  upgradingTitle: { id: 'Penataan kampung {year}', en: 'Settlement upgrading {year}' },
  bivariate: { id: 'Mode bivariat: kebutuhan × cakupan', en: 'Bivariate: need × coverage' },
  bivariateOn: { id: 'Warnai peta dengan kebutuhan × cakupan', en: 'Colour the map by need × coverage' },
  need: { id: 'Kebutuhan (sumbu →)', en: 'Need (axis →)' },
  coverage: { id: 'Cakupan program (sumbu ↑)', en: 'Program coverage (axis ↑)' },
  hnlcTitle: { id: 'Kebutuhan tinggi, cakupan rendah', en: 'High need, low coverage' },
  hnlcHint: {
    id: 'Urut dari kebutuhan tertinggi; pilih untuk menyorot di peta.',
    en: 'Highest need first; choose one to select it on the map.',
  },
  hnlcNone: { id: 'Tidak ada wilayah di sel ini.', en: 'No area in this cell.' },
  hnlcMore: { id: '… dan {n} wilayah lainnya', en: '… and {n} more areas' },
  hnlcItem: { id: '{need} kebutuhan, {coverage} cakupan', en: '{need} need, {coverage} coverage' },
  combosTitle: { id: 'Kombinasi program desil 1 di {area}', en: 'Program combinations of desil 1 in {area}' },
  combosNone: { id: 'tanpa program', en: 'no program' },
  combosOther: { id: 'lainnya (kombinasi kecil digabung)', en: 'other (small combinations merged)' },
  combosProgram: { id: 'Program yang menjangkau', en: 'Programs reaching them' },
  combosHouseholds: { id: 'Rumah tangga', en: 'Households' },
  hidden: { id: 'disembunyikan (< {k} rumah tangga)', en: 'hidden (< {k} households)' },
  loading: { id: 'Memuat lapisan…', en: 'Loading layers…' },
  error: { id: 'Lapisan gagal dimuat: {message}', en: 'Layers failed to load: {message}' },
} as const;

/** A key of the overlays strings. */
export type OverlayStringKey = keyof typeof S;

/** An overlays string in `lang`, with `{name}` placeholders filled from `params`. */
export function s(lang: Lang, key: OverlayStringKey, params: Record<string, string> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}
