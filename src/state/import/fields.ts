/**
 * What each kind of import needs (its fields) and the column names people use for them, in
 * Indonesian and English; the automatic mapping from a file's headers to fields, with a
 * remembered mapping taking precedence.
 */
import {
  HOUSEHOLD_COLUMNS,
  KUMUH_LEVELS,
  UPGRADING_COLUMNS,
  type ColumnSpec,
} from '../../db/contracts';
import { normaliseHeader } from './privacy';

/** The kinds of import. */
export type ImportRole = 'households' | 'upgrading' | 'kelurahan' | 'rw';

/** All roles, in the order the tables load. */
export const IMPORT_ROLES: readonly ImportRole[] = ['kelurahan', 'rw', 'households', 'upgrading'];

/** A field an import can fill: a contract column, or a location helper used to build codes. */
export interface FieldSpec {
  readonly name: string;
  /** Contract column spec (type, range, allowed values); location helpers have none. */
  readonly spec?: ColumnSpec;
  /** Header names (normalised) that map to this field, best first. */
  readonly synonyms: readonly string[];
  /** Whether the import fails when this field is not mapped (location fields are checked as a group). */
  readonly required: boolean;
  /** The field holds an area name (exempt from the person-name content test). */
  readonly areaName?: boolean;
}

const LOCATION: Record<string, readonly string[]> = {
  kelurahan_code: [
    'kelurahan_code', 'kode_kel', 'kode_kelurahan', 'kd_kel', 'kd_kelurahan', 'kode_desa', 'kd_desa',
    'kode_desa_kel', 'kode_kel_desa', 'kdkel', 'kddesa', 'kodekel', 'kodedesa', 'id_kel', 'id_kelurahan',
    'id_desa', 'kode_kemendagri', 'kdepum', 'kode_wilayah',
  ],
  kelurahan_name: [
    'kelurahan_name', 'kelurahan', 'nama_kelurahan', 'nama_kel', 'nm_kel', 'kel', 'desa_kelur',
    'desa_kelurahan', 'kelurahan_desa', 'nama_desa', 'desa', 'wadmkd', 'namobj',
  ],
  kecamatan_name: ['kecamatan_name', 'kecamatan', 'nama_kecamatan', 'nama_kec', 'nm_kec', 'kec', 'wadmkc', 'kecamatan_code', 'kode_kec', 'kode_kecamatan'],
  rw_number: ['rw_number', 'rw', 'no_rw', 'nomor_rw', 'nmr_rw', 'rw_no', 'norw'],
};

const HOUSEHOLD_SYNONYMS: Record<string, readonly string[]> = {
  hh_id: ['hh_id', 'id_ruta', 'idruta', 'id_rumah_tangga', 'household_id', 'id_keluarga', 'id_rt_anonim', 'id'],
  rw_code: ['rw_code', 'kode_rw', 'kd_rw', 'id_rw'],
  rt_number: ['rt_number', 'rt', 'no_rt', 'nomor_rt', 'nmr_rt'],
  desil: ['desil', 'decile', 'desil_kesejahteraan', 'peringkat_desil', 'desil_nasional'],
  members: ['members', 'jumlah_art', 'jml_art', 'jumlah_anggota', 'jumlah_anggota_keluarga', 'jumlah_anggota_rumah_tangga', 'household_size', 'art'],
  expenditure_per_capita: ['expenditure_per_capita', 'pengeluaran_per_kapita', 'pengeluaran_perkapita', 'pengeluaran_kapita', 'expenditure', 'pengeluaran'],
  head_female: ['head_female', 'krt_perempuan', 'kepala_perempuan', 'kepala_rt_perempuan'],
  head_age_band: ['head_age_band', 'kelompok_umur_krt', 'umur_krt'],
  head_work: ['head_work', 'pekerjaan_krt', 'status_kerja_krt'],
  ktp_dki: ['ktp_dki', 'ber_ktp_dki', 'punya_ktp_dki', 'ktpdki'],
  toddlers: ['toddlers', 'balita', 'jumlah_balita', 'jml_balita'],
  children_0_6: ['children_0_6', 'anak_0_6', 'jumlah_anak_0_6', 'jml_anak_0_6'],
  school_age: ['school_age', 'usia_sekolah', 'anak_usia_sekolah', 'jumlah_usia_sekolah'],
  elderly: ['elderly', 'lansia', 'jumlah_lansia', 'jml_lansia'],
  disabled: ['disabled', 'disabilitas', 'penyandang_disabilitas', 'jumlah_disabilitas', 'jml_disabilitas'],
  pus: ['pus', 'pasangan_usia_subur'],
  kb_active: ['kb_active', 'kb_aktif', 'peserta_kb', 'ber_kb'],
  floor_area_m2: ['floor_area_m2', 'luas_lantai', 'luas_lantai_m2', 'floor_area'],
  floor_material: ['floor_material', 'jenis_lantai', 'lantai'],
  wall_material: ['wall_material', 'jenis_dinding', 'dinding'],
  roof_material: ['roof_material', 'jenis_atap', 'atap'],
  water_source: ['water_source', 'sumber_air_minum', 'sumber_air'],
  sanitation: ['sanitation', 'fasilitas_bab', 'jamban', 'sanitasi'],
  tenure: ['tenure', 'status_kepemilikan', 'status_rumah', 'status_tempat_tinggal'],
  kjp_plus: ['kjp_plus', 'kjp', 'penerima_kjp'],
  kjmu: ['kjmu', 'penerima_kjmu'],
  kartu_anak: ['kartu_anak', 'kaj', 'kartu_anak_jakarta'],
  kartu_lansia: ['kartu_lansia', 'klj', 'kartu_lansia_jakarta'],
  kartu_disabilitas: ['kartu_disabilitas', 'kpdj'],
  kpar: ['kpar', 'kparj'],
  pbi_jkn: ['pbi_jkn', 'pbi'],
  subsidi_pangan: ['subsidi_pangan', 'pangan'],
  pmt_balita: ['pmt_balita'],
  pmt_lansia: ['pmt_lansia'],
  pelatihan_kerja: ['pelatihan_kerja', 'pelatihan'],
  jakpreneur: ['jakpreneur'],
  validation_status: ['validation_status', 'status_validasi', 'hasil_validasi'],
  validated_on: ['validated_on', 'tanggal_validasi', 'tgl_validasi'],
};

const UPGRADING_SYNONYMS: Record<string, readonly string[]> = {
  rw_code: HOUSEHOLD_SYNONYMS.rw_code ?? [],
  stage: ['stage', 'tahap', 'tahapan'],
  year: ['year', 'tahun', 'tahun_anggaran', 'ta'],
  status: ['status', 'status_kegiatan', 'status_pelaksanaan'],
  budget_idr: ['budget_idr', 'anggaran', 'nilai_anggaran', 'pagu', 'anggaran_rp', 'budget'],
};

const POPULATION = ['population', 'jumlah_penduduk', 'penduduk', 'jml_penduduk', 'jumlah_pen', 'jml_pddk', 'jiwa', 'jumlah_jiwa'];
const HOUSEHOLDS = ['households', 'jumlah_kk', 'jml_kk', 'jumlah_rumah_tangga', 'jumlah_ruta', 'jml_ruta', 'rumah_tangga'];

function location(withRw: boolean): FieldSpec[] {
  const out: FieldSpec[] = [
    { name: 'kelurahan_code', synonyms: LOCATION.kelurahan_code ?? [], required: false },
    { name: 'kelurahan_name', synonyms: LOCATION.kelurahan_name ?? [], required: false, areaName: true },
    { name: 'kecamatan_name', synonyms: LOCATION.kecamatan_name ?? [], required: false, areaName: true },
  ];
  if (withRw) out.push({ name: 'rw_number', synonyms: LOCATION.rw_number ?? [], required: false });
  return out;
}

function contractFields(columns: readonly ColumnSpec[], synonyms: Record<string, readonly string[]>): FieldSpec[] {
  return columns.map((spec) => ({
    name: spec.name,
    spec,
    synonyms: synonyms[spec.name] ?? [spec.name],
    // rw_code may instead be built from the location fields.
    required: !spec.optional && spec.name !== 'rw_code',
  }));
}

/** The fields of each role. */
export const ROLE_FIELDS: Record<ImportRole, readonly FieldSpec[]> = {
  households: [...contractFields(HOUSEHOLD_COLUMNS, HOUSEHOLD_SYNONYMS), ...location(true)],
  upgrading: [...contractFields(UPGRADING_COLUMNS, UPGRADING_SYNONYMS), ...location(true)],
  kelurahan: [
    ...location(false),
    { name: 'population', synonyms: POPULATION, required: false },
    { name: 'households', synonyms: HOUSEHOLDS, required: false },
  ],
  rw: [
    { name: 'rw_code', synonyms: HOUSEHOLD_SYNONYMS.rw_code ?? [], required: false },
    ...location(true),
    { name: 'population', synonyms: POPULATION, required: false },
    { name: 'households', synonyms: HOUSEHOLDS, required: false },
    { name: 'kumuh_level', synonyms: ['kumuh_level', 'tingkat_kumuh', 'kategori_kumuh', 'kumuh', 'klasifikasi_kumuh'], required: false },
  ],
};

/** Allowed `kumuh_level` values (for the RW import). */
export const KUMUH_VALUES: readonly string[] = KUMUH_LEVELS;

/** A mapping from field name to the file's header that fills it (null = not in the file). */
export type Mapping = Readonly<Record<string, string | null>>;

/**
 * Maps headers to the role's fields: a remembered mapping first (when its header is in the file),
 * then exact synonyms, each header used at most once.
 */
export function autoMap(role: ImportRole, headers: readonly string[], remembered: Mapping = {}): Record<string, string | null> {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normaliseHeader(h))) byNorm.set(normaliseHeader(h), h);
  const used = new Set<string>();
  const out: Record<string, string | null> = {};
  const fields = ROLE_FIELDS[role];
  for (const f of fields) {
    const r = remembered[f.name];
    if (r && headers.includes(r) && !used.has(r)) {
      out[f.name] = r;
      used.add(r);
    }
  }
  // Synonym rank first across fields, so `rw` goes to rw_number before `kode_rw` is considered twice.
  const maxRank = Math.max(...fields.map((f) => f.synonyms.length));
  for (let rank = 0; rank < maxRank; rank++) {
    for (const f of fields) {
      if (out[f.name] !== undefined) continue;
      const syn = f.synonyms[rank];
      const h = syn === undefined ? undefined : byNorm.get(syn);
      if (h !== undefined && !used.has(h)) {
        out[f.name] = h;
        used.add(h);
      }
    }
  }
  for (const f of fields) out[f.name] ??= null;
  return out;
}

/**
 * Which tabular role a header set is: an upgrading list has stage and year; a household file has
 * desil or member counts. Null when neither fits.
 */
export function tabularRole(headers: readonly string[]): 'households' | 'upgrading' | null {
  const up = autoMap('upgrading', headers);
  const hh = autoMap('households', headers);
  const upScore = ['stage', 'year', 'status'].filter((f) => up[f]).length;
  const hhScore = ['desil', 'members', 'expenditure_per_capita', 'hh_id', 'ktp_dki'].filter((f) => hh[f]).length;
  if (upScore >= 2 && upScore >= hhScore) return 'upgrading';
  if (hhScore >= 1) return 'households';
  if (upScore >= 1) return 'upgrading';
  return null;
}

/** Whether a GeoJSON's properties describe RWs (an RW number or key) rather than kelurahan. */
export function boundaryRole(headers: readonly string[]): 'kelurahan' | 'rw' {
  const m = autoMap('rw', headers);
  return m.rw_number || m.rw_code ? 'rw' : 'kelurahan';
}
