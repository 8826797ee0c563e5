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
