import {
  area,
  booleanPointInPolygon,
  booleanValid,
  centroid,
  featureCollection,
  kinks,
  union,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocateRw, readKelurahan, rwCode, RW_PER_KOTA, type KelurahanWithRw } from './areas';
import { buildGeometry, type GeometryOutput } from './geometry';
import { addCells, adjacency, createMesh, dissolve } from './geometry/mesh';
import { partition } from './geometry/partition';
import type { Pt } from './geometry/planar';
import { createRng } from './rng';

const SEED = 20_230_203;
const KOTA_KM2: Record<string, number> = {
  '31.01': 8.7,
  '31.71': 48,
  '31.72': 146,
  '31.73': 129,
  '31.74': 141,
  '31.75': 188,
};

type Area = Polygon | MultiPolygon;
const polygonsOf = (g: Area): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
const positionsOf = (g: Area): Position[] => polygonsOf(g).flat(2);
const km2 = (g: Area): number => area(g) / 1e6;
const relClose = (a: number, b: number, tol: number): boolean =>
  Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
const byCode = <T>(list: readonly T[], code: (t: T) => string): T[] =>
  [...list].sort((a, b) => (code(a) < code(b) ? -1 : 1));
const centroidOf = (g: Area): Pt => centroid(g).geometry.coordinates as Pt;

let kelurahan: KelurahanWithRw[];
let geo: GeometryOutput;
let json: string;

beforeAll(() => {
  kelurahan = allocateRw(readKelurahan(), SEED);
  geo = buildGeometry(kelurahan, SEED);
  json = JSON.stringify(geo);
});

describe('buildGeometry: the area list', () => {
  it('has 6 kota, 44 kecamatan, 267 kelurahan and 2,731 RW', () => {
    expect(geo.kota.features).toHaveLength(6);
    expect(geo.kecamatan.features).toHaveLength(44);
    expect(geo.kelurahan.features).toHaveLength(267);
    expect(geo.rw.features).toHaveLength(2731);
    expect(Object.values(RW_PER_KOTA).reduce((s, x) => s + x, 0)).toBe(2731);
  });

  it('uses exactly the codes and names of the area list, sorted by code', () => {
    const kel = byCode(kelurahan, (k) => k.kelurahan_code);
    expect(geo.kelurahan.features.map((f) => f.properties)).toEqual(
      kel.map(({ rw_count: _n, ...names }) => ({
        ...names,
        area_km2: expect.any(Number) as number,
      })),
    );
    expect(geo.kecamatan.features.map((f) => f.properties.kecamatan_code)).toEqual(
      [...new Set(kel.map((k) => k.kecamatan_code))].sort(),
    );
    expect(geo.kota.features.map((f) => [f.properties.kota_code, f.properties.kota_name])).toEqual([
      ['31.01', 'Kepulauan Seribu'],
      ['31.71', 'Jakarta Pusat'],
      ['31.72', 'Jakarta Utara'],
      ['31.73', 'Jakarta Barat'],
      ['31.74', 'Jakarta Selatan'],
      ['31.75', 'Jakarta Timur'],
    ]);
    for (const f of geo.kecamatan.features) {
      const k = kel.find((x) => x.kecamatan_code === f.properties.kecamatan_code)!;
      expect(f.properties).toMatchObject({
        kecamatan_name: k.kecamatan_name,
        kota_code: k.kota_code,
        kota_name: k.kota_name,
      });
    }
  });

  it('numbers the RWs 1..rw_count within each kelurahan, keyed by rwCode, sorted by code', () => {
    const expected = byCode(kelurahan, (k) => k.kelurahan_code).flatMap((k) =>
      Array.from({ length: k.rw_count }, (_, i) => ({
        rw_code: rwCode(k.kelurahan_code, i + 1),
        kelurahan_code: k.kelurahan_code,
        rw_number: i + 1,
      })),
    );
    expect(
      geo.rw.features.map(({ properties: p }) => ({
        rw_code: p.rw_code,
        kelurahan_code: p.kelurahan_code,
        rw_number: p.rw_number,
      })),
    ).toEqual(expected);
    const perKota = new Map<string, number>();
    for (const f of geo.rw.features)
      perKota.set(
        f.properties.rw_code.slice(0, 5),
        (perKota.get(f.properties.rw_code.slice(0, 5)) ?? 0) + 1,
      );
    expect(Object.fromEntries(perKota)).toEqual(RW_PER_KOTA);
  });
});

describe('buildGeometry: valid, nested, tiling', () => {
  it('gives every feature a valid geometry without self-intersections', () => {
    for (const level of [geo.kota, geo.kecamatan, geo.kelurahan, geo.rw]) {
      for (const f of level.features as Feature<Area>[]) {
        expect(booleanValid(f), JSON.stringify(f.properties).slice(0, 60)).toBe(true);
        expect(kinks(f).features, JSON.stringify(f.properties).slice(0, 60)).toHaveLength(0);
      }
    }
  });

  it('rounds every coordinate to 6 decimals and winds exteriors counter-clockwise', () => {
    for (const f of [...geo.kota.features, ...geo.rw.features] as Feature<Area>[]) {
      for (const [x, y] of positionsOf(f.geometry)) {
        expect(Math.round(x! * 1e6) / 1e6).toBe(x);
        expect(Math.round(y! * 1e6) / 1e6).toBe(y);
      }
      for (const poly of polygonsOf(f.geometry)) {
        const ring = poly[0]!;
        let s = 0;
        for (let i = 1; i < ring.length; i++)
          s += (ring[i]![0]! - ring[i - 1]![0]!) * (ring[i]![1]! + ring[i - 1]![1]!);
        expect(s).toBeLessThan(0);
      }
    }
  });

  it('makes every RW one polygon whose centroid lies inside it and inside its kelurahan', () => {
    const kel = new Map(geo.kelurahan.features.map((f) => [f.properties.kelurahan_code, f]));
    for (const f of geo.rw.features) {
      expect(f.geometry.type).toBe('Polygon');
      expect(
        booleanPointInPolygon(f.properties.centroid, f.geometry, { ignoreBoundary: true }),
      ).toBe(true);
      expect(
        booleanPointInPolygon(
          f.properties.centroid,
          kel.get(f.properties.kelurahan_code)!.geometry,
        ),
      ).toBe(true);
      expect(f.properties.area_km2).toBeCloseTo(km2(f.geometry), 5);
    }
  });

  it('sums RW areas to the kelurahan, kelurahan to the kecamatan, kecamatan to the kota', () => {
    const sum = (pairs: [string, number][]): Map<string, number> => {
      const m = new Map<string, number>();
      for (const [k, v] of pairs) m.set(k, (m.get(k) ?? 0) + v);
      return m;
    };
    const rwSum = sum(
      geo.rw.features.map((f) => [f.properties.kelurahan_code, f.properties.area_km2]),
    );
    for (const f of geo.kelurahan.features)
      expect(relClose(rwSum.get(f.properties.kelurahan_code)!, f.properties.area_km2, 1e-4)).toBe(
        true,
      );
    const kelSum = sum(
      geo.kelurahan.features.map((f) => [f.properties.kecamatan_code, f.properties.area_km2]),
    );
    for (const f of geo.kecamatan.features)
      expect(relClose(kelSum.get(f.properties.kecamatan_code)!, f.properties.area_km2, 1e-4)).toBe(
        true,
      );
    const kecSum = sum(
      geo.kecamatan.features.map((f) => [f.properties.kota_code, f.properties.area_km2]),
    );
    for (const f of geo.kota.features)
      expect(relClose(kecSum.get(f.properties.kota_code)!, f.properties.area_km2, 1e-4)).toBe(true);
  });

  it('tiles each kecamatan with its RWs: no overlaps (union area = sum) and no gaps (same outline)', () => {
    for (const kec of geo.kecamatan.features) {
      const rws = geo.rw.features.filter((f) =>
        f.properties.rw_code.startsWith(kec.properties.kecamatan_code + '.'),
      );
      const merged = union(featureCollection(rws))!;
      const sumKm2 = rws.reduce((s, f) => s + km2(f.geometry), 0);
      expect(relClose(km2(merged.geometry), sumKm2, 1e-4), kec.properties.kecamatan_code).toBe(
        true,
      );
      expect(relClose(km2(merged.geometry), kec.properties.area_km2, 1e-4)).toBe(true);
      const holes = (g: Area): number => polygonsOf(g).reduce((s, p) => s + p.length - 1, 0);
      expect(polygonsOf(merged.geometry)).toHaveLength(polygonsOf(kec.geometry).length);
      expect(holes(merged.geometry)).toBe(holes(kec.geometry));
    }
  });

  it('keeps mainland kecamatan and kelurahan in one piece; Seribu is several islands', () => {
    const mainland = (code: string): boolean => !code.startsWith('31.01.');
    for (const f of geo.kecamatan.features.filter((x) => mainland(x.properties.kecamatan_code))) {
      expect(f.geometry.type, f.properties.kecamatan_code).toBe('Polygon');
    }
    for (const f of geo.kelurahan.features.filter((x) => mainland(x.properties.kelurahan_code))) {
      expect(f.geometry.type, f.properties.kelurahan_code).toBe('Polygon');
    }
    const seribu = geo.kota.features[0]!;
    expect(seribu.geometry.type).toBe('MultiPolygon');
    expect(polygonsOf(seribu.geometry).length).toBeGreaterThanOrEqual(6);
    for (const f of geo.kota.features.slice(1)) expect(f.geometry.type).toBe('Polygon');
  });

  it('nests each kelurahan inside its kecamatan', () => {
    const kec = new Map(
      geo.kecamatan.features.map((f) => [f.properties.kecamatan_code, f.geometry]),
    );
    for (const f of geo.kelurahan.features) {
      for (const p of geo.rw.features.filter(
        (r) => r.properties.kelurahan_code === f.properties.kelurahan_code,
      )) {
        expect(
          booleanPointInPolygon(p.properties.centroid, kec.get(f.properties.kecamatan_code)!),
        ).toBe(true);
      }
    }
  });
});

describe('buildGeometry: looks like Jakarta', () => {
  it('covers about 662 km² in all, with kota areas near the real ones', () => {
    const total = geo.kota.features.reduce((s, f) => s + f.properties.area_km2, 0);
    expect(total).toBeGreaterThan(662 * 0.97);
    expect(total).toBeLessThan(662 * 1.03);
    for (const f of geo.kota.features) {
      const ratio = f.properties.area_km2 / KOTA_KM2[f.properties.kota_code]!;
      expect(ratio, f.properties.kota_name).toBeGreaterThan(0.75);
      expect(ratio, f.properties.kota_name).toBeLessThan(1.25);
    }
  });

  it('places the kota in their real relative positions', () => {
    const c = Object.fromEntries(
      geo.kota.features.map((f) => [f.properties.kota_code, centroidOf(f.geometry)]),
    );
    const [pusatLon, pusatLat] = c['31.71']!;
    expect(Math.abs(pusatLon - 106.83)).toBeLessThan(0.03);
    expect(Math.abs(pusatLat + 6.18)).toBeLessThan(0.03);
    expect(c['31.72']![1]).toBeGreaterThan(pusatLat + 0.02);
    expect(c['31.74']![1]).toBeLessThan(pusatLat - 0.05);
    expect(c['31.73']![0]).toBeLessThan(pusatLon - 0.04);
    expect(c['31.75']![0]).toBeGreaterThan(pusatLon + 0.04);
    expect(c['31.75']![1]).toBeLessThan(pusatLat);
    expect(c['31.01']![1]).toBeGreaterThan(pusatLat + 0.25);
  });

  it('lays Utara along the whole coast and Seribu as small islands in the bay', () => {
    const bbox = (g: Area): [number, number, number, number] => {
      const ps = positionsOf(g);
      const xs = ps.map((p) => p[0]!);
      const ys = ps.map((p) => p[1]!);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    };
    const [seribu, , utara, ...rest] = geo.kota.features;
    const u = bbox(utara!.geometry);
    expect(u[0]).toBeLessThan(106.72);
    expect(u[2]).toBeGreaterThan(106.94);
    expect(u[3]).toBeGreaterThan(-6.11);
    expect(centroidOf(utara!.geometry)[1]).toBeGreaterThan(-6.16);
    for (const f of rest) expect(bbox(f.geometry)[3]).toBeLessThan(u[3]);
    const s = bbox(seribu!.geometry);
    expect(s[0]).toBeGreaterThan(106.42);
    expect(s[2]).toBeLessThan(106.68);
    expect(s[1]).toBeGreaterThan(-5.98);
    expect(s[3]).toBeLessThan(-5.47);
    expect(seribu!.properties.area_km2).toBeGreaterThan(8);
    expect(seribu!.properties.area_km2).toBeLessThan(9.5);
  });

  it('has an irregular mainland of the right extent, not a rectangle', () => {
    const mainland = geo.kota.features.slice(1);
    const ps = mainland.flatMap((f) => positionsOf(f.geometry));
    const [x0, x1] = [Math.min(...ps.map((p) => p[0]!)), Math.max(...ps.map((p) => p[0]!))];
    const [y0, y1] = [Math.min(...ps.map((p) => p[1]!)), Math.max(...ps.map((p) => p[1]!))];
    expect(x0).toBeGreaterThan(106.65);
    expect(x0).toBeLessThan(106.71);
    expect(x1).toBeGreaterThan(106.95);
    expect(x1).toBeLessThan(107.0);
    expect(y0).toBeGreaterThan(-6.4);
    expect(y0).toBeLessThan(-6.34);
    expect(y1).toBeGreaterThan(-6.11);
    expect(y1).toBeLessThan(-6.07);
    const land = mainland.reduce((s, f) => s + f.properties.area_km2, 0);
    const box = km2({
      type: 'Polygon',
      coordinates: [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    });
    expect(land / box).toBeLessThan(0.85);
  });

  it('makes RWs smaller in the centre than at the edge', () => {
    const mean = (kota: string): number => {
      const list = geo.rw.features.filter((f) => f.properties.rw_code.startsWith(kota + '.'));
      return list.reduce((s, f) => s + f.properties.area_km2, 0) / list.length;
    };
    expect(mean('31.71')).toBeLessThan(0.7 * mean('31.75'));
    const areas = geo.rw.features.map((f) => f.properties.area_km2).sort((a, b) => a - b);
    expect(
      areas[Math.floor(areas.length * 0.9)]! / areas[Math.floor(areas.length * 0.1)]!,
    ).toBeGreaterThan(2);
  });
});

describe('buildGeometry: deterministic', () => {
  it('gives byte-identical JSON for the same seed and different RW shapes for another', () => {
    expect(JSON.stringify(buildGeometry(kelurahan, SEED))).toBe(json);
    const other = buildGeometry(kelurahan, SEED + 1);
    const changed = other.rw.features.filter(
      (f, i) => JSON.stringify(f.geometry) !== JSON.stringify(geo.rw.features[i]!.geometry),
    ).length;
    expect(changed).toBeGreaterThan(2000);
  });
});

describe('mesh and partition helpers', () => {
  const square = (x: number, y: number): Pt[] => [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
  ];

  it('dissolves a ring of cells into a polygon with a hole, and corner-touching cells into two pieces', () => {
    const mesh = createMesh();
    const ids = addCells(
      mesh,
      [0, 1, 2].flatMap((x) => [0, 1, 2].map((y) => square(x, y))),
      new Map(),
    );
    const ring = ids.filter((_, i) => i !== 4);
    const g = dissolve(mesh, ring);
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    const diagonal = dissolve(mesh, [ids[0]!, ids[4]!]);
    expect(diagonal.type).toBe('MultiPolygon');
    expect(diagonal.coordinates.map((p) => p.map((r) => r.length))).toEqual([[5], [5]]);
  });

  it('partitions a grid of cells into connected groups of exactly the asked sizes', () => {
    const mesh = createMesh();
    const cells = addCells(
      mesh,
      Array.from({ length: 144 }, (_, i) => square(i % 12, Math.floor(i / 12))),
      new Map(),
    );
    const g = { adj: adjacency(mesh), pos: cells.map((c) => [c % 12, Math.floor(c / 12)] as Pt) };
    const sizes = [30, 7, 50, 3, 20, 34];
    const groups = partition(g, cells, sizes, createRng(1));
    expect(groups.map((x) => x.length)).toEqual(sizes);
    expect(new Set(groups.flat()).size).toBe(144);
    for (const group of groups) expect(dissolve(mesh, group).type).toBe('Polygon');
  });
});
