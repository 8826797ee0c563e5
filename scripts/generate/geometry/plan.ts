/**
 * The planned layout of the five mainland kota on a 100 m raster: which kota each pixel belongs
 * to (tuned to the real kota areas) and how many RW centres per km² it should hold.
 */
import { createRng, deriveSeed } from '../rng';
import { createWaves, toKm, type Pt } from './planar';

/** Mainland kota codes in plan order (index = label). */
export const MAINLAND_KOTA = ['31.71', '31.72', '31.73', '31.74', '31.75'] as const;

/** Real land area per mainland kota (km²), in MAINLAND_KOTA order. */
export const MAINLAND_KOTA_KM2 = [48, 146, 129, 141, 188] as const;

const PUSAT = 0;
const UTARA = 1;
const BARAT = 2;
const SELATAN = 3;
const TIMUR = 4;

/** Raster step (km). */
const STEP = 0.1;
/** Distance (km) over which RW density falls by e from the centre around Monas. */
const DENSITY_FALLOFF_KM = 14;
const CITY_CENTRE = toKm(106.83, -6.178);

/** The planning raster: row-major from (x0, y0), pixel centres at x0 + (i + 0.5) * step. */
export interface Plan {
  x0: number;
  y0: number;
  step: number;
  nx: number;
  ny: number;
  /** Kota index per pixel (MAINLAND_KOTA order), -1 off the mainland. */
  label: Int8Array;
  /** Planned RW centres per km² (off the mainland: the city-wide mean). */
  density: Float64Array;
}

/** Pixel index of a grid point, or -1 outside the raster. */
export function pixelAt(plan: Plan, p: Pt): number {
  const i = Math.floor((p[0] - plan.x0) / plan.step);
  const j = Math.floor((p[1] - plan.y0) / plan.step);
  return i < 0 || j < 0 || i >= plan.nx || j >= plan.ny ? -1 : j * plan.nx + i;
}

/** Kota label at a grid point (-1 off the mainland or the raster). */
export function labelAt(plan: Plan, p: Pt): number {
  const k = pixelAt(plan, p);
  return k < 0 ? -1 : plan.label[k]!;
}

/** Planned density at a grid point (the raster's background value off it). */
export function densityAt(plan: Plan, p: Pt): number {
  const k = pixelAt(plan, p);
  return k < 0 ? plan.density[0]! : plan.density[k]!;
}

/** Finds x in [lo, hi] where the increasing function f crosses target (bisection). */
function solve(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Lays out the mainland kota inside the outline (open ring, grid km) with rwPerKota centres
 * each (MAINLAND_KOTA order): Utara a coastal strip, Pusat a blob around Monas, Barat, Selatan
 * and Timur a noisy power diagram, each tuned to its real area within about 1 %.
 */
export function planKota(outline: readonly Pt[], rwPerKota: readonly number[]): Plan {
  const rand = createRng(deriveSeed(0, 'kota-plan'));
  const xs = outline.map((p) => p[0]);
  const ys = outline.map((p) => p[1]);
  const margin = 4;
  const x0 = Math.min(...xs) - margin;
  const y0 = Math.min(...ys) - margin;
  const nx = Math.ceil((Math.max(...xs) + margin - x0) / STEP);
  const ny = Math.ceil((Math.max(...ys) + margin - y0) / STEP);
  const n = nx * ny;
  const inside = new Uint8Array(n);
  for (let j = 0; j < ny; j++) {
    const y = y0 + (j + 0.5) * STEP;
    const cuts: number[] = [];
    for (let a = 0, b = outline.length - 1; a < outline.length; b = a++) {
      const [xa, ya] = outline[a]!;
      const [xb, yb] = outline[b]!;
      if (ya > y !== yb > y) cuts.push(xa + ((y - ya) * (xb - xa)) / (yb - ya));
    }
    cuts.sort((p, q) => p - q);
    for (let c = 0; c + 1 < cuts.length; c += 2) {
      const from = Math.max(0, Math.ceil((cuts[c]! - x0) / STEP - 0.5));
      const to = Math.min(nx - 1, Math.floor((cuts[c + 1]! - x0) / STEP - 0.5));
      for (let i = from; i <= to; i++) inside[j * nx + i] = 1;
    }
  }
  const centre = (k: number): Pt => [
    x0 + ((k % nx) + 0.5) * STEP,
    y0 + (Math.floor(k / nx) + 0.5) * STEP,
  ];
  const land: number[] = [];
  for (let k = 0; k < n; k++) if (inside[k]) land.push(k);
  const pixelKm2 = STEP * STEP;

  // Utara: everything north of a wavy line running from about 6.14 S in the west to 6.165 S in the east.
  const utaraWave = createWaves(rand, 3, 6, 14);
  const utaraLine = (p: Pt): number => 5.25 - 0.088 * p[0] + 0.7 * utaraWave(p);
  const isUtara = (p: Pt, c: number): boolean => p[1] > utaraLine(p) + c;
  const utaraArea = (c: number): number =>
    land.filter((k) => isUtara(centre(k), c)).length * pixelKm2;
  const cU = solve((c) => -utaraArea(c), -MAINLAND_KOTA_KM2[UTARA], -6, 6);

  // Pusat: a lumpy disc around Monas.
  const pusatCentre = toKm(106.835, -6.178);
  const phase = [rand() * 2 * Math.PI, rand() * 2 * Math.PI];
  const pusatRadius = (p: Pt): number => {
    const t = Math.atan2(p[1] - pusatCentre[1], p[0] - pusatCentre[0]);
    return 1 + 0.12 * Math.sin(2 * t + phase[0]!) + 0.07 * Math.sin(3 * t + phase[1]!);
  };
  const rest = land.filter((k) => !isUtara(centre(k), cU));
  const isPusat = (p: Pt, r0: number): boolean =>
    Math.hypot(p[0] - pusatCentre[0], p[1] - pusatCentre[1]) < r0 * pusatRadius(p);
  const r0 = solve(
    (r) => rest.filter((k) => isPusat(centre(k), r)).length * pixelKm2,
    MAINLAND_KOTA_KM2[PUSAT],
    0,
    20,
  );

  // Barat, Selatan, Timur: a power diagram with wavy borders, weights tuned to the areas.
  const outer = rest.filter((k) => !isPusat(centre(k), r0));
  const anchors = [toKm(106.735, -6.175), toKm(106.8, -6.29), toKm(106.905, -6.24)];
  const waves = anchors.map(() => createWaves(rand, 3, 5, 12));
  const base = outer.map((k) => {
    const p = centre(k);
    return anchors.map((a, i) => (p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2 + 25 * waves[i]!(p));
  });
  const weights = [0, 0, 0];
  const pick = (s: number[]): number => {
    let best = 0;
    for (let i = 1; i < 3; i++) if (s[i]! - weights[i]! < s[best]! - weights[best]!) best = i;
    return best;
  };
  const targets = [MAINLAND_KOTA_KM2[BARAT], MAINLAND_KOTA_KM2[SELATAN], MAINLAND_KOTA_KM2[TIMUR]];
  for (let it = 0; it < 300; it++) {
    const areas = [0, 0, 0];
    for (const s of base) areas[pick(s)]! += pixelKm2;
    for (let i = 0; i < 3; i++) weights[i]! += 0.5 * (targets[i]! - areas[i]!);
  }

  const label = new Int8Array(n).fill(-1);
  for (const k of land) label[k] = isUtara(centre(k), cU) ? UTARA : PUSAT;
  outer.forEach((k, i) => (label[k] = [BARAT, SELATAN, TIMUR][pick(base[i]!)]!));

  const falloff = (k: number): number => {
    const p = centre(k);
    return Math.exp(-Math.hypot(p[0] - CITY_CENTRE[0], p[1] - CITY_CENTRE[1]) / DENSITY_FALLOFF_KM);
  };
  const mass = MAINLAND_KOTA.map(() => 0);
  for (const k of land) mass[label[k]!]! += falloff(k) * pixelKm2;
  const meanDensity = rwPerKota.reduce((s, x) => s + x, 0) / (land.length * pixelKm2);
  const density = new Float64Array(n).fill(meanDensity);
  for (const k of land) density[k] = (rwPerKota[label[k]!]! / mass[label[k]!]!) * falloff(k);
  return { x0, y0, step: STEP, nx, ny, label, density };
}
