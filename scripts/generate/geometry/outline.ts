/** The mainland outline of the synthetic Jakarta: a hand-drawn coast and land border, roughened. */
import { createRng, deriveSeed } from '../rng';
import { segmentsCross, signedArea, toKm, type Pt } from './planar';

/** Land area of the five mainland kota (48 + 146 + 129 + 141 + 188 km²). */
export const MAINLAND_KM2 = 652;

/**
 * The outline traced clockwise from the Kamal Muara coast: east along the bay, south along the
 * Bekasi border, west along Depok, north along Tangerang. Degrees lon/lat, about 1-3 km apart.
 */
const TRACE: readonly Pt[] = [
  [106.69, -6.1],
  [106.71, -6.098],
  [106.73, -6.102],
  [106.75, -6.1],
  [106.77, -6.104],
  [106.785, -6.108],
  [106.8, -6.113],
  [106.815, -6.118],
  [106.83, -6.122],
  [106.845, -6.118],
  [106.86, -6.115],
  [106.87, -6.1],
  [106.885, -6.095],
  [106.9, -6.103],
  [106.915, -6.098],
  [106.935, -6.093],
  [106.955, -6.09],
  [106.972, -6.094],
  [106.975, -6.115],
  [106.97, -6.14],
  [106.972, -6.165],
  [106.965, -6.195],
  [106.96, -6.215],
  [106.965, -6.24],
  [106.952, -6.265],
  [106.935, -6.292],
  [106.922, -6.318],
  [106.908, -6.342],
  [106.893, -6.362],
  [106.87, -6.36],
  [106.85, -6.352],
  [106.835, -6.362],
  [106.82, -6.366],
  [106.805, -6.356],
  [106.795, -6.348],
  [106.785, -6.33],
  [106.772, -6.306],
  [106.762, -6.282],
  [106.755, -6.258],
  [106.738, -6.238],
  [106.715, -6.228],
  [106.698, -6.215],
  [106.688, -6.195],
  [106.69, -6.17],
  [106.685, -6.15],
  [106.69, -6.13],
  [106.688, -6.115],
];

/** Segments shorter than this (km) are not subdivided further. */
const MIN_SEGMENT_KM = 0.7;

/** Recursive midpoint displacement of a closed ring, skipping any offset that would cross it. */
function roughen(ring: Pt[], rand: () => number): Pt[] {
  let cur = ring;
  for (let pass = 0; pass < 4; pass++) {
    const next: Pt[] = [];
    for (let i = 0; i < cur.length; i++) {
      const a = cur[i]!;
      const b = cur[(i + 1) % cur.length]!;
      next.push(a);
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len < MIN_SEGMENT_KM) continue;
      const off = (rand() - 0.5) * 0.3 * len;
      const mid: Pt = [
        (a[0] + b[0]) / 2 + (off * -(b[1] - a[1])) / len,
        (a[1] + b[1]) / 2 + (off * (b[0] - a[0])) / len,
      ];
      const crosses = cur.some((c, j) => {
        const d = cur[(j + 1) % cur.length]!;
        return j !== i && (segmentsCross(a, mid, c, d) || segmentsCross(mid, b, c, d));
      });
      if (!crosses) next.push(mid);
    }
    cur = next;
  }
  return cur;
}

/**
 * The mainland outline in grid kilometres: an open counter-clockwise ring of a few hundred
 * vertices, scaled about its centroid to MAINLAND_KM2. The same for every seed.
 */
export function mainlandOutline(): Pt[] {
  const rand = createRng(deriveSeed(0, 'mainland-outline'));
  const ring = roughen(TRACE.map(([lon, lat]) => toKm(lon, lat)).reverse(), rand);
  const area = signedArea(ring);
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const f = Math.sqrt(MAINLAND_KM2 / area);
  return ring.map(([x, y]) => [cx + (x - cx) * f, cy + (y - cy) * f]);
}
