/** Planar helpers for the synthetic geometry, in a local kilometre grid around Jakarta. */

/** A point [x, y]: kilometres east and north of the grid origin, or [lon, lat] in degrees. */
export type Pt = [number, number];

const LON0 = 106.83;
const LAT0 = -6.2;
const KX = 111.32 * Math.cos((LAT0 * Math.PI) / 180);
const KY = 110.574;

/** Projects WGS84 lon/lat (degrees) to the local grid (km east/north of 106.83 E, 6.2 S). */
export const toKm = (lon: number, lat: number): Pt => [(lon - LON0) * KX, (lat - LAT0) * KY];

/** Inverse of toKm: grid kilometres to [lon, lat] degrees. */
export const toLonLat = (p: Pt): Pt => [LON0 + p[0] / KX, LAT0 + p[1] / KY];

/** Rounds a coordinate to 6 decimals (about 0.1 m), the precision of every output vertex. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Signed area of an open ring (positive when counter-clockwise), in squared ring units. */
export function signedArea(ring: readonly Pt[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return s / 2;
}

/** Whether p lies inside the open ring (even-odd rule). */
export function pointInRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  const [x, y] = p;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Nearest point of the closed ring to p: its distance, the segment index and the foot. */
export function nearestOnRing(p: Pt, ring: readonly Pt[]): { d: number; seg: number; foot: Pt } {
  let best = { d: Infinity, seg: -1, foot: p };
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t =
      len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
    const foot: Pt = [a[0] + t * dx, a[1] + t * dy];
    const d = Math.hypot(p[0] - foot[0], p[1] - foot[1]);
    if (d < best.d) best = { d, seg: i, foot };
  }
  return best;
}

/** Whether segments ab and cd properly cross (shared endpoints do not count). */
export function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o = (p: Pt, q: Pt, r: Pt): number =>
    (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = o(a, b, c);
  const d2 = o(a, b, d);
  const d3 = o(c, d, a);
  const d4 = o(c, d, b);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** A smooth seeded noise field in [-1, 1]: the mean of a few plane waves. */
export function createWaves(
  rand: () => number,
  count: number,
  minWavelength: number,
  maxWavelength: number,
): (p: Pt) => number {
  const waves = Array.from({ length: count }, () => {
    const angle = rand() * 2 * Math.PI;
    const k = (2 * Math.PI) / (minWavelength + rand() * (maxWavelength - minWavelength));
    return { kx: k * Math.cos(angle), ky: k * Math.sin(angle), phase: rand() * 2 * Math.PI };
  });
  return (p) =>
    waves.reduce((s, w) => s + Math.sin(w.kx * p[0] + w.ky * p[1] + w.phase), 0) / count;
}
