/**
 * Kepulauan Seribu: small irregular islands in the bay, a few per kelurahan, each cut into RWs
 * like slices around a point inside it.
 */
import { apportion, createRng, deriveSeed } from '../rng';
import { signedArea, toKm, toLonLat, type Pt } from './planar';

/** Total land area of Kepulauan Seribu (km²). */
export const SERIBU_KM2 = 8.7;

/** Cluster centres (lon, lat) for the kelurahan of Kepulauan Seribu, in code order. */
const CLUSTERS: readonly Pt[] = [
  [106.6, -5.74],
  [106.555, -5.65],
  [106.575, -5.555],
  [106.635, -5.93],
  [106.6, -5.865],
  [106.52, -5.8],
];

/** Vertices on an island's coast before the cuts are added. */
const COAST_VERTICES = 28;

/** One island kelurahan's RW cells: open lon/lat rings, in RW order. */
export interface IslandKelurahan {
  rwRings: Pt[][];
}

/** A star-shaped island around `centre` (grid km) of the given area: radius as a function of angle. */
function islandShape(rand: () => number, areaKm2: number): (t: number) => number {
  const terms = [2, 3, 5].map((k) => ({
    k,
    a: (0.25 / k) * (0.5 + rand()),
    phase: rand() * 2 * Math.PI,
  }));
  const stretch = 0.5 + 0.4 * rand();
  const tilt = rand() * Math.PI;
  const shape = (t: number): number =>
    (1 + terms.reduce((s, w) => s + w.a * Math.sin(w.k * t + w.phase), 0)) /
    Math.sqrt(1 - stretch * stretch * Math.cos(t - tilt) ** 2 * 0.9);
  const unit = Array.from({ length: 720 }, (_, i) => {
    const t = (i / 720) * 2 * Math.PI;
    return [shape(t) * Math.cos(t), shape(t) * Math.sin(t)] as Pt;
  });
  const scale = Math.sqrt(areaKm2 / signedArea(unit));
  return (t) => scale * shape(t);
}

/**
 * Builds the islands of the Seribu kelurahan (rwCounts in code order): 1-3 islands each, area
 * shared in proportion to RW counts, RWs shared between a kelurahan's islands by island area.
 */
export function buildIslands(rwCounts: readonly number[], seed: number): IslandKelurahan[] {
  const rand = createRng(deriveSeed(seed, 'seribu'));
  const total = rwCounts.reduce((s, x) => s + x, 0);
  return rwCounts.map((rwCount, k) => {
    const cluster = CLUSTERS[k % CLUSTERS.length]!;
    const centre = toKm(cluster[0], cluster[1] - 0.05 * Math.floor(k / CLUSTERS.length));
    const islands = Math.min(rwCount, 1 + Math.floor(rand() * 3));
    const weights = Array.from({ length: islands }, () => 0.3 + rand());
    const wsum = weights.reduce((s, x) => s + x, 0);
    const areas = weights.map((w) => (SERIBU_KM2 * rwCount * w) / (total * wsum));
    const rwPerIsland = apportion(rwCount, weights, 1);
    const rwRings: Pt[][] = [];
    const placed: { c: Pt; r: number }[] = [];
    areas.forEach((area, i) => {
      const radius = islandShape(rand, area);
      let rmax = 0;
      for (let t = 0; t < 2 * Math.PI; t += 0.05) rmax = Math.max(rmax, radius(t));
      let c: Pt = centre;
      for (let attempt = 0; ; attempt++) {
        const a = rand() * 2 * Math.PI;
        const d = i === 0 && attempt === 0 ? 0 : 1 + rand() * (2 + attempt * 0.2);
        c = [centre[0] + d * Math.cos(a), centre[1] + d * Math.sin(a)];
        if (placed.every((o) => Math.hypot(o.c[0] - c[0], o.c[1] - c[1]) > o.r + rmax + 0.3)) break;
      }
      placed.push({ c, r: rmax });
      const n = rwPerIsland[i]!;
      const nv = Math.max(COAST_VERTICES, 3 * n);
      const start = rand() * 2 * Math.PI;
      const coast = Array.from({ length: nv }, (_, j) => {
        const t = start + (j / nv) * 2 * Math.PI;
        return toLonLat([c[0] + radius(t) * Math.cos(t), c[1] + radius(t) * Math.sin(t)]);
      });
      if (n === 1) {
        rwRings.push(coast);
        return;
      }
      const hub = toLonLat(c);
      let from = 0;
      for (const m of apportion(
        nv,
        Array.from({ length: n }, () => 0.6 + rand()),
        3,
      )) {
        const ring: Pt[] = [hub];
        for (let j = 0; j <= m; j++) ring.push(coast[(from + j) % nv]!);
        rwRings.push(ring);
        from += m;
      }
    });
    return { rwRings };
  });
}
