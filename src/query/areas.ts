/** SQL for the `areas` table: every area of every level with its name and parent. */
import type { Level } from '../db/contracts/areas';

/** Province code of DKI Jakarta. */
export const PROVINCE_CODE = '31';
/** Province name. */
export const PROVINCE_NAME = 'DKI Jakarta';

/** Builds `areas(code, level, name, parent_code)` from the kelurahan and rw tables. */
export function buildAreasSql(): string {
  return `CREATE OR REPLACE TABLE areas AS
SELECT '${PROVINCE_CODE}' AS code, 'provinsi' AS level, '${PROVINCE_NAME}' AS name, NULL::VARCHAR AS parent_code
UNION ALL SELECT DISTINCT kota_code, 'kota', kota_name, '${PROVINCE_CODE}' FROM kelurahan
UNION ALL SELECT DISTINCT kecamatan_code, 'kecamatan', kecamatan_name, kota_code FROM kelurahan
UNION ALL SELECT kelurahan_code, 'kelurahan', kelurahan_name, kecamatan_code FROM kelurahan
UNION ALL SELECT rw_code, 'rw', 'RW ' || lpad(rw_number::VARCHAR, 3, '0'), kelurahan_code FROM rw`;
}

/** The level of an area code, from its shape (`31`, `31.71`, `31.71.01`, `31.71.01.1001`, `….003`). */
export function levelOfCode(code: string): Level | null {
  if (/^31$/.test(code)) return 'provinsi';
  if (/^31\.\d{2}$/.test(code)) return 'kota';
  if (/^31\.\d{2}\.\d{2}$/.test(code)) return 'kecamatan';
  if (/^31\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return 'kelurahan';
  if (/^31\.\d{2}\.\d{2}\.\d{4}\.\d{3}$/.test(code)) return 'rw';
  return null;
}

/** The level below, or null at RW. */
export function childLevel(level: Level): Level | null {
  const order: Level[] = ['provinsi', 'kota', 'kecamatan', 'kelurahan', 'rw'];
  return order[order.indexOf(level) + 1] ?? null;
}

/** Codes of the ancestors of an area, from the province down (excluding the area itself). */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}

const NAME_CHAIN: Record<Level, Level[]> = {
  provinsi: ['provinsi'],
  kota: ['kota'],
  kecamatan: ['kota', 'kecamatan'],
  kelurahan: ['kota', 'kecamatan', 'kelurahan'],
  rw: ['kota', 'kecamatan', 'kelurahan', 'rw'],
};

/**
 * SELECT of `<level>_code` plus code and name columns of the area and all its ancestors
 * (e.g. for rw: kota_code, kota_name, kecamatan_code, …, rw_code, rw_name), from `areas`.
 */
export function buildAreaNamesSql(level: Level): string {
  const chain = NAME_CHAIN[level];
  const alias = (l: Level): string => `a_${l}`;
  const cols = chain.flatMap((l) => [`${alias(l)}.code AS ${l}_code`, `${alias(l)}.name AS ${l}_name`]);
  const joins: string[] = [];
  for (let i = chain.length - 2; i >= 0; i--) {
    const child = chain[i + 1]!;
    const parent = chain[i]!;
    joins.push(`JOIN areas ${alias(parent)} ON ${alias(parent)}.code = ${alias(child)}.parent_code`);
  }
  return `SELECT ${cols.join(', ')} FROM areas ${alias(level)} ${joins.join(' ')} WHERE ${alias(level)}.level = '${level}'`;
}
