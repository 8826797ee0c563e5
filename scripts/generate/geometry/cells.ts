/**
 * RW centres for the mainland: sampled from the kota plan, then Lloyd-relaxed (density-weighted
 * centroidal Voronoi) with each centre kept in its own kota and on land. Cells on the coast and
 * the land border are shaped by mirror images of the centres across the outline, so the city's
 * edge follows the outline instead of the zigzag of cell edges.
 */
import { featureCollection, point, voronoi } from '@turf/turf';
import { createRng, type Rng } from '../rng';
import { densityAt, labelAt, pixelAt, type Plan } from './plan';
import { nearestOnRing, pointInRing, type Pt } from './planar';

/** A mainland RW centre with its kota label (plan index). */
export interface Site {
  p: Pt;
  kota: number;
}

/** Spacing (km) of the fixed background points that bound the cells outside the city. */
const BACKGROUND_SPACING = 0.7;

/** Samples rwPerKota[k] sites in each planned kota, with probability following the density. */
export function sampleSites(
  plan: Plan,
  outline: readonly Pt[],
  rwPerKota: readonly number[],
  rng: Rng,
): Site[] {
  const sites: Site[] = [];
  rwPerKota.forEach((count, kota) => {
    const pixels: number[] = [];
    const cumulative: number[] = [];
    let total = 0;
    plan.label.forEach((l, k) => {
      if (l !== kota) return;
      total += plan.density[k]!;
      pixels.push(k);
      cumulative.push(total);
    });
    for (let placed = 0; placed < count;) {
      const u = rng() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      const k = pixels[lo]!;
      const p: Pt = [
        plan.x0 + ((k % plan.nx) + rng()) * plan.step,
        plan.y0 + (Math.floor(k / plan.nx) + rng()) * plan.step,
      ];
      if (!pointInRing(p, outline)) continue;
      sites.push({ p, kota });
      placed++;
    }
  });
  return sites;
}

/** Jittered grid of points off the mainland and at least `clearance` km from its outline. */
function backgroundPoints(plan: Plan, outline: readonly Pt[], clearance: number): Pt[] {
  const rng = createRng(0x5eed);
  const out: Pt[] = [];
  const w = plan.nx * plan.step;
  const h = plan.ny * plan.step;
  for (let y = BACKGROUND_SPACING / 2; y < h; y += BACKGROUND_SPACING) {
    for (let x = BACKGROUND_SPACING / 2; x < w; x += BACKGROUND_SPACING) {
      const p: Pt = [
        plan.x0 + x + (rng() - 0.5) * 0.5 * BACKGROUND_SPACING,
        plan.y0 + y + (rng() - 0.5) * 0.5 * BACKGROUND_SPACING,
      ];
      if (!pointInRing(p, outline) && nearestOnRing(p, outline).d > clearance) out.push(p);
    }
  }
  return out;
}

/** Mirror images across the outline of the sites near it, skipping those that land on land. */
function mirrors(sites: readonly Site[], plan: Plan, outline: readonly Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const s of sites) {
    const reach = 1.5 / Math.sqrt(densityAt(plan, s.p));
    const near = nearestOnRing(s.p, outline);
    if (near.d > reach || near.d === 0) continue;
    const m: Pt = [2 * near.foot[0] - s.p[0], 2 * near.foot[1] - s.p[1]];
    if (pointInRing(m, outline)) continue;
    if (nearestOnRing(m, outline).d < 0.5 * near.d) continue;
    out.push(m);
  }
  return out;
}

/** Voronoi cells (open rings, grid km) of the first `count` points among all, clipped to the plan. */
function voronoiCells(points: readonly Pt[], count: number, plan: Plan): Pt[][] {
  const fc = voronoi(featureCollection(points.map((p) => point(p))), {
    bbox: [plan.x0, plan.y0, plan.x0 + plan.nx * plan.step, plan.y0 + plan.ny * plan.step],
  });
  const cells: Pt[][] = [];
  for (let i = 0; i < count; i++) {
    const f = fc.features[i];
    if (!f) throw new Error(`no Voronoi cell for site ${i}`);
    cells.push(f.geometry.coordinates[0]!.slice(0, -1) as Pt[]);
  }
  return cells;
}

/** Density-weighted centroid of a convex cell around site p (weights: density², per fan triangle). */
function weightedCentroid(cell: readonly Pt[], p: Pt, plan: Plan): Pt {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < cell.length; i++) {
    const a = cell[i]!;
    const b = cell[(i + 1) % cell.length]!;
    const area = Math.abs((a[0] - p[0]) * (b[1] - p[1]) - (a[1] - p[1]) * (b[0] - p[0])) / 2;
    const c: Pt = [(p[0] + a[0] + b[0]) / 3, (p[1] + a[1] + b[1]) / 3];
    const w = area * densityAt(plan, c) ** 2;
    sw += w;
    sx += w * c[0];
    sy += w * c[1];
  }
  return sw > 0 ? [sx / sw, sy / sw] : p;
}

/**
 * Lloyd-relaxes the sites in place for `iterations` rounds and returns their final cells
 * (open counter-clockwise rings in grid km, one per site, in site order).
 */
export function relaxSites(
  sites: Site[],
  plan: Plan,
  outline: readonly Pt[],
  iterations: number,
): Pt[][] {
  const background = backgroundPoints(plan, outline, 0.9);
  const cellsNow = (): Pt[][] =>
    voronoiCells(
      [...sites.map((s) => s.p), ...mirrors(sites, plan, outline), ...background],
      sites.length,
      plan,
    );
  const fits = (s: Site, q: Pt): boolean =>
    pixelAt(plan, q) >= 0 && labelAt(plan, q) === s.kota && pointInRing(q, outline);
  for (let it = 0; it < iterations; it++) {
    const cells = cellsNow();
    sites.forEach((s, i) => {
      const c = weightedCentroid(cells[i]!, s.p, plan);
      const half: Pt = [(c[0] + s.p[0]) / 2, (c[1] + s.p[1]) / 2];
      if (fits(s, c)) s.p = c;
      else if (fits(s, half)) s.p = half;
    });
  }
  return cellsNow();
}
