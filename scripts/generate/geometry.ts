/**
 * Synthetic boundaries of Jakarta for the demo: every RW is a cell of a density-weighted,
 * Lloyd-relaxed Voronoi diagram over a hand-drawn mainland outline, kota follow a plan tuned to
 * their real areas and positions, kecamatan and kelurahan are contiguous groups of exactly
 * their RW counts, and Kepulauan Seribu is a scatter of small islands in the bay. Higher levels
 * are dissolved from shared mesh edges, so the levels nest and tile without gaps or overlaps.
 */
import { area, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { rwCode, type KelurahanWithRw } from './areas';
import { relaxSites, sampleSites } from './geometry/cells';
import { buildIslands } from './geometry/islands';
import { addCells, adjacency, createMesh, dissolve, type Mesh } from './geometry/mesh';
import { mainlandOutline } from './geometry/outline';
import { makeContiguous, partition, type CellGraph } from './geometry/partition';
import { MAINLAND_KOTA, planKota, type Plan } from './geometry/plan';
import { round6, toLonLat, type Pt } from './geometry/planar';
import { createRng, deriveSeed } from './rng';

type Area = Polygon | MultiPolygon;

/** The four levels of synthetic boundaries, features sorted by code, WGS84 lon/lat to 6 decimals. */
export interface GeometryOutput {
  kota: FeatureCollection<Area, { kota_code: string; kota_name: string; area_km2: number }>;
  kecamatan: FeatureCollection<
    Area,
    {
      kecamatan_code: string;
      kecamatan_name: string;
      kota_code: string;
      kota_name: string;
      area_km2: number;
    }
  >;
  kelurahan: FeatureCollection<
    Area,
    {
      kelurahan_code: string;
      kelurahan_name: string;
      kecamatan_code: string;
      kecamatan_name: string;
      kota_code: string;
      kota_name: string;
      area_km2: number;
    }
  >;
  rw: FeatureCollection<
    Area,
    {
      rw_code: string;
      kelurahan_code: string;
      rw_number: number;
      area_km2: number;
      centroid: [number, number];
    }
  >;
}

/** Kota code of Kepulauan Seribu, the only kota built from islands. */
export const SERIBU = '31.01';

/** Lloyd rounds for the mainland RW centres. */
const LLOYD_ITERATIONS = 8;

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Area of a geometry in km², rounded to 6 decimals (1 m²). */
const km2 = (g: Area): number => round6(area(g) / 1e6);

const plans = new Map<string, { outline: Pt[]; plan: Plan }>();

/** The mainland outline and kota plan for these RW counts (cached: it does not depend on the seed). */
function layout(rwPerKota: readonly number[]): { outline: Pt[]; plan: Plan } {
  const key = rwPerKota.join(',');
  let hit = plans.get(key);
  if (!hit) {
    const outline = mainlandOutline();
    hit = { outline, plan: planKota(outline, rwPerKota) };
    plans.set(key, hit);
  }
  return hit;
}

/** Groups records by a key, keeping first-seen order of keys. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const list = out.get(key(t)) ?? [];
    list.push(t);
    out.set(key(t), list);
  }
  return out;
}

/** Mainland RW cells per kelurahan code, RW order north-west first. */
function mainlandCells(
  mesh: Mesh,
  kelurahan: readonly KelurahanWithRw[],
  seed: number,
  index: Map<string, number>,
): { cells: Map<string, number[]>; pos: Pt[] } {
  const rwPerKota = MAINLAND_KOTA.map((code) =>
    kelurahan.filter((k) => k.kota_code === code).reduce((s, k) => s + k.rw_count, 0),
  );
  const { outline, plan } = layout(rwPerKota);
  const rng = createRng(deriveSeed(seed, 'geometry'));
  const sites = sampleSites(plan, outline, rwPerKota, rng);
  const rings = relaxSites(sites, plan, outline, LLOYD_ITERATIONS);
  const ids = addCells(
    mesh,
    rings.map((r) => r.map(toLonLat)),
    index,
  );
  const pos = sites.map((s) => s.p);
  const g: CellGraph = { adj: adjacency(mesh), pos };
  const label = new Map(ids.map((c, i) => [c, sites[i]!.kota]));
  makeContiguous(g, ids, label, new Map(rwPerKota.map((n, k) => [k, n])));

  const cells = new Map<string, number[]>();
  MAINLAND_KOTA.forEach((code, k) => {
    const inKota = kelurahan.filter((x) => x.kota_code === code);
    const kecamatan = [...groupBy(inKota, (x) => x.kecamatan_code).values()];
    const kotaCells = ids.filter((c) => label.get(c) === k);
    const parts = partition(
      g,
      kotaCells,
      kecamatan.map((list) => list.reduce((s, x) => s + x.rw_count, 0)),
      rng,
    );
    kecamatan.forEach((list, i) => {
      const groups = partition(
        g,
        parts[i]!,
        list.map((x) => x.rw_count),
        rng,
      );
      list.forEach((x, j) => {
        const order = (c: number): number => pos[c]![0] - 1.5 * pos[c]![1];
        cells.set(
          x.kelurahan_code,
          [...groups[j]!].sort((a, b) => order(a) - order(b) || a - b),
        );
      });
    });
  });
  return { cells, pos };
}

/** Builds deterministic synthetic boundaries for every level from the real area list. */
export function buildGeometry(kelurahan: readonly KelurahanWithRw[], seed: number): GeometryOutput {
  const sorted = [...kelurahan].sort((a, b) => byCode(a.kelurahan_code, b.kelurahan_code));
  const unknown = sorted.find(
    (k) => k.kota_code !== SERIBU && !(MAINLAND_KOTA as readonly string[]).includes(k.kota_code),
  );
  if (unknown)
    throw new Error(`unknown kota ${unknown.kota_code} for kelurahan ${unknown.kelurahan_code}`);
  const mesh = createMesh();
  const index = new Map<string, number>();
  const mainland = sorted.filter((k) => k.kota_code !== SERIBU);
  const { cells } = mainlandCells(mesh, mainland, seed, index);
  const seribu = sorted.filter((k) => k.kota_code === SERIBU);
  buildIslands(
    seribu.map((k) => k.rw_count),
    seed,
  ).forEach((island, i) => {
    cells.set(seribu[i]!.kelurahan_code, addCells(mesh, island.rwRings, index));
  });

  const rw: GeometryOutput['rw']['features'] = [];
  const kel: GeometryOutput['kelurahan']['features'] = [];
  for (const k of sorted) {
    const own = cells.get(k.kelurahan_code)!;
    if (own.length !== k.rw_count)
      throw new Error(`kelurahan ${k.kelurahan_code}: ${own.length} cells for ${k.rw_count} RW`);
    own.forEach((c, i) => {
      const ring = mesh.cells[c]!.map((v) => mesh.vertices[v]!);
      const geometry: Polygon = {
        type: 'Polygon',
        coordinates: [[...ring, ring[0]!].map((p) => [p[0], p[1]])],
      };
      rw.push({
        type: 'Feature',
        geometry,
        properties: {
          rw_code: rwCode(k.kelurahan_code, i + 1),
          kelurahan_code: k.kelurahan_code,
          rw_number: i + 1,
          area_km2: km2(geometry),
          centroid: insidePoint(geometry),
        },
      });
    });
    const geometry = dissolve(mesh, own);
    const { rw_count: _n, ...names } = k;
    kel.push({ type: 'Feature', geometry, properties: { ...names, area_km2: km2(geometry) } });
  }

  const kecamatan = [...groupBy(sorted, (k) => k.kecamatan_code)].sort((a, b) =>
    byCode(a[0], b[0]),
  );
  const kec: GeometryOutput['kecamatan']['features'] = kecamatan.map(([code, list]) => {
    const geometry = dissolve(
      mesh,
      list.flatMap((k) => cells.get(k.kelurahan_code)!),
    );
    const k = list[0]!;
    return {
      type: 'Feature',
      geometry,
      properties: {
        kecamatan_code: code,
        kecamatan_name: k.kecamatan_name,
        kota_code: k.kota_code,
        kota_name: k.kota_name,
        area_km2: km2(geometry),
      },
    };
  });
  const kota = [...groupBy(sorted, (k) => k.kota_code)].sort((a, b) => byCode(a[0], b[0]));
  const kot: GeometryOutput['kota']['features'] = kota.map(([code, list]) => {
    const geometry = dissolve(
      mesh,
      list.flatMap((k) => cells.get(k.kelurahan_code)!),
    );
    return {
      type: 'Feature',
      geometry,
      properties: { kota_code: code, kota_name: list[0]!.kota_name, area_km2: km2(geometry) },
    };
  });
  const fc = <G extends Area, P>(features: Feature<G, P>[]): FeatureCollection<G, P> => ({
    type: 'FeatureCollection',
    features,
  });
  return { kota: fc(kot), kecamatan: fc(kec), kelurahan: fc(kel), rw: fc(rw) };
}

/** A point inside the polygon: its centroid when inside, else turf's point on the surface. */
function insidePoint(geometry: Polygon): [number, number] {
  const c = centroid(geometry).geometry.coordinates;
  const p: [number, number] = [round6(c[0]!), round6(c[1]!)];
  if (booleanPointInPolygon(p, geometry, { ignoreBoundary: true })) return p;
  const q = pointOnFeature(geometry).geometry.coordinates;
  return [round6(q[0]!), round6(q[1]!)];
}
