/**
 * Boundary files: GeoJSON checks (structure, geometry validity, projected or swapped
 * coordinates, extent), and the derived kecamatan and kota outlines of imported kelurahan.
 */
import { area as turfArea, union as turfUnion } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** Jakarta's extent with a margin, `[west, south, east, north]` in degrees (Seribu islands included). */
export const JAKARTA_BBOX = [106.3, -6.5, 107.2, -5.1] as const;

/** A bounding box `[minX, minY, maxX, maxY]` in the file's units. */
export type Extent = [number, number, number, number];

/** What the coordinates look like. */
export type CoordinateVerdict = 'lonlat' | 'swapped' | 'projected' | 'outside' | 'none';

function walkPositions(coords: unknown, visit: (p: Position) => void): void {
  if (!Array.isArray(coords)) return;
  if (coords.length >= 2 && typeof coords[0] === 'number') {
    visit(coords as Position);
    return;
  }
  for (const c of coords) walkPositions(c, visit);
}

/** The extent of every position of every geometry (null when there are none). */
export function extentOf(features: readonly Feature[]): Extent | null {
  const e: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const g = f.geometry as { coordinates?: unknown } | null;
    walkPositions(g?.coordinates, (p) => {
      const x = p[0]!;
      const y = p[1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      e[0] = Math.min(e[0], x);
      e[1] = Math.min(e[1], y);
      e[2] = Math.max(e[2], x);
      e[3] = Math.max(e[3], y);
    });
  }
  return Number.isFinite(e[0]) ? e : null;
}

const inside = (e: Extent, b: readonly number[]): boolean =>
  e[0] >= b[0]! && e[1] >= b[1]! && e[2] <= b[2]! && e[3] <= b[3]!;

/**
 * Judges an extent: degrees in Jakarta (`lonlat`), latitude and longitude swapped (`swapped`),
 * metres of a projected system such as UTM zone 48S (`projected`), or degrees elsewhere (`outside`).
 */
export function judgeCoordinates(e: Extent | null): CoordinateVerdict {
  if (e === null) return 'none';
  if (inside(e, JAKARTA_BBOX)) return 'lonlat';
  if (inside([e[1], e[0], e[3], e[2]], JAKARTA_BBOX)) return 'swapped';
  if (Math.abs(e[0]) > 180 || Math.abs(e[2]) > 180 || Math.abs(e[1]) > 90 || Math.abs(e[3]) > 90) return 'projected';
  return 'outside';
}

function swapCoords(coords: unknown): unknown {
  if (!Array.isArray(coords)) return coords;
  if (coords.length >= 2 && typeof coords[0] === 'number') {
    const [x, y, ...rest] = coords as number[];
    return [y, x, ...rest];
  }
  return coords.map(swapCoords);
}

/** The geometry with x and y exchanged in every position. */
export function swapGeometry<G extends Geometry>(g: G): G {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(swapGeometry) };
  const swapped: unknown = { ...g, coordinates: swapCoords(g.coordinates) };
  return swapped as G;
}

/** Why a geometry cannot be a boundary (English, for the message), or null when it is usable. */
export function geometryProblem(g: Geometry | null | undefined): string | null {
  if (!g) return 'it has no geometry';
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return `its geometry is a ${g.type}, not a polygon`;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'its polygon has no rings';
  for (const poly of polygons) {
    if (!Array.isArray(poly) || poly.length === 0) return 'a polygon has no rings';
    for (const ring of poly) {
      if (!Array.isArray(ring)) return 'a ring is not a list of positions';
      if (ring.some((p) => !Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
        return 'a ring has a position that is not two numbers';
      }
      if (ring.length < 4) return `a ring has ${ring.length} positions (at least 4 are needed)`;
      const a = ring[0]!;
      const b = ring[ring.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) return 'a ring is not closed (its last position differs from its first)';
    }
  }
  return null;
}

/** Area of a polygon feature in km² (spherical, turf). */
export function areaKm2(g: Polygon | MultiPolygon): number {
  return turfArea({ type: 'Feature', properties: {}, geometry: g }) / 1e6;
}

/** Merges polygon geometries into one MultiPolygon without dissolving shared edges. */
export function combine(geoms: readonly (Polygon | MultiPolygon)[]): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: geoms.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)),
  };
}

/** Dissolves polygons into one outline; falls back to a plain MultiPolygon when the union fails. */
export function dissolve(geoms: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  if (geoms.length === 1) return geoms[0]!;
  try {
    const u = turfUnion({
      type: 'FeatureCollection',
      features: geoms.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
    });
    if (u) return u.geometry;
  } catch {
    // Slightly invalid inputs (self-touching rings) can defeat the clipper; outlines still work.
  }
  return combine(geoms);
}

/**
 * Kecamatan and kota outlines dissolved from kelurahan features that carry the canonical
 * properties (kelurahan/kecamatan/kota codes and names, area_km2, population, households).
 */
export function deriveUpperLevels(kelurahan: FeatureCollection): { kecamatan: FeatureCollection; kota: FeatureCollection } {
  const group = (key: 'kecamatan' | 'kota'): FeatureCollection => {
    const groups = new Map<string, Feature[]>();
    for (const f of kelurahan.features) {
      const code = String(f.properties?.[`${key}_code`] ?? '');
      groups.set(code, [...(groups.get(code) ?? []), f]);
    }
    const features: Feature[] = [];
    for (const [code, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const p = members[0]!.properties ?? {};
      const sum = (k: string): number => members.reduce((s, m) => s + Number(m.properties?.[k] ?? 0), 0);
      const props: Record<string, unknown> =
        key === 'kota'
          ? { kota_code: code, kota_name: p.kota_name }
          : { kecamatan_code: code, kecamatan_name: p.kecamatan_name, kota_code: p.kota_code, kota_name: p.kota_name };
      props.area_km2 = Math.round(sum('area_km2') * 1e6) / 1e6;
      props.population = sum('population');
      props.households = sum('households');
      features.push({
        type: 'Feature',
        properties: props,
        geometry: dissolve(members.map((m) => m.geometry as Polygon | MultiPolygon)),
      });
    }
    return { type: 'FeatureCollection', features };
  };
  return { kecamatan: group('kecamatan'), kota: group('kota') };
}
