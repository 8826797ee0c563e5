/**
 * The privacy guard's detectors: columns that look like direct identifiers (NIK, family-card
 * number, person names, phone numbers, e-mail, street addresses, birth dates, precise
 * coordinates), by their name and by their content. Detectors return kinds, never values: the
 * values of such columns must not be displayed, logged or exported.
 */

/** Kinds of direct identifier. */
export type IdentifierKind = 'nik' | 'name' | 'phone' | 'email' | 'address' | 'birth' | 'coordinates';

/** A header reduced for matching: lower case, runs of other characters as `_`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const AREA_WORDS = new Set([
  'kel', 'kelurahan', 'kec', 'kecamatan', 'desa', 'kota', 'kab', 'kabupaten', 'prov', 'provinsi',
  'wilayah', 'program', 'rw', 'rt', 'area', 'daerah', 'obj', 'namobj', 'kegiatan', 'indikator',
]);

const COUNT_WORDS = new Set(['jumlah', 'jml', 'total', 'banyak', 'count', 'n']);

/** The identifier kind a column name suggests, or null. */
export function identifierByName(header: string): IdentifierKind | null {
  const h = normaliseHeader(header);
  const words = h.split('_').filter((w) => w !== '');
  const has = (...ws: string[]): boolean => ws.some((w) => words.includes(w));
  if (has(...COUNT_WORDS)) return null;
  if (has('nik', 'nikkk') || ['ktp', 'no_ktp', 'nomor_ktp', 'noktp'].includes(h) || h.includes('nomor_induk')) return 'nik';
  if (has('kk', 'nokk', 'kartu') && !has('kjp', 'lansia', 'anak', 'disabilitas')) return 'nik';
  if (h.includes('kartu_keluarga')) return 'nik';
  if (has('telp', 'telepon', 'tlp', 'hp', 'handphone', 'phone', 'mobile', 'wa', 'whatsapp', 'ponsel')) return 'phone';
  if (has('email', 'surel', 'mail')) return 'email';
  if (has('alamat', 'address', 'jalan', 'jln', 'street', 'domisili')) return 'address';
  if (has('lahir', 'birth', 'dob', 'birthdate', 'tgl_lahir')) return 'birth';
  if (has('lat', 'lon', 'lng', 'latitude', 'longitude', 'lintang', 'bujur', 'koordinat', 'coord', 'coordinates', 'geotag')) {
    return 'coordinates';
  }
  if (has('nama', 'name', 'nm') && !words.some((w) => AREA_WORDS.has(w))) return 'name';
  if (['krt', 'kepala_keluarga', 'kepala_rumah_tangga', 'nama_kepala', 'ibu_kandung'].includes(h)) return 'name';
  return null;
}

function share(values: readonly string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

const SIXTEEN_DIGITS = /^\d{16}$/;
const PHONE = /^(\+?62|0)8\d{7,11}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const STREET = /(^|\s)(jl|jln|jalan|gg|gang|komplek|komp|perum|perumahan|blok)\.?\s+\S/i;
const WORDY_NAME = /^[\p{L}][\p{L}'.-]*(\s+[\p{L}][\p{L}'.-]*){1,4}$/u;

/** A NIK or KK number as a 16-digit string from text such as `3171 0123…`, `'3171…`, `3.17101E+15`. */
function digitsOf(v: string): string {
  return v.replace(/^'/, '').replace(/[\s.-]/g, '');
}

/** Whether a number (as text) has at least 4 decimals and lies in Jakarta's lat or lon range. */
function preciseJakartaCoordinate(v: string): boolean {
  const s = v.trim().replace(',', '.');
  if (!/^-?\d{1,3}\.\d{4,}$/.test(s)) return false;
  const x = Number(s);
  return (x >= -6.5 && x <= -5.1) || (x >= 106.3 && x <= 107.2);
}

const LAT_LON_PAIR = /^\(?\s*-?\d{1,3}[.,]\d{4,}\s*[,; ]\s*-?\d{1,3}[.,]\d{4,}\s*\)?$/;

/** Options of content detection. */
export interface ContentOptions {
  /** Skip the person-name test (for columns mapped to area names, which are unique words too). */
  readonly allowNames?: boolean;
}

/**
 * The identifier kind the values of a column suggest, or null. `values` is a sample of the
 * column's non-empty cells (a few thousand suffice).
 */
export function identifierByContent(values: readonly string[], options: ContentOptions = {}): IdentifierKind | null {
  const v = values.map((x) => x.trim()).filter((x) => x !== '');
  if (v.length === 0) return null;
  if (share(v, (x) => SIXTEEN_DIGITS.test(digitsOf(x))) >= 0.5) return 'nik';
  if (share(v, (x) => PHONE.test(x.replace(/[\s().-]/g, ''))) >= 0.5) return 'phone';
  if (share(v, (x) => EMAIL.test(x)) >= 0.5) return 'email';
  if (share(v, (x) => STREET.test(x)) >= 0.3) return 'address';
  if (share(v, (x) => LAT_LON_PAIR.test(x)) >= 0.5) return 'coordinates';
  if (share(v, preciseJakartaCoordinate) >= 0.8) return 'coordinates';
  if (!options.allowNames && v.length >= 20) {
    const distinct = new Set(v.map((x) => x.toLowerCase())).size / v.length;
    const wordy = share(v, (x) => WORDY_NAME.test(x) && x.length >= 6);
    if (wordy >= 0.8 && distinct >= 0.8) return 'name';
  }
  return null;
}

/** Whether any single value is a 16-digit number or a phone number: identifiers must not hide in a kept column. */
export function containsIdentifierValue(value: string): IdentifierKind | null {
  const t = value.trim();
  if (SIXTEEN_DIGITS.test(digitsOf(t))) return 'nik';
  if (PHONE.test(t.replace(/[\s().-]/g, ''))) return 'phone';
  if (EMAIL.test(t)) return 'email';
  return null;
}
