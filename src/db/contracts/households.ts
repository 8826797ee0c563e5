/**
 * The households table: one row per anonymized registry household (data/README.md is the prose
 * version of this contract). Column names here are the whitelist every SQL builder draws from.
 */

/** DuckDB column types used by the contract. */
export type ColumnType =
  'VARCHAR' | 'BOOLEAN' | 'TINYINT' | 'SMALLINT' | 'INTEGER' | 'REAL' | 'DATE';

/** One column of a contract table. */
export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Unit or meaning of the value, in English. */
  readonly unit: string;
  /** Allowed values for categorical columns. */
  readonly values?: readonly string[];
  /** Inclusive numeric range. */
  readonly range?: readonly [number, number];
  /** Optional columns may be missing from an import; they are then NULL. */
  readonly optional?: boolean;
  /** NULL allowed in a present column. */
  readonly nullable?: boolean;
}

export const HEAD_AGE_BANDS = ['u30', '30_44', '45_59', '60_plus'] as const;
export const HEAD_WORK = ['tidak_bekerja', 'informal', 'formal'] as const;
export const FLOOR_MATERIALS = ['keramik', 'semen', 'kayu_murah', 'bambu', 'tanah'] as const;
export const WALL_MATERIALS = ['tembok', 'tembok_tanpa_plester', 'kayu', 'bambu'] as const;
export const ROOF_MATERIALS = ['beton', 'genteng', 'seng', 'asbes', 'rumbia'] as const;
export const WATER_SOURCES = [
  'ledeng',
  'air_kemasan',
  'sumur_terlindung',
  'sumur_tak_terlindung',
  'sungai',
] as const;
export const SANITATION = ['sendiri', 'bersama', 'umum', 'tidak_ada'] as const;
export const TENURE = ['milik', 'sewa', 'kontrak', 'rusunawa', 'menumpang'] as const;
export const VALIDATION_STATUS = [
  'belum',
  'valid',
  'tidak_layak',
  'pindah',
  'meninggal',
  'tidak_ditemukan',
] as const;

/** Every column of the households table, in file order. */
export const HOUSEHOLD_COLUMNS = [
  { name: 'hh_id', type: 'VARCHAR', unit: 'random anonymous id (never an NIK or KK number)' },
  { name: 'rw_code', type: 'VARCHAR', unit: 'RW key PP.KK.CC.DDDD.RRR' },
  {
    name: 'rt_number',
    type: 'SMALLINT',
    unit: 'RT number within the RW',
    range: [1, 99],
    optional: true,
  },
  {
    name: 'desil',
    type: 'TINYINT',
    unit: 'national welfare decile, 1 = poorest 10 %',
    range: [1, 10],
  },
  { name: 'members', type: 'TINYINT', unit: 'persons', range: [1, 30] },
  {
    name: 'expenditure_per_capita',
    type: 'INTEGER',
    unit: 'Rp per person per month',
    range: [0, 100_000_000],
  },
  { name: 'head_female', type: 'BOOLEAN', unit: 'household head is a woman', optional: true },
  {
    name: 'head_age_band',
    type: 'VARCHAR',
    unit: 'age band of the head',
    values: HEAD_AGE_BANDS,
    optional: true,
  },
  {
    name: 'head_work',
    type: 'VARCHAR',
    unit: 'work of the head',
    values: HEAD_WORK,
    optional: true,
  },
  { name: 'ktp_dki', type: 'BOOLEAN', unit: 'head holds a Jakarta ID card (KTP DKI)' },
  { name: 'toddlers', type: 'TINYINT', unit: 'persons aged 0–4', range: [0, 15] },
  {
    name: 'children_0_6',
    type: 'TINYINT',
    unit: 'persons aged 0–6 (includes toddlers)',
    range: [0, 15],
  },
  { name: 'school_age', type: 'TINYINT', unit: 'persons aged 6–21', range: [0, 20] },
  { name: 'elderly', type: 'TINYINT', unit: 'persons aged 60+', range: [0, 10] },
  { name: 'disabled', type: 'TINYINT', unit: 'persons with a disability', range: [0, 10] },
  { name: 'pus', type: 'BOOLEAN', unit: 'has a couple of reproductive age (wife 15–49)' },
  { name: 'kb_active', type: 'BOOLEAN', unit: 'the couple uses family planning (only when pus)' },
  { name: 'floor_area_m2', type: 'REAL', unit: 'm² of dwelling floor', range: [0, 10_000] },
  { name: 'floor_material', type: 'VARCHAR', unit: 'main floor material', values: FLOOR_MATERIALS },
  { name: 'wall_material', type: 'VARCHAR', unit: 'main wall material', values: WALL_MATERIALS },
  { name: 'roof_material', type: 'VARCHAR', unit: 'main roof material', values: ROOF_MATERIALS },
  {
    name: 'water_source',
    type: 'VARCHAR',
    unit: 'main drinking water source',
    values: WATER_SOURCES,
  },
  { name: 'sanitation', type: 'VARCHAR', unit: 'toilet facility', values: SANITATION },
  { name: 'tenure', type: 'VARCHAR', unit: 'dwelling tenure', values: TENURE, optional: true },
  { name: 'kjp_plus', type: 'TINYINT', unit: 'children receiving KJP Plus', range: [0, 20] },
  {
    name: 'kjmu',
    type: 'TINYINT',
    unit: 'students receiving KJMU',
    range: [0, 10],
    optional: true,
  },
  {
    name: 'kartu_anak',
    type: 'TINYINT',
    unit: 'children receiving Kartu Anak Jakarta',
    range: [0, 15],
  },
  {
    name: 'kartu_lansia',
    type: 'TINYINT',
    unit: 'elderly receiving Kartu Lansia Jakarta',
    range: [0, 10],
  },
  { name: 'kartu_disabilitas', type: 'TINYINT', unit: 'persons receiving KPDJ', range: [0, 10] },
  {
    name: 'kpar',
    type: 'TINYINT',
    unit: 'children receiving KPARJ',
    range: [0, 15],
    optional: true,
  },
  {
    name: 'pbi_jkn',
    type: 'BOOLEAN',
    unit: 'state-paid health insurance (PBI JKN)',
    optional: true,
  },
  { name: 'subsidi_pangan', type: 'BOOLEAN', unit: 'receives subsidised food', optional: true },
  { name: 'pmt_balita', type: 'TINYINT', unit: 'toddlers receiving PMT', range: [0, 15] },
  { name: 'pmt_lansia', type: 'TINYINT', unit: 'elderly receiving PMT', range: [0, 10] },
  {
    name: 'pelatihan_kerja',
    type: 'BOOLEAN',
    unit: 'a member joined job-skills training',
    optional: true,
  },
  { name: 'jakpreneur', type: 'BOOLEAN', unit: 'a member joined Jakpreneur', optional: true },
  {
    name: 'validation_status',
    type: 'VARCHAR',
    unit: 'field validation outcome',
    values: VALIDATION_STATUS,
  },
  {
    name: 'validated_on',
    type: 'DATE',
    unit: 'date of the field visit',
    nullable: true,
    optional: true,
  },
] as const satisfies readonly ColumnSpec[];

/** Name of a households column. */
export type HouseholdColumn = (typeof HOUSEHOLD_COLUMNS)[number]['name'];

/** One household row as the generator and tests build it in JS. */
export interface HouseholdRow {
  hh_id: string;
  rw_code: string;
  rt_number: number;
  desil: number;
  members: number;
  expenditure_per_capita: number;
  head_female: boolean;
  head_age_band: (typeof HEAD_AGE_BANDS)[number];
  head_work: (typeof HEAD_WORK)[number];
  ktp_dki: boolean;
  toddlers: number;
  children_0_6: number;
  school_age: number;
  elderly: number;
  disabled: number;
  pus: boolean;
  kb_active: boolean;
  floor_area_m2: number;
  floor_material: (typeof FLOOR_MATERIALS)[number];
  wall_material: (typeof WALL_MATERIALS)[number];
  roof_material: (typeof ROOF_MATERIALS)[number];
  water_source: (typeof WATER_SOURCES)[number];
  sanitation: (typeof SANITATION)[number];
  tenure: (typeof TENURE)[number];
  kjp_plus: number;
  kjmu: number;
  kartu_anak: number;
  kartu_lansia: number;
  kartu_disabilitas: number;
  kpar: number;
  pbi_jkn: boolean;
  subsidi_pangan: boolean;
  pmt_balita: number;
  pmt_lansia: number;
  pelatihan_kerja: boolean;
  jakpreneur: boolean;
  validation_status: (typeof VALIDATION_STATUS)[number];
  /** ISO date `YYYY-MM-DD` or null when not yet visited. */
  validated_on: string | null;
}
