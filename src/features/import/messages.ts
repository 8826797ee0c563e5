/**
 * Import messages in Indonesian and English: what happened, where, and how to fix it. Values of
 * columns that look like identifiers never reach these texts (the pipeline does not pass them).
 */
import type { Lang } from '../../lib/i18n';
import type { ImportCode, ImportMessage } from '../../state/import/messages';

type Texts = Readonly<Record<ImportCode, { readonly id: string; readonly en: string }>>;

const M: Texts = {
  empty: {
    id: '{file} kosong. Pilih berkas yang berisi data, atau ekspor ulang dari sumbernya.',
    en: '{file} is empty. Choose a file that holds data, or export it again from its source.',
  },
  binary: {
    id: '{file} bukan berkas teks (berisi data biner). Simpan sebagai CSV (UTF-8), Parquet atau GeoJSON.',
    en: '{file} is not a text file (it contains binary data). Save it as CSV (UTF-8), Parquet or GeoJSON.',
  },
  unsupported: {
    id: '{file} berformat yang tidak bisa dibaca ({format}). Gunakan CSV, Parquet, GeoJSON atau shapefile dalam zip.',
    en: '{file} is in a format Sasaran cannot read ({format}). Use CSV, Parquet, GeoJSON or a zipped shapefile.',
  },
  xlsx: {
    id: '{file} adalah buku kerja Excel. Buka di Excel, pilih Simpan Sebagai → "CSV UTF-8", lalu impor berkas CSV itu.',
    en: '{file} is an Excel workbook. Open it in Excel, choose Save As → "CSV UTF-8", then import that CSV.',
  },
  csvBroken: {
    id: '{file} tidak bisa dibaca sebagai CSV: {detail}. Periksa tanda kutip di baris {line}.',
    en: '{file} cannot be read as CSV: {detail}. Check the quotes on line {line}.',
  },
  noRows: {
    id: '{file} hanya berisi judul kolom, tanpa baris data.',
    en: '{file} has a header but no data rows.',
  },
  oneColumn: {
    id: '{file} hanya punya satu kolom ("{header}"). Pemisah kolom harus koma, titik koma, tab atau garis tegak.',
    en: '{file} has only one column ("{header}"). Columns must be separated by commas, semicolons, tabs or bars.',
  },
  duplicateHeader: {
    id: '{file}: kolom "{header}" muncul dua kali. Ganti nama salah satunya.',
    en: '{file}: column "{header}" appears twice. Rename one of them.',
  },
  unknownRole: {
    id: '{file}: isi tabel tidak dikenali. Rumah tangga perlu kolom seperti desil dan jumlah_art; daftar penataan kampung perlu tahap dan tahun.',
    en: '{file}: cannot tell what this table is. Households need columns such as desil and jumlah_art; an upgrading list needs tahap (stage) and tahun (year).',
  },
  parquetBroken: {
    id: '{file} bukan Parquet yang terbaca ({detail}). Ekspor ulang, atau simpan sebagai CSV.',
    en: '{file} is not readable Parquet ({detail}). Export it again, or save it as CSV.',
  },
  parquetUnavailable: {
    id: '{file}: pembaca Parquet tidak tersedia. Simpan sebagai CSV.',
    en: '{file}: the Parquet reader is not available. Save it as CSV.',
  },
  invalidJson: {
    id: '{file} bukan JSON yang sah ({detail}). Berkas mungkin terpotong; ekspor ulang.',
    en: '{file} is not valid JSON ({detail}). The file may be cut short; export it again.',
  },
  notFeatureCollection: {
    id: '{file} bukan GeoJSON FeatureCollection. Ekspor batas wilayah sebagai GeoJSON (bukan TopoJSON).',
    en: '{file} is not a GeoJSON FeatureCollection. Export the boundaries as GeoJSON (not TopoJSON).',
  },
  noFeatures: {
    id: '{file} tidak berisi fitur (wilayah) apa pun.',
    en: '{file} contains no features (areas).',
  },
  shapefileBroken: {
    id: '{file}: shapefile rusak ({detail}). Ekspor ulang, atau simpan sebagai GeoJSON.',
    en: '{file}: the shapefile is damaged ({detail}). Export it again, or save it as GeoJSON.',
  },
  shapefileNoDbf: {
    id: '{file}: ada {shp} tetapi tanpa berkas .dbf (atribut). Masukkan .shp, .dbf dan .shx bersama dalam satu zip.',
    en: '{file}: {shp} has no .dbf (attributes) next to it. Put the .shp, .dbf and .shx together in one zip.',
  },
  encoding: {
    id: '{file} dibaca dengan penyandian {encoding}.',
    en: '{file} was read as {encoding}.',
  },
  delimiter: {
    id: '{file}: kolom dipisah dengan "{delimiter}".',
    en: '{file}: columns are separated by "{delimiter}".',
  },
  commaDecimals: {
    id: '{file}: angka dibaca dengan koma desimal dan titik ribuan ({columns}).',
    en: '{file}: numbers read with decimal commas and thousands dots ({columns}).',
  },
  missingField: {
    id: '{file}: kolom untuk "{field}" tidak ada. Pilih kolomnya di pemetaan di bawah, atau tambahkan kolom bernama {names}.',
    en: '{file}: no column for "{field}". Pick its column in the mapping below, or add a column named {names}.',
  },
  noLocation: {
    id: '{file}: lokasi tidak ada. Perlu kolom kode RW (rw_code), atau kode/nama kelurahan beserta nomor RW.',
    en: '{file}: no location. It needs an RW key column (rw_code), or the kelurahan code or name with the RW number.',
  },
  identifierDropped: {
    id: '{file}: kolom "{header}" tampak seperti {kind} (dari {by}) dan dibuang; nilainya tidak disimpan atau ditampilkan.',
    en: '{file}: column "{header}" looks like {kind} (by its {by}) and was dropped; its values are not stored or shown.',
  },
  identifierMapped: {
    id: '{file}: kolom "{header}" tampak seperti {kind}, tetapi dipetakan ke "{field}". Impor ditolak: ganti dengan id acak atau pilih kolom lain.',
    en: '{file}: column "{header}" looks like {kind} but is mapped to "{field}". Import refused: replace it with random ids or pick another column.',
  },
  identifierValues: {
    id: '{file}: {count} nilai di kolom "{field}" tampak seperti {kind} (pertama di baris data {row}). Impor ditolak: id rumah tangga harus acak.',
    en: '{file}: {count} values of column "{field}" look like {kind} (first at data row {row}). Import refused: household ids must be random.',
  },
  pointsRefused: {
    id: '{file} berisi {count} titik. Lokasi titik rumah tangga tidak diterima (privasi), dan batas wilayah harus berupa poligon.',
    en: '{file} contains {count} points. Point locations of households are not accepted (privacy), and boundaries must be polygons.',
  },
  projected: {
    id: '{file}: koordinat tampak dalam meter sistem proyeksi (mis. UTM zona 48S, EPSG:32748): x {x}, y {y}. Ekspor ulang sebagai WGS 84 bujur/lintang (EPSG:4326).',
    en: '{file}: coordinates look like metres of a projected system (e.g. UTM zone 48S, EPSG:32748): x {x}, y {y}. Export again as WGS 84 longitude/latitude (EPSG:4326).',
  },
  swapped: {
    id: '{file}: lintang dan bujur tertukar; sudah dibalik otomatis.',
    en: '{file}: latitude and longitude were swapped; they have been swapped back.',
  },
  outside: {
    id: '{file}: wilayah berada di luar Jakarta (bujur {x}, lintang {y}). Periksa apakah ini berkas yang benar.',
    en: '{file}: the areas lie outside Jakarta (longitude {x}, latitude {y}). Check that this is the right file.',
  },
  invalidGeometry: {
    id: '{file}: {count} fitur punya geometri tidak sah ({first}). Perbaiki di aplikasi GIS, atau centang "lewati geometri tidak sah".',
    en: '{file}: {count} features have invalid geometry ({first}). Fix them in a GIS, or tick "skip invalid geometry".',
  },
  invalidGeometrySkipped: {
    id: '{file}: {count} fitur dengan geometri tidak sah dilewati ({first}).',
    en: '{file}: {count} features with invalid geometry were skipped ({first}).',
  },
  noValidGeometry: {
    id: '{file}: tidak ada fitur dengan geometri poligon yang sah ({first}).',
    en: '{file}: no feature has a valid polygon geometry ({first}).',
  },
  duplicateFeatures: {
    id: '{file}: {count} fitur mengulang wilayah yang sama dan digabung.',
    en: '{file}: {count} features repeat an area and were merged into it.',
  },
  unmatchedFeatures: {
    id: '{file}: {count} fitur tidak cocok dengan kode atau nama Kemendagri dan dilewati: {examples}.',
    en: '{file}: {count} features match no Kemendagri code or name and were skipped: {examples}.',
  },
  noMatchedFeatures: {
    id: '{file}: tidak ada fitur yang cocok dengan kode atau nama wilayah Kemendagri ({examples}). Pilih kolom kode (mis. KODE_DESA) atau nama (mis. DESA_KELUR) di pemetaan.',
    en: '{file}: no feature matches a Kemendagri area code or name ({examples}). Pick the code column (e.g. KODE_DESA) or the name column (e.g. DESA_KELUR) in the mapping.',
  },
  unmatchedAreas: {
    id: '{file}: {count} kelurahan tidak punya batas di berkas ini: {examples}.',
    en: '{file}: {count} kelurahan have no boundary in this file: {examples}.',
  },
  missingFill: {
    id: '{file}: jumlah penduduk dan rumah tangga tidak diketahui untuk {count} RW ({examples}). Tambahkan kolom jumlah_penduduk dan jumlah_kk.',
    en: '{file}: population and household counts are unknown for {count} RW ({examples}). Add columns jumlah_penduduk and jumlah_kk.',
  },
  unknownKelurahan: {
    id: '{file}: {count} baris menyebut kelurahan yang tidak dikenal (pertama di baris data {row}: "{example}"). Gunakan kode Kemendagri (mis. 31.71.01.1001, bukan kode BPS) atau nama kelurahan.',
    en: '{file}: {count} rows name an unknown kelurahan (first at data row {row}: "{example}"). Use Kemendagri codes (e.g. 31.71.01.1001, not BPS codes) or kelurahan names.',
  },
  badRwNumber: {
    id: '{file}: {count} baris punya nomor RW yang tidak terbaca (pertama di baris data {row}: "{example}"). Tulis nomor RW sebagai angka 1–999.',
    en: '{file}: {count} rows have an unreadable RW number (first at data row {row}: "{example}"). Write RW numbers as 1–999.',
  },
  badRwCode: {
    id: '{file}: {count} baris punya kode RW yang salah bentuk (pertama di baris data {row}: "{example}"). Bentuknya 31.71.01.1001.003.',
    en: '{file}: {count} rows have a malformed RW key (first at data row {row}: "{example}"). The form is 31.71.01.1001.003.',
  },
  unknownRwCodes: {
    id: '{file}: {count} baris menunjuk RW yang tidak ada di batas RW (contoh {example}). Impor juga batas RW yang memuatnya, atau perbaiki nomor RW.',
    en: '{file}: {count} rows point to an RW missing from the RW boundaries (e.g. {example}). Import RW boundaries that include it too, or fix the RW number.',
  },
  duplicateIds: {
    id: '{file}: {count} id rumah tangga berulang (pertama di baris data {row}). Setiap rumah tangga perlu id unik.',
    en: '{file}: {count} household ids are repeated (first at data row {row}). Every household needs a unique id.',
  },
  duplicateRw: {
    id: '{file}: {count} RW muncul lebih dari sekali.',
    en: '{file}: {count} RW appear more than once.',
  },
  orphanRw: {
    id: '{file}: {count} RW berada di kelurahan yang tidak ada di batas kelurahan ({examples}). Impor batas kelurahan yang lengkap, atau batas RW yang cocok.',
    en: '{file}: {count} RW lie in kelurahan missing from the kelurahan boundaries ({examples}). Import complete kelurahan boundaries, or matching RW boundaries.',
  },
  badValues: {
    id: '{file}: {count} nilai "{field}" tidak dikenal (pertama di fitur {row}: "{example}"). Gunakan salah satu dari {allowed}.',
    en: '{file}: {count} values of "{field}" are unknown (first at feature {row}: "{example}"). Use one of {allowed}.',
  },
  noFiles: { id: 'Belum ada berkas yang dipilih.', en: 'No file was chosen.' },
  sameRoleTwice: {
    id: '{file} dan {other} sama-sama berisi {role}. Impor satu berkas per jenis.',
    en: '{file} and {other} both hold {role}. Import one file of each kind.',
  },
  ingest: {
    id: '{file} (tabel {table}): {message}',
    en: '{file} (table {table}): {message}',
  },
  quota: {
    id: 'Penyimpanan peramban penuh: data impor tidak bisa disimpan ({detail}). Kosongkan ruang (hapus data situs lain) atau impor berkas yang lebih kecil.',
    en: 'Browser storage is full: the import cannot be kept ({detail}). Free some space (clear other sites\' data) or import smaller files.',
  },
  storage: {
    id: 'Penyimpanan peramban tidak bisa dipakai ({detail}). Mode penjelajahan pribadi dapat menyebabkannya.',
    en: 'Browser storage cannot be used ({detail}). Private browsing can cause this.',
  },
  cancelled: { id: 'Impor dibatalkan. Data sebelumnya tetap dipakai.', en: 'Import cancelled. The previous data is still in use.' },
  failed: {
    id: 'Impor gagal ({detail}). Data sebelumnya tetap dipakai; coba lagi.',
    en: 'The import failed ({detail}). The previous data is still in use; try again.',
  },
  imported: {
    id: 'Impor berhasil: {summary}.',
    en: 'Imported: {summary}.',
  },
  reset: { id: 'Kembali ke data demo.', en: 'Back to the demo data.' },
};

const KINDS: Readonly<Record<string, { readonly id: string; readonly en: string }>> = {
  nik: { id: 'NIK atau nomor KK (16 angka)', en: 'NIK or family-card (KK) numbers (16 digits)' },
  name: { id: 'nama orang', en: 'person names' },
  phone: { id: 'nomor telepon', en: 'phone numbers' },
  email: { id: 'alamat surel', en: 'e-mail addresses' },
  address: { id: 'alamat jalan', en: 'street addresses' },
  birth: { id: 'data kelahiran', en: 'birth data' },
  coordinates: { id: 'koordinat tepat', en: 'precise coordinates' },
};

const FORMATS: Readonly<Record<string, { readonly id: string; readonly en: string }>> = {
  xls: { id: 'Excel 97–2003 .xls', en: 'Excel 97–2003 .xls' },
  pdf: { id: 'PDF', en: 'PDF' },
  image: { id: 'gambar', en: 'an image' },
  zip: { id: 'zip tanpa shapefile', en: 'a zip without a shapefile' },
  json: { id: 'JSON yang bukan GeoJSON', en: 'JSON that is not GeoJSON' },
};

const BY: Readonly<Record<string, { readonly id: string; readonly en: string }>> = {
  name: { id: 'namanya', en: 'name' },
  content: { id: 'isinya', en: 'content' },
};

const ROLES: Readonly<Record<string, { readonly id: string; readonly en: string }>> = {
  households: { id: 'data rumah tangga', en: 'household records' },
  upgrading: { id: 'daftar penataan kampung', en: 'an upgrading list' },
  kelurahan: { id: 'batas kelurahan', en: 'kelurahan boundaries' },
  rw: { id: 'batas RW', en: 'RW boundaries' },
};

/** The text of an import message in a language. */
export function messageText(lang: Lang, m: ImportMessage): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.params)) {
    const s = String(v);
    params[k] =
      k === 'kind'
        ? (KINDS[s]?.[lang] ?? s)
        : k === 'by'
          ? (BY[s]?.[lang] ?? s)
          : k === 'role'
            ? (ROLES[s]?.[lang] ?? s)
            : k === 'format'
              ? (FORMATS[s]?.[lang] ?? s)
              : s;
  }
  return M[m.code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Every code's placeholders agree between the languages (checked by a test). */
export function placeholderSets(): { code: ImportCode; id: string[]; en: string[] }[] {
  const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!).sort();
  return (Object.keys(M) as ImportCode[]).map((code) => ({ code, id: names(M[code].id), en: names(M[code].en) }));
}
