/**
 * The people of each RW: population, all households, a latent deprivation score and the slum
 * grade (kumuh). Calibration targets are the facts of /work/shared/DOMAIN.md; where DOMAIN.md is
 * silent the assumption is named next to the constant.
 */
import { KUMUH_LEVELS, type KumuhLevel } from '../../src/db/contracts';
import { apportion, createRng, deriveSeed, normal, type Rng } from './rng';

/** Where an RW is: the fields of an rw.geojson feature that the profile needs. */
export interface RwSite {
  rw_code: string;
  kelurahan_code: string;
  rw_number: number;
  /** km² */
  area_km2: number;
  /** [lon, lat], WGS84 */
  centroid: readonly [number, number];
}

/** One RW with its residents and latent scores. */
export interface RwProfile extends RwSite {
  /** Kemendagri kota code, e.g. `31.72`. */
  kota_code: string;
  /** Kemendagri kecamatan code, e.g. `31.72.01`. */
  kecamatan_code: string;
  /** persons (all residents) */
  population: number;
  /** all households, not only the registry */
  households: number;
  kumuh_level: KumuhLevel;
  /** Latent deprivation, about N(0, 1) over the city; higher is poorer. Spatially smooth. */
  deprivation: number;
}

/** Registry size that matches the real city scale (DTKS desil 1–4 plus leakage), households. */
export const REFERENCE_REGISTRY_HOUSEHOLDS = 700_000;

/** Population of DKI Jakarta (BPS projection), persons. */
export const JAKARTA_POPULATION = 10_700_000;

/**
 * Population shares of the kota: the 2020 census counts (SP2020, rounded), an assumption since
 * DOMAIN.md gives only the province total.
 */
export const KOTA_POPULATION_2020: Readonly<Record<string, number>> = {
  '31.01': 27_700,
  '31.71': 1_056_900,
  '31.72': 1_779_000,
  '31.73': 2_434_500,
  '31.74': 2_226_800,
  '31.75': 3_037_100,
};

/** Extreme-poverty rate of people by kota, Mar 2022 (BPS DKI, DOMAIN.md), fraction. */
export const KOTA_EXTREME_RATE_2022: Readonly<Record<string, number>> = {
  '31.01': 0.0149,
  '31.71': 0.005,
  '31.72': 0.0194,
  '31.73': 0.0042,
  '31.74': 0.0112,
  '31.75': 0.0061,
};

/**
 * RW kumuh per kota (445 in all, BPS 2017). Pusat 98, Barat 92 and Kep. Seribu 7 are facts; the
 * other 248 are spread over Utara, Timur and Selatan by assumption, Utara most.
 */
export const KUMUH_PER_KOTA: Readonly<Record<string, number>> = {
  '31.01': 7,
  '31.71': 98,
  '31.72': 117,
  '31.73': 92,
  '31.74': 55,
  '31.75': 76,
};

/** RW kumuh per grade (BPS 2017): 15 berat, 99 sedang, 205 ringan, 126 sangat ringan. */
export const KUMUH_PER_GRADE: Readonly<Record<Exclude<KumuhLevel, 'tidak'>, number>> = {
  berat: 15,
  sedang: 99,
  ringan: 205,
  sangat_ringan: 126,
};

/** Mean household size of all residents (BPS Jakarta ≈ 3.4), persons. */
const MEAN_HOUSEHOLD_SIZE = 3.4;
/** Km per degree of latitude. */
const KM_PER_DEGREE = 110.6;
/** Number of Gaussian bumps in the smooth deprivation field. */
const BUMPS = 40;

/** Kota code of an RW code (`31.72.01.1001.003` → `31.72`). */
export function kotaOf(rwCode: string): string {
  return rwCode.slice(0, 5);
}

/** Kecamatan code of an RW or kelurahan code (`31.72.01.1001.003` → `31.72.01`). */
export function kecamatanOf(code: string): string {
  return code.slice(0, 8);
}

/** City-scale factor of a registry of `households` rows: 1 at 700k. */
export function cityScale(households: number): number {
  return households / REFERENCE_REGISTRY_HOUSEHOLDS;
}

/**
 * The deprivation field: a sum of seeded Gaussian bumps (σ 1.2–4.5 km) over the mainland RW
 * centroids, standardised, plus a kota effect ∝ log of the kota's extreme-poverty rate and a
 * little RW noise; neighbours therefore share their deprivation.
 */
function deprivationField(sites: readonly RwSite[], rng: Rng): Float64Array {
  const n = sites.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [lon, lat] = sites[i]!.centroid;
    x[i] = (lon - 106.8) * KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
    y[i] = (lat + 6.2) * KM_PER_DEGREE;
  }
  const mainland = sites.flatMap((s, i) => (kotaOf(s.rw_code) === '31.01' ? [] : [i]));
  const field = new Float64Array(n);
  for (let b = 0; b < BUMPS && mainland.length > 0; b++) {
    const c = mainland[Math.floor(rng() * mainland.length)]!;
    const sigma = 1.2 + 3.3 * rng();
    const amp = normal(rng);
    const k = 1 / (2 * sigma * sigma);
    for (const i of mainland) {
      const dx = x[i]! - x[c]!;
      const dy = y[i]! - y[c]!;
      field[i]! += amp * Math.exp(-(dx * dx + dy * dy) * k);
    }
  }
  let sum = 0;
  let sq = 0;
  for (const i of mainland) sum += field[i]!;
  const mean = sum / Math.max(1, mainland.length);
  for (const i of mainland) sq += (field[i]! - mean) ** 2;
  const sd = Math.sqrt(sq / Math.max(1, mainland.length)) || 1;
  const meanExtreme = 0.009;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const kota = kotaOf(sites[i]!.rw_code);
    const kotaEffect = 0.45 * Math.log((KOTA_EXTREME_RATE_2022[kota] ?? meanExtreme) / meanExtreme);
    const smooth = kota === '31.01' ? 0.3 * normal(rng) : (field[i]! - mean) / sd;
    out[i] = 0.85 * smooth + kotaEffect + 0.3 * normal(rng);
  }
  return out;
}

/** Indices of `idx` sorted by descending score (ties by index, so deterministic). */
function topBy(idx: readonly number[], score: Float64Array): number[] {
  return [...idx].sort((a, b) => score[b]! - score[a]! || a - b);
}

/**
 * Picks exactly the 445 RW kumuh: per kota the quota of KUMUH_PER_KOTA among the most deprived
 * RWs (deprivation plus noise, so not a hard cut), then grades them by deprivation plus noise,
 * the heaviest grades going to the most deprived.
 */
function assignKumuh(sites: readonly RwSite[], dep: Float64Array, rng: Rng): KumuhLevel[] {
  const levels: KumuhLevel[] = sites.map(() => 'tidak');
  const pick = new Float64Array(sites.length);
  for (let i = 0; i < sites.length; i++) pick[i] = dep[i]! + 0.55 * normal(rng);
  const chosen: number[] = [];
  for (const [kota, quota] of Object.entries(KUMUH_PER_KOTA)) {
    const idx = sites.flatMap((s, i) => (kotaOf(s.rw_code) === kota ? [i] : []));
    chosen.push(...topBy(idx, pick).slice(0, Math.min(quota, idx.length)));
  }
  const grade = new Float64Array(sites.length);
  for (const i of chosen) grade[i] = dep[i]! + 0.45 * normal(rng);
  const order = topBy(chosen, grade);
  const heavyFirst = [...KUMUH_LEVELS]
    .reverse()
    .filter((l): l is Exclude<KumuhLevel, 'tidak'> => l !== 'tidak');
  let at = 0;
  for (const level of heavyFirst) {
    for (let j = 0; j < KUMUH_PER_GRADE[level] && at < order.length; j++)
      levels[order[at++]!] = level;
  }
  return levels;
}

/**
 * Builds the profile of every RW (in the order given). `scale` multiplies the city's population
 * (1 = 10.7 M people); RW populations follow the 2020 kota shares, vary log-normally (σ 0.22) and
 * are a little larger where deprivation is high (crowding); household size is 3.4 on average,
 * larger in deprived RWs.
 */
export function buildRwProfiles(sites: readonly RwSite[], seed: number, scale = 1): RwProfile[] {
  const rng = createRng(deriveSeed(seed, 'rw-profile'));
  const dep = deprivationField(sites, rng);
  const kumuh = assignKumuh(sites, dep, rng);
  const size = sites.map((_, i) => Math.exp(0.22 * normal(rng) + 0.08 * dep[i]!));
  const population = new Array<number>(sites.length).fill(0);
  const totalShare = Object.values(KOTA_POPULATION_2020).reduce((s, x) => s + x, 0);
  for (const [kota, count] of Object.entries(KOTA_POPULATION_2020)) {
    const idx = sites.flatMap((s, i) => (kotaOf(s.rw_code) === kota ? [i] : []));
    if (idx.length === 0) continue;
    const total = Math.round((JAKARTA_POPULATION * scale * count) / totalShare);
    const parts = apportion(
      total,
      idx.map((i) => size[i]!),
      total >= idx.length ? 1 : 0,
    );
    idx.forEach((i, j) => (population[i] = parts[j]!));
  }
  return sites.map((s, i) => {
    const hhSize = MEAN_HOUSEHOLD_SIZE * Math.exp(0.06 * normal(rng) + 0.05 * dep[i]!);
    const pop = population[i]!;
    return {
      ...s,
      kota_code: kotaOf(s.rw_code),
      kecamatan_code: kecamatanOf(s.rw_code),
      population: pop,
      households: pop > 0 ? Math.max(1, Math.round(pop / hhSize)) : 0,
      kumuh_level: kumuh[i]!,
      deprivation: dep[i]!,
    };
  });
}

/**
 * Moran's I of `values` at `points` ([lon, lat]) over each point's k nearest neighbours
 * (row-standardised weights): > 0 when neighbours resemble each other. A check, O(n²).
 */
export function moransI(
  points: readonly { centroid: readonly [number, number] }[],
  values: readonly number[],
  k = 6,
): number {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const z = values.map((v) => v - mean);
  const denom = z.reduce((s, v) => s + v * v, 0);
  let num = 0;
  for (let i = 0; i < n; i++) {
    const [xi, yi] = points[i]!.centroid;
    const best: { j: number; d: number }[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = (points[j]!.centroid[0] - xi) ** 2 + (points[j]!.centroid[1] - yi) ** 2;
      if (best.length === k && d >= best[k - 1]!.d) continue;
      best.push({ j, d });
      best.sort((a, b) => a.d - b.d);
      if (best.length > k) best.pop();
    }
    for (const { j } of best) num += (z[i]! * z[j]!) / best.length;
  }
  return num / denom;
}
