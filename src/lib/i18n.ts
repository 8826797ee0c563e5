/** A tiny typed dictionary: Indonesian (default, the source of keys) and English. */

/** Interface languages. */
export const LANGS = ['id', 'en'] as const;
/** An interface language. */
export type Lang = (typeof LANGS)[number];
/** The default language. */
export const DEFAULT_LANG: Lang = 'id';

/** Type guard for a language code. */
export function isLang(x: unknown): x is Lang {
  return x === 'id' || x === 'en';
}

/** BCP 47 locale for Intl formatting. */
export const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-US' };

const id = {
  'app.title': 'Sasaran',
  'app.subtitle': 'Peta kebutuhan dan jangkauan program per RW, DKI Jakarta',
  'app.syntheticNotice': 'DATA SINTETIS — bukan data rumah tangga yang sebenarnya',
  'app.source': 'Sumber: {source}',

  'loading.start': 'Memulai…',
  'loading.engine': 'Memuat mesin basis data…',
  'loading.households': 'Memuat data rumah tangga…',
  'loading.geometry': 'Memuat batas wilayah…',
  'loading.aggregate': 'Menghitung indikator…',
  'loading.ready': 'Siap',

  'level.provinsi': 'Provinsi',
  'level.kota': 'Kota/Kabupaten',
  'level.kecamatan': 'Kecamatan',
  'level.kelurahan': 'Kelurahan',
  'level.rw': 'RW',

  'method.label': 'Klasifikasi',
  'method.quantile': 'Kuantil',
  'method.equal': 'Interval sama',
  'method.jenks': 'Jenks (natural breaks)',
  'method.manual': 'Manual',
  'method.classes': 'Jumlah kelas',

  'legend.noData': 'tidak ada data',
  'legend.suppressed': 'disembunyikan (kurang dari {k} rumah tangga)',
  'legend.lockProvince': 'batas kelas dikunci ke provinsi',
  'legend.lockManual': 'batas kelas manual',
  'legend.lockNone': 'batas kelas tidak dikunci',
  'legend.areas': '{n} wilayah',
  'legend.areasOne': '{n} wilayah',
  'legend.suppressedList': 'Wilayah yang disembunyikan ({n})',
  'legend.noDataList': 'Wilayah tanpa data ({n})',
  'legend.onlyValue': 'hanya {value}',

  'tooltip.rank': 'peringkat {rank} dari {n} wilayah setingkat',
  'tooltip.households': 'rumah tangga',

  'filter.title': 'Filter',
  'filter.kota': 'Kota',
  'filter.kecamatan': 'Kecamatan',
  'filter.all': 'Semua',
  'filter.ktp': 'KTP DKI',
  'filter.ktp.all': 'semua',
  'filter.ktp.yes': 'ya',
  'filter.ktp.no': 'tidak',
  'filter.kumuh': 'Tingkat kumuh',
  'filter.reset': 'Hapus filter',

  'kumuh.tidak': 'tidak kumuh',
  'kumuh.sangat_ringan': 'sangat ringan',
  'kumuh.ringan': 'ringan',
  'kumuh.sedang': 'sedang',
  'kumuh.berat': 'berat',

  'control.indicator': 'Indikator',
  'control.period': 'Periode',
  'control.minCell': 'Ukuran sel minimum (rumah tangga)',
  'control.basemap': 'Peta dasar',
  'control.basemapOffline': 'luring (tanpa peta dasar)',

  'search.placeholder': 'Cari kota, kecamatan, kelurahan atau RW…',
  'search.noResults': 'Tidak ditemukan',

  'breadcrumb.root': 'DKI Jakarta',
  'breadcrumb.label': 'Lokasi',

  'panel.compare': 'Dibandingkan dengan wilayah induk dan provinsi',
  'panel.desil': 'Sebaran desil',
  'panel.coverage': 'Cakupan program',
  'panel.eligibleReached': 'Layak vs terjangkau',
  'panel.validation': 'Kemajuan validasi lapangan',
  'panel.keyCounts': 'Angka kunci',
  'panel.close': 'Tutup panel',

  'lang.switch': 'Bahasa',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'unit.households': 'rumah tangga',
  'unit.persons': 'jiwa',
  'unit.fraction': '%',
  'unit.rp': 'rupiah',
  'unit.count': 'jumlah',
  'unit.rw': 'RW',

  'error.title': 'Terjadi kesalahan',
  'error.loadData': 'Data gagal dimuat: {message}',
  'error.noWebgl': 'Peramban ini tidak mendukung WebGL, jadi peta tidak dapat ditampilkan.',
  'error.badUrl': 'Pengaturan “{field}” di alamat tidak valid ({value}); memakai nilai bawaan.',
  'error.query': 'Perhitungan gagal: {message}',
  'error.retry': 'Coba lagi',

  'app.drill': 'Telusuri ke {level}',
  'app.drillHint': 'Klik dua kali pada wilayah untuk menelusuri; klik untuk memilih.',
  'app.offFrame': '↖ Kepulauan Seribu (di luar bingkai peta)',
  'app.offFrameTitle': 'Tampilkan Kepulauan Seribu, yang terletak jauh di Teluk Jakarta',
  'app.status': '{households} rumah tangga terdata · perhitungan {ms} md',
  'app.tableCaption': '{indicator} per {level}',
  'app.tableTitle': 'Tabel wilayah',
  'app.mapLabel': 'Peta {indicator} per {level}',
  'app.noAreas': 'Filter dan wilayah yang dipilih tidak saling beririsan: tidak ada wilayah untuk ditampilkan.',
  'app.syntheticBoundaries': 'Batas wilayah sintetis (bukan batas resmi)',
  'app.period': 'Garis kemiskinan {period}',
  'app.skip': 'Lewati ke peta',
  'app.tabs': 'Panel samping',
  'app.tab.area': 'Wilayah',
  'app.tab.ranking': 'Peringkat',
  'app.tab.import': 'Impor data',
} as const;

/** Message keys (the Indonesian dictionary is their source). */
export type MessageKey = keyof typeof id;

/** The English dictionary must have exactly the Indonesian keys (an extra or missing key fails typecheck). */
const en: { readonly [K in MessageKey]: string } = {
  'app.title': 'Sasaran',
  'app.subtitle': 'Map of need and program reach per RW, DKI Jakarta',
  'app.syntheticNotice': 'SYNTHETIC DATA — not real household records',
  'app.source': 'Source: {source}',

  'loading.start': 'Starting…',
  'loading.engine': 'Loading the database engine…',
  'loading.households': 'Loading household records…',
  'loading.geometry': 'Loading area boundaries…',
  'loading.aggregate': 'Computing indicators…',
  'loading.ready': 'Ready',

  'level.provinsi': 'Province',
  'level.kota': 'City/Regency',
  'level.kecamatan': 'District (kecamatan)',
  'level.kelurahan': 'Sub-district (kelurahan)',
  'level.rw': 'RW',

  'method.label': 'Classification',
  'method.quantile': 'Quantile',
  'method.equal': 'Equal interval',
  'method.jenks': 'Jenks (natural breaks)',
  'method.manual': 'Manual',
  'method.classes': 'Number of classes',

  'legend.noData': 'no data',
  'legend.suppressed': 'suppressed (fewer than {k} households)',
  'legend.lockProvince': 'breaks locked to province',
  'legend.lockManual': 'manual breaks',
  'legend.lockNone': 'breaks not locked',
  'legend.areas': '{n} areas',
  'legend.areasOne': '{n} area',
  'legend.suppressedList': 'Suppressed areas ({n})',
  'legend.noDataList': 'Areas without data ({n})',
  'legend.onlyValue': 'only {value}',

  'tooltip.rank': 'rank {rank} among {n} siblings',
  'tooltip.households': 'households',

  'filter.title': 'Filters',
  'filter.kota': 'City',
  'filter.kecamatan': 'District',
  'filter.all': 'All',
  'filter.ktp': 'KTP DKI',
  'filter.ktp.all': 'all',
  'filter.ktp.yes': 'yes',
  'filter.ktp.no': 'no',
  'filter.kumuh': 'Slum grade',
  'filter.reset': 'Clear filters',

  'kumuh.tidak': 'not a slum',
  'kumuh.sangat_ringan': 'very light',
  'kumuh.ringan': 'light',
  'kumuh.sedang': 'moderate',
  'kumuh.berat': 'heavy',

  'control.indicator': 'Indicator',
  'control.period': 'Period',
  'control.minCell': 'Minimum cell size (households)',
  'control.basemap': 'Basemap',
  'control.basemapOffline': 'offline (no basemap)',

  'search.placeholder': 'Search city, district, kelurahan or RW…',
  'search.noResults': 'Nothing found',

  'breadcrumb.root': 'DKI Jakarta',
  'breadcrumb.label': 'Location',

  'panel.compare': 'Compared with parent area and province',
  'panel.desil': 'Desil distribution',
  'panel.coverage': 'Program coverage',
  'panel.eligibleReached': 'Eligible vs reached',
  'panel.validation': 'Field validation progress',
  'panel.keyCounts': 'Key counts',
  'panel.close': 'Close panel',

  'lang.switch': 'Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'unit.households': 'households',
  'unit.persons': 'persons',
  'unit.fraction': '%',
  'unit.rp': 'rupiah',
  'unit.count': 'count',
  'unit.rw': 'RW',

  'error.title': 'Something went wrong',
  'error.loadData': 'Data failed to load: {message}',
  'error.noWebgl': 'This browser does not support WebGL, so the map cannot be shown.',
  'error.badUrl': 'The “{field}” setting in the address is invalid ({value}); using the default.',
  'error.query': 'Computation failed: {message}',
  'error.retry': 'Try again',

  'app.drill': 'Drill down to {level}',
  'app.drillHint': 'Double-click an area to drill down; click to select.',
  'app.offFrame': '↖ Kepulauan Seribu (outside the map frame)',
  'app.offFrameTitle': 'Show Kepulauan Seribu, far out in Jakarta Bay',
  'app.status': '{households} registry households · computed in {ms} ms',
  'app.tableCaption': '{indicator} by {level}',
  'app.tableTitle': 'Area table',
  'app.mapLabel': 'Map of {indicator} by {level}',
  'app.noAreas': 'The chosen filters and area do not overlap: there is no area to show.',
  'app.syntheticBoundaries': 'Synthetic boundaries (not official)',
  'app.period': 'Poverty line {period}',
  'app.skip': 'Skip to the map',
  'app.tabs': 'Side panel',
  'app.tab.area': 'Area',
  'app.tab.ranking': 'Ranking',
  'app.tab.import': 'Import data',
};

/** Both dictionaries, keyed by language. */
export const messages: { readonly id: typeof id; readonly en: typeof en } = { id, en };

/** Placeholder names in a message template, e.g. 'a {k} b {n}' → 'k' | 'n'. */
export type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;

/** Parameters a key needs: none, or an object with one value per placeholder. */
export type MessageParams<K extends MessageKey> = [ParamNames<(typeof id)[K]>] extends [never]
  ? []
  : [params: Record<ParamNames<(typeof id)[K]>, string | number>];

/** Translates a key, filling `{name}` placeholders from params (numbers are inserted as given; format them first). */
export function t<K extends MessageKey>(lang: Lang, key: K, ...params: MessageParams<K>): string {
  const template: string = messages[lang][key];
  const values = params[0] as Record<string, string | number> | undefined;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** The placeholder names found in a template string, sorted (used to check both languages agree). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
