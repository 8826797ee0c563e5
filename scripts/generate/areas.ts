/**
 * The real area hierarchy of DKI Jakarta (codes and names from idn-area-data, extracted to
 * data/areas/jakarta-areas.csv) and the allocation of the 2021 RW counts to kelurahan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apportion, createRng, deriveSeed, normal } from './rng';

/** One kelurahan with its parents, as in the Kemendagri code list. */
export interface KelurahanRecord {
  kota_code: string;
  kota_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  kelurahan_code: string;
  kelurahan_name: string;
}

/** A kelurahan with the number of RWs the demo gives it. */
export interface KelurahanWithRw extends KelurahanRecord {
  rw_count: number;
}

/** RW per kota in 2021 (DOMAIN.md): 2,731 in all. */
export const RW_PER_KOTA: Readonly<Record<string, number>> = {
  '31.01': 24,
  '31.71': 389,
  '31.72': 449,
  '31.73': 586,
  '31.74': 576,
  '31.75': 707,
};

/** Path of the committed area list. */
export const AREAS_CSV = join(import.meta.dirname, '..', '..', 'data', 'areas', 'jakarta-areas.csv');

/** Reads the 267 kelurahan of DKI Jakarta, sorted by code. */
export function readKelurahan(path = AREAS_CSV): KelurahanRecord[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(1).map((line) => {
    const [kota_code, kota_name, kecamatan_code, kecamatan_name, kelurahan_code, kelurahan_name] =
      line.split(',');
    if (!kelurahan_name) throw new Error(`bad line in ${path}: ${line}`);
    return {
      kota_code: kota_code!,
      kota_name: kota_name!,
      kecamatan_code: kecamatan_code!,
      kecamatan_name: kecamatan_name!,
      kelurahan_code: kelurahan_code!,
      kelurahan_name,
    };
  });
}

/**
 * Spreads each kota's RW total over its kelurahan by a seeded log-normal size, at least 3 RW
 * per kelurahan (Kepulauan Seribu: at least 2), so the per-kota totals are exact.
 */
export function allocateRw(kelurahan: readonly KelurahanRecord[], seed: number): KelurahanWithRw[] {
  const rng = createRng(deriveSeed(seed, 'rw-allocation'));
  const sizes = kelurahan.map(() => Math.exp(0.45 * normal(rng)));
  const out: KelurahanWithRw[] = kelurahan.map((k) => ({ ...k, rw_count: 0 }));
  for (const [kota, total] of Object.entries(RW_PER_KOTA)) {
    const idx = kelurahan.flatMap((k, i) => (k.kota_code === kota ? [i] : []));
    const parts = apportion(
      total,
      idx.map((i) => sizes[i]!),
      kota === '31.01' ? 2 : 3,
    );
    idx.forEach((i, j) => (out[i]!.rw_count = parts[j]!));
  }
  return out;
}

/** The RW key: kelurahan code plus the zero-padded RW number, e.g. `31.71.01.1001.003`. */
export function rwCode(kelurahanCode: string, rwNumber: number): string {
  return `${kelurahanCode}.${String(rwNumber).padStart(3, '0')}`;
}
