/** Area tables: kota, kecamatan, kelurahan and RW, with their GeoJSON properties. */
import type { ColumnSpec } from './households';

/** The administrative levels, from the province down to the RW. */
export const LEVELS = ['provinsi', 'kota', 'kecamatan', 'kelurahan', 'rw'] as const;
/** An administrative level. */
export type Level = (typeof LEVELS)[number];

/** Slum grades of an RW (BPS), from none to heavy. */
export const KUMUH_LEVELS = ['tidak', 'sangat_ringan', 'ringan', 'sedang', 'berat'] as const;
/** Slum grade of an RW. */
export type KumuhLevel = (typeof KUMUH_LEVELS)[number];

/** Properties of a kelurahan feature (kelurahan.geojson). */
export interface KelurahanProperties {
  kelurahan_code: string;
  kelurahan_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  kota_code: string;
  kota_name: string;
  /** km² */
  area_km2: number;
  /** persons (all residents) */
  population: number;
  /** all households (not only the registry) */
  households: number;
}

/** Properties of an RW feature (rw.geojson). */
export interface RwProperties {
  rw_code: string;
  kelurahan_code: string;
  rw_number: number;
  /** persons (all residents) */
  population: number;
  /** all households: the denominator of household rates */
  households: number;
  kumuh_level: KumuhLevel;
}

/** Properties of a kecamatan feature (kecamatan.geojson, derived). */
export interface KecamatanProperties {
  kecamatan_code: string;
  kecamatan_name: string;
  kota_code: string;
  kota_name: string;
  area_km2: number;
  population: number;
  households: number;
}

/** Properties of a kota feature (kota.geojson, derived). */
export interface KotaProperties {
  kota_code: string;
  kota_name: string;
  area_km2: number;
  population: number;
  households: number;
}

/** Columns of the `kelurahan` table loaded from kelurahan.geojson properties. */
export const KELURAHAN_COLUMNS = [
  { name: 'kelurahan_code', type: 'VARCHAR', unit: 'Kemendagri code PP.KK.CC.DDDD' },
  { name: 'kelurahan_name', type: 'VARCHAR', unit: 'name' },
  { name: 'kecamatan_code', type: 'VARCHAR', unit: 'Kemendagri code PP.KK.CC' },
  { name: 'kecamatan_name', type: 'VARCHAR', unit: 'name' },
  { name: 'kota_code', type: 'VARCHAR', unit: 'Kemendagri code PP.KK' },
  { name: 'kota_name', type: 'VARCHAR', unit: 'name' },
  { name: 'area_km2', type: 'REAL', unit: 'km²', range: [0, 1000] },
  { name: 'population', type: 'INTEGER', unit: 'persons', range: [0, 10_000_000] },
  { name: 'households', type: 'INTEGER', unit: 'households', range: [0, 5_000_000] },
] as const satisfies readonly ColumnSpec[];

/** Columns of the `rw` table loaded from rw.geojson properties. */
export const RW_COLUMNS = [
  { name: 'rw_code', type: 'VARCHAR', unit: 'RW key PP.KK.CC.DDDD.RRR' },
  { name: 'kelurahan_code', type: 'VARCHAR', unit: 'Kemendagri code PP.KK.CC.DDDD' },
  { name: 'rw_number', type: 'SMALLINT', unit: 'RW number within the kelurahan', range: [1, 999] },
  { name: 'population', type: 'INTEGER', unit: 'persons', range: [0, 1_000_000] },
  {
    name: 'households',
    type: 'INTEGER',
    unit: 'households (all, not only registry)',
    range: [0, 500_000],
  },
  { name: 'kumuh_level', type: 'VARCHAR', unit: 'slum grade', values: KUMUH_LEVELS },
] as const satisfies readonly ColumnSpec[];

/** RW key pattern: kelurahan code plus zero-padded RW number. */
export const RW_CODE_PATTERN = /^31\.\d{2}\.\d{2}\.\d{4}\.\d{3}$/;
/** Kelurahan code pattern (Kemendagri, dotted). */
export const KELURAHAN_CODE_PATTERN = /^31\.\d{2}\.\d{2}\.\d{4}$/;
